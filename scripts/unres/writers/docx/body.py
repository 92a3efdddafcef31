"""pandoc's part of the DOCX output: the body, from pandoc's JSON AST.

The document goes to pandoc as JSON on stdin and comes back as DOCX on
stdout, so no source text is ever parsed as Markdown and no file is written.
:mod:`unres.pandoc` runs pandoc with ``--sandbox``; DOCX output survives it
because the pypandoc-binary build embeds its data files (tests/test_docx.py
renders through it). pandoc's own dates (core properties, zip entries) are
replaced by the finishing step.
"""
from __future__ import annotations

import json

from ... import pandoc, warm_pandoc
from ...memo import once


@once
def api_version() -> list:
    """The pandoc-types version this pandoc reads, asked of pandoc itself."""
    return json.loads(pandoc.run(["--from", "markdown", "--to", "json"], b""))["pandoc-api-version"]


@once
def default_reference() -> bytes:
    return pandoc.run(["--print-default-data-file", "reference.docx"], b"")


def start_docx(blocks: list, reference: str):
    """Start pandoc on the body; returns a function that waits for the DOCX bytes."""
    document = {"pandoc-api-version": api_version(), "meta": {}, "blocks": blocks}
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return warm_pandoc.start(data, "json", "docx", reference)


def to_docx(blocks: list, reference: str) -> bytes:
    return start_docx(blocks, reference)()
