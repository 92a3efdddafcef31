"""A character Unicode mirrors in right-to-left text, typed among Arabic words: "⁅", "⟦", "≤", "⊂".

The Arabic face draws each with its mirror's glyph, and the PDF's text layer names a glyph by the
first character it was drawn for: on a right-to-left page a reader cannot tell "⁅" from "⁆". The
PDF's texts were compared with such characters as one for a list of thirteen pairs ("(" and ")",
"«" and "»", "≤" and "≥" …); a pair outside it was refused as a bug (O-VERIFY), though all four
outputs were right. Every pair the shaper mirrors (HarfBuzz's Bidi_Mirroring_Glyph data, "∈"
and "∋" among them) is now compared as one (``verify.mirrors``); the HTML, DOCX and AKN, and
every left-to-right PDF, character for character, as before."""
from __future__ import annotations

import pytest

from test_rtl_compatibility_characters import _assert_builds

PAIRS = ["⁅⁆", "⟦⟧", "⦍⦐", "❨❩", "⌈⌉", "≦≧", "⊂⊃", "⋐⋑", "⪡⪢", "∈∋", "∼∽", "≃⋍", "≔≕", "∕⧵"]


@pytest.mark.parametrize("pair", PAIRS, ids=[f"U+{ord(p[0]):04X}" for p in PAIRS])
@pytest.mark.parametrize("where", ["preamble", "operative", "note"])
def test_a_mirrored_character_in_arabic_text_reads_back(tmp_path, where, pair):
    opening, closing = pair
    for words in (f"في {opening}الحلقة{closing} الدراسية", f"في الحلقة {opening} الدراسية",
                  f"في الحلقة{closing}الدراسية"):
        _assert_builds(tmp_path, where, words)
