"""An Arabic sub-paragraph labelled ’1‘ whose words open with a symbol reads back as labelled.

The Arabic face draws a quote in right-to-left text with its mirror's glyph, so the PDF's text
layer does not say which way a quote faces. A label ’1‘ followed by words read it as it stands
(each quote beside the space after it); one followed at once by a symbol of digits and slashes
("’1‘ A/HRC/54/1 …") was read "‘1’", which is no label, and the build was refused (O-VERIFY): the
3 symbols of the 6 openings below failed before. The PDF's reader takes a number between two
quotes, set apart as a label is, for the label ’1‘."""
from __future__ import annotations

import pytest

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified

OPENINGS = ["A/HRC/54/1", "E/CN.4/2005/L.10/Add.11", "S/RES/2514 (2020)", "UNESCO", "2030", "COVID-19"]


def _source(opening: str, count: int) -> str:
    points = "".join(f"       ’{n}‘ {opening} في التقرير؛\n\n" for n in range(1, count + 1))
    body = ("*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* إلى التقرير،\n\n1- *يقرر* ما يلي:\n\n"
            "   (أ) الأمين العام؛\n\n   (ب) أن يبقي المسألة قيد نظره:\n\n" + points +
            "2- *يقرر* أن يبقي المسألة قيد نظره.\n")
    return FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + "\n" + body


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_quoted_label_before_a_symbol_reads_back(tmp_path, opening):
    try:
        render_verified(str(tmp_path / "res.md"), _source(opening, 3).encode("utf-8"),
                        ("akn", "html", "pdf", "docx"), str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))
