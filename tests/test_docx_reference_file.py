"""The reference document pandoc writes every DOCX from is kept in one file named by its content's
hash, which every process shares. python-docx zipped it with the clock's time, so each process
that started in another second made other bytes and left another file behind in the temporary
folder (2,385 of them there after a day of builds and tests). It is now zipped with one fixed
timestamp: the same styles give the same bytes, and one file, in every process."""
from __future__ import annotations

import subprocess
import sys
import time

from conftest import ROOT

PRINT_PATH = ("import sys; sys.path.insert(0, sys.argv[1]); "
              "from unres.writers.docx import reference; print(reference.reference_path())")


def _path_in_a_new_process() -> str:
    done = subprocess.run([sys.executable, "-c", PRINT_PATH, str(ROOT / "scripts")],
                          capture_output=True, text=True, timeout=300, check=True)
    return done.stdout.strip()


def test_processes_started_in_different_seconds_share_one_reference_file():
    first = _path_in_a_new_process()
    time.sleep(1.5)
    second = _path_in_a_new_process()
    assert first == second
