"""Tables, in annexes and under an operative paragraph's words: a pipe table in the source, an AKN
<table> (in an annex in a <container name="table">, as the UN writes one; in a paragraph's
<content>), an HTML/PDF table and a DOCX table; verify reads each cell back from all four.
The Assembly's own tables (75/249, 75/252, 75/254, 75/257 B, 75/293) are imported by
test_import_organs.py and two are built by test_import_organs_build.py."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from lxml import etree

from conftest import BUDGET_FRONT, build_ok
from unres.errors import SourceError
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.read.docx import extract_docx
from unres.verify.read.html import extract_html
from unres.verify.read.pdf_layout import extract_pdf
from unres.writers.markdown import render_markdown

FRONT = BUDGET_FRONT + textwrap.dedent("""\

    *The General Assembly*,

    *Recalling* its resolution 98/1,

    1. *Resolves* that appropriations are approved for the following purposes:

       | Section | *Amount* |
       |:--|--:|
       | 1. Overall policymaking | 78 809 400 |
       | 2. General Assembly affairs | 340 979 200 |

    2. *Decides* to appropriate the amounts set out in the annex to the present resolution.

    # Annex

    ## Financing for 2031

    #### Appropriations

    """)
# Enough rows to run the table over a page: a row is never broken, the pieces read as one table.
ROWS = [f"| Post {n} of the Office, with a title long enough to wrap^a^ | {n} {n:03d} 000 | P-{n % 5 + 1} |"
        for n in range(1, 61)]
TABLE = "\n".join(["| | *Amount* | Level |", "|:--|--:|:-:|", *ROWS,
                   "| **Total** | **1 830 000** | |"]) + "\n\n^a^ As approved in resolution 98/1.\n"
CELLS = (["Amount", "Level"]
         + [text for n in range(1, 61) for text in (f"Post {n} of the Office, with a title long enough to wrapa",
                                                     f"{n} {n:03d} 000", f"P-{n % 5 + 1}")]
         + ["Total", "1 830 000"])


OPERATIVE_CELLS = ["Section", "Amount", "1. Overall policymaking", "78 809 400", "2. General Assembly affairs",
                   "340 979 200"]


def _table_items(fp):
    return [item.text for item in fp.items if item.kind == "table"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    source = folder / "A_RES_99_12.md"
    source.write_text(FRONT + TABLE, encoding="utf-8")
    build_ok([source], folder / "out")
    return source, folder / "out"


def test_a_table_in_an_annex_reads_into_rows_cells_and_alignment(tmp_path):
    path = tmp_path / "t.md"
    path.write_text(FRONT + TABLE, encoding="utf-8")
    res = read_source(str(path))
    table = res.annexes[0].blocks[1]
    assert table.header == 1 and table.align == ["left", "right", "center"]
    (under,) = res.operative[0].under
    assert under.eid == "para_1__table_1" and len(under.rows) == 3 and res.operative[1].under == []
    assert len(table.rows) == 62 and table.eid == "att_1__table_1"
    # The canonical form writes it back as the same table.
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)) == res


def test_a_table_in_an_annex_builds_and_verifies_in_every_format(built):
    source, out = built
    stem = source.stem
    akn = etree.parse(str(out / f"{stem}.akn.xml"))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    tables = akn.xpath("//a:attachment//a:mainBody/a:container[@name='table']/a:table", namespaces=ns)
    assert len(tables) == 1 and len(tables[0].xpath("a:tr", namespaces=ns)) == 62
    assert len(tables[0].xpath("a:tr[1]/a:th", namespaces=ns)) == 3
    assert akn.xpath("//a:mainBody/a:paragraph[@eId='para_1']/a:content/a:table/@eId", namespaces=ns) == \
        ["para_1__table_1"]
    # Each reader of verify reads the cells that print words, row by row: the paragraph's, then the annex's.
    assert _table_items(extract_html(out / f"{stem}.html")) == OPERATIVE_CELLS + CELLS
    assert _table_items(extract_docx(out / f"{stem}.docx")) == OPERATIVE_CELLS + CELLS
    assert _table_items(extract_pdf(out / f"{stem}.pdf")) == OPERATIVE_CELLS + CELLS
    # unres's own AKN imports back into the same text and annex.
    res, _warnings = import_akn(out / f"{stem}.akn.xml")
    model = read_source(str(source))
    assert res.annexes == model.annexes and res.parts == model.parts


def test_verify_names_a_cell_that_differs(built, tmp_path):
    source, out = built
    html = (out / f"{source.stem}.html").read_text(encoding="utf-8")
    assert html.count("17 017 000") == 1
    (tmp_path / f"{source.stem}.html").write_text(html.replace("17 017 000", "17 017 001"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(source), "-o", str(tmp_path),
                             "-f", "html"], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert 'Annex table 1: text "17 017 001" where the source has "17 017 000"' in result.stdout + result.stderr


def test_a_paragraph_with_sub_paragraphs_and_a_table_is_refused(tmp_path):
    body = FRONT.replace("\n   | Section |", "\n   (a) one;\n\n   | Section |")
    assert "(a) one;" in body
    path = tmp_path / "t.md"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "E208" and diagnostic.loc.line == body.splitlines().index("   | Section | *Amount* |") + 1


def test_a_table_outside_an_annex_or_a_paragraph_is_refused_with_its_line(tmp_path):
    body = FRONT.split("# Annex")[0] + "| a | b |\n|---|---|\n| 1 | 2 |\n"
    path = tmp_path / "t.md"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "E206" and "annexes" in diagnostic.message
    assert diagnostic.loc.line == body.splitlines().index("| a | b |") + 1


ARABIC = """
*إن مجلس حقوق الإنسان*،

*إذ يشير* إلى قراره 1/1،

1. *يقرر* ما يلي:

   | الباب | *المبلغ* |
   |:--|--:|
   | 1. تقرير السياسات العامة | 78 809 400 |

2. *يقرر* أن يبقي المسألة قيد نظره.

# المرفق

| | *الإجمالي* | الرتبة |
|:--|--:|:-:|
| الوظيفة الأولى في المكتب | 1 001 000 | ف-3 |
| **المجموع** | **1 001 000** | |
"""


def test_a_right_to_left_version_reads_its_tables_back(tmp_path):
    """An Arabic page's cells are read by the right-to-left reader, each from its cell."""
    from conftest import FRONT as COUNCIL
    source = tmp_path / "A_HRC_RES_99_1_A.md"
    source.write_text(COUNCIL.replace("language: English", "language: Arabic") + ARABIC, encoding="utf-8")
    out = build_ok([source], tmp_path / "out")
    assert _table_items(extract_pdf(out / f"{source.stem}.pdf")) == [
        "الباب", "المبلغ", "1. تقرير السياسات العامة", "78 809 400",
        "الإجمالي", "الرتبة", "الوظيفة الأولى في المكتب", "1 001 000", "ف-3", "المجموع", "1 001 000"]
