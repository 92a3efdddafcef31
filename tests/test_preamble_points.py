"""A preambular paragraph that introduces a lettered list ("… a major contribution to:" then
"(a) International peace and security,", as A/RES/75/55 prints it): its sub-paragraphs, written
as a list right under it, built into every format and read back by verify, imported from the UN's
file and from our own AKN."""
from __future__ import annotations


import pytest
from lxml import etree

from conftest import CORPUS, build_ok, verify_ok
from test_adopted_text import assembly_source
from unres.errors import SourceError
from unres.lint import lint
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

BODY = """
*The General Assembly*,

*Recalling* its previous resolutions on the subject,

*Convinced* that the Convention is a major contribution to:[^1]

(a) International peace and security,

(b) Eliminating chemical weapons,

1. *Urges* all States to act;

2. *Decides* to remain seized of the matter.

[^1]: United Nations, *Treaty Series*, vol. 1974.
"""
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
UN_75_55 = CORPUS / "un-akn-ga" / "75session" / "English" / "75_55_E.xml"


def _source(tmp_path, body=BODY):
    return assembly_source(tmp_path, body)


def test_a_lettered_list_under_a_preambular_paragraph_is_its_sub_paragraphs(tmp_path):
    res = read_source(str(_source(tmp_path)))
    part = res.parts[0]
    # The paragraph ending with a colon stays preambular: the list, not paragraph 1, follows it.
    assert part.opening is None and len(part.preamble) == 2
    assert [(s.label, plain_text(s.inlines)) for s in part.preamble[1].children] == \
        [("(a)", "International peace and security,"), ("(b)", "Eliminating chemical weapons,")]
    assert [p.num for p in part.operative] == ["1.", "2."]
    assert not [d for d in lint(res) if d.code == "W101"]
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)) == res


def test_it_builds_in_every_format_verifies_and_imports_back(tmp_path):
    source = _source(tmp_path)
    out = build_ok([source], tmp_path / "out")
    verify_ok([source], out)
    akn = out / "A_RES_75_901.akn.xml"
    container = etree.parse(str(akn)).getroot().findall(f".//{AKN}preamble/{AKN}container")[1]
    assert [i.findtext(f"{AKN}num") for i in container.findall(f"{AKN}blockList/{AKN}item")] == ["(a)", "(b)"]
    assert import_akn(akn)[0] == read_source(str(source))


def test_a_sub_paragraph_of_a_preambular_one_holds_its_words_alone(tmp_path):
    body = BODY.replace("(b) Eliminating chemical weapons,", "(b) Eliminating:\n\n    (i) chemical weapons,")
    with pytest.raises(SourceError) as caught:
        read_source(str(_source(tmp_path, body)))
    assert [d.code for d in caught.value.diagnostics] == ["E218"]


@pytest.mark.skipif(not UN_75_55.exists(), reason="../shared/corpus/un-akn-ga is absent")
def test_the_un_list_after_a_preambular_paragraph_is_imported_under_it():
    res, _warnings = import_akn(UN_75_55)
    convinced = res.preamble[-1]
    assert plain_text(convinced.inlines).endswith("a major contribution to:")
    assert [s.label for s in convinced.children] == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    assert plain_text(convinced.children[0].inlines) == "International peace and security,"


@pytest.mark.parametrize("labels", [("’1‘", "’2‘"), ("(i)", "(ii)")])
def test_an_arabic_roman_list_under_a_preambular_paragraph_is_its_sub_paragraphs(tmp_path, labels):
    """The Arabic versions' roman level, ’1‘ ’2‘ …, which pandoc is given as "1)", is a list of
    sub-paragraphs, not numbered operative paragraphs (it was read as paragraph 1 repeated, E210)."""
    from test_adopted_text import ASSEMBLY_FRONT
    body = (f"\n*إن الجمعية العامة*،\n\n*وإذ تسلم* بأن السلام يتطلب:\n\n{labels[0]} الحوكمة الفعالة،\n\n"
            f"{labels[1]} سيادة القانون،\n\n1- *تقرر* أن تبقي المسألة قيد نظرها.\n")
    path = tmp_path / "A_RES_75_901.md"
    path.write_text(ASSEMBLY_FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + body, encoding="utf-8")
    res = read_source(str(path))
    part = res.parts[0]
    assert [(s.label, plain_text(s.inlines)) for s in part.preamble[0].children] == \
        [("’1‘", "الحوكمة الفعالة،"), ("’2‘", "سيادة القانون،")]
    assert [p.num for p in part.operative] == ["1-"]
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)) == res
