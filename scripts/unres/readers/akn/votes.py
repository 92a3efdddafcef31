"""The adoption of an imported resolution: without a vote, or a recorded vote.

The States are taken from the printed lists in ``conclusions`` (they are in the
document's language and spelling); ``meta/analysis/parliamentary/voting`` gives
the counts and, in English capitals, one name per State in the same order.

The UN prints a list as one string ("A, B, C and D"), so it is cut at commas and
at the conjunction before the last State: the number of States the UN recorded
decides whether, and the metadata's names of the last two States where, because
some names contain the conjunction themselves ("Trinidad and Tobago"). unres's
own files mark each State as an ``<organization>`` of its own: there the
elements are the States, whatever their names hold (a comma, "and"), and what
stands between the last two says how they are joined.
"""
from __future__ import annotations

import re
from typing import Optional

from ...errors import error
from ...model import languages, state_names
from ...model.document import RECORDED, WITHOUT_VOTE, Vote
from .inlines import InlineContext, collapse, local, plain

CATEGORIES = ("inFavour", "against", "abstaining")

_LIST_SEPARATOR_RE = re.compile(r"\s*[,،、，]\s*")
# The word that joins the last two States, per language (BCP 47).
_CONJUNCTION_RE = {
    "en": re.compile(r"\s+and\s+"),
    "fr": re.compile(r"\s+et\s+"),
    "es": re.compile(r"\s+[ye]\s+"),
    "ru": re.compile(r"\s+и\s+"),
    # Not the 和 of 共和国 ("republic").
    "zh": re.compile(r"\s*(?<!共)[和及]\s*"),
    "ar": re.compile(r"\s+(?=و)"),
}
# A printed list's end: the bracket that closes the note, a full stop.
_LIST_END_RE = re.compile(r"[\s.;\]]+$")
# A list that ends with a full stop (the language's or the Chinese one), before the note's
# closing bracket where it is the last.
_STOPPED_RE = re.compile(r"[.。]\s*\]?\s*$")
# The metadata shortens these names; the printed ones are the full names.
_FULL_NAMES = {state_names.key(short): full for short, full in state_names.SHORTENED.items()}


def ref(value: Optional[str]) -> str:
    """A reference with or without its '#' (the UN writes both)."""
    return (value or "").strip().lstrip("#")


def comparable(name: str) -> str:
    """What a printed name and the metadata's capitals share ("Türkiye", "TÜRKİYE"; "Côte d’Ivoire",
    "COTE D'IVOIRE")."""
    return state_names.key(collapse(name).strip())


class _Recorded:
    """What the file says about one category of a recorded vote."""

    def __init__(self):
        self.printed: Optional[str] = None    # the printed list
        self.printed_el = None
        # A list marked State by State (unres's own files): each State's name, and what is
        # printed between each two.
        self.marked: Optional[list[str]] = None
        self.between: list[str] = []
        self.quantity: Optional[int] = None   # the number printed in the note
        self.meta_count: Optional[int] = None
        self.meta_names: list[str] = []
        self.meta_el = None


def read_vote(statement, meta_el, lang: str, ctx: InlineContext, errors: list) -> Optional[Vote]:
    outcome_el, kind = printed_outcome(statement)
    voting = meta_el.find("./{*}analysis/{*}parliamentary/{*}voting") if meta_el is not None else None
    # The UN says 'adoptedRecordedVote' in @outcome; unres's files say '#adopted' there and
    # '#recordedVote' in @refersTo.
    meta_kind = " ".join(ref(voting.get(a)) for a in ("outcome", "refersTo")).strip() if voting is not None else ""
    if kind is None and meta_kind:
        kind = ("recorded" if "recordedvote" in meta_kind.lower() else
                "without" if "withoutvote" in meta_kind.lower() else None)
    if kind is None:
        where = outcome_el if outcome_el is not None else statement
        errors.append(error(ctx.loc(where), "no adoption outcome found (neither a recorded vote "
                                            "nor adoption without a vote)", "E620"))
        return None
    if meta_kind and (("recordedvote" in meta_kind.lower()) != (kind == "recorded")):
        ctx.warn(voting, f"the machine-readable vote ({meta_kind}) disagrees with the printed "
                         "adoption note; the printed note is used", "W621")
    loc = ctx.loc(outcome_el if outcome_el is not None else voting)
    if kind == "without":
        return Vote(WITHOUT_VOTE, loc=loc)

    found = {cat: _Recorded() for cat in CATEGORIES}
    if outcome_el is not None:
        for q in outcome_el.iter("{*}quantity"):
            cat = ref(q.get("refersTo"))
            if cat in found:
                found[cat].quantity = _int(q.get("normalized") or plain(q))
        for sub in outcome_el.iter("{*}outcome"):
            cat = ref(sub.get("refersTo"))
            if cat in found and sub is not outcome_el:
                orgs = [o for o in sub.iter("{*}organization")]
                if orgs:
                    found[cat].printed = "".join(plain(o) + (o.tail or "") for o in orgs)
                    _mark(found[cat], orgs)
                else:
                    found[cat].printed = _after_label(sub)
                found[cat].printed_el = orgs[0] if orgs else sub
    for listed in statement.iterfind("./{*}conclusions/{*}p[@refersTo]"):
        # unres's own files print each list in a paragraph of its own after its label.
        cat = ref(listed.get("refersTo"))
        orgs = list(listed.iter("{*}organization"))
        if cat in found and orgs and found[cat].printed is None:
            # What stands between the States is kept: it says how the last two are joined.
            found[cat].printed = "".join(plain(o) + (o.tail or "") for o in orgs)
            found[cat].printed_el = orgs[0]
            _mark(found[cat], orgs, own=True)
    if voting is not None:
        for count in voting.iterfind("./{*}count"):
            cat = ref(count.get("refersTo"))
            if cat in found:
                found[cat].meta_count = _int(count.get("value"))
                found[cat].meta_names = [plain(o) for o in count.iter("{*}organization")]
                found[cat].meta_el = count

    lists, alone = {}, {}
    for cat, data in found.items():
        lists[cat], alone[cat] = _states(cat, data, lang, ctx, outcome_el if outcome_el is not None else voting)
    last_two = _most([_joined(found[cat], lists[cat]) for cat in CATEGORIES])
    code = lang if lang in languages.CODES else languages.DEFAULT
    stops = list_stops([found[cat].printed for cat in CATEGORIES if lists[cat]])
    return Vote(RECORDED, in_favour=lists["inFavour"], against=lists["against"],
                abstaining=lists["abstaining"], loc=loc, in_favour_total=alone["inFavour"],
                against_total=alone["against"], abstaining_total=alone["abstaining"],
                last_two=None if last_two == languages.default_last_two(code) else last_two,
                list_stops=None if stops == languages.default_list_stops(code) else stops)


def list_stops(printed: list) -> Optional[str]:
    """Which of a vote's printed lists (in the order printed, each as printed, the note's closing
    bracket included) end with a full stop: "every", "last" or "none" (``languages.LIST_STOPS``);
    None when none is printed, or when they disagree otherwise (a defect of the file: the
    language's way is kept)."""
    ends = [bool(_STOPPED_RE.search(collapse(text))) for text in printed if text]
    if not ends:
        return None
    if all(ends):
        return "every"
    if not any(ends):
        return "none"
    return "last" if ends[-1] and not any(ends[:-1]) else None


def list_last_two(printed: str, states: list) -> Optional[str]:
    """How a printed list joins its last two States: "comma" when it has a separator before each
    State after the first, "and" when it has one fewer (a word stands before the last); None for
    a list of fewer than two States or one that cannot be told."""
    if len(states) < 2 or not printed:
        return None
    text = re.sub(r"[\s.;\]]+$", "", collapse(printed).strip())
    pieces = len([i for i in _LIST_SEPARATOR_RE.split(text) if i])
    return "comma" if pieces == len(states) else "and" if pieces == len(states) - 1 else None


def file_last_two(lists) -> Optional[str]:
    """How a file joins the last two States of its lists, ``[(printed text, States), …]``: as most
    of its lists do (a file whose lists disagree is a defect of the file; an even split says
    nothing)."""
    return _most([list_last_two(printed, states) for printed, states in lists])


def _most(seen: list) -> Optional[str]:
    ands, commas = seen.count("and"), seen.count("comma")
    return "and" if ands > commas else "comma" if commas > ands else None


def _mark(data: _Recorded, orgs: list, own: bool = False) -> None:
    """A list whose States are elements of their own: their names, and what stands between each
    two. In the UN's files one element holds the whole list (it is cut); unres's own files (``own``,
    a list in a paragraph of its own) mark every State, a list of one too."""
    if len(orgs) > 1 or own:
        data.marked = [_LIST_END_RE.sub("", plain(o)) for o in orgs]
        data.between = [collapse(o.tail or "").strip() for o in orgs[:-1]]


def _joined(data: _Recorded, states: list) -> Optional[str]:
    """How one list joins its last two States: told by what stands between its last two
    elements where each State is one, else by the printed text."""
    if data.marked is not None and states == data.marked:
        if not data.between:
            return None
        last = data.between[-1]
        return "comma" if _LIST_SEPARATOR_RE.fullmatch(last) else "and" if last else None
    return list_last_two(data.printed, states)


def printed_outcome(statement):
    """The bracketed adoption note in ``conclusions`` and what kind it is."""
    for outcome in statement.iterfind("./{*}conclusions//{*}outcome"):
        name = ref(outcome.get("refersTo"))
        if name == "adoptedRecordedVote":
            return outcome, "recorded"
        if name == "adoptedWithoutVote":
            return outcome, "without"
    return None, None


def _after_label(el) -> str:
    """The text after the 'In favour:' label and its line break."""
    seen_break, parts = False, []
    for child in el:
        if local(child) == "eol":
            seen_break = True
        elif seen_break and isinstance(child.tag, str):
            parts.append(plain(child))
        if seen_break and child.tail:
            parts.append(child.tail)
    return collapse("".join(parts)).strip()


def _int(value) -> Optional[int]:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _states(cat: str, data: _Recorded, lang: str, ctx: InlineContext, note_el) -> tuple[list[str], Optional[int]]:
    """The States of one list, and the total kept alone when the file counts them but names none."""
    # The UN derives the metadata's names from the printed list, so they are the
    # best guide to where the list is cut; the note's number is what a reader sees.
    if data.meta_names:
        expected = len(data.meta_names)
    else:
        expected = data.meta_count if data.meta_count is not None else data.quantity
    # A list neither printed nor in the metadata is reported at the note that counts it.
    where = next((el for el in (data.printed_el, data.meta_el, note_el) if el is not None), None)
    if data.quantity is not None and data.meta_count is not None and data.quantity != data.meta_count:
        ctx.warn(data.meta_el, f"{cat}: the adoption note prints {data.quantity} but the metadata "
                               f"counts {data.meta_count}", "W622")
    if data.meta_el is not None and data.meta_count is not None and data.meta_names \
            and len(data.meta_names) != data.meta_count:
        ctx.warn(data.meta_el, f"{cat}: the metadata counts {data.meta_count} but names "
                               f"{len(data.meta_names)} States", "W623")
    printed = data.printed or ""
    if not printed.strip(" .]"):
        if data.meta_names:
            ctx.warn(where, f"{cat}: no printed list of States; the metadata's English names are used",
                     "W624")
            return [state_names.from_capitals(n) for n in data.meta_names], None
        # The printed note wins: its number is kept as the total of a list no one can print.
        total = data.quantity if data.quantity is not None else expected
        if total:
            ctx.warn(where, f"{cat}: {total} States are counted but none is named anywhere in the "
                            "file; the total is kept without names", "W624")
            return [], total
        return [], None
    if data.marked is not None:
        states = list(data.marked)
    else:
        states = split_states(printed, lang, expected, *data.meta_names[:-3:-1])
    shown = data.quantity if data.quantity is not None else expected
    if shown is not None and len(states) != shown:
        ctx.warn(where, f"{cat}: {len(states)} States in the printed list, the adoption note "
                        f"prints {shown}", "W625")
    if lang == "en" and data.meta_names and len(data.meta_names) == len(states):
        for printed_name, listed in zip(states, data.meta_names):
            if not same_state(printed_name, listed):
                ctx.warn(where, f"{cat}: printed State {printed_name!r} differs from the metadata's "
                                f"{listed!r}", "W626")
    return states, None


def same_state(printed: str, listed: str) -> bool:
    """The metadata shortens some names ('UNITED KINGDOM', 'UNITED STATES')."""
    a, b = comparable(printed), comparable(listed)
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def split_states(text: str, lang: str, expected: Optional[int] = None, last_english: Optional[str] = None,
                 before_last_english: Optional[str] = None) -> list[str]:
    """'A, B, C and D' -> ['A', 'B', 'C', 'D'] in the document's language. ``expected`` is the
    number of States the file counts; ``last_english`` and ``before_last_english`` are the
    metadata's names of the last two (they tell which "and" is a State's own)."""
    text = _LIST_END_RE.sub("", collapse(text).strip())
    items = [i for i in _LIST_SEPARATOR_RE.split(text) if i]
    if not items:
        return []
    if lang == "ar" and len(items) > 1 and all(i.startswith("و") for i in items[1:]):
        # Arabic writes "and" as a prefix on every State after the first.
        items = items[:1] + [i[1:] for i in items[1:]]
    if expected is None or len(items) == expected - 1:
        last_two = _cut_last(items[-1], lang, expected is not None, last_english, before_last_english)
        if last_two:
            items[-1:] = last_two
    return [i.strip() for i in items if i.strip()]


def _cut_last(text: str, lang: str, counted: bool, last_english: Optional[str],
              before_last_english: Optional[str]) -> Optional[list[str]]:
    """The last two States printed as one ("Costa Rica and Trinidad and Tobago") cut at the word
    that joins them, or None. The language's own word is looked for first; where the file counts
    its States, another language's too (a file may print its States in another language: the
    English "and" in a file in Arabic)."""
    codes = [lang] + [c for c in _CONJUNCTION_RE if c != lang] if counted else [lang]
    for code in codes:
        cuts = list(_CONJUNCTION_RE.get(code, _CONJUNCTION_RE["en"]).finditer(text))
        if not cuts or (not counted and len(cuts) != 1):
            continue
        pieces = [(text[:cut.start()], text[cut.end():][1 if code == "ar" else 0:]) for cut in cuts]
        # The States' own conjunctions, as the English names have them: the last State's sit after
        # the cut, the one's before it before the cut. A language may have fewer ("Trinité-et-
        # Tobago" is one word), so the cuts both counts allow are tried, the earliest first, and
        # one after which the last State would begin with a small letter ("… et d’Irlande du
        # Nord", "… y las Granadinas", "… and the Grenadines") is not taken.
        first = max(0, len(cuts) - 1 - _own_ands(last_english))
        latest = min(len(cuts) - 1, _own_ands(before_last_english)) if before_last_english else len(cuts) - 1
        order = list(range(first, latest + 1)) + sorted(
            set(range(len(cuts))) - set(range(first, latest + 1)), key=lambda k: abs(k - first))
        chosen = next((k for k in order if not _begins_small(pieces[k][1])), first)
        return list(pieces[chosen])
    return None


def _own_ands(english: Optional[str]) -> int:
    """How many times a State's English name says "and" (the metadata may shorten the name)."""
    full = _FULL_NAMES.get(comparable(english), english) if english else ""
    return len(re.findall(r"\band\b", full, re.IGNORECASE))


def _begins_small(name: str) -> bool:
    """Whether a name begins with a small letter (in a script with two cases)."""
    first = next((c for c in name.strip() if c.isalpha()), "")
    return first != first.upper()
