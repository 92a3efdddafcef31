"""The UN's H4 heading in an annex is 10 pt italic, not bold (75/293's department names, 75/284's
"Progress and gaps", S-32/1's "Preventive measures"). The import read a paragraph of the style
H4 in an annex at H23's level (5) and kept its italics, from a table of its own that disagreed
with the one the operative headings use; the PDF set every annex heading bold, so those printed
bold italic. Now one table gives the level (H4 is ######, its italics the style's), and an annex's
###### prints as H4 in the PDF, the HTML and the DOCX (style H4G)."""
from __future__ import annotations

import textwrap
import zipfile

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from lxml import etree

from conftest import BUDGET_FRONT, CORPUS, build_ok
from unres.model.document import Emph, Heading, walk_inlines
from unres.readers.akn.reader import import_akn

GA75 = CORPUS / "un-akn-ga" / "75session" / "English"
FILES = ["A_RES_75_293-2108996E.xml", "75_284_E.xml", "A_RES_S-32_1-2107229E.xml"]
needs_corpus = pytest.mark.skipif(not GA75.is_dir(), reason=f"UN AKN corpus not found at {GA75}")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SOURCE = BUDGET_FRONT + textwrap.dedent("""\

    *The General Assembly*,

    1. *Approves* the redeployment set out in the annex to the present resolution.

    # Annex

    ##### Redeployment

    ###### Department of Operational Support/Office of Support Operations

    Redeployment of 2 posts from the Capacity Development and Operational Training Service.
    """)


@needs_corpus
@pytest.mark.parametrize("name", FILES)
def test_an_annex_paragraph_of_the_h4_style_is_an_h4_heading(name):
    root = etree.parse(str(GA75 / name)).getroot()
    styled = [p for p in root.iter("{*}paragraph") if (p.get("class") or "") == "H4"
              and any(a.tag.endswith("attachment") for a in p.iterancestors())]
    assert styled, f"{name} has no H4 paragraph in an annex"
    res, _warnings = import_akn(GA75 / name)
    headings = [b for annex in res.annexes for b in annex.blocks if isinstance(b, Heading)]
    h4 = [h for h in headings if h.level == 6]
    assert len(h4) >= len([p for p in styled if "".join(p.itertext()).strip()])
    assert not [h for h in h4 if any(isinstance(n, Emph) for n in walk_inlines(h.inlines))]


def _fonts_of(pdf_path, words: str) -> set:
    """The base names of the fonts the PDF draws ``words`` in."""
    document = pdfium.PdfDocument(str(pdf_path))
    names = set()
    for number in range(len(document)):
        text = document[number].get_textpage()
        whole = text.get_text_range()
        at = whole.find(words)
        if at < 0:
            continue
        for i in range(at, at + len(words)):
            if not whole[i].strip():
                continue
            buffer = bytes(256)
            length = pdfium_c.FPDFText_GetFontInfo(text.raw, i, buffer, len(buffer), None)
            names.add(buffer[:max(0, length - 1)].decode("latin-1"))
    return names


def test_an_annexs_h4_prints_italic_not_bold(tmp_path):
    source = tmp_path / "res.md"
    source.write_text(SOURCE, encoding="utf-8")
    out = build_ok([source], tmp_path / "out")
    fonts = _fonts_of(out / "res.pdf", "Department of Operational Support")
    assert fonts and all("Italic" in f and "Bold" not in f for f in fonts), fonts
    assert all("Bold" in f for f in _fonts_of(out / "res.pdf", "Redeployment")), "H23 stays bold"
    page = (out / "res.html").read_text(encoding="utf-8")
    assert 'class="annex-heading level-6"' in page
    with zipfile.ZipFile(out / "res.docx") as docx:
        document = etree.fromstring(docx.read("word/document.xml"))
        styles = etree.fromstring(docx.read("word/styles.xml"))
    style_of = {"".join(p.itertext()): p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
                for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None}
    style_id = style_of["Department of Operational Support/Office of Support Operations"]
    style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == style_id)
    assert style.find(f"{W}name").get(f"{W}val") == "H4G"
    rpr = style.find(f"{W}rPr")
    assert rpr.find(f"{W}i") is not None
    bold = rpr.find(f"{W}b")
    assert bold is not None and bold.get(f"{W}val") in ("0", "false")
