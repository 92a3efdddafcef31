"""A space between a left-to-right run and the italics or bold after it that open with a straight
quote is read back in an Arabic PDF.

A space between two inline elements (a number isolated left to right, then italics: "2030
*"نوفايا غازيتا"*") is a text of spaces alone, which WeasyPrint does not draw: only a gap is
left of it. The PDF's right-to-left reader reads a gap before a closing quote as no space, and
took a straight quote (or ’, ”) for one wherever it stood: "2030"نوفايا غازيتا"" was read, and
the build refused (O-VERIFY). A real source with its words shuffled showed it (A/HRC/RES/54/23,
whose Arabic text names two newspapers in quotes and italics). Such a quote joined to the word
after it now opens that word (verify/read/pdf_rtl.py, ``_is_punctuation``).

Shown on five runs, italics and bold and four quotes: every one of these 4 sources was refused
before."""
from __future__ import annotations

import pytest

from conftest import FRONT, rendered_verified

RUNS = ["2030", "US$ 2", "UNESCO", "A/HRC/54/1", "COVID-19"]
STYLES = ["*", "**"]
QUOTES = [('"', '"'), ("'", "'"), ("”", "“"), ("’", "‘")]


def _source(quote: int) -> str:
    opening, closing = QUOTES[quote]
    paragraphs = [f"*إذ يشير* إلى {run} {style}{opening}نوفايا غازيتا{closing}{style} وإلى التقرير،"
                  for n, run in enumerate(RUNS) for style in STYLES[n % 2:] + STYLES[:n % 2]]
    return (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + "\n*إن مجلس حقوق الإنسان*،\n\n"
            + "\n\n".join(paragraphs) + "\n\n1- *يقرر* أن يبقي المسألة قيد نظره.\n")


@pytest.mark.parametrize("quote", range(len(QUOTES)))
def test_the_space_before_quoted_italics_after_a_latin_run_is_read(quote, tmp_path):
    rendered_verified(tmp_path, _source(quote), ("pdf",))
