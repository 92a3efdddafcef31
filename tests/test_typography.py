"""UN typography: straight quotes, apostrophes, -- and ... are printed as “ ” ‘ ’, – — and … in
every format; a backslash keeps them as typed; the canonical writer keeps the round trip; a quote
whose direction is guessed is a warning (W109)."""
from __future__ import annotations

import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BODY, FRONT, SOURCE_38_3
from unres.cli import main
from unres.errors import EXIT_OK
from unres.lint import lint
from unres.model.document import Emph, Text, plain_text
from unres.readers.markdown.reader import read_source
from unres.model.typography import smart_text
from unres.writers.markdown import render_markdown

OPERATIVE = "1. *Decides* to act;"


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def test_38_3_prints_a_typographic_apostrophe_in_every_format(tmp_path):
    """38/3 as it was first written, with a straight apostrophe in a State's name."""
    out, source = tmp_path / "out", tmp_path / "A_HRC_RES_38_3.md"
    typed = SOURCE_38_3.read_text(encoding="utf-8").replace("Côte d’Ivoire", "Côte d'Ivoire")
    assert "Côte d'Ivoire" in typed
    source.write_text(typed, encoding="utf-8")
    assert main(["build", str(source), "-o", str(out), "-q"]) == EXIT_OK    # verified as well
    stem = out / "A_HRC_RES_38_3"
    akn = (stem.with_suffix(".akn.xml")).read_text(encoding="utf-8")
    html = (stem.with_suffix(".html")).read_text(encoding="utf-8")
    with zipfile.ZipFile(stem.with_suffix(".docx")) as docx:
        word = docx.read("word/document.xml").decode("utf-8")
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(stem.with_suffix(".pdf")))
    printed = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for text in (akn, html, word, printed):
        assert "Côte d’Ivoire" in text
        assert "d'Ivoire" not in text and "d&#39;Ivoire" not in text and "d&#x27;Ivoire" not in text


def test_quotes_and_dashes_in_the_body_become_typographic(source_file):
    body = sub(BODY, OPERATIVE, "1. *Decides* that the \"Plan\" of 1990--1995 --- the 'first' --- "
                                "holds in Côte d'Ivoire...;")
    res = read_source(str(source_file(FRONT, body)))
    assert plain_text(res.operative[0].inlines) == \
        "Decides that the “Plan” of 1990–1995 — the ‘first’ — holds in Côte d’Ivoire…;"
    assert [d for d in lint(res) if d.code == "W109"] == []


def test_a_backslash_keeps_a_mark_as_typed(source_file):
    body = sub(BODY, OPERATIVE, "1. *Decides* on \\\"x\\\" and \\'y\\' and 1\\-\\-2 and a.\\.\\.;")
    res = read_source(str(source_file(FRONT, body)))
    assert plain_text(res.operative[0].inlines) == "Decides on \"x\" and 'y' and 1--2 and a...;"


def test_front_matter_prose_and_states_are_typographic(source_file):
    front = sub(sub(FRONT, "title: A test resolution", "title: The \"right\" to development -- and States' duties"),
                "    - Chile", "    - Côte d'Ivoire")
    meta = read_source(str(source_file(front, BODY))).meta
    assert meta.title == "The “right” to development – and States’ duties"
    assert meta.vote.in_favour == ["Angola", "Côte d’Ivoire"]
    assert meta.symbol == "A/HRC/RES/99/1"


def test_guessed_quotes_are_warned_of_with_their_column(source_file):
    body = sub(BODY, OPERATIVE, "1. *Decides* that the '90s and an \"open quote stand;")
    found = [(d.loc.line, d.loc.col, d.message) for d in lint(read_source(str(source_file(FRONT, body))))
             if d.code == "W109"]
    assert [(line, col) for line, col, _ in found] == [(33, 23), (33, 35)]
    assert "printed as an apostrophe (’)" in found[0][2]
    assert "a \" that pairs with no other is printed as “" in found[1][2]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="ab1 '\"-.’“", min_size=1, max_size=30).map(lambda t: " ".join(t.split()))
       .filter(bool))
def test_any_text_with_marks_round_trips_through_the_canonical_writer(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("rt")
    path = folder / "res.md"
    path.write_text(FRONT + BODY, encoding="utf-8")
    res = read_source(str(path))
    res.operative[0].inlines = [Emph([Text("Decides")]), Text(" " + text + ";")]
    path.write_text(render_markdown(res), encoding="utf-8")
    again = read_source(str(path))
    assert again.operative[0].inlines == res.operative[0].inlines, render_markdown(res)
    assert again == res


@given(st.text(alphabet="ab '\"-.’", max_size=20))
def test_typography_of_plain_text_is_idempotent(text):
    once = smart_text(text)
    assert smart_text(once) == once
    assert "'" not in once and '"' not in once and "--" not in once
