"""HTML for the inline model, shared by the screen page and the print variant.

Every piece of source text goes through ``markupsafe.escape``; the only markup
in the result is the handful of tags written here, so no source text can ever
become markup. The two variants differ only in footnote calls: the screen page
links to a note at the end, the print variant carries the note's body at the
call site, where WeasyPrint floats it to the foot of the page.

In a right-to-left document each Latin-script or numeric run of the text (a symbol, a date,
a name) is isolated left to right (``<bdi dir="ltr">``), and a link whose text has no
right-to-left letter reads left to right as a whole, so the bidi algorithm cannot reorder a
symbol's pieces; a run that crosses from one element to the next (a symbol linked in pieces,
a Latin sentence after its italic opening words) is isolated whole (``bidi.runs_across``). The
text itself is unchanged.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ...model.document import Emph, Footnote, LineBreak, Link, NoteRef, Strong, Subscript, Superscript, Text
from ..bidi import BOUNDARY, has_rtl, runs_across, split_ltr

LINKED_NOTES = "linked"
INLINE_NOTES = "inline"

# Only these targets become live links; anything else (javascript:, data:,
# file:) is kept as plain text so a source cannot plant an active URL.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_WRAPPERS = {Emph: "em", Strong: "strong", Superscript: "sup", Subscript: "sub"}


def note_call_id(note_eid: str) -> str:
    """The id of a footnote's call; the note itself carries the model's eId."""
    return f"{note_eid}-call"


def safe_href(target: str) -> str | None:
    target = target.strip()
    if target.startswith("#"):
        return target
    scheme = urlsplit(target).scheme.lower()
    return target if scheme in LINK_SCHEMES else None


class InlineRenderer:
    """Callable used by the templates: ``{{ inl(paragraph.inlines) }}``."""

    def __init__(self, footnotes: list[Footnote], notes: str = LINKED_NOTES, rtl: bool = False):
        if notes not in (LINKED_NOTES, INLINE_NOTES):
            raise ValueError(f"unknown footnote style {notes!r}")
        self._notes = {note.key: note for note in footnotes}
        self._style = notes
        self._rtl = rtl
        self._isolated = 0      # > 0 inside an element already set left to right

    def __call__(self, inlines) -> Markup:
        nodes = list(inlines or ())
        if not self._rtl or self._isolated or len(nodes) < 2:
            return Markup("").join(self._node(node) for node in nodes)
        pieces = [_flat([node]) for node in nodes]
        spans = runs_across(pieces, [not isinstance(node, Text) for node in nodes])
        if not spans:
            return Markup("").join(self._node(node) for node in nodes)
        out, group, span, at = [], [], None, 0
        for node, piece in zip(nodes, pieces):
            if not piece:       # (an element with no text: where it stands)
                (group if group else out).append(node if group else self._node(node))
                continue
            cuts = sorted({at, at + len(piece)} | {edge for s in spans for edge in s if at < edge < at + len(piece)})
            for a, b in zip(cuts, cuts[1:]):
                part = Text(piece[a - at:b - at]) if isinstance(node, Text) else node
                inside = next((s for s in spans if s[0] <= a and b <= s[1]), None)
                if group and inside != span:
                    out.append(Markup('<bdi dir="ltr">') + self._ltr(group) + Markup("</bdi>"))
                    group = []
                span = inside
                if inside is None:
                    out.append(self._node(part))
                else:
                    group.append(part)
            at += len(piece)
        if group:
            out.append(Markup('<bdi dir="ltr">') + self._ltr(group) + Markup("</bdi>"))
        return Markup("").join(out)

    def _node(self, node) -> Markup:
        if isinstance(node, Text):
            return self.text(node.text)
        if isinstance(node, LineBreak):
            # The newline keeps the two lines apart in extracted text.
            return Markup("<br>\n")
        tag = _WRAPPERS.get(type(node))
        if tag:
            return Markup(f"<{tag}>") + self(node.children) + Markup(f"</{tag}>")
        if isinstance(node, Link):
            href = safe_href(node.target)
            if href is None:
                return Markup('<span class="link">') + self(node.children) + Markup("</span>")
            if self._rtl and not self._isolated and not has_rtl(_plain(node.children)):
                return Markup('<a href="%s" dir="ltr">') % href + self._ltr(node.children) + Markup("</a>")
            return Markup('<a href="%s">') % href + self(node.children) + Markup("</a>")
        if isinstance(node, NoteRef):
            return self._note_call(node)
        raise TypeError(f"no HTML for inline {type(node).__name__}")

    def text(self, text: str) -> Markup:
        """A plain string as HTML: escaped, its left-to-right runs isolated in a right-to-left
        document (the printed strings of page one and the closing lines go through here too)."""
        if not self._rtl or self._isolated:
            return escape(text)
        return Markup("").join(Markup('<bdi dir="ltr">%s</bdi>') % piece if ltr else escape(piece)
                               for piece, ltr in split_ltr(text))

    def _ltr(self, inlines) -> Markup:
        self._isolated += 1
        try:
            return self(inlines)
        finally:
            self._isolated -= 1

    def _note_call(self, ref: NoteRef) -> Markup:
        note = self._notes[ref.key]
        if self._style == LINKED_NOTES:
            return Markup(
                '<sup class="note-call"><a id="%s" href="#%s" role="doc-noteref">%s</a></sup>'
            ) % (note_call_id(ref.eid), note.eid, note.marker)
        # The body must sit inline at the call site for ``float: footnote``;
        # the marker is printed from the model's number, never a CSS counter.
        body = Markup(" ").join(self(paragraph) for paragraph in note.paragraphs)
        # The empty anchor marks the call's page, so the writer can check the
        # note was not pushed to a later page.
        return Markup('<span class="note-anchor" id="%s"></span>'
                      '<span class="footnote" id="%s" data-marker="%s">%s</span>') % (
            note_call_id(ref.eid), ref.eid, note.marker, body)


def _plain(inlines) -> str:
    """The text of ``inlines`` and their children, footnotes left out."""
    out = []
    for node in inlines or ():
        if isinstance(node, Text):
            out.append(node.text)
        elif hasattr(node, "children"):
            out.append(_plain(node.children))
    return "".join(out)


def _flat(inlines) -> str:
    """The text of ``inlines`` as the runs of a right-to-left sentence are found in it: a note's
    call and a line break stand as ``bidi.BOUNDARY``, which no run crosses."""
    out = []
    for node in inlines or ():
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (NoteRef, LineBreak)):
            out.append(BOUNDARY)
        elif hasattr(node, "children"):
            out.append(_flat(node.children))
    return "".join(out)
