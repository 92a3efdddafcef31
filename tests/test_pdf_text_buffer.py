"""verify's PDF reader reads each text object's text with one call to PDFium into a buffer kept
for the document (verify/read/pdf_text.py), asking again only for a longer text: it reads the
same fragments, page sizes and links as asking each text's length first and then its text, on
PDFs of the six languages, with buffers so small that most texts take the second way."""
from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from unres.cli import main as unres_main
from unres.verify.read import pdf_text

from conftest import CORPUS

ROOT = Path(__file__).resolve().parents[1]
SESSION = CORPUS / "un-akn-hrc" / "54session"
LANGUAGES = {"Arabic": "A", "Chinese": "C", "English": "E", "French": "F", "Russian": "R", "Spanish": "S"}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict:
    if not SESSION.is_dir():
        pytest.skip("the UN corpus is not here")
    work = tmp_path_factory.mktemp("pdf-text")
    sources = [ROOT / "source" / "A_HRC_RES_38_3.md"]
    for language, letter in LANGUAGES.items():
        xml = SESSION / language / f"A_HRC_RES_54_18{letter}.xml"
        sources.append(work / f"A_HRC_RES_54_18{letter}.md")
        assert unres_main(["import", str(xml), "-o", str(sources[-1]), "-q"]) == 0
    assert unres_main(["build", *map(str, sources), "-o", str(work / "out"), "--force", "-q", "-f", "pdf"]) == 0
    return {source.stem: (work / "out" / f"{source.stem}.pdf").read_bytes() for source in sources}


def _asking_the_length_first(monkeypatch) -> list:
    """The reader as it was: each text's length asked of PDFium, then its text. Returns the
    list of the lengths it was asked for, so that a test can see it was the one called."""
    from unres.verify.read.pdfium_calls import object_calls

    get_text = object_calls().FPDFTextObj_GetText
    asked: list = []

    def two_calls(raw, textpage, buffer, size):
        # (the reader passes the buffer's size as a c_ulong: its calls take no argument types)
        length = get_text(raw, textpage, None, ctypes.c_ulong(0))
        asked.append(length)
        if length <= 2 or length > size.value:
            return length
        exact = (ctypes.c_ushort * (length // 2))()
        get_text(raw, textpage, exact, ctypes.c_ulong(length))
        ctypes.memmove(buffer, exact, length)
        return length

    monkeypatch.setattr(object_calls(), "FPDFTextObj_GetText", two_calls)
    return asked


def _read(data: bytes) -> tuple:
    links: list = []
    frags, heights, widths, rtl = pdf_text.pdf_fragments(data, links)
    return ([tuple(getattr(f, slot) for slot in pdf_text._Frag.__slots__) for f in frags],
            heights, widths, rtl, links)


@pytest.mark.parametrize("size", [4, 8, 40, 4096])
def test_one_call_reads_what_two_read(pdfs, monkeypatch, size):
    for stem, data in pdfs.items():
        with monkeypatch.context() as patch:
            asked = _asking_the_length_first(patch)
            patch.setattr(pdf_text, "_TEXT_BUFFER", 1 << 20)
            before = _read(data)
            # (a right-to-left PDF is read character by character, not by text object)
            assert asked or before[3], f"{stem}: the reader did not ask PDFium through the call replaced"
        with monkeypatch.context() as patch:
            patch.setattr(pdf_text, "_TEXT_BUFFER", size)
            after = _read(data)
        assert after == before, (stem, size)
        assert before[0], stem
    # a buffer of 4 bytes holds no text: every text was read the second way, and some were
    # longer than 40 bytes
    text = pdf_text._Frag.__slots__.index("text")
    assert max(len(f[text]) for f in _read(pdfs["A_HRC_RES_38_3"])[0]) > 20
