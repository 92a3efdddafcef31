"""DOCX writer: pandoc writes the body (real Word footnotes), python-docx finishes the page.

The result opens in Word and LibreOffice as an ordinary UN Geneva document
that an editor can keep working in: UNOG style names, literal paragraph
numbers, a masthead table, running headers with the symbol.
"""
from __future__ import annotations

from functools import lru_cache

from .. import docx_ast, docx_finish, docx_pandoc, docx_reference
from ..model import Resolution
from ..presentation import present


@lru_cache(maxsize=1)
def layout() -> dict:
    return docx_reference.load_yaml("page.yaml")


def render(res: Resolution, inputs: dict[str, bytes]) -> bytes:
    pres = present(res)
    body = docx_pandoc.to_docx(docx_ast.blocks(res, pres),
                               str(docx_reference.reference_path()))
    return docx_finish.finish(body, res, pres, layout())
