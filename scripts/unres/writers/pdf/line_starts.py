"""A word is broken inside only where it starts a line.

The print stylesheet lets a word longer than a line (a long web address) break at the margin
(``overflow-wrap: break-word``), which CSS allows only where the word would otherwise overflow a
line it starts. WeasyPrint 70 takes a run of text for one that starts its line when nothing of the
line box itself is placed yet; a run inside an inline box inside another (a symbol isolated in a
bold Arabic paragraph, ``<strong>…<bdi>UNESCO</bdi>…</strong>``, or a link in an italic quotation)
is placed before anything of the line box is, so it was taken for a line's start wherever it
stood. A word of it that did not fit what was left of a line was then broken between two of its
letters instead of going to the next line: "UNESC" at a line's end, "O" on the next.

The replacements of ``split_inline_box`` and ``split_text_box`` that WeasyPrint's inline layout
calls note where each line starts and tell a run that stands further along the line that it does
not start it; WeasyPrint's own answer is kept otherwise, so a run is never taken for a line's
start where WeasyPrint did not take it for one. They are installed only over the functions they
were written against (:func:`install`).
"""
from __future__ import annotations

from . import mends

# Points: a run further along its line than this does not start it.
_ALONG = 0.01


def _noting_starts(split_inline_box, split_text_box):
    from weasyprint.formatting_structure import boxes

    def split_inline_box_noting(context, box, position_x, *args, **kwargs):
        if not isinstance(box, boxes.LineBox):
            return split_inline_box(context, box, position_x, *args, **kwargs)
        # (a stack: a line box may hold an inline block, which holds lines of its own)
        starts = context.__dict__.setdefault("unres_line_starts", [])
        starts.append(position_x)
        try:
            return split_inline_box(context, box, position_x, *args, **kwargs)
        finally:
            starts.pop()

    def split_text_box_told(context, box, available_width, skip, is_line_start=True):
        starts = context.__dict__.get("unres_line_starts")
        if is_line_start and starts and box.position_x > starts[-1] + _ALONG:
            is_line_start = False
        return split_text_box(context, box, available_width, skip, is_line_start=is_line_start)

    return split_inline_box_noting, split_text_box_told


def install() -> bool:
    """Put the replacements in place (once); False where WeasyPrint's inline layout is not the one
    they were written against."""
    from weasyprint.layout import inline

    return mends.install(
        inline, _noting_starts,
        lambda split_inline_box, split_text_box: all(
            getattr(function, "__module__", None) == inline.__name__ for function in (split_inline_box, split_text_box)),
        "split_inline_box", "split_text_box")
