"""A footnote called inside a paragraph's italic opening words leaves them whole.

"*Prenant note[^1] avec satisfaction* du rapport": the DOCX's reader took the call's run (no
text, not in italics) for the end of the opening words and read "Prenant note", and the build
was refused (O-VERIFY). A run of no text now neither ends nor adds to the opening
(``verify/read/common._opening``). Shuffled and restyled real sources showed it (A/HRC/RES/54/13
in French, 54/21 in Spanish). Shown in six languages, the call after each word of the opening."""
from __future__ import annotations

import pytest

from conftest import FRONT, rendered_verified

OPENINGS = {"English": ("Taking note with appreciation", "of the report"),
            "French": ("Prenant note avec satisfaction", "du rapport"),
            "Spanish": ("Observando con profunda preocupación", "el informe"),
            "Russian": ("Принимая к сведению с удовлетворением", "доклад"),
            "Chinese": ("满意地注意到", "报告"),
            "Arabic": ("وإذ يحيط علماً مع التقدير", "بالتقرير")}


def _source(language: str) -> str:
    opening, rest = OPENINGS[language]
    words = opening.split() if language != "Chinese" else list(opening)
    joiner = "" if language == "Chinese" else " "
    paragraphs, notes = [], []
    for n in range(1, len(words)):
        called = joiner.join(words[:n]) + f"[^n{n}]" + joiner + joiner.join(words[n:])
        paragraphs.append(f"*{called}* {rest},")
        notes.append(f"[^n{n}]: A/HRC/54/{n}.")
    front = FRONT.replace("\nlanguage: English", f"\nlanguage: {language}")
    return (front + "\n*The Human Rights Council*,\n\n" + "\n\n".join(paragraphs)
            + "\n\n1. *Decides* to remain seized of the matter.\n\n" + "\n\n".join(notes) + "\n")


@pytest.mark.parametrize("language", OPENINGS)
def test_a_call_inside_the_opening_words_leaves_them_whole(language, tmp_path):
    rendered_verified(tmp_path, _source(language), ("akn", "html", "pdf", "docx"))
