"""The PDF/A validator's walk, without work that cannot change what it finds.

Three parts of pikepdf's validator (``pikepdf.pdfa``) repeat work on our PDFs:

- ``Tf``: every text object WeasyPrint draws sets its font again (``BT /f1 12 Tf … ET``), and
  pikepdf's handler builds a new graphics state for it each time (``dataclasses.replace``). The
  state is a frozen dataclass that nothing compares by identity; when the font the operator
  names (by resource name, from the stream's own table, ``_Resources.fonts``) is the one the
  state already holds, the new state would equal the old one, so it is kept. A name not yet in
  the table, and a different font, go to pikepdf's own handler.
- The search for associated files (``_embedded.associated_file_objgens``, PDF/A-3 6.8-4) walks
  every indirect object written to the file and its direct parts in Python, looking for an
  ``/AF`` key. A dictionary that holds an ``/AF`` key, at any depth of its direct parts, holds
  the bytes ``/AF`` in qpdf's serialisation of it (``unparse``: a name is written as it is, ``#``
  escapes only for characters outside the regular ones, which ``A`` and ``F`` are not). So an
  object whose serialisation (a stream's: its dictionary's) lacks those bytes cannot add to
  what is found, and is left out; every other object, and anything that is not a pikepdf
  object, goes to pikepdf's own search.
- The objects' limits (``_cos._ObjectChecker.check``, ISO 19005-2 6.1.13): every indirect object
  and its direct parts are walked in Python for integers, reals, strings and names beyond the
  limits, containers nested too deeply and the keys /EF and /AF. An object that is not a stream is
  serialised by qpdf once instead; when that text is no longer than the longest string allowed
  (32,767 bytes), opens no more containers than the deepest nesting allowed (64), and holds none
  of ``_SUSPECT`` (what any value beyond a limit, or such a key, is written with), the object
  breaks no limit and holds no file key, so pikepdf's check, which then reports nothing and does
  nothing more, is not run. Every other object, every stream, and every object of a PDF/A-1
  check (which also limits the sizes of containers) goes to pikepdf's own check.

All three are swapped into private parts of pikepdf: only for the version they were written against
(``pikepdf_pinned.PIKEPDF_VERSION``, pinned in pyproject.toml), and only where pikepdf's own function is in
place (and, for the limits, where pikepdf's limits and file keys are the ones written here).
Otherwise pikepdf is left alone (correct, only slower), and tests/test_pdfa_walk.py, which
checks that all three are in place and that the validator finds what pikepdf's own code finds
on our PDFs and on damaged ones, fails.
"""
from __future__ import annotations

import re

from .pikepdf_pinned import installs_once, pinned_parts

# What could break a limit or name a file key, in qpdf's serialisation of an object: ten digits in a
# row (an integer out of range has ten or more; a real beyond the bounds some forty before its
# point, one nearer to zero than they allow some forty after it), a digit before an exponent's
# letter, a name of 128 characters or more (each of its bytes written as one character or three),
# and the keys /AF and /EF.
_SUSPECT = re.compile(rb"[0-9]{10}|[0-9][eE]|/[^\s/<>\[\]()%{}]{128}|/AF|/EF")

@installs_once
def install() -> bool:
    """Put all three in place; True when they are."""
    parts = pinned_parts("_content", "_cos", "_embedded", "_limits")
    if parts is None:
        return False
    import pikepdf

    _content, _cos, _embedded, _limits = parts
    handlers = getattr(_content, "_HANDLERS", None)
    walk = getattr(_content, "_StreamWalk", None)
    stock_tf = getattr(walk, "op_Tf", None)
    stock_af = getattr(_embedded, "associated_file_objgens", None)
    stock_check = getattr(getattr(_cos, "_ObjectChecker", None), "check", None)
    if (not isinstance(handlers, dict) or stock_tf is None
            or handlers.get("Tf") is not stock_tf or stock_af is None
            or getattr(stock_af, "stock", None) is not None or stock_check is None
            or getattr(stock_check, "stock", None) is not None
            or getattr(_cos, "FILE_KEYS", None) != frozenset({"/EF", "/AF"})
            or (_limits.MAX_INTEGER, _limits.MIN_INTEGER, _limits.MAX_NAME, _limits.MAX_NESTING,
                _limits.MAX_STRING.get(2)) != (2**31 - 1, -2**31, 127, 64, 32767)):
        return False
    handlers["Tf"] = _font_setting(stock_tf)
    _embedded.associated_file_objgens = _af_prefiltered(stock_af, pikepdf)
    _cos._ObjectChecker.check = _limits_prefiltered(stock_check, pikepdf, _limits)
    return True


def _font_setting(stock):
    def op_Tf(walk, op: str, operands: list) -> None:
        fonts = walk.resources.fonts
        key = operands[0].unparse().decode("latin-1")
        if key in fonts:
            font = fonts[key]
            if font is not None and walk.state.font is font:
                return
        stock(walk, op, operands)
    op_Tf.stock = stock
    return op_Tf


def _af_prefiltered(stock, pikepdf):
    Object, Stream = pikepdf.Object, pikepdf.Stream

    def associated_file_objgens(objects) -> set:
        maybe = []
        for obj in objects:
            if isinstance(obj, Object):
                try:
                    shown = (obj.stream_dict if isinstance(obj, Stream) else obj).unparse(resolved=True)
                except Exception:   # pikepdf's search meets it, and says what it says
                    shown = b"/AF"
                if b"/AF" not in shown:
                    continue
            maybe.append(obj)
        return stock(maybe)
    associated_file_objgens.stock = stock
    return associated_file_objgens


def _limits_prefiltered(stock, pikepdf, limits):
    Stream = pikepdf.Stream
    max_string, max_nesting = limits.MAX_STRING[2], limits.MAX_NESTING

    def check(checker, obj) -> None:
        if not checker.limits.containers and not isinstance(obj, Stream):
            try:
                shown = obj.unparse(resolved=True)
            except Exception:   # pikepdf's check meets it, and says what it says
                shown = None
            if (shown is not None and len(shown) <= max_string
                    and shown.count(b"[") + shown.count(b"<<") <= max_nesting
                    and _SUSPECT.search(shown) is None):
                return
        stock(checker, obj)
    check.stock = stock
    return check
