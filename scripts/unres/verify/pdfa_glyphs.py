"""The PDF/A validator's record of the glyphs a TJ array shows, made once per array.

pikepdf's validator (``pikepdf.pdfa``) records every character code a page shows, so that it
can check at the end that each one has a glyph in the embedded font. It does so in Python,
item by item: a Python object for each item of a TJ array, each string decoded on its own, each
code recorded on its own. WeasyPrint draws every glyph as a string of its own in a TJ array
(``[<0049> 0 <0052> 0 …] TJ``), so that walk was half of the validator's CPU on our PDFs.

Here the array is read in one call (qpdf's own ``unparse``) when it holds only hexadecimal
strings, empty strings and numbers and the font is a Type 0 font with Identity encoding (the
only kind our PDFs use); its codes are then recorded in the font's state as pikepdf's own
handler records them. Anything else (a literal string, an item that is not a number, a string
of odd length, another kind of font, text outside BT/ET) goes to pikepdf's own handler, which
reports what it finds. The validator still reads every content stream and checks every code.
A code the font has already shown in the current rendering mode is not recorded again: its set
of modes already holds the mode and its CID is the code, so recording it would change nothing
(the codes recorded are kept on the font's state, by mode; pikepdf's own handler, where it runs,
records into the same state).

The handler is swapped into pikepdf's table of content-operator handlers, a private part of
pikepdf: only for the version it was written against (``pikepdf_pinned.PIKEPDF_VERSION``, pinned in
pyproject.toml), and only if the table holds pikepdf's own handler there. A pikepdf that is
another version or is laid out otherwise is left alone (correct, only slower), and
tests/test_pdfa.py, which checks that the handler is in place and that it records exactly what
pikepdf's own does, fails.
"""
from __future__ import annotations

import binascii
import re
import sys
from array import array

from .pikepdf_pinned import installs_once, pinned_parts

# What qpdf writes for an array of hexadecimal strings of whole two-byte codes, empty literal
# strings and numbers (an integer, or a real as the file spells it, without an exponent), and
# nothing else. Possessive: an item is never taken back, so a mismatch fails at once.
_SIMPLE_ARRAY = re.compile(
    rb"\[(?:\s*+(?:<(?:[0-9A-Fa-f]{4})*+>|\(\)|[+-]?+(?:\d++\.?+\d*+|\.\d++)))*+\s*+\]")
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f]*)>")

# The attribute of pikepdf's FontInfo under which the codes recorded are kept, by rendering mode.
_SHOWN = "_unres_shown"


@installs_once
def install() -> bool:
    """Put the array handler in front of pikepdf's TJ handler; True when it is there."""
    parts = pinned_parts("_content")
    if parts is None:
        return False
    (_content,) = parts
    handlers = getattr(_content, "_HANDLERS", None)
    walk = getattr(_content, "_StreamWalk", None)
    stock = getattr(walk, "text_showing", None)
    if (not isinstance(handlers, dict) or stock is None or handlers.get("TJ") is not stock
            or array("H").itemsize != 2):
        return False
    handlers["TJ"] = _shown_by(stock)
    return True


def _shown_by(stock):
    def text_showing(walk, op: str, operands: list) -> None:
        font = walk.state.font
        codes = None
        if (walk.in_text and font is not None and font.ok and font.kind == "type0"
                and font.cmap is None):
            codes = identity_codes(operands[0].unparse())
        if codes is None:
            stock(walk, op, operands)
            return
        mode = walk.state.tr
        # The codes this font has shown in this mode so far: recording one again changes
        # nothing (its set of modes already holds the mode, its CID is the code), so only
        # the codes new to the font in this mode are recorded.
        shown = font.__dict__.setdefault(_SHOWN, {}).setdefault(mode, set())
        codes -= shown
        if not codes:
            return
        shown |= codes
        usage, cid_of = font.usage, font.cid_of
        for code in codes:
            modes = usage.get(code)
            if modes is None:
                usage[code] = {mode}
            else:
                modes.add(mode)
            # Identity encoding: the code is the CID.
            cid_of[code] = code
    text_showing.stock = stock
    return text_showing


def identity_codes(unparsed: bytes) -> set | None:
    """The two-byte codes the TJ array ``unparsed`` (as qpdf writes it) shows, or None when
    it holds anything but hexadecimal strings of whole codes, empty strings and numbers (a
    string of odd length among them: pikepdf's handler reports it)."""
    if _SIMPLE_ARRAY.fullmatch(unparsed) is None:
        return None
    codes = array("H", binascii.unhexlify(b"".join(_HEX_STRING.findall(unparsed))))
    if sys.byteorder == "little":
        codes.byteswap()
    return set(codes)
