"""The DOCX masthead and running headers and footers are built by python-docx once per shape
and process, then copied with each document's words: a copy is byte for byte what
python-docx builds for that document itself.

Each case renders a document after another of the same shape (so its masthead and headers
are copies) and compares it with the same document rendered in a process state where
python-docx builds them (the copies forgotten).
"""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from conftest import CORPUS, ROOT
from unres.errors import UnresError
from unres.formats import FORMATS
from unres.model.presentation import PRESENTATION, present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.docx import finish

TEXTS = ("united_nations", "symbol_head", "symbol_tail", "masthead_organ", "distr", "issue_date",
         "original", "language_line")


def _forget() -> None:
    finish._MASTHEAD_MADE.clear()
    finish._HEADERS_MADE.clear()


def _render(res, pres=None) -> bytes:
    return FORMATS["docx"].render(res, {PRESENTATION: pres or present(res)})


def _built_itself(res, pres=None) -> bytes:
    _forget()
    return _render(res, pres)


def _models():
    out = [read_source(str(p)) for p in sorted((ROOT / "source").glob("*.md"))]
    for organ in ("un-akn-hrc/54session", "un-akn-ga/75session", "un-akn-sc/2020"):
        for language in ("Arabic", "Chinese", "Russian"):
            for path in sorted((CORPUS / organ / language).glob("*.xml"))[:6]:
                try:
                    out.append(import_akn(str(path))[0])
                    break
                except UnresError:
                    continue
    return out


@pytest.fixture(scope="module")
def models():
    return _models()


def test_copies_are_what_python_docx_builds(models):
    _forget()
    in_turn = [_render(res) for res in models]      # the later ones copy the earlier ones' shapes
    assert len(finish._MASTHEAD_MADE) < len(models) and finish._HEADERS_MADE
    for res, data in zip(models, in_turn):
        assert data == _built_itself(res), res.meta.symbol


def _with_job(res, job):
    res = copy.copy(res)
    res.meta = dataclasses.replace(res.meta, job_number=job)
    return res


EDGE_TEXT = st.one_of(st.sampled_from(["", " ", " x", "x ", "a\tb", "a\nb", "\u00a0y", "plain"]),
                      st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=5))


@settings(max_examples=20, deadline=None)
@given(st.fixed_dictionaries({name: EDGE_TEXT for name in TEXTS}), st.one_of(st.none(), EDGE_TEXT),
       st.sampled_from(["ltr", "rtl"]))
@example({name: "x " for name in TEXTS}, " 9", "ltr")
@example({**{name: " x" for name in TEXTS}, "symbol_tail": ""}, "", "rtl")
def test_copies_with_any_words_are_what_python_docx_builds(texts, job, direction):
    """Empty words, white space at either end, tabs and line ends (built by python-docx), in
    either direction, after a document of the same shape."""
    res = read_source(str(ROOT / "source" / "A_HRC_RES_38_3.md"))
    varied = _with_job(res, job)
    pres = dataclasses.replace(present(res), dir=direction, **texts)
    _forget()
    _render(varied, dataclasses.replace(pres, **{name: (value.strip() or "w") + "z" for name, value in texts.items()}))
    _render(varied, pres)          # the shape of the words given, made by python-docx if new
    copied = _render(varied, pres)
    assert copied == _built_itself(varied, pres)


def test_copies_made_in_threads_are_the_same(models):
    """A worker finishes documents in several threads: the kept elements are shared."""
    from concurrent.futures import ThreadPoolExecutor

    alone = [_built_itself(res) for res in models[:6]]
    _forget()
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(_render, models[:6] * 3))
    assert together == alone * 3
