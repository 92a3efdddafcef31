"""Cited documents become links: a model transform run after :func:`unres.model.transforms.finalize`.

Two kinds of citation are recognised in the text of every paragraph and footnote:

- document symbols as the UN writes them (``A/HRC/37/79``, ``A/73/L.8``,
  ``E/CN.4/2005/L.10/Add.17``, ``S/RES/2250 (2015)``);
- resolutions named by their number after a word for "resolution" (``General Assembly resolution
  70/1``, ``ses résolutions 9/1 du 24 septembre 2008, 18/11 …``, ``大会第70/1号决议``), whose
  symbol depends on the organ: named before or after the number, "its"/"the Council" for the
  organ of the citing document, or earlier in the same document for a number cited bare again.

A number whose organ cannot be known is left as text: a missing link costs less than a wrong one.
Links written in the source are kept as they are and never looked into. The link target is the
document's URL (:func:`unres.model.undocs.document_url`); the symbol is kept on the link for the AKN.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import citation_wording as W
from .document import (Emph, Footnote, Heading, Link, OperativeParagraph, Paragraph, Resolution, Strong,
                       Subscript, Superscript, Text, walk_inlines)
from .presentation import bcp47
from .undocs import base_for, document_url, symbol_from_url

# ---------------------------------------------------------------- document symbols
_COMPONENT = r"(?:[A-Z][A-Za-z]*(?:\.\d+)*|\d+[A-Za-z]?(?:\.\d+)?|[A-Z]{1,2}-\d+)"
_ONE_SYMBOL = r"[A-Z]{1,8}(?:/" + _COMPONENT + r"){2,}"
# A document issued under two symbols is cited by both joined with a hyphen (A/76/871-S/2022/493).
SYMBOL_RE = re.compile(
    r"(?<![A-Za-z0-9/.\-])" + _ONE_SYMBOL + r"(?:-" + _ONE_SYMBOL + r")?"
    r"(?:\s?\(\d{4}\))?(?![A-Za-z0-9/])")

_CORRIGENDUM = re.compile(W.CORRIGENDUM_AND + r"(?P<c>Corr\.\d+)(?![A-Za-z0-9/])")

# ---------------------------------------------------------------- resolution numbers
# 70/1, S-8/1, ES-10/19 (sessions); 2005/69 (year/number: ECOSOC, the Commission);
# 2250 (2015) (Security Council); 1514 (XV), 2200 A (XXI) (the Assembly's first 30 sessions).
# Special sessions are S-8, emergency ones ES-10 (Arabic دإ-8, دإط-10), often with a no-break hyphen;
# a resolution in parts is cited with its letter (59/113 A).
_HYPHEN = "[-\u2010\u2011\u2012\u2013]"
_SESSION = rf"(?:(?:E?S|دإ|دإط){_HYPHEN})?\d{{1,3}}/\d{{1,3}}(?:\s?[A-Z](?![\w/]))?"
_YEARLY = r"(?:19|20)\d\d/\d{1,3}"
_SC = r"\d{1,4}\s?\((?:19|20)\d\d\)"
_ROMAN = r"\d{1,4}(?:\s?[A-Z])?\s?\([IVXL]+\)"
NUMBER = rf"(?:{_SC}|{_ROMAN}|{_YEARLY}|{_SESSION})"
_NUMBER_AT = re.compile(NUMBER + r"(?![0-9/]|\.\d)")

OWN, COUNCIL = "OWN", "COUNCIL"
# The organ of the citing document, from its symbol (the same in every language).
_SYMBOL_ORGANS = (("A/HRC/", "HRC"), ("A/", "GA"), ("S/", "SC"), ("E/CN.4/", "CHR"), ("E/", "ECOSOC"))
_COUNCILS = {"HRC", "SC", "ECOSOC"}

# Names of an organ a possessive may refer back to ("the General Assembly in its resolution").
_NAMED = {
    "en": W.BEFORE["en"][:5],
    "fr": [(r"Assembl[ée]e\s+g[ée]n[ée]rale", "GA"), (r"Conseil\s+des\s+droits\s+de\s+l[’']homme", "HRC"),
           (r"Conseil\s+de\s+s[ée]curit[ée]", "SC")],
    "es": [(r"Asamblea\s+General", "GA"), (r"Consejo\s+de\s+Derechos\s+Humanos", "HRC"),
           (r"Consejo\s+de\s+Seguridad", "SC")],
    "ru": [(r"Генеральн\w+\s+Ассамбле\w+", "GA"), (r"Совет\w*\s+по\s+правам\s+человека", "HRC"),
           (r"Совет\w*\s+Безопасности", "SC")],
    "ar": [(r"الجمعية\s+العامة", "GA"), (r"مجلس\s+حقوق\s+الإنسان", "HRC"), (r"مجلس\s+الأمن", "SC")],
    "zh": [(r"大会", "GA"), (r"人权理事会", "HRC"), (r"安全理事会|安理会", "SC")],
}
_CLAUSE_END = re.compile(r"[;:،؛,，；。]|\.\s")


def _alternation(pairs, prefix="") -> str:
    return "|".join(f"(?P<{prefix}o{i}>{pattern})" for i, (pattern, _) in enumerate(pairs))


def _organ_of(match, pairs, prefix="") -> Optional[str]:
    for i, (_, organ) in enumerate(pairs):
        if match.group(f"{prefix}o{i}"):
            return organ
    return None


@dataclass
class _Wording:
    """One language's patterns, compiled once."""
    lang: str
    head: re.Pattern            # organ? keyword organ? — ends where the first number starts
    before: list
    between: list
    gap: re.Pattern             # what may join two numbers of a list
    after: Optional[re.Pattern]
    after_pairs: list
    named: Optional[re.Pattern]
    named_pairs: list
    keyword: re.Pattern         # any word for "resolution" or "decision"
    # Any of the words a head is built around, found anywhere: where none stands from a place on,
    # no head starts there, and the head's own search (its words before the keyword tried at every
    # place) is not run.
    head_words: re.Pattern


def _compile(lang: str) -> _Wording:
    before, between = W.BEFORE[lang], W.BETWEEN[lang]
    keyword, decision = W.KEYWORDS[lang], W.DECISION_KEYWORDS[lang]
    if lang == "ar":
        # Arabic joins "and", "by", "to" to the word (وبقرار, والقرار) and may omit the space before
        # the number (القرار5/2); the possessive forms carry their own organ.
        lead = r"(?<![\u0600-\u06FF])(?:و|ب|ل|وب|ول|ف)?"
        kw = (rf"{lead}(?:(?P<poss>{W.POSSESSIVE_KEYWORDS['ar']})|{keyword}"
              rf"|(?P<decposs>{W.POSSESSIVE_DECISION_KEYWORDS['ar']})|(?P<dec>{decision}))(?![\u0600-\u06FF])")
    else:
        kw = rf"\b(?:{keyword}|(?P<dec>{decision}))\b"
    parts = []
    if before:
        parts.append(rf"(?:\b(?:{_alternation(before)})\s+)?")
    parts.append(kw)
    if between:
        parts.append(rf"(?:\s+(?:{_alternation(between, 'b')}))?")
    parts.append(r"\s*(?:(?:No|n°|№)\.?\s*)?(?=" + NUMBER + ")")
    head = re.compile("".join(parts), re.IGNORECASE)
    gap = re.compile(rf"\s*(?:{W.DATE_AFTER[lang]})?{W.TOPIC[lang]}\s*(?:{W.AND[lang]})\s*"
                     rf"(?:(?:No|n°|№)\.?\s*)?(?=" + NUMBER + ")", re.IGNORECASE)
    after_pairs = W.AFTER[lang]
    after = (re.compile(rf"\s*(?:{W.DATE_AFTER[lang]})?\s*(?:{_alternation(after_pairs)})", re.IGNORECASE)
             if after_pairs else None)
    named_pairs = _NAMED[lang]
    named = re.compile(_alternation(named_pairs), re.IGNORECASE) if named_pairs else None
    any_keyword = re.compile(rf"{keyword}|{decision}", re.IGNORECASE)
    # Arabic's head is also built around the possessive forms, which carry their own organ.
    head_words = any_keyword if lang != "ar" else re.compile(
        rf"{W.POSSESSIVE_KEYWORDS['ar']}|{keyword}|{W.POSSESSIVE_DECISION_KEYWORDS['ar']}|{decision}",
        re.IGNORECASE)
    return _Wording(lang, head, before, between, gap, after, after_pairs, named, named_pairs, any_keyword,
                    head_words)


_WORDINGS: dict = {}


def _wording(lang: str) -> _Wording:
    if lang not in _WORDINGS:
        _WORDINGS[lang] = _compile(lang)
    return _WORDINGS[lang]


# Chinese: [organ][在][date][关于…的]第N号[、date第N号]…决议
_ZH_ORGAN = re.compile(_alternation(W.ZH_ORGANS))
_ZH_ITEM = re.compile(rf"(?:{W.DATE_AFTER['zh']})?第\s*(?P<n>{NUMBER})\s*号")
_ZH_JOIN = re.compile(rf"\s*(?:{W.AND['zh']})\s*(?=(?:{W.DATE_AFTER['zh']})?第)")
_ZH_END = re.compile(r"\s*(?:决议|號決議|(?P<dec>决定))")


# ---------------------------------------------------------------- organs and symbols
@dataclass
class _Context:
    own: Optional[str]           # organ key of the citing document
    session: int
    seen: dict                   # number -> organ of an earlier citation in the same document


def _kind(number: str) -> str:
    if re.fullmatch(_SC, number):
        return "sc"
    if re.fullmatch(_ROMAN, number):
        return "roman"
    if re.fullmatch(_YEARLY, number):
        return "yearly"
    return "session"


_SPECIAL = {"دإ": "S", "دإط": "ES"}


def _compact(number: str) -> str:
    number = re.sub(_HYPHEN, "-", number)
    number = re.sub(r"^(دإط|دإ)-", lambda m: _SPECIAL[m.group(1)] + "-", number)
    if _kind(number) == "roman":
        # 2200 A (XXI) is filed as A/RES/2200(XXI).
        digits, roman = re.match(r"(\d+).*\((\w+)\)", number).groups()
        return f"{digits}({roman})"
    return re.sub(r"\s+", "", number)


def symbol_for(organ: Optional[str], number: str, ctx: _Context) -> Optional[str]:
    """The symbol of resolution ``number`` of ``organ`` (a key; OWN and COUNCIL resolved by
    ``ctx``), or None when the number cannot be one of that organ's resolutions."""
    kind = _kind(number)
    if organ in (OWN, COUNCIL):
        # "its resolution 72/171" after "Assembly resolution 72/171": the number says whose.
        mine = _symbol(ctx.own if organ == OWN or ctx.own in _COUNCILS else None, number, kind, ctx)
        seen = ctx.seen.get(_compact(number))
        return mine or (_symbol(seen, number, kind, ctx) if seen else None)
    if organ is None:
        organ = _bare_organ(number, kind, ctx)
    return _symbol(organ, number, kind, ctx)


def _symbol(organ: Optional[str], number: str, kind: str, ctx: _Context) -> Optional[str]:
    if organ is None:
        return None
    n = _compact(number)
    if kind == "sc":
        return f"S/RES/{n}" if organ == "SC" else None
    if organ == "SC":
        return None
    if kind == "roman":
        return f"A/RES/{n}" if organ == "GA" else None
    if kind == "yearly":
        return {"ECOSOC": f"E/RES/{n}", "CHR": f"E/CN.4/RES/{n}"}.get(organ)
    session = _compact(number).split("/")[0]
    if organ == "GA":
        plain = session.isdigit()
        return f"A/RES/{n}" if not plain or int(session) >= 31 else None
    if organ == "HRC":
        if session.startswith("ES-"):
            return None
        if session.isdigit() and ctx.own == "HRC" and int(session) > ctx.session:
            return None      # the Council cannot cite a session it has not held
        return f"A/HRC/RES/{n}"
    return None


def decision_symbol(organ: Optional[str], number: str, ctx: _Context) -> Optional[str]:
    """The symbol of the Human Rights Council's decision ``number`` (A/HRC/DEC/25/116), when
    the text names the Council ("its decision", "Council decision"); other organs' decisions
    have no symbol of their own, and a decision cited bare is left as text."""
    if organ in (OWN, COUNCIL):
        organ = ctx.own
    if organ != "HRC" or _kind(number) != "session":
        return None
    n = _compact(number)
    session = n.split("/")[0]
    if session.startswith("ES-") or (session.isdigit() and ctx.own == "HRC" and int(session) > ctx.session):
        return None
    return f"A/HRC/DEC/{n}"


def _bare_organ(number: str, kind: str, ctx: _Context) -> Optional[str]:
    """The organ of a resolution cited without one: whose number form it has, whose it was
    the last time this document cited it, or the citing organ's own where nothing else fits."""
    if kind == "sc":
        return "SC"
    if kind == "roman":
        return "GA"
    if _compact(number) in ctx.seen:
        return ctx.seen[_compact(number)]
    if kind == "session" and ctx.own == "GA":
        return "GA"
    if kind == "session" and ctx.own == "HRC":
        session = _compact(number).split("/")[0]
        if session.isdigit() and int(session) > ctx.session:
            return "GA"
    if kind == "yearly" and ctx.own == "ECOSOC":
        return "ECOSOC"
    return None


# ---------------------------------------------------------------- finding citations in text
@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    symbol: str


def organ_of_document(symbol: str) -> Optional[str]:
    """``HRC`` for A/HRC/RES/38/3, ``GA`` for A/RES/70/1 …"""
    for prefix, organ in _SYMBOL_ORGANS:
        if symbol.strip().startswith(prefix):
            return organ
    return None


def find(text: str, lang: str, own_organ: Optional[str] = None, session: int = 0,
         seen: Optional[dict] = None) -> list:
    """Every citation in ``text`` (a language's BCP 47 code), as non-overlapping spans in order.
    ``own_organ`` is the citing organ's key (HRC, GA, SC, ECOSOC) and ``session`` its session;
    ``seen`` carries what earlier text of the same document established and is updated."""
    ctx = _Context(own_organ, session, {} if seen is None else seen)
    found = []
    for m in SYMBOL_RE.finditer(text):
        if not any(ch.isdigit() for ch in m.group()):
            continue
        found.append(Citation(m.start(), m.end(), m.group()))
        corrigendum = _CORRIGENDUM.match(text, m.end())
        if corrigendum:
            found.append(Citation(corrigendum.start("c"), corrigendum.end("c"),
                                  f"{m.group()}/{corrigendum.group('c')}"))
    taken = [(c.start, c.end) for c in found]
    resolutions = _zh_resolutions(text, ctx) if lang == "zh" else _resolutions(text, _wording(lang), ctx)
    for c in resolutions:
        if not any(c.start < e and s < c.end for s, e in taken):
            found.append(c)
    return sorted(found, key=lambda c: c.start)


def _resolutions(text: str, w: _Wording, ctx: _Context) -> list:
    out = []
    pos = 0
    while True:
        if w.head_words.search(text, pos) is None:
            return out
        head = w.head.search(text, pos)
        if head is None:
            return out
        organ = _head_organ(head, w, text)
        numbers = []
        at = head.end()
        while True:
            m = _NUMBER_AT.match(text, at)
            if m is None:
                break
            numbers.append((m.start(), m.end(), m.group()))
            gap = w.gap.match(text, m.end())
            if gap is not None and w.keyword.search(gap.group()):
                gap = None       # "…, the Council's decisions 2/105": another list begins
            if gap is None:
                at = m.end()
                break
            at = gap.end()
        if organ is None and w.after is not None and numbers:
            after = w.after.match(text, numbers[-1][1])
            if after:
                organ = _organ_of(after, w.after_pairs)
        decision = bool(head.group("dec") or head.groupdict().get("decposs"))
        for start, end, number in numbers:
            symbol = decision_symbol(organ, number, ctx) if decision else symbol_for(organ, number, ctx)
            if symbol:
                if not decision:
                    ctx.seen.setdefault(_compact(number), _organ_of_symbol(symbol))
                out.append(Citation(start, end, symbol))
        pos = max(at, head.end())


def _head_organ(head, w: _Wording, text: str) -> Optional[str]:
    organ = _organ_of(head, w.before) if w.before else None
    if organ is None and w.between:
        organ = _organ_of(head, w.between, "b")
    if organ is None and (head.groupdict().get("poss") or head.groupdict().get("decposs")):
        organ = OWN
    if organ == OWN:
        organ = _named_before(text, head.start(), w.named, w.named_pairs) or OWN
    return organ


def _named_before(text: str, start: int, named, pairs) -> Optional[str]:
    """The organ named earlier in the same clause ("the General Assembly in its resolution")."""
    if named is None:
        return None
    window = text[max(0, start - 60):start]
    clause = _CLAUSE_END.split(window)[-1]
    found = None
    for m in named.finditer(clause):
        found = _organ_of(m, pairs)
    return found


def _organ_of_symbol(symbol: str) -> str:
    for prefix, organ in (("A/HRC/RES/", "HRC"), ("A/RES/", "GA"), ("S/RES/", "SC"),
                          ("E/CN.4/RES/", "CHR"), ("E/RES/", "ECOSOC")):
        if symbol.startswith(prefix):
            return organ
    return ""


def _zh_resolutions(text: str, ctx: _Context) -> list:
    out = []
    pos = 0
    while True:
        first = _ZH_ITEM.search(text, pos)
        if first is None:
            return out
        items = [first]
        at = first.end()
        while True:
            join = _ZH_JOIN.match(text, at)
            nxt = _ZH_ITEM.match(text, join.end()) if join else None
            if nxt is None:
                break
            items.append(nxt)
            at = nxt.end()
        pos = at
        end = _ZH_END.match(text, at)
        if not end:
            continue         # 第N号 of a general comment, a convention …
        organ = None
        lead = _CLAUSE_END.split(text[max(0, first.start() - 40):first.start()])[-1]
        for m in _ZH_ORGAN.finditer(lead):
            organ = _organ_of(m, W.ZH_ORGANS)
        for item in items:
            number = item.group("n")
            if end.group("dec"):
                symbol = decision_symbol(organ, number, ctx)
            else:
                symbol = symbol_for(organ, number, ctx)
                if symbol:
                    ctx.seen.setdefault(_compact(number), _organ_of_symbol(symbol))
            if symbol:
                out.append(Citation(item.start("n"), item.end("n"), symbol))


# ---------------------------------------------------------------- the transform
_CONTAINERS = (Emph, Strong, Superscript, Subscript)


class _Linker:
    def __init__(self, res: Resolution):
        meta = res.meta
        self.lang = bcp47(meta.language)
        self.base = base_for(meta)
        self.own = organ_of_document(meta.symbol)
        self.session = meta.session or 0
        self.seen: dict = {}

    def inlines(self, nodes: list) -> list:
        out, run = [], []
        for node in nodes:
            if isinstance(node, Text):
                run.append(node)
                continue
            out.extend(self._run(run))
            run = []
            if isinstance(node, _CONTAINERS):
                node.children = self.inlines(node.children)
            elif isinstance(node, Link):
                self._explicit(node)
            out.append(node)
        out.extend(self._run(run))
        return out

    def _explicit(self, link: Link):
        if not link.symbol:
            link.symbol = symbol_from_url(link.target, self.base) or ""

    def _run(self, run: list) -> list:
        if not run:
            return []
        text = "".join(t.text for t in run)
        found = find(text, self.lang, self.own, self.session, self.seen)
        if not found:
            return run
        out, pos = [], 0
        for c in found:
            if c.start > pos:
                out.append(Text(text[pos:c.start]))
            url = document_url(c.symbol, self.lang, self.base)
            out.append(Link(url, [Text(text[c.start:c.end])], symbol=c.symbol, recognised=True))
            pos = c.end
        if pos < len(text):
            out.append(Text(text[pos:]))
        return out


def link_citations(res: Resolution) -> Resolution:
    """Turn what the text cites into links, unless the source says ``link_cited_documents: false``;
    give every link to a UN document its symbol and an eId (``para_3__ref_1``) for the AKN."""
    linker = _Linker(res)
    recognise = res.meta.link_cited_documents
    counts: dict = {}
    for owner, inlines, set_ in inline_lists(res):
        if recognise:
            inlines = linker.inlines(inlines)
            set_(inlines)
        else:
            _explicit_only(linker, inlines)
        for node in walk_inlines(inlines):
            if isinstance(node, Link) and node.symbol:
                counts[owner] = counts.get(owner, 0) + 1
                node.eid = f"{owner}__ref_{counts[owner]}"
    return res


def _explicit_only(linker: _Linker, nodes: list):
    for node in nodes:
        if isinstance(node, Link):
            linker._explicit(node)
        elif isinstance(node, _CONTAINERS):
            _explicit_only(linker, node.children)


def _title_setter(section, index: int):
    def set_title(value):
        section.titles[index] = value
    return set_title


def inline_lists(res: Resolution):
    """(owner eId, inlines, setter) for every run of text the resolution prints, in document order."""
    def attr(obj, name, owner):
        return owner or "body", getattr(obj, name), lambda value: setattr(obj, name, value)

    def items(block):
        yield attr(block, "inlines", block.eid)
        for child in getattr(block, "children", None) or []:
            for heading in child.headings:
                yield attr(heading, "inlines", heading.eid)
            yield from items(child)
        if getattr(block, "wrapup", None):
            yield attr(block, "wrapup", block.eid)
        for under in getattr(block, "under", ()):
            # The headings and notes under a paragraph's words; its tables' cells, as an annex's, are not.
            if isinstance(under, (Paragraph, Heading)):
                yield attr(under, "inlines", under.eid)

    def blocks(holder):
        if holder.title:
            yield attr(holder, "title", holder.eid)
        for block in holder.blocks:
            if isinstance(block, OperativeParagraph):
                yield from items(block)
            elif isinstance(block, (Paragraph, Heading)):
                yield attr(block, "inlines", block.eid)

    for part in res.parts:
        if part.title:
            yield attr(part, "title", part.eid)
        if part.formula is not None:
            yield attr(part.formula, "inlines", part.formula.eid)
        for para in part.preamble:
            yield from items(para)
        if part.opening is not None:
            yield attr(part.opening, "inlines", part.opening.eid)
        if part.adopted is not None:
            yield from blocks(part.adopted)
        for para in part.operative:
            for heading in para.headings:
                yield attr(heading, "inlines", heading.eid)
            yield from items(para)
        for section in part.sections:
            for heading in section.headings:
                yield attr(heading, "inlines", heading.eid)
            for index in range(len(section.titles)):
                yield section.eid, section.titles[index], _title_setter(section, index)
            for para in section.preamble + ([section.text] if section.text is not None else []):
                yield from items(para)
            for para in section.operative:
                for heading in para.headings:
                    yield attr(heading, "inlines", heading.eid)
                yield from items(para)
    for annex in res.annexes:
        yield from blocks(annex)
    for note in res.footnotes:
        for index in range(len(note.paragraphs)):
            yield note.eid, note.paragraphs[index], _setter(note, index)


def _setter(note: Footnote, index: int):
    def set_(value):
        note.paragraphs[index] = value
    return set_
