"""Where each block of a source starts, found from its lines, for a tree pandoc parsed without
``sourcepos``.

pandoc's ``sourcepos`` wraps every word and space in a span that carries its position: it
makes the tree five times larger and costs more than twice the parse without it. The reader
needs the start of each block (its line and column: every paragraph, heading, list and list
item keeps it, and lint and verify name it) and the place of each footnote call (its key is
read there); the place of a word only where a check looks at what was typed (a quotation mark
``smart`` left unpaired, a word whose marks ``quotes: straight`` prints as typed, a ``*`` or ``_``
typed as it reads, a character reference), and such a source is read with ``sourcepos`` as before.

CommonMark finds its blocks from the lines alone, before it reads any inline. This module does
that for the Markdown a resolution is written in: paragraphs, ATX headings, ordered and
bulleted lists, block quotations and footnote definitions, all in the CommonMark manner
(containers matched line by line, a paragraph continued until a blank line). Whatever else it
meets (a tab, lazy continuation lines, a list item that interrupts a paragraph, a code block, a
table, a thematic break, a line that could start an HTML block or a link reference
definition …) makes it give up: :func:`placed` returns None and the source is parsed with
``sourcepos``. Its blocks must also line up, one for one and of the same kind, with the blocks
pandoc found; else it gives up too. tests/test_block_positions.py proves the positions equal to
pandoc's on every source at hand.
"""
from __future__ import annotations

import re

# A list marker, as CommonMark with pandoc's fancy lists writes it, and the spaces after it.
_ORDERED_RE = re.compile(r"(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]|\((?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)\)")
_BULLET_RE = re.compile(r"[-+*]")
_ATX_RE = re.compile(r"#{1,6}(?: |$)")
_FOOTNOTE_DEF_RE = re.compile(r"\[\^[^\]\s]+\]:")
_FOOTCALL_RE = re.compile(r"\[\^[^\]\s]+\](?!:)")
# What could start a block of a kind left to pandoc, or make a paragraph something else: a
# code fence, an HTML block, a link reference definition, a setext underline or thematic
# break, a table row.
_DOUBTFUL_START_RE = re.compile(r"```|~~~|<|\[(?!\^)[^\]\\]*(?:\]:|\\|$)|[=_]|[-*](?:[ ]*[-*]){2}|\|")


class Unsure(Exception):
    """The lines hold something this module does not place as pandoc does."""


class _Node:
    __slots__ = ("kind", "line", "col", "children", "width", "ordered", "last")

    def __init__(self, kind: str, line: int, col: int, width: int = 0, ordered: bool = False):
        self.kind = kind              # 'para', 'header', 'item', 'quote', 'note' (a footnote definition)
        self.line, self.col = line, col
        self.children: list[_Node] = []
        self.width = width            # an item's (or definition's) indent for its lines
        self.ordered = ordered
        self.last = line              # a paragraph's last line


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def scan(lines: list[str]) -> list[_Node]:
    """The blocks of ``lines`` (composed text, as pandoc reads it), nested as CommonMark nests
    them; raises Unsure."""
    root = _Node("doc", 0, 0)
    stack = [root]
    para: _Node | None = None            # the open paragraph, in stack[-1]
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            raise Unsure
        pos, matched = 0, 1
        for container in stack[1:]:
            rest = line[pos:]
            if container.kind == "quote":
                indent = _indent(rest)
                if indent > 3 or rest[indent:indent + 1] != ">":
                    break
                pos += indent + 1 + (rest[indent + 1:indent + 2] == " ")
            elif not rest.strip():
                pass                      # a blank line continues an item or a definition
            elif _indent(rest) >= container.width:
                pos += container.width
            else:
                break
            matched += 1
        rest = line[pos:]
        if not rest.strip():
            del stack[matched:]
            para = None
            continue
        indent = _indent(rest)
        if para is not None:
            # Text that starts no block continues the paragraph, even where the line does not
            # continue the containers around it (a lazy line); text indented by four spaces or
            # more starts none, and where it continues them, nor does a list item other than a
            # bullet or number 1 ("2." and "(b)" are words of the paragraph). A heading, a
            # quotation or a list item closes it; what else may start a block is left to pandoc.
            text = rest[indent:]
            if indent >= 4 or not _starts_block(text) or (matched == len(stack) and not _interrupts(text)):
                para.last = number
                continue
            if _DOUBTFUL_START_RE.match(text) or _FOOTNOTE_DEF_RE.match(text):
                raise Unsure
            para = None
        del stack[matched:]
        while True:
            indent = _indent(rest)
            if indent >= 4:
                raise Unsure                # an indented code block
            text = rest[indent:]
            col = pos + indent + 1
            container = stack[-1]
            if text.startswith(">"):
                quote = _Node("quote", number, col)
                container.children.append(quote)
                stack.append(quote)
                step = indent + 1 + (text[1:2] == " ")
                pos, rest = pos + step, rest[step:]
                if not rest.strip():
                    raise Unsure
                continue
            marker = _ORDERED_RE.match(text) or _BULLET_RE.match(text)
            if marker and text[marker.end():marker.end() + 1] in (" ", ""):
                after = text[marker.end():]
                spaces = _indent(after)
                if not after.strip() or spaces > 4:
                    raise Unsure            # an item that starts blank, or with indented code
                if marker.re is _BULLET_RE and _DOUBTFUL_START_RE.match(text):
                    raise Unsure            # "- - -", "* * *": a thematic break
                width = indent + marker.end() + spaces
                item = _Node("item", number, col, width, ordered=marker.re is _ORDERED_RE)
                container.children.append(item)
                stack.append(item)
                pos, rest = pos + width, rest[width:]
                continue
            if _FOOTNOTE_DEF_RE.match(text):
                # Its text goes into the note, not among the blocks; its lines are passed over.
                note = _Node("note", number, col, 4)
                stack.append(note)
                para = _Node("para", number, col)
                break
            if _ATX_RE.match(text):
                container.children.append(_Node("header", number, col))
                break
            if _DOUBTFUL_START_RE.match(text) or text.startswith(("#", "`", "~")):
                raise Unsure
            para = _Node("para", number, col)
            container.children.append(para)
            break
    return root.children


def _starts_block(text: str) -> bool:
    """Whether a line could start a block rather than continue a paragraph."""
    if text.startswith(">") or _ATX_RE.match(text) or _DOUBTFUL_START_RE.match(text) \
            or _FOOTNOTE_DEF_RE.match(text):
        return True
    marker = _ORDERED_RE.match(text) or _BULLET_RE.match(text)
    return bool(marker) and text[marker.end():marker.end() + 1] in (" ", "")


def _interrupts(text: str) -> bool:
    """Whether a line that could start a block may start it inside a paragraph: not a list item
    numbered otherwise than 1, lettered or in roman numerals."""
    marker = _ORDERED_RE.match(text)
    return not marker or marker.group().strip("().").isdigit() and int(marker.group().strip("().")) == 1


def placed(blocks: list, lines: list[str]) -> list:
    """pandoc's ``blocks`` (parsed without ``sourcepos``) as ``sourcepos`` would have given them:
    each block in a wrapper with its start (a heading's in its attributes), each footnote call
    in a wrapper with its place; None when this module cannot tell them all."""
    try:
        return _place(blocks, scan(lines), lines)
    except Unsure:
        return None


def _pos(node: _Node) -> str:
    # Only the start is read; the end is given as the start.
    return f"{node.line}:{node.col}-{node.line}:{node.col}"


def _wrapper(pos: str, blocks: list) -> dict:
    return {"t": "Div", "c": [["", [], [["wrapper", "1"], ["data-pos", pos]]], blocks]}


def _place(blocks: list, nodes: list[_Node], lines: list[str]) -> list:
    out = []
    index = 0

    def take(kind: str) -> _Node:
        nonlocal index
        if index >= len(nodes) or nodes[index].kind != kind:
            raise Unsure
        index += 1
        return nodes[index - 1]

    for block in blocks:
        kind = block["t"]
        if kind in ("Para", "Plain"):
            node = take("para")
            out.append(_wrapper(_pos(node), [{"t": kind, "c": _notes_placed(block["c"], node, lines)}]))
        elif kind == "Header":
            node = take("header")
            level, (ident, classes, _pairs), inlines = block["c"]
            inlines = _notes_placed(inlines, node, lines)
            out.append({"t": "Header", "c": [level, [ident, classes, [["data-pos", _pos(node)]]], inlines]})
        elif kind in ("OrderedList", "BulletList"):
            items = block["c"][1] if kind == "OrderedList" else block["c"]
            placed_items, first = [], None
            for item in items:
                node = take("item")
                if node.ordered != (kind == "OrderedList"):
                    raise Unsure
                first = first or node
                placed_items.append(_place(item, node.children, lines))
            if first is None:
                raise Unsure
            content = [block["c"][0], placed_items] if kind == "OrderedList" else placed_items
            out.append(_wrapper(_pos(first), [{"t": kind, "c": content}]))
        elif kind == "BlockQuote":
            node = take("quote")
            out.append(_wrapper(_pos(node), [{"t": kind, "c": _place(block["c"], node.children, lines)}]))
        else:
            raise Unsure
    if index != len(nodes):
        raise Unsure
    return out


def _notes_placed(inlines: list, node: _Node, lines: list[str]) -> list:
    """``inlines`` with each footnote call wrapped with its place: the calls written on the
    paragraph's lines, in order, one for one with pandoc's notes."""
    lines = lines[node.line - 1:node.last]
    if not any("[^" in line for line in lines):
        return inlines            # pandoc makes a footnote call of nothing else
    calls = [(number, found.start() + 1)
             for number, line in enumerate(lines, start=node.line)
             for found in _FOOTCALL_RE.finditer(line, node.col - 1 if number == node.line else 0)]
    calls.reverse()
    placed = _with_calls(inlines, calls)
    if calls:
        raise Unsure
    return placed


def _with_calls(inlines: list, calls: list) -> list:
    out = []
    for node in inlines:
        kind = node["t"]
        if kind == "Note":
            if not calls:
                raise Unsure
            line, col = calls.pop()
            out.append({"t": "Span", "c": [["", [], [["wrapper", "1"], ["data-pos", f"{line}:{col}-{line}:{col}"]]],
                                           [node]]})
        elif kind in ("Emph", "Strong", "Superscript", "Subscript", "Strikeout", "Underline", "SmallCaps"):
            out.append({"t": kind, "c": _with_calls(node["c"], calls)})
        elif kind == "Link":
            attr, text, target = node["c"]
            out.append({"t": kind, "c": [attr, _with_calls(text, calls), target]})
        elif kind in ("Quoted", "Cite", "Span"):
            head, text = node["c"]
            out.append({"t": kind, "c": [head, _with_calls(text, calls)]})
        else:
            out.append(node)
    return out
