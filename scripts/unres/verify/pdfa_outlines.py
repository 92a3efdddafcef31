"""The PDF/A validator's check that a glyph's outline can be read, made once per outline.

At the end of a document, pikepdf's validator (``pikepdf.pdfa``) checks that every glyph the
text shows is in the embedded font program and that its outline can be read
(``TrueTypeProgram.has_gid``): fontTools decodes the glyph's points in Python. That was a
quarter of the validator's CPU on our PDFs, though every document embeds subsets of the same
few fonts, and a subset keeps each glyph's bytes as they are in the font.

Whether a simple glyph's outline can be read depends on its bytes alone (fontTools decodes its
header and points from them and from nothing else), so a glyph whose very bytes were read once
in this process is known to be readable and is not decoded again. Only outlines that were read
are kept, and only of simple glyphs: a composite glyph (numberOfContours -1) names other glyphs
by number, which is read against the font it is in, so it, a glyph whose outline could not be
read, a glyph already decoded, a CFF font, a number out of range and anything fontTools does
not lay out as it does here go to pikepdf's own check every time.

The check is swapped into a private part of pikepdf: only for the version it was written against
(``pikepdf_pinned.PIKEPDF_VERSION``, pinned in pyproject.toml), and only where pikepdf's own
method is in place. Otherwise pikepdf is left alone (correct, only slower), and
tests/test_pdfa_outlines.py, which checks that the check is in place and that the validator
finds what pikepdf's own finds on our PDFs and on fonts with damaged outlines, fails.
"""
from __future__ import annotations

from .pikepdf_pinned import installs_once, pinned_parts

# Outlines kept at most, before the record starts again: a glyph is some 100 to 300 bytes, and a
# process renders in a few fonts.
LIMIT = 50_000


@installs_once
def install() -> bool:
    """Put the check in place of pikepdf's; True when it is there."""
    parts = pinned_parts("_fontprogram")
    if parts is None:
        return False
    (_fontprogram,) = parts
    program = getattr(_fontprogram, "TrueTypeProgram", None)
    stock = getattr(program, "has_gid", None)
    if stock is None or getattr(stock, "stock", None) is not None:
        return False
    program.has_gid = _read_once(stock)
    return True


def _read_once(stock):
    readable: set[bytes] = set()

    def has_gid(program, gid: int) -> bool:
        data = _simple_outline(program, gid)
        if data is not None and data in readable:
            return True
        present = stock(program, gid)
        if present and data is not None:
            if len(readable) >= LIMIT:
                readable.clear()
            readable.add(data)
        return present
    has_gid.stock = stock
    has_gid.readable = readable
    return has_gid


def _simple_outline(program, gid: int) -> bytes | None:
    """The bytes of glyph ``gid``'s outline as the font holds them, when it is a simple glyph
    not yet decoded in a TrueType font; None otherwise."""
    try:
        if program._cff is not None or not 0 <= gid < program._num_glyphs:
            return None
        glyph = program._font["glyf"].glyphs.get(program._order[gid])
    except Exception:   # pikepdf's check meets it, and says what it says
        return None
    data = getattr(glyph, "data", None)
    # A simple glyph's numberOfContours, its first two bytes, is not negative; an empty glyph
    # has no outline to read.
    if type(data) is not bytes or len(data) < 2 or data[0] & 0x80:
        return None
    return data
