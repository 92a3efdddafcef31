"""Building on a Dask cluster: real `dask scheduler` and `dask worker` processes on 127.0.0.1.

Each test starts the processes a user would start, waits for them (bounded in time) and
stops them, builds a few of the Council's 54th-session resolutions through them, and
compares every byte with a build in this machine's own worker pool.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SOURCE_38_3
from unres.errors import EXIT_OK, EXIT_TOOL
from unres.parallel.local_cluster import WORKER_CONFIG, worker_environment

ENGLISH = CORPUS / "un-akn-hrc" / "54session" / "English"
BIN = Path(sys.executable).parent
UNRES = [sys.executable, "-m", "unres.cli"]
DASK = BIN / "dask"
# Short resolutions of the session (a few pages each), to keep the suite's time reasonable.
PICKED = (4, 10, 17, 24, 33)
START_TIMEOUT = 90
BUILD_TIMEOUT = 600

needs_corpus = pytest.mark.skipif(not ENGLISH.is_dir(), reason=f"the UN corpus is absent ({ENGLISH})")
# Set in the environment of the processes a test starts, which their pandocs inherit: it tells
# them from the pandocs of other builds running on the machine.
MARK = "UNRES_TEST_PANDOC_MARK"


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASK_")}
    env.update(extra)
    return env


def unres(*args, env=None, timeout=BUILD_TIMEOUT):
    return subprocess.run([*UNRES, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          env=env or _env(), timeout=timeout)


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pandocs(mark: str, kept: bool = False) -> list:
    """The running pandoc processes whose environment carries ``MARK=mark`` (``kept``: only
    those kept running for reading sources and writing the DOCX, ``pandoc lua``, not pandoc commands)."""
    wanted, found = f"{MARK}={mark}".encode(), []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue     # gone meanwhile, or another user's
        if (Path(argv[0].decode(errors="replace")).name == "pandoc" and wanted in environ
                and (not kept or argv[1:2] == [b"lua"])):
            found.append(int(entry.name))
    return found


def left_running(mark: str, grace: float = 5.0) -> list:
    """The pandocs carrying ``mark`` still running ``grace`` seconds on: one whose process
    has just ended reads the end of its input and stops on its own, a moment later."""
    deadline = time.monotonic() + grace
    while (found := pandocs(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


class PandocWatch:
    """The kept pandocs carrying ``mark`` seen at any moment while the ``with`` block runs."""

    def __init__(self, mark: str):
        self.mark, self.seen, self._done = mark, set(), threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._done.wait(0.2):
            self.seen.update(pandocs(self.mark, kept=True))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A scheduler and workers, as separate processes started from the command line."""

    def __init__(self, folder: Path, workers: list, nanny: bool = False):
        self.folder = folder
        self.nanny = nanny
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.procs: list = []
        self.workers: list = []
        try:
            self._start(workers)
        except BaseException:
            self.close()
            raise

    def _spawn(self, name: str, cmd: list, env: dict) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")      # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.folder)
        log.close()
        self.procs.append(proc)
        return proc

    def _start(self, workers: list) -> None:
        from distributed import Client

        port = self.address.rsplit(":", 1)[1]
        self._spawn("scheduler", [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port,
                                  "--no-dashboard"], _env())
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", int(port)), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.procs[0].poll() is not None:
                    raise RuntimeError(f"the scheduler did not start:\n{self.log('scheduler')}") from None
                time.sleep(0.2)
        for extra in workers:
            self.add_worker(**extra)
        with Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(len(workers), timeout=START_TIMEOUT)

    def add_worker(self, **extra) -> subprocess.Popen:
        """One more `dask worker` process, started as the first were (not waited for)."""
        index = len(self.workers)
        local = self.folder / f"worker{index}"
        local.mkdir()
        self.workers.append(self._spawn(
            f"worker{index}", [str(DASK), "worker", self.address, "--nthreads", "1",
                               *([] if self.nanny else ["--no-nanny"]), "--no-dashboard",
                               "--name", f"worker{index}", "--local-directory", str(local)],
            _env(**extra)))
        return self.workers[-1]

    def log(self, name: str) -> str:
        try:
            return (self.folder / f"{name}.log").read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=20)


@pytest.fixture(scope="module")
def corpus_sources(tmp_path_factory):
    """A few of the session's resolutions imported with `unres import`, and their outputs
    built in this machine's own worker pool."""
    if not ENGLISH.is_dir():
        pytest.skip(f"the UN corpus is absent ({ENGLISH})")
    folder = tmp_path_factory.mktemp("cluster-sources")
    sources = []
    for n in PICKED:
        target = folder / "source" / f"A_HRC_RES_54_{n}.md"
        proc = unres("import", ENGLISH / f"A_HRC_RES_54_{n}E.xml", "-o", target)
        assert proc.returncode == EXIT_OK, proc.stderr
        sources.append(target)
    local = folder / "local"
    proc = unres("build", *sources, "-o", local, "-j", "2")
    assert proc.returncode == EXIT_OK, proc.stderr
    return sources, snapshot(local), _warnings(proc.stderr)


def _warnings(stderr: str) -> list:
    """Editorial warnings, whatever folder their source was in."""
    return sorted(line.rsplit("/", 1)[-1] for line in stderr.splitlines() if ": warning: " in line)


@pytest.fixture
def other_templates(tmp_path) -> Path:
    """Templates that differ from the project's in one rule of the print stylesheet: a worker
    that uses them would lay out other PDFs."""
    folder = tmp_path / "other-templates"
    shutil.copytree(ROOT / "templates", folder)
    css = folder / "pdf" / "print.css"
    css.write_text(css.read_text() + "\nbody { word-spacing: 0.5pt; }\n")
    return folder


def test_without_a_scheduler_dask_is_not_imported(tmp_path):
    code = ("import sys; from unres.cli import main; "
            f"rc = main(['build', {str(SOURCE_38_3)!r}, '-o', {str(tmp_path / 'out')!r}, '-j', '1']); "
            "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env=_env(), timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "0 []"
    assert (tmp_path / "out" / "A_HRC_RES_38_3.pdf").is_file()


def test_a_task_renders_with_the_clients_environment_and_leaves_its_own_alone(tmp_path, monkeypatch):
    """A task hands the client's SOURCE_DATE_EPOCH and UNRES_EMBLEM to the render as
    parameters: its outputs are those of a process whose environment has them, and the
    worker's own environment is never changed while it runs (its other threads would see it)."""
    from unres.parallel import cluster
    from unres.parallel.versions import versions
    from unres.writers.pdf import writer as pdf

    emblem = tmp_path / "emblem.svg"
    emblem.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
                      '<rect width="8" height="8" fill="#5b92e5"/></svg>')
    sent = {"SOURCE_DATE_EPOCH": "1700000000", "UNRES_EMBLEM": str(emblem)}
    data, formats = SOURCE_38_3.read_bytes(), ["akn", "html", "pdf", "docx"]
    for name in sent:
        monkeypatch.delenv(name, raising=False)
    seen = []
    write = pdf.write_pdf

    def watched(*args, **kwargs):
        seen.append({name: os.environ.get(name) for name in sent})
        return write(*args, **kwargs)

    monkeypatch.setattr(pdf, "write_pdf", watched)
    answer = cluster.build_remote(str(SOURCE_38_3), data, formats, str(tmp_path / "out"), True, sent,
                                  versions(str(emblem)))
    assert answer["exit_code"] == 0, answer["diagnostics"]
    assert seen and all(values == {name: None for name in sent} for values in seen)
    assert all(name not in os.environ for name in sent)

    for name, value in sent.items():
        monkeypatch.setenv(name, value)
    local = cluster.build_remote(str(SOURCE_38_3), data, formats, str(tmp_path / "out"), True,
                                 cluster.output_env.current(), versions(str(emblem)))
    assert local["outputs"] == answer["outputs"]
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.delenv("UNRES_EMBLEM")
    plain = cluster.build_remote(str(SOURCE_38_3), data, ["pdf", "akn"], str(tmp_path / "out"), True,
                                 cluster.output_env.current(), versions(""))
    assert plain["outputs"]["pdf"] != answer["outputs"]["pdf"]     # the date and the emblem count


def test_a_bad_local_cluster_size_is_a_clear_error(tmp_path):
    proc = unres("build", SOURCE_38_3, "-o", tmp_path / "out", "--scheduler", "local:none")
    assert proc.returncode == EXIT_TOOL
    assert "local: needs a number of workers" in proc.stderr and "[T-CLUSTER]" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = _env(DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    proc = unres("build", SOURCE_38_3, "-o", tmp_path / "out", "--scheduler", address, env=env, timeout=120)
    assert proc.returncode == EXIT_TOOL, proc.stderr
    assert f"cannot reach the Dask scheduler at {address}" in proc.stderr
    assert not (tmp_path / "out").exists()


_POLLS = ("distributed.admin.tick.interval", "distributed.worker.memory.monitor-interval",
          "distributed.admin.system-monitor.interval")


@needs_corpus
def test_cluster_build_is_byte_identical_and_refuses_a_worker_of_other_templates(
        corpus_sources, other_templates, tmp_path):
    sources, local, warnings = corpus_sources
    (tmp_path / "source").mkdir()
    sources = [Path(shutil.copy(s, tmp_path / "source")) for s in sources]
    mark = {MARK: f"tcp-{os.getpid()}"}
    # worker0 started with the settings the README gives, worker1 with Dask's defaults
    cluster = Cluster(tmp_path, [{**mark, **worker_environment()}, mark,
                                 {"UNRES_TEMPLATES": str(other_templates)}])
    try:
        out = tmp_path / "out"
        proc = unres("build", *sources, "-o", out, "--scheduler", cluster.address)
        assert proc.returncode == EXIT_OK, proc.stderr + cluster.log("worker0")
        from distributed import Client

        def _worker_settings(dask_worker, polls=_POLLS) -> tuple:
            """On a worker (sent by value: workers cannot import the tests): its name, whether it
            profiles its tasks, and how often it polls."""
            import dask
            return dask_worker.name, ("profile" in dask_worker.periodic_callbacks,
                                      *(dask.config.get(key) for key in polls))

        def _frozen(dask_worker) -> tuple:
            """On a worker: its name and how many objects its collector leaves alone for good."""
            import gc
            return dask_worker.name, gc.get_freeze_count()

        with Client(cluster.address, timeout=START_TIMEOUT) as client:
            settings = dict(client.run(_worker_settings).values())
            frozen = dict(client.run(_frozen).values())
        assert settings["worker0"] == (False, *(WORKER_CONFIG[k] for k in _POLLS)), settings
        assert settings["worker1"][0], settings
        # Each worker that rendered keeps its pandoc for the DOCX running between tasks.
        assert pandocs(mark[MARK], kept=True), "no worker kept a pandoc running"
        refused = [line for line in proc.stderr.splitlines() if "refused" in line]
        assert len(refused) == 1 and "templates" in refused[0], proc.stderr
        assert "it would give other bytes" in refused[0]
        assert f"{len(sources)} built" in proc.stdout
        assert snapshot(out) == local
        assert _warnings(proc.stderr) == warnings

        # Up to date: decided here, before any connection (this address answers nobody).
        proc = unres("build", *sources, "-o", out, "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
        assert proc.returncode == EXIT_OK, proc.stderr
        assert f"0 built, {len(sources)} up to date" in proc.stdout

        # One source changed: only it is sent, through Dask's own variable.
        sources[0].write_text(sources[0].read_text().replace("*Decides*", "*Decides further*", 1))
        proc = unres("build", *sources, "-o", out, env=_env(DASK_SCHEDULER_ADDRESS=cluster.address))
        assert proc.returncode == EXIT_OK, proc.stderr
        assert f"1 built, {len(sources) - 1} up to date" in proc.stdout
        assert unres("verify", *sources, "-o", out).returncode == EXIT_OK
        # The second client warmed the workers again; what the first build left for the
        # collector (its documents' layouts) was not frozen with the warm-up, to stay for good.
        with Client(cluster.address, timeout=START_TIMEOUT) as client:
            again = dict(client.run(_frozen).values())
        # (A frozen object that loses its last reference is still freed: the count may fall.)
        assert all(again[w] <= frozen[w] for w in ("worker0", "worker1")), (frozen, again)
    finally:
        cluster.close()
    # Stopped with their workers: no pandoc of theirs is left running.
    assert not left_running(mark[MARK])


@needs_corpus
def test_a_cluster_of_other_versions_only_is_refused(corpus_sources, other_templates, tmp_path):
    sources, _local, _unused = corpus_sources
    cluster = Cluster(tmp_path, [{"UNRES_TEMPLATES": str(other_templates)}])
    try:
        out = tmp_path / "out"
        proc = unres("build", sources[0], "-o", out, "--scheduler", cluster.address)
    finally:
        cluster.close()
    assert proc.returncode == EXIT_TOOL, proc.stderr
    assert "no worker of the cluster" in proc.stderr and "[T-CLUSTER]" in proc.stderr
    assert "templates" in proc.stderr and "it would give other bytes" in proc.stderr
    assert not out.exists() or not any(out.rglob("*.*"))


@needs_corpus
def test_a_cluster_is_given_sources_as_its_workers_finish(corpus_sources, tmp_path):
    """The scheduler queues no task restricted to our resource: each goes to a worker as it
    arrives. So the build keeps two a worker on the cluster (the one rendering and the next)
    and sends the next source as one is done, largest first, as the local pool hands them out;
    sent all at once, they were dealt out by count and one worker ended alone."""
    sources, local, _unused = corpus_sources
    workers = 2
    assert len(sources) > 2 * workers
    cluster = Cluster(tmp_path, [{}] * workers)
    try:
        out = tmp_path / "out"
        proc = unres("build", *sources, "-o", out, "--scheduler", cluster.address)
        assert proc.returncode == EXIT_OK, proc.stderr + cluster.log("worker0")
        from distributed import Client

        # Sent by value (a lambda): the scheduler cannot import the tests.
        log = lambda dask_scheduler: [(str(t.key), t.finish) for t in dask_scheduler.transition_log]  # noqa: E731
        with Client(cluster.address, timeout=START_TIMEOUT) as client:
            transitions = client.run_on_scheduler(log)
    finally:
        cluster.close()
    unfinished, most, seen = set(), 0, set()
    for key, state in transitions:
        if not key.startswith("unres-build-"):
            continue
        seen.add(key)
        if state in ("waiting", "no-worker", "queued", "processing"):
            unfinished.add(key)
        else:
            unfinished.discard(key)
        most = max(most, len(unfinished))
    assert len(seen) == len(sources)
    assert most == 2 * workers, transitions
    assert snapshot(out) == local


def _build_killing_a_worker(cluster, sources, out: Path, may_kill, timeout: float = BUILD_TIMEOUT):
    """Build ``sources`` on ``cluster``, and SIGKILL a worker process whose pid ``may_kill``
    allows while it renders one of them, once a first source is published; the cluster is
    closed after. Returns the pid killed (None if none was found busy) and the build's return
    code, standard output and standard error."""
    from distributed import Client

    build = subprocess.Popen([*UNRES, "build", *map(str, sources), "-o", str(out)], cwd=ROOT,
                             env=_env(DASK_SCHEDULER_ADDRESS=cluster.address),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    try:
        with Client(cluster.address, timeout=START_TIMEOUT) as client:
            pids = client.run(os.getpid)
            deadline = time.monotonic() + BUILD_TIMEOUT
            while killed is None and time.monotonic() < deadline and build.poll() is None:
                busy = [w for w, keys in client.processing().items() if keys and may_kill(pids.get(w))]
                if busy and any(out.glob("*.pdf")):
                    killed = pids[busy[0]]
                    os.kill(killed, signal.SIGKILL)
                time.sleep(0.05)
        stdout, stderr = build.communicate(timeout=timeout)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
        cluster.close()
    return killed, build.returncode, stdout, stderr


@needs_corpus
def test_a_build_outlives_the_restart_of_its_only_worker(corpus_sources, tmp_path):
    """With its only worker dead, every task waits for one; the nanny's new worker joins before
    it is admitted, and is then given them all the same."""
    sources, local, _unused = corpus_sources
    out = tmp_path / "out"
    # One worker builds the sources in well under this timeout; a build left waiting never ends.
    killed, code, stdout, stderr = _build_killing_a_worker(
        Cluster(tmp_path, [{}], nanny=True), sources, out, lambda pid: pid is not None,
        timeout=BUILD_TIMEOUT / 2)
    assert killed is not None, "the worker was not found busy while the build ran"
    assert "Restarting worker" in (tmp_path / "worker0.log").read_text(errors="replace")
    assert code == EXIT_OK, stderr
    assert f"{len(sources)} built, 0 up to date, 0 failed" in stdout
    assert snapshot(out) == local


@needs_corpus
def test_a_worker_killed_mid_run_loses_nothing(corpus_sources, tmp_path):
    sources, local, _unused = corpus_sources
    cluster = Cluster(tmp_path, [{}, {}])
    ours = {proc.pid for proc in cluster.workers}
    out = tmp_path / "out"
    killed, code, stdout, stderr = _build_killing_a_worker(cluster, sources, out, ours.__contains__)
    assert killed is not None, "no worker was found busy while the build ran"
    assert code == EXIT_OK, stderr
    assert f"{len(sources)} built, 0 up to date, 0 failed" in stdout
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert snapshot(out) == local


@needs_corpus
def test_a_build_that_loses_every_worker_says_it_waits_and_goes_on_when_one_joins(corpus_sources, tmp_path):
    """Dask keeps the tasks of a cluster whose workers all died waiting for a worker to join; the
    build waited so in silence. It now says that it waits, and for how many sources, and goes on
    when a worker joins (here one started by hand, as an operator would)."""
    from distributed import Client

    from unres.parallel.cluster import _Workers

    sources, local, _unused = corpus_sources
    cluster = Cluster(tmp_path, [{}])       # no nanny: the killed worker stays dead
    out, err = tmp_path / "out", tmp_path / "build.err"
    with open(err, "w") as stderr_file:
        build = subprocess.Popen([*UNRES, "build", *map(str, sources), "-o", str(out)], cwd=ROOT,
                                 env=_env(DASK_SCHEDULER_ADDRESS=cluster.address),
                                 stdout=subprocess.PIPE, stderr=stderr_file, text=True)
    try:
        with Client(cluster.address, timeout=START_TIMEOUT) as client:
            pid = cluster.workers[0].pid
            deadline = time.monotonic() + BUILD_TIMEOUT
            while time.monotonic() < deadline and build.poll() is None:
                if any(keys for keys in client.processing().values()) and any(out.glob("*.pdf")):
                    os.kill(pid, signal.SIGKILL)
                    break
                time.sleep(0.05)
        assert build.poll() is None, "the build ended before its worker could be killed"
        cluster.workers[0].wait(timeout=30)
        deadline = time.monotonic() + _Workers.NOTICE_SECONDS + 60
        while "wait for one to join" not in err.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        said = err.read_text()
        assert f"no worker of the cluster at {cluster.address} has been admitted" in said, said
        waiting = int(said.split("(those there were have left); ")[1].split()[0])
        assert 0 < waiting < len(sources) and not any(p.suffix == ".tmp" for p in out.iterdir())
        cluster.add_worker()
        stdout, _unused = build.communicate(timeout=BUILD_TIMEOUT)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
        cluster.close()
    said = err.read_text()
    assert build.returncode == EXIT_OK, said
    assert "is admitted; the build goes on" in said
    assert f"{len(sources)} built, 0 up to date, 0 failed" in stdout
    assert snapshot(out) == local


# Started in a process of its own, as a build is: the workers' state before any task or plugin.
_WORKERS_AT_START = """
import json, sys
from distributed import Client
from unres.parallel import cluster, local_cluster

def state(dask_worker):
    import sys
    import dask
    from unres.parallel import cluster
    return {"imported": sorted(m for m in ("weasyprint", "unres.writers.pdf.writer", "docx", "pikepdf.pdfa")
                               if m in sys.modules),
            "versions asked": cluster.versions.cache_info().currsize,
            "polls (s)": [dask.utils.parse_timedelta(dask.config.get(name)) for name in
                          ("distributed.worker.memory.monitor-interval", "distributed.admin.system-monitor.interval")],
            "retired after 25 to 35 min, and restarted": 25 * 60 <= dask_worker.lifetime <= 35 * 60
                                                          and dask_worker.lifetime_restart}

if __name__ == "__main__":
    with local_cluster.start(2) as dask_cluster, Client(dask_cluster) as client:
        print(json.dumps(sorted(client.run(state).values(), key=str)))
"""


_FIRST_STEP = """
import sys
from unres.cli import main
from unres.parallel import local_cluster

def first(*args, **kwargs):
    print("distributed imported" if "distributed" in sys.modules else "nothing of Dask imported")
    sys.exit(0)

local_cluster.start_forkserver = first
main(["build", sys.argv[1], "-o", sys.argv[2], "--scheduler", "local:2"])
"""


def test_a_local_cluster_build_starts_its_warm_server_before_it_imports_dask(tmp_path):
    """The server's warm-up is the longest step of a local cluster's start: it runs while the
    build imports Dask and starts the scheduler, not after."""
    script = tmp_path / "first.py"
    script.write_text(_FIRST_STEP)
    proc = subprocess.run([sys.executable, str(script), str(SOURCE_38_3), str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "nothing of Dask imported"


def test_a_local_cluster_forks_its_workers_warm(tmp_path):
    script = tmp_path / "start.py"
    script.write_text(_WORKERS_AT_START)
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT,
                          env=_env(), timeout=BUILD_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    workers = __import__("json").loads(proc.stdout.strip().splitlines()[-1])
    # Each worker holds WeasyPrint, the writers, the check's readers and its versions from the
    # moment it starts: nothing of it is imported or asked again per worker.
    # Each worker polls its memory once a second and its system figures every 5 s, not 10 and
    # 2 times a second (Dask's defaults), which cost a loaded machine's renders seconds of CPU.
    # Each is retired and restarted by Dask after half an hour or so: a worker grows with the
    # documents it renders (WeasyPrint's own memory), as the local pool's are replaced.
    assert workers == [{"imported": ["docx", "pikepdf.pdfa", "unres.writers.pdf.writer", "weasyprint"],
                        "versions asked": 1, "polls (s)": [1, 5],
                        "retired after 25 to 35 min, and restarted": True}] * 2


@needs_corpus
def test_a_local_cluster_build_outlives_its_workers_lifetimes(corpus_sources, tmp_path):
    """A lifetime set in Dask's own configuration is kept, and always restarts the worker (a
    local cluster has no other): with workers retired every few seconds, a build of eight
    copies of each source completes, byte for byte as the local pool builds it."""
    sources, _local, _unused = corpus_sources
    folder = tmp_path / "source"
    folder.mkdir()
    copies = [shutil.copy(source, folder / f"{source.stem}_{n}.md") for source in sources for n in range(8)]
    local = tmp_path / "local"
    started = time.monotonic()
    proc = unres("build", *copies, "-o", local, "-j", "2")
    took = time.monotonic() - started
    assert proc.returncode == EXIT_OK, proc.stderr
    out = tmp_path / "out"
    mark = f"lifetime-{os.getpid()}"
    # A third of the pool's time on this machine: each worker is retired a few times during the
    # build, and one document (a twentieth of it on a worker) still fits in a life many times over.
    lifetime = {"DASK_DISTRIBUTED__WORKER__LIFETIME__DURATION": f"{max(2.0, took / 3):.1f}s",
                "DASK_DISTRIBUTED__WORKER__LIFETIME__STAGGER": "0s"}
    with PandocWatch(mark) as watch:
        proc = unres("build", *copies, "-o", out, "--scheduler", "local:2", env=_env(**{MARK: mark}, **lifetime))
    assert proc.returncode == EXIT_OK, proc.stderr
    assert f"{len(copies)} built, 0 up to date, 0 failed" in proc.stdout
    assert snapshot(out) == snapshot(local)
    # Each worker process keeps a pandoc of its own: more than the two first workers' (and the
    # warm server's) were seen, so workers were retired and restarted during the build.
    assert len(watch.seen) >= 4, (watch.seen, proc.stdout[-200:])
    assert not left_running(mark)


@needs_corpus
def test_a_local_cluster_build_brings_back_a_worker_dask_gave_up_on(corpus_sources, tmp_path):
    """A worker a nanny restarts is gone from the scheduler until it joins again; when that took
    longer than Dask's lost-worker-timeout (15 s; a loaded machine took it, and the full test
    run hung here), Dask closed the nanny for good, and with no worker left the build waited
    forever. Here the timeout is a tenth of a second, so that every restart loses its nanny: the
    build brings a worker back each time, and completes byte for byte as the local pool builds.
    A worker lives a third of what the local pool takes for the same work (at least 4 s, time to
    warm up and build), so that each is restarted during the build however fast the machine is."""
    sources, _local, _unused = corpus_sources
    folder = tmp_path / "source"
    folder.mkdir()
    copies = [shutil.copy(source, folder / f"{source.stem}_{n}.md") for source in sources for n in range(12)]
    local = tmp_path / "local"
    started = time.monotonic()
    assert unres("build", *copies, "-o", local, "-j", "2").returncode == EXIT_OK
    lifetime = max(4.0, (time.monotonic() - started) / 3)
    out = tmp_path / "out"
    mark = f"lost-{os.getpid()}"
    harsh = {"DASK_DISTRIBUTED__WORKER__LIFETIME__DURATION": f"{lifetime:.1f}s",
             "DASK_DISTRIBUTED__WORKER__LIFETIME__STAGGER": "0s",
             "DASK_DISTRIBUTED__DEPLOY__LOST_WORKER_TIMEOUT": "0.1s"}
    with PandocWatch(mark) as watch:
        proc = unres("build", *copies, "-o", out, "--scheduler", "local:2", env=_env(**{MARK: mark}, **harsh),
                     timeout=240)
    assert proc.returncode == EXIT_OK, proc.stderr[-3000:]
    assert f"{len(copies)} built, 0 up to date, 0 failed" in proc.stdout
    assert snapshot(out) == snapshot(local)
    assert len(watch.seen) >= 4, (watch.seen, proc.stdout[-200:])
    assert not left_running(mark)


@needs_corpus
def test_a_local_cluster_build_is_byte_identical(corpus_sources, tmp_path):
    sources, local, warnings = corpus_sources
    out = tmp_path / "out"
    mark = f"local-{os.getpid()}"
    with PandocWatch(mark) as watch:
        proc = unres("build", *sources, "-o", out, "--scheduler", "local:2", env=_env(**{MARK: mark}))
    assert proc.returncode == EXIT_OK, proc.stderr
    # The workers' kept pandocs ran during the build and none outlives it (the workers, forked
    # from the warm server, end without running the exit hooks that stop it).
    assert watch.seen, "no pandoc was seen running during the build"
    assert not left_running(mark)
    assert f"{len(sources)} built, 0 up to date, 0 failed" in proc.stdout
    assert snapshot(out) == local
    assert _warnings(proc.stderr) == warnings
    # Dask's own complaints as the cluster stops are not the build's output.
    assert not [line for line in proc.stderr.splitlines() if "distributed." in line], proc.stderr
