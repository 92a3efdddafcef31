"""The PDF sets a footnote in the body's column, 40 to 170 mm from the page's left edge, its number
hanging before it (after it, right to left), as the DOCX's Footnote Text style does (20 mm in from
each margin). The PDF's notes used to run on to the page's right margin, 20 mm wider than the body
and than the DOCX's. The notes here hold more words than the body: the PDF reader takes the body's
size from its paragraphs' numbers, no longer from the size most of the text is set in, which was
the notes' and made every such build fail its check."""
from __future__ import annotations

import re
import zipfile

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import council_front, make_source
from unres.cli import main as unres_main

MM = 72 / 25.4
LEFT, RIGHT = 40 * MM, 170 * MM
# A long note in each language's own words (Chinese breaks between any two characters).
NOTE_WORDS = {
    "English": "See the report of the Secretary-General on the implementation of the present resolution",
    "French": "Voir le rapport du Secrétaire général sur l’application de la présente résolution",
    "Spanish": "Véase el informe del Secretario General sobre la aplicación de la presente resolución",
    "Russian": "См. доклад Генерального секретаря об осуществлении настоящей резолюции",
    "Chinese": "见秘书长关于本决议执行情况的报告以及有关文件",
    "Arabic": "انظر تقرير الأمين العام عن تنفيذ هذا القرار",
}
BODY = ("\n*The Security Council*,\n\n1. *Decides* to remain seized of the matter.[^a]\n\n"
        "[^a]: {note}\n")


def _note_glyphs(pdf_path) -> list:
    """(left, right, bottom) in points of every glyph set at the notes' size (9 pt, nine tenths of
    the body's 10 pt; their markers are smaller) at the foot of page 1, above its footer."""
    document = pdfium.PdfDocument(str(pdf_path))
    text = document[0].get_textpage()
    sizes = [pdfium_c.FPDFText_GetFontSize(text.raw, i) for i in range(text.count_chars())]
    chars = [text.get_text_range(i, 1) for i in range(text.count_chars())]
    # The size PDFium reports is in the page's text units: the body's is that of "Decides".
    body = sizes["".join(chars).index("Decides")]
    out = []
    for i, char in enumerate(chars):
        if char.strip() and abs(sizes[i] - 0.9 * body) < 0.05 * body:
            left, bottom, right, _top = text.get_charbox(i, loose=True)
            if 30 * MM < bottom < 100 * MM:
                out.append((left, right, bottom))
    return out


@pytest.mark.parametrize("language", sorted(NOTE_WORDS))
def test_a_note_is_set_in_the_bodys_column(tmp_path, language):
    note = " ".join([NOTE_WORDS[language]] * 6) + "."
    source = make_source(tmp_path, council_front(language=language), BODY.format(note=note), "res.md")
    out = tmp_path / "out"
    assert unres_main(["build", str(source), "-o", str(out), "-q", "-f", "pdf,docx"]) == 0
    glyphs = _note_glyphs(out / "res.pdf")
    lines = sorted({round(bottom) for _l, _r, bottom in glyphs})
    assert len(lines) >= 3, f"the note should take several lines: {lines}"
    words = [(left, right) for left, right, _bottom in glyphs]
    assert min(left for left, _ in words) >= LEFT - 0.5
    assert max(right for _, right in words) <= RIGHT + 0.5
    # Its lines fill the column: the longest reaches within 12 mm of the far side.
    if language == "Arabic":
        assert min(left for left, _ in words) < LEFT + 12 * MM
    else:
        assert max(right for _, right in words) > RIGHT - 12 * MM
    # The DOCX's notes are as wide: 20 mm in from each margin (1134 twentieths of a point).
    with zipfile.ZipFile(out / "res.docx") as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
    style = re.search(r'<w:style [^>]*w:styleId="FootnoteText".*?</w:style>', styles, re.S).group(0)
    assert re.search(r'w:right="113[34]"', style) and re.search(r'w:hanging="113[34]"', style), style
