"""The fragments of a right-to-left page, for the PDF reader's layout half.

A PDF of a right-to-left language draws each line's glyphs from left to right, in the order
they are seen: the file holds no reading order to take (WeasyPrint tags a text object as one
span, but one object draws a whole line, Arabic and the numbers in it together). So the page's
characters are put back in reading order line by line (``pdf_bidi``), and handed to the layout
half as fragments of a page seen in a mirror: a fragment's ``x`` is its distance from the
page's right edge, so the start of a line, a number hung in the margin, a note's marker outside
the text block and a right-aligned meeting line stand where the layout half looks for them in a
left-to-right page.
"""
from __future__ import annotations

import ctypes
import unicodedata

from .common import _BOX_SLACK, _NUM_BOX
from .pdf_fonts import font_base_name
from .pdfium_calls import calls, char_calls, text_page_handle
from ..fingerprint import ARABIC_MARKS
from .pdf_bidi import _is_mark, _lines, glyph_direction, page_chars, reading_runs


# A gap that starts a new fragment: wider than any a line of words leaves between two letters or
# two words (the words' spaces are read as the file's spaces), as the step from a number to its
# text is.
_STEP = 1.0
# (a space WeasyPrint draws no glyph for where an isolate's link ends, "[S/2020/429](…) E/CN.4/…",
# leaves less than a fifth of the size between the glyphs' advances; two letters of a word leave none)
_SPACE = 0.15


def _is_punctuation(text: str) -> bool:
    """A comma, a full stop, a closing bracket or quote: what ends the word before it (the Arabic
    comma is drawn a little apart from that word). A dash with a space after it stands between
    words ("75/11 - التعاون"), as a word does, and so does one joined to the word after it (a
    title printed after its number and "-" with no space: "75/10 -التعاون"). A quote that may
    face either way (" ' ’ ”), joined to the word after it, opens that word (italics after a
    number, "2030 *"نوفايا غازيتا"*": the space between them is a text of spaces alone, which
    WeasyPrint does not draw)."""
    if unicodedata.category(text[:1] or " ") == "Pd" and (text[1:2].isspace() or text[1:2].isalpha()):
        return False
    if text[:1] in "\"'\u2019\u201d" and text[1:2].isalnum():
        return False
    return unicodedata.category(text[:1] or " ") in ("Po", "Pe", "Pf", "Pd")


class _Style:
    """What the layout half reads from the text object a character is drawn in."""
    __slots__ = ("font", "scale", "heading", "cell", "mcid", "tags")

    def __init__(self, font, scale, heading, cell=None, mcid=-1, tags=None):
        self.font, self.scale, self.heading = font, scale, heading
        self.cell = cell        # (table, cell) of the table cell it is in; None outside tables
        self.mcid = mcid        # its marked content's number: the tags number them in reading order
        self.tags = tags        # (its blocks' tags, whether running text): pdf_text._page_structure


def _styles(textpage, chars, headings, fonts: dict, cells: dict | None = None,
            blocks: dict | None = None) -> list:
    """Each character's ``_Style``: its object's font name, scale on the page and the heading tag
    it is in ("H2" …; "" in none; None when the page has no tags)."""
    import pypdfium2.raw as pdfium_c

    pdfium = calls()
    page = text_page_handle(textpage)
    per_char = char_calls()
    loose_box_of = per_char.FPDFText_GetLooseCharBox
    matrix, size, box = pdfium_c.FS_MATRIX(), ctypes.c_float(), pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    by_object: dict = {}
    out = []
    for ch in chars:
        # The glyph's advance, not its ink: the ink of a "1" stands well inside its box, and
        # two digits of a number would not touch.
        loose_box_of(page, ch.index, box_ref)
        ch.box = (box.left, box.right) if box.right > box.left else (ch.left, ch.right)
        key = ch.drawn_by
        style = by_object.get(key)
        if style is None:
            base = font_base_name(key, fonts)
            pdfium.FPDFPageObj_GetMatrix(key, ctypes.addressof(matrix))
            pdfium.FPDFTextObj_GetFontSize(key, ctypes.addressof(size))
            # (the tag itself: a heading between operative paragraphs is told from a part's by it)
            mcid = pdfium.FPDFPageObj_GetMarkedContentID(key)
            heading = None if headings is None else headings.get(mcid, "")
            style = by_object[key] = _Style(base, size.value * (abs(matrix.a) + abs(matrix.d)) / 2, heading,
                                            (cells or {}).get(mcid), mcid, (blocks or {}).get(mcid))
        out.append(style)
    return out


def page_fragments(textpage, page_no: int, width: float, headings, fonts: dict, make, first: int,
                   cells: dict | None = None, blocks: dict | None = None) -> list:
    """The page's fragments (made by ``make``, the layout half's ``_Frag``), line by line in
    reading order, mirrored: ``x`` and ``right`` measured from the page's right edge.

    A fragment is a run of characters read one after the other that touch on the page, in one
    font and tagged alike; a gap wider than a space's worth (the step from a paragraph's number
    to its text) or a change of font starts the next, as a new text object does in a
    left-to-right page. Characters set small and raised beside a line (a note's call) are a
    fragment of their own on their own baseline."""
    # The Arabic block's marks are not read (see fingerprint.without_marks_text): the file names
    # them unreliably. Another mark (an accent typed on a letter that has no letter with it) is.
    chars = [ch for ch in page_chars(textpage, spaces_of_no_width=True, decomposed=True)
             if not (_is_mark(ch) and ARABIC_MARKS.fullmatch(ch.text))]
    styles = dict(zip((ch.index for ch in chars), _styles(textpage, chars, headings, fonts, cells, blocks)))
    faces = {index: style.font for index, style in styles.items()}
    chars = _word_spaces(chars, faces)
    for ch in chars:
        ch.font = styles[ch.index].font
    rtl_faces, latin_faces = set(), set()      # the faces of its right-to-left and Latin letters
    for ch in chars:
        direction = glyph_direction(ch.text)
        if direction == "R":
            rtl_faces.add(ch.font)
        elif direction == "L" and ch.text[:1].isalpha():
            latin_faces.add(ch.font)
    out: list = []
    for line in _whole_lines(_lines(chars)):
        base = next((ch for ch in line if not ch.raised), line[0])
        line_start = len(out)
        run: list = []
        extent = [0.0, 0.0]     # the run's left and right edges, kept as it grows
        place = [0.0, 0.0]      # and where it stands in the mirror

        def flush():
            if not run:
                return
            text = "".join(t for _ch, t in run)
            style = styles[run[0][0].index]
            y = run[0][0].y if run[0][0].raised else base.y
            frag = make(page_no, place[0], y, style.scale, style.font, text, first + len(out),
                        place[1], style.heading)
            frag.mirrored = True
            frag.cell = (page_no, *style.cell) if style.cell else None
            frag.block, frag.running = style.tags or (None, None)
            out.append(frag)
            run.clear()

        pieces = _in_tagged_order(reading_runs(line, rtl=True, rtl_faces=rtl_faces, latin_faces=latin_faces),
                                  styles)
        _lam_alef(pieces)
        # (what is read after each character: a dash or a quote before a word is read with it)
        following = [t for piece in pieces for _ch, t in piece][1:] + [""]
        k = -1
        for piece in pieces:
            # A left-to-right piece touches what is read before it at its far end ("(10)": the
            # bracket drawn right of the number touches its 0, read last).
            if len(piece) == 1:
                p_left, p_right = piece[0][0].box
            else:
                p_left, p_right = min(ch.box[0] for ch, _t in piece), max(ch.box[1] for ch, _t in piece)
            for n, (ch, text) in enumerate(piece):
                k += 1
                # Its fragments stand in the mirror in the order they are read, its first where
                # the piece starts ("S/2020" bold, "/", "57" bold: one symbol, each fragment
                # touching the next); a piece of one character is simply mirrored.
                mirrored = (width - p_right + ch.box[0] - p_left, width - p_right + ch.box[1] - p_left)
                if run:
                    last = run[-1][0]
                    style, before = styles[ch.index], styles[last.index]
                    gap = 0.0 if n else max(p_left - extent[1], extent[0] - p_right)
                    if (ch.raised != last.raised or style.font != before.font
                            or style.heading != before.heading or style.cell != before.cell
                            or gap > _STEP * max(ch.size, last.size)
                            or (gap > _SPACE * ch.size and len(out) == line_start
                                and _after_label_box(styles[run[0][0].index], place[0], mirrored[0]))):
                        flush()
                if run:
                    if n:
                        # (a justified line of Latin words draws its spaces as gaps)
                        prior = run[-1][0]
                        gap = max(ch.box[0] - prior.box[1], prior.box[0] - ch.box[1])
                    # A gap a space would fill, with no space drawn in it, reads as one (as the
                    # layout half reads one between two fragments).
                    if (gap > _SPACE * ch.size and not text.isspace() and not _is_punctuation(text + following[k][:1])
                            and not run[-1][1].isspace() and ch.raised == run[-1][0].raised
                            and not _isolate_edge(run[-1][0], ch, faces)):
                        run.append((ch, " "))
                    # (min and max, as comparisons: this runs for every character of the page)
                    if ch.box[0] < extent[0]:
                        extent[0] = ch.box[0]
                    if ch.box[1] > extent[1]:
                        extent[1] = ch.box[1]
                    if mirrored[0] < place[0]:
                        place[0] = mirrored[0]
                    if mirrored[1] > place[1]:
                        place[1] = mirrored[1]
                else:
                    extent[0], extent[1] = ch.box
                    place[0], place[1] = mirrored
                run.append((ch, text))
        flush()
    return out


def _after_label_box(first, start: float, at: float) -> bool:
    """Whether a piece starting at ``at`` (mirrored) is the text after the label a line opens
    with at ``start``: it stands where the label's box ends, and the line opens with an inline
    element, as a label is tagged (words typed at a paragraph's start are its running text). A
    label wider than a letter ("(ب)") leaves less than the size before the text: the step to it
    is then not told by its width, and a text that opens with a bracket or a quote ("(ب)
    (A/HRC/54/1) …") has no space PDFium names there."""
    return first.tags is not None and not first.tags[1] and abs(at - start - _NUM_BOX) <= _BOX_SLACK


def _in_tagged_order(pieces, styles) -> list:
    """``pieces`` with a left-to-right run of a heading that the tags say is several, read in the
    tags' order. A heading's number and its title are set apart on one line, and a title wholly
    in Latin letters after the number and a separator ("75/10", "-", "Cooperation with
    INTERPOL") looks on a right-to-left page like one left-to-right run ("Cooperation with
    INTERPOL - 75/10"): the glyphs alone cannot tell them apart. The marked contents can: each
    is numbered in reading order, and within one left-to-right run they would grow from left to
    right; where they fall from left to right, each is read in turn from the right, its own
    Latin letters and digits left to right, a separator alone right to left."""
    out = []
    for piece in pieces:
        heading = styles[piece[0][0].index].heading
        if not heading:
            out.append(piece)
            continue
        groups: list = []
        for item in piece:
            mcid = styles[item[0].index].mcid
            if groups and groups[-1][0] == mcid:
                groups[-1][1].append(item)
            else:
                groups.append((mcid, [item]))
        # (a space PDFium names in a gap is drawn by no object, in no marked content)
        numbers = [mcid for mcid, _items in groups if mcid >= 0]
        if (len(numbers) < 2
                or any(mcid < 0 and any(t.strip() for _ch, t in items) for mcid, items in groups)
                or any(a <= b for a, b in zip(numbers, numbers[1:]))
                or any(styles[ch.index].heading != heading for ch, _t in piece)):
            out.append(piece)
            continue
        for _mcid, items in reversed(groups):
            strong = any(glyph_direction(t) == "L" for _ch, t in items if t.strip())
            out.append(items if strong else list(reversed(items)))
    return out


def _word_spaces(chars, fonts) -> list:
    """``chars`` without the spaces of no width that stand where no gap is: PDFium names one
    where a mark's glyph is drawn apart (in "يسلّم"); one in a gap between two words is the
    words' space, drawn at the edge of the glyph read before it. ``fonts``: each character's
    font by its index."""
    by_row: dict = {}
    for c in chars:
        if not c.text.isspace():
            by_row.setdefault(round(c.y), []).append(c)
    out = []
    for ch in chars:
        if ch.text.isspace() and ch.box[1] - ch.box[0] < 0.01:
            # (a call set raised beside the line counts: a space may be named inside its glyphs)
            near = (c for row in range(round(ch.y) - 20, round(ch.y) + 21) for c in by_row.get(row, ()))
            line = [c for c in near if abs(c.y - ch.y) < 0.5 * c.size]
            x = ch.box[0]
            if any(c.box[0] + 0.5 < x < c.box[1] - 0.5 for c in line):
                continue        # inside a glyph
            right = min((c for c in line if c.box[0] >= x - 0.5), key=lambda c: c.box[0], default=None)
            left = max((c for c in line if c.box[1] <= x + 0.5), key=lambda c: c.box[1], default=None)
            # (the italic opening words end at a word: a space where the face changes is one,
            # however close the two glyphs are drawn: "أيضاً الجهود")
            if (right is not None and left is not None and right.box[0] - left.box[1] < 0.1 * ch.size
                    and fonts[right.index] == fonts[left.index]):
                continue
            # (one the file draws in no face is PDFium's guess from a gap: where a number's face
            # meets a bracket or a stop in the line's face, short of a label's step, it is the edge
            # of the number's isolate, "(كوفيد-19)؛", "(د-3)")
            if not fonts[ch.index] and right is not None and left is not None and _isolate_edge(left, right, fonts):
                continue
        out.append(ch)
    return out


def _is_stop_or_bracket(text: str) -> bool:
    return unicodedata.category(text[:1] or " ") in ("Po", "Ps", "Pe")


def _isolate_edge(one, other, fonts) -> bool:
    """Whether the gap between two glyphs side by side, one a bracket or a stop, is where a
    left-to-right isolate's face meets the line's: the writers draw every word space there as a
    glyph, so the gap is none (a label's step to its text is wider)."""
    left, right = sorted((one, other), key=lambda c: c.box[0])
    return (fonts[left.index] != fonts[right.index]
            and (_is_stop_or_bracket(left.text) or _is_stop_or_bracket(right.text))
            and right.box[0] - left.box[1] < _STEP * max(left.size, right.size))


def _whole_lines(lines) -> list:
    """Lines on one baseline in one size made one: the file may draw a line's last word (a comma
    after a call) before the call and the rest of the line."""
    out: list = []
    for line in lines:
        base = next((ch for ch in line if not ch.raised and ch.text.strip()), None)
        for other in (out if base is not None else ()):
            first = next((ch for ch in other if not ch.raised and ch.text.strip()), None)
            if (first is not None and abs(first.y - base.y) <= 0.3 * min(first.size, base.size)
                    and abs(first.size - base.size) <= 0.15 * first.size):
                other.extend(line)
                break
        else:
            out.append(list(line))
    return _calls_joined(out)


def _calls_joined(lines) -> list:
    """A line of small raised glyphs alone (a note's call) that stands beside the words of
    another is that line's: the file may draw a call first, and the space after it on the line's
    baseline, before the line's words ("2022(3) ،": the call, then the space, then "، المؤرخ"),
    and the call's glyphs then open a line of their own that takes the space with it, where it
    is read as part of the call and lost with it."""
    # Each line's base glyph, found once: every line is asked of every other.
    bases = {id(line): next((ch for ch in line if not ch.raised and ch.text.strip()), None) for line in lines}

    def host_of(line):
        glyphs = [ch for ch in line if ch.text.strip()]
        if not glyphs:
            return None
        largest = max(ch.size for ch in glyphs)
        for other in lines:
            base = bases[id(other)] if other is not line else None
            if base is None or largest >= 0.85 * base.size:
                continue
            # (as ``pdf_bidi._lines`` takes a call into the line it is set beside)
            if all(-0.5 * base.size < ch.y - base.y < 0.8 * base.size
                   and any(min(abs(ch.left - c.right), abs(c.left - ch.right)) < 1.5 * base.size
                           for c in other if c.text.strip() and not c.raised)
                   for ch in glyphs):
                return other, base
        return None

    hosts = {id(line): host_of(line) for line in lines}
    out = []
    for line in lines:
        found = hosts[id(line)]
        if found is None or hosts[id(found[0])] is not None:
            out.append(line)
            continue
        host, base = found
        for ch in line:
            # (a space of no width is on the line whose baseline it is drawn on)
            ch.raised = not (not ch.text.strip() and abs(ch.y - base.y) < 0.5 * base.size)
        host.extend(line)
    return out


_ALEFS = "\u0622\u0623\u0625\u0627"


def _lam_alef(pieces):
    """The lam of a lam-alef ligature ("لا", "لإ") is given a box of its own reaching past the
    alef it is drawn with (a line starting with one would seem to stand out of the margin): it
    stands where its alef does."""
    flat = [ch for piece in pieces for ch, _t in piece]
    for ch, after in zip(flat, flat[1:]):
        if ch.text == "\u0644" and after.text in _ALEFS:
            ch.box = after.box
