"""A table's words wrap to their column, whatever the column's alignment; only a figure is kept
on one line. The PDF kept every cell of a right-aligned column on one line ("figures are not
broken"), so a column of names aligned right ran off the page: 75/293's annex I, whose second
column ("Organizational unit") the import had aligned right, printed "United Nations
Multidimensional Integrated Stabilization Mission in the Central African Republic" on one line,
112 mm past the text column's edge and 82 mm past the paper's. And the import aligned that column
right because only its "Subtotal" and "Total" cells say Right: a cell that says nothing is aligned
to the start, as Word sets it, and counts. Shown on generated tables and on the UN's file."""
from __future__ import annotations

import textwrap

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import BUDGET_FRONT, CORPUS, build_ok, glyphs_past
from unres.model.document import Table, plain_text
from unres.readers.akn.reader import import_akn

MM = 72 / 25.4
COLUMN_RIGHT = 170 * MM     # the text column's right edge, from the page's left edge
UN_293 = CORPUS / "un-akn-ga" / "75session" / "English" / "A_RES_75_293-2108996E.xml"
needs_293 = pytest.mark.skipif(not UN_293.is_file(), reason=f"UN AKN corpus file not found at {UN_293}")

FRONT = BUDGET_FRONT + textwrap.dedent("""\

    *The General Assembly*,

    1. *Approves* the posts set out in the annex to the present resolution.

    # Annex

    """)
WORDS = ("United Nations Multidimensional Integrated Stabilization Mission in the Central African "
         "Republic Office of Internal Oversight Services Finance Division Resident Auditor "
         "Conversion from general temporary assistance").split()
FIGURES = ["1 234 567", "(2 500.5)", "12 %", "–", "830 000", "7"]
MARKS = {"": "---", "left": ":--", "right": "--:", "center": ":-:"}


def _glyphs_past(pdf_path, edge: float) -> list:
    """(page, mm past ``edge``, character) of each glyph of the page's body ending right of it."""
    return [(page, round(points / MM, 1), char) for page, points, char in glyphs_past(pdf_path, edge, 0.5)]


def _broken_figures(pdf_path, figures) -> list:
    """The figures (of more than one piece) whose characters the PDF sets on more than one baseline."""
    document = pdfium.PdfDocument(str(pdf_path))
    broken = []
    for figure in {f for f in figures if " " in f}:
        pieces = figure.split(" ")
        for number in range(len(document)):
            text = document[number].get_textpage()
            chars = [(text.get_text_range(i, 1), text.get_charbox(i)[1]) for i in range(text.count_chars())]
            joined = "".join(c for c, _y in chars)
            at = joined.find(pieces[0])
            while at >= 0:
                # The figure's characters from its first piece to its last, read in the file's order.
                span = chars[at:at + len(figure) + 4]
                read = "".join(c for c, _y in span).replace("\r", "").replace("\n", " ")
                if read.startswith(figure) or read.replace("  ", " ").startswith(figure):
                    # (a bracket reaches lower than a digit: lines are 12 pt apart)
                    bottoms = [y for c, y in span[:len(figure)] if c.strip()]
                    if max(bottoms) - min(bottoms) > 6:
                        broken.append(figure)
                at = joined.find(pieces[0], at + 1)
    return broken


cells = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join),
    st.sampled_from(FIGURES),
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(2, 4), data=st.data())
def test_a_tables_words_wrap_to_the_column_whatever_its_alignment(tmp_path_factory, width, data):
    aligns = data.draw(st.lists(st.sampled_from(sorted(MARKS)), min_size=width, max_size=width))
    rows = data.draw(st.lists(st.lists(cells, min_size=width, max_size=width), min_size=2, max_size=8))
    # A cell of many words in each column, so that every column must wrap (four columns of
    # "Multidimensional", the longest word, fit the column; five would not, whatever their
    # alignment).
    rows.append([" ".join(WORDS)] * width)
    table = "\n".join([
        "| " + " | ".join(f"*Column {n + 1}*" for n in range(width)) + " |",
        "|" + "|".join(MARKS[a] for a in aligns) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ])
    tmp_path = tmp_path_factory.mktemp("fit")
    source = tmp_path / "res.md"
    source.write_text(FRONT + table + "\n", encoding="utf-8")
    out = build_ok([source], tmp_path / "out", "-f", "pdf")
    assert _glyphs_past(out / "res.pdf", COLUMN_RIGHT) == [], aligns
    assert _broken_figures(out / "res.pdf", [c for row in rows for c in row if c in FIGURES]) == []


def test_a_figure_is_a_figure_and_words_are_not():
    for figure in FIGURES:
        assert Table.is_figure([_text(figure)]), figure
    for words in ("Subtotal", "P-4", "3 months, P-3", "Finance Division", ""):
        assert not Table.is_figure([_text(words)] if words else []), words


def _text(words):
    from unres.model.document import Text
    return Text(words)


def _first_table(res) -> Table:
    return next(b for annex in res.annexes for b in annex.blocks if isinstance(b, Table))


@needs_293
def test_the_uns_column_of_names_is_not_aligned_by_its_totals_alone(tmp_path):
    res, _warnings = import_akn(UN_293)
    table = _first_table(res)
    # (its first row spans "Posts" over the figures; the second names the columns)
    assert [plain_text(cell) for cell in table.rows[1]][1:3] == ["Organizational unit", "Number"]
    assert table.align[1] == "" and table.align[2] == "right"


@needs_293
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(marked=st.sets(st.integers(0, 40), max_size=41))
def test_a_column_is_aligned_as_most_of_its_cells_print(tmp_path_factory, marked):
    """The second column of 75/293's first table with its cells of words marked Right at random:
    the column is aligned right when more of them say Right than say nothing. (Its cells are
    found as the table lays them out: a cell spanning two rows leaves the second row's first cell
    after it in the third column; rows of <th> cells after the heading row count.)"""
    root = etree.parse(str(UN_293)).getroot()
    table_el = root.find(".//{*}table")
    key = "{http://un.org/akn4un}data-justification"
    cells_with_words = [cell for cell in _cells_in_column(table_el, 1) if "".join(cell.itertext()).strip()]
    for n, td in enumerate(cells_with_words):
        for attribute in [a for a in td.attrib if a.endswith("data-justification")]:
            del td.attrib[attribute]
        if n in marked:
            td.set(key, "Right")
    path = tmp_path_factory.mktemp("align") / "293.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    res, _warnings = import_akn(path)
    right = sum(1 for n in range(len(cells_with_words)) if n in marked)
    expected = "right" if right > len(cells_with_words) - right else ""
    if right * 2 == len(cells_with_words):
        expected = _first_table(res).align[1]      # a tie: either reading
    assert _first_table(res).align[1] == expected


def _cells_in_column(table_el, column: int) -> list:
    """The cells whose words stand in ``column`` (counted from 0), row by row, as the table lays
    them out, its heading row (a first row of <th> cells) left out: a cell spanning columns prints
    its words in the first, and one spanning rows leaves its column to it in the rows under it."""
    rows = table_el.findall("./{*}tr")
    if rows and all(local_name(cell) == "th" for cell in rows[0]):
        rows = rows[1:]
    found, spanned = [], {}      # spanned: column -> rows under a spanning cell still to come
    for tr in rows:
        at, below = 0, {}
        for cell in [c for c in tr if local_name(c) in ("td", "th")]:
            while spanned.get(at):
                at += 1
            span, down = int(cell.get("colspan") or 1), int(cell.get("rowspan") or 1)
            if at == column:
                found.append(cell)
            if down > 1:
                below.update({c: down - 1 for c in range(at, at + span)})
            at += span
        spanned = {c: n - 1 for c, n in spanned.items() if n > 1} | below
    return found


def local_name(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


@needs_293
def test_the_uns_table_prints_on_the_paper(tmp_path):
    """75/293 built from its import: no glyph past the page's frame (the masthead's 170 mm from
    20 mm, where the UN's own tables reach); its annex I within the text column."""
    from unres.writers.markdown import render_markdown

    res, _warnings = import_akn(UN_293)
    source = tmp_path / "293.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    out = build_ok([source], tmp_path / "out", "-f", "pdf")
    assert _glyphs_past(out / "293.pdf", 190 * MM) == []
    document = pdfium.PdfDocument(str(out / "293.pdf"))
    annex_pages = [n + 1 for n in range(len(document))
                   if "Posts to be established" in document[n].get_textpage().get_text_range()]
    assert annex_pages
    assert [g for g in _glyphs_past(out / "293.pdf", COLUMN_RIGHT) if g[0] in annex_pages] == []
