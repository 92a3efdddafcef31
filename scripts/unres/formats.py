"""The one table of output formats.

Adding a format means: a writer package with ``writer.render(res, inputs) -> bytes``,
a template folder, a row here, a reader for ``unres verify`` in ``unres.verify.read`` and
a test. A row names the reader (``module:function`` under ``unres.verify.read``) and
what the format's first document costs to get ready (``warm``: the outside modules its
writer imports; ``reader_warm``: those its reader imports; a writer's own ``warm()``
fills its caches), so the warm-up and the pool's server read this table and no other. ``needs`` names formats whose bytes the writer takes as input (the PDF
embeds the AKN file), so the builder renders those first. A writer whose work
is mostly an outside process may also offer ``start(res, inputs)``, returning
a function that finishes the bytes: the builder starts it before the others
and finishes it last, so the process runs while Python renders the rest.
A writer whose checks are slow (AKN: the schema) may split ``render`` into
``draft(res, inputs)`` and ``check(bytes)``: a format rendered in another
process then starts from the draft while the check runs here. A writer whose
render may run in another process may offer ``precompute(res, inputs)``,
returning the inputs with what this process can compute for it ahead.
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
    writer: str              # package under unres.writers, whose ``writer`` module renders
    template_dirs: tuple     # folders under templates/ whose change rebuilds this format
    needs: tuple = ()
    reader: str = ""         # "module:function" under unres.verify.read: the built file's fingerprint
    warm: tuple = ()         # outside modules the writer imports, in the order to import them
    reader_warm: tuple = ()  # outside modules the reader imports

    @property
    def writer_module(self) -> str:
        return f"unres.writers.{self.writer}.writer"

    @property
    def reader_module(self) -> str:
        return f"unres.verify.read.{self.reader.partition(':')[0]}"

    def extract(self, path):
        """The fingerprint ``unres verify`` reads from a built file of this format."""
        module = importlib.import_module(self.reader_module)
        return getattr(module, self.reader.partition(":")[2])(path)

    def render(self, res, inputs: dict) -> bytes:
        return self._writer().render(res, inputs)

    @property
    def starts_early(self) -> bool:
        """The writer offers ``start``: its work can run while other formats render."""
        return hasattr(self._writer(), "start")

    def start(self, res, inputs: dict):
        """Start the writer; returns a function that finishes and returns the bytes."""
        return self._writer().start(res, inputs)

    def precompute(self, res, inputs: dict) -> dict:
        """``inputs`` and what the writer can compute ahead, in this process, of a render
        that runs in another one (the PDF: its print page)."""
        writer = self._writer()
        return writer.precompute(res, inputs) if hasattr(writer, "precompute") else inputs

    @property
    def drafts(self) -> bool:
        """The writer offers ``draft`` and ``check``: its bytes exist before they are checked."""
        return hasattr(self._writer(), "draft")

    def draft(self, res, inputs: dict) -> bytes:
        """The bytes before the writer's own checks; ``check`` must pass them before use."""
        return self._writer().draft(res, inputs)

    def check(self, data: bytes) -> bytes:
        return self._writer().check(data)

    def _writer(self):
        name = self.writer_module
        if importlib.util.find_spec(name) is None:
            from .errors import tool_error
            raise tool_error(f"the {self.name} writer is not part of this version of unres", "T100")
        return importlib.import_module(name)


FORMATS = {
    f.name: f
    for f in (
        Format("akn", ".akn.xml", False, "akn", ("akn",), reader="akn:extract_akn", warm=("lxml.etree",)),
        Format("html", ".html", False, "html", ("html", "_partials"), reader="html:extract_html"),
        Format("pdf", ".pdf", True, "pdf", ("pdf", "_partials", "akn"), needs=("akn",),
               reader="pdf_layout:extract_pdf", warm=("weasyprint", "barcode", "segno"),
               reader_warm=("pypdfium2", "pikepdf.pdfa")),
        Format("docx", ".docx", True, "docx", ("docx",), reader="docx:extract_docx", warm=("docx",)),
    )
}
DEFAULT_FORMATS = ("pdf", "docx", "html", "akn")
