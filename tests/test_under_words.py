"""What a paragraph prints under its words: several tables, the headings between them and the notes
under them, as the Fifth Committee's budget resolutions print them (75/246, paragraph 43: "Approves
the changes to the staffing table as set out in the table below:", "A. Pension Administration", a
table, "B. Office of Investment Management", another table, "Abbreviations: …").

The source indents them under the paragraph's words, as a single table is; every writer prints them
in order (the AKN a heading as the <tblock> it opens, a note as <p class="note">), every reader of
verify reads them back, and unres's own AKN imports back into the same source. The UN's own file is
imported by test_import_organs.py and built by test_import_organs_build.py."""
from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import build_ok
from unres.errors import SourceError
from unres.model.document import Heading, Link, Table, plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.compare import compare
from unres.verify.expected import from_model
from unres.verify.read.akn import extract_akn
from unres.verify.read.docx import extract_docx
from unres.verify.read.html import extract_html
from unres.verify.read.pdf_layout import extract_pdf
from unres.writers.markdown import render_markdown

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/99/246
    number: "99/246"
    title: United Nations Joint Staff Pension Fund
    organ: General Assembly
    session: 99
    session_name: Ninety-ninth session
    agenda_items:
      - number: "146"
        title: United Nations pension system
    origin:
      committee: Fifth Committee
      documents: [A/99/653]
    distribution: General
    issue_date: 2031-01-12
    language: {language}
    adoption_date: 2030-12-31
    meeting: 48th (resumed)
    vote: without
    ---

    """)

# The words of one resolution in each language: formula, preambular paragraph, the paragraph the
# tables stand under, the two headings, a table's heading row and rows, the note, the last paragraph.
WORDS = {
    "English": ("*The General Assembly*,", "*Recalling* its resolution 98/1,",
                "*Approves* the changes to the staffing table as set out in the table below:",
                "A. Pension Administration", "B. Office of Investment Management",
                ("*Action*", "*Category*", "*Number*"), ("New post", "P-5", "1"), ("Abolishment", "GS (OL)", "(1)"),
                "*Abbreviations*: GS (OL), General Service (Other level), as in A/99/653.",
                "*Authorizes* the Pension Board to supplement the contributions."),
    "French": ("*L'Assemblée générale*,", "*Rappelant* sa résolution 98/1,",
               "*Approuve* les modifications du tableau des effectifs indiquées dans le tableau ci-après :",
               "A. Administration des pensions", "B. Bureau de la gestion des investissements",
               ("*Mesure*", "*Classe*", "*Nombre*"), ("Création", "P-5", "1"), ("Suppression", "G (AC)", "(1)"),
               "*Abréviation* : G (AC), agent des services généraux (Autres classes).",
               "*Autorise* le Comité mixte à compléter les contributions."),
    "Spanish": ("*La Asamblea General*,", "*Recordando* su resolución 98/1,",
                "*Aprueba* los cambios en la plantilla que se indican en el cuadro siguiente:",
                "A. Administración de Pensiones", "B. Oficina de Gestión de las Inversiones",
                ("*Medida*", "*Categoría*", "*Número*"), ("Puesto nuevo", "P-5", "1"),
                ("Supresión", "SG (OC)", "(1)"),
                "*Abreviación*: SG (OC), Servicios Generales (otras categorías).",
                "*Autoriza* al Comité Mixto a complementar las contribuciones."),
    "Russian": ("*Генеральная Ассамблея*,", "*ссылаясь* на свою резолюцию 98/1,",
                "*утверждает* изменения в штатном расписании, указанные в таблице ниже:",
                "A. Пенсионная администрация", "B. Управление инвестициями",
                ("*Мера*", "*Класс*", "*Число*"), ("Новая должность", "С-5", "1"),
                ("Упразднение", "ОО (ПР)", "(1)"),
                "*Сокращение*: ОО (ПР) — категория общего обслуживания (прочие разряды).",
                "*уполномочивает* Правление дополнить взносы."),
    "Arabic": ("*إن الجمعية العامة*،", "*إذ تشير* إلى قرارها 98/1،",
               "*توافق* على التغييرات في ملاك الموظفين على النحو المبين في الجدول أدناه:",
               "ألف - إدارة المعاشات التقاعدية", "باء - مكتب إدارة الاستثمارات",
               ("*الإجراء*", "*الرتبة*", "*العدد*"), ("وظيفة جديدة", "ف-5", "1"),
               ("إلغاء", "خ ع (ر أ)", "(1)"),
               "*المختصر*: خ ع (ر أ)، فئة الخدمات العامة (الرتب الأخرى).",
               "*تأذن* للمجلس بأن يكمل التبرعات."),
    "Chinese": ("**大会**，", "**回顾**其第98/1号决议，",
                "**核准**下表所列员额配置表的变动：",
                "A. 养恤金管理处", "B. 投资管理办公室",
                ("**行动**", "**职类**", "**数目**"), ("新设员额", "P-5", "1"),
                ("裁撤", "一般事务(其他职等)", "(1)"),
                "**缩写**：一般事务(其他职等)。",
                "**授权**联合委员会补充捐款。"),
}


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head, *rows, indent="   ") -> str:
    lines = [_row(head), "|:--|:--|--:|", *(_row(r) for r in rows)]
    return "\n".join(indent + line for line in lines) + "\n"


def source_text(language: str, in_annex: bool = False) -> str:
    (formula, preamble, words, first, second, head, row1, row2, note, last) = WORDS[language]
    under = (f"   #### {first}\n\n" + _table(head, row1) + f"\n   #### {second}\n\n"
             + _table(head, row2) + f"\n   {note}\n")
    body = f"{formula}\n\n{preamble}\n\n1. {words}\n\n{under}\n2. {last}\n"
    if in_annex:
        body = f"{formula}\n\n{preamble}\n\n1. {last}\n\n# Annex\n\n1. {words}\n\n{under}\n2. {last}\n"
    return FRONT.replace("{language}", language) + body


def _kinds(blocks) -> list:
    return [type(block).__name__ for block in blocks]


def test_headings_tables_and_a_note_under_a_paragraphs_words_read_in_print_order(tmp_path):
    path = tmp_path / "A_RES_99_246.md"
    path.write_text(source_text("English"), encoding="utf-8")
    res = read_source(str(path))
    para = res.operative[0]
    assert _kinds(para.under) == ["Heading", "Table", "Heading", "Table", "Paragraph"]
    assert [block.eid for block in para.under] == ["para_1__tblock_1", "para_1__table_1", "para_1__tblock_2",
                                                   "para_1__table_2", "para_1__p_1"]
    assert para.under[0].level == 4 and plain_text(para.under[0].inlines) == "A. Pension Administration"
    assert [plain_text(cell) for cell in para.under[3].cells()] == ["Action", "Category", "Number", "Abolishment",
                                                                    "GS (OL)", "(1)"]
    assert plain_text(para.under[4].inlines).startswith("Abbreviations: GS (OL)")
    # A document a note cites is linked, as in any paragraph.
    assert [link.symbol for link in para.under[4].inlines if isinstance(link, Link)] == ["A/99/653"]
    # Each block keeps its source line.
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [block.loc.line for block in para.under] == [
        lines.index("   #### A. Pension Administration") + 1, lines.index("   | *Action* | *Category* | *Number* |") + 1,
        lines.index("   #### B. Office of Investment Management") + 1,
        len(lines) - lines[::-1].index("   | *Action* | *Category* | *Number* |"),
        lines.index("   *Abbreviations*: GS (OL), General Service (Other level), as in A/99/653.") + 1]
    assert res.operative[1].under == []
    # The canonical form writes them back, and reads as the same resolution.
    canonical = render_markdown(res)
    again = tmp_path / "again.md"
    again.write_text(canonical, encoding="utf-8")
    assert read_source(str(again)) == res
    assert render_markdown(read_source(str(again))) == canonical


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The same resolution in each of the six languages, and in English with the blocks under a
    numbered paragraph of an annex, built into all four formats (the build reads each back)."""
    folder = tmp_path_factory.mktemp("under")
    sources = []
    for language in WORDS:
        path = folder / f"A_RES_99_246_{language[:2].upper()}.md"
        path.write_text(source_text(language), encoding="utf-8")
        sources.append(path)
    annex = folder / "A_RES_99_246_ANNEX.md"
    annex.write_text(source_text("English", in_annex=True), encoding="utf-8")
    sources.append(annex)
    nested = folder / "A_RES_99_246_NESTED.md"
    nested.write_text(source_text("English").replace("   #### A. Pension Administration\n",
                                                     "   #### A\n\n   ##### Pension Administration\n"),
                      encoding="utf-8")
    sources.append(nested)
    build_ok(sources, folder / "out", "-j", "2")
    return sources, folder / "out"


def _under_items(fp) -> list:
    """(kind, text) of what the readers read under paragraph 1's words; an annex's tables' cells apart."""
    return [(item.kind, item.text) for item in fp.items
            if item.kind in ("table", "note") or (item.kind == "heading" and len(item.path) > 1)]


@pytest.mark.parametrize("language", list(WORDS))
def test_every_format_prints_them_and_every_reader_reads_them_back(built, language):
    sources, out = built
    source = next(s for s in sources if s.stem.endswith("_" + language[:2].upper()))
    res = read_source(str(source))
    want = _under_items(from_model(res, "source"))
    (_f, _p, _w, first, second, head, row1, row2, note, _l) = WORDS[language]
    assert [kind for kind, _text in want] == ["heading"] + ["table"] * 6 + ["heading"] + ["table"] * 6 + ["note"]
    assert want[0][1] == first and want[7][1] == second
    for extract, suffix in ((extract_akn, ".akn.xml"), (extract_html, ".html"), (extract_docx, ".docx")):
        assert _under_items(extract(out / (source.stem + suffix))) == want, suffix
    # The PDF is read as print shows it: its texts are held to what verify holds them to (whether
    # a space stood after a hyphen, "ف-5" in a right-to-left line, print does not show).
    got = extract_pdf(out / (source.stem + ".pdf"))
    assert [kind for kind, _text in _under_items(got)] == [kind for kind, _text in want]
    assert compare(from_model(res, "source"), got) == []
    akn = etree.parse(str(out / f"{source.stem}.akn.xml"))
    content = akn.xpath("//a:paragraph[@eId='para_1']/a:content", namespaces=AKN)[0]
    assert [etree.QName(c).localname for c in content] == ["p", "tblock", "tblock"]
    assert [etree.QName(c).localname for c in content[2]] == ["heading", "table", "p"]
    assert content[2].get("class") == "H1" and content[2][2].get("class") == "note"
    if language == "English":
        assert content[2][2].xpath("a:ref/@href", namespaces=AKN) == ["https://undocs.org/en/A/99/653"]
    # unres's own AKN imports back into the same text.
    again, _warnings = import_akn(out / f"{source.stem}.akn.xml")
    assert again.parts == res.parts


def test_in_an_annex_they_stand_under_its_numbered_paragraph(built):
    sources, out = built
    source = sources[-2]
    res = read_source(str(source))
    para = res.annexes[0].blocks[0]
    assert _kinds(para.under) == ["Heading", "Table", "Heading", "Table", "Paragraph"]
    assert para.under[0].eid == "att_1__para_1__tblock_1"
    akn = etree.parse(str(out / f"{source.stem}.akn.xml"))
    assert akn.xpath("//a:attachment//a:paragraph[@eId='att_1__para_1']/a:content/a:tblock/@eId",
                     namespaces=AKN) == ["att_1__para_1__tblock_1", "att_1__para_1__tblock_2"]
    again, _warnings = import_akn(out / f"{source.stem}.akn.xml")
    assert again.annexes == res.annexes


def test_a_heading_right_under_another_stands_in_its_tblock(built):
    """("A", then "Pension Administration" over the table, as 75/293 prints "A" over its title): the
    AKN's <tblock> holds at least one block, so the second heading's is in the first's."""
    sources, out = built
    source = sources[-1]
    res = read_source(str(source))
    assert _kinds(res.operative[0].under) == ["Heading", "Heading", "Table", "Heading", "Table", "Paragraph"]
    akn = etree.parse(str(out / f"{source.stem}.akn.xml"))
    content = akn.xpath("//a:paragraph[@eId='para_1']/a:content", namespaces=AKN)[0]
    assert [etree.QName(c).localname for c in content] == ["p", "tblock", "tblock"]
    assert [etree.QName(c).localname for c in content[1]] == ["heading", "tblock"]
    assert [etree.QName(c).localname for c in content[1][1]] == ["heading", "table"]
    assert [content[1].get("class"), content[1][1].get("class")] == ["H1", "H23"]
    want = _under_items(from_model(res, "source"))
    assert [kind for kind, _text in want][:3] == ["heading", "heading", "table"]
    for extract, suffix in ((extract_akn, ".akn.xml"), (extract_html, ".html"), (extract_docx, ".docx")):
        assert _under_items(extract(out / (source.stem + suffix))) == want, suffix
    # The PDF is read as print shows it: its texts are held to what verify holds them to (whether
    # a space stood after a hyphen, "ف-5" in a right-to-left line, print does not show).
    got = extract_pdf(out / (source.stem + ".pdf"))
    assert [kind for kind, _text in _under_items(got)] == [kind for kind, _text in want]
    assert compare(from_model(res, "source"), got) == []
    again, _warnings = import_akn(out / f"{source.stem}.akn.xml")
    assert again.parts == res.parts


def test_verify_names_a_note_that_differs(built, tmp_path):
    import subprocess
    import sys
    sources, out = built
    source = sources[0]
    html = (out / f"{source.stem}.html").read_text(encoding="utf-8")
    assert html.count("General Service (Other level)") == 1
    (tmp_path / f"{source.stem}.html").write_text(html.replace("General Service (Other level)",
                                                               "General Service (Principal level)"),
                                                  encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(source), "-o", str(tmp_path),
                             "-f", "html"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "operative 1 note 1: text" in result.stdout + result.stderr


# ---------------------------------------------------------------- variants
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
WORDS_OF = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
TABLE = st.tuples(st.integers(1, 3), st.integers(1, 3), st.booleans()).flatmap(
    lambda shape: st.tuples(st.just(shape[2]), st.lists(st.lists(WORDS_OF, min_size=shape[0], max_size=shape[0]),
                                                        min_size=shape[1], max_size=shape[1])))
# What may stand under a paragraph's words: headings over a table, then notes under it, then more
# tables with their headings and notes.
HEADINGS = st.lists(st.tuples(st.integers(3, 6), WORDS_OF), max_size=2)
GROUP = st.tuples(HEADINGS, TABLE, st.lists(WORDS_OF, max_size=2))
UNDER = st.lists(GROUP, min_size=1, max_size=3)


def _written(groups, indent="   ") -> tuple[str, list]:
    """The source lines of ``groups`` and the blocks expected: (kind, level or rows, words)."""
    lines, blocks = [], []
    for headings, (with_head, rows), notes in groups:
        for level, words in headings:
            lines += [f"{indent}{'#' * level} {words.capitalize()}", ""]
            blocks.append(("Heading", level, words.capitalize()))
        width = len(rows[0])
        head = rows[0] if with_head else [""] * width
        body = rows[1:] if with_head else rows
        lines += [indent + _row(head), indent + "|" + "|".join(["---"] * width) + "|",
                  *(indent + _row(r) for r in body), ""]
        blocks.append(("Table", [c for r in (rows if with_head else body) for c in r], ""))
        for words in notes:
            lines += [f"{indent}{words.capitalize()}.", ""]
            blocks.append(("Paragraph", 0, words.capitalize() + "."))
    return "\n".join(lines), blocks


def _seen(under) -> list:
    out = []
    for block in under:
        if isinstance(block, Table):
            out.append(("Table", [plain_text(c) for c in block.cells()], ""))
        elif isinstance(block, Heading):
            out.append(("Heading", block.level, plain_text(block.inlines)))
        else:
            out.append(("Paragraph", 0, plain_text(block.inlines)))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(groups=UNDER, in_annex=st.booleans())
def test_any_run_of_headings_tables_and_notes_reads_and_writes_back(tmp_path, groups, in_annex):
    text, blocks = _written(groups)
    body = "*The General Assembly*,\n\n*Recalling* its resolution 98/1,\n\n"
    para = f"1. *Approves* the following:\n\n{text}\n2. *Decides* to continue.\n"
    body += para if not in_annex else "1. *Decides* to act.\n\n# Annex\n\n" + para
    path = tmp_path / "A_RES_99_1.md"
    path.write_text(FRONT.replace("{language}", "English") + body, encoding="utf-8")
    res = read_source(str(path))
    owner = res.annexes[0].blocks[0] if in_annex else res.operative[0]
    assert _seen(owner.under) == blocks
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)) == res


# ---------------------------------------------------------------- misuse
GOOD = "1. *Approves* the following:\n\n   #### A. One\n\n   | a | b |\n   |---|--:|\n   | c | 1 |\n\n   *Note*: c.\n"
MISUSES = [
    # A note before any table: the first of what follows the words that is not a heading is a table.
    ("note first", GOOD.replace("   #### A. One\n", "   Words before the table.\n\n   #### A. One\n"),
     "E208", "Words before the table."),
    ("a note under a heading before any table",
     GOOD.replace("   | a | b |", "   Words under the heading.\n\n   | a | b |"), "E220", "   Words under the heading."),
    ("a heading over a note", GOOD + "\n   #### B. Two\n\n   Words under B.\n", "E220", "   Words under B."),
    ("heading over nothing", GOOD + "\n   #### B. Two\n", "E220", "   #### B. Two"),
    ("a part's heading level", GOOD.replace("#### A. One", "## A. One"), "E220", "   ## A. One"),
    ("sub-paragraphs after a table", GOOD + "\n   (a) more;\n", "E220", "   (a) more;"),
    ("sub-paragraphs before a table", GOOD.replace("   #### A. One\n", "   (a) one;\n\n   #### A. One\n"),
     "E208", "   #### A. One"),
    ("a note that is a code block", GOOD + "\n   ```\n   code\n   ```\n", "E220", "   ```"),
]


@pytest.mark.parametrize("name, body, code, line", MISUSES, ids=[m[0] for m in MISUSES])
def test_misuse_is_refused_with_its_code_and_line(tmp_path, name, body, code, line):
    text = FRONT.replace("{language}", "English") + "*The General Assembly*,\n\n*Recalling* its resolution 98/1,\n\n" \
        + body + "\n2. *Decides* to continue.\n"
    path = tmp_path / "A_RES_99_1.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    found = [(d.code, d.loc.line) for d in caught.value.diagnostics]
    lines = text.splitlines()
    expected_line = next(i for i, l in enumerate(lines, 1) if l == line or (l.strip() and l.strip() in line))
    assert (code, expected_line) in found, (found, expected_line)
    assert all(str(d.loc).startswith(str(path) + ":") for d in caught.value.diagnostics)


def test_in_an_adopted_text_they_and_its_own_tables_read_back(tmp_path):
    """A declaration's numbered paragraph with a heading, a table and a note under its words, and a
    table of the declaration's own after it: verify's DOCX and PDF readers read the tables of an
    adopted text too (they read only the resolution's and the annexes')."""
    from test_adopted_text import ASSEMBLY_FRONT, DECLARATION
    ours = ("> 3. We commit to the following figures:\n>\n>    #### A. Figures\n>\n"
            ">    | *Item* | *Amount* |\n>    |:--|--:|\n>    | First | 1 000 |\n>\n>    *Note*: in dollars.\n>\n"
            "> | *Item* | *Amount* |\n> |:--|--:|\n> | Second | 2 000 |")
    body = DECLARATION.replace("> 3. We commit to take the present declaration to our citizens.", ours)
    assert ours in body
    source = tmp_path / "A_RES_75_901.md"
    source.write_text(ASSEMBLY_FRONT + body, encoding="utf-8")
    res = read_source(str(source))
    blocks = res.parts[0].adopted.blocks
    assert _kinds(blocks[-2].under) == ["Heading", "Table", "Paragraph"] and _kinds(blocks[-1:]) == ["Table"]
    out = build_ok([source], tmp_path / "out")
    want = [(i.kind, i.text) for i in from_model(res, "source").items if i.kind == "table"]
    assert [text for _kind, text in want] == ["Item", "Amount", "First", "1 000", "Item", "Amount", "Second", "2 000"]
    for extract, suffix in ((extract_akn, ".akn.xml"), (extract_html, ".html"), (extract_docx, ".docx"),
                            (extract_pdf, ".pdf")):
        assert [(i.kind, i.text) for i in extract(out / (source.stem + suffix)).items if i.kind == "table"] == want
    again, _warnings = import_akn(out / f"{source.stem}.akn.xml")
    assert again.parts == res.parts
