"""A long document whose notes need many repairs of their pages is laid out whole.

WeasyPrint lays a document out in at most 8 passes, and each repair that keeps a page's notes on
their call's page (``writers/pdf/footnote_pages.py``) ends one. A document that needed more
repairs than that was cut short where the last repair ended its pass: 38 pages of a long annex,
two notes to each paragraph, stopped at page 34, and the build was refused as a bug (O-VERIFY,
"parties358": the call of a note no page printed). Shuffled real sources with many notes added
showed it (A/HRC/RES/54/18's annex). A layout under the repairs now has as many passes again as
they need (``REPAIR_PASSES``), and a note whose call is printed but which is itself printed
nowhere counts as out of place (``writer._misplaced_notes``), so that such a layout is never
taken."""
from __future__ import annotations

import pypdfium2 as pdfium

from conftest import FRONT, rendered_verified

WORDS = "the Council recalls its resolutions on the protection of civilians and urges all parties to respect international law".split()


def _words(n: int, count: int) -> str:
    return " ".join(WORDS[(n * 7 + i) % len(WORDS)] for i in range(count))


def _source(paragraphs: int = 200, calls: int = 2, note_words: int = 18) -> tuple[str, int]:
    body, notes = [], []
    for n in range(1, paragraphs + 1):
        words = _words(n, 40 + (n * 13) % 50).split()
        for j in range(calls):
            notes.append(f"[^n{len(notes) + 1}]: See " + _words(len(notes) + 1, note_words) + ".")
            words[(j * 11 + n) % len(words)] += f"[^n{len(notes)}]"
        body.append(f"{n}\\. " + " ".join(words) + ";")
    text = (FRONT + "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n1. *Decides* to act.\n\n"
            "# Annex\n\n## Title\n\n" + "\n\n".join(body) + "\n\n" + "\n\n".join(notes) + "\n")
    return text, len(notes)


def test_a_long_annex_with_many_notes_is_laid_out_whole(tmp_path):
    text, count = _source()
    outputs = rendered_verified(tmp_path, text, ("pdf",))
    pdf = pdfium.PdfDocument(outputs["pdf"])
    printed = "".join(page.get_textpage().get_text_bounded() for page in pdf)
    # (the last paragraph and the last note are printed: nothing was cut off)
    assert "200. " in printed and f"{count} See " in printed
