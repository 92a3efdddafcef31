"""The PDF/A validator's walk, without work that cannot change what it finds.

Two parts of pikepdf's validator (``pikepdf.pdfa``) repeat work on our PDFs:

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

Both are swapped into private parts of pikepdf: only for the version they were written against
(``PIKEPDF_VERSION``, pinned in pyproject.toml), and only where pikepdf's own function is in
place. Otherwise pikepdf is left alone (correct, only slower), and tests/test_pdfa_walk.py,
which checks that both are in place and that the validator finds what pikepdf's own code finds
on our PDFs and on damaged ones, fails.
"""
from __future__ import annotations

from .pdfa_glyphs import PIKEPDF_VERSION

_installed = False


def install() -> bool:
    """Put both in place; True when they are."""
    global _installed
    if _installed:
        return True
    try:
        import pikepdf
        from pikepdf.pdfa import _content, _embedded
    except ImportError:
        return False
    handlers = getattr(_content, "_HANDLERS", None)
    walk = getattr(_content, "_StreamWalk", None)
    stock_tf = getattr(walk, "op_Tf", None)
    stock_af = getattr(_embedded, "associated_file_objgens", None)
    if (pikepdf.__version__ != PIKEPDF_VERSION or not isinstance(handlers, dict) or stock_tf is None
            or handlers.get("Tf") is not stock_tf or stock_af is None
            or getattr(stock_af, "stock", None) is not None):
        return False
    handlers["Tf"] = _font_setting(stock_tf)
    _embedded.associated_file_objgens = _af_prefiltered(stock_af, pikepdf)
    _installed = True
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
