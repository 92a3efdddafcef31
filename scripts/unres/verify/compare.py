"""Compare a fingerprint read from an output with the source's.

Every output is compared with the source, field by field; outputs that all
agree with the source agree with each other, so a difference is always
reported against the source, which says which output is wrong. Paragraphs are
aligned on their text first, so a dropped paragraph is reported once rather
than as a shift of every paragraph after it.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from itertools import zip_longest
from urllib.parse import quote

from ..model.state_names import capitals
from .fingerprint import (ADOPTED, ANNEX, without_marks, OPERATIVE, PREAMBLE, SECTIONS, VOTE_LIST_NAMES,
                          ZERO_WIDTH_SPACE,
                          Fingerprint, Item, normalise, squash)

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_SNIPPET_WORDS = 8


def item_key(item: Item, index: int) -> str:
    """How a report names an item: 'preambular 3', 'operative 2 (b)(i)', 'operative 43 note 1'."""
    if item.kind in ("heading", "note") and item.path and item.path[-1].startswith(item.kind + " ") \
            and len(item.path) >= 2 and item.path[-2][:1].isdigit():
        # What is printed under a numbered paragraph's words (under_heading, note).
        where = {PREAMBLE: "preambular", OPERATIVE: "operative", ANNEX: "", ADOPTED: "adopted text"}
        head = " ".join(p for p in (*item.path[:-2], item.path[-2].rstrip(".")) if p)
        prefix = (where.get(item.section) or "") + (" paragraph" if item.section != OPERATIVE else "")
        return f"{prefix.strip()} {head} {item.path[-1]}".strip()
    if item.section == PREAMBLE:
        return f"preambular {index + 1}"
    if item.section == ADOPTED:
        if item.kind in ("paragraph", "point") and item.path:
            return f"adopted text paragraph {item.path[0].rstrip('.')}" + "".join(" " + r for r in item.path[1:])
        return f"adopted text {item.path[0] if item.path else item.kind}"
    if item.section == ANNEX:
        # Source side: (annex label, "heading 2") or (annex label, "2.", "(a)").
        where, rest = (item.path[0], item.path[1:]) if item.path else ("annex", ())
        if item.kind in ("paragraph", "point") and rest:
            return f"{where} paragraph {rest[0].rstrip('.')}" + "".join(" " + r for r in rest[1:])
        return f"{where} {rest[0] if rest else item.kind}"
    if item.kind == "heading":
        return f"operative {item.path[0] if item.path else 'heading'}"
    path = list(item.path)
    closing = bool(path) and path[-1] == "closing"
    if closing:
        path = path[:-1]
    head = path[0].rstrip(".") if path else "?"
    key = f"operative {head}" + ("".join([" "] + path[1:]) if len(path) > 1 else "")
    return key + (" closing text" if closing else "")


def _date(value) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else "nothing"


def _quote(value) -> str:
    return "nothing" if value is None else f'"{value}"'


def _snippet(text: str) -> str:
    words = text.split()
    return " ".join(words[:_SNIPPET_WORDS]) + (" …" if len(words) > _SNIPPET_WORDS else "")


def text_difference(got: str, want: str, loose: bool = False) -> str:
    """Both texts cut down to the words around their first difference; ``loose``: the first
    that is one, for a reader without "spacing" (a space after a slash at a line's end, "S/
    2020/57", is none: the words around it would point away from what differs)."""
    a, b = got.split(), want.split()
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"
           and not (loose and _unspaced(" ".join(a[op[1]:op[2]])) == _unspaced(" ".join(b[op[3]:op[4]])))]
    if not ops:
        return f'"{got}" where the source has "{want}"'
    _tag, i1, i2, j1, j2 = ops[0]
    lo_a, lo_b = max(0, i1 - 3), max(0, j1 - 3)
    part_a = " ".join(a[lo_a:i2 + 3])
    part_b = " ".join(b[lo_b:j2 + 3])
    pre = "…" if lo_a else ""
    post_a = "…" if i2 + 3 < len(a) else ""
    post_b = "…" if j2 + 3 < len(b) else ""
    return f'"{pre}{part_a}{post_a}" where the source has "{"…" if lo_b else ""}{part_b}{post_b}"'


class Finding(str):
    """One difference, printed as ``file: where: what``. ``detail`` is what follows the file,
    ``line`` the source line the difference concerns (None when no one line does)."""

    def __new__(cls, label: str, detail: str, line=None):
        self = super().__new__(cls, f"{label}: {detail}")
        self.label, self.detail, self.line = label, detail, line
        return self

    def __getnewargs__(self):
        return self.label, self.detail, self.line


class Report:
    def __init__(self, label: str):
        self.label = label
        self.lines: list = []

    def add(self, where: str, what: str, line=None):
        self.lines.append(Finding(self.label, f"{where}: {what}" if where else what, line))


def compare(source: Fingerprint, got: Fingerprint) -> list:
    """Every difference between ``got`` and the source, one line each."""
    rep = Report(got.label)
    fields = got.provides
    if "marks" not in fields:
        source, got = without_marks(source), without_marks(got)
    for problem in got.problems:
        rep.add("", problem)
    for name, label in (("symbol", "symbol"), ("number", "resolution number"), ("title", "title")):
        if name != "symbol" and not source.title_printed:
            continue        # printed as "Resolution 2507 (2020)", compared with the printed strings
        breaks = source.title_breaks if name == "title" else None
        if name in fields and not _same_text(getattr(got, name), getattr(source, name), fields, breaks):
            rep.add("", f"{label} {_quote(getattr(got, name))} where the source has "
                        f"{_quote(getattr(source, name))}", source.lines.get(name))
    if "adoption_date" in fields and got.adoption_date != source.adoption_date:
        rep.add("", f'adoption date "{_date(got.adoption_date)}" where the source has '
                    f'"{_date(source.adoption_date)}"', source.lines.get("adoption_date"))
    mapping = {}
    for section in SECTIONS:
        mapping[section] = _compare_items(rep, section, source.section(section),
                                          got.section(section), fields)
    if "texts" in fields:
        _compare_formulas(rep, source, got, fields)
    for fact, where, value in got.metadata:
        want = source.facts.get(fact)
        if want is not None and value != want and not _shortened(value, want):
            rep.add("", f"metadata {where} {_quote(value)} where the source has {_quote(want)}",
                    source.lines.get(fact))
    if "notes" in fields:
        _compare_notes(rep, source, got, mapping)
    _compare_vote(rep, source, got, fields)
    if "links" in fields:
        _compare_links(rep, source, got)
    if "printed" in fields and got.printed_text is not None:
        _compare_printed(rep, source, got)
    if got.first_footer is not None and source.facts.get("job_number"):
        _compare_job_number(rep, source, got)
    return rep.lines


def _compare_job_number(rep, source: Fingerprint, got: Fingerprint) -> None:
    """The job number stands on a line of the first page's footer, in the order it is written
    (what else the footer says, a template's caption, is not the resolution's)."""
    job = source.facts["job_number"]
    if not any(squash(job) in squash(line) for line in got.first_footer):
        printed = "; ".join(_quote(line) for line in got.first_footer) or "nothing"
        rep.add("", f"first page's footer does not print the job number {_quote(job)} (it prints {printed})",
                source.lines.get("job_number"))


# A DOCX's core property holds at most 255 characters (Word's limit): a longer title is cut
# there, and the cut marked with "…".
_PROPERTY_LIMIT = 255


def _shortened(value, want) -> bool:
    return (isinstance(value, str) and value.endswith("…") and len(value) <= _PROPERTY_LIMIT
            and len(want) > _PROPERTY_LIMIT and want.startswith(value[:-1].rstrip()))


def _compare_formulas(rep, source: Fingerprint, got: Fingerprint, fields) -> None:
    """Each part's enacting formula, in order."""
    several = max(len(source.formulas), len(got.formulas)) > 1
    for n, (want, have) in enumerate(zip_longest(source.formulas, got.formulas), start=1):
        where = f"formula {n}" if several else "formula"
        line = source.formula_lines[n - 1] if want is not None else None
        if have is None:
            rep.add(where, f"{_quote(want)} is not printed", line)
        elif want is None:
            rep.add(where, f"{_quote(have)} where the source has none")
        elif not _same_text(have, want, fields):
            rep.add(where, "text " + text_difference(have, want, "spacing" not in fields), line)


def _as_sent(url: str) -> str:
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")


def _compare_links(rep, source: Fingerprint, got: Fingerprint):
    """Every link of the source, to the same target, and no other (as a set where a link may
    be drawn in pieces)."""
    # A target the UN typed with a space ("…/S/RES/2043 (2012)") is the one a PDF writes
    # percent-encoded: both are compared as a browser sends them.
    source_links, got_links = [_as_sent(u) for u in source.links], [_as_sent(u) for u in got.links]
    if got.links_as_set:
        want, have = Counter(set(source_links)), Counter(set(got_links))
    else:
        want, have = Counter(source_links), Counter(got_links)
    for url, count in sorted((want - have).items()):
        rep.add("", f"link to {url} missing" + (f" ({count} times)" if count > 1 else ""))
    for url, count in sorted((have - want).items()):
        rep.add("", f"link to {url} not in the source" + (f" ({count} times)" if count > 1 else ""))


def _compare_items(rep, section, want, got, fields) -> dict:
    """Align on text, report differences; return {got index: source index}."""
    mapping = {}
    name = {PREAMBLE: "preambular paragraph", OPERATIVE: "operative item", ADOPTED: "adopted text block",
            ANNEX: "annex block"}[section]
    matcher = difflib.SequenceMatcher(None, [i.text for i in want], [i.text for i in got],
                                      autojunk=False)
    for tag, w1, w2, g1, g2 in matcher.get_opcodes():
        pairs = list(zip(range(w1, w2), range(g1, g2)))
        for wi, gi in pairs:
            mapping[gi] = wi
            _compare_item(rep, want[wi], item_key(want[wi], wi), got[gi], fields)
        for wi in range(w1 + len(pairs), w2):
            w = want[wi]
            rep.add(item_key(w, wi), f'missing (the source has "{(w.num + " ") if w.num else ""}'
                                      f'{_snippet(w.text)}")', w.line)
        for gi in range(g1 + len(pairs), g2):
            g = got[gi]
            after = item_key(want[w2 - 1], w2 - 1) if w2 else "the start"
            rep.add("", f'extra {name} "{(g.num + " ") if g.num else ""}{_snippet(g.text)}" '
                        f"after {after}, not in the source", want[w2 - 1].line if w2 else None)
    return mapping


# Chinese and Japanese lines break between any two characters, and the reader joins
# lines with a space: spaces next to those characters are as unknowable as after "-".
_CJK = "\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Besides hyphens, dashes and "/", Unicode's line breaking (UAX #14) lets a line end after
# "?" and "!" (class EX), "…" (IN) and "]", "}" (CL) with no space, as in a URL's query.
_AFTER_BREAKABLE = re.compile(rf"(?<=[-/.?!\]}}\u2010\u2013\u2014\u2026{_CJK}])\s+|\s+(?=[{_CJK}])")


def _unspaced(text) -> str:
    return _AFTER_BREAKABLE.sub("", text or "")


# A word longer than a line (a web address, say) is broken at the margin anywhere
# (overflow-wrap); the shortest that can be is about 20 wide letters in an indented point.
_LONG_WORD = re.compile(r"\S{20,}")


def _long_words_broken(got: str, want: str) -> bool:
    """``got`` is ``want`` with line ends read as spaces inside its long words."""
    pattern, end = [], 0
    for word in _LONG_WORD.finditer(want):
        pattern.append(re.escape(want[end:word.start()]))
        pattern.append(r"\s?".join(map(re.escape, word.group())))
        end = word.end()
    pattern.append(re.escape(want[end:]))
    return re.fullmatch("".join(pattern), got) is not None


def _line_end_pieces(text: str) -> list:
    """``text`` cut wherever a line may end with no space there, as the PDF's layout ends one:
    Pango's line breaking (Unicode's, UAX #14), asked about this very text, which knows every
    such place ("со|держащейся" after the "|", "word—word" before and after the dash, the
    source's zero-width spaces, which are dropped) where a list of characters would know some."""
    from weasyprint.text.line_break import get_log_attrs

    attrs = get_log_attrs(text, None)
    pieces, start = [], 0
    for i in range(1, len(text)):
        if attrs[i].is_line_break and not text[i - 1].isspace() and not text[i].isspace():
            pieces.append(text[start:i])
            start = i
    pieces.append(text[start:])
    return [piece.replace(ZERO_WIDTH_SPACE, "") for piece in pieces]


def _same_text(got, want, fields, breaks=None) -> bool:
    """Equal, or equal but for the spaces a reader without "spacing" cannot know: those
    after a character a line may end at, those inside a word too long for a line, and a space
    read where a line ended with no space there (given ``breaks``, the source's text with its
    zero-width spaces, at those too)."""
    if got == want:
        return True
    if "spacing" in fields or None in (got, want):
        return False
    if _unspaced(got) == _unspaced(want):
        return True
    if _LONG_WORD.search(want) and _long_words_broken(_unspaced(got), _unspaced(want)):
        return True
    pieces = [_unspaced(piece) for piece in _line_end_pieces(breaks or want)]
    return re.fullmatch(r"\s?".join(map(re.escape, pieces)), _unspaced(got)) is not None


def _compare_item(rep, want: Item, key: str, got: Item, fields):
    if "numbers" in fields and got.num != want.num:
        what = "number" if want.kind == "paragraph" else "label"
        rep.add(key, f"{what} {_quote(got.num)} where the source has {_quote(want.num)}", want.line)
    if "numbers" in fields and got.kind != want.kind:
        rep.add(key, f"read as a {got.kind} where the source has a {want.kind}", want.line)
    # Adjacent italic runs look like one run in print: a reader without "spacing" cannot
    # tell "*Decides* *also*" from "*Decides also*".
    run_ok = "spacing" not in fields and got.opening == want.italic_run
    if ("opening" in fields and got.opening is not None and want.opening is not None
            and got.opening != want.opening and got.text == want.text and not run_ok):
        rep.add(key, f"opening phrase {_quote(got.opening)} where the source has {_quote(want.opening)}",
                want.line)
    if "texts" in fields and not _same_text(got.text, want.text, fields, want.breaks):
        rep.add(key, "text " + text_difference(got.text, want.text, "spacing" not in fields), want.line)
    if got.anchor and want.anchor and got.anchor != want.anchor:
        # (the HTML's ids and the AKN's eIds are the addresses a link to the paragraph uses)
        rep.add(key, f"id {_quote(got.anchor)} where the source's is {_quote(want.anchor)}", want.line)


def _where(source: Fingerprint, ref) -> str:
    if ref is None:
        return "nowhere"
    section, index = ref
    items = source.section(section)
    return item_key(items[index], index) if index < len(items) else f"{section} {index + 1}"


def _compare_notes(rep, source: Fingerprint, got: Fingerprint, mapping):
    for n, want in enumerate(source.notes):
        key = f"footnote {want.marker}"
        if n >= len(got.notes):
            rep.add(key, f'missing (the source has "{want.text}", called from {_where(source, want.called_from)})',
                    want.line)
            continue
        note = got.notes[n]
        if note.marker != want.marker:
            rep.add(key, f"marker {_quote(note.marker)} where the source has {_quote(want.marker)}", want.line)
        if note.text is None:
            rep.add(key, f'text missing (the source has "{want.text}")', want.line)
        elif not _same_text(note.text, want.text, got.provides, want.breaks):
            rep.add(key, "text " + text_difference(note.text, want.text, "spacing" not in got.provides),
                    want.line)
        called = note.called_from
        if called is not None:
            section, index = called
            called = (section, mapping[section].get(index, index))
        if called != want.called_from:
            rep.add(key, f"called from {_where(source, called)} where the source has "
                         f"{_where(source, want.called_from)}", want.line)
    for note in got.notes[len(source.notes):]:
        rep.add("", f'extra footnote {_quote(note.marker)} "{note.text}", not in the source')


def _compare_vote(rep, source: Fingerprint, got: Fingerprint, fields):
    want, have = source.vote, got.vote
    if not source.vote_printed and not got.vote_from_metadata:
        if have is not None:
            rep.add("vote", "an adoption note is printed where the organ prints none", source.lines.get("vote"))
        return
    if have is None:
        rep.add("vote", "no adoption note could be read", source.lines.get("vote"))
        return
    if have.kind != want.kind:
        rep.add("vote", f"{have.kind} where the source has {want.kind}", source.lines.get("vote"))
        return
    if want.kind != "recorded":
        return
    if "vote_totals" in fields:
        for name, a, b in zip(VOTE_LIST_NAMES, have.totals, want.totals):
            if a != b:
                rep.add("vote", f"{name} total {a} where the source has {b}", source.lines.get("vote"))
    if "vote_states" in fields:
        for name in VOTE_LIST_NAMES:
            kept, written = have.states.get(name, []), want.states.get(name, [])
            if got.vote_from_metadata and have.states and kept != written:
                rep.add(f"vote {name}", f"the names kept as written are {kept} where the source has {written}",
                        source.lines.get("vote"))
            a, b = have.lists.get(name, []), want.lists.get(name, [])
            if got.vote_from_metadata:
                b = [capitals(x) for x in want.states.get(name, [])]
            if "spacing" not in fields:
                a, b = [_unspaced(x) for x in a], [_unspaced(x) for x in b]
            if a == b:
                continue
            missing = [s for s in b if s not in a]
            extra = [s for s in a if s not in b]
            for state in missing:
                rep.add(f"vote {name}", f'"{state}" missing', source.lines.get("vote"))
            for state in extra:
                rep.add(f"vote {name}", f'"{state}" not in the source', source.lines.get("vote"))
            if not missing and not extra:
                rep.add(f"vote {name}", "States in a different order from the source",
                        source.lines.get("vote"))
        for name, stop in want.stops.items():
            if not got.vote_from_metadata and name in have.stops and have.stops[name] != stop:
                rep.add(f"vote {name}", "the list ends with a full stop where the source's lists end without one"
                        if have.stops[name] else "the list ends without the full stop the source's lists end with",
                        source.lines.get("vote"))



def _compare_printed(rep, source: Fingerprint, got: Fingerprint):
    """Every string the tool prints, in the resolution's language, in print order. The vote
    note's totals are the vote's to compare (with their own message): here any number stands."""
    at = 0
    for key, text in source.printed:
        wanted = re.escape(squash(text))
        if key == "vote_note":
            wanted = re.sub(r"\d+", r"\\d+", wanted)
        found = re.compile(wanted).search(got.printed_text, at)
        if found is None:
            rep.add("printed", f"{_quote(normalise(text))} is not printed where the source's "
                               f"language data prints it", source.lines.get("printed"))
        else:
            at = found.end()
