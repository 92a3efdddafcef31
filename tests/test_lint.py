"""Editorial warnings: each code with the line it reports; 38/3 passes --strict."""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT, SOURCE_38_3
from unres.cli import main
from unres.errors import EXIT_FINDINGS, EXIT_OK
from unres.lint import lint
from unres.readers.markdown.reader import read_source


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


CASES = [
    ("preamble-no-comma", sub(BODY, "its resolution 1/1,", "its resolution 1/1"), "W101", 29),
    ("preamble-not-italic", sub(BODY, "*Recalling* its", "Recalling its"), "W102", 29),
    ("operative-no-semicolon", sub(BODY, "to act;", "to act"), "W103", 33),
    ("last-no-full-stop", sub(BODY, "seized of the matter.", "seized of the matter;"), "W103", 45),
    ("sub-paragraph-end", sub(BODY, "(ii) second;", "(ii) second"), "W103", 35),
    ("operative-not-italic", sub(BODY, "1. *Decides* to act;", "1. Decides to act;"), "W104", 33),
    ("call-before-punctuation", sub(BODY, "*Noting* the report,[^a]", "*Noting* the report[^a],"), "W105", 31),
]


@pytest.mark.parametrize("body,code,line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_warning_code_and_line(source_file, body, code, line):
    found = [(d.code, d.loc.line) for d in lint(read_source(str(source_file(FRONT, body))))]
    assert (code, line) in found, found


def test_clean_source_has_no_warning(source_file):
    assert lint(read_source(str(source_file()))) == []


def test_strict_fails_on_warnings_only(source_file, capsys):
    path = source_file(FRONT, sub(BODY, "to act;", "to act"))
    assert main(["check", str(path)]) == EXIT_OK
    assert main(["check", "--strict", str(path)]) == EXIT_FINDINGS
    err = capsys.readouterr().err
    assert f"{path}:33:1: warning: operative paragraph 1. does not end with a semicolon [W103]" in err


def test_38_3_passes_strict(capsys):
    assert main(["check", "--strict", str(SOURCE_38_3)]) == EXIT_OK
    assert "27 preambular, 31 operative, 1 footnote" in capsys.readouterr().out
