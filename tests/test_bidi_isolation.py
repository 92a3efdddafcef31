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

from conftest import FRONT, build_ok
from unres.writers.bidi import BOUNDARY, has_rtl, runs_across, split_ltr

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
            # (or with the bracket opened just before its first letter or digit that it closes)
            start = piece[1:] if piece[0] == "(" else piece
            assert start[0].isascii() and start[0].isalnum() or start[0] == "é"
            if piece[0] == "(":
                assert ")" in piece and piece.index(")") > 1
            assert not re.search("[\u0600-\u06ff]", piece)     # no Arabic letter, digit or punctuation
            assert piece[-1].isalnum() or piece[-1] == ")"


def test_a_run_keeps_its_closing_bracket_and_leaves_the_sentences_punctuation():
    assert split_ltr("قرار 1503 (XLVIII)، و") == [("قرار ", False), ("1503 (XLVIII)", True), ("، و", False)]
    assert split_ltr("(A/HRC/54/28).") == [("(", False), ("A/HRC/54/28", True), (").", False)]
    assert split_ltr("٣ A") == [("٣ ", False), ("A", True)]


def test_a_run_leaves_a_quotation_it_opens_and_does_not_close():
    """"3 ’3‘": the UN's quotes around a sub-paragraph's label belong to the Arabic sentence; the
    run is the number before them, and the label's number a run of its own. An apostrophe, or a
    quotation opened and closed inside the run, stays in it."""
    assert split_ltr("الفقرة 3 ’3‘ من") == [("الفقرة ", False), ("3", True), (" ’", False), ("3", True),
                                             ("‘ من", False)]
    assert split_ltr("Côte d’Ivoire و") == [("Côte d’Ivoire", True), (" و", False)]
    assert split_ltr("the “2030 Agenda” and States’ rights و")[0] == ("the “2030 Agenda” and States’ rights", True)


_QUOTED = st.builds(lambda word, q: q[0] + word + q[1], st.sampled_from(["3", "12", "A/1", "ب"]),
                    st.sampled_from(["’‘", "”“", "‘’", "“”", "«»"]))


@given(st.lists(st.one_of(st.sampled_from(["من", "الفقرة", "3", "2030", "A/HRC/54/1", "Côte d’Ivoire", "(أ)"]),
                          _QUOTED), min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_no_run_opens_a_quotation_it_does_not_close(words):
    # (a closing quote alone may be an apostrophe, "States’ rights": it may end a run)
    text = " ".join(words)
    for piece, ltr in split_ltr(text):
        if ltr:
            opened = 0
            for n, ch in enumerate(piece):
                if ch in "’”‘“«»" and (n == 0 or piece[n - 1] == " "):
                    opened += 1
                elif ch in "’”‘“«»" and (n + 1 == len(piece) or piece[n + 1] == " ") and opened:
                    opened -= 1
            assert opened == 0, (text, piece)


def test_a_run_across_markup_is_found_whole():
    """A symbol the UN links in pieces, a run that ends inside a link with the sentence's bracket,
    two runs side by side in two pieces: each is one run of the sentence."""
    assert runs_across(["(", "S/2020", "/", "57", ")، و"], [False, True, True, True, False]) == [(1, 10)]
    # (the link holds the closing bracket: the run takes the bracket that opens it)
    assert runs_across(["يشير (S", "/2020/429)", " و"], [False, True, False]) == [(5, 17)]
    assert runs_across(["القرار ", "A/HRC/RES/54/10", " 2030 في"], [False, True, False]) == [(7, 27)]
    # within one piece, or across a note's call: each piece isolates its own
    assert runs_across(["القرار A/1 و", "A/2"], [False, True]) == []
    assert runs_across(["A/1", BOUNDARY, "A/2"], [True, True, True]) == []
    # a run ending inside a link that goes on in Arabic is not widened over the Arabic
    assert runs_across(["و A/", "HRC/1 المؤرخ"], [False, True]) == []


_PIECE = st.sampled_from(["S/", "2020", "/", "57", "(", ")", " ", "، ", "القرار ", "A/HRC/1", " و", "(S",
                          "/2020/429)", "Watch", BOUNDARY])


@given(st.lists(st.tuples(_PIECE, st.booleans()), min_size=1, max_size=10))
@settings(max_examples=500, deadline=None)
def test_a_run_across_markup_holds_no_arabic_and_cuts_no_element(parts):
    pieces, atomic = [p for p, _ in parts], [a for _, a in parts]
    text = "".join(pieces)
    edges, at = [], 0
    for piece in pieces:
        edges.append((at, at + len(piece)))
        at += len(piece)
    last = 0
    for start, end in runs_across(pieces, atomic):
        assert last <= start < end
        last = end
        assert not has_rtl(text[start:end])
        assert text.count("(", start, end) == text.count(")", start, end)
        for (a, b), whole in zip(edges, atomic):
            if whole and a < b:
                assert end <= a or b <= start or (start <= a and b <= end), (pieces, start, end)
        assert sum(1 for a, b in edges if a < end and start < b) > 1     # it crosses markup


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bidi")
    source = folder / "res.md"
    source.write_text(FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + BODY, encoding="utf-8")
    return source, build_ok([source], folder / "out", timeout=600)


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


# The lines the tool prints around the body (masthead, session block, adoption line, title, meeting
# line, adoption note, vote lists): HTML classes of their elements.
PRINTED_LINES = ("united-nations", "symbol", "parent-organ", "distribution", "organ", "session-name",
                 "session-dates", "agenda-item", "adopted-by", "title", "meeting", "vote-note",
                 "vote-label", "states")
_LTR_START = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


def _text_outside_ltr(el) -> str:
    """The text of ``el`` that no element set left to right (``dir="ltr"``) holds."""
    if el.get("dir") == "ltr":
        return ""
    return (el.text or "") + "".join(_text_outside_ltr(child) + (child.tail or "") for child in el)


def test_html_isolates_the_printed_strings(arabic):
    _, out = arabic
    page = lxml_html.fromstring((out / "res.html").read_bytes())
    lines = {name: page.find_class(name) for name in PRINTED_LINES}
    assert all(lines.values()), [name for name, found in lines.items() if not found]
    for name, elements in lines.items():
        for el in elements:
            loose = _text_outside_ltr(el)
            assert not _LTR_START.search(loose), (name, loose)
    assert lines["symbol"][0].text_content() == "A/HRC/RES/99/1"
    states = [li.text_content() for li in lines["states"][0].iter("li")]
    assert states == ["Angola، ", "Chile"]
    assert [bdi.text for bdi in lines["states"][0].iter("bdi")] == ["Angola", "Chile"]
    assert [bdi.text for bdi in lines["session-dates"][0].iter("bdi")] == ["18", "6", "2030"]


def test_docx_sets_every_printed_run_in_its_direction(arabic):
    """Masthead, page one, closing lines, running headers and footers: a run with a Latin letter
    or a digit reads left to right (w:rtl w:val="0") and holds no Arabic; any other run with
    text is right to left."""
    _, out = arabic
    with zipfile.ZipFile(out / "res.docx") as docx:
        parts = {name: etree.fromstring(docx.read(name)) for name in docx.namelist()
                 if re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name)}
    symbol = []
    for name, root in parts.items():
        for text, rtl in _runs(root):
            if _LTR_START.search(text) and not re.search("[\u0600-\u06ff]", text):
                assert rtl == "0", (name, text)
            elif re.search("[\u0600-\u06ff]", text):
                assert rtl == "1", (name, text)
                assert not _LTR_START.search(text), (name, text)
        symbol += [text for text, _ in _runs(root) if text == "A/HRC/RES/99/1"]
    assert len(symbol) == 2      # the running headers of odd and even pages
    table = parts["word/document.xml"].find(f".//{W}tbl")
    assert [text for text, rtl in _runs(table) if rtl == "0"][:2] == ["A", "/HRC/RES/99/1"]


def test_the_pdf_prints_the_symbol_left_to_right_once_on_page_one(arabic):
    """The masthead's symbol reads as written in the text layer, and the first page (a left page
    in a right-to-left document) prints no running header above it."""
    _, out = arabic
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out / "res.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert first.count("A/HRC/RES/99/1") == 1, first


def test_the_pdf_text_layer_reads_vowel_signs_and_brackets_as_written(tmp_path):
    """A glyph first drawn in a cluster with another ("أُ": the letter and its damma) is read
    back by its own character wherever it is drawn again ("اعتُمد" is not read "اعتأُمد"); the
    brackets of a left-to-right run ("1503 (XLVIII)") do not make the Arabic text's mirrored ones
    read reversed ("بوليفيا )دولة(")."""
    body = ("\n*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* إلى أُسس التعاون وأُطره وإلى القرار 1503 (XLVIII)،\n\n"
            "1- *يقرر* أن ما اعتُمد يبقى قيد نظره، وأن تبلغ به بوليفيا (دولة - المتعددة القوميات).\n")
    source = tmp_path / "res.md"
    source.write_text(FRONT.replace("\nlanguage: English", "\nlanguage: Arabic") + body, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(source), "-o", str(tmp_path),
                             "-f", "pdf", "-q"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    text = subprocess.run(["pdftotext", str(tmp_path / "res.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    # pdftotext leaves a space beside a mark drawn over a letter: compared without white space.
    squashed = re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", text)
    assert "إلىأُسسالتعاونوأُطره" in squashed, text
    assert "أنمااعتُمديبقى" in squashed, text
    assert "بوليفيا(دولة-المتعددةالقوميات)" in squashed, text


# "(S/2020/57)" as the UN links it in S/RES/2507 (2020): four links, three of them in bold.
_U = "https://undocs.org/ar/S/2020/57"


def _pieced_symbol():
    from unres.model.document import Link, Strong, Text
    return [Text("إلى رئيس مجلس الأمن ("),
            Strong([Link(_U, [Text("S/")]), Link(_U, [Text("2020")])]), Link(_U, [Text("/")]),
            Strong([Link(_U, [Text("57")])]), Text(")، وإذ يشجعها")]


def test_html_isolates_a_symbol_linked_in_pieces_whole():
    from unres.model.document import Link, Text
    from unres.writers.html.inlines import InlineRenderer

    html = str(InlineRenderer([], rtl=True)(_pieced_symbol()))
    bdi = re.findall(r'<bdi dir="ltr">(.*?)</bdi>', html)
    assert len(bdi) == 1 and re.sub("<[^>]+>", "", bdi[0]) == "S/2020/57"
    assert html.count(f'<a href="{_U}">') == 4 and 'dir="ltr">' not in html.replace('<bdi dir="ltr">', "")
    # The bracket the link holds is taken with the one that opens it: "(S/2020/429)" whole.
    html = str(InlineRenderer([], rtl=True)([Text("خطة (S"), Link(_U, [Text("/2020/429)")]), Text(" ووضع")]))
    assert re.sub("<[^>]+>", "", re.findall(r'<bdi dir="ltr">(.*?)</bdi>', html)[0]) == "(S/2020/429)"
    # Left to right text alone is written as before: one isolate per piece.
    alone = [Text("القرار "), Link(_U, [Text("A/HRC/1")]), Text(" المؤرخ 2023")]
    assert str(InlineRenderer([], rtl=True)(alone)) == (
        f'القرار <a href="{_U}" dir="ltr">A/HRC/1</a> المؤرخ <bdi dir="ltr">2023</bdi>')


def test_docx_sets_a_symbol_linked_in_pieces_left_to_right_whole():
    """Each piece of the symbol, its slash alone in a link included, is a left-to-right run."""
    from docx.oxml import parse_xml
    from unres.writers.docx.bidi_runs import split_runs

    def run(text, bold=False):
        return f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'

    paragraph = parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + run("إلى رئيس مجلس الأمن (") + "<w:hyperlink>" + run("S/", True) + "</w:hyperlink><w:hyperlink>"
        + run("2020", True) + "</w:hyperlink><w:hyperlink>" + run("/") + "</w:hyperlink><w:hyperlink>"
        + run("57", True) + "</w:hyperlink>" + run(")، وإذ يشجعها") + "</w:p>")
    split_runs(paragraph)
    assert _runs(paragraph) == [("إلى رئيس مجلس الأمن (", "1"), ("S/", "0"), ("2020", "0"), ("/", "0"),
                                ("57", "0"), (")، وإذ يشجعها", "1")]
