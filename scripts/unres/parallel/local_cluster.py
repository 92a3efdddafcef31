"""``--scheduler local:N``: a Dask ``LocalCluster`` whose workers are forked warm.

Dask's nannies start each worker by default as a fresh interpreter (``spawn``):
every worker imports Dask, then unres and WeasyPrint, then asks fontconfig,
pandoc and the files for the versions it is admitted with — seconds per worker
that a build of a few dozen documents does not recover, where the local pool
forks its workers from one warm process. Here the nannies fork their workers
from a forkserver instead, and that server, started before the scheduler so
that the two start side by side, imports Dask's worker and unres's writers,
fills the caches every document needs and works out the versions once
(:func:`warm_server`). Each worker then starts with all of it in memory; the
admission plugin still compares the versions a worker holds with the client's
and warms it up, which by then finds everything done.

Workers a nanny restarts after a crash fork from the same warm server.
"""
from __future__ import annotations

import logging
import multiprocessing
import os

# Set by the build to its pid for the forkserver it starts: the server (the build's child)
# warms up when it imports this module, any other process does nothing.
_WARM_ENV = "UNRES_WARM_DASK_SERVER_OF"
# What the worker processes import before their first line: Dask's worker first, then ours.
PRELOAD = ["distributed", "distributed.nanny", "distributed.worker", __name__]


def warm_server() -> None:
    """In the forkserver: everything a worker would otherwise do after it starts."""
    from . import warmup
    from .versions import versions

    warmup.prepare()
    versions(os.environ.get("UNRES_EMBLEM", "").strip())


def start_forkserver() -> None:
    """Start the warm forkserver now (it imports while this process starts the scheduler)."""
    from multiprocessing import forkserver

    import dask

    context = multiprocessing.get_context("forkserver")
    os.environ[_WARM_ENV] = str(os.getpid())
    context.set_forkserver_preload(PRELOAD)
    # Dask sets its own preload the first time a nanny asks for the context; the server
    # is running by then, started with ours.
    forkserver.ensure_running()
    os.environ.pop(_WARM_ENV, None)     # the server has it; nothing else started here needs it
    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})


def start(count: int):
    """A LocalCluster of ``count`` single-threaded worker processes forked from a warm server."""
    import dask
    from distributed import LocalCluster

    start_forkserver()
    # A worker renders in one thread while Dask's event loop runs in another: every wake-up of
    # that loop takes Python's lock from the render, and on a loaded machine the thread that
    # gets the lock may wait for a core before it hands it back. Dask's defaults wake it 50
    # times a second to time itself and 100 times to profile the task; the build needs neither.
    dask.config.set({"distributed.worker.profile.enabled": False,
                     "distributed.admin.tick.interval": "1s"})
    # ":0": a free port, so that two builds on one machine do not compete for Dask's 8787.
    # Dask's complaints when the run ends (a worker slow to stop, a heartbeat that finds the
    # scheduler gone) are not the build's news; a worker that fails is reported by the build.
    return LocalCluster(n_workers=count, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=":0", silence_logs=logging.CRITICAL)


if os.environ.get(_WARM_ENV) == str(os.getppid()):
    warm_server()
