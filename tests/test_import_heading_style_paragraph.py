"""A heading typed as a paragraph of a heading's style, with no <heading>: A/HRC/RES/55/8 in
Russian prints "Последующая деятельность" ("Follow-up") above paragraph 7 as
``<paragraph class="H23G"><content><p><span class="bold">…``. The import read it as a heading by
its shape alone (W692), named it "a heading that lost its style" although the file names its
style, and set it at the level of H23 whatever style the file named. The style the paragraph
names now gives the heading's level (HCh 3, H1 4, H23 5, H4 6; Geneva's …G and the Arabic and
Chinese versions' letter alike), and the warning names the style. A paragraph of another style is
read by its shape, as before. Shown on the UN file and on generated cuts of the UN's files in
every language."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, ROOT
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
LANGUAGES = {"Arabic": "A", "Chinese": "C", "English": "E", "French": "F", "Russian": "R", "Spanish": "S"}
UNSEEN_55_8 = ROOT / "tests" / "unseen" / "hrc" / "55session" / "Russian" / "A_HRC_RES_55_8R.xml"
# The UN's heading styles and the level each prints at (docs/un-style.md: HCh, H1, H23, H4).
STYLES = {"HCh": 3, "H1": 4, "H23": 5, "H4": 6, "H56": 6}


def _with_heading(path: Path, out: Path, style: str, words: str, bold: bool) -> str:
    """The file with a paragraph of ``style`` holding ``words`` (in bold if ``bold``) inserted
    before its second numbered operative paragraph; returns that paragraph's number."""
    root = etree.parse(str(path)).getroot()
    ns = etree.QName(root).namespace
    numbered = [p for p in root.findall(".//{*}mainBody/{*}paragraph") if p.find("{*}num") is not None]
    target = numbered[1]
    paragraph = etree.Element(f"{{{ns}}}paragraph", {"eId": "para_inserted", "class": style})
    content = etree.SubElement(paragraph, f"{{{ns}}}content")
    p = etree.SubElement(content, f"{{{ns}}}p")
    if bold:
        etree.SubElement(p, f"{{{ns}}}span", {"class": "bold"}).text = words
    else:
        p.text = words
    target.addprevious(paragraph)
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return target.find("{*}num").text.strip()


def _heading_above(res, num: str):
    para = next(p for p in res.operative if p.num == num)
    assert len(para.headings) == 1, [plain_text(h.inlines) for h in para.headings]
    return para.headings[0]


def test_the_un_file_prints_its_heading_at_its_styles_level():
    res, warnings = import_akn(UNSEEN_55_8)
    heading = _heading_above(res, "7.")
    assert plain_text(heading.inlines) == "Последующая деятельность"
    assert heading.level == 5
    said = [str(w) for w in warnings if w.code == "W692"]
    assert len(said) == 1 and "heading style H23G" in said[0] and "lost its style" not in said[0]


@needs_corpus
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(sorted(LANGUAGES)), index=st.integers(0, 200),
       style=st.sampled_from(sorted(STYLES)), geneva=st.booleans(), letter=st.booleans(),
       bold=st.booleans(), words=st.sampled_from(["Follow-up", "Suivi", "Последующая деятельность",
                                                   "后续行动", "المتابعة", "Seguimiento"]))
def test_a_paragraph_of_a_heading_style_is_a_heading_of_that_level(tmp_path, language, index, style, geneva,
                                                                    letter, bold, words):
    files = sorted((HRC54 / language).glob("*.xml"))
    path = files[index % len(files)]
    named = style + ("G" if geneva else "") + (LANGUAGES[language] if letter and language in ("Arabic", "Chinese")
                                               else "")
    out = tmp_path / f"{path.stem}-{named}.xml"
    num = _with_heading(path, out, named, words, bold)
    res, warnings = import_akn(out)
    heading = _heading_above(res, num)
    assert plain_text(heading.inlines) == words
    assert heading.level == STYLES[style], named
    assert any(w.code == "W692" and f"heading style {named}," in str(w) for w in warnings)


@needs_corpus
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_paragraph_of_another_style_is_read_by_its_shape(tmp_path, language):
    """Words alone in a body text style above a numbered paragraph: a heading whose style was
    lost, at H23's level (H4's when set all in italics), as before."""
    path = sorted((HRC54 / language).glob("*.xml"))[0]
    out = tmp_path / f"{path.stem}.xml"
    num = _with_heading(path, out, "SingleTxtG", "Follow-up", bold=True)
    res, warnings = import_akn(out)
    assert _heading_above(res, num).level == 5
    assert any(w.code == "W692" and "lost its style" in str(w) for w in warnings)
