"""The characters a right-to-left face draws as each other's mirror: "(" and ")", "≤" and "≥",
"∈" and "∋".

In right-to-left text the shaper draws a character Unicode marks Bidi_Mirrored with the glyph of
its mirror (its Bidi_Mirroring_Glyph), and a PDF's text layer names that glyph by one of the
two: a reader of the PDF cannot tell which was typed. The pairs are HarfBuzz's, the shaper
WeasyPrint draws with (``hb_unicode_mirroring``, read once, through ctypes, when a right-to-left
reader first compares), with every pair whose names differ only in the way they face ("LEFT
SQUARE BRACKET WITH QUILL", "RIGHT SQUARE BRACKET WITH QUILL"), which Python's own Unicode data
gives where no HarfBuzz can be loaded.
"""
from __future__ import annotations

import ctypes
import functools
import re
import unicodedata

_FACINGS = {"LEFT": "RIGHT", "RIGHT": "LEFT", "OPENING": "CLOSING", "CLOSING": "OPENING",
            "LESS-THAN": "GREATER-THAN", "GREATER-THAN": "LESS-THAN", "PRECEDES": "SUCCEEDS",
            "SUCCEEDS": "PRECEDES", "SUBSET": "SUPERSET", "SUPERSET": "SUBSET"}
_FACING_WORD = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, _FACINGS)) + r")(?!\w)")
# (the mirrored characters beyond the BMP are mathematical letters that have no mirror)
_LAST = 0xFFFF


@functools.cache
def pairs() -> tuple:
    """``(pairs, a pattern of their firsts)``: each pair ``(first, second)``, no character in
    two. The first is the opening bracket ("(" of "()", "⁅" of "⁅⁆"), or else the one of lower
    code point: the texts compared hold the closing one, after which the comparison takes a
    line's end for a space."""
    mirrored = [chr(code) for code in range(_LAST + 1) if unicodedata.mirrored(chr(code))]
    mirror = {**_by_name(mirrored), **_harfbuzz(mirrored)}
    found = tuple(sorted((a, b) for a, b in mirror.items() if mirror.get(b) == a and _first(a, b)))
    return found, re.compile("[" + "".join(re.escape(a) for a, _b in found) + "]")


def _first(one: str, other: str) -> bool:
    """Whether ``one`` is its pair's first: the opening bracket ("⦏" of "⦎⦏", whose closing one
    comes first in the code), or else the one of lower code point."""
    kinds = unicodedata.category(one), unicodedata.category(other)
    if kinds in (("Ps", "Pe"), ("Pe", "Ps")):
        return kinds[0] == "Ps"
    return one < other


def _by_name(mirrored) -> dict:
    out = {}
    for ch in mirrored:
        name = unicodedata.name(ch, "")
        if not _FACING_WORD.search(name):
            continue
        try:
            other = unicodedata.lookup(_FACING_WORD.sub(lambda m: _FACINGS[m.group()], name))
        except KeyError:
            continue
        if unicodedata.mirrored(other):
            out[ch] = other
    return out


# HarfBuzz's file names, as the dynamic loader finds them (``ctypes.util.find_library`` would run
# ``ldconfig`` in a child process, see ``writers.pdf.weasyprint_loader``); in a worker that has
# made a PDF, WeasyPrint has it loaded already.
_HARFBUZZ = ("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll")


def _harfbuzz(mirrored) -> dict:
    library = None
    for name in _HARFBUZZ:
        try:
            library = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if library is None:
        return {}
    library.hb_unicode_funcs_get_default.restype = ctypes.c_void_p
    library.hb_unicode_mirroring.argtypes = (ctypes.c_void_p, ctypes.c_uint32)
    library.hb_unicode_mirroring.restype = ctypes.c_uint32
    funcs = library.hb_unicode_funcs_get_default()
    out = {}
    for ch in mirrored:
        other = library.hb_unicode_mirroring(funcs, ord(ch))
        if other != ord(ch):
            out[ch] = chr(other)
    return out
