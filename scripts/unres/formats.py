"""The one table of output formats.

Adding a format means: a writer package with ``writer.render(res, inputs) -> bytes``,
a template folder, a row here, a reader for ``unres verify`` in ``unres.verify.read`` and
a test. A row names the reader (``module:function`` under ``unres.verify.read``) and
what the format's first document costs to get ready (``warm``: the outside modules its
writer imports; ``reader_warm``: those its reader imports; a writer's own ``warm()``
fills its caches), so the warm-up and the pool's server read this table and no other. ``needs`` names formats whose bytes the writer takes as input (the PDF
embeds the AKN file), so the builder renders those first. What a writer may
offer beyond ``render`` to overlap its work with the others' is asked for only by
:mod:`unres.parallel.overlap`.
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
        return self.load_writer().render(res, inputs)

    def load_writer(self):
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
