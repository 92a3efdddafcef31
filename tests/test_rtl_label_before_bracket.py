"""An Arabic sub-paragraph whose text opens with a bracket, a quote or a stop before Latin letters
keeps its label.

The label is set in a box 10 mm wide and the text starts where the box ends. After a label
wider than a letter ("(ب)", "(هـ)") less than the size is left before the text, and the PDF's
right-to-left reader took a step to the text only at a gap of the size or more, or at a space
PDFium names there; a text that opens with "(", "[", a quote, "…" or "،" before a left-to-right
run ("(ب) (A/HRC/54/1) والرابعة؛") has no such space, and the label was read as the text's
first words: label "" where the source has "(ب)", and the build was refused (O-VERIFY). A real
source with its words shuffled showed it (S/RES/2520 (2020)). The reader now also steps where
the label's box ends, after an inline element that opens the line (verify/read/pdf_rtl.py,
``_after_label_box``).

Shown on ten labels and eight openings, each point with one of four endings: 7 of these 8
sources were refused before."""
from __future__ import annotations

import pytest

from conftest import FRONT, rendered_verified

LABELS = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"]
OPENINGS = ["(A/HRC/54/1)", '"UNESCO"', "[A/HRC/54/1]", "«COVID-19»", "… A/HRC/54/1", "، E/CN.4/2005/L.10",
            "(ISO 9001)", "’UNICEF‘"]
ENDINGS = ["والرابعة", "والرابعة القيام", "القيام بالتنسيق", "والرابعة القيام بالتنسيق مع"]


def _source(shift: int) -> str:
    points = "\n\n".join(f"   ({label}) {OPENINGS[(i + shift) % len(OPENINGS)]} {ENDINGS[(3 * i + shift) % 4]}؛"
                         for i, label in enumerate(LABELS))
    return (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")
            + "\n*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* إلى التقرير،\n\n1- *يقرر* ما يلي:\n\n" + points
            + "\n\n2- *يقرر* أن يبقي المسألة قيد نظره.\n")


@pytest.mark.parametrize("shift", range(len(OPENINGS)))
def test_a_label_before_a_text_opening_with_a_bracket_is_read(shift, tmp_path):
    rendered_verified(tmp_path, _source(shift), ("pdf",))
