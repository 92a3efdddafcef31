"""What pandoc cannot do to the DOCX, done with python-docx and at the zip level.

Page set-up (A4, UN margins, different first page, different even and odd
pages), running headers and footers, the first-page masthead table, the
closing rule, core properties and language, literal tabs as Word tabs, the
footnotes' number tab, and a zip whose every byte depends on the source only.
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import threading
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.section import WD_HEADER_FOOTER
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from lxml import etree

from ...xmlsafe import safe_parser

from ...model import languages
from ...model.document import Resolution
from ...model.document_date import document_instant
from ...model.presentation import Presentation
from .bidi_runs import split_runs
from .ooxml import PPR_ORDER, TBLPR_ORDER, TC_BORDERS_ORDER, insert_ordered

# Word wants a region with the language; UN documents use these.
WORD_LANGUAGE = {"ar": "ar-SA", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR",
                 "ru": "ru-RU", "es": "es-ES"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)   # the zip format's first day


# ---------------------------------------------------------------- styles
def paragraph_styles(doc):
    """A function that gives a paragraph the document's paragraph style of this name, as
    python-docx's ``paragraph.style = ...`` does (the default paragraph style is written as
    no w:pStyle at all). python-docx looks the default style up by scanning every style of
    the reference document through its descriptors on each call; here lxml finds it once per
    document, as python-docx's ``default_for`` defines it (the last paragraph style marked
    default)."""
    styles = doc.styles
    default = None
    for element in styles.element.iterchildren(qn("w:style")):
        if element.get(qn("w:type"), "paragraph") == "paragraph" and \
                element.get(qn("w:default"), "0") in ("1", "true", "on"):
            default = element
    found = {}

    def apply(paragraph, name: str) -> None:
        style = found.get(name)
        if style is None:
            # By the name in Word's spelling, as python-docx looks it up, else in the document's
            # own (pandoc's reference document spells "caption" "Caption"); never by style id,
            # a lookup python-docx warns is going.
            element = styles.element.get_by_name(BabelFish.ui2internal(name))
            if element is None:
                element = styles.element.get_by_name(name)
            if element is None:
                raise KeyError(f"no style with name {name!r}")
            style = found[name] = StyleFactory(element)
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                raise ValueError(f"style {name!r} is not a paragraph style")
        paragraph._p.style = None if style.element is default else style.style_id
    return apply


# ---------------------------------------------------------------- page
def page_setup(doc, page: dict) -> None:
    for section in doc.sections:
        section.page_width = Mm(page["width"])
        section.page_height = Mm(page["height"])
        section.top_margin = Mm(page["top"])
        section.bottom_margin = Mm(page["bottom"])
        section.left_margin = Mm(page["left"])
        section.right_margin = Mm(page["right"])
        section.header_distance = Mm(page["header"])
        section.footer_distance = Mm(page["footer"])
        section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True


def page_field(paragraph) -> None:
    """A PAGE field, with "1" as its last computed value."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


# Each section's six header and footer parts in the order they are added, with the words
# of each part's w:t elements (the page number's last value "1" among them).
_PARTS = (("header", WD_HEADER_FOOTER.PRIMARY), ("header", WD_HEADER_FOOTER.EVEN_PAGE),
          ("footer", WD_HEADER_FOOTER.PRIMARY), ("footer", WD_HEADER_FOOTER.EVEN_PAGE),
          ("header", WD_HEADER_FOOTER.FIRST_PAGE), ("footer", WD_HEADER_FOOTER.FIRST_PAGE))
# The parts' elements as python-docx built them for the first document of each shape.
_HEADERS_MADE: dict = {}
# A worker finishes documents in several threads: the kept elements are copied one at a time.
_MADE_LOCK = threading.Lock()


def _copies(made: dict, key):
    """Copies of the elements kept under ``key``, None when there are none."""
    with _MADE_LOCK:
        kept = made.get(key)
        return None if kept is None else [copy.deepcopy(el) for el in kept]


def _keep(made: dict, key, elements) -> None:
    with _MADE_LOCK:
        made.setdefault(key, [copy.deepcopy(el) for el in elements])


def _part_texts(res: Resolution) -> list:
    symbol, job = res.meta.symbol, res.meta.job_number
    return [[symbol] if symbol else [], [symbol] if symbol else [], ["1"], ["1"], [],
            [job] if job else []]


def _definitions(doc, section) -> list:
    return [getattr(section, {"header": {WD_HEADER_FOOTER.PRIMARY: "header",
                                          WD_HEADER_FOOTER.EVEN_PAGE: "even_page_header",
                                          WD_HEADER_FOOTER.FIRST_PAGE: "first_page_header"},
                              "footer": {WD_HEADER_FOOTER.PRIMARY: "footer",
                                         WD_HEADER_FOOTER.EVEN_PAGE: "even_page_footer",
                                         WD_HEADER_FOOTER.FIRST_PAGE: "first_page_footer"}}[kind][index])
            for kind, index in _PARTS]


def headers_and_footers(doc, res: Resolution, style) -> None:
    """The running headers and footers: copies of those python-docx built for the first
    document of this shape, related and referenced as python-docx relates a new part, with
    this document's symbol and job number; python-docx builds them where there are none yet,
    where a section already has one, or where a text holds a tab or a line end."""
    texts = _part_texts(res)
    sections = list(doc.sections)
    plain = all(c not in text for words in texts for text in words for c in "\t\n\r")
    fresh = all(s._sectPr.find(qn("w:headerReference")) is None and
                s._sectPr.find(qn("w:footerReference")) is None for s in sections)
    key = tuple(tuple(bool(t) for t in words) for words in texts)
    made = _copies(_HEADERS_MADE, key) if plain and fresh and len(sections) == 1 else None
    if made is None:
        build_headers_and_footers(doc, res, style)
        if plain and fresh and len(sections) == 1:
            _keep(_HEADERS_MADE, key, [d._element for d in _definitions(doc, sections[0])])
        return
    package, document_part = doc.part.package, doc.part
    for section in sections:
        for (kind, index), element, words in zip(_PARTS, made, texts):
            fill_texts(element, words)
            if kind == "header":
                part = HeaderPart(package.next_partname("/word/header%d.xml"), CT.WML_HEADER, element, package)
                section._sectPr.add_headerReference(index, document_part.relate_to(part, RT.HEADER))
            else:
                part = FooterPart(package.next_partname("/word/footer%d.xml"), CT.WML_FOOTER, element, package)
                section._sectPr.add_footerReference(index, document_part.relate_to(part, RT.FOOTER))


def fill_texts(element, words) -> None:
    """The element's w:t elements, in order, given ``words`` as python-docx's add_t writes
    a text (white space at either end kept by xml:space)."""
    for t, text in zip(element.iter(qn("w:t")), words):
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")
        else:
            t.attrib.pop(qn("xml:space"), None)


def build_headers_and_footers(doc, res: Resolution, style) -> None:
    symbol = res.meta.symbol
    for section in doc.sections:
        for header, align in ((section.header, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT)):
            header.is_linked_to_previous = False
            p = header.paragraphs[0]
            style(p, "Header")
            p.alignment = align
            p.add_run(symbol)
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            style(p, "Footer")
            p.alignment = align
            page_field(p)
        # The first page carries the masthead instead of a running header.
        first = section.first_page_header
        first.is_linked_to_previous = False
        style(first.paragraphs[0], "HairlineG")
        first_footer = section.first_page_footer
        first_footer.is_linked_to_previous = False
        p = first_footer.paragraphs[0]
        style(p, "Normal")
        if res.meta.job_number:
            p.add_run(res.meta.job_number).font.size = Pt(10)


# ---------------------------------------------------------------- masthead
def border(cell, edge: str, width_pt: float | None) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = tcpr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tcpr.append(borders)
    line = OxmlElement(f"w:{edge}")
    if width_pt:
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(round(width_pt * 8)))
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "auto")
    else:
        line.set(qn("w:val"), "nil")
    insert_ordered(borders, line, TC_BORDERS_ORDER)


def cell_text(cell, style, lines, size: float, bold: bool = False) -> None:
    """Fill a cell with one paragraph per line (an empty line stays empty); ``style`` gives
    each its style."""
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        style(p)
        if line:
            run = p.add_run(line)
            run.font.size = Pt(size)
            run.font.bold = bold


# The masthead's table and the paragraph before it, as python-docx built them for the first
# document of each shape in this process: what differs between two documents of one shape is
# only the text of its w:t elements (the reference document and the page layout, which also
# shape it, are this process's own, read once).
_MASTHEAD_MADE: dict = {}


def masthead(doc, res: Resolution, pres: Presentation, layout: dict, styles) -> None:
    """The first-page masthead, a copy of the one built for this shape with this document's
    words; python-docx builds it where there is none yet, or where a text holds a tab or a line
    end (which python-docx writes as elements of their own)."""
    texts = masthead_texts(pres)
    if any(c in text for text in texts for c in "\t\n\r"):
        build_masthead(doc, res, pres, layout, styles)
        return
    key = (tuple(bool(text) for text in texts), pres.dir == "rtl", id(layout))
    made = _copies(_MASTHEAD_MADE, key)
    body_el = doc.element.body
    if made is None:
        build_masthead(doc, res, pres, layout, styles)
        _keep(_MASTHEAD_MADE, key, (body_el[0], body_el[1]))
        return
    anchor, table = made
    fill_texts(table, [text for text in texts if text])
    body_el.insert(0, table)
    body_el.insert(0, anchor)


def masthead_texts(pres: Presentation) -> list:
    """The masthead's lines in the order its cells hold them (an empty one has no run)."""
    return [pres.united_nations, pres.symbol_head, *([pres.symbol_tail] if pres.symbol_tail else []),
            pres.masthead_organ, pres.distr, pres.issue_date, *distribution_lines(pres)]


def build_masthead(doc, res: Resolution, pres: Presentation, layout: dict, styles) -> None:
    widths = [Mm(w) for w in layout["columns"]]
    table = doc.add_table(rows=len(layout["rows"]), cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tblpr = table._tbl.tblPr
    for tag in ("w:tblStyle", "w:tblLook"):
        for el in tblpr.findall(qn(tag)):
            tblpr.remove(el)
    tblw = tblpr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tblpr.append(tblw)
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(sum(w.twips for w in widths)))
    # No cell padding: the cells' text stands where the PDF sets it, the symbol flush with
    # the right margin (a word processor's default padding moves both ends by 1.9 mm).
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        side = OxmlElement(f"w:{edge}")
        side.set(qn("w:w"), "0")
        side.set(qn("w:type"), "dxa")
        margins.append(side)
    insert_ordered(tblpr, margins, TBLPR_ORDER)
    for col, width in zip(table.columns, widths):
        col.width = width
    for row, spec in zip(table.rows, layout["rows"]):
        row.height = Mm(spec["height"])
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        for cell, width in zip(row.cells, widths):
            cell.width = width
            for edge in ("top", "left", "right"):
                border(cell, edge, None)
            border(cell, "bottom", spec["bottom_rule"])

    def style(paragraph):
        styles(paragraph, "MastheadG")
    top, body = table.rows[0].cells, table.rows[1].cells
    for cell in top:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    cell_text(top[0], style, [""], 10)
    cell_text(top[1], style, [pres.united_nations],
              layout["united_nations_size"])
    p = top[2].paragraphs[0]
    style(p)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    symbol_runs = [p.add_run(pres.symbol_head)]
    symbol_runs[0].font.size = Pt(layout["symbol_head_size"])
    if pres.symbol_tail:
        symbol_runs.append(p.add_run(pres.symbol_tail))
        symbol_runs[1].font.size = Pt(layout["symbol_tail_size"])
    p.paragraph_format.line_spacing = Pt(layout["symbol_line"])
    p.paragraph_format.space_after = Mm(layout["symbol_after"])
    if pres.dir == "rtl":
        for run in symbol_runs:     # the symbol reads left to right inside a right-to-left page
            _set_rtl(run._r.get_or_add_rPr(), "0")
    # The emblem slot stays empty: the UN emblem's use is restricted.
    cell_text(body[0], style, [""], 10)
    cell_text(body[1], style, [pres.masthead_organ], layout["parent_organ_size"], bold=True)
    cell_text(body[2], style, [pres.distr, pres.issue_date] + distribution_lines(pres), layout["distribution_size"])
    if pres.dir == "rtl" and not languages.is_right_to_left(pres.masthead_lang):
        # Set in English on an Arabic page: its lines read left to right, as whole paragraphs
        # ("30 November 2020", not "November 2020 30"), as the PDF sets them.
        for paragraph in body[2].paragraphs:
            left_to_right(paragraph._p)
    united = top[1].paragraphs[0].paragraph_format
    united.line_spacing, united.space_after = Pt(layout["united_nations_line"]), Mm(layout["united_nations_after"])
    organ = body[1].paragraphs[0].paragraph_format
    organ.line_spacing, organ.space_before = Pt(layout["parent_organ_line"]), Mm(layout["parent_organ_before"])
    body[2].paragraphs[0].paragraph_format.space_before = Mm(layout["distribution_before"])

    # add_table appends; the masthead belongs before everything else, after a hairline
    # paragraph that holds the first page's settings.
    body_el = doc.element.body
    body_el.remove(table._tbl)
    body_el.insert(0, table._tbl)
    anchor = doc.add_paragraph()
    styles(anchor, "HairlineG")
    body_el.remove(anchor._p)
    body_el.insert(0, anchor._p)


def distribution_lines(pres) -> list:
    """The lines under the issue date: a blank, then "Original: …" and the language line in the
    order the presentation gives."""
    language = [pres.language_line] if pres.language_line else []
    original = [pres.original] if pres.original else []
    lines = language + original if pres.language_line_above else original + language
    return ([""] if pres.original else []) + lines


# ---------------------------------------------------------------- body
def literal_tabs(root) -> None:
    """pandoc writes a tab inside <w:t>; Word wants a <w:tab/> element."""
    for t in list(root.iter(qn("w:t"))):
        if t.text is None or "\t" not in t.text:
            continue
        pieces = t.text.split("\t")
        run = t.getparent()
        at = run.index(t)
        run.remove(t)
        nodes = []
        for i, piece in enumerate(pieces):
            if i:
                nodes.append(OxmlElement("w:tab"))
            if piece:
                el = OxmlElement("w:t")
                el.set(qn("xml:space"), "preserve")
                el.text = piece
                nodes.append(el)
        for offset, node in enumerate(nodes):
            run.insert(at + offset, node)


def language(doc, lang: str) -> None:
    word_lang = WORD_LANGUAGE.get(lang, lang)
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:val"), word_lang)
    if lang == "ar":
        el.set(qn("w:bidi"), word_lang)


# ECMA-376 Part 1 sequences of the elements right_to_left adds to.
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
              "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
              "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
              "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
              "specVanish", "oMath")
_SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
                 "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
                 "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
                 "printerSettings", "sectPrChange")


def _set_rtl(rpr, value: str | None = None) -> None:
    el = rpr.find(qn("w:rtl"))
    if el is None:
        el = OxmlElement("w:rtl")
        insert_ordered(rpr, el, _RPR_ORDER)
    if value is not None:
        el.set(qn("w:val"), value)


def left_to_right(p, align: str | None = None) -> None:
    """A paragraph of a right-to-left document that reads left to right (``w:bidi`` off), set
    to ``align`` if given."""
    ppr = p.get_or_add_pPr()
    for tag, value in (("w:bidi", "0"), ("w:jc", align)):
        if value is None:
            continue
        el = ppr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            insert_ordered(ppr, el, PPR_ORDER)
        el.set(qn("w:val"), value)


def right_to_left(doc) -> None:
    """An Arabic document: every paragraph and run right to left by default (w:bidi, w:rtl), the
    masthead table mirrored and the section's pages bound on the right, as the UN prints it."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        ppr_default.append(ppr)
    if ppr.find(qn("w:bidi")) is None:
        insert_ordered(ppr, OxmlElement("w:bidi"), PPR_ORDER)
    _set_rtl(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for tblpr in doc.element.body.iter(qn("w:tblPr")):
        if tblpr.find(qn("w:bidiVisual")) is None:
            insert_ordered(tblpr, OxmlElement("w:bidiVisual"), TBLPR_ORDER)
    for sectpr in doc.element.body.iter(qn("w:sectPr")):
        if sectpr.find(qn("w:bidi")) is None:
            insert_ordered(sectpr, OxmlElement("w:bidi"), _SECTPR_ORDER)
    # Running headers and footers (the symbol, the page number, the job number) are split by
    # direction as the body is: their left-to-right runs read left to right. The job number is a
    # paragraph that reads left to right ("20-15849 (A)", not "(A) 20-15849"), at the right as
    # the PDF sets it.
    for section in doc.sections:
        for paragraph in section.first_page_footer.paragraphs:
            left_to_right(paragraph._p, align="right")
        for part in (section.header, section.even_page_header, section.first_page_header,
                     section.footer, section.even_page_footer, section.first_page_footer):
            split_runs(part._element)


CORE_PROPERTY_LIMIT = 255


def _property_text(value: str) -> str:
    """Core properties hold at most 255 characters (python-docx enforces Word's limit); a longer
    title is shortened there only — the document's own heading keeps every word."""
    if len(value) <= CORE_PROPERTY_LIMIT:
        return value
    return value[:CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def properties(doc, res: Resolution, pres: Presentation, when: dt.datetime) -> None:
    core = doc.core_properties
    core.title = _property_text(res.meta.title)
    core.subject = _property_text(res.meta.symbol)
    core.identifier = _property_text(res.meta.symbol)
    core.language = pres.lang
    core.author = pres.labels["docx"]["author"]
    core.last_modified_by = pres.labels["docx"]["author"]
    core.revision = 1
    naive = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    core.created = naive
    core.modified = naive


def end_rule(doc, style) -> None:
    style(doc.add_paragraph(), "EndRuleG")


# ---------------------------------------------------------------- zip
def footnote_tabs(xml: bytes) -> bytes:
    """Each note: number <tab> text, the text at 20 mm. (A tab before the number, to set it
    right-aligned at 18 mm, is lost on LibreOffice, which sets a note's number first and
    so pushes the text past 20 mm to the next default tab stop.)"""
    root = etree.fromstring(xml, safe_parser())
    ns = {"w": W}
    for ref_run in root.xpath("//w:footnote/w:p[1]/w:r[w:footnoteRef]", namespaces=ns):
        after = ref_run.getnext()
        if after is not None:
            texts = after.findall(f"{{{W}}}t")
            if len(texts) == 1 and texts[0].text == " ":
                after.replace(texts[0], etree.Element(f"{{{W}}}tab"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def footnote_brackets(xml: bytes, before: str, after: str) -> bytes:
    """Each note's number between the brackets its language prints ("(1)" in Arabic): Word
    numbers the note itself, so the brackets are runs of the number's own style beside it."""
    if not (before or after):
        return xml
    root = etree.fromstring(xml, safe_parser())
    for ref_run in root.xpath("//w:footnote/w:p[1]/w:r[w:footnoteRef]", namespaces={"w": W}):
        for text, add in ((before, ref_run.addprevious), (after, ref_run.addnext)):
            if text:
                run = etree.Element(f"{{{W}}}r")
                props = ref_run.find(f"{{{W}}}rPr")
                if props is not None:
                    run.append(copy.deepcopy(props))
                etree.SubElement(run, f"{{{W}}}t").text = text
                add(run)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def package_entries(doc) -> list:
    """``(name, bytes)`` of every entry python-docx's ``save`` would zip, in its order,
    without zipping them: the finished DOCX is compressed once, by :func:`zip_entries`,
    instead of once by python-docx and again after being read back."""
    from docx.opc.pkgwriter import PackageWriter

    class Entries(list):
        def write(self, uri, blob) -> None:     # what PackageWriter asks of a zip writer
            self.append((uri.membername, blob))

    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    entries = Entries()
    PackageWriter._write_content_types_stream(entries, parts)
    PackageWriter._write_pkg_rels(entries, package.rels)
    PackageWriter._write_parts(entries, parts)
    return entries


def zip_entries(entries, when: dt.datetime, rewrite: dict) -> bytes:
    """The entries, in their order, with one fixed timestamp and no host data."""
    stamp = max(when, ZIP_EPOCH).astimezone(dt.timezone.utc).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in entries:
            if name in rewrite:
                blob = rewrite[name](blob)
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, blob, compresslevel=6)
    return out.getvalue()


def finish(body: bytes, res: Resolution, pres: Presentation, layout: dict, env, styles: bytes) -> bytes:
    """The DOCX pandoc made, in UN form; ``env`` is the environment that shapes outputs;
    ``styles``, the styles part it holds instead of pandoc's (reference.styles_part)."""
    doc = Document(io.BytesIO(body))
    install_styles(doc, styles)
    when = document_instant(res.meta.issue_date, env)
    page_setup(doc, layout["page"])
    literal_tabs(doc.element.body)
    style = paragraph_styles(doc)
    masthead(doc, res, pres, layout["masthead"], style)
    end_rule(doc, style)
    headers_and_footers(doc, res, style)
    language(doc, pres.lang)
    if not pres.italic_lines:
        doc.styles["MeetingG"].font.italic = False
    if pres.dir == "rtl":
        right_to_left(doc)
        split_runs(doc.element.body)
    properties(doc, res, pres, when)
    split = _split_note_runs if pres.dir == "rtl" else (lambda xml: xml)
    return zip_entries(package_entries(doc), when, {"word/footnotes.xml": lambda xml: footnote_brackets(
        footnote_tabs(split(xml)), *pres.note_brackets)})


def install_styles(doc, styles: bytes) -> None:
    """The document's styles made those of ``styles`` (a styles part of the same root, as pandoc
    copies its reference's): pandoc's own, and those it adds (its code highlighting's), go."""
    element = doc.styles.element
    element[:] = list(parse_xml(styles))


def _split_note_runs(xml: bytes) -> bytes:
    root = etree.fromstring(xml, safe_parser())
    split_runs(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
