"""Read a fingerprint back from each built file, and one from the source model.

The readers here share no code with the writers: each one looks at the file
the way a reader of that format would (the PDF's visible text and its layout,
the DOCX's paragraphs and footnotes part, the HTML's elements, the AKN's
markup), so a writer's mistake cannot be repeated by its own checker.

What each reader provides (``Fingerprint.provides``): every field, for all
four formats. The PDF keeps italics as a font change, which is how its reader
recovers opening phrases; the PDF's embedded AKN attachment is never read.
"""
from __future__ import annotations

from .read.akn import extract_akn
from .read.docx import extract_docx
from .read.html import extract_html
from .read.pdf_layout import extract_pdf


# ---------------------------------------------------------------- the table
EXTRACTORS = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "html": extract_html,
    "akn": extract_akn,
}
