"""Sections of an operative part, as the Fifth Committee's resolutions print them (A/RES/75/247,
75/253): written ``## I`` (or ``## A``), titled by ``###`` lines, paragraphs set as the section's
own preamble, then paragraphs numbered from 1 again (or the one unnumbered paragraph a section
decides in); printed and marked up in every format (AKN ``<section eId="sec_I">``); read back by
verify; and imported from the UN's ``<section>``s and from unres's own."""
from __future__ import annotations

import re
import textwrap

import docx
import pytest
from lxml import etree

from conftest import CORPUS
from unres.cli import main
from unres.errors import SourceError
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/99/245
    number: "99/245"
    title: United Nations common system
    organ: General Assembly
    session: 99
    session_name: Ninety-ninth session
    agenda_items:
      - number: "146"
        title: United Nations common system
    origin:
      committee: Fifth Committee
      documents: [A/99/668]
    distribution: General
    issue_date: 2031-01-08
    language: English
    adoption_date: 2030-12-31
    meeting: 48
    vote: without
    ---
    """)

# Paragraphs of its own, then sections A to D under a heading (as 75/245 prints them): A decides
# in one unnumbered paragraph after its preamble, B and C number from 1 again, D decides in a
# paragraph whose words introduce sub-paragraphs.
BODY = textwrap.dedent("""\

    *The General Assembly*,

    *Having considered* the report of the International Civil Service Commission for 2030,

    1. *Takes note* of the report of the Commission;

    2. *Requests* the Commission to continue its work;

    ### Conditions of service of staff in the Professional and higher categories

    ## A

    ### Base/floor salary scale

    *Recalling* its resolution 44/198,

    *Approves*, with effect from 1 January 2031, the revised base/floor salary scale;

    ## B

    ### Evolution of the margin

    *Recalling* section I.B of its resolution 51/216,

    *Having considered* the report of the Secretary-General,[^1]

    1. *Notes* the level of the margin;

    2. *Requests* the Commission to report on:

       (a) the margin;

       (b) its management;

    3. *Decides* to keep the question under review;

    ## C

    ### Danger pay

    ### Review of its level

    1. *Expresses appreciation* for the work done under hazardous conditions;

    ##### Follow-up

    2. *Requests* a report;

    ## D

    ### Miscellaneous

    *Approves* the gross budgets as follows:

    (a) Field Security Operations: 138,264,000 dollars;

    (b) Security and Safety Services: 15,644,400 dollars.

    [^1]: A/99/301.
    """)

# A resolution in parts whose second part holds sections only (75/253 B).
PARTS = FRONT.replace("99/245", "99/253 A-B").replace('"99/253 A-B"', '"99/253 A-B"') + textwrap.dedent("""\

    # A

    *The General Assembly*,

    1. *Approves* the budget;

    2. *Decides* to keep the matter under review.

    # B

    *The General Assembly*,

    ## I

    ### Revised estimates

    *Having considered* the report of the Secretary-General,

    1. *Takes note* of the report;

    2. *Approves* the revised estimates;

    ## II

    ### Standards of accommodation for air travel

    1. *Requests* the Secretary-General to report;

    2. *Decides* to consider the question again.
    """)


def _write(folder, text, name):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sections(res):
    return [(s.eid, s.label, [plain_text(t) for t in s.titles], [p.eid for p in s.preamble],
             s.text.eid if s.text else None, [(p.num, p.eid) for p in s.operative])
            for part in res.parts for s in part.sections]


def test_sections_number_from_one_again_under_their_own_eids(tmp_path):
    res = read_source(str(_write(tmp_path, FRONT + BODY, "A_RES_99_245.md")))
    assert [p.num for p in res.parts[0].operative] == ["1.", "2."]
    assert _sections(res) == [
        ("sec_A", "A", ["Base/floor salary scale"], ["sec_A__crossHeading_1"], "sec_A__para_0", []),
        ("sec_B", "B", ["Evolution of the margin"], ["sec_B__crossHeading_1", "sec_B__crossHeading_2"], None,
         [("1.", "sec_B__para_1"), ("2.", "sec_B__para_2"), ("3.", "sec_B__para_3")]),
        ("sec_C", "C", ["Danger pay", "Review of its level"], [], None,
         [("1.", "sec_C__para_1"), ("2.", "sec_C__para_2")]),
        ("sec_D", "D", ["Miscellaneous"], [], "sec_D__para_0", []),
    ]
    sections = res.parts[0].sections
    # the heading above A is A's; the one between C's paragraphs titles C's paragraph 2
    assert [plain_text(h.inlines) for h in sections[0].headings] == \
        ["Conditions of service of staff in the Professional and higher categories"]
    assert [(h.eid, plain_text(h.inlines)) for h in sections[2].operative[1].headings] == \
        [("sec_C__para_h1", "Follow-up")]
    assert [(c.label, c.eid) for c in sections[3].text.children] == \
        [("(a)", "sec_D__para_0__list_1__point_a"), ("(b)", "sec_D__para_0__list_1__point_b")]
    assert res.footnotes[0].called_from == "sec_B__crossHeading_2"
    parts = read_source(str(_write(tmp_path, PARTS, "A_RES_99_253.md")))
    assert [p.operative for p in parts.parts][1] == []
    assert [(e, [n for n, _ in ops][-1:]) for e, *_rest, ops in _sections(parts)] == \
        [("part_B__sec_I", ["2."]), ("part_B__sec_II", ["2."])]
    assert parts.parts[1].sections[0].operative[0].eid == "part_B__sec_I__para_1"


@pytest.mark.parametrize("text", [FRONT + BODY, PARTS], ids=["sections", "parts"])
def test_the_canonical_form_writes_the_sections_back(tmp_path, text):
    def body(source):
        return source.split("\n---\n", 1)[1]
    assert body(render_markdown(read_source(str(_write(tmp_path, text, "res.md"))))) == body(text)


@pytest.mark.parametrize("old, new, code, line", [
    # a section with nothing after its label and title
    ("### Miscellaneous\n\n*Approves* the gross budgets as follows:\n\n(a) Field Security Operations: "
     "138,264,000 dollars;\n\n(b) Security and Safety Services: 15,644,400 dollars.\n",
     "### Miscellaneous\n", "E219", 70),
    # words after a section's numbered paragraphs
    ("2. *Requests* a report;\n", "2. *Requests* a report;\n\n*Decides* further;\n", "E203", 70),
    # sub-paragraphs under a paragraph of a section's preamble, numbered paragraphs after it
    ("*Recalling* section I.B of its resolution 51/216,\n",
     "*Recalling* the following:\n\n(a) section I.B of its resolution 51/216,\n", "E219", 46),
    # a heading among a section's unnumbered paragraphs
    ("*Recalling* its resolution 44/198,\n", "*Recalling* its resolution 44/198,\n\n#### Scale\n", "E215", 38),
])
def test_a_malformed_section_is_an_error_at_its_line(tmp_path, old, new, code, line):
    text = FRONT + BODY
    assert old in text
    with pytest.raises(SourceError) as info:
        read_source(str(_write(tmp_path, text.replace(old, new), "res.md")))
    found = [(d.code, d.loc.line) for d in info.value.diagnostics]
    assert found == [(code, line)], found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sections")
    sources = [_write(folder, FRONT + BODY, "A_RES_99_245.md"), _write(folder, PARTS, "A_RES_99_253.md")]
    out = folder / "out"
    assert main(["build", *map(str, sources), "-o", str(out), "-q"]) == 0
    return sources, out


def test_sections_build_in_every_format_and_verify(built):
    sources, out = built
    assert main(["check", "--strict", *map(str, sources)]) == 0
    assert main(["verify", *map(str, sources), "-o", str(out), "-q"]) == 0
    # AKN (valid in the OASIS schema: the build refuses an invalid file): a <section> per section
    root = etree.parse(str(out / "A_RES_99_245.akn.xml")).getroot()
    body = root.find(".//a:mainBody", NS)
    shape = [(el.get("eId"), etree.QName(el).localname) for el in body]
    assert shape == [("para_1", "paragraph"), ("para_2", "paragraph"), ("para_h1", "paragraph"),
                     ("sec_A", "section"), ("sec_B", "section"), ("sec_C", "section"), ("sec_D", "section")]
    sec_b = body.find("a:section[@eId='sec_B']", NS)
    assert [(etree.QName(el).localname, el.get("eId")) for el in sec_b] == [
        ("num", None), ("heading", None), ("crossHeading", "sec_B__crossHeading_1"),
        ("crossHeading", "sec_B__crossHeading_2"), ("paragraph", "sec_B__para_1"),
        ("paragraph", "sec_B__para_2"), ("paragraph", "sec_B__para_3")]
    assert [n.text for n in sec_b.iterfind("a:paragraph/a:num", NS)] == ["1.", "2.", "3."]
    sec_c = body.find("a:section[@eId='sec_C']", NS)
    assert [el.text for el in sec_c.iterfind("a:heading", NS)] + [el.text for el in sec_c.iterfind("a:subheading", NS)] \
        == ["Danger pay", "Review of its level"]
    # HTML (and the PDF made from it): the label and titles centred, the numbers restarting
    html = (out / "A_RES_99_245.html").read_text(encoding="utf-8")
    assert '<div class="section" id="sec_B">' in html and '<h2 class="section-label">B</h2>' in html
    assert re.search(r'id="sec_B__para_1">.*?<span class="num">1\.</span>', html, re.S)
    # DOCX: the label and titles in the heading style of a part's
    styles = [(p.style.name, p.text) for p in docx.Document(str(out / "A_RES_99_245.docx")).paragraphs]
    assert ("H1G", "B") in styles and ("H1G", "Evolution of the margin") in styles
    parts = etree.parse(str(out / "A_RES_99_253.akn.xml")).getroot()
    assert [s.get("eId") for s in parts.iterfind(".//a:component/a:statement/a:mainBody/a:section", NS)] == \
        ["part_B__sec_I", "part_B__sec_II"]


@pytest.mark.parametrize("suffix, old, new, said", [
    # a section's paragraph renumbered in the HTML: the numbers restart per section
    (".html", '<span class="num">3.</span>', '<span class="num">4.</span>', "operative 3"),
    # a section's preamble paragraph dropped from the AKN
    (".akn.xml", 'eId="sec_B__crossHeading_1"', 'eId="sec_B__crossHeading_1" class="x"', None),
])
def test_verify_reports_a_section_an_output_changed(built, tmp_path, suffix, old, new, said, capsys):
    sources, out = built
    target = tmp_path / "out"
    target.mkdir()
    for path in out.iterdir():
        if path.name.startswith("A_RES_99_245"):
            data = path.read_bytes()
            if path.name.endswith(suffix):
                if said is None:
                    # remove the first crossHeading of section B altogether
                    data = re.sub(rb'\s*<crossHeading eId="sec_B__crossHeading_1">.*?</crossHeading>', b"",
                                  data, count=1, flags=re.S)
                else:
                    assert data.count(old.encode()) >= 1
                    data = data.replace(old.encode(), new.encode(), 1)
            (target / path.name).write_bytes(data)
    capsys.readouterr()
    assert main(["verify", str(sources[0]), "-o", str(target), "-q"]) == 1
    report = capsys.readouterr()
    assert (said or "preambular") in report.out + report.err


@pytest.mark.parametrize("index", [0, 1], ids=["sections", "parts"])
def test_importing_our_akn_gives_the_sections_back(built, tmp_path, index):
    sources, out = built
    stem = sources[index].stem
    target = tmp_path / f"{stem}.md"
    assert main(["import", str(out / f"{stem}.akn.xml"), "-o", str(target), "-q"]) == 0
    want, got = read_source(str(sources[index])), read_source(str(target))
    assert got.parts == want.parts and got.footnotes == want.footnotes
    assert _sections(got) == _sections(want)


UN_253 = CORPUS / "un-akn-ga" / "75session" / "English" / "75_253_E.xml"


@pytest.mark.skipif(not UN_253.exists(), reason="../shared/corpus/un-akn-ga is absent")
def test_a_sections_headings_left_in_the_section_before_are_read_as_its_own(tmp_path):
    """A <section> holding the next section's label and title after its paragraphs (the next
    element then opening with that section's <crossHeading>s): print shows the next section, its
    numbers from 1; the import reads it so and names the repair (W664)."""
    text = UN_253.read_text(encoding="utf-8")
    res, _warnings = import_akn(UN_253)
    moved = re.search(r"(\s*</section>\s*<section>)(\s*<subheading>\s*XIII</subheading>\s*<subheading>[^<]*</subheading>)",
                      text)
    assert moved
    variant = tmp_path / UN_253.name
    variant.write_text(text.replace(moved.group(0), moved.group(2) + moved.group(1)), encoding="utf-8")
    again, warnings = import_akn(variant)
    assert [w.code for w in warnings if w.code == "W664"] == ["W664"]
    assert again.parts == res.parts
    assert [s.label for s in again.parts[0].sections][11:14] == ["XII", "XIII", "XIV"]
    assert [p.num for p in again.parts[0].sections[12].operative] == ["1.", "2.", "3.", "4."]


@pytest.mark.skipif(not UN_253.exists(), reason="../shared/corpus/un-akn-ga is absent")
def test_a_section_without_a_label_is_refused_at_its_line(tmp_path):
    text = UN_253.read_text(encoding="utf-8")
    variant = tmp_path / UN_253.name
    variant.write_text(re.sub(r"<subheading>\s*XIII</subheading>", "", text, count=1), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        import_akn(variant)
    assert {d.code for d in info.value.diagnostics} == {"E632"}
