"""The PDF reader's first half: the page's text as positioned fragments, with their fonts
and sizes, and the headings the PDF's structure tree marks (a right-to-left page's from
``pdf_rtl``, mirrored).
"""
from __future__ import annotations

import ctypes
import unicodedata

from .. import links
from .advance_ends import mark_advance_ends
from .pdf_fonts import font_base_name
from .pdf_bidi import holds_right_to_left, is_right_to_left, language, left_to_right_lines
from .pdf_rtl import page_fragments
from .pdf_textpage import text_objects, text_page
from .pdfium_calls import address, calls, object_calls, text_page_handle


# ---------------------------------------------------------------- PDF
# The UN page: the running header and the folio print in the margins, outside
# the text block; the first page's masthead fills the top of the page, and its
# footer (the job number, its barcode, the recycling mark, the QR code) fills the
# bottom margin. A line of the text block, footnotes included, has its baseline
# above the bottom margin (37.5 mm, 106.3 pt); anything with its baseline below
# that is page furniture.
HEADER_BAND = 76.0       # points from the top of the page
FOOTER_BAND = 104.0      # points from the bottom of the page
MASTHEAD_BAND = 130.0    # points from the top of the first page


class _Frag:
    __slots__ = ("page", "x", "y", "size", "italic", "bold", "text", "order", "right", "end", "heading",
                 "mirrored", "cell", "block", "running")

    def __init__(self, page, x, y, size, font, text, order, right=None, heading=None):
        self.page, self.x, self.y, self.size, self.text, self.order = page, x, y, size, text, order
        self.right = x if right is None else right
        # Where its last glyph's advance ends, when that was asked for (advance_ends); else None.
        self.end = None
        font = font or ""
        self.italic = "Italic" in font or "Oblique" in font
        self.bold = "Bold" in font
        # The heading tag it is (inside of), "H" … "H6"; "" when it is in none; None when the
        # page is not tagged.
        self.heading = heading
        self.mirrored = False   # read from a right-to-left page (pdf_rtl)
        # The table cell it is in, (page, table, cell) in the structure tree's order; None
        # outside tables.
        self.cell = None
        # The tags of the blocks it is inside (see _page_structure); None when the page is not tagged.
        self.block = None
        # Whether it is its block's own running text (its marked content straight under the
        # block's text, in no inline element such as a label's or a number's); None when the page
        # is not tagged.
        self.running = None


_HEADING_TAGS = {"H", "H1", "H2", "H3", "H4", "H5", "H6"}
# Tags of what runs inside a block's lines, and of boxes with no element of their own: they do
# not tell one block from another.
_INLINE_TAGS = {"Span", "Link", "NonStruct", "Lbl"}


def _page_structure(page: int, cells: dict | None = None, blocks: dict | None = None) -> dict | None:
    """What the page's structure tree says of its marked-content ids: returns those of the text
    tagged as a heading, each with its tag ("H2" …), or None when the page has no tags, and fills
    ``cells`` and ``blocks`` (below). A heading is what the file says it is, not whatever happens
    to be set in bold. ``cells``, if given, gets the marked-content ids of the text of each
    table cell (TD, TH), as (table, cell) in the tree's order: print alone cannot tell a cell's
    words from the next cell's. ``blocks``, if given,
    gets each marked-content id's path of block tags from the tree's root ("Part", "Div", "L",
    "LI", "LBody", "P"): each page has a tree of its own, and a block that runs on over a page
    break is tagged on the next page under the same path, where the block after it is not; and
    whether it is the block's running text: WeasyPrint tags each run of a line's text as a Span,
    straight under the block for the block's own words, under another Span or a NonStruct for
    words in an inline element (a label's, a number's, italics). Words typed at a paragraph's
    start that look like a label are running text; print alone cannot always tell them apart."""
    pdfium, per_element = calls(), object_calls()
    tree = pdfium.FPDF_StructTree_GetForPage(page)
    if not tree:
        return None
    get_type, buffer = per_element.FPDF_StructElement_GetType, ctypes.create_string_buffer(64)
    buffer_length = ctypes.c_ulong(64)
    count_ids, id_at = per_element.FPDF_StructElement_GetMarkedContentIdCount, per_element.FPDF_StructElement_GetMarkedContentIdAtIndex
    count_children, child_at = per_element.FPDF_StructElement_CountChildren, per_element.FPDF_StructElement_GetChildAtIndex
    kinds: dict = {}          # each type's name by its UTF-16 bytes, decoded once
    found, any_tag = {}, False
    counts = [0, 0]       # tables, cells

    def visit(elem, heading, cell, path, inline):
        nonlocal any_tag
        length = get_type(elem, buffer, buffer_length)
        if length <= 64:
            raw = buffer.raw[:length]
        else:                 # a longer name is not written into the buffer: asked for again
            longer = ctypes.create_string_buffer(length)
            get_type(elem, longer, ctypes.c_ulong(length))
            raw = longer.raw
        kind = kinds.get(raw)
        if kind is None:
            kind = kinds[raw] = raw[:max(0, length - 2)].decode("utf-16-le", "replace") if length else ""
        heading = heading or (kind if kind in _HEADING_TAGS else "")
        if kind in _INLINE_TAGS:
            inline += 1
        else:
            path, inline = path + (kind,), 0
        if kind == "Table":
            counts[0] += 1
        elif kind in ("TD", "TH"):
            counts[1] += 1
            cell = (counts[0], counts[1])
        for i in range(count_ids(elem)):
            any_tag = True
            mcid = id_at(elem, i)
            if heading:
                found[mcid] = heading
            if cell is not None and cells is not None:
                cells[mcid] = cell
            if blocks is not None:
                blocks[mcid] = (path, inline <= 1)
        for i in range(count_children(elem)):
            child = child_at(elem, i)
            if child:
                visit(child, heading, cell, path, inline)

    try:
        tree_handle = ctypes.c_void_p(tree)
        for i in range(pdfium.FPDF_StructTree_CountChildren(tree)):
            elem = per_element.FPDF_StructTree_GetChildAtIndex(tree_handle, i)
            if elem:
                visit(elem, "", None, (), 0)
    finally:
        pdfium.FPDF_StructTree_Close(tree)
    return found if any_tag else None


# Bytes of the buffer a text object's text is read into: a fragment of a few hundred characters
# fits; a longer one is read again into a buffer of its own size.
_TEXT_BUFFER = 4096


def _pdf_fragments(path, links_found: list | None = None):
    """``(fragments, page heights, page widths)``: see ``pdf_fragments``."""
    return pdf_fragments(path, links_found)[:3]


def pdf_fragments(path, links_found: list | None = None, info: dict | None = None):
    """Every text object of every page, in content order, with its baseline origin,
    its size on the page and its font's name, as PDFium (the PDF engine of
    Chromium) reads them, and whether the document is written right to left (its fragments are
    then ``pdf_rtl``'s, mirrored); the pages' link URIs are added to ``links_found`` if given,
    while each page is loaded, and the document's information dictionary, language ("Lang"),
    bookmarks' titles ("bookmarks") and attached files ("attachments": name, bytes) to ``info``."""
    import pypdfium2 as pdfium   # imported here: only this reader needs it
    import pypdfium2.raw as pdfium_c

    per_object = object_calls()
    get_text, get_matrix = per_object.FPDFTextObj_GetText, per_object.FPDFPageObj_GetMatrix
    get_size, get_bounds = per_object.FPDFTextObj_GetFontSize, per_object.FPDFPageObj_GetBounds
    get_mcid = per_object.FPDFPageObj_GetMarkedContentID
    frags, heights, widths = [], [], []
    size = ctypes.c_float()
    size_ref = ctypes.byref(size)
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    bounds = [ctypes.c_float() for _ in range(4)]
    bounds_refs = [ctypes.byref(b) for b in bounds]
    fonts: dict = {}
    text_buffer = (ctypes.c_ushort * (_TEXT_BUFFER // 2))()
    buffer_length = ctypes.c_ulong(_TEXT_BUFFER)
    pdf = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    try:
        rtl = is_right_to_left(pdf)
        if info is not None:
            attached = [pdf.get_attachment(i) for i in range(pdf.count_attachments())]
            info.update(pdf.get_metadata_dict(skip_empty=True), Lang=language(pdf),
                        bookmarks=[bookmark.get_title() for bookmark in pdf.get_toc()],
                        attachments=[(a.get_name(), bytes(a.get_data())) for a in attached])
        for page_no in range(len(pdf)):
            page = pdf[page_no]
            if links_found is not None:
                links_found += links.page_links(pdf, page)
            textpage = text_page(page)
            textpage_raw = text_page_handle(textpage)
            try:
                _left, _bottom, page_right, page_top = page.get_mediabox()
                heights.append(page_top)
                widths.append(page_right)
                cells: dict = {}
                blocks: dict = {}
                headings = _page_structure(address(page.raw), cells, blocks)
                if rtl:
                    frags.extend(page_fragments(textpage, page_no, page_right, headings, fonts, _Frag,
                                                len(frags), cells, blocks))
                    continue
                pieces = []
                right_to_left = False     # whether a text object holds right-to-left letters
                # Text inside form XObjects is positioned relative to the form: read the page's own.
                # PDFium's own calls, not pypdfium2's objects: a helper object per text object,
                # matrix and box was a fifth of reading the page.
                for raw in text_objects(address(page.raw)):
                    # One call fills the buffer kept for the document and says how long the
                    # text is (PDFium looks for the object's characters in the whole page's
                    # on every call); a longer text is asked for again into a buffer its size.
                    length = get_text(raw, textpage_raw, text_buffer, buffer_length)
                    if length <= 2:
                        continue
                    if length <= _TEXT_BUFFER:
                        data = ctypes.string_at(text_buffer, length // 2 * 2)
                    else:
                        buffer = (ctypes.c_ushort * (length // 2))()
                        get_text(raw, textpage_raw, buffer, ctypes.c_ulong(length))
                        data = bytes(buffer)
                    text = data.decode("utf-16-le", "replace").split("\0", 1)[0]
                    # PDFium reports a hyphen that ends a line as U+0002; the glyph drawn is "-".
                    text = text.replace("\x02", "-")
                    if not text or text == "\n":
                        continue
                    right_to_left = right_to_left or holds_right_to_left(text)
                    if unicodedata.combining(text[0]) and frags and frags[-1].page == page_no \
                            and all(unicodedata.combining(ch) or ch.isspace() for ch in text):
                        # A mark on a letter that has no letter with it ("q̃", "t́") is drawn as a
                        # text object of its own, placed over the letter the object before it
                        # ends with: it is read after that letter, not as a piece of text
                        # somewhere on the line. A space PDFium gives beside it may be one it made
                        # up ("t́resolution" read "t́ resolution", "大会t́" read "大会t ́"): the gap to
                        # the next piece of text says whether one was printed, as between any two.
                        frags[-1].text = frags[-1].text.rstrip() + text.strip()
                        continue
                    if not get_matrix(raw, matrix_ref):
                        raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
                    a, d, e, f = matrix.a, matrix.d, matrix.e, matrix.f
                    if not get_size(raw, size_ref):
                        continue
                    base = font_base_name(raw, fonts)
                    scale = (abs(d) + abs(a)) / 2
                    if not get_bounds(raw, *bounds_refs):
                        raise pdfium.PdfiumError("Failed to locate pageobject.")
                    right = bounds[2].value
                    mcid = get_mcid(raw)
                    heading = None if headings is None else headings.get(mcid, "")
                    frags.append(_Frag(page_no, e, f, size.value * scale, base, text, len(frags), right,
                                       heading))
                    pieces.append((frags[-1], raw))
                    if mcid in cells:
                        frags[-1].cell = (page_no, *cells[mcid])
                    frags[-1].block, frags[-1].running = blocks.get(mcid, (None, None))
                if right_to_left:
                    # (PDFium's text of an object is in the order it is drawn: left_to_right_lines)
                    texts = left_to_right_lines(textpage)
                    for frag, raw in pieces:
                        frag.text = texts.get(address(raw), frag.text)
                mark_advance_ends(pieces)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    return frags, heights, widths, rtl

