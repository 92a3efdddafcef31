"""The one document model every reader produces and every writer consumes.

Derived facts (paragraph numbers, sub-paragraph labels, footnote numbers, eIds)
are filled in once by :mod:`unres.model.transforms`; writers only read them.
Source locations are kept on every block but excluded from equality, so two
models read from differently laid-out sources compare equal when their content
is the same (the round-trip tests rely on this).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar, Optional, Union

from .ignorable import drawn
from .languages import organ_key as _organ_key
from .typography import smart_text


@dataclass(frozen=True)
class Loc:
    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def _loc() -> Optional[Loc]:
    return field(default=None, compare=False, repr=False)


# ---------------------------------------------------------------- inlines
@dataclass
class Text:
    text: str


@dataclass
class Emph:
    children: list["Inline"]


@dataclass
class Strong:
    children: list["Inline"]


@dataclass
class Superscript:
    children: list["Inline"]


@dataclass
class Subscript:
    children: list["Inline"]


@dataclass
class Link:
    """A link kept as text plus a target; no writer ever fetches the target.
    ``symbol`` is the UN document it opens, when known (the AKN names the work by it);
    ``recognised`` marks a link found in the text by :mod:`unres.model.citations`, which the
    canonical source leaves as text."""
    target: str
    children: list["Inline"]
    symbol: str = ""
    recognised: bool = False
    eid: str = field(default="", compare=False)   # the AKN ref's eId, when it has a symbol


@dataclass
class LineBreak:
    pass


@dataclass
class NoteRef:
    """A footnote call; ``key`` is the footnote's label in the source (not content: a
    footnote is identified by its number)."""
    key: str = field(compare=False)
    number: int = 0          # filled by transforms (order of first call)
    eid: str = ""            # eId of the authorialNote at this call site


Inline = Union[Text, Emph, Strong, Superscript, Subscript, Link, LineBreak, NoteRef]
Inlines = list  # list[Inline]


# ---------------------------------------------------------------- blocks
@dataclass
class Formula:
    """``The Human Rights Council,`` — the enacting formula."""
    inlines: Inlines
    eid: str = ""
    loc: Optional[Loc] = _loc()


@dataclass
class PreambularParagraph:
    inlines: Inlines
    eid: str = ""
    loc: Optional[Loc] = _loc()
    # Sub-paragraphs (a), (b) … that its words introduce ("a major contribution to:", 75/55).
    children: list["SubParagraph"] = field(default_factory=list)
    list_eid: str = ""
    sub_scheme: str = ""

    @property
    def opening_phrase(self) -> str:
        """The italic words that open the paragraph ('' when it has none)."""
        first = self.inlines[0] if self.inlines else None
        return plain_text(first.children).strip() if isinstance(first, Emph) else ""


@dataclass
class SubParagraph:
    inlines: Inlines
    children: list["SubParagraph"] = field(default_factory=list)
    wrapup: Optional[Inlines] = None
    label: str = ""          # "(a)", "(ii)", "a.", computed by transforms
    eid: str = ""
    list_eid: str = ""       # eId of the list holding this point's children
    # How its children are labelled (languages.SCHEMES): "" in a reader for the default,
    # which transforms puts in its place.
    sub_scheme: str = ""
    loc: Optional[Loc] = _loc()
    # Unlabelled lines printed above it among its siblings, as typed (the Security Council's
    # "Urgent temporary measures:" between (ii) and (iii)): the labels run on across them.
    headings: list["Paragraph"] = field(default_factory=list)


@dataclass
class Heading:
    """A heading inside an annex, or between operative paragraphs (``###`` … ``######``: the
    level says how it is set, as the UN's heading styles HCh, H1, H23 and H4 do)."""
    level: int
    inlines: Inlines
    eid: str = ""
    loc: Optional[Loc] = _loc()


@dataclass
class OperativeParagraph:
    inlines: Inlines
    children: list[SubParagraph] = field(default_factory=list)
    wrapup: Optional[Inlines] = None     # text after the sub-paragraphs
    num: str = ""            # "1.", computed by transforms
    eid: str = ""
    list_eid: str = ""
    sub_scheme: str = ""     # how its sub-paragraphs are labelled, as SubParagraph's
    loc: Optional[Loc] = _loc()
    # The headings printed above the paragraph ("Mandate of the Mission"; "I" then "Introduction"):
    # a heading always titles the paragraphs that follow it, and the numbering runs on across it.
    headings: list[Heading] = field(default_factory=list)
    # What is printed under the paragraph's words: its tables (the appropriations of "1. …
    # approved for the following purposes:"), the headings between them ("A. Pension
    # Administration") and the notes under them (*Abbreviations*: …), in print order, as the
    # Fifth Committee's budget resolutions print them (75/246). Tables, headings and notes
    # (Table, Heading, Paragraph); a paragraph with any has no sub-paragraphs or closing words,
    # a heading stands over a table (other headings between), a note under a table or a note.
    under: list = field(default_factory=list)


@dataclass
class Paragraph:
    """An unnumbered paragraph inside an annex."""
    inlines: Inlines
    eid: str = ""
    loc: Optional[Loc] = _loc()


@dataclass
class AdoptedText:
    """A text the resolution adopts in its own words, printed after the paragraph that adopts it
    ("*Adopts* the following declaration:", 75/1): its title, headings, paragraphs and numbered
    paragraphs, as an annex holds them. Its numbers run from 1 of their own: they are the
    declaration's, not the resolution's operative paragraphs."""
    title: Optional[Inlines]
    blocks: list                     # Heading | Paragraph | OperativeParagraph
    eid: str = ""
    loc: Optional[Loc] = _loc()


# A figure as a table prints it: digits with their separators, signs and brackets, or a dash alone.
_FIGURE = re.compile(r"[-–—]|[(\[]?[-+−–]?[\d.,\s\u00a0\u202f]*\d[\d.,\s\u00a0\u202f]*%?[)\]]?")


@dataclass
class Table:
    """A table in an annex or under an operative paragraph's words (a pipe table in the source),
    as the Assembly prints its budget figures: rows of cells, each cell's inlines; the first
    ``header`` rows (0 or 1) are the column headings. ``align`` is each column's alignment:
    "left", "right", "center" or ""."""
    rows: list                       # list[list[Inlines]]
    header: int = 1
    align: list = field(default_factory=list)
    eid: str = ""
    loc: Optional[Loc] = _loc()

    def cells(self):
        """Every cell's inlines, row by row."""
        return [cell for row in self.rows for cell in row]

    @staticmethod
    def is_figure(cell) -> bool:
        """Whether a cell prints a figure ("1 234", "(2 500.5)", "–", "12 %"): set unbroken, where
        a cell of words wraps to its column."""
        text = plain_text(cell).strip()
        return bool(text) and len(text) <= 24 and _FIGURE.fullmatch(text) is not None


@dataclass
class Section:
    """A section (I, II … or A, B …) of an operative part, as the Fifth Committee's resolutions
    print them: its label, one or more titles, paragraphs set as a preamble of its own, and
    paragraphs numbered from 1 again. A section that decides in one unnumbered paragraph (and
    the sub-paragraphs its words introduce) has it as ``text`` and no numbered paragraph."""
    label: str
    titles: list                     # list[Inlines]
    preamble: list[PreambularParagraph]
    operative: list[OperativeParagraph]
    text: Optional[PreambularParagraph] = None
    # Operative headings printed above the label (75/245's "Conditions of service …" over A to D).
    headings: list[Heading] = field(default_factory=list)
    eid: str = ""
    loc: Optional[Loc] = _loc()


@dataclass
class Part:
    """A lettered part (A, B …) of a resolution, or the single unnamed part."""
    label: Optional[str]
    title: Optional[Inlines]
    formula: Optional[Formula]
    preamble: list[PreambularParagraph]
    operative: list[OperativeParagraph]
    eid: str = ""
    loc: Optional[Loc] = _loc()
    # An unnumbered paragraph that opens the operative part, which the numbered ones continue
    # ("*Resolves* that:", "*Decides*:"): it ends with a colon, as no preambular paragraph does.
    opening: Optional[Paragraph] = None
    # The text the opening adopts, printed after it (then the part may have no numbered paragraph).
    adopted: Optional[AdoptedText] = None
    # Sections after the part's own numbered paragraphs (then it may have none of those).
    sections: list[Section] = field(default_factory=list)
    # Its operative part is one paragraph printed without a number, as the UN prints a lone
    # operative paragraph ("*Decides* that the election …", A/RES/75/13, S/RES/2770 (2025)):
    # ``operative`` holds it alone, and its ``num`` stays empty.
    unnumbered: bool = False


@dataclass
class Annex:
    label: str                       # "Annex", "Annex I"
    title: Optional[Inlines]
    blocks: list                     # Heading | Paragraph | OperativeParagraph | Table
    eid: str = ""
    loc: Optional[Loc] = _loc()


@dataclass
class Footnote:
    key: str = field(compare=False)
    paragraphs: list                 # list[Inlines]
    number: int = 0
    marker: str = ""
    eid: str = ""                    # eId of the authorialNote at its call
    called_from: str = ""            # eId of the block that calls it
    loc: Optional[Loc] = _loc()


# ---------------------------------------------------------------- metadata
RECORDED = "recorded"
WITHOUT_VOTE = "without-vote"


@dataclass
class Vote:
    kind: str                        # RECORDED or WITHOUT_VOTE
    in_favour: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    abstaining: list[str] = field(default_factory=list)
    loc: Optional[Loc] = _loc()
    # A total printed in the adoption note for a list whose States are not named (a UN file
    # that counts them but lost their names); None where the list itself gives the total.
    in_favour_total: Optional[int] = None
    against_total: Optional[int] = None
    abstaining_total: Optional[int] = None
    # How each list joins its last two States: "and" (the language's word) or "comma"; None: as
    # the language data says (languages.default_last_two). The UN has printed both, by session.
    last_two: Optional[str] = None
    # Which lists end with the language's full stop: "every", "last" (before the note's closing
    # bracket) or "none"; None: as the language data says (languages.default_list_stops).
    list_stops: Optional[str] = None

    def __post_init__(self):
        # States' names print with UN typography (Côte d’Ivoire), whatever the reader.
        for key in ("in_favour", "against", "abstaining"):
            setattr(self, key, [smart_text(name) for name in getattr(self, key)])

    @property
    def totals(self) -> tuple[int, int, int]:
        return tuple(len(getattr(self, key)) if getattr(self, key + "_total") is None
                     else getattr(self, key + "_total") for key in ("in_favour", "against", "abstaining"))

    @property
    def names_states(self) -> bool:
        """Whether any State is named (a note of totals alone introduces no lists)."""
        return bool(self.in_favour or self.against or self.abstaining)

    @property
    def count(self) -> int:
        return sum(self.totals)


# The organs whose resolutions unres writes, by the key the language data files give them.
HRC = "hrc"
GA = "ga"
SC = "sc"

# What a resolution's number looks like in each organ, as the UN numbers them, with what a
# message shows of it. Every output prints the number, verify reads it back, and the AKN's
# IRIs carry it as one segment: a number of another shape would print as no reader reads it.
# The Assembly's parts keep their letters (75/245 B, 75/101 A-B); its sessions before the
# thirty-first numbered resolutions otherwise ("1514 (XV)"), which unres does not lay out.
NUMBER_FORMS = {
    HRC: (re.compile(r"(?:S-)?\d+/\d+"), "'38/3', or 'S-29/1' for a special session"),
    GA: (re.compile(r"(?:E?S-)?\d+/\d+(?: [A-Z](?:-[A-Z])?)?"),
         "'75/40', '75/245 B' for a part, 'S-26/2' or 'ES-11/1' for a special or emergency special session"),
    # The number and the year as groups: the AKN's IRIs write them 2508-2020.
    SC: (re.compile(r"(\d+)\s*\((\d{4})\)"), "'2508 (2020)': the number and the year"),   # "2521(2020)" in Chinese
}
# What an organ's resolution symbols put before the number: A/HRC/RES/38/3, A/RES/75/1, S/RES/2504 (2020).
SYMBOL_PREFIXES = {HRC: "A/HRC/RES/", GA: "A/RES/", SC: "S/RES/"}


@dataclass
class AgendaItem:
    """One agenda item of an Assembly session: its number as printed ("73 (b)") and its title."""
    number: str
    title: str = ""


@dataclass
class Origin:
    """Where an Assembly resolution came from: a Main Committee's report, or the plenary's own
    draft (``committee`` empty: "without reference to a Main Committee"). A document may carry a
    locator after its symbol ("A/75/420, para. 27"). ``form`` names the language data's wording
    of the line where the UN printed another than ``on_report`` ("on_report_adopted": the Chinese
    "[根据…的报告通过 (…)]" of A/RES/79/102)."""
    committee: str
    documents: list[str]
    form: str = ""

    @staticmethod
    def symbol_of(document: str) -> str:
        """The symbol part of a document entry: ``A/75/420`` of ``A/75/420, para. 27``."""
        return re.split(r"[,،，]", document)[0].strip()


@dataclass(kw_only=True)
class Meta:
    symbol: str
    number: str                      # "38/3", "75/118", "2507 (2020)"
    title: str
    organ: str
    distribution: str
    issue_date: dt.date
    language: str
    adoption_date: dt.date
    vote: Vote
    meeting: str = ""                # "" only for a Security Council resolution adopted at no meeting
    # Which of the following a source gives depends on its organ (readers.front_matter.ORGAN_KEYS):
    # the Council prints its parent organ, session dates, one agenda item and the original
    # language; the Assembly a session, agenda items and an origin line; the Security Council none.
    parent_organ: Optional[str] = None
    session: Optional[int] = None
    session_name: Optional[str] = None
    session_start: Optional[dt.date] = None
    session_end: Optional[dt.date] = None
    agenda_item: Optional[str] = None
    # The Council's agenda item's title, printed under its number since 2023 (none in 2018).
    agenda_item_title: Optional[str] = None
    original_language: Optional[str] = None
    agenda_items: list[AgendaItem] = field(default_factory=list)
    origin: Optional[Origin] = None
    job_number: Optional[str] = None
    formula_organ: Optional[str] = None
    link_cited_documents: bool = True        # recognise cited documents (unres.model.citations)
    document_url_base: Optional[str] = None  # "https://undocs.org/{lang}/{symbol}" when None
    # "straight": quotation marks and apostrophes typed straight in the text print as typed (a UN
    # file typed so); None: they print in UN style (“ ” ‘ ’).
    quotes: Optional[str] = None
    # The Council's language line "above" or "below" "Original: …"; None: as the issue date has it
    # (presentation.default_language_line_position).
    language_line_position: Optional[str] = None
    # What is printed between the resolution's number and its title, when something is: the
    # Assembly's Arabic files of the 75th session print "75/10" then "- التعاون …", those of the
    # 76th and 78th nothing. None: nothing.
    title_separator: Optional[str] = None
    # Masthead and adoption strings as a UN file printed them where they differ from what the
    # language's data file gives (presentation.PRINTED_KEYS); empty for a new resolution.
    printed: dict = field(default_factory=dict)
    key_locs: dict = field(default_factory=dict, compare=False, repr=False)

    # Prose printed as text, with UN typography whatever the reader; codes (symbol, number,
    # job number) and names of languages are taken as written.
    PROSE: ClassVar[tuple] = ("title", "parent_organ", "organ", "session_name", "agenda_item",
                              "agenda_item_title", "meeting", "formula_organ")

    @property
    def organ_key(self) -> str:
        """``hrc``, ``ga`` or ``sc``, from the organ's name in any of the six languages. An organ the
        language data does not know is written as the Council's resolutions are (its parent organ,
        session dates, agenda item and original language required)."""
        return _organ_key(self.organ) or HRC

    def __post_init__(self):
        self.map_prose(smart_text)

    def map_prose(self, change) -> None:
        """``change`` (text to text) applied to the front matter's prose: the ``PROSE`` fields,
        the agenda items' titles and the committee of the origin line."""
        for key in self.PROSE:
            value = getattr(self, key)
            if isinstance(value, str):
                setattr(self, key, change(value))
        for item in self.agenda_items:
            item.title = change(item.title)
        if self.origin is not None:
            self.origin.committee = change(self.origin.committee)


@dataclass
class Resolution:
    meta: Meta
    parts: list[Part]
    annexes: list[Annex] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    source: str = field(default="", compare=False)
    # Editorial warnings only the reader can see (a `*` printed literally), with the source's positions.
    warnings: list = field(default_factory=list, compare=False, repr=False)

    # Convenience views for the common single-part resolution.
    @property
    def preamble(self) -> list[PreambularParagraph]:
        return [p for part in self.parts for p in part.preamble]

    @property
    def holders(self) -> list:
        """What holds blocks of its own (headings, paragraphs, tables): the annexes, then the
        texts the parts adopt."""
        return self.annexes + [part.adopted for part in self.parts if part.adopted is not None]

    @property
    def operative(self) -> list[OperativeParagraph]:
        """Every numbered operative paragraph, its sections' after a part's own."""
        return [p for part in self.parts
                for p in part.operative + [q for section in part.sections for q in section.operative]]

    @property
    def in_parts(self) -> bool:
        """Whether the text is divided into lettered parts (A, B …), even a single one. Every
        writer and the eIds follow this one answer: a part prints its letter and is marked up
        as a part, or the text has no parts at all."""
        return len(self.parts) > 1 or any(part.label for part in self.parts)

    @property
    def formula(self) -> Optional[Formula]:
        return self.parts[0].formula if self.parts else None

    def footnote(self, key: str) -> Footnote:
        for note in self.footnotes:
            if note.key == key:
                return note
        raise KeyError(key)


# ---------------------------------------------------------------- helpers
def plain_text(inlines, notes: bool = False) -> str:
    """The visible text of some inlines; footnote calls are left out unless ``notes``."""
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, NoteRef):
            if notes:
                out.append(str(node.number))
        else:
            out.append(plain_text(node.children, notes))
    return "".join(out)


def ends_with_comma(inlines) -> bool:
    """Whether a paragraph ends with a comma (Arabic and Chinese ones included), footnote calls
    aside: how a preambular paragraph ends."""
    return plain_text(inlines).rstrip().endswith((",", "،", "，", "、"))


def ends_with_semicolon(inlines) -> bool:
    """Whether a paragraph ends with a semicolon (Arabic and Chinese ones included): how an
    operative paragraph before the last ends."""
    return plain_text(inlines).rstrip().endswith((";", "؛", "；"))


def ends_with_colon(inlines) -> bool:
    """Whether a paragraph ends with a colon (Chinese and full-width ones included), footnote
    calls aside: how an operative part's unnumbered opening ends (``Part.opening``)."""
    return plain_text(inlines).rstrip().endswith((":", "：", "︰"))


# What may follow a formula's italics, spaces aside.
FORMULA_ENDS = ("", ",", ":", "\u060c", "\uff0c", "\uff1a")


def is_formula(inlines) -> bool:
    """'*The Human Rights Council*,': italic (in Chinese, bold) words and nothing after them but a
    comma or colon (Arabic and Chinese ones included), and any footnote calls. Readers take the
    first such paragraph of a part as its formula; writers of the canonical form rely on the same rule.

    The rule reads what print shows, as verify's PDF reader does: italics set in several runs
    ("*The Human* *Rights Council*,", or across a line break) read as one, a line break before the
    comma counts as a space, and characters that are never drawn (a direction mark, a zero-width
    space, a soft hyphen) count for nothing."""
    shown = []
    for node in inlines:
        if isinstance(node, Text):
            node = Text(drawn(node.text))
            if not node.text:
                continue
        if not isinstance(node, NoteRef):
            shown.append(node)
    while shown and isinstance(shown[0], Text) and not shown[0].text.strip():
        shown.pop(0)
    styled = [k for k, node in enumerate(shown) if isinstance(node, (Emph, Strong))]
    if not styled or styled[0] != 0:
        return False
    between, rest = shown[:styled[-1]], shown[styled[-1] + 1:]
    if not all(isinstance(node, (Emph, Strong, LineBreak)) or (isinstance(node, Text) and not node.text.strip())
               for node in between):
        return False
    return all(isinstance(t, (Text, LineBreak)) for t in rest) \
        and "".join(t.text for t in rest if isinstance(t, Text)).strip() in FORMULA_ENDS


def walk_subparagraphs(items):
    """Every sub-paragraph below ``items``, depth first, in document order."""
    for item in items:
        yield item
        yield from walk_subparagraphs(item.children)


def walk_inlines(inlines):
    for node in inlines:
        yield node
        children = getattr(node, "children", None)
        if children is not None and not isinstance(node, (SubParagraph, OperativeParagraph)):
            yield from walk_inlines(children)


def printed_texts(res: Resolution):
    """(loc, text) for everything a resolution prints, in source order as far as it is known."""
    meta = res.meta
    for key in ("symbol", "title", "parent_organ", "organ", "session_name", "agenda_item",
                "agenda_item_title", "distribution", "meeting", "job_number", "formula_organ"):
        value = getattr(meta, key, None)
        if isinstance(value, str):
            yield meta.key_locs.get(key), value
    for item in meta.agenda_items:
        yield meta.key_locs.get("agenda_items"), item.number + "\n" + item.title
    if meta.origin is not None:
        yield meta.key_locs.get("origin"), "\n".join([meta.origin.committee, *meta.origin.documents])
    vote = meta.vote
    yield vote.loc or meta.key_locs.get("vote"), "\n".join(vote.in_favour + vote.against + vote.abstaining)
    for loc, label, inlines in _body(res):
        yield loc, label + " " + plain_text(inlines)


def body_inlines(res: Resolution):
    """(loc, inlines) for every run of words the resolution's body prints, in print order: the
    parts' titles, formulas, preambular and operative paragraphs, their sub-paragraphs, closing
    words and the headings between them, what is printed under a paragraph's words (tables,
    headings, notes), sections, adopted texts, annexes and the footnotes. A table gives each
    cell, at the table's line."""
    for loc, _label, inlines in _body(res):
        if inlines:
            yield loc, inlines


def _body(res: Resolution):
    """(loc, printed label, inlines) for each block of the body (see :func:`body_inlines`)."""
    for part in res.parts:
        yield part.loc, part.label or "", part.title or []
        if part.formula:
            yield part.formula.loc, "", part.formula.inlines
        for para in part.preamble:
            yield para.loc, "", para.inlines
            yield from _sub_blocks(para.children)
        if part.opening is not None:
            yield part.opening.loc, "", part.opening.inlines
        if part.adopted is not None:
            yield part.adopted.loc, "", part.adopted.title or []
            yield from _blocks(part.adopted.blocks)
        yield from _operative_blocks(part.operative)
        for section in part.sections:
            for heading in section.headings:
                yield heading.loc, "", heading.inlines
            yield section.loc, section.label, []
            for title in section.titles:
                yield section.loc, "", title
            for para in section.preamble + ([section.text] if section.text else []):
                yield para.loc, "", para.inlines
                yield from _sub_blocks(para.children)
            yield from _operative_blocks(section.operative)
    for annex in res.annexes:
        yield annex.loc, annex.label, annex.title or []
        yield from _blocks(annex.blocks)
    for note in res.footnotes:
        for paragraph in note.paragraphs:
            yield note.loc, "", paragraph


def _blocks(blocks):
    """An annex's or an adopted text's blocks, or what is printed under a paragraph's words:
    headings, paragraphs, numbered paragraphs, tables."""
    for block in blocks:
        if isinstance(block, OperativeParagraph):
            yield from _operative_blocks([block])
        elif isinstance(block, Table):
            for cell in block.cells():
                yield block.loc, "", cell
        else:
            yield block.loc, "", block.inlines


def _operative_blocks(paragraphs):
    for para in paragraphs:
        for heading in getattr(para, "headings", ()):
            yield heading.loc, "", heading.inlines
        yield para.loc, para.num, para.inlines
        yield from _sub_blocks(para.children)
        if para.wrapup:
            yield para.loc, "", para.wrapup
        yield from _blocks(getattr(para, "under", ()))


def _sub_blocks(items):
    for sub in walk_subparagraphs(items):
        for heading in getattr(sub, "headings", ()):
            yield heading.loc, "", heading.inlines
        yield sub.loc, sub.label, sub.inlines
        if sub.wrapup:
            yield sub.loc, "", sub.wrapup


def first_use(res: Resolution, chars) -> Optional[Loc]:
    """Where the source first has one of ``chars`` (the front matter's keys included), if anywhere."""
    wanted = set(chars)
    found = [loc for loc, text in printed_texts(res) if loc is not None and wanted & set(text)]
    return min(found, key=lambda loc: (loc.line, loc.col)) if found else None
