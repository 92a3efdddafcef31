"""The space between an Arabic word and a dash or a quote that opens the Latin words after it
is read back.

"والإقليمي – «World Health»", "من “E/CN.4/2005/L.10”": on a justified line the space before the
dash (or the quote) may be drawn as a gap with no glyph at it, and the PDF's right-to-left
reader, deciding character by character, read a gap before a dash or a quote as none when it
could not see what follows: "والإقليمي– «World Health»" was read, and the build refused
(O-VERIFY). A dash with a space or a word after it stands between words, and a quote joined to
the word after it opens that word (``pdf_rtl._is_punctuation``); the reader now asks it of the
character with the one read after it. Generated Arabic sentences dense with symbols, numbers
and Latin names showed it.

Shown on a dash and a quote before Latin words, moved along a justified line a word at a time:
2 of these 8 sources (one of each, set as the generated sentences had them) were refused before."""
from __future__ import annotations

import pytest

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified

WORDS = "التعاون في من الدول جندي المادة قرار الفقرة".split()
SENTENCES = ["والإقليمي – «World Health World Health» [E/CN.4/2005/L.10 10] ’5‘ World Health قرار",
             "الفقرة (2011) المادة 2030 من “E/CN.4/2005/L.10” H2O S/RES/2529 (2020) المادة"]


def _source(sentence: str, shift: int) -> str:
    paragraphs = [f"{n}- *يقرر* " + " ".join(WORDS[:(shift + n) % 4]) + f" {sentence}؛" for n in range(1, 5)]
    return (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + "\n*إن مجلس حقوق الإنسان*،\n\n"
            + "*إذ يشير* إلى التقرير،\n\n" + "\n\n".join(paragraphs) + "\n")


@pytest.mark.parametrize("sentence", SENTENCES, ids=["dash", "quote"])
def test_the_space_before_a_dash_or_quote_opening_latin_words_is_read(sentence, tmp_path):
    refused = []
    for shift in range(4):
        try:
            render_verified(str(tmp_path / "res.md"), _source(sentence, shift).encode("utf-8"), ("pdf",),
                            str(tmp_path / "out"))
        except UnresError as error:
            refused.append((shift, str(error.diagnostics[0])[:200]))
    assert refused == []
