"""``--scheduler local:N``: a Dask ``LocalCluster`` whose workers are forked warm.

Dask's nannies start each worker by default as a fresh interpreter (``spawn``):
every worker imports Dask, then unres and WeasyPrint, then asks fontconfig,
pandoc and the files for the versions it is admitted with — seconds per worker
that a build of a few dozen documents does not recover, where the local pool
forks its workers from one warm process. Here the nannies fork their workers
from a forkserver instead, and that server imports Dask's worker and unres's
writers, fills the caches every document needs and works out the versions once
(:func:`warm_server`). Each worker then starts with all of it in memory; the
admission plugin still compares the versions a worker holds with the client's
and warms it up, which by then finds everything done.

The server's warm-up is the longest part of a start, so the build starts the
server first (:func:`start_forkserver`, before this process imports Dask), and
then the scheduler alone (:func:`start_scheduler`): the client connects,
registers its admission plugin while the workers start (:func:`add_workers`),
and sends its tasks once all have started.

Workers a nanny restarts after a crash fork from the same warm server.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading

from ..errors import tool_error

PREFIX = "local:"
# Set by the build to its pid for the forkserver it starts: the server (the build's child)
# warms up when it imports this module, any other process does nothing.
_WARM_ENV = "UNRES_WARM_DASK_SERVER_OF"
# What the worker processes import before their first line: Dask's worker first, then ours.
PRELOAD = ["distributed", "distributed.nanny", "distributed.worker", __name__]


# A worker renders in one thread while Dask's event loop runs in another: every wake-up of
# that loop takes Python's lock from the render, and on a loaded machine the thread that
# gets the lock may wait for a core before it hands it back. Dask's defaults wake it 50
# times a second to time itself and 100 times to profile the task; the build needs neither.
# Idle, the processes of a local cluster spend some 3 % of a core polling themselves, most
# of it each worker's and nanny's memory 10 times a second and every server's system
# figures twice a second (psutil); on a loaded machine, where a build takes long, that
# adds up to seconds of CPU taken from the renders. Once a second and every 5 s halve it.
# The same settings serve workers started by hand (``dask worker``), through Dask's own
# environment variables: see :func:`worker_environment` and the README.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.tick.interval": "1s",
                 "distributed.worker.memory.monitor-interval": "1s",
                 "distributed.admin.system-monitor.interval": "5s"}


# A worker grows by some 0.5 MB a document (WeasyPrint's own, outside Python; see the README's
# "Memory over a long run"), and the local pool replaces its workers every 50 documents. A local
# cluster's workers are retired and restarted by Dask itself instead, after half an hour give or
# take five minutes, each forked warm again from the server: a build of a few dozen documents
# never meets it, a rebuild of thousands keeps each worker's memory within a few hundred MB.
# A lifetime set in Dask's own configuration is kept, always with a restart: a local
# cluster has no other worker to take over from one that retires for good.
LIFETIME = {"distributed.worker.lifetime.duration": "30 minutes",
            "distributed.worker.lifetime.stagger": "5 minutes"}


# How long a worker a nanny restarts may take to join again before Dask gives up on its nanny.
LOST_WORKER_KEY = "distributed.deploy.lost-worker-timeout"
LOST_WORKER_TIMEOUT = "2 minutes"


def worker_environment() -> dict:
    """:data:`WORKER_CONFIG` as the environment variables Dask reads its configuration from
    (``DASK_`` and the keys' parts joined by ``__``)."""
    return {"DASK_" + "__".join(part.upper().replace("-", "_") for part in key.split(".")): str(value)
            for key, value in WORKER_CONFIG.items()}


def workers_wanted(address: str) -> int | None:
    """N of ``local:N``; None for the address of a running scheduler."""
    if not address.startswith(PREFIX):
        return None
    count = address[len(PREFIX):]
    if not count.isdigit() or int(count) < 1:
        raise tool_error(f"--scheduler {address}: local: needs a number of workers, as local:2", "T-CLUSTER")
    return int(count)


def warm_server() -> None:
    """In the forkserver: everything a worker would otherwise do after it starts."""
    from . import warmup
    from .versions import versions

    # The versions are mostly other programs' answers (fontconfig, pandoc) and files read:
    # they come while the warm-up imports and fills the caches.
    asked = threading.Thread(target=versions, args=(os.environ.get("UNRES_EMBLEM", "").strip(),),
                             name="unres-versions")
    asked.start()
    warmup.prepare()
    asked.join()


def start_forkserver() -> None:
    """Start the warm forkserver now; it imports while this process imports Dask and starts
    the scheduler. Imports nothing of Dask here."""
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    os.environ[_WARM_ENV] = str(os.getpid())
    context.set_forkserver_preload(PRELOAD)
    # Dask sets its own preload the first time a nanny asks for the context; the server
    # is running by then, started with ours.
    forkserver.ensure_running()
    os.environ.pop(_WARM_ENV, None)     # the server has it; nothing else started here needs it


def start_scheduler():
    """A LocalCluster with its scheduler and no worker yet, its workers to fork from the warm
    server (:func:`start_forkserver` first)."""
    import dask
    from distributed import LocalCluster

    start_forkserver()      # at once if the build started it already
    lifetime = {} if dask.config.get("distributed.worker.lifetime.duration", None) else LIFETIME
    # Dask closes the nanny of a worker that has not joined again within this time: a restart
    # on a loaded machine can take longer than Dask's 15 s (see keep_workers). Kept if set.
    lost = {} if str(dask.config.get(LOST_WORKER_KEY, "15s")) != "15s" else {LOST_WORKER_KEY: LOST_WORKER_TIMEOUT}
    dask.config.set({"distributed.worker.multiprocessing-method": "forkserver", **WORKER_CONFIG,
                     **lifetime, **lost, "distributed.worker.lifetime.restart": True})
    # ":0": a free port, so that two builds on one machine do not compete for Dask's 8787.
    # Dask's complaints when the run ends (a worker slow to stop, a heartbeat that finds the
    # scheduler gone) are not the build's news; a worker that fails is reported by the build.
    return LocalCluster(n_workers=0, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=":0", silence_logs=logging.CRITICAL)


def add_workers(cluster, count: int):
    """Start ``count`` workers in the background; returns a function that waits until every
    one has started (registered, its plugins set up) and raises what failed."""
    outcome: dict = {}

    def scale() -> None:
        try:
            cluster.scale(count)
            # What the cluster's own constructor waits on for the workers it is given.
            cluster.sync(cluster._correct_state)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = exc

    thread = threading.Thread(target=scale, name="unres-dask-workers", daemon=True)
    thread.start()

    def wait(timeout: float | None = None) -> bool:
        thread.join(timeout)
        if "error" in outcome:
            raise outcome["error"]
        return not thread.is_alive()
    return wait


def keep_workers(cluster, count: int, every: float = 1.0):
    """Keep ``count`` workers in the cluster while a build runs; returns a function that stops.

    A worker a nanny restarts (its lifetime over, or after a crash) is gone from the scheduler
    until it joins again; if that takes longer than Dask's ``lost-worker-timeout`` (15 s, a
    loaded machine can take it), the cluster closes the nanny for good and nothing brings the
    worker back: with none left, the build waited forever. The cluster starts a new nanny for
    each one it closed when asked for its size again, as here, once a second."""
    stop = threading.Event()

    def keep() -> None:
        while not stop.wait(every):
            try:
                if len(cluster.workers) < count:
                    cluster.scale(count)
            except Exception:  # noqa: BLE001 - a cluster closing as the build ends
                pass

    thread = threading.Thread(target=keep, name="unres-dask-keep-workers", daemon=True)
    thread.start()

    def stopped() -> None:
        stop.set()
        thread.join(5)
    return stopped


def start(count: int):
    """A LocalCluster of ``count`` single-threaded worker processes forked from a warm server,
    all started."""
    cluster = start_scheduler()
    try:
        add_workers(cluster, count)()
    except BaseException:
        cluster.close()
        raise
    return cluster


if os.environ.get(_WARM_ENV) == str(os.getppid()):
    warm_server()
