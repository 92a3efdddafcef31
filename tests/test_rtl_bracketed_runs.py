"""Bracketed numbers and symbols in an Arabic sentence: printed and read back as typed.

Two classes, found by shuffling the words of real sources:
- A left-to-right run that starts inside brackets went on past their closing bracket when more
  left-to-right text followed ("(10) 1970 (2011)": the run "10) 1970 (2011)"); isolated so, the
  closing bracket stood apart from its pair, which the sentence's direction mirrors, and the PDF
  printed "10) 1970 (2011))". The run now takes in the bracket it closes, as a run across markup
  did already (writers/bidi.py).
- A run isolated across links ("[1945 (2010)](…) /2 [2035 (2012)](…)") and broken over two lines
  opens its second line with a bracket and closes it with one: the reader read both as the
  sentence's, after the run ("2010) /2 2035 (2012))"). A bracket drawn in a left-to-right face
  beside a run that leaves one unpaired is now read as the run's (verify/read/pdf_bidi.py).
- A justified line may draw the space of an isolate ("2012 (S/PRST/2012/6)", as the Council
  cites its presidents' statements) as a gap with no character: the bracket after the gap was
  read as closing ("2012)S/PRST/2012/6)"). A bracket after such a gap inside a run now opens.
"""
from __future__ import annotations

import pytest

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified
from unres.writers.bidi import split_ltr

FILLER = "في التقرير الأمين العام بشأن حقوق الإنسان".split()


def _source(before: int, words: str) -> str:
    filler = [FILLER[i % len(FILLER)] for i in range(before)]
    text = " ".join([*filler, words, *FILLER])
    return (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")
            + f"\n*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* {text}،\n\n1- *يقرر* أن يبقي المسألة قيد نظره.\n")


@pytest.mark.parametrize("text, runs", [
    ("أحكام (10) 1970 (2011)، بما", ["(10) 1970 (2011)"]),
    ("أن (2023) (2023) مسارات", ["(2023) (2023)"]),
    ("انظر (A/HRC/54/1) 2030 فقط", ["(A/HRC/54/1) 2030"]),
    ("القرار 1970 (2011) و", ["1970 (2011)"]),
    ("انظر (A/HRC/54/1) فقط", ["A/HRC/54/1"]),
])
def test_a_run_takes_in_the_bracket_it_closes(text, runs):
    assert [piece for piece, ltr in split_ltr(text) if ltr] == runs


@pytest.mark.parametrize("words", [
    "أحكام (10) 1970 (2011) بما",
    "أن (2023) (2023) مسارات",
    "[1945 (2010)](https://undocs.org/S/RES/1945(2010)) /2 [2035 (2012)](https://undocs.org/S/RES/2035(2012))",
    "المؤرخ 21 آذار/مارس 2012 ([S/PRST/2012/6](https://undocs.org/S/PRST/2012/6)) و 5 نيسان/أبريل 2012",
])
def test_bracketed_numbers_read_back_wherever_the_line_breaks(tmp_path, words):
    refused = []
    for before in range(8, 48):
        try:
            render_verified(str(tmp_path / "res.md"), _source(before, words).encode("utf-8"), ("pdf",),
                            str(tmp_path / "out"))
        except UnresError as error:
            refused.append((before, str(error.diagnostics[0])[:160]))
    assert refused == []


# S/RES/2533 (2020) in Arabic, preambular paragraph 1 (the UN's file, ../shared/corpus), with one
# word changed ("و" before 2401 (2018) as "وحماية"), which moves its line ends: its statements'
# symbols, isolated across their links, broke over lines and were read with their brackets
# turned ("2011 (S/ PRST/2011/16)", "2012)S/PRST/2012/6)").
COUNCIL_PREAMBLE = (
    'إلى قراراته [2042 (2012)](<https://undocs.org/ar/S/RES/2042(2012)>) و [2043 (2012)](<https'
    '://undocs.org/ar/S/RES/2043(2012)>) و [2118 (2013)](<https://undocs.org/ar/S/RES/2118(2013'
    ')>) و [2139 (2014)](<https://undocs.org/ar/S/RES/2139(2014)>) و\xa0[2165 (2014)](<https://und'
    'ocs.org/ar/S/RES/2165(2014)>) و [2175 (2014)](<https://undocs.org/ar/S/RES/2175(2014)>) و '
    '[2191 (2014)](<https://undocs.org/ar/S/RES/2191(2014)>) و [2209 (2015)](<https://undocs.or'
    'g/ar/S/RES/2209(2015)>) و\xa0[2235 (2015)](<https://undocs.org/ar/S/RES/2235(2015)>) و\xa0[2254\xa0'
    '(2015)](<https://undocs.org/ar/S/RES/2254(2015)>) و [2258 (2015)](<https://undocs.org/ar/S'
    '/RES/2258(2015)>) و [2268 (2016)](<https://undocs.org/ar/S/RES/2268(2016)>) و [2286 (2016)'
    '](<https://undocs.org/ar/S/RES/2286(2016)>) و [2332 (2016)](<https://undocs.org/ar/S/RES/2'
    '332(2016)>) و\xa0[2336\xa0(2016)](<https://undocs.org/ar/S/RES/2336(2016)>) و [2393 (2017)](<htt'
    'ps://undocs.org/ar/S/RES/2393(2017)>) وحماية [2401 (2018)](<https://undocs.org/ar/S/RES/24'
    '01(2018)>) و\xa0[2449 (2018)](<https://undocs.org/ar/S/RES/2449(2018)>) و [2504 (2020)](<http'
    's://undocs.org/ar/S/RES/2504(2020)>)، وإلى بياناته الرئاسية المؤرخة 3 آب/أغسطس 2011 ([S/PR'
    'ST/2011/16](<https://undocs.org/ar/S/PRST/2011/16>)) و 21 آذار/مارس 2012 ([S/PRST/2012/6]('
    '<https://undocs.org/ar/S/PRST/2012/6>)) و\xa05\xa0نيسان/أبريل 2012 ([S/PRST/2012/10](<https://un'
    'docs.org/ar/S/PRST/2012/10>)) و 2 تشرين الأول/أكتوبر 2013 ([S/PRST/2013/15](<https://undoc'
    's.org/ar/S/PRST/2013/15>)) و\xa024 نيسان/أبريل 2015 ([S/PRST/2015/10](<https://undocs.org/ar/'
    'S/PRST/2015/10>)) و 17 آب/أغسطس 2015 ([S/PRST/2015/15](<https://undocs.org/ar/S/PRST/2015/'
    '15>))، و\xa08\xa0تشرين الأول/أكتوبر 2019 ([S/PRST/2019/12](<https://undocs.org/ar/S/PRST/2019/12'
    '>))،'
)


def test_a_council_preamble_of_bracketed_symbols_reads_back(tmp_path):
    text = (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")
            + f"\n*إن مجلس الأمن*،\n\n*إذ يشير* {COUNCIL_PREAMBLE}\n\n1- *يقرر* أن يبقي المسألة قيد نظره.\n")
    try:
        render_verified(str(tmp_path / "res.md"), text.encode("utf-8"), ("akn", "html", "pdf", "docx"),
                        str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))
