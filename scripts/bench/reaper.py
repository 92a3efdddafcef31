"""Run a command and account for the CPU time of every process it starts, to the last one.

``python reaper.py RESULT.json -- COMMAND…`` runs COMMAND as this process's child and makes
this process the reaper of everything COMMAND starts (Linux's child subreaper): a process
left behind when its parent ends — a local Dask cluster's forkserver and the workers forked
from it, which outlive the build by a moment — is handed here rather than to init, and
waited for. The CPU of all of them then adds up in this process's children's usage, which
is written to RESULT.json with the command's own wall time. Exits with COMMAND's status.
"""
from __future__ import annotations

import ctypes
import json
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
# What is left running after the command ends has this long to end on its own.
ORPHANS_TIMEOUT = 60


def _reap_orphans(deadline: float) -> bool:
    """Wait for every process handed here; False when some still ran at the deadline."""
    while time.monotonic() < deadline:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return True
        if pid == 0:
            time.sleep(0.02)
    return False


def main(argv: list) -> int:
    result, separator, *command = argv
    assert separator == "--" and command, "usage: reaper.py RESULT.json -- COMMAND…"
    subreaper = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    started = time.perf_counter()
    code = subprocess.call(command)
    wall = time.perf_counter() - started
    complete = _reap_orphans(time.monotonic() + ORPHANS_TIMEOUT) and subreaper
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(result, "w", encoding="utf-8") as fh:
        json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "complete": complete}, fh)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
