"""UN files of sessions the importer was not written against (../unseen/hrc, kept outside the
repository: see its README for where each came from), held to the same independent reading as
the corpus: numbers, labels, texts, footnotes, links and vote totals, each difference a named
repair; and the canonical source reads back into the same model."""
from __future__ import annotations

import pytest

from conftest import ROOT
from test_import_corpus import differences
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

UNSEEN = ROOT.parent / "unseen" / "hrc"
FILES = sorted(UNSEEN.glob("*session/*/*.xml")) if UNSEEN.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"no unseen UN files at {UNSEEN}")


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.parent.name}-{p.name}" for p in FILES])
def test_an_unseen_un_file_is_imported_as_the_un_printed_it(path, tmp_path):
    problems, _said = differences(path)
    assert problems == []
    res, _warnings = import_akn(path)
    source = tmp_path / "again.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(source)) == res
