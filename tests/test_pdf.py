"""The PDF writer: the UN layout, PDF/A-3 with the AKN source inside, reproducible, locked down."""
from __future__ import annotations

import http.server
import io
import re
import struct
import threading
import zlib
from pathlib import Path

import pikepdf
import pypdf
import pytest

from unres.writers.pdf import fonts
from unres.errors import ToolError
from unres.writers.pdf.fetcher import AssetPolicy, RefusedURL
from unres.readers.markdown.reader import read_source
from unres.writers.templating import templates_dir
from unres.writers.akn import writer as akn
from unres.writers.pdf import writer as pdf

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
MM = 72 / 25.4
SYMBOL = "A/HRC/RES/38/3"


@pytest.fixture(scope="module")
def res():
    return read_source(str(SOURCE))


@pytest.fixture(scope="module")
def akn_bytes(res):
    return akn.render(res, {})


@pytest.fixture(scope="module")
def pdf_bytes(res, akn_bytes):
    return pdf.render(res, {"akn": akn_bytes})


@pytest.fixture(scope="module")
def reader(pdf_bytes):
    return pypdf.PdfReader(io.BytesIO(pdf_bytes))


def runs(page):
    """(x mm from left, y mm from top, size pt, text) of every text run on ``page``."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            height = float(page.mediabox.height)
            out.append((x / MM, (height - y) / MM, size * 0.75, text.strip()))

    page.extract_text(visitor_text=visit)
    return out


def band(page_runs, top, bottom):
    """The text of a page's runs between ``top`` and ``bottom`` mm from the top edge."""
    return " ".join(text for _, y, _, text in page_runs if top <= y <= bottom)


@pytest.fixture(scope="module")
def pages(reader):
    """(text, runs) of every page, extracted once: pypdf is slow at it."""
    return [(page.extract_text(), runs(page)) for page in reader.pages]


def squash(text):
    return " ".join(text.split())


# ---------------------------------------------------------------- layout and text
def test_a4_pages(reader):
    assert len(reader.pages) >= 4
    for page in reader.pages:
        assert round(float(page.mediabox.width) / MM) == 210
        assert round(float(page.mediabox.height) / MM) == 297


def test_masthead_on_page_one(pages):
    first = squash(pages[0][0])
    for expected in ("United Nations", SYMBOL, "General Assembly", "Distr.: General",
                     "16 July 2018", "Original: English", "Human Rights Council",
                     "Thirty-eighth session", "18 June–6 July 2018", "Agenda item 3",
                     "Resolution adopted by the Human Rights Council on 5 July 2018",
                     "38/3. Enhancement of international cooperation in the field of human rights",
                     "The Human Rights Council,"):
        assert expected in first, expected
    # The symbol's first element is large, the rest at body size.
    sizes = {text: size for _, _, size, text in pages[0][1]}
    assert round(sizes["A"]) == 20 and round(sizes["/HRC/RES/38/3"]) == 10
    assert round(sizes["United Nations"]) == 14 and round(sizes["General Assembly"]) == 20


def test_no_header_or_number_on_page_one(pages):
    assert not band(pages[0][1], 0, 10)
    assert not re.search(r"\d", band(pages[0][1], 259.5, 297))


def test_running_header_and_page_numbers(pages):
    for number, (_, page_runs) in enumerate(pages[1:], start=2):
        head = [(x, text) for x, y, _, text in page_runs if y < 30]
        foot = [(x, text) for x, y, _, text in page_runs if y > 259.5]
        assert [text for _, text in head] == [SYMBOL]
        assert [text for _, text in foot] == [str(number)]
        # Outer side: left on even pages, right on odd pages.
        if number % 2 == 0:
            assert head[0][0] == pytest.approx(20, abs=0.5) and foot[0][0] == pytest.approx(20, abs=0.5)
        else:
            assert head[0][0] > 150 and foot[0][0] > 180


def test_operative_numbers_start_paragraphs_in_order(pages):
    text = "\n".join(page_text for page_text, _ in pages)
    numbers = re.findall(r"^(\d+)\. +\S", text, flags=re.MULTILINE)
    assert numbers == [str(n) for n in range(1, 32)]
    # Number on the indented first line, turnover lines back at the text margin.
    starts = [(x, y) for _, page_runs in pages for x, y, _, text in page_runs
              if re.fullmatch(r"\d+\.", text)]
    assert starts and all(x == pytest.approx(50, abs=0.3) for x, _ in starts)


def test_body_column_and_size(pages):
    body = [(x, size) for x, y, size, _ in pages[2][1] if 30 < y < 259]
    assert min(x for x, _ in body) == pytest.approx(40, abs=0.3)
    assert {round(size) for _, size in body} == {10}


def test_footnote_on_the_page_of_its_call(pages):
    call_page = note_page = None
    for number, (page_text, page_runs) in enumerate(pages, start=1):
        if re.search(r"^19\. ", page_text, flags=re.MULTILINE):
            call_page = number
        for x, y, size, text in page_runs:
            if text.startswith("A/HRC/37/79"):     # the link, then its full stop
                note_page = number
                assert round(size) == 9 and x == pytest.approx(40, abs=0.3)
                assert y > 200   # at the foot of the page
    assert call_page is not None and call_page == note_page


def test_adoption_note_and_lists(pages):
    text = squash(" ".join(page_text for page_text, _ in pages[-2:]))
    assert "37th meeting 5 July 2018" in text
    assert ("[Adopted by a recorded vote of 28 to 14, with 3 abstentions. "
            "The voting was as follows:") in text
    assert re.search(r"In favour: Angola, Burundi, .* Venezuela \(Bolivarian Republic of\) "
                     r"Against: Australia, .* Northern Ireland Abstaining: Afghanistan, Brazil, "
                     r"Mexico\]", text)


# ---------------------------------------------------------------- PDF/A, fonts, attachment, tags
def test_every_font_embedded_and_liberation_serif(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as doc:
        seen = set()
        for page in doc.pages:
            for name, font in page.Resources.Font.items():
                descendants = font.get("/DescendantFonts") or [font]
                for leaf in descendants:
                    descriptor = leaf.FontDescriptor
                    assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                    seen.add(str(leaf.BaseFont).split("+", 1)[1])
        assert seen == {"Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic"}


def test_akn_attached_byte_equal(pdf_bytes, akn_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as doc:
        assert list(doc.attachments) == ["A_HRC_RES_38_3.akn.xml"]
        spec = doc.attachments["A_HRC_RES_38_3.akn.xml"]
        assert spec.get_file().read_bytes() == akn_bytes
        assert spec.obj.AFRelationship == pikepdf.Name.Source
        assert [str(f.F) for f in doc.Root.AF] == ["A_HRC_RES_38_3.akn.xml"]


def test_pdfa_metadata_and_tags(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as doc:
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == "Enhancement of international cooperation in the field of human rights"
        assert "/StructTreeRoot" in doc.Root
        assert doc.Root.MarkInfo.Marked is True
        assert str(doc.Root.Lang) == "en"
        assert "/OutputIntents" in doc.Root
        info = doc.docinfo
        assert str(info.Title) == "Enhancement of international cooperation in the field of human rights"
        assert str(info.Subject) == SYMBOL
        assert str(info.Author) == "Human Rights Council"
        assert str(info.CreationDate).startswith("D:20180716")


def test_reproducible(res, akn_bytes, pdf_bytes):
    assert pdf.render(res, {"akn": akn_bytes}) == pdf_bytes


def test_source_date_epoch_wins_and_is_restored(res, akn_bytes, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = pdf.render(res, {"akn": akn_bytes})
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert str(doc.docinfo.CreationDate).startswith("D:20231114")
    import os
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    pdf.render(res, {"akn": akn_bytes})
    assert "SOURCE_DATE_EPOCH" not in os.environ


# ---------------------------------------------------------------- fonts
def test_missing_font_is_an_error_that_says_how_to_install():
    with pytest.raises(ToolError) as err:
        fonts.require("No Such Serif Family")
    assert err.value.diagnostics[0].code == "T-FONT"
    assert "apt-get install fonts-liberation2" in str(err.value)


def test_no_silent_fallback_for_missing_glyphs(source_file):
    # 中 exists only in a CJK face (not the English one); U+F0000 (private use) in no font at all.
    body = "\n*The Human Rights Council*,\n\n*Noting* 中文 \U000F0000,\n\n1. *Decides* to act.\n"
    res = read_source(str(source_file(body=body)))
    with pytest.raises(ToolError) as err:
        pdf.render(res, {"akn": b"<akomaNtoso/>"})
    diag = err.value.diagnostics[0]
    assert diag.code == "T-FONT-FALLBACK"
    # The characters are named, and the message points at the paragraph that has them
    # (中 is in Symbola, one of the allowed faces; 文 is not).
    assert "U+6587 CJK UNIFIED IDEOGRAPH-6587 is not in Liberation Serif or Symbola" in diag.message
    assert "U+4E2D" not in diag.message and "would be drawn with" in diag.message
    assert "no installed font has U+F0000" in diag.message
    assert diag.loc == res.preamble[0].loc


def test_a_stray_character_in_a_footnote_or_the_title_is_located(source_file):
    from conftest import FRONT
    body = ("\n*The Human Rights Council*,\n\n*Noting* the report,[^1]\n\n1. *Decides* to act.\n\n"
            "[^1]: Written in हिन्दी.\n")
    res = read_source(str(source_file(body=body)))
    with pytest.raises(ToolError) as err:
        pdf.render(res, {"akn": b"<akomaNtoso/>"})
    assert err.value.diagnostics[0].loc == res.footnotes[0].loc
    assert "DEVANAGARI" in err.value.diagnostics[0].message
    titled = read_source(str(source_file(FRONT.replace("title: A test resolution", "title: On हिन्दी"))))
    with pytest.raises(ToolError) as err:
        pdf.render(titled, {"akn": b"<akomaNtoso/>"})
    assert err.value.diagnostics[0].loc.line == titled.meta.key_locs["title"].line


# ---------------------------------------------------------------- the fetcher
def test_policy_serves_templates_only(tmp_path):
    policy = AssetPolicy(templates_dir())
    css = templates_dir() / "pdf" / "print.css"
    assert policy.resolve(css.as_uri()) == css.resolve()
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    for url in ("file:///etc/passwd", "http://127.0.0.1:1/x.png", "https://example.org/a.css",
                "data:text/plain,hello", outside.as_uri(), "ftp://example.org/x",
                (templates_dir() / "pdf" / ".." / ".." / "pyproject.toml").as_uri(),
                "file://evil.example/" + str(css)):
        with pytest.raises(RefusedURL):
            policy.resolve(url)


def test_policy_refuses_symlinks_out_of_the_root(tmp_path):
    root = tmp_path / "templates"
    root.mkdir()
    (root / "passwd").symlink_to("/etc/passwd")
    with pytest.raises(RefusedURL):
        AssetPolicy(root).resolve((root / "passwd").as_uri())


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    _Counter.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counter.hits
    server.shutdown()
    server.server_close()


def test_links_in_the_text_are_never_fetched(source_file, local_server):
    base, hits = local_server
    body = ("\n*The Human Rights Council*,\n\n"
            f"*Noting* [a report]({base}/report.png) and [a file](file:///etc/passwd) "
            f"and <img src=\"{base}/image.png\">,\n\n1. *Decides* to act.\n")
    res = read_source(str(source_file(body=body)))
    data = pdf.render(res, {"akn": b"<akomaNtoso/>"})
    assert hits == []
    assert b"root:x:0:0" not in data


def test_weasyprint_gets_only_the_locked_fetcher(local_server, res):
    # Even markup that asks for remote and local files (which escaping keeps
    # out of real documents) loads nothing through the writer's fetcher.
    base, hits = local_server
    html = pdf.print_html(res, "2018-07-16").replace(
        "<main>",
        f'<link rel="stylesheet" href="{base}/x.css"><img src="{base}/x.png">'
        '<img src="file:///etc/passwd"><img src="data:image/png;base64,iVBORw0KGgo=">'
        f'<div style="background: url({base}/bg.png)"></div><main>', 1)
    data, _ = pdf.write_pdf(html, None, attachment="x.xml",
                            instant=pdf.document_instant(res.meta.issue_date))
    assert hits == []
    assert data.startswith(b"%PDF-")


def _png(width, height, rgb) -> bytes:
    """A small opaque PNG, built here so the tests ship no image."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _images(data: bytes) -> list:
    with pikepdf.open(io.BytesIO(data)) as doc:
        return [(int(o.Width), int(o.Height)) for o in doc.objects
                if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]


def test_no_emblem_ships(pdf_bytes):
    assert _images(pdf_bytes) == []


def test_configured_emblem_fills_the_slot(res, akn_bytes, tmp_path, monkeypatch):
    emblem = tmp_path / "emblem.png"
    emblem.write_bytes(_png(40, 32, (91, 146, 229)))
    monkeypatch.setenv("UNRES_EMBLEM", str(emblem))
    assert _images(pdf.render(res, {"akn": akn_bytes})) == [(40, 32)]
    monkeypatch.setenv("UNRES_EMBLEM", str(tmp_path / "emblem.gif"))
    with pytest.raises(ToolError):
        pdf.render(res, {"akn": akn_bytes})


def test_job_number_in_first_page_footer(res, akn_bytes):
    import dataclasses
    meta = dataclasses.replace(res.meta, job_number="GE.18-11661(E)")
    data = pdf.render(dataclasses.replace(res, meta=meta), {"akn": akn_bytes})
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert band(runs(reader.pages[0]), 259.5, 297) == "GE.18-11661(E)"
    assert "GE.18" not in band(runs(reader.pages[1]), 259.5, 297)


def test_parts_and_annex_render(res):
    from test_html import parts_and_annex
    data = pdf.render(parts_and_annex(res), {"akn": b"<akomaNtoso/>"})
    text = squash(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
    assert re.search(r"A Title of part A .* B Title of part B .* Annex Guidelines Scope "
                     r"Plain text\. 1\. Numbered text\.", text)


def test_footnote_rules_loosen_the_page_first_then_break_before_the_block():
    """When WeasyPrint moves a note off its call's page, the writer first lets that page's
    blocks leave single lines (and the note push its line over); if the note moves again,
    its calling block starts a page. Ids that are not plain words never reach the CSS."""
    from types import SimpleNamespace

    from unres.writers.pdf.writer import _FootnoteRules

    page = SimpleNamespace(anchors={"para_1": 0, "para_2": 0, "bad id;}": 0})
    note = SimpleNamespace(eid="para_2__authorialNote_1", called_from="para_2")
    rules = _FootnoteRules()
    rules.add([(note, 1, 2)], [page])
    assert rules.css() == ("#para_1, #para_1 p, #para_2, #para_2 p { orphans: 1; widows: 1; }",
                           "#para_2__authorialNote_1 { footnote-policy: line; }")
    rules.add([(note, 1, 2)], [page])
    assert rules.css()[-1] == "#para_2 { break-before: page; }"
    assert len(rules.css()) == 3


def test_weasyprint_library_search_answers_like_ctypes_and_is_put_back():
    import ctypes.util

    from unres.writers.pdf import weasyprint_loader

    cache = weasyprint_loader._ldconfig_cache()
    if cache is None:
        pytest.skip("ldconfig -p cannot be run here: the standard library search is used")
    search = weasyprint_loader._cached_search(cache)
    for name in ("pango-1.0", "harfbuzz", "fontconfig", "gobject-2.0"):
        assert search(name) == ctypes.util.find_library(name) is not None
    # Names WeasyPrint tries first that are no library's: misses, without running a compiler.
    assert search("libpango-1.0-0") is None and search("pango-1.0-0") is None
    standard = ctypes.util.find_library
    weasyprint = weasyprint_loader.load()
    assert ctypes.util.find_library is standard
    from weasyprint.text import ffi
    assert ffi.pango is not None and ffi.harfbuzz is not None and weasyprint.HTML


def _in_fresh_python(probe: str) -> str:
    """Run ``probe`` in a new interpreter (nothing imported yet); returns what it printed."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_fonttools_parts_weasyprint_rarely_uses_load_when_used():
    """The subsetter and the instancer are stand-ins until WeasyPrint uses them (a variable
    font, no HarfBuzz subsetter): then they are the real modules, and nothing else sees them."""
    printed = _in_fresh_python(
        "import sys\n"
        "from unres.writers.pdf import weasyprint_loader\n"
        "weasyprint_loader.load()\n"
        "from weasyprint.pdf import fonts\n"
        "assert 'fontTools.subset' not in sys.modules and 'fontTools.varLib.instancer' not in sys.modules\n"
        "import fontTools.subset\n"
        "assert type(fontTools.subset).__name__ == 'module'\n"
        "assert fonts.subset.Options is fontTools.subset.Options\n"
        "import traceback\n"
        "from fontTools.ttLib import TTFont\n"
        "try:\n"
        "    fonts.instantiateVariableFont(TTFont(), {})\n"
        "except Exception as exc:\n"
        "    print(any('varLib/instancer' in frame.filename\n"
        "              for frame in traceback.extract_tb(exc.__traceback__)))\n"
        "import fontTools.varLib.instancer as real\n"
        "assert type(real).__name__ == 'module' and fonts.instantiateVariableFont.__name__ == 'instantiateVariableFont'\n"
    )
    # The call reached fontTools' own instancer, which refused an empty font.
    assert printed.strip() == "True", printed


def test_weasyprint_loaded_while_another_thread_imports_it_is_whole():
    """A build's warm-up thread may be importing WeasyPrint when the render asks for it:
    the render must wait for the module, not take it half initialised."""
    _in_fresh_python(
        "import sys, threading, time\n"
        "from unres.writers.pdf import weasyprint_loader\n"
        "warm = threading.Thread(target=weasyprint_loader.load)\n"
        "warm.start()\n"
        "while 'weasyprint' not in sys.modules:\n"
        "    time.sleep(0.0002)\n"
        "module = weasyprint_loader.load()\n"
        "assert hasattr(module, 'Document') and hasattr(module, 'HTML'), 'half initialised'\n"
        "warm.join()\n"
    )


def test_pdf_streams_are_compressed_at_level_six():
    """pydyf asks zlib for level 9; while the PDF writer writes, its streams are level 6
    (measured 3.7 times faster for 2 % more bytes), and still FlateDecode that reads back."""
    import re
    import zlib

    from unres.writers.pdf import weasyprint_loader
    from unres.writers.pdf.compression import STREAM_LEVEL, streams_at
    weasyprint_loader.load()
    import pydyf

    assert STREAM_LEVEL == 6
    sample = b"Requests the High Commissioner to report thereon. " * 400
    with streams_at(STREAM_LEVEL):
        stream = pydyf.Stream([sample], compress=True)
        packed = re.search(rb"stream\n(.*)\nendstream", stream.data, re.S).group(1)
    assert zlib.decompress(packed) == sample
    assert packed == zlib.compress(sample, 6) and packed != zlib.compress(sample, 9)
    assert pydyf.zlib.crc32(b"x") == zlib.crc32(b"x")     # the rest of zlib is zlib's own


def test_loading_weasyprint_leaves_pdf_compression_alone():
    """Importing WeasyPrint through the loader changes nothing in pydyf: outside the writer's
    write a stream is compressed at the level pydyf asks for."""
    _in_fresh_python(
        "import re, zlib\n"
        "from unres.writers.pdf import weasyprint_loader\n"
        "weasyprint_loader.load()\n"
        "import pydyf\n"
        "sample = b'Requests the High Commissioner to report thereon. ' * 400\n"
        "data = pydyf.Stream([sample], compress=True).data\n"
        "packed = re.search(rb'stream\\n(.*)\\nendstream', data, re.S).group(1)\n"
        "assert packed == zlib.compress(sample, 9), 'loading WeasyPrint changed the compression'\n"
    )


def test_pdf_is_the_same_whatever_imported_weasyprint_first(tmp_path, source_file):
    """The PDF's bytes do not depend on who imported WeasyPrint: the loader, or a plain
    ``import weasyprint`` before unres is used."""
    source = source_file()
    built = {}
    for first in ("from unres.writers.pdf import weasyprint_loader; weasyprint_loader.load()",
                  "import weasyprint"):
        out = tmp_path / str(len(built))
        _in_fresh_python(
            f"{first}\n"
            "from unres.cli import main\n"
            f"raise SystemExit(main(['build', {str(source)!r}, '-o', {str(out)!r}, '-f', 'pdf', '-j', '1', '-q']))\n"
        )
        built[first] = (out / "res.pdf").read_bytes()
    assert len(set(built.values())) == 1
    # and at the writer's level: a page's content stream is zlib's level 6 of what it holds
    import zlib

    import pikepdf
    from unres.writers.pdf.compression import STREAM_LEVEL
    with pikepdf.open(out / "res.pdf") as pdf:
        contents = pdf.pages[0].obj.Contents
        assert contents.read_raw_bytes() == zlib.compress(contents.read_bytes(), STREAM_LEVEL)


def test_render_leaves_the_environment_alone(res, monkeypatch):
    """The document's instant is passed to what needs it, not set in ``os.environ`` while
    WeasyPrint runs (another thread of the process would see it)."""
    import os

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    seen = []

    def keep(_document):
        seen.append(dict(os.environ))
        return True
    data, _ = pdf.write_pdf(pdf.print_html(res, "2018-07-16"), None, attachment="x.xml",
                            instant=pdf.document_instant(res.meta.issue_date), keep=keep)
    assert data.startswith(b"%PDF-")
    assert seen == [dict(os.environ)]


def test_fonts_saved_by_fonttools_record_the_documents_instant(res, monkeypatch):
    """Without HarfBuzz's subsetter WeasyPrint subsets with fontTools, which stamps the font
    it saves: the embedded font records the document's instant, not the time of the build."""
    from fontTools.misc.timeTools import timestampSinceEpoch
    from fontTools.ttLib import TTFont
    from weasyprint.pdf import fonts as weasyprint_fonts

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(weasyprint_fonts, "harfbuzz_subset", None)
    instant = pdf.document_instant(res.meta.issue_date)
    data, _ = pdf.write_pdf(pdf.print_html(res, "2018-07-16"), None, attachment="x.xml", instant=instant)
    stamps = set()
    with pikepdf.open(io.BytesIO(data)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor" \
                    and "/FontFile2" in obj:
                stamps.add(TTFont(io.BytesIO(obj.FontFile2.read_bytes()))["head"].modified)
    assert stamps == {timestampSinceEpoch(int(instant.timestamp()))}
