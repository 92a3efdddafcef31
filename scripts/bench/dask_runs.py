"""``make bench``'s Dask part: the corpus built through Dask against the local pool, same cores.

Three ways to build the same sources with the same number of worker processes,
interleaved run by run so that they share whatever else the machine is doing:

- the local pool (``unres build -j N``), today's default;
- ``unres build --scheduler local:N``: a Dask ``LocalCluster`` of N workers that
  the build starts, warms up and stops (what one machine's user runs);
- ``unres build --scheduler tcp://…`` on a ``dask scheduler`` and N ``dask worker``
  processes started beforehand (a cluster that is up, as on real machines).

The difference from the pool, divided by the number of sources, is Dask's
overhead per document.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

START_TIMEOUT = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningCluster:
    """A scheduler and ``workers`` single-threaded workers, started as a user would."""

    def __init__(self, workers: int, folder: Path):
        dask = str(Path(sys.executable).parent / "dask")
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        folder.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DASK_")}
        self.procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                        "--no-dashboard"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=env, cwd=folder)]
        try:
            from distributed import Client

            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("the Dask scheduler did not start") from None
                    time.sleep(0.2)
            for index in range(workers):
                self.procs.append(subprocess.Popen(
                    [dask, "worker", self.address, "--nthreads", "1", "--no-dashboard",
                     "--local-directory", str(folder / f"worker{index}")],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=folder))
            with Client(self.address, timeout=START_TIMEOUT) as client:
                client.wait_for_workers(workers, timeout=START_TIMEOUT)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def compare(sources, work: Path, runs: int, jobs: int, run_ours, side_type, log) -> dict:
    """Wall times of the three ways (``run_ours`` from :mod:`bench.run`), run after run."""
    pool, local, running = side_type(), side_type(), side_type()
    # Per run, the sources that failed; None when the build did not run to its summary
    # (a refused worker, an unreachable scheduler): such a run compares with nothing.
    failed = {"pool": [], "local": [], "running": []}
    cluster = RunningCluster(jobs, work / "dask-cluster")
    try:
        # Untimed: the running cluster's workers are admitted and warmed up once, as on a
        # cluster that serves one build after another.
        run_ours(sources[:1], work / "dask-warm", jobs, side_type(), extra=["--scheduler", cluster.address])
        for run in range(runs):
            log(f"Dask against the pool: run {run + 1}/{runs}")
            summaries = {"pool": run_ours(sources, work / "dask-pool", jobs, pool),
                         "local": run_ours(sources, work / "dask-local", jobs, local,
                                           extra=["--scheduler", f"local:{jobs}"]),
                         "running": run_ours(sources, work / "dask-running", jobs, running,
                                             extra=["--scheduler", cluster.address])}
            for key, summary in summaries.items():
                if not summary.startswith("unres: "):
                    failed[key].append(None)
                else:
                    names = summary.split(" — failed: ", 1)[1].split(", ") if " — failed: " in summary else []
                    failed[key].append(sorted(names))
    finally:
        cluster.close()
    same = _same_bytes(work / "dask-pool", work / "dask-local") and _same_bytes(work / "dask-pool",
                                                                             work / "dask-running")
    return {"count": len(sources), "jobs": jobs, "pool": pool, "local": local, "running": running,
            "same": same, "failed": failed}


def _same_bytes(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return bool(files) and files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files)


def section(result, fmt, med, met) -> list:
    """The report's lines; ``fmt``, ``med`` and ``met`` format as the rest of the bench does."""
    if not result:
        return [], []
    count, jobs, pool = result["count"], result["jobs"], result["pool"]
    base = med(pool.build)
    lines = ["", f"## Dask against the local pool ({jobs} workers, the same {jobs} cores)", "",
             f"The {count} corpus resolutions, cold, `--force`, interleaved run by run. The overhead is "
             "(Dask − pool) ÷ pool; per document, that difference ÷ the resolutions.", "",
             "| Way | Wall time | Overhead | Per document | Target |", "|---|---:|---:|---:|---|",
             f"| local pool (`-j {jobs}`) | {fmt(base)} | | | |"]
    verdicts = []
    for key, name in (("local", f"`--scheduler local:{jobs}` (LocalCluster started by the build)"),
                      ("running", f"`--scheduler tcp://…`, `dask scheduler` + {jobs} `dask worker` already up")):
        side = result[key]
        wall = med(side.build)
        overhead = (wall - base) / base if base == base and base else float("nan")
        # A source that fails in the pool too does the same work on both sides: the times compare.
        failed = result.get("failed", {})
        comparable = not side.failures or (None not in failed.get(key, [None])
                                            and failed.get(key) == failed.get("pool"))
        ok = None if overhead != overhead or not comparable else overhead <= 0.10
        lines.append(f"| {name} | {fmt(wall)} | {overhead * 100:+.1f} % | "
                     f"{(wall - base) / count * 1000:+.0f} ms | ≤ 10 %: {met(ok)} |")
        verdicts.append((f"Dask overhead, {key}", ok, f"{overhead * 100:+.1f} % against the pool (target ≤ 10 %)"))
        for failure in side.failures:
            lines.append(f"|  ⚠ {failure.replace('|', '/')} |||||")
    for name in sorted({n for names in result.get("failed", {}).get("pool", []) if names for n in names}):
        lines.append(f"|  ⚠ fails in every way, the pool too: {Path(name).name} |||||")
    lines += ["", "Runs (s): " + "; ".join(f"{key} {[round(t, 2) for t in result[key].build]}"
                                           for key in ("pool", "local", "running")),
              f"Outputs of the three ways byte-identical: {'yes' if result['same'] else '**no**'}."]
    return lines, verdicts
