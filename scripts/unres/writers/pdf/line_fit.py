"""A run of words that fits its line but for the space after it stays on the line.

WeasyPrint 70 decides whether a run of text fits what is left of a line by its width with its
trailing space, while CSS lets a space at the end of a line hang. A run followed by another inline
box (an italic verb, a link, a note's call) keeps the space before that box at its end. When the
words fit and the space does not, WeasyPrint takes the run for one that cannot be broken where
Pango put no break, and keeps its first word alone on the line: "… сдержанность во / избежание /
дальнейшей …" (S/RES/2739 (2024) in Russian, its paragraph 4), a line of one word in a justified
paragraph.

The replacement of ``split_first_line`` that WeasyPrint's inline layout calls measures such a run
again without its trailing spaces. When the words fit, the run is laid out in the width it takes
with them, as one line: the box after it then goes to the next line, which is where CSS breaks.
Any other run is laid out as WeasyPrint lays it out. It is installed only over the function it was
written against (:func:`install`).
"""
from __future__ import annotations

import math

from . import mends

# A run of more characters than this per em of the line's width is left as WeasyPrint lays it out
# unmeasured: it cannot fit (the body faces' narrowest glyphs are a quarter of an em wide) unless
# it is mostly marks of no width (Arabic vowel signs), and measuring costs a layout of the run.
_CHARACTERS_PER_EM = 10


def _hanging(text: str, style, max_width) -> bool:
    """Whether ``text`` is a run whose trailing spaces may hang at the end of a line."""
    return (max_width is not None and not math.isinf(max_width) and text.endswith(" ")
            and style["white_space"] in ("normal", "pre-line") and "\n" not in text
            and bool(style["font_size"])
            and len(text) <= _CHARACTERS_PER_EM * max_width / style["font_size"])


def _width(text: str, style, context, justification_spacing) -> float:
    from weasyprint.text.line_break import create_layout, line_size

    # The line belongs to the layout, which must stay alive until the line is measured.
    layout = create_layout(text, style, context, None, justification_spacing)
    first_line, _resume = layout.get_first_line()
    return line_size(first_line, style)[0]


def fitting(original):
    """``original`` (WeasyPrint's ``split_first_line``), keeping whole a run that fits but for its
    trailing spaces."""

    def split_first_line(text, style, context, max_width, justification_spacing,
                         is_line_start=True, minimum=False):
        found = original(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        if found[2] is None or minimum or not _hanging(text, style, max_width):
            return found
        words = text.rstrip(" ")
        if not words or _width(words, style, context, justification_spacing) > max_width:
            return found
        whole = original(text, style, context, _width(text, style, context, justification_spacing),
                         justification_spacing, is_line_start, minimum)
        return whole if whole[2] is None else found

    return split_first_line


def install() -> bool:
    """Put :func:`fitting` in WeasyPrint's inline layout (once); False where its
    ``split_first_line`` is not the one this was written against."""
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    return mends.install(inline, fitting, lambda current: current is line_break.split_first_line, "split_first_line")
