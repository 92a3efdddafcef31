"""One pandoc kept running per process, for reading every source and writing every DOCX.

A pandoc run costs its start and, for DOCX, some 30 ms of setting up its writer
that a running pandoc does once: half of pandoc's CPU for a DOCX. ``pandoc
server`` would keep it running, but the pandoc that pypandoc-binary ships is
built without the threaded runtime its HTTP server needs and fails every
request. pandoc's own Lua interpreter (``pandoc lua``) has no such need: the
script below reads requests on stdin and answers on stdout, one at a time.

Protocol, one request after another: a line ``FROM<TAB>TO<TAB>REFERENCE<TAB>LENGTH``
(REFERENCE ``-`` for none) and LENGTH bytes of input; the answer is a line
``ok LENGTH`` or ``error LENGTH`` and LENGTH bytes (the output, or pandoc's
message). The input is read sandboxed, as ``--sandbox`` does (no file is read on
its behalf), and a document with an image is refused, since writing one would
read its file (JSON excepted, whose writer reads none); the only file read is
the reference document the caller names.

The process is started on first use by the process that uses it (a forked
child starts its own), replaced when it has died, stopped when it runs past the
time limit and at exit. When it cannot be started (``UNRES_PANDOC`` names a
pandoc without Lua, or no pandoc), the conversion runs as a pandoc command,
which reports what is wrong as it always has. ``UNRES_PANDOC_WARM=0`` turns it
off. Its CPU is not in this process's children's times until it has ended:
:func:`cpu_seconds` reads it from /proc.
"""
from __future__ import annotations

import atexit
import os
import select
import subprocess
import tempfile
import threading
import time

from . import pandoc
from .errors import tool_error

SCRIPT = r"""
local function answer(kind, bytes)
  io.stdout:write(kind, " ", #bytes, "\n", bytes)
  io.stdout:flush()
end
local function refuse_image()
  error("a document with an image is not written here", 0)
end
answer("ready", tostring(PANDOC_VERSION))
while true do
  local line = io.stdin:read("l")
  if not line then break end
  local from, to, reference, length = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(%d+)$")
  if not length then
    answer("error", "bad request line")
    break
  end
  local input = tonumber(length) > 0 and io.stdin:read(tonumber(length)) or ""
  local ok, out = pcall(function()
    local doc = pandoc.read(input, from, nil, {})
    -- Writing JSON reads no image's file, and a walk of a source's tree costs more than its read.
    if to ~= "json" then doc:walk({Image = refuse_image}) end
    local options = {}
    if reference ~= "-" then options.reference_doc = reference end
    return pandoc.write(doc, to, options)
  end)
  if ok then answer("ok", out) else answer("error", tostring(out)) end
end
"""
_lock = threading.Lock()
_unavailable: set[str] = set()     # pandoc paths whose Lua interpreter would not start
_current: "_Process | None" = None


class _Died(Exception):
    """The process ended or stopped answering; ``sent`` tells whether it had the request."""

    def __init__(self, message: str, sent: bool):
        super().__init__(message)
        self.sent = sent


class _Process:
    def __init__(self, path: str, timeout: float):
        self.path = path
        self.owner = os.getpid()
        self.errors = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([path, "lua", "-e", SCRIPT], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.errors, bufsize=0,
                                     env=_runtime_env())
        self.buffer = b""
        try:
            kind, _ = self._answer(time.monotonic() + timeout)
            if kind != b"ready":
                raise _Died("no greeting", sent=False)
        except BaseException:
            self.stop()
            raise

    # -------------------------------------------------------------- I/O with a deadline
    def _wait(self, fd: int, write: bool, deadline: float) -> None:
        left = deadline - time.monotonic()
        ready = select.select([], [fd], [], max(left, 0)) if write else select.select([fd], [], [], max(left, 0))
        if not any(ready):
            raise TimeoutError

    def _send(self, data: bytes, deadline: float) -> None:
        fd = self.proc.stdin.fileno()
        view = memoryview(data)
        while view:
            self._wait(fd, True, deadline)
            try:
                written = os.write(fd, view[:65536])
            except (BrokenPipeError, ConnectionResetError):
                raise _Died("it closed its input", sent=False) from None
            view = view[written:]

    def _fill(self, deadline: float) -> None:
        fd = self.proc.stdout.fileno()
        self._wait(fd, False, deadline)
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise _Died("it ended", sent=True)
        self.buffer += chunk

    def _answer(self, deadline: float) -> tuple[bytes, bytes]:
        while b"\n" not in self.buffer:
            self._fill(deadline)
        line, self.buffer = self.buffer.split(b"\n", 1)
        kind, _, length = line.partition(b" ")
        size = int(length)
        while len(self.buffer) < size:
            self._fill(deadline)
        body, self.buffer = self.buffer[:size], self.buffer[size:]
        return kind, body

    def convert(self, data: bytes, from_: str, to: str, reference: str | None, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        header = f"{from_}\t{to}\t{reference or '-'}\t{len(data)}\n".encode("utf-8")
        self._send(header + data, deadline)
        kind, body = self._answer(deadline)
        if kind == b"ok":
            return body
        # The message's first line; the rest is the Lua traceback of the script.
        message = body.decode("utf-8", "replace").strip().splitlines()
        raise tool_error(f"pandoc failed: {message[0] if message else 'no message'}", "T102")

    # -------------------------------------------------------------- life
    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout, self.errors):
            stream.close()

    def last_words(self) -> str:
        """Why the process ended: its exit code and the last line it wrote to stderr."""
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.errors.seek(0)
        lines = self.errors.read().decode("utf-8", "replace").strip().splitlines()
        return f"exit code {code}: {lines[-1] if lines else 'no message'}"

    def cpu_seconds(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# The kept process's heap, as GHC's runtime reads it from GHCRTS: a larger heap than pandoc's
# own (-H64m) is collected less often. Over the 35 resolutions of the bench, read and written
# as DOCX twice over, it cut the process's CPU by a tenth (3.4 to 3.1 s) for 200 MB more of
# memory. A pandoc built without runtime options ignores the variable with a warning on stderr,
# and a user's own GHCRTS, coming after, wins.
_HEAP = "-H256m"


def _runtime_env() -> dict:
    return dict(os.environ, GHCRTS=f"{_HEAP} {os.environ.get('GHCRTS', '')}".strip())


def _usable(from_: str, to: str, reference: str | None) -> bool:
    """JSON is read here, and CommonMark read into JSON: its text is first prepared as the
    command prepares it (:func:`as_the_command_reads`), so that the source positions are
    the command's."""
    return ((from_ == "json" or (from_.startswith("commonmark") and to == "json"))
            and os.environ.get("UNRES_PANDOC_WARM", "1") != "0"
            and not any(c in (reference or "") + to + from_ for c in "\t\n"))


def as_the_command_reads(data: bytes) -> bytes | None:
    """UTF-8 text as the pandoc command hands it to its reader, which ``pandoc.read`` does
    not: a leading BOM dropped, carriage returns dropped, tabs expanded to the next stop of
    4 (counted in code points, before pandoc composes the text), every line ended, and one
    more newline after the text (the command's separator between input files; a list
    that ends the text ends a line later for it). None for what only the command reads as
    it does: text that is not UTF-8 (it replaces the bad bytes), or that still starts with a
    BOM (``pandoc.read`` would drop it, the command's reader keeps it)."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r", "").expandtabs(4)
    except UnicodeDecodeError:
        return None
    if text.startswith("\ufeff"):
        return None
    if text and not text.endswith("\n"):
        text += "\n"
    return (text + "\n").encode("utf-8")


def _process(path: str, timeout: float) -> "_Process | None":
    """The running process for ``path``, started if there is none (or it has died); None
    when this pandoc cannot run the script. A pandoc that does not even greet within the
    time limit raises TimeoutError, as a command would have."""
    global _current
    if _current is not None and (_current.path != path or not _current.alive()):
        _drop()
    if _current is None and path not in _unavailable:
        try:
            _current = _Process(path, timeout)
        except (OSError, _Died, ValueError):
            _unavailable.add(path)     # no Lua interpreter in this pandoc: commands instead
    return _current


def convert(data: bytes, from_: str, to: str, reference: str | None = None,
            timeout: float | None = None) -> bytes:
    """``data`` read as ``from_`` and written as ``to`` (with this reference document), by
    the running pandoc when it can, else by a pandoc command; failures raise ToolError."""
    timeout = timeout or pandoc.TIMEOUT_SECONDS
    path = pandoc.pandoc_path()
    text = None
    if _usable(from_, to, reference):
        text = data if from_ == "json" else as_the_command_reads(data)
    if text is not None:
        with _lock:
            for attempt in (1, 2):
                try:
                    warm = _process(path, timeout)
                    if warm is None:
                        break
                    return warm.convert(text, from_, to, reference, timeout)
                except TimeoutError:
                    _drop()
                    raise tool_error(f"pandoc did not finish within {timeout:g} s and was stopped",
                                     "T103") from None
                except _Died as died:
                    words = warm.last_words()
                    _drop()
                    if died.sent or attempt == 2:
                        raise tool_error(f"pandoc failed with {words}", "T102") from None
                    # It had ended before this request reached it: a new one takes it.
    args = ["--from", from_, "--to", to] + (["--reference-doc", reference, "--output", "-"] if reference else [])
    return pandoc.run(args, data, timeout)


def start(data: bytes, from_: str, to: str, reference: str | None = None):
    """Start :func:`convert` in a thread and return a function that waits for its bytes
    (or raises its error): the caller goes on with other work meanwhile."""
    pandoc.pandoc_path()      # a missing pandoc is reported here, by the caller's thread
    return pandoc.in_thread(lambda: convert(data, from_, to, reference), "pandoc")


def cpu_seconds() -> float:
    """CPU seconds of the running pandoc so far (0 when none runs): a child not yet waited
    for is not in ``os.times()``'s children's times. Once it has ended and been waited
    for, its CPU is there instead."""
    warm = _current
    return warm.cpu_seconds() if warm is not None and warm.owner == os.getpid() else 0.0


def _drop() -> None:
    global _current
    if _current is not None:
        _current.stop()
        _current = None


def _forget_in_child() -> None:
    """A forked child leaves its parent's pandoc alone and starts its own when it needs one."""
    global _current, _lock
    if _current is not None:
        for stream in (_current.proc.stdin, _current.proc.stdout, _current.errors):
            try:
                stream.close()
            except OSError:
                pass
    _current, _lock = None, threading.Lock()


def _stop_at_exit() -> None:
    if _current is not None and _current.owner == os.getpid():
        _drop()


os.register_at_fork(after_in_child=_forget_in_child)
atexit.register(_stop_at_exit)
