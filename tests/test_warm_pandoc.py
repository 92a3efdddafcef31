"""The running pandoc that writes every DOCX: the bytes of a pandoc command, replaced when
it dies, stopped past its time limit, UNRES_PANDOC respected, a command when it cannot run."""
from __future__ import annotations

import io
import json
import os
import signal
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from unres import pandoc, warm_pandoc
from unres.errors import ToolError
from unres.writers.docx import body as docx_pandoc, reference as docx_reference

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh(monkeypatch):
    """No running pandoc before or after, and UNRES_PANDOC read anew."""
    def reset():
        warm_pandoc._drop()
        warm_pandoc._unavailable.clear()
        pandoc.pandoc_path.cache_clear()
    reset()
    yield monkeypatch
    monkeypatch.undo()
    reset()


def _document(blocks=None) -> bytes:
    blocks = blocks if blocks is not None else [
        {"t": "Para", "c": [{"t": "Str", "c": "Decides"}, {"t": "Space"}, {"t": "Str", "c": "so."}]}]
    return json.dumps({"pandoc-api-version": docx_pandoc.api_version(), "meta": {},
                       "blocks": blocks}).encode()


def _entries(docx: bytes) -> dict:
    # pandoc writes the time of the run into core.xml; the finishing step replaces it.
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {name: zf.read(name) for name in zf.namelist() if name != "docProps/core.xml"}


def _fake(tmp_path, script: str) -> str:
    path = tmp_path / "pandoc"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return str(path)


def test_docx_is_what_a_pandoc_command_writes(fresh):
    reference = str(docx_reference.reference_path())
    data = _document()
    command = pandoc.run(["--from", "json", "--to", "docx", "--reference-doc", reference, "--output", "-"], data)
    warm = warm_pandoc.convert(data, "json", "docx", reference)
    assert warm_pandoc._current is not None, "the conversion did not run in the kept process"
    assert _entries(warm) == _entries(command)
    assert warm_pandoc.cpu_seconds() > 0


def test_a_pandoc_that_died_is_replaced(fresh):
    first = warm_pandoc.convert(_document(), "json", "html")
    pid = warm_pandoc._current.proc.pid
    os.kill(pid, signal.SIGKILL)
    warm_pandoc._current.proc.wait()
    assert warm_pandoc.convert(_document(), "json", "html") == first
    assert warm_pandoc._current.proc.pid != pid


def test_a_pandoc_that_dies_on_a_request_is_a_tool_error(fresh, tmp_path):
    fresh.setenv("UNRES_PANDOC", _fake(tmp_path, "printf 'ready 0\\n'\nread line\necho boom >&2\nexit 5\n"))
    with pytest.raises(ToolError) as err:
        warm_pandoc.convert(_document(), "json", "html")
    assert err.value.diagnostics[0].code == "T102" and "pandoc failed with exit code 5: boom" in str(err.value)
    assert warm_pandoc._current is None


def test_a_pandoc_past_its_time_limit_is_stopped(fresh, tmp_path):
    fresh.setenv("UNRES_PANDOC", _fake(tmp_path, "printf 'ready 0\\n'\nexec sleep 30\n"))
    with pytest.raises(ToolError) as err:
        warm_pandoc.convert(_document(), "json", "html", timeout=1)
    assert err.value.diagnostics[0].code == "T103" and "did not finish within 1 s" in str(err.value)
    assert warm_pandoc._current is None


def test_unres_pandoc_is_the_pandoc_kept_running(fresh, tmp_path):
    log = tmp_path / "calls"
    fresh.setenv("UNRES_PANDOC", _fake(tmp_path, f'echo "$1" >> {log}\nexec {pandoc.pandoc_path()} "$@"\n'))
    pandoc.pandoc_path.cache_clear()
    for _ in range(3):
        warm_pandoc.convert(_document(), "json", "html")
    assert log.read_text().split() == ["lua"]      # started once, for all three


def test_a_pandoc_without_lua_runs_as_a_command(fresh, tmp_path):
    fresh.setenv("UNRES_PANDOC", _fake(tmp_path, "echo 'broken' >&2\nexit 3\n"))
    with pytest.raises(ToolError) as err:
        warm_pandoc.convert(_document(), "json", "html")
    assert err.value.diagnostics[0].code == "T102" and "pandoc failed with exit code 3: broken" in str(err.value)


def test_a_document_with_an_image_is_refused(fresh):
    image = {"t": "Para", "c": [{"t": "Image", "c": [["", [], []], [], ["/etc/hostname", ""]]}]}
    with pytest.raises(ToolError) as err:
        warm_pandoc.convert(_document([image]), "json", "docx", str(docx_reference.reference_path()))
    assert err.value.diagnostics[0].code == "T102" and "image" in str(err.value)


def _environment(pid: int) -> dict:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().partition("=")[::2] for item in raw if item)


def test_the_kept_pandoc_runs_with_the_larger_heap_and_a_users_own_options_after(fresh):
    fresh.delenv("GHCRTS", raising=False)
    warm_pandoc.convert(_document(), "json", "html")
    assert _environment(warm_pandoc._current.proc.pid)["GHCRTS"] == warm_pandoc._HEAP
    warm_pandoc._drop()
    # (the runtime reads its options left to right: the user's, last, win)
    fresh.setenv("GHCRTS", "-H512m")
    warm_pandoc.convert(_document(), "json", "html")
    assert _environment(warm_pandoc._current.proc.pid)["GHCRTS"] == f"{warm_pandoc._HEAP} -H512m"
    assert os.environ["GHCRTS"] == "-H512m"      # this process's own environment untouched


def test_a_pandoc_that_takes_no_runtime_options_still_runs_kept(fresh, tmp_path):
    # A pandoc built without runtime options warns of GHCRTS on stderr and runs on.
    fresh.setenv("UNRES_PANDOC", _fake(
        tmp_path, f'echo "Warning: Ignoring GHCRTS variable as RTS options are disabled." >&2\n'
                  f'exec env -u GHCRTS {pandoc.pandoc_path()} "$@"\n'))
    pandoc.pandoc_path.cache_clear()
    assert warm_pandoc.convert(_document(), "json", "html")
    assert warm_pandoc._current is not None, "it ran as a command, not kept"


def test_switched_off_it_runs_a_command(fresh):
    fresh.setenv("UNRES_PANDOC_WARM", "0")
    assert warm_pandoc.convert(_document(), "json", "html")
    assert warm_pandoc._current is None


# Pieces of a source body in which pandoc's preparation of its input shows: tabs at every
# column, carriage returns, a leading BOM, decomposed letters (pandoc composes them before it
# counts columns), lists, tables and notes that end the text, a text with no final newline.
_PIECES = st.sampled_from([
    "Decides", "\t", "  \t", "a\tb", "\r\n", "\n", "\n\n", "1. ", "2) ", "   (a) ", "\t(i) ",
    "    ", "e\u0301", "Co\u0302te", "*Recalling*", "**so**", "[^1]", "'quoted'", "\"twice\"",
    "--", "...", "\u00a0", "# A", "### Heading\n", "> ", "`code`", "\\*", "*", "_", "\ufeff",
    "| a |", "|---|\n", " | ",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_PIECES, max_size=40), bom=st.booleans(), note=st.booleans())
def test_a_source_read_by_the_kept_pandoc_is_what_the_command_reads(fresh, pieces, bom, note):
    from unres.readers.markdown.reader import PANDOC_FORMAT
    # The note is defined last: a definition that calls itself keeps pandoc 3.9 busy for ever.
    text = "".join(pieces) + ("\n\n[^1]: A note." if note else "")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    command = pandoc.run(["--from", PANDOC_FORMAT, "--to", "json"], data)
    commands = []
    fresh.setattr(pandoc, "run", lambda *args: commands.append(args) or command)
    warm = warm_pandoc.convert(data, PANDOC_FORMAT, "json")
    fresh.undo()
    # Only text that still starts with a BOM once the command dropped one is left to the command.
    kept = not data.removeprefix(b"\xef\xbb\xbf").startswith(b"\xef\xbb\xbf")
    assert (not commands) == kept, "the source was read by the wrong pandoc"
    # The command ends its output with a newline; the tree, source positions included, is the same.
    assert warm.rstrip(b"\n") == command.rstrip(b"\n")
