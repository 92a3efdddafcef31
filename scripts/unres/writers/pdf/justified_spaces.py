"""A justified run of text is drawn as wide as it was laid out.

WeasyPrint 70 lays a run out shaped plainly, then widens its box by the line's justification
spacing once for each space. To draw it, it shapes the run again with Pango's letter spacing set
on each space, and that attribute cuts the run into a shaping item at every space: the font's
kerning between a space and the letter next to it is lost, and the run is drawn wider or narrower
than its box. Amiri kerns an initial kaf into the space before it by a third of an em, so an
Arabic line with "كفالة كون" was drawn 6.5 pt wider than laid out, and the run spilled over the
box before it: over the italic opening phrase's last letter ("يؤكد مجدداً ضرورة", the Human
Rights Council's 55/4 in Arabic, paragraph 12), and past the column where it ended the line. A
run ending in a no-break space (before a link) was drawn up to 2.5 pt short, since the
attribute's half spacing at a run's end is doubled only for a one-byte space.

Here a justified run is drawn shaped as it was laid out, without those attributes, and each space
of it (a space or a no-break space, the characters WeasyPrint counted) is widened by the
justification spacing after shaping: the run is then exactly its box's width. It is installed only
over the methods it was written against (:func:`install`), and only for runs whose style sets no
word or letter spacing of its own (none of ours does), which WeasyPrint still draws its way.
"""
from __future__ import annotations

from . import mends

_SPACES = (b" ", "\u00a0".encode())


def _plain_spacing(style) -> bool:
    letter = style["letter_spacing"]
    return not style["word_spacing"] and letter in ("normal", 0)


def widen_spaces(line, text: bytes, spacing: float) -> None:
    """Widen, in Pango's laid-out ``line`` of ``text`` (UTF-8), the glyph of each space by
    ``spacing`` points, half on each side. Widths are Pango units; each is rounded so that the
    sum over the line stays within one unit of the exact total."""
    from weasyprint.text.ffi import TO_UNITS, ffi

    count = 0
    given = 0
    run = line.runs
    while run != ffi.NULL:
        item = ffi.cast("PangoGlyphItem *", run.data)
        run = run.next
        glyphs = item.glyphs
        offset, length = item.item.offset, item.item.length
        starts = sorted({glyphs.log_clusters[i] for i in range(glyphs.num_glyphs)})
        ends = dict(zip(starts, [*starts[1:], length]))
        widened = set()
        for i in range(glyphs.num_glyphs):
            start = glyphs.log_clusters[i]
            if start in widened:
                continue
            widened.add(start)
            cluster = text[offset + start:offset + ends[start]]
            spaces = sum(cluster.count(space) for space in _SPACES)
            if spaces:
                count += spaces
                total = round(count * spacing * TO_UNITS)
                geometry = glyphs.glyphs[i].geometry
                # Half before the space's glyph, half after, as Pango spaces a letter: the glyph
                # stands in the middle of its gap, where readers of the page look for it.
                geometry.x_offset += (total - given) // 2
                geometry.width += total - given
                given = total


def spaced(set_text, get_first_line):
    """WeasyPrint's ``Layout.set_text`` and ``Layout.get_first_line``, drawing justified runs
    shaped as laid out (see the module's text)."""

    def set_text_shaped_as_laid_out(self, text, justify=False):
        widen = justify and self.justification_spacing and _plain_spacing(self.style)
        set_text(self, text, justify=justify and not widen)
        self._unres_widen = self.justification_spacing if widen else 0

    def get_first_line_widened(self):
        first_line, index = get_first_line(self)
        spacing = getattr(self, "_unres_widen", 0)
        if spacing:
            # Once per text: Pango lays the line out again only after the text or width changes.
            self._unres_widen = 0
            widen_spaces(first_line, self.text.encode(), spacing)
        return first_line, index

    return set_text_shaped_as_laid_out, get_first_line_widened


def install() -> bool:
    """Draw WeasyPrint's justified runs as laid out (once); False where its ``Layout`` is not
    the one this was written against."""
    from weasyprint.text.line_break import Layout

    return mends.install(Layout, spaced,
                         lambda set_text, get_first_line: (set_text.__qualname__, get_first_line.__qualname__)
                         == ("Layout.set_text", "Layout.get_first_line"),
                         "set_text", "get_first_line")
