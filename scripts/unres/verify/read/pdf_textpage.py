"""A page's text as PDFium reads it, with no text object left out.

PDFium leaves out of a page's text any text object it takes for a repeat of one of the five text
objects drawn before it (a "fake bold", the same glyphs drawn twice over each other): the same
character codes in the same size, boxes that overlap, drawn within a glyph's width across and an
eighth of the boxes' extent up or down. A long run of Arabic text repeated on the next line is
such a repeat to it: Amiri's glyphs reach well above and below the line, so the two lines' boxes
overlap, and an eighth of a run 120 pt long is more than the 12 pt between the lines. Two notes
of A/RES/78/103 in Arabic open with the same words ("المرجع نفسه، الفصل الرابع، الفرع دال-" before
"3، والمرفق الثالث." and "3، والمرفق الرابع."), and the second note was read without them.

Before the text page is made, each text object that could be taken for a repeat (its size equal
to one of the five before it, its box overlapping that one's, their widths alike) is given a size
larger by a millionth, different to PDFium's comparison and to no reading: its glyphs are
placed as before, and its size is read back the same to five decimal places.
"""
from __future__ import annotations

import ctypes

from .pdfium_calls import address, calls, object_calls

# How many text objects back PDFium looks for the one a text object repeats.
_LOOK_BACK = 5
_STEP = 1e-6


def text_page(page):
    """``page.get_textpage()``, after telling apart the text objects PDFium would take for
    repeats (see above). Only this reading's copy of the page changes: nothing is saved."""
    pdfium, per_object = calls(), object_calls()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = tuple(ctypes.byref(v) for v in (left, bottom, right, top))
    size = ctypes.c_float()
    size_ref = ctypes.byref(size)
    get_bounds, get_size = per_object.FPDFPageObj_GetBounds, per_object.FPDFTextObj_GetFontSize
    recent: list = []       # [object, box, its size once asked for] of the last text objects

    def size_of(entry) -> float | None:
        if entry[2] is None and get_size(entry[0], size_ref):
            entry[2] = _float32(size.value)
        return entry[2]

    for obj in text_objects(address(page.raw)):
        if not get_bounds(obj, *bounds):
            continue
        box = (x0, y0, x1, y1) = (left.value, bottom.value, right.value, top.value)
        entry = [obj, box, None]
        # Alike: overlapping boxes, widths within half, starts within a glyph's width (the
        # box's width or height, whichever is larger, bounds any one glyph's). The size is asked
        # for only where the boxes make a repeat possible.
        width, reach = x1 - x0, max(x1 - x0, y1 - y0)
        alike = [other for other in recent
                 if abs(other[1][0] - x0) <= reach and other[1][1] < y1 and y0 < other[1][3]
                 and x0 < other[1][2] and other[1][0] < x1 and abs(other[1][2] - other[1][0] - width) <= width / 2]
        if alike and size_of(entry) is not None and any(size_of(other) == entry[2] for other in alike):
            taken = {size_of(other) for other in recent}
            step = 1
            while _float32(entry[2] * (1 + step * _STEP)) in taken:
                step += 1
            bigger = _float32(entry[2] * (1 + step * _STEP))
            if pdfium.FPDFTextObj_SetFontSize(obj, bigger):
                entry[2] = bigger
        recent = (recent + [entry])[-_LOOK_BACK:]
    return page.get_textpage()


def text_objects(page: int):
    """The text objects drawn by the page's own content (its address), in content order (not
    those inside its form XObjects), as ``pdfium_calls.Handle`` objects."""
    from pypdfium2 import PdfiumError

    pdfium, per_object = calls(), object_calls()
    get_object, get_type, text = per_object.FPDFPage_GetObject, per_object.FPDFPageObj_GetType, pdfium.FPDF_PAGEOBJ_TEXT
    count = pdfium.FPDFPage_CountObjects(page)
    if count < 0:
        raise PdfiumError("Failed to get number of pageobjects.")
    handle = ctypes.c_void_p(page)
    for index in range(count):
        raw = get_object(handle, index)
        if not raw:
            raise PdfiumError("Failed to get pageobject.")
        if get_type(raw) == text:
            yield raw


def _float32(value: float) -> float:
    """``value`` as PDFium holds a size (a C float), so that sizes compare as PDFium compares them."""
    return ctypes.c_float(value).value
