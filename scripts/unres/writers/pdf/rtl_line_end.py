"""A right-to-left line's last run is drawn where it is laid out: at the column's edge, touching
the box before it.

WeasyPrint 70 drops the space a line breaks at from the end of its last run, but keeps drawing the
run from its text as shaped with that space, which in a right-to-left run is at its left: to put
the letters back in their place it moves every box of the line left by the space's width. A
justified line then shapes its runs again from their text, without the space, and the last run
was drawn a space's width left of its place: past the column's left edge, and a space apart from
the box before it. Where that box is an italic opening phrase or a date's number the words stood
a space and a half apart; where it is a letter the UN's file sets in bold ("**ا**لحاجة", S/RES/2539
(2020) in Arabic, preambular paragraph 31) the word was printed cut in two ("ا لحاجة").

After WeasyPrint's own step, the run that lost the space is shaped from its text without it and,
with the inline boxes it ends, moved back right by the space's width: laid out and drawn alike, at
the column's edge, touching the box before it, justified or not. It is installed only over the
function it was written against (:func:`install`).
"""
from __future__ import annotations

from . import mends


def _last_run(line):
    """The text box at the end of ``line`` and the inline boxes it ends, or (None, [])."""
    from weasyprint.formatting_structure import boxes

    inlines, box = [], line
    while isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        if not box.children:
            return None, []
        if box is not line:
            inlines.append(box)
        box = box.children[-1]
    return (box, inlines) if isinstance(box, boxes.TextBox) else (None, [])


def keeping_place(original):
    """``original`` (WeasyPrint's ``remove_last_whitespace``), keeping a right-to-left line's last
    run in its place (see the module's text)."""

    def remove_last_whitespace(context, line):
        run, inlines = _last_run(line)
        width = run.width if run is not None else None
        original(context, line)
        if run is None or run.pango_layout is None or not run.pango_layout.first_line_direction % 2:
            return
        dropped = width - run.width
        if dropped > 0:
            if run.text:
                from weasyprint.text.line_break import create_layout

                layout = create_layout(run.text, run.style, context, None, run.justification_spacing)
                layout.deactivate()
                run.pango_layout = layout
            run.translate(dx=dropped, ignore_floats=True)
            for inline in inlines:
                inline.position_x += dropped

    return remove_last_whitespace


def install() -> bool:
    """Put :func:`keeping_place` in WeasyPrint's inline layout (once); False where its
    ``remove_last_whitespace`` is not the one this was written against."""
    from weasyprint.layout import inline

    return mends.install(inline, keeping_place,
                         lambda current: (current.__qualname__, current.__module__)
                         == ("remove_last_whitespace", "weasyprint.layout.inline"),
                         "remove_last_whitespace")
