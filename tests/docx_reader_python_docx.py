"""The DOCX reader as it was before it read the package with lxml: through python-docx's objects.

Kept (commit 424da2d's ``unres.verify.read.docx``, its imports made absolute) as the reference
tests/test_docx_reader.py compares the reader with: what it reads where must follow the reader's
rules (7edc1d3: an adopted text's tables are the text's; a part's last paragraph, when the part
ends with no numbered one, is its operative paragraph printed without a number; 6851207: the stop after each
vote list is read with its States; each part's formula is read, and the headers and footers,
the default language and direction and the styles used are checked by the reader's own rules), so that only the way the package,
paragraphs, styles and cells are reached differs.
"""
from __future__ import annotations

import io
import re
import zipfile
from types import SimpleNamespace

from lxml import etree

from unres.xmlsafe import safe_parser
from unres.verify import links
from unres.verify.fingerprint import (Fingerprint, Note, adoption_date_from, is_adopted_by, is_operative_number,
                           is_point_label, normalise, parse_vote_note, read_list, squash, vote_list_name)
from unres.verify.read.common import W_NS, _Items, _NUMBERED_RE, _TITLE_RE, _opening
from unres.verify.read.docx import _core_properties, _defaults, _running_text, _undefined_styles
from unres.verify.read.html import _opened


# ---------------------------------------------------------------- DOCX
def _docx_segments(p_el):
    """``[(text, italic, call_id)]`` of a w:p, in reading order."""
    out = []
    for r in p_el.iter(f"{{{W_NS}}}r"):
        if _is_note_bracket(r):
            continue
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


def _is_note_bracket(run) -> bool:
    """A run in the footnote number's style beside a note's number: its printed brackets
    ("(1)" in Arabic), part of the marker and not of the text."""
    style = run.find(f"{{{W_NS}}}rPr/{{{W_NS}}}rStyle")
    if style is None or style.get(f"{{{W_NS}}}val") != _NOTE_STYLE:
        return False
    if run.find(f"{{{W_NS}}}footnoteReference") is not None or run.find(f"{{{W_NS}}}footnoteRef") is not None:
        return False
    return any(_is_number_run(r) for r in (run.getprevious(), run.getnext()) if r is not None)


def _is_number_run(run) -> bool:
    return run.find(f"{{{W_NS}}}footnoteReference") is not None or run.find(f"{{{W_NS}}}footnoteRef") is not None


def _printed_marker(number_run, n: int) -> str:
    """The number Word prints for the note with the brackets beside it."""
    def bracket(run):
        if run is None or not _is_note_bracket(run):
            return ""
        return "".join(t.text or "" for t in run.iter(f"{{{W_NS}}}t"))
    return bracket(number_run.getprevious()) + str(n) + bracket(number_run.getnext())


_NOTE_STYLE = "FootnoteReference"


def _style_names(document):
    """A function giving a paragraph's style name as python-docx's ``paragraph.style.name``
    finds it (the first style of its id; the default paragraph style for no id, an unknown
    id or a style of another type; "" when there is no default), from a table made once:
    python-docx searches the styles part with XPath for every paragraph."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles.style import StyleFactory

    styles = document.styles
    default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
    fallback = default.name if default is not None else ""
    first = {}
    for element in styles.element.style_lst:
        first.setdefault(element.styleId, element)
    names = {style_id: StyleFactory(element).name for style_id, element in first.items()
             if style_id and element.type == WD_STYLE_TYPE.PARAGRAPH}
    return lambda para: names.get(para._p.style, fallback)


def extract_docx(path) -> Fingerprint:
    import docx   # python-docx is slow to import; only the DOCX reader needs it

    data, name = _opened(path)
    fp = Fingerprint(name)
    document = docx.Document(io.BytesIO(data))
    # One zip and one parse of each part for the links and the notes; the body's links are
    # read from the tree python-docx has parsed.
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        notes_xml = zf.read("word/footnotes.xml") if "word/footnotes.xml" in zf.namelist() else None
        notes_root = etree.fromstring(notes_xml, safe_parser()) if notes_xml is not None else None
        fp.links = links.docx_links(zf, {"word/document.xml": document.element,
                                         "word/footnotes.xml": notes_root})
    fp.printed_text = squash(" ".join(c.text for t in document.tables[:1] for row in t.rows for c in row.cells)
                             + " ".join(p.text for p in document.paragraphs))
    if document.tables:
        first_row = document.tables[0].rows[0].cells
        fp.symbol = normalise(first_row[-1].text)
    # The headers and footers, as python-docx's package holds them (the rule is the reader's).
    parts = SimpleNamespace(roots={}, content_type={})
    for part in document.part.package.iter_parts():
        if hasattr(part, "_element"):
            parts.roots[str(part.partname)] = part._element
            parts.content_type[str(part.partname)] = part.content_type
    targets = {rid: (None if rel.is_external else str(rel.target_part.partname))
               for rid, rel in document.part.rels.items()}
    readings, problems = _running_text(parts, fp.symbol, document.element, targets)
    fp.metadata += readings + _core_properties(parts)
    fp.problems += problems
    note_text = {}
    note_runs = {}      # footnote id -> the run of the number that opens the note
    if notes_root is not None:
        for fn in notes_root.iter(f"{{{W_NS}}}footnote"):
            if fn.get(f"{{{W_NS}}}type") in (None, "normal"):
                ref = next(fn.iter(f"{{{W_NS}}}footnoteRef"), None)
                if ref is not None:
                    note_runs[fn.get(f"{{{W_NS}}}id")] = ref.getparent()
                note_text[fn.get(f"{{{W_NS}}}id")] = normalise(
                    " ".join("".join(t for t, _, _ in _docx_segments(p))
                             for p in fn.iter(f"{{{W_NS}}}p")))

    items = _Items()
    state = "front"
    calls = []          # (footnote id, (section, index))
    current_list = None
    style_of = _style_names(document)
    fp.metadata += _defaults(document.styles.element)
    fp.problems += _undefined_styles(document.styles.element,
                                     [document.element] + ([notes_root] if notes_root is not None else []))
    boundary = False

    def part_ends():
        moved = items.part_ends()
        calls[:] = [(c, moved.get(owner, owner)) for c, owner in calls]
    from docx.text.paragraph import Paragraph
    for element in document.element.body.iterchildren():
        if element.tag == f"{{{W_NS}}}tbl":
            # The masthead is a table too; only an annex's tables are the text's.
            if state in ("annex", "operative", "adopted"):
                cells = [[seg for p in tc.iter(f"{{{W_NS}}}p") for seg in _docx_segments(p)]
                         for tc in element.iter(f"{{{W_NS}}}tc")]
                items.table(["".join(t for t, _, _ in segs) for segs in cells])
                calls += [(c, items.index_of_last()) for segs in cells for _, _, c in segs if c]
            continue
        if element.tag != f"{{{W_NS}}}p":
            continue
        para = Paragraph(element, document._body)
        style = style_of(para)
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
        if style.startswith("FormulaG") and state in ("preamble", "operative", "adopted"):
            if boundary:
                part_ends()
                items.part_starts()
            boundary = False
            calls += [(c, None) for _, _, c in segs if c]
            fp.formulas.append(flat)
            continue
        if boundary and not style.startswith("H1G"):
            items.sectioned, boundary = True, False
        if style.startswith("OpeningG") and state in ("preamble", "operative", "adopted"):
            # The unnumbered paragraph that opens an operative part ("Resolves that:").
            state = "operative"
            items.opening(text, _opening([(t, i) for t, i, _ in segs]))
            calls += [(c, items.index_of_last()) for _, _, c in segs if c]
            continue
        if style.endswith(" Operative") and state in ("preamble", "operative", "adopted"):
            # A heading between operative paragraphs (or before the first) has a style of its own.
            state = "operative"
            items.operative_heading(text)
            calls += [(c, items.index_of_last()) for _, _, c in segs if c]
            continue
        if style.endswith(" Adopted") and state in ("operative", "adopted"):
            # The text the opening adopts: its title, then its headings, in styles of their own.
            if state != "adopted":
                state = "adopted"
                items.adopted()
            items.heading(text)
            calls += [(c, items.index_of_last()) for _, _, c in segs if c]
            continue
        if style.startswith("H1G") and state in ("preamble", "operative", "adopted", "adoption"):
            # A part opens with its own preamble (the Assembly's, after the closing lines of the
            # part before; an annex opens with its label, AnnexG).
            boundary = state != "adoption"
            if state == "adoption":
                items.part_starts()
            state = "preamble"
            calls += [(c, None) for _, _, c in segs if c]
            continue
        if style.startswith("Meeting") and state in ("preamble", "operative", "adopted"):
            part_ends()
            state = "adoption"
            continue
        if state == "adoption" and flat.startswith("["):
            fp.vote = parse_vote_note(flat)
            state = "vote"
            continue
        # An annex opens with its label (AnnexG); its title and headings are headings (H…G).
        if style.startswith("Annex") or (state == "annex" and style.startswith("H")):
            if state != "annex":
                part_ends()
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
                read_list(fp.vote, current_list, flat)
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
                state = state if state in ("annex", "adopted") else "operative"
                items.paragraph(head, rest, _opening(body_segs))
            elif state in ("operative", "adopted", "annex") and is_point_label(head):
                items.point(head, max(depth, 1), rest, _opening(body_segs))
            elif state in ("annex", "adopted"):
                items.text(text)
            elif state == "preamble" and is_point_label(head) and depth >= 1:
                items.preamble_point(head, rest, _opening(body_segs), depth=depth)
            else:
                items.preamble(text, _opening(body_segs))
        elif state in ("operative", "adopted", "annex"):
            items.closing(_docx_depth(style), text)
        else:
            items.preamble(text, _opening(body_segs))
        calls += [(c, items.index_of_last()) for _, _, c in segs if c]
    if state in ("preamble", "operative"):
        part_ends()
    fp.items = items.items
    # Word numbers footnotes itself, in the order of their references; the call and the note
    # each print it with their own brackets, and a difference is a note apart.
    call_runs = {ref.get(f"{{{W_NS}}}id"): ref.getparent()
                 for ref in document.element.body.iter(f"{{{W_NS}}}footnoteReference")}
    for n, (note_id, owner) in enumerate(calls, start=1):
        at_note = _printed_marker(note_runs[note_id], n) if note_id in note_runs else str(n)
        at_call = _printed_marker(call_runs[note_id], n) if note_id in call_runs else at_note
        fp.notes.append(Note(at_note, note_text.get(note_id), owner))
        if at_call != at_note:
            fp.notes.append(Note(at_call, None, owner))
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
