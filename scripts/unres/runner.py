"""Running many builds: a pool of warm worker processes, progress, and a summary.

Workers are forked from a server process that has already imported pandoc's
adapter, WeasyPrint and python-docx, so no document pays for those imports.
Each worker is replaced after ``RECYCLE_AFTER`` documents, which keeps memory
flat over long runs (WeasyPrint grows in long-lived processes).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

from .build import Outcome, build_one, stale_formats
from .errors import EXIT_OK

RECYCLE_AFTER = 25
WARM_MODULES = ["unres.readers.markdown", "unres.writers.akn", "unres.writers.html",
                "unres.writers.pdf", "unres.writers.docx", "weasyprint", "docx", "lxml.etree"]


def _warm() -> None:
    import importlib
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    warm = getattr(sys.modules.get("unres.writers.pdf"), "warm_up", None)
    if warm:
        warm()


def _pending(sources, out_dir, formats, force):
    """Sources with work to do; checking stamps is cheap, so do it before starting any worker."""
    todo, fresh = [], []
    for source in sources:
        try:
            with open(source, "rb") as fh:
                data = fh.read()
        except OSError:
            todo.append(source)   # build_one reports the error
            continue
        if force or stale_formats(source, data, out_dir, formats):
            todo.append(source)
        else:
            fresh.append(source)
    return todo, fresh


class _Progress:
    def __init__(self, total: int, quiet: bool):
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty() and not quiet
        self.quiet = quiet

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
        if outcome.diagnostics:
            if self.tty:
                sys.stderr.write("\n")
            for line in outcome.diagnostics:
                print(line, file=sys.stderr)
        elif not self.tty and not self.quiet and outcome.built:
            print(f"built {outcome.source}: {', '.join(outcome.built)} ({outcome.seconds:.2f} s)")


def run_builds(sources, out_dir, formats, jobs, force=False, quiet=False) -> int:
    started = time.perf_counter()
    todo, fresh = _pending(sources, out_dir, formats, force)
    progress = _Progress(len(todo), quiet)
    outcomes = []
    if len(todo) <= 1 or jobs == 1:
        for source in todo:
            outcome = build_one(source, out_dir, formats, force)
            outcomes.append(outcome)
            progress.step(outcome)
    else:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(WARM_MODULES)
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context,
                                 initializer=_warm, max_tasks_per_child=RECYCLE_AFTER) as pool:
            futures = [pool.submit(build_one, source, out_dir, formats, force) for source in todo]
            for future in as_completed(futures):
                outcome = future.result()
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
