"""Derived facts, computed once: numbers, labels, footnote numbers, eIds, and the spaces a
language's print does not break.

Every reader ends with :func:`finalize`; after it no writer computes anything
that another writer must agree with.
"""
from __future__ import annotations

import re

from ..errors import SourceError, error
from . import languages
from .document import (Annex, Heading, NoteRef, OperativeParagraph, Paragraph, Resolution, Section, Table,
                       Text, body_inlines, walk_inlines)
from .numerals import letters, roman
from .typography import french_spaces

def sub_label(depth: int, index: int) -> str:
    """The English label of the ``index``-th sub-paragraph at nesting ``depth`` (1 = (a)): the form
    every source may write and the one eIds are made of, whatever the language prints."""
    if depth == 1:
        return f"({letters(index)})"
    if depth == 2:
        return f"({roman(index + 1)})"
    if depth == 3:
        return f"{letters(index)}."
    return f"{roman(index + 1)}."


def scheme_key(scheme: str, index: int) -> str:
    """The number part of a point's eId: its English label's ('a', 'ii'), a bullet's place."""
    key = label_key(languages.scheme_label(scheme, index, languages.DEFAULT))
    return key or str(index + 1)


def label_key(label: str) -> str:
    """'(a)' -> 'a', '12.' -> '12', 'ii.' -> 'ii': the number part of an eId."""
    return re.sub(r"[^0-9A-Za-z]", "", label)


def _eid_token(text: str) -> str:
    token = re.sub(r"[^0-9A-Za-z]+", "", text)
    return token or "x"


class _Numberer:
    def __init__(self, code: str):
        self.code = code           # the language whose numbers and labels are printed
        self.notes = []            # keys in order of first call

    def notes_in(self, inlines, owner_eid: str, counter: list):
        for node in walk_inlines(inlines or []):
            if isinstance(node, NoteRef):
                counter[0] += 1
                node.eid = f"{owner_eid}__authorialNote_{counter[0]}"
                self.notes.append((node, owner_eid))

    def subparagraphs(self, owner, list_eid: str, depth: int, parent_scheme: str | None,
                      names: tuple = ("point", "list")):
        """Labels and eIds of ``owner``'s sub-paragraphs: points of a list, or (``names``
        ("item", "blockList")) the items of a block list, as a preambular paragraph's are written."""
        if not owner.children:
            owner.sub_scheme = ""
            return
        scheme = owner.sub_scheme = owner.sub_scheme or languages.default_scheme(depth, parent_scheme)
        headings = 0
        for index, item in enumerate(owner.children):
            item.label = languages.scheme_label(scheme, index, self.code)
            item.eid = f"{list_eid}__{names[0]}_{scheme_key(scheme, index)}"
            for heading in item.headings:
                # Written in the AKN as a <crossHeading> among the list's points.
                headings += 1
                heading.eid = f"{list_eid}__crossHeading_{headings}"
                self.notes_in(heading.inlines, heading.eid, [0])
            counter = [0]
            self.notes_in(item.inlines, item.eid, counter)
            item.list_eid = f"{item.eid}__{names[1]}_1" if item.children else ""
            self.subparagraphs(item, item.list_eid, depth + 1, scheme, names)
            self.notes_in(item.wrapup, item.eid, counter)

    def operative(self, para: OperativeParagraph, number: int, prefix: str):
        para.num = languages.operative_number(number, self.code)
        para.eid = f"{prefix}para_{number}"
        counter = [0]
        self.notes_in(para.inlines, para.eid, counter)
        para.list_eid = f"{para.eid}__list_1" if para.children else ""
        self.subparagraphs(para, para.list_eid, 1, None)
        self.notes_in(para.wrapup, para.eid, counter)
        counts = {"table": 0, "tblock": 0, "p": 0}
        for block in getattr(para, "under", ()):
            # In the AKN's <content> after the paragraph's words: a <table>, a heading as the
            # <tblock> it opens, a note a <p>.
            if isinstance(block, Table):
                counts["table"] += 1
                self.table(block, f"{para.eid}__table_{counts['table']}")
            elif isinstance(block, Heading):
                counts["tblock"] += 1
                block.eid = f"{para.eid}__tblock_{counts['tblock']}"
                self.notes_in(block.inlines, block.eid, [0])
            else:
                counts["p"] += 1
                block.eid = f"{para.eid}__p_{counts['p']}"
                self.notes_in(block.inlines, block.eid, [0])

    def table(self, table, eid: str):
        table.eid = eid
        calls = [0]      # one count over the table's cells: each call's eId is its own
        for cell in table.cells():
            self.notes_in(cell, eid, calls)


def finalize(res: Resolution) -> Resolution:
    """Number everything and give every addressable block its eId; check what every reader must."""
    problems = []
    numberer = _Numberer(languages.code_of(res.meta.language))
    if numberer.code == "fr":
        _french_spaces(res)
    several = res.in_parts
    for part in res.parts:
        prefix = ""
        if several:
            part.eid = f"part_{_eid_token(part.label or '')}"
            prefix = part.eid + "__"
        # Each part is a statement of its own in the AKN (a component of a document collection),
        # with a preamble of its own: its eIds carry the part's so that the file's stay unique.
        formula_eid = f"{prefix or ''}preamble__formula_1"
        preamble_eids = [f"{prefix}preamble__container_{i}" for i in range(1, len(part.preamble) + 1)]
        if part.title:
            numberer.notes_in(part.title, part.eid, [0])
        if part.formula is not None:
            part.formula.eid = formula_eid
            numberer.notes_in(part.formula.inlines, part.formula.eid, [0])
        for para, eid in zip(part.preamble, preamble_eids):
            para.eid = eid
            numberer.notes_in(para.inlines, para.eid, [0])
            # Written in the AKN as the UN writes them, a <blockList> of <item>s in the container.
            para.list_eid = f"{para.eid}__blockList_1" if para.children else ""
            numberer.subparagraphs(para, para.list_eid, 1, None, ("item", "blockList"))
        if part.opening is not None:
            # Unnumbered, before paragraph 1: written as the UN writes it, a <paragraph> without <num>.
            part.opening.eid = f"{prefix}para_0"
            numberer.notes_in(part.opening.inlines, part.opening.eid, [0])
        if part.adopted is not None:
            # Written in the AKN inside the opening paragraph, as an <embeddedStructure>.
            _blocks(numberer, part.adopted, f"{part.opening.eid}__embeddedStructure_1")
        if not part.operative and part.adopted is None and not part.sections:
            problems.append(error(part.loc, "no operative paragraph", "E205"))
        headings = [0]
        for number, para in enumerate(part.operative, start=1):
            _headings(numberer, para.headings, prefix, headings)
            numberer.operative(para, number, prefix)
            if part.unnumbered:
                # Printed without a number; written as the UN writes it, a <paragraph> without <num>.
                para.num = ""
        for section in part.sections:
            _section(numberer, section, prefix, headings)
    for index, annex in enumerate(res.annexes, start=1):
        _annex(numberer, annex, f"att_{index}")
    if problems:
        raise SourceError(problems)

    by_key = {note.key: note for note in res.footnotes}
    ordered = []
    for ref, owner in numberer.notes:
        note = by_key.get(ref.key)
        if note is None:
            raise SourceError(error(None, f"footnote {ref.key} is called but never defined", "E301"))
        if note in ordered:
            raise SourceError(error(note.loc, f"footnote {ref.key} is called more than once", "E305"))
        ordered.append(note)
        note.number = len(ordered)
        note.marker = languages.note_marker(note.number, numberer.code)
        note.eid = ref.eid
        note.called_from = owner
        ref.number = note.number
    unused = [note for note in res.footnotes if note not in ordered]
    if unused:
        raise SourceError([error(n.loc, f"footnote {n.key} is defined but never called", "E302")
                           for n in unused])
    res.footnotes = ordered
    return res


def _french_spaces(res: Resolution) -> None:
    """Every plain space French print does not break (``typography.french_spaces``) made a
    no-break space, in the body, the notes and the front matter's prose, so that every output
    prints the same characters."""
    for _loc, inlines in body_inlines(res):
        for node in walk_inlines(inlines):
            if isinstance(node, Text):
                node.text = french_spaces(node.text)
    res.meta.map_prose(french_spaces)


def _headings(numberer: _Numberer, headings, prefix: str, count: list):
    for heading in headings:
        # Written in the AKN as the UN writes it, a <paragraph> holding only the heading;
        # its eId must not take a number the numbered paragraphs use.
        count[0] += 1
        heading.eid = f"{prefix}para_h{count[0]}"
        numberer.notes_in(heading.inlines, heading.eid, [0])


def _section(numberer: _Numberer, section: Section, prefix: str, headings: list):
    """A section's eIds, under its own (``sec_I``); its paragraphs are numbered from 1 again."""
    _headings(numberer, section.headings, prefix, headings)
    section.eid = f"{prefix}sec_{_eid_token(section.label)}"
    inner = section.eid + "__"
    for title in section.titles:
        numberer.notes_in(title, section.eid, [0])
    for index, para in enumerate(section.preamble, start=1):
        # Written in the AKN as the UN writes them, <crossHeading>s in the section.
        para.eid = f"{inner}crossHeading_{index}"
        numberer.notes_in(para.inlines, para.eid, [0])
    if section.text is not None:
        # Unnumbered: a <paragraph> without <num>, as the part's opening is.
        text = section.text
        text.eid = f"{inner}para_0"
        numberer.notes_in(text.inlines, text.eid, [0])
        text.list_eid = f"{text.eid}__list_1" if text.children else ""
        numberer.subparagraphs(text, text.list_eid, 1, None)
    own = [0]
    for number, para in enumerate(section.operative, start=1):
        _headings(numberer, para.headings, inner, own)
        numberer.operative(para, number, inner)


def _annex(numberer: _Numberer, annex: Annex, eid: str):
    _blocks(numberer, annex, eid)


def _blocks(numberer: _Numberer, holder, eid: str):
    """An annex's or an adopted text's eId, then its blocks', numbered paragraphs from 1."""
    holder.eid = eid
    numberer.notes_in(holder.title, eid, [0])
    counts = {"para": 0, "p": 0, "hcontainer": 0, "table": 0}
    for block in holder.blocks:
        if isinstance(block, OperativeParagraph):
            counts["para"] += 1
            numberer.operative(block, counts["para"], f"{eid}__")
        elif isinstance(block, Paragraph):
            counts["p"] += 1
            block.eid = f"{eid}__p_{counts['p']}"
            numberer.notes_in(block.inlines, block.eid, [0])
        elif isinstance(block, Table):
            counts["table"] += 1
            numberer.table(block, f"{eid}__table_{counts['table']}")
        elif isinstance(block, Heading):
            # An annex heading is written as an hcontainer holding a heading.
            counts["hcontainer"] += 1
            block.eid = f"{eid}__hcontainer_{counts['hcontainer']}"
            numberer.notes_in(block.inlines, block.eid, [0])
