"""One format rendered in a second process, beside the build of one source.

A build of a single source in one process is bound by Python's lock: the
PDF's layout and everything else take turns on one core. With a second core
free, :class:`SideWriter` forks a process at once, before the source is read;
it imports the writer's machinery (for the PDF, WeasyPrint, its stylesheet
and fonts) while this process reads the source, then renders the format from
the model and its inputs, which it receives by pipe, and sends the bytes back.
Meanwhile this process renders the other formats. Errors come back as the
same typed errors, with their diagnostics, and a bug as its traceback; a
process that dies without an answer (a crash in a native library, a kill) is
a ToolError, ``T-SIDE``, that says how it ended.

The fork happens before the build starts any thread, so the child inherits
no lock held by one. The pool of :mod:`unres.parallel.pool` does not use this: its
workers already keep both cores busy.
"""
from __future__ import annotations

import os
import pickle
import signal
import traceback

from ..errors import UnresError, tool_error


class SideWriter:
    """A forked process that renders ``fmt`` once, when :meth:`start` hands it a model."""

    def __init__(self, fmt: str, warm=None, then=None):
        """``warm`` runs in the new process before it waits for its job; ``then`` runs here
        once the job is handed over (this process's own warm-up, which would otherwise
        compete with the new process for the cores while it imports)."""
        self.fmt = fmt
        self._then = then
        jobs_read, self._jobs = os.pipe()
        self._results, results_write = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:                                   # the side process
            os.close(self._jobs)
            os.close(self._results)
            _end_with(parent)
            _serve(fmt, warm, jobs_read, results_write)     # never returns
        os.close(jobs_read)
        os.close(results_write)
        self._waited = False
        self._status = 0

    def start(self, res, inputs: dict):
        """Send the job; returns a function that waits for the bytes (or raises the error)."""
        from .overlap import precompute
        try:
            inputs = precompute(self.fmt, res, inputs)
        except BaseException:           # the writer's own errors (a missing emblem …)
            self.close()
            raise
        jobs, self._jobs = self._jobs, -1
        try:
            with os.fdopen(jobs, "wb") as pipe:
                pickle.dump((res, inputs), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:                 # the process is gone: say how it ended
            self.close()
            raise self._ended() from None
        except BaseException:           # a model that does not pickle is a bug, reported as one
            self.close()
            raise
        if self._then is not None:
            self._then()
        return self._finish

    def _finish(self) -> bytes:
        try:
            with os.fdopen(self._results, "rb") as pipe:
                self._results = -1
                kind, value = pickle.load(pipe)
        except (EOFError, OSError, pickle.UnpicklingError):
            self._wait()
            raise self._ended() from None
        self._wait()
        if kind == "bytes":
            return value
        if kind == "error":
            raise value
        raise RuntimeError(f"the process rendering the {self.fmt} failed:\n{value}")

    def close(self) -> None:
        """Stop the process if it is still waiting or working (the build failed elsewhere)."""
        for fd in (self._jobs, self._results):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._jobs = self._results = -1
        if not self._waited:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self._wait()

    def _ended(self):
        # The process died (a crash in WeasyPrint's libraries, a kill), not an error it reported.
        return tool_error(f"the process laying out the {self.fmt} ended without an answer "
                          f"({_describe(self._status)}); -j 1 builds in one process", "T-SIDE")

    def _wait(self) -> int:
        if not self._waited:
            self._waited = True
            try:
                self._status = os.waitpid(self.pid, 0)[1]
            except ChildProcessError:
                pass
        return self._status


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


def _end_with(parent: int) -> None:
    """Have the kernel stop this process when the build's process dies (Linux), rather than
    let it finish a layout nobody will read; elsewhere it ends at its next pipe operation."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)                   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:                          # it died before the request was made
        os._exit(1)


def _serve(fmt: str, warm, jobs_read: int, results_write: int) -> None:
    code = 0
    try:
        if warm is not None:
            warm()
        try:
            with os.fdopen(jobs_read, "rb") as pipe:
                res, inputs = pickle.load(pipe)
        except EOFError:
            os._exit(0)                                     # the build needed no render after all
        from ..formats import FORMATS
        try:
            answer = ("bytes", FORMATS[fmt].render(res, inputs))
        except UnresError as exc:
            answer = ("error", exc)
        except Exception:  # noqa: BLE001 - a bug: its traceback goes to the build's report
            answer = ("failure", traceback.format_exc())
        with os.fdopen(results_write, "wb") as pipe:
            pickle.dump(answer, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - the parent reports the missing answer
        code = 1
    finally:
        # No exit handlers, no flushing of buffers copied from the parent.
        os._exit(code)

