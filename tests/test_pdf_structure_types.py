"""verify's PDF reader takes each structure element's type from PDFium into a buffer of 64 bytes
(verify/read/pdf_text.py). A type whose name does not fit (a role of the file's own, 32
characters or more, which PDFium gives as the file writes it when no role map names a standard
type for it) is asked for again into a buffer its size: it was read from whatever the buffer held
from the element before."""
from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium

from conftest import build_ok, make_source
from unres.verify.read import pdf_text
from unres.verify.read.pdfium_calls import address

LONG = "AParagraphTypeOfThisFilesOwnWithALongName"


def _structure(data: bytes) -> list:
    pdf = pdfium.PdfDocument(data)
    try:
        found = []
        for number in range(len(pdf)):
            page = pdf[number]
            blocks: dict = {}
            pdf_text._page_structure(address(page.raw), {}, blocks)
            found.append(blocks)
            page.close()
        return found
    finally:
        pdf.close()


def test_a_type_longer_than_the_buffer_is_read_whole(tmp_path):
    out = build_ok([make_source(tmp_path)], tmp_path / "out", "-f", "pdf")
    data = next(out.glob("*.pdf")).read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        renamed = 0
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == pikepdf.Name("/P"):
                obj.S = pikepdf.Name("/" + LONG)
                renamed += 1
        assert renamed
        changed = io.BytesIO()
        pdf.save(changed)
    before, after = _structure(data), _structure(changed.getvalue())
    assert [set(page) for page in after] == [set(page) for page in before]
    paths = {path for page in after for path, _running in page.values()}
    renamed_paths = {tuple(LONG if kind == "P" else kind for kind in path)
                     for page in before for path, _running in page.values()}
    # A type with no role map to a standard one is given as the file writes it, whole: each
    # block path has it where the untouched file has "P".
    assert paths == renamed_paths
    assert any(LONG in path for path in paths)
