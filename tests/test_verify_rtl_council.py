"""verify reads the Security Council's Arabic PDFs: every Arabic resolution of the Council's 2020
files in the corpus that imports is built to PDF (the build reads it back, as ``unres verify``
does) and reads back as its source says, and a change in a source is found against its PDF.

Among them: symbols the UN links in pieces, some in bold ("S/2020/57", S/RES/2507), a link that
holds the sentence's closing bracket (2524), labels "’3‘" after a number (2525, 2531), an English
body under an Arabic front matter (2508), annexes labelled by a letter's name ("المرفق ألف",
2551), isolates broken over two lines ("2011 (S/PRST/" / "2011/16)", 2533).

What it costs: the 57 PDFs built and read back take 53 s of CPU in one process (`unres build -f pdf
-j 1`, 100 s of wall time at a load average of 6 to 9, 2 December); the test builds them on every
core.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import CORPUS
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.command import differences
from unres.verify.expected import from_model
from unres.writers.markdown import render_markdown

ARABIC = CORPUS / "un-akn-sc" / "2020" / "Arabic"
FILES = sorted(ARABIC.glob("S_RES_*.xml")) if ARABIC.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus/un-akn-sc is absent")


def _stem(path) -> str:
    return re.sub(r"\W+", "_", path.stem)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("council_rtl")
    sources = []
    for path in FILES:
        md = folder / (_stem(path) + ".md")
        md.write_text(render_markdown(import_akn(path)[0]), encoding="utf-8")
        sources.append(str(md))
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *sources, "-o", str(folder / "out"),
                             "-q", "-f", "pdf", "-j", str(os.cpu_count() or 2)],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-4000:]
    return folder


def test_every_arabic_council_pdf_reads_back_as_its_source(built):
    # (the build read each PDF back with verify's reader and published none that differs from its
    # source: the fixture's build failed on any difference)
    assert len(FILES) >= 53
    assert [p.name for p in FILES if not (built / "out" / (_stem(p) + ".pdf")).is_file()] == []


def _printed(found) -> list:
    """What the PDF's reader finds: the AKN file the PDF carries says what the source it was built
    from says, which these tests change (tests/test_verify.py has the carried file's tests)."""
    return [finding for finding in found if "(the AKN file it carries)" not in finding]


def test_a_council_source_changed_gives_its_differences_against_its_arabic_pdf(built, tmp_path):
    """The Council's Arabic PDF is read, not passed: the number of a symbol linked in pieces and a
    word of an annex's label changed in the source are found in it."""
    stem = _stem(next(p for p in FILES if "2507" in p.name))
    text = (built / f"{stem}.md").read_text(encoding="utf-8")
    old = "**[57](<https://undocs.org/ar/S/2020/57>)**"
    assert old in text
    damaged = tmp_path / f"{stem}.md"
    damaged.write_text(text.replace(old, old.replace("[57]", "[75]"), 1), encoding="utf-8")
    found = _printed(differences(from_model(read_source(str(damaged)), str(damaged)),
                                 {"pdf": (built / "out" / f"{stem}.pdf",) * 2}))
    assert len(found) == 1 and "S/2020/57" in str(found[0]) and "S/2020/75" in str(found[0]), found

    stem = _stem(next(p for p in FILES if "2551" in p.name))
    text = (built / f"{stem}.md").read_text(encoding="utf-8")
    assert "#### المرفق باء" in text
    damaged = tmp_path / f"{stem}.md"
    damaged.write_text(text.replace("#### المرفق باء", "#### المرفق دال", 1), encoding="utf-8")
    found = _printed(differences(from_model(read_source(str(damaged)), str(damaged)),
                                 {"pdf": (built / "out" / f"{stem}.pdf",) * 2}))
    assert len(found) == 1 and "باء" in str(found[0]) and "دال" in str(found[0]), found
