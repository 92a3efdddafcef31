"""Footnotes kept on their call's page within one layout, by re-laying only the pages concerned.

WeasyPrint 70 moves a page's notes on to the next page when a line at the page's foot cannot be
broken before (orphans, widows: Kozea/WeasyPrint#1564, #1924, #2432); a note that does not fit
under its call's line is handled before layout by ``footnote-policy: line`` in the stylesheet
(the line goes over with its note). Moving notes to fit a line cannot be ruled out by CSS, so it
is repaired where it happens: when a page is made with notes carried on to the next, that page's
blocks are loosened (``orphans`` and ``widows`` 1) and it is marked for re-making; if its notes move again,
the blocks that call them start a new page, and where they start one already, the block that the
page's last line opens goes to the next (once loosened, a block's first line may take notes off the
page to fit at its foot). The pass of WeasyPrint's pagination loop
(``layout_document``, the one that re-makes pages whose counters changed) ends there, as it ends
on a document's last page, and the next pass lays out again from the marked page, keeping the
pages before it, without parsing, styling or building boxes again.

Only the layout of this document changes: the styles edited are its own computed styles, and the
pass is ended only for a document laid out by :func:`render` (:func:`ending_passes`). The writer
still checks every note's page on the finished document and falls back to a full re-layout with
CSS rules should a note be off its call's page all the same.
"""
from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field

from . import mends, weasyprint_loader

_WORD = re.compile(r"\w+")


@dataclass
class Placement:
    """What the layout of one document did to keep its notes in place."""
    calling_blocks: dict           # note id -> the id of the block that calls it
    loosened: set = field(default_factory=set)       # pages (1-based) whose blocks were loosened
    broken: set = field(default_factory=set)         # block ids given a page break before them
    pages_remade: list = field(default_factory=list)  # the first page of each re-layout asked for
    _pages: dict = field(default_factory=dict)        # page (1-based) -> its laid-out page box

    def page_made(self, page_box, number: int, carried) -> int | None:
        """Page ``number`` is laid out, ``carried`` the notes it moved on to the next page: the
        first page to lay out again to keep them on it, None if nothing can be done here."""
        self._pages[number] = page_box
        if not carried:
            return None
        first = self._repair(page_box, number, carried)
        if first is not None:
            self.pages_remade.append(first)
        return first

    def _repair(self, page_box, page: int, notes) -> int | None:
        """Edit the styles so that ``notes`` stay on ``page``; the first page to lay out again."""
        root = page_box.children[0]
        before = self._pages.get(page - 1)
        if page not in self.loosened:
            self.loosened.add(page)
            edited = list(_blocks_under_ids(root))
            for box in edited:
                box.style["orphans"] = box.style["widows"] = 1
        else:
            calling = {self.calling_blocks.get(_note_id(note)) for note in notes} - {None}
            ids = calling - self.broken
            from weasyprint.formatting_structure.boxes import BlockLevelBox
            edited = [box for box in _descendants(root) if _anchor(box) in ids and isinstance(box, BlockLevelBox)]
            if not edited:
                # The calling blocks start their page already, yet the notes moved: where the
                # page's last line opens a block, WeasyPrint took notes off the page to fit that
                # line rather than put its block on the next page. That block goes there.
                edited = [box for box in [_block_opened_last(root)]
                          if box is not None and _anchor(box) not in self.broken
                          and _anchor(box) not in calling]
            if not edited:
                return None
            for box in edited:
                self.broken.add(_anchor(box))
                box.style["break_before"] = "page"
        # A block begun on the page before breaks there by its new style too (its widows, its
        # break): that page is laid out again when it holds one of them, or is not known.
        edited_ids = {_anchor(box) for box in edited} - {None}
        on_page_before = before is None or any(_anchor(box) in edited_ids for box in _descendants(before))
        return page - 1 if page > 1 and on_page_before else page


def _note_id(note) -> str | None:
    return note.element.get("id") if note.element is not None else None


def _anchor(box) -> str | None:
    anchor = box.style["anchor"]
    return anchor if anchor and _WORD.fullmatch(anchor) else None


def _descendants(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _descendants(child)


def _block_opened_last(root):
    """The outermost block with an id that the page's last line opens (the line is the first
    of that block and of every block between them), or None."""
    from weasyprint.formatting_structure.boxes import LineBox

    def last_line(box, chain):
        if isinstance(box, LineBox):
            return box, chain
        for child in reversed(getattr(box, "children", ())):
            found = last_line(child, chain + (box,))
            if found is not None:
                return found
        return None

    found = last_line(root, ())
    if found is None:
        return None
    first, chain = found
    opened = None
    for box in reversed(chain):
        if not box.children or box.children[0] is not first:
            break
        if _anchor(box) is not None:
            opened = box
        first = box
    return opened


def _blocks_under_ids(root):
    """Every box inside a box with an id on this page (the id's own box too): what CSS
    ``#id, #id p`` with inheritance reaches."""
    def walk(box, inside):
        inside = inside or _anchor(box) is not None
        if inside:
            yield box
        for child in getattr(box, "children", ()):
            yield from walk(child, inside)
    return walk(root, False)


_placement: contextvars.ContextVar[Placement | None] = contextvars.ContextVar("placement", default=None)


def ending_passes(original):
    """``original`` (WeasyPrint's ``make_all_pages``, one pass of its pagination loop), where a
    document is laid out under :func:`render`: each page it makes is shown to the document's
    :class:`Placement`, and where that asks for pages to be made again the pass ends, as a pass
    ends on its last page (the pages from the first asked for marked to be made, the state carried
    from page to page cleared). The next pass has fewer pages to reuse than it may make: each page
    it makes past them is marked to be made, as the first pass makes every page (unmarked,
    WeasyPrint would reuse one that is not there)."""

    def make_all_pages(context, root_box, html, pages):
        placement = _placement.get()
        if placement is None:
            yield from original(context, root_box, html, pages)
            return
        made = 0
        for page in original(context, root_box, html, pages):
            yield page
            made += 1
            following = context.page_maker[made]
            # A page reused from the pass before carries nothing on: WeasyPrint's pass reads no
            # notes off it, and the context still holds the last page made's.
            reused = made <= len(pages) and page is pages[made - 1]
            carried = None if reused else context.reported_footnotes
            first = None if reused else placement.page_made(page, made, carried)
            if first is not None:
                for index in range(first - 1, made + 1):
                    context.page_maker[index][-1]["content_changed"] = True
                del context.page_maker[made + 1:]
                context.broken_out_of_flow.clear()
                context.reported_footnotes.clear()
                return
            if following[0] is None and not carried:
                continue                      # the last page: the pass ends by itself
            if made >= len(pages):
                following[-1]["content_changed"] = True

    return make_all_pages


# WeasyPrint lays a document out in at most 8 passes (``layout_document``'s ``max_loops``), and
# each repair above ends one: a document whose notes needed more repairs than that was cut short
# where the last one ended its pass (33 pages of a long annex with a note every few lines needed 9,
# and the PDF stopped at page 30). Under :func:`render` a layout may take this many passes more;
# the repairs end, each page being loosened once and each calling block broken once.
REPAIR_PASSES = 120


def more_passes(original):
    """``original`` (WeasyPrint's ``layout_document``), given :data:`REPAIR_PASSES` more passes
    where a document is laid out under :func:`render`."""

    def layout_document(html, root_box, context, max_loops=8):
        if _placement.get() is not None:
            max_loops += REPAIR_PASSES
        return original(html, root_box, context, max_loops)

    return layout_document


def install() -> bool:
    """Put :func:`ending_passes` in WeasyPrint's pagination loop and :func:`more_passes` around
    it (once); False where WeasyPrint's ``make_all_pages`` or ``layout_document`` is not the one
    this was written against."""
    weasyprint_loader.load()
    from weasyprint import document, layout
    from weasyprint.layout import page

    return (mends.install(layout, ending_passes, lambda current: current is page.make_all_pages, "make_all_pages")
            and mends.install(document, more_passes, lambda current: current is layout.layout_document,
                              "layout_document"))


def render(html, placement: Placement, font_config, **options):
    """``html`` (a WeasyPrint HTML) laid out with its notes kept in place; a Document."""
    install()
    token = _placement.set(placement)
    try:
        return html.render(font_config=font_config, **options)
    finally:
        _placement.reset(token)
