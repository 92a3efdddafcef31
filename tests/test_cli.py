"""The command line as people who use git and pandoc expect it: versions, suggestions, exit codes,
folders as SOURCE, one name for the output folder, -q and -v, and an import that overwrites nothing."""
from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from conftest import BODY, FRONT, ROOT
from unres.cli import main
from unres.errors import (EXIT_CLOSED_PIPE, EXIT_FINDINGS, EXIT_INPUT, EXIT_MEANINGS, EXIT_MISSING, EXIT_OK, EXIT_OUTPUT,
                          EXIT_USAGE, SourceError)
from unres.readers.source_text import load

CORPUS_FILE = ROOT.parent / "shared" / "corpus" / "un-akn-hrc" / "54session" / "English" / "A_HRC_RES_54_18E.xml"


def test_version_names_the_tools_it_runs_with(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["unres", "pandoc", "WeasyPrint", "python-docx", "lxml"]
    assert re.fullmatch(r"pandoc \d+(\.\d+)+", lines[1])
    assert lines[2] == f"WeasyPrint {version('weasyprint')}"
    assert lines[3] == f"python-docx {version('python-docx')}"
    assert lines[4].startswith(f"lxml {version('lxml')} (libxml2 ")


@pytest.mark.parametrize("word, hint", [("buidl", "did you mean 'build'?"), ("verfy", "did you mean 'verify'?"),
                                        ("imprt", "did you mean 'import'?"),
                                        ("zzz", "the commands are build, check, verify, import")])
def test_a_misspelt_command_names_the_closest_one(word, hint, capsys):
    assert main([word, "x.md"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"unres: '{word}' is not a command; " in err
    assert hint.split(",")[0] in err


def test_help_lists_every_exit_code_and_the_readme_documents_each(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(int(code) for code in re.findall(r"^\| (\d+) \|", readme, re.M))
    for code, meaning in EXIT_MEANINGS:
        assert re.search(rf"^ +{code} +{re.escape(meaning)}$", out, re.M), code
    assert documented == {code for code, _ in EXIT_MEANINGS}


def test_a_folder_given_as_source_stands_for_its_sources(tmp_path, capsys):
    folder = tmp_path / "w"
    folder.mkdir()
    assert main(["check", str(folder)]) == EXIT_INPUT
    assert f"{folder} is a folder with no .md file in it" in capsys.readouterr().err
    for name in ("b.md", "a.md"):
        (folder / name).write_text(FRONT + BODY, encoding="utf-8")
    (folder / "notes.txt").write_text("not a source", encoding="utf-8")
    assert main(["check", str(folder)]) == EXIT_OK
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == \
        [str(folder / "a.md"), str(folder / "b.md")]
    out = tmp_path / "out"
    assert main(["build", str(folder), "-o", str(out), "-f", "akn", "-q", "-j", "1"]) == EXIT_OK
    assert sorted(p.name for p in out.glob("*.xml")) == ["a.akn.xml", "b.akn.xml"]
    assert main(["verify", str(folder), "-o", str(out), "-f", "akn", "-j", "1"]) == EXIT_OK


def test_a_folder_read_as_a_source_says_so_plainly(tmp_path):
    with pytest.raises(SourceError) as info:
        load(str(tmp_path))
    message = str(info.value)
    assert "this is a folder, not a source file" in message and "Is a directory" not in message


def test_verify_reads_only_the_formats_asked_for_and_tells_missing_from_different(tmp_path, source_file, capsys):
    source, out = str(source_file()), tmp_path / "out"
    assert main(["build", source, "-o", str(out), "-f", "akn,html", "-q"]) == EXIT_OK
    capsys.readouterr()
    assert main(["verify", source, "-o", str(out), "-f", "html,akn"]) == EXIT_OK
    assert "2 formats, 2 preambular, 3 operative" in capsys.readouterr().out
    assert main(["verify", source, "-o", str(out)]) == EXIT_MISSING
    got = capsys.readouterr().out
    assert f"{out}/res.pdf: missing (run `unres build {source} -o {out}`)" in got
    assert "res.html" not in got
    # The folder's first name still works, and is not offered in the help.
    assert main(["verify", source, "--build-dir", str(out), "-f", "akn"]) == EXIT_OK
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    assert "--build-dir" not in capsys.readouterr().out
    html = out / "res.html"
    html.write_text(html.read_text(encoding="utf-8").replace("to act;", "to act now;"), encoding="utf-8")
    assert main(["verify", source, "-o", str(out), "-f", "html"]) == EXIT_FINDINGS
    # A difference is worse news than a missing output.
    assert main(["verify", source, "-o", str(out)]) == EXIT_FINDINGS


def test_quiet_and_verbose(tmp_path, source_file, capsys):
    source, out = str(source_file()), tmp_path / "out"
    assert main(["check", source, "-q"]) == EXIT_OK
    assert capsys.readouterr().out == ""
    assert main(["build", source, "-o", str(out), "-f", "akn", "-v"]) == EXIT_OK
    assert f"  wrote {out}/res.akn.xml" in capsys.readouterr().out
    assert main(["build", source, "-o", str(out), "-f", "akn", "-v"]) == EXIT_OK
    assert f"up to date {source}" in capsys.readouterr().out
    assert main(["verify", source, "-o", str(out), "-f", "akn", "-q"]) == EXIT_OK
    assert capsys.readouterr().out == ""
    assert main(["verify", source, "-o", str(out), "-f", "akn", "-v"]) == EXIT_OK
    assert f"read {out}/res.akn.xml" in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        main(["build", source, "-q", "-v"])
    assert info.value.code == EXIT_USAGE


def test_build_prints_the_editorial_warnings_check_gives(tmp_path, source_file, capsys):
    source, out = str(source_file(body=BODY.replace("to act;", "to act"))), tmp_path / "out"
    assert main(["check", source]) == EXIT_OK
    warned = capsys.readouterr().err
    assert "operative paragraph 1. does not end with a semicolon [W103]" in warned
    assert main(["build", source, "-o", str(out), "-f", "akn"]) == EXIT_OK
    assert capsys.readouterr().err == warned
    assert main(["build", source, "-o", str(out), "-f", "akn,html", "-q"]) == EXIT_OK
    assert "W103" not in capsys.readouterr().err


@pytest.mark.skipif(not CORPUS_FILE.is_file(), reason="the UN corpus (../shared/corpus) is not present")
def test_import_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "edited.md"
    target.write_text("my edits", encoding="utf-8")
    assert main(["import", str(CORPUS_FILE), "-o", str(target)]) == EXIT_OUTPUT
    err = capsys.readouterr().err
    assert f"{target} exists; nothing was written (give --force to overwrite it) [O102]" in err
    assert target.read_text(encoding="utf-8") == "my edits"
    # A folder takes the source under the file's name (tests/test_import_cli.py).
    assert main(["import", str(CORPUS_FILE), "-o", str(tmp_path), "-q"]) == EXIT_OK
    assert (tmp_path / (CORPUS_FILE.stem + ".md")).read_text(encoding="utf-8").startswith("---\n")
    capsys.readouterr()
    assert main(["import", str(CORPUS_FILE), "-o", str(target), "--force", "-q"]) == EXIT_OK
    assert "imported" not in capsys.readouterr().err
    assert target.read_text(encoding="utf-8").startswith("---\nsymbol: A/HRC/RES/54/18\n")


@pytest.mark.parametrize("argv", [["--version"], ["import", str(ROOT / "tests" / "fixtures" / "import" / "minimal.xml")]])
def test_a_reader_that_closes_the_output_first_stops_unres_quietly(argv):
    """`unres --version | head -0`, `unres import FILE.xml | head -0`: what reads the output has gone
    before unres writes. Python's traceback (BrokenPipeError) was printed; now unres stops as a
    command a shell stops by SIGPIPE does."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)          # no reader from the start: the first write fails, whenever it comes
    try:
        done = subprocess.run([sys.executable, "-m", "unres.cli", *argv], stdout=write, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == EXIT_CLOSED_PIPE, done.stderr
    assert done.stderr == ""
