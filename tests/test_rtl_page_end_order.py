"""A right-to-left page's last line is read before the page's running header, not after it.

WeasyPrint draws a page's running header (the symbol, at the top of the page) after the page's
body, and PDFium gives its characters after the body's last line. The Arabic PDF's reader puts
a line drawn after one it stands above, sharing part of its width, first: a title's first line
drawn after its second, beside its number. Where the page's last line was a short one starting
under the header (an adoption note's last words, "نتيجة التصويت كما يلي:", with the vote's
lists on the next page), the header was moved before it, and the note was read with the symbol
in it: the build was refused (O-VERIFY). A real source with its words shuffled showed it
(A/HRC/RES/54/27). A line is now moved above another only where no line read before them stands
between the two (verify/read/pdf_bidi.py, ``_top_down``).

Shown by moving the adoption note down a page, a few words at a time: 6 of these 25 sources
were refused before."""
from __future__ import annotations

import random

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified

WORDS = ("أن تكفل اتباع نهج أكثر شمولاً إزاء الصلة بين العمل الإنساني والتنمية عن طريق إدماج الحد من "
         "مخاطر الكوارث في خطط التنمية الوطنية والمحلية").split()
NOTE = ("[اعتمد بتصويت مسجل بأغلبية 3 أصوات مقابل صوت واحد، وامتناع عضو واحد عن التصويت. "
        "وكانت نتيجة التصويت كما يلي:")


def _source(extra: int) -> str:
    """Eight operative paragraphs, the last ``extra`` words longer, then the adoption note."""
    pick = random.Random(extra)
    paragraphs = [f"{n}- *يقرر* " + " ".join(pick.choice(WORDS) for _ in range(60 + (extra if n == 8 else 0))) + "؛"
                  for n in range(1, 9)]
    front = FRONT.replace("\nlanguage: English", "\nlanguage: Arabic").replace("    - Chile\n", "    - Chile\n    - Ghana\n")
    front = front.replace("  abstaining: []\n---",
                          f"  abstaining:\n    - Cuba\nprinted:\n  vote_note: \"{NOTE}\"\n---")
    return front + "\n*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* إلى التقرير،\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_page_ending_in_a_short_line_is_read_before_its_header(tmp_path):
    refused = []
    for extra in range(700, 900, 8):
        try:
            render_verified(str(tmp_path / "res.md"), _source(extra).encode("utf-8"), ("pdf",), str(tmp_path / "out"))
        except UnresError as error:
            refused.append((extra, str(error.diagnostics[0])[:200]))
    assert refused == []
