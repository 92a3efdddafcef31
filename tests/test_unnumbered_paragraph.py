"""A resolution (or a part A, B … of one) whose operative part is one paragraph printed without a
number, as the UN prints it ("*Decides* that the election …", A/RES/75/13, 75/101 A, S/RES/2770
(2025)): the source writes it as the part's last paragraph, after its preamble, with the
sub-paragraphs its words introduce under it; every output prints it without a number (the AKN as
a <paragraph> without <num>), verify reads it back from each, and the AKN imports back to the same
model. Variants over organ × language × parts × footnote × sub-paragraphs build and verify."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, FRONT, ROOT, build_ok, council_front, verify_ok
from unres.errors import SourceError
from unres.lint import lint
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.read.akn import extract_akn
from unres.verify.read.docx import extract_docx
from unres.verify.read.html import extract_html
from unres.verify.read.pdf_layout import extract_pdf
from unres.writers.markdown import render_markdown

ASSEMBLY_FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/99/13{parts}
    number: "99/13{parts}"
    title: Cooperation between the United Nations and regional organizations
    organ: General Assembly
    session: 99
    session_name: Ninety-ninth session
    agenda_items:
      - number: "72"
        title: Cooperation between the United Nations and regional organizations
    origin:
      documents: [A/99/L.3]
    distribution: General
    issue_date: 2030-11-30
    language: {language}
    adoption_date: 2030-11-23
    meeting: 30
    vote: without
    ---
    """)

LANGUAGES = ["English", "French", "Spanish", "Russian", "Chinese", "Arabic"]
# The formula, as each organ is named in each language, and the punctuation a preambular
# paragraph ends with.
FORMULAS = {
    "hrc": {"English": "The Human Rights Council", "French": "Le Conseil des droits de l’homme",
            "Spanish": "El Consejo de Derechos Humanos", "Russian": "Совет по правам человека",
            "Chinese": "人权理事会", "Arabic": "إن مجلس حقوق الإنسان"},
    "ga": {"English": "The General Assembly", "French": "L’Assemblée générale", "Spanish": "La Asamblea General",
           "Russian": "Генеральная Ассамблея", "Chinese": "大会", "Arabic": "إن الجمعية العامة"},
    "sc": {"English": "The Security Council", "French": "Le Conseil de sécurité",
           "Spanish": "El Consejo de Seguridad", "Russian": "Совет Безопасности",
           "Chinese": "安全理事会", "Arabic": "إن مجلس الأمن"},
}
COMMA = {"Chinese": "，", "Arabic": "،"}


def _front(organ: str, language: str, parts: bool) -> str:
    if organ == "ga":
        text = ASSEMBLY_FRONT.format(parts=" A-B" if parts else "", language=language)
        # (an Arabic version's title in Arabic, as the UN's are)
        return text.replace("title: Cooperation between the United Nations and regional organizations",
                            "title: التعاون بين الأمم المتحدة والمنظمات الإقليمية") if language == "Arabic" else text
    if organ == "sc":
        return council_front("9999", language)
    return FRONT.replace("language: English", f"language: {language}")


def _part(organ, language, note: str, subs: bool) -> str:
    comma = COMMA.get(language, ",")
    text = f"*{FORMULAS[organ][language]}*{comma}\n\n*Recalling* its resolution 98/1{comma}{note}\n\n"
    if not subs:
        return text + "*Decides* that the election to fill the vacancy shall take place on 27 May 2030.\n"
    return text + textwrap.dedent("""\
        *Urges* all countries:

        (a) To cooperate with a view to reducing disparities;

        (b) To aim at providing all possible support, including:

            (i) The development of human and technical resources;

            (ii) The creation of conditions;

        (c) To enhance regional efforts.
        """)


def _source(organ, language, parts: bool, note: bool, subs: bool) -> str:
    call = "[^1]" if note else ""
    body = "\n"
    if parts:
        body += "# A\n\n## Cooperation\n\n" + _part(organ, language, call, subs)
        body += ("\n# B\n\n## Information\n\n" + f"*{FORMULAS[organ][language]}*{COMMA.get(language, ',')}\n\n"
                 "1. *Requests* a report;\n\n2. *Decides* to remain seized of the matter.\n")
    else:
        body += _part(organ, language, call, subs)
    if note:
        body += "\n[^1]: A/98/1.\n"
    return _front(organ, language, parts) + body


# Every organ in every language; the other three choices (parts, footnote, sub-paragraphs) turn
# over with them, so that each organ meets six of their eight combinations and all eight are met.
VARIANTS = [(organ, language, bool(combo & 1), bool(combo & 2), bool(combo & 4))
            for k, organ in enumerate(("hrc", "ga", "sc"))
            for index, language in enumerate(LANGUAGES)
            for combo in [(index + 2 * k) % 8]]


def _name(variant) -> str:
    organ, language, parts, note, subs = variant
    return f"{organ}-{language[:2]}-{'parts' if parts else 'one'}-{'note' if note else 'nonote'}-" \
           f"{'subs' if subs else 'nosubs'}"


def test_the_variants_cover_every_combination():
    assert {(organ, language) for organ, language, *_ in VARIANTS} == \
        {(o, lang) for o in FORMULAS for lang in LANGUAGES}
    assert len({tuple(v[2:]) for v in VARIANTS}) == 8


@pytest.mark.parametrize("variant", VARIANTS, ids=_name)
def test_the_last_paragraph_of_a_part_without_numbers_is_its_unnumbered_operative_paragraph(tmp_path, variant):
    organ, language, parts, note, subs = variant
    path = tmp_path / f"{_name(variant)}.md"
    path.write_text(_source(*variant), encoding="utf-8")
    res = read_source(str(path))
    part = res.parts[0]
    assert part.unnumbered and [p.num for p in part.operative] == [""]
    assert [plain_text(p.inlines).split()[0] for p in part.preamble] == ["Recalling"]
    assert part.operative[0].eid == ("part_A__para_1" if parts else "para_1")
    assert len(part.operative[0].children) == (3 if subs else 0)
    assert [len(c.children) for c in part.operative[0].children] == ([0, 2, 0] if subs else [])
    if parts:
        assert not res.parts[1].unnumbered and len(res.parts[1].operative) == 2
    if note:
        assert res.footnotes[0].called_from == part.preamble[0].eid
    # The canonical source writes it as it was read.
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)).parts == res.parts


def _built(tmp_path_factory):
    out = tmp_path_factory.mktemp("unnumbered")
    paths = []
    for variant in VARIANTS:
        path = out / f"{_name(variant)}.md"
        path.write_text(_source(*variant), encoding="utf-8")
        paths.append(path)
    build_ok(paths, out / "build", "-j", "2")
    return paths, out / "build"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _built(tmp_path_factory)


def test_every_variant_builds_and_verifies_in_every_format(built):
    paths, out = built
    verify_ok(paths, out)


@pytest.mark.parametrize("variant", VARIANTS, ids=_name)
def test_every_reader_reads_it_as_an_operative_paragraph_without_a_number(built, variant):
    _paths, out = built
    stem = _name(variant)
    subs = variant[4]
    for extract, suffix in ((extract_akn, ".akn.xml"), (extract_html, ".html"), (extract_docx, ".docx"),
                            (extract_pdf, ".pdf")):
        items = extract(out / f"{stem}{suffix}").items
        first = [i for i in items if i.section == "operative"][:1 + (5 if subs else 0)]
        assert [(i.kind, i.num) for i in first[:1]] == [("paragraph", "")], suffix
        assert first[0].text.split()[0] in ("Decides", "Urges"), suffix
        if subs:
            assert [len(i.path) for i in first[1:]] == [2, 2, 3, 3, 2], suffix
        preamble = [i for i in items if i.section == "preamble"]
        assert [i.text.split()[0] for i in preamble][:1] == ["Recalling"], suffix


@pytest.mark.parametrize("variant", VARIANTS[::4], ids=_name)
def test_our_akn_imports_back_to_the_same_resolution(built, variant):
    paths, out = built
    source = next(p for p in paths if p.stem == _name(variant))
    again, warnings = import_akn(out / f"{source.stem}.akn.xml")
    assert again.parts == read_source(str(source)).parts
    assert not [w for w in warnings if w.code.startswith("W65") or w.code == "W661"]


def test_the_akn_writes_it_as_the_un_does_a_paragraph_without_num(built):
    _paths, out = built
    text = (out / f"{_name(VARIANTS[0])}.akn.xml").read_text(encoding="utf-8")
    body = text.split("<mainBody>")[1].split("</mainBody>")[0]
    assert '<paragraph eId="para_1">' in body and "<num>" not in body.split("<list")[0]


def _error(tmp_path, body):
    path = tmp_path / "bad.md"
    path.write_text(FRONT + body, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    return [(d.code, d.loc.line) for d in info.value.diagnostics]


def test_a_last_paragraph_that_ends_as_a_preambular_one_leaves_no_operative_part(tmp_path):
    # (line 27 is the formula's, where the part starts; the message names the paragraph's line)
    assert _error(tmp_path, "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n") == \
        [("E205", 27)]


def test_paragraphs_ending_as_operative_ones_ask_for_numbers(tmp_path):
    body = "\n*The Human Rights Council*,\n\n*Decides* to act;\n\n*Requests* a report.\n"
    assert _error(tmp_path, body) == [("E205", 29)]


def test_a_lone_colon_is_an_opening_with_nothing_after_it(tmp_path):
    assert _error(tmp_path, "\n*The Human Rights Council*,\n\n*Resolves* that:\n") == [("E205", 27)]


def test_a_preambular_paragraphs_sub_paragraphs_stay_one_level_when_numbers_follow(tmp_path):
    body = ("\n*The Human Rights Council*,\n\n*Convinced* that it contributes to:\n\n(a) Peace,\n\n"
            "    (i) Nested;\n\n(b) Security,\n\n1. *Decides* to act.\n")
    assert ("E218", 31) in _error(tmp_path, body)


def test_lint_asks_of_it_what_it_asks_of_a_last_operative_paragraph(tmp_path):
    path = tmp_path / "lint.md"
    path.write_text(FRONT + "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n"
                    "Decides to act;\n", encoding="utf-8")
    codes = {d.code for d in lint(read_source(str(path)))}
    assert {"W103", "W104"} <= codes and "W101" not in codes


UNSEEN_SC = ROOT / "tests" / "unseen" / "sc" / "2025" / "French" / "S_RES_2770-2501115F.xml"
GA = CORPUS / "un-akn-ga" / "75session"


@pytest.mark.skipif(not GA.exists(), reason="../shared/corpus/un-akn-ga is absent")
@pytest.mark.parametrize("name", ["English/75_13_E.xml", "English/75_101A-B_E.xml", "Arabic/75_19_A.xml",
                                  "Chinese/75_13_C.xml", "English/A_RES_S-32_1-2107229E.xml"])
def test_the_uns_lone_paragraph_imports_unnumbered_and_builds(tmp_path, name):
    res, warnings = import_akn(GA / name)
    assert res.parts[0].unnumbered and [p.num for p in res.parts[0].operative] == [""]
    assert "W661" not in {w.code for w in warnings}
    path = tmp_path / "imported.md"
    path.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(path)).parts == res.parts
    build_ok([path], tmp_path / "out")
    again, _warnings = import_akn(tmp_path / "out" / "imported.akn.xml")
    assert again.parts == res.parts


def test_the_councils_lone_paragraph_imports_unnumbered(tmp_path):
    res, _warnings = import_akn(UNSEEN_SC)
    assert res.parts[0].unnumbered and plain_text(res.operative[0].inlines).startswith("Décide que l’élection")
    path = tmp_path / "s2770.md"
    path.write_text(render_markdown(res), encoding="utf-8")
    build_ok([path], tmp_path / "out")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(preamble=st.integers(0, 3), ending=st.sampled_from([".", ";", ",", ":"]), subs=st.booleans(),
       formula=st.booleans(), note=st.booleans())
def test_which_last_paragraph_decides_unnumbered(tmp_path, preamble, ending, subs, formula, note):
    """Generated parts without numbers: the last paragraph decides, unless it ends as a preambular
    paragraph (a comma, its last sub-paragraph too: "*Convinced* … to:" then "(a) Peace," of 75/55)
    or as an opening with nothing under it (a colon, no sub-paragraphs)."""
    body = "\n" + ("*The Human Rights Council*,\n\n" if formula else "")
    body += "".join(f"*Recalling* its resolution {n}/1,{'[^1]' if note and n == 0 else ''}\n\n"
                    for n in range(preamble))
    body += "*Decides* that the election shall take place" + (":" if subs else ending) + "\n"
    if subs:
        body += "\n(a) On 27 May;\n\n(b) At its session" + ending + "\n"
    if note and preamble:
        body += "\n[^1]: A/HRC/99/1.\n"
    path = tmp_path / "generated.md"
    path.write_text(FRONT + body, encoding="utf-8")
    if ending == "," or (ending == ":" and not subs):
        with pytest.raises(SourceError) as info:
            read_source(str(path))
        assert [d.code for d in info.value.diagnostics] == ["E205"]
        return
    res = read_source(str(path))
    part = res.parts[0]
    assert part.unnumbered and len(part.preamble) == preamble and len(part.operative) == 1
    assert [c.label for c in part.operative[0].children] == (["(a)", "(b)"] if subs else [])
    assert (part.formula is not None) == formula
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)).parts == res.parts


@pytest.mark.parametrize("variant", VARIANTS, ids=_name)
def test_its_permalink_is_named_in_its_language(built, variant):
    """The HTML's permalink to it is named as a link to "this paragraph", having no number to name
    ("Link to paragraph " before), in the source's language."""
    from lxml import html as lxml_html

    from unres.model import languages

    _paths, out = built
    page = lxml_html.parse(str(out / f"{_name(variant)}.html")).getroot()
    para = page.get_element_by_id("para_1") if not variant[2] else page.get_element_by_id("part_A__para_1")
    label = para.find(".//a[@class='permalink']").get("aria-label")
    want = languages.data(languages.resolve(variant[1]))["html"]["link_unnumbered"]
    assert label == want and label.strip()
