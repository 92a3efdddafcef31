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
import unicodedata

# Where a right-to-left line draws ")" the text has "(": a bracket drawn in a right-to-left run
# is read as its mirror.
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _direction(ch: str) -> str:
    """'R' for a right-to-left letter, 'L' for a left-to-right letter or digit, else 'N'."""
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):
        return "L"
    return "N"


class _Char:
    __slots__ = ("text", "left", "right", "y", "size", "index", "x", "raised")

    def __init__(self, text, left, right, y, size, index, x):
        self.text, self.left, self.right, self.y, self.size = text, left, right, y, size
        self.index, self.x, self.raised = index, x, False


def page_chars(textpage) -> list:
    """The page's drawn characters in the file's order, with their box, origin and baseline."""
    import pypdfium2.raw as pdfium_c

    out: list = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
            continue
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage.raw, i) == 1:
            # A glyph the file gives no text for (WeasyPrint names only the first glyph of a
            # cluster: the shadda drawn with a vowel sign) is not read, rather than read as
            # whatever character its number happens to be.
            continue
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        ch = "-" if code == 2 else chr(code)   # PDFium's U+0002 is a hyphen that ends a line
        if ch in "\r\n\x00" or not code:
            continue
        pdfium_c.FPDFText_GetCharBox(textpage.raw, i, ctypes.byref(left), ctypes.byref(right),
                                     ctypes.byref(bottom), ctypes.byref(top))
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        if ch.isspace() and right.value - left.value < 0.01:
            continue            # PDFium's own space of no width beside a mark, drawn by nothing
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
        out.append(_Char(ch, left.value, right.value, y.value, size, i, x.value))
    return out


def _lines(chars) -> list:
    """Printed lines, in the file's order: a character joins the line it is on (its baseline
    within a third of its size), or, set small and raised, the line it is a call or superscript of."""
    lines: list = []
    for ch in chars:
        line = lines[-1] if lines else None
        if line is not None:
            base, size = line[0].y, line[0].size
            same = abs(ch.y - base) <= 0.3 * min(ch.size, size) if ch.text.strip() else abs(ch.y - base) < size
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

    lines = list(lines)
    for i in range(1, len(lines)):
        j = i
        while j > 0:
            above, below = lines[j], lines[j - 1]
            (a0, a1), (b0, b1) = span(above), span(below)
            if above[0].y > below[0].y + 0.5 * below[0].size and min(a1, b1) - max(a0, b0) > 0:
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
    (a vowel sign, the tanween) is drawn over its letter and read just after it."""
    if _is_mark(ch):
        centre = (ch.left + ch.right) / 2
        letters = [c for c in line if not _is_mark(c) and c.text.strip() and abs(c.index - ch.index) <= 4]
        if letters:
            base = min(letters, key=lambda c: (not c.left - 0.5 <= centre <= c.right + 0.5,
                                                abs((c.left + c.right) / 2 - centre)))
            return (-round(base.x, 2), -base.index, 1, ch.index)
    return (-round(ch.x, 2), -ch.index, 0, 0)


def _joins(before, between, after) -> bool:
    """Whether two left-to-right pieces with ``between`` them are one run: words and a symbol's
    parts are ("Viet Nam", "A/HRC/54/4"); two numbers are only across one separator of numbers
    ("5/1", "2.5"): the line draws "12-4" as two numbers read right to left."""
    if between and before.text[0].isdigit() and after.text[0].isdigit():
        return len(between) == 1 and between[0].text in "/.,:"
    return True


def _logical(line, rtl: bool = False) -> str:
    """One printed line's text in reading order; ``rtl``: the page is written right to left, so a
    line without a right-to-left letter (a footnote that is a symbol) is one too."""
    if not rtl and not any(_direction(c) == "R" for ch in line for c in ch.text):
        return "".join(ch.text for ch in line)
    # Right to left across the line, by where each glyph starts (a glyph joined to the next by the
    # font may reach past it). The characters of one glyph (a ligature: "لم") share its place;
    # PDFium lists a right-to-left object's characters reversed, so they are taken back to front.
    order = [ch for _key, ch in sorted((_place(ch, line), ch) for ch in line)]
    kinds = [_direction(ch.text[0]) for ch in order]
    out, i = [], 0
    while i < len(order):
        if kinds[i] != "L":
            out.append(order[i].text.translate(_MIRROR) if kinds[i] == "N" else order[i].text)
            i += 1
            continue
        # A left-to-right run: its letters and digits and the neutrals between them ("A/HRC/RES/54/4",
        # "11 October"), read left to right.
        j = i
        while j + 1 < len(order):
            k = j + 1
            while k < len(order) and kinds[k] == "N":
                k += 1
            if k < len(order) and kinds[k] == "L" and _joins(order[j], order[j + 1:k], order[k]):
                j = k
            else:
                break
        out.extend(ch.text for ch in reversed(order[i:j + 1]))
        i = j + 1
    return "".join(out)


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


def pdf_lines(path, calls: bool = True, rtl: bool = False) -> list:
    """Each page's ``(height, [Line, …])``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    try:
        out = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
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
            textpage = page.get_textpage()
            try:
                out.append(page_text(textpage, calls, rtl))
            finally:
                textpage.close()
                page.close()
        return out
    finally:
        pdf.close()
