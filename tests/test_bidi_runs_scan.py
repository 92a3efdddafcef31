"""The left-to-right runs of right-to-left text, found fast: ``split_ltr`` passes over what never
starts a run in one step and keeps each character's answer, and the DOCX splits runs by stretches
of flags. Each is checked against its definition, character by character."""
from __future__ import annotations

import re
import unicodedata
from unittest import mock

from docx.oxml import parse_xml
from hypothesis import given, settings, strategies as st

from unres.writers import bidi
from unres.writers.bidi import split_ltr
from unres.writers.docx.bidi_runs import split_runs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _starts_run(ch: str) -> bool:
    return "0" <= ch <= "9" or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL", "AN") or unicodedata.name(ch, "").startswith("ARABIC")


def _split_by_definition(text: str) -> list:
    """``split_ltr`` as defined: every character asked, anew, whether it starts a run."""
    with mock.patch.object(bidi, "_NEVER_STARTS", re.compile("(?!)")), \
            mock.patch.object(bidi, "_starts_run", _starts_run), mock.patch.object(bidi, "_is_rtl", _is_rtl):
        return split_ltr(text)


# Arabic, its Supplement, Extended-B and -A, Presentation Forms-A and -B.
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def test_nothing_passed_over_starts_a_run():
    everything = "".join(map(chr, range(0x110000)))
    passed = "".join(bidi._NEVER_STARTS.findall(everything))
    assert set(passed) == {chr(c) for first, last in _ARABIC_BLOCKS for c in range(first, last + 1)} | {
        ch for ch in everything if ch.isspace()}
    assert not any(_starts_run(ch) for ch in passed)


# Around each edge of the blocks passed over, with Latin letters of three planes, digits of three
# scripts, marks, brackets, quotes and the spaces a UN text holds.
_EDGES = [chr(c) for first, last in _ARABIC_BLOCKS for c in (first - 1, first, last, last + 1)]
_ALPHABET = _EDGES + list("aZéŁǅ09٣۳ /-().،,؛«»’‘“”\"[]إذيشير\u064e\u0301\u00a0\u2009\n\t") + [
    "\U00010780", "\U0001DF00", "Ａ", "α", "ж", "中", "א", "\u200f"]


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
@settings(max_examples=1500, deadline=None)
def test_split_ltr_is_its_definition(text):
    assert split_ltr(text) == _split_by_definition(text)


@given(st.lists(st.tuples(st.lists(st.sampled_from(list("ab1 /()،") + ["إلى", "قرار", "\t"]),
                                  min_size=1, max_size=12).map("".join),
                          st.sampled_from(["plain", "bold", "note"])), min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_each_run_is_cut_where_its_paragraphs_direction_changes(runs):
    """The runs' text is kept, in order, and each character is in a run of the direction the
    paragraph's text gives it; a note's reference is left as it is."""
    xml = []
    for text, kind in runs:
        if kind == "note":
            xml.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
            continue
        body = "".join("<w:tab/>" if part == "\t" else f'<w:t xml:space="preserve">{part}</w:t>'
                       for part in re.split("(\t)", text) if part)
        xml.append(f'<w:r>{"<w:rPr><w:b/></w:rPr>" if kind == "bold" else ""}{body}</w:r>')
    paragraph = parse_xml(f'<w:p xmlns:w="{W[1:-1]}">' + "".join(xml) + "</w:p>")
    split_runs(paragraph)
    text, flags = [], []
    for run in paragraph.iter(f"{W}r"):
        rtl = run.find(f"{W}rPr/{W}rtl")
        if run.find(f"{W}footnoteReference") is not None:
            text.append(bidi.BOUNDARY)
            flags.append(None)
            assert rtl is None
            continue
        ltr = rtl.get(f"{W}val") == "0"
        for child in run:
            if child.tag == f"{W}t":
                text.append(child.text)
                flags += [ltr] * len(child.text)
            elif child.tag == f"{W}tab":
                text.append(bidi.BOUNDARY)
                flags.append(ltr)
    joined = "".join(text)
    assert joined == "".join(bidi.BOUNDARY if kind == "note" else text.replace("\t", bidi.BOUNDARY)
                             for text, kind in runs)
    expected = [ltr for piece, ltr in split_ltr(joined) for _ in piece]
    assert [f for f, ch in zip(flags, joined) if ch != bidi.BOUNDARY] == \
        [f for f, ch in zip(expected, joined) if ch != bidi.BOUNDARY]
