"""A sample of the Assembly's and the Security Council's files, imported and built into all four
formats (the build reads every output back, as ``unres verify`` does).

The sample covers what differs between them: each language of both organs (Chinese apart, below), a Main
Committee's report and the plenary's own draft, a recorded vote and one without, a part published on
its own with a note on its letter, a Security Council resolution adopted without a meeting, one whose
symbol is empty and one whose adoption line is empty. test_import_organs.py imports and checks all of
them; test_corpus_build_every_file.py builds every one of them. Building all 830 (`unres build -j 1 --force` over them, measured 2 December 2026 at febc74c)
took 615 s of CPU: 829 built and verified; S/RES/2557 (2020) in Chinese failed, its annex line
"(cc) …", typed as text, read from the PDF as a labelled point (the one space of a justified Chinese
line stretched as wide as a label's box): it is in the Chinese sample now.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import CORPUS
from unres.readers.akn.reader import import_akn
from unres.writers.markdown import render_markdown

GA = CORPUS / "un-akn-ga" / "75session"
SC = CORPUS / "un-akn-sc" / "2020"
SAMPLE = [
    GA / "English" / "75_100_E.xml",          # Fourth Committee, para. locator, without a vote
    GA / "English" / "75_24_E.xml",           # plenary draft, recorded vote
    GA / "English" / "75_245B_E.xml",         # part B alone, a note on its letter
    GA / "English" / "75_290 A_E.xml",        # two agenda items, part A with its title
    GA / "English" / "75_248_E.xml",          # a number typed in the text, a direction mark after it
    GA / "English" / "75_1_E.xml",            # "Adopts the following declaration:", the declaration after it
    GA / "English" / "75_55_E.xml",           # a preambular paragraph's sub-paragraphs (a) to (e)
    GA / "English" / "75_249_E.xml",          # a table in the annex, a cell spanning columns
    GA / "English" / "75_254_E.xml",          # parts, a table under paragraph 1 of each, over pages
    GA / "English" / "75_246_E.xml",          # headings, two tables and a note under paragraph 43
    GA / "English" / "75_245_E.xml",          # sections A to D under a heading, numbered from 1 again
    GA / "English" / "75_253B_E.xml",         # sections with <num>, sub-paragraphs typed as paragraphs
    GA / "French" / "75_22_F.xml",
    GA / "Spanish" / "75_2_S.xml",
    GA / "Russian" / "75_22_R.xml",           # Cyrillic look-alike labels
    GA / "Arabic" / "75_24_A.xml",
    GA / "Arabic" / "75_1_A.xml",             # the declaration, its numbers typed "1 -" in the text
    SC / "English" / "S_RES_2504 (2020)-2000407E.xml",   # meeting, recorded vote
    SC / "Arabic" / "S_RES_2515 (2020)-2004804A.xml",    # written procedure: no meeting
    SC / "French" / "S_RES_2536 (2020)-2010201F.xml",    # empty adoption line
    SC / "Russian" / "S_RES_2504 (2020)-2000407R.xml",
    SC / "Spanish" / "S_RES_2504 (2020)-2000407S.xml",
    SC / "French" / "S_RES_2551 (2020)-2015095F.xml",    # annexes A, B, C; numbers apart from their text
    SC / "Russian" / "S_RES_2551 (2020)-2015095R.xml",   # annex A's label and title left in the main body
    SC / "English" / "S_RES_2552 (2020)-2015117E.xml",   # lines among sub-paragraphs, labels running on
]
CHINESE = [
    GA / "Chinese" / "75_10_C.xml",
    # an empty agenda line and no title under it: no agenda item printed (W699)
    GA / "Chinese" / "75_1_C.xml",
    # empty symbol; the UN's adoption line worded otherwise than the language data's, kept in
    # `printed:` ("2020年2月25日 8732次会议通过"): the PDF reader takes it by its place under the number
    SC / "Chinese" / "S_RES_2511 (2020)-2002954C.xml",
    # short paragraphs: most lines start indented, where a paragraph's first line does
    SC / "Chinese" / "S_RES_2526 (2020)-2007543C.xml",
    # an annex's list typed as text, "(a)" … "(dd)" opening its paragraphs: words, not labels
    SC / "Chinese" / "S_RES_2557 (2020)-2017451C.xml",
]
pytestmark = pytest.mark.skipif(not all(p.exists() for p in SAMPLE + CHINESE),
                                reason="../shared/corpus/un-akn-ga or un-akn-sc is absent")


def test_a_sample_of_each_organ_builds_and_verifies_in_every_format(tmp_path):
    _build(SAMPLE, tmp_path)


def test_the_chinese_versions_build_and_verify(tmp_path):
    _build(CHINESE, tmp_path)


def _build(sample, tmp_path):
    """Each UN file imported and built in all four formats: [(file, source)], and the output folder."""
    sources, pairs = [], []
    for path in sample:
        res, _warnings = import_akn(path)
        md = tmp_path / (path.stem.replace(" ", "_").replace("(", "").replace(")", "") + ".md")
        md.write_text(render_markdown(res), encoding="utf-8")
        sources.append(str(md))
        pairs.append((path, md))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *sources, "-o", str(out),
                             "-j", str(os.cpu_count() or 2), "-q"],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-4000:]
    built = {p.name for p in out.iterdir() if p.is_file()}
    for md in sources:
        stem = os.path.basename(md)[:-3]
        assert {stem + s for s in (".pdf", ".docx", ".html", ".akn.xml")} <= built, stem
    return pairs, out
