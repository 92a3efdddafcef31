"""The quick scans of a text give what the plain definitions give.

``source_text.find_uncarried`` searches for the characters no output can carry in two steps, where
``UNCARRIED_RE`` names them in one class; the fingerprint of a right-to-left reader writes quotes and
brackets as one facing with a ``str.replace`` per pair, where ``str.translate`` did it in one call.
Both are checked against the one-step definition on texts drawn around the edges of what they find.
"""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st

from unres.readers.source_text import UNCARRIED_RE, find_uncarried
from unres.verify import fingerprint, mirrors

# Each side of every edge of UNCARRIED_RE's class, in and beyond the Basic Multilingual Plane,
# with the characters resolutions hold (Latin, Arabic, CJK, a mathematical letter, an emoji).
_EDGES = [chr(c) for c in (0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x7E, 0x7F,
                           0x9F, 0xA0, 0x2027, 0x2028, 0x2029, 0x202A, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0,
                           0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1D400, 0x1F600, 0x1FFFD, 0x1FFFE, 0x1FFFF,
                           0x20000, 0x2FFFE, 0xEFFFF, 0xFFFFE, 0x10FFFD, 0x10FFFE, 0x10FFFF)]
_TEXT = st.text(st.one_of(st.sampled_from(_EDGES + list("a -,.\nمجلس人权")), st.characters()), max_size=40)


def _found(match):
    return None if match is None else (match.start(), match.group())


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
@example("résolution \U0001F600 \U0001FFFE \x01")
@example("\U0010FFFF\ufffe")
def test_find_uncarried_finds_what_the_class_finds(text):
    assert _found(find_uncarried(text)) == _found(UNCARRIED_RE.search(text))


_FACING = "“”‘’([{<«‹⟨〈≤≪⁽₍)]}>»›⟩〉≥≫⁾₎⁅⁆⟦⟧「」（）⦍⦐⦎⦏⊂⊃"


@settings(max_examples=2000, deadline=None)
@given(st.text(st.one_of(st.sampled_from(list(_FACING) + list("إذ يشير (2015) a")), st.characters()),
               max_size=60))
@example("“لمحة…“ (2015-2030( ‹a› ⁽1⁾ ≤ ≪ ⁅a⁆ 「a」")
def test_facings_written_as_one_as_a_table_would(text):
    quotes = str.maketrans("\u201c\u201d\u2018\u2019", "\u201d\u201d\u2019\u2019")
    pairs, present = mirrors.pairs()
    brackets = str.maketrans("".join(a for a, _b in pairs), "".join(b for _a, b in pairs))
    assert fingerprint._as_one(text, fingerprint._QUOTES) == text.translate(quotes)
    assert fingerprint._as_one(text, pairs, present) == text.translate(brackets)


# Pairs of Unicode's BidiMirroring.txt (16.0): a character and the one its glyph is mirrored to.
# The last ones' names do not say which way they face: HarfBuzz's data gives them.
MIRRORED = ["()", "<>", "[]", "{}", "«»", "‹›", "⁅⁆", "⁽⁾", "₍₎", "≤≥", "≪≫", "⊂⊃", "⌈⌉", "\u2329\u232a",
            "❨❩", "⟦⟧", "⟨⟩", "⦍⦐", "⦎⦏", "⧼⧽", "\u3008\u3009", "《》", "「」", "『』", "【】", "〔〕",
            "﹙﹚", "（）", "＜＞", "［］", "｛｝", "｢｣", "∈∋", "∉∌", "∼∽", "≃⋍", "≒≓", "≔≕", "∕⧵"]


@pytest.mark.parametrize("pair", MIRRORED)
def test_a_mirrored_pair_is_compared_as_one(pair):
    # The Arabic face draws either with the other's glyph: a right-to-left reader cannot say which.
    pairs, present = mirrors.pairs()
    assert fingerprint._as_one(pair[0], pairs, present) == fingerprint._as_one(pair[1], pairs, present)


def test_only_mirrored_pairs_are_compared_as_one():
    import unicodedata
    pairs, _present = mirrors.pairs()
    assert all(unicodedata.mirrored(a) and unicodedata.mirrored(b) for a, b in pairs)
    assert {a for a, _b in pairs}.isdisjoint(b for _a, b in pairs)
    unordered = {frozenset(pair) for pair in pairs}
    assert frozenset("⊂⊄") not in unordered and frozenset("⊆⊇") in unordered


def test_harfbuzz_gives_the_pairs_names_do_not():
    # WeasyPrint shapes with HarfBuzz, so it is there; its pairs hold every pair the names give.
    import unicodedata
    mirrored = [chr(c) for c in range(0x10000) if unicodedata.mirrored(chr(c))]
    by_name, harfbuzz = mirrors._by_name(mirrored), mirrors._harfbuzz(mirrored)
    assert harfbuzz["∈"] == "∋" and harfbuzz["∼"] == "∽" and harfbuzz["("] == ")"
    assert all(harfbuzz.get(a) == b for a, b in by_name.items())
    assert len(harfbuzz) > len(by_name)


def test_a_pair_is_written_as_its_closing_one():
    # The comparison reads a line's end after a closing bracket as a space ("قرارها}" at a line's
    # end, "قرارها} للبيئة" read): the texts compared must hold the closing bracket of each pair.
    import unicodedata
    pairs, present = mirrors.pairs()
    assert fingerprint._as_one("([{<«‹⟨〈≤≪⁽₍⁅⦏", pairs, present) == ")]}>»›⟩〉≥≫⁾₎⁆⦎"
    assert not any(unicodedata.category(first) == "Pe" for first, _second in pairs)
