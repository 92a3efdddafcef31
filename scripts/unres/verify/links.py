"""The link targets of each built file, read the way a reader of that format follows a link.

Every reader returns the URLs in the order it meets them; ``unres verify`` compares them with
the source's as multisets (the formats order footnotes differently). The PDF's are compared
as a set: a link that breaks over two lines or pages is two annotations there.
Only targets every format prints as a link count: http, https and mailto.
"""
from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

from lxml import etree

from ..model.document import Link, OperativeParagraph, Resolution, Table, walk_inlines
from ..xmlsafe import safe_parser

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SCHEMES = ("http", "https", "mailto")


def _live(url: str | None) -> bool:
    return bool(url) and urlsplit(url.strip()).scheme.lower() in _SCHEMES


def model_links(res: Resolution) -> list:
    """The body's links, after the origin line's (the Assembly's documents, on page one)."""
    from ..model.citations import inline_lists
    from ..model.presentation import present
    lists = [list(present(res).origin_inlines)] + [inlines for _o, inlines, _s in inline_lists(res)]
    lists += [cell for table in _tables(res) for cell in table.cells()]
    return [node.target for inlines in lists for node in walk_inlines(inlines)
            if isinstance(node, Link) and _live(node.target)]


def _tables(res: Resolution) -> list:
    """Every table: an annex's or an adopted text's, and those a paragraph prints under its words
    (a link typed in a cell is one of the body's; ``inline_lists`` leaves cells to the tables)."""
    blocks = [b for holder in res.holders for b in holder.blocks]
    paragraphs = res.operative + [b for b in blocks if isinstance(b, OperativeParagraph)]
    return [b for b in blocks if isinstance(b, Table)] \
        + [u for p in paragraphs for u in p.under if isinstance(u, Table)]


def html_links(root) -> list:
    """``<a href>`` in the page's body and notes, not the note calls and back links (``#…``)."""
    return [a.get("href") for a in root.iter("a") if _live(a.get("href"))]


def akn_links(root) -> list:
    """``<ref>`` to a cited document gives its URL through the ``TLCReference`` it refers to
    (its ``href`` is the cited Work's IRI when there is one); ``<a href>`` gives its own."""
    refs = {el.get("eId"): el.get("href") for el in root.iter(f"{{{AKN_NS}}}TLCReference")}
    out = []
    for el in root.iter(f"{{{AKN_NS}}}ref", f"{{{AKN_NS}}}a"):
        if el.tag == f"{{{AKN_NS}}}ref":
            target = refs.get((el.get("refersTo") or "").lstrip("#")) or el.get("href")
        else:
            target = el.get("href")
        if _live(target):
            out.append(target)
    return out


def docx_links(path, parsed: dict | None = None) -> list:
    """``w:hyperlink`` in the document and its footnotes, through each part's relationships
    (``path`` may be the file's bytes, or its zip already open). ``parsed`` maps a part's name
    to its root element when the caller has parsed the part already."""
    if isinstance(path, zipfile.ZipFile):
        return _docx_links(path, parsed or {})
    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as zf:
        return _docx_links(zf, parsed or {})


def _docx_links(zf: zipfile.ZipFile, parsed: dict) -> list:
    out = []
    names = set(zf.namelist())
    for part in ("word/document.xml", "word/footnotes.xml"):
        rels_name = part.replace("word/", "word/_rels/") + ".rels"
        if part not in names:
            continue
        targets = {}
        if rels_name in names:
            for rel in etree.fromstring(zf.read(rels_name), safe_parser()).iter(
                    f"{{{PKG_REL_NS}}}Relationship"):
                targets[rel.get("Id")] = rel.get("Target")
        root = parsed.get(part)
        if root is None:
            root = etree.fromstring(zf.read(part), safe_parser())
        for link in root.iter(f"{{{W_NS}}}hyperlink"):
            target = targets.get(link.get(f"{{{R_NS}}}id"))
            if _live(target):
                out.append(target)
    return out


def page_links(pdf, page) -> list:
    """The URI of every link annotation on one page of a PDFium document, in order (as
    Chromium follows them). The PDF reader calls it on each page it has loaded anyway:
    loading a page is most of what reading it costs."""
    import ctypes

    import pypdfium2.raw as pdfium_c   # imported here: only the PDF reader needs it

    out = []
    start = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(start), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        length = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        buffer = ctypes.create_string_buffer(length)
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buffer, length)
        url = buffer.value.decode("utf-8", "replace")
        if _live(url):
            out.append(url)
    return out
