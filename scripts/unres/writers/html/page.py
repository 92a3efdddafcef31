"""The page templates' context, built in one place for the screen page (HTML) and the print
page (the PDF's): the model, its printed strings, and its inlines with the notes linked at
the page's end (screen) or set inline at their calls (print)."""
from __future__ import annotations

from ...model.document import Resolution
from .inlines import INLINE_NOTES, LINKED_NOTES, InlineRenderer
from .printed import printed_strings


def page_context(res: Resolution, pres, *, screen: bool, emblem_src: str | None, **extra) -> dict:
    notes = LINKED_NOTES if screen else INLINE_NOTES
    inl = InlineRenderer(res.footnotes, notes, rtl=pres.dir == "rtl")
    return dict(res=res, pres=printed_strings(pres, res.meta, inl), inl=inl, screen=screen,
                emblem_src=emblem_src, **extra)
