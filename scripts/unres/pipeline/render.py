"""Rendering one source's formats in memory, each after the formats it needs."""
from __future__ import annotations

from ..formats import FORMATS
from ..model.presentation import PRESENTATION, present


def render_outputs(res, formats) -> dict:
    """Render the requested formats in memory, each after the formats it needs (the PDF
    embeds the AKN file): ``{format: bytes}``. :mod:`unres.parallel.overlap` gives the same
    bytes sooner, by running the writers' outside processes beside one another."""
    done: dict = {}
    pres = {PRESENTATION: present(res)}     # every printed string, once for all the writers

    def need(name):
        if name not in done:
            spec = FORMATS[name]
            done[name] = spec.render(res, {**pres, **{dep: need(dep) for dep in spec.needs}})
        return done[name]

    for name in formats:
        need(name)
    return {name: done[name] for name in formats}
