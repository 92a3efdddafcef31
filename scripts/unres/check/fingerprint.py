"""What ``unres verify`` compares: one fingerprint per output, one from the source.

A fingerprint holds only what a reader can see: the printed numbers and
labels, the normalised text of every paragraph, the footnotes and the vote.
Every extractor fills the same structure, so comparing two fingerprints does
not depend on where they came from. Fields an extractor cannot recover are
left out of ``provides`` and are then not compared for that format.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

# Every field a fingerprint can carry; extractors declare which they provide.
ALL_FIELDS = frozenset({
    "symbol", "number", "title", "adoption_date", "opening", "numbers", "texts",
    "notes", "vote_totals", "vote_states", "spacing", "links",
})

PREAMBLE = "preamble"
OPERATIVE = "operative"
# An annex's blocks, in order: its label, title and headings ("heading"), its numbered
# paragraphs and their sub-paragraphs ("paragraph", "point"), and unnumbered text ("text":
# a paragraph, or the closing words after a numbered paragraph's sub-paragraphs, which
# print the same).
ANNEX = "annex"
SECTIONS = (PREAMBLE, OPERATIVE, ANNEX)

# Ligatures some fonts shape into one glyph, and the Latin presentation forms that a
# PDF's text reads back as their letters; the text is the same.
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "\u017ft", "\ufb06": "st"}
# Spaces that differ only in how they break or how wide they print.
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
ZERO_WIDTH_SPACE = "\u200b"
# Unicode's default-ignorable code points (DerivedCoreProperties.txt): soft hyphen, joiners,
# direction marks, variation selectors and the like, which are never drawn; a PDF's text
# has none of them.
_IGNORABLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
                     (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
                     (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
                     (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
                     (0xE0000, 0xE0FFF))
_INVISIBLE = dict.fromkeys(cp for first, last in _IGNORABLE_RANGES for cp in range(first, last + 1))
_INVISIBLE_BUT_BREAKS = {k: v for k, v in _INVISIBLE.items() if k != ord(ZERO_WIDTH_SPACE)}


def normalise(text: Optional[str], keep_breaks: bool = False) -> str:
    """The text as a reader perceives it: NFC, ligatures undone, invisible
    characters dropped and every run of white space made one space.
    ``keep_breaks`` keeps zero-width spaces: where a line may break unseen.

    Quotes, dashes and letters are kept as they are: changing one of those is
    a real difference between two outputs."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE_BUT_BREAKS if keep_breaks
                                                        else _INVISIBLE)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    return _SPACES.sub(" ", text).strip()


@dataclass
class Item:
    """One numbered unit: a preambular or operative paragraph, a sub-paragraph,
    or the closing text after a paragraph's sub-paragraphs."""
    section: str                 # PREAMBLE, OPERATIVE or ANNEX
    kind: str                    # "paragraph", "point" or "closing"; in an annex also "heading", "text"
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

    def section(self, name: str) -> list:
        return [item for item in self.items if item.section == name]


# ---------------------------------------------------------------- shared reading helpers
VOTE_LIST_NAMES = ("in favour", "against", "abstaining")
_LIST_LABELS = {"in favour:": "in favour", "against:": "against", "abstaining:": "abstaining"}
_RECORDED_RE = re.compile(
    r"recorded vote of (\d+) to (\d+)(?:,? with (\d+) abstentions?)?", re.IGNORECASE)
_WITHOUT_RE = re.compile(r"without a vote", re.IGNORECASE)
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
_DATE_RE = re.compile(r"(\d{1,2}) ([A-Za-z]+) (\d{4})")
_ADOPTED_RE = re.compile(r"adopted by .* on (\d{1,2} [A-Za-z]+ \d{4})", re.IGNORECASE)
# Sub-paragraph labels by depth: (a), (i), a., i. (see transforms.sub_label).
_LABEL_RE = re.compile(r"^(\((?:[a-z]{1,3}|[ivxlc]+|\d+)\)|[a-z]\.|[ivxlc]+\.)$")
_NUM_RE = re.compile(r"^\d+\.$")


def vote_list_name(text: str) -> Optional[str]:
    """'In favour:' -> 'in favour' (None for anything else)."""
    return _LIST_LABELS.get(normalise(text).lower())


def parse_vote_note(text: str) -> Optional[VoteFp]:
    """The kind and the printed totals of the bracketed adoption note."""
    text = normalise(text)
    match = _RECORDED_RE.search(text)
    if match:
        yes, no, abstain = match.groups()
        return VoteFp("recorded", (int(yes), int(no), int(abstain or 0)))
    if _WITHOUT_RE.search(text):
        return VoteFp("without-vote")
    return None


def split_states(text: str) -> list:
    """'Angola, Chile, Japan]' -> ['Angola', 'Chile', 'Japan'] (the note's closing
    bracket and list commas are punctuation, not part of a State's name)."""
    text = normalise(text).rstrip("]").strip()
    return [s.strip() for s in text.split(", ") if s.strip()] if text else []


def clean_state(text: str) -> str:
    return normalise(text).rstrip("]").rstrip(",").strip()


def parse_date(text: str) -> Optional[dt.date]:
    match = _DATE_RE.search(normalise(text))
    if not match or match.group(2).lower() not in _MONTHS:
        return None
    try:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def adoption_date_from(text: str) -> Optional[dt.date]:
    """The date of 'Resolution adopted by the … on 5 July 2018'."""
    match = _ADOPTED_RE.search(normalise(text))
    return parse_date(match.group(1)) if match else None


def is_point_label(text: str) -> bool:
    return bool(_LABEL_RE.match(text.strip()))


def is_operative_number(text: str) -> bool:
    return bool(_NUM_RE.match(text.strip()))
