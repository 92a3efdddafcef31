"""The space between an italic word and a bold one in an Arabic sentence is read back.

The Council's operative paragraphs set their words in turn in italics and in bold ("*يدعو*
**الدول** *أيضاً* **إلى** …", A/HRC/RES/54/16 in Arabic, paragraph 9). On a justified line, the
space between two such words may be drawn narrower than a fifth of the size, the gap the PDF's
reader took for a space between two pieces of text, and with no character at it: "أيضاإلى" was
read, and the build refused (O-VERIFY). 6 of these 40 paragraphs, whose words after the
opening differ, failed so. A right-to-left line's pieces are now read apart by the share the
right-to-left reader reads a gap inside a piece by (verify/read/pdf_layout.py)."""
from __future__ import annotations

import random

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified

WORDS = ("أن تكفل اتباع نهج أكثر شمولاً إزاء الصلة بين العمل الإنساني والتنمية عن طريق إدماج الحد من "
         "مخاطر الكوارث في خطط التنمية الوطنية والمحلية").split()


def _source(seed: int) -> str:
    pick = random.Random(seed)
    words = " ".join(pick.choice(WORDS) for _ in range(30))
    body = ("*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* إلى التقرير،\n\n"
            f"1- *يدعو* **الدول** *أيضاً* **إلى** {words}؛\n\n2- *يقرر* أن يبقي المسألة قيد نظره.\n")
    return FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + "\n" + body


def test_italic_and_bold_words_keep_their_spaces(tmp_path):
    refused = []
    for seed in range(40):
        try:
            render_verified(str(tmp_path / "res.md"), _source(seed).encode("utf-8"), ("pdf",), str(tmp_path / "out"))
        except UnresError as error:
            refused.append((seed, str(error.diagnostics[0])[:200]))
    assert refused == []
