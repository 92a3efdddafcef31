"""An Arabic date whose month's name carries vowel signs ("21 كانون الأوّل/ ديسمبر 2021", S/RES/2613
(2021)'s adoption line, where the language data writes "كانون الأول/ديسمبر") is the same date: the
importer reads it (it refused the file, E622), rewrites it where the line prints another date than the
adoption's, and verify reads it back from a kept line. Shown on generated dates with generated signs."""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from unres.model import languages
from unres.model.printed_dates import printed_date, with_date
from unres.verify.fingerprint import parse_date

MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@st.composite
def marked_dates(draw):
    """(date, the date as the Arabic data writes it with vowel signs after some of its letters and a
    space perhaps after the months' slash)."""
    date = draw(st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2099, 12, 31)))
    text = languages.format_date(date, "ar")
    out = []
    for char in text:
        out.append(char)
        if ARABIC_LETTER.match(char) and draw(st.booleans()):
            out.append(draw(st.sampled_from(MARKS)))
    marked = "".join(out)
    if draw(st.booleans()):
        marked = marked.replace("/", "/ ", 1)
    return date, marked


@settings(max_examples=200, deadline=None)
@given(found=marked_dates())
def test_a_marked_arabic_date_is_read_by_import_and_verify(found):
    date, marked = found
    line = f"الذي اتخذه مجلس الأمن في جلسته 8938، المعقودة في {marked}"
    assert printed_date(line, "ar") == date
    assert parse_date(line) == date


@settings(max_examples=100, deadline=None)
@given(found=marked_dates(), days=st.integers(1, 400))
def test_a_marked_arabic_date_is_rewritten_to_the_adoptions(found, days):
    date, marked = found
    adoption = date + dt.timedelta(days=days)
    line = f"المعقودة في {marked}"
    rewritten = with_date(line, date, adoption, "ar")
    assert rewritten == "المعقودة في " + languages.format_date(adoption, "ar")
    assert printed_date(rewritten, "ar") == adoption


def test_the_councils_line_as_printed():
    line = "الذي اتخذه مجلس الأمن في جلسته 8938، المعقودة في 21 كانون الأوّل/ ديسمبر 2021"
    assert printed_date(line, "ar") == dt.date(2021, 12, 21) == parse_date(line)
