"""A PDF page's text in logical (reading) order, right-to-left lines included.

A PDF holds glyphs where they are drawn: an Arabic line is drawn from right to left, with
numbers, symbols and Latin-script names left to right inside it, and a glyph joined to the
next by the font (the م of "مجلس") may be drawn as a text object of its own. Reading the
objects in the order the file lists them gives words in the wrong order; so the characters
of each printed line are put back in reading order from where they are drawn: right to left
across the line, each left-to-right run (digits, Latin letters and what stands between them)
read left to right, and the brackets the font drew mirrored read as written.
"""
from __future__ import annotations

import ctypes
import re
import unicodedata

from ...memo import once
from ...model import languages
from .pdf_textpage import text_page
from .pdfium_calls import address, calls, char_calls, text_page_handle

# A bracket is drawn as its mirror in a right-to-left run, and the file's ToUnicode names each
# glyph by the first character it was drawn for, so the text a bracket's glyph is given says
# nothing sure about which way it faces. Which way it faces in the text is read from where it
# stands: one that opens a line or follows a space or an opening bracket opens.
_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}
# The characters PDFium adds to a page's text of its own (FPDFText_IsGenerated): a space between
# two words it finds no space drawn between, and the line end.
_MAY_BE_GENERATED = frozenset(map(ord, " \r\n"))
_PAIR_OF = {**{o: (o, c) for o, c in _PAIRS.items()}, **{c: (o, c) for o, c in _PAIRS.items()}}


def _direction(ch: str) -> str:
    """'R' for a right-to-left letter, 'L' for a left-to-right letter or digit, else 'N'."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):
        return "L"
    return "N"


def glyph_direction(text: str) -> str:
    """``_direction`` of what one glyph was drawn for: of its first character, or, where PDFium
    gives the glyph as several (``_one_glyph_each``), of the character they decompose: "№" is
    given "No" and "⒈" "1.", whose first characters are a letter and a digit, and the
    characters drawn are neutrals, which the shaper placed as neutrals ("№ 3" in an Arabic
    sentence: "3" drawn left of "№", read "3 №" as one left-to-right run before)."""
    if len(text) > 1:
        from ..fingerprint import as_decomposed

        drawn = _drawn_directions().get(as_decomposed(text))
        if drawn is not None:
            return drawn
    return _direction(text[0])


@once
def _drawn_directions() -> dict:
    """{the characters PDFium gives one glyph as: the direction of the character drawn}, where
    every character given so has one direction and it is not that of the first one given."""
    from ..fingerprint import PDFIUM_OWN, _COMPATIBLE, as_decomposed

    found: dict = {}
    for ch in {*_COMPATIBLE, *PDFIUM_OWN}:
        given = as_decomposed(ch)
        if len(given) > 1:
            # (a number, "½" or "⑴", is read as its first character is, as before: a writer
            # may take it into a left-to-right run or leave it out, as it follows one or not)
            found.setdefault(given, set()).add(_direction(given[0]) if ch.isalnum() else _direction(ch))
    return {given: kinds.pop() for given, kinds in found.items()
            if len(kinds) == 1 and _direction(given[0]) not in kinds}


class _Char:
    __slots__ = ("text", "left", "right", "y", "size", "index", "x", "raised", "box", "font", "drawn_by")

    def __init__(self, text, left, right, y, size, index, x, drawn_by=None):
        self.text, self.left, self.right, self.y, self.size = text, left, right, y, size
        self.index, self.x, self.raised = index, x, False
        self.box = (left, right)
        self.font = None
        self.drawn_by = drawn_by    # the address of the text object that draws it


def page_chars(textpage, spaces_of_no_width: bool = False, decomposed: bool = False,
               made_up_spaces: bool = False) -> list:
    """The page's drawn characters in the file's order, with their box, origin and baseline;
    ``spaces_of_no_width``: with the spaces PDFium gives no width (in a right-to-left line, where
    a word space is drawn at the edge of the glyph after it), which are otherwise left out;
    ``decomposed``: with the characters PDFium gives one glyph of a right-to-left page as (its
    compatibility decomposition, "…" as three full stops at the glyph's place) read as one, in
    the file's order, so that no later step places them apart ("½" read "2/1");
    ``made_up_spaces``: with the spaces PDFium makes up between words it finds no space drawn
    between (a justified left-to-right line's, whose spaces are drawn as gaps), which a text
    object's text has too."""
    pdfium = char_calls()
    page = text_page_handle(textpage)
    is_generated, map_error = pdfium.FPDFText_IsGenerated, pdfium.FPDFText_HasUnicodeMapError
    unicode_of, box_of, origin_of = pdfium.FPDFText_GetUnicode, pdfium.FPDFText_GetCharBox, pdfium.FPDFText_GetCharOrigin
    size_of, object_of = pdfium.FPDFText_GetFontSize, pdfium.FPDFText_GetTextObject
    # A character's size is its text object's (PDFium's FPDFText_GetFontSize reads the object's):
    # asked for once per object, of its first character.
    sizes: dict = {}
    out: list = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    box_refs = tuple(ctypes.byref(v) for v in (left, right, bottom, top))
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    count = calls().FPDFText_CountChars(address(textpage.raw))
    paired = -1     # the entry read already as the second half of a character
    for i in range(count):
        if i == paired:
            continue
        code = unicode_of(page, i)
        # PDFium makes up only spaces and line ends (a word's space it finds between two glyphs,
        # a line's end): only those are asked whether they were made up.
        if code in _MAY_BE_GENERATED and is_generated(page, i) == 1 and not (
                code == 32 and (made_up_spaces or _drawn_space(page, i, count, unicode_of, object_of))):
            continue
        if map_error(page, i) == 1:
            # A glyph the file gives no text for (WeasyPrint names only the first glyph of a
            # cluster: the shadda drawn with a vowel sign) is not read, rather than read as
            # whatever character its number happens to be.
            continue
        if 0xD800 <= code <= 0xDFFF:
            # PDFium counts in UTF-16: a character beyond U+FFFF (😀, 𝐀) is two entries, the
            # halves of its pair, next to each other, the low one first where the glyph is in
            # a right-to-left run. Together they are one character; a half alone is none.
            other = unicode_of(page, i + 1) if i + 1 < count else 0
            high, low = (code, other) if code <= 0xDBFF else (other, code)
            if not (0xD800 <= high <= 0xDBFF and 0xDC00 <= low <= 0xDFFF):
                continue
            paired = i + 1
            code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        ch = "-" if code == 2 else chr(code)   # PDFium's U+0002 is a hyphen that ends a line
        if ch in "\r\n\x00" or not code:
            continue
        box_of(page, i, *box_refs)
        origin_of(page, i, x_ref, y_ref)
        if ch.isspace() and right.value - left.value < 0.01 and not spaces_of_no_width:
            continue            # PDFium's own space of no width beside a mark, drawn by nothing
        drawn_by = object_of(page, i)
        size = sizes.get(drawn_by) if drawn_by else None
        if size is None:
            size = size_of(page, i)
            if drawn_by:
                sizes[drawn_by] = size
        out.append(_Char(ch, left.value, right.value, y.value, size, i, x.value, drawn_by))
    return _one_glyph_each(out) if decomposed else out


def _drawn_space(page, i: int, count: int, unicode_of, object_of) -> bool:
    """Whether a space PDFium made up (entry ``i``) stands for one the file draws: between two
    left-to-right characters of one text object. A justified line's space is drawn widened, half
    its widening before the glyph (``writers.pdf.justified_spaces``); where that opens a gap
    inside a left-to-right run ("dash — E/CN.4", an isolate of an Arabic line), PDFium names a
    space of its own at the gap and none for the glyph, and the reader, which takes no made-up
    space, lost the words' spaces. Between two objects (an isolate's edge and the line's stop,
    "(كوفيد-19)؛") a made-up space stays a guess."""
    if not 0 < i < count - 1:
        return False
    before, after = unicode_of(page, i - 1), unicode_of(page, i + 1)
    if before in _MAY_BE_GENERATED or after in _MAY_BE_GENERATED or "R" in (
            _direction(chr(before)), _direction(chr(after))):
        return False
    drawn_by = object_of(page, i - 1)
    return bool(drawn_by) and drawn_by == object_of(page, i + 1)


def _one_glyph_each(chars) -> list:
    """``chars`` with each run that stands at one glyph's place and spells a compatibility
    decomposition (``fingerprint.DECOMPOSED``) joined into one character of that text, and a
    spacing accent PDFium gives as its combining mark ("´" as U+0301) read as the accent: a mark
    drawn as a glyph of its own, touching neither neighbour's ink (a space's box it reaches into is
    none) and not at the place of the one before it (a combining mark typed after a letter is
    drawn at its letter's place, or over it), or the mark given with a space at one glyph's
    place ("‾" as " " and U+0305)."""
    from ..fingerprint import DECOMPOSED, SPACING_ACCENTS, as_decomposed

    for n, ch in enumerate(chars):
        if ch.text in SPACING_ACCENTS and not any(
                (_touches(ch, other) and other.text.strip()) or abs(ch.x - other.x) < 0.01
                for other in chars[max(n - 1, 0):n + 2]
                if other is not ch):
            ch.text = SPACING_ACCENTS[ch.text]
    out: list = []
    start = 0
    while start < len(chars):
        end = start + 1
        first = chars[start]
        while end < len(chars) and _same_place(chars[end], first):
            end += 1
        if end - start == 1:
            out.append(first)
            start = end
            continue
        text = "".join(ch.text for ch in chars[start:end])
        if as_decomposed(text) in DECOMPOSED:
            first.text = text
            out.append(first)
        elif text[:1] == " " and text[1:] in SPACING_ACCENTS:
            # (a spacing accent PDFium gives as its decomposition, a space and the mark: "‾")
            first.text = SPACING_ACCENTS[text[1:]]
            out.append(first)
        elif len(composed := unicodedata.normalize("NFC", text)) == 1:
            # (a letter PDFium gives as its canonical decomposition: "ۀ" as "ە" and the hamza above,
            # which, an Arabic mark, would not be read)
            first.text = composed
            out.append(first)
        else:
            out += chars[start:end]
        start = end
    return out


def _touches(ch, other) -> bool:
    return abs(ch.y - other.y) < ch.size and ch.left < other.right and other.left < ch.right


def _same_place(ch, other) -> bool:
    return (abs(ch.left - other.left) < 0.01 and abs(ch.right - other.right) < 0.01
            and abs(ch.y - other.y) < 0.01 and abs(ch.x - other.x) < 0.01)


def _lines(chars) -> list:
    """Printed lines, in the file's order: a character joins the line it is on (its baseline
    within a third of its size), or, set small and raised, the line it is a call or superscript of."""
    lines: list = []
    for ch in chars:
        line = lines[-1] if lines else None
        if line is not None:
            base, size = line[0].y, line[0].size
            # (PDFium may give a space of no width another baseline and size; a space that has a
            # width is on its line as a letter is)
            same = (abs(ch.y - base) < 0.5 * size if not ch.text.strip() and ch.right - ch.left < 0.01
                    else abs(ch.y - base) <= 0.3 * min(ch.size, size))
            # (a mark is drawn raised or lowered over its letter: it is on its letter's line)
            same = same or (_is_mark(ch) and abs(ch.y - base) < size)
            # (a call is set beside the word it follows; a smaller line elsewhere is a line of its own)
            raised = (ch.size < 0.85 * size and -0.5 * size < ch.y - base < 0.8 * size
                      and any(min(abs(ch.left - c.right), abs(c.left - ch.right)) < 1.5 * size for c in line))
            if same or raised:
                ch.raised = raised and not same
                line.append(ch)
                continue
        lines.append([ch])
    return _top_down(lines)


def _top_down(lines) -> list:
    """A line the file draws after one it stands above, sharing part of its width (the first
    line of a title drawn after its second, beside its number), is read first; lines side by
    side (the masthead's columns) keep the file's order."""
    def span(line):
        return min(ch.left for ch in line), max(ch.right for ch in line)

    def between(earlier, low, high) -> bool:
        """Whether a line read before stands between the two baselines: then the line drawn
        later is not the next above the other (a page's running header, drawn after the page's
        last line and above its start, stays where the file draws it)."""
        return any(low.y + 0.5 * low.size < line[0].y < high.y - 0.5 * high.size for line in earlier)

    lines = list(lines)
    for i in range(1, len(lines)):
        j = i
        while j > 0:
            above, below = lines[j], lines[j - 1]
            (a0, a1), (b0, b1) = span(above), span(below)
            if (above[0].y > below[0].y + 0.5 * below[0].size and min(a1, b1) - max(a0, b0) > 0
                    and not between(lines[:j - 1], below[0], above[0])):
                lines[j - 1], lines[j] = above, below
                j -= 1
            else:
                break
    return lines


class Line:
    """One printed line: its text in reading order, the size most of it is set in, and its
    baseline (points from the page's foot)."""
    __slots__ = ("text", "size", "y")

    def __init__(self, text, size, y):
        self.text, self.size, self.y = text, size, y


def _is_mark(ch) -> bool:
    return unicodedata.category(ch.text[0]) in ("Mn", "Me")


def _place(ch, line) -> tuple:
    """Where a character is read in a right-to-left line: by its glyph's start, right first. A mark
    (a vowel sign, the tanween) is drawn over its letter and read just after it: the letter it
    stands over, drawn near it in the file (a mark the file draws raised apart, later in the line,
    is still over its letter)."""
    if _is_mark(ch):
        centre = (ch.left + ch.right) / 2
        letters = [c for c in line if not _is_mark(c) and c.text.strip()]
        # A mark the font has no place for over this letter (a Latin accent typed on an Arabic
        # letter) is drawn where the pen stands, at the origin of the letter the file draws just
        # before it, its ink over the letter beside: it is still the first letter's.
        unplaced = [c for c in letters if abs(c.x - ch.x) < 0.01 and 0 < ch.index - c.index <= 2]
        if unplaced:
            base = unplaced[-1]
            return (-round(base.x, 2), -base.index, 1, ch.index)
        if letters:
            base = min(letters, key=lambda c: (not c.left - 0.5 <= centre <= c.right + 0.5,
                                                abs(c.index - ch.index) > 4,
                                                abs((c.left + c.right) / 2 - centre)))
            return (-round(base.x, 2), -base.index, 1, ch.index)
    if ch.text.isspace() and ch.right - ch.left < 0.01:
        # a space of no width stands at the left edge of the glyph read before it
        return (-round(ch.x, 2) + 0.005, -ch.index, 0, 0)
    return (-round(ch.x, 2), -ch.index, 0, 0)


def _joins(before, between, after, rtl_page: bool = False) -> bool:
    """Whether two left-to-right pieces with ``between`` them are one run: words and a symbol's
    parts are ("Viet Nam", "A/HRC/54/4"). In a right-to-left page, whose writer isolates each run
    of Latin letters and digits with what stands between them, so are numbers ("39(2022)", "12-4",
    "2012 2020") and pieces in two faces (a symbol linked in bold pieces, a Latin sentence after
    its italic opening words: the writer isolates the sentence's run whole); elsewhere two numbers are one run only across one separator of numbers ("5/1",
    "2.5", "12-4"), as the Unicode bidi algorithm joins them."""
    if any(ch.raised != before.raised for ch in (*between, after)):
        return False        # a call set beside a number is read after it, not inside its run
    near = (before, *between)
    if getattr(before, "font", None) != getattr(after, "font", None):
        if not rtl_page:
            return False    # italics after roman: another run
        # (a paragraph's number "1-", set in the line's face a step from its Latin words, is not
        # in their run, whatever space of no width the file names in the step)
        drawn = [c for c in near if not c.text.isspace()]
        if min(abs(after.box[1] - c.box[0]) for c in drawn) > after.size:
            return False
    if min(abs(after.box[1] - c.box[0]) for c in near) > after.size and not between:
        return False        # a box apart: a number hung in the margin beside its title
    if any(unicodedata.name(ch.text[0], "").startswith("ARABIC") for ch in between):
        return False        # "Afghanistan، Brazil": Arabic punctuation belongs to the Arabic sentence
    if between and before.text[0].isdigit() and after.text[0].isdigit() and not rtl_page:
        return len(between) == 1 and between[0].text in _NUMBER_SEPARATORS
    return True


# What joins two numbers into one left-to-right run (the bidi algorithm's European separators and
# common separators).
_NUMBER_SEPARATORS = "/.,:-+"


def _facing(runs) -> list:
    """``runs`` (``reading_runs``) with each bracket facing the way its place says (see
    ``_PAIRS``): one that opens the line, follows a space, a gap or an opening bracket, or starts
    a note's call (set raised) opens; one that follows words closes what the line opened, or
    closes what an earlier line opened where words do not follow it ("(2022)" of "39(2022)" opens)."""
    flat = [(ch, text, k if n == 0 and k > 0 else None) for k, run in enumerate(runs)
            for n, (ch, text) in enumerate(run)]
    known = {id(item[0]) for run in runs for item in run if isinstance(item, _Faced)}

    def apart(item) -> bool:     # (asked only beside a bracket: it measures two pieces)
        return item[2] is not None and _apart(runs[item[2] - 1], runs[item[2]])

    out, open_ = [], {}
    for n, (ch, text, _k) in enumerate(flat):
        pair = _PAIR_OF.get(text)
        if pair is not None and id(ch) in known:
            open_[pair[0]] = open_.get(pair[0], 0) + (1 if text == pair[0] else -1)
        elif pair is not None:
            before = out[n - 1] if n else None
            after = flat[n + 1] if n + 1 < len(flat) else None
            if (before is None or before[0].raised != ch.raised or before[1].isspace() or before[1] in _PAIRS
                    # (or a gap inside a run: a justified line may draw an isolate's space as a gap
                    # with no character, "2012 (S/PRST/2012/6)" read "2012(")
                    or (flat[n][2] is None and _apart([before], [(ch, text)]))):
                opens = True
            elif open_.get(pair[0]):
                opens = False
            elif apart(flat[n]):
                opens = True
            else:
                opens = not (after is None or apart(after) or after[1].isspace() or after[0].raised != ch.raised
                             or unicodedata.category(after[1][:1] or " ")[0] == "P")
            open_[pair[0]] = open_.get(pair[0], 0) + (1 if opens else -1)
            text = pair[0] if opens else pair[1]
        out.append((ch, text))
    sized, at = [], 0
    for run in runs:
        sized.append(out[at:at + len(run)])
        at += len(run)
    return sized


# The Arabic face draws a curly quote in right-to-left text with the glyph of its mirror (as it
# does a bracket), and the text layer names that glyph by its own character.
_QUOTE_MIRROR = {"\u201c": "\u201d", "\u201d": "\u201c", "\u2018": "\u2019", "\u2019": "\u2018"}


def _in_isolate(ch, beside, rtl_fonts) -> bool:
    return (ch.font is not None and ch.font == beside.font and ch.font not in rtl_fonts
            and not ch.raised and not beside.raised and not ch.text.isspace())


def _unpaired_ends(run) -> tuple[int, int]:
    """How many brackets a left-to-right run (in reading order) closes that it does not open, and
    opens that it does not close, each facing the way its place says (one after a letter or digit
    closes, one after a space or at the run's start opens): the text layer does not say."""
    left = right = 0
    for k, ch in enumerate(run):
        if ch.text not in _PAIR_OF:
            continue
        before = run[k - 1].text if k else " "
        if before.isspace() or before in _PAIRS:
            right += 1
        elif right:
            right -= 1
        else:
            left += 1
    return left, right


def _opens_run(ch, run, needed: int) -> bool:
    """Whether a bracket drawn just left of a left-to-right run that closes ``needed`` brackets it
    does not open is the run's."""
    return (needed > 0 and ch.text in _PAIR_OF and ch.raised == run[0].raised
            and abs(run[0].box[0] - ch.box[1]) < 0.2 * ch.size)


def _ends_open_run(ch, run, needed: int) -> bool:
    """Whether a bracket drawn just right of a left-to-right run that opens ``needed`` brackets it
    does not close is the run's."""
    return (needed > 0 and ch.text in _PAIR_OF and ch.raised == run[-1].raised
            and abs(ch.box[0] - run[-1].box[1]) < 0.2 * ch.size)


def _closes_run(ch, run) -> bool:
    pair = _PAIR_OF.get(ch.text)
    if pair is None or ch.raised != run[-1].raised:
        return False
    drawn = sum(1 for c in run if c.text in pair)
    return drawn % 2 == 1 and abs(ch.box[0] - run[-1].box[1]) < 0.2 * ch.size


def _ends_isolate(ch, run, rtl_fonts, opens_line: bool = False) -> bool:
    """Whether a bracket drawn just right of a left-to-right run is the run's: in its face, and
    the run opens a bracket before its last letter or digit (only such an isolate ends in one),
    or the bracket is the first thing read on its line (``opens_line``): an isolate broken over
    two lines, "2011 (S/PRST/" above and "2011/16)" here, whose bracket was opened above."""
    alnum = [n for n, c in enumerate(run) if c.text[:1].isalnum()]
    return (ch.text in _PAIR_OF and bool(alnum)
            and (opens_line or any(c.text in _PAIR_OF for c in run[:alnum[-1]]))
            and _in_isolate(ch, run[-1], rtl_fonts) and abs(ch.box[0] - run[-1].box[1]) < 0.2 * run[-1].size)


def _isolate_faced(run) -> list:
    """A left-to-right isolate's characters with its brackets facing as drawn. The writers end
    an isolate at its last letter or digit or at a closing bracket (``writers.bidi``), so the
    bracket it ends with closes; the face names each glyph by the first character it was drawn
    for (its mirror, if that was in right-to-left text), and the name of that last bracket says
    which way round the face names all its brackets ("14(3()" of the UN's "14(3()د)")."""
    last = run[-1]
    swapped = last.text in _PAIRS
    out = []
    for ch in run:
        pair = _PAIR_OF.get(ch.text) if ch.font == last.font else None
        text = ch.text
        if pair is not None and swapped:
            text = pair[1] if ch.text == pair[0] else pair[0]
        out.append(_Faced(ch, text))
    return out


class _Faced(tuple):
    """A bracket's ``(char, text)`` whose facing is known from how it is drawn, not from its place."""

    def __new__(cls, ch, text):
        return super().__new__(cls, (ch, text))


def _apart(before, run) -> bool:
    """Whether a gap a space would fill stands between two pieces read one after the other."""
    a0, a1 = min(c.box[0] for c, _t in before), max(c.box[1] for c, _t in before)
    b0, b1 = min(c.box[0] for c, _t in run), max(c.box[1] for c, _t in run)
    size = max(before[-1][0].size, run[0][0].size)
    return max(b0 - a1, a0 - b1) > 0.2 * size


def _logical(line, rtl: bool = False) -> str:
    """One printed line's text in reading order; ``rtl``: the page is written right to left, so a
    line without a right-to-left letter (a footnote that is a symbol) is one too."""
    return "".join(text for _ch, text in reading_order(line, rtl))


def reading_order(line, rtl: bool = False) -> list:
    """One printed line's characters in reading order, each with its text as read
    (``[(char, text), …]``; a bracket faces the way its place says)."""
    return [item for run in reading_runs(line, rtl) for item in run]


# What a line may end at inside a run of numbers and symbols, with no space after it (UAX #14).
_BREAK_AFTER = frozenset("/-\u2010\u2013\u2014")
_PROSE_WORD = re.compile(r"(?<![^\W\d_])[a-z]{2,}(?![^\W\d_])")


def reading_runs(line, rtl: bool = False, rtl_faces=frozenset(), latin_faces=frozenset()) -> list:
    """``reading_order`` in pieces: each left-to-right run ("A/HRC/54/4", "11 October") is one
    piece, each other character a piece of its own. ``rtl_faces``: the faces the page draws its
    right-to-left letters in (a label's quotes are in the roman face where its line's words are
    all in italics); ``latin_faces``: those it draws its Latin letters in."""
    if not rtl and not any(_direction(c) == "R" for ch in line for c in ch.text):
        return [[(ch, ch.text)] for ch in line]
    # Right to left across the line, by where each glyph starts (a glyph joined to the next by the
    # font may reach past it). The characters of one glyph (a ligature: "لم") share its place;
    # PDFium lists a right-to-left object's characters reversed, so they are taken back to front.
    order = [ch for _key, ch in sorted((_place(ch, line), ch) for ch in line)]
    kinds = [glyph_direction(ch.text) for ch in order]
    rtl_fonts = {ch.font for ch, kind in zip(order, kinds) if kind == "R"}
    # The page's other right-to-left faces count on any line but one of left-to-right prose (an
    # English body under an Arabic page one, a word of small letters on it), which draws its
    # label's quotes in the Arabic face as part of its own run; a line of symbols alone
    # ("A/75/195–S/2020/834.") is still read in the page's direction.
    if rtl_fonts or not _PROSE_WORD.search("".join(ch.text for ch in order)):
        rtl_fonts |= set(rtl_faces)
    isolated = rtl and any(ch.font is not None for ch in order)
    out, i, sizes = [], 0, []
    while i < len(order):
        if kinds[i] != "L":
            text = order[i].text
            if isolated and order[i].font in rtl_fonts:
                text = _QUOTE_MIRROR.get(text, text)
            out.append((order[i], text))
            sizes.append(1)
            i += 1
            continue
        # A left-to-right run: its letters and digits and the neutrals between them ("A/HRC/RES/54/4",
        # "11 October"), read left to right.
        j = i
        while j + 1 < len(order):
            k = j + 1
            while k < len(order) and kinds[k] == "N":
                k += 1
            # (what stands between them drawn in the line's right-to-left face is outside any
            # isolate: "19" and "E/CN.4/…" of "(كوفيد-19) E/CN.4/…" are two runs)
            # (a non-breaking hyphen binds the two it stands between, in whatever face it is
            # drawn: "A/ES‑10/794", whose Latin face has none; PDFium gives it as the hyphen where
            # it reads the line right to left, "انظر A/ES‑10/794")
            if (k < len(order) and kinds[k] == "L" and _joins(order[j], order[j + 1:k], order[k], rtl)
                    and not (isolated and any(c.font in rtl_fonts for c in order[j + 1:k])
                             and [c.text for c in order[j + 1:k]] not in (["\u2011"], ["\u2010"]))):
                j = k
            else:
                break
        # Neutrals at a left-to-right run's ends drawn in its face and in no face of the line's
        # right-to-left letters stand in its isolate (a Latin line's closing comma, its opening
        # quote), read with it; a run of words only (a paragraph's number "1-" is set apart from its dash),
        # or a run of numbers in the page's Latin words' face on a line with no right-to-left
        # letter: a line of a left-to-right paragraph that holds only numbers ("(2005), 1665
        # (2006),") opens and closes with its own brackets and stops (a paragraph's number "1-" is
        # set in the face of the page's right-to-left words, even on a page with none).
        words = isolated and (any(c.text.isalpha() for c in order[i:j + 1])
                              or ("R" not in kinds and all(c.font in latin_faces and c.font not in rtl_faces
                                                           for c in order[i:j + 1])))
        if words:
            while j + 1 < len(order) and kinds[j + 1] == "N" and _in_isolate(order[j + 1], order[j], rtl_fonts):
                j += 1
            while (out and sizes[-1] == 1 and kinds[i - 1] == "N"
                   and (_in_isolate(out[-1][0], order[i], rtl_fonts)
                        # (and a space in the isolate's face before such a neutral: an isolate
                        # broken over two lines, "United Nations —" above "Programme", ends its
                        # first line with its dash after a space of its own)
                        or (out[-1][0].text.isspace() and out[-1][0].font == order[i].font
                            and len(out) > 1 and sizes[-2] == 1 and kinds[i - 2] == "N"
                            and _in_isolate(out[-2][0], order[i], rtl_fonts)))):
                out.pop()
                sizes.pop()
                i -= 1
        run = _left_to_right(order[i:j + 1])
        # Brackets drawn in a left-to-right face just beside a run, pairing brackets it leaves
        # unpaired, are its own: an isolate broken over two lines ("1945 (2010) /2 2035 (2012)"
        # after "1945") opens its second with a bracket, read after the run before, and closes it
        # with one that pairs the run's last "(", which the run's own count did not ask for.
        needed_left, needed_right = _unpaired_ends(run) if isolated else (0, 0)
        if (needed_left and j + 1 < len(order) and kinds[j + 1] == "N"
                and order[j + 1].font not in rtl_fonts | {None} and _opens_run(order[j + 1], run, needed_left)):
            run.insert(0, order[j + 1])
            j += 1
        # A closing bracket drawn just right of a run that opens one is the run's ("16(1)"); where
        # the writer isolates the run, only one drawn in a left-to-right face (the isolate's, or
        # another of its faces: "(**S/2020/57**)", the bracket roman after bold): one in the line's
        # right-to-left face opens what the run closes ("«mots» No. 5", the isolate "mots» No. 5").
        if out and sizes[-1] == 1 and (_closes_run(out[-1][0], run) or _ends_open_run(out[-1][0], run, needed_right)) \
                and (not isolated or out[-1][0].font not in rtl_fonts | {None}):
            run.append(out.pop()[0])
            sizes.pop()
        # A run of numbers broken over two lines after a character a line may end at ("1945
        # (2010) /" above "2 2035 (2012)") ends its first line with it (and the space before it),
        # drawn in its face and touching it: the isolate's, not the sentence's.
        while isolated and not words and out and sizes[-1] == 1:
            last = out[-1][0]
            if last.text in _BREAK_AFTER:
                own = _in_isolate(last, run[-1], rtl_fonts) and abs(last.box[0] - run[-1].box[1]) < 0.2 * last.size
            else:
                own = (last.text.isspace() and last.font == run[-1].font and last.font not in rtl_fonts
                       and len(out) > 1 and sizes[-2] == 1 and out[-2][0].text in _BREAK_AFTER
                       and _in_isolate(out[-2][0], run[-1], rtl_fonts))
            if not own:
                break
            run.append(out.pop()[0])
            sizes.pop()
        # More brackets drawn on in the isolate's face are its own ("14(3()" of "14(3()د)").
        tail = 0
        # (a bracket that opens a line closes an isolate broken above it when no bracket of its
        # pair is drawn just left of the run: "(2016)" at a line's start is a whole pair)
        after = order[j + 1] if j + 1 < len(order) else None
        paired = (after is not None and out and after.text in _PAIR_OF.get(out[-1][0].text, ())
                  and abs(run[0].box[0] - after.box[1]) < 0.2 * run[0].size)
        while isolated and out and sizes[-1] == 1 and _ends_isolate(out[-1][0], run, rtl_fonts,
                                                                     len(out) == 1 and not paired):
            run.append(out.pop()[0])
            sizes.pop()
            tail += 1
        out.extend(_isolate_faced(run) if tail else [(ch, ch.text) for ch in run])
        sizes.append(len(run))
        i = j + 1
    runs, at = [], 0
    for size in sizes:
        runs.append(out[at:at + size])
        at += size
    return _facing(runs)


def _left_to_right(chars) -> list:
    """A left-to-right run's characters, given right to left, in reading order: a mark stays after
    its letter ("q̃"), as ``_place`` put it in the right-to-left order."""
    clusters: list = []
    for ch in chars:
        if clusters and _is_mark(ch):
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    return [ch for cluster in reversed(clusters) for ch in cluster]


# The blocks that hold every right-to-left letter (Hebrew to Arabic Extended-A, their
# presentation forms, and the historic scripts' planes): a quick look before asking each one.
_RIGHT_TO_LEFT_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff"
                                   "\U0001e800-\U0001efff]")


def holds_right_to_left(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Hebrew, Arabic …)."""
    return _RIGHT_TO_LEFT_BLOCKS.search(text) is not None and any(_direction(ch) == "R" for ch in text)


def left_to_right_lines(textpage) -> dict:
    """{the address of a text object: its text in reading order}, for each text object on a line
    of a left-to-right page that holds right-to-left letters (Hebrew, Arabic …).

    Such a line is drawn left to right, each run of right-to-left letters (with what stands
    between them, numbers too) right to left and a number inside such a run left to right, as the
    bidi algorithm sets them; PDFium gives each right-to-left word's letters back to front but the
    words as drawn, and a bracket beside them mirrored, in the object beside too ("(שלום עליכם)"
    read "(עליכם שלום("). So the line's characters are read from where they are drawn, as a
    right-to-left line's are (``reading_runs``), each run the other way round, and each bracket
    faces the way its place on the line says."""
    texts: dict = {}
    for line in _lines(page_chars(textpage, spaces_of_no_width=True, decomposed=True, made_up_spaces=True)):
        if any(_direction(c) == "R" for ch in line for c in ch.text):
            for ch, text in left_to_right_reading(line):
                texts.setdefault(ch.drawn_by, []).append(text)
    return {drawn_by: "".join(pieces) for drawn_by, pieces in texts.items()}


def left_to_right_reading(line) -> list:
    """A left-to-right line's characters in reading order (``[(char, text), …]``): see
    ``left_to_right_lines``."""
    by_place = [ch for _key, ch in sorted((_place(ch, line), ch) for ch in line)]
    clusters: list = []         # right to left, each letter with the marks drawn over it
    for ch in by_place:
        if clusters and _is_mark(ch):
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    clusters.reverse()
    kinds = [_kind(cluster[0].text) for cluster in clusters]
    ordered: list = []
    i = 0
    while i < len(clusters):
        if kinds[i] != "R":
            ordered.append(clusters[i])
            i += 1
            continue
        # A right-to-left run ends at its last right-to-left letter before a left-to-right one.
        end = k = i
        while k < len(clusters) and kinds[k] != "L":
            if kinds[k] == "R":
                end = k
            k += 1
        ordered += _numbers_left_to_right(clusters[i:end + 1][::-1])
        i = end + 1
    return [item for run in _facing([[(ch, ch.text) for ch in cluster] for cluster in ordered]) for item in run]


def _kind(text: str) -> str:
    """'R' for a right-to-left letter, 'L' for a left-to-right one, 'D' for a digit, else 'N'."""
    kind = unicodedata.bidirectional(text[:1] or " ")
    if kind in ("EN", "AN"):
        return "D"
    return glyph_direction(text) if text else "N"


def _numbers_left_to_right(run) -> list:
    """A right-to-left run's clusters in reading order with each number in it ("12/3") read left
    to right."""
    out, i = [], 0
    while i < len(run):
        if _kind(run[i][0].text) != "D":
            out.append(run[i])
            i += 1
            continue
        j = i
        while j + 1 < len(run) and (_kind(run[j + 1][0].text) == "D" or (
                j + 2 < len(run) and run[j + 1][0].text in _NUMBER_SEPARATORS
                and _kind(run[j + 2][0].text) == "D")):
            j += 1
        out += run[i:j + 1][::-1]
        i = j + 1
    return out


def page_lines(textpage, calls: bool = True, rtl: bool = False) -> list:
    """The page's printed lines (``Line``) in reading order; without ``calls``, the numbers set
    small and raised in a line (footnotes' calls) are left out."""
    out = []
    for line in _lines(page_chars(textpage)):
        if not calls:
            line = [ch for ch in line if not (ch.raised and ch.text.isdigit())]
        if not line:
            continue
        sizes: dict = {}
        for ch in line:
            if ch.text.strip():
                sizes[round(ch.size, 1)] = sizes.get(round(ch.size, 1), 0) + 1
        size = max(sizes, key=sizes.get) if sizes else line[0].size
        out.append(Line(_logical(line, rtl), size, line[0].y))
    return out


def page_text(textpage, calls: bool = True, rtl: bool = False) -> str:
    """The page's text in reading order, one printed line a line."""
    return "\n".join(line.text for line in page_lines(textpage, calls, rtl))


def language(pdf) -> str:
    """The document's language, the catalog's /Lang ("" when it has none)."""
    import pypdfium2.raw as pdfium_c

    length = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
    if length <= 2:
        return ""
    buffer = (ctypes.c_ushort * (length // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, length)
    return bytes(buffer).decode("utf-16-le", "replace").split("\0", 1)[0]


def is_right_to_left(pdf) -> bool:
    """Whether the document's language (the catalog's /Lang) is written right to left."""
    tag = language(pdf)
    return bool(tag) and languages.is_right_to_left(tag.split("-")[0].lower())


def pdf_lines(path, calls: bool = True, rtl: bool | None = False) -> list:
    """Each page's ``(height, [Line, …])``; ``rtl=None`` reads right to left when the PDF's
    language is written so."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    try:
        if rtl is None:
            rtl = is_right_to_left(pdf)
        out = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = text_page(page)
            try:
                out.append((page.get_mediabox()[3], page_lines(textpage, calls, rtl)))
            finally:
                textpage.close()
                page.close()
        return out
    finally:
        pdf.close()


def pdf_text(path, pages=None, calls: bool = True, rtl: bool = False) -> list:
    """Each page's text in reading order (``pages``: the indices wanted, default all)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    try:
        out = []
        for index in (range(len(pdf)) if pages is None else pages):
            page = pdf[index]
            textpage = text_page(page)
            try:
                out.append(page_text(textpage, calls, rtl))
            finally:
                textpage.close()
                page.close()
        return out
    finally:
        pdf.close()
