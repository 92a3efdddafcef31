"""Dates as a line prints them in one of the six languages ("13 كانون الثاني/يناير 2020",
"1er juillet 2021"), found by writing each candidate date as the language data writes it: the
importer reads the UN's lines with them, and the source reader checks a kept line against the
source's own adoption date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from . import languages


def printed_date(text: str, code: str) -> Optional[dt.date]:
    """The first date ``text`` prints in the language's own form, None when it prints none."""
    line = flat(text)
    for year in re.findall(r"(?<!\d)(\d{4})(?!\d)", line):
        for day in sorted(set(int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?!\d)", line)), reverse=True):
            for month in range(1, 13):
                try:
                    candidate = dt.date(int(year), month, day)
                except ValueError:
                    continue
                if flat(languages.format_date(candidate, code)) in line:
                    return candidate
    return None


# Arabic vowel signs (fatha … sukun, and the dagger alif): a word's letters are the word with or without
# them, and the UN's files print some month names with them ("كانون الأوّل" for the data's "كانون الأول").
_ARABIC_MARKS = "\u064b-\u0652\u0670"
_ARABIC_MARKS_RE = re.compile(f"[{_ARABIC_MARKS}]")


def flat(text: str) -> str:
    """A printed line with its spaces plain and single, without Arabic vowel signs, and the first of
    the month as the language data writes it ("1er juillet", as French prints it, is "1 juillet"
    there)."""
    line = " ".join(_ARABIC_MARKS_RE.sub("", text).replace(languages.DATE_SPACE, " ").split())
    # An Arabic month's two names are joined by a slash, which the UN's files sometimes space
    # ("تشرين الثاني/ نوفمبر").
    line = re.sub(r" ?/ ?", "/", line)
    return re.sub(r"(?<!\d)(\d{1,2})(?:er|ᵉʳ)(?= )", r"\1", line)


def with_date(text: str, printed: dt.date, date: dt.date, code: str) -> str:
    """``text`` with the date it prints as ``printed`` written as ``date`` in the language data's
    form; the rest of the line as it was (its spaces, its words)."""
    words = flat(languages.format_date(printed, code)).split(" ")
    # Whatever spaces the line has between the date's words, and "1er" where the data writes "1".
    pattern = r"\s+".join("".join(r"\s?/\s?" if c == "/" else re.escape(c) + f"[{_ARABIC_MARKS}]*" for c in w)
                          + (r"(?:er|ᵉʳ)?" if i == 0 and w.isdigit() else "") for i, w in enumerate(words))
    return re.sub(r"(?<!\d)" + pattern + r"(?!\d)", lambda _m: languages.format_date(date, code), text, count=1)
