"""The one adapter for pandoc: find it, run it with a time limit, turn its failures into ToolError.

pypandoc supplies the binary (pypandoc-binary); ``UNRES_PANDOC`` points at
another one. ``--sandbox`` is always passed: pandoc then reads no file and
fetches nothing on behalf of the document.
"""
from __future__ import annotations

import os
import subprocess
import threading
from functools import lru_cache

from .errors import tool_error

TIMEOUT_SECONDS = float(os.environ.get("UNRES_PANDOC_TIMEOUT", "60"))


@lru_cache(maxsize=None)
def pandoc_path() -> str:
    override = os.environ.get("UNRES_PANDOC")
    if override:
        if not os.access(override, os.X_OK):
            raise tool_error(f"pandoc not found at UNRES_PANDOC={override}", "T101")
        return override
    try:
        import pypandoc
        path = pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise tool_error(f"pandoc is not installed ({exc}); run 'make' to install pypandoc-binary", "T101") from None
    return path


def run(args: list[str], data: bytes, timeout: float | None = None, env: dict | None = None) -> bytes:
    cmd = [pandoc_path(), "--sandbox", *args]
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, env=env,
                              timeout=timeout or TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        raise tool_error(f"pandoc not found at {cmd[0]}", "T101") from None
    except PermissionError:
        raise tool_error(f"pandoc at {cmd[0]} cannot be run (permission denied)", "T101") from None
    except subprocess.TimeoutExpired:
        raise tool_error(f"pandoc did not finish within {timeout or TIMEOUT_SECONDS:g} s and was stopped", "T103") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else "no message"
        raise tool_error(f"pandoc failed with exit code {proc.returncode}: {detail}", "T102")
    return proc.stdout


def start(args: list[str], data: bytes, timeout: float | None = None):
    """Start pandoc and return a function that waits for its output (or raises its error).

    pandoc is a process of its own, so it runs on another core while this one
    goes on with other work. The environment is taken now, so that later
    changes made by this process do not reach pandoc.
    """
    env = dict(os.environ)
    path = pandoc_path()      # a missing pandoc is reported here, by the caller's thread
    return in_thread(lambda: run(args, data, timeout, env), f"pandoc {path}")


def in_thread(work, name: str):
    """Run ``work`` in a thread and return a function that waits for its value (or raises
    its error)."""
    outcome: dict = {}

    def body():
        try:
            outcome["data"] = work()
        except BaseException as exc:   # noqa: BLE001 - handed to the caller below
            outcome["error"] = exc

    thread = threading.Thread(target=body, name=name, daemon=True)
    thread.start()

    def result():
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["data"]
    return result
