"""No space is printed between Chinese characters and Latin letters or digits where the source has
none, whatever inline element (a link, bold, italic, a footnote's call) stands at the boundary.

The class found: the Chinese PDF justified its lines, and WeasyPrint justifies only by widening a
line's spaces. A space in Chinese stands where the Latin face gives way to the Chinese one (after a
sub-paragraph's label "(cc) ", between Latin words); Pango drew only half of the widening there while
WeasyPrint moved the next inline box by all of it, so "第[2255(2015)](…)号" printed as
"第 2255(2015)号", about 8 pt apart. The PDF is read back here glyph by glyph (pypdfium2): at every
boundary between a Chinese character and a Latin letter or digit on one line, the text layer has no
space and the two glyphs' advance boxes touch. The HTML's and the DOCX's text are read at the same
boundaries.
"""
from __future__ import annotations

import re
import zipfile

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from lxml import etree
from lxml import html as lxml_html

from conftest import CORPUS, build_ok
from unres.verify.read.pdf_text import FOOTER_BAND, HEADER_BAND, MASTHEAD_BAND

FRONT = """\
---
symbol: S/RES/2999 (2030)
number: "2999 (2030)"
title: "Security Council resolution 2999 (2030)"
organ: "安全理事会"
distribution: General
issue_date: 2030-12-18
language: Chinese
adoption_date: 2030-12-18
job_number: "30-17451 (C)"
vote:
  in_favour: [China, France]
  against: []
  abstaining: []
---

**安全理事会**，

"""

# A gap this wide between two glyphs' advance boxes is a printed space (the face's own space is
# 2.5 pt at 10 pt; kerning between a Chinese and a Latin glyph is nil).
MAX_GAP = 0.5

_HAN = "决定回顾重申强调委员会监测组收集关于依据第号议段获得豁免后进行旅行信息包括阿富汗政府"
_LATIN = ["2255(2015)", "1267(1999)", "S/RES/2513", "ISIL", "COVID-19", "A/75/1", "12", "Taliban", "UNAMA"]


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _boundary(a: str, b: str) -> bool:
    return (_cjk(a) and _latin(b)) or (_latin(a) and _cjk(b))


han = st.text(alphabet=_HAN, min_size=1, max_size=14)
latin = st.sampled_from(_LATIN)


@st.composite
def wrapped(draw, note_numbers):
    """A Latin token in one of the inline elements, or a footnote's call after it."""
    token = draw(latin)
    kind = draw(st.sampled_from(["link", "bold", "italic", "note", "plain"]))
    if kind == "link":
        return f"[{token}](<https://undocs.org/ch/S/RES/{token.replace('/', '_')}>)"
    if kind == "bold":
        return f"**{token}**"
    if kind == "italic":
        return f"*{token}*"
    if kind == "note":
        number = len(note_numbers) + 1
        note_numbers.append(number)
        return f"{token}[^{number}]"
    return token


@st.composite
def sentence(draw, note_numbers):
    parts = [draw(han)]
    for _ in range(draw(st.integers(1, 4))):
        parts += [draw(wrapped(note_numbers)), draw(han)]
    return "".join(parts) + "；"


@st.composite
def document(draw):
    notes: list[int] = []
    operative = [f"{i}. **决定**{draw(sentence(notes))}{draw(han)}" for i in range(1, draw(st.integers(2, 4)) + 1)]
    # The sub-paragraphs' labels put a space on each first line: the lines that were widened.
    labels = "abcdefghijklmnopqrstuvwxyz"
    annex = [f"\\({labels[i]}) {draw(sentence(notes))}{draw(sentence(notes))}"
             for i in range(draw(st.integers(6, 12)))]
    body = "\n\n".join(operative) + "\n\n# 附件\n\n根据本决议第3段，监测组应开展工作：\n\n" + "\n\n".join(annex)
    body += "\n\n" + "\n".join(f"[^{n}]: S/{n}/2030。" for n in notes)
    return FRONT + body + "\n"


def pdf_boundary_gaps(path) -> list[tuple[int, str, float]]:
    """Every boundary on one printed line between a Chinese character and a Latin letter or digit
    whose glyphs stand apart (a space in the text layer, or advance boxes more than MAX_GAP apart):
    (page, the text around it, the gap in points)."""
    import pypdfium2 as pdfium

    found = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            text_page = page.get_textpage()
            count = text_page.count_chars()
            text = text_page.get_text_range(0, count)
            boxes = [text_page.get_charbox(i, loose=True) for i in range(count)]
            # The text block only: the masthead, the running header and the footer set their
            # pieces apart on purpose.
            ceiling = page.get_height() - (MASTHEAD_BAND if number == 0 else HEADER_BAND)
            for i in range(count):
                if not text[i].strip():
                    continue
                j = i + 1
                while j < count and text[j] in " \u00a0\u3000":
                    j += 1
                if j >= count or not _boundary(text[i], text[j]):
                    continue
                (left, bottom, right, top), (left2, bottom2, _, top2) = boxes[i], boxes[j]
                if min(top, top2) <= max(bottom, bottom2) or left2 < left:
                    continue        # another line
                if max(top, top2) > ceiling or min(bottom, bottom2) < FOOTER_BAND:
                    continue
                gap = left2 - right
                if j > i + 1 or gap > MAX_GAP:
                    found.append((number + 1, text[max(0, i - 4):j + 5], round(gap, 2)))
            text_page.close()
            page.close()
    finally:
        pdf.close()
    return found


def _spaced_boundaries(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r"\S\s+\S", text) if _boundary(m.group(0)[0], m.group(0)[-1])]


def html_spaced(path) -> list[str]:
    root = lxml_html.parse(str(path)).getroot()
    out = []
    for block in root.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6"):
        out += _spaced_boundaries(block.text_content())
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_spaced(path) -> list[str]:
    with zipfile.ZipFile(path) as docx:
        root = etree.fromstring(docx.read("word/document.xml"))
    out = []
    for paragraph in root.iter(W + "p"):
        out += _spaced_boundaries("".join(t.text or "" for t in paragraph.iter(W + "t")))
    return out


def _built(tmp_path, source_text: str):
    source = tmp_path / "res.md"
    source.write_text(source_text, encoding="utf-8")
    out = build_ok([source], tmp_path / "out", timeout=600)
    return out / "res.pdf", out / "res.html", out / "res.docx"


def _source_spaced(source_text: str) -> list[str]:
    body = source_text.split("\n---\n", 1)[1]
    body = re.sub(r"\]\(<[^>]*>\)|\[\^\d+\]|[*\[]", "", body)
    return [spaced for line in body.splitlines() for spaced in _spaced_boundaries(line)]


# Each example is a full build: no shrinking (a failure names the whole document and the gap).
@settings(max_examples=6, deadline=None, phases=(Phase.explicit, Phase.generate), suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(document())
def test_no_space_is_printed_at_a_boundary_the_source_has_none(tmp_path_factory, source_text):
    assert _source_spaced(source_text) == []      # the variants have no space at these boundaries
    pdf, html, docx = _built(tmp_path_factory.mktemp("cjk"), source_text)
    assert pdf_boundary_gaps(pdf) == []
    assert html_spaced(html) == []
    assert docx_spaced(docx) == []


S_RES_2557 = CORPUS / "un-akn-sc" / "2020" / "Chinese" / "S_RES_2557 (2020)-2017451C.xml"


@pytest.mark.skipif(not S_RES_2557.exists(), reason="the UN corpus is not here")
def test_the_councils_chinese_2557_prints_its_links_without_a_space(tmp_path):
    import subprocess
    import sys

    source = tmp_path / "x.md"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "import", str(S_RES_2557), "-o", str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    out = build_ok([source], tmp_path / "out", timeout=600)
    assert "第[2255(2015)](" in source.read_text(encoding="utf-8")
    assert pdf_boundary_gaps(out / "x.pdf") == []
    assert html_spaced(out / "x.html") == []
    assert docx_spaced(out / "x.docx") == []
