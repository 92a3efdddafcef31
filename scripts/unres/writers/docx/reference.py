"""The reference document every DOCX is written from, and the styles it is finished with.

It starts from pandoc's own default reference document (so every style
pandoc's writer expects exists, with a numbering part) and redefines the
styles from ``templates/docx/styles.yaml`` with python-docx. pandoc is given
it with pandoc's own styles only: pandoc parses a reference's styles for every
DOCX it writes, in time that grows with them, and writes the same body whether
the UN's are there or not (its names for them are the styles' ids). The
finishing step puts the UN's styles in (``styles_part``). Both are built once
per process; pandoc's is kept in a file named by its content in the temporary
folder, because pandoc reads a reference document only from a file.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

import yaml
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from ...memo import once
from ...xmlsafe import safe_parser
from ..templating import templates_dir
from . import body as docx_pandoc, finish
from .ooxml import PPR_ORDER, insert_ordered

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def load_yaml(name: str) -> dict:
    with open(templates_dir() / "docx" / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def set_fonts(rpr, font: str) -> None:
    """Name ``font`` for every script and drop theme fonts, which would win over it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font)


def bottom_rule(ppr, width_pt: float) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(round(width_pt * 8)))   # eighths of a point
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "auto")
    borders.append(bottom)
    insert_ordered(ppr, borders, PPR_ORDER)


def paragraph_style(styles, name: str, spec: dict, font: str):
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if "based_on" in spec:
        style.base_style = styles[spec["based_on"]]
    style.quick_style = True
    if name != "Normal":
        # What the editor gets on pressing Enter: body text after a heading,
        # the same style everywhere else.
        style.next_paragraph_style = styles[spec["next"]] if "next" in spec else style
    f = style.font
    f.name = font
    set_fonts(style.element.get_or_add_rPr(), font)
    if "size" in spec:
        f.size = Pt(spec["size"])
    if "bold" in spec:
        f.bold = spec["bold"]
    if "italic" in spec:
        f.italic = spec["italic"]
    p = style.paragraph_format
    if "left" in spec:
        p.left_indent = Mm(spec["left"])
    if "right" in spec:
        p.right_indent = Mm(spec["right"])
    if "first_line" in spec:
        p.first_line_indent = Mm(spec["first_line"])
    if "hanging" in spec:
        p.first_line_indent = -Mm(spec["hanging"])
    if "before" in spec:
        p.space_before = Pt(spec["before"])
    if "after" in spec:
        p.space_after = Pt(spec["after"])
    if "line_exact" in spec:
        p.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.line_spacing = Pt(spec["line_exact"])
    if "line_at_least" in spec:
        p.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        p.line_spacing = Pt(spec["line_at_least"])
    if "align" in spec:
        p.alignment = ALIGN[spec["align"]]
    if spec.get("keep_with_next"):
        p.keep_with_next = True
    if spec.get("page_break_before"):
        p.page_break_before = True
    for pos in spec.get("right_tabs", []):
        p.tab_stops.add_tab_stop(Mm(pos), WD_TAB_ALIGNMENT.RIGHT)
    for pos in spec.get("tabs", []):
        p.tab_stops.add_tab_stop(Mm(pos))
    if "bottom_rule" in spec:
        bottom_rule(style.element.get_or_add_pPr(), spec["bottom_rule"])
    # UN documents are never hyphenated.
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        insert_ordered(ppr, OxmlElement("w:suppressAutoHyphens"), PPR_ORDER)
    return style


def character_style(styles, name: str, spec: dict):
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    if spec.get("superscript"):
        style.font.superscript = True
    if "color" in spec:
        style.font.color.rgb = RGBColor.from_string(spec["color"])
        style.font.underline = False
    return style


# pandoc's own styles for what unres never hands it: a document's title, subtitle, authors, date
# and abstract (its metadata is empty), a bibliography, headings (a resolution's are paragraphs in
# styles of its own), block quotations, definition lists, figures and captions, section numbers and
# a table of contents. They are left out of both the reference pandoc is given (pandoc parses its
# styles for every DOCX, in time that grows with them) and the styles a DOCX holds. (Their names as
# pandoc's reference spells them.)
UNUSED_PANDOC_STYLES = frozenset([
    "Title", "Title Char", "Subtitle", "Subtitle Char", "Author", "Date", "Abstract Title",
    "Abstract", "Bibliography", *(f"heading {n}" for n in range(1, 10)),
    *(f"Heading {n} Char" for n in range(1, 10)), "Block Text", "Footnote Block Text",
    "Definition Term", "Definition", "Caption", "Table Caption", "Image Caption", "Figure",
    "Captioned Figure", "Section Number", "TOC Heading"])


def drop_unused_styles(styles) -> None:
    for element in list(styles.element.iterchildren(qn("w:style"))):
        name = element.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) in UNUSED_PANDOC_STYLES:
            styles.element.remove(element)


def build_reference() -> bytes:
    """The reference document with the UN's styles, as bytes."""
    entries, _pandocs = _reference_entries()
    # Zipped with one fixed timestamp, not python-docx's clock: the same styles give the same
    # bytes in every process, so ``reference_path`` names one file for them all.
    return finish.zip_entries(entries, finish.ZIP_EPOCH, {})


def _reference_entries() -> tuple[list, set]:
    """The reference document with the UN's styles as ``(name, bytes)`` entries, and the ids of
    pandoc's own styles in it."""
    spec = load_yaml("styles.yaml")
    font = spec["font"]
    doc = Document(io.BytesIO(docx_pandoc.default_reference()))
    styles = doc.styles
    drop_unused_styles(styles)
    pandocs = {element.get(qn("w:styleId")) for element in styles.element.iterchildren(qn("w:style"))}
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, font)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(round(spec["size"] * 2)))
    for name, para in spec["paragraph"].items():
        paragraph_style(styles, name, para, font)
    for name, char in spec["character"].items():
        character_style(styles, name, char)
    # pandoc's own paragraph styles (used for anything outside a styled block)
    # follow the body style rather than pandoc's 12 pt defaults.
    for name in ("Body Text", "First Paragraph", "Compact"):
        styles[name].base_style = styles["SingleTxtG"]
        pf = styles[name].paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(6)
    return finish.package_entries(doc), pandocs


@once
def _references() -> tuple[bytes, bytes]:
    """(the reference document pandoc is given, the styles part every DOCX is finished with)."""
    entries, pandocs = _reference_entries()

    def pandocs_own(styles: bytes) -> bytes:
        root = etree.fromstring(styles, safe_parser())
        for style in list(root.iterchildren(qn("w:style"))):
            if style.get(qn("w:styleId")) not in pandocs:
                root.remove(style)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    styles = dict(entries)["word/styles.xml"]
    return finish.zip_entries(entries, finish.ZIP_EPOCH, {"word/styles.xml": pandocs_own}), styles


def styles_part() -> bytes:
    """The reference document's styles part, with the UN's styles: what a finished DOCX holds."""
    return _references()[1]


@once
def reference_path() -> Path:
    """A file holding the reference document pandoc is given (it reads one only from a file).

    Its name is its content's hash, so every process shares one file and none is left behind
    (worker processes end without running exit handlers). A file found under that name is used
    only if its bytes are exactly ours; otherwise it is replaced atomically."""
    data = _references()[0]
    path = Path(tempfile.gettempdir()) / f"unres-docx-reference-{hashlib.sha256(data).hexdigest()[:20]}.docx"
    try:
        if path.read_bytes() == data:
            return path
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".unres-docx-reference-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        os.unlink(tmp)
        raise
    return path
