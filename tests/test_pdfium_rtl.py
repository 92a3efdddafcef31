"""PDFium's own table of what it gives a character as in right-to-left text ("®" as "R", "≠" as
"=/", "⓫" as "11"; verify/pdfium_rtl.py): the file the comparison reads is what the installed
PDFium gives, and an Arabic source with any of its characters is never refused as a bug in unres.
Before the table, each of them in Arabic text was refused (O-VERIFY) though its PDF was right."""
from __future__ import annotations

import pytest

from test_rtl_beyond_bmp import arabic_source
from unres.errors import UnresError
from unres.pipeline.build import render_verified
from unres.verify import pdfium_rtl
from unres.verify.fingerprint import PDFIUM_OWN

FORMATS = ("akn", "html", "pdf", "docx")
TABLE = PDFIUM_OWN


def test_the_table_is_what_the_installed_pdfium_gives():
    """Probed again (every assigned character of the BMP but marks and controls, between two
    Arabic letters): a PDFium that reads otherwise fails here, not in a user's build."""
    assert pdfium_rtl.own(pdfium_rtl.probe(pdfium_rtl.candidates())) == TABLE


def test_the_probe_reads_a_right_to_left_run():
    probed = pdfium_rtl.probe(["®", "(", "A", "½"])
    # "(" mirrored, "½" decomposed as Unicode says, "®" by PDFium's own table.
    assert probed == {"®": "R", "(": ")", "A": "A", "½": "1/2"}
    assert {"®", "≠", "⓫", "␀", "∉"} <= set(TABLE)


# Every fourth character of the table, and those the module names.
CASES = sorted(set(sorted(TABLE)[::4]) | {"®", "≠", "⓫", "␀", "∉", "΄"})


@pytest.mark.parametrize("character", CASES, ids=[f"U+{ord(c):04X}" for c in CASES])
@pytest.mark.parametrize("where", ["operative", "note"])
def test_an_arabic_source_with_the_character_is_not_refused_as_a_bug(tmp_path, where, character):
    """Joined to an Arabic word and apart, it builds; only a font's want of it may refuse it."""
    for words in (f"في الحلقة{character}الدراسية", f"في الحلقة {character} الدراسية"):
        try:
            render_verified(str(tmp_path / "res.md"), arabic_source(where, words).encode(), FORMATS,
                            str(tmp_path / "out"))
        except UnresError as refused:
            codes = {d.code for d in refused.diagnostics}
            if character in "®≠⓫␀∉΄" or not codes <= {"T-FONT-FALLBACK"}:
                pytest.fail(f"{words}: " + "; ".join(str(d) for d in refused.diagnostics))
