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


# The editorial checks follow each language's own habits (its data file): how paragraphs end
# (Arabic "،" "؛", Chinese "，" "；" "。"), what opening phrases are printed in (Chinese: bold), on
# which side of punctuation a call stands (English after; Arabic, French, Russian, Spanish before).
import re  # noqa: E402

from conftest import CORPUS  # noqa: E402
from unres.readers.akn.reader import import_akn  # noqa: E402
from unres.writers.markdown import render_markdown  # noqa: E402

HRC54 = CORPUS / "un-akn-hrc" / "54session"
LANGUAGES = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]


def _imported(folder, tmp_path, name):
    res, _warnings = import_akn(folder / name)
    path = tmp_path / (name[:-4] + ".md")
    path.write_text(render_markdown(res), encoding="utf-8")
    return path


@pytest.mark.skipif(not HRC54.exists(), reason=f"the UN's files are absent at {HRC54}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_uns_own_texts_are_in_their_languages_style(language, tmp_path):
    """The UN's own 35 resolutions of the Council's 54th session, imported, are (nearly) free of
    W101–W105 in every language: the checks follow the language, not English (before, nearly every
    Arabic and Chinese paragraph was warned of)."""
    folder = HRC54 / language
    warned = paragraphs = 0
    for xml in sorted(folder.glob("*.xml")):
        res = read_source(str(_imported(folder, tmp_path, xml.name)))
        paragraphs += sum(len(p.preamble) + len(p.operative) for p in res.parts)
        warned += len([d for d in lint(res) if d.code in ("W101", "W102", "W103", "W104", "W105")])
    assert paragraphs > 500
    assert warned <= paragraphs * 0.02, (warned, paragraphs)


def _paragraphs(res, kind):
    """The preambular paragraphs, or the operative ones without sub-paragraphs."""
    for part in res.parts:
        for para in part.preamble if kind == "preamble" else part.operative:
            if not para.children:
                yield para


# What each slip does to the line of the first preambular (or operative) paragraph.
def _ends_with(mark):
    return lambda line: line[:-1] + mark


def _italic_phrase(line):
    return re.sub(r"^\*\*([^*]+)\*\*", r"*\1*", line)


def _call_after(punctuation):
    return lambda line: re.sub(r"(\[\^\w+\])" + re.escape(punctuation), punctuation + r"\1", line, count=1)


@pytest.mark.skipif(not HRC54.exists(), reason=f"the UN's files are absent at {HRC54}")
@pytest.mark.parametrize("language, kind, slip, code", [
    ("Arabic", "preamble", _ends_with(","), "W101"),       # a Latin comma ends a preambular paragraph
    ("Arabic", "operative", _ends_with(";"), "W103"),      # a Latin semicolon an operative one
    ("Chinese", "preamble", _ends_with(","), "W101"),
    ("Chinese", "operative", _ends_with(";"), "W103"),
    ("Chinese", "preamble", _italic_phrase, "W102"),       # an opening phrase in italics, not bold
    ("French", "preamble", _call_after(","), "W105"),      # the call after the comma
    ("Arabic", "preamble", _call_after("،"), "W105"),
    ("English", "preamble", _ends_with(";"), "W101"),
], ids=lambda v: getattr(v, "__name__", None) if callable(v) else None)
def test_a_slip_against_the_languages_style_is_found_at_its_line(language, kind, slip, code, tmp_path):
    folder = HRC54 / language
    for xml in sorted(folder.glob("*.xml")):
        path = _imported(folder, tmp_path, xml.name)
        res = read_source(str(path))
        lines = path.read_text(encoding="utf-8").split("\n")
        para = next((p for p in _paragraphs(res, kind)
                     if slip(lines[p.loc.line - 1]) != lines[p.loc.line - 1]), None)
        if para is None:
            continue
        before = {(d.code, d.loc.line) for d in lint(res)}
        lines[para.loc.line - 1] = slip(lines[para.loc.line - 1])
        path.write_text("\n".join(lines), encoding="utf-8")
        after = {(d.code, d.loc.line) for d in lint(read_source(str(path)))}
        assert after - before == {(code, para.loc.line)}, (after - before, para.loc.line)
        return
    pytest.fail(f"no {language} file of the 54th session to make the slip in")


# A call set before the punctuation, in each kind of block the body prints besides the part's
# own paragraphs: each was left unread by W105 before.
_CALL_PLACES = {
    "heading-between-paragraphs": sub(BODY, "2. *Requests*", "### Mandate of the Mission[^h]:\n\n2. *Requests*"),
    "preambular-sub-paragraph": sub(BODY, "*Noting* the report,[^a]",
                                    "*Noting* the report,[^a]\n\n*Recalling* the following:\n\n"
                                    "   (a) its decision[^h],\n\n   (b) its resolution,"),
    # (A table's cell calls no note: E308, tests/test_table_cells.py.)
    "note-under-a-table": sub(BODY, "1. *Decides* to act;",
                              "1. *Decides* to act as follows:\n\n"
                              "   |  | *Gross* |\n   |:--|--:|\n   | Total | 10 |\n\n"
                              "   *Abbreviation*: ASG[^h], Assistant Secretary-General."),
    "section-paragraph": sub(BODY, "3. *Decides* to remain seized of the matter.",
                             "## I\n\n### Programme budget\n\n1. *Decides* to act[^h];\n\n"
                             "2. *Decides* to remain seized of the matter."),
    "annex-paragraph": BODY + "\n# Annex\n\nThe text of the annex[^h].\n",
}


@pytest.mark.parametrize("place", sorted(_CALL_PLACES))
def test_a_call_beside_punctuation_is_found_in_every_block(source_file, place):
    body = _CALL_PLACES[place].rstrip("\n") + "\n\n[^h]: A/HRC/99/2.\n"
    rows = (FRONT + body).splitlines()
    line = next(n for n, row in enumerate(rows, start=1) if "[^h]" in row and not row.startswith("[^h]:"))
    found = [(d.code, d.loc.line) for d in lint(read_source(str(source_file(FRONT, body))))]
    assert ("W105", line) in found, found
