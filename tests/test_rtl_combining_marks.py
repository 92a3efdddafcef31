"""A combining mark outside the Arabic block, on a right-to-left page, is printed on its letter
and read back after it.

- On an Arabic letter (an accent typed by mistake, "الحلق́ة"): Amiri has no place for it over
  the letter, so it is drawn where the pen stands, its ink over the letter beside. The PDF names
  it rightly, after its letter; the right-to-left reader left it out (it read no mark at all, as
  it reads none of the Arabic block's, which the file names unreliably), and then placed it by
  its ink, over the wrong letter. A right PDF was refused as a bug (O-VERIFY).
- On a Latin letter that has no letter with it in Unicode ("q̃", "x̂"): the writers' left-to-right
  isolate ended at the letter, so the mark stood outside it, on nothing, and the PDF drew it on a
  dotted circle ("q◌̃"). The isolate now keeps a letter's marks, and the reader reads a mark after
  its letter in a left-to-right run.

(Two marks stacked on one Latin letter are read in an order the PDF does not give: a limit the
README names.)"""
from __future__ import annotations

import pytest

from test_rtl_beyond_bmp import arabic_source
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
WORD = "الحلقة"
MARKS = ["\u0301", "\u0300", "\u0308", "\u0327", "\u0323"]
LATIN = ["q\u0303", "x\u0302", "g\u0303", "w\u0331", "A/HRC/q\u0303"]


def _builds(tmp_path, text: str) -> None:
    try:
        render_verified(str(tmp_path / "res.md"), text.encode(), FORMATS, str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))


@pytest.mark.parametrize("mark", MARKS, ids=[f"U+{ord(m):04X}" for m in MARKS])
@pytest.mark.parametrize("after", [1, 4, 6], ids=["first-letter", "inner-letter", "last-letter"])
def test_an_accent_on_an_arabic_letter_is_read_after_its_letter(tmp_path, mark, after):
    word = WORD[:after] + mark + WORD[after:]
    _builds(tmp_path, arabic_source("preamble", f"في {word} الدراسية"))


@pytest.mark.parametrize("letters", LATIN, ids=["q-tilde", "x-circumflex", "g-tilde", "w-macron-below", "symbol"])
@pytest.mark.parametrize("where", ["preamble", "operative", "note"])
def test_a_latin_letter_with_its_mark_stays_whole_in_arabic_text(tmp_path, where, letters):
    _builds(tmp_path, arabic_source(where, f"في {letters} الدراسية"))
