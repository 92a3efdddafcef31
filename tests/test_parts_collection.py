"""A resolution in parts is written as the UN writes one: a document collection whose components
are the parts' statements, each with its own preface, preamble, main body and conclusions; and
unres's own file of it imports back into the same resolution, in every language."""
from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from conftest import BODY, FRONT
from unres.cli import main
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

PART_B = "\n# B\n\n## Follow-up\n\n*The Human Rights Council*,\n\n1. *Decides* to act again.\n"


@pytest.mark.parametrize("language", ["English", "French"])
def test_a_council_resolution_in_parts_closes_once_and_imports_back(tmp_path, language):
    """The Council prints the meeting line and the vote once, after the last part: only the last
    component has conclusions, and the printed lists are read from them."""
    text, note = BODY.split("\n[^a]")
    path = tmp_path / "parts.md"
    path.write_text(FRONT.replace("language: English", f"language: {language}") + "\n# A\n" + text + PART_B
                    + "\n[^a]" + note, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    root = etree.parse(str(out / "parts.akn.xml")).getroot()
    statements = root.findall("a:components/a:component/a:statement", NS)
    assert [len(s.findall("a:conclusions", NS)) for s in statements] == [0, 1]
    assert statements[1].find("a:conclusions//a:vote", NS) is not None
    assert root.find("a:documentCollection/a:conclusions", NS) is None
    again, warnings = import_akn(out / "parts.akn.xml")
    want = read_source(str(path))
    # (the distribution comes back in the version's word, "générale", as for a text in one part)
    assert again.parts == want.parts
    assert dataclasses.replace(again.meta, distribution=want.meta.distribution) == want.meta
    assert not [w for w in warnings if w.code == "W624"]
