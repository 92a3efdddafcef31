"""Latin words in brackets or quotes in Arabic text, with more Latin text after the closing one:
"المسألة «mots» No. 5 القلق". The writers isolate "mots» No. 5" (from the first Latin letter to the
last letter or digit), and the opening bracket stays in the Arabic sentence, drawn in the Arabic
face just right of the isolate. The reader took it for the isolate's own closing bracket (as
the ")" of "16(1)" is) and read "mots» No. 5»", and the build was refused as a bug in unres. Where
the run is isolated, only a bracket drawn in the isolate's face is now its own."""
from __future__ import annotations

import pytest

from test_rtl_beyond_bmp import arabic_source
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
BRACKETS = [("(", ")"), ("[", "]"), ("«", "»"), ("“", "”")]
AFTER = ["No. 5", "5", ", No. 5", " and more", " [see note]"]


@pytest.mark.parametrize("after", AFTER)
@pytest.mark.parametrize("opening, closing", BRACKETS, ids=["".join(b) for b in BRACKETS])
@pytest.mark.parametrize("where", ["operative", "note"])
def test_latin_words_in_brackets_followed_by_latin_text(tmp_path, where, opening, closing, after):
    words = f"المسألة {opening}mots{closing}{after if after[:1] in ', ' else ' ' + after} القلق"
    try:
        render_verified(str(tmp_path / "res.md"), arabic_source(where, words).encode(), FORMATS,
                        str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail(f"{words}: " + "; ".join(str(d) for d in refused.diagnostics))


@pytest.mark.parametrize("words", ["القرار 16(1) بشأن", "انظر (A/78/L.1) هنا", "انظر (mots (No. 5)) هنا",
                                   "انظر «A/78/1» و«A/78/2» هنا", "الأمين [see] [note] الإنسان"])
def test_brackets_an_isolate_closes_stay_its_own(tmp_path, words):
    try:
        render_verified(str(tmp_path / "res.md"), arabic_source("operative", words).encode(), FORMATS,
                        str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail(f"{words}: " + "; ".join(str(d) for d in refused.diagnostics))
