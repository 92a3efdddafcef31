"""A word is broken between two letters only where it starts a line and is longer than the line.

WeasyPrint took every run of text inside an inline box inside another for a line's start: a word
of an italic phrase or a link in a bold paragraph, or a Latin name isolated in a bold Arabic one,
that did not fit what was left of a line was broken between two of its letters ("Organizat" at a
line's end, "ion" on the next) instead of going to the next line, and the build was refused
(O-VERIFY). Over 40 places of the word in each paragraph below, 2 to 5 failed before
(writers/pdf/line_starts.py). A word longer than a line still breaks at the margin."""
from __future__ import annotations

import pytest

from conftest import FRONT, glyphs_past
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FILLER = {
    "English": "the report of the Secretary-General on human rights".split(),
    "Arabic": "في التقرير الأمين العام بشأن حقوق الإنسان".split(),
    "Russian": "доклад Генерального секретаря о правах человека".split(),
}
OPENING = {
    "English": ("*The Human Rights Council*,", "*Recalling*", "1. *Decides* to remain seized of the matter."),
    "Arabic": ("*إن مجلس حقوق الإنسان*،", "*إذ يشير*", "1- *يقرر* أن يبقي المسألة قيد نظره."),
    "Russian": ("*Совет по правам человека*,", "*ссылаясь*", "1. *постановляет* продолжить рассмотрение этого вопроса."),
}
MM = 72 / 25.4


def _source(language: str, before: int, word: str) -> str:
    filler = FILLER[language]
    words = [filler[i % len(filler)] for i in range(before)]
    formula, verb, last = OPENING[language]
    text = "**" + " ".join([*words, word, *filler]) + "**"
    return FRONT.replace("\nlanguage: English", f"\nlanguage: {language}") + f"\n{formula}\n\n{verb} {text},\n\n{last}\n"


@pytest.mark.parametrize("language, word", [
    ("English", "*Organization*"),                              # italics in bold
    ("Russian", "[Организация](https://undocs.org/A/HRC/54/1)"),  # a link in bold
    ("Arabic", "UNESCO"),                                       # isolated left to right, in bold
])
def test_a_word_of_an_inline_box_inside_another_goes_whole_to_the_next_line(tmp_path, language, word):
    refused = []
    for before in range(8, 48):
        text = _source(language, before, word)
        try:
            render_verified(str(tmp_path / "res.md"), text.encode("utf-8"), ("pdf",), str(tmp_path / "out"))
        except UnresError as error:
            refused.append((before, str(error.diagnostics[0])[:200]))
    assert refused == []


def test_a_word_longer_than_a_line_still_breaks_at_the_margin(tmp_path):
    address = "https://www.un.org/en/" + "development/desa/" * 8 + "report"
    text = _source("English", 11, f"*[{address}]({address})*")
    outputs, _ = render_verified(str(tmp_path / "res.md"), text.encode("utf-8"), ("pdf",), str(tmp_path / "out"))
    pdf = tmp_path / "res.pdf"
    pdf.write_bytes(outputs["pdf"])
    # The body's column ends 170 mm from the page's left edge.
    assert glyphs_past(pdf, 170 * MM, 0.25) == []
