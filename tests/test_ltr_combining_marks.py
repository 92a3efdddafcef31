"""A combining mark on a letter that has no letter with it in Unicode ("q̃", "t́", "д̈"), inside a
word of left-to-right text.

WeasyPrint draws such a mark as a text object of its own, placed over the letter that the object
before it ends with. The left-to-right PDF reader read each text object as a piece of text placed
by its origin: "it́s" came back "its" (the mark, set a little lower, was read after the "s" or not
at all), "q̃s" left the paragraph reading "̃". A right PDF was refused as a bug (O-VERIFY). A text
object of marks alone is now read after the letter the object before it ends with. (The
right-to-left reader, which reads the page's characters, keeps a mark with its letter already:
tests/test_rtl_combining_marks.py.) Shown on generated words in the five left-to-right languages."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from test_note_call_spacing import LANGUAGES, _source
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
LETTERS = ["q", "t", "x", "w", "g", "Ŋ", "д", "ж"]
MARKS = ["\u0301", "\u0303", "\u0302", "\u0308", "\u0331", "\u0323", "\u0303\u0301"]


@given(language=st.sampled_from(["Chinese", "English", "French", "Russian", "Spanish"]),
       letter=st.sampled_from(LETTERS), mark=st.sampled_from(MARKS), at=st.integers(0, 12),
       italic=st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_mark_on_a_letter_inside_a_word_is_read_after_its_letter(tmp_path, language, letter, mark, at,
                                                                   italic):
    words = LANGUAGES[language][0]
    word = words[-1]
    at = min(at, len(word))
    marked = word[:at] + letter + mark + word[at:]
    sentence = " ".join(words[:-1]) + " " + (f"*{marked}*" if italic else marked) + " " + words[0]
    try:
        render_verified(str(tmp_path / "res.md"), _source(language, sentence, 0).encode(), FORMATS,
                        str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail(f"{marked!r}: " + "; ".join(str(d) for d in refused.diagnostics))
