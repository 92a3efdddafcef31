"""A recorded vote whose lists the UN's converter put after the closing lines (57/36 in Arabic: the
conclusions' vote holds the note and its three labels, each over an empty <organization>, and a
<mainBody> after <conclusions> prints the note again, then each label and its list). The importer
read that <mainBody> as more words of the last operative paragraph (W656), so the source printed
the vote inside paragraph 23 and its lists were empty; the build then refused it. It now reads the
lists back into the vote (W675), and refuses anything else after <conclusions> (E633), which print
cannot place. Shown on generated moves of the 54th session's recorded votes in every language.

58/7 in Arabic goes further: the conclusions' vote is a bare frame (no words in its note, counts of
0, empty labels) and the <mainBody> after them prints the note, each label and its list. That vote
is read back whole (W675 says so); a frame whose labels are not labels (a label run into its
list) is refused as before."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS
from unres.errors import UnresError
from unres.readers.akn.reader import import_akn

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
LANGUAGES = {"Arabic": "A", "Chinese": "C", "English": "E", "French": "F", "Russian": "R", "Spanish": "S"}
# The 54th session's resolutions adopted by a recorded vote (in every language).
RECORDED = (15, 18, 20)


def _moved(path: Path, out: Path, spoil: str = "") -> None:
    """The file with its vote's lists emptied in the conclusions and printed, under the note and
    each label, in a <mainBody> after them; ``spoil`` makes that <mainBody> hold something else too."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    ns = etree.QName(root).namespace
    statement = root.find("./{*}statement")
    conclusions = statement.find("./{*}conclusions")
    outcome = conclusions.find(".//{*}vote/{*}outcome")
    note = (outcome.text or "") + "".join("".join(child.itertext()) + (child.tail or "")
                                          for child in outcome.iterchildren("*")
                                          if etree.QName(child).localname != "outcome")
    lines = [note]
    for sub in outcome.findall("./{*}outcome"):
        organization = sub.find("./{*}organization")
        lines += [sub.text or "", organization.text or ""]
        organization.text = ""
    if spoil.startswith("frame"):
        # The vote left a bare frame: its note's words and its labels gone, each count 0.
        outcome.text = None
        for child in outcome.iterchildren("*"):
            if etree.QName(child).localname == "quantity":
                child.text, child.tail = "0", None
                child.set("normalized", "0")
            else:
                child.text = None
        if spoil == "frame-label":
            lines[1] = lines[1].rstrip(":：") + " " + lines[2]
    if spoil == "operative":
        lines.append("24. Decides to remain seized of the matter.")
    elif spoil == "swapped":
        lines[1:3], lines[3:5] = lines[3:5], lines[1:3]
    elif spoil == "short":
        lines = lines[:-1]
    body = etree.Element(f"{{{ns}}}mainBody")
    for index, line in enumerate(lines):
        paragraph = etree.SubElement(body, f"{{{ns}}}paragraph", eId=f"para_late_{index}")
        content = etree.SubElement(paragraph, f"{{{ns}}}content")
        etree.SubElement(content, f"{{{ns}}}p").text = line
    conclusions.addnext(body)
    tree.write(str(out), encoding="utf-8", xml_declaration=True)


def _source(language: str, number: int) -> Path:
    return HRC54 / language / f"A_HRC_RES_54_{number}{LANGUAGES[language]}.xml"


@needs_corpus
@settings(max_examples=16, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(sorted(LANGUAGES)), number=st.sampled_from(RECORDED), frame=st.booleans())
def test_a_vote_printed_after_the_closing_lines_is_read_back_into_the_vote(tmp_path, language, number, frame):
    path = _source(language, number)
    original, _said = import_akn(path)
    moved = tmp_path / path.name
    # (``frame``: the vote in the closing lines a bare frame, its note and labels printed after them too)
    _moved(path, moved, "frame" if frame else "")
    res, warnings = import_akn(moved)
    said = {w.code: w for w in warnings}
    assert "W675" in said and said["W675"].loc.line > 1
    assert ("counts" in said["W675"].message) == frame
    assert "W656" not in said and "W659" not in said
    # The same resolution as the UN's file that prints the lists in the vote: lists, note, paragraphs.
    assert res.meta.vote == original.meta.vote
    assert res.meta.printed == original.meta.printed
    assert res.parts == original.parts


@needs_corpus
@pytest.mark.parametrize("spoil", ["operative", "swapped", "short", "frame-label"])
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_anything_else_after_the_closing_lines_is_refused_with_its_line(tmp_path, language, spoil):
    path = _source(language, RECORDED[1])
    moved = tmp_path / path.name
    _moved(path, moved, spoil)
    with pytest.raises(UnresError) as info:
        import_akn(moved)
    codes = {d.code: d for d in info.value.diagnostics}
    assert "E633" in codes, [str(d) for d in info.value.diagnostics]
    late = etree.parse(str(moved)).getroot().find(".//{*}conclusions").getnext()
    assert codes["E633"].loc.line == late.sourceline


def test_the_repair_needs_the_lists_empty_in_the_conclusions(tmp_path):
    """Lists printed in the vote and again after it: nothing is taken from the second print."""
    path = _source("English", RECORDED[0])
    if not path.is_file():
        pytest.skip(f"UN AKN corpus file not found at {path}")
    moved = tmp_path / path.name
    _moved(path, moved)
    tree = etree.parse(str(moved))
    conclusions = tree.getroot().find(".//{*}conclusions")
    kept = etree.parse(str(path)).getroot().find(".//{*}conclusions")
    conclusions.getparent().replace(conclusions, copy.deepcopy(kept))
    tree.write(str(moved), encoding="utf-8", xml_declaration=True)
    with pytest.raises(UnresError) as info:
        import_akn(moved)
    assert "E633" in {d.code for d in info.value.diagnostics}
