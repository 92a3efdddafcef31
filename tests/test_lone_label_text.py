"""A paragraph whose whole text looks like a label ("24.", "(a)", "iv.", "12)") is text.

Typed escaped, "24\\." is a paragraph of text, not a numbered one, and the AKN, HTML and DOCX
keep it so. The PDF reader took a label-like word alone on its line for a number set in a box
(nothing stood after it to show that it was running text), and refused the build as a bug in
unres: in an annex, in five of the six languages. It now asks the tagged PDF first: the word
is the paragraph's running text, not a label element of its own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import rendered_verified
from unres.akn_import import readable_source
from unres.readers.akn.reader import import_akn

UNSEEN = Path(__file__).resolve().parent / "unseen" / "hrc" / "55session"
# A short resolution of the Council's 55th session in each language, and its word for "Annex".
SOURCES = {"Arabic": ("A_HRC_RES_55_19A.xml", "المرفق"), "Chinese": ("A_HRC_RES_55_5C.xml", "附件"),
           "English": ("A_HRC_RES_55_2E.xml", "Annex"), "French": ("A_HRC_RES_55_6F.xml", "Annexe"),
           "Russian": ("A_HRC_RES_55_3R.xml", "Приложение"), "Spanish": ("A_HRC_RES_55_24S.xml", "Anexo")}
TOKENS = ["24\\.", "1\\.", "24-", "iv\\.", "\\(a\\)", "12\\)"]


def with_annex(language: str, paragraph: str) -> str:
    name, word = SOURCES[language]
    path = UNSEEN / language / name
    text = readable_source(str(path), import_akn(str(path))[0])
    assert "\n# " not in text, "the source chosen has no annex of its own"
    return (text.rstrip("\n") + f"\n\n# {word}\n\n## Title of the annex\n\nWords of the annex.\n\n"
            f"{paragraph}\n\nMore words of the annex.\n")


@pytest.mark.parametrize("language", sorted(SOURCES))
@pytest.mark.parametrize("token", TOKENS)
def test_a_label_alone_as_an_annex_paragraph_is_read_back_as_text(tmp_path, language, token):
    rendered_verified(tmp_path, with_annex(language, token), ("akn", "html", "pdf", "docx"))


@pytest.mark.parametrize("language", ["English", "Chinese"])
def test_a_label_with_words_after_it_is_still_read_back_as_text(tmp_path, language):
    rendered_verified(tmp_path, with_annex(language, "24\\. Words after the number."), ("pdf",))


@pytest.mark.parametrize("language", ["English", "Arabic"])
def test_a_lettered_item_under_annex_text_is_told_how_to_type_it(tmp_path, language):
    """A list "(a)" under an annex's unnumbered text cannot say what it is under: E207 at its line
    says how to type it (its label escaped, as the import writes such items), not the operative
    part's rule; typed so, it builds."""
    from unres.errors import SourceError
    from unres.readers.markdown.reader import read_source

    text = with_annex(language, "(a) Words of an item.")
    line = text.splitlines().index("(a) Words of an item.") + 1
    with pytest.raises(SourceError) as info:
        read_source(str(tmp_path / "res.md"), text.encode("utf-8"))
    [diag] = info.value.diagnostics
    assert (diag.code, diag.loc.line) == ("E207", line) and "'\\(a) Its words'" in diag.message
    rendered_verified(tmp_path, with_annex(language, "\\(a) Words of an item."), ("akn", "html", "pdf", "docx"))
