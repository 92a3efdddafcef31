"""Every Assembly and Security Council file of the corpus, imported and built into all four formats
with the real command line (the build reads every output back, as ``unres verify`` does): one test
per organ and language, so that a failure names its folder. test_import_organs.py holds each import
to the UN's file; this proves that what it imports also builds and verifies. The presidential
statements are refused by the import (E650), as that test requires, and are the only files left out.

Building all 829 resolutions costs some 10 minutes of CPU; ``pytest -m "not every_file"`` leaves
these tests out of a quick local run (``make test`` runs them)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import CORPUS
from unres.errors import UnresError
from unres.readers.akn.reader import import_akn
from unres.writers.markdown import render_markdown

LANGUAGES = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]
FOLDERS = {"ga": CORPUS / "un-akn-ga" / "75session", "sc": CORPUS / "un-akn-sc" / "2020"}
CASES = [(organ, language) for organ in FOLDERS for language in LANGUAGES]
FORMATS = (".pdf", ".docx", ".html", ".akn.xml")

pytestmark = pytest.mark.every_file


@pytest.mark.parametrize("organ,language", CASES, ids=[f"{o}-{lang}" for o, lang in CASES])
def test_every_corpus_file_builds_and_verifies(organ, language, tmp_path):
    folder = FOLDERS[organ] / language
    files = sorted(folder.glob("*.xml"))
    if not files:
        pytest.skip(f"no UN files at {folder} (../shared/corpus is absent)")
    sources = []
    for path in files:
        try:
            res, _warnings = import_akn(path)
        except UnresError as exc:
            # Only a presidential statement may be refused; anything else is a failure here.
            assert {d.code for d in exc.diagnostics} == {"E650"}, f"{path.name}: {exc}"
            assert path.name.startswith("S_PRST"), f"{path.name} refused as a presidential statement"
            continue
        md = tmp_path / "src" / _stem(path.name)
        md.parent.mkdir(exist_ok=True)
        md.write_text(render_markdown(res), encoding="utf-8")
        sources.append(md)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(tmp_path / "src"),
                             "-o", str(out), "-j", str(os.cpu_count() or 2), "-q"],
                            capture_output=True, text=True, timeout=3600)
    assert result.returncode == 0, result.stderr[-6000:]
    built = {p.name for p in out.iterdir() if p.is_file()}
    missing = [md.stem for md in sources if not {md.stem + s for s in FORMATS} <= built]
    assert missing == [], f"{len(missing)} of {len(sources)} sources lack an output"
    assert len(sources) >= len(files) - 2, "fewer sources than files"


def _stem(name: str) -> str:
    """A source name for a UN file name ("S_RES_2504 (2020)-2000407E.xml" → S_RES_2504_2020-2000407E.md)."""
    return name[:-4].replace(" ", "_").replace("(", "").replace(")", "") + ".md"
