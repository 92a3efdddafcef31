"""A pool of warm worker processes: what runs many sources (or many checks) at once.

Workers are forked from a server process that has already imported pandoc's
adapter, WeasyPrint and python-docx and filled the caches every document
needs (:mod:`unres.parallel.warmup`: the AKN schema, fonts, stylesheet, DOCX's
reference document), so no document pays for those. For long runs the server
also renders a small resolution in memory, which fills WeasyPrint's own
caches. Each worker is replaced after ``RECYCLE_AFTER`` documents, which
keeps memory flat over long runs (a worker grows by roughly 0.2 MB a
document after the first few).
"""
from __future__ import annotations

import os

from . import warmup

RECYCLE_AFTER = 50
# Set to "<pid>" or "<pid>:render" by the process that starts the forkserver:
# the forkserver (its child) then warms up when it imports this module.
_WARM_ENV = "UNRES_WARM_FORKSERVER_OF"
WARM_SOURCE = """---
symbol: A/HRC/RES/1/1
number: "1/1"
title: Warm-up
parent_organ: General Assembly
organ: Human Rights Council
session: 1
session_name: First session
session_start: 2006-06-19
session_end: 2006-06-30
agenda_item: "1"
distribution: General
issue_date: 2006-06-30
original_language: English
language: English
adoption_date: 2006-06-29
meeting: 1st meeting
vote: without
---

*The Human Rights Council*,

*Recalling* the Charter of the United Nations,

1. *Decides* to warm up;[^1]

2. *Decides also* to remain seized of the matter.

[^1]: A/HRC/1/1.
"""


def _render_warm_source() -> None:
    """Render WARM_SOURCE in memory once; a failure here is left for the real build to report."""
    try:
        from ..pipeline.render import render_outputs
        from ..formats import DEFAULT_FORMATS
        from ..readers.markdown.reader import read_source
        render_outputs(read_source("<warm-up>.md", WARM_SOURCE.encode()), DEFAULT_FORMATS)
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


_server_of, _, _server_mode = os.environ.get(_WARM_ENV, "").partition(":")
if _server_of == str(os.getppid()):
    warmup.prepare()
    if _server_mode == "render":
        _render_warm_source()


def parallel_map(func, arg_tuples, jobs: int, preload=None):
    """Yield ``func(*args)`` for each tuple, as they finish, from warm forkserver workers.

    ``func`` must be importable by name (a module-level function). ``preload``
    names the modules the server imports instead of warming up for rendering
    (e.g. only a checker's readers).
    Workers are replaced by running the work in batches of ``RECYCLE_AFTER``
    per worker, each batch in a fresh executor: the executor's own
    ``max_tasks_per_child`` deadlocks once a worker retires while work is
    queued (CPython issue 115634, Python 3.11 to 3.13).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    arg_tuples = list(arg_tuples)
    context = multiprocessing.get_context("forkserver")
    workers = max(1, min(jobs, len(arg_tuples)))
    batch = workers * RECYCLE_AFTER
    if preload is None:
        # This module first: importing it warms the server up (WeasyPrint through its loader).
        context.set_forkserver_preload([__name__, func.__module__] + warmup.MODULES)
        # Rendering a document in the server pays off only when workers are replaced:
        # otherwise each worker's first document fills those caches, in parallel.
        os.environ[_WARM_ENV] = f"{os.getpid()}:render" if len(arg_tuples) > batch else str(os.getpid())
    else:
        context.set_forkserver_preload(list(preload))
        os.environ.pop(_WARM_ENV, None)
    for start in range(0, len(arg_tuples), batch):
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(func, *args) for args in arg_tuples[start:start + batch]]
            for future in as_completed(futures):
                yield future.result()
