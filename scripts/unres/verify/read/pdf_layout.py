"""The PDF reader's second half: lines and blocks from the fragments' positions, and
the fingerprint read from them (italics as a font change, notes at the page's foot).
"""
from __future__ import annotations

import copy
import re
from collections import Counter

from ...model import languages
from ...model.document import FORMULA_ENDS
from ...model.ignorable import prints_nothing
from ..fingerprint import (ALL_FIELDS, OPERATIVE, PREAMBLE, Fingerprint, Note, adoption_date_from, is_adopted_at, is_adopted_by, parse_date,
                           is_resolution_line,
                           is_operative_number, is_point_label, normalise, parse_vote_note, read_list,
                           squash, upright_list_label, vote_list_name)
from .advance_ends import gap_reads_as_space
from .common import _BOX_SLACK, _CALL_RE, _Items, _NUM_BOX, _TITLE_RE, _opening
from .pdf_rtl import _SPACE as _RTL_SPACE, _is_punctuation
from .pdf_text import FOOTER_BAND, HEADER_BAND, MASTHEAD_BAND, pdf_fragments


class _Line:
    def __init__(self, frag):
        self.page, self.y, self.frags = frag.page, frag.y, [frag]
        self.calls: list = []      # the footnote calls set above this line

    @property
    def x(self):
        return next((f.x for f in self.frags if f.text.strip()), self.frags[0].x)

    @property
    def text(self):
        return "".join(t for t, _italic in _line_segments(self))

    @property
    def bold(self):
        return all(f.bold for f in self.frags if f.text.strip())

    @property
    def heading(self):
        """Tagged as a heading; in a PDF without tags, set all in bold."""
        words = [f for f in self.frags if f.text.strip()]
        if any(f.heading is None for f in words):
            return self.bold
        return all(f.heading for f in words)

    @property
    def heading_tag(self) -> str:
        """The tag of the heading the line is set in ("H2" …); "" in an untagged PDF."""
        return next((f.heading for f in self.frags if f.text.strip() and f.heading), "")


# The tags of the headings between operative paragraphs (HTML h3 … h6); a part's heading is H2.
_OPERATIVE_HEADING_TAGS = {"H3", "H4", "H5", "H6"}


def extract_pdf(path) -> Fingerprint:
    # A line break after a hyphen, slash or full stop hides whether a space stood there
    # ("burden- and", "Secretary-General", "1/CP.21" all break the same way), so the PDF's
    # texts are compared without the spaces after those characters.
    links_found: list = []
    info: dict = {}
    frags, heights, widths, rtl = pdf_fragments(path, links_found, info)
    # A right-to-left page's text layer does not say which Arabic marks it draws (see pdf_rtl).
    fp = Fingerprint("<memory>" if isinstance(path, bytes) else str(path),
                     ALL_FIELDS - {"spacing"} - ({"marks"} if rtl else set()))
    fp.links, fp.links_as_set = links_found, True
    # What the file tells a viewer and a library about itself.
    fp.metadata = [("lang", "PDF Lang", info.get("Lang", "").split("-")[0].lower()),
                   ("title", "PDF Title", normalise(info.get("Title", ""))),
                   ("organ", "PDF Author", normalise(info.get("Author", ""))),
                   ("symbol", "PDF Subject", normalise(info.get("Subject", ""))),
                   ("symbol", "PDF Keywords", normalise(info.get("Keywords", "")))]
    fp.metadata += [("bookmark", "PDF bookmark", normalise(title)) for title in info.get("bookmarks", [])[:1]]
    fp.attachments = info.get("attachments", [])
    visible = [f for f in frags if f.text.strip()]
    if not visible:
        fp.problems.append("no text could be read")
        return fp
    fp.printed_text = squash("".join(f.text for f in frags))
    body = _body_size(visible)

    masthead, headers, footers, body_frags, small, first_footer = [], [], [], [], [], []
    for f in frags:
        top = heights[f.page] - f.y
        if f.page == 0 and top < MASTHEAD_BAND:
            masthead.append(f)
        elif f.y < FOOTER_BAND:
            # The first page's footer prints the job number (its codes are drawn, not text);
            # the others, the page's number.
            (footers if f.page > 0 else first_footer).append(f)
        elif top < HEADER_BAND:
            headers.append(f)
        elif f.size < 0.95 * body and f.text.strip():
            small.append(f)
        else:
            body_frags.append(f)

    fp.symbol = _pdf_symbol(masthead, widths[0] / 2)
    for f in headers:
        text = normalise(f.text)
        if text and fp.symbol and text != fp.symbol:
            fp.problems.append(f'running header on page {f.page + 1} reads "{text}" '
                               f'where the masthead has "{fp.symbol}"')
    # The first page's footer, line by line: a template may set a caption beside the job number.
    lines: dict = {}
    for f in first_footer:
        lines.setdefault(round(f.y), []).append(f.text)
    fp.first_footer = [normalise("".join(texts)) for _y, texts in sorted(lines.items(), reverse=True)]
    for f in footers:
        text = normalise(f.text)
        if text and text != str(f.page + 1):
            fp.problems.append(f'page number on page {f.page + 1} reads "{text}"')

    # A table's words are read cell by cell (the structure tree says which cell each is in).
    cell_frags = [f for f in body_frags + small if f.cell is not None]
    body_frags = [f for f in body_frags if f.cell is None]
    small = [f for f in small if f.cell is None]
    lines = _pdf_lines(body_frags, body)
    if not lines:
        fp.problems.append("no body text could be read")
        return fp
    left = _text_block_left(lines, body)
    lowest = {}
    for ln in lines:
        if abs(_line_size(ln) - body) < 0.5:
            lowest[ln.page] = min(lowest.get(ln.page, ln.y), ln.y)
    note_frags, in_text = [], []
    for f in small:
        (note_frags if f.y < lowest.get(f.page, 0) - 0.5 * body else in_text).append(f)
    # A note's marker stands left of the text block, at the page's foot.
    printed = {(f.page, f.text.strip()) for f in note_frags if f.x < left - 1.0 and f.text.strip()}
    candidates, inline = {}, []
    for f in [piece for f in in_text for piece in _calls_in_a_row(f, printed)]:
        # Small raised text is a call when a note of that marker is printed on its page;
        # otherwise it is a superscript or subscript of the words ("1er", "m3", "H2O").
        raised = any(ln.page == f.page and 0.5 < f.y - ln.y < 0.8 * body for ln in lines)
        if raised and _CALL_RE.fullmatch(f.text.strip()) and (f.page, f.text.strip()) in printed:
            candidates.setdefault((f.page, f.text.strip()), []).append(f)
        else:
            inline.append(f)
    calls = []
    for found in candidates.values():
        # A note is called once: of two raised numbers that match it on its page ("m^2^" and
        # the call of note 2), the call is set smaller; the other is a superscript.
        smallest = min(round(f.size, 1) for f in found)
        for f in found:
            (calls if round(f.size, 1) == smallest else inline).append(f)
    call_at = _attach_calls(calls, lines, body)
    _attach_inline(inline, lines, body)
    # A right-to-left line may start short of the text block's edge by a space's width (its
    # first word after a space WeasyPrint draws no glyph for); an indent is ten millimetres.
    blocks = _with_tables(_pdf_blocks(lines, left, body, 0.5 if rtl else 0.3), _pdf_tables(cell_frags, body))
    _pdf_structure(fp, blocks, left, call_at, _pdf_notes(note_frags, left), widths[0] / 2)
    return fp


def _text_block_left(lines, body) -> float:
    """The left edge of the text block. The title's number hangs in the margin
    and its text starts at that edge; the Security Council's number line, which it
    prints instead of a title, starts at it; without either, the most common start
    of a line of body text (in a text of short paragraphs, as Chinese sets them, that
    is the indented first line)."""
    for ln in lines:
        words = [f for f in ln.frags if f.text.strip()]
        if ln.bold and len(words) > 1 and _TITLE_RE.match(normalise(ln.text)):
            return round(words[1].x, 1)
        if ln.page == 0 and ln.heading and is_resolution_line(ln.text):
            return round(words[0].x, 1)
    return Counter(round(ln.x, 1) for ln in lines
                   if abs(_line_size(ln) - body) < 0.5).most_common(1)[0][0]


def _line_size(line) -> float:
    """The size most of the line's words are set in (the first of the most common sizes)."""
    # (counted in a plain dict, not a Counter: this runs for every line, several times)
    sizes: dict = {}
    for f in line.frags:
        if f.text.strip():
            size = round(f.size, 1)
            sizes[size] = sizes.get(size, 0) + 1
    return max(sizes, key=sizes.__getitem__) if sizes else 0.0


def _pdf_symbol(masthead, width_mid):
    """The symbol is the masthead's right-hand text on the first page."""
    if not masthead:
        return None
    top = max(f.y for f in masthead)
    right = [f for f in masthead if f.x > width_mid and f.text.strip() and top - f.y < 12]
    right.sort(key=lambda f: f.x)
    return normalise("".join(f.text for f in right)) or None


def _pdf_lines(frags, body):
    """Fragments on the same baseline of the same page, top to bottom."""
    lines: list = []
    by_key: dict = {}
    for f in frags:
        key = (f.page, round(f.y * 2) / 2)
        line = by_key.get(key)
        if line is None:
            line = by_key[key] = _Line(f)
            lines.append(line)
        else:
            line.frags.append(f)
    lines = [ln for ln in lines if ln.text.strip()]
    lines.sort(key=lambda ln: (ln.page, -ln.y))
    return lines


def _calls_in_a_row(f, printed) -> list:
    """``f``, or the calls it holds where it is two bracketed calls or more in a row, each a
    fragment of its own at its share of ``f``'s width: a right-to-left page reads two calls set
    side by side as one piece of text ("(1)(2)", "(1) (2)"), where a left-to-right one reads each
    alone."""
    found = list(_BRACKETED_CALL_RE.finditer(f.text))
    if len(found) < 2 or not _CALLS_IN_A_ROW_RE.fullmatch(f.text) \
            or not all((f.page, m.group()) in printed for m in found):
        return [f]
    pieces, width = [], (f.right - f.x) / len(f.text)
    for m in found:
        piece = copy.copy(f)
        piece.text = m.group()
        piece.x, piece.right, piece.end = f.x + m.start() * width, f.x + m.end() * width, None
        pieces.append(piece)
    return pieces


_BRACKETED_CALL_RE = re.compile(r"\([0-9]+\)")
_CALLS_IN_A_ROW_RE = re.compile(r"\s*(?:\([0-9]+\)\s*)+")


def _attach_calls(calls, lines, body):
    """A raised small number belongs to the line whose baseline is just below it."""
    out = {}   # id(line) -> [marker, …]
    for f in calls:
        best = None
        for ln in lines:
            if ln.page == f.page and 0 <= f.y - ln.y < 0.8 * body:
                if best is None or ln.y > best.y:
                    best = ln
        if best is not None:
            out.setdefault(id(best), []).append(normalise(f.text))
            best.calls.append(f)
    return out


def _attach_inline(frags, lines, body):
    """Small text set above or below a line's baseline (not a note's call) reads as part of
    that line, at its place from the left."""
    for f in frags:
        near = [ln for ln in lines if ln.page == f.page and -0.5 * body < f.y - ln.y < 0.8 * body]
        if near:
            line = min(near, key=lambda ln: abs(f.y - ln.y))
            at = next((i for i, g in enumerate(line.frags) if g.x > f.x), len(line.frags))
            line.frags.insert(at, f)


_PART_LABEL_RE = re.compile(r"[A-Z]")
_QUOTED_NUMBER_RE = re.compile("[\u2018\u2019]\\d{1,4}[\u2018\u2019]")
# An annex's label in any of the six languages ("Annex", "Annex II", "Annex A"; "Приложение В" with
# the Cyrillic letter, "附件C" with none between, "附件一" with a Chinese numeral; in Arabic the
# letter or the number is a word, "المرفق ألف", "المرفق الثاني", "المرفق الحادي عشر").
_ANNEX_LABEL_RE = re.compile("(?:" + "|".join(sorted({re.escape(languages.data(code)["annex"]) for code in languages.CODES}))
                             + r")(?:\s*(?:[IVXLC\d]+|[A-Z\u0410-\u042f]|[一二三四五六七八九十]+"
                             + r"|[\u0621-\u064a]+(?: [\u0621-\u064a]+)?))?")


# An annex's label as a source types it: the annex word, then a space or nothing (readers/markdown,
# ANNEX_RE): "Annex to resolution 2551 (2020)", "Anexo al informe".
_ANNEX_WORD_RE = re.compile("(?i)(?:" + "|".join(sorted({re.escape(languages.data(code)["annex"]) for code in languages.CODES}))
                            + r")(?:\s|$)")


def _pdf_blocks(lines, left, body, slack=0.3):
    """Paragraph blocks: a new block starts at an indented or outdented line,
    after extra space between lines, or where a heading starts or ends (in a PDF without
    tags, where the weight of the type changes: a paragraph may have bold words). At the top of
    a page, where print shows no space between paragraphs, a line the tags put in other blocks
    than the last line of the page before starts a block too (see ``_tagged_apart``)."""
    blocks: list = []
    prev = None
    for ln in lines:
        # A line may open with a no-break space, which prints nothing: its start is then a
        # little right of the text block's edge (or at a footnote call set first).
        start = min([ln.x] + [c.x for c in ln.calls])
        tagged = all(f.heading is not None for f in ln.frags)
        new = (prev is None or abs(start - left) > max(1.0, slack * body)
               or (ln.bold != prev.bold and not tagged) or ln.heading != prev.heading
               # Lines of a paragraph are set about 1.2 times their size apart;
               # paragraphs have extra space between them.
               or (ln.page == prev.page
                   and prev.y - ln.y > 1.5 * max(_line_size(ln), _line_size(prev)))
               or (ln.page != prev.page and _tagged_apart(prev, ln)))
        if new:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
        prev = ln
    return blocks


def _tagged_apart(above, below) -> bool:
    """Whether the tags put two lines, the last of a page and the first of the next, in other
    blocks. A paragraph's closing words start at the text block's edge, as the later lines of the
    sub-paragraph above them do, and a page break hides the space between the two: only the tags
    tell them apart. Each page has a tree of its own, so a block that runs on is not the same
    element on the next page, but it stands under the same path of block tags."""
    paths = [{f.block for f in line.frags if f.text.strip()} for line in (above, below)]
    if not all(paths) or None in paths[0] | paths[1]:
        return False        # (a page without tags)
    return not paths[0] & paths[1]


class _Table:
    """A table's cells as read (each cell's words, in the structure tree's order), standing in
    the run of blocks where its first cell is printed."""

    def __init__(self, page, y, cells):
        self.page, self.y, self.cells = page, y, cells


def _pdf_tables(frags, body) -> list:
    """The tables of the cells' fragments: each cell's lines read as a paragraph's are, small
    raised or lowered text in its line."""
    by_cell: dict = {}
    for f in frags:
        by_cell.setdefault(f.cell, []).append(f)
    tables: dict = {}
    for key in sorted(by_cell):
        found = by_cell[key]
        sizes = Counter(round(f.size, 1) for f in found if f.text.strip())
        size = max(sizes) if sizes else body
        lines = _pdf_lines([f for f in found if round(f.size, 1) >= 0.95 * size], body)
        _attach_inline([f for f in found if round(f.size, 1) < 0.95 * size], lines, body)
        text = normalise(_join_lines(ln.text for ln in lines))
        page, table = key[0], key[1]
        # Where its words are: a right-to-left page's spaces may carry the last cell's tag far
        # from it (above the paragraph over a second table, which then read as the first's).
        top = max((f.y for f in found if f.text.strip()), default=max((f.y for f in found), default=0.0))
        if (page, table) not in tables:
            tables[(page, table)] = _Table(page, top, [])
        entry = tables[(page, table)]
        entry.y = max(entry.y, top)
        entry.cells.append(text)
    return [tables[key] for key in sorted(tables)]


def _with_tables(blocks, tables) -> list:
    """``blocks`` with each table where it is printed; a table that runs on over a page (no
    block between its pieces) is one."""
    out, pending = [], list(tables)
    for block in blocks:
        while pending and (pending[0].page, -pending[0].y) < (block[0].page, -block[0].y):
            _add_table(out, pending.pop(0))
        out.append(block)
    for table in pending:
        _add_table(out, table)
    return out


def _add_table(out, table) -> None:
    if out and isinstance(out[-1], _Table):
        out[-1].cells += table.cells
    else:
        out.append(table)


# WeasyPrint prints U+2010 where it breaks a word at a soft hyphen: the word is whole.
SOFT_BREAK = "\u2010"


def _join_lines(texts) -> str:
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith(SOFT_BREAK):
            out = out[:-1] + text
        elif out.endswith("-"):
            out += text          # the text sets hyphens by hand; a line-end hyphen is kept
        else:
            out += " " + text
    return out


def _gap_reads_as_space(prev, f) -> bool:
    """A gap between two pieces of text with no space glyph at it (WeasyPrint draws none
    for a space after a superscript) that a reader of the page takes for a space, from where
    ``prev``'s last glyph ends (advance_ends)."""
    # (a right-to-left line's pieces by the share its reader reads a gap inside a piece by:
    # between an italic word and a bold one, "*أيضاً* **إلى**", the space is drawn narrower)
    share = _RTL_SPACE if f.mirrored and prev.mirrored else 0.2
    return gap_reads_as_space(prev, f, prev.right if prev.end is None else max(prev.right, prev.end), share)


def _line_segments(line):
    """``[(text, italic), …]`` of one line. A space that is only a gap between two pieces
    of text (WeasyPrint draws no glyph for a space after a superscript, say) is read as
    a space, as any reader of the page would; the gap a footnote call fills is not one."""
    segs, prev = [], None
    frags = line.frags
    for n, f in enumerate(frags):
        # A right-to-left line draws the Arabic comma a little apart from what is read before it
        # (a number set left to right, a note's call), and may name a space of no width in that
        # gap: neither is a space ("2008،", "منها(1)،").
        before_punctuation = f.mirrored and n + 1 < len(frags) and _is_punctuation(frags[n + 1].text)
        if before_punctuation and not f.text.strip():
            continue
        # (a quote or a dash drawn as a fragment of its own, the word after it touching it, is
        # read with that word's first letter: an opening quote in the line's face before a Latin
        # isolate, "علما “quoted words”", opens it)
        lead = f.text
        if len(lead) == 1 and n + 1 < len(frags) and frags[n + 1].x - f.right < _RTL_SPACE * f.size:
            lead += frags[n + 1].text[:1]
        calls = sorted((c for c in line.calls if prev is not None and prev.x < c.x and c.right <= f.x + 1),
                       key=lambda c: c.x)
        past = [c for c in calls if c.x >= prev.right - 1] if prev is not None else []
        if (prev is not None and _gap_reads_as_space(prev, f)
                # a space before a call or between two, drawn as a gap where no glyph names it (a
                # number set left to right on a right-to-left line: "2022 (6)،" of 78/154; "Humanos¹ ²;"
                # of 55/27 in Spanish)
                # (only the calls past ``prev``'s end: a piece read right to left may hold a call)
                and (any(after.x - before.right > 0.2 * max(f.size, prev.size)
                         for before, after in zip([prev] + past, past))
                     or not (f.mirrored and _is_punctuation(lead))
                     # (an italic word's last letter may reach over the start of its call)
                     and (not calls
                          # the space after a call is drawn as a gap beyond it (no glyph where a
                          # link starts: "2011,⁴ S-18/1" of 75/193), in either direction
                          or f.x - max(c.right for c in calls) > 0.2 * f.size))):
            segs.append((" ", False))
        segs.append((f.text, f.italic))
        prev = f
    return segs


def _block_segments(block):
    segs = []
    for n, ln in enumerate(block):
        line = _line_segments(ln)
        if n:
            if segs and segs[-1][0].endswith(SOFT_BREAK):
                segs[-1] = (segs[-1][0][:-1], segs[-1][1])
            else:
                # (the space a line break stands for is in italics between italics: an opening
                # phrase may run on to the next line)
                italic = bool(segs and line and segs[-1][1] and next((i for t, i in line if t.strip()), False))
                segs.append((" " if not segs or not segs[-1][0].endswith("-") else "", italic))
        if line:
            line[0] = (line[0][0].lstrip(), line[0][1]) if n else line[0]
        segs.extend(line)
    return segs


def _pdf_notes(frags, left):
    """Footnotes at the page foot: a marker set left of the text block opens each.

    Smaller text set above or below a line of a note (a superscript, the 2 of
    "H2O") reads as part of that line, at its place from the left."""
    sizes = Counter()
    for f in frags:
        sizes[round(f.size, 1)] += len(f.text.strip())
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    lines: dict = {}        # (page, baseline) -> fragments
    small = []
    for f in frags:
        if f.size < 0.95 * size and f.text.strip():
            small.append(f)
        else:
            lines.setdefault((f.page, round(f.y)), []).append(f)
    for f in small:
        near = [key for key, line in lines.items() if key[0] == f.page
                and any(g.x >= left - 1.0 for g in line) and -0.5 * size < f.y - key[1] < 0.8 * size]
        key = min(near, key=lambda k: abs(f.y - k[1])) if near else (f.page, round(f.y))
        lines.setdefault(key, []).append(f)
    notes: list = []
    for key in sorted(lines, key=lambda k: (k[0], -k[1])):
        text, prev, seen = "", None, []
        # (a right-to-left page's fragments come in reading order: by their place, the pieces of a
        # symbol drawn in two faces, "A/ES‑10/794", would read right to left)
        for f in sorted(lines[key], key=lambda g: g.order if g.mirrored else g.x):
            if f.x < left - 1.0 and f.text.strip():
                notes.append([f.text.strip(), []])
                continue
            # (what is read next there stands beside any piece read before it: the full stop after
            # that symbol, beside its first piece)
            beside = min(seen, key=lambda g: max(f.x - g.right, g.x - f.right)) if f.mirrored and seen else prev
            if beside is not None and _gap_reads_as_space(beside, f) and (not f.mirrored or f.x > beside.right):
                text += " "
            text += f.text
            prev = f
            seen.append(f)
        if notes and text:
            notes[-1][1].append(text)
    return [(marker, normalise(_join_lines(parts))) for marker, parts in notes]


def _section_tags(tags):
    """The tags down to the innermost section ("Sect") of a block's: the section that holds the
    operative part, as the structure tree tags it; None on an untagged page."""
    sections = [k for k, tag in enumerate(tags or ()) if tag == "Sect"]
    return tags[:sections[-1] + 1] if sections else None


def _outside(block, operative_part) -> bool:
    """A block after the operative part tagged outside the section that holds it: the meeting's
    line, whose name may reach left of the page's middle ("41st plenary meeting of the
    seventy-fifth session")."""
    tags = next((f.block for f in block[0].frags if f.text.strip()), None)
    return bool(operative_part and tags) and tags[:len(operative_part)] != operative_part


def _pdf_structure(fp: Fingerprint, blocks, left, call_at, notes, mid):
    items = _Items()
    state = "front"
    called = {}
    current = None
    vote_text: dict = {}
    indent = None
    after_heading = False
    operative_part = None    # the tags of the section that holds the operative paragraphs
    after_number = False     # the Security Council's number line was read
    heading_end = None       # in an annex: the last line of the heading just read
    # A centred heading read after a part's paragraphs: a part's (its formula follows) or a
    # section's (its titles and paragraphs follow).
    boundary = False

    def record_calls(block):
        for ln in block:
            for marker in call_at.get(id(ln), []):
                called.setdefault(marker, items.index_of_last())

    def part_ends():
        # A part's one paragraph set as the preamble is, with no number, is its operative part.
        moved = items.part_ends()
        for marker, owner in called.items():
            called[marker] = moved.get(owner, owner)

    for index, block in enumerate(blocks):
        if isinstance(block, _Table):
            if state in ("annex", "operative", "adopted"):
                items.table(block.cells)
            heading_end = None
            continue
        text = normalise(_join_lines(ln.text for ln in block))
        first = next(f for f in block[0].frags if f.text.strip())
        if state == "front":
            if block[0].bold and is_adopted_by(text):
                fp.adoption_date = adoption_date_from(text)
            elif block[0].bold and not block[0].heading and fp.adoption_date is None:
                # The adoption line in a UN file's own words (kept in `printed:`): its date.
                fp.adoption_date = parse_date(text)
            # The Security Council's page one ends at its adoption line (it prints no title): the
            # line under its number, however a UN file kept in `printed:` words it.
            if is_adopted_at(text) or after_number:
                fp.adoption_date = adoption_date_from(text)
                state, after_heading = "preamble", True
                continue
            if block[0].heading and is_resolution_line(text):
                after_number = True
                continue
            match = _TITLE_RE.match(text)
            if block[0].bold and match:
                fp.number, fp.title = match.group(1), normalise(match.group(2))
                state, after_heading = "preamble", True
            continue
        if block[0].heading and state in ("preamble", "operative") \
                and block[0].heading_tag not in _OPERATIVE_HEADING_TAGS \
                and (_ANNEX_LABEL_RE.fullmatch(text) or _ANNEX_WORD_RE.match(text)):
            # The Security Council prints no closing lines: its annex follows the last paragraph.
            # (A heading between operative paragraphs that reads "Annex" is tagged as one.)
            part_ends()
            state = "adoption"
        if block[0].heading and state in ("preamble", "operative") and block[0].heading_tag == "H2" \
                and _ends_with_colon(items):
            # A centred title right under the paragraph that ends with a colon ("Adopts the
            # following declaration:"): the text that paragraph adopts, numbered of its own.
            _opening_before(items, called)
            state = "adopted"
            items.adopted()
            items.heading(text)
            heading_end = block[-1]
            record_calls(block)
            continue
        if state == "adopted" and block[0].heading:
            # Its title's lines set close together are one heading, as an annex's are.
            if (heading_end is not None and heading_end.page == block[0].page
                    and heading_end.y - block[0].y <= 1.5 * _line_size(block[0])):
                items.items[-1].text = normalise(items.items[-1].text + " " + text)
            else:
                items.heading(text)
            heading_end = block[-1]
            record_calls(block)
            continue
        if block[0].heading and state in ("preamble", "operative") \
                and block[0].heading_tag in _OPERATIVE_HEADING_TAGS:
            # A heading between operative paragraphs, or before the first; one over a table is
            # printed under the words of the paragraph above it.
            state, after_heading = "operative", False
            if _heads_a_table(blocks, index) and items.items and items.items[-1].section == OPERATIVE:
                items.under_heading(text)
            else:
                items.operative_heading(text)
            record_calls(block)
            continue
        # A part's heading (A, B … and its title) opens the part's own preamble.
        if block[0].heading and state in ("preamble", "operative"):
            after_heading, boundary = True, True
            state = "preamble"
            continue
        if after_heading:
            # The first block after the title or a part's heading is the formula when it
            # is set as one: all in italics, with nothing after but its comma.
            after_heading = False
            formula = _is_formula(_block_segments(block)) or _is_bold_formula(block)
            if boundary and formula:
                part_ends()
                items.part_starts()
            elif boundary:
                items.sectioned = True
            boundary = False
            if formula:
                fp.formulas.append(text)
                continue
        if text.startswith("[") and state == "adoption":     # the note under the meeting line
            fp.vote = parse_vote_note(text)
            state = "closed" if "]" in text else "vote"
            continue
        if state == "adoption" and block[0].heading and _PART_LABEL_RE.fullmatch(text):
            # The Assembly closes each part with the meeting lines: the next part's letter
            # opens its preamble, as a part's heading does.
            state, after_heading = "preamble", True
            items.part_starts()
            continue
        if state in ("closed", "annex", "adoption") and block[0].heading:
            # After the adoption note's "]" (or the meeting lines, where the organ prints no
            # note), the annexes: each opens with its label, then its title and headings, all
            # tagged as headings. A centred heading's every line starts a block of its own;
            # lines set close together are one heading.
            if (state == "annex" and heading_end is not None and heading_end.page == block[0].page
                    and heading_end.y - block[0].y <= 1.5 * _line_size(block[0])):
                items.items[-1].text = normalise(items.items[-1].text + " " + text)
            else:
                if state in ("closed", "adoption"):
                    state = "annex"
                    items.annex()
                items.heading(text)
            heading_end = block[-1]
            record_calls(block)
            continue
        heading_end = None
        if state == "closed":
            continue
        if state == "vote":
            name = vote_list_name(text) if (all(f.italic for f in block[0].frags if f.text.strip())
                                            or upright_list_label(text)) else None
            if name:
                current = name
                vote_text[name] = []
            elif current:
                joined = _join_lines(ln.text for ln in block)
                if "]" in joined:
                    joined = joined[:joined.index("]") + 1]
                    state = "closed"
                vote_text[current].append(joined)
            continue
        if state == "adoption":
            continue
        if block[0].x > mid or state == "operative" and _outside(block, operative_part):   # the meeting
            part_ends()
            state = "adoption"
            continue
        segs = _block_segments(block)
        head = first.text.strip()
        if first.mirrored and _QUOTED_NUMBER_RE.fullmatch(head):
            # The Arabic label ’1‘: which way a right-to-left page's quotes face is not read from
            # it (the face draws each as its mirror's glyph), and a label has one form.
            head = f"’{head[1:-1]}‘"
        # A number or label is set in a box of its own, the text starting a step after it:
        # "2. In witness" typed in a paragraph's text is words, not a number.
        if not _set_apart(block[0], first):
            head = ""
        numbered = state in ("operative", "adopted", "annex")
        if is_operative_number(head) and state in ("operative", "preamble", "adopted", "annex"):
            if state == "preamble":
                _opening_before(items, called)
            if state == "preamble":
                operative_part = _section_tags(first.block)
            state = state if state in ("annex", "adopted") else "operative"
            indent = first.x
            rest = _drop_first(segs, first)
            items.paragraph(head, "".join(t for t, _ in rest), _opening(rest))
        elif numbered and indent is not None and is_point_label(head) and first.x > left + 1.0:
            step = (indent - left) if indent and indent > left else 28.35
            depth = max(1, round((first.x - indent) / step))
            rest = _drop_first(segs, first)
            items.point(head, depth, "".join(t for t, _ in rest), _opening(rest))
        elif state == "preamble" and is_point_label(head) and first.x > left + 1.0:
            # A sub-paragraph of the preambular paragraph above ("(a) International peace …").
            rest = _drop_first(segs, first)
            # (its label stands a step in for each level: 20 mm under the paragraph, 30 under (a))
            depth = max(1, round((first.x - left) / 28.35) - 1)
            items.preamble_point(head, "".join(t for t, _ in rest), _opening(rest), depth=depth)
        elif state == "operative" and items.items and items.items[-1].kind in ("table", "note") \
                and items.items[-1].section == OPERATIVE:
            # Words under a paragraph's table: a note of the table's.
            items.note(text)
        elif numbered:
            step = (indent - left) if indent and indent > left else 28.35
            depth = max(0, round((first.x - left) / step))
            items.closing(depth, text)
        else:
            items.preamble("".join(t for t, _ in segs), _opening(segs))
        record_calls(block)
    if state in ("preamble", "operative"):
        part_ends()
    fp.items = items.items
    seen = set()
    for marker, body in notes:
        fp.notes.append(Note(marker, body, called.get(marker)))
        seen.add(marker)
    for marker, owner in called.items():
        if marker not in seen:
            fp.notes.append(Note(marker, None, owner))
    if fp.vote is not None and fp.vote.kind == "recorded":
        for name, parts in vote_text.items():
            read_list(fp.vote, name, " ".join(parts))


def _body_size(visible) -> float:
    """The size the body is set in: that of its paragraphs' numbers ("1.", "1-") where it has
    any, else the size most of the text is set in. A short resolution's notes may hold more words
    than its body, and the size most of its text is set in is then the notes'. A number counts
    only where it opens its line, as a paragraph's does: a note's treaty number after a raised
    letter ("vol. 1760, no 30619.") is a fragment of its own that reads as one too, and a
    resolution citing as many treaties as it has paragraphs was read in its notes' size."""
    sizes, numbers, line_start = Counter(), Counter(), {}
    for f in visible:
        sizes[round(f.size, 1)] += len(f.text)
        key = (f.page, round(f.y))
        line_start[key] = min(line_start.get(key, f.x), f.x)
    for f in visible:
        if is_operative_number(f.text) and f.x <= line_start[(f.page, round(f.y))] + 0.5:
            numbers[round(f.size, 1)] += 1
    return (numbers or sizes).most_common(1)[0][0]


def _heads_a_table(blocks, index) -> bool:
    """Whether the heading block at ``index`` stands over a table, only headings between."""
    for block in blocks[index + 1:]:
        if isinstance(block, _Table):
            return True
        if not block[0].heading:
            return False
    return False


def _ends_with_colon(items: _Items) -> bool:
    """Whether the last item read is a paragraph of the preamble's setting that ends with a colon:
    the paragraph that opens the operative part, as only it ends so."""
    last = items.items[-1] if items.items else None
    return last is not None and last.section == PREAMBLE and last.kind == "paragraph" \
        and last.text.rstrip().endswith((":", "：", "︰"))


def _opening_before(items: _Items, called: dict) -> None:
    """Print sets the paragraph that opens an operative part ("Resolves that:") as it sets the
    preamble, and it alone of them ends with a colon: read so before paragraph 1."""
    last = items.items[-1] if items.items else None
    if last is None or last.section != PREAMBLE or last.kind != "paragraph" \
            or not last.text.rstrip().endswith((":", "：", "︰")):
        return
    was = items.index_of_last()
    items.items.pop()
    items.opening(last.text, last.opening)
    for marker, owner in called.items():
        if owner == was:
            called[marker] = items.index_of_last()


def _set_apart(line, first) -> bool:
    """Whether ``first`` is set in a number's box: the text after it on its line starts where
    the box ends. Words typed at a paragraph's start that look like a label ("(cc) 酌情…",
    "1. In witness", "(xxviii) *Decides*") are followed by a space, which a justified line
    stretches to any width (a Chinese line's one space takes the whole line's slack): their
    text starts wherever that space ends, not at the box's fixed end. A label wider than the
    box has its text right at its end; typed words have a space's gap there."""
    # In a tagged PDF a label or number is an inline element of its own: words that are the
    # paragraph's running text are not one, however far the space after them is stretched, nor
    # when nothing follows them on the line (a text "24." of its own).
    if first.running:
        return False
    after = [f for f in line.frags if f.x > first.x and f is not first and f.text.strip()]
    if not after:
        return True
    start = min(f.x for f in after)
    if first.mirrored:
        # A right-to-left line's fragments are its glyphs' loose boxes, which do not say where
        # the box ends (an italic letter's reaches 0.7 pt past it, a lam-alef's starts 1.6 pt in,
        # a justified line's text may start 3 pt on); the words typed before a space stay one
        # fragment with the text unless the space is stretched wider than the size (pdf_rtl._STEP).
        return start - first.x >= 0.8 * _NUM_BOX
    if abs(start - first.x - _NUM_BOX) <= _BOX_SLACK:
        return True
    if start - first.x < _NUM_BOX:
        return False
    # Beyond the box: a label wider than it ("(xxviii)") with its text right at its end, or a text
    # that opens with a blank print keeps (a narrow no-break space, U+202F, before "*Souligne*", S/RES/2549
    # (2020) in French), the box's empty part between. Typed words' fragment takes in the space after them,
    # its stretch included, and ends a natural space's width (a quarter of the size) short of the text.
    gap = start - first.right
    return gap < 0.12 * first.size or gap > 0.35 * first.size




def _is_formula(segs) -> bool:
    """Italics, then at most a comma or colon: how a formula prints. Print cannot show
    where one italic run ends and the next begins, nor a space's style, so "*a* *b*," reads as
    one run."""
    text = normalise("".join(t for t, _ in segs))
    shown = [(t, italic) for t, italic in segs if t]
    last = max((k for k, (_t, italic) in enumerate(shown) if italic), default=-1)
    italic = _opening([(t, italic or (k < last and prints_nothing(t))) for k, (t, italic) in enumerate(shown)])
    return bool(italic) and text.startswith(italic) and text[len(italic):].strip() in FORMULA_ENDS


def _is_bold_formula(block) -> bool:
    """A formula set in bold (as Chinese sets it, see model.is_formula): bold words, then at
    most a comma or colon; a preambular paragraph's bold opening has its text after it."""
    frags = [f for ln in block for f in ln.frags if f.text.strip()]
    lead = []
    for f in frags:
        if not f.bold:
            break
        lead.append(f.text)
    text = normalise("".join(f.text for f in frags))
    bold = normalise("".join(lead))
    return bool(bold) and text.startswith(bold) and text[len(bold):].strip() in FORMULA_ENDS


def _drop_first(segs, frag):
    """The segments after the number or label fragment (and the space after it)."""
    out, dropped = [], False
    for text, italic in segs:
        if not dropped and text.strip() == frag.text.strip():
            dropped = True
            continue
        out.append((text, italic))
    return out
