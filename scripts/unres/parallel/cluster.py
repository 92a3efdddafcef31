"""Building on a Dask cluster: each source one task, every file written here.

``unres build --scheduler ADDRESS`` (or Dask's own ``DASK_SCHEDULER_ADDRESS``)
connects to a ``dask.distributed`` scheduler; ``--scheduler local:N`` starts a
``LocalCluster`` of N worker processes. Which sources are stale is decided
here, before anything is sent. A task receives one source's text (and its
path, for messages), renders the requested formats, reads each one back from
its bytes with ``unres verify``'s readers, and returns the bytes with the
diagnostics; :func:`unres.pipeline.publish.publish` then writes them here exactly as a
local build does, so the two give the same bytes and no worker writes a file.

A worker is admitted once: :class:`Admission`, a worker plugin, compares the
worker's versions (unres and the code that shapes outputs, templates, fonts,
pandoc, WeasyPrint, the emblem) with this process's, warms the worker up
(:mod:`unres.parallel.warmup`) and only then gives it the resource our tasks ask for.
A worker that differs would give other bytes: it never gets one of our tasks,
and the build says why. Workers that join later (a worker restarted after a
crash) go through the same plugin.

This module is imported only when a build is sent to a cluster.
"""
from __future__ import annotations

import asyncio
import hashlib
import itertools
import os
import sys
import threading
import time
from pathlib import Path

from distributed import Client, WorkerPlugin, as_completed
from distributed.client import FutureCancelledError

from ..errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_TOOL, UnresError, error, tool_error
from ..model import output_env
from ..model.document import Loc
from ..pipeline.build import Outcome, render_verified
from ..pipeline.publish import publish
from ..readers.source_text import unreadable_message
from . import local_cluster
from .versions import differences, versions

# A task that raised (not a source's own error, which is an answer) is tried again; a task
# whose worker died is sent to another one by the scheduler itself.
RETRIES = 2
WORKERS_TIMEOUT = 60


def resource_name(ours: dict) -> str:
    """The resource an admitted worker offers: one per set of versions, so a cluster shared
    by clients of other versions serves each with its own workers."""
    key = "\0".join(f"{k}={v}" for k, v in sorted(ours.items()))
    return "unres-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class Admission(WorkerPlugin):
    """Admit a worker whose versions are ours, once: warm it up, then offer our resource."""

    def __init__(self, ours: dict, emblem: str):
        self.ours = ours
        self.emblem = emblem
        self.resource = resource_name(ours)
        self.refused: list | None = None

    @property
    def name(self) -> str:
        return self.resource

    async def setup(self, worker):
        theirs = await asyncio.to_thread(versions, self.emblem)
        self.refused = differences(theirs, self.ours)
        if self.refused:
            return
        from . import warmup

        # Imports WeasyPrint and fills the caches (schema, fonts, stylesheet, DOCX's
        # reference) before the first task, off the worker's event loop.
        await asyncio.to_thread(warmup.prepare)
        # One task at a time per worker process, whatever its threads: a render holds
        # Python's lock, so a second one would only wait for it.
        await worker.set_resources(**{self.resource: 1})
        _offer_waiting_tasks(worker)


def _offer_waiting_tasks(worker) -> None:
    """Have the scheduler look again for tasks this worker can now run.

    The scheduler looks for tasks that wait for a worker (none offered our resource when
    they were ready) when a worker joins or resumes, not when one gains a resource; a worker
    joins before this plugin admits it. When every admitted worker died at once (a cluster of
    one, workers recycled together), the tasks would wait for good beside the restarted,
    re-admitted workers. Pausing for a moment and resuming is the change of state the
    scheduler answers by looking again; no task of ours is running on a worker being admitted."""
    from distributed.core import Status

    if worker.status == Status.running:
        worker.status = Status.paused
        worker.status = Status.running


def _admission_of(name: str, dask_worker=None):
    plugin = dask_worker.plugins.get(name)
    if plugin is None:
        return ["the unres plugin did not reach this worker"]
    return plugin.refused


# ---------------------------------------------------------------- a task
def build_remote(source: str, data: bytes, formats: list, out_dir: str, verify: bool, env: dict,
                 ours: dict) -> dict:
    """On a worker: the verified outputs of one source as bytes, or its diagnostics."""
    started = time.perf_counter()
    answer = {"outputs": {}, "warnings": [], "diagnostics": [], "exit_code": 0, "seconds": 0.0}
    try:
        # Only admitted workers offer our resource; the same comparison here refuses a task
        # that reached another one all the same (a resource set by hand, another plugin).
        changed = differences(versions(env.get("UNRES_EMBLEM") or ""), ours)
        if changed:
            raise tool_error(f"worker's versions changed since it was admitted: {'; '.join(changed)}",
                             "T-CLUSTER")
        answer["outputs"], answer["warnings"] = render_verified(source, data, formats, out_dir, verify,
                                                                env=env)
    except UnresError as exc:
        answer["diagnostics"] = [str(d) for d in exc.diagnostics]
        answer["exit_code"] = exc.exit_code
    except Exception:  # noqa: BLE001 - a bug fails this source alone, with its traceback
        import traceback
        answer["diagnostics"] = [f"{source}: internal error in unres (please report it):",
                                 traceback.format_exc().rstrip()]
        answer["exit_code"] = EXIT_INTERNAL
    answer["seconds"] = time.perf_counter() - started
    return answer


# ---------------------------------------------------------------- the client
def _connect(address: str):
    """A client, and for ``local:N`` the cluster this process starts (closed with it) and a
    function that waits for its workers: the scheduler is up when this returns, the
    workers still starting."""
    count = local_cluster.workers_wanted(address)
    if count is not None:
        cluster = local_cluster.start_scheduler()
        try:
            client = Client(cluster)
        except BaseException:
            cluster.close()
            raise
        return client, cluster, count
    try:
        # Dask's own setting bounds the wait: distributed.comm.timeouts.connect (30 s).
        return Client(address), None, None
    except (OSError, TimeoutError, ValueError) as exc:
        raise tool_error(f"cannot reach the Dask scheduler at {address}: {exc}", "T-CLUSTER") from None


def _versions_in_background(emblem: str):
    """This process's versions, asked while it connects (fontconfig, pandoc and the files
    answer while the scheduler and the workers start); returns a function that waits."""
    import threading

    answer = {}
    thread = threading.Thread(target=lambda: answer.update(ours=versions(emblem)), name="unres-versions",
                              daemon=True)
    thread.start()

    def wait() -> dict:
        thread.join()
        return answer["ours"] if "ours" in answer else versions(emblem)
    return wait


def _register(client, address: str, emblem: str, ours: dict, count: int | None) -> Admission:
    """Register the admission plugin: on the workers of a running cluster now (this waits
    for their verdicts), on each worker that joins later as it starts."""
    if "missing" in (ours["pandoc"], ours["WeasyPrint"]):
        raise tool_error(f"this process cannot render: pandoc {ours['pandoc']}, "
                         f"WeasyPrint {ours['WeasyPrint']}", "T-CLUSTER")
    plugin = Admission(ours, emblem)
    if count is None:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError:
            raise tool_error(f"no worker joined the cluster at {address} within {WORKERS_TIMEOUT} s",
                             "T-CLUSTER") from None
    client.register_plugin(plugin)
    return plugin


def _verdicts(client, address: str, plugin: Admission) -> list:
    """The workers refused, as lines for the user; fails when no worker is admitted."""
    verdicts = client.run(_admission_of, plugin.name)
    refused = {worker: why for worker, why in verdicts.items() if why}
    lines = [f"unres: worker {worker} refused: {'; '.join(why)} (it would give other bytes)"
             for worker, why in sorted(refused.items())]
    if len(refused) == len(verdicts):
        raise tool_error(f"no worker of the cluster at {address} has this unres's versions "
                         f"({len(refused)} refused: {' | '.join(lines) or 'none'})", "T-CLUSTER")
    return lines


def _wait_for_local_workers(started, address: str) -> None:
    try:
        if not started(WORKERS_TIMEOUT):
            raise tool_error(f"the workers of {address} did not start within {WORKERS_TIMEOUT} s", "T-CLUSTER")
    except UnresError:
        raise
    except Exception as exc:  # noqa: BLE001 - a nanny that could not start its worker
        raise tool_error(f"the workers of {address} did not start: {exc}", "T-CLUSTER") from None


def _dashboard(client) -> str | None:
    """The dashboard's address when the scheduler serves one (it needs bokeh there)."""
    # The scheduler's web server runs without bokeh too, but serves no dashboard; the
    # scheduler need not have unres installed, so the question is sent by value.
    has_bokeh = lambda: __import__("importlib.util").util.find_spec("bokeh") is not None  # noqa: E731
    try:
        if "dashboard" in client.scheduler_info().get("services", {}) and client.run_on_scheduler(has_bokeh):
            return client.dashboard_link
    except Exception:  # noqa: BLE001 - a scheduler that refuses the question shows no link
        pass
    return None


def run_on_cluster(address: str, todo: dict, out_dir: str, formats, verify: bool, progress):
    """Build the stale formats ``todo[source]`` of each source on the cluster; yield each
    source's :class:`unres.pipeline.build.Outcome` once its outputs are published here."""
    client, cluster, keeper, workers = None, None, None, None
    try:
        emblem = os.environ.get("UNRES_EMBLEM", "").strip()
        ours = _versions_in_background(emblem)
        try:
            client, cluster, count = _connect(address)
            # A local cluster's workers fork from the warm server as soon as it is ready, while
            # this process asks for its own versions and registers the admission plugin, which
            # each worker then runs as it joins.
            started = local_cluster.add_workers(cluster, count) if cluster is not None else None
            plugin = _register(client, address, emblem, ours(), count)
            if started is not None:
                # Tasks are sent once every worker has started (they fork from one warm server
                # together): the first window then counts them all, and a worker that could not
                # start is reported before anything is sent.
                _wait_for_local_workers(started, address)
                keeper = local_cluster.keep_workers(cluster, count)
            lines = _verdicts(client, address, plugin)
        except (OSError, TimeoutError) as exc:
            raise tool_error(f"the Dask cluster at {address} did not answer: {exc}", "T-CLUSTER") from None
        for line in lines:
            print(line, file=sys.stderr)
        dashboard = _dashboard(client)
        if dashboard and not progress.quiet:
            print(f"unres: Dask dashboard at {dashboard}", file=sys.stderr)
        # The environment that changes an output's bytes goes with every task, and the worker
        # hands it to the render as one of its inputs, its own environment left alone.
        env = output_env.current()
        datas, ready = {}, []
        for source, stale in todo.items():
            try:
                with open(source, "rb") as fh:
                    datas[source] = fh.read()
            except OSError as exc:
                yield Outcome(source, diagnostics=[str(error(Loc(source, 1, 1), unreadable_message(exc),
                                                             "E500"))], exit_code=EXIT_INPUT)
                continue
            ready.append((source, stale))
        futures = {}
        finished = as_completed()
        queue = iter(ready)

        def send(count: int) -> None:
            for source, stale in itertools.islice(queue, max(0, count)):
                future = client.submit(build_remote, source, datas[source], stale, out_dir, verify, env,
                                       plugin.ours, pure=False, retries=RETRIES,
                                       resources={plugin.resource: 1},
                                       key=f"unres-build-{Path(source).name}-{os.urandom(4).hex()}")
                futures[future] = (source, stale)
                finished.add(future)

        workers = _Workers(client, plugin.resource, address, lambda: len(datas))
        window = _Window(workers)
        send(window.size())
        for future in finished:
            source, stale = futures.pop(future)
            send(window.size() - len(futures))
            yield _publish(future, source, stale, datas.pop(source), out_dir, formats)
    finally:
        if workers is not None:
            workers.stop()
        if keeper is not None:
            keeper()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


class _Workers:
    """How many workers of the cluster are admitted (offer our resource), asked once a second
    from a thread of its own, and the build told when there has been none for a while.

    Dask keeps a task whose workers all died waiting for a worker to join, as it should (a nanny
    or an operator may start one), but the build then waited in silence, its progress stopped
    with no word of why: after ``NOTICE_SECONDS`` with no worker admitted it says so, and how many
    sources wait, and again when one is admitted. The build itself is left as it is."""
    NOTICE_SECONDS = 10.0
    ASK_SECONDS = 1.0

    def __init__(self, client, resource: str, address: str, waiting):
        self.client, self.resource, self.address, self.waiting = client, resource, address, waiting
        self.admitted = self._ask()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="unres-workers", daemon=True)
        self.thread.start()

    def _ask(self):
        """How many workers offer our resource now; None when the scheduler does not say."""
        try:
            workers = self.client.scheduler_info(n_workers=-1).get("workers", {})
        except Exception:  # noqa: BLE001 - asked again shortly
            return None
        return sum(1 for info in workers.values() if info.get("resources", {}).get(self.resource))

    def _watch(self) -> None:
        since, said = None, False
        while not self.stopped.wait(self.ASK_SECONDS):
            admitted = self._ask()
            if admitted is None:
                continue
            self.admitted = admitted
            if admitted:
                if said:
                    print(f"unres: a worker of the cluster at {self.address} is admitted; the build "
                          "goes on", file=sys.stderr, flush=True)
                since, said = None, False
                continue
            since = time.monotonic() if since is None else since
            waiting = self.waiting()
            if not said and waiting and time.monotonic() - since >= self.NOTICE_SECONDS:
                print(f"unres: no worker of the cluster at {self.address} has been admitted for "
                      f"{self.NOTICE_SECONDS:.0f} s (those there were have left); {waiting} "
                      f"source{'s' if waiting != 1 else ''} wait for one to join (Ctrl-C stops "
                      "the build)", file=sys.stderr, flush=True)
                said = True

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)


class _Window:
    """How many of our tasks the cluster holds at once: two for each worker admitted, the one
    it renders and the next.

    The scheduler queues no task restricted to a resource: it gives each to a worker as it
    arrives, by its guess of how long the tasks take, all of which it guesses alike. Sent all at
    once, the sources were dealt out evenly by count, and one worker went on alone with its
    share while the other had finished (up to two seconds of a build of 35 on two workers). Sent
    as workers finish, largest first, each worker takes the next source when it has room, as in
    the local pool, and the two end together. The count of workers (``_Workers``, asked once a
    second) changes the window as workers join or leave."""
    PER_WORKER = 2

    def __init__(self, workers: _Workers):
        self.workers, self.count = workers, self.PER_WORKER

    def size(self) -> int:
        admitted = self.workers.admitted
        if admitted is not None:        # else the last count serves until the scheduler answers
            # With no worker admitted for now (all died at once), a few tasks wait for the next.
            self.count = self.PER_WORKER * max(1, admitted)
        return self.count


def _publish(future, source: str, stale: list, data: bytes, out_dir: str, formats) -> Outcome:
    outcome = Outcome(source, skipped=[f for f in formats if f not in stale])
    try:
        answer = future.result()
    except FutureCancelledError:
        outcome.diagnostics = [str(error(None, f"{source}: the cluster cancelled its task", "T-CLUSTER"))]
        outcome.exit_code = EXIT_TOOL
        return outcome
    except Exception as exc:  # noqa: BLE001 - KilledWorker and the like fail this source alone
        outcome.diagnostics = [str(error(None, f"{source}: the cluster could not build it: "
                                               f"{type(exc).__name__}: {exc}", "T-CLUSTER"))]
        outcome.exit_code = EXIT_TOOL
        return outcome
    outcome.seconds, outcome.warnings = answer["seconds"], answer["warnings"]
    outcome.diagnostics, outcome.exit_code = answer["diagnostics"], answer["exit_code"]
    if not outcome.exit_code:
        try:
            publish(out_dir, source, data, answer["outputs"])
            outcome.built = stale
        except UnresError as exc:
            outcome.diagnostics = [str(d) for d in exc.diagnostics]
            outcome.exit_code = exc.exit_code
    return outcome
