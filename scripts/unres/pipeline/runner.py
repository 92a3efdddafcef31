"""Running many builds: in a pool of warm worker processes (:mod:`unres.parallel.pool`),
progress, and a summary. A single source is built in this process,
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
from ..parallel.pool import parallel_map
from .build import Outcome, build_one
from .paths import output_path
from .stamps import stale_formats

SIDE_FORMAT = "pdf"


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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
        from ..parallel import local_cluster
        if local_cluster.workers_wanted(scheduler):
            # Its warm server imports WeasyPrint and unres while this process imports Dask.
            local_cluster.start_forkserver()
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
