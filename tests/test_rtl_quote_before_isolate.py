"""A space between Arabic italics (or bold) and the quoted Latin words after them is read back.

"*تحيط علما* “quoted words” GC(64)/RES/3": the quote that opens the Latin words is drawn in
the line's face, a fragment of its own between the italics and the left-to-right isolate, and
the space before it is a text of spaces alone between two inline elements, which WeasyPrint
does not draw: only a gap is left. The right-to-left reader read the lone quote as one that
closes the word before it, with no space before it: "علما”quoted words”", and the build was
refused (O-VERIFY). A real source with its words shuffled showed it (A/RES/75/6). A quote (or
dash) drawn alone is now read with the first letter of the word that touches it
(verify/read/pdf_layout.py, ``_line_segments``).

Shown on italics and bold, four quotes and four Latin texts, each paragraph running on over a
justified line: 3 of these 4 sources were refused before."""
from __future__ import annotations

import pytest

from conftest import FRONT, rendered_verified

QUOTES = [("“", "”"), ('"', '"'), ("”", "“"), ("'", "'")]
TEXTS = ["quoted words", "UNESCO", "Global Compact", "A/HRC/54/1 on education"]
STYLES = ["*", "**"]
# (the paragraph runs on over a second line: its first is justified)
TAIL = "بالوكالة ومرض فيروس كورونا والتمييز بالأمان النووي والإشعاعي والأمن النووي في جميع أنحاء العالم"


def _source(quote: int) -> str:
    opening, closing = QUOTES[quote]
    paragraphs = [f"{n}- {style}تحيط علما{style} {opening}{text}{closing} GC(64)/RES/3 https://www.un.org/en/ {TAIL}؛"
                  for n, (text, style) in enumerate(((t, s) for t in TEXTS for s in STYLES), start=1)]
    return (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + "\n*إن مجلس حقوق الإنسان*،\n\n"
            + "*إذ يشير* إلى التقرير،\n\n" + "\n\n".join(paragraphs)
            + f"\n\n{len(paragraphs) + 1}- *يقرر* أن يبقي المسألة قيد نظره.\n")


@pytest.mark.parametrize("quote", range(len(QUOTES)))
def test_the_space_before_quoted_latin_words_after_italics_is_read(quote, tmp_path):
    rendered_verified(tmp_path, _source(quote), ("pdf",))
