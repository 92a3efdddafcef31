"""The Akoma Ntoso reader: the fingerprint of a built AKN file, from its markup."""
from __future__ import annotations

from lxml import etree

from ...model.state_names import capitals
from ...xmlsafe import safe_parser
from .. import links
from ..fingerprint import (VOTE_LIST_NAMES, Fingerprint, Note, VoteFp, adoption_date_from, clean_state,
                           normalise, parse_vote_note, read_list, squash)
from . import akn_meta
from .common import AKN_NS, _Items, _WRAPUP, _index_by_anchor, _opening
from .html import _opened


# ---------------------------------------------------------------- Akoma Ntoso
_UNRES = "{urn:unres:source}"


def _q(tag):
    return f"{{{AKN_NS}}}{tag}"


def _akn_segments(el, italic=False, out=None):
    out = [] if out is None else out
    if el.text:
        out.append((el.text, italic))
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == _q("authorialNote") or _note_bracket(child):
            pass
        elif child.tag == _q("eol"):
            out.append(("\n", italic))
        elif child.tag in (_q("table"), _q("tblock")) or (child.tag == _q("p") and child.get("class") == "note"):
            pass                # what a paragraph prints under its words is read block by block
        else:
            _akn_segments(child, italic or child.tag == _q("i"), out)
        if child.tail:
            out.append((child.tail, italic))
    return out


def _note_bracket(el) -> bool:
    """A raised bracket touching a footnote call: part of the call's printed marker ("(1)" in
    Arabic, with @marker the number alone), not of the paragraph's text."""
    if el.tag != _q("sup") or len(el) or not el.text or any(ch.isalnum() for ch in el.text):
        return False
    before, after = el.getprevious(), el.getnext()
    return ((not el.tail and after is not None and after.tag == _q("authorialNote"))
            or (before is not None and before.tag == _q("authorialNote") and not before.tail))


def _printed_marker(note) -> str:
    """The note's marker as printed: @marker with the raised brackets beside the call."""
    before, after = note.getprevious(), note.getnext()
    opening = before.text if before is not None and not before.tail and _note_bracket(before) else ""
    closing = after.text if after is not None and not note.tail and _note_bracket(after) else ""
    return opening + note.get("marker", "") + closing


def _akn_text(el) -> str:
    return normalise("".join(t for t, _ in _akn_segments(el))) if el is not None else ""


def extract_akn(path) -> Fingerprint:
    data, name = _opened(path)
    root = etree.fromstring(data, safe_parser())
    fp = Fingerprint(name)
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    ns = {"a": AKN_NS}
    fp.links = links.akn_links(root)
    fp.metadata, problems = akn_meta.read(root, doc, ns)
    fp.problems += problems
    # A resolution in parts is a collection whose components are the parts' statements.
    statements = [doc] + root.xpath("a:components/a:component/a:statement", namespaces=ns)
    fp.printed_text = "".join(squash("".join(el.itertext())) for st in statements
                              for part in ("coverPage", "preface", "conclusions") for el in st.iterfind(f"a:{part}", ns))
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
    if adopted is None:     # the Security Council's line, as the UN marks it up
        adopted = doc.find(".//a:coverPage//a:docTitle[@refersTo='#adoption']", ns)
    fp.adoption_date = adoption_date_from(_akn_text(adopted)) if adopted is not None else None

    items = _Items()
    calls = []        # (authorialNote element, owner anchor)
    # The resolution's own body only: an annex (attachments) has a mainBody of its own. In a
    # resolution of several parts the preambular paragraphs are hcontainers inside each part.
    for st in statements:
        for formula in st.iterfind("a:preamble/a:formula", ns):
            fp.formulas.append(_akn_text(formula))
        for container in st.iterfind("a:preamble/a:container", ns):
            # Its words, then the items of the list they introduce, if any.
            points = container.findall("a:blockList/a:item", ns)
            own = container.find("a:p", ns) if points else container
            segs = _akn_segments(own)
            items.preamble("".join(t for t, _ in segs), _opening(segs), container.get("eId", ""))
            calls += [(n, container.get("eId")) for n in own.iter(_q("authorialNote"))]
            for item in points:
                segs = _akn_segments(item.find("a:p", ns))
                items.preamble_point(_akn_text(item.find("a:num", ns)), "".join(t for t, _ in segs),
                                     _opening(segs), item.get("eId", ""))
                calls += [(n, item.get("eId")) for n in item.iter(_q("authorialNote"))]
        for section in st.iterfind("a:mainBody/a:section", ns):
            _akn_section_preamble(items, section, calls)
    for para in (p for st in statements for body in st.iterfind("a:mainBody", ns)
                 for p in body.xpath(".//a:paragraph[not(ancestor::a:embeddedStructure)]", namespaces=ns)):
        if _section_text(para):
            continue
        heading = _heading_of(para)
        adopted = para.find("a:content/a:p/a:embeddedStructure", ns)
        if heading is not None:
            items.operative_heading(_akn_text(heading), para.get("eId", ""))
            calls += [(n, para.get("eId")) for n in heading.iter(_q("authorialNote"))]
        elif _is_opening(para) or adopted is not None:
            # The opening's own words are its first <p>; the text it adopts follows.
            own = para.find("a:content/a:p", ns) if adopted is not None else para
            segs = _akn_segments(own)
            items.opening("".join(t for t, _ in segs), _opening(segs), para.get("eId", ""))
            calls += [(n, para.get("eId")) for n in own.iter(_q("authorialNote"))]
            if adopted is not None:
                _akn_adopted(items, adopted, calls)
        else:
            _akn_unit(items, para, 0, calls)
    for attachment in doc.iterfind("a:attachments/a:attachment", ns):
        _akn_annex(items, attachment, calls)
    fp.items = items.items

    # Footnotes called elsewhere (an annex) are the resolution's all the same, called from no item.
    collected = {id(note) for note, _owner in calls}
    calls += [(n, None) for n in root.iter(_q("authorialNote")) if id(n) not in collected]
    where = _index_by_anchor(fp.items)
    for note, owner in calls:
        body = " ".join(_akn_text(p) for p in note.iterfind("a:p", ns))
        fp.notes.append(Note(_printed_marker(note), normalise(body), where.get(owner)))
    fp.notes.sort(key=lambda n: (len(n.marker), n.marker))

    outcome = root.find(".//a:conclusions//a:vote", ns)
    if outcome is None:
        outcome = next((p for p in root.iterfind(".//a:conclusions/a:p", ns)
                        if _akn_text(p).startswith("[")), None)
    fp.vote = parse_vote_note(_akn_text(outcome)) if outcome is not None else None
    if outcome is None:
        _akn_vote_from_metadata(doc, fp)
    elif fp.vote is not None and fp.vote.kind == "recorded":
        # Each list says which it is (refersTo), in any language; its label is only printed.
        lists = {"#inFavour": "in favour", "#against": "against", "#abstaining": "abstaining"}
        marked = {}
        for p in root.iterfind(".//a:conclusions/a:p", ns):
            name = lists.get(p.get("refersTo", ""))
            states = [clean_state(_akn_text(o)) for o in p.iter(_q("organization"))]
            if name and states:
                # The list as printed (its words between the States included), as the other formats read it.
                read_list(fp.vote, name, _akn_text(p))
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
    _akn_blocks(items, annex.find("a:mainBody", ns), calls)


def _akn_adopted(items: _Items, structure, calls):
    """The text an opening adopts (an <embeddedStructure>): its title, then its blocks."""
    items.adopted()
    eid = structure.get("eId", "")
    title = structure.find(_q("heading"))
    if title is not None:
        items.heading(_akn_text(title), eid)
        calls += [(n, eid) for n in title.iter(_q("authorialNote"))]
    _akn_blocks(items, structure, calls)


def _akn_blocks(items: _Items, body, calls):
    """An annex's or an adopted text's headings, paragraphs and numbered paragraphs, in order."""
    ns = {"a": AKN_NS}
    for child in body if body is not None else ():
        if child.tag == _q("hcontainer"):
            items.heading(_akn_text(child.find("a:heading", ns)), child.get("eId", ""))
        elif child.tag == _q("p"):
            items.text(_akn_text(child), child.get("eId", ""))
        elif child.tag == _q("paragraph"):
            _akn_unit(items, child, 0, calls)
            continue
        elif child.tag == _q("container") and child.find("a:table", ns) is not None:
            table = child.find("a:table", ns)
            items.table([_akn_text(cell) for cell in table.iterfind("a:tr/*", ns)], table.get("eId", ""))
            calls += [(n, table.get("eId")) for n in child.iter(_q("authorialNote"))]
            continue
        else:
            continue
        calls += [(n, child.get("eId")) for n in child.iter(_q("authorialNote"))]


def _section_text(para) -> bool:
    """A section's unnumbered paragraph, the one it decides in: set as its preamble is."""
    return para.getparent() is not None and para.getparent().tag == _q("section") \
        and para.find(_q("num")) is None and _heading_of(para) is None


def _akn_section_preamble(items: _Items, section, calls):
    """A section's <crossHeading>s, then its unnumbered paragraph and the points its words
    introduce, as print sets them: a preamble of its own."""
    ns = {"a": AKN_NS}
    for el in section:
        if el.tag == _q("crossHeading"):
            segs = _akn_segments(el)
            items.preamble("".join(t for t, _ in segs), _opening(segs), el.get("eId", ""))
            calls += [(n, el.get("eId")) for n in el.iter(_q("authorialNote"))]
        elif el.tag == _q("paragraph") and _section_text(el):
            lst = el.find("a:list", ns)
            holder = el.find("a:content", ns) if lst is None else lst.find("a:intro", ns)
            segs = _akn_segments(holder)
            items.preamble("".join(t for t, _ in segs), _opening(segs), el.get("eId", ""))
            calls += [(n, el.get("eId")) for n in holder.iter(_q("authorialNote"))]
            for point in (lst.iterfind("a:point", ns) if lst is not None else ()):
                content = point.find("a:content", ns)
                segs = _akn_segments(content)
                items.preamble_point(_akn_text(point.find("a:num", ns)), "".join(t for t, _ in segs),
                                     _opening(segs), point.get("eId", ""))
                calls += [(n, point.get("eId")) for n in content.iter(_q("authorialNote"))]


def _is_opening(para) -> bool:
    """An unnumbered <paragraph> before the first numbered one of its body or part: the
    paragraph that opens the operative part ("Resolves that:"), as the UN writes it."""
    if para.find(_q("num")) is not None or para.getparent() is None:
        return False
    earlier = [p for p in para.itersiblings(_q("paragraph"), preceding=True)]
    later = [p for p in para.itersiblings(_q("paragraph")) if p.find(_q("num")) is not None]
    return not any(p.find(_q("num")) is not None for p in earlier) and bool(later)


def _heading_of(para):
    """The heading a <paragraph> holds when it holds nothing else: how a heading between
    operative paragraphs is written (``<paragraph class="H23"><subheading>``)."""
    kids = [c for c in para if isinstance(c.tag, str)]
    if len(kids) == 1 and kids[0].tag in (_q("heading"), _q("subheading")):
        return kids[0]
    return None


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
        under = [child for child in holder if child.tag == _q("tblock")
                 or (child.tag == _q("p") and child.get("class") == "note")]
        calls += [(n, el.get("eId")) for n in holder.iter(_q("authorialNote"))
                  if not any(block in n.iterancestors() for block in under)]
        _akn_under(items, holder, calls)
    if lst is not None:
        for point in lst.iterfind("a:point", ns):
            for heading in _cross_headings_before(point):
                items.operative_heading(_akn_text(heading), heading.get("eId", ""))
                calls += [(n, heading.get("eId")) for n in heading.iter(_q("authorialNote"))]
            _akn_unit(items, point, depth + 1, calls)
        wrap = lst.find("a:wrapUp", ns)
        if wrap is not None:
            items.closing(depth, "".join(t for t, _ in _akn_segments(wrap)), el.get("eId", "") + _WRAPUP)
            calls += [(n, el.get("eId", "") + _WRAPUP) for n in wrap.iter(_q("authorialNote"))]


def _akn_under(items: _Items, holder, calls):
    """What a paragraph prints under its words, in order: its tables, each heading over the tables
    after it (a <tblock>'s), the notes under them (<p class="note">)."""
    ns = {"a": AKN_NS}
    for child in holder:
        if child.tag == _q("table"):
            items.table([_akn_text(cell) for cell in child.iterfind("a:tr/*", ns)], child.get("eId", ""))
        elif child.tag == _q("tblock"):
            heading = child.find("a:heading", ns)
            items.under_heading(_akn_text(heading), child.get("eId", ""))
            calls += [(n, child.get("eId")) for n in heading.iter(_q("authorialNote"))]
            _akn_under(items, child, calls)
            calls += [(n, table.get("eId")) for table in child.iterfind("a:table", ns)
                      for n in table.iter(_q("authorialNote"))]
        elif child.tag == _q("p") and child.get("class") == "note":
            items.note(_akn_text(child), child.get("eId", ""))
            calls += [(n, child.get("eId")) for n in child.iter(_q("authorialNote"))]


def _cross_headings_before(point) -> list:
    """The <crossHeading> elements right before ``point`` among its list's children."""
    out = []
    for el in point.itersiblings(preceding=True):
        if el.tag != _q("crossHeading"):
            break
        out.append(el)
    return out[::-1]


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
            # (a count that names no State is a total alone, as the UN's workflow gives one where
            # its vote metadata is empty; it is compared with the source's total like any other)
            if lists[name] and len(lists[name]) != totals[name]:
                fp.problems.append(f"metadata {name} count {totals[name]} where it lists {len(lists[name])} States")
    # unres's own files also keep each list's names as the source writes them (capitals cannot
    # say the case of every name again): those must be the source's names too.
    kept = {}
    for voters in doc.iterfind(f".//a:proprietary/{_UNRES}voters", ns):
        name = refers.get("#" + (voters.get("list") or ""))
        if name:
            kept[name] = [normalise(s.text or "") for s in voters.iter(f"{_UNRES}state")]
        else:
            fp.problems.append(f'unres voters list="{voters.get("list")}" is no vote list')
    fp.vote = VoteFp("recorded", tuple(totals.get(n, 0) for n in VOTE_LIST_NAMES), lists, kept)

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
        voters = [capitals(normalise(o.text or "")) for o in count.iter(_q("organization"))]
        listed = [capitals(s) for s in marked.get(name, [])]
        if voters and voters != listed:
            fp.problems.append(f"metadata {name} voters differ from the States in the text")
