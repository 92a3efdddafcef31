"""Rendering one source's formats in memory, each after the formats it needs."""
from __future__ import annotations

from ..formats import FORMATS


# ---------------------------------------------------------------- rendering
def render_outputs(res, formats, elsewhere=None) -> dict:
    """Render the requested formats (and what they need) in memory.

    ``elsewhere`` maps a format to a ``start(res, inputs)`` that renders it in
    another process (:mod:`unres.parallel.side_process`); it starts first, and the function
    that waits for its bytes stands in the result in their place.
    """
    elsewhere = {name: start for name, start in (elsewhere or {}).items() if name in formats}
    done: dict = {}
    started: dict = {}
    drafts: dict = {}

    def need(name):
        if name not in done:
            if name in started:
                done[name] = started.pop(name)()
            else:
                spec = FORMATS[name]
                done[name] = spec.render(res, {dep: need(dep) for dep in spec.needs})
        return done[name]

    def draft(name):
        # What a format rendered elsewhere starts from; checked below like the rest.
        if name in done or not FORMATS[name].drafts:
            return need(name)
        spec = FORMATS[name]
        drafts[name] = spec.draft(res, {dep: need(dep) for dep in spec.needs})
        started[name] = lambda: spec.check(drafts[name])
        return drafts[name]

    # A format rendered elsewhere is the longest path of the build: it starts before anything
    # else, from drafts of its inputs.
    for name, start in elsewhere.items():
        started[name] = start(res, {dep: draft(dep) for dep in FORMATS[name].needs})
    # A writer whose work is an outside process (DOCX: pandoc) starts next and is finished
    # late, so that the process runs on another core while the rest render here.
    early = [name for name in formats if name not in elsewhere and name not in started
             and FORMATS[name].starts_early and not FORMATS[name].needs]
    started.update({name: FORMATS[name].start(res, {}) for name in early})
    for name in [n for n in formats if n not in early and n not in elsewhere] + early + list(drafts):
        need(name)
    done.update({name: started.pop(name) for name in elsewhere})
    return {name: done[name] for name in formats}
