"""A run of tatweels (the kashida, U+0640, which the UN's Arabic files type to stretch a word:
"قبـــــــــــــل" in S/RES/2732 (2024)) is read back from the PDF's text layer as typed.

WeasyPrint names each glyph once per document, by the text of the first cluster it is drawn in;
the tatweel's glyph, first drawn where Pango gave it a cluster of several tatweels, was named by
all of them, and every tatweel of the document was read as six: the build's own check refused the
PDF. Words of several lengths of run, alone and together, in the body and the footnotes."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import FRONT

TATWEEL = "\u0640"
WORDS = [("قب", "ل"), ("الأم", "م"), ("م", "ن"), ("ب", "عد"), ("ي", "قرر")]


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def _stretched(runs):
    return [first + TATWEEL * run + last for (first, last), run in zip(WORDS * 4, runs)]


@pytest.mark.parametrize("runs", [(13,), (1, 2, 3), (6, 1), (2, 13, 7, 1, 20), (3, 3, 3)])
def test_a_run_of_tatweels_is_read_back_from_the_pdf_as_typed(source_file, tmp_path, runs):
    from unres.verify.read.pdf_bidi import pdf_text

    words = _stretched(runs)
    body = (f"\nإذ يؤكد أن على الدول {words[0]} أن تحترم الحق في الخصوصية،\n\n"
            f"1. يقرر {' '.join(words[1:])} أن يبقي المسألة قيد نظره[^1].\n\n"
            f"[^1]: انظر {words[-1]} الوثيقة.\n")
    path = source_file(sub(FRONT, "\nlanguage: English", "\nlanguage: Arabic"), body)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(out), "-q"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    read = " ".join(pdf_text(next(out.glob("*.pdf")), rtl=True))
    found = sorted(len(run) for run in re.findall(f"{TATWEEL}+", read))
    # The masthead prints "الأمــم المتحـدة" (2 and 1) as well.
    assert found == sorted([*runs, *runs[-1:], 2, 1]), found
