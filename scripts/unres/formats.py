"""The one table of output formats.

Adding a format means: a writer module with ``render(res, inputs) -> bytes``,
a template folder, a row here, an extractor in ``unres.check.extract`` and a
test. ``needs`` names formats whose bytes the writer takes as input (the PDF
embeds the AKN file), so the builder renders those first.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    binary: bool
    writer: str              # module under unres.writers
    template_dirs: tuple     # folders under templates/ whose change rebuilds this format
    needs: tuple = ()

    def render(self, res, inputs: dict) -> bytes:
        name = f"unres.writers.{self.writer}"
        if importlib.util.find_spec(name) is None:
            from .errors import tool_error
            raise tool_error(f"the {self.name} writer is not part of this version of unres", "T100")
        return importlib.import_module(name).render(res, inputs)


FORMATS = {
    f.name: f
    for f in (
        Format("akn", ".akn.xml", False, "akn", ("akn",)),
        Format("html", ".html", False, "html", ("html", "_partials")),
        Format("pdf", ".pdf", True, "pdf", ("pdf", "_partials", "akn"), needs=("akn",)),
        Format("docx", ".docx", True, "docx", ("docx",)),
    )
}
DEFAULT_FORMATS = ("pdf", "docx", "html", "akn")
