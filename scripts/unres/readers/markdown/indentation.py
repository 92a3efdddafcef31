"""One indentation mistake, explained once, with the fix that works.

A sub-paragraph indented past its item's label but short of where the item's
text starts (`(i)` five spaces in, under `   (b) two:` whose text starts at
seven) is neither beside that item nor under it: CommonMark makes it a
sibling, or a new list, or a code block, and the reader then reports each
consequence (a label out of sequence, a second list, a code block). This
module finds such a line and works out the re-indentation that makes the list
what was meant (checked on the text, re-indented); the reader reads the
re-indented text again, and the errors that go away are the mistake's
consequences, replaced by one error.
"""
from __future__ import annotations

import re

from ...errors import error
from ...model.document import Loc
from ...model.transforms import sub_label

# Errors that a mis-indented line brings about in the lines it and its block stand on.
CONSEQUENCES = {"E203", "E206", "E207", "E208", "E210", "E211", "E212"}
ITEM_RE = re.compile(r"( *)(\(\w{1,6}\)|\w{1,6}\.) +(?=\S)")
MAX_FIXES = 20


def fixes(path: str, lines: list[str]) -> tuple[list, list[str]]:
    """An error for each mis-indented item, and the body's lines with every fix applied.
    ``lines`` are the body's (the front matter blanked)."""
    text = list(lines)
    item_lines = {n for n, line in enumerate(text, 1) if _geometry(line)}
    found_errors = []
    for _ in range(MAX_FIXES):
        found = _first_misindented(text, item_lines)
        if found is None:
            break
        line = found[0]
        shifted, delta, message = _fix(text, item_lines, *found)
        indent = len(text[line - 1]) - len(text[line - 1].lstrip(" "))
        found_errors.append(error(Loc(path, line, indent + 1), message, "E213"))
        for number in shifted:
            text[number - 1] = _shift(text[number - 1], delta)
    return found_errors, text


def _geometry(line: str):
    """(indent, column where the text starts, label) of an item's first line, else None."""
    found = ITEM_RE.match(line)
    if not found:
        return None
    return len(found.group(1)), found.end(), found.group(2)


def _items_in_place(text, item_lines):
    """Each item line with its geometry, the item it sits in and its elder sibling (each
    ``(line, geometry)`` or None), read from the indents alone."""
    stack = []
    for number in sorted(item_lines):
        geometry = _geometry(text[number - 1])
        if geometry is None:
            continue
        while stack and stack[-1][1][0] > geometry[0]:
            stack.pop()
        elder = stack.pop() if stack and stack[-1][1][0] == geometry[0] else None
        yield number, geometry, (stack[-1] if stack else None), elder
        stack.append((number, geometry))


def _first_misindented(text, item_lines):
    """The first item indented past its item's label and short of its text:
    (line, (parent line, parent indent, parent text column, parent label), (indent, text column, label))."""
    for number, geometry, parent, _ in _items_in_place(text, item_lines):
        if parent and parent[1][0] < geometry[0] < parent[1][1]:
            return number, (parent[0], *parent[1]), geometry
    return None


def _labels_in_sequence(text, item_lines, first: int, last: int) -> bool:
    """Whether each item from line ``first`` to ``last`` has the label its place calls for:
    the one after its elder sibling's, or the first of a level."""
    firsts = {sub_label(depth, 0) for depth in range(1, 5)}
    for number, geometry, parent, elder in _items_in_place(text, item_lines):
        if first <= number <= last and parent:
            if geometry[2] not in (_next_labels(elder[1][2]) if elder else firsts):
                return False
    return True


def _next_labels(label: str) -> set:
    """The labels that can follow ``label``: "(i)" is a letter, "(j)" after it, or a
    numeral, "(ii)" after it."""
    if re.fullmatch(r"\d+\.", label):
        return {f"{int(label[:-1]) + 1}."}
    return {sub_label(depth, index + 1) for depth in range(1, 5) for index in range(200)
            if sub_label(depth, index) == label}


def _shift(line: str, delta: int) -> str:
    return " " * delta + line if delta > 0 else line[-delta:]


def _fix(text, item_lines, line, parent, geometry):
    """(lines to re-indent, by how much, the message)."""
    parent_line, parent_indent, parent_start, parent_label = parent
    indent, _start, label = geometry
    beside = label in _next_labels(parent_label)
    target = parent_indent if beside else parent_start
    delta = target - indent
    last = line
    block = []
    for number in range(line, len(text) + 1):
        body = text[number - 1]
        if body.strip():
            if len(body) - len(body.lstrip(" ")) < indent:
                break
            block.append(number)
            last = number
    # Re-indent the whole block, else only the lines that share the mistake (a line already
    # where it belongs stays): whichever leaves no mistake in the block.
    same = [n for n in block if len(text[n - 1]) - len(text[n - 1].lstrip(" ")) == indent]
    # Items in the block that Markdown read as something else (a code block) are items too.
    items = set(item_lines) | {n for n in block if _geometry(text[n - 1])}
    shifted, fallback = None, None
    # Or the lines not yet where the fix puts the first: those under it that slipped with it.
    slipped = [n for n in block if len(text[n - 1]) - len(text[n - 1].lstrip(" ")) != target]
    for candidate in (same, slipped, block):
        trial = list(text)
        for number in candidate:
            trial[number - 1] = _shift(trial[number - 1], delta)
        again = _first_misindented(trial, items)
        if again is None or not line <= again[0] <= last:
            fallback = fallback or candidate
            if _labels_in_sequence(trial, items, line, last):
                shifted = candidate
                break
    shifted = shifted or fallback or block
    where = _line_list(shifted, whole=shifted is block)
    how = (f"to put it beside {parent_label}, indent {where} by {-delta} fewer space{'s' if delta != -1 else ''} "
           f"({target}, as {parent_label})" if beside else
           f"to make it a sub-paragraph of {parent_label}, indent {where} by {delta} more "
           f"space{'s' if delta != 1 else ''} ({target}, where the text of {parent_label} starts)")
    message = (f"{label} is indented {indent} spaces: past the label {parent_label} of line {parent_line} "
               f"({parent_indent}) and short of its text ({parent_start}), so it is neither beside nor "
               f"under it; {how}")
    return shifted, delta, message


def _line_list(numbers, whole: bool) -> str:
    numbers = list(numbers)
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    if len(numbers) > 6 and whole:
        return f"lines {numbers[0]} to {numbers[-1]} (each line that is not blank)"
    return "lines " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
