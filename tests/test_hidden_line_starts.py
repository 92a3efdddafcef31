"""A character that is never drawn, at a line's start or in a note's label, is named in the error it causes.

Before a paragraph's number ("\\u200b1. *Decides*"), a sub-paragraph's label, a note's definition
or a heading's hashes, such a character (a zero-width space, a direction mark, a word joiner, a
byte-order mark, as text pasted from elsewhere brings) makes Markdown read what follows as words.
The errors that follow named only their effect: "paragraph number 2. skips a number: expected
1." under a paragraph that plainly reads "1.", or "footnote [^a] is called but never defined" with
"[^a]" defined below. They now name the character and its line; a label that holds one says so.

Generated: each such character before each kind of line start, in English and in Arabic.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BODY, FRONT
from unres.akn_import import readable_source
from unres.errors import SourceError
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

NEVER_DRAWN = {"ZWSP": "\u200b", "RLM": "\u200f", "LRM": "\u200e", "WJ": "\u2060", "BOM": "\ufeff",
               "ZWNJ": "\u200c", "ZWJ": "\u200d", "SHY": "\u00ad", "ALM": "\u061c", "LRI": "\u2066"}
STARTS = {"an operative number": "1. *Decides* to act;", "a second operative number": "2. *Requests*",
          "a sub-paragraph's label": "(a) one;", "a note's definition": "[^a]: A/HRC/99/1.",
          "a heading": "### Heading\n\n2. *Requests*"}


def _errors(text: str) -> list:
    with pytest.raises(SourceError) as caught:
        read_source("res.md", text.encode("utf-8"))
    return caught.value.diagnostics


@pytest.mark.parametrize("char", sorted(NEVER_DRAWN))
@pytest.mark.parametrize("start", sorted(STARTS))
def test_a_hidden_character_before_a_line_start_is_named(char, start):
    line = STARTS[start]
    body = BODY.replace("2. *Requests*", line) if start == "a heading" else BODY
    text = FRONT + body.replace(line, NEVER_DRAWN[char] + line, 1)
    number = next(n for n, typed in enumerate(text.split("\n"), start=1) if NEVER_DRAWN[char] in typed)
    told = [d for d in _errors(text) if f"line {number} starts with U+{ord(NEVER_DRAWN[char]):04X}" in d.message]
    assert told, _errors(text)


@pytest.mark.parametrize("char", sorted(NEVER_DRAWN))
def test_a_hidden_character_in_a_note_label_is_named(char):
    text = FRONT + BODY.replace("report,[^a]", f"report,[^{NEVER_DRAWN[char]}a]")
    [called] = [d for d in _errors(text) if d.code == "E301"]
    assert f"its label holds U+{ord(NEVER_DRAWN[char]):04X}" in called.message


def test_in_arabic_the_number_after_a_mark_is_named():
    path = Path(__file__).resolve().parent / "unseen" / "hrc" / "55session" / "Arabic" / "A_HRC_RES_55_19A.xml"
    lines = readable_source(str(path), import_akn(str(path))[0]).split("\n")
    index = next(k for k, line in enumerate(lines) if line.startswith(("1. ", "1- ")))
    lines[index] = "\u200f" + lines[index]
    assert any(f"line {index + 1} starts with U+200F RIGHT-TO-LEFT MARK" in d.message
               for d in _errors("\n".join(lines)))


def test_a_direction_mark_before_italics_is_not_named():
    """The UN's Arabic puts a mark before a paragraph's italics now and then: Markdown reads the
    italics all the same, and nothing is said of it."""
    read_source("res.md", (FRONT + BODY.replace("*Recalling*", "\u200f*Recalling*")).encode("utf-8"))


@pytest.mark.parametrize("char", sorted(NEVER_DRAWN))
def test_a_note_of_characters_never_drawn_is_empty(char):
    """A note that holds nothing but such characters prints a number over nothing: E306, as an
    empty note is."""
    text = FRONT + BODY.replace("[^a]: A/HRC/99/1.", f"[^a]: {NEVER_DRAWN[char]}")
    [empty] = [d for d in _errors(text) if d.code == "E306"]
    assert "never drawn" in empty.message
