"""The one table of output formats.

Adding a format means: a writer module with ``render(res, inputs) -> bytes``,
a template folder, a row here, an extractor in ``unres.check.extract`` and a
test. ``needs`` names formats whose bytes the writer takes as input (the PDF
embeds the AKN file), so the builder renders those first.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    binary: bool
    writer: str              # module under unres.writers
    template_dir: str        # folder under templates/
    needs: tuple = ()

    def render(self, res, inputs: dict) -> bytes:
        module = importlib.import_module(f"unres.writers.{self.writer}")
        return module.render(res, inputs)


FORMATS = {
    f.name: f
    for f in (
        Format("akn", ".akn.xml", False, "akn", "akn"),
        Format("html", ".html", False, "html", "html"),
        Format("pdf", ".pdf", True, "pdf", "pdf", needs=("akn",)),
        Format("docx", ".docx", True, "docx", "docx"),
    )
}
DEFAULT_FORMATS = ("pdf", "docx", "html", "akn")
