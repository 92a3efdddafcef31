"""A real word processor opens the DOCX: LibreOffice converts it to PDF.

Skips when LibreOffice is not installed (Debian: ``apt-get install -y
--no-install-recommends libreoffice-writer``).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from unres.readers.markdown.reader import read_source
from unres.writers.docx import writer as docx_writer

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# `make check-clients` sets UNRES_REQUIRE_CLIENTS: there a missing LibreOffice fails the run.
REQUIRED = bool(os.environ.get("UNRES_REQUIRE_CLIENTS"))
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not REQUIRED,
    reason="LibreOffice (soffice) is not installed; "
           "apt-get install -y --no-install-recommends libreoffice-writer (or run make check-clients)")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The DOCX of 38/3 as LibreOffice prints it (a PDF's path)."""
    if SOFFICE is None:
        pytest.fail("UNRES_REQUIRE_CLIENTS is set but LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("lo")
    res = read_source(str(ROOT / "source" / "A_HRC_RES_38_3.md"))
    docx = folder / "A_HRC_RES_38_3.docx"
    docx.write_bytes(docx_writer.render(res, {}))
    # A private profile: no clash with a running LibreOffice or another test run.
    profile = (folder / "profile").as_uri()
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        capture_output=True, timeout=120, check=False)
    pdf = folder / "A_HRC_RES_38_3.pdf"
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr.decode("utf-8", "replace")
    return pdf


@pytest.fixture(scope="module")
def pdf_pages(converted):
    return [page.extract_text() for page in PdfReader(str(converted)).pages]


def test_libreoffice_shows_paragraphs_1_to_31_in_order(pdf_pages):
    text = "\n".join(pdf_pages)
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s", text, flags=re.M)]
    assert numbers == list(range(1, 32))


def test_libreoffice_shows_the_footnote(pdf_pages):
    text = "\n".join(pdf_pages)
    assert "A/HRC/37/79." in text
    # The note sits on the page of paragraph 19, not at the end of the document.
    page = next(i for i, t in enumerate(pdf_pages) if re.search(r"^\s*19\.\s", t, flags=re.M))
    assert "A/HRC/37/79." in pdf_pages[page]


def test_libreoffice_shows_masthead_and_running_headers(pdf_pages):
    assert len(pdf_pages) >= 2
    first = pdf_pages[0]
    # Dates are set with no-break spaces so that no line breaks inside them; LibreOffice keeps them.
    # "Resolution adopted by …" wraps before the date, as in the PDF.
    for words in ("United Nations", "General Assembly", "Distr.: General", "16\u00a0July\u00a02018",
                  "Original: English", "Resolution adopted by the Human Rights Council on",
                  "5\u00a0July\u00a02018"):
        assert words in first
    for later in pdf_pages[1:]:
        assert "A/HRC/RES/38/3" in later


# ---------------------------------------------------------------- page one against our PDF
MM = 72 / 25.4
# Strings of page one, from the masthead to the first preambular paragraph.
PAGE_ONE = ["United Nations", "/HRC/RES/38/3", "General Assembly", "Distr.: General", "16 July 2018", "Original: English",
            "Human Rights Council", "Thirty-eighth session", "18 June–6 July 2018", "Agenda item 3",
            "Resolution adopted by the Human Rights Council", "38/3.", "Enhancement of international",
            "The Human Rights Council,", "Reaffirming its commitment"]


def _words(path, page: int) -> list:
    """(word, x mm, top mm) of a page's words, no-break spaces read as spaces."""
    import pdfplumber

    with pdfplumber.open(str(path)) as doc:
        return [(part, w["x0"] / MM, w["top"] / MM) for w in doc.pages[page].extract_words()
                for part in w["text"].replace("\u00a0", " ").split()]


def _where(words: list, text: str):
    tokens = text.split()
    for i in range(len(words)):
        if [w for w, _, _ in words[i:i + len(tokens)]] == tokens:
            return words[i][1:]
    raise AssertionError(f"{text!r} not found")


@pytest.fixture(scope="module")
def our_pdf(tmp_path_factory):
    from unres.writers.akn import writer as akn
    from unres.writers.pdf import writer as pdf

    res = read_source(str(ROOT / "source" / "A_HRC_RES_38_3.md"))
    path = tmp_path_factory.mktemp("ours") / "A_HRC_RES_38_3.pdf"
    path.write_bytes(pdf.render(res, {"akn": akn.render(res, {})}))
    return path


def test_page_one_strings_where_the_pdf_has_them(converted, our_pdf):
    """LibreOffice sets the masthead, the session block, the adoption line, the title and the
    first paragraphs within 3 mm of where our PDF sets them."""
    ours, theirs = _words(our_pdf, 0), _words(converted, 0)
    off = {text: tuple(round(b - a, 1) for a, b in zip(_where(ours, text), _where(theirs, text)))
           for text in PAGE_ONE}
    assert {text: d for text, d in off.items() if max(map(abs, d)) > 3.0} == {}


def test_footnote_text_where_the_pdf_has_it(converted, our_pdf):
    def note(path):
        import pdfplumber

        with pdfplumber.open(str(path)) as doc:
            for page in doc.pages:
                for w in page.extract_words():
                    if w["text"] == "A/HRC/37/79.":
                        return w["x0"] / MM
    assert note(converted) == pytest.approx(note(our_pdf), abs=3.0)


def test_later_pages_header_and_text_where_the_pdf_has_them(converted, our_pdf):
    for page in (1, 2):
        ours, theirs = _words(our_pdf, page), _words(converted, page)
        assert _where(theirs, "A/HRC/RES/38/3") == pytest.approx(_where(ours, "A/HRC/RES/38/3"), abs=3.0)
        body = [w for w in ours if w[2] > 25][0]          # the first word under the header
        assert min(t for _, _, t in theirs if t > 25) == pytest.approx(body[2], abs=3.0)
