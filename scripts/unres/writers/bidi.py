"""Left-to-right runs inside right-to-left text.

In an Arabic sentence a symbol such as ``A/HRC/RES/54/10`` is a run of weak and neutral
characters between Latin letters; left to the Unicode bidi algorithm, its slashes take the
paragraph's direction and the pieces are shown reordered ("HRC/RES/54/10/A"). Each writer
therefore isolates such runs: a run starts at a Latin letter or a European digit and goes on
until the next right-to-left character (an Arabic letter, an Arabic-Indic digit or Arabic
punctuation). Trailing
spaces and punctuation belong to the surrounding sentence, except a closing bracket whose
opening bracket is inside the run, so "(A/HRC/54/28)" is not split between two directions.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

_RTL_CLASSES = frozenset({"R", "AL", "AN"})
_CLOSING = {")": "(", "]": "[", "}": "{"}
_OPENING = {opening: closing for closing, opening in _CLOSING.items()}


# Each character's answer is kept once found: unicodedata.name builds the name's string on every
# call, and a right-to-left document asks of every letter of every paragraph.
@cache
def _starts_run(ch: str) -> bool:
    return "0" <= ch <= "9" or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))


@cache
def _is_rtl(ch: str) -> bool:
    # Arabic punctuation (the comma "،", a weak character to the bidi algorithm) belongs to the
    # Arabic sentence: "Afghanistan، Brazil" is two runs, read right to left.
    return unicodedata.bidirectional(ch) in _RTL_CLASSES or unicodedata.name(ch, "").startswith("ARABIC")


_QUOTES = frozenset("\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e\"")


def _quote_role(text: str, i: int) -> str:
    """Whether the quotation mark at ``i`` opens a quotation ("o": a space, a bracket, a quote or
    nothing before it, a word after it: "“’5‘ 1970”" opens two), closes one ("c") or is neither
    (an apostrophe: "Côte d’Ivoire", "States’")."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in _OPENING or before in _QUOTES) and not after.isspace():
        return "o"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "c"
    return ""


def _kept_end(text: str, start: int, end: int, outer: list) -> int:
    """Where a run that may extend to ``end`` really ends: after its last letter or digit, or
    after a closing bracket that closes one opened inside the run; never inside a quotation it
    opens and does not close (in "3 ’3‘" the UN's quotes around a label are the Arabic sentence's:
    the run is "3", not "3 ’3"); never past a quote or a bracket that closes one the sentence
    opened before the run (``outer``, see :func:`_enclosing`): in "’3‘ 5 000" the label's quotes
    are the sentence's, around "3", and a run "3‘ 5 000" was printed "’000 5 ‘3", the label torn
    apart; so was "«قرار 5 000» km²". The bracket opened just before the run is left to
    :func:`_balanced`, which takes it in: "(10) 1970 (2011)" is one run. Nor does a run end
    inside a bracket it opens after a space and does not close ("(2020) [10 الفقرة]": "2020" and
    "10", not "2020) [10"); a bracket joined to the word before it is that word's, "14(3()د)" as the
    Council's Arabic types article 14 (3) (d), read back only so."""
    kept = start + 1
    depth = {opening: 0 for opening in _CLOSING.values()}
    quoted = 0
    adjacent = text[start - 1] if start and text[start - 1] in _OPENING else None
    inner: list = []        # the brackets the run opens and has not closed: whether after a space
    for i in range(start, end):
        ch = text[i]
        if ch in _QUOTES:
            role = _quote_role(text, i)
            if role == "o":
                quoted += 1
            elif role == "c" and quoted:
                quoted -= 1
            elif role == "c" and _QUOTED in outer:
                break
        elif ch in depth:
            depth[ch] += 1
            inner.append(text[i - 1].isspace())
        elif ch in _CLOSING and depth[_CLOSING[ch]] > 0:
            depth[_CLOSING[ch]] -= 1
            inner.pop()
            if not quoted and not any(inner):
                kept = i + 1
        elif ch in _CLOSING and _CLOSING[ch] in outer:
            if adjacent != _CLOSING[ch]:
                break
            adjacent = None
        elif (ch.isalnum() or (kept == i and unicodedata.category(ch).startswith("M"))) and not quoted \
                and not any(inner):
            # (a mark is its letter's: "q̃" has no letter of its own, and a mark left outside the
            # isolate would be drawn on nothing)
            kept = i + 1
    return kept


# What stands in ``outer`` for a quotation the sentence opened (its quotes may be any of _QUOTES).
_QUOTED = "q"
_DELIMITERS = re.compile("[" + re.escape("".join(_CLOSING) + "".join(_OPENING) + "".join(sorted(_QUOTES))) + "]")


def _enclosing(text: str, start: int, end: int, outer: list) -> None:
    """``outer`` brought from ``start`` to ``end``: the brackets and quotations the text opens
    there pushed, those it closes popped (a closing mark with no opening in ``outer`` is none of
    its business: an apostrophe, or a bracket a run took in)."""
    for found in _DELIMITERS.finditer(text, start, end):
        ch, at = found.group(), found.start()
        if ch in _QUOTES:
            role = _quote_role(text, at)
            if role == "o":
                outer.append(_QUOTED)
            elif role == "c" and _QUOTED in outer:
                del outer[len(outer) - 1 - outer[::-1].index(_QUOTED):]
        elif ch in _OPENING:
            outer.append(ch)
        elif _CLOSING[ch] in outer:
            del outer[len(outer) - 1 - outer[::-1].index(_CLOSING[ch]):]


# What never starts a run, passed over in one step: white space, and the Arabic blocks' characters
# (Arabic, its Supplement, Extended-A and -B, Presentation Forms-A and -B), none of them a Latin
# letter or a European digit. An Arabic sentence is mostly these.
_NEVER_STARTS = re.compile(r"[\s\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


def split_ltr(text: str) -> list[tuple[str, bool]]:
    """``text`` as consecutive pieces ``(piece, is_ltr_run)``; joined, the pieces are ``text``."""
    pieces: list[tuple[str, bool]] = []
    i, n, plain = 0, len(text), 0
    passed = _NEVER_STARTS.match
    outer: list = []        # the brackets and quotations open where the text has been read to
    read = 0                # how far that is
    while i < n:
        skip = passed(text, i)
        if skip:
            i = skip.end()
            continue
        if not _starts_run(text[i]):
            i += 1
            continue
        end = i
        while end < n and not _is_rtl(text[end]):
            end += 1
        _enclosing(text, read, i, outer)
        read = i
        end = _kept_end(text, i, end, outer)
        # A run that closes a bracket opened just before it takes that bracket in, as a run across
        # markup does (runs_across): "(10) 1970 (2011)" isolated as "10) 1970 (2011)" printed its
        # closing bracket apart from its pair, which the sentence's direction mirrors.
        balanced = _balanced(text, i, end)
        if balanced is not None and balanced[0] >= plain:
            i, end = balanced
        if plain < i:
            pieces.append((text[plain:i], False))
        pieces.append((text[i:end], True))
        # (from where the text was read to: a bracket the run took in before it is read already)
        _enclosing(text, read, end, outer)
        i = plain = read = end
    if plain < n:
        pieces.append((text[plain:], False))
    return pieces


def has_rtl(text: str) -> bool:
    return any(_is_rtl(ch) for ch in text)


# What a piece of inline markup that is not text stands for in a paragraph's text when its runs
# are found: a note's call or a line break ends a run (the note's body, set at its call in print,
# is a right-to-left paragraph of its own).
BOUNDARY = "\u061c"


def runs_across(pieces: list[str], atomic: list[bool]) -> list[tuple[int, int]]:
    """The left-to-right runs of a paragraph's text that cross from one piece of its markup to the
    next, as ``(start, end)`` offsets in the pieces joined. ``pieces``: the text of each element of
    an inline sequence; ``atomic``: which of them cannot be cut (an element: a link, italics), the
    others being plain text.

    A symbol the UN links in several pieces ("**[S/](…)[2020](…)**[/](…)**[57](…)**") or a run
    that ends inside a link ("(S[/2020/429)](…)") is one run of the sentence, isolated whole: run
    by run, the pieces would be set right to left ("57/2020S/"). A run is widened to the edges of
    an element it starts or ends inside, over what the element holds there that is not
    right-to-left, and then to the brackets that close what it opens or open what it closes; a run
    that cannot be widened so, or that stays inside one piece, is not returned (each piece
    isolates its own runs)."""
    text = "".join(pieces)
    edges, at = [], 0
    for piece in pieces:
        edges.append((at, at + len(piece)))
        at += len(piece)

    def piece_at(offset: int) -> int:
        return next(n for n, (a, b) in enumerate(edges) if a <= offset < b)

    out = []
    at = 0
    for piece, ltr in split_ltr(text):
        start, end = at, at + len(piece)
        at = end
        if not ltr:
            continue
        first, last = piece_at(start), piece_at(end - 1)
        if first == last:
            continue
        if atomic[first] and start > edges[first][0]:
            if has_rtl(text[edges[first][0]:start]):
                continue
            start = edges[first][0]
        if atomic[last] and end < edges[last][1]:
            if has_rtl(text[end:edges[last][1]]):
                continue
            end = edges[last][1]
        span = _balanced(text, start, end, edges, atomic)
        if span is not None and (not out or out[-1][1] <= span[0]):
            out.append(span)
    return out


def _balanced(text, start, end, edges=(), atomic=()):
    """``(start, end)`` widened over the plain text beside it to the brackets that pair those it
    holds unpaired, or None where that cannot be done; ``edges`` and ``atomic`` (runs_across)
    name the elements it cannot cut into, none by default."""
    def cuttable(offset):
        return not any(a <= offset < b and atomic[n] for n, (a, b) in enumerate(edges))

    while True:
        opened, unclosed = [], []
        for ch in text[start:end]:
            if ch in _OPENING:
                opened.append(ch)
            elif ch in _CLOSING:
                if opened and opened[-1] == _CLOSING[ch]:
                    opened.pop()
                else:
                    unclosed.append(ch)
        if not opened and not unclosed:
            return start, end
        if unclosed and start > 0 and text[start - 1] == _CLOSING[unclosed[0]] and cuttable(start - 1):
            start -= 1
        elif opened and not unclosed and end < len(text) and text[end] == _OPENING[opened[-1]] \
                and cuttable(end):
            end += 1
        else:
            return None
