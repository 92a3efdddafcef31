"""Symbols, numbers and Latin-script names inside Arabic text stay left to right in every output,
and the text read back is the text written."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree
from lxml import html as lxml_html

from conftest import FRONT
from unres.writers.bidi import split_ltr

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# "12/1-A" is what the bidi algorithm reorders when left alone ("A-12/1" on the page): its digits
# come first, so nothing before its Latin letter makes the run left to right.
BODY = """
*إن مجلس حقوق الإنسان*،

*إذ يشير* إلى المقرر 12/1-A الصادر،

*وإذ يشير* إلى قراره A/HRC/RES/54/10 المؤرخ 11 تشرين الأول/أكتوبر 2023،

*وإذ يشير* إلى قرار المجلس الاقتصادي والاجتماعي 1503 (XLVIII)، وإلى تقرير Human Rights Watch،[^a]

1. *يقرر* أن يبقي المسألة قيد نظره.

[^a]: انظر الوثيقة A/HRC/54/28.
"""
RUNS = ["12/1-A", "A/HRC/RES/54/10", "11", "2023", "1503 (XLVIII)", "Human Rights Watch"]


@given(st.text(alphabet=st.sampled_from("aZé09 /-().،,إذيشير٣\u064e"), max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_pieces_are_the_text_and_no_run_holds_an_arabic_letter(text):
    pieces = split_ltr(text)
    assert "".join(piece for piece, _ in pieces) == text
    for piece, ltr in pieces:
        if ltr:
            assert piece[0].isascii() and piece[0].isalnum() or piece[0] == "é"
            assert not re.search("[\u0600-\u06ff]", piece)     # no Arabic letter, digit or punctuation
            assert piece[-1].isalnum() or piece[-1] == ")"


def test_a_run_keeps_its_closing_bracket_and_leaves_the_sentences_punctuation():
    assert split_ltr("قرار 1503 (XLVIII)، و") == [("قرار ", False), ("1503 (XLVIII)", True), ("، و", False)]
    assert split_ltr("(A/HRC/54/28).") == [("(", False), ("A/HRC/54/28", True), (").", False)]
    assert split_ltr("٣ A") == [("٣ ", False), ("A", True)]


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bidi")
    source = folder / "res.md"
    source.write_text(FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + BODY, encoding="utf-8")
    out = folder / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(source), "-o", str(out), "-q"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return source, out


def test_html_isolates_each_left_to_right_run(arabic):
    _, out = arabic
    page = lxml_html.fromstring((out / "res.html").read_bytes())
    body = page.find_class("preambular")
    isolated = [el.text_content() for p in body for el in p.iter("bdi", "a") if el.get("dir") == "ltr"]
    assert isolated == RUNS
    assert [el.get("href") for p in body for el in p.iter("a") if el.get("dir")] == [
        "https://undocs.org/ar/A/HRC/RES/54/10"]
    assert body[1].text_content() == "وإذ يشير إلى قراره A/HRC/RES/54/10 المؤرخ 11 تشرين الأول/أكتوبر 2023،"
    note = page.get_element_by_id("preamble__container_3__authorialNote_1")
    assert [el.text_content() for el in note.iter("a") if el.get("dir") == "ltr"] == ["A/HRC/54/28"]


def _runs(root):
    out = []
    for p in root.iter(f"{W}p"):
        for r in p.iter(f"{W}r"):
            text = "".join(t.text or "" for t in r.iter(f"{W}t"))
            rtl = r.find(f"{W}rPr/{W}rtl")
            if text:
                out.append((text, None if rtl is None else rtl.get(f"{W}val", "1")))
    return out


def test_docx_splits_the_runs_by_direction(arabic):
    _, out = arabic
    with zipfile.ZipFile(out / "res.docx") as docx:
        document = etree.fromstring(docx.read("word/document.xml"))
        notes = etree.fromstring(docx.read("word/footnotes.xml"))
    runs = _runs(document)
    start = runs.index((" إلى قراره ", "1"))
    assert runs[start:start + 7] == [
        (" إلى قراره ", "1"), ("A/HRC/RES/54/10", "0"), (" المؤرخ ", "1"), ("11", "0"),
        (" تشرين الأول/أكتوبر ", "1"), ("2023", "0"), ("،", "1")]
    assert (" إلى المقرر ", "1") in runs and ("12/1-A", "0") in runs
    assert ("1503 (XLVIII)", "0") in runs and ("Human Rights Watch", "0") in runs
    # The note's text, after its marker (printed "(1)" in Arabic).
    assert [run for run in _runs(notes) if run[0].strip()][-3:] == [
        ("انظر الوثيقة ", "1"), ("A/HRC/54/28", "0"), (".", "1")]
    # Every body paragraph is right to left (the document's default paragraph properties).
    assert document.find(f".//{W}sectPr/{W}bidi") is not None


def test_the_pdf_text_layer_has_the_runs_as_typed(arabic):
    _, out = arabic
    text = subprocess.run(["pdftotext", str(out / "res.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for run in ("A/HRC/RES/54/10", "12/1-A", "A/HRC/54/28"):
        assert run in text, run


def test_verify_reads_the_isolated_text_as_written(arabic):
    source, out = arabic
    result = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(source), "-o", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "consistent" in result.stdout + result.stderr
