"""Rendering one source's formats with their work overlapped: the one seam between the
builder and what exists only for speed.

A writer may offer more than ``render`` (see README, "Adding an output format"):
``start(res, inputs)``, returning a function that finishes the bytes, when most of its
work is an outside process (DOCX: pandoc), which then runs while the other formats
render here; ``draft(res, inputs)`` and ``check(bytes)``, when its checks are slow and
another format embeds it (AKN: the schema), so that a format rendered in another process
starts from the draft while the check runs here; and ``precompute(res, inputs)``,
returning the inputs with what this process can compute ahead for a render that runs in
another one (the PDF: its print page). Only this module and the side process ask for them;
without them a build gets the same bytes from :func:`unres.pipeline.render.render_outputs`.
"""
from __future__ import annotations

from ..formats import FORMATS
from ..model import output_env
from ..model.presentation import PRESENTATION, present


def _writer(name: str):
    return FORMATS[name].load_writer()


def _offers(name: str, hook: str) -> bool:
    return hasattr(_writer(name), hook)


def precompute(name: str, res, inputs: dict) -> dict:
    """``inputs`` and what the writer of ``name`` can compute ahead, in this process, of a
    render that runs in another one."""
    writer = _writer(name)
    return writer.precompute(res, inputs) if hasattr(writer, "precompute") else inputs


def render(res, formats, elsewhere=None, check=None, env=None) -> dict:
    """Render the requested formats (and what they need) in memory, overlapped: the bytes
    of :func:`unres.pipeline.render.render_outputs`, sooner, all finished when it returns.

    ``elsewhere`` maps a format to a ``start(res, inputs)`` that renders it in
    another process (:mod:`unres.parallel.side_process`); it starts first, and its bytes
    are awaited last. ``check``, if given, is called with ``{format: bytes}``: once with
    the formats rendered here, while those rendered elsewhere finish, and once with those;
    what it raises propagates before anything is published. ``env``, if given, is the
    environment that shapes the outputs (:mod:`unres.model.output_env`), instead of this process's.
    """
    elsewhere = {name: start for name, start in (elsewhere or {}).items() if name in formats}
    done: dict = {}
    started: dict = {}
    drafts: dict = {}
    # Every printed string, once for all the writers, and the environment they are to use.
    pres = output_env.with_env({PRESENTATION: present(res)}, env)

    def inputs(name) -> dict:
        return {**pres, **{dep: need(dep) for dep in FORMATS[name].needs}}

    def need(name):
        if name not in done:
            if name in started:
                done[name] = started.pop(name)()
            else:
                done[name] = FORMATS[name].render(res, inputs(name))
        return done[name]

    def draft(name):
        # What a format rendered elsewhere starts from; checked below like the rest.
        if name in done or not _offers(name, "draft"):
            return need(name)
        drafts[name] = _writer(name).draft(res, inputs(name))
        started[name] = lambda: _writer(name).check(drafts[name])
        return drafts[name]

    # A format rendered elsewhere is the longest path of the build: it starts before anything
    # else, from drafts of its inputs.
    for name, start in elsewhere.items():
        started[name] = start(res, {**pres, **{dep: draft(dep) for dep in FORMATS[name].needs}})
    # A writer whose work is an outside process (DOCX: pandoc) starts next and is finished
    # late, so that the process runs on another core while the rest render here.
    early = [name for name in formats if name not in elsewhere and name not in started
             and _offers(name, "start") and not FORMATS[name].needs]
    started.update({name: _writer(name).start(res, dict(pres)) for name in early})
    for name in [n for n in formats if n not in early and n not in elsewhere] + early + list(drafts):
        need(name)
    here = {name: done[name] for name in formats if name not in elsewhere}
    if check is not None and here:
        check(here)
    late = {name: started.pop(name)() for name in elsewhere}
    if check is not None and late:
        check(late)
    return {name: here[name] if name in here else late[name] for name in formats}
