"""The DOCX reader: the fingerprint of a built DOCX file, from its paragraphs and footnotes part."""
from __future__ import annotations

import io
import re
import zipfile
from lxml import etree

from ...xmlsafe import safe_parser
from .. import links
from ..fingerprint import (Fingerprint, Note, adoption_date_from, is_adopted_by, is_operative_number,
                           is_point_label, normalise, parse_vote_note, read_list, squash, vote_list_name)
from .common import W_NS, _Items, _NUMBERED_RE, _TITLE_RE, _opening
from .docx_package import FOOTER, HEADER, open_document, styles_root
from .html import _opened


# ---------------------------------------------------------------- DOCX
def _docx_segments(p_el):
    """``[(text, italic, call_id)]`` of a w:p, in reading order (an element's name in any
    namespace counts)."""
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
            tag = child.tag
            # A comment or processing instruction has no name: QName refuses it.
            tag = tag.rpartition("}")[2] if isinstance(tag, str) else etree.QName(child).localname
            if tag == "t":
                out.append((child.text or "", italic, None))
            elif tag == "tab":
                out.append(("\t", italic, None))
            elif tag in ("br", "cr"):
                out.append(("\n", italic, None))
            elif tag == "footnoteReference":
                out.append(("", False, child.get(f"{{{W_NS}}}id")))
    return out


_RSTYLE_PATH = f"{{{W_NS}}}rPr/{{{W_NS}}}rStyle"


def _is_note_bracket(run) -> bool:
    """A run in the footnote number's style beside a note's number: its printed brackets
    ("(1)" in Arabic), part of the marker and not of the text."""
    style = run.find(_RSTYLE_PATH)
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


# python-docx's names for the styles whose stored name differs from the one Word shows
# (docx.styles.BabelFish).
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
             **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}


def _child(el, *tags):
    """The first child of each tag in turn (python-docx's ZeroOrOne), None when one is missing."""
    for tag in tags:
        if el is None:
            return None
        el = el.find(f"{{{W_NS}}}{tag}")
    return el


def _required(el, attr: str = "val") -> str:
    value = el.get(f"{{{W_NS}}}{attr}")
    if value is None:
        raise ValueError(f"required 'w:{attr}' attribute not present on w:{etree.QName(el).localname}")
    return value


_STYLE_TYPES = ("paragraph", "character", "table", "numbering")
_ON_OFF = {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}


def _style_names(styles):
    """A function giving a ``w:p``'s style name as python-docx's ``paragraph.style.name``
    finds it (the first style of its id; the default paragraph style for no id, an unknown
    id or a style of another type; "" when there is no default), from ``styles`` (the styles
    part's root) read once."""
    def kind(style):
        value = style.get(f"{{{W_NS}}}type", "paragraph")
        if value not in _STYLE_TYPES:
            raise ValueError(f"{value!r} is not a valid WD_STYLE_TYPE")
        return value

    def is_default(style):
        value = style.get(f"{{{W_NS}}}default", "0")
        if value not in _ON_OFF:
            raise ValueError(f"value must be in {sorted(_ON_OFF)!r}, got '{value}'")
        return _ON_OFF[value]

    def name(style):
        el = _child(style, "name")
        value = None if el is None else _required(el)
        return _UI_NAMES.get(value, value)

    all_styles = styles.findall(f"{{{W_NS}}}style")
    defaults = [s for s in all_styles if kind(s) == "paragraph" and is_default(s)]
    fallback = name(defaults[-1]) if defaults else ""
    first = {}
    for element in all_styles:
        first.setdefault(element.get(f"{{{W_NS}}}styleId"), element)
    names = {style_id: name(element) for style_id, element in first.items()
             if style_id and kind(element) == "paragraph"}

    def style_of(p):
        el = _child(p, "pPr", "pStyle")
        return names.get(None if el is None else _required(el), fallback)
    return style_of


# What python-docx's ``paragraph.text`` makes of a run's content (docx/oxml/text/run.py).
_RUN_TEXT = {f"{{{W_NS}}}{tag}": text for tag, text in
             (("cr", "\n"), ("noBreakHyphen", "-"), ("ptab", "\t"), ("tab", "\t"))}
_T, _BR, _R, _HYPERLINK, _TC, _TR = (f"{{{W_NS}}}{tag}" for tag in ("t", "br", "r", "hyperlink", "tc", "tr"))


def _run_text(r) -> str:
    out = []
    for child in r:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _BR:
            if child.get(f"{{{W_NS}}}type", "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag in _RUN_TEXT:
            out.append(_RUN_TEXT[tag])
    return "".join(out)


_FLD_CHAR, _INSTR, _FLD_SIMPLE = (f"{{{W_NS}}}{tag}" for tag in ("fldChar", "instrText", "fldSimple"))


_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_DC = "http://purl.org/dc/elements/1.1/"


def _core_properties(package) -> list:
    """What the file tells a word processor and a library about itself (its core properties)."""
    out = []
    for partname in sorted(package.roots):
        if package.content_type.get(partname) != _CORE:
            continue
        root = package.roots[partname]
        for tag, fact in (("title", "title"), ("subject", "symbol"), ("identifier", "symbol"),
                          ("language", "lang")):
            for el in root.iter(f"{{{_DC}}}{tag}"):
                value = normalise(el.text or "")
                out.append((fact, f"DOCX {tag}", value.split("-")[0].lower() if fact == "lang" else value))
    return out


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _running_text(package, symbol, main_root, targets: dict) -> tuple[list, list]:
    """``(readings, problems)`` of the headers and footers: a header prints the symbol the
    masthead has, or nothing (the first page's); a footer that numbers the pages prints nothing
    but its PAGE field, whose number Word computes; the first page's footer prints the job
    number (reading ``job_number``; "" for none), and a section that gives the first page a
    header and footer of its own says so (``titlePg``), or Word uses the running ones there.
    ``targets`` gives each of the main document's relationship ids its part's name."""
    problems, first_footers, first_footer = [], set(), None
    for sect in main_root.iter(f"{{{W_NS}}}sectPr"):
        first = False
        for ref in sect.iterchildren(f"{{{W_NS}}}headerReference", f"{{{W_NS}}}footerReference"):
            if ref.get(f"{{{W_NS}}}type") != "first":
                continue
            first = True
            if ref.tag == f"{{{W_NS}}}footerReference":
                first_footers.add(targets.get(ref.get(_R_ID)))
                first_footer = first_footer or targets.get(ref.get(_R_ID))
        title_page = sect.find(f"{{{W_NS}}}titlePg")
        if first and (title_page is None or
                      title_page.get(f"{{{W_NS}}}val", "1") in ("0", "false", "off")):
            problems.append("the first page's own header and footer are not used (its section has no titlePg)")
    for partname in sorted(package.roots):
        kind = package.content_type.get(partname)
        if kind not in (HEADER, FOOTER):
            continue
        root, part = package.roots[partname], partname.lstrip("/")
        if kind == HEADER:
            for p in root.iter(f"{{{W_NS}}}p"):
                text = normalise(_paragraph_text(p))
                if text and text != symbol:
                    problems.append(f'running header in {part} reads "{text}" where the masthead has "{symbol}"')
            continue
        if partname in first_footers:
            continue
        instructions = [normalise(el.text or "") for el in root.iter(_INSTR)]
        instructions += [normalise(el.get(f"{{{W_NS}}}instr") or "") for el in root.iter(_FLD_SIMPLE)]
        literal = normalise(" ".join(_outside_fields(p) for p in root.iter(f"{{{W_NS}}}p")))
        if not instructions:
            problems.append(f'page footer in {part} prints "{literal}" and no page number field' if literal
                            else f"page footer in {part} has no page number field")
            continue
        if any(i.split()[:1] != ["PAGE"] for i in instructions):
            problems.append(f"page number field in {part} is {' '.join(instructions)!r}, not PAGE")
        if literal:
            problems.append(f'page number in {part} prints "{literal}" besides its number')
    job = ""
    if first_footer in package.roots:
        job = normalise(" ".join(_paragraph_text(p) for p in package.roots[first_footer].iter(f"{{{W_NS}}}p")))
    return [("job_number", "DOCX first-page footer", job)], problems


def _defaults(styles) -> list:
    """The document's language and the direction of its paragraphs, as its styles' defaults give
    them to a word processor (its spelling, its hyphenation, the side a line starts on)."""
    lang = styles.find(f"{{{W_NS}}}docDefaults/{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr/{{{W_NS}}}lang")
    bidi = styles.find(f"{{{W_NS}}}docDefaults/{{{W_NS}}}pPrDefault/{{{W_NS}}}pPr/{{{W_NS}}}bidi")
    on = bidi is not None and bidi.get(f"{{{W_NS}}}val", "1") not in ("0", "false", "off")
    value = lang.get(f"{{{W_NS}}}val") if lang is not None else None
    return [("lang", "DOCX default language", value.split("-")[0] if value else None),
            ("dir", "DOCX default paragraph direction", "rtl" if on else "ltr")]


def _undefined_styles(styles, roots) -> list:
    """A paragraph's or a run's style the file does not define (a word processor sets it as
    the default style)."""
    defined = {s.get(f"{{{W_NS}}}styleId") for s in styles.iter(f"{{{W_NS}}}style")}
    used = {el.get(f"{{{W_NS}}}val") for root in roots
            for el in root.iter(f"{{{W_NS}}}pStyle", f"{{{W_NS}}}rStyle")}
    return [f'style "{name}" is used and not defined' for name in sorted(used - defined - {None})]


def _outside_fields(p) -> str:
    """A paragraph's text but a field's: what its runs print outside ``fldChar`` begin … end
    and ``fldSimple``."""
    out, depth = [], 0
    for r in p.iter(_R):
        if any(a.tag == _FLD_SIMPLE for a in r.iterancestors()):
            continue
        for child in r:
            if child.tag == _FLD_CHAR:
                kind = child.get(f"{{{W_NS}}}fldCharType")
                depth += 1 if kind == "begin" else -1 if kind == "end" else 0
        if depth == 0:
            out.append(_run_text(r))
    return "".join(out)


def _paragraph_text(p) -> str:
    """python-docx's ``paragraph.text``: its runs' and hyperlinks' runs' text."""
    out = []
    for child in p:
        if child.tag == _R:
            out.append(_run_text(child))
        elif child.tag == _HYPERLINK:
            out.extend(_run_text(r) for r in child.iterchildren(_R))
    return "".join(out)


def _row_cells(tr) -> list:
    """python-docx's ``row.cells``: each ``w:tc`` once per grid column it spans; a cell that
    continues a vertical merge is the cell above it (docx/table.py, docx/oxml/table.py)."""
    out = []
    for tc in tr.iterchildren(_TC):
        root = _merge_root(tc)
        out.extend([root] * _grid_span(root))
    return out


def _grid_span(tc) -> int:
    el = _child(tc, "tcPr", "gridSpan")
    return 1 if el is None else int(_required(el))


def _grid_before(tr) -> int:
    el = _child(tr, "trPr", "gridBefore")
    return 0 if el is None else int(_required(el))


def _merge_root(tc):
    merge = _child(tc, "tcPr", "vMerge")
    if merge is None or merge.get(f"{{{W_NS}}}val", "continue") != "continue":
        return tc
    tr = next(tc.iterancestors(_TR))
    above = next(tr.itersiblings(_TR, preceding=True), None)
    if above is None:
        raise ValueError("no tr above topmost tr in w:tbl")
    offset = _grid_before(tr) + sum(_grid_span(c) for c in tc.itersiblings(_TC, preceding=True))
    remaining = offset - _grid_before(above)
    for cell in above.iterchildren(_TC):
        if remaining < 0:
            break
        if remaining == 0:
            return _merge_root(cell)
        remaining -= _grid_span(cell)
    raise ValueError(f"no `tc` element at grid_offset={offset}")


def _cell_text(tc) -> str:
    return "\n".join(_paragraph_text(p) for p in tc.iterchildren(f"{{{W_NS}}}p"))


def extract_docx(path) -> Fingerprint:
    data, name = _opened(path)
    fp = Fingerprint(name)
    # One zip for the package, the links and the notes; each part parsed once.
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        package, main = open_document(zf, name)
        root = package.root(main)
        body = root.find(f"{{{W_NS}}}body")
        if body is None:        # python-docx fails on the body's paragraphs so
            raise AttributeError("'NoneType' object has no attribute 'p_lst'")
        notes_xml = zf.read("word/footnotes.xml") if "word/footnotes.xml" in zf.namelist() else None
        notes_root = etree.fromstring(notes_xml, safe_parser()) if notes_xml is not None else None
        fp.links = links.docx_links(zf, {"word/document.xml": root, "word/footnotes.xml": notes_root})
    tables = list(body.iterchildren(f"{{{W_NS}}}tbl"))
    rows = list(tables[0].iterchildren(_TR)) if tables else []
    fp.printed_text = squash(" ".join(_cell_text(c) for row in rows for c in _row_cells(row))
                             + " ".join(_paragraph_text(p) for p in body.iterchildren(f"{{{W_NS}}}p")))
    if tables:
        fp.symbol = normalise(_cell_text(_row_cells(rows[0])[-1]))
    readings, problems = _running_text(package, fp.symbol, root, package.targets.get(main, {}))
    fp.metadata += readings + _core_properties(package)
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
    styles = styles_root(package, main)
    style_of = _style_names(styles)
    fp.metadata += _defaults(styles)
    fp.problems += _undefined_styles(styles, [root] + ([notes_root] if notes_root is not None else []))
    # An H1G heading read after a part's paragraphs: a part's (its formula follows) or a
    # section's (its titles and paragraphs follow).
    boundary = False

    def part_ends():
        # A part's one paragraph set as the preamble is, with no number, is its operative part.
        moved = items.part_ends()
        calls[:] = [(c, moved.get(owner, owner)) for c, owner in calls]
    for element in body.iterchildren():
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
        style = style_of(element)
        segs = _docx_segments(element)
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
        if (style.endswith(" Under") or style.startswith("TableNoteG")) and state in ("operative", "annex", "adopted"):
            # What a paragraph prints under its words: a heading over its tables, a note under them.
            (items.under_heading if style.endswith(" Under") else items.note)(text)
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
                 for ref in body.iter(f"{{{W_NS}}}footnoteReference")}
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
