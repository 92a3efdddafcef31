"""Footnotes kept on their call's page within one layout, by re-laying only the pages concerned.

WeasyPrint 70 moves a page's notes on to the next page when a line at the page's foot cannot be
broken before (orphans, widows: Kozea/WeasyPrint#1564, #1924, #2432); a note that does not fit
under its call's line is handled before layout by ``footnote-policy: line`` in the stylesheet
(the line goes over with its note). Moving notes to fit a line cannot be ruled out by CSS, so it
is repaired where it happens: when a page starts with notes carried over from the page before
(the moment WeasyPrint itself notices them), that page's blocks are loosened (``orphans`` and
``widows`` 1) and it is marked for re-making; if its notes move again, the blocks that call them
start a new page. WeasyPrint's own pagination loop (``layout_document``, the one that re-makes
pages whose counters changed) then lays out again from the marked page, keeping the pages before
it, without parsing, styling or building boxes again. The pass that asked for it ends with the
page it was asked on (:func:`ending_passes`): every page after it would be made from a state
being repaired, only to be made again in the next pass.

Only the layout of this document changes: the styles edited are its own computed styles, and the
hook is a layout context of the document class used here, not a change to WeasyPrint. The writer
still checks every note's page on the finished document and falls back to a full re-layout with
CSS rules should a note be off its call's page all the same.
"""
from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field

from ...memo import once
from . import mends, weasyprint_loader

_WORD = re.compile(r"\w+")


@dataclass
class Placement:
    """What the layout of one document did to keep its notes in place."""
    calling_blocks: dict           # note id -> the id of the block that calls it
    loosened: set = field(default_factory=set)       # pages (1-based) whose blocks were loosened
    broken: set = field(default_factory=set)         # block ids given a page break before them
    pages_remade: list = field(default_factory=list)  # the first page of each re-layout asked for
    _pass_page: int | None = None                     # the page repaired in the pass under way
    _last_page: int = 0
    _pages: dict = field(default_factory=dict)        # page (1-based) -> its laid-out page box

    def page_started(self, context, number: int) -> None:
        """``context`` starts page ``number``; the notes it carries were moved off the page before."""
        if number <= self._last_page:      # a new pass of the pagination loop
            self._pass_page = None
        previous, self._last_page = self._last_page, number
        if previous == number - 1 and previous:
            self._pages[previous] = context.current_footnote_area.page
        if self._pass_page is not None:
            # This pass already asked for a re-layout from an earlier page: this page is made
            # from a state being repaired, so it is made again whatever its start then (WeasyPrint
            # would keep a page whose start did not change, with the notes carried into it).
            context.page_maker[number - 1][-1]["content_changed"] = True
            return
        carried = context.reported_footnotes
        if not carried or previous != number - 1:
            return
        page = number - 1
        first = self._repair(self._pages[page], page, carried)
        if first is None:
            return
        self._pass_page = page
        self.pages_remade.append(first)
        for made in range(first, number + 1):
            context.page_maker[made - 1][-1]["content_changed"] = True

    def _repair(self, page_box, page: int, notes) -> int | None:
        """Edit the styles so that ``notes`` stay on ``page``; the first page to lay out again."""
        root = page_box.children[0]
        if page not in self.loosened:
            self.loosened.add(page)
            edited = list(_blocks_under_ids(root))
            for box in edited:
                box.style["orphans"] = box.style["widows"] = 1
        else:
            ids = {self.calling_blocks.get(_note_id(note)) for note in notes} - self.broken - {None}
            from weasyprint.formatting_structure.boxes import BlockLevelBox
            edited = [box for box in _descendants(root) if _anchor(box) in ids and isinstance(box, BlockLevelBox)]
            if not edited:
                return None
            for box in edited:
                self.broken.add(_anchor(box))
                box.style["break_before"] = "page"
        # A block begun on the page before breaks there by its new style too (its widows, its
        # break): that page is laid out again when it holds one of them, or is not known.
        before = self._pages.get(page - 1)
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


@once
def document_class():
    """WeasyPrint's Document whose layout keeps notes on their call's page (see the module)."""
    weasyprint_loader.load()
    from weasyprint.document import Document
    from weasyprint.layout import LayoutContext

    class NotesInPlaceContext(LayoutContext):
        @property
        def current_page(self):
            return self.__dict__.get("current_page")

        @current_page.setter
        def current_page(self, number):
            self.__dict__["current_page"] = number
            placement = _placement.get()
            # Also set while margin boxes are made, after pagination: nothing is carried then.
            if placement is not None and number is not None:
                placement.page_started(self, number)

    class NotesInPlaceDocument(Document):
        @classmethod
        def _build_layout_context(cls, *args, **kwargs):
            context = super()._build_layout_context(*args, **kwargs)
            context.__class__ = NotesInPlaceContext
            return context

    return NotesInPlaceDocument


def ending_passes(original):
    """``original`` (WeasyPrint's ``make_all_pages``, one pass of its pagination loop), ending the
    pass on the page where the layout of a document under :func:`render` asked for pages to be
    made again, as a pass ends on its last page (the page after it left to make, the state
    carried from page to page cleared). The next pass then has fewer pages to reuse than it may
    make: each page it makes past them is marked to be made, as the first pass makes every page
    (unmarked, WeasyPrint would reuse one that is not there)."""

    def make_all_pages(context, root_box, html, pages):
        placement = _placement.get()
        if placement is None:
            yield from original(context, root_box, html, pages)
            return
        asked, made = len(placement.pages_remade), 0
        for page in original(context, root_box, html, pages):
            yield page
            made += 1
            following = context.page_maker[made]
            if following[0] is None and not context.reported_footnotes:
                continue                      # the last page: the pass ends by itself
            if len(placement.pages_remade) > asked:
                following[-1]["content_changed"] = True
                del context.page_maker[made + 1:]
                context.broken_out_of_flow.clear()
                context.reported_footnotes.clear()
                return
            if made >= len(pages):
                following[-1]["content_changed"] = True

    return make_all_pages


def install() -> bool:
    """Put :func:`ending_passes` in WeasyPrint's pagination loop (once); False where its
    ``make_all_pages`` is not the one this was written against."""
    weasyprint_loader.load()
    from weasyprint import layout
    from weasyprint.layout import page

    return mends.install(layout, ending_passes, lambda current: current is page.make_all_pages, "make_all_pages")


def render(html, placement: Placement, font_config, **options):
    """``html`` (a WeasyPrint HTML) laid out with its notes kept in place; a Document."""
    weasyprint = weasyprint_loader.load()
    install()
    token = _placement.set(placement)
    try:
        return document_class()._render(html, font_config, None, None,
                                        {**weasyprint.DEFAULT_OPTIONS, **options})
    finally:
        _placement.reset(token)
