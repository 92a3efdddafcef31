"""A Council file whose vote metadata is missing or an empty frame takes the vote its workflow's
adoption step records, and names the repair (W702).

S/RES/2820 (2026) in Arabic keeps ``<voting><quorum value=""/></voting>`` and nothing else, where
its workflow says "Adopted 13-0-2, 10148thmeeting": it was refused (E620). The totals are now kept
as a recorded vote of 13 to 0, 2 abstaining, with no State named; "without vote" or "by
acclamation" is adoption without a vote; the Security Council's "unanimously", from 1966 (when it
became fifteen), its fifteen members in favour. Anything else the step says is not read (the
Assembly's "unanimously" gives no number), and the import is refused as before. A source that gives a vote's
totals and names no State builds, its AKN counts naming none (the checker took a count that names
no State for a count that lost its States)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from conftest import CORPUS
from test_import_organ_repairs import SC_VOTE, ga_file, sc_file
from unres.cli import main
from unres.errors import EXIT_INPUT, EXIT_OK
from unres.model.document import RECORDED, WITHOUT_VOTE
from unres.readers.markdown.reader import read_source

SC2020 = CORPUS / "un-akn-sc" / "2020"
LANGUAGES = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]
FRAMES = {"empty quorum": '<voting><quorum value=""/></voting>', "bare": "<voting/>",
          "outcome blank": '<voting outcome=" "></voting>', "missing": ""}
AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _step(said: str, year: int = 2021) -> str:
    return f'<step date="{year}-01-29" outcome="adopted" as="S/PV.8712" by="{said}"/>'


def _organ_file(organ: str, frame: str, said: str, year: int) -> str:
    if organ == "sc":
        return sc_file(workflow=_step(said, year)).replace(SC_VOTE, FRAMES[frame])
    return ga_file(voting=FRAMES[frame]).replace('<workflow source="#un"></workflow>',
                                                 f'<workflow source="#un">{_step(said, year)}</workflow>')


def _import(tmp_path, text, capsys):
    xml, out = tmp_path / "res.xml", tmp_path / "res.md"
    xml.write_text(text, encoding="utf-8")
    code = main(["import", str(xml), "-o", str(out), "-q"])
    return xml, out, code, capsys.readouterr().err


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organ=st.sampled_from(["sc", "ga"]), year=st.sampled_from([1960, 1966, 2021]),
       frame=st.sampled_from(sorted(FRAMES)),
       said=st.one_of(
           st.builds(lambda a, b, c, sep, meeting: f"Adopted {a}-{b}-{c}{sep}{meeting}",
                     st.integers(0, 15), st.integers(0, 15), st.integers(0, 15),
                     st.sampled_from([", ", "; ", " , "]),
                     st.sampled_from(["10148thmeeting", "8712th meeting", "voting by mail"])),
           st.sampled_from(["Adopted unanimously, 8712th meeting", "Adopted unanimously; voting by mail",
                            "Adopted without vote, 8703rd meeting", "Adopted by acclamation, 8712th meeting",
                            "Adopted", "Adopted, 8712th meeting", ""])))
def test_an_empty_vote_frame_takes_the_workflow_s_vote_or_is_refused(tmp_path_factory, capsys, organ, year,
                                                                      frame, said):
    text = _organ_file(organ, frame, said, year)
    assert FRAMES[frame] in text and _step(said, year) in text
    xml, out, code, err = _import(tmp_path_factory.mktemp("v"), text, capsys)
    totals = re.search(r"(\d+)-(\d+)-(\d+)", said)
    if totals and int(totals.group(1)) == 0:
        totals = None       # no resolution is adopted with no vote in favour
    fifteen = organ == "sc" and year >= 1966 and "unanimously" in said
    if not (totals or fifteen or re.search(r"without vote|acclamation", said)):
        assert code == EXIT_INPUT and not out.exists() and "[E620]" in err and "W702" not in err
        return
    assert code == EXIT_OK, err
    step_line = _line(text, 'outcome="adopted"')
    assert f"{xml}:{step_line}:1: warning:" in err and "[W702]" in err
    vote = read_source(str(out)).meta.vote
    if totals:
        assert vote.kind == RECORDED and not vote.names_states
        assert vote.totals == tuple(int(n) for n in totals.groups())
    elif fifteen:
        assert vote.kind == RECORDED and not vote.names_states and vote.totals == (15, 0, 0)
    else:
        assert vote.kind == WITHOUT_VOTE


def test_a_vote_the_metadata_gives_is_kept_whatever_the_workflow_says(tmp_path, capsys):
    text = sc_file(workflow=_step("Adopted 13-0-2, 10148thmeeting"))
    xml, out, code, err = _import(tmp_path, text, capsys)
    assert code == EXIT_OK and "W702" not in err
    vote = read_source(str(out)).meta.vote
    assert vote.in_favour == ["Saint Vincent and the Grenadines", "Viet Nam"] and vote.abstaining == ["China"]


@pytest.mark.skipif(not SC2020.exists(), reason="../shared/corpus/un-akn-sc is absent")
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_council_file_with_an_empty_vote_frame_builds_with_the_workflow_s_totals(language, tmp_path, capsys):
    """S/RES/2508 (2020) in each language, its vote emptied to the frame S/RES/2820 (2026) has and
    its workflow saying what that file's says: the totals are kept and written in the AKN."""
    (original,) = (SC2020 / language).glob("S_RES_2508 (2020)-*.xml")
    text = original.read_text(encoding="utf-8")
    text = re.sub(r"<voting\b.*?</voting>", '<voting>\n<quorum value=""></quorum>\n</voting>', text, flags=re.S)
    text = re.sub(r'(<step [^>]*outcome="adopted"[^>]*by=")[^"]*"', r'\1Adopted 13-0-2, 10148thmeeting"', text)
    assert 'by="Adopted 13-0-2, 10148thmeeting"' in text and "<count" not in text
    xml, out, code, err = _import(tmp_path, text, capsys)
    assert code == EXIT_OK, err
    assert "[W702]" in err
    assert main(["build", str(out), "-o", str(tmp_path / "built"), "-q"]) == EXIT_OK
    (akn,) = (tmp_path / "built").glob("*.akn.xml")
    counts = etree.parse(str(akn)).xpath("//a:analysis//a:voting/a:count", namespaces=AKN)
    assert [(c.get("refersTo"), c.get("value"), len(c)) for c in counts] == [
        ("#inFavour", "13", 0), ("#against", "0", 0), ("#abstaining", "2", 0)]


VOTE_SHAPES = {
    "totals alone": "vote:\n  in_favour_total: 120\n  against_total: 3\n  abstaining_total: 40",
    "one list and totals": "vote:\n  in_favour:\n    - Chile\n    - Japan\n  against: []\n  abstaining_total: 12",
}


@pytest.mark.parametrize("shape", sorted(VOTE_SHAPES))
@pytest.mark.parametrize("organ", ["ga", "sc"])
def test_an_assembly_or_council_source_with_totals_alone_builds(organ, shape, tmp_path):
    """The README's totals written instead of their lists, in an organ that keeps the vote as
    metadata only: the AKN counts them and names no State (refused as a bug before: O-VERIFY)."""
    xml = tmp_path / "res.xml"
    xml.write_text(ga_file() if organ == "ga" else sc_file(), encoding="utf-8")
    assert main(["import", str(xml), "-o", str(tmp_path / "res.md"), "-q"]) == EXIT_OK
    text = (tmp_path / "res.md").read_text(encoding="utf-8")
    start = text.index("\nvote:") + 1
    end = text.index("\n---", start)
    (tmp_path / "res.md").write_text(text[:start] + VOTE_SHAPES[shape] + text[end:], encoding="utf-8")
    assert main(["build", str(tmp_path / "res.md"), "-o", str(tmp_path / "built"), "-q"]) == EXIT_OK
    counts = etree.parse(str(tmp_path / "built" / "res.akn.xml")).xpath(
        "//a:analysis//a:voting/a:count", namespaces=AKN)
    named = {c.get("refersTo"): (c.get("value"), len(c.xpath(".//a:organization", namespaces=AKN))) for c in counts}
    if shape == "totals alone":
        assert named == {"#inFavour": ("120", 0), "#against": ("3", 0), "#abstaining": ("40", 0)}
    else:
        assert named["#inFavour"] == ("2", 2) and named["#abstaining"] == ("12", 0)
