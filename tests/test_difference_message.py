"""A difference is reported at the words that differ, not at a space the reader cannot know.

The PDF's reader cannot know whether a space stood after a slash that ended a line, so a text
that differs only there is the source's; one that differs there and further on was reported at
the slash ("S/ 2020/57" where the source has "S/2020/57"), and the words that did differ went
unnamed."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from unres.verify.compare import _same_text, text_difference

WORDS = st.lists(st.sampled_from(["يؤكد", "القرار", "the", "report", "2020", "بما", "مع"]), min_size=3, max_size=6)


def test_the_first_difference_that_is_one_is_named():
    got = "بما S/ 2020/57 مع المبادئ 3 No نشر القوات"
    want = "بما S/2020/57 مع المبادئ No 3 نشر القوات"
    assert text_difference(got, want, loose=True) == (
        '"…2020/57 مع المبادئ 3 No نشر…" where the source has "…S/2020/57 مع المبادئ No 3 نشر القوات"')
    # With spacing read, the space after the slash is a difference, the first.
    assert text_difference(got, want).startswith('"بما S/ 2020/57 مع')


@settings(max_examples=60, deadline=None)
@given(WORDS, WORDS, WORDS, st.sampled_from(["S/2020/57", "A/HRC/54/1", "https://www.un.org/en/"]))
def test_a_space_after_a_slash_is_passed_over(before, between, after, symbol):
    head, _, tail = symbol.partition("/")
    want = " ".join([*before, symbol, *between, "No", "3", *after])
    got = " ".join([*before, f"{head}/ {tail}", *between, "3", "No", *after])
    assert not _same_text(got, want, set())
    message = text_difference(got, want, loose=True)
    shown, _, source = message.partition(" where the source has ")
    assert "3 No" in shown and "No 3" in source, message
    # (read strictly, the slash is the first difference, and the words that differ are out of sight)
    assert "3 No" not in text_difference(got, want).partition(" where ")[0]
