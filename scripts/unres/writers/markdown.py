"""Model -> canonical Markdown (the format of ``source/``).

Reading the output again gives an equal model: every character that
CommonMark could take as markup is escaped, one paragraph is one line, and
numbers and labels are written out literally.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import re

from ..model.document import (GA, RECORDED, AdoptedText, Emph, Heading, LineBreak, Link, NoteRef, OperativeParagraph,
                              Paragraph, Resolution, Section, Strong, Subscript, Superscript, Table, Text)
from ..model.presentation import PRINTED_KEYS

FRONT_KEYS = (
    "symbol", "number", "title", "title_separator", "parent_organ", "organ", "session", "session_name",
    "session_start", "session_end", "agenda_item", "agenda_items", "origin", "distribution", "issue_date",
    "original_language", "language", "adoption_date", "meeting", "job_number", "formula_organ",
    "link_cited_documents", "document_url_base", "quotes", "language_line_position",
)
# Characters CommonMark may read as markup anywhere in a line.
_ESCAPE_RE = re.compile(r"([\\`*_\[\]<>&~^!|$])")
_SMART_RE = re.compile(r"(['\"]|(?<=-)-|(?<=\.)\.)")
# 'quotes: straight': quotes print as typed, so only dashes and ellipses need the backslash.
_SMART_STRAIGHT_RE = re.compile(r"((?<=-)-|(?<=\.)\.)")
# A '#' that ends a heading's words, which would read as its closing sequence.
_TRAILING_HASH_RE = re.compile(r"#(?=\s*$)")
_straight = contextvars.ContextVar("straight_quotes", default=False)
# What could open a block if it began a line: headings, quotes, list markers, rules, fences.
# pandoc takes any letter as a list marker ("à)" too), not only ASCII ones.
_MARK_START_RE = re.compile(r"^[•–](?= )")
_LINE_START_RE = re.compile(r"^(#|>|[-+=]|\d+[.)]|\d+-(?=\s|$)|\(?[^\W\d_]{1,8}[.)](\s|$)|\(\d+\)|:)")


def _blocks(holder) -> list:
    """An annex's or an adopted text's title, headings, paragraphs, numbered paragraphs and tables."""
    out = [_atx(2, holder.title), ""] if holder.title else []
    for block in holder.blocks:
        if isinstance(block, Heading):
            out += _heading(block)
        elif isinstance(block, Paragraph):
            out += [inlines(block.inlines), ""]
        elif isinstance(block, OperativeParagraph):
            out += _item(block.num, block, "")
        elif isinstance(block, Table):
            out += _table(block)
    return out


def _quoted(adopted: AdoptedText) -> list:
    """An adopted text as a block quotation: every line of it opens with '>'."""
    lines = [line for chunk in _blocks(adopted) for line in chunk.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return [f"> {line}" if line else ">" for line in lines] + [""]


def render(res: Resolution, inputs: dict | None = None) -> bytes:
    return render_markdown(res).encode("utf-8")


def render_markdown(res: Resolution) -> str:
    token = _straight.set(res.meta.quotes == "straight")
    try:
        return _render(res)
    finally:
        _straight.reset(token)


def _render(res: Resolution) -> str:
    out = [_front_matter(res), ""]
    notes = {note.key: note for note in res.footnotes}
    for part in res.parts:
        if res.in_parts:
            out += [f"# {_escape_text(part.label)}", ""]
            if part.title:
                out += [_atx(2, part.title), ""]
        if part.formula is not None:
            out += [inlines(part.formula.inlines), ""]
        for para in part.preamble:
            out += [inlines(para.inlines), ""]
            for child in para.children:
                out += _item(child.label, child, "")
        if part.opening is not None:
            out += [inlines(part.opening.inlines), ""]
        if part.adopted is not None:
            out += _quoted(part.adopted)
        for para in part.operative:
            out += [line for heading in para.headings for line in _heading(heading)]
            out += _unnumbered(para) if part.unnumbered else _item(para.num, para, "")
        for section in part.sections:
            out += _section(section)
    for annex in res.annexes:
        out += [f"# {_escape_text(annex.label)}", ""]
        out += _blocks(annex)
    for note in res.footnotes:
        body = [inlines(p) for p in notes[note.key].paragraphs]
        first, rest = body[0], body[1:]
        out.append(f"[^{note.number}]: {first}")
        for extra in rest:
            out += ["", f"    {extra}"]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _section(section: Section) -> list:
    """'## I', its titles ('###'), its unnumbered paragraphs, then its numbered ones."""
    out = [line for heading in section.headings for line in _heading(heading)]
    out += [f"## {section.label}", ""]
    out += [line for title in section.titles for line in (_atx(3, title), "")]
    for para in section.preamble + ([section.text] if section.text is not None else []):
        out += [inlines(para.inlines), ""]
        for child in para.children:
            out += _item(child.label, child, "")
    for para in section.operative:
        out += [line for heading in para.headings for line in _heading(heading)]
        out += _item(para.num, para, "")
    return out


def _unnumbered(para: OperativeParagraph) -> list:
    """A part's one operative paragraph, printed without a number: its words as a paragraph
    of their own, the last of the part, and the sub-paragraphs they introduce under them."""
    out = [inlines(para.inlines), ""]
    for child in para.children:
        out += _item(child.label, child, "")
    return out


_DELIMITER = {"left": ":--", "right": "--:", "center": ":-:", "": "---"}


def _table(table: Table) -> list:
    """A pipe table: the heading row (empty cells for a table without one), the delimiter row
    with each column's alignment, then the rows."""
    width = max([len(table.align)] + [len(row) for row in table.rows])

    def row(cells):
        cells = [inlines(cell).strip() for cell in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(cells) + " |"
    align = list(table.align) + [""] * (width - len(table.align))
    head = table.rows[:table.header] or [[]]
    return [row(head[0]), "|" + "|".join(_DELIMITER[a] for a in align) + "|",
            *(row(cells) for cells in table.rows[table.header:]), ""]


def _heading(heading: Heading) -> list:
    return [_atx(min(max(heading.level, 3), 6), heading.inlines), ""]


def _atx(level: int, words) -> str:
    """A heading line; a '#' its words end with is escaped, or it would read as the line's
    closing sequence and be dropped ("Annex #" read "Annex")."""
    return "#" * level + " " + _TRAILING_HASH_RE.sub(r"\\#", inlines(words))


def _item(marker: str, item, indent: str):
    inner = indent + " " * (len(marker) + 1)
    lines = [f"{indent}{marker} {_continue(inlines(item.inlines), inner)}", ""]
    for child in item.children:
        lines += [line for heading in child.headings for line in (inner + _continue(inlines(heading.inlines), inner), "")]
        lines += _item(child.label, child, inner)
    if item.wrapup:
        lines += [inner + _continue(inlines(item.wrapup), inner), ""]
    for block in getattr(item, "under", ()):
        written = _table(block) if isinstance(block, Table) else \
            _heading(block) if isinstance(block, Heading) else [_continue(inlines(block.inlines), inner), ""]
        lines += [inner + line if line else line for line in written]
    return lines


def _continue(text: str, indent: str) -> str:
    """Hard line breaks continue on an indented line so they stay inside their item."""
    return text.replace("\\\n", "\\\n" + indent)


# ---------------------------------------------------------------- inlines
def inlines(nodes) -> str:
    text = "".join(_inline(node) for node in nodes)
    return "\\\n".join(_protect_line_start(line) for line in text.split("\\\n"))


def _inline(node) -> str:
    if isinstance(node, Text):
        return _escape_text(node.text)
    if isinstance(node, Emph):
        return f"*{''.join(_inline(n) for n in node.children)}*"
    if isinstance(node, Strong):
        return f"**{''.join(_inline(n) for n in node.children)}**"
    if isinstance(node, Superscript):
        return f"^{''.join(_inline(n) for n in node.children)}^"
    if isinstance(node, Subscript):
        return f"~{''.join(_inline(n) for n in node.children)}~"
    if isinstance(node, Link) and node.recognised:
        # Recognised again on reading; the source stays as it was written.
        return "".join(_inline(n) for n in node.children)
    if isinstance(node, Link):
        target = node.target.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>")
        return f"[{''.join(_inline(n) for n in node.children)}](<{target}>)"
    if isinstance(node, LineBreak):
        return "\\\n"
    if isinstance(node, NoteRef):
        return f"[^{node.number or node.key}]"
    raise TypeError(f"unknown inline {node!r}")


def _escape_text(text: str) -> str:
    text = _ESCAPE_RE.sub(r"\\\1", text)
    # Typography the reader makes (smart): a straight quote stays straight, and hyphens and
    # full stops in a row stay as many, only when escaped.
    return (_SMART_STRAIGHT_RE if _straight.get() else _SMART_RE).sub(r"\\\1", text)


def _protect_line_start(text: str) -> str:
    if _MARK_START_RE.match(text):
        # A line opening with the bullet or dash of a UN list would be read as one; CommonMark
        # escapes no such character, so the first is written as its character reference.
        return f"&#{ord(text[0])};" + text[1:]
    if _LINE_START_RE.match(text):
        return "\\" + text if not text[0].isalnum() and text[0] != "(" else _escape_first_punct(text)
    return text


def _escape_first_punct(text: str) -> str:
    """'1. x' -> '1\\. x', '(a) x' -> '\\(a) x', '1- x' (an Arabic number) -> '1\\- x': break the list
    marker, keep the characters."""
    if text[0] == "(":
        return "\\" + text
    match = re.match(r"^(\w+?)([.)-])", text)
    return f"{match.group(1)}\\{match.group(2)}{text[match.end():]}" if match else text


# ---------------------------------------------------------------- front matter
_PLAIN_RE = re.compile(r"^([A-Za-z\u00C0-\u024F]|\d+[a-z]+ )[\w ,.()/'’\u2013-]*$")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "without"}


def _yaml_str(value: str) -> str:
    """Plain when YAML would read it back as the same text, double-quoted otherwise."""
    if (_PLAIN_RE.match(value) and value.lower() not in _YAML_WORDS and not value.endswith((" ", ":"))
            and ": " not in value and " #" not in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front_matter(res: Resolution) -> str:
    meta = res.meta
    lines = ["---"]
    for key in FRONT_KEYS:
        value = getattr(meta, key)
        if value is None or value is True or (key == "meeting" and not value):
            # A Security Council resolution adopted without a meeting has none to state.
            continue
        if value == [] and not (key == "agenda_items" and meta.organ_key == GA):
            continue
        if key == "agenda_item" and meta.agenda_item_title:
            lines.append("agenda_item:")
            lines.append(f"  number: {_yaml_str(value)}")
            lines.append(f"  title: {_yaml_str(meta.agenda_item_title)}")
        elif key == "agenda_items" and not value:
            # The Assembly's resolution prints no agenda item (75/1 in Chinese): said on purpose.
            lines.append("agenda_items: []")
        elif key == "agenda_items":
            lines.append("agenda_items:")
            for item in value:
                lines.append(f"  - number: {_yaml_str(item.number)}")
                if item.title:
                    lines.append(f"    title: {_yaml_str(item.title)}")
        elif key == "origin":
            lines.append("origin:")
            if value.committee:
                lines.append(f"  committee: {_yaml_str(value.committee)}")
            lines.append("  documents:")
            lines += [f"    - {_yaml_str(d)}" for d in value.documents]
            if value.form:
                lines.append(f"  form: {value.form}")
        elif value is False:
            lines.append(f"{key}: false")
        elif isinstance(value, dt.date):
            lines.append(f"{key}: {value.isoformat()}")
        elif isinstance(value, int):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {_yaml_str(value)}")
    vote = meta.vote
    if vote.kind == RECORDED:
        lines.append("vote:")
        for key in ("in_favour", "against", "abstaining"):
            states = getattr(vote, key)
            if getattr(vote, key + "_total") is not None:
                lines.append(f"  {key}_total: {getattr(vote, key + '_total')}")
                continue
            if not states:
                lines.append(f"  {key}: []")
                continue
            lines.append(f"  {key}:")
            lines += [f"    - {_yaml_str(s)}" for s in states]
        if vote.last_two:
            lines.append(f"  last_two: {vote.last_two}")
        if vote.list_stops:
            lines.append(f"  list_stops: {vote.list_stops}")
    else:
        lines.append("vote: without")
    if meta.printed:
        lines.append("printed:")
        lines += [f"  {key}: {_yaml_str(meta.printed[key])}" for key in PRINTED_KEYS if key in meta.printed]
    lines.append("---")
    return "\n".join(lines)
