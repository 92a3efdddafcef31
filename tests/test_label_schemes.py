"""Sub-paragraphs labelled other than (a), (i), a., i. by depth: (i) directly under a paragraph, a.
under (i), bullets, numbers in brackets, as the Security Council's mandates print them. The first
label of a list says its scheme; every output prints the labels computed from it, in the
language's form, and every reader finds the same scheme again."""
from __future__ import annotations

import textwrap

import pytest
from lxml import etree

from conftest import CORPUS, council_front
from unres.cli import main
from unres.errors import SourceError
from unres.model.document import walk_subparagraphs
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

FRONT = council_front("9999", "{language}")

BODY = textwrap.dedent("""\

    *The Security Council*,

    *Determining* that the situation constitutes a threat to international peace and security,

    1. *Decides* that the mission shall have the following strategic objectives:

       {i} *Assist the political transition*:

           {a} assist the transition;

           {b} provide technical assistance;

       {ii} *Support the peace processes*;

    2. *Requests* the Secretary-General to report on:

       • engagement by the African Union;

       • progress in implementing paragraph 1;

    3. *Decides* on the following benchmarks:

       {n1} patrols: achieve standing clearance;

       {n2} team sites: support the team sites;

    4. *Commends* the completion of the first phase:

       {la} the second phase:

           – the mission will continue its good offices;

           – the mission will establish the conditions;

       {lb} the third phase.

    5. *Decides* to remain seized of the matter.
    """)

# Each language's labels, as its versions print them.
LABELS = {
    "English": dict(i="(i)", ii="(ii)", a="a.", b="b.", n1="(1)", n2="(2)", la="(a)", lb="(b)"),
    "French": dict(i="i)", ii="ii)", a="a.", b="b.", n1="1)", n2="2)", la="a)", lb="b)"),
    "Arabic": dict(i="’1‘", ii="’2‘", a="أ.", b="ب.", n1="(1)", n2="(2)", la="(أ)", lb="(ب)"),
}


def _source(tmp_path, language, labels=None, name="schemes.md"):
    body = BODY.format(**(labels or LABELS[language]))
    if language == "Arabic":
        body = "\n".join(line.replace(f"{n}. *", f"{n}- *", 1) if line.startswith(f"{n}. ") else line
                         for line in body.split("\n") for n in [line[:1]])
    path = tmp_path / name
    path.write_text(FRONT.format(language=language) + body, encoding="utf-8")
    return path


def _labels(res):
    return [[sub.label for sub in walk_subparagraphs(para.children)] for para in res.operative]


@pytest.mark.parametrize("language", sorted(LABELS))
def test_schemes_build_verify_and_import_back(tmp_path, language):
    path = _source(tmp_path, language)
    res = read_source(str(path))
    want = LABELS[language]
    assert _labels(res) == [[want["i"], want["a"], want["b"], want["ii"]], ["•", "•"], [want["n1"], want["n2"]],
                            [want["la"], "–", "–", want["lb"]], []]
    assert [p.sub_scheme for p in res.operative] == ["roman", "bullet", "decimal", "latin", ""]
    assert res.operative[3].children[0].sub_scheme == "dash"
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0
    akn = out / "schemes.akn.xml"
    root = etree.parse(str(akn)).getroot()
    points = root.xpath("//a:point", namespaces=NS)
    assert [p.findtext("a:num", namespaces=NS) for p in points] == \
        [want["i"], want["a"], want["b"], want["ii"], "•", "•", want["n1"], want["n2"], want["la"], "–", "–", want["lb"]]
    assert [p.get("eId") for p in points][4:6] == ["para_2__list_1__point_1", "para_2__list_1__point_2"]
    again, _warnings = import_akn(akn)
    assert again.parts == res.parts
    assert read_source(str(_write(tmp_path, render_markdown(again)))).parts == res.parts


def _write(tmp_path, text):
    path = tmp_path / "again.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_english_form_of_a_scheme_reads_in_every_language(tmp_path):
    res = read_source(str(_source(tmp_path, "French", LABELS["English"])))
    assert _labels(res)[0] == ["i)", "a.", "b.", "ii)"] and _labels(res)[2] == ["1)", "2)"]


@pytest.mark.parametrize("old, new, words", [
    # pandoc starts a list anew at a label of another style: the label is then held to a first one's
    ("   (ii) *Support", "   (b) *Support", "sub-paragraph label (b) where"),
    ("   • progress", "   (b) progress", "sub-paragraph label (b) where"),
    ("   (2) team", "   (3) team", "sub-paragraph label (3) where (2) is expected"),
])
def test_a_label_off_its_scheme_is_refused_at_its_line(tmp_path, old, new, words):
    path = _source(tmp_path, "English")
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    line = next(n for n, l in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if new in l)
    assert any(d.code == "E211" and d.loc.line == line and words in d.message for d in caught.value.diagnostics)


def test_markdown_bullets_are_still_refused(tmp_path):
    path = _source(tmp_path, "English")
    path.write_text(path.read_text(encoding="utf-8").replace("   • ", "   - "), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    assert [d.code for d in caught.value.diagnostics] == ["E206"]


SC = CORPUS / "un-akn-sc" / "2020"


@pytest.mark.skipif(not SC.exists(), reason="../shared/corpus/un-akn-sc is absent")
@pytest.mark.parametrize("name, paragraph, labels", [
    # (i) under the paragraph, a. under (i)
    ("English/S_RES_2524 (2020)-2007457E.xml", 2, ["(i)", "a.", "b.", "c.", "(ii)"]),
    ("French/S_RES_2524 (2020)-2007457F.xml", 2, ["i)", "a.", "b.", "c.", "ii)"]),
    # (1), then bullets, in the Spanish version
    ("Spanish/S_RES_2550 (2020)-2015092S.xml", 3, ["1)", "2)", "3)"]),
])
def test_the_uns_files_import_with_their_schemes(name, paragraph, labels):
    res, _warnings = import_akn(SC / name)
    assert _labels(res)[paragraph - 1][:len(labels)] == labels


@pytest.mark.skipif(not SC.exists(), reason="../shared/corpus/un-akn-sc is absent")
def test_a_hyphen_typed_for_the_dash_is_read_as_the_dash():
    """The Arabic version of S/RES/2512 (2020) types "-" where the others print the dash."""
    res, warnings = import_akn(SC / "Arabic" / "S_RES_2512 (2020)-2003205A.xml")
    dashed = [sub for para in res.operative for sub in walk_subparagraphs(para.children) if sub.sub_scheme == "dash"]
    assert dashed and all(child.label == "–" for sub in dashed for child in sub.children)
    assert "W693" in {w.code for w in warnings}
