"""The HTML reader: the fingerprint of a built HTML file, from its elements."""
from __future__ import annotations

from pathlib import Path
from lxml import html as lxml_html

from .. import links
from ..fingerprint import (Fingerprint, Note, adoption_date_from, normalise, parse_vote_note, read_list,
                           squash, vote_list_name)
from .common import _Items, _WRAPUP, _index_by_anchor, _opening


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
    # The page's language and direction, and its links inside itself: a reader of the page
    # gets from a note's call to the note and back, and to each paragraph, by them.
    html = root if root.tag == "html" else root.find(".//html")
    if html is not None:
        fp.metadata += [("lang", "html lang", html.get("lang")), ("dir", "html dir", html.get("dir") or "ltr")]
    head = root.find(".//head")
    if head is not None:
        for name, fact in (("description", "symbol"), ("author", "organ")):
            for meta in head.iterfind(f"meta[@name='{name}']"):
                fp.metadata.append((fact, f"meta {name}", normalise(meta.get("content") or "")))
        for title in head.iterfind("title"):
            fp.metadata.append(("page_title", "title", normalise(title.text_content())))
    ids = set(root.xpath("//@id"))
    for el in root.xpath("//a[starts-with(@href, '#')]"):
        href = el.get("href")
        if href[1:] not in ids:
            fp.problems.append(f'link "{normalise(el.text_content())}" leads to "{href}", which the page does not have')
        if _has_class(el, "permalink"):
            own = next((a.get("id") for a in el.iterancestors() if a.get("id")), None)
            if href != f"#{own}":
                fp.problems.append(f'the link to paragraph {own} leads to "{href}"')
    for el in root.xpath("//*[@dir][not(@dir='ltr' or @dir='rtl' or @dir='auto')]"):
        fp.problems.append(f'{el.tag} dir="{el.get("dir")}" is no direction')
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
        if _has_class(p, "formula"):
            fp.formulas.append(normalise("".join(t for t, _ in _html_segments(p))))
        if _has_class(p, "preambular"):
            _num, text, opening = _html_block(p)
            items.preamble(text, opening, p.get("id", ""))
            following = p.getnext()
            if following is not None and following.tag == "ol" and _has_class(following, "points"):
                # The sub-paragraphs its words introduce.
                for li in following.findall("li"):
                    label, text, opening = _html_block(li.find("p"))
                    items.preamble_point(label, text, opening, li.get("id", ""))
    for div in main.iter("div", "h3", "h4", "h5", "h6", "p") if main is not None else ():
        if _has_class(div, "opening"):
            _num, text, opening = _html_block(div)
            items.opening(text, opening, div.get("id", ""))
        elif _has_class(div, "operative-heading"):
            items.operative_heading("".join(t for t, _ in _html_segments(div)), div.get("id", ""))
        elif _has_class(div, "adopted-text"):
            _html_blocks(items, div, adopted=True)
        elif _has_class(div, "para") and not any(_has_class(a, "annex") or _has_class(a, "adopted-text")
                                                 for a in div.iterancestors()):
            first = div.find("p")
            num, text, opening = _html_block(first)
            items.paragraph(num, text, opening, div.get("id", ""))
            _html_points(items, div, 1)
    for section in main.iter("section") if main is not None else ():
        if _has_class(section, "annex"):
            _html_annex(items, section)
    fp.items = items.items

    where = _index_by_anchor(fp.items)
    calls, printed_calls, call_ids = {}, {}, {}
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
            target = (link.get("href") or "").lstrip("#")
            calls[target] = where.get(owner)
            printed_calls[target] = normalise(link.text_content())
            call_ids[target] = link.get("id")
    notes = root.find(".//*[@role='doc-endnotes']")
    for li in notes.iter("li") if notes is not None else ():
        marker = li.find(".//*[@class='marker']")
        texts = li.findall(".//*[@class='note-text']")    # one a paragraph of the note
        fp.notes.append(Note(normalise(marker.text_content()) if marker is not None else "",
                             normalise(" ".join(t.text_content() for t in texts)) if texts else None,
                             calls.get(li.get("id"))))
        # The call prints the note's marker: a reader goes from one to the other by it.
        call = printed_calls.get(li.get("id"))
        if call is not None and call != fp.notes[-1].marker:
            fp.problems.append(f'the call of note "{fp.notes[-1].marker}" prints "{call}"')
        for back in li.iter("a"):
            if _has_class(back, "backlink") and back.get("href") != f"#{call_ids.get(li.get('id'))}":
                fp.problems.append(f'note "{fp.notes[-1].marker}" leads back to "{back.get("href")}", '
                                   f'not to its call')

    note_el = root.find(".//*[@class='vote-note']")
    fp.vote = parse_vote_note(note_el.text_content()) if note_el is not None else None
    if fp.vote is not None and fp.vote.kind == "recorded":
        for block in root.iter("div"):
            if _has_class(block, "vote-list"):
                label = block.find(".//*[@class='vote-label']")
                name = vote_list_name(label.text_content()) if label is not None else None
                if name:
                    read_list(fp.vote, name, "".join(li.text_content() for li in block.iter("li")))
    return fp


def _html_annex(items: _Items, section):
    """An annex's headings, paragraphs and numbered paragraphs, in order."""
    _html_blocks(items, section)


def _html_blocks(items: _Items, section, adopted=False):
    """An annex's (or an adopted text's) title, headings, paragraphs and numbered paragraphs."""
    items.adopted() if adopted else items.annex()
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
        elif child.tag == "table":
            items.table(["".join(t for t, _ in _html_segments(cell)) for row in child.iter("tr")
                         for cell in row if cell.tag in ("td", "th")], child.get("id", ""))


def _html_points(items: _Items, container, depth):
    # What a paragraph prints under its words, in order: tables, headings, notes.
    for child in container:
        if child.tag == "table":
            items.table(["".join(t for t, _ in _html_segments(cell)) for row in child.iter("tr")
                         for cell in row if cell.tag in ("td", "th")], child.get("id", ""))
        elif _has_class(child, "under-heading"):
            items.under_heading("".join(t for t, _ in _html_segments(child)), child.get("id", ""))
        elif child.tag == "p" and _has_class(child, "table-note"):
            items.note("".join(t for t, _ in _html_segments(child)), child.get("id", ""))
    for ol in container.findall("ol"):
        for li in ol.findall("li"):
            if _has_class(li, "cross-heading"):
                heading = li.find("h6")
                items.operative_heading("".join(t for t, _ in _html_segments(heading)), heading.get("id", ""))
                continue
            first = li.find("p")
            label, text, opening = _html_block(first)
            items.point(label, depth, text, opening, li.get("id", ""))
            _html_points(items, li, depth + 1)
    for p in container.findall("p"):
        if _has_class(p, "wrapup"):
            items.closing(depth - 1, "".join(t for t, _ in _html_segments(p)), container.get("id", "") + _WRAPUP)
