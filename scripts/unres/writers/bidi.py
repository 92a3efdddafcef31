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

import unicodedata

_RTL_CLASSES = frozenset({"R", "AL", "AN"})
_CLOSING = {")": "(", "]": "[", "}": "{"}


def _starts_run(ch: str) -> bool:
    if "0" <= ch <= "9":
        return True
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _is_rtl(ch: str) -> bool:
    # Arabic punctuation (the comma "،", a weak character to the bidi algorithm) belongs to the
    # Arabic sentence: "Afghanistan، Brazil" is two runs, read right to left.
    return unicodedata.bidirectional(ch) in _RTL_CLASSES or unicodedata.name(ch, "").startswith("ARABIC")


def _kept_end(text: str, start: int, end: int) -> int:
    """Where a run that may extend to ``end`` really ends: after its last letter or digit, or
    after a closing bracket that closes one opened inside the run."""
    kept = start + 1
    depth = {opening: 0 for opening in _CLOSING.values()}
    for i in range(start, end):
        ch = text[i]
        if ch in depth:
            depth[ch] += 1
        elif ch in _CLOSING and depth[_CLOSING[ch]] > 0:
            depth[_CLOSING[ch]] -= 1
            kept = i + 1
        elif ch.isalnum():
            kept = i + 1
    return kept


def split_ltr(text: str) -> list[tuple[str, bool]]:
    """``text`` as consecutive pieces ``(piece, is_ltr_run)``; joined, the pieces are ``text``."""
    pieces: list[tuple[str, bool]] = []
    i, n, plain = 0, len(text), 0
    while i < n:
        if not _starts_run(text[i]):
            i += 1
            continue
        end = i
        while end < n and not _is_rtl(text[end]):
            end += 1
        end = _kept_end(text, i, end)
        if plain < i:
            pieces.append((text[plain:i], False))
        pieces.append((text[i:end], True))
        i = plain = end
    if plain < n:
        pieces.append((text[plain:], False))
    return pieces


def has_rtl(text: str) -> bool:
    return any(_is_rtl(ch) for ch in text)
