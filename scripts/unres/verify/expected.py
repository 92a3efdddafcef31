"""The fingerprint the source's model expects every output to show."""
from __future__ import annotations

from ..model.document import (Emph, Heading, NoteRef, Paragraph, Resolution, Table, plain_text, walk_inlines,
                              walk_subparagraphs)
from ..model.ignorable import prints_nothing
from ..model.presentation import code_of, iso639_2, present, printed_number
from . import links
from .fingerprint import (ALL_FIELDS, VOTE_LIST_NAMES, ZERO_WIDTH_SPACE, Fingerprint, Item, Note, VoteFp,
                          normalise, printed_states)
from .read.common import _Items, _WRAPUP, _index_by_anchor


# ---------------------------------------------------------------- source model
def from_model(res: Resolution, label: str) -> Fingerprint:
    """The fingerprint every output must match, taken from the numbered model."""
    meta = res.meta
    pres = present(res)
    # Every output prints the title after what the organ prints between number and title.
    title = pres.title_separator + meta.title
    fp = Fingerprint(label, ALL_FIELDS, meta.symbol, printed_number(meta), normalise(title),
                     meta.adoption_date)
    fp.links = links.model_links(res)
    items = _Items()
    fp.lines = {key: loc.line for key, loc in meta.key_locs.items() if loc is not None}
    for para in _preambles(res):
        items.preamble(plain_text(para.inlines), _model_opening(para.inlines), para.eid)
        items.items[-1].italic_run = _model_italic_run(para.inlines)
        _model_breaks(items.items[-1], plain_text(para.inlines), para)
        for sub in para.children:
            items.preamble_point(sub.label, plain_text(sub.inlines), _model_opening(sub.inlines), sub.eid)
            items.items[-1].italic_run = _model_italic_run(sub.inlines)
            _model_breaks(items.items[-1], plain_text(sub.inlines), sub)
    for part in res.parts:
        if part.opening is not None:
            items.opening(plain_text(part.opening.inlines), _model_opening(part.opening.inlines),
                          part.opening.eid)
            items.items[-1].italic_run = _model_italic_run(part.opening.inlines)
            _model_breaks(items.items[-1], plain_text(part.opening.inlines), part.opening)
        if part.adopted is not None:
            items.adopted()
            if part.adopted.title:
                items.heading(plain_text(part.adopted.title), part.adopted.eid, "title")
                _model_breaks(items.items[-1], plain_text(part.adopted.title), part.adopted)
            _model_blocks(items, part.adopted.blocks)
        for para in part.operative:
            _model_operative(items, para)
        for section in part.sections:
            for heading in section.headings:
                items.operative_heading(plain_text(heading.inlines), heading.eid)
                _model_breaks(items.items[-1], plain_text(heading.inlines), heading)
            for para in section.operative:
                _model_operative(items, para)
    for annex in res.annexes:
        items.annex(annex.label)
        items.heading(annex.label, "", "label")     # a label is plain text: it calls no note
        _model_breaks(items.items[-1], annex.label, annex)
        if annex.title:
            items.heading(plain_text(annex.title), annex.eid, "title")
            _model_breaks(items.items[-1], plain_text(annex.title), annex)
        _model_blocks(items, annex.blocks)
    fp.items = items.items
    if ZERO_WIDTH_SPACE in title:
        fp.title_breaks = normalise(title, keep_breaks=True)
    where = _index_by_anchor(fp.items)
    in_closing = _notes_in_closing_words(res)
    for note in res.footnotes:
        text = " ".join(plain_text(p) for p in note.paragraphs)
        fp.notes.append(Note(note.marker or str(note.number), normalise(text),
                             where.get(in_closing.get(note.number, note.called_from)),
                             normalise(text, keep_breaks=True) if ZERO_WIDTH_SPACE in text else None,
                             note.loc.line if note.loc is not None else None))
    vote = meta.vote
    if vote.kind == "recorded":
        code = code_of(meta.language)
        fp.vote = VoteFp("recorded", vote.totals, {
            "in favour": printed_states(vote.in_favour, code, vote.last_two),
            "against": printed_states(vote.against, code, vote.last_two),
            "abstaining": printed_states(vote.abstaining, code, vote.last_two)}, {
            "in favour": [normalise(s) for s in vote.in_favour],
            "against": [normalise(s) for s in vote.against],
            "abstaining": [normalise(s) for s in vote.abstaining]})
        # What the presentation prints after each printed list's last State: its stop, or nothing.
        printed = [name for name, key in zip(VOTE_LIST_NAMES, ("in_favour", "against", "abstaining"))
                   if getattr(vote, key)]
        fp.vote.stops = {name: bool(items[-1][1]) for name, (_label, items) in zip(printed, pres.vote_items)}
    else:
        fp.vote = VoteFp("without-vote")
    fp.printed = _model_printed(res)
    fp.facts = {"adoption_date": meta.adoption_date.isoformat() if meta.adoption_date else None,
                "issue_date": meta.issue_date.isoformat() if meta.issue_date else None,
                "symbol": meta.symbol, "number": meta.number, "session": None if meta.session is None else str(meta.session),
                "language": iso639_2(meta.language), "lang": code_of(meta.language), "dir": pres.dir,
                "organ": normalise(meta.organ), "title": normalise(meta.title),
                "bookmark": normalise(f"{pres.title_number} {title}" if pres.print_title else pres.title_number),
                "session_start": meta.session_start.isoformat() if meta.session_start else None,
                "session_end": meta.session_end.isoformat() if meta.session_end else None,
                "agenda_item": meta.agenda_item, "quotes": meta.quotes or "", "page_title": normalise(f"{meta.symbol}: {meta.title}"),
                # Printed on the first page's footer (the PDF's, the DOCX's) and kept in the AKN's
                # cover page; none printed where the source gives none.
                "job_number": normalise(meta.job_number or "")}
    formulas = [part.formula for part in res.parts if part.formula is not None]
    fp.formulas = [normalise(plain_text(formula.inlines)) for formula in formulas]
    fp.formula_lines = [formula.loc.line if formula.loc is not None else None for formula in formulas]
    fp.title_printed, fp.vote_printed = pres.print_title, pres.print_vote
    return fp


def _preambles(res: Resolution):
    """Every paragraph set as a preamble, in print order: a part's, then its sections'. A
    section's one unnumbered paragraph is among them: print sets it so, and no reader of print
    could tell it from them."""
    for part in res.parts:
        yield from part.preamble
        for section in part.sections:
            yield from section.preamble
            if section.text is not None:
                yield section.text


def _model_blocks(items: _Items, blocks) -> None:
    """An annex's or an adopted text's headings, paragraphs, numbered paragraphs and tables."""
    headings = 0
    for block in blocks:
        if isinstance(block, Heading):
            headings += 1
            items.heading(plain_text(block.inlines), block.eid, f"heading {headings}")
        elif isinstance(block, Paragraph):
            items.text(plain_text(block.inlines), block.eid)
        elif isinstance(block, Table):
            items.table([plain_text(cell) for cell in block.cells()], block.eid)
            continue
        else:
            _model_operative(items, block)
            continue
        _model_breaks(items.items[-1], plain_text(block.inlines), block)


def _model_printed(res: Resolution) -> list:
    """What the tool prints around the text, in print order, in the resolution's language."""
    pres = present(res)
    lines = ("language_line", "original") if pres.language_line_above else ("original", "language_line")
    strings = [(key, getattr(pres, key)) for key in ("united_nations", "masthead_organ", "distr", "issue_date",
                                                      *lines)]
    if pres.organ == "hrc":
        strings.append(("organ", res.meta.organ))
    if pres.organ != "sc":
        strings.append(("session_name", res.meta.session_name))
    strings += [(key, getattr(pres, key)) for key in ("session_dates", "agenda_item")]
    strings += [("agenda_title", title) for title in pres.agenda_titles]
    if pres.print_title:
        strings += [("adopted_by", pres.adopted_by), ("origin", pres.origin), ("title_number", pres.title_number)]
    else:       # the Security Council's number, then its adoption line
        strings += [("title_number", pres.title_number), ("adopted_by", pres.adopted_by)]
    strings += [("meeting", pres.meeting), ("adoption_date", pres.adoption_date if pres.meeting else "")]
    if pres.print_vote:
        strings.append(("vote_note", pres.vote_note))
        strings += [("vote_label", label) for label, _states in pres.vote_lists]
    return [(key, text) for key, text in strings if text]


def _notes_in_closing_words(res: Resolution) -> dict:
    """{note number: the anchor of the closing words that call it}: a note called after a
    paragraph's sub-paragraphs is called from those words, not from the paragraph's first."""
    out = {}
    paragraphs = res.operative + [b for holder in res.holders for b in holder.blocks]
    for item in [*paragraphs, *(s for p in paragraphs for s in walk_subparagraphs(getattr(p, "children", [])))]:
        for node in walk_inlines(getattr(item, "wrapup", None) or []):
            if isinstance(node, NoteRef):
                out[node.number] = item.eid + _WRAPUP
    return out


def _model_operative(items: _Items, para) -> None:
    for heading in para.headings:
        items.operative_heading(plain_text(heading.inlines), heading.eid)
        _model_breaks(items.items[-1], plain_text(heading.inlines), heading)
    items.paragraph(para.num, plain_text(para.inlines), _model_opening(para.inlines), para.eid)
    items.items[-1].italic_run = _model_italic_run(para.inlines)
    _model_breaks(items.items[-1], plain_text(para.inlines), para)
    _model_points(items, para.children, 1)
    if para.wrapup:
        items.closing(0, plain_text(para.wrapup), para.eid + _WRAPUP)
        _model_breaks(items.items[-1], plain_text(para.wrapup), para)
    for block in para.under:
        if isinstance(block, Table):
            items.table([plain_text(cell) for cell in block.cells()], block.eid)
            continue
        if isinstance(block, Heading):
            items.under_heading(plain_text(block.inlines), block.eid)
        else:
            items.note(plain_text(block.inlines), block.eid)
        _model_breaks(items.items[-1], plain_text(block.inlines), block)


def _model_breaks(item: Item, text: str, block=None) -> None:
    """Source-side facts of an item: its zero-width spaces, and the line of ``block``."""
    if block is not None and block.loc is not None:
        item.line = block.loc.line
    if ZERO_WIDTH_SPACE in text:
        item.breaks = normalise(text, keep_breaks=True)


def _model_opening(inlines) -> str:
    """The italic words that open the text, as the readers of structure read them: after what
    prints nothing (a space or a mark of direction a UN file typed before them), and on over
    italics that follow with nothing between them but a footnote's call ("*a*[^1]*b*")."""
    words = []
    for inline in inlines:
        if isinstance(inline, Emph):
            words.append(plain_text(inline.children))
        elif not isinstance(inline, NoteRef) and (words or not prints_nothing(plain_text([inline]))):
            break
    return normalise("".join(words))


def _model_italic_run(inlines) -> str:
    """The opening italics run on over spaces and what prints nothing: "*Decides* *also*" and
    "*Decides*\u200f *also*" read "Decides also"."""
    words = []
    for inline in inlines:
        if isinstance(inline, Emph):
            words.append(plain_text(inline.children))
        elif words and prints_nothing(plain_text([inline])):
            words.append(" " if any(ch.isspace() for ch in plain_text([inline])) else "")
        else:
            break
    return normalise("".join(words))


def _model_points(items: _Items, points, depth):
    for sub in points:
        for heading in sub.headings:
            # A line among the sub-paragraphs is read as a heading between operative items.
            items.operative_heading(plain_text(heading.inlines), heading.eid)
            _model_breaks(items.items[-1], plain_text(heading.inlines), heading)
        items.point(sub.label, depth, plain_text(sub.inlines), _model_opening(sub.inlines), sub.eid)
        items.items[-1].italic_run = _model_italic_run(sub.inlines)
        _model_breaks(items.items[-1], plain_text(sub.inlines), sub)
        _model_points(items, sub.children, depth + 1)
        if sub.wrapup:
            items.closing(depth, plain_text(sub.wrapup), sub.eid + _WRAPUP)
            _model_breaks(items.items[-1], plain_text(sub.wrapup), sub)
