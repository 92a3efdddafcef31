"""A recorded vote whose States are counted but not named: the totals alone, from the source or
from a UN file that lost its lists, are printed in the adoption note, kept in the AKN and verified."""
from __future__ import annotations

import datetime as dt
import re
import shutil

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, FRONT
from unres.model import languages
from unres.verify.fingerprint import parse_vote_note
from unres.verify.command import verify_source
from unres.cli import main as unres_main
from unres.errors import SourceError
from unres.model.document import RECORDED, Meta, Vote
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
LISTS = FRONT[FRONT.index("vote:"):FRONT.index("---", 4)]
TOTALS_ALONE = FRONT.replace(LISTS, "vote:\n  in_favour_total: 23\n  against_total: 12\n  abstaining_total: 12\n")
BODY = "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n1. *Decides* to act.\n"


def test_totals_alone_are_a_vote(source_file):
    assert TOTALS_ALONE != FRONT
    res = read_source(str(source_file(TOTALS_ALONE, BODY)))
    vote = res.meta.vote
    assert (vote.kind, vote.totals) == (RECORDED, (23, 12, 12))
    assert vote.in_favour == vote.against == vote.abstaining == []
    # The canonical source keeps the totals, so the round trip gives the same vote.
    assert read_source_text(source_file, render_markdown(res)).meta.vote == vote


def read_source_text(source_file, text):
    return read_source(str(source_file(text, "", name="again.md")))


def test_a_list_and_a_total_alone_side_by_side(source_file):
    front = FRONT.replace("  abstaining: []\n", "  abstaining_total: 4\n")
    vote = read_source(str(source_file(front, BODY))).meta.vote
    assert vote.totals == (2, 1, 4) and vote.in_favour == ["Angola", "Chile"]


@pytest.mark.parametrize("front, code", [
    # Neither the list nor its total: still a missing key.
    (FRONT.replace("  abstaining: []\n", ""), "E105"),
    # A total beside its own list must agree with it.
    (FRONT.replace("  abstaining: []\n", "  abstaining: []\n  abstaining_total: 4\n"), "E401"),
    # Totals alone that count no one are no recorded vote.
    (FRONT.replace(LISTS, "vote:\n  in_favour_total: 0\n  against_total: 0\n  abstaining_total: 0\n"), "E403"),
])
def test_totals_alone_are_still_checked(source_file, front, code):
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(front, BODY)))
    assert code in {d.code for d in info.value.diagnostics}


def _meta(code: str, vote: Vote) -> Meta:
    day = dt.date(2030, 7, 5)
    return Meta(symbol="A/HRC/RES/99/1", number="99/1", title="T", parent_organ="General Assembly",
                organ="Human Rights Council", session=99, session_name="S", session_start=day,
                session_end=day, agenda_item="3", distribution="General", issue_date=day,
                original_language="English", language=languages.english_name(code), adoption_date=day,
                meeting="37", vote=vote)


@settings(max_examples=150, deadline=None)
@given(code=st.sampled_from(languages.CODES),
       counts=st.tuples(*[st.integers(0, 60)] * 3),
       named=st.tuples(*[st.booleans()] * 3))
def test_the_printed_note_gives_back_the_totals_in_every_language(code, counts, named):
    """Any totals, any lists named or not: the note printed reads back as the same totals, and
    it introduces lists exactly when there are lists to print."""
    if not any(counts):
        counts = (1, 0, 0)
    lists, alone = {}, {}
    for key, n, has_names in zip(("in_favour", "against", "abstaining"), counts, named):
        if has_names:
            lists[key] = [f"State {key} {i}" for i in range(n)]
        else:
            alone[key + "_total"] = n
    vote = Vote(RECORDED, **lists, **alone)
    pres = present(type("R", (), {"meta": _meta(code, vote)})())
    assert vote.totals == counts
    assert parse_vote_note(pres.vote_note).totals == counts
    assert bool(pres.vote_lists) == vote.names_states
    closed = pres.vote_note.rstrip().endswith("]")
    assert closed != bool(pres.vote_lists)
    assert (pres.vote_close == "]") == bool(pres.vote_lists)


def test_totals_alone_build_verify_and_stay_in_the_akn(tmp_path):
    src = tmp_path / "A_HRC_RES_99_1.md"
    src.write_text(TOTALS_ALONE + BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q"]) == 0
    lines, summary = verify_source(str(src), str(out))
    assert lines == [] and summary.endswith("47 votes: consistent")
    note = "[Adopted by a recorded vote of 23 to 12, with 12 abstentions.]"
    assert note in (out / "A_HRC_RES_99_1.html").read_text(encoding="utf-8")
    doc = etree.parse(str(out / "A_HRC_RES_99_1.akn.xml"))
    quantities = doc.xpath("//a:conclusions//a:quantity", namespaces=AKN)
    assert [(q.get("refersTo"), q.get("normalized")) for q in quantities] == [
        ("#inFavour", "23"), ("#against", "12"), ("#abstaining", "12")]
    counts = doc.xpath("//a:voting/a:count", namespaces=AKN)
    assert [c.get("value") for c in counts] == ["23", "12", "12"]
    assert not doc.xpath("//a:conclusions//a:organization", namespaces=AKN)
    # Our AKN imports back into the same vote.
    back, _warnings = import_akn(out / "A_HRC_RES_99_1.akn.xml")
    assert back.meta.vote == read_source(str(src)).meta.vote
    # A total changed in one output is a finding.
    html = out / "A_HRC_RES_99_1.html"
    html.write_text(html.read_text(encoding="utf-8").replace("23 to 12", "24 to 12"), encoding="utf-8")
    lines, _summary = verify_source(str(src), str(out))
    assert any("in favour total 24 where the source has 23" in line for line in lines), lines


UN_20A = CORPUS / "un-akn-hrc" / "54session" / "Arabic" / "A_HRC_RES_54_20A.xml"


@pytest.mark.skipif(not UN_20A.exists(), reason="../shared/corpus/un-akn-hrc is absent")
def test_a_un_file_that_counts_abstentions_but_names_none_keeps_the_printed_total(tmp_path):
    """54/20 in Arabic prints 17 abstentions and names none of them: the note wins."""
    res, warnings = import_akn(UN_20A)
    assert res.meta.vote.totals == (20, 10, 17)
    assert res.meta.vote.abstaining == [] and res.meta.vote.abstaining_total == 17
    assert any(w.code == "W624" and "17" in str(w) for w in warnings)
    src = tmp_path / "A_HRC_RES_54_20A.md"
    src.write_text(render_markdown(res), encoding="utf-8")
    assert "  abstaining_total: 17\n" in src.read_text(encoding="utf-8")
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q", "-f", "html,akn"]) == 0
    # The printed text, its numbers isolated left to right in <bdi> as every Arabic number is.
    text = lxml.html.parse(str(out / "A_HRC_RES_54_20A.html")).getroot().text_content()
    assert re.search(r"وامتناع\s+17\s", text)


@pytest.mark.skipif(not UN_20A.exists(), reason="../shared/corpus/un-akn-hrc is absent")
def test_a_un_file_with_no_list_at_all(tmp_path):
    """The same file with every State's name taken out: the three totals of its note remain."""
    root = etree.parse(str(UN_20A)).getroot()
    for el in root.xpath("//a:conclusions//a:outcome/a:outcome | //a:conclusions//a:organization"
                         " | //a:voting//akn4un:voters",
                         namespaces={**AKN, "akn4un": "http://un.org/akn4un"}):
        el.getparent().remove(el)
    path = tmp_path / UN_20A.name
    path.write_bytes(etree.tostring(root, encoding="utf-8"))
    res, warnings = import_akn(path)
    assert res.meta.vote.totals == (20, 10, 17) and not res.meta.vote.names_states
    assert sum(w.code == "W624" for w in warnings) == 3


RECORDED_FILES = sorted((CORPUS / "un-akn-hrc" / "54session").glob("*/A_HRC_RES_54_2[07]?.xml"))
CATEGORIES = ("inFavour", "against", "abstaining")


def _strip_names(root, categories):
    """The file with the States of ``categories`` named nowhere: not in the printed note's lists,
    not in the metadata's voters (the defect of 54/20 in Arabic, on any list, in any language)."""
    ns = {**AKN, "akn4un": "http://un.org/akn4un"}
    for cat in categories:
        for el in root.xpath(f"//a:conclusions//a:outcome[@refersTo='#{cat}' or @refersTo='{cat}']"
                             f" | //a:voting/a:count[@refersTo='#{cat}' or @refersTo='{cat}']/akn4un:voters",
                             namespaces=ns):
            el.getparent().remove(el)
    return root


@pytest.mark.skipif(not RECORDED_FILES, reason="../shared/corpus/un-akn-hrc is absent")
@settings(max_examples=40, deadline=None)
@given(path=st.sampled_from(RECORDED_FILES) if RECORDED_FILES else st.nothing(),
       lost=st.sets(st.sampled_from(CATEGORIES), min_size=1))
def test_the_printed_totals_win_whichever_lists_a_file_loses(tmp_path_factory, path, lost):
    """Any of the six languages, any lists lost: the vote keeps the totals the file's note prints,
    names the States it still lists, and says which it kept without names (W624)."""
    root = etree.parse(str(path)).getroot()
    note = {q.get("refersTo").lstrip("#"): int(q.get("normalized"))
            for q in root.xpath("//a:conclusions//a:quantity", namespaces=AKN)}
    before, _ = import_akn(path)
    damaged = tmp_path_factory.mktemp("lost") / path.name
    damaged.write_bytes(etree.tostring(_strip_names(root, lost), encoding="utf-8"))
    res, warnings = import_akn(damaged)
    vote = res.meta.vote
    # A list still printed counts its States (where it disagrees with the note, W625 says so).
    assert vote.totals == tuple(note.get(cat, 0) if cat in lost else total
                                for cat, total in zip(CATEGORIES, before.meta.vote.totals))
    for cat, key in zip(CATEGORIES, ("in_favour", "against", "abstaining")):
        if cat in lost:
            assert getattr(vote, key) == []
            assert getattr(vote, key + "_total") == (note.get(cat) or None)
        else:
            assert getattr(vote, key) == getattr(before.meta.vote, key)
    named_lost = sum(1 for cat in lost if note.get(cat))
    assert sum(w.code == "W624" for w in warnings) >= named_lost
