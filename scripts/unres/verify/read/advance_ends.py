"""Where a piece of text ends for a reader: at its last glyph's advance, not at its ink.

A text object's box ends where its last glyph's ink ends, and the reader takes a gap of more than
a fifth of the size between two pieces of text for a space (WeasyPrint draws no glyph for a space
after a note's call). A glyph whose ink stops well short of its advance leaves such a gap with no
space typed, when the next word is a piece of its own: Symbola's "⒈" ends its ink 0.3 em short
of its advance, so "during⒈the", "⒈" drawn in Symbola, was read "during⒈ the". So do its braille
patterns and a few of Liberation Serif's arrows and box-drawing characters before a change of face.

Only where a gap would be read as a space is the last glyph asked for: its advance and the right
edge of its outline, in ems, from its font in the PDF, as PDFium draws it.
"""
from __future__ import annotations

import ctypes

from .pdfium_calls import calls


def gap_reads_as_space(prev, f, end=None, share: float = 0.2) -> bool:
    """A gap between two pieces of text with no space glyph at it that a reader of the page takes
    for a space: more than ``share`` of the larger size (a fifth), from ``end`` (``prev``'s right
    edge)."""
    return (f.text[:1] != " " and not prev.text.endswith(" ")
            and f.x - (prev.right if end is None else end) > share * max(f.size, prev.size))


def mark_advance_ends(pieces) -> None:
    """``pieces``: ``[(fragment, its text object), …]`` of one page in content order. A fragment
    followed on its line by one that starts a space's gap past its ink is given ``end``, where
    its last glyph's advance ends, if that is further right."""
    for (prev, text_object), (f, _next) in zip(pieces, pieces[1:]):
        if abs(prev.y - f.y) > 0.5 * max(f.size, prev.size) or not gap_reads_as_space(prev, f):
            continue
        bearing = _right_bearing(text_object, prev.text[-1])
        if bearing > 0:
            prev.end = prev.right + bearing * prev.size


def _right_bearing(text_object, character: str) -> float:
    """How far, in ems, the glyph of ``character`` advances past its outline's right edge (0
    when the font cannot say: no outline, no width)."""
    pdfium = calls()
    font = pdfium.FPDFTextObj_GetFont(text_object)
    if not font:
        return 0.0
    # Widths and outlines in ems: asked for at size 1.
    width = ctypes.c_float()
    if not pdfium.FPDFFont_GetGlyphWidth(font, ord(character), 1.0, ctypes.addressof(width)):
        return 0.0
    path = pdfium.FPDFFont_GetGlyphPath(font, ord(character), 1.0)
    if not path:
        return 0.0
    x, y = ctypes.c_float(), ctypes.c_float()
    right = None
    for index in range(pdfium.FPDFGlyphPath_CountGlyphSegments(path)):
        segment = pdfium.FPDFGlyphPath_GetGlyphPathSegment(path, index)
        if segment and pdfium.FPDFPathSegment_GetPoint(segment, ctypes.addressof(x), ctypes.addressof(y)):
            right = x.value if right is None else max(right, x.value)
    return 0.0 if right is None else width.value - right
