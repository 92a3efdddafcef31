"""Headings between operative paragraphs ("Mandate of the Mission", "I" then "Introduction"), as the
Security Council and the Assembly print them: written ``###`` … ``######`` between the numbered
paragraphs, the numbering running on across them; printed and marked up in every format; read back
by verify; and imported from the UN's encoding (``<paragraph class="H23"><subheading>``)."""
from __future__ import annotations

import textwrap

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, council_front
from unres.akn_import import agreement
from unres.cli import main
from unres.errors import SourceError
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.akn.writer import render as render_akn
from unres.writers.markdown import render_markdown

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

SC = council_front("9998") + "\n" + textwrap.dedent("""\
    *The Security Council*,

    *Determining* that the situation constitutes a threat to international peace and security,

    *Acting* under Chapter VII of the Charter of the United Nations,

    ### Mandate of the Mission

    1. *Decides* to extend the mandate of the Mission until 31 January 2031;

    2. *Requests* the Mission to:

       (a) protect civilians;

       (b) support the political process;

    ##### Sanctions measures

    ###### Arms embargo[^1]

    3. *Decides* that all States shall prevent the supply of arms;

    4. *Decides* to remain seized of the matter.

    [^1]: See resolution 2509 (2020).
    """)

GA = textwrap.dedent("""\
    ---
    symbol: A/RES/99/101 A-B
    number: "99/101 A-B"
    title: Crime prevention and criminal justice
    organ: General Assembly
    session: 99
    session_name: Ninety-ninth session
    agenda_items:
      - number: "108"
        title: Crime prevention and criminal justice
    origin:
      committee: Third Committee
      documents: [A/99/400]
    distribution: General
    issue_date: 2030-12-20
    language: English
    adoption_date: 2030-12-16
    meeting: 46
    vote: without
    ---

    # A

    ## Strengthening the programme

    *The General Assembly*,

    *Recalling* its resolution 98/1,

    #### I

    #### Introduction

    1. *Welcomes* the report;

    2. *Requests* a report.

    # B

    ## Technical assistance

    *The General Assembly*,

    *Reaffirming* its resolution 98/2,

    1. *Decides* to act;

    ##### Follow-up

    2. *Requests* a report.
    """)


def _write(tmp_path, text, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_heading_titles_the_paragraphs_after_it_and_the_numbers_run_on(tmp_path):
    res = read_source(str(_write(tmp_path, SC, "S_RES_9998_2030.md")))
    assert [p.num for p in res.operative] == ["1.", "2.", "3.", "4."]
    headings = [[(h.level, plain_text(h.inlines), h.eid, h.loc.line) for h in p.headings] for p in res.operative]
    assert headings == [[(3, "Mandate of the Mission", "para_h1", 23)], [],
                        [(5, "Sanctions measures", "para_h2", 33), (6, "Arms embargo", "para_h3", 35)], []]
    # a footnote called in a heading is numbered where print shows it
    assert res.footnotes[0].called_from == "para_h3"
    ga = read_source(str(_write(tmp_path, GA, "A_RES_99_101.md")))
    assert [[plain_text(h.inlines) for h in p.headings] for p in ga.operative] == [["I", "Introduction"], [], [], ["Follow-up"]]
    assert [h.eid for p in ga.operative for h in p.headings] == ["part_A__para_h1", "part_A__para_h2", "part_B__para_h1"]


@pytest.mark.parametrize("text", [SC, GA], ids=["sc", "ga"])
def test_the_canonical_form_writes_the_headings_back(tmp_path, text):
    def body(source):
        return source.split("\n---\n", 1)[1]
    assert body(render_markdown(read_source(str(_write(tmp_path, text, "res.md"))))) == body(text)


@pytest.mark.parametrize("old, new, code, line", [
    # a heading among the preambular paragraphs
    ("*Acting* under", "### Measures\n\n*Acting* under", "E215", 21),
    # nothing after the last heading
    ("4. *Decides* to remain seized of the matter.\n", "4. *Decides* to remain seized of the matter.\n\n### Reporting\n",
     "E216", 41),
    # a second-level heading is a part's title, and there are no parts here
    ("### Mandate of the Mission", "## Mandate of the Mission", "E202", 23),
])
def test_a_misplaced_heading_is_an_error_at_its_line(tmp_path, old, new, code, line):
    with pytest.raises(SourceError) as info:
        read_source(str(_write(tmp_path, SC.replace(old, new), "res.md")))
    found = [(d.code, d.loc.line) for d in info.value.diagnostics]
    assert (code, line) in found, found


def test_the_strict_check_asks_a_heading_to_end_without_punctuation(tmp_path, capsys):
    path = _write(tmp_path, SC.replace("### Mandate of the Mission", "### Mandate of the Mission:"), "res.md")
    assert main(["check", "--strict", str(path)]) == 1
    assert "res.md:23:1: warning: a heading between operative paragraphs ends with punctuation" in capsys.readouterr().err


def test_a_heading_before_an_annex_has_no_paragraph_after_it(tmp_path):
    text = SC.replace("[^1]: See", "### Reporting\n\n# Annex\n\nText of the annex.\n\n[^1]: See")
    with pytest.raises(SourceError) as info:
        read_source(str(_write(tmp_path, text, "res.md")))
    assert [(d.code, d.loc.line) for d in info.value.diagnostics] == [("E216", 41)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("headings")
    sources = [_write(folder, SC, "S_RES_9998_2030.md"), _write(folder, GA, "A_RES_99_101.md")]
    out = folder / "out"
    assert main(["build", *map(str, sources), "-o", str(out), "-q"]) == 0
    return sources, out


def test_headings_build_in_every_format_and_verify(built):
    sources, out = built
    assert main(["check", "--strict", *map(str, sources)]) == 0
    assert main(["verify", *map(str, sources), "-o", str(out), "-q"]) == 0
    # AKN: the UN's own encoding, a paragraph holding only the heading, its style as its class
    root = etree.parse(str(out / "S_RES_9998_2030.akn.xml")).getroot()
    body = root.find(".//a:mainBody", NS)
    shape = [(p.get("eId"), p.get("class"), etree.QName(p[0]).localname) for p in body.iterfind("a:paragraph", NS)]
    assert shape == [("para_h1", "HCh", "heading"), ("para_1", None, "num"), ("para_2", None, "num"),
                     ("para_h2", "H23", "subheading"), ("para_h3", "H4", "subheading"), ("para_3", None, "num"),
                     ("para_4", None, "num")]
    # HTML (and the PDF made from it): a heading of the source's level, with its eId
    html = (out / "S_RES_9998_2030.html").read_text(encoding="utf-8")
    assert '<h3 class="operative-heading level-3" id="para_h1">Mandate of the Mission</h3>' in html
    assert '<h5 class="operative-heading level-5" id="para_h2">Sanctions measures</h5>' in html
    # DOCX: a heading style of its own
    styles = [(p.style.name, p.text) for p in docx.Document(str(out / "S_RES_9998_2030.docx")).paragraphs]
    assert ("H1G Operative", "Mandate of the Mission") in styles
    assert ("H23G Operative", "Sanctions measures") in styles
    assert ("H4G Operative", "Arms embargo") in styles
    ga = etree.parse(str(out / "A_RES_99_101.akn.xml")).getroot()
    assert [p.get("eId") for p in ga.iterfind(".//a:component/a:statement/a:mainBody/a:paragraph", NS)] == \
        ["part_A__para_h1", "part_A__para_h2", "part_A__para_1", "part_A__para_2",
         "part_B__para_1", "part_B__para_h1", "part_B__para_2"]


@pytest.mark.parametrize("suffix, old, new", [
    (".html", '<h5 class="operative-heading level-5" id="para_h2">Sanctions measures</h5>', ""),
    (".akn.xml", "<subheading>Sanctions measures</subheading>", "<subheading>Sanctions</subheading>"),
])
def test_verify_reports_a_heading_an_output_lost_or_changed(built, tmp_path, suffix, old, new, capsys):
    sources, out = built
    target = tmp_path / "out"
    target.mkdir()
    for path in out.iterdir():
        if path.name.startswith("S_RES_9998_2030"):
            data = path.read_bytes()
            if path.name.endswith(suffix):
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            (target / path.name).write_bytes(data)
    capsys.readouterr()
    assert main(["verify", str(sources[0]), "-o", str(target), "-q"]) == 1
    report = capsys.readouterr()
    assert "operative heading" in report.out + report.err


@pytest.mark.parametrize("index, headings", [
    (0, [(3, "Mandate of the Mission"), (5, "Sanctions measures"), (6, "Arms embargo")]),
    (1, [(4, "I"), (4, "Introduction"), (5, "Follow-up")]),
], ids=["sc", "ga-parts"])
def test_importing_our_akn_gives_the_source_back(built, tmp_path, index, headings):
    sources, out = built
    stem = sources[index].stem
    target = tmp_path / f"{stem}.md"
    assert main(["import", str(out / f"{stem}.akn.xml"), "-o", str(target), "-q"]) == 0
    want, got = read_source(str(sources[index])), read_source(str(target))
    assert got.parts == want.parts and got.footnotes == want.footnotes
    assert [(h.level, plain_text(h.inlines)) for p in got.operative for h in p.headings] == headings


CORPUS_FILES = [
    # the Council's titled groups of paragraphs (H23 subheadings)
    ("un-akn-sc", "2020/English/S_RES_2509 (2020)-2002070E.xml",
     {"1.": ["Prevention of Illicit Exports of Petroleum, including Crude Oil and Refined Petroleum Products"],
      "6.": ["Arms Embargo"], "11.": ["Panel of Experts"]}),
    # headings with a label of their own (<num>i)</num><subheading>), and headings in the annex
    # (not built here: the annex's numbers, kept as text paragraphs (W652), print as numbers)
    ("un-akn-sc", "2020/French/S_RES_2551 (2020)-2015095F.xml",
     {"9.": ["i) Exemptions, approbations et notifications à l’avance"], "19.": ["ii) Dérogations"]}),
    # headings that lost their style, typed as paragraphs of words alone (W692)
    ("un-akn-sc", "2020/Chinese/S_RES_2509 (2020)-2002070C.xml",
     {"1.": ["防止非法出口石油，包括原油和精炼石油产品"], "6.": ["军火禁运"], "11.": ["专家小组"]}),
    # the Assembly's Roman-numbered sections, the numeral and the title on lines of their own
    # (imported and read back; the Assembly's headings are built in test_headings_build_…)
    ("un-akn-ga", "75session/English/75_101A-B_E.xml",
     {"1.": ["I", "Introduction"], "56.": ["III", "Strategic communications services"]}),
]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")
def test_the_uns_files_with_headings_import_build_and_verify(tmp_path):
    sources = []
    for folder, name, expected in CORPUS_FILES:
        res, _warnings = import_akn(CORPUS / folder / name)
        found = {p.num: [plain_text(h.inlines) for h in p.headings] for p in res.operative if p.headings}
        assert {num: found.get(num) for num in expected} == expected, name
        md = tmp_path / (name.split("/")[-1].split(" ")[0] + name.split("/")[-2][:2] + ".md")
        md.write_text(render_markdown(res), encoding="utf-8")
        assert read_source(str(md)) == res
        if folder == "un-akn-sc" and "2551" not in name:
            sources.append(str(md))
    assert main(["build", *sources, "-o", str(tmp_path / "out"), "-q"]) == 0


_WORDS = st.text(alphabet="abcdefghij KLMNOP", min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=st.lists(st.lists(st.tuples(st.integers(3, 6), _WORDS), max_size=2), min_size=1, max_size=6))
def test_headings_anywhere_among_the_paragraphs_read_and_write_back(tmp_path, layout):
    """Any number of headings of any level above any paragraph: the numbers run on across them,
    each heading stays above its paragraph, and the canonical form and the AKN give it back."""
    body = ["*The Security Council*,", "", "*Acting* under Chapter VII,", ""]
    for number, headings in enumerate(layout, start=1):
        for level, words in headings:
            body += ["#" * level + " " + words, ""]
        body += [f"{number}. *Decides* to act{'.' if number == len(layout) else ';'}", ""]
    text = SC.split("\n---\n", 1)[0] + "\n---\n\n" + "\n".join(body)
    res = read_source(str(_write(tmp_path, text, "res.md")))
    assert [p.num for p in res.operative] == [f"{n}." for n in range(1, len(layout) + 1)]
    assert [[(h.level, plain_text(h.inlines)) for h in p.headings] for p in res.operative] == layout
    again = read_source(str(_write(tmp_path, render_markdown(res), "again.md")))
    assert again.parts == res.parts
    # and our AKN of it imports back with every heading in its place
    akn = tmp_path / "res.akn.xml"
    akn.write_bytes(render_akn(res))
    assert import_akn(akn)[0].parts == res.parts


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")
def test_the_language_versions_agree_on_where_the_headings_stand():
    """S/RES/2511 (2020) marks its two headings as headings in English, Arabic and Russian, types
    them in italics in French and Spanish and in bold in Chinese: all six read them above 4. and 7.;
    a version that loses one is a disagreement (W670)."""
    models = {path: import_akn(path)[0]
              for path in sorted((CORPUS / "un-akn-sc" / "2020").glob("*/S_RES_2511 (2020)-*.xml"))}
    assert len(models) == 6
    assert [[p.num[:-1] for p in res.operative if p.headings] for res in models.values()] == [["4", "7"]] * 6
    assert [d for d in agreement(models) if "headings" in d.message] == []
    english = next(res for path, res in models.items() if path.parent.name == "English")
    english.operative[6].headings = []
    found = [d for d in agreement(models) if "headings" in d.message]
    assert found and all(d.code == "W670" for d in found)


def test_an_arabic_page_sets_its_headings_at_the_right(tmp_path):
    """A heading starts where an Arabic line starts, at the right margin, not at the left."""
    import pdfplumber

    source = _write(tmp_path, SC.replace(council_front("9998"), council_front("9998", "Arabic")), "res.md")
    assert main(["build", str(source), "-o", str(tmp_path / "out"), "-q", "-f", "pdf"]) == 0
    with pdfplumber.open(str(tmp_path / "out" / "res.pdf")) as pdf:
        words = [dict(w, page_number=page.page_number) for page in pdf.pages for w in page.extract_words()]
        width = pdf.pages[0].width
    firsts = [w for w in words if w["text"] in ("Mandate", "Sanctions")]
    assert len(firsts) == 2
    lines = [[w for w in words if w["page_number"] == first["page_number"] and abs(w["top"] - first["top"]) < 1]
             for first in firsts]
    headings = [id(w) for line in lines for w in line]
    body = [w for w in words if firsts[0]["top"] <= w["top"] <= firsts[1]["top"] and id(w) not in headings]
    # Each heading's line ends where the heading lines end, at the right, no body line's end right
    # of it, and starts in the page's right half (this test's English words set in an Arabic page).
    ends = [max(w["x1"] for w in line) for line in lines]
    assert abs(ends[0] - ends[1]) < 0.5 and ends[0] >= max(w["x1"] for w in body), (lines, body)
    assert all(min(w["x0"] for w in line) > width / 2 for line in lines), lines
