"""The resolution as pandoc's JSON AST, built as plain data and never as text.

Every string from the source goes into a ``Str`` node, which pandoc writes
literally (XML-escaped) into the DOCX; nothing is parsed as Markdown, so
``{{ 7*7 }}``, ``<script>`` or ``*`` in the source come out as typed.
Numbers and labels are the model's, printed as literal text followed by a
tab: no Word list numbering anywhere.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from ...model.document import (Emph, Heading, LineBreak, Link, NoteRef, OperativeParagraph, Paragraph, Table,
                               Resolution, Section, Strong, Subscript, Superscript, Text)
from ...model.presentation import Presentation

BODY = "SingleTxtG"
FORMULA = "FormulaG"
OPENING = "OpeningG"
SUB_LEVELS = ("SingleTxtG Sub1", "SingleTxtG Sub2", "SingleTxtG Sub3", "SingleTxtG Sub4")
# A line among the sub-paragraphs of each level (SubParagraph.headings), read back as a heading.
SUB_HEADINGS = ("Sub1 Heading Operative", "Sub2 Heading Operative", "Sub3 Heading Operative",
                "Sub4 Heading Operative")
# Only links a reader can follow safely become Word hyperlinks.
LINK_SCHEMES = ("http", "https", "mailto")


def s(text: str) -> dict:
    return {"t": "Str", "c": text}


def styled(style: str, inlines: list) -> dict:
    para = {"t": "Para", "c": inlines}
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], [para]]}


class Inlines:
    """Converts model inlines; footnote calls take their bodies from the resolution."""

    def __init__(self, res: Resolution, note_brackets: tuple = ("", "")):
        self.res = res
        self.note_brackets = note_brackets

    def __call__(self, nodes) -> list:
        out = []
        for node in nodes:
            out.extend(self.one(node))
        return out

    def one(self, node) -> list:
        if isinstance(node, Text):
            return [s(node.text)] if node.text else []
        if isinstance(node, Emph):
            return [{"t": "Emph", "c": self(node.children)}]
        if isinstance(node, Strong):
            return [{"t": "Strong", "c": self(node.children)}]
        if isinstance(node, Superscript):
            return [{"t": "Superscript", "c": self(node.children)}]
        if isinstance(node, Subscript):
            return [{"t": "Subscript", "c": self(node.children)}]
        if isinstance(node, LineBreak):
            return [{"t": "LineBreak"}]
        if isinstance(node, Link):
            if urlsplit(node.target).scheme.lower() in LINK_SCHEMES:
                return [{"t": "Link", "c": [["", [], []], self(node.children), [node.target, ""]]}]
            return self(node.children)
        if isinstance(node, NoteRef):
            return self.call(node)
        raise TypeError(f"no DOCX rendering for inline {type(node).__name__}")

    def call(self, ref: NoteRef) -> list:
        """The Word footnote with the brackets its language prints around the number ("(1)"),
        raised as the number is, in the style that tells a reader they are the call's."""
        before, after = self.note_brackets
        return [*([marker_text(before)] if before else []), self.note(ref),
                *([marker_text(after)] if after else [])]

    def note(self, ref: NoteRef) -> dict:
        # The model allows one call per footnote, so every call is a Word footnote.
        note = self.res.footnote(ref.key)
        return {"t": "Note", "c": [{"t": "Para", "c": self(par)} for par in note.paragraphs]}


# Word's own character style of a footnote's number, at the call and before the note.
NOTE_MARKER_STYLE = "Footnote Reference"


# Headings between operative paragraphs, by level (### … ######), in styles of their own so that a
# reader of the file tells them from a part's heading (H1G) and an annex's (H23G).
OPERATIVE_HEADING = {3: "H1G Operative", 4: "H1G Operative", 5: "H23G Operative", 6: "H4G Operative"}


def marker_text(text: str) -> dict:
    return {"t": "Span", "c": [["", [], [["custom-style", NOTE_MARKER_STYLE]]], [s(text)]]}


def numbered(label: str, inlines: list) -> list:
    return [s(label + "\t"), *inlines] if label else inlines


def sub_paragraphs(items, level: int, conv: Inlines) -> list:
    style = SUB_LEVELS[min(level, len(SUB_LEVELS) - 1)]
    cross = SUB_HEADINGS[min(level, len(SUB_HEADINGS) - 1)]
    out = []
    for item in items:
        out.extend(styled(cross, conv(h.inlines)) for h in item.headings)
        out.append(styled(style, numbered(item.label, conv(item.inlines))))
        out.extend(sub_paragraphs(item.children, level + 1, conv))
        if item.wrapup:
            out.append(styled(style, conv(item.wrapup)))
    return out


# What a paragraph prints under its words: the headings over its tables, by level, and the notes
# under them, in styles of their own.
UNDER_HEADING = {3: "H1G Under", 4: "H1G Under", 5: "H23G Under", 6: "H4G Under"}
TABLE_NOTE = "TableNoteG"


def operative(para: OperativeParagraph, conv: Inlines) -> list:
    return _operative(para, conv) + [under(block, conv) for block in para.under]


def under(block, conv: Inlines) -> dict:
    if isinstance(block, Table):
        return table(block, conv)
    if isinstance(block, Heading):
        return styled(UNDER_HEADING[min(max(block.level, 3), 6)], conv(block.inlines))
    return styled(TABLE_NOTE, conv(block.inlines))


def _operative(para: OperativeParagraph, conv: Inlines) -> list:
    out = [styled(BODY, numbered(para.num, conv(para.inlines)))]
    out.extend(sub_paragraphs(para.children, 0, conv))
    if para.wrapup:
        out.append(styled(BODY, conv(para.wrapup)))
    return out


_ALIGN = {"left": "AlignLeft", "right": "AlignRight", "center": "AlignCenter"}


def table(block: Table, conv: Inlines) -> dict:
    """A table in pandoc's form: the heading row in its head, each column aligned as the source
    says; the reference document's "Table" style sets its rules."""
    width = max([len(block.align)] + [len(row) for row in block.rows])
    align = [{"t": _ALIGN.get(a, "AlignDefault")} for a in block.align] + \
        [{"t": "AlignDefault"}] * (width - len(block.align))

    def row(cells):
        cells = list(cells) + [[]] * (width - len(cells))
        return [["", [], []], [[["", [], []], {"t": "AlignDefault"}, 1, 1,
                                [{"t": "Plain", "c": conv(cell)}] if cell else []] for cell in cells]]
    return {"t": "Table", "c": [
        ["", [], []], [None, []], [[a, {"t": "ColWidthDefault"}] for a in align],
        [["", [], []], [row(cells) for cells in block.rows[:block.header]]],
        [[["", [], []], 0, [], [row(cells) for cells in block.rows[block.header:]]]],
        [["", [], []], []]]}


def heading(style: str, label: str, title) -> dict:
    return styled(style, numbered(label, title))


def blocks(res: Resolution, pres: Presentation) -> list:
    """The body below the masthead table, top to bottom."""
    conv = Inlines(res, pres.note_brackets)
    out = page_one(res, pres, conv)
    closing = styled("MeetingG", [s(pres.meeting), {"t": "LineBreak"}, s(pres.adoption_date)])
    for index, part in enumerate(res.parts):
        if res.in_parts:
            out.append(heading("H1G", part.label, conv(part.title) if part.title else []))
        if part.formula:
            out.append(styled(FORMULA, conv(part.formula.inlines)))
        for para in part.preamble:
            out.append(styled(BODY, conv(para.inlines)))
            out.extend(sub_paragraphs(para.children, 0, conv))
        if part.opening is not None:
            out.append(styled(OPENING, conv(part.opening.inlines)))
        if part.adopted is not None:
            if part.adopted.title:
                out.append(styled("H1G Adopted", conv(part.adopted.title)))
            out.extend(holder_blocks(part.adopted.blocks, conv, lambda _level: "H23G Adopted"))
        for para in part.operative:
            out.extend(operative_headings(para.headings, conv))
            out.extend(operative(para, conv))
        for section in part.sections:
            out.extend(section_blocks(section, conv))
        if pres.closing_per_part and index < len(res.parts) - 1:
            out.append(closing)
    if pres.meeting:
        out.append(closing)
    if pres.print_vote:
        out.extend(vote(pres))
    for annex in res.annexes:
        out.append(styled("AnnexG", [s(annex.label)]))
        if annex.title:
            out.append(styled("H1G Annex", conv(annex.title)))
        out.extend(holder_blocks(annex.blocks, conv, annex_heading_style))
    return out


def annex_heading_style(level: int) -> str:
    """An annex's heading: H1G for a level-1 heading, the UN's H4 (10 pt italic) for ######, H23G
    for the others."""
    return "H1G" if level <= 1 else "H4G" if level >= 6 else "H23G"


def operative_headings(headings, conv: Inlines) -> list:
    return [styled(OPERATIVE_HEADING[min(max(h.level, 3), 6)], conv(h.inlines)) for h in headings]


def section_blocks(section: Section, conv: Inlines) -> list:
    """A section: its label and titles in a part's heading style (H1G), then the paragraphs set
    as its preamble (its one unnumbered paragraph among them), then its own numbers."""
    out = operative_headings(section.headings, conv)
    out.append(styled("H1G", [s(section.label)]))
    out.extend(styled("H1G", conv(title)) for title in section.titles)
    for para in section.preamble + ([section.text] if section.text is not None else []):
        out.append(styled(BODY, conv(para.inlines)))
        out.extend(sub_paragraphs(para.children, 0, conv))
    for para in section.operative:
        out.extend(operative_headings(para.headings, conv))
        out.extend(operative(para, conv))
    return out


def holder_blocks(items, conv: Inlines, heading_style) -> list:
    """An annex's or an adopted text's headings (in the style ``heading_style`` gives their
    level), paragraphs, numbered paragraphs and tables."""
    out = []
    for block in items:
        if isinstance(block, Heading):
            out.append(styled(heading_style(block.level), conv(block.inlines)))
        elif isinstance(block, Paragraph):
            out.append(styled(BODY, conv(block.inlines)))
        elif isinstance(block, OperativeParagraph):
            out.extend(operative(block, conv))
        elif isinstance(block, Table):
            out.append(table(block, conv))
        else:
            raise TypeError(f"no DOCX rendering for block {type(block).__name__}")
    return out


def page_one(res: Resolution, pres: Presentation, conv: Inlines) -> list:
    """The lines under the masthead table, as the organ prints them."""
    meta = res.meta
    if pres.organ == "sc":
        return [styled("HChG", [s(pres.title_number)]), styled("AdoptedAtG", [s(pres.adopted_by)])]
    out = []
    if pres.organ == "hrc":
        out.append(styled("OrganG", [s(meta.organ)]))
    out.append(styled("SessionG", [s(meta.session_name)]))
    if pres.session_dates:
        out.append(styled("SessionLineG", [s(pres.session_dates)]))
    if pres.agenda_item:
        out.append(styled("SessionLineG", [s(pres.agenda_item)]))
    out.extend(styled("SessionLineG", [s(title)]) for title in pres.agenda_titles)
    out.append(styled("HChG", [s(pres.adopted_by)]))
    if pres.origin_inlines:
        out.append(styled("OriginG", slanted(pres, conv(pres.origin_inlines))))
    out.append(heading("H1G", pres.title_number, [s(pres.title_separator + meta.title)]))
    return out


def slanted(pres: Presentation, inlines: list) -> list:
    """A line the tool prints in italics, upright where the language's data says so (Chinese)."""
    return [{"t": "Emph", "c": inlines}] if pres.italic_lines else inlines


def vote(pres: Presentation) -> list:
    out = [styled(BODY, [s(pres.vote_note)])]
    for i, (label, items) in enumerate(pres.vote_items):
        close = pres.vote_close if i == len(pres.vote_items) - 1 else ""
        out.append(styled(BODY, slanted(pres, [s(label)])))
        out.append(styled("VoteListG", [s("".join(state + after for state, after in items) + close)]))
    return out
