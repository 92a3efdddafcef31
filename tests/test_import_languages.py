"""All six languages of the UN's corpus: import, canonical Markdown round trip, and a full build."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import CORPUS
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

FILES = sorted((CORPUS / "un-akn-hrc" / "54session").glob("*/*.xml")) if CORPUS.exists() else []
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus/un-akn-hrc is absent")


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("imported")
    out = {}
    for path in FILES:
        res, _warnings = import_akn(path)
        md = folder / (path.stem + ".md")
        md.write_text(render_markdown(res), encoding="utf-8")
        out[path] = (res, md)
    return out


def test_every_language_round_trips_through_markdown(imported):
    assert len(imported) == 210
    bad = []
    for path, (res, md) in imported.items():
        again = read_source(str(md))
        if again != res or render_markdown(again) != md.read_text(encoding="utf-8"):
            bad.append(path.name)
    assert bad == []


def test_every_language_builds_into_all_four_formats(imported, tmp_path):
    sources = [str(md) for _res, md in imported.values()]
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *sources, "-o", str(out),
                             "-j", str(os.cpu_count() or 2), "-q"],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    built = {p.name for p in out.iterdir() if p.is_file()}
    for md in sources:
        stem = os.path.basename(md)[:-3]
        assert {stem + s for s in (".pdf", ".docx", ".html", ".akn.xml")} <= built, stem
    # The build read every output back; the standalone check agrees, in every language.
    # Every output is read, the Arabic PDFs too.
    check = subprocess.run([sys.executable, "-m", "unres.cli", "verify", *sources, "--build-dir", str(out),
                            "-j", str(os.cpu_count() or 2)],
                           capture_output=True, text=True, timeout=1800)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-2000:]
    assert check.stdout.count(": consistent") == 210
    skipped = [line.split(":")[0] for line in check.stdout.splitlines() if "not read" in line]
    assert skipped == []
