"""The three organs' front matter: what each requires, what each refuses (E109), and what each prints."""
from __future__ import annotations

import dataclasses
import textwrap

import pytest

from unres.errors import SourceError
from unres.model.document import GA, HRC, SC
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

GA_FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/75/118
    number: "75/118"
    title: Question of Tokelau
    organ: General Assembly
    session: 75
    session_name: Seventy-fifth session
    agenda_items:
      - number: "61"
        title: Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples
    origin:
      committee: Special Political and Decolonization Committee (Fourth Committee)
      documents: ["A/75/420, para. 27"]
    distribution: General
    issue_date: 2020-12-21
    language: English
    adoption_date: 2020-12-10
    meeting: 41
    vote: without
    ---
    """)

SC_FRONT = textwrap.dedent("""\
    ---
    symbol: S/RES/2507 (2020)
    number: "2507 (2020)"
    title: The situation in the Central African Republic
    organ: Security Council
    distribution: General
    issue_date: 2020-01-31
    language: English
    adoption_date: 2020-01-31
    meeting: 8712th meeting
    vote:
      in_favour: [Belgium, Estonia]
      against: []
      abstaining: [China]
    ---
    """)

BODY = "\n*The Council*,\n\n*Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n"


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def read(tmp_path, front, body=BODY):
    path = tmp_path / "res.md"
    path.write_text(front + body, encoding="utf-8")
    return read_source(str(path))


def errors(tmp_path, front):
    with pytest.raises(SourceError) as exc:
        read(tmp_path, front)
    return [(d.code, d.loc.line, d.message) for d in exc.value.diagnostics]


# (id, front, code, line, words the message must hold)
CASES = [
    ("ga-session-dates", sub(GA_FRONT, "session: 75\n", "session: 75\nsession_start: 2020-09-15\n"),
     "E109", 7, "a General Assembly resolution has no session dates"),
    ("ga-original-language", sub(GA_FRONT, "language: English\n", "language: English\noriginal_language: English\n"),
     "E109", 17, "a General Assembly resolution has no original language"),
    ("ga-parent-organ", sub(GA_FRONT, "organ: General Assembly\n", "organ: General Assembly\nparent_organ: General Assembly\n"),
     "E109", 6, "has no parent organ"),
    ("ga-agenda-item", sub(GA_FRONT, "session: 75\n", 'session: 75\nagenda_item: "61"\n'),
     "E109", 7, "under 'agenda_items'"),
    ("ga-no-origin", sub(GA_FRONT, "origin:\n  committee: Special Political and Decolonization Committee (Fourth Committee)\n"
                                   "  documents: [\"A/75/420, para. 27\"]\n", ""),
     "E105", 2, "missing key 'origin' (a General Assembly resolution prints it)"),
    ("ga-origin-no-documents", sub(GA_FRONT, "  documents: [\"A/75/420, para. 27\"]\n", ""),
     "E105", 12, "origin.documents"),
    ("ga-origin-unknown-key", sub(GA_FRONT, "  documents:", "  report: x\n  documents:"),
     "E106", 13, "origin.report"),
    ("ga-agenda-items-not-list", sub(GA_FRONT, "agenda_items:\n  - number: \"61\"\n", "agenda_items: \"61\"\n"
                                     "agenda_title:\n"), "E106", 9, "unknown key 'agenda_title'"),
    ("ga-agenda-item-no-number", sub(GA_FRONT, "  - number: \"61\"\n    title:", "  - title:"),
     "E105", 9, "an agenda item has no 'number'"),
    ("sc-session", sub(SC_FRONT, "language: English\n", "language: English\nsession: 75\nsession_name: x\n"),
     "E109", 9, "a Security Council resolution has no session"),
    ("sc-agenda-item", sub(SC_FRONT, "language: English\n", 'language: English\nagenda_item: "3"\n'),
     "E109", 9, "a Security Council resolution has no agenda item"),
    ("sc-session-dates", sub(SC_FRONT, "language: English\n", "language: English\nsession_end: 2020-12-31\n"),
     "E109", 9, "has no session dates"),
    ("sc-origin", sub(SC_FRONT, "language: English\n", "language: English\norigin: {documents: [S/2020/1]}\n"),
     "E109", 9, "has no origin line"),
    ("sc-meeting-without-number", sub(SC_FRONT, "meeting: 8712th meeting", "meeting: the twelfth"),
     "E103", 10, "meeting is its number"),
    ("sc-number-not-symbol", sub(SC_FRONT, 'number: "2507 (2020)"', 'number: "2508 (2020)"'),
     "E108", 3, "not the end of the symbol"),
]


@pytest.mark.parametrize("front, code, line, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_organ_source_errors(tmp_path, front, code, line, words):
    found = errors(tmp_path, front)
    assert any(c == code and ln == line and words in msg for c, ln, msg in found), found


def test_council_keys_are_refused_by_name_of_the_organ_in_another_language(tmp_path):
    front = sub(sub(GA_FRONT, "organ: General Assembly", "organ: Assemblée générale"),
                "language: English", "language: French\nsession_end: 2021-09-13")
    assert ("E109", 17) in [(c, ln) for c, ln, _ in errors(tmp_path, front)]


def test_council_rules_are_unchanged_for_an_organ_the_data_does_not_know(tmp_path):
    """An organ outside the three, under a symbol that is not the Assembly's or the Security
    Council's, keeps the rules every source had: session dates required."""
    front = sub(sub(SC_FRONT, "organ: Security Council", "organ: Trusteeship Council"),
                "symbol: S/RES/2507 (2020)", "symbol: T/RES/2507 (2020)")
    missing = [msg for c, _ln, msg in errors(tmp_path, front) if c == "E105"]
    assert any("session_start" in m for m in missing) and any("parent_organ" in m for m in missing)


@pytest.mark.parametrize("front, organ, language, wanted", [
    (SC_FRONT, "Security Concil", "English", "'Security Council'"),
    (SC_FRONT, "Trusteeship Council", "English", "'Security Council'"),
    (SC_FRONT, "Conseil de securite", "French", "'Conseil de sécurité' or 'Security Council'"),
    (GA_FRONT, "General Asembly", "English", "'General Assembly'"),
    (GA_FRONT, "Генеральная ассамблея", "Russian", "'Генеральная Ассамблея' or 'General Assembly'"),
])
def test_a_misspelt_organ_under_the_assembly_or_council_symbol_is_refused_at_its_line(tmp_path, front, organ,
                                                                                      language, wanted):
    """The symbol says which organ it is: an organ's name the data does not know is a misspelling of
    that organ's, refused at its own line, and the rest of the front matter is read by that
    organ's rules (no error asks for the Human Rights Council's session dates)."""
    named = "Security Council" if front is SC_FRONT else "General Assembly"
    front = sub(sub(front, f"organ: {named}", f"organ: {organ}"), "language: English", f"language: {language}")
    found = errors(tmp_path, front)
    line = front.splitlines().index(f"organ: {organ}") + 1
    assert [(c, ln) for c, ln, _m in found] == [("E103", line)], found
    assert found[0][2] == (f"organ {organ!r} is not a name of the {named}, whose resolution the symbol "
                           f"{front.split('symbol: ')[1].splitlines()[0]!r} is: write {wanted}")


def test_the_assembly_and_council_read(tmp_path):
    ga = read(tmp_path, GA_FRONT).meta
    assert ga.organ_key == GA and ga.session_start is None and ga.original_language is None
    assert [(i.number, i.title[:14]) for i in ga.agenda_items] == [("61", "Implementation")]
    assert ga.origin.documents == ["A/75/420, para. 27"]
    assert ga.origin.symbol_of(ga.origin.documents[0]) == "A/75/420"
    sc = read(tmp_path, SC_FRONT).meta
    assert sc.organ_key == SC and sc.session is None and sc.agenda_items == [] and sc.origin is None


def test_sc_meeting_is_optional(tmp_path):
    """The Council adopted some 2020 resolutions by written procedure, at no meeting."""
    res = read(tmp_path, sub(SC_FRONT, "meeting: 8712th meeting\n", ""))
    assert present(res).adopted_by == "Adopted by the Security Council on 31\u00a0January\u00a02020"


def test_page_one_strings_follow_the_organ(tmp_path):
    ga = present(read(tmp_path, GA_FRONT))
    assert ga.organ == GA and ga.masthead_organ == "General Assembly"
    assert ga.original == "" and ga.session_dates == "" and not ga.print_vote
    assert ga.agenda_item == "Agenda item 61"
    assert ga.adopted_by == "Resolution adopted by the General Assembly on 10\u00a0December\u00a02020"
    assert ga.origin == ("[on the report of the Special Political and Decolonization Committee (Fourth Committee) "
                         "(A/75/420, para. 27)]")
    assert ga.meeting == "41st plenary meeting" and ga.title_number == "75/118."
    sc = present(read(tmp_path, SC_FRONT))
    assert sc.organ == SC and sc.masthead_organ == "Security Council" and not sc.print_title
    assert sc.title_number == "Resolution 2507 (2020)"
    assert sc.adopted_by == "Adopted by the Security Council at its 8712th meeting, on 31\u00a0January\u00a02020"
    assert sc.meeting == "" and sc.agenda_item == "" and sc.original == ""


def test_several_agenda_items_and_no_committee(tmp_path):
    front = sub(GA_FRONT, "agenda_items:\n", 'agenda_items:\n  - number: "72"\n    title: Report of the Court\n')
    front = sub(front, "  - number: \"61\"", "  - number: \"73 (b)\"")
    front = sub(front, "  committee: Special Political and Decolonization Committee (Fourth Committee)\n", "")
    front = sub(front, '["A/75/420, para. 27"]', "[A/75/L.32, A/75/L.32/Add.1]")
    pres = present(read(tmp_path, front))
    assert pres.agenda_item == "Agenda items 72 and 73 (b)"
    assert pres.origin == "[without reference to a Main Committee (A/75/L.32 and A/75/L.32/Add.1)]"
    assert [s for _, s in pres.origin_documents] == ["A/75/L.32", "A/75/L.32/Add.1"]


# ------------------------------------------------------------------ the hand-written sources
import os                                   # noqa: E402
import subprocess                           # noqa: E402

import docx                                 # noqa: E402
from lxml import etree                      # noqa: E402

from conftest import ROOT                   # noqa: E402
from unres.writers.akn.validate import validate     # noqa: E402
from unres.cli import main                  # noqa: E402

GA_SOURCE = ROOT / "source" / "A_RES_75_40.md"
SC_SOURCE = ROOT / "source" / "S_RES_2508_2020.md"
GOLDEN = ROOT / "tests" / "golden"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("organs")
    assert main(["build", str(GA_SOURCE), str(SC_SOURCE), "-o", str(out), "-q"]) == 0
    return out


def test_the_sources_pass_the_strict_check_and_verify(built):
    assert main(["check", "--strict", str(GA_SOURCE), str(SC_SOURCE)]) == 0
    assert main(["verify", str(GA_SOURCE), str(SC_SOURCE), "-o", str(built), "-q"]) == 0


@pytest.mark.parametrize("stem", ["A_RES_75_40", "S_RES_2508_2020"])
def test_golden_akn_and_schema(built, stem):
    data = (built / f"{stem}.akn.xml").read_bytes()
    assert validate(data) == []
    golden = GOLDEN / f"{stem}.akn.xml"
    if os.environ.get("UNRES_ACCEPT") == "1":
        golden.write_bytes(data)
    assert golden.is_file(), "golden file missing: run with UNRES_ACCEPT=1"
    assert data == golden.read_bytes(), "AKN output changed; UNRES_ACCEPT=1 accepts it"


def _cover(root):
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//a:coverPage/a:p", NS)]


def test_assembly_akn_follows_the_uns_shape(built):
    root = etree.parse(str(built / "A_RES_75_40.akn.xml")).getroot()
    st = root.find("a:statement", NS)
    assert st.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == \
        "/akn/un/statement/deliberation/unga/2020-12-07/75-40/!main"
    assert _cover(root) == [
        "United Nations", "A/RES/75/40", "General Assembly", "Distr.: General", "16 December 2020",
        "Seventy-fifth session", "Agenda item 103 (nn)",
        "General and complete disarmament: Treaty on the Prohibition of Nuclear Weapons",
        "Resolution adopted by the General Assembly on 7 December 2020",
        "[on the report of the First Committee (A/75/399, para. 96)]"]
    proponent = st.find(".//a:coverPage//a:docProponent", NS)
    assert proponent.get("refersTo") == "#firstCommittee"
    documents = proponent.find("a:inline[@name='originating document']", NS)
    assert "".join(documents.itertext()) == "A/75/399, para. 96"
    ref = documents.find("a:ref", NS)
    assert ref.text == "A/75/399"
    assert st.find(".//a:coverPage//a:docAuthority[@refersTo='#issuingBody']", NS).text == "General Assembly"
    tlc = st.find(f".//a:TLCReference[@eId='{ref.get('refersTo')[1:]}']", NS)
    assert tlc.get("href") == "https://undocs.org/en/A/75/399"
    assert st.find(".//a:TLCOrganization[@eId='firstCommittee']", NS).get("showAs") == "First Committee"
    assert st.findtext("a:preface/a:p/a:docNumber", namespaces=NS) == "75/40."
    # the vote is data: in the metadata, not in the conclusions
    counts = st.findall(".//a:analysis//a:voting/a:count", NS)
    assert [(c.get("refersTo"), c.get("value"), len(c.findall(".//a:organization", NS))) for c in counts] == [
        ("#inFavour", "130", 130), ("#against", "42", 42), ("#abstaining", "14", 14)]
    conclusions = st.find("a:conclusions", NS)
    assert " ".join("".join(conclusions.itertext()).split()) == "37th plenary meeting7 December 2020"   # <eol/> between
    assert conclusions.find(".//a:vote", NS) is None
    assert st.find(".//a:TLCConcept[@eId='originalLanguage']", NS) is None


def test_security_council_akn_follows_the_uns_shape(built):
    root = etree.parse(str(built / "S_RES_2508_2020.akn.xml")).getroot()
    st = root.find("a:statement", NS)
    assert st.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == \
        "/akn/un/statement/deliberation/unsc/2020-02-11/2508-2020/!main"
    assert _cover(root) == [
        "United Nations", "S/RES/2508 (2020)", "Security Council", "Distr.: General", "11 February 2020",
        "Resolution 2508 (2020)",
        "Adopted by the Security Council at its 8718th meeting, on 11 February 2020"]
    assert [etree.QName(c).localname for c in st] == ["meta", "coverPage", "preamble", "mainBody"]
    counts = st.findall(".//a:analysis//a:voting/a:count", NS)
    assert [(c.get("refersTo"), c.get("value")) for c in counts] == [
        ("#inFavour", "15"), ("#against", "0"), ("#abstaining", "0")]
    acting = [c for c in st.iterfind("a:preamble/a:container", NS) if c.get("name") == "acting"]
    assert "".join(acting[0].itertext()).strip() == "Acting under Chapter VII of the Charter of the United Nations,"


def _docx_lines(path):
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_docx_page_one_follows_the_organ(built):
    ga = _docx_lines(built / "A_RES_75_40.docx")
    assert ga[:6] == [
        ("SessionG", "Seventy-fifth session"), ("SessionLineG", "Agenda item 103 (nn)"),
        ("SessionLineG", "General and complete disarmament: Treaty on the Prohibition of Nuclear Weapons"),
        ("HChG", "Resolution adopted by the General Assembly on 7\u00a0December\u00a02020"),
        ("OriginG", "[on the report of the First Committee (A/75/399, para. 96)]"),
        ("H1G", "75/40.\tTreaty on the Prohibition of Nuclear Weapons")]
    assert ga[-1] == ("MeetingG", "37th plenary meeting\n7\u00a0December\u00a02020")
    sc = _docx_lines(built / "S_RES_2508_2020.docx")
    assert sc[:2] == [("HChG", "Resolution 2508 (2020)"),
                      ("AdoptedAtG", "Adopted by the Security Council at its 8718th meeting, on "
                                     "11\u00a0February\u00a02020")]
    assert sc[-1][1] == "5.\tDecides to remain seized of the matter."
    masthead = docx.Document(str(built / "S_RES_2508_2020.docx")).tables[0]
    assert "Security Council" in masthead.rows[1].cells[1].text
    assert "Original" not in masthead.rows[1].cells[2].text


def _pdf_text(path, page=1):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def test_pdf_page_one_follows_the_organ(built):
    ga = " ".join(_pdf_text(built / "A_RES_75_40.pdf").split())
    assert "General Assembly Distr.: General 16 December 2020 Seventy-fifth session Agenda item 103 (nn)" in ga
    assert ("Resolution adopted by the General Assembly on 7 December 2020 "
            "[on the report of the First Committee (A/75/399, para. 96)] 75/40. Treaty on the Prohibition") in ga
    assert "Original" not in ga and "Adopted by a recorded vote" not in ga and "In favour" not in ga
    sc = " ".join(_pdf_text(built / "S_RES_2508_2020.pdf").split())
    assert ("Security Council Distr.: General 11 February 2020 Resolution 2508 (2020) Adopted by the "
            "Security Council at its 8718th meeting, on 11 February 2020 The Security Council,") in sc
    assert "Reports of the Secretary-General" not in sc and "meeting 11 February 2020 ]" not in sc


GA_PARTS = '---\nsymbol: A/RES/75/101 A-B\nnumber: "75/101 A-B"\ntitle: Questions relating to information\norgan: General Assembly\nsession: 75\nsession_name: Seventy-fifth session\nagenda_items:\n  - number: "55"\n    title: Questions relating to information\norigin:\n  committee: Special Political and Decolonization Committee (Fourth Committee)\n  documents: ["A/75/414, para. 8"]\ndistribution: General\nissue_date: 2020-12-18\nlanguage: English\nadoption_date: 2020-12-10\nmeeting: 41\nvote: without\n---\n\n# A\n\n## Information in the service of humanity\n\n*The General Assembly*,\n\n*Taking note* of the report,\n\n1. *Urges* all States to act;\n\n2. *Requests* a report.\n\n# B\n\n## United Nations global communications policies and activities\n\n*The General Assembly*,\n\n*Reaffirming* its resolution 13 (I),\n\n1. *Takes note* of the reports;\n\n2. *Requests* the Committee to report.\n\n# Annex\n\n## Programme of action\n\n### I. Introduction\n\nSome text of the annex.\n\n1. *First* item of the annex;\n\n2. *Second* item.\n'


def test_assembly_parts_and_annex_build_and_verify(tmp_path):
    """Parts A and B printed under the resolution's number (75/101., not 75/101 A-B.), the plural
    adoption line, and an annex after the closing lines with no adoption note before it."""
    path = tmp_path / "A_RES_75_101.md"
    path.write_text(GA_PARTS, encoding="utf-8")
    pres = present(read_source(str(path)))
    assert pres.title_number == "75/101."
    assert pres.adopted_by.startswith("Resolutions adopted by the General Assembly on")
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0
    root = etree.parse(str(out / "A_RES_75_101.akn.xml")).getroot()
    assert root.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == \
        "/akn/un/statement/deliberation/unga/2020-12-10/75-101A-B/!main"
    # written as the UN writes a resolution in parts: a collection of statements, one a part,
    # each closing with its own meeting lines
    assert root.find("a:documentCollection/a:collectionBody", NS) is not None
    parts = root.findall("a:components/a:component/a:statement", NS)
    assert [p.findtext("a:preface/a:p/a:docNumber", namespaces=NS) for p in parts] == ["A", "B"]
    assert [len(p.findall("a:conclusions", NS)) for p in parts] == [1, 1]
    assert root.find(".//a:attachments/a:attachment", NS) is not None
    # and it imports back into the same resolution
    again, _warnings = import_akn(out / "A_RES_75_101.akn.xml")
    want = read_source(str(path))
    assert again.parts == want.parts and again.annexes == want.annexes
    assert dataclasses.replace(again.meta, meeting=want.meta.meeting) == want.meta
    # each part closes with the meeting lines, as the Assembly prints its parts
    assert [text for style, text in _docx_lines(out / "A_RES_75_101.docx") if style == "MeetingG"] == \
        ["41st plenary meeting\n10\u00a0December\u00a02020"] * 2
    pdf = " ".join(_pdf_text(out / "A_RES_75_101.pdf").split())
    assert "Requests a report. 41st plenary meeting 10 December 2020 B United Nations global" in pdf
    assert (out / "A_RES_75_101.html").read_text(encoding="utf-8").count('class="meeting"') == 2


@pytest.mark.parametrize("stem, language, changes", [
    ("A_RES_75_40", "French", [("organ: General Assembly", "organ: Assemblée générale"),
                               ("  committee: First Committee", "  committee: Première Commission")]),
    ("A_RES_75_40", "Chinese", [("meeting: 37th plenary meeting", "meeting: 37")]),
    ("S_RES_2508_2020", "Arabic", [("meeting: 8718th meeting", "meeting: 8718")]),
])
def test_the_sources_in_other_languages_build_and_verify(tmp_path, stem, language, changes):
    """The front matter in another language (the body stays English, as `make preview` does): the
    committee's id in the AKN is ASCII whatever its script, and the Chinese adoption line is read
    back apart from the origin line under it."""
    text = (ROOT / "source" / f"{stem}.md").read_text(encoding="utf-8")
    for old, new in [("language: English", f"language: {language}"), *changes]:
        text = sub(text, old, new)
    path = tmp_path / f"{stem}_{language}.md"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0


@pytest.mark.parametrize("language, adopted", [
    # as the UN's Chinese files of 2020 print it: no organ, no 第 before the meeting's number
    ("Chinese", "2020年2月11日 8718次会议通过"),
    ("Chinese", "2020年2月11日安全理事会8718次会议通过"),
    ("French", "Adoptée à la 8718e séance du Conseil de sécurité, le 11 février 2020"),
])
def test_a_security_council_adoption_line_worded_otherwise_verifies(tmp_path, language, adopted):
    """A UN file's own adoption line (kept in `printed:`) is not the language data's: the PDF reader
    finds the end of the Security Council's page one by the line's place under the number line,
    and reads its date."""
    text = (ROOT / "source" / "S_RES_2508_2020.md").read_text(encoding="utf-8")
    text = sub(text, "language: English", f"language: {language}")
    text = sub(text, "meeting: 8718th meeting", f"meeting: 8718\nprinted:\n  adopted_by: \"{adopted}\"")
    path = tmp_path / "S_RES_2508_2020.md"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q", "-f", "pdf"]) == 0
    assert adopted in " ".join(_pdf_text(out / "S_RES_2508_2020.pdf").split())
    assert main(["verify", str(path), "-o", str(out), "-q", "-f", "pdf"]) == 0


def test_a_security_council_text_of_short_paragraphs_verifies(tmp_path):
    """Most lines of a text of one-line paragraphs start indented, as their first lines do: the PDF
    reader takes the text block's left edge from the Council's number line, so that a paragraph's
    second line, at that edge, stays in its paragraph."""
    text = (ROOT / "source" / "S_RES_2508_2020.md").read_text(encoding="utf-8")
    front = sub(text, "language: English", "language: Chinese").split("\n---\n", 1)[0] + "\n---\n"
    front = sub(front, "meeting: 8718th meeting", "meeting: 8718")
    short = "".join(f"\n**回顾**其第{n}(2019)号决议，\n" for n in range(2480, 2488))
    body = ("\n**安全理事会，**\n" + short + "\n**重申**" + "安理会认定一切形式和表现的恐怖主义是对和平与安全的最严重威胁之一" * 2
            + "，\n\n1. **决定**将第2473号决议规定的各项授权从本决议通过之日起再延长十二个月；\n"
            "\n2. **决定**继续处理此案。\n")
    path = tmp_path / "S_RES_2508_2020.md"
    path.write_text(front + body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q", "-f", "pdf", "--no-verify"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q", "-f", "pdf"]) == 0


@pytest.mark.parametrize("source", [GA_SOURCE, SC_SOURCE], ids=["ga", "sc"])
def test_importing_our_akn_gives_the_source_back(built, tmp_path, source):
    """The cover page is marked up in the UN's own shape (issuingBody, agenda item, originating
    document, the Security Council's docTitle lines, its subject as a title keyword), so the
    importer reads the same resolution back: the same text and the same printed page one."""
    out = tmp_path / f"{source.stem}.md"
    assert main(["import", str(built / f"{source.stem}.akn.xml"), "-o", str(out), "-q"]) == 0
    want, got = read_source(str(source)), read_source(str(out))
    assert got.parts == want.parts and got.footnotes == want.footnotes
    assert dataclasses.replace(got.meta, meeting=want.meta.meeting) == want.meta
    assert present(got) == present(want)


def test_security_council_annex_after_the_last_paragraph_verifies(tmp_path):
    """The Security Council prints no closing lines: the PDF reader takes the annex's label after
    the last operative paragraph as the annex's start, not as a part's heading."""
    body = ("\n*The Security Council*,\n\n*Acting* under Chapter VII of the Charter of the United Nations,\n\n"
            "1. *Endorses* the agreement annexed to this resolution;\n\n"
            "2. *Decides* to remain seized of the matter.\n\n# Annex\n\n"
            "## Agreement on the cessation of hostilities\n\n### Article 1\n\nThe parties agree as follows:\n\n"
            "1. *First*, a ceasefire;\n\n2. *Second*, a withdrawal.\n")
    path = tmp_path / "sc_annex.md"
    path.write_text(SC_FRONT + body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0
