"""Importing the UN's own Akoma Ntoso files (``unres import``).

The corpus tests read every UN file a second time with plain lxml XPath,
independently of the reader, and compare what a reader of the printed
resolution would check: numbers, labels, words, footnotes and the vote.
"""
from __future__ import annotations

import functools
import re
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from unres import xmlsafe
from unres.errors import SourceError
from unres.model.document import (RECORDED, WITHOUT_VOTE, Emph, Link, NoteRef, OperativeParagraph, Text,
                                  plain_text, walk_subparagraphs)
from unres.readers.akn.reader import import_akn, import_diagnostics, read_akn
from unres.readers.akn.votes import split_states

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "import"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "un-akn-hrc" / "54session"
LANGUAGES = {"Arabic": "A", "Chinese": "C", "French": "F", "Russian": "R", "Spanish": "S"}
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

needs_corpus = pytest.mark.skipif(not (CORPUS / "English").is_dir(),
                                  reason=f"UN AKN corpus not found at {CORPUS}")


def english_files():
    return sorted((CORPUS / "English").glob("A_HRC_RES_54_*E.xml"),
                  key=lambda p: int(re.search(r"_(\d+)E\.xml$", p.name).group(1)))


@functools.lru_cache(maxsize=None)
def imported(path: Path):
    return import_akn(path)


def codes(diagnostics):
    return [d.code for d in diagnostics]


# ------------------------------------------------------------------ fixture
def test_minimal_file_maps_front_matter():
    res, warnings = import_akn(FIXTURES / "minimal.xml")
    meta = res.meta
    assert warnings == []
    assert (meta.symbol, meta.number, meta.title) == ("A/HRC/RES/54/99", "54/99", "Testing the importer")
    assert (meta.parent_organ, meta.organ) == ("General Assembly", "Human Rights Council")
    assert (meta.session, meta.session_name) == (54, "Fifty-fourth session")
    assert (str(meta.session_start), str(meta.session_end)) == ("2023-09-11", "2023-10-13")
    assert (meta.agenda_item, meta.distribution, str(meta.issue_date)) == ("3", "General", "2023-10-12")
    assert (meta.original_language, meta.language) == ("English", "English")
    assert (str(meta.adoption_date), meta.meeting) == ("2023-10-11", "46th meeting")


def test_minimal_file_maps_the_vote_and_cuts_lists_at_the_right_conjunction():
    vote = read_akn(FIXTURES / "minimal.xml").meta.vote
    assert vote.kind == RECORDED
    assert vote.in_favour == ["Costa Rica", "Trinidad and Tobago",
                              "United Kingdom of Great Britain and Northern Ireland"]
    assert vote.against == ["Côte d’Ivoire"]
    assert vote.abstaining == []


def test_minimal_file_maps_the_body():
    res = read_akn(FIXTURES / "minimal.xml")
    assert plain_text(res.formula.inlines) == "The Human Rights Council,"
    assert isinstance(res.formula.inlines[0], Emph)
    (pre,) = res.preamble
    # The space inside the italic span and the tab are normalised away.
    assert pre.opening_phrase == "Recalling"
    assert pre.inlines[1] == Text(" its resolution ")
    assert isinstance(pre.inlines[2], Link) and pre.inlines[2].target.endswith("/A/HRC/RES/51/1")
    assert plain_text(pre.inlines) == "Recalling its resolution 51/1, and the report,"
    assert [p.num for p in res.operative] == ["1.", "2.", "3."]
    second = res.operative[1]
    assert plain_text(second.inlines) == "Requests a report on:"
    assert [s.label for s in walk_subparagraphs(second.children)] == ["(a)", "(b)", "(i)", "(ii)"]
    assert plain_text(second.children[1].inlines) == "The second thing, namely:"
    assert plain_text(second.wrapup) == "all within a year;"
    # Footnotes are renumbered from 1 although the UN's markers start at 2.
    assert [(n.number, plain_text(n.paragraphs[0])) for n in res.footnotes] == \
        [(1, "A/HRC/51/1."), (2, "Ibid.")]
    calls = [n for n in second.children[0].inlines if isinstance(n, NoteRef)]
    assert [c.number for c in calls] == [2]


def _variant(tmp_path, old, new, count=1):
    text = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "variant.xml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def _line_of(path, needle):
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_a_number_out_of_sequence_is_refused_with_its_line(tmp_path):
    path = _variant(tmp_path, "<num>3.</num>", "<num>5.</num>")
    with pytest.raises(SourceError) as caught:
        read_akn(path)
    (diag,) = caught.value.diagnostics
    assert diag.code == "E640" and "'5.'" in diag.message
    assert diag.loc.line == _line_of(path, 'eId="para_20"')


def test_a_wrong_sub_paragraph_label_is_refused(tmp_path):
    path = _variant(tmp_path, "<num>(ii)</num>", "<num>(iv)</num>")
    with pytest.raises(SourceError) as caught:
        read_akn(path)
    assert codes(caught.value.diagnostics) == ["E640"]


def test_arabic_and_spanish_labels_are_accepted(tmp_path):
    path = _variant(tmp_path, "<num>(a)</num>", "<num>(أ)</num>")
    path.write_text(path.read_text(encoding="utf-8").replace("<num>(b)</num>", "<num>b)</num>"),
                    encoding="utf-8")
    res = read_akn(path)
    assert [s.label for s in res.operative[1].children] == ["(a)", "(b)"]


def test_unknown_block_is_refused_not_dropped(tmp_path):
    path = _variant(tmp_path, "<mainBody>", '<mainBody>\n<hcontainer name="x"><p>text</p></hcontainer>')
    with pytest.raises(SourceError) as caught:
        read_akn(path)
    assert codes(caught.value.diagnostics) == ["E615"]
    assert caught.value.diagnostics[0].loc.line == _line_of(path, "<hcontainer")


def test_unknown_inline_keeps_its_text_and_warns(tmp_path):
    path = _variant(tmp_path, "to test;", "to <mystery>test</mystery>;")
    res, warnings = import_akn(path)
    assert plain_text(res.operative[0].inlines) == "Decides to test;"
    assert codes(warnings) == ["W614"]


def test_missing_symbol_and_bad_date_are_reported_together(tmp_path):
    path = _variant(tmp_path, '<docNumber refersTo="#symbol">A/HRC/RES/54/99</docNumber>', "")
    path.write_text(path.read_text(encoding="utf-8").replace('date="2023-09-11"', 'date="11 Sept"'),
                    encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_akn(path)
    assert set(codes(caught.value.diagnostics)) == {"E621", "E622"}


def test_adoption_without_a_vote(tmp_path):
    path = _variant(tmp_path, '<outcome refersTo="#adoptedRecordedVote">',
                    '<outcome refersTo="#adoptedWithoutVote">[Adopted without a vote.]</outcome><x>')
    path.write_text(path.read_text(encoding="utf-8")
                    .replace("</outcome></outcome>", "</outcome></x>")
                    .replace('outcome="adoptedRecordedVote"', 'outcome="adoptedWithoutVote"'),
                    encoding="utf-8")
    vote = read_akn(path).meta.vote
    assert vote.kind == WITHOUT_VOTE and vote.count == 0


def test_number_on_an_empty_paragraph_joins_the_next_one(tmp_path):
    path = _variant(tmp_path, """<num>3.</num>
        <content eId="para_20__content">""", """<num>3.</num><content><p xml:space="preserve"> </p></content>
      </paragraph>
      <paragraph>
        <content>""")
    res, warnings = import_akn(path)
    assert plain_text(res.operative[2].inlines) == "Decides to remain seized of the matter."
    assert "W644" in codes(warnings)


def test_number_typed_in_the_text_is_taken_with_a_warning(tmp_path):
    path = _variant(tmp_path, """<num>3.</num>
        <content eId="para_20__content">
          <p xml:space="preserve">	""", """<content><p xml:space="preserve"> 3	""")
    res, warnings = import_akn(path)
    assert [p.num for p in res.operative] == ["1.", "2.", "3."]
    assert plain_text(res.operative[2].inlines).startswith("Decides")
    assert "W649" in codes(warnings)


@pytest.mark.parametrize("mark", ["\u200e", "\u200f"])
def test_number_typed_in_the_text_with_a_direction_mark_after_it_is_taken(tmp_path, mark):
    """75/248 types "6.\u200e\tReaffirms": the mark prints nothing, so print shows paragraph 6."""
    path = _variant(tmp_path, """<num>3.</num>
        <content eId="para_20__content">
          <p xml:space="preserve">	""", f"""<content><p xml:space="preserve">	3.{mark}	""")
    res, warnings = import_akn(path)
    assert [p.num for p in res.operative] == ["1.", "2.", "3."]
    assert plain_text(res.operative[2].inlines).startswith("Decides")
    assert mark not in plain_text(res.operative[2].inlines)
    assert any(w.code == "W649" and "direction mark" in w.message for w in warnings)


def test_formatting_on_punctuation_alone_is_dropped_with_a_warning(tmp_path):
    path = _variant(tmp_path, "to test;",
                    'to test<span class="bold">, </span>now<span class="italic">;</span>')
    res, warnings = import_akn(path)
    assert res.operative[0].inlines[1:] == [Text(" to test, now;")]
    assert codes(warnings) == ["W615", "W615"]


def test_formatting_that_ends_inside_a_word_is_mended(tmp_path):
    path = _variant(tmp_path, '<span class="italic">Decides</span> to test',
                    '<span class="italic">Decide</span>s to test')
    res, warnings = import_akn(path)
    assert res.operative[0].inlines == [Emph([Text("Decides")]), Text(" to test;")]
    assert codes(warnings) == ["W619"]


def test_footnote_marker_gap_is_reported(tmp_path):
    path = _variant(tmp_path, 'marker="3"', 'marker="7"')
    res, warnings = import_akn(path)
    assert [n.number for n in res.footnotes] == [1, 2]
    assert "W651" in codes(warnings)


# ------------------------------------------------------------------ hostile XML
@pytest.mark.parametrize("name, code, line", [
    ("billion_laughs.xml", "E602", 3),
    ("external_entity.xml", "E602", 3),
    ("external_dtd.xml", "E601", 2),
    ("malformed.xml", "E604", 5),
])
def test_hostile_or_broken_xml_is_refused_with_file_and_line(name, code, line):
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        read_akn(FIXTURES / name)
    assert time.monotonic() - started < 2
    (diag,) = caught.value.diagnostics
    assert (diag.code, diag.loc.line) == (code, line)
    assert diag.loc.path.endswith(name)


def test_entity_declaration_hidden_by_utf16_is_still_refused():
    data = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE x [\n'
            '<!ENTITY e SYSTEM "file:///etc/hostname">\n]>'
            '\n<x>&e;</x>').encode("utf-16")
    with pytest.raises(SourceError) as caught:
        xmlsafe.parse_bytes(data, "hidden.xml")
    assert caught.value.diagnostics[0].code == "E602"
    assert caught.value.diagnostics[0].loc.line == 3


def test_undefined_entity_is_a_syntax_error_and_a_plain_doctype_is_accepted():
    with pytest.raises(SourceError) as caught:
        xmlsafe.parse_bytes(b"<x>\n&nope;</x>", "undefined.xml")
    assert (caught.value.diagnostics[0].code, caught.value.diagnostics[0].loc.line) == ("E604", 2)
    assert xmlsafe.parse_bytes(b"<!DOCTYPE x>\n<x>ok</x>", "plain.xml").getroot().text == "ok"


def test_oversized_input_is_refused(monkeypatch):
    monkeypatch.setattr(xmlsafe, "MAX_BYTES", 10)
    with pytest.raises(SourceError) as caught:
        xmlsafe.parse_bytes(b"<x>far too long</x>", "big.xml")
    assert caught.value.diagnostics[0].code == "E603"


# ------------------------------------------------------------------ State lists
@pytest.mark.parametrize("text, lang, expected, last, states", [
    ("Costa Rica and Mexico]", "en", 2, None, ["Costa Rica", "Mexico"]),
    ("Chile, Costa Rica and Trinidad and Tobago.]", "en", 3, "TRINIDAD AND TOBAGO",
     ["Chile", "Costa Rica", "Trinidad and Tobago"]),
    ("Tchéquie et Trinité-et-Tobago.", "fr", 2, "TRINIDAD AND TOBAGO", ["Tchéquie", "Trinité-et-Tobago"]),
    ("Rumania y Reino Unido de Gran Bretaña e Irlanda del Norte", "es", 2, "UNITED KINGDOM",
     ["Rumania", "Reino Unido de Gran Bretaña e Irlanda del Norte"]),
    ("Коста-Рика и Мексика.]", "ru", 2, None, ["Коста-Рика", "Мексика"]),
    ("哥斯达黎加、墨西哥]", "zh", 2, None, ["哥斯达黎加", "墨西哥"]),
    ("الأرجنتين، وإريتريا، والإمارات العربية المتحدة", "ar", 3, None,
     ["الأرجنتين", "إريتريا", "الإمارات العربية المتحدة"]),
    ("المغرب والمكسيك]", "ar", 2, None, ["المغرب", "المكسيك"]),
])
def test_printed_state_lists_are_cut_per_language(text, lang, expected, last, states):
    assert split_states(text, lang, expected, last) == states


# ------------------------------------------------------------------ corpus
def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"[ \t\r\n]+", " ", text)).strip()


def _text(el) -> str:
    """Visible text of an element, footnotes left out (read with XPath, not the reader)."""
    return _norm("".join(el.xpath(".//text()[not(ancestor::a:authorialNote)]", namespaces=NS)))


def _note_text(note) -> str:
    return _norm("".join(note.xpath(".//text()")))


def _un_reading(path: Path) -> dict:
    """What the UN file says, read independently of unres."""
    root = etree.parse(str(path), xmlsafe.safe_parser()).getroot()
    st = root.find("a:statement", NS)
    preamble = st.xpath("a:preamble/a:container", namespaces=NS)
    operative = []
    for para in st.xpath("a:mainBody/a:paragraph", namespaces=NS):
        num = _norm("".join(para.xpath("a:num//text()", namespaces=NS))) or None
        intro = para.xpath("a:content/a:p | a:list/a:intro/a:p", namespaces=NS)
        text = " ".join(_text(p) for p in intro)
        points = [(_norm("".join(pt.xpath("a:num//text()", namespaces=NS))),
                   _text(pt.find("a:content", NS))) for pt in para.xpath("a:list/a:point", namespaces=NS)]
        notes = [_note_text(n) for n in para.xpath(".//a:authorialNote", namespaces=NS)]
        if num is None and operative and not operative[-1]["text"]:
            operative[-1].update(text=text, points=points, notes=notes)   # number on an empty paragraph
            continue
        typed = re.match(r"(\d+)\s+(.*)$", text) if num is None else None
        if typed:
            num, text = typed.group(1) + ".", typed.group(2)
        operative.append(dict(num=num, text=text, points=points, notes=notes))
    quantities = {q.get("refersTo").lstrip("#"): int(q.get("normalized"))
                  for q in st.xpath("a:conclusions//a:quantity", namespaces=NS)}
    voters = {c.get("refersTo").lstrip("#"): [_norm(o.text or "") for o in c.iter("{*}organization")]
              for c in st.xpath("a:meta/a:analysis/a:parliamentary/a:voting/a:count", namespaces=NS)}
    return dict(
        preamble=[_text(c.find("a:p", NS)) for c in preamble],
        preamble_notes=[[_note_text(n) for n in c.xpath(".//a:authorialNote", namespaces=NS)]
                        for c in preamble],
        operative=operative,
        all_notes=[_note_text(n) for n in st.xpath(".//a:authorialNote", namespaces=NS)],
        without_vote=bool(st.xpath("a:conclusions//a:outcome[@refersTo='#adoptedWithoutVote']",
                                   namespaces=NS)),
        quantities=quantities, voters=voters)


def _same_state(printed: str, listed: str) -> bool:
    a = printed.replace("’", "'").upper()
    b = listed.replace("’", "'").upper()
    return a == b or a.startswith(b + " ")   # the metadata writes 'UNITED KINGDOM'


def _notes_of(res, inlines):
    keys = [n.key for n in inlines if isinstance(n, NoteRef)]
    return [_norm(" ".join(plain_text(p) for p in res.footnote(k).paragraphs)) for k in keys]


def _compare(path: Path) -> list[str]:
    un = _un_reading(path)
    res, _warnings = imported(path)
    problems = []
    if [_norm(plain_text(p.inlines)) for p in res.preamble] != un["preamble"]:
        problems.append("preamble text")
    if [_notes_of(res, p.inlines) for p in res.preamble] != un["preamble_notes"]:
        problems.append("preamble footnotes")
    ours = res.operative
    if [p.num for p in ours] != [o["num"] for o in un["operative"]]:
        problems.append("operative numbers")
    for para, theirs in zip(ours, un["operative"]):
        if _norm(plain_text(para.inlines)) != theirs["text"]:
            problems.append(f"text of {para.num}")
        if [(s.label, _norm(plain_text(s.inlines))) for s in para.children] != theirs["points"]:
            problems.append(f"sub-paragraphs of {para.num}")
        mine = _notes_of(res, para.inlines) + [t for s in walk_subparagraphs(para.children)
                                               for t in _notes_of(res, s.inlines)]
        if mine != theirs["notes"]:
            problems.append(f"footnotes of {para.num}")
    if [_norm(" ".join(plain_text(p) for p in n.paragraphs)) for n in res.footnotes] != un["all_notes"]:
        problems.append("footnote order")
    vote = res.meta.vote
    if un["without_vote"]:
        if vote.kind != WITHOUT_VOTE:
            problems.append("vote kind")
    else:
        expected = tuple(un["quantities"].get(k, 0) for k in ("inFavour", "against", "abstaining"))
        if vote.kind != RECORDED or vote.totals != expected:
            problems.append(f"vote totals {vote.totals} != {expected}")
        for mine_list, key in ((vote.in_favour, "inFavour"), (vote.against, "against"),
                               (vote.abstaining, "abstaining")):
            theirs = un["voters"].get(key, [])
            if len(mine_list) != len(theirs) or not all(map(_same_state, mine_list, theirs)):
                problems.append(f"States {key}")
    return problems


@needs_corpus
def test_every_english_un_file_imports_faithfully(capsys):
    files = english_files()
    assert len(files) == 35
    rows, failures = [], []
    for path in files:
        res, warnings = imported(path)
        problems = _compare(path)
        subs = sum(1 for p in res.operative for _ in walk_subparagraphs(p.children))
        rows.append(f"{path.stem:<22}{len(res.preamble):>5}{len(res.operative):>5}{subs:>5}"
                    f"{len(res.footnotes):>6}  {'%d-%d-%d' % res.meta.vote.totals:<9}{len(warnings):>4}  "
                    + ("ok" if not problems else "; ".join(problems)))
        if problems:
            failures.append(path.name)
    with capsys.disabled():
        print(f"\n{'file':<22}{'pre':>5}{'ops':>5}{'subs':>5}{'notes':>6}  {'vote':<9}{'warn':>4}  result")
        print("\n".join(rows))
        print(f"{len(files) - len(failures)}/{len(files)} faithful")
    assert failures == []


# Differences between a language version and the English one that are in the
# UN's files themselves (each is also reported as a warning on import).
KNOWN_DIFFERENCES = {
    # (54/2, 54/20 and 54/27 in Arabic name no abstaining State, neither printed nor in the
    # metadata: the note's total is kept alone, so their vote agrees with the English one.)
    # a comma is missing between two States ("Вьетнам Габон", "Camerún China")
    ("A_HRC_RES_54_3", "Russian"): "vote",
    ("A_HRC_RES_54_20", "Spanish"): "vote",
}


def _shape(res):
    return dict(
        # The structure, not its printed form: each language prints its own numbers and labels
        # ("1-" and "(أ)" in Arabic, "a)" in French), which the eIds do not follow.
        numbers=[p.eid for p in res.operative],
        labels=[[s.eid for s in walk_subparagraphs(p.children)] for p in res.operative],
        footnotes=len(res.footnotes),
        vote=(res.meta.vote.kind, res.meta.vote.totals),
        dates=(res.meta.session_start, res.meta.session_end, res.meta.adoption_date),
    )


@needs_corpus
def test_other_languages_match_the_english_structure():
    differences = {}
    for english in english_files():
        base = english.stem[:-1]
        reference = _shape(imported(english)[0])
        for language, letter in LANGUAGES.items():
            other = CORPUS / language / f"{base}{letter}.xml"
            shape = _shape(imported(other)[0])
            for key, value in shape.items():
                if value != reference[key]:
                    differences[(base, language)] = key
    assert differences == KNOWN_DIFFERENCES


@needs_corpus
def test_known_un_defects_are_reported_as_warnings():
    english = CORPUS / "English"
    warned = import_diagnostics(english / "A_HRC_RES_54_35E.xml")
    assert ("W644", 344) in [(d.code, d.loc.line) for d in warned]
    assert "W649" in codes(imported(english / "A_HRC_RES_54_27E.xml")[1])
    assert "W622" in codes(imported(CORPUS / "Russian" / "A_HRC_RES_54_3R.xml")[1])
    assert "W624" in codes(imported(CORPUS / "Arabic" / "A_HRC_RES_54_20A.xml")[1])


@needs_corpus
def test_all_210_files_import_in_seconds():
    files = sorted(CORPUS.glob("*/A_HRC_RES_54_*.xml"))
    assert len(files) == 210
    started = time.monotonic()
    for path in files:
        read_akn(path)
    assert time.monotonic() - started < 30


@needs_corpus
def test_round_trip_un_akn_to_markdown_and_back(tmp_path):
    from unres.readers.markdown.reader import read_source
    from unres.writers.markdown import render_markdown

    def round_trip(path):
        res = imported(path)[0]
        text = render_markdown(res)
        source = tmp_path / (path.stem + ".md")
        source.write_text(text, encoding="utf-8")
        again = read_source(str(source))
        return None if render_markdown(again) == text and again == res else path.name

    failures = [name for name in map(round_trip, english_files()) if name]
    assert failures == []


def test_imported_operative_paragraphs_are_the_model_type():
    res = read_akn(FIXTURES / "minimal.xml")
    assert all(isinstance(p, OperativeParagraph) for p in res.operative)
    assert res.operative[0].eid == "para_1"      # not the UN's para_8


# ------------------------------------------------------------------ robustness
MINIMAL = (FIXTURES / "minimal.xml").read_bytes()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.integers(0, len(MINIMAL)), length=st.integers(0, 400),
       insert=st.sampled_from([b"", b"<p>", b"</p>", b"<num>x</num>", b"<list/>", b"&amp;", b"<point/>",
                               b'<authorialNote marker="x"/>', b"<span class='italic'> </span>"]))
def test_damaged_files_are_refused_or_imported_never_crash(tmp_path, start, length, insert):
    path = tmp_path / "damaged.xml"
    path.write_bytes(MINIMAL[:start] + insert + MINIMAL[start + length:])
    try:
        res, warnings = import_akn(path)
    except SourceError as exc:
        assert all(d.loc is None or d.loc.line >= 1 for d in exc.diagnostics)
    else:
        assert res.operative and all(w.severity == "warning" for w in warnings)
