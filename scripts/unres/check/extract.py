"""Read a fingerprint back from each built file, and one from the source model.

The readers here share no code with the writers: each one looks at the file
the way a reader of that format would (the PDF's visible text and its layout,
the DOCX's paragraphs and footnotes part, the HTML's elements, the AKN's
markup), so a writer's mistake cannot be repeated by its own checker.

What each reader provides (``Fingerprint.provides``): every field, for all
four formats. The PDF keeps italics as a font change, which is how its reader
recovers opening phrases; the PDF's embedded AKN attachment is never read.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree, html as lxml_html

from ..model import (Emph, Heading, NoteRef, Paragraph, Resolution, plain_text, walk_inlines,
                     walk_subparagraphs)
from ..presentation import code_of, present, printed_number
from ..xmlsafe import safe_parser
from . import links
from .fingerprint import (ALL_FIELDS, ANNEX, OPERATIVE, PREAMBLE, VOTE_LIST_NAMES, ZERO_WIDTH_SPACE, Fingerprint, Item, Note,
                          VoteFp,
                          adoption_date_from, clean_state, is_adopted_at, is_adopted_by, is_operative_number, is_point_label,
                          normalise, parse_vote_note, printed_states, split_states, squash, vote_list_name)

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TITLE_RE = re.compile(r"^(\d+/\d+)\.?\s+(.+)$")
# A note's call is a number or a reference mark; other raised text belongs to the words.
_CALL_RE = re.compile(r"[0-9]+|[*\u2020\u2021\u00a7\u00b6]+")
_NUMBERED_RE = re.compile(r"^(\d+[.-]|\((?:[a-z]{1,3}|[ivxlc]+|\d+)\)|[a-z]{1,3}\)|[ivxlc]+\)|[a-z]\.|[ivxlc]+\.|"
                          r"\([\u0621-\u064a\u0640]{1,4}\)|’\d+‘|[\u0621-\u064a\u0640]{1,4}\.)\t(.*)$", re.DOTALL)


# ---------------------------------------------------------------- shared helpers
# Closing words carry their paragraph's anchor with this after it, so that a note called
# there is placed on them (readers that see anchors: the source, HTML, AKN).
_WRAPUP = "__wrapup"

class _Items:
    """Builds items from a flat run of blocks, keeping the path of labels. Numbered
    paragraphs go to the operative part until ``annex`` is called, then to the annexes."""

    def __init__(self):
        self.items: list = []
        self.path: tuple = ()
        self.section = OPERATIVE
        self.where: tuple = ()     # in an annex: its label, which heads the path of its items

    def preamble(self, text, opening, anchor=""):
        self.items.append(Item(PREAMBLE, "paragraph", "", normalise(text), opening, (), anchor))

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
        if self.section == ANNEX:
            self.text(text, anchor)
            return
        self.items.append(Item(OPERATIVE, "closing", "", normalise(text), None,
                               self.path + ("closing",), anchor))

    def annex(self, label=""):
        """What follows belongs to an annex (named ``label`` on the source side)."""
        self.section, self.where, self.path = ANNEX, ((label,) if label else ()), ()

    def heading(self, text, anchor="", name=""):
        """An annex's label, title or heading; ``name`` says which, on the source side."""
        self.items.append(Item(ANNEX, "heading", "", normalise(text), None,
                               self.where + ((name,) if name else ()), anchor))

    def text(self, text, anchor=""):
        count = sum(1 for i in self.items if i.section == ANNEX and i.kind == "text"
                    and i.path[:1] == self.where[:1]) + 1
        self.items.append(Item(ANNEX, "text", "", normalise(text), None,
                               self.where + ((f"text {count}",) if self.where else ()), anchor))

    def index_of_last(self) -> tuple:
        item = self.items[-1]
        return item.section, sum(1 for i in self.items if i.section == item.section) - 1


def _opening(segments) -> str:
    """The italic words at the start of ``[(text, italic), …]``."""
    out = []
    for text, italic in segments:
        if not text.strip() and not out:
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


# ---------------------------------------------------------------- source model
def from_model(res: Resolution, label: str) -> Fingerprint:
    """The fingerprint every output must match, taken from the numbered model."""
    meta = res.meta
    fp = Fingerprint(label, ALL_FIELDS, meta.symbol, printed_number(meta), normalise(meta.title),
                     meta.adoption_date)
    fp.links = links.model_links(res)
    items = _Items()
    fp.lines = {key: loc.line for key, loc in meta.key_locs.items() if loc is not None}
    for para in res.preamble:
        items.preamble(plain_text(para.inlines), para.opening_phrase, para.eid)
        items.items[-1].italic_run = _model_italic_run(para.inlines)
        _model_breaks(items.items[-1], plain_text(para.inlines), para)
    for para in res.operative:
        _model_operative(items, para)
    for annex in res.annexes:
        items.annex(annex.label)
        items.heading(annex.label, "", "label")     # a label is plain text: it calls no note
        _model_breaks(items.items[-1], annex.label, annex)
        if annex.title:
            items.heading(plain_text(annex.title), annex.eid, "title")
            _model_breaks(items.items[-1], plain_text(annex.title), annex)
        headings = 0
        for block in annex.blocks:
            if isinstance(block, Heading):
                headings += 1
                items.heading(plain_text(block.inlines), block.eid, f"heading {headings}")
            elif isinstance(block, Paragraph):
                items.text(plain_text(block.inlines), block.eid)
            else:
                _model_operative(items, block)
                continue
            _model_breaks(items.items[-1], plain_text(block.inlines), block)
    fp.items = items.items
    if ZERO_WIDTH_SPACE in meta.title:
        fp.title_breaks = normalise(meta.title, keep_breaks=True)
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
            "in favour": printed_states(vote.in_favour, code),
            "against": printed_states(vote.against, code),
            "abstaining": printed_states(vote.abstaining, code)}, {
            "in favour": [normalise(s) for s in vote.in_favour],
            "against": [normalise(s) for s in vote.against],
            "abstaining": [normalise(s) for s in vote.abstaining]})
    else:
        fp.vote = VoteFp("without-vote")
    fp.printed = _model_printed(res)
    pres = present(res)
    fp.title_printed, fp.vote_printed = pres.print_title, pres.print_vote
    return fp


def _model_printed(res: Resolution) -> list:
    """What the tool prints around the text, in print order, in the resolution's language."""
    pres = present(res)
    strings = [(key, getattr(pres, key)) for key in ("united_nations", "distr", "issue_date", "original",
                                                      "language_line", "session_dates", "agenda_item")]
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
    paragraphs = res.operative + [b for annex in res.annexes for b in annex.blocks]
    for item in [*paragraphs, *(s for p in paragraphs for s in walk_subparagraphs(getattr(p, "children", [])))]:
        for node in walk_inlines(getattr(item, "wrapup", None) or []):
            if isinstance(node, NoteRef):
                out[node.number] = item.eid + _WRAPUP
    return out


def _model_operative(items: _Items, para) -> None:
    items.paragraph(para.num, plain_text(para.inlines), _model_opening(para.inlines), para.eid)
    items.items[-1].italic_run = _model_italic_run(para.inlines)
    _model_breaks(items.items[-1], plain_text(para.inlines), para)
    _model_points(items, para.children, 1)
    if para.wrapup:
        items.closing(0, plain_text(para.wrapup), para.eid + _WRAPUP)
        _model_breaks(items.items[-1], plain_text(para.wrapup), para)


def _model_breaks(item: Item, text: str, block=None) -> None:
    """Source-side facts of an item: its zero-width spaces, and the line of ``block``."""
    if block is not None and block.loc is not None:
        item.line = block.loc.line
    if ZERO_WIDTH_SPACE in text:
        item.breaks = normalise(text, keep_breaks=True)


def _model_opening(inlines) -> str:
    first = inlines[0] if inlines else None
    return normalise(plain_text(first.children)) if isinstance(first, Emph) else ""


def _model_italic_run(inlines) -> str:
    """The opening italics run on over spaces: "*Decides* *also*" reads "Decides also"."""
    words = []
    for inline in inlines:
        if isinstance(inline, Emph):
            words.append(plain_text(inline.children))
        elif not plain_text([inline]).strip() and words:
            words.append(" ")
        else:
            break
    return normalise("".join(words))


def _model_points(items: _Items, points, depth):
    for sub in points:
        items.point(sub.label, depth, plain_text(sub.inlines), _model_opening(sub.inlines), sub.eid)
        items.items[-1].italic_run = _model_italic_run(sub.inlines)
        _model_breaks(items.items[-1], plain_text(sub.inlines), sub)
        _model_points(items, sub.children, depth + 1)
        if sub.wrapup:
            items.closing(depth, plain_text(sub.wrapup), sub.eid + _WRAPUP)
            _model_breaks(items.items[-1], plain_text(sub.wrapup), sub)


# ---------------------------------------------------------------- HTML
def _has_class(el, name) -> bool:
    return name in (el.get("class") or "").split()


def _html_segments(el, skip=("permalink", "num", "note-call"), italic=False, out=None):
    """``[(text, italic)]`` of an element, leaving out permalinks, numbers and calls."""
    out = [] if out is None else out
    if el.text:
        out.append((el.text, italic))
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif any(_has_class(child, cls) for cls in skip):
            pass
        elif child.tag == "br":
            out.append(("\n", italic))
        else:
            _html_segments(child, skip, italic or child.tag in ("em", "i"), out)
        if child.tail:
            out.append((child.tail, italic))
    return out


def _html_block(p):
    segs = _html_segments(p)
    num_el = p.find("./span[@class='num']")
    num = normalise(num_el.text_content()) if num_el is not None else ""
    return num, "".join(t for t, _ in segs), _opening(segs)


def _opened(path) -> tuple:
    """A file to read, or the bytes just made (a build reads its outputs before writing
    them): ``(bytes, name for the report)``."""
    if isinstance(path, bytes):
        return path, "<memory>"
    return Path(path).read_bytes(), str(path)


def extract_html(path) -> Fingerprint:
    data, name = _opened(path)
    root = lxml_html.fromstring(data)
    fp = Fingerprint(name)
    fp.links = links.html_links(root)
    body = root.find(".//body")
    fp.printed_text = squash(body.text_content()) if body is not None else ""
    sym = root.find(".//*[@class='symbol']")
    fp.symbol = normalise(sym.text_content()) if sym is not None else None
    h1 = root.find(".//h1")
    if h1 is not None:
        num = h1.find(".//*[@class='number']")
        title = h1.find(".//*[@class='title-text']")
        fp.number = normalise(num.text_content()).rstrip(".") if num is not None else None
        fp.title = normalise(title.text_content()) if title is not None else None
    adopted = root.find(".//*[@class='adopted-by']")
    if adopted is None:
        adopted = root.find(".//*[@class='adopted-at']")
    fp.adoption_date = adoption_date_from(adopted.text_content()) if adopted is not None else None

    items = _Items()
    main = root.find(".//main")
    for p in main.iter("p") if main is not None else ():
        if _has_class(p, "preambular"):
            _num, text, opening = _html_block(p)
            items.preamble(text, opening, p.get("id", ""))
    for div in main.iter("div") if main is not None else ():
        if _has_class(div, "para") and not any(_has_class(a, "annex") for a in div.iterancestors()):
            first = div.find("p")
            num, text, opening = _html_block(first)
            items.paragraph(num, text, opening, div.get("id", ""))
            _html_points(items, div, 1)
    for section in main.iter("section") if main is not None else ():
        if _has_class(section, "annex"):
            _html_annex(items, section)
    fp.items = items.items

    where = _index_by_anchor(fp.items)
    calls = {}
    for sup in root.iter("sup"):
        if not _has_class(sup, "note-call"):
            continue
        link = sup.find(".//a")
        owner = None
        for a in sup.iterancestors():
            if a.tag == "p" and _has_class(a, "wrapup") and a.getparent() is not None:
                owner = (a.getparent().get("id") or "") + _WRAPUP
                break
            if a.get("id") in where:
                owner = a.get("id")
                break
        if link is not None:
            calls[(link.get("href") or "").lstrip("#")] = where.get(owner)
    notes = root.find(".//*[@role='doc-endnotes']")
    for li in notes.iter("li") if notes is not None else ():
        marker = li.find(".//*[@class='marker']")
        texts = li.findall(".//*[@class='note-text']")    # one a paragraph of the note
        fp.notes.append(Note(normalise(marker.text_content()) if marker is not None else "",
                             normalise(" ".join(t.text_content() for t in texts)) if texts else None,
                             calls.get(li.get("id"))))

    note_el = root.find(".//*[@class='vote-note']")
    fp.vote = parse_vote_note(note_el.text_content()) if note_el is not None else None
    if fp.vote is not None and fp.vote.kind == "recorded":
        for block in root.iter("div"):
            if _has_class(block, "vote-list"):
                label = block.find(".//*[@class='vote-label']")
                name = vote_list_name(label.text_content()) if label is not None else None
                if name:
                    fp.vote.lists[name] = split_states("".join(li.text_content() for li in block.iter("li")))
    return fp


def _html_annex(items: _Items, section):
    """An annex's headings, paragraphs and numbered paragraphs, in order."""
    items.annex()
    for child in section:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("h2", "h3"):
            # The title carries no id of its own: a call there is the annex's (its label calls none).
            anchor = "" if _has_class(child, "annex-label") else child.get("id") or section.get("id", "")
            items.heading("".join(t for t, _ in _html_segments(child)), anchor)
        elif child.tag == "p":
            items.text("".join(t for t, _ in _html_segments(child)), child.get("id", ""))
        elif child.tag == "div" and _has_class(child, "para"):
            num, text, opening = _html_block(child.find("p"))
            items.paragraph(num, text, opening, child.get("id", ""))
            _html_points(items, child, 1)


def _html_points(items: _Items, container, depth):
    for ol in container.findall("ol"):
        for li in ol.findall("li"):
            first = li.find("p")
            label, text, opening = _html_block(first)
            items.point(label, depth, text, opening, li.get("id", ""))
            _html_points(items, li, depth + 1)
    for p in container.findall("p"):
        if _has_class(p, "wrapup"):
            items.closing(depth - 1, "".join(t for t, _ in _html_segments(p)), container.get("id", "") + _WRAPUP)


# ---------------------------------------------------------------- Akoma Ntoso
def _q(tag):
    return f"{{{AKN_NS}}}{tag}"


def _akn_segments(el, italic=False, out=None):
    out = [] if out is None else out
    if el.text:
        out.append((el.text, italic))
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == _q("authorialNote"):
            pass
        elif child.tag == _q("eol"):
            out.append(("\n", italic))
        else:
            _akn_segments(child, italic or child.tag == _q("i"), out)
        if child.tail:
            out.append((child.tail, italic))
    return out


def _akn_text(el) -> str:
    return normalise("".join(t for t, _ in _akn_segments(el))) if el is not None else ""


def extract_akn(path) -> Fingerprint:
    data, name = _opened(path)
    root = etree.fromstring(data, safe_parser())
    fp = Fingerprint(name)
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    ns = {"a": AKN_NS}
    fp.links = links.akn_links(root)
    fp.printed_text = "".join(squash("".join(el.itertext())) for part in ("coverPage", "preface", "conclusions")
                              for el in doc.iterfind(f"a:{part}", ns))
    sym = doc.find(".//a:coverPage//a:docNumber", ns)
    fp.symbol = _akn_text(sym) if sym is not None else None
    alias = doc.find(".//a:FRBRWork/a:FRBRalias[@name='symbol']", ns)
    if alias is not None and fp.symbol and alias.get("value") != fp.symbol:
        fp.problems.append(f'metadata symbol "{alias.get("value")}" differs from the cover page\'s "{fp.symbol}"')
    num = doc.find(".//a:preface//a:docNumber", ns)
    fp.number = _akn_text(num).rstrip(".") if num is not None else None
    title = doc.find(".//a:preface//a:docTitle", ns)
    fp.title = _akn_text(title) if title is not None else None
    adopted = doc.find(".//a:coverPage//a:inline[@name='adoptedBy']", ns)
    fp.adoption_date = adoption_date_from(_akn_text(adopted)) if adopted is not None else None

    items = _Items()
    calls = []        # (authorialNote element, owner anchor)
    # The resolution's own body only: an annex (attachments) has a mainBody of its own. In a
    # resolution of several parts the preambular paragraphs are hcontainers inside each part.
    body = doc.find("a:mainBody", ns)
    preambular = list(doc.iterfind("a:preamble/a:container", ns))
    if body is not None:
        preambular += [h for h in body.iterfind("a:part/a:hcontainer", ns) if h.get("name") != "formula"]
    for container in preambular:
        segs = _akn_segments(container)
        items.preamble("".join(t for t, _ in segs), _opening(segs), container.get("eId", ""))
        calls += [(n, container.get("eId")) for n in container.iter(_q("authorialNote"))]
    for para in body.iterfind(".//a:paragraph", ns) if body is not None else ():
        _akn_unit(items, para, 0, calls)
    for attachment in doc.iterfind("a:attachments/a:attachment", ns):
        _akn_annex(items, attachment, calls)
    fp.items = items.items

    # Footnotes called elsewhere (an annex) are the resolution's all the same, called from no item.
    collected = {id(note) for note, _owner in calls}
    calls += [(n, None) for n in doc.iter(_q("authorialNote")) if id(n) not in collected]
    where = _index_by_anchor(fp.items)
    for note, owner in calls:
        body = " ".join(_akn_text(p) for p in note.iterfind("a:p", ns))
        fp.notes.append(Note(note.get("marker", ""), normalise(body), where.get(owner)))
    fp.notes.sort(key=lambda n: (len(n.marker), n.marker))

    outcome = doc.find(".//a:conclusions//a:vote", ns)
    if outcome is None:
        outcome = next((p for p in doc.iterfind(".//a:conclusions/a:p", ns)
                        if _akn_text(p).startswith("[")), None)
    fp.vote = parse_vote_note(_akn_text(outcome)) if outcome is not None else None
    if outcome is None:
        _akn_vote_from_metadata(doc, fp)
    elif fp.vote is not None and fp.vote.kind == "recorded":
        # Each list says which it is (refersTo), in any language; its label is only printed.
        lists = {"#inFavour": "in favour", "#against": "against", "#abstaining": "abstaining"}
        marked = {}
        for p in doc.iterfind(".//a:conclusions/a:p", ns):
            name = lists.get(p.get("refersTo", ""))
            states = [clean_state(_akn_text(o)) for o in p.iter(_q("organization"))]
            if name and states:
                # The list as printed (its words between the States included), as the other formats read it.
                fp.vote.lists[name] = split_states(_akn_text(p))
                marked[name] = states
        _akn_vote_metadata(doc, fp, marked)
    return fp


def _akn_annex(items: _Items, attachment, calls):
    """An annex (an attachment's doc): its label and title (preface), then its headings,
    paragraphs and numbered paragraphs, in order."""
    ns = {"a": AKN_NS}
    items.annex()
    eid = attachment.get("eId", "")
    annex = attachment.find("a:doc", ns)
    if annex is None:
        return
    for p in annex.iterfind("a:preface/a:p", ns):
        # The label (docType) calls no note; a call in the title (docTitle) is the annex's.
        title = p.find("a:docTitle", ns) is not None
        items.heading(_akn_text(p), eid if title else "")
        calls += [(n, eid if title else None) for n in p.iter(_q("authorialNote"))]
    body = annex.find("a:mainBody", ns)
    for child in body if body is not None else ():
        if child.tag == _q("hcontainer"):
            items.heading(_akn_text(child.find("a:heading", ns)), child.get("eId", ""))
        elif child.tag == _q("p"):
            items.text(_akn_text(child), child.get("eId", ""))
        elif child.tag == _q("paragraph"):
            _akn_unit(items, child, 0, calls)
            continue
        else:
            continue
        calls += [(n, child.get("eId")) for n in child.iter(_q("authorialNote"))]


def _akn_unit(items: _Items, el, depth, calls):
    """A <paragraph> (depth 0) or <point>: its number, intro/content, points, wrap-up."""
    ns = {"a": AKN_NS}
    num = _akn_text(el.find("a:num", ns))
    lst = el.find("a:list", ns)
    holder = el.find("a:content", ns) if lst is None else lst.find("a:intro", ns)
    segs = _akn_segments(holder) if holder is not None else []
    text, opening = "".join(t for t, _ in segs), _opening(segs)
    if depth == 0:
        items.paragraph(num, text, opening, el.get("eId", ""))
    else:
        items.point(num, depth, text, opening, el.get("eId", ""))
    if holder is not None:
        calls += [(n, el.get("eId")) for n in holder.iter(_q("authorialNote"))]
    if lst is not None:
        for point in lst.iterfind("a:point", ns):
            _akn_unit(items, point, depth + 1, calls)
        wrap = lst.find("a:wrapUp", ns)
        if wrap is not None:
            items.closing(depth, "".join(t for t, _ in _akn_segments(wrap)), el.get("eId", "") + _WRAPUP)
            calls += [(n, el.get("eId", "") + _WRAPUP) for n in wrap.iter(_q("authorialNote"))]


def _akn_vote_from_metadata(doc, fp: Fingerprint):
    """An organ that prints no vote (the Assembly, the Security Council) keeps it in the
    <voting> metadata only: its kind, and each list's count and States."""
    ns = {"a": AKN_NS}
    voting = doc.find(".//a:analysis//a:voting", ns)
    if voting is None:
        return
    fp.vote_from_metadata = True
    if voting.get("refersTo") == "#withoutVote":
        fp.vote = VoteFp("without-vote")
        return
    refers = {"#inFavour": "in favour", "#against": "against", "#abstaining": "abstaining"}
    totals, lists = {}, {}
    for count in voting.iterfind("a:count", ns):
        name = refers.get(count.get("refersTo"))
        if name:
            totals[name] = int(count.get("value") or 0)
            lists[name] = [normalise(o.text or "") for o in count.iter(_q("organization"))]
            if len(lists[name]) != totals[name]:
                fp.problems.append(f"metadata {name} count {totals[name]} where it lists {len(lists[name])} States")
    fp.vote = VoteFp("recorded", tuple(totals.get(n, 0) for n in VOTE_LIST_NAMES), lists)

def _akn_vote_metadata(doc, fp: Fingerprint, marked: dict):
    """The <voting> metadata is a second copy of the vote: it must match the States the text
    marks (``marked``: list name -> each organization's name)."""
    ns = {"a": AKN_NS}
    refers = {"#inFavour": "in favour", "#against": "against", "#abstaining": "abstaining"}
    for count in doc.iterfind(".//a:analysis//a:voting/a:count", ns):
        name = refers.get(count.get("refersTo"))
        if not name:
            continue
        total = fp.vote.totals[("in favour", "against", "abstaining").index(name)]
        if count.get("value") != str(total):
            fp.problems.append(f'metadata {name} count {count.get("value")} where the text says {total}')
        voters = [normalise(o.text or "").upper() for o in count.iter(_q("organization"))]
        listed = [s.upper() for s in marked.get(name, [])]
        if voters and voters != listed:
            fp.problems.append(f"metadata {name} voters differ from the States in the text")


# ---------------------------------------------------------------- DOCX
def _docx_segments(p_el):
    """``[(text, italic, call_id)]`` of a w:p, in reading order."""
    out = []
    for r in p_el.iter(f"{{{W_NS}}}r"):
        rpr = r.find(f"{{{W_NS}}}rPr")
        italic = False
        if rpr is not None:
            i = rpr.find(f"{{{W_NS}}}i")
            italic = i is not None and i.get(f"{{{W_NS}}}val", "true") not in ("0", "false")
        for child in r:
            tag = etree.QName(child).localname
            if tag == "t":
                out.append((child.text or "", italic, None))
            elif tag == "tab":
                out.append(("\t", italic, None))
            elif tag in ("br", "cr"):
                out.append(("\n", italic, None))
            elif tag == "footnoteReference":
                out.append(("", False, child.get(f"{{{W_NS}}}id")))
    return out


def extract_docx(path) -> Fingerprint:
    import docx   # python-docx is slow to import; only the DOCX reader needs it

    data, name = _opened(path)
    fp = Fingerprint(name)
    document = docx.Document(io.BytesIO(data))
    fp.links = links.docx_links(data)
    fp.printed_text = squash(" ".join(c.text for t in document.tables[:1] for row in t.rows for c in row.cells)
                             + " ".join(p.text for p in document.paragraphs))
    if document.tables:
        first_row = document.tables[0].rows[0].cells
        fp.symbol = normalise(first_row[-1].text)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        notes_xml = zf.read("word/footnotes.xml") if "word/footnotes.xml" in names else None
    note_text = {}
    if notes_xml is not None:
        for fn in etree.fromstring(notes_xml, safe_parser()).iter(f"{{{W_NS}}}footnote"):
            if fn.get(f"{{{W_NS}}}type") in (None, "normal"):
                note_text[fn.get(f"{{{W_NS}}}id")] = normalise(
                    " ".join("".join(t for t, _, _ in _docx_segments(p))
                             for p in fn.iter(f"{{{W_NS}}}p")))

    items = _Items()
    state = "front"
    calls = []          # (footnote id, (section, index))
    current_list = None
    for para in document.paragraphs:
        style = para.style.name if para.style is not None else ""
        segs = _docx_segments(para._p)
        text = "".join(t for t, _, _ in segs)
        flat = normalise(text)
        if not flat and not any(c for _, _, c in segs):
            continue
        if state == "front":
            # The adoption line has its own style; its words may be a UN file's own (`printed:`).
            if is_adopted_by(flat) or style.startswith("HChG") or style.startswith("AdoptedAt"):
                fp.adoption_date = adoption_date_from(flat) or fp.adoption_date
            if style.startswith("AdoptedAt"):
                state = "preamble"      # the Security Council's page-one lines end here: no title
            match = _TITLE_RE.match(flat)
            if match and "\t" in text:
                fp.number, fp.title = match.group(1), normalise(match.group(2))
                state = "preamble"
            continue
        # The file says what a paragraph is by its style: a formula (FormulaG), a part's
        # heading (H1G), the meeting line that opens the adoption (MeetingG).
        if style.startswith("FormulaG") and state in ("preamble", "operative"):
            calls += [(c, None) for _, _, c in segs if c]
            continue
        if style.startswith("H1G") and state in ("preamble", "operative", "adoption"):
            # A part opens with its own preamble (the Assembly's, after the closing lines of the
            # part before; an annex opens with its label, AnnexG).
            state = "preamble"
            calls += [(c, None) for _, _, c in segs if c]
            continue
        if style.startswith("Meeting") and state in ("preamble", "operative"):
            state = "adoption"
            continue
        if state == "adoption" and flat.startswith("["):
            fp.vote = parse_vote_note(flat)
            state = "vote"
            continue
        # An annex opens with its label (AnnexG); its title and headings are headings (H…G).
        if style.startswith("Annex") or (state == "annex" and style.startswith("H")):
            if state != "annex":
                state = "annex"
                items.annex()
            items.heading(text)
            calls += [(c, items.index_of_last()) for _, _, c in segs if c]
            continue
        if state == "vote":
            name = vote_list_name(flat)
            if name:
                current_list = name
            elif current_list and fp.vote is not None:
                fp.vote.lists[current_list] = split_states(flat)
                current_list = None
            continue
        if state == "adoption":
            continue
        numbered = _NUMBERED_RE.match(text.lstrip())
        body_segs = [(t, i) for t, i, _ in segs]
        if numbered:
            head = numbered.group(1)
            body_segs = _drop_prefix(body_segs, text.find("\t") + 1)
            rest = numbered.group(2)
            depth = _docx_depth(style)
            if is_operative_number(head) and depth == 0:
                state = "annex" if state == "annex" else "operative"
                items.paragraph(head, rest, _opening(body_segs))
            elif state in ("operative", "annex") and is_point_label(head):
                items.point(head, max(depth, 1), rest, _opening(body_segs))
            elif state == "annex":
                items.text(text)
            else:
                items.preamble(text, _opening(body_segs))
        elif state in ("operative", "annex"):
            items.closing(_docx_depth(style), text)
        else:
            items.preamble(text, _opening(body_segs))
        calls += [(c, items.index_of_last()) for _, _, c in segs if c]
    fp.items = items.items
    # Word numbers footnotes itself, in the order of their references.
    for n, (note_id, owner) in enumerate(calls, start=1):
        fp.notes.append(Note(str(n), note_text.get(note_id), owner))
    return fp


def _drop_prefix(segments, count):
    out = []
    for text, italic in segments:
        if count >= len(text):
            count -= len(text)
            continue
        out.append((text[count:], italic))
        count = 0
    return out


def _docx_depth(style: str) -> int:
    """Sub-paragraph styles of the UN template end in their level: 'SingleTxtG Sub2'."""
    match = re.search(r"Sub\s*(\d+)$", style)
    return int(match.group(1)) if match else 0


# ---------------------------------------------------------------- PDF
# The UN page: the running header and the folio print in the margins, outside
# the text block; the first page's masthead fills the top of the page, and its
# footer (the job number, its barcode, the recycling mark, the QR code) fills the
# bottom margin. A line of the text block, footnotes included, has its baseline
# above the bottom margin (37.5 mm, 106.3 pt); anything with its baseline below
# that is page furniture.
HEADER_BAND = 76.0       # points from the top of the page
FOOTER_BAND = 104.0      # points from the bottom of the page
MASTHEAD_BAND = 130.0    # points from the top of the first page


class _Frag:
    __slots__ = ("page", "x", "y", "size", "italic", "bold", "text", "order", "right", "heading")

    def __init__(self, page, x, y, size, font, text, order, right=None, heading=None):
        self.page, self.x, self.y, self.size, self.text, self.order = page, x, y, size, text, order
        self.right = x if right is None else right
        font = font or ""
        self.italic = "Italic" in font or "Oblique" in font
        self.bold = "Bold" in font
        # Tagged as (inside) a heading, H … H6; None when the page is not tagged.
        self.heading = heading


_HEADING_TAGS = {"H", "H1", "H2", "H3", "H4", "H5", "H6"}


def _heading_mcids(pdfium_c, pdf_raw, page_raw, ctypes) -> set | None:
    """The marked-content ids of the page's text tagged as a heading (in the PDF's structure
    tree), or None when the page has no tags. A heading is what the file says it is, not
    whatever happens to be set in bold."""
    tree = pdfium_c.FPDF_StructTree_GetForPage(page_raw)
    if not tree:
        return None
    buffer = ctypes.create_string_buffer(64)
    found, any_tag = set(), False

    def visit(elem, heading):
        nonlocal any_tag
        length = pdfium_c.FPDF_StructElement_GetType(elem, buffer, len(buffer))
        kind = bytes(buffer.raw[:max(0, length - 2)]).decode("utf-16-le", "replace") if length else ""
        heading = heading or kind in _HEADING_TAGS
        for i in range(pdfium_c.FPDF_StructElement_GetMarkedContentIdCount(elem)):
            any_tag = True
            if heading:
                found.add(pdfium_c.FPDF_StructElement_GetMarkedContentIdAtIndex(elem, i))
        for i in range(pdfium_c.FPDF_StructElement_CountChildren(elem)):
            child = pdfium_c.FPDF_StructElement_GetChildAtIndex(elem, i)
            if child:
                visit(child, heading)

    try:
        for i in range(pdfium_c.FPDF_StructTree_CountChildren(tree)):
            elem = pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i)
            if elem:
                visit(elem, False)
    finally:
        pdfium_c.FPDF_StructTree_Close(tree)
    return found if any_tag else None


def _pdf_fragments(path):
    """Every text object of every page, in content order, with its baseline origin,
    its size on the page and its font's name, as PDFium (the PDF engine of
    Chromium) reads them."""
    import ctypes

    import pypdfium2 as pdfium   # imported here: only this reader needs it
    import pypdfium2.raw as pdfium_c

    frags, heights, widths = [], [], []
    name = ctypes.create_string_buffer(256)
    size = ctypes.c_float()
    fonts: dict = {}
    pdf = pdfium.PdfDocument(path if isinstance(path, bytes) else str(path))
    try:
        for page_no in range(len(pdf)):
            page = pdf[page_no]
            textpage = page.get_textpage()
            try:
                _left, _bottom, page_right, page_top = page.get_mediabox()
                heights.append(page_top)
                widths.append(page_right)
                headings = _heading_mcids(pdfium_c, pdf.raw, page.raw, ctypes)
                # Text inside form XObjects is positioned relative to the form: read the page's own.
                for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=0):
                    raw = obj.raw
                    length = pdfium_c.FPDFTextObj_GetText(raw, textpage.raw, None, 0)
                    if length <= 2:
                        continue
                    buffer = (ctypes.c_ushort * (length // 2))()
                    pdfium_c.FPDFTextObj_GetText(raw, textpage.raw, buffer, length)
                    text = bytes(buffer).decode("utf-16-le", "replace").split("\0", 1)[0]
                    # PDFium reports a hyphen that ends a line as U+0002; the glyph drawn is "-".
                    text = text.replace("\x02", "-")
                    if not text or text == "\n":
                        continue
                    a, b, c, d, e, f = obj.get_matrix().get()
                    if not pdfium_c.FPDFTextObj_GetFontSize(raw, ctypes.byref(size)):
                        continue
                    font = pdfium_c.FPDFTextObj_GetFont(raw)
                    key = ctypes.cast(font, ctypes.c_void_p).value
                    base = fonts.get(key)
                    if base is None:
                        got = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
                        base = fonts[key] = name.value.decode("latin-1") if got else ""
                    scale = (abs(d) + abs(a)) / 2
                    right = obj.get_bounds()[2]
                    heading = None if headings is None else (
                        pdfium_c.FPDFPageObj_GetMarkedContentID(raw) in headings)
                    frags.append(_Frag(page_no, e, f, size.value * scale, base, text, len(frags), right,
                                       heading))
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    return frags, heights, widths


class _Line:
    def __init__(self, frag):
        self.page, self.y, self.frags = frag.page, frag.y, [frag]
        self.calls: list = []      # the footnote calls set above this line

    @property
    def x(self):
        return next((f.x for f in self.frags if f.text.strip()), self.frags[0].x)

    @property
    def text(self):
        return "".join(t for t, _italic in _line_segments(self))

    @property
    def bold(self):
        return all(f.bold for f in self.frags if f.text.strip())

    @property
    def heading(self):
        """Tagged as a heading; in a PDF without tags, set all in bold."""
        words = [f for f in self.frags if f.text.strip()]
        if any(f.heading is None for f in words):
            return self.bold
        return all(f.heading for f in words)


def extract_pdf(path) -> Fingerprint:
    # A line break after a hyphen, slash or full stop hides whether a space stood there
    # ("burden- and", "Secretary-General", "1/CP.21" all break the same way), so the PDF's
    # texts are compared without the spaces after those characters.
    fp = Fingerprint("<memory>" if isinstance(path, bytes) else str(path), ALL_FIELDS - {"spacing"})
    fp.links, fp.links_as_set = links.pdf_links(path), True
    frags, heights, widths = _pdf_fragments(path)
    visible = [f for f in frags if f.text.strip()]
    if not visible:
        fp.problems.append("no text could be read")
        return fp
    fp.printed_text = squash("".join(f.text for f in frags))
    # The body size is the size most of the text is set in.
    sizes = Counter()
    for f in visible:
        sizes[round(f.size, 1)] += len(f.text)
    body = sizes.most_common(1)[0][0]

    masthead, headers, footers, body_frags, small = [], [], [], [], []
    for f in frags:
        top = heights[f.page] - f.y
        if f.page == 0 and top < MASTHEAD_BAND:
            masthead.append(f)
        elif f.y < FOOTER_BAND:
            # The first page's footer is not compared: what it holds besides the job
            # number (a barcode's digits, a mark's caption) is no part of the text.
            if f.page > 0:
                footers.append(f)
        elif top < HEADER_BAND:
            headers.append(f)
        elif f.size < 0.95 * body and f.text.strip():
            small.append(f)
        else:
            body_frags.append(f)

    fp.symbol = _pdf_symbol(masthead, widths[0] / 2)
    for f in headers:
        text = normalise(f.text)
        if text and fp.symbol and text != fp.symbol:
            fp.problems.append(f'running header on page {f.page + 1} reads "{text}" '
                               f'where the masthead has "{fp.symbol}"')
    for f in footers:
        text = normalise(f.text)
        if text and text != str(f.page + 1):
            fp.problems.append(f'page number on page {f.page + 1} reads "{text}"')

    lines = _pdf_lines(body_frags, body)
    if not lines:
        fp.problems.append("no body text could be read")
        return fp
    left = _text_block_left(lines, body)
    lowest = {}
    for ln in lines:
        if abs(_line_size(ln) - body) < 0.5:
            lowest[ln.page] = min(lowest.get(ln.page, ln.y), ln.y)
    note_frags, in_text = [], []
    for f in small:
        (note_frags if f.y < lowest.get(f.page, 0) - 0.5 * body else in_text).append(f)
    # A note's marker stands left of the text block, at the page's foot.
    printed = {(f.page, f.text.strip()) for f in note_frags if f.x < left - 1.0 and f.text.strip()}
    candidates, inline = {}, []
    for f in in_text:
        # Small raised text is a call when a note of that marker is printed on its page;
        # otherwise it is a superscript or subscript of the words ("1er", "m3", "H2O").
        raised = any(ln.page == f.page and 0.5 < f.y - ln.y < 0.8 * body for ln in lines)
        if raised and _CALL_RE.fullmatch(f.text.strip()) and (f.page, f.text.strip()) in printed:
            candidates.setdefault((f.page, f.text.strip()), []).append(f)
        else:
            inline.append(f)
    calls = []
    for found in candidates.values():
        # A note is called once: of two raised numbers that match it on its page ("m^2^" and
        # the call of note 2), the call is set smaller; the other is a superscript.
        smallest = min(round(f.size, 1) for f in found)
        for f in found:
            (calls if round(f.size, 1) == smallest else inline).append(f)
    call_at = _attach_calls(calls, lines, body)
    _attach_inline(inline, lines, body)
    blocks = _pdf_blocks(lines, left, body)
    _pdf_structure(fp, blocks, left, call_at, _pdf_notes(note_frags, left), widths[0] / 2)
    return fp


def _text_block_left(lines, body) -> float:
    """The left edge of the text block. The title's number hangs in the margin
    and its text starts at that edge; without a title, the most common start
    of a line of body text."""
    for ln in lines:
        words = [f for f in ln.frags if f.text.strip()]
        if ln.bold and len(words) > 1 and _TITLE_RE.match(normalise(ln.text)):
            return round(words[1].x, 1)
    return Counter(round(ln.x, 1) for ln in lines
                   if abs(_line_size(ln) - body) < 0.5).most_common(1)[0][0]


def _line_size(line) -> float:
    sizes = Counter(round(f.size, 1) for f in line.frags if f.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _pdf_symbol(masthead, width_mid):
    """The symbol is the masthead's right-hand text on the first page."""
    if not masthead:
        return None
    top = max(f.y for f in masthead)
    right = [f for f in masthead if f.x > width_mid and f.text.strip() and top - f.y < 12]
    right.sort(key=lambda f: f.x)
    return normalise("".join(f.text for f in right)) or None


def _pdf_lines(frags, body):
    """Fragments on the same baseline of the same page, top to bottom."""
    lines: list = []
    by_key: dict = {}
    for f in frags:
        key = (f.page, round(f.y * 2) / 2)
        line = by_key.get(key)
        if line is None:
            line = by_key[key] = _Line(f)
            lines.append(line)
        else:
            line.frags.append(f)
    lines = [ln for ln in lines if ln.text.strip()]
    lines.sort(key=lambda ln: (ln.page, -ln.y))
    return lines


def _attach_calls(calls, lines, body):
    """A raised small number belongs to the line whose baseline is just below it."""
    out = {}   # id(line) -> [marker, …]
    for f in calls:
        best = None
        for ln in lines:
            if ln.page == f.page and 0 <= f.y - ln.y < 0.8 * body:
                if best is None or ln.y > best.y:
                    best = ln
        if best is not None:
            out.setdefault(id(best), []).append(normalise(f.text))
            best.calls.append(f)
    return out


def _attach_inline(frags, lines, body):
    """Small text set above or below a line's baseline (not a note's call) reads as part of
    that line, at its place from the left."""
    for f in frags:
        near = [ln for ln in lines if ln.page == f.page and -0.5 * body < f.y - ln.y < 0.8 * body]
        if near:
            line = min(near, key=lambda ln: abs(f.y - ln.y))
            at = next((i for i, g in enumerate(line.frags) if g.x > f.x), len(line.frags))
            line.frags.insert(at, f)


_PART_LABEL_RE = re.compile(r"[A-Z]")


def _pdf_blocks(lines, left, body):
    """Paragraph blocks: a new block starts at an indented or outdented line,
    after extra space between lines, or where a heading starts or ends (in a PDF without
    tags, where the weight of the type changes: a paragraph may have bold words)."""
    blocks: list = []
    prev = None
    for ln in lines:
        # A line may open with a no-break space, which prints nothing: its start is then a
        # little right of the text block's edge (or at a footnote call set first).
        start = min([ln.x] + [c.x for c in ln.calls])
        tagged = all(f.heading is not None for f in ln.frags)
        new = (prev is None or abs(start - left) > max(1.0, 0.3 * body)
               or (ln.bold != prev.bold and not tagged) or ln.heading != prev.heading
               # Lines of a paragraph are set about 1.2 times their size apart;
               # paragraphs have extra space between them.
               or (ln.page == prev.page
                   and prev.y - ln.y > 1.5 * max(_line_size(ln), _line_size(prev))))
        if new:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
        prev = ln
    return blocks


# WeasyPrint prints U+2010 where it breaks a word at a soft hyphen: the word is whole.
SOFT_BREAK = "\u2010"


def _join_lines(texts) -> str:
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith(SOFT_BREAK):
            out = out[:-1] + text
        elif out.endswith("-"):
            out += text          # the text sets hyphens by hand; a line-end hyphen is kept
        else:
            out += " " + text
    return out


def _gap_reads_as_space(prev, f) -> bool:
    """A gap between two pieces of text with no space glyph at it (WeasyPrint draws none
    for a space after a superscript) that a reader of the page takes for a space."""
    return (f.text[:1] != " " and not prev.text.endswith(" ")
            and f.x - prev.right > 0.2 * max(f.size, prev.size))


def _line_segments(line):
    """``[(text, italic), …]`` of one line. A space that is only a gap between two pieces
    of text (WeasyPrint draws no glyph for a space after a superscript, say) is read as
    a space, as any reader of the page would; the gap a footnote call fills is not one."""
    segs, prev = [], None
    for f in line.frags:
        if (prev is not None and _gap_reads_as_space(prev, f)
                # (an italic word's last letter may reach over the start of its call)
                and not any(prev.x < c.x and c.right <= f.x + 1 for c in line.calls)):
            segs.append((" ", False))
        segs.append((f.text, f.italic))
        prev = f
    return segs


def _block_segments(block):
    segs = []
    for n, ln in enumerate(block):
        if n:
            if segs and segs[-1][0].endswith(SOFT_BREAK):
                segs[-1] = (segs[-1][0][:-1], segs[-1][1])
            else:
                segs.append((" " if not segs or not segs[-1][0].endswith("-") else "", False))
        line = _line_segments(ln)
        if line:
            line[0] = (line[0][0].lstrip(), line[0][1]) if n else line[0]
        segs.extend(line)
    return segs


def _pdf_notes(frags, left):
    """Footnotes at the page foot: a marker set left of the text block opens each.

    Smaller text set above or below a line of a note (a superscript, the 2 of
    "H2O") reads as part of that line, at its place from the left."""
    sizes = Counter()
    for f in frags:
        sizes[round(f.size, 1)] += len(f.text.strip())
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    lines: dict = {}        # (page, baseline) -> fragments
    small = []
    for f in frags:
        if f.size < 0.95 * size and f.text.strip():
            small.append(f)
        else:
            lines.setdefault((f.page, round(f.y)), []).append(f)
    for f in small:
        near = [key for key, line in lines.items() if key[0] == f.page
                and any(g.x >= left - 1.0 for g in line) and -0.5 * size < f.y - key[1] < 0.8 * size]
        key = min(near, key=lambda k: abs(f.y - k[1])) if near else (f.page, round(f.y))
        lines.setdefault(key, []).append(f)
    notes: list = []
    for key in sorted(lines, key=lambda k: (k[0], -k[1])):
        text, prev = "", None
        for f in sorted(lines[key], key=lambda g: g.x):
            if f.x < left - 1.0 and f.text.strip():
                notes.append([f.text.strip(), []])
                continue
            if prev is not None and _gap_reads_as_space(prev, f):
                text += " "
            text += f.text
            prev = f
        if notes and text:
            notes[-1][1].append(text)
    return [(marker, normalise(_join_lines(parts))) for marker, parts in notes]


def _pdf_structure(fp: Fingerprint, blocks, left, call_at, notes, mid):
    items = _Items()
    state = "front"
    called = {}
    current = None
    vote_text: dict = {}
    indent = None
    after_heading = False
    heading_end = None       # in an annex: the last line of the heading just read

    def record_calls(block):
        for ln in block:
            for marker in call_at.get(id(ln), []):
                called.setdefault(marker, items.index_of_last())

    for block in blocks:
        text = normalise(_join_lines(ln.text for ln in block))
        first = next(f for f in block[0].frags if f.text.strip())
        if state == "front":
            if block[0].bold and is_adopted_by(text):
                fp.adoption_date = adoption_date_from(text)
            if is_adopted_at(text):     # the Security Council's page one ends here: no title
                fp.adoption_date = adoption_date_from(text)
                state, after_heading = "preamble", True
                continue
            match = _TITLE_RE.match(text)
            if block[0].bold and match:
                fp.number, fp.title = match.group(1), normalise(match.group(2))
                state, after_heading = "preamble", True
            continue
        # A part's heading (A, B … and its title) opens the part's own preamble.
        if block[0].heading and state in ("preamble", "operative"):
            after_heading = True
            state = "preamble"
            continue
        if after_heading:
            # The first block after the title or a part's heading is the formula when it
            # is set as one: all in italics, with nothing after but its comma.
            after_heading = False
            if _is_formula(_block_segments(block)) or _is_bold_formula(block):
                continue
        if text.startswith("[") and state == "adoption":     # the note under the meeting line
            fp.vote = parse_vote_note(text)
            state = "closed" if "]" in text else "vote"
            continue
        if state == "adoption" and block[0].heading and _PART_LABEL_RE.fullmatch(text):
            # The Assembly closes each part with the meeting lines: the next part's letter
            # opens its preamble, as a part's heading does.
            state, after_heading = "preamble", True
            continue
        if state in ("closed", "annex", "adoption") and block[0].heading:
            # After the adoption note's "]" (or the meeting lines, where the organ prints no
            # note), the annexes: each opens with its label, then its title and headings, all
            # tagged as headings. A centred heading's every line starts a block of its own;
            # lines set close together are one heading.
            if (state == "annex" and heading_end is not None and heading_end.page == block[0].page
                    and heading_end.y - block[0].y <= 1.5 * _line_size(block[0])):
                items.items[-1].text = normalise(items.items[-1].text + " " + text)
            else:
                if state in ("closed", "adoption"):
                    state = "annex"
                    items.annex()
                items.heading(text)
            heading_end = block[-1]
            record_calls(block)
            continue
        heading_end = None
        if state == "closed":
            continue
        if state == "vote":
            name = vote_list_name(text) if all(f.italic for f in block[0].frags if f.text.strip()) else None
            if name:
                current = name
                vote_text[name] = []
            elif current:
                joined = _join_lines(ln.text for ln in block)
                if "]" in joined:
                    joined = joined[:joined.index("]") + 1]
                    state = "closed"
                vote_text[current].append(joined)
            continue
        if state == "adoption":
            continue
        if block[0].x > mid:             # right-aligned: the meeting and its date
            state = "adoption"
            continue
        segs = _block_segments(block)
        head = first.text.strip()
        # A number or label is set in a box of its own, the text starting a step after it:
        # "2. In witness" typed in a paragraph's text is words, not a number.
        if not _set_apart(block[0], first):
            head = ""
        numbered = state in ("operative", "annex")
        if is_operative_number(head) and state in ("operative", "preamble", "annex"):
            state = "annex" if state == "annex" else "operative"
            indent = first.x
            rest = _drop_first(segs, first)
            items.paragraph(head, "".join(t for t, _ in rest), _opening(rest))
        elif numbered and indent is not None and is_point_label(head) and first.x > left + 1.0:
            step = (indent - left) if indent and indent > left else 28.35
            depth = max(1, round((first.x - indent) / step))
            rest = _drop_first(segs, first)
            items.point(head, depth, "".join(t for t, _ in rest), _opening(rest))
        elif numbered:
            step = (indent - left) if indent and indent > left else 28.35
            depth = max(0, round((first.x - left) / step))
            items.closing(depth, text)
        else:
            items.preamble("".join(t for t, _ in segs), _opening(segs))
        record_calls(block)
    fp.items = items.items
    seen = set()
    for marker, body in notes:
        fp.notes.append(Note(marker, body, called.get(marker)))
        seen.add(marker)
    for marker, owner in called.items():
        if marker not in seen:
            fp.notes.append(Note(marker, None, owner))
    if fp.vote is not None and fp.vote.kind == "recorded":
        for name, parts in vote_text.items():
            fp.vote.lists[name] = split_states(" ".join(parts))


# The box a paragraph's number or a sub-paragraph's label is set in (print.css: .num) is at
# least 10 mm wide; a space after typed words is a few points.
_NUM_BOX = 10 / 25.4 * 72


def _set_apart(line, first) -> bool:
    """Whether the text after ``first`` on its line starts a number's box further on."""
    after = [f for f in line.frags if f.x > first.x and f is not first and f.text.strip()]
    return not after or min(f.x for f in after) - first.x >= 0.8 * _NUM_BOX


# What may follow a formula's italics (see model.is_formula): its comma or colon.
_FORMULA_END = set(" ,:\u060c\uff0c\uff1a")


def _is_formula(segs) -> bool:
    """Italics, then at most a comma or colon: how a formula prints. Print cannot show
    where one italic run ends and the next begins, so "*a* *b*," reads as one run."""
    text = normalise("".join(t for t, _ in segs))
    italic = _opening(segs)
    return bool(italic) and text.startswith(italic) and set(text[len(italic):]) <= _FORMULA_END


def _is_bold_formula(block) -> bool:
    """A formula set in bold (as Chinese sets it, see model.is_formula): bold words, then at
    most a comma or colon; a preambular paragraph's bold opening has its text after it."""
    frags = [f for ln in block for f in ln.frags if f.text.strip()]
    lead = []
    for f in frags:
        if not f.bold:
            break
        lead.append(f.text)
    text = normalise("".join(f.text for f in frags))
    bold = normalise("".join(lead))
    return bool(bold) and text.startswith(bold) and set(text[len(bold):]) <= _FORMULA_END


def _drop_first(segs, frag):
    """The segments after the number or label fragment (and the space after it)."""
    out, dropped = [], False
    for text, italic in segs:
        if not dropped and text.strip() == frag.text.strip():
            dropped = True
            continue
        out.append((text, italic))
    return out


# ---------------------------------------------------------------- the table
EXTRACTORS = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "html": extract_html,
    "akn": extract_akn,
}
