"""What the format readers share: the list of items a reader fills, and the patterns of printed labels."""
from __future__ import annotations

import re
from collections import Counter

from ...model.ignorable import prints_nothing
from ..fingerprint import ADOPTED, ANNEX, OPERATIVE, PREAMBLE, Item, normalise


AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TITLE_RE = re.compile(r"^((?:E?S-)?\d+/\d+)\.?\s+(.+)$")
# A note's call is a number (in the brackets Arabic prints it in) or a reference mark; other
# raised text belongs to the words.
_CALL_RE = re.compile(r"[0-9]+|\([0-9]+\)|[*\u2020\u2021\u00a7\u00b6]+")
# A number or label and the tab after it: 1., (a), (i), a., i., (1), 1), •, –, and the Arabic forms.
_NUMBERED_RE = re.compile(r"^(\d+[.-]|\((?:[a-z]{1,3}|[ivxlc]+|\d+)\)|[a-z]{1,3}\)|[ivxlc]+\)|\d{1,3}\)|[•–]|[a-z]\.|[ivxlc]+\.|"
                          r"\([\u0621-\u064a\u0640]{1,4}\)|’\d+‘|[\u0621-\u064a\u0640]{1,4}\.)\t(.*)$", re.DOTALL)


# The box a paragraph's number or a sub-paragraph's label is set in (print.css: .num) is at
# least 10 mm wide, and the text follows it with no space between: it starts 10 mm from where
# the label starts, or right at the label's end when the label is wider than the box.
_NUM_BOX = 10 / 25.4 * 72
# How far from that place WeasyPrint sets the text: to a hundredth of a point (a right-to-left
# line's bracket and quote glyphs' boxes end where their advances do, as closely).
_BOX_SLACK = 0.3


# ---------------------------------------------------------------- shared helpers
# Closing words carry their paragraph's anchor with this after it, so that a note called
# there is placed on them (readers that see anchors: the source, HTML, AKN).
_WRAPUP = "__wrapup"

class _Items:
    """Builds items from a flat run of blocks, keeping the path of labels. Numbered
    paragraphs go to the operative part until ``annex`` is called, then to the annexes."""

    def __init__(self):
        self.items: list = []
        self.texts_read: dict = {}     # items of text read, by section and first step of path
        self.path: tuple = ()
        self.section = OPERATIVE
        self.where: tuple = ()     # in an annex: its label, which heads the path of its items
        # Where the part being read starts, whether it has sections, and how deep each
        # sub-paragraph of a paragraph set as the preamble is (for part_ends).
        self.part_start = 0
        self.sectioned = False
        self.depths: dict = {}

    def preamble(self, text, opening, anchor=""):
        self._after_adopted()
        self.items.append(Item(PREAMBLE, "paragraph", "", normalise(text), opening, (), anchor))

    def preamble_point(self, label, text, opening=None, anchor="", depth=1):
        """A sub-paragraph of the preambular paragraph read last ("(a) International peace …");
        ``depth`` is where print sets it (1 under the paragraph, 2 under a sub-paragraph)."""
        self.items.append(Item(PREAMBLE, "point", label, normalise(text), opening, (label,), anchor))
        self.depths[id(self.items[-1])] = depth

    def part_starts(self):
        """A part's preamble is read next (after the title, or a part's heading and formula)."""
        self.part_start, self.sectioned = len(self.items), False

    def part_ends(self) -> dict:
        """The part read since ``part_starts`` ends. One with no numbered paragraph, no adopted
        text and no section decides in its last paragraph, which print sets without a number, as
        it sets the preamble (A/RES/75/13): that paragraph and the sub-paragraphs after it are
        the part's operative paragraph, numbered "", and its points. Returns {(section, index)
        before: (section, index) after} for the items moved, for a reader's note calls."""
        mine = self.items[self.part_start:]
        if self.sectioned or any(i.section != PREAMBLE for i in mine):
            return {}
        last = max((n for n, i in enumerate(mine) if i.kind == "paragraph"), default=None)
        if last is None:
            return {}
        at = self.part_start + last
        moved = {}
        preamble = sum(1 for i in self.items[:at] if i.section == PREAMBLE)
        operative = sum(1 for i in self.items[:at] if i.section == OPERATIVE)
        path: tuple = ("",)
        for offset, item in enumerate(self.items[at:]):
            if item.kind == "paragraph":
                new = Item(OPERATIVE, "paragraph", "", item.text, item.opening, path, item.anchor)
            else:
                depth = self.depths.get(id(item), 1)
                path = path[:depth] + (item.num,)
                new = Item(OPERATIVE, "point", item.num, item.text, item.opening, path, item.anchor)
            moved[(PREAMBLE, preamble + offset)] = (OPERATIVE, operative + offset)
            self.items[at + offset] = new
        self.path = path
        return moved

    def paragraph(self, num, text, opening, anchor=""):
        self.path = (num,)
        self.items.append(Item(self.section, "paragraph", num, normalise(text), opening,
                               self.where + self.path, anchor))

    def point(self, label, depth, text, opening=None, anchor=""):
        self.path = self.path[:max(depth, 1)] + (label,)
        self.items.append(Item(self.section, "point", label, normalise(text), opening,
                               self.where + self.path, anchor))

    def closing(self, depth, text, anchor=""):
        """Text after the sub-paragraphs of the item ``depth`` levels below its paragraph;
        in an annex, unnumbered text like any other (print cannot tell them apart)."""
        self.path = self.path[:depth + 1]
        if self.section in (ANNEX, ADOPTED):
            self.text(text, anchor)
            return
        self.items.append(Item(OPERATIVE, "closing", "", normalise(text), None,
                               self.path + ("closing",), anchor))

    def opening(self, text, opening, anchor=""):
        """The unnumbered paragraph that opens an operative part ("Resolves that:")."""
        self._after_adopted()
        self.path = ()
        self.items.append(Item(OPERATIVE, "opening", "", normalise(text), opening, ("opening",), anchor))

    def operative_heading(self, text, anchor=""):
        """A heading between operative paragraphs (or before the first): counted, not numbered."""
        self._after_adopted()
        count = sum(1 for i in self.items if i.section == OPERATIVE and i.kind == "heading") + 1
        self.items.append(Item(OPERATIVE, "heading", "", normalise(text), None, (f"heading {count}",), anchor))

    def annex(self, label=""):
        """What follows belongs to an annex (named ``label`` on the source side)."""
        self.section, self.where, self.path = ANNEX, ((label,) if label else ()), ()

    def adopted(self):
        """What follows is the text the paragraph just read adopts, until the next part."""
        self.section, self.where, self.path = ADOPTED, (), ()

    def _after_adopted(self):
        # A part's preamble or operative part after an adopted text is the resolution's again.
        if self.section == ADOPTED:
            self.section, self.path = OPERATIVE, ()

    def heading(self, text, anchor="", name=""):
        """An annex's (or adopted text's) label, title or heading; ``name`` says which, on the
        source side."""
        section = ADOPTED if self.section == ADOPTED else ANNEX
        self.items.append(Item(section, "heading", "", normalise(text), None,
                               self.where + ((name,) if name else ()), anchor))

    def text(self, text, anchor=""):
        section = ADOPTED if self.section == ADOPTED else ANNEX
        # (counted as they are read: no item of text is moved or taken back)
        key = (section, self.where[:1])
        count = self.texts_read[key] = self.texts_read.get(key, 0) + 1
        self.items.append(Item(section, "text", "", normalise(text), None,
                               self.where + ((f"text {count}",) if self.where else ()), anchor))

    def table(self, cells, anchor=""):
        """A table in an annex, or under the words of the operative paragraph read last: each
        cell that prints words, row by row (an empty cell prints nothing a reader of print could
        place)."""
        if self.section == ANNEX:
            count = sum(1 for i in self.items if i.section == ANNEX and i.kind == "table"
                        and i.path[:1] == self.where[:1] and i.path[-1] == "cell 1") + 1
            where = self.where + (f"table {count}",)
        else:
            count = sum(1 for i in self.items if i.kind == "table" and i.path[:1] == self.where + self.path[:1]
                        and i.path[-1] == "cell 1") + 1
            where = self.where + self.path[:1] + (("table",) if count == 1 else (f"table {count}",))
        texts = [normalise(text) for text in cells]
        for index, text in enumerate(t for t in texts if t):
            self.items.append(Item(self.section, "table", "", text, None, where + (f"cell {index + 1}",), anchor))

    def under_heading(self, text, anchor=""):
        """A heading under the words of the numbered paragraph read last, above its tables."""
        self._under("heading", text, anchor)

    def note(self, text, anchor=""):
        """A note under a table under the words of the numbered paragraph read last."""
        self._under("note", text, anchor)

    def _under(self, kind, text, anchor):
        if self.section in (ANNEX, ADOPTED):
            # In an annex, print cannot tell them from its own headings and paragraphs.
            (self.heading if kind == "heading" else self.text)(text, anchor)
            return
        head = self.where + self.path[:1]
        count = sum(1 for i in self.items if i.kind == kind and i.path[:len(head)] == head
                    and len(i.path) == len(head) + 1) + 1
        self.items.append(Item(self.section, kind, "", normalise(text), None, head + (f"{kind} {count}",), anchor))

    def index_of_last(self) -> tuple:
        item = self.items[-1]
        return item.section, sum(1 for i in self.items if i.section == item.section) - 1


def _opening(segments) -> str:
    """The italic words at the start of ``[(text, italic), …]`` (after what prints nothing). A
    segment of no text (a note's call, as the DOCX reader gives it) neither ends nor adds to them:
    "*Prenant note[^1] avec satisfaction*" opens with all three words."""
    out = []
    for text, italic in segments:
        if not text or (prints_nothing(text) and not out):
            continue
        if not italic:
            break
        out.append(text)
    return normalise("".join(out))


def _index_by_anchor(items) -> dict:
    counters: Counter = Counter()
    out = {}
    for item in items:
        if item.anchor:
            # A closing text carries its paragraph's anchor; the paragraph comes first.
            out.setdefault(item.anchor, (item.section, counters[item.section]))
        counters[item.section] += 1
    return out
