"""PDF writer: WeasyPrint's rendering of the print variant of the HTML page.

The result is PDF/A-3b (the level pikepdf's PDF/A validator can prove), tagged, with the Akoma Ntoso file embedded as its
source, set in Liberation Serif (checked, never a silent fallback), and
byte-identical from one run to the next: every date comes from the source
(or SOURCE_DATE_EPOCH) and the file identifier is a hash of the content.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import pydyf

from ...errors import InvalidOutputError, error, tool_error
from ...memo import once
from ...model.citations import inline_lists
from ...model.document import Link, Resolution, first_use, plain_text, walk_inlines
from ...model import output_env
from ...model.document_date import document_instant
from ...model.presentation import present, presentation_for
from .. import templating
from ..html.inlines import note_call_id
from ..html.page import page_context
from . import (font_subsets, fonts, footnote_pages, glyph_names, glyph_strings, justified_spaces, line_fit,
               line_starts, rtl_line_end, weasyprint_loader)
from .compression import STREAM_LEVEL, streams_at
from .font_dates import fonts_dated
from .fetcher import AssetPolicy, configured_emblem, weasyprint_fetcher
from .page_marks import footer_marks

PDF_VARIANT = "pdf/a-3b"
STYLESHEET = "pdf/print.css"
# WeasyPrint 70 sometimes sets a footnote a page or two after its call (Kozea/WeasyPrint#1564,
# #1924, #2432): when a later line of the page cannot break (orphans, widows), it moves the page's
# notes on to make room. The layout repairs that page as it goes (``footnote_pages``); should a
# note still be off its call's page, the document is laid out again with CSS rules loosened only
# where it moved (see ``_FootnoteRules``). FOOTNOTE_ATTEMPTS bounds the layouts of one document.
FOOTNOTE_ATTEMPTS = 7
TEMPLATE = "pdf/resolution.html"
ATTACHMENT_RELATIONSHIP = "Source"


def attachment_name(symbol: str) -> str:
    """'A/HRC/RES/38/3' -> 'A_HRC_RES_38_3.akn.xml'."""
    return symbol.replace("/", "_") + ".akn.xml"


def print_html(res: Resolution, date: str, emblem_url: str | None = None, pres=None) -> str:
    """The print variant: same body partials, footnotes inline at their calls."""
    pres = pres or present(res)
    return templating.render(TEMPLATE, **page_context(res, pres, screen=False, emblem_src=emblem_url, date=date,
                                                      marks=footer_marks(res, pres)))


# ---------------------------------------------------------------- WeasyPrint
@once
def _font_config():
    weasyprint_loader.load()
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


@once
def _stylesheet(path: str, mtime_ns: int, policy_root: str):
    # Parsed once per process (and again only if the file changes).
    CSS = weasyprint_loader.load().CSS
    fetcher = weasyprint_fetcher(AssetPolicy(Path(policy_root)))
    return CSS(filename=path, url_fetcher=fetcher, font_config=_font_config())


def stylesheet_for(root: Path):
    """The print stylesheet under ``root``, parsed once per process (and again if it changes)."""
    path = root / STYLESHEET
    return _stylesheet(str(path), path.stat().st_mtime_ns, str(root))


def write_pdf(html: str, akn: bytes | None, *, attachment: str, instant: dt.datetime,
              emblem: Path | None = None, lang: str = "en", extra_css=(), keep=None, locate=None,
              link_texts: dict | None = None, placement: footnote_pages.Placement | None = None):
    """Render ``html`` (already escaped markup) to PDF bytes; returns (bytes, document).

    ``link_texts`` maps a link's URL to its alternate text (see :func:`link_texts`).

    ``keep``, if given, sees the laid-out document before it is drawn; when it
    returns False nothing is drawn and the bytes are None (a layout to redo).
    ``placement``, if given, keeps footnotes on their call's page during the layout
    (:mod:`.footnote_pages`) and records what that took.
    """
    try:
        weasyprint = weasyprint_loader.load()
    except ImportError as exc:  # pragma: no cover - weasyprint is a dependency
        raise tool_error(f"WeasyPrint is not installed ({exc})", "T-WEASYPRINT") from exc
    font_subsets.install()
    glyph_names.install()
    glyph_strings.install()
    justified_spaces.install()
    line_fit.install()
    line_starts.install()
    rtl_line_end.install()
    root = templating.templates_dir()
    policy = AssetPolicy(root, extra_files=[emblem] if emblem else [])
    fetcher = weasyprint_fetcher(policy)
    attachments = []
    if akn is not None:
        attachments.append(weasyprint.Attachment(
            string=akn, name=attachment, description="Akoma Ntoso XML source of this document",
            created=instant, modified=instant, relationship=ATTACHMENT_RELATIONSHIP,
            url_fetcher=fetcher))
    identifier = hashlib.sha256(html.encode("utf-8") + b"\0" + (akn or b"")).hexdigest()[:32]
    options = dict(
        stylesheets=[stylesheet_for(root), *_extra_stylesheet(tuple(extra_css))],
        attachments=attachments,
        pdf_variant=PDF_VARIANT, pdf_tags=True, pdf_identifier=identifier.encode("ascii"))
    try:
        with fonts_dated(instant):
            page = weasyprint.HTML(string=html, base_url=(root / "pdf").as_uri() + "/",
                                   url_fetcher=fetcher)
            if placement is None:
                document = page.render(font_config=_font_config(), **options)
            else:
                document = footnote_pages.render(page, placement, _font_config(), **options)
            if keep is not None and not keep(document):
                return None, document
            with streams_at(STREAM_LEVEL):
                data = document.write_pdf(finisher=_finisher(link_texts or {}), **options)
    except (OSError, ValueError) as exc:
        raise tool_error(f"WeasyPrint failed: {exc}", "T-WEASYPRINT") from exc
    # Embedded fonts are known, and missing glyphs recorded, only once drawn.
    drawn: dict = {}
    for font in document.fonts.values():
        drawn.setdefault(font.family, set()).update("".join(font.to_unicode.values()))
    fonts.check_used(drawn, {cp for font in document.fonts.values() for cp in font.missing},
                     lang=lang, locate=locate)
    return data, document


def _finisher(texts: dict):
    def finish(document, pdf) -> None:
        _single_associated_file_entries(pdf)
        _drop_empty_pattern_and_shading(pdf)
        _describe_links(pdf, texts)
    return finish


def link_texts(res: Resolution) -> dict:
    """URL -> the alternate text of the links to it: the cited document's symbol, else the
    link's own words, with the URL (what a screen reader says for the link)."""
    out: dict = {}
    for _owner, inlines, _set in inline_lists(res):
        for node in walk_inlines(inlines):
            if isinstance(node, Link):
                words = node.symbol or " ".join(plain_text(node.children).split())
                out.setdefault(node.target, f"{words} ({node.target})" if words else node.target)
    return out


def _describe_links(pdf, texts: dict) -> None:
    """Give every ``Link`` structure element an ``/Alt`` and its annotation a ``/Contents``
    naming the document (PDF/UA 7.18.5; WeasyPrint tags links but puts only the URL in
    ``/Contents``)."""
    by_ref = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Dictionary)}
    for obj in list(by_ref.values()):
        if obj.get("Type") != "/StructElem" or obj.get("S") != "/Link":
            continue
        for kid in obj.get("K", ()):
            objr = by_ref.get(kid) if isinstance(kid, bytes) else None
            annotation = by_ref.get(objr.get("Obj")) if objr is not None else None
            action = annotation.get("A") if annotation is not None else None
            uri = action.get("URI") if isinstance(action, dict) else None
            if uri is None:
                continue
            url = uri.string if isinstance(uri, pydyf.String) else str(uri)
            text = texts.get(url, url)
            obj["Alt"] = pydyf.String(text)
            annotation["Contents"] = pydyf.String(text)


def _single_associated_file_entries(pdf) -> None:
    # WeasyPrint 70 lists each attachment twice in the catalog's /AF array
    # (once from the name tree, once from the file specifications).
    associated = pdf.catalog.get("AF")
    if associated:
        associated[:] = list(dict.fromkeys(associated))


def _drop_empty_pattern_and_shading(pdf) -> None:
    """WeasyPrint gives every resource dictionary an empty /Pattern and /Shading. PDF/A
    does not forbid them, but pikepdf's validator does not check patterns or shadings and
    so cannot approve a file that names them; empty, they say nothing and go."""
    seen: set = set()

    def visit(obj) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, dict):
            for key in ("Pattern", "Shading"):
                if isinstance(obj.get(key), dict) and not obj[key]:
                    del obj[key]
            for value in obj.values():
                visit(value)
        elif isinstance(obj, list):
            for value in obj:
                visit(value)
        elif isinstance(getattr(obj, "extra", None), dict):   # a stream's dictionary
            visit(obj.extra)

    for obj in pdf.objects:
        visit(obj)


def _misplaced_notes(res: Resolution, document) -> list:
    """Footnotes printed on a page that does not carry their call (Kozea/WeasyPrint#1564),
    first or again (a page kept from an earlier pass of the layout must not print it twice), or
    not printed at all though their call is (a layout cut short): ``(note, call's page, a page
    the note is printed on or None)``."""
    call_page, note_pages = {}, {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            call_page.setdefault(anchor, number)
            note_pages.setdefault(anchor, []).append(number)
    out = []
    for note in res.footnotes:
        call = call_page.get(note_call_id(note.eid))
        elsewhere = [page for page in note_pages.get(note.eid, ()) if page != call]
        if call is not None and elsewhere:
            out.append((note, call, elsewhere[0]))
        elif call is not None and note.eid not in note_pages:
            out.append((note, call, None))
    return out


@lru_cache(maxsize=64)
def _extra_stylesheet(rules: tuple):
    if not rules:
        return ()
    CSS = weasyprint_loader.load().CSS
    return (CSS(string="\n".join(rules), font_config=_font_config()),)


class _FootnoteRules:
    """CSS that keeps each footnote on its call's page, added one moved note at a time.

    First, on the page of the call, every block may leave a single line at a
    page's foot or head (``orphans``/``widows: 1``: WeasyPrint moves notes on
    to honour 2) and the note may push its calling line over instead
    (``footnote-policy: line``). If the note still moves, its calling block
    starts a new page, which costs white space. Only ids that are plain words
    are ever written into CSS.
    """

    def __init__(self):
        self.loosened: set = set()
        self.rules: list = []

    def add(self, misplaced, pages) -> None:
        """Loosen the pages of this round's moved notes; break before their blocks
        when their page was loosened in an earlier round and they moved all the same."""
        earlier = set(self.loosened)
        for note, call, _body in misplaced:
            ids = sorted(a for a in pages[call - 1].anchors if re.fullmatch(r"\w+", a))
            loosen = ", ".join(f"#{i}, #{i} p" for i in ids)
            if loosen and loosen not in earlier:
                if loosen not in self.loosened:
                    self.loosened.add(loosen)
                    self.rules.append(f"{loosen} {{ orphans: 1; widows: 1; }}")
                if re.fullmatch(r"\w+", note.eid):
                    self.rules.append(f"#{note.eid} {{ footnote-policy: line; }}")
            elif re.fullmatch(r"\w+", note.called_from or ""):
                self.rules.append(f"#{note.called_from} {{ break-before: page; }}")

    def css(self) -> tuple:
        return tuple(dict.fromkeys(self.rules))


# The print page, when it was rendered before the layout (see ``precompute``).
PRINT_PAGE = "pdf:print-page"


def _print_page(res: Resolution, instant: dt.datetime, emblem: Path | None, pres) -> str:
    return print_html(res, date=instant.strftime("%Y-%m-%dT%H:%M:%SZ"),
                      emblem_url=emblem.as_uri() if emblem else None, pres=pres)


def precompute(res: Resolution, inputs: dict) -> dict:
    """``inputs`` with the print page added: the templates' work, done by the process that
    read the source when the layout runs in another one (:mod:`unres.parallel.side_process`)."""
    env = output_env.of(inputs)
    page = _print_page(res, document_instant(res.meta.issue_date, env), configured_emblem(env),
                       presentation_for(res, inputs))
    return {**inputs, PRINT_PAGE: page}


def warm(quietly) -> None:
    """Fill what every first PDF needs: the parsed stylesheet and the fonts' check."""
    quietly(lambda: stylesheet_for(templating.templates_dir()))
    quietly(fonts.require)


def render(res: Resolution, inputs: dict) -> bytes:
    akn = inputs.get("akn")
    if akn is None:
        raise InvalidOutputError(error(
            None, "the PDF embeds the Akoma Ntoso file, but none was given (inputs['akn'])",
            "O-PDF-AKN"))
    pres = presentation_for(res, inputs)
    lang = pres.lang
    fonts.require(lang=lang)
    env = output_env.of(inputs)
    emblem = configured_emblem(env)
    instant = document_instant(res.meta.issue_date, env)
    html = inputs.get(PRINT_PAGE) or _print_page(res, instant, emblem, pres)
    rules = _FootnoteRules()
    misplaced: list = []

    def notes_in_place(document) -> bool:
        misplaced[:] = _misplaced_notes(res, document)
        return not misplaced

    calling_blocks = {note.eid: note.called_from for note in res.footnotes}
    for _attempt in range(FOOTNOTE_ATTEMPTS):
        # A layout whose notes moved is not drawn: the next one replaces it.
        data, document = write_pdf(html, akn, attachment=attachment_name(res.meta.symbol),
                                   instant=instant, emblem=emblem, lang=lang, extra_css=rules.css(),
                                   keep=notes_in_place, locate=lambda chars: first_use(res, chars),
                                   link_texts=link_texts(res),
                                   placement=footnote_pages.Placement(calling_blocks))
        if data is not None:
            break
        rules.add(misplaced, document.pages)
    else:
        note, call, body = misplaced[0]
        where = f"is printed on page {body}" if body is not None else "is not printed"
        raise InvalidOutputError(error(
            note.loc, f"footnote {note.marker} {where} but called on page {call}", "O-FOOTNOTE-PAGE"))
    if not data.startswith(b"%PDF-"):
        raise InvalidOutputError(error(None, "WeasyPrint produced no PDF", "O-PDF"))
    return data
