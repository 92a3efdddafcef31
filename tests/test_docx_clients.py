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

from unres.readers.markdown import read_source
from unres.writers import docx as docx_writer

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# `make check-clients` sets UNRES_REQUIRE_CLIENTS: there a missing LibreOffice fails the run.
REQUIRED = bool(os.environ.get("UNRES_REQUIRE_CLIENTS"))
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not REQUIRED,
    reason="LibreOffice (soffice) is not installed; "
           "apt-get install -y --no-install-recommends libreoffice-writer (or run make check-clients)")


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory):
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
    return [page.extract_text() for page in PdfReader(str(pdf)).pages]


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
    for words in ("United Nations", "General Assembly", "Distr.: General", "16\u00a0July\u00a02018",
                  "Original: English", "Resolution adopted by the Human Rights Council on 5\u00a0July\u00a02018"):
        assert words in first
    for later in pdf_pages[1:]:
        assert "A/HRC/RES/38/3" in later
