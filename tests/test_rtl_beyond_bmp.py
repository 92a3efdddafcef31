"""A character beyond U+FFFF (an emoji, a mathematical letter) on a right-to-left page is read
back from the PDF as itself. PDFium counts a page's text in UTF-16, so such a character is two
entries, its surrogate halves, side by side in either order (the low one first inside a
right-to-left run). The right-to-left reader read them as two characters, "\ud83d\ude00" where
the source has "😀", and refused a right PDF as a bug (O-VERIFY); the left-to-right reader takes
the page's text whole and never split them.

Shown on each character standing as a word of its own among Arabic words, in a preambular
paragraph, an operative paragraph and a footnote. (One joined to an Arabic word, or beside a
digit, is placed by the bidi algorithm where the reader may not look for it: a limit the README
names.)"""
from __future__ import annotations

import pytest

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
CHARACTERS = ["\U0001F600", "\U0001F30D", "\U0001F389", "\U0001D400", "\U0001D465", "\U0001D518", "\U0001D49C"]
WORDS = "المؤرخ آذار/مارس {} قرارها للبيئة"


def arabic_source(where: str, words: str) -> str:
    """An Arabic resolution with ``words`` in its preambular paragraph, its operative paragraph or
    its footnote (``where``)."""
    preamble = words if where == "preamble" else "للبيئة"
    operative = words if where == "operative" else "للبيئة"
    note = words if where == "note" else "A/HRC/54/1"
    return (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")
            + f"\n*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* {preamble}[^1]،\n\n"
            + f"1. *يقرر* {operative}.\n\n[^1]: {note}.\n")


@pytest.mark.parametrize("character", CHARACTERS, ids=[f"U+{ord(c):X}" for c in CHARACTERS])
@pytest.mark.parametrize("where", ["preamble", "operative", "note"])
def test_a_character_beyond_the_bmp_is_read_back_whole(tmp_path, where, character):
    try:
        render_verified(str(tmp_path / "res.md"), arabic_source(where, WORDS.format(character)).encode(), FORMATS,
                        str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))
