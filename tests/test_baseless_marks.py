"""A combining mark that opens a run of printed text is refused at its place (E506).

An accent, a vowel sign or a variation selector combines with the letter before it. Typed at the
start of a paragraph, of italics or of a link's text, or right after italics, a link, a footnote's
call or a line break, it has none in print: the PDF lays each such run out on its own, and its
shaping drew the mark on a dotted circle ("Guided◌ by the Charter", "◌Decides"). verify read the
circle back and refused the build as a bug in unres, in every language. The source reader now
says where the mark is and what to do; a mark after its letter, or after a space (Unicode's way
of writing a mark alone), still builds.

Generated: marks of every kind (nonspacing, enclosing, spacing; variation selectors of both
planes; the grapheme joiner) at every kind of place a run of text starts.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BODY, FRONT, rendered_verified
from unres.akn_import import readable_source
from unres.errors import SourceError
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

MARKS = {"acute": "\u0301", "fatha": "\u064e", "VS16": "\ufe0f", "VS1": "\ufe00", "VS17": "\U000e0100",
         "grapheme joiner": "\u034f", "enclosing circle": "\u20dd", "visarga": "\u0903"}
LINE = "*Recalling* its resolution 1/1,"
# Each place a run of text starts, as the preambular paragraph LINE written with the mark {m} there.
PLACES = {
    "opens a paragraph": "{m}*Recalling* its resolution 1/1,",
    "opens italics": "*{m}Recalling* its resolution 1/1,",
    "follows italics": "*Recalling*{m} its resolution 1/1,",
    "follows bold": "**Recalling**{m} its resolution 1/1,",
    "opens a link's text": "*Recalling* its resolution [{m}1/1](https://undocs.org/A/HRC/RES/1/1),",
    "follows a link": "*Recalling* its resolution [1/1](https://undocs.org/A/HRC/RES/1/1){m},",
    "follows a line break": "*Recalling* its\\\n{m}resolution 1/1,",
    "follows a superscript": "*Recalling* its 1^st^{m} resolution,",
}
NOTED = "*Noting* the report,[^a]"


def _refused_at(text: str, mark: str) -> None:
    at = text.index(mark)
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    with pytest.raises(SourceError) as caught:
        read_source("res.md", text.encode("utf-8"))
    found = [d for d in caught.value.diagnostics if d.code == "E506"]
    assert [(d.loc.line, d.loc.col) for d in found] == [(line, col)], caught.value.diagnostics
    assert f"U+{ord(mark):04X}" in found[0].message and "◌" in found[0].message


@pytest.mark.parametrize("mark", sorted(MARKS))
@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_mark_that_opens_a_run_of_text_is_refused_at_its_place(mark, place):
    _refused_at(FRONT + BODY.replace(LINE, PLACES[place].format(m=MARKS[mark])), MARKS[mark])


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_a_mark_after_a_call_or_opening_a_footnote_a_heading_or_a_value_is_refused(mark):
    m = MARKS[mark]
    _refused_at(FRONT + BODY.replace(NOTED, NOTED + m), m)
    _refused_at(FRONT + BODY.replace("[^a]: A/HRC/99/1.", f"[^a]: {m}A/HRC/99/1."), m)
    _refused_at(FRONT + BODY.replace("2. *Requests*", f"### {m}Heading\n\n2. *Requests*"), m)
    _refused_at(FRONT.replace("title: A test resolution", f"title: {m}A test resolution") + BODY, m)


@pytest.mark.parametrize("text", [
    BODY.replace(LINE, "*Recalling\u0301* its resolution 1/1,"),        # after its letter, in italics
    BODY.replace(LINE, "*Recalling* its \u0301resolution 1/1,"),        # after a space: a mark alone
    BODY.replace(LINE, "*Recalling* its resolution\ufe0f 1/1,"),        # a selector after its letter
], ids=["after its letter", "after a space", "a selector after its letter"])
def test_a_mark_with_a_letter_or_a_space_before_it_builds(tmp_path, text):
    rendered_verified(tmp_path, FRONT + text, ("akn", "html", "pdf", "docx"))


def test_arabic_vowel_signs_after_their_letters_build(tmp_path):
    """The UN's Arabic sets a vowel sign now and then ("يسترشدُ"): after its letter, in italics or
    not, it is the letter's."""
    path = Path(__file__).resolve().parent / "unseen" / "hrc" / "55session" / "Arabic" / "A_HRC_RES_55_19A.xml"
    text = readable_source(str(path), import_akn(str(path))[0])
    changed = re.sub(r"^(\*[^*\s]+)(\*| )", "\\1\u064f\\2", text, count=3, flags=re.M)
    assert changed.count("\u064f") == 3
    rendered_verified(tmp_path, changed, ("akn", "html", "pdf", "docx"))
