"""A run of glyphs is written as one string, and no string is empty.

WeasyPrint 70 draws a run's glyphs into one TJ array and writes, after each glyph, the difference
between the glyph's width in the font and its width as laid out, in thousandths of an em, as a
whole number. With the body faces at our sizes that difference is nearly always a fraction of a
thousandth, written "0": "[<0035>0<0048>0<0056>0 …] TJ". A zero moves nothing, but it cuts the
string, so every glyph was a string of its own (696,000 strings in the PDFs of the Human Rights
Council's 54th session), and every reader of the page (the PDF/A validator, PDFium, a viewer)
handled each one.

A glyph drawn moved sideways (a justified space, widened half on each side; an Arabic vowel
sign) has its offset written as a number before it; after the number of the glyph before, that
leaves an empty string between the two numbers ("<0836>0<>-67.05<0003>"). PDFium, the PDF engine
of Chromium's viewer, then ends the array short of where the PDF says it ends: what the same line
draws after a vowel sign raised with a text rise (a new array, where the last one ended) stood up
to 0.8 pt left of its place (the Human Rights Council's 55/29 in Arabic, 26 runs on five pages).

Here each zero after a glyph string is left out, so that the glyphs around it are one string, and
each empty string is left out, so that the numbers around it add up (as a TJ array adds them):
the glyphs are drawn where the PDF placed them before, by every reader. Any other number is kept as
written. It is installed only over the function it was written against (:func:`install`).
"""
from __future__ import annotations

from . import mends

# A zero adjustment after a hex glyph string: ">0<" between two of them, ">0" at the array's end.
# It can be nothing else in the text WeasyPrint hands over: a hex string holds no ">", and any
# other number has other digits beside the 0, or a sign or point before it.
_ZERO = ">0<"
_LAST_ZERO = ">0"
_EMPTY = "<>"


def joined(text: str) -> str:
    """``text``, the inside of a TJ array as WeasyPrint writes it, without its zero adjustments
    after glyph strings and without empty strings (a space keeps the numbers around one apart)."""
    text = text.replace(_ZERO, "")
    if text.endswith(_LAST_ZERO):
        text = text[:-1]
    return text.replace(_EMPTY, " ").strip() if _EMPTY in text else text


def _joining(show_text):
    def show_text_joined(self, text):
        return show_text(self, joined(text) if isinstance(text, str) else text)
    return show_text_joined


def install() -> bool:
    """Write WeasyPrint's glyph runs as one string each (once); False where its stream's
    ``show_text`` is not the one this was written against."""
    import pydyf
    from weasyprint.pdf.stream import Stream

    return mends.install(Stream, _joining, lambda show_text: show_text is pydyf.Stream.show_text, "show_text")
