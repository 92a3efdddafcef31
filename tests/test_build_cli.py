"""The CLI and the builder: outputs, exit codes, all-or-nothing writes, incremental builds, failing tools."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BODY, FRONT, ROOT, SOURCE_38_3
from unres import __version__
from unres.cli import main
from unres.errors import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_TOOL, EXIT_USAGE

UNRES = [sys.executable, "-m", "unres.cli"]


def snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def run(*args, env=None, cwd=ROOT):
    full = dict(os.environ, **(env or {}))
    return subprocess.run([*UNRES, *args], capture_output=True, text=True, env=full, cwd=cwd, timeout=300)


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.splitlines()[0] == f"unres {__version__}"
    for command in ([], ["build"], ["check"], ["verify"], ["import"]):
        with pytest.raises(SystemExit) as info:
            main([*command, "--help"])
        assert info.value.code == 0
        assert "usage: unres" in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == EXIT_USAGE
    with pytest.raises(SystemExit) as info:
        main(["build", "x.md", "-f", "pdf,rtf"])
    assert info.value.code == EXIT_USAGE
    assert "unknown format 'rtf'" in capsys.readouterr().err


def test_selected_formats_only(tmp_path, source_file):
    out = tmp_path / "out"
    assert main(["build", str(source_file()), "-o", str(out), "-f", "akn,html", "-q"]) == EXIT_OK
    assert sorted(snapshot(out)) == ["res.akn.xml", "res.html"]


def test_formats_given_again_add_up_and_are_made_once(tmp_path, source_file, capsys):
    """``-f`` given twice once kept only the last list (``-f pdf -f html`` built the HTML
    alone, silently), and a format named twice was rendered and reported twice."""
    out = tmp_path / "out"
    assert main(["build", str(source_file()), "-o", str(out), "-f", "akn,akn", "-f", "html",
                 "-f", "akn"]) == EXIT_OK
    assert sorted(snapshot(out)) == ["res.akn.xml", "res.html"]
    assert "akn, html (" in capsys.readouterr().out
    # verify reads what each -f names, and only that: the PDF and DOCX were not built
    assert main(["verify", str(source_file()), "-o", str(out), "-f", "html", "-f", "akn"]) == EXIT_OK
    assert "2 formats" in capsys.readouterr().out

def test_bad_source_writes_nothing(tmp_path, source_file, capsys):
    out = tmp_path / "out"
    path = source_file(FRONT, BODY.replace("3. *Decides*", "5. *Decides*"))
    assert main(["build", str(path), "-o", str(out), "-f", "akn"]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert f"{path}:45:1: error: paragraph number 5. skips a number: expected 3. [E210]" in err
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


def test_failed_build_keeps_last_good_outputs(tmp_path, source_file):
    out = tmp_path / "out"
    path = source_file()
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html,docx", "-q"]) == EXIT_OK
    before = snapshot(out)
    path.write_text(FRONT + BODY.replace("[^a]: A/HRC/99/1.", ""), encoding="utf-8")
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html,docx", "-q"]) == EXIT_INPUT
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_disk_full_keeps_last_good_outputs(tmp_path, source_file, monkeypatch, capsys):
    out = tmp_path / "out"
    path = source_file()
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html", "-q"]) == EXIT_OK
    before = snapshot(out)
    path.write_text(FRONT + BODY.replace("to act;", "to act now;"), encoding="utf-8")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("unres.pipeline.publish.os.fsync", full)
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html", "-q"]) == EXIT_OUTPUT
    assert "No space left on device [O101]" in capsys.readouterr().err
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_output_folder_not_writable(tmp_path, source_file, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["build", str(source_file()), "-o", str(blocker / "out"), "-f", "akn"]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert "cannot write" in err and "[O101]" in err and "Traceback" not in err


def test_incremental_rebuilds_only_what_changed(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    env = {"UNRES_TEMPLATES": str(templates)}
    src = tmp_path / "A.md"
    shutil.copy(SOURCE_38_3, src)
    out = tmp_path / "out"
    first = run("build", str(src), "-o", str(out), "-f", "akn,html,docx", env=env)
    assert first.returncode == 0, first.stderr
    assert "akn, html, docx" in first.stdout
    again = run("build", str(src), "-o", str(out), "-f", "akn,html,docx", env=env)
    assert "0 built, 1 up to date" in again.stdout
    # A template of one format rebuilds that format and no other.
    css = next((templates / "html").glob("*.css"))
    css.write_text(css.read_text() + "\n/* changed */\n")
    third = run("build", str(src), "-o", str(out), "-f", "akn,html,docx", env=env)
    assert "built " in third.stdout and ": html (" in third.stdout, third.stdout
    # Changing the source rebuilds everything.
    src.write_text(src.read_text().replace("Decides to continue", "Decides to continue"), encoding="utf-8")
    src.write_text(src.read_text() + "\n", encoding="utf-8")
    fourth = run("build", str(src), "-o", str(out), "-f", "akn,html,docx", env=env)
    assert ": akn, html, docx (" in fourth.stdout


def test_one_bad_source_fails_alone_with_jobs(tmp_path):
    good = [tmp_path / f"good{i}.md" for i in range(3)]
    for path in good:
        path.write_text(FRONT + BODY, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text(FRONT.replace("session: 99", "session: x") + BODY, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", *map(str, good), str(bad), "-o", str(out), "-f", "akn,html", "-j", "2")
    assert result.returncode == EXIT_INPUT
    assert f"{bad}:7:10: error: 'session' must be a whole number" in result.stderr
    assert "3 built, 0 up to date, 1 failed" in result.stderr and f"failed: {bad}" in result.stderr
    assert sorted(p.name for p in out.glob("*.*") if p.is_file()) == sorted(
        f"good{i}{suffix}" for i in range(3) for suffix in (".akn.xml", ".html"))


@pytest.mark.parametrize("script,code,message", [
    (None, "T101", "pandoc not found"),
    ("#!/bin/sh\necho 'broken' >&2\nexit 3\n", "T102", "pandoc failed with exit code 3: broken"),
    ("#!/bin/sh\nsleep 30\n", "T103", "did not finish within 1 s"),
], ids=["missing", "fails", "hangs"])
def test_pandoc_problems_are_tool_errors(tmp_path, source_file, script, code, message):
    fake = tmp_path / "pandoc"
    if script is not None:
        fake.write_text(script)
        fake.chmod(0o755)
    out = tmp_path / "out"
    result = run("build", str(source_file()), "-o", str(out), "-f", "akn",
                 env={"UNRES_PANDOC": str(fake), "UNRES_PANDOC_TIMEOUT": "1"})
    assert result.returncode == EXIT_TOOL, result.stderr
    assert message in result.stderr and f"[{code}]" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not list(out.glob("*.*"))


def test_weasyprint_failure_is_a_tool_error(tmp_path, source_file, monkeypatch, capsys):
    """WeasyPrint raising mid-render: a clear message, exit 4, and no output of that source."""
    from weasyprint.document import Document

    def broken(*_args, **_kwargs):
        raise ValueError("simulated layout failure")
    # Every layout goes through Document._render, the footnote-keeping one included.
    monkeypatch.setattr(Document, "_render", classmethod(broken))
    out = tmp_path / "out"
    assert main(["build", str(source_file()), "-o", str(out), "-f", "akn,pdf"]) == EXIT_TOOL
    err = capsys.readouterr().err
    assert "WeasyPrint failed: simulated layout failure [T-WEASYPRINT]" in err
    assert not out.exists() or not [p for p in out.iterdir() if p.is_file()]


def test_missing_emblem_is_a_tool_error(tmp_path, source_file):
    result = run("build", str(source_file()), "-o", str(tmp_path / "out"), "-f", "pdf",
                 env={"UNRES_EMBLEM": str(tmp_path / "nowhere.png")})
    assert result.returncode == EXIT_TOOL and "[T-EMBLEM]" in result.stderr


def test_a_writer_that_drifts_from_the_source_publishes_nothing(tmp_path, source_file, monkeypatch, capsys):
    """Each output is read back before it replaces the last good one; a writer's
    mistake is refused with exit 6 and the previous outputs stay byte for byte."""
    from unres.errors import EXIT_INVALID_OUTPUT
    from unres.writers.html import writer as html_writer

    out = tmp_path / "out"
    path = source_file()
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html,docx", "-q"]) == EXIT_OK
    before = snapshot(out)
    path.write_text(FRONT + BODY.replace("to act;", "to act now;"), encoding="utf-8")
    real = html_writer.render
    monkeypatch.setattr(html_writer, "render",
                        lambda res, inputs: real(res, inputs).replace(b"to act now;", b"to act;"))
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html,docx", "-q"]) == EXIT_INVALID_OUTPUT
    err = capsys.readouterr().err
    # Named by the source's line and the format: the file itself was never published.
    line = path.read_text(encoding="utf-8").splitlines().index("1. *Decides* to act now;") + 1
    assert err.splitlines()[0] == (
        f'{path}:{line}:1: error: the HTML output differs from the source: operative 1: text '
        f'"Decides to act;" where the source has "Decides to act now;" (a bug in unres; nothing '
        f'of this source was published) [O-VERIFY]'), err
    assert str(out) not in err and "AKN" not in err and "DOCX" not in err
    assert snapshot(out) == before
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    # The same mistake passes unnoticed only when asked to skip the check.
    assert main(["build", str(path), "-o", str(out), "-f", "akn,html,docx", "-q", "--no-verify"]) == EXIT_OK
    assert b"to act now;" not in (out / "res.html").read_bytes()


@pytest.fixture
def single_threaded():
    """The side process is forked only from a process with one thread (a fork copies the
    locks other threads hold): let earlier builds' threads finish first."""
    import threading

    for thread in threading.enumerate():     # an earlier build's warm-up, a failed build's pandoc
        if thread is not threading.current_thread() and thread.daemon:
            thread.join(timeout=60)
    if threading.active_count() > 1:
        pytest.skip(f"threads left by other tests: {threading.enumerate()}")


@pytest.fixture
def side_pids(monkeypatch):
    """The process ids of the side processes a test's builds fork."""
    from unres.parallel import side_process

    pids: list = []
    real = side_process.SideWriter.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        pids.append(self.pid)
    monkeypatch.setattr(side_process.SideWriter, "__init__", init)
    return pids


def _reaped(pid: int) -> bool:
    """The process has ended and been waited for: no zombie is left behind."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_one_source_renders_its_pdf_in_a_side_process_with_the_same_bytes(tmp_path, source_file,
                                                                           monkeypatch, single_threaded,
                                                                           side_pids):
    """With a second core, a single source's PDF is laid out in a forked process while
    this one renders the rest; the files are the ones a single process writes."""
    from unres.writers.pdf import writer as pdf_writer

    pids = tmp_path / "pdf-pids"
    real = pdf_writer.render

    def render(res, inputs):
        with open(pids, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(res, inputs)
    monkeypatch.setattr(pdf_writer, "render", render)
    path = source_file()
    assert main(["build", str(path), "-o", str(tmp_path / "two"), "-j", "2", "-q"]) == EXIT_OK
    assert main(["build", str(path), "-o", str(tmp_path / "one"), "-j", "1", "-q"]) == EXIT_OK
    side, here = pids.read_text().split()
    assert side != str(os.getpid()) and here == str(os.getpid())
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")
    assert len(side_pids) == 1 and _reaped(side_pids[0])


@pytest.mark.parametrize("failure, code, expected", [
    ("bug", 70, "internal error in unres (please report it)"),
    ("bug", 70, "RuntimeError: simulated bug in the PDF writer"),
    ("death in render", EXIT_TOOL, "the process laying out the pdf ended without an answer "
                                   "(exit status 3); -j 1 builds in one process [T-SIDE]"),
    ("death in warm-up", EXIT_TOOL, "the process laying out the pdf ended without an answer "
                                    "(signal 9); -j 1 builds in one process [T-SIDE]"),
])
def test_a_side_process_that_fails_is_reported_and_publishes_nothing(tmp_path, source_file, monkeypatch,
                                                                       capsys, failure, code, expected,
                                                                       single_threaded, side_pids):
    import signal

    from unres.parallel import warmup
    from unres.writers.pdf import writer as pdf_writer

    def render(res, inputs):
        if failure == "death in render":
            os._exit(3)
        raise RuntimeError("simulated bug in the PDF writer")
    monkeypatch.setattr(pdf_writer, "render", render)
    if failure == "death in warm-up":
        monkeypatch.setattr(warmup, "prepare_writer", lambda fmt: os.kill(os.getpid(), signal.SIGKILL))
    out = tmp_path / "out"
    assert main(["build", str(source_file()), "-o", str(out), "-j", "2"]) == code
    err = capsys.readouterr().err
    assert expected in err, err
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]
    assert len(side_pids) == 1 and _reaped(side_pids[0])


def test_a_side_process_is_stopped_when_the_source_fails(tmp_path, source_file, capsys, single_threaded,
                                                         side_pids):
    path = source_file(body=BODY + "\n![an image](x.png)\n")
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "-j", "2"]) == EXIT_INPUT
    assert "[E209]" in capsys.readouterr().err
    assert len(side_pids) == 1 and _reaped(side_pids[0])


def test_no_side_process_when_the_pdf_is_up_to_date(tmp_path, source_file, single_threaded, side_pids):
    out = tmp_path / "out"
    path = source_file()
    assert main(["build", str(path), "-o", str(out), "-j", "2", "-q"]) == EXIT_OK
    assert len(side_pids) == 1
    (out / "res.html").unlink()
    assert main(["build", str(path), "-o", str(out), "-j", "2", "-q"]) == EXIT_OK
    assert (out / "res.html").exists() and len(side_pids) == 1
    (out / "res.pdf").unlink()
    assert main(["build", str(path), "-o", str(out), "-j", "2", "-q"]) == EXIT_OK
    assert (out / "res.pdf").exists() and len(side_pids) == 2
    assert all(_reaped(pid) for pid in side_pids)


def test_a_missing_emblem_stops_the_side_process(tmp_path, source_file, monkeypatch, capsys,
                                                 single_threaded, side_pids):
    monkeypatch.setenv("UNRES_EMBLEM", str(tmp_path / "nowhere.png"))
    assert main(["build", str(source_file()), "-o", str(tmp_path / "out"), "-j", "2"]) == EXIT_TOOL
    assert "[T-EMBLEM]" in capsys.readouterr().err
    assert len(side_pids) == 1 and _reaped(side_pids[0])


def test_the_side_process_ends_with_the_build(tmp_path, source_file):
    """Killing a build also ends its PDF's process at once (while that process would still
    be importing WeasyPrint): nothing lays out a page nobody reads."""
    import signal
    import time

    def children(pid):
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as fh:
                return [int(c) for c in fh.read().split()]
        except OSError:
            return []

    def state(pid):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return "gone"
        return "zombie" if "State:\tZ" in status else "running"

    proc = subprocess.Popen([*UNRES, "build", str(source_file()), "-o", str(tmp_path / "out"), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    side, deadline = None, time.monotonic() + 30
    while side is None and time.monotonic() < deadline and proc.poll() is None:
        for child in children(proc.pid):
            try:
                if b"unres.cli" in Path(f"/proc/{child}/cmdline").read_bytes():
                    side = child
            except OSError:
                pass
        time.sleep(0.005)
    if side is None:
        proc.wait()
        pytest.skip("the build ended before its side process could be seen")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 0.25
    while state(side) == "running" and time.monotonic() < deadline:
        time.sleep(0.005)
    assert state(side) != "running"
    assert not (tmp_path / "out" / "res.pdf").exists()


def test_write_outputs_takes_bytes_only_and_writes_nothing_else(tmp_path):
    """What is published is finished: a function in place of bytes is refused before any
    file (or temporary file) is written."""
    from unres.pipeline.publish import write_outputs

    out = tmp_path / "out"
    with pytest.raises(TypeError, match="bytes"):
        write_outputs(str(out), {out / "a.html": b"<p/>", out / "b.pdf": lambda: b"%PDF-"})
    assert not out.exists() or not [p for p in out.rglob("*")]


def test_the_overlap_seam_finishes_every_format_before_it_returns():
    """A format rendered elsewhere is awaited inside the seam: the formats rendered here are
    checked while it finishes, then it is checked, and only bytes come back."""
    from unres.parallel import overlap
    from unres.readers.markdown.reader import read_source

    events: list = []

    def start(res, inputs):
        assert isinstance(inputs["akn"], bytes)     # its input, drafted here first

        def wait():
            events.append("pdf finished")
            return b"%PDF- laid out elsewhere"
        return wait

    res = read_source(str(SOURCE_38_3))
    out = overlap.render(res, ["akn", "html", "pdf"], {"pdf": start},
                         check=lambda made: events.append(sorted(made)))
    assert list(out) == ["akn", "html", "pdf"]
    assert all(isinstance(data, bytes) for data in out.values())
    assert out["pdf"] == b"%PDF- laid out elsewhere"
    assert events == [["akn", "html"], "pdf finished", ["pdf"]]
