"""The footnote calls pandoc reads inside a footnote's definition.

Such a call is refused (E304), and it must never reach pandoc: pandoc 3.9 never ends on notes
that call each other ("[^1]: see [^2]" and "[^2]: see [^1]", or a note calling itself). So the
reader has to know, before pandoc reads the body, which calls sit inside a definition as pandoc
sees it, not only which sit on the definition's own lines.

A definition holds its first line, the lines indented by four columns (a tab counts to the next
multiple of four) and the blank lines between them, as the lines show. It also holds, by
CommonMark's rule of lazy continuation, a line that is not indented at all but carries on the
paragraph above it ("[^1]: See" then "more [^1]." on the next line), unless that line starts a
block of its own (a heading, a list, a quotation …), and that rule reaches into the quotations
and lists inside a note. Rather than copy that rule, pandoc is asked: when a call stands on a line
that might be such a continuation, the body is read once with every call made inert (the same
width, a mark of its own in place of the '^') and every note called from a paragraph put first,
where nothing can take it in; the marks pandoc then places inside a note are the calls inside a
definition. Bodies without such a line, nearly all, are not read twice.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import NamedTuple

from ... import warm_pandoc

FOOTDEF_RE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
FOOTCALL_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
# The marks that stand in for the calls: private-use characters, one for each call.
_FIRST_MARK = 0xF0000
_LAST_MARK = 0xFFFFD


class NoteCall(NamedTuple):
    line: int        # 1-based, as the body's lines count
    ordinal: int     # which call of the line (0 the first), as FOOTCALL_RE finds them
    start: int       # its column in the line, 0-based
    key: str         # the note it calls
    inside: str      # the note in whose definition it stands ("" when pandoc does not say)


def indent(line: str) -> int:
    """The columns a line's leading blanks take, tabs to the next multiple of four."""
    columns = 0
    for char in line:
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        else:
            break
    return columns


def _by_lines(lines: list[str]) -> tuple[list[NoteCall], bool]:
    """The calls on a definition's lines as the lines show them, and whether a call stands on a
    line that may be a lazy continuation of a definition's paragraph (then only pandoc knows)."""
    found, doubtful = [], False
    inside = ""          # the definition the line belongs to, "" outside any
    open_text = False    # the line above is a non-blank line of a definition (or may be)
    for number, line in enumerate(lines, start=1):
        definition = FOOTDEF_RE.match(line)
        blank = not line.strip()
        if definition:
            inside, start, lazy = definition.group(1), definition.end(), False
            open_text = bool(line[start:].strip())
        elif inside and (blank or indent(line) >= 4):
            start, lazy = 0, False
            open_text = not blank
        elif inside and open_text:
            start, lazy = 0, True        # perhaps the paragraph above carried on
        else:
            inside, open_text = "", False
            continue
        for ordinal, call in enumerate(FOOTCALL_RE.finditer(line)):
            if call.start() < start:
                continue
            if lazy:
                doubtful = True
            else:
                found.append(NoteCall(number, ordinal, call.start(), call.group(1), inside))
    return found, doubtful


@lru_cache(maxsize=8)
def calls_in_notes(body: str, pandoc_format: str) -> tuple[NoteCall, ...]:
    """Each footnote call that pandoc reads inside a footnote's definition, in the body's order."""
    if "[^" not in body:
        return ()
    lines = body.split("\n")
    found, doubtful = _by_lines(lines)
    if not doubtful:
        return tuple(found)
    return tuple(_as_pandoc_reads(lines, pandoc_format))


def _as_pandoc_reads(lines: list[str], pandoc_format: str) -> list[NoteCall]:
    used = {ord(c) for line in lines for c in line if _FIRST_MARK <= ord(c) <= _LAST_MARK}
    marks = (code for code in range(_FIRST_MARK, _LAST_MARK + 1) if code not in used)
    calls: dict[str, NoteCall] = {}
    inert, keys = [], []
    for number, line in enumerate(lines, start=1):
        definition = FOOTDEF_RE.match(line)
        if definition and definition.group(1) not in keys:
            keys.append(definition.group(1))
        pieces, at = [], 0
        for ordinal, call in enumerate(FOOTCALL_RE.finditer(line)):
            mark = chr(next(marks))
            calls[mark] = NoteCall(number, ordinal, call.start(), call.group(1), "")
            pieces += [line[at:call.start()], "[", mark, call.group(1), "]"]
            at = call.end()
        inert.append("".join(pieces) + line[at:])
    # Each note called once, from a paragraph of its own before the body, closed by a blank line.
    first = "".join(f"[^{key}]" for key in keys)
    tree = json.loads(warm_pandoc.convert(("\n".join([first, ""] + inert)).encode("utf-8"),
                                          pandoc_format, "json"))
    found: list[NoteCall] = []
    opening = tree["blocks"][0] if tree["blocks"] else None
    notes = [inline["c"] for inline in _inlines_of(opening)
             if inline.get("t") == "Note"] if opening else []
    for index, note in enumerate(notes):
        inside = keys[index] if index < len(keys) and len(notes) == len(keys) else ""
        for text in _strings(note):
            for char in text:
                if char in calls:
                    found.append(calls[char]._replace(inside=inside))
    return sorted(found)


def _inlines_of(block) -> list:
    """The inlines of a paragraph, through the wrappers a placed reading puts round them."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Note":
                out.append(node)
                return
            walk(node.get("c"))
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(block)
    return out


def _strings(node) -> list[str]:
    """The text of every Str under a node (a call stands in one; code shows no call)."""
    out = []
    if isinstance(node, dict):
        if node.get("t") == "Str":
            out.append(node["c"])
        elif node.get("t") not in ("Code", "CodeBlock", "RawInline", "RawBlock"):
            out += _strings(node.get("c"))
    elif isinstance(node, list):
        for item in node:
            out += _strings(item)
    return out
