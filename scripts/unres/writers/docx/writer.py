"""DOCX writer: pandoc writes the body (real Word footnotes), python-docx finishes the page.

The result opens in Word and LibreOffice as an ordinary UN Geneva document
that an editor can keep working in: UNOG style names, literal paragraph
numbers, a masthead table, running headers with the symbol.
"""
from __future__ import annotations

from ...memo import once
from ...model import output_env
from ...model.document import Resolution
from ...model.presentation import presentation_for
from . import pandoc_ast as docx_ast, finish as docx_finish, body as docx_pandoc, reference as docx_reference


@once
def layout() -> dict:
    return docx_reference.load_yaml("page.yaml")


def warm(quietly) -> None:
    """Build the reference document every DOCX starts from."""
    quietly(docx_reference.reference_path)


def start(res: Resolution, inputs: dict[str, bytes]):
    """Start pandoc on the body and return a function that finishes the document:
    the builder renders the other formats while pandoc runs."""
    pres = presentation_for(res, inputs)
    body = docx_pandoc.start_docx(docx_ast.blocks(res, pres), str(docx_reference.reference_path()))
    env = output_env.of(inputs)
    return lambda: docx_finish.finish(body(), res, pres, layout(), env, docx_reference.styles_part())


def render(res: Resolution, inputs: dict[str, bytes]) -> bytes:
    return start(res, inputs)()
