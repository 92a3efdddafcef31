"""Footnotes on their call's page, kept there within one layout (issue 22).

WeasyPrint moves a page's notes on to fit a line it may not break before (orphans, widows); the
layout repairs that page and lays out again from it, instead of the whole document. The pages
each note and its call are printed on are read back from the PDF's text, not from the layout.
"""
from __future__ import annotations

import io
import re

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import FRONT, make_source
from unres.readers.markdown.reader import read_source
from unres.writers.html.inlines import note_call_id
from unres.writers.akn import writer as akn
from unres.writers.pdf import footnote_pages
from unres.writers.pdf import writer as pdf

WORDS = ("the States to continue cooperate with Office of High Commissioner and special procedures in "
         "promotion protection all human rights including right development accordance Charter").split()


def body(paragraphs) -> str:
    """Operative paragraphs of (words, note words or 0); a note is called at its paragraph's end,
    right after the word 'Calltoken<i>x', and its text starts 'Notetext<i>x'."""
    lines, notes = ["", "*The Human Rights Council*,", ""], []
    for i, (words, note) in enumerate(paragraphs, start=1):
        text = " ".join(WORDS[(i * 3 + k) % len(WORDS)] for k in range(words))
        if note:
            notes.append(f"[^n{i}]: Notetext{i}x " + " ".join(WORDS[(i + k) % len(WORDS)]
                                                           for k in range(note)) + ".")
            text += f" Calltoken{i}x[^n{i}]"
        lines += [f"{i}. *Decides* {text};", ""]
    return "\n".join(lines + notes) + "\n"


def pages_of(data: bytes, prefix: str) -> dict:
    """Token number -> the pages whose text shows '<prefix><number>x'."""
    out: dict = {}
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages, start=1):
        for found in re.findall(prefix + r"(\d+)x", page.extract_text()):
            out.setdefault(int(found), []).append(number)
    return out


def render_counting(tmp_path, paragraphs):
    """(PDF bytes, the layouts made from the HTML page, the pages each repair laid out from)."""
    res = read_source(str(make_source(tmp_path, FRONT, body(paragraphs))))
    layouts, remade = [], []
    write = pdf.write_pdf

    def counting(*args, **kwargs):
        layouts.append(kwargs.get("extra_css"))
        data, document = write(*args, **kwargs)
        if kwargs.get("placement") is not None:
            remade.extend(kwargs["placement"].pages_remade)
        return data, document

    pdf.write_pdf = counting
    try:
        data = pdf.render(res, {"akn": akn.render(res, {})})
    finally:
        pdf.write_pdf = write
    return data, layouts, remade


def render_recording(res):
    """(PDF bytes, the Placement of each layout made under the repairs)."""
    seen = []
    write = pdf.write_pdf

    def recording(*args, **kwargs):
        result = write(*args, **kwargs)
        if kwargs.get("placement") is not None:
            seen.append(kwargs["placement"])
        return result

    pdf.write_pdf = recording
    try:
        return pdf.render(res, {"akn": akn.render(res, {})}), seen
    finally:
        pdf.write_pdf = write


def assert_notes_on_their_calls_page(data: bytes, paragraphs) -> None:
    calls, notes = pages_of(data, "Calltoken"), pages_of(data, "Notetext")
    called = [i for i, (_w, note) in enumerate(paragraphs, start=1) if note]
    for i in called:
        assert len(calls.get(i, ())) == 1, f"call {i} printed on pages {calls.get(i)}"
        assert notes.get(i) == calls[i], f"note {i} on pages {notes.get(i)}, called on page {calls[i][0]}"


# A page whose second line of a long paragraph does not fit: WeasyPrint moved the page's note on
# to make room for it (found by random variants like those below, for notes set in the body's
# column; one full re-layout before the repair).
MOVED = [(159, 52), (130, 11), (146, 0), (87, 0), (23, 0), (37, 0), (155, 0), (24, 39), (62, 0),
         (73, 0), (149, 0), (122, 0), (32, 0), (80, 3), (8, 0), (34, 0)]


def test_a_moved_note_is_put_back_without_laying_the_document_out_again(tmp_path):
    data, layouts, remade = render_counting(tmp_path, MOVED)
    assert_notes_on_their_calls_page(data, MOVED)
    assert len(layouts) == 1, "the document was laid out again from its HTML"
    assert remade and min(remade) > 1, "the repair should lay out again from the moved note's page"


def test_a_repaired_layout_is_the_same_bytes_twice(tmp_path):
    first, _layouts, remade = render_counting(tmp_path, MOVED)
    second, _layouts, _remade = render_counting(tmp_path, MOVED)
    assert remade and first == second


def render_making(tmp_path, paragraphs):
    """(PDF bytes, the layouts made from the HTML page, the index of every page WeasyPrint made,
    in order, the pages loosened)."""
    from weasyprint.layout import page

    remake = page.remake_page
    made, seen = [], []

    def counting(index, *args, **kwargs):
        made.append(index)
        return remake(index, *args, **kwargs)

    write = pdf.write_pdf

    def recording(*args, **kwargs):
        if kwargs.get("placement") is not None:
            seen.append(kwargs["placement"])
        return write(*args, **kwargs)

    page.remake_page, pdf.write_pdf = counting, recording
    try:
        data, layouts, _remade = render_counting(tmp_path, paragraphs)
    finally:
        page.remake_page, pdf.write_pdf = remake, write
    return data, layouts, made, sorted(page for placement in seen for page in placement.loosened)


def test_a_pass_that_asks_for_a_repair_ends_on_the_page_repaired(tmp_path):
    """The page after one that moved its notes on would be made from a state being repaired, and
    so would every page after it, only to be made again: the pass of the pagination loop ends on
    the page repaired, and the next lays out again from it."""
    longer = MOVED + [(150, 0), (60, 20)] * 4       # (pages after the ones repaired)
    data, layouts, made, loosened = render_making(tmp_path, longer)
    assert_notes_on_their_calls_page(data, longer)
    assert len(layouts) == 1 and loosened

    passes = [[]]
    for index in made:
        if passes[-1] and index <= passes[-1][-1]:
            passes.append([])
        passes[-1].append(index)
    assert len(passes) == len(loosened) + 1
    # (pages loosened are numbered from 1, pages made from 0)
    assert [one[-1] + 1 for one in passes[:-1]] == loosened
    assert passes[0] == list(range(loosened[0]))
    assert passes[-1][-1] + 1 == len(pypdf.PdfReader(io.BytesIO(data)).pages) > loosened[-1]


def test_a_template_that_prints_the_page_count_in_the_text_gets_the_count_of_the_pdf(tmp_path, monkeypatch):
    """A pass ended on a repaired page has made fewer pages than the document has: a template of
    one's own that prints the page count in the text (``counter(pages)``, which WeasyPrint lays out
    again until it holds) still prints the PDF's, and every note stays on its call's page."""
    import shutil
    from unres.writers import templating

    own = tmp_path / "templates"
    shutil.copytree(templating.templates_dir(), own)
    with open(own / "pdf" / "print.css", "a", encoding="utf-8") as css:
        css.write('\nh1::after { content: " Pagecount" counter(pages) "x"; }\n')
    monkeypatch.setenv("UNRES_TEMPLATES", str(own))
    longer = MOVED + [(150, 0), (60, 20)] * 4
    data, layouts, _made, loosened = render_making(tmp_path, longer)
    assert loosened and len(layouts) == 1
    assert_notes_on_their_calls_page(data, longer)
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    assert pages_of(data, "Pagecount") == {len(pages): [1]}


def test_a_note_too_long_for_its_line_takes_the_line_over_before_layout(tmp_path):
    """A note that does not fit under its call's line carries the line to the next page
    (footnote-policy: line in the stylesheet), with no repair and no second layout."""
    paragraphs = [(150, 0)] * 5 + [(74, 0), (30, 120), (80, 0)]
    data, layouts, remade = render_counting(tmp_path, paragraphs)
    assert_notes_on_their_calls_page(data, paragraphs)
    assert len(layouts) == 1 and not remade


paragraph = st.tuples(st.integers(5, 160), st.one_of(st.just(0), st.integers(3, 200)))


@given(paragraphs=st.lists(paragraph, min_size=4, max_size=18).filter(
    lambda ps: any(note for _w, note in ps)))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_note_on_its_calls_page_in_variants(tmp_path, paragraphs):
    """Long notes, many notes near a page's end, notes called on a page's last line: each is
    printed on its call's page, most in one layout."""
    data, layouts, _remade = render_counting(tmp_path, paragraphs)
    assert_notes_on_their_calls_page(data, paragraphs)
    assert len(layouts) <= pdf.FOOTNOTE_ATTEMPTS


def test_many_short_notes_near_the_page_foot(tmp_path):
    paragraphs = [(150, 0), (150, 0)] + [(12, 25)] * 8 + [(150, 0)]
    data, layouts, _remade = render_counting(tmp_path, paragraphs)
    assert_notes_on_their_calls_page(data, paragraphs)


def test_the_repair_edits_only_this_documents_styles(tmp_path):
    """The styles a repair loosens are the document's own: the next document is laid out as if
    none had been repaired before it."""
    plain = [(150, 0), (150, 0), (150, 10), (150, 0)]
    before, _l, _r = render_counting(tmp_path, plain)
    render_counting(tmp_path, MOVED)
    after, _l, _r = render_counting(tmp_path, plain)
    assert before == after
    assert footnote_pages._placement.get() is None


def test_when_the_layout_cannot_repair_a_page_the_document_is_laid_out_again(tmp_path, monkeypatch):
    """The full re-layout with CSS rules stays as the fallback: with no repair made during the
    layout, the moved note is put back by a second layout."""
    monkeypatch.setattr(footnote_pages.Placement, "_repair", lambda self, page_box, page, notes: None)
    data, layouts, remade = render_counting(tmp_path, MOVED)
    assert_notes_on_their_calls_page(data, MOVED)
    assert len(layouts) == 2 and layouts[1] and not remade


def test_a_note_printed_again_on_a_later_page_counts_as_moved():
    """A page kept from an earlier pass of the layout could print a note a second time: the
    note is on its call's page, and on another, and that is not in place."""
    from types import SimpleNamespace

    note = SimpleNamespace(eid="para_1__authorialNote_1")
    res = SimpleNamespace(footnotes=[note])
    call = note_call_id(note.eid)
    twice = SimpleNamespace(pages=[SimpleNamespace(anchors={call: 0, note.eid: 0}),
                                   SimpleNamespace(anchors={note.eid: 0})])
    once = SimpleNamespace(pages=[SimpleNamespace(anchors={call: 0, note.eid: 0}),
                                  SimpleNamespace(anchors={"para_2": 0})])
    assert pdf._misplaced_notes(res, twice) == [(note, 1, 2)]
    assert pdf._misplaced_notes(res, once) == []


def test_a_page_whose_notes_move_again_once_loosened_breaks_before_the_calling_block(tmp_path):
    """The Assembly's 75/101 A-B: a page loosened for its notes loses them again, so the block that
    calls them starts a new page (the second repair); the PDF is made, every note on its call's page."""
    from conftest import CORPUS
    from unres.readers.akn.reader import import_akn
    from unres.writers.markdown import render_markdown

    path = CORPUS / "un-akn-ga" / "75session" / "English" / "75_101A-B_E.xml"
    if not path.is_file():
        pytest.skip(f"the UN's file is not at {path}")
    source = tmp_path / "r.md"
    source.write_text(render_markdown(import_akn(path)[0]), encoding="utf-8")
    res = read_source(str(source))
    data, seen = render_recording(res)
    assert data.startswith(b"%PDF")
    assert any(placement.broken for placement in seen), "the second repair was not reached"


# A/RES/75/253 B with one heading typed as a heading and a paragraph ("### Standards of
# accommodation" / "for air travel"), its first long preambular paragraph lengthened by these
# many words: on each, the block calling notes 10 and 11 was broken to start page 5 and note 11
# still went to page 6 (O-FOOTNOTE-PAGE, nothing published), in 24 of 30 lengths from 0 to 29.
# The page, loosened, let the first line of its last paragraph take the note's room.
SHIFTS = [0, 6, 12, 18, 23]


@pytest.mark.parametrize("shift", SHIFTS)
def test_a_note_whose_calling_block_starts_its_page_stays_there(tmp_path, shift):
    """The calling block starts its page already and its note moves all the same: the block that
    the page's last line opens goes to the next page, and every note is on its call's page."""
    from conftest import CORPUS
    from unres.readers.akn.reader import import_akn
    from unres.writers.markdown import render_markdown

    path = CORPUS / "un-akn-ga" / "75session" / "English" / "75_253B_E.xml"
    if not path.is_file():
        pytest.skip(f"the UN's file is not at {path}")
    text = render_markdown(import_akn(path)[0])
    heading = "### Standards of accommodation for air travel\n"
    assert heading in text
    lines = text.replace(heading, "### Standards of accommodation\n\nfor air travel\n").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("*") and len(line) > 80
                 and not line.rstrip().endswith(("*,", ",*", "*:")))
    lines[first] = lines[first].rstrip(",") + " word" * shift + ","
    source = tmp_path / "r.md"
    source.write_text("\n".join(lines), encoding="utf-8")
    res = read_source(str(source))
    data, seen = render_recording(res)
    document = pypdf.PdfReader(io.BytesIO(data))
    assert len(seen) == 1, "the document was laid out again from its HTML"
    calling = next(note.called_from for note in res.footnotes if str(note.marker) == "11")
    assert seen[0].broken - {calling}, f"the page's last block was not moved: {seen[0].broken}"
    texts = [page.extract_text() for page in document.pages]
    call = next(n for n, t in enumerate(texts) if "Advisory Committee,11" in t.replace("\n", " "))
    assert "11A/75/7/Add.39" in texts[call].replace(" ", "")
