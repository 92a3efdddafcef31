"""``make bench``'s Dask part: the corpus built through Dask against the local pool, same cores.

Three ways to build the same sources with the same number of worker processes:

- the local pool (``unres build -j N``), today's default;
- ``unres build --scheduler local:N``: a Dask ``LocalCluster`` of N workers that
  the build starts, warms up and stops (what one machine's user runs);
- ``unres build --scheduler tcp://…`` on a ``dask scheduler`` and N ``dask worker``
  processes started beforehand (a cluster that is up, as on real machines).

This machine's other work makes one run differ from the next by a third, so the ways
run in rounds whose order is mirrored from one round to the next (pool, local, running;
running, local, pool: each way takes each place as often), and each round's Dask runs are
compared with that round's pool run: the report gives the median of those per-round ratios
and their spread, with the load average at each run. Besides the wall time, each run's CPU
time counts every process of the build, to the last one (:mod:`bench.reaper`), and, for the
running cluster, what its scheduler and workers spent meanwhile.
"""
from __future__ import annotations

import json
import os
import socket
import statistics
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
    """A scheduler and ``workers`` single-threaded workers, started as the README says."""

    def __init__(self, workers: int, folder: Path):
        dask = str(Path(sys.executable).parent / "dask")
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        folder.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DASK_")}
        # The settings the README gives for workers started by hand.
        from unres.parallel.local_cluster import worker_environment
        env.update(worker_environment())
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

    def cpu_seconds(self) -> float:
        """CPU spent so far by the cluster's processes and every process under them (a worker's
        pandoc: those running now, and those it has waited for)."""
        return sum(_tree_cpu(proc.pid) for proc in self.procs)

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


def _tree_cpu(pid: int) -> float:
    """CPU of ``pid`` and of its children, running or waited for (/proc, in clock ticks)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                    for c in (task / "children").read_text().split()]
    except (OSError, ValueError):
        return 0.0
    # utime, stime, cutime, cstime: fields 14 to 17 of stat, 11 to 14 after the command's name.
    own = sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return own + sum(_tree_cpu(child) for child in children)


WAYS = ("pool", "local", "running")


def compare(sources, work: Path, runs: int, jobs: int, run_ours, side_type, log) -> dict:
    """Wall and CPU times of the three ways (``run_ours`` from :mod:`bench.run`), in rounds of
    mirrored order, with the load average at the start of each run."""
    sides = {key: side_type() for key in WAYS}
    # Per way, run by run: the sources that failed (None when the build did not run to its
    # summary: a refused worker, an unreachable scheduler, such a run compares with nothing),
    # the CPU seconds and the load average.
    failed = {key: [] for key in WAYS}
    cpu = {key: [] for key in WAYS}
    load = {key: [] for key in WAYS}
    complete = True
    reaper = [sys.executable, str(Path(__file__).with_name("reaper.py"))]
    cluster = RunningCluster(jobs, work / "dask-cluster")
    try:
        # Untimed: the running cluster's workers are admitted and warmed up once, as on a
        # cluster that serves one build after another.
        run_ours(sources[:1], work / "dask-warm", jobs, side_type(), extra=["--scheduler", cluster.address])
        extra = {"pool": [], "local": ["--scheduler", f"local:{jobs}"], "running": ["--scheduler", cluster.address]}
        for run in range(runs):
            order = WAYS if run % 2 == 0 else WAYS[::-1]
            log(f"Dask against the pool: round {run + 1}/{runs} ({', '.join(order)})")
            for key in order:
                counted = work / f"dask-{key}.cpu.json"
                load[key].append(os.getloadavg()[0])
                cluster_before = cluster.cpu_seconds() if key == "running" else 0.0
                summary = run_ours(sources, work / f"dask-{key}", jobs, sides[key], extra=extra[key],
                                   prefix=[*reaper, str(counted), "--"])
                try:
                    measured = json.loads(counted.read_text())
                    counted.unlink()
                except (OSError, ValueError):
                    measured = {"cpu": float("nan"), "complete": False}
                complete = complete and measured["complete"]
                cluster_cpu = cluster.cpu_seconds() - cluster_before if key == "running" else 0.0
                cpu[key].append(measured["cpu"] + cluster_cpu)
                log(f"  {key}: {sides[key].build[-1]:.1f} s wall, {cpu[key][-1]:.1f} s CPU, load {load[key][-1]:.1f}")
                if not summary.startswith("unres: "):
                    failed[key].append(None)
                else:
                    names = summary.split(" — failed: ", 1)[1].split(", ") if " — failed: " in summary else []
                    failed[key].append(sorted(names))
    finally:
        cluster.close()
    same = _same_bytes(work / "dask-pool", work / "dask-local") and _same_bytes(work / "dask-pool",
                                                                             work / "dask-running")
    return {"count": len(sources), "jobs": jobs, **sides, "same": same, "failed": failed, "cpu": cpu,
            "load": load, "cpu complete": complete}


def round_ratios(result: dict, key: str, measure: str = "wall") -> list:
    """Each round's ``key`` run against the same round's pool run (wall or CPU time)."""
    if measure == "wall":
        ours, pool = result[key].build, result["pool"].build
    else:
        ours, pool = result.get("cpu", {}).get(key, []), result.get("cpu", {}).get("pool", [])
    return [a / b for a, b in zip(ours, pool) if b and a == a and b == b]


def _same_bytes(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return bool(files) and files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files)


def _spread(ratios: list) -> str:
    if not ratios:
        return "n/a"
    low, mid, high = min(ratios), statistics.median(ratios), max(ratios)
    return f"{(mid - 1) * 100:+.1f} % ({(low - 1) * 100:+.0f} % to {(high - 1) * 100:+.0f} %)"


def section(result, fmt, med, met) -> list:
    """The report's lines; ``fmt``, ``med`` and ``met`` format as the rest of the bench does."""
    if not result:
        return [], []
    count, jobs, pool = result["count"], result["jobs"], result["pool"]
    base = med(pool.build)
    lines = ["", f"## Dask against the local pool ({jobs} workers, the same {jobs} cores)", "",
             f"The {count} corpus resolutions, cold, `--force`, in rounds of mirrored order. The overhead is "
             "(Dask − pool) ÷ pool; per document, that difference ÷ the resolutions. The target is "
             "judged on the median of the rounds' own ratios (each Dask run against its round's pool run).", "",
             "| Way | Wall time | Overhead | Per document | Target |", "|---|---:|---:|---:|---|",
             f"| local pool (`-j {jobs}`) | {fmt(base)} | | | |"]
    verdicts = []
    for key, name in (("local", f"`--scheduler local:{jobs}` (LocalCluster started by the build)"),
                      ("running", f"`--scheduler tcp://…`, `dask scheduler` + {jobs} `dask worker` already up")):
        side = result[key]
        wall = med(side.build)
        overhead = (wall - base) / base if base == base and base else float("nan")
        ratios = round_ratios(result, key)
        # Round by round when every round has both runs; the medians' ratio otherwise.
        judged = statistics.median(ratios) - 1 if ratios and len(ratios) == len(side.build) else overhead
        # A source that fails in the pool too does the same work on both sides: the times compare.
        failed = result.get("failed", {})
        comparable = not side.failures or (None not in failed.get(key, [None])
                                            and failed.get(key) == failed.get("pool"))
        ok = None if judged != judged or not comparable else judged <= 0.10
        lines.append(f"| {name} | {fmt(wall)} | {overhead * 100:+.1f} % | "
                     f"{(wall - base) / count * 1000:+.0f} ms | ≤ 10 %: {met(ok)} |")
        verdicts.append((f"Dask overhead, {key}", ok, f"{judged * 100:+.1f} % against the pool (target ≤ 10 %)"))
        for failure in side.failures:
            lines.append(f"|  ⚠ {failure.replace('|', '/')} |||||")
    for name in sorted({n for names in result.get("failed", {}).get("pool", []) if names for n in names}):
        lines.append(f"|  ⚠ fails in every way, the pool too: {Path(name).name} |||||")
    cpu, load = result.get("cpu"), result.get("load")
    if cpu and load:
        lines += ["", "Round by round (wall s / CPU s of every process of the build, and of the running "
                  "cluster's processes meanwhile; load average, 1 min, as each run started):", "",
                  "| Round | Order | pool | `local` | `running` | local ÷ pool | running ÷ pool |",
                  "|---:|---|---:|---:|---:|---:|---:|"]
        for run in range(len(pool.build)):
            order = ", ".join(WAYS if run % 2 == 0 else WAYS[::-1])

            def cell(key, run=run):
                try:
                    return f"{result[key].build[run]:.1f} / {cpu[key][run]:.1f} (load {load[key][run]:.1f})"
                except IndexError:
                    return "n/a"

            def ratio(key, run=run):
                try:
                    return f"{result[key].build[run] / pool.build[run]:.2f} / {cpu[key][run] / cpu['pool'][run]:.2f}"
                except (IndexError, ZeroDivisionError):
                    return "n/a"
            lines.append(f"| {run + 1} | {order} | {cell('pool')} | {cell('local')} | {cell('running')} | "
                         f"{ratio('local')} | {ratio('running')} |")
        lines += ["", "| Against the pool, median of the rounds (lowest to highest) | wall | CPU |", "|---|---:|---:|"]
        for key in ("local", "running"):
            lines.append(f"| `{key}` | {_spread(round_ratios(result, key))} | {_spread(round_ratios(result, key, 'cpu'))} |")
        if not result.get("cpu complete", True):
            lines.append("\n⚠ Some process of a build was still running a minute after it: its CPU is not all counted.")
    lines += ["", "Runs (s): " + "; ".join(f"{key} {[round(t, 2) for t in result[key].build]}"
                                           for key in ("pool", "local", "running")),
              f"Outputs of the three ways byte-identical: {'yes' if result['same'] else '**no**'}."]
    return lines, verdicts
