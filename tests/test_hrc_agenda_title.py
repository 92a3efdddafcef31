"""The Council's agenda item title (printed under "Agenda item 3" since 2023): read from the source,
printed on page one of every output and in the AKN cover page as the UN marks it up, read back by
verify and by the importer."""
from __future__ import annotations

import subprocess

import docx
import pytest
from lxml import etree

from conftest import CORPUS, FRONT, make_source
from unres.cli import main
from unres.errors import SourceError
from unres.model.typography import smart_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.akn.validate import validate
from unres.writers.markdown import render_markdown

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
TITLE = "Human rights situation in Palestine and other occupied Arab territories"
WITH_TITLE = FRONT.replace('agenda_item: "3"\n', f'agenda_item:\n  number: "7"\n  title: {TITLE}\n')


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("agenda_title")
    source = make_source(folder, front=WITH_TITLE, name="A_HRC_RES_99_1.md")
    out = folder / "out"
    assert main(["build", str(source), "-o", str(out), "-q"]) == 0
    return source, out


def test_the_source_gives_number_and_title(built):
    meta = read_source(str(built[0])).meta
    assert (meta.agenda_item, meta.agenda_item_title) == ("7", TITLE)


def test_html_and_pdf_print_it_under_the_agenda_line(built):
    _source, out = built
    html = etree.HTML((out / "A_HRC_RES_99_1.html").read_bytes())
    session = [_one_line("".join(p.itertext())) for p in html.iterfind(".//div[@class='session']/p")]
    assert session[-2:] == ["Agenda item 7", TITLE]
    pdf = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out / "A_HRC_RES_99_1.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout
    assert f"Agenda item 7 {TITLE} Resolution adopted by the Human Rights Council" in _one_line(pdf)


def test_docx_prints_it_under_the_agenda_line(built):
    lines = [(p.style.name, p.text) for p in docx.Document(str(built[1] / "A_HRC_RES_99_1.docx")).paragraphs
             if p.text.strip()]
    at = lines.index(("SessionLineG", "Agenda item 7"))
    assert lines[at + 1] == ("SessionLineG", TITLE)


def test_akn_marks_it_up_as_the_un_does_and_verify_reads_it_back(built):
    source, out = built
    data = (out / "A_HRC_RES_99_1.akn.xml").read_bytes()
    assert validate(data) == []
    cover = etree.fromstring(data).find(".//a:coverPage", NS)
    names = cover.findall(".//a:inline[@name='agenda item name']", NS)
    assert [n.text for n in names] == [TITLE]
    assert main(["verify", str(source), "-o", str(out), "-q"]) == 0


def test_importing_our_akn_keeps_it(built, tmp_path):
    source, out = built
    res, _warnings = import_akn(out / "A_HRC_RES_99_1.akn.xml")
    assert res.meta == read_source(str(source)).meta


def test_a_source_without_a_title_prints_none(tmp_path):
    source = make_source(tmp_path)
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out), "-q", "--format", "akn"]) == 0
    assert b"agenda item name" not in (out / "res.akn.xml").read_bytes()


@pytest.mark.parametrize("front, code, words", [
    (FRONT.replace('agenda_item: "3"\n', f"agenda_item:\n  title: {TITLE}\n"), "E105", "no 'number'"),
    (FRONT.replace('agenda_item: "3"\n', 'agenda_item:\n  number: "3"\n  name: x\n'), "E106",
     "agenda_item.name"),
    (FRONT.replace('agenda_item: "3"\n', 'agenda_item:\n  number: "3"\n  title: [a]\n'), "E103",
     "'agenda_item.title' must be text"),
])
def test_a_malformed_agenda_item_is_refused_with_its_line(tmp_path, front, code, words):
    with pytest.raises(SourceError) as exc:
        read_source(str(make_source(tmp_path, front=front)))
    found = [(d.code, d.loc.line, d.message) for d in exc.value.diagnostics]
    assert any(c == code and line >= 10 and words in message for c, line, message in found), found


FILES_54 = sorted((CORPUS / "un-akn-hrc" / "54session").glob("*/A_HRC_RES_54_1*.xml")) if CORPUS.exists() else []


@pytest.mark.skipif(not FILES_54, reason="../shared/corpus/un-akn-hrc/54session is absent")
def test_importing_a_54th_session_file_keeps_it_in_every_language(tmp_path):
    languages = set()
    for path in FILES_54:
        un = etree.parse(str(path)).getroot()
        res, _warnings = import_akn(path)
        pieces = un.findall(".//a:coverPage//a:inline[@name='agenda item name']", NS)
        printed = "".join(smart_text("".join(p.itertext())) for p in pieces)
        assert "".join((res.meta.agenda_item_title or "").split()) == "".join(printed.split()), path.name
        md = tmp_path / (path.stem + ".md")
        md.write_text(render_markdown(res), encoding="utf-8")
        assert read_source(str(md)).meta.agenda_item_title == res.meta.agenda_item_title
        languages.add(path.parent.name)
    assert len(languages) == 6


@pytest.mark.skipif(not FILES_54, reason="../shared/corpus/un-akn-hrc/54session is absent")
@pytest.mark.parametrize("name, title", [
    ("Chinese/A_HRC_RES_54_19C.xml", "促进和保护所有人权―― 公民权利、政治权利、经济、社会及文化权利，包括发展权"),
    ("Russian/A_HRC_RES_54_16R.xml", "Поощрение и защита всех прав человека, гражданских, политических, "
                                     "экономических, социальных и культурных прав, включая право на развитие"),
])
def test_a_title_broken_into_lines_is_imported_as_one(name, title):
    res, _warnings = import_akn(CORPUS / "un-akn-hrc" / "54session" / name)
    assert _one_line(res.meta.agenda_item_title) == title
