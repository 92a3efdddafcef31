"""The States of a vote kept only as data (the General Assembly's, the Security Council's) come back
from unres's own Akoma Ntoso as the source names them, in the six languages.

Those organs do not print their vote: the AKN keeps it in ``analysis/parliamentary/voting``, the
States in capitals as the UN writes them, and capitals cannot say the case of every name again
("TRINITÉ-ET-TOBAGO" is "Trinité-et-Tobago", not "Trinité-Et-Tobago"; "ТРИНИДАД И ТОБАГО" is
"Тринидад и Тобаго"). unres's own files keep the names as written beside them, in
``meta/proprietary`` (as they keep the session dates and agenda item), and the import takes those;
the UN's own files, which have none, are read from the capitals as before
(tests/test_import_organs.py, tests/test_vote_state_names.py).
"""
from __future__ import annotations

from copy import deepcopy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS
from test_vote_list_roundtrip import NAMES, vote_lists
from unres.model.document import RECORDED, Vote
from unres.model.presentation import present
from unres.model.state_names import capitals, from_capitals
from unres.readers.akn.reader import import_akn
from unres.verify.compare import compare
from unres.verify.expected import from_model
from unres.verify.read.akn import extract_akn
from unres.writers.akn.validate import validate
from unres.writers.akn.writer import render

LETTER = {"en": "E", "fr": "F", "es": "S", "ru": "R", "ar": "A", "zh": "C"}
FOLDERS = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
# One real resolution of each organ in each language (A/RES/75/10; S/RES/2504 (2020)).
FILES = {
    "ga": lambda code: CORPUS / "un-akn-ga" / "75session" / FOLDERS[code] / f"75_10_{LETTER[code]}.xml",
    "sc": lambda code: CORPUS / "un-akn-sc" / "2020" / FOLDERS[code] / f"S_RES_2504 (2020)-2000407{LETTER[code]}.xml",
}
needs_corpus = pytest.mark.skipif(not (CORPUS / "un-akn-ga").is_dir() or not (CORPUS / "un-akn-sc").is_dir(),
                                  reason=f"UN AKN corpus not found at {CORPUS}")
CASES = [(organ, code) for organ in sorted(FILES) for code in sorted(FOLDERS)]
UNRES = "{urn:unres:source}"

_BASE: dict = {}


def _base(organ: str, code: str):
    if (organ, code) not in _BASE:
        _BASE[organ, code] = import_akn(FILES[organ](code))[0]
    return deepcopy(_BASE[organ, code])


def _build(organ, code, in_favour, against, abstaining, tmp_path):
    res = _base(organ, code)
    assert present(res).organ == organ and not present(res).print_vote
    res.meta.vote = Vote(RECORDED, in_favour=list(in_favour), against=list(against), abstaining=list(abstaining))
    data = render(res)
    path = tmp_path / f"{organ}-{code}.akn.xml"
    path.write_bytes(data)
    return res.meta.vote, data, path


@needs_corpus
@pytest.mark.parametrize("organ,code", CASES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_list_comes_back_as_written(tmp_path, organ, code, data):
    in_favour, against, abstaining = data.draw(vote_lists(code, least_in_favour=0))
    vote, xml, path = _build(organ, code, in_favour, against, abstaining, tmp_path)
    assert validate(xml, str(path)) == []
    back, warnings = import_akn(path)
    assert (back.meta.vote.in_favour, back.meta.vote.against, back.meta.vote.abstaining) == \
        (vote.in_favour, vote.against, vote.abstaining)
    assert back.meta.vote.kind == RECORDED
    assert not {w.code for w in warnings} & {"W623", "W624", "W627"}


@needs_corpus
@pytest.mark.parametrize("organ,code", CASES)
def test_the_metadata_keeps_the_un_s_capitals(tmp_path, organ, code):
    """The names as written are kept beside the UN's form, not in its place: the voting still names
    each State in capitals, and verify's reading of it (capitals) is unchanged."""
    names = NAMES[code]
    vote, xml, _path = _build(organ, code, names[:5], names[5:8], names[8:], tmp_path)
    root = etree.fromstring(xml)
    for ref, states in (("inFavour", vote.in_favour), ("against", vote.against), ("abstaining", vote.abstaining)):
        count = root.find(f".//{{*}}voting/{{*}}count[@refersTo='#{ref}']")
        assert [o.text for o in count.iter("{*}organization")] == [capitals(s) for s in states]
        kept = root.find(f".//{{*}}proprietary/{UNRES}voters[@list='{ref}']")
        assert [s.text for s in kept.iter(f"{UNRES}state")] == states


@needs_corpus
@pytest.mark.parametrize("code", sorted(FOLDERS))
def test_names_whose_capitals_lose_their_case(tmp_path, code):
    """The case once seen: a name with small words or a hyphenated particle, which the capitals
    alone would give back as "Trinité-Et-Tobago", "Тринидад И Тобаго"."""
    names = NAMES[code]
    for organ in FILES:
        vote, _xml, path = _build(organ, code, names, [], [], tmp_path)
        assert import_akn(path)[0].meta.vote.in_favour == vote.in_favour == names


@needs_corpus
def test_kept_names_that_disagree_with_the_capitals_are_reported(tmp_path):
    """A file whose kept names no longer give the voting's capitals (one edited, not the other) is
    read from the capitals, with a warning at the kept list."""
    names = NAMES["fr"]
    _vote, xml, path = _build("ga", "fr", names[:3], [], [], tmp_path)
    path.write_bytes(xml.replace("Mexique".encode(), "Maroc".encode(), 1))
    back, warnings = import_akn(path)
    assert [w.code for w in warnings if w.code == "W627"] == ["W627"]
    assert back.meta.vote.in_favour == [from_capitals(capitals(n)) for n in names[:3]]
    assert "Maroc" not in back.meta.vote.in_favour


@needs_corpus
@pytest.mark.parametrize("code", sorted(FOLDERS))
def test_the_un_s_own_files_have_no_kept_names(code):
    """The UN's files are read from the capitals: nothing of unres's is looked for in them."""
    for organ in FILES:
        root = etree.parse(str(FILES[organ](code))).getroot()
        assert root.find(f".//{UNRES}voters") is None


@needs_corpus
@pytest.mark.parametrize("code", sorted(FOLDERS))
def test_verify_holds_the_kept_names_to_the_source(tmp_path, code):
    """verify compares the names kept as written with the source's, as it compares the capitals: an
    AKN whose kept names are another's is a difference, one that keeps the source's is none."""
    names = NAMES[code]
    for organ in FILES:
        vote, xml, path = _build(organ, code, names[:3], names[3:4], [], tmp_path)
        res = _base(organ, code)
        res.meta.vote = vote
        source = from_model(res, "source")
        assert compare(source, extract_akn(path)) == []
        kept = f"<unres:state>{names[0]}</unres:state>".encode()
        assert kept in xml
        path.write_bytes(xml.replace(kept, f"<unres:state>{names[0]}x</unres:state>".encode(), 1))
        lines = compare(source, extract_akn(path))
        assert any("kept as written" in line and "vote in favour" in line for line in lines), lines
