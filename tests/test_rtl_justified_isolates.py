"""Latin words with spaces between them inside an Arabic line that is justified: "القلق — dash —
E/CN.4 الإنسان …". The writers isolate "dash — E/CN.4"; justified, each of its spaces is drawn
widened, half the widening before the glyph (writers/pdf/justified_spaces.py), and where that opens
a gap inside the isolate's run PDFium names a space of its own there and none for the glyph. The
reader takes no space PDFium made up, so the isolate was read "dash— E/CN.4" and the build refused
as a bug in unres; a made-up space between two left-to-right characters of one text object now
stands for the glyph drawn there (verify/read/pdf_bidi.py, ``_drawn_space``). Found by building
random Arabic sources. An isolate broken over two lines ("United Nations —" above "Programme")
ends its first line with a dash after a space, both in its own face: both are now read as the
isolate's, not before its words."""
from __future__ import annotations

import pytest

from test_rtl_beyond_bmp import arabic_source
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
WORDS = "الإنسان حقوق مع الأمين العالم الأشخاص في القلق بشأن هذه المسألة".split()
# Latin words with a dash between them, after a dash of the Arabic sentence: the isolate is
# "see — note". Each is set after 0 to 13 Arabic words and before 14, so that the line it falls on
# is justified by as many different spacings (PDFium makes up a space only past some gap), and
# from 11 on the isolate is broken over two lines, its dash and the space before it last on the
# first: those were read before the isolate's words ("— — Add.1 Corr.2"), and are now its own.
LATIN = ["— dash — E/CN.4", "— see — note", "— Add.1 — Corr.2", "— vol. 999 — No. 5", "— A/78/1 — Corr.1",
         "« United Nations — Programme"]


@pytest.mark.parametrize("before", range(14))
@pytest.mark.parametrize("latin", LATIN)
def test_latin_words_in_a_justified_arabic_line(tmp_path, latin, before):
    words = " ".join(WORDS[:before]) + f" {latin} " + " ".join((WORDS * 3)[:14])
    try:
        render_verified(str(tmp_path / "res.md"), arabic_source("operative", words).encode(), FORMATS,
                        str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail(f"{latin}: " + "; ".join(str(d) for d in refused.diagnostics))
