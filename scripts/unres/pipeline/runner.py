"""Running many builds: a pool of warm worker processes, progress, and a summary.

Workers are forked from a server process that has already imported pandoc's
adapter, WeasyPrint and python-docx and filled the caches every document
needs (:mod:`unres.parallel.warmup`: the AKN schema, fonts, stylesheet, DOCX's
reference document), so no document pays for those. For long runs the server
also renders a small resolution in memory, which fills WeasyPrint's own
caches. Each worker is replaced after ``RECYCLE_AFTER`` documents, which
keeps memory flat over long runs (a worker grows by roughly 0.2 MB a
document after the first few). A single source is built in this process,
with :mod:`unres.parallel.warmup` running beside the reading of the source and, when
a second core is allowed (``-j`` above 1), its PDF laid out in a forked
process (:mod:`unres.parallel.side_process`).

Only what the pool path needs is imported at the top: a run with nothing to
rebuild should cost little more than starting Python.
"""
from __future__ import annotations

import os
import sys
import time

from ..errors import EXIT_OK
from ..model.document_date import source_date_epoch
from ..parallel import warmup
from .build import Outcome, build_one
from .paths import output_path
from .stamps import stale_formats

RECYCLE_AFTER = 50
SIDE_FORMAT = "pdf"
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
        from .render import render_outputs
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


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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
        context.set_forkserver_preload([__name__] + warmup.MODULES)
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


def _pending(sources, out_dir, formats, force):
    """Sources with work to do, and for each the formats to rebuild; checking stamps is
    cheap, so do it before starting any worker."""
    todo, fresh = {}, []
    for source in sources:
        try:
            with open(source, "rb") as fh:
                data = fh.read()
        except OSError:
            todo[source] = list(formats)   # build_one reports the error
            continue
        stale = list(formats) if force else stale_formats(source, data, out_dir, formats)
        if stale:
            todo[source] = stale
        else:
            fresh.append(source)
    return todo, fresh


class _Progress:
    def __init__(self, total: int, quiet: bool, verbose: bool = False, out_dir: str = "build"):
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty() and not quiet
        self.quiet, self.verbose, self.out_dir = quiet, verbose, out_dir

    def step(self, outcome: Outcome):
        self.done += 1
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                             f"{os.path.basename(outcome.source)[:40]:<40}")
            sys.stderr.flush()
            if self.done == self.total:
                sys.stderr.write("\n")
        shown = outcome.diagnostics + ([] if self.quiet else outcome.warnings)
        if shown:
            if self.tty:
                sys.stderr.write("\n")
            for line in shown:
                print(line, file=sys.stderr)
        if not outcome.diagnostics and (self.verbose or not self.tty and not self.quiet) and outcome.built:
            print(f"built {outcome.source}: {', '.join(outcome.built)} ({outcome.seconds:.2f} s)")
        if self.verbose and not outcome.diagnostics:
            for fmt in outcome.built:
                print(f"  wrote {output_path(self.out_dir, outcome.source, fmt)}")
            if outcome.skipped:
                print(f"  up to date: {', '.join(outcome.skipped)}")

    def fresh(self, source: str):
        if self.verbose:
            print(f"up to date {source}")


def _side_writer(formats):
    """For one source on a machine with a core to spare, when its PDF is to be rebuilt: the
    PDF (the longest part of a build) renders in a second process, forked now, before this
    one starts any thread."""
    import threading

    # A fork copies no thread but every lock a thread holds: fork only a single-threaded process.
    if SIDE_FORMAT not in formats or threading.active_count() > 1:
        return None
    from ..parallel.side_process import SideWriter
    # The PDF's process is the longest path of the build: this one works on one thread, so
    # that the other core is left to it, and imports the check's readers once the PDF has
    # its job, not while the other process imports WeasyPrint.
    checks = warmup.check_modules(formats)
    try:
        return SideWriter(SIDE_FORMAT, warm=lambda: warmup.prepare_writer(SIDE_FORMAT),
                          then=lambda: warmup.import_modules(checks))
    except OSError:
        return None             # no fork here: the build renders everything itself


def run_builds(sources, out_dir, formats, jobs, force=False, quiet=False, verify=True, verbose=False,
               scheduler=None) -> int:
    """Build ``sources``; ``scheduler``, a Dask scheduler's address (or ``local:N``), sends
    the stale ones to that cluster (:mod:`unres.parallel.cluster`, imported only then)."""
    started = time.perf_counter()
    source_date_epoch()     # a malformed value fails the run before any source renders
    stale, fresh = _pending(sources, out_dir, formats, force)
    todo = list(stale)
    progress = _Progress(len(todo), quiet, verbose, out_dir)
    for source in fresh:
        progress.fresh(source)
    outcomes = []
    if scheduler and todo:
        from ..parallel.cluster import run_on_cluster
        todo.sort(key=_size, reverse=True)
        for outcome in run_on_cluster(scheduler, {s: stale[s] for s in todo}, out_dir, formats, verify,
                                      progress):
            outcomes.append(outcome)
            progress.step(outcome)
    elif len(todo) <= 1 or jobs == 1:
        side = _side_writer(stale[todo[0]]) if len(todo) == 1 and jobs > 1 else None
        if todo and side is None:
            warmup.prepare_in_background(stale[todo[0]] if len(todo) == 1 else formats)
        for source in todo:
            outcome = build_one(source, out_dir, formats, force, verify, side)
            outcomes.append(outcome)
            progress.step(outcome)
    else:
        # Longest first: the pool does not end with one worker alone on a long document.
        todo.sort(key=_size, reverse=True)
        for outcome in parallel_map(build_one, [(s, out_dir, formats, force, verify) for s in todo], jobs):
            outcomes.append(outcome)
            progress.step(outcome)
    failed = [o for o in outcomes if o.exit_code]
    built = sum(1 for o in outcomes if o.built)
    elapsed = time.perf_counter() - started
    summary = (f"unres: {built} built, {len(fresh) + sum(1 for o in outcomes if not o.built and not o.exit_code)}"
               f" up to date, {len(failed)} failed in {elapsed:.2f} s")
    if failed:
        summary += " — failed: " + ", ".join(sorted(o.source for o in failed))
    if failed or not quiet or len(sources) > 1:
        print(summary, file=sys.stderr if failed else sys.stdout)
    return max((o.exit_code for o in failed), default=EXIT_OK)
