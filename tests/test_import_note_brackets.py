"""The adoption note's brackets typed facing the wrong way: 58/24 in Arabic closes its recorded
vote with "…، وملديف[" (typed right to left, the two brackets are easily swapped). The import
took "ملديف[" for a State's name and the build was refused; a note without a vote kept "[…[" as
its printed words. The importer now reads the note's brackets as [ … ] and names the repair
(W676), and leaves the note alone where a bracket inside it pairs with none as well. Shown on the 54th
session's notes in every language, with and without a vote, at either end or both."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS
from unres.readers.akn.reader import import_akn

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
LANGUAGES = {"Arabic": "A", "Chinese": "C", "English": "E", "French": "F", "Russian": "R", "Spanish": "S"}
# Adopted by a recorded vote (15, 18) and without one (1, 5): each note closes with "]" in every language.
NUMBERS = (1, 5, 15, 18)


def _pieces(el) -> list:
    """(element, "text" or "tail") of every piece of text inside ``el``, in print order."""
    out = [(el, "text")]
    for child in el.iterchildren("*"):
        out += _pieces(child) + [(child, "tail")]
    return out


def _turned(path: Path, out: Path, ends: str, inside: bool = False) -> None:
    """The file with its note's opening bracket typed "]" (``ends`` "open" or "both") and its
    closing one "[" ("close" or "both"); ``inside`` adds a lone opening bracket inside the note,
    which leaves unsaid which of its brackets is the one typed wrong."""
    tree = etree.parse(str(path))
    outcome = next(o for o in tree.getroot().iterfind(".//{*}conclusions//{*}outcome")
                   if o.get("refersTo", "").lstrip("#") in ("adoptedRecordedVote", "adoptedWithoutVote"))
    filled = [(el, slot) for el, slot in _pieces(outcome) if (getattr(el, slot) or "").strip()]
    first_el, first_slot = filled[0]
    last_el, last_slot = filled[-1]
    first, last = getattr(first_el, first_slot), getattr(last_el, last_slot)
    assert first.lstrip().startswith("[") and last.rstrip().endswith("]")
    if ends in ("open", "both"):
        setattr(first_el, first_slot, first.replace("[", "]", 1))
    if ends in ("close", "both"):
        last = getattr(last_el, last_slot)
        at = len(last.rstrip()) - 1
        setattr(last_el, last_slot, last[:at] + "[" + last[at + 1:])
    if inside:
        text = getattr(first_el, first_slot)
        at = text.index("]" if ends in ("open", "both") else "[") + 1
        setattr(first_el, first_slot, text[:at] + "[" + text[at:])
    tree.write(str(out), encoding="utf-8", xml_declaration=True)


@needs_corpus
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(sorted(LANGUAGES)), number=st.sampled_from(NUMBERS),
       ends=st.sampled_from(["open", "close", "both"]))
def test_a_note_whose_brackets_face_the_wrong_way_is_read_as_the_uns(tmp_path, language, number, ends):
    path = HRC54 / language / f"A_HRC_RES_54_{number}{LANGUAGES[language]}.xml"
    original, said_before = import_akn(path)
    turned = tmp_path / path.name
    _turned(path, turned, ends)
    res, said = import_akn(turned)
    repairs = [w for w in said if w.code == "W676"]
    assert len(repairs) == 1 and repairs[0].loc.line > 1
    assert {w.code for w in said} - {"W676"} == {w.code for w in said_before}
    assert res.meta.vote == original.meta.vote
    assert res.meta.printed == original.meta.printed
    assert res.parts == original.parts


@needs_corpus
@pytest.mark.parametrize("ends", ["open", "close"])
def test_a_note_with_a_lone_bracket_inside_is_left_alone(tmp_path, ends):
    path = HRC54 / "English" / "A_HRC_RES_54_1E.xml"
    turned = tmp_path / path.name
    _turned(path, turned, ends, inside=True)
    _res, said = import_akn(turned)
    assert "W676" not in {w.code for w in said}
