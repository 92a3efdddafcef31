"""What ``unres verify`` compares: one fingerprint per output, one from the source.

A fingerprint holds only what a reader can see: the printed numbers and
labels, the normalised text of every paragraph, the footnotes and the vote.
Every extractor fills the same structure, so comparing two fingerprints does
not depend on where they came from. Fields an extractor cannot recover are
left out of ``provides`` and are then not compared for that format.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..model import languages
from ..model.ignorable import IGNORABLE_RANGES
from . import mirrors

# Every field a fingerprint can carry; extractors declare which they provide.
ALL_FIELDS = frozenset({
    "symbol", "number", "title", "adoption_date", "opening", "numbers", "texts",
    "notes", "vote_totals", "vote_states", "spacing", "links", "printed", "marks",
})

PREAMBLE = "preamble"
OPERATIVE = "operative"
# An annex's blocks, in order: its label, title and headings ("heading"), its numbered
# paragraphs and their sub-paragraphs ("paragraph", "point"), and unnumbered text ("text":
# a paragraph, or the closing words after a numbered paragraph's sub-paragraphs, which
# print the same).
ANNEX = "annex"
# A text the resolution adopts, after the paragraph that adopts it: its title and headings,
# numbered paragraphs numbered of their own, and unnumbered text, as an annex's.
ADOPTED = "adopted"
SECTIONS = (PREAMBLE, OPERATIVE, ADOPTED, ANNEX)

# Ligatures some fonts shape into one glyph, and the Latin presentation forms that a
# PDF's text reads back as their letters; the text is the same.
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "\u017ft", "\ufb06": "st"}
# Spaces that differ only in how they break or how wide they print.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
ZERO_WIDTH_SPACE = "\u200b"


def _character_class(ranges, but: str = "") -> re.Pattern:
    """A pattern matching one character of ``ranges`` (except ``but``): dropping them with it
    is several times faster than ``str.translate`` with a table of their 4,000 code points."""
    def span(first: int, last: int) -> str:
        return re.escape(chr(first)) + ("" if first == last else "-" + re.escape(chr(last)))
    pieces = []
    for first, last in ranges:
        if but and first <= ord(but) <= last:
            pieces += [span(a, b) for a, b in ((first, ord(but) - 1), (ord(but) + 1, last)) if a <= b]
        else:
            pieces.append(span(first, last))
    return re.compile("[" + "".join(pieces) + "]")


_INVISIBLE = _character_class(IGNORABLE_RANGES)
_INVISIBLE_BUT_BREAKS = _character_class(IGNORABLE_RANGES, but=ZERO_WIDTH_SPACE)


def squash(text: Optional[str]) -> str:
    """The text without any white space: how printed strings are looked for in an output, whose
    lines and cells break them in places of their own."""
    return "".join(normalise(text).split())


def normalise(text: Optional[str], keep_breaks: bool = False) -> str:
    """The text as a reader perceives it: NFC, ligatures undone, invisible
    characters dropped and every run of white space made one space.
    ``keep_breaks`` keeps zero-width spaces: where a line may break unseen.

    Quotes, dashes and letters are kept as they are: changing one of those is
    a real difference between two outputs."""
    if not text:
        return ""
    if not text.isascii():      # ASCII is in NFC and has no invisible characters or ligatures
        text = (_INVISIBLE_BUT_BREAKS if keep_breaks else _INVISIBLE).sub("", unicodedata.normalize("NFC", text))
        for lig, plain in _LIGATURES.items():
            text = text.replace(lig, plain)
    # str.split() splits at what _SPACES matches (every one of them is str.isspace()), several
    # times faster than the pattern.
    return " ".join(text.split())


# ---------------------------------------------------------------- Arabic marks
# The vowel signs, the shadda and the tanween (and the other marks of the Arabic block) that a
# reader without "marks" cannot read back: a right-to-left PDF's text layer names a glyph by the
# text of the first cluster it was drawn in, and no text for the other glyphs of a cluster, so a
# shadda drawn with a kasra is lost or a mark named over the wrong letter.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# An Arabic presentation form ("ﻫ", typed for the label (هـ) by a UN file) is drawn with the glyph
# of its letter, which the same text layer names by the letter: such a reader reads the letter.
_ARABIC_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# On a right-to-left page, and only there, PDFium gives a character that Unicode decomposes for
# compatibility (its data's "<compat>", "<fraction>", "<circle>" … forms) as that decomposition:
# "…" as "...", "½" as "1/2" (a plain slash), "№" as "No", "①" as "1", though the file names them
# rightly. Such a reader's texts are compared so (a no-break space, "<noBreak>", is given as
# itself, and stays; the non-breaking hyphen, "<noBreak>" too, between Arabic words is given as
# the hyphen).
_COMPATIBLE = [chr(code) for code in range(0xA0, 0x10000)
               if unicodedata.decomposition(chr(code)).startswith("<")
               and not (unicodedata.decomposition(chr(code)).startswith("<noBreak>")
                        and unicodedata.normalize("NFKC", chr(code)).isspace())
               and not _ARABIC_FORMS.match(chr(code))]


def _spacing_accent(ch: str) -> bool:
    parts = unicodedata.normalize("NFKC", ch)
    return len(parts) == 2 and parts[0] == " " and unicodedata.combining(parts[1]) > 0


# A spacing accent ("´", "¨", "¸") PDFium gives as its combining mark alone, which the reader reads
# back as the accent: {mark: the accent (the first of those Unicode gives that mark)}. It is
# compared as itself.
SPACING_ACCENTS: dict = {}
for _accent in filter(_spacing_accent, _COMPATIBLE):
    SPACING_ACCENTS.setdefault(unicodedata.normalize("NFKC", _accent)[1], _accent)
_COMPATIBLE = [ch for ch in _COMPATIBLE if not _spacing_accent(ch)]
_COMPATIBILITY = re.compile("[" + "".join(map(re.escape, _COMPATIBLE)) + "]")


# What PDFium gives by a table of its own on a right-to-left page ("®" as "R", "≠" as "=/",
# "⓫" as "11"), written so on both sides of the comparison: as the installed PDFium gave it,
# asked and written to the file by ``python -m unres.verify.pdfium_rtl``.
PDFIUM_RTL_TABLE = Path(__file__).with_name("pdfium_rtl.json")
PDFIUM_OWN = json.loads(PDFIUM_RTL_TABLE.read_text(encoding="utf-8"))
_PDFIUM_OWN_RE = re.compile("[" + "".join(map(re.escape, PDFIUM_OWN)) + "]") if PDFIUM_OWN else None


def as_decomposed(text: str, pdfium: bool = True) -> str:
    """``text`` with each such character as its compatibility decomposition, which is what PDFium
    gives on a right-to-left page, or, where it gives the character itself, what that comes to
    (the fraction slash of "↉" a plain one, as PDFium gives "½"); and, unless ``pdfium`` is
    false, each character PDFium gives by its own table as PDFium gives it."""
    if pdfium and _PDFIUM_OWN_RE is not None:
        text = _PDFIUM_OWN_RE.sub(lambda m: PDFIUM_OWN[m.group()], text)
    return _COMPATIBILITY.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text).replace("\u2044", "/")


# What PDFium gives one glyph as, in several characters (each at the glyph's place): "...", "1/2",
# "=/", "NUL", and the letters of an Arabic ligature's presentation form ("ﻻ" as "لا", "ﷲ" as
# "الله"), which the text is compared as (without_marks_text).
DECOMPOSED = frozenset(d for d in map(as_decomposed, _COMPATIBLE) if len(d) > 1) | frozenset(
    d for d in (unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB50, 0xFEFD)
                if _ARABIC_FORMS.match(chr(code))) if len(d) > 1) | frozenset(
    as_decomposed(d) for d in PDFIUM_OWN.values() if len(as_decomposed(d)) > 1)
_RUN_OF_SPACES = re.compile(" {2,}")
_LONE_MARKS = re.compile(" (?:" + ARABIC_MARKS.pattern + ")+(?= )")
# Which way a curly quote faces, which the same text layer does not say: the Arabic face draws a
# quote in right-to-left text with its mirror's glyph, named by the first cluster it was drawn
# for, and PDFium gives a quote that ends a text object after a left-to-right symbol unmirrored
# ("انظر A/AC.109/2021/5، ”لمحة…“" read "“لمحة…“"). Such a reader's quotes are compared as quotes.
_QUOTES = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
# Which way a bracket faces, likewise: its mirror's glyph is drawn, and the reader can only guess
# the facing from where the bracket stands, which a bracket typed facing the wrong way belies
# ("الكوارث (2015-2030(" of 78/159 in Arabic read "(2015-2030)"). Such a reader's brackets are
# compared as brackets (in the texts compared only: the patterns built with without_marks_text
# keep their own brackets). So are the other characters drawn as their mirror there: angle
# brackets and guillemets ("<" read ">" in an Arabic sentence), the signs of order: every pair
# the face draws as each other's mirror (``mirrors``), written as one of the two.


def _as_one(text: str, pairs, present=None) -> str:
    """``text`` with the first of each of ``pairs`` written as the second (no second is a first):
    ``str.translate`` looks every character of a text up in its table, some twenty times slower
    on an Arabic text than a ``str.replace`` for each pair. ``present``: a pattern of the firsts,
    to pass over a text that has none in one search."""
    if present is not None and not present.search(text):
        return text
    for facing, other in pairs:
        text = text.replace(facing, other)
    return text


def _letters_of_form(match) -> str:
    """An Arabic presentation form as the characters it stands for; the space a mark's isolated
    form opens with ("ﹲ" is " ٌ") is none where a space is typed before it: the mark, drawn
    between two words, leaves one space between them."""
    letters = unicodedata.normalize("NFKC", match.group())
    if letters[:1] == " " and match.string[match.start() - 1:match.start()].isspace():
        return letters[1:]
    return letters


def without_marks_text(text, pdfium: bool = True):
    if not isinstance(text, str):
        return text
    text = _ARABIC_FORMS.sub(_letters_of_form, text)
    text = as_decomposed(text, pdfium)
    if "  " in text:
        # (a character given as a space, "΄" by PDFium's table, between two spaces: the text
        # read has one space there)
        text = _RUN_OF_SPACES.sub(" ", text)
    # (a mark typed alone between two words, "دعما ً لجهود" of S/RES/2543 (2020), goes with a space)
    text = _LONE_MARKS.sub("", text)
    return _as_one(ARABIC_MARKS.sub("", text), _QUOTES)


@dataclass
class Item:
    """One numbered unit: a preambular or operative paragraph, a sub-paragraph,
    or the closing text after a paragraph's sub-paragraphs."""
    section: str                 # PREAMBLE, OPERATIVE, ADOPTED or ANNEX
    kind: str                    # "paragraph", "point", "closing" or "heading"; in an annex also "text";
                                 # under a paragraph's words "table", "heading", "note"
    num: str                     # "12.", "(a)", "" for preambular paragraphs and closing text
    text: str                    # normalised, without the number and without footnote calls
    opening: Optional[str] = None   # the italic opening words; None when not recoverable
    path: tuple = ()             # labels from the operative number down: ("2.", "(b)", "(i)");
                                 # in an annex (source side), the annex's label first
    anchor: str = ""             # id/eId in the file when it has one (to resolve footnote calls)
    # Source side only: the italic words at the start however many runs they are set in, which is
    # all that a reader seeing only italic glyphs (the PDF's) can know of the opening phrase.
    italic_run: Optional[str] = None
    # Source side only, when the text has zero-width spaces: the text with them kept. A line
    # of print may end at one, which a reader of print then takes for a space.
    breaks: Optional[str] = None
    line: Optional[int] = None   # source side: the source line it was read from


@dataclass
class Note:
    marker: str
    text: Optional[str]          # None when the note's text is missing
    called_from: Optional[tuple] # (section, index of the calling item); None when never called
    breaks: Optional[str] = None # source side: the text with its zero-width spaces (Item.breaks)
    line: Optional[int] = None   # source side: the line of the note's definition


@dataclass
class VoteFp:
    kind: str                    # "recorded" or "without-vote"
    totals: Optional[tuple] = None          # (yes, no, abstaining) as printed
    lists: dict = field(default_factory=dict)  # "in favour"/"against"/"abstaining" -> [State]
    # The model's States one by one (``lists`` holds them as a printed list is read back: the last
    # two together), for the metadata that names each.
    states: dict = field(default_factory=dict)
    # Whether each list ends with a full stop (the source's ``vote.list_stops``, as printed).
    stops: dict = field(default_factory=dict)


@dataclass
class Fingerprint:
    label: str                   # the file (or the source) it was read from
    provides: frozenset = ALL_FIELDS
    symbol: Optional[str] = None
    number: Optional[str] = None        # "38/3"
    title: Optional[str] = None
    adoption_date: Optional[dt.date] = None
    items: list = field(default_factory=list)     # list[Item], preamble first, document order
    notes: list = field(default_factory=list)     # list[Note], in order of their markers
    vote: Optional[VoteFp] = None
    problems: list = field(default_factory=list)  # what the reader could not make sense of
    title_breaks: Optional[str] = None  # source side: the title with its zero-width spaces (Item.breaks)
    lines: dict = field(default_factory=dict)  # source side: "symbol", "title" … "vote" -> source line
    links: list = field(default_factory=list)   # link targets (URLs), see check/links.py
    links_as_set: bool = False          # True where a link may be drawn as several (the PDF's)
    # The strings the tool prints around the text (masthead, session, adoption line, meeting line,
    # adoption note, vote headings): on the source side (key, text) pairs in print order; on an output's
    # side all its text, in which each must be found in that order (see squash()).
    printed: list = field(default_factory=list)
    printed_text: Optional[str] = None
    # Output side: the lines of the first page's footer, top to bottom (the PDF's, where a template
    # may set a caption beside the job number); None where not read.
    first_footer: Optional[list] = None
    # Each part's enacting formula ("The Human Rights Council,"), normalised, in order; on the
    # source side with the line of each in ``formula_lines``.
    formulas: list = field(default_factory=list)
    formula_lines: list = field(default_factory=list)
    # What a file's metadata says for a machine (the AKN's: read/akn_meta.py), as (fact, where,
    # value); on the source side each fact's value in ``facts`` ("adoption_date", "issue_date"
    # as ISO dates, "symbol", "number" (the resolution's, parts' letters with it: "75/101 A-B"),
    # "session", "language" as ISO 639-2; the HTML's "lang", its
    # code, "dir", "organ" and "page_title", the symbol and title its head gives a browser;
    # "session_start", "session_end", "agenda_item" and "quotes", unres's own copy in the AKN;
    # "title", what the PDF and the DOCX tell a library; "bookmark", the PDF's for its title;
    # "job_number", the DOCX's first page's footer and the AKN's docketNumber, "" for none; the
    # PDF's is in ``first_footer``).
    metadata: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    attachments: Optional[list] = None   # the PDF's attached files, (name, bytes); None: not read
    # Source side: whether the organ prints the title and the vote (the Security Council prints
    # neither its title nor, like the Assembly, its vote; the AKN keeps the vote as metadata).
    title_printed: bool = True
    vote_printed: bool = True
    vote_from_metadata: bool = False    # output side: read from the AKN's <voting>, States in capitals

    def section(self, name: str) -> list:
        return [item for item in self.items if item.section == name]


# ---------------------------------------------------------------- shared reading helpers
# The printed words are read in any of the six languages, from the same data files the writers
# print from (a reader cannot know a file's language before it has read it).
VOTE_LIST_NAMES = ("in favour", "against", "abstaining")
_LIST_LABELS = {normalise(languages.data(code)[key]).lower(): name
                for code in languages.CODES
                for key, name in zip(("in_favour", "against", "abstaining"), VOTE_LIST_NAMES)}
_DATE_TOKEN_RE = re.compile(r"'([^']*)'|(MMMM|M|d|y)")


def _date_regex(pattern: str, code: str) -> str:
    months = "|".join(re.escape(normalise(m)) for m in languages._month_names(code))

    def token(match):
        if match.group(1) is not None:
            return re.escape(match.group(1))
        first = languages.data(code).get("first_day") or "1"
        return {"d": r"(?P<d>\d{1,2})" + (f"(?:{re.escape(first[1:])})?" if first[1:] else ""), "M": r"(?P<m>\d{1,2})", "y": r"(?P<y>\d{4})",
                "MMMM": f"(?P<month>{months})"}[match.group(2)]
    out, last = [], 0
    for match in _DATE_TOKEN_RE.finditer(pattern):
        out.append(re.escape(pattern[last:match.start()]))
        out.append(token(match))
        last = match.end()
    out.append(re.escape(pattern[last:]))
    return "".join(out).replace(r"\ ", " ")


_DATE_RES = [(code, re.compile(_date_regex(languages.data(code)["date"], code)))
             for code in languages.CODES]


def _template_regex(template: str, fields: dict) -> re.Pattern:
    """A printed pattern as a regex: its words as written, each ``{field}`` as given."""
    out, last = [], 0
    for match in re.finditer(r"\{(\w+)\}", template):
        out.append(re.escape(_SPACES.sub(" ", template[last:match.start()])))
        out.append(fields.get(match.group(1), ".+?"))
        last = match.end()
    out.append(re.escape(_SPACES.sub(" ", template[last:])))
    return re.compile("".join(out).replace("\\ ", " ").strip())


_ADOPTED_FIELDS = {"organ": ".+?", "date": "(?P<date>.+)", "n": r"\d+", "suffix": r"\w*"}


def _adopted_res(keys=("adopted_by", "adopted_by_parts", "adopted_at", "adopted_on"), own=True) -> list:
    out = []
    for code in languages.CODES:
        lang = languages.data(code)
        templates = [lang["adopted_by"]] if own else []
        templates += [o[key] for o in (lang.get("organs") or {}).values() for key in keys if key in o]
        out += [_template_regex(t, _ADOPTED_FIELDS) for t in templates]
    return out


def _counted_regex(code: str, kind: str, group: str) -> str:
    """The phrases of a vote total: '(?P<yes>\\d+) abstentions', or a word standing for a number."""
    words = {"zero": 0, "one": 1, "two": 2}
    alternatives = []
    for category, phrase in languages.data(code)["counted"][kind].items():
        if "{n}" in phrase:
            head, _, tail = phrase.partition("{n}")
            alternatives.append(re.escape(head) + rf"(?P<{group}_{category}>\d+)" + re.escape(tail))
        elif category in words:
            alternatives.append(rf"(?P<{group}_{category}_w{words[category]}>{re.escape(phrase)})")
    return "(?:" + "|".join(alternatives) + ")"


def _vote_res() -> list:
    out = []
    for code in languages.CODES:
        lang = languages.data(code)
        fields = {key: _counted_regex(code, key, key) for key in ("in_favour", "against", "abstaining")}
        for key in ("recorded_vote", "recorded_vote_no_abstentions"):
            out.append(_template_regex(lang[key], fields))
            out.append(_template_regex(languages.vote_note_alone(lang[key]), fields))
    return out


_ADOPTED_RES = _adopted_res()
# The Security Council's adoption line, which ends its page-one lines (it prints no title).
_ADOPTED_AT_RES = _adopted_res(("adopted_at", "adopted_on"), own=False)
# The Security Council's number line over it ("Resolution 2504 (2020)", "第2504(2020)号决议"): printed
# from the language data whatever a UN file's adoption line says.
_RESOLUTION_LINE_RES = [_template_regex(o["resolution"], {"number": r"\d+ ?\(\d+\)", "number_tight": r"\d+ ?\(\d+\)"})
                        for code in languages.CODES
                        for o in (languages.data(code).get("organs") or {}).values() if "resolution" in o]
_FULL_WIDTH_GAP_RE = re.compile(r"\s*([\u3000-\u303f\uff00-\uffef])\s*")
_VOTE_RES = _vote_res()
# The same, for a text read without its Arabic marks (a right-to-left PDF's).
_VOTE_RES_BARE = [re.compile(without_marks_text(regex.pattern)) for regex in _VOTE_RES]
# The separators of a printed list of States: the comma, the Arabic comma, the enumeration comma.
_STATE_SEPARATOR_RE = re.compile(r"\s*[,\u060c\u3001]\s*")
_WITHOUT = [normalise(languages.data(code)["without_vote"]) for code in languages.CODES]
# Sub-paragraph labels of every scheme in the six languages: (a), (i), a., i., (1), •, –; a), i), 1);
# (أ), ’1‘ (see languages.SCHEMES).
_ABJAD_LETTER = "[\u0621-\u064a\u0640]"
_LABEL_RE = re.compile(r"^(\((?:[a-z]{1,3}|[ivxlc]+|\d+)\)|[a-z]{1,3}\)|[ivxlc]+\)|\d{1,3}\)|[a-z]\.|[ivxlc]+\.|[•–]|"
                       rf"\({_ABJAD_LETTER}{{1,4}}\)|’\d+‘|{_ABJAD_LETTER}{{1,4}}\.)$")
_NUM_RE = re.compile(r"^\d+[.-]$")


def _total(match, group: str):
    for name, value in match.groupdict().items():
        if value is None or not name.startswith(group + "_"):
            continue
        if "_w" in name:
            return int(name.rsplit("_w", 1)[1])
        return int(value)
    return 0


def vote_list_name(text: str) -> Optional[str]:
    """'In favour:' -> 'in favour' (None for anything else)."""
    return _LIST_LABELS.get(normalise(text).lower())


# The list headings of the languages whose data prints them upright (Chinese), which a reader of
# italics cannot tell by their face.
_UPRIGHT_LIST_LABELS = frozenset(
    normalise(languages.data(code)[key]).lower() for code in languages.CODES
    if not languages.data(code).get("italic_lines", True) for key in ("in_favour", "against", "abstaining"))


def upright_list_label(text: str) -> bool:
    """'赞成：' is a list heading whatever its face."""
    return normalise(text).lower() in _UPRIGHT_LIST_LABELS


def _tight(text: str) -> str:
    """Normalised, without the gap a PDF reader may see beside full-width punctuation (no space
    is ever printed there)."""
    return _FULL_WIDTH_GAP_RE.sub(r"\1", normalise(text))


def parse_vote_note(text: str) -> Optional[VoteFp]:
    """The kind and the printed totals of the bracketed adoption note, in any of the six."""
    text = _tight(text)
    for regex, bare in zip(_VOTE_RES, _VOTE_RES_BARE):
        match = regex.search(text) or bare.search(text)
        if match:
            return VoteFp("recorded", tuple(_total(match, key) for key in ("in_favour", "against", "abstaining")))
    if any(without in text or without_marks_text(without) in text for without in _WITHOUT):
        return VoteFp("without-vote")
    totals = [int(n) for n in re.findall(r"\d+", text)]
    if text.startswith("[") and len(totals) in (2, 3):
        # A recorded vote's note kept in a UN file's own words ("مسجَّل", a comma fewer): its
        # numbers are the totals, in the order every language prints them.
        return VoteFp("recorded", tuple(totals + [0] * (3 - len(totals))))
    if text.startswith("[") and not totals:
        # A note with no total is an adoption without a vote, however a UN file worded it
        # (kept from an imported file: "[Adopted without a vote]", "[اعتُمِد دون تصويت.]").
        return VoteFp("without-vote")
    return None


# Every language's full stop: a State's name never ends with one.
_LIST_STOP_RE = re.compile(r"[.。]\s*\]?\s*$")


def split_states(text: str) -> list:
    """'Angola, Chile and Japan]' -> ['Angola', 'Chile and Japan'] (the note's closing bracket,
    the list's separators and its full stop are punctuation, not part of a State's name). The
    last two stay together: where the words joining them end one name and start the next is
    not in the text ("Trinidad and Tobago"), so the model's lists are read the same way
    (``printed_states``)."""
    text = normalise(text).rstrip("]").strip().rstrip(".").strip()
    return [s.strip() for s in _STATE_SEPARATOR_RE.split(text) if s.strip()] if text else []


def read_list(vote: VoteFp, name: str, text: str) -> None:
    """Keep a printed list read back from an output: its States and whether it ends with a full
    stop (before the note's closing bracket, if any)."""
    vote.lists[name] = split_states(text)
    vote.stops[name] = bool(_LIST_STOP_RE.search(normalise(text)))


def printed_states(states, code: str, last_two: Optional[str] = None) -> list:
    """The model's States as ``split_states`` reads them back from the printed list, its last two
    joined as the source says (``Vote.last_two``)."""
    return split_states(languages.join_list([normalise(s) for s in states], code, last_two)) if states else []


def clean_state(text: str) -> str:
    return normalise(text).rstrip("]").rstrip(",").strip()


def parse_date(text: str) -> Optional[dt.date]:
    """The first date printed in ``text``, in any of the six languages' forms."""
    # An Arabic month's two names are joined by a slash, which a UN file kept in `printed:` may
    # space ("12 تشرين الثاني/ نوفمبر 2020", S/RES/2551 (2020)), and a month's name may carry vowel
    # signs ("كانون الأوّل", S/RES/2613 (2021)): the date is the same.
    text = re.sub(r" ?/ ?", "/", ARABIC_MARKS.sub("", normalise(text)))
    for code, regex in _DATE_RES:
        match = regex.search(text)
        if not match:
            continue
        found = match.groupdict()
        if found.get("month"):
            names = [normalise(m) for m in languages._month_names(code)]
            month = names.index(found["month"]) + 1
        else:
            month = int(found["m"])
        try:
            return dt.date(int(found["y"]), month, int(found["d"]))
        except ValueError:
            return None
    return None


def is_adopted_by(text: str) -> bool:
    """'Resolution adopted by the … on 5 July 2018' in any of the six languages."""
    text = _tight(text)
    return any(regex.fullmatch(text) for regex in _ADOPTED_RES)


def is_adopted_at(text: str) -> bool:
    """'Adopted by the Security Council at its 8712th meeting, on 31 January 2020' in any of the six."""
    text = _tight(text)
    return any(regex.fullmatch(text) for regex in _ADOPTED_AT_RES)


def is_resolution_line(text: str) -> bool:
    """'Resolution 2504 (2020)', the Security Council's number line, in any of the six languages."""
    text = _tight(text)
    return any(regex.fullmatch(text) for regex in _RESOLUTION_LINE_RES)


def adoption_date_from(text: str) -> Optional[dt.date]:
    """The date of 'Resolution adopted by the … on 5 July 2018'."""
    text = _tight(text)
    for regex in _ADOPTED_RES:
        match = regex.fullmatch(text)
        date = parse_date(match.group("date")) if match else None
        if date:
            return date
    # Worded otherwise (a UN file's own words kept in `printed:`): the date the line prints.
    return parse_date(text)


def is_point_label(text: str) -> bool:
    return bool(_LABEL_RE.match(text.strip()))


def is_operative_number(text: str) -> bool:
    return bool(_NUM_RE.match(text.strip()))


def base_text(text: str) -> str:
    """A right-to-left text as the comparison reads it without PDFium's own table (PDFIUM_OWN)."""
    return _as_one(without_marks_text(text, pdfium=False), *mirrors.pairs())


def without_marks(fp: "Fingerprint") -> "Fingerprint":
    """A copy of ``fp`` with every text read without its Arabic marks and its quotes' and
    brackets' facing."""
    def strip(text):
        text = without_marks_text(text)
        return _as_one(text, *mirrors.pairs()) if isinstance(text, str) else text

    out = copy.deepcopy(fp)
    out.symbol, out.title, out.title_breaks = strip(out.symbol), strip(out.title), strip(out.title_breaks)
    for item in out.items:
        item.text, item.opening = strip(item.text), strip(item.opening)
        item.italic_run, item.breaks = strip(item.italic_run), strip(item.breaks)
    for note in out.notes:
        note.text, note.breaks = strip(note.text), strip(note.breaks)
    if out.vote is not None:
        out.vote.lists = {k: [strip(s) for s in v] for k, v in out.vote.lists.items()}
    out.printed = [(key, strip(text)) for key, text in out.printed]
    out.formulas = [strip(text) for text in out.formulas]
    out.printed_text = strip(out.printed_text)
    return out
