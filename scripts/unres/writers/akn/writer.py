"""Akoma Ntoso 3.0 (AKN4UN) writer: the model through ``templates/akn/``.

The template lays the XML out; this module only gathers what it prints (the
IRIs, the masthead strings, the vote note cut around its numbers) and checks
the result before anyone can keep it: a file that fails the strict OASIS
schema or the project's own checks raises InvalidOutputError.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...errors import InvalidOutputError, error
from ...model.citations import inline_lists
from ...model.document import (RECORDED, Emph, Heading, LineBreak, Link, NoteRef, OperativeParagraph, Table,
                               Paragraph, Resolution, Strong, Subscript, Superscript, Text, walk_inlines)
from ...model import heading_styles, presentation, state_names
from ...model.presentation import labels_for, present, presentation_for, vote_note_template
from .. import templating
from . import frbr
from .validate import schema, validate

TEMPLATE = "akn/statement.akn.xml"

_KINDS = {Text: "text", Emph: "emph", Strong: "strong", Superscript: "sup",
          Subscript: "sub", Link: "link", LineBreak: "eol", NoteRef: "noteref",
          Heading: "heading", Paragraph: "paragraph", OperativeParagraph: "operative", Table: "table"}

# eIds of the meta and conclusions items the model does not number.
VOTING = "voting_1"
CONCLUSIONS = "conclusions"

# Vote lists in the order the UN prints them, with the reference ids they carry.
_VOTE_LISTS = (("in_favour", "inFavour"), ("against", "against"), ("abstaining", "abstaining"))


def warm(quietly) -> None:
    """Compile the AKN schema every first document is checked against."""
    quietly(schema)


def kind(node) -> str:
    """The name the template branches on for an inline node or an annex block."""
    return "group" if isinstance(node, UnderGroup) else _KINDS[type(node)]


@dataclass
class UnderGroup:
    """A heading under a paragraph's words and what the AKN's <tblock> it opens holds."""
    heading: Heading
    children: list = field(default_factory=list)


def under_groups(blocks) -> list:
    """What a paragraph prints under its words, each heading with what follows it up to the next
    heading that follows a table or a note; a heading right under another is in its group (a
    <tblock> holds at least one block)."""
    root: list = []
    holder, after_heading = root, False
    for block in blocks:
        if isinstance(block, Heading):
            group = UnderGroup(block)
            (holder if after_heading else root).append(group)
            holder, after_heading = group.children, True
        else:
            holder.append(block)
            after_heading = False
    return root


def container_name(phrase: str) -> str:
    """``Taking note with appreciation`` -> ``takingNoteWithAppreciation``."""
    words = re.findall(r"\w+", phrase)
    if not words:
        return "preambularParagraph"
    return words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])


def committee_id(name: str, taken=()) -> str:
    """``firstCommittee``; a name in another script keeps only its Latin letters, stripped of their
    accents (``premiereCommission``), or is ``mainCommittee`` (an eId is ASCII). An eId's words start
    with a letter and hold letters and digits only: "12th" and "_x_" give "th" and "x". An id the
    document already gives another element (``taken``: "In favour" is the vote's ``inFavour``)
    takes "Committee" after it."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", folded)
    eid = container_name(" ".join(words)) if words else "mainCommittee"
    while eid in taken:
        eid += "Committee"
    return eid


@lru_cache(maxsize=None)
def _template_ids(folder: str) -> frozenset:
    """The eIds the AKN templates write as they stand (``inFavour``, ``author`` …)."""
    return frozenset(eid for path in Path(folder, "akn").glob("*.xml")
                     for eid in re.findall(r'eId="([A-Za-z][A-Za-z0-9]*)"', path.read_text(encoding="utf-8")))


def _vote_note_parts(res: Resolution, printed: str) -> list:
    """The adoption note as text and ``(ref, number)`` pieces, so each total
    can be marked up as a ``quantity``. Built from the same pattern as the
    printed note and checked against it, so the words cannot drift apart. A total
    the language writes in words (the Arabic dual) is text, not a quantity."""
    vote = res.meta.vote
    if vote.kind != RECORDED or "vote_note" in res.meta.printed:
        return [printed]
    template, phrases = vote_note_template(res.meta)
    yes, no, abstain = vote.totals
    marks = {key: phrases[key].format(n=f"\0{ref}\0") for key, ref in _VOTE_LISTS}
    pieces = template.format(**marks).split("\0")
    values = {"inFavour": yes, "against": no, "abstaining": abstain}
    parts = [(p, values[p]) if i % 2 else p for i, p in enumerate(pieces)]
    rebuilt = "".join(str(p[1]) if isinstance(p, tuple) else p for p in parts)
    if rebuilt != printed:
        raise InvalidOutputError(error(None, f"AKN vote note {rebuilt!r} differs from the "
                                             f"printed note {printed!r}", "A-VOTE-NOTE"))
    return [p for p in parts if p != ""]


def _vote_lists(res: Resolution, pres) -> list:
    """``[(label, ref, states)]`` for the lists that have States, in print order."""
    lab = labels_for(res.meta.language)
    vote = res.meta.vote
    rows = []
    for attr, ref in _VOTE_LISTS:
        states = getattr(vote, attr)
        if states:
            rows.append((lab[attr], ref, list(states)))
    if [(label, states) for label, _, states in rows] != [
            (label, list(states)) for label, states in pres.vote_lists]:
        raise InvalidOutputError(error(None, "AKN vote lists differ from the printed lists",
                                       "A-VOTE-LISTS"))
    # Each State with what the language prints after it ("," "and" "."), as the other formats print it.
    return [(label, ref, list(items)) for (label, ref, _states), (_label, items) in zip(rows, pres.vote_items)]


@dataclass(frozen=True)
class CitedDocument:
    """A document the resolution links to: its symbol and URL in a ``TLCReference`` (``eid``),
    and what the body's ``<ref href>`` names: the cited Work's AKN IRI where one can be formed,
    else the URL."""
    eid: str
    symbol: str
    url: str
    href: str


def origin_parts(meta) -> tuple:
    """The Assembly's origin line (before, documents, after) with an eId on each document's link
    (the cover page has no transform to number them)."""
    before, documents, after = presentation.origin_parts(meta)
    n = 0
    for i, node in enumerate(documents):
        if isinstance(node, Link):
            n += 1
            documents[i] = dataclasses.replace(node, eid=f"coverPage__ref_{n}")
    return before, documents, after


def adoption_pieces(pres, meta) -> list:
    """The Security Council's adoption line cut around its meeting and its date, each to be
    marked up as the UN does ("at its <inline>8718th meeting</inline>, on <docDate>…")."""
    from ...model import languages
    strings = presentation.organ_strings(meta)
    n = presentation.meeting_number(meta)
    code = presentation.code_of(meta.language)
    suffix = languages.ordinal_suffix(n, code) if n is not None else ""
    template = strings["adopted_on" if n is None else "adopted_at"]
    fields = {"n": n, "suffix": suffix, "date": "\0date\0"}
    # The meeting as the language writes it in the line ("8718th meeting"), else its number with
    # the ending the line gives it ("8718-м").
    span = re.search(re.escape(strings.get("meeting", "\0")), template) or re.search(r"\{n\}[^\s,،]*", template)
    parts = [(template, False)] if n is None or span is None else [
        (template[:span.start()], False), (template[span.start():span.end()], True), (template[span.end():], False)]
    pieces = []
    for text, is_meeting in parts:
        text = text.format(**fields)
        if is_meeting:
            pieces.append({"meeting": text, "title": f"{n}{suffix}"})
            continue
        for j, bit in enumerate(text.split("\0")):
            if j % 2:
                pieces.append({"date": languages.format_date(meta.adoption_date, code)})
            elif bit:
                pieces.append({"text": bit})
    rebuilt = "".join(p.get("text") or p.get("meeting") or p.get("date") for p in pieces)
    if rebuilt != pres.adopted_by:      # a source's printed: line, or a form the cut cannot follow
        return [{"text": pres.adopted_by}]
    return pieces


def cited_documents(res: Resolution, first: list = ()) -> dict:
    """(symbol, URL) -> CitedDocument for every link with a symbol, numbered in document order
    (``first``: inlines printed before the body, the origin line)."""
    out: dict = {}
    for inlines in [first] + [inlines for _owner, inlines, _set in inline_lists(res)]:
        for node in walk_inlines(inlines):
            if isinstance(node, Link) and node.symbol and (node.symbol, node.target) not in out:
                out[node.symbol, node.target] = CitedDocument(
                    f"citedDocument_{len(out) + 1}", node.symbol, node.target,
                    frbr.cited_work(node.symbol) or node.target)
    return out


def context(res: Resolution, pres=None) -> dict:
    """Everything the template prints."""
    meta = res.meta
    pres = pres or present(res)
    recorded = meta.vote.kind == RECORDED
    origin = origin_parts(meta)
    cited = cited_documents(res, origin[1])
    note, quantity_of = [], {}
    for piece in _vote_note_parts(res, pres.vote_note):
        if isinstance(piece, tuple):
            ref, value = piece
            quantity_of[ref] = f"{CONCLUSIONS}__quantity_{len(quantity_of) + 1}"
            note.append({"ref": ref, "value": value, "eid": quantity_of[ref]})
        else:
            note.append({"text": piece})
    counts = [{"eid": f"{VOTING}__count_{i}", "ref": ref, "value": meta.vote.totals[i - 1],
               "quantity": quantity_of.get(ref) if pres.print_vote else None, "voters": [state_names.capitals(s) for s in getattr(meta.vote, attr)]}
              for i, (attr, ref) in enumerate(_VOTE_LISTS, 1)] if recorded else []
    # A vote kept only as data names its States in capitals, which cannot give back every name's
    # case ("Trinité-et-Tobago", "Тринидад и Тобаго"): the names as the source writes them are kept
    # beside it, in unres's own proprietary metadata, for the import to read back.
    written = [{"ref": ref, "states": list(getattr(meta.vote, attr))} for attr, ref in _VOTE_LISTS
               if getattr(meta.vote, attr)] if recorded and not pres.print_vote else []
    organ_id = frbr.organ_id(meta.organ)
    parent_id = frbr.organ_short(meta.parent_organ) if meta.parent_organ else ""
    return {
        "res": res,
        "meta": meta,
        "pres": pres,
        "united_nations": pres.united_nations,
        "iris": frbr.iris(meta),
        "annex_components": [frbr.annex_component(i) for i in range(1, len(res.annexes) + 1)],
        "organ_id": organ_id,
        "parent_id": parent_id,
        "committee_id": committee_id(meta.origin.committee,
                                     _template_ids(str(templating.templates_dir())) | {organ_id, parent_id})
                        if meta.origin and meta.origin.committee else "",
        "origin": origin,
        "adoption_pieces": adoption_pieces(pres, meta) if pres.organ == "sc" else [],
        "multipart": res.in_parts,
        "recorded": recorded,
        "voting_eid": VOTING,
        "vote_note": note,
        "vote_counts": counts,
        "written_votes": written,
        "vote_lists": _vote_lists(res, pres) if recorded else [],
        "container_name": container_name,
        "heading_style": heading_styles.STYLE_OF_LEVEL.get,
        "heading_element": heading_styles.akn_element,
        "kind": kind,
        "under_groups": under_groups,
        "footnote": res.footnote,
        "cited_documents": list(cited.values()),
        "cited": lambda link: cited[link.symbol, link.target],
    }


def draft(res: Resolution, inputs: dict | None = None) -> bytes:
    """The file before its checks: what a format rendered in another process may start from."""
    return templating.render(TEMPLATE, **context(res, presentation_for(res, inputs))).encode("utf-8")


def check(data: bytes) -> bytes:
    """``data`` if it passes the schema and the project's checks; else InvalidOutputError."""
    problems = [d for d in validate(data) if d.severity == "error"]
    if problems:
        raise InvalidOutputError(problems)
    return data


def render(res: Resolution, inputs: dict | None = None) -> bytes:
    return check(draft(res, inputs))
