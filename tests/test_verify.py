"""``unres verify``: the four outputs of 38/3 agree, and every edit of a built file is caught.

The outputs are built once per module. Each mutation test copies them into
its own folder, edits one file the way a broken writer (or a hand) could, and
checks the exact report. PDFs are edited in their content streams: a text
object is removed, moved, or its glyphs replaced, using the font's own
ToUnicode map to find and write the text.
"""
from __future__ import annotations

import re
import shutil
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from unres.formats import FORMATS
from unres.verify.compare import compare, text_difference
from unres.verify.expected import from_model
from unres.verify.fingerprint import normalise
from unres.verify.command import differences, verify_main, verify_source
from unres.cli import main as unres_main
from unres.readers.markdown.reader import read_source
from unres.errors import EXIT_MISSING

from conftest import FRONT

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
STEM = "A_HRC_RES_38_3"
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "akn": ".akn.xml"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

POINTS_SOURCE = FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/2").replace('"99/1"', '"99/2"').replace(
    "title: A test resolution", "title: A test resolution with sub-paragraphs") + """
*The Human Rights Council*,

*Recalling* its resolution 1/1,

*Noting* the report,[^a]

1. *Decides* to act;

2. *Requests* the following:

   (a) one;[^b]

   (b) two:

       (i) first;

       (ii) second;

   and so on;

3. *Decides* to remain seized of the matter.

[^a]: A/HRC/99/1.
[^b]: See the *report* of 2030.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("verify-build")
    assert unres_main(["build", str(SOURCE), "-o", str(out), "--force", "-q"]) == 0
    return out


@pytest.fixture
def copy(built, tmp_path):
    """A fresh copy of the four outputs; returns a function giving a file's path."""
    for fmt, suffix in SUFFIX.items():
        shutil.copy(built / (STEM + suffix), tmp_path / (STEM + suffix))
    return lambda fmt: tmp_path / (STEM + SUFFIX[fmt])


@pytest.fixture(scope="module")
def source_fp():
    return from_model(read_source(str(SOURCE)), str(SOURCE))


def report(path: Path, source_fp) -> list:
    """The differences of one edited file (the other three were checked unedited)."""
    fmt = next(f for f, suffix in SUFFIX.items() if path.name.endswith(suffix))
    got = FORMATS[fmt].extract(path)
    got.label = str(path)
    return compare(source_fp, got)


# ---------------------------------------------------------------- the good build
def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def test_unmutated_build_is_consistent(built, capsys):
    # CPU, not wall time: other processes on a loaded machine stretch the wall clock, not the work.
    start = _cpu_seconds()
    assert verify_main([str(SOURCE)], str(built)) == 0
    elapsed = _cpu_seconds() - start
    out = capsys.readouterr().out
    assert out == ("A_HRC_RES_38_3: 4 formats, 27 preambular, 31 operative, 1 footnote, "
                   "45 votes: consistent\n")
    assert elapsed < 1.5, elapsed


def test_cli_exit_codes(built, tmp_path):
    ok = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(SOURCE),
                         "--build-dir", str(built)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.endswith(": consistent\n")
    shutil.copy(built / (STEM + ".html"), tmp_path / (STEM + ".html"))
    missing = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(SOURCE),
                              "-o", str(tmp_path)], capture_output=True, text=True)
    assert missing.returncode == EXIT_MISSING
    assert missing.stdout.splitlines() == [
        f"{tmp_path / (STEM + s)}: missing (run `unres build {SOURCE} -o {tmp_path}`)"
        for s in (".pdf", ".docx", ".akn.xml")]


def test_sub_paragraphs_and_closing_text_are_read_from_every_format(tmp_path):
    source = tmp_path / "A_HRC_RES_99_2.md"
    source.write_text(POINTS_SOURCE, encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    lines, summary = verify_source(str(source), str(tmp_path))
    assert lines == []
    assert summary == ("A_HRC_RES_99_2: 4 formats, 2 preambular, 3 operative, 4 sub-paragraphs, "
                       "2 footnotes, 3 votes: consistent")
    # A label swapped inside a nested list is caught with the sub-paragraph's name.
    html = tmp_path / "A_HRC_RES_99_2.html"
    text = html.read_text(encoding="utf-8")
    text = text.replace('<span class="num">(i)</span>', '<span class="num">(x)</span>')
    html.write_text(text, encoding="utf-8")
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == [f'{html}: operative 2 (b)(i): label "(x)" where the source has "(i)"']


def test_damaged_file_is_a_finding_not_a_crash(copy):
    path = copy("akn")
    path.write_text("<akomaNtoso", encoding="utf-8")
    lines, _ = verify_source(str(SOURCE), str(path.parent))
    assert len(lines) == 1 and lines[0].startswith(f"{path}: cannot be read as AKN: ")


def test_text_difference_shows_the_words_around_the_change():
    got = "one two three four five six seven eight nine"
    want = "one two three four FIVE six seven eight nine"
    assert text_difference(got, want) == \
        '"…two three four five six seven eight…" where the source has "…two three four FIVE six seven eight…"'


def test_normalise_keeps_quotes_and_drops_layout_spaces():
    assert normalise("a\u00a0 b\n\tc\u00ad") == "a b c"
    assert normalise("“x” ’") == "“x” ’"
    assert normalise("\ufb01le") == "file"


# ---------------------------------------------------------------- editing helpers
def edit_text(path: Path, *pairs, count=1):
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")


def swap_text(path: Path, a: str, b: str):
    text = path.read_text(encoding="utf-8")
    assert text.count(a) == 1 and text.count(b) == 1, (a, b)
    path.write_text(text.replace(a, "\0").replace(b, a).replace("\0", b), encoding="utf-8")


def cut(text: str, pattern: str) -> tuple:
    match = re.search(pattern, text, re.DOTALL)
    assert match, pattern
    return text[:match.start()] + text[match.end():], match.group(0)


class Docx:
    """Edit word/document.xml and word/footnotes.xml of a built DOCX in place."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as zf:
            self.parts = {name: zf.read(name) for name in zf.namelist()}
        self.doc = etree.fromstring(self.parts["word/document.xml"])
        self.notes = etree.fromstring(self.parts["word/footnotes.xml"])

    def paragraph(self, startswith: str):
        for p in self.doc.iter(f"{{{W}}}p"):
            if "".join(p.itertext()).startswith(startswith):
                return p
        raise AssertionError(startswith)

    def text_node(self, text: str):
        for t in self.doc.iter(f"{{{W}}}t"):
            if t.text == text:
                return t
        raise AssertionError(text)

    def save(self):
        self.parts["word/document.xml"] = etree.tostring(self.doc, xml_declaration=True,
                                                         encoding="UTF-8", standalone=True)
        self.parts["word/footnotes.xml"] = etree.tostring(self.notes, xml_declaration=True,
                                                          encoding="UTF-8", standalone=True)
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.parts.items():
                zf.writestr(name, data)


def _parse_cmap(data: bytes) -> dict:
    """code (bytes) -> text, from a ToUnicode CMap's bfchar and bfrange entries."""
    out = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.DOTALL):
        for src, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            out[bytes.fromhex(src)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.DOTALL):
        for lo, hi, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            start, width = int(lo, 16), len(lo) // 2
            first = int(dst, 16)
            for code in range(start, int(hi, 16) + 1):
                out[code.to_bytes(width, "big")] = chr(first + code - start)
    return out


class Pdf:
    """The text objects (BT … ET) of a built PDF, decoded with each font's
    ToUnicode map, which can be removed, moved, swapped or rewritten."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = pikepdf.open(path, allow_overwriting_input=True)
        self.ops = {}
        self.objects = []          # dicts: page, bt, et, tm, tj, font, text
        for n, page in enumerate(self.pdf.pages):
            ops = [[list(o.operands), o.operator] for o in pikepdf.parse_content_stream(page)]
            self.ops[n] = ops
            fonts = page.Resources.Font
            maps = {name: _parse_cmap(fonts[name].ToUnicode.read_bytes()) for name in fonts.keys()}
            current = None
            for i, (operands, op) in enumerate(ops):
                op = str(op)
                if op == "BT":
                    current = {"page": n, "bt": i, "font": None, "text": "", "tj": None, "tm": None}
                elif op == "Tf" and current is not None:
                    current["font"] = str(operands[0])
                elif op == "Tm" and current is not None:
                    current["tm"] = i
                elif op == "TJ" and current is not None:
                    current["tj"] = i
                    cmap = maps[current["font"]]
                    for part in operands[0]:
                        if isinstance(part, pikepdf.String):
                            raw = bytes(part)
                            current["text"] += "".join(cmap.get(raw[k:k + 2], "?")
                                                       for k in range(0, len(raw), 2))
                elif op == "ET" and current is not None:
                    current["et"] = i
                    current["reverse"] = {v: k for k, v in maps[current["font"]].items()} \
                        if current["font"] else {}
                    self.objects.append(current)
                    current = None
        self.removed = set()

    def find(self, text: str, page=None) -> list:
        found = [o for o in self.objects if o["text"].strip() == text
                 and (page is None or o["page"] == page)]
        assert found, text
        return found

    def containing(self, text: str) -> dict:
        found = [o for o in self.objects if text in o["text"]]
        assert len(found) == 1, (text, len(found))
        return found[0]

    def remove(self, obj):
        for i in range(obj["bt"], obj["et"] + 1):
            self.removed.add((obj["page"], i))

    def swap(self, a, b):
        ta, tb = self.ops[a["page"]][a["tj"]], self.ops[b["page"]][b["tj"]]
        ta[0], tb[0] = tb[0], ta[0]

    def rewrite(self, obj, old: str, new: str):
        text = obj["text"].replace(old, new, 1)
        assert text != obj["text"]
        codes = b"".join(obj["reverse"][ch] for ch in text)
        self.ops[obj["page"]][obj["tj"]][0] = [pikepdf.Array([pikepdf.String(codes)])]

    def tm(self, obj) -> list:
        return self.ops[obj["page"]][obj["tm"]][0]

    def save(self):
        for n, page in enumerate(self.pdf.pages):
            kept = [pikepdf.ContentStreamInstruction(operands, pikepdf.Operator(str(op)))
                    for i, (operands, op) in enumerate(self.ops[n]) if (n, i) not in self.removed]
            page.Contents = self.pdf.make_stream(pikepdf.unparse_content_stream(kept))
        self.pdf.save(self.path)


# ---------------------------------------------------------------- the mutations
@pytest.fixture
def expect(source_fp):
    def check(path, *messages):
        assert report(path, source_fp) == [f"{path}: {m}" for m in messages]
    return check


SWAPPED = ('operative 12: number "13." where the source has "12."',
           'operative 13: number "12." where the source has "13."')
DROPPED = ('operative 22: missing (the source has "22. Urges States to continue to support the funds;")',)
WORD = ('operative 22: text "…to support the fonds;" where the source has "…to support the funds;"',)
NOTE_GONE = ('footnote 1: missing (the source has "A/HRC/37/79.", called from operative 19)',)
# The note's text is a link to the document it cites; taken out with the note, it is missing too
# (the PDF edits below remove the note's text but leave its link annotation).
NOTE_AND_LINK_GONE = NOTE_GONE + ("link to https://undocs.org/en/A/HRC/37/79 missing",)
NOTE_MOVED = ("footnote 1: called from operative 20 where the source has operative 19",)
TOTAL = ("vote: in favour total 29 where the source has 28",)
STATE = ('vote in favour: "Chile" missing',)
SYMBOL = ('symbol "A/HRC/RES/38/4" where the source has "A/HRC/RES/38/3"',)


# HTML ------------------------------------------------------------
def test_html_numbers_swapped(copy, expect):
    path = copy("html")
    swap_text(path, '<span class="num">12.</span>', '<span class="num">13.</span>')
    expect(path, *SWAPPED)


def test_html_paragraph_dropped(copy, expect):
    path = copy("html")
    text, _ = cut(path.read_text(encoding="utf-8"), r'<div class="para" id="para_22">.*?</div>')
    path.write_text(text, encoding="utf-8")
    expect(path, *DROPPED)


def test_html_word_changed(copy, expect):
    path = copy("html")
    edit_text(path, ("continue to support the funds;", "continue to support the fonds;"))
    expect(path, *WORD)


def test_html_footnote_removed(copy, expect):
    path = copy("html")
    text, _ = cut(path.read_text(encoding="utf-8"), r'<sup class="note-call">.*?</sup>')
    text, _ = cut(text, r'<li id="para_19__authorialNote_1".*?</li>')
    path.write_text(text, encoding="utf-8")
    expect(path, *NOTE_AND_LINK_GONE)


def test_html_footnote_moved(copy, expect):
    path = copy("html")
    text, call = cut(path.read_text(encoding="utf-8"), r'<sup class="note-call">.*?</sup>')
    text = text.replace("available to the funds;</p>", "available to the funds;" + call + "</p>")
    path.write_text(text, encoding="utf-8")
    expect(path, *NOTE_MOVED)


def test_html_vote_total_changed(copy, expect):
    path = copy("html")
    edit_text(path, ("recorded vote of 28 to", "recorded vote of 29 to"))
    expect(path, *TOTAL)


def test_html_state_removed(copy, expect):
    path = copy("html")
    edit_text(path, ("<li>Chile, </li>", ""))
    expect(path, *STATE)


def test_html_symbol_changed(copy, expect):
    path = copy("html")
    edit_text(path, ('<span class="symbol-tail">/HRC/RES/38/3</span>',
                     '<span class="symbol-tail">/HRC/RES/38/4</span>'))
    expect(path, *SYMBOL)


# AKN -------------------------------------------------------------
def test_akn_numbers_swapped(copy, expect):
    path = copy("akn")
    swap_text(path, "<num>12.</num>", "<num>13.</num>")
    expect(path, *SWAPPED)


def test_akn_paragraph_dropped(copy, expect):
    path = copy("akn")
    text, _ = cut(path.read_text(encoding="utf-8"), r'<paragraph eId="para_22">.*?</paragraph>')
    path.write_text(text, encoding="utf-8")
    expect(path, *DROPPED)


def test_akn_word_changed(copy, expect):
    path = copy("akn")
    edit_text(path, ("continue to support the funds;", "continue to support the fonds;"))
    expect(path, *WORD)


def test_akn_footnote_removed(copy, expect):
    path = copy("akn")
    text, _ = cut(path.read_text(encoding="utf-8"), r"<authorialNote .*?</authorialNote>")
    path.write_text(text, encoding="utf-8")
    expect(path, *NOTE_AND_LINK_GONE)


def test_akn_footnote_moved(copy, expect):
    path = copy("akn")
    text, note = cut(path.read_text(encoding="utf-8"), r"<authorialNote .*?</authorialNote>")
    text = text.replace("available to the funds;</p>", "available to the funds;" + note + "</p>")
    path.write_text(text, encoding="utf-8")
    expect(path, *NOTE_MOVED)


def test_akn_vote_total_changed(copy, expect):
    path = copy("akn")
    edit_text(path, ('refersTo="#inFavour">28</quantity>', 'refersTo="#inFavour">29</quantity>'))
    # The quantity's value and the <voting> metadata still say 28: the file now contradicts itself too.
    expect(path, 'quantity normalized="28" where it prints "29"', "metadata in favour count 28 where the text says 29",
           *TOTAL)


def test_akn_state_removed(copy, expect):
    path = copy("akn")
    edit_text(path, ('<organization refersTo="#memberState">Chile</organization>, ', ""))
    expect(path, "metadata in favour voters differ from the States in the text", *STATE)


def test_akn_symbol_changed(copy, expect):
    path = copy("akn")
    edit_text(path, ('<docNumber refersTo="#symbol">A/HRC/RES/38/3</docNumber>',
                     '<docNumber refersTo="#symbol">A/HRC/RES/38/4</docNumber>'))
    expect(path, 'metadata symbol "A/HRC/RES/38/3" differs from the cover page\'s "A/HRC/RES/38/4"',
           *SYMBOL)


# DOCX ------------------------------------------------------------
def test_docx_numbers_swapped(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    a, b = doc.text_node("12."), doc.text_node("13.")
    a.text, b.text = "13.", "12."
    doc.save()
    expect(path, *SWAPPED)


def test_docx_paragraph_dropped(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    p = doc.paragraph("22.")
    p.getparent().remove(p)
    doc.save()
    expect(path, *DROPPED)


def test_docx_word_changed(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    for t in doc.doc.iter(f"{{{W}}}t"):
        if t.text and "support the funds;" in t.text:
            t.text = t.text.replace("support the funds;", "support the fonds;")
    doc.save()
    expect(path, *WORD)


def _docx_call(doc):
    ref = next(doc.doc.iter(f"{{{W}}}footnoteReference"))
    return ref.getparent(), ref.get(f"{{{W}}}id")


def test_docx_footnote_removed(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    run, note_id = _docx_call(doc)
    run.getparent().remove(run)
    for fn in doc.notes.iter(f"{{{W}}}footnote"):
        if fn.get(f"{{{W}}}id") == note_id:
            fn.getparent().remove(fn)
    doc.save()
    expect(path, *NOTE_AND_LINK_GONE)


def test_docx_footnote_moved(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    run, _ = _docx_call(doc)
    run.getparent().remove(run)
    doc.paragraph("20.").append(run)
    doc.save()
    expect(path, *NOTE_MOVED)


def test_docx_vote_total_changed(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    for t in doc.doc.iter(f"{{{W}}}t"):
        if t.text and "recorded vote of 28 to" in t.text:
            t.text = t.text.replace("of 28 to", "of 29 to")
    doc.save()
    expect(path, *TOTAL)


def test_docx_state_removed(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    for t in doc.doc.iter(f"{{{W}}}t"):
        if t.text and "Burundi, Chile, China" in t.text:
            t.text = t.text.replace("Chile, ", "")
    doc.save()
    expect(path, *STATE)


def test_docx_symbol_changed(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    doc.text_node("/HRC/RES/38/3").text = "/HRC/RES/38/4"
    for name in doc.parts:            # and every running header
        if name.startswith("word/header"):
            doc.parts[name] = doc.parts[name].replace(b"A/HRC/RES/38/3", b"A/HRC/RES/38/4")
    doc.save()
    expect(path, *SYMBOL)


# PDF -------------------------------------------------------------
def test_pdf_numbers_swapped(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    pdf.swap(pdf.find("12.")[0], pdf.find("13.")[0])
    pdf.save()
    expect(path, *SWAPPED)


def test_pdf_paragraph_dropped(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    number = pdf.find("22.")[0]
    for obj in pdf.objects:
        if obj["page"] == number["page"] and pdf.tm(obj)[5] == pdf.tm(number)[5]:
            pdf.remove(obj)       # every text object on paragraph 22's (only) line
    pdf.save()
    expect(path, *DROPPED)


def test_pdf_word_changed(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    pdf.rewrite(pdf.containing("support the funds;"), "funds", "fonds")
    pdf.save()
    expect(path, *WORD)


def _pdf_call(pdf):
    """The raised footnote call: the '1' object on the page of the note's text."""
    note = pdf.containing("A/HRC/37/79")
    ones = pdf.find("1", page=note["page"])
    call = min(ones, key=lambda o: pdf.tm(o)[5])       # the highest on the page (y runs down)
    marker = max(ones, key=lambda o: pdf.tm(o)[5])
    return call, marker, note


def test_pdf_footnote_removed(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    for obj in _pdf_call(pdf):
        pdf.remove(obj)
    pdf.save()
    expect(path, *NOTE_GONE)


def test_pdf_footnote_moved(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    call, _marker, _note = _pdf_call(pdf)
    target = pdf.find("20.")[0]
    line_19_end = pdf.containing("Rights;")
    raised = float(pdf.tm(line_19_end)[5]) - float(pdf.tm(call)[5])
    # Onto paragraph 20's first line, as high above its baseline as before.
    pdf.tm(call)[5] = float(pdf.tm(target)[5]) - raised
    pdf.save()
    expect(path, *NOTE_MOVED)


def test_pdf_vote_total_changed(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    pdf.rewrite(pdf.containing("recorded vote of 28 to"), "of 28 to", "of 29 to")
    pdf.save()
    expect(path, *TOTAL)


def test_pdf_state_removed(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    pdf.remove(pdf.find("Chile,")[0])
    pdf.save()
    expect(path, *STATE)


def test_pdf_symbol_changed(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    for obj in pdf.objects:           # the masthead and every running header
        if obj["text"].strip().endswith("RES/38/3"):
            pdf.rewrite(obj, "38/3", "38/4")
    pdf.save()
    expect(path, *SYMBOL)


def test_pdf_running_header_is_checked(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    header = pdf.find("A/HRC/RES/38/3", page=2)[0]
    pdf.rewrite(header, "38/3", "38/4")
    pdf.save()
    expect(path, 'running header on page 3 reads "A/HRC/RES/38/4" where the masthead has "A/HRC/RES/38/3"')


PARTS_BODY = """
# A

## Assistance in mine action

*The General Assembly*,

*Recalling* its resolution 1/1,[^1]

1. *Decides* to act;

2. *Requests* the following:

   (a) one;

   (b) two.

# B

## Second part

*The General Assembly*,

1. *Decides* to remain seized of the matter.

# Annex

## Declaration on cooperation

### Article 1

The States agree, & so on.

1. First numbered;

2. Second numbered.

[^1]: A/RES/1/1.
"""


def test_parts_and_annex_are_consistent_and_checked(tmp_path):
    """Part headings and formulas are not paragraphs, and an annex's numbered paragraphs are
    not the resolution's; a change in part B is still caught."""
    src = tmp_path / "parts.md"
    src.write_text(FRONT + PARTS_BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q"]) == 0
    lines, summary = verify_source(str(src), str(out))
    assert lines == [] and summary.startswith("parts: 4 formats, 1 preambular, 3 operative")
    akn = out / "parts.akn.xml"
    akn.write_bytes(akn.read_bytes().replace(b"to remain seized", b"to stay seized"))
    lines, _summary = verify_source(str(src), str(out))
    assert len(lines) == 1 and lines[0].startswith(f"{akn}: operative 1: text \"Decides to stay seized")


def _points_variant(tmp_path, number: int, old: str, new: str) -> Path:
    """POINTS_SOURCE as resolution 99/<number>, with ``old`` replaced by ``new``."""
    source = tmp_path / f"A_HRC_RES_99_{number}.md"
    assert old in POINTS_SOURCE
    source.write_text(POINTS_SOURCE.replace("A/HRC/RES/99/2", f"A/HRC/RES/99/{number}")
                      .replace('"99/2"', f'"99/{number}"').replace(old, new), encoding="utf-8")
    return source


def test_a_superscript_is_text_and_a_raised_number_is_a_call(tmp_path):
    """The PDF reader tells "1er" (letters raised: part of the word) from a note's call
    (a raised number), and the build's own check passes on both."""
    source = _points_variant(tmp_path, 3, "*Recalling* its resolution 1/1,",
                             "*Recalling* its resolution 1/1 of 1^er^ October 2020,")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    fp = FORMATS["pdf"].extract(tmp_path / "A_HRC_RES_99_3.pdf")
    assert fp.section("preamble")[0].text == "Recalling its resolution 1/1 of 1er October 2020,"
    assert [n.marker for n in fp.notes] == ["1", "2"]
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == []


def test_print_ambiguities_are_not_differences(tmp_path):
    """What print cannot show is not held against the PDF: a word broken at a soft hyphen,
    a space drawn as a gap after a superscript, a raised number that no note on the page
    answers ("m^3^"), a lowered one ("H~2~O"), italic runs set side by side."""
    long = " ".join(["inter\u00adnational co\u00adoperation"] * 14)
    source = _points_variant(tmp_path, 4, "1. *Decides* to act;",
                             f"1. *Decides* *also* to act on {long} for 10 m^3^ *gardens* of H~2~O;")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    fp = FORMATS["pdf"].extract(tmp_path / "A_HRC_RES_99_4.pdf")
    first = fp.section("operative")[0]
    assert first.text.endswith("for 10 m3 gardens of H2O;") and "co\u2010" not in first.text
    assert first.opening == "Decides also"
    assert [n.marker for n in fp.notes] == ["1", "2"]
    assert verify_source(str(source), str(tmp_path))[0] == []


def test_a_line_ending_at_a_zero_width_space_is_not_a_difference(tmp_path):
    """A line of print may end at a zero-width space, and the PDF reader then reads a space
    there; that is accepted only where the source has one, in a paragraph, a title or a note."""
    joined = "\u200b".join(["Abcdefghijklmnopqrstu"] * 40)
    source = _points_variant(tmp_path, 5, "1. *Decides* to act;", f"1. *Decides* to act on {joined};")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    first = FORMATS["pdf"].extract(tmp_path / "A_HRC_RES_99_5.pdf").section("operative")[0]
    assert "Abcdefghijklmnopqrstu Abcdefghijklmnopqrstu" in first.text   # a line ended at one
    assert verify_source(str(source), str(tmp_path))[0] == []


def test_zero_width_spaces_excuse_only_their_own_line_ends():
    from unres.verify.compare import _same_text
    from unres.verify.fingerprint import ALL_FIELDS, normalise

    pdf = ALL_FIELDS - {"spacing"}
    source = "to act on alpha\u200bbeta and gamma;"
    want, breaks = normalise(source), normalise(source, keep_breaks=True)
    assert want == "to act on alphabeta and gamma;" and breaks == source
    assert _same_text("to act on alpha beta and gamma;", want, pdf, breaks)
    assert _same_text("to act on alphabeta and gamma;", want, pdf, breaks)
    assert not _same_text("to act on alpha beta andgamma;", want, pdf, breaks)
    assert not _same_text("to act on alpha beta and delta;", want, pdf, breaks)
    # A reader that keeps spaces as they were written gets no such excuse.
    assert not _same_text("to act on alpha beta and gamma;", want, ALL_FIELDS, breaks)


def test_a_superscript_number_equal_to_a_note_on_its_page_is_text(tmp_path):
    """"m^2^" above a line on the page where note 2 is printed: the note's own call is set
    smaller, so the reader still tells the call from the superscript."""
    source = _points_variant(tmp_path, 6, "1. *Decides* to act;", "1. *Decides* to act on 10 m^2^ of land;")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    fp = FORMATS["pdf"].extract(tmp_path / "A_HRC_RES_99_6.pdf")
    assert fp.section("operative")[0].text == "Decides to act on 10 m2 of land;"
    assert [(n.marker, n.called_from) for n in fp.notes] == [("1", ("preamble", 1)), ("2", ("operative", 2))]
    assert verify_source(str(source), str(tmp_path))[0] == []


UNUSUAL_TEXT_SOURCE = FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/3").replace('"99/1"', '"99/3"') + """
*The Human Rights Council*,

*Recalling* the re\u0301sume\u0301 of the Co\u0302te d\u2019Ivoire\tdelegation,[^a]

*Noting* the \u200fmarks\u200e and the Mongolian\u180e separator, the ﬆar and the ﬅyle,[^b]

1. *Decides* to act\u2060 with\u034f care ✓\ufe0f;[^c]

2. *Requests* a\tb\tc the report.
[^a]: Decomposed accents and a tab before the call.

[^b]: Direction marks.

[^c]: Joiners and selectors; H~2~O and 5 m^3^ set small in a note.
"""


def test_unusual_but_valid_characters_build_and_verify(tmp_path):
    """Found by building random sources: decomposed accents and tabs before a footnote call
    (pandoc counts its columns in composed text and tab stops), and characters that are never
    drawn or read back as their letters from a PDF, and a subscript and a superscript in a
    footnote. All are valid and must build and agree."""
    source = tmp_path / "A_HRC_RES_99_3.md"
    source.write_text(UNUSUAL_TEXT_SOURCE, encoding="utf-8")
    res = read_source(str(source))
    assert [n.key for n in res.footnotes] == ["a", "b", "c"]
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    lines, summary = verify_source(str(source), str(tmp_path))
    assert lines == [] and summary.endswith("3 footnotes, 3 votes: consistent"), (lines, summary)


def test_normalise_drops_what_is_never_drawn():
    assert normalise("a\u200eb\u200f c\u180e\ufe0f\u2066d\u2069") == "ab cd"
    assert normalise("\ufb06ar \ufb05yle") == "star \u017ftyle"


def test_a_word_longer_than_the_line_breaks_at_the_margin_and_verifies(tmp_path):
    """A long address with no place to break (one 90-character path segment) is broken at the
    margin, not run off the page, and the check reads the broken word as the source's."""
    from unres.verify.read.pdf_text import _pdf_fragments

    segment = "Session38Documents" * 5
    source = tmp_path / "A_HRC_RES_99_4.md"
    source.write_text(
        FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/4").replace('"99/1"', '"99/4"')
        + "\n*The Human Rights Council*,\n\n*Recalling* the report at http://www.ohchr.org/"
        + segment + ".docx of the Council,\n\n1. *Decides* to act.\n", encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    frags, _heights, widths = _pdf_fragments(str(tmp_path / "A_HRC_RES_99_4.pdf"))
    right_margin = widths[0] - 20 / 25.4 * 72
    assert max(f.right for f in frags if f.text.strip()) <= right_margin + 1.0
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == []


def test_a_line_that_opens_with_a_no_break_space_and_a_call_continues_its_paragraph(tmp_path):
    """Found by building random sources: here the no-break space before the call falls at the
    start of a line, where it prints nothing, so the line starts with the call a little right
    of the text block's edge; it is still the paragraph's last line, not a new paragraph."""
    para = ("*Recalling* to Commissioner \xad the \u200f with \u200d \t of High the \ufb01nance States "
            "requests requests of \xa0[^n0],")
    source = tmp_path / "A_HRC_RES_99_5.md"
    source.write_text(FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/5").replace('"99/1"', '"99/5"')
                      + "\n*The Human Rights Council*,\n\n" + para + "\n\n1. *Decides* to act.\n\n"
                      "[^n0]: A note.\n", encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == []


STRUCTURE_BODY = """
# A

## First part

*The General Assembly*,

*Recalling* its resolution 1/1,

1. *Decides* to act:

   (a) one:

       (i) first:

           a. alpha:

              i. deep one;

              ii. deep two;

           b. beta;

       (ii) second;

   (b) two, the cooperate Human *of*[^1];

2. *Requests* a report.

# B

## Second part

*The General Assembly*,

*Noting* the report,

*Welcoming* the work,

1. *Decides* to remain seized of the matter.

# Annex

## Declaration

The States agree.[^2]

[^1]: A note after an italic word.

[^2]: A note called from the annex.
"""


def test_second_part_preamble_deep_labels_and_annex_notes_are_read_back(tmp_path):
    """Found by building random sources: the second part's preambular paragraphs were read as
    operative items (PDF, DOCX), the fourth level's labels (i., ii.) as closing text, and a
    footnote called from the annex as missing (DOCX, AKN)."""
    source = tmp_path / "structure.md"
    source.write_text(FRONT + STRUCTURE_BODY, encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    lines, summary = verify_source(str(source), str(tmp_path))
    assert lines == [] and "3 preambular, 3 operative, 8 sub-paragraphs, 2 footnotes" in summary, summary


def test_the_space_after_a_superscript_in_a_footnote_is_read(tmp_path):
    """WeasyPrint draws the space after a superscript as a gap; in a footnote too."""
    source = tmp_path / "A_HRC_RES_99_6.md"
    source.write_text(
        FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/6").replace('"99/1"', '"99/6"')
        + "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,[^x]\n\n1. *Decides* to act.\n\n"
        "[^x]: *Oficina* con Alto la solicita Estados Consejo cooperen los que Alto el^2^ **la** cooperen "
        "Estados del cooperen cooperen Oficina Consejo.\n", encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == []


# ---------------------------------------------------------------- the first page's footer
def _with_job_number(tmp_path) -> Path:
    """A copy of 38/3 with the job number the UN gave it."""
    text = SOURCE.read_text(encoding="utf-8")
    assert "job_number:" not in text
    source = tmp_path / (STEM + ".md")
    source.write_text(text.replace("\nmeeting: ", "\njob_number: GE.18-12078(E)\nmeeting: ", 1),
                      encoding="utf-8")
    return source


def test_a_job_number_in_the_first_page_footer_is_not_a_running_header(tmp_path):
    """The job number prints in the first page's bottom margin, where no running header is."""
    source = _with_job_number(tmp_path)
    assert unres_main(["build", str(source), "-o", str(tmp_path), "-q"]) == 0
    lines, summary = verify_source(str(source), str(tmp_path))
    assert lines == [] and summary.endswith("45 votes: consistent")


def test_images_and_small_text_in_the_first_page_footer_are_not_read(tmp_path, monkeypatch):
    """Whatever the first page's footer holds besides the job number (a barcode set in type,
    a recycling mark with its caption, a QR code), and however high in the margin it stands,
    is no part of the text; a running header and a page number elsewhere still are, and the job
    number is found on its line beside the caption."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "pdf" / "resolution.html"
    job = '<p class="job-number"><span dir="ltr">{{ marks.job_number }}</span></p>'
    assert job in page.read_text(encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8").replace(job, (
        '<p class="job-number"><span dir="ltr">{{ marks.job_number }}</span> '
        '<span style="font-size: 6pt">Please recycle'
        '</span><br><span style="font-size: 24pt; line-height: 26pt">*1812078*</span>'
        '<img src="footnote-rule.svg" alt="A recycling mark" style="width: 30mm; height: 8mm"></p>')),
        encoding="utf-8")
    css = templates / "pdf" / "print.css"
    first = "    content: element(first-page-footer); width: 100%;\n    vertical-align: bottom; padding-bottom: 9.5mm;"
    assert first in css.read_text(encoding="utf-8")
    # The caption's baseline stands just under the top of the margin, as high as the UN's job number.
    css.write_text(css.read_text(encoding="utf-8").replace(
        first, first.replace("padding-bottom: 9.5mm", "padding-bottom: 17mm")), encoding="utf-8")
    monkeypatch.setenv("UNRES_TEMPLATES", str(templates))
    source = _with_job_number(tmp_path)
    out = tmp_path / "out"
    assert unres_main(["build", str(source), "-o", str(out), "-q", "-j", "1"]) == 0
    from unres.verify.read.pdf_text import FOOTER_BAND, _pdf_fragments
    frags, _heights, _widths = _pdf_fragments(str(out / (STEM + ".pdf")))
    footer = [f for f in frags if f.page == 0 and f.y < FOOTER_BAND and f.text.strip()]
    assert {f.text.strip() for f in footer} == {"GE.18-12078(E)", "Please recycle", "*1812078*"}
    assert max(f.y for f in footer) > 95.0       # near the top of the margin
    assert verify_source(str(source), str(out))[0] == []


def test_pdf_page_number_is_checked(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    [folio] = pdf.find("3", page=2)
    pdf.rewrite(folio, "3", "8")
    pdf.save()
    expect(path, 'page number on page 3 reads "8"')


# ---------------------------------------------------------------- structure from the file, not from wording
NO_GUESS_BODIES = {
    # A preambular paragraph that begins like the formula, with no formula before it.
    "like_formula": "\n*The Human Rights Council*, and more text,\n\n*Recalling* its resolution 1/1,\n\n"
                    "1. *Decides* to act.\n",
    # The formula, then one that begins like it.
    "formula_twice": "\n*The Human Rights Council*,\n\n*The Human Rights Council*, and more text,\n\n"
                     "1. *Decides* to act.\n",
    # No formula at all: the first paragraph after the title is a preambular paragraph.
    "no_formula": "\n*Recalling* its resolution 1/1,\n\n1. *Decides* to act.\n",
    # Paragraphs that begin like the adoption note.
    "bracket": "\n*The Human Rights Council*,\n\n[*Recalling*] its resolution 1/1,\n\n"
               "1. *Decides* to act;\n\n2. [Adopted without a vote.]\n",
    # A part without a formula whose first paragraph begins like one.
    "part_like_formula": "\n# A\n\n*The Human Rights Council*,\n\n1. *Decides* to act.\n\n# B\n\n"
                         "*The Human Rights Council*, and more,\n\n1. *Decides* to remain seized.\n",
}


@pytest.mark.parametrize("name", sorted(NO_GUESS_BODIES))
def test_readers_take_structure_from_the_file_not_from_wording(tmp_path, name):
    """A paragraph is the formula because the file marks it so (DOCX: its style; HTML and
    AKN: their elements; PDF: set all in italics as the first block of its part), and the
    adoption note because it stands under the meeting line, never for its first words."""
    source = tmp_path / f"{name}.md"
    source.write_text(FRONT + NO_GUESS_BODIES[name], encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "-q", "--no-verify"]) == 0
    want = from_model(read_source(str(source)), str(source))
    for fmt, suffix in SUFFIX.items():
        got = FORMATS[fmt].extract(tmp_path / (name + suffix))
        for section in ("preamble", "operative"):
            assert [i.text for i in got.section(section)] == [i.text for i in want.section(section)], fmt
    lines, _summary = verify_source(str(source), str(tmp_path))
    assert lines == []


# ---------------------------------------------------------------- annexes
ANNEX_BODY = """
*The Human Rights Council*,

*Recalling* its resolution 1/1,[^1]

1. *Decides* to act;

2. *Requests* the following.

# Annex I

## Declaration on cooperation in a title long enough to run over more than one line of print

### Article 1

The States agree, & so on.[^2]

1. First numbered:

   (a) one;

   (b) two;

   and closing words;[^3]

2. Second numbered.

A paragraph after the list.

# Annex II

Text of the second annex.

[^1]: A/RES/1/1.
[^2]: A note in the annex.
[^3]: A note on closing words.
"""
ANNEX_EDITS = {
    "title": ('Annex I title: text "Declaration on coordination in a title…" where the source has '
              '"Declaration on cooperation in a title…"'),
    "text": 'Annex II text 1: text "Text of the third annex." where the source has "Text of the second annex."',
    "label": 'Annex I paragraph 1 (b): label "(c)" where the source has "(b)"',
    "note": 'footnote 2: text "…note in the preamble." where the source has "…note in the annex."',
}


@pytest.fixture(scope="module")
def annex_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("annex-build")
    source = out / "annexes.md"
    source.write_text(FRONT + ANNEX_BODY, encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(out), "-q"]) == 0
    return source


def test_annexes_are_read_from_every_format(annex_build):
    """Annex labels, titles, headings, paragraphs, numbered paragraphs with their sub-paragraphs
    and closing words, and the notes they call are in every format's fingerprint."""
    want = from_model(read_source(str(annex_build)), str(annex_build))
    annex = want.section("annex")
    assert [(i.kind, i.num, i.text) for i in annex] == [
        ("heading", "", "Annex I"),
        ("heading", "", "Declaration on cooperation in a title long enough to run over more than one "
                        "line of print"),
        ("heading", "", "Article 1"), ("text", "", "The States agree, & so on."),
        ("paragraph", "1.", "First numbered:"), ("point", "(a)", "one;"), ("point", "(b)", "two;"),
        ("text", "", "and closing words;"), ("paragraph", "2.", "Second numbered."),
        ("text", "", "A paragraph after the list."),
        ("heading", "", "Annex II"), ("text", "", "Text of the second annex.")]
    assert [n.called_from for n in want.notes] == [("preamble", 0), ("annex", 3), ("annex", 7)]
    for fmt, suffix in SUFFIX.items():
        got = FORMATS[fmt].extract(annex_build.parent / (annex_build.stem + suffix))
        assert [(i.kind, i.num, i.text) for i in got.section("annex")] == [
            (i.kind, i.num, i.text) for i in annex], fmt
        assert [n.called_from for n in got.notes] == [n.called_from for n in want.notes], fmt
    lines, summary = verify_source(str(annex_build), str(annex_build.parent))
    assert lines == [] and "3 footnotes, 2 annexes (10 blocks)" in summary


def _edit_annex(fmt: str, what: str, path: Path):
    if fmt in ("html", "akn"):
        label = ('<span class="num">(b)</span>', '<span class="num">(c)</span>') if fmt == "html" \
            else ("<num>(b)</num>", "<num>(c)</num>")
        edit_text(path, {"title": ("on cooperation", "on coordination"),
                         "text": ("the second annex", "the third annex"),
                         "label": label,
                         "note": ("A note in the annex", "A note in the preamble")}[what])
    elif fmt == "docx":
        doc = Docx(path)
        if what == "note":
            for t in doc.notes.iter(f"{{{W}}}t"):
                t.text = (t.text or "").replace("in the annex", "in the preamble")
        else:
            old, new = {"title": ("on cooperation", "on coordination"), "text": ("second", "third"),
                        "label": ("(b)", "(c)")}[what]
            for t in doc.doc.iter(f"{{{W}}}t"):
                if old in (t.text or "") and ("(b)" != old or "two" in "".join(t.getparent().getparent().itertext())):
                    t.text = t.text.replace(old, new)
        doc.save()
    else:
        pdf = Pdf(path)
        if what == "text":
            obj = pdf.containing("the second annex")
            pdf.rewrite(obj, "second", "decons")
        pdf.save()


@pytest.mark.parametrize("fmt", ["html", "akn", "docx"])
@pytest.mark.parametrize("what", sorted(ANNEX_EDITS))
def test_an_edit_in_an_annex_is_reported(annex_build, tmp_path, fmt, what):
    suffix = SUFFIX[fmt]
    for s in SUFFIX.values():
        shutil.copy(annex_build.parent / (annex_build.stem + s), tmp_path / (annex_build.stem + s))
    path = tmp_path / (annex_build.stem + suffix)
    _edit_annex(fmt, what, path)
    lines, _summary = verify_source(str(annex_build), str(tmp_path))
    assert lines == [f"{path}: {ANNEX_EDITS[what]}"]


def test_an_edit_in_an_annex_of_the_pdf_is_reported(annex_build, tmp_path):
    for s in SUFFIX.values():
        shutil.copy(annex_build.parent / (annex_build.stem + s), tmp_path / (annex_build.stem + s))
    path = tmp_path / (annex_build.stem + ".pdf")
    _edit_annex("pdf", "text", path)
    lines, _summary = verify_source(str(annex_build), str(tmp_path))
    assert lines == [f'{path}: Annex II text 1: text "Text of the decons annex." where the source has '
                     f'"Text of the second annex."']


def test_each_difference_names_the_source_line_it_concerns(annex_build, tmp_path):
    """A build refused by its check names the source's line (the files it names were never
    published); each finding carries the line of what it concerns."""
    from unres.verify.command import differences

    for s in SUFFIX.values():
        shutil.copy(annex_build.parent / (annex_build.stem + s), tmp_path / (annex_build.stem + s))
    html = tmp_path / (annex_build.stem + ".html")
    edit_text(html, ("the second annex", "the third annex"), ("A note in the annex", "A note"),
              ("to act;", "to act at once;"), ('title-text">A test resolution', 'title-text">A resolution'),
              ("<li>Japan", "<li>Jamaica"))
    lines = annex_build.read_text(encoding="utf-8").splitlines()
    want = from_model(read_source(str(annex_build)), str(annex_build))
    found = differences(want, {"html": (html, html)})
    assert {f.detail.split(":")[0]: f.line for f in found} == {
        "title \"A resolution\" where the source has \"A test resolution\"": lines.index("title: A test resolution") + 1,
        "operative 1": lines.index("1. *Decides* to act;") + 1,
        "Annex II text 1": lines.index("Text of the second annex.") + 1,
        "footnote 2": lines.index("[^2]: A note in the annex.") + 1,
        "vote against": lines.index("vote:") + 1,
    }
    assert all(f.fmt == "html" and f == f"{html}: {f.detail}" for f in found)


def test_akn_vote_lists_are_told_apart_by_their_markup_not_their_labels(copy, expect):
    """Each list of States says which it is (refersTo="#inFavour" …): a label in other words
    does not lose the list, and a list marked as the wrong one is caught."""
    path = copy("akn")
    edit_text(path, ('<p refersTo="#inFavour">In favour:</p>', '<p refersTo="#inFavour">Pour :</p>'))
    # The list is still read as the one in favour; the label in other words is a printed difference.
    expect(path, 'printed: "In favour:" is not printed where the source\'s language data prints it')
    edit_text(path, ('<p refersTo="#against"><organization', '<p refersTo="#abstaining"><organization'))
    lines = report(path, from_model(read_source(str(SOURCE)), str(SOURCE)))
    assert any("vote against" in line and "missing" in line for line in lines), lines


def test_docx_reader_names_styles_as_python_docx_does(tmp_path):
    """The DOCX reader's table of style names gives each paragraph the name python-docx's
    ``paragraph.style`` gives it: its style's, the default paragraph style's for no style,
    an unknown id or a character style's id."""
    import io

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from unres.verify.read.docx import _style_names

    res = read_source(str(Path(__file__).resolve().parents[1] / "source" / "A_HRC_RES_38_3.md"))
    document = docx.Document(io.BytesIO(FORMATS["docx"].render(res, {})))
    character = next(s.style_id for s in document.styles if s.type == WD_STYLE_TYPE.CHARACTER)
    for style_id in ("NoSuchStyle", character, ""):
        document.add_paragraph("x")._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    style_of = _style_names(document.styles.element)
    names = [style_of(p._p) for p in document.paragraphs]
    assert names == [p.style.name for p in document.paragraphs]
    assert names[-3:] == ["Normal"] * 3 and len(set(names)) > 5


def test_pdf_reader_loads_each_page_once(built, monkeypatch):
    """The PDF's links are read from the pages the text reader loads: one PDFium document
    and one load of each page (loading a page is most of what reading it costs)."""
    import pypdfium2 as pdfium

    opened, loaded = [], []
    real_open, real_page = pdfium.PdfDocument.__init__, pdfium.PdfDocument.get_page

    def counting_open(self, *args, **kwargs):
        opened.append(1)
        real_open(self, *args, **kwargs)

    def counting_page(self, index):
        loaded.append(index)
        return real_page(self, index)
    monkeypatch.setattr(pdfium.PdfDocument, "__init__", counting_open)
    monkeypatch.setattr(pdfium.PdfDocument, "get_page", counting_page)
    fp = FORMATS["pdf"].extract(built / (STEM + ".pdf"))
    assert fp.links and not fp.problems
    assert len(opened) == 1 and sorted(loaded) == sorted(set(loaded))


def test_normalise_drops_exactly_the_default_ignorable_code_points():
    from unres.model.ignorable import IGNORABLE_RANGES
    from unres.verify.fingerprint import ZERO_WIDTH_SPACE, normalise

    ignorable = {cp for first, last in IGNORABLE_RANGES for cp in range(first, last + 1)}
    # the whole BMP but surrogates, and the other planes' ranges with their neighbours, between
    # two letters (NFC leaves "a" and "b" alone)
    points = [cp for cp in range(0x21, 0x10000) if not 0xD800 <= cp <= 0xDFFF]
    points += [cp for first, last in IGNORABLE_RANGES if first > 0xFFFF for cp in range(first - 16, last + 17)]
    for cp in points:
        text = f"a{chr(cp)}b"
        dropped = normalise(text) == "ab"
        assert dropped == (cp in ignorable), hex(cp)
        if cp in ignorable:
            kept = normalise(text, keep_breaks=True)
            assert kept == (text if chr(cp) == ZERO_WIDTH_SPACE else "ab"), hex(cp)


# Every character normalise() treats: the ones it drops, the ligatures it undoes, the spaces it
# folds, letters, marks that compose under NFC, and other white space str.split() knows.
_NORMALISED_ALPHABET = ("ab \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f"
                        "\u205f\u3000\u200b\u200c\u200d\u00ad\u2060\ufeff\ufe0f\U000e0001"
                        "\ufb00\ufb01\ufb03\ufb06e\u0301\u00e9\u0627\u064e\u2019\u2014.")


def _normalised_by_pattern(text, keep_breaks=False):
    """normalise() as first written: its fast paths must not change what it returns."""
    import unicodedata

    from unres.verify import fingerprint as fp
    if not text:
        return ""
    text = (fp._INVISIBLE_BUT_BREAKS if keep_breaks else fp._INVISIBLE).sub("", unicodedata.normalize("NFC", text))
    for lig, plain in fp._LIGATURES.items():
        text = text.replace(lig, plain)
    return fp._SPACES.sub(" ", text).strip()


def test_normalise_is_the_pattern_it_replaces():
    from hypothesis import given, settings, strategies as st

    from unres.verify.fingerprint import squash

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=_NORMALISED_ALPHABET, max_size=40) | st.text(max_size=40), st.booleans())
    def check(text, keep_breaks):
        assert normalise(text, keep_breaks) == _normalised_by_pattern(text, keep_breaks)
        assert squash(text) == re.sub(r"\s+", "", _normalised_by_pattern(text))
    check()


def test_an_italic_phrase_set_over_two_lines_is_read_whole_from_the_pdf(tmp_path):
    """The Security Council titles a mandate's sub-paragraphs with words all in italics (S/RES/2524
    (2020) in Russian: "i) *оказание содействия … устойчивого мира*"): set over two lines, the
    PDF's line break is a space inside the italics, not the end of the opening phrase."""
    words = " ".join(["the consolidation of democratic governance and lasting peace"] * 3)
    source = tmp_path / "A_HRC_RES_99_5.md"
    source.write_text(
        FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/5").replace('"99/1"', '"99/5"')
        + f"\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n1. *Decides* that:\n\n"
        + f"   (a) *{words}*\n\n       (i) to act;\n\n   (b) to report.\n\n"
        + f"2. *{words}* to remain seized of the matter.\n", encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q"]) == 0
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == []


def test_the_space_after_a_call_before_a_link_is_read(tmp_path):
    """A footnote call after a comma, then a space and a cited document's link ("2011,⁴ S-18/1" of
    75/193): WeasyPrint draws no glyph for the space where the link starts, only a gap beyond the
    call, which reads as a space wherever the call falls in its line."""
    words = "Recalling its resolutions 66/176 of 19 December 2011, and its other resolutions".split()
    paragraphs, notes = [], []
    for n in range(1, 9):
        lead = " ".join(words[:n])
        paragraphs.append(f"*{lead}* S-16/1 of 29 April 2011,[^{n}a] S-17/1 of 23 August 2011,[^{n}b] "
                          f"[S-18/1](https://undocs.org/en/A/HRC/RES/S-18/1) of 2 December 2011,[^{n}c] "
                          f"19/1 of 1 March 2012,")
        notes += [f"[^{n}{k}]: A/HRC/S-{n}/2." for k in "abc"]
    source = tmp_path / "A_HRC_RES_99_7.md"
    source.write_text(
        FRONT.replace("A/HRC/RES/99/1", "A/HRC/RES/99/7").replace('"99/1"', '"99/7"')
        + "\n*The Human Rights Council*,\n\n" + "\n\n".join(paragraphs)
        + "\n\n1. *Decides* to act.\n\n" + "\n".join(notes) + "\n", encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path), "--force", "-q", "--no-verify"]) == 0
    lines, _ = verify_source(str(source), str(tmp_path))
    assert lines == []


# The enacting formula, a note's call and the running header: edits that verify did not see --
# it compared neither the formula nor a call's printed number with its note's marker nor the
# DOCX's headers. Generated in every language: tests/test_verify_printed_edits.py.
FORMULA = ('formula: text "The Human Rights Counsel," where the source has "The Human Rights Council,"',)


def test_html_formula_changed(copy, expect):
    path = copy("html")
    edit_text(path, ("<em>The Human Rights Council</em>", "<em>The Human Rights Counsel</em>"))
    expect(path, *FORMULA)


def test_akn_formula_changed(copy, expect):
    path = copy("akn")
    edit_text(path, ("<i>The Human Rights Council</i>", "<i>The Human Rights Counsel</i>"))
    expect(path, *FORMULA)


def test_docx_formula_changed(copy, expect):
    path = copy("docx")
    doc = Docx(path)
    node = next(t for t in doc.paragraph("The Human Rights Council").iter(f"{{{W}}}t") if "Council" in t.text)
    node.text = node.text.replace("Council", "Counsel")
    doc.save()
    expect(path, *FORMULA)


def test_pdf_formula_changed(copy, expect):
    path = copy("pdf")
    pdf = Pdf(path)
    formula = next(o for o in pdf.objects if o["text"].startswith("The Human Rights Council"))
    pdf.rewrite(formula, "Council", "Counsel")
    pdf.save()
    expect(path, *FORMULA)


def test_html_call_number_changed(copy, expect):
    path = copy("html")
    edit_text(path, ('role="doc-noteref">1</a>', 'role="doc-noteref">7</a>'))
    expect(path, 'the call of note "1" prints "7"')


def test_docx_running_header_changed(copy, expect):
    path = copy("docx")
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    headers = sorted(name for name in parts if name.startswith("word/header")
                     and b"A/HRC/RES/38/3" in parts[name])
    assert headers
    parts[headers[0]] = parts[headers[0]].replace(b"A/HRC/RES/38/3", b"A/HRC/RES/38/8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    expect(path, f'running header in {headers[0]} reads "A/HRC/RES/38/8" where the masthead has "A/HRC/RES/38/3"')


def test_docx_page_number_field_changed(copy, expect):
    path = copy("docx")
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    footer = sorted(name for name in parts if name.startswith("word/footer") and b" PAGE " in parts[name])[0]
    parts[footer] = parts[footer].replace(b" PAGE ", b" NUMPAGES ").replace(b"<w:t>1</w:t>", b"<w:t>1</w:t><w:t> of 4</w:t>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    expect(path, f"page number field in {footer} is 'NUMPAGES', not PAGE")


# The AKN's metadata, what an archive reads (all of it, edited one value at a time, in
# tests/test_verify_printed_edits.py).
def test_akn_adoption_date_in_the_metadata_changed(copy, expect):
    path = copy("akn")
    edit_text(path, ('<FRBRdate date="2018-07-05" name="adoption"/>', '<FRBRdate date="2018-07-06" name="adoption"/>'))
    expect(path, 'FRBRWork FRBRuri "/akn/un/statement/deliberation/unga-hrc/2018-07-05/38-3" is not made of its '
           'values ("…/2018-07-06/38-3")',
           'metadata FRBRWork FRBRdate "2018-07-06" where the source has "2018-07-05"')


def test_akn_date_printed_otherwise_than_its_attribute(copy, expect):
    path = copy("akn")
    edit_text(path, ('date="2018-07-05" refersTo="#dateOfAdoption">5\u00a0July',
                     'date="2018-07-05" refersTo="#dateOfAdoption">6\u00a0July'))
    expect(path, 'docDate #dateOfAdoption date="2018-07-05" where its words read 2018-07-06',
           'printed: "5 July 2018" is not printed where the source\'s language data prints it')


def test_akn_reference_to_nothing(copy, expect):
    path = copy("akn")
    edit_text(path, ('<FRBRauthor href="#hrc" as="#author"/>', '<FRBRauthor href="#hrc" as="#authors"/>'))
    expect(path, 'FRBRauthor as="#authors" names nothing in the file')


# The AKN file the PDF carries (PDF/A-3): an archive that keeps the PDF alone keeps it.
def _attached(path, change) -> None:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for name, spec in pdf.attachments.items():
            stream = spec.obj.EF.F
            stream.write(change(stream.read_bytes()))
        pdf.save(path)


def test_pdf_carries_another_akn_than_the_akn_file(copy):
    path = copy("pdf")
    _attached(path, lambda data: data.replace(b"to support the funds;", b"to support the fonds;"))
    files = {fmt: (copy(fmt), copy(fmt)) for fmt in ("pdf", "akn")}
    found = differences(from_model(read_source(str(SOURCE)), str(SOURCE)), files)
    assert found == [f"{path}: the AKN file it carries is not {copy('akn')}"]


def test_pdf_alone_carries_an_akn_that_says_otherwise(copy):
    path = copy("pdf")
    _attached(path, lambda data: data.replace(b"to support the funds;", b"to support the fonds;"))
    found = differences(from_model(read_source(str(SOURCE)), str(SOURCE)), {"pdf": (path, path)})
    assert found == [f"{path} (the AKN file it carries): {WORD[0]}"]


def test_pdf_that_carries_no_akn_file(copy):
    path = copy("pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for name in list(pdf.attachments):
            del pdf.attachments[name]
        pdf.save(path)
    found = differences(from_model(read_source(str(SOURCE)), str(SOURCE)), {"pdf": (path, path)})
    assert found == [f"{path}: carries no one AKN file (its attachments: none)"]
