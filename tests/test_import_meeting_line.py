"""The meeting line a UN file prints as the main body's last paragraph (a paragraph without a number
holding the line alone, "55-заседание" after 58/4's last operative paragraph in Russian) where its
closing lines name no meeting: read as the meeting of adoption (W673), not refused and not joined to
the last operative paragraph. Shown on that file and on the 54th session's files of every language
moved into that shape."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, ROOT
from unres.errors import UnresError
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
UN_58_4R = ROOT / "tests" / "unseen" / "hrc" / "58session" / "Russian" / "A_HRC_RES_58_4R.xml"
LANGUAGES = {"Arabic": "A", "Chinese": "C", "English": "E", "French": "F", "Russian": "R", "Spanish": "S"}


def test_the_russian_file_reads_its_meeting_from_the_body(tmp_path):
    res, warnings = import_akn(UN_58_4R)
    assert res.meta.meeting == "55-заседание"
    moved = [w for w in warnings if w.code == "W673"]
    assert len(moved) == 1 and "55-заседание" in moved[0].message
    text = UN_58_4R.read_text(encoding="utf-8").splitlines()
    assert "55-заседание" in text[moved[0].loc.line - 1]
    assert [p.num for p in res.operative][-1] == "22."
    assert "заседание" not in render_markdown(res).split("---", 2)[2]
    src = tmp_path / "res.md"
    src.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(src)) == res


def _moved_into_the_body(path: Path, out: Path, text: str | None = None) -> str:
    """The file with its meeting line taken out of the closing lines and printed as an unnumbered
    paragraph after the last operative one (``text`` in its place, if given); the line."""
    root = etree.parse(str(path)).getroot()
    location = root.find(".//{*}conclusions//{*}location")
    line = "".join(location.itertext()).strip()
    eol = location.getnext()
    if eol is not None and etree.QName(eol).localname == "eol":
        eol.getparent().remove(eol)
    location.getparent().remove(location)
    ns = etree.QName(root).namespace
    body = root.find(".//{*}mainBody")
    paragraph = etree.SubElement(body, f"{{{ns}}}paragraph", eId="para_meeting")
    content = etree.SubElement(paragraph, f"{{{ns}}}content")
    p = etree.SubElement(content, f"{{{ns}}}p")
    etree.SubElement(p, f"{{{ns}}}span", {"class": "italic"}).text = line if text is None else text
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return line


@needs_corpus
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_meeting_line_left_in_the_body_is_the_meeting_in_every_language(tmp_path, language):
    original = HRC54 / language / f"A_HRC_RES_54_1{LANGUAGES[language]}.xml"
    moved = tmp_path / original.name
    line = _moved_into_the_body(original, moved)
    before, _warnings = import_akn(original)
    after, warnings = import_akn(moved)
    assert [w.code for w in warnings].count("W673") == 1
    assert after.meta.meeting == before.meta.meeting == line
    assert [(p.num, p.inlines, p.children) for p in after.operative] == \
        [(p.num, p.inlines, p.children) for p in before.operative]


@needs_corpus
@pytest.mark.parametrize("words", ["Thirty countries voted.", "A note 2023"])
def test_a_last_paragraph_of_other_words_is_not_a_meeting(tmp_path, words):
    original = HRC54 / "English" / "A_HRC_RES_54_1E.xml"
    moved = tmp_path / original.name
    _moved_into_the_body(original, moved, words)
    with pytest.raises(UnresError) as info:
        import_akn(moved)
    assert "E621" in {d.code for d in info.value.diagnostics}
    assert any("meeting" in d.message for d in info.value.diagnostics)


@needs_corpus
def test_the_closing_lines_meeting_stands_when_they_name_one(tmp_path):
    original = HRC54 / "English" / "A_HRC_RES_54_1E.xml"
    root = etree.parse(str(original)).getroot()
    ns = etree.QName(root).namespace
    body = root.find(".//{*}mainBody")
    paragraph = etree.SubElement(body, f"{{{ns}}}paragraph", eId="para_meeting")
    etree.SubElement(etree.SubElement(paragraph, f"{{{ns}}}content"), f"{{{ns}}}p").text = "12th meeting"
    path = tmp_path / original.name
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    res, warnings = import_akn(path)
    before, _warnings = import_akn(original)
    assert res.meta.meeting == before.meta.meeting != "12th meeting"
    assert "W673" not in {w.code for w in warnings}
