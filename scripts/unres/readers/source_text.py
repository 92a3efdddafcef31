"""Turning the bytes of a source file into checked text, and splitting off its front matter.

Encoding problems are reported here, with the line and column where they
occur, before any parser sees the text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..errors import SourceError, error, named_characters
from ..model.document import Loc

# A real resolution, annexes included, is well under 1 MB; 10,000 operative
# paragraphs are about 3 MB. Past this the input is refused, not parsed.
MAX_SOURCE_BYTES = 8 * 1024 * 1024

# Characters no output can carry faithfully: C0 and C1 controls other than tab and
# line ends, which XML 1.0 forbids or discourages and no font draws; the Unicode line
# and paragraph separators, which Markdown does not take for line ends; and
# noncharacters (U+FFFE, U+FFFF and their kin), which XML 1.0 forbids or discourages.
_UNCARRIED_BMP = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
UNCARRIED_RE = re.compile("[" + _UNCARRIED_BMP
                          + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                    for plane in range(1, 17)) + "]")
# The same characters searched for in two steps: Python's regular expressions look a class that
# holds a character beyond U+FFFF up range by range, some fifteen times slower over a
# resolution's text than a class of the Basic Multilingual Plane alone (a table lookup); the
# noncharacters beyond it are found among the characters beyond it, which resolutions seldom hold.
_UNCARRIED_BMP_RE = re.compile("[" + _UNCARRIED_BMP + "]")
_BEYOND_BMP_RE = re.compile("[\U00010000-\U0010ffff]")


def find_uncarried(text: str) -> "re.Match | None":
    """``UNCARRIED_RE.search(text)``: the first character no output can carry."""
    first = _UNCARRIED_BMP_RE.search(text)
    end = first.start() if first else len(text)
    for beyond in _BEYOND_BMP_RE.finditer(text, 0, end):
        if ord(beyond.group()) & 0xFFFE == 0xFFFE:
            return beyond
    return first


@dataclass
class SourceText:
    path: str
    text: str                 # normalised: UTF-8 decoded, no BOM, LF line ends
    front: str                # the YAML between the fences ('' when absent)
    front_start: int          # line number of the first YAML line
    body: str                 # the body, with the front matter blanked so lines keep their numbers

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _locate(data: bytes, offset: int, path: str) -> Loc:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return Loc(path, line, col)


def decode(data: bytes, path: str) -> str:
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(error(Loc(path, 1, 1),
                                f"source is {len(data):,} bytes; the limit is {MAX_SOURCE_BYTES:,} bytes",
                                "E501"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(error(_locate(data, nul, path), "NUL byte in source", "E502"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(error(_locate(data, exc.start, path),
                                f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                                "E503")) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = find_uncarried(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise SourceError(error(Loc(path, line, col), uncarried_message(bad.group()), "E505"))
    if not text.strip():
        raise SourceError(error(Loc(path, 1, 1), "source is empty", "E504"))
    return text


def uncarried_message(char: str) -> str:
    """Why ``char`` (a match of UNCARRIED_RE) is refused, and what to do instead."""
    if char in "\u2028\u2029":
        return (f"U+{ord(char):04X} is a {'line' if char == chr(0x2028) else 'paragraph'} separator, "
                "which Markdown does not read as a line end; end the line instead "
                "(a blank line starts a new paragraph)")
    kind = "a noncharacter" if ord(char) >= 0xFDD0 else "a control character"
    return f"U+{ord(char):04X} is {kind}, which no output can carry; delete it"


def is_mark(char: str) -> bool:
    """Whether ``char`` combines with the character before it (an accent, a vowel sign, a
    variation selector, the combining grapheme joiner)."""
    return unicodedata.category(char)[0] == "M"


def baseless_mark_message(char: str, where: str) -> str:
    """Why a combining mark that opens a run of printed text (``where``) is refused: no letter is
    there for it to combine with, and the PDF's shaping draws it on a dotted circle."""
    return (f"{named_characters(char)} {where}, so it has no letter to combine "
            "with and the PDF would draw it on a dotted circle (◌); put it right after its letter, "
            "in the same run of text, or delete it")


def unreadable_message(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a source file; give the .md files in it, or the folder itself " \
               "on the command line (it then stands for every *.md file in it)"
    return f"cannot read source: {exc.strerror}"


def split_front_matter(text: str, path: str) -> SourceText:
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise SourceError(error(Loc(path, 1, 1),
                                "source must start with YAML front matter between '---' lines", "E101"))
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:i])
            body = "\n" * (i + 1) + "\n".join(lines[i + 1:])
            return SourceText(path, text, front, 2, body)
    raise SourceError(error(Loc(path, 1, 1), "front matter is not closed by a '---' line", "E101"))


def load(path: str, data: bytes | None = None) -> SourceText:
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise SourceError(error(Loc(path, 1, 1), unreadable_message(exc), "E500")) from None
    return split_front_matter(decode(data, path), path)
