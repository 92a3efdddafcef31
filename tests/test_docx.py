"""The DOCX writer, read back with python-docx and as raw OOXML."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import re
import warnings
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from unres.writers.docx import body as docx_pandoc, reference as docx_reference
from unres.writers.docx.ooxml import PPR_ORDER, TC_BORDERS_ORDER
from unres.model.document import Annex, Emph, Heading, Link, OperativeParagraph, Paragraph, SubParagraph, Text
from unres.readers.markdown.reader import read_source
from unres.model.transforms import finalize
from unres.writers.docx import writer as docx_writer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBERED = re.compile(r"^(\d+)\.\t")


@pytest.fixture(scope="module")
def res():
    return read_source(str(SOURCE))


@pytest.fixture(scope="module")
def data(res):
    return docx_writer.render(res, {})


@pytest.fixture(scope="module")
def doc(data):
    return Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def mm(length) -> float:
    """A length in millimetres, to the tenth (Word stores twentieths of a point)."""
    return round(length.mm, 1)


def numbered_paragraphs(doc):
    return [p for p in doc.paragraphs if NUMBERED.match(p.text)]


def render_changed(res, change):
    """Render a copy of ``res`` after ``change`` edits it (then renumbered)."""
    other = copy.deepcopy(res)
    change(other)
    return docx_writer.render(finalize(other), {})


# ---------------------------------------------------------------- body
def test_operative_paragraphs_are_literal_numbers_in_single_txt_g(doc):
    paras = numbered_paragraphs(doc)
    assert [int(NUMBERED.match(p.text).group(1)) for p in paras] == list(range(1, 32))
    assert {p.style.name for p in paras} == {"SingleTxtG"}
    # The number is text followed by a Word tab, not list numbering.
    first_run = paras[0].runs[0]._r
    assert first_run.find(f"{W}t").text == "1."
    assert first_run.find(f"{W}tab") is not None


def test_no_word_list_numbering_anywhere(data):
    assert part(data, "word/document.xml").find(f".//{W}numPr") is None


def test_opening_phrases_stay_italic(doc):
    paras = numbered_paragraphs(doc)
    italic = [r.text for r in paras[0].runs if r.italic]
    assert italic == ["Reaffirms"]
    preambular = [p for p in doc.paragraphs if p.text.startswith("Recalling also")]
    assert preambular and preambular[0].runs[0].italic
    formula = [p for p in doc.paragraphs if p.text == "The Human Rights Council,"]
    # Set as the body text, in a style of its own that says it is the formula.
    assert formula and formula[0].style.name == "FormulaG" and formula[0].runs[0].italic
    assert formula[0].style.base_style.name == "SingleTxtG"


def test_headings_use_geneva_styles(doc):
    by_style = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["HChG"] == ["Resolution adopted by the Human Rights Council on 5\u00a0July\u00a02018"]
    assert by_style["H1G"] == ["38/3.\tEnhancement of international cooperation in the field of human rights"]


def test_styles_name_times_new_roman_and_footnote_size(doc):
    styles = doc.styles
    for name in ("SingleTxtG", "HChG", "H1G", "H23G", "Footnote Text"):
        assert styles[name].font.name == "Times New Roman", name
    assert styles["Footnote Text"].font.size == Pt(9)
    assert styles["SingleTxtG"].font.size is None  # inherits 10 pt from Normal
    assert styles["Normal"].font.size == Pt(10)
    assert styles["HChG"].font.size == Pt(14) and styles["HChG"].font.bold
    assert styles["H1G"].font.size == Pt(12) and styles["H1G"].font.bold
    body = styles["SingleTxtG"].paragraph_format
    assert mm(body.left_indent) == mm(body.right_indent) == 20
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_closing_matter(doc, res):
    texts = [p.text for p in doc.paragraphs]
    assert "37th meeting\n5\u00a0July\u00a02018" in texts
    note = texts.index("[Adopted by a recorded vote of 28 to 14, with 3 abstentions. "
                       "The voting was as follows:")
    assert texts[note + 1] == "In favour:"
    assert texts[note + 2].startswith("Angola, Burundi")
    assert texts[note + 6] == "Afghanistan, Brazil, Mexico]"
    assert doc.paragraphs[-1].style.name == "EndRuleG"


# ---------------------------------------------------------------- footnote
def test_footnote_is_a_real_word_footnote_called_in_paragraph_19(data, doc):
    notes = part(data, "word/footnotes.xml")
    real = [n for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert len(real) == 1
    assert "".join(real[0].itertext()).strip() == "A/HRC/37/79."
    assert real[0].find(f".//{W}pStyle").get(f"{W}val") == "FootnoteText"

    para19 = numbered_paragraphs(doc)[18]
    assert para19.text.startswith("19.\t")
    refs = para19._p.findall(f".//{W}footnoteReference")
    assert [r.get(f"{W}id") for r in refs] == [real[0].get(f"{W}id")]
    # Called at the end of the paragraph, after the semicolon.
    last_run = para19._p.findall(f"{W}r")[-1]
    assert last_run.find(f"{W}footnoteReference") is not None
    assert para19.text.endswith("Human Rights;")
    # No other paragraph calls a footnote.
    assert len(part(data, "word/document.xml").findall(f".//{W}footnoteReference")) == 1


def test_footnote_number_then_tab(data):
    note = [n for n in part(data, "word/footnotes.xml").findall(f"{W}footnote")
            if n.get(f"{W}type") is None][0]
    runs = note.find(f"{W}p").findall(f"{W}r")
    shape = ["tab" if r.find(f"{W}tab") is not None else
             "ref" if r.find(f"{W}footnoteRef") is not None else "text" for r in runs]
    assert shape[:3] == ["ref", "tab", "text"]


# ---------------------------------------------------------------- page
def test_page_setup_is_a4_with_un_margins(data, doc):
    section = doc.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    # The masthead stands 10 mm from the top; later pages' running header (its style's
    # spacing) pushes their text down to 30 mm.
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (10, 37.5)
    assert mm(section.left_margin) == mm(section.right_margin) == 20
    assert (mm(section.header_distance), mm(section.footer_distance)) == (2, 24.9)
    assert section.different_first_page_header_footer
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    sect = part(data, "word/document.xml").find(f".//{W}sectPr")
    assert sect.find(f"{W}titlePg") is not None


def test_running_headers_carry_the_symbol(doc):
    section = doc.sections[0]
    odd = section.header.paragraphs[0]
    even = section.even_page_header.paragraphs[0]
    assert odd.text == even.text == "A/HRC/RES/38/3"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert section.first_page_header.paragraphs[0].text == ""
    for footer in (section.footer, section.even_page_footer):
        instr = "".join(t.text for t in footer._element.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
    assert section.first_page_footer.paragraphs[0].text == ""


def test_first_page_footer_prints_the_job_number(res):
    def with_job(r):
        r.meta = dataclasses.replace(r.meta, job_number="GE.18-11661(E)")
    doc = Document(io.BytesIO(render_changed(res, with_job)))
    assert doc.sections[0].first_page_footer.paragraphs[0].text == "GE.18-11661(E)"


def test_masthead_table_opens_the_document(data, doc):
    body = part(data, "word/document.xml").find(f"{W}body")
    # A one-point empty paragraph holds the first page's settings, then the masthead.
    assert body[0].tag == f"{W}p" and body[0].find(f".//{W}t") is None
    assert body[0].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "HairlineG"
    assert body[1].tag == f"{W}tbl"
    table = doc.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][1:] == ["United Nations", "A/HRC/RES/38/3"]
    assert cells[1][1] == "General Assembly"
    assert cells[1][2] == "Distr.: General\n16\u00a0July\u00a02018\n\nOriginal: English"
    symbol = table.rows[0].cells[2].paragraphs[0].runs
    assert [(r.text, r.font.size) for r in symbol] == [("A", Pt(20)), ("/HRC/RES/38/3", Pt(10))]
    organ = [p.text for p in doc.paragraphs[1:5]]
    assert organ == ["Human Rights Council", "Thirty-eighth session", "18\u00a0June–6\u00a0July\u00a02018",
                     "Agenda item 3"]


# ---------------------------------------------------------------- properties, reproducibility
def test_core_properties_come_from_the_source(doc):
    core = doc.core_properties
    assert core.title == "Enhancement of international cooperation in the field of human rights"
    assert core.subject == "A/HRC/RES/38/3"
    assert core.language == "en"
    assert core.created == core.modified == dt.datetime(2018, 7, 16, tzinfo=dt.timezone.utc)
    lang = doc.styles.element.find(f"{W}docDefaults").find(f".//{W}lang")
    assert lang.get(f"{W}val") == "en-GB"


def test_same_source_same_bytes(res, data):
    assert docx_writer.render(res, {}) == data
    stamps = {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert stamps == {(2018, 7, 16, 0, 0, 0)}


def test_source_date_epoch_sets_the_modified_date(res, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1531699200")   # 2018-07-16T00:00:00Z
    same = docx_writer.render(res, {})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    later = Document(io.BytesIO(docx_writer.render(res, {})))
    assert later.core_properties.modified == dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1531699200")
    assert docx_writer.render(res, {}) == same


# ---------------------------------------------------------------- hostile text, structure
HOSTILE = "{{ 7*7 }} {% if x %} <script>alert(1)</script> & < > *not italic* [^9] \\ $x$ `code`"


def test_source_text_is_never_interpreted(res):
    def poison(r):
        r.parts[0].operative[0].inlines = [Emph([Text("Reaffirms")]), Text(" " + HOSTILE)]
        r.meta = dataclasses.replace(r.meta, title=HOSTILE)
    data = render_changed(res, poison)
    doc = Document(io.BytesIO(data))
    first = numbered_paragraphs(doc)[0]
    assert first.text == "1.\tReaffirms " + HOSTILE
    assert [r.text for r in first.runs if r.italic] == ["Reaffirms"]
    assert [p.text for p in doc.paragraphs if p.style.name == "H1G"] == ["38/3.\t" + HOSTILE]
    assert doc.core_properties.title == HOSTILE
    assert b"<script>" not in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_links_keep_safe_targets_only(res):
    def links(r):
        r.parts[0].operative[1].inlines = [
            Text("See "), Link("https://undocs.org/A/HRC/37/79", [Text("A/HRC/37/79")]),
            Text(" and "), Link("javascript:alert(1)", [Text("this")]), Text(";")]
    data = render_changed(res, links)
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert "https://undocs.org/A/HRC/37/79" in rels
    assert "javascript" not in rels
    doc = Document(io.BytesIO(data))
    assert numbered_paragraphs(doc)[1].text == "2.\tSee A/HRC/37/79 and this;"


def test_sub_paragraphs_and_annex(res):
    def nest(r):
        para = r.parts[0].operative[4]
        para.children = [
            SubParagraph([Text("first;")], children=[SubParagraph([Text("inner;")])]),
            SubParagraph([Text("second;")]),
        ]
        para.wrapup = [Text("and closes.")]
        r.annexes = [Annex("Annex", [Text("Terms")], [
            Heading(2, [Text("General")]),
            Paragraph([Text("Unnumbered text.")]),
            OperativeParagraph([Text("Numbered text.")]),
        ])]
    doc = Document(io.BytesIO(render_changed(res, nest)))
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    at = texts.index(("SingleTxtG Sub1", "(a)\tfirst;"))
    assert texts[at - 1][1].startswith("5.\t")
    assert texts[at + 1] == ("SingleTxtG Sub2", "(i)\tinner;")
    assert texts[at + 2] == ("SingleTxtG Sub1", "(b)\tsecond;")
    assert texts[at + 3] == ("SingleTxtG", "and closes.")
    annex = texts.index(("AnnexG", "Annex"))
    assert texts[annex + 1:annex + 5] == [
        ("H1G Annex", "Terms"), ("H23G", "General"), ("SingleTxtG", "Unnumbered text."),
        ("SingleTxtG", "1.\tNumbered text.")]
    assert texts[-1][0] == "EndRuleG" and annex < len(texts) - 1
    # The annex starts on a new page; its label and title are centred, as in the PDF.
    assert doc.styles["AnnexG"].paragraph_format.page_break_before
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    assert doc.styles["AnnexG"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc.styles["H1G Annex"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


# ---------------------------------------------------------------- Word's strictness
def test_hand_made_elements_follow_schema_order(data):
    # Word refuses a file whose paragraph properties or borders come out of order.
    package = zipfile.ZipFile(io.BytesIO(data))
    checked = 0
    for name in package.namelist():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = etree.fromstring(package.read(name))
        for parent, order in [(p, PPR_ORDER) for p in root.iter(f"{W}pPr")] + \
                             [(b, TC_BORDERS_ORDER) for b in root.iter(f"{W}tcBorders")]:
            ranks = [order.index(etree.QName(child).localname) for child in parent]
            assert ranks == sorted(ranks), (name, [etree.QName(c).localname for c in parent])
            checked += 1
    assert checked > 50


# ---------------------------------------------------------------- tools
def test_pandoc_writes_docx_under_sandbox():
    # unres.pandoc passes --sandbox on every call; this is the DOCX path through it.
    blocks = [{"t": "Para", "c": [{"t": "Str", "c": "x"},
                                  {"t": "Note", "c": [{"t": "Para", "c": [{"t": "Str", "c": "n"}]}]}]}]
    out = docx_pandoc.to_docx(blocks, str(docx_reference.reference_path()))
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert "word/document.xml" in names and "word/footnotes.xml" in names


def test_reference_document_is_built_once_per_process():
    assert docx_reference.reference_path() is docx_reference.reference_path()
    assert docx_reference.reference_path().is_file()


def test_long_title_fits_the_core_properties(source_file):
    """Word's core properties stop at 255 characters; the heading keeps the whole title."""
    from conftest import FRONT
    title = "Mandate of the working group " * 12
    res = read_source(str(source_file(FRONT.replace("title: A test resolution", f"title: {title.strip()}"))))
    doc = Document(io.BytesIO(docx_writer.render(res, {})))
    assert len(doc.core_properties.title) == 255 and doc.core_properties.title.endswith("…")
    assert any(title.strip() in p.text for p in doc.paragraphs)


def test_paragraph_styles_are_set_as_python_docx_sets_them(data):
    """finish sets styles through a table made once per document; the XML is what python-docx's
    own setter writes, the default paragraph style as no w:pStyle."""
    from docx.enum.style import WD_STYLE_TYPE
    from unres.writers.docx.finish import paragraph_styles

    ours, theirs = Document(io.BytesIO(data)), Document(io.BytesIO(data))
    # The style objects themselves, not looked up by name: python-docx looks a name up in Word's
    # spelling ("Caption" as "caption"), and this reference document spells one otherwise.
    styles = {s.name: s for s in theirs.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    names = list(styles)
    assert "Normal" in names and "HairlineG" in names
    style = paragraph_styles(ours)
    # Every name is found by name: never through the lookup by style id python-docx is dropping.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in names:
            style(ours.add_paragraph("x"), name)
    for name in names:
        theirs.add_paragraph("x").style = styles[name]
    # and every paragraph restyled, most of them having a style already
    for index, (mine, other) in enumerate(zip(ours.paragraphs, theirs.paragraphs)):
        name = names[index % len(names)]
        style(mine, name)
        other.style = styles[name]
    assert etree.tostring(ours.element.body) == etree.tostring(theirs.element.body)
    character = next(s.name for s in theirs.styles if s.type == WD_STYLE_TYPE.CHARACTER)
    with pytest.raises(ValueError):
        style(ours.add_paragraph("x"), character)


def test_package_entries_are_what_python_docx_saves(data):
    """The finished DOCX is zipped once, from the entries python-docx's save would write:
    the same names, in the same order, with the same bytes."""
    from unres.writers.docx.finish import package_entries

    doc = Document(io.BytesIO(data))
    saved = io.BytesIO()
    doc.save(saved)
    with zipfile.ZipFile(saved) as zf:
        expected = [(name, zf.read(name)) for name in zf.namelist()]
    assert [(name, blob) for name, blob in package_entries(doc)] == expected
    assert len(expected) > 10


@pytest.mark.parametrize("defaults", ["as built", "none", "two", "spelled true", "switched off"])
def test_paragraph_styles_are_given_as_python_docx_gives_them(defaults):
    """The finishing step's style setter writes each paragraph's w:pStyle as python-docx's
    ``paragraph.style = name`` does (none for the default paragraph style), whichever
    paragraph style the reference marks default, if any."""
    from docx.oxml.ns import qn
    from unres.writers.docx.finish import paragraph_styles

    names = ("Normal", "SingleTxtG", "Header", "HairlineG", "EndRuleG", "MastheadG")
    mine, theirs = (Document(io.BytesIO(docx_reference.build_reference())) for _ in range(2))
    for document in (mine, theirs):
        styles = [s for s in document.styles.element.iterchildren(qn("w:style"))
                  if s.get(qn("w:type")) == "paragraph"]
        if defaults == "none":
            for s in styles:
                s.attrib.pop(qn("w:default"), None)
        elif defaults == "two":
            styles[-1].set(qn("w:default"), "1")
        elif defaults == "spelled true":
            styles[3].set(qn("w:default"), "true")
        elif defaults == "switched off":
            for s in styles:
                if s.get(qn("w:default")):
                    s.set(qn("w:default"), "0")
    apply = paragraph_styles(mine)
    for name in names:
        apply(mine.add_paragraph(), name)
        theirs.add_paragraph().style = name
    assert [etree.tostring(p._p) for p in mine.paragraphs] == [etree.tostring(p._p) for p in theirs.paragraphs]
    assert defaults != "as built" or mine.paragraphs[-len(names)]._p.style is None    # Normal: no w:pStyle
