"""Getting a process ready to render before its first document needs it.

A fresh process pays about a second before its first output: importing
WeasyPrint (half of that), compiling the AKN schema, parsing the print
stylesheet, asking fontconfig for the fonts, building DOCX's reference
document. None of it depends on the document, so a build starts it in a
background thread while it reads the source (pandoc runs in its own process
meanwhile) and the schema compiles (libxml2 releases Python's lock), and the
pool's server process does it once for all of its workers.
"""
from __future__ import annotations

import importlib
import threading

from ..writers.pdf import weasyprint_loader

# What each format's writer imports. The PDF's machinery comes first: it is on the
# longest path of a build. The check's readers come last: they run after every writer.
FORMAT_MODULES = {
    "pdf": ["weasyprint", "unres.writers.pdf.writer", "barcode", "segno"],
    "akn": ["lxml.etree", "unres.writers.akn.writer"],
    "html": ["unres.writers.html.writer"],
    "docx": ["docx", "unres.writers.docx.writer"],
}
CHECK_MODULES = {"pdf": ["pypdfium2", "pikepdf.pdfa"]}
COMMON_MODULES = ["unres.readers.markdown.reader", "unres.verify.command"]
MODULES = ([m for names in FORMAT_MODULES.values() for m in names] + COMMON_MODULES
           + [m for names in CHECK_MODULES.values() for m in names])
ALL_FORMATS = tuple(FORMAT_MODULES)
_started = threading.Lock()
_thread: threading.Thread | None = None


def import_modules(names=MODULES) -> None:
    for name in names:
        try:
            if name == "weasyprint":
                weasyprint_loader.load()
            else:
                importlib.import_module(name)
        except ImportError:
            pass      # reported with its own message when the document needs it


def check_modules(formats) -> list:
    """What ``unres verify`` imports to read ``formats`` back."""
    return COMMON_MODULES + [m for f in formats for m in CHECK_MODULES.get(f, ())]


def _quietly(step) -> None:
    try:
        step()
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def _fill_pdf() -> None:
    from ..writers.pdf import fonts
    from ..writers import templating
    from ..writers.pdf import writer as pdf

    _quietly(lambda: pdf.stylesheet_for(templating.templates_dir()))
    _quietly(fonts.require)


def _fill_docx() -> None:
    from ..writers.docx import reference as docx_reference

    _quietly(docx_reference.reference_path)


# Caches a format's first document fills, beyond its imports.
FILL = {"pdf": _fill_pdf, "docx": _fill_docx}


def prepare_writer(fmt: str) -> None:
    """Import one writer's machinery and fill its caches (not those of the formats it needs)."""
    import_modules(FORMAT_MODULES.get(fmt, ()))
    if fmt in FILL:
        FILL[fmt]()


def prepare(formats=ALL_FORMATS, checks=None) -> None:
    """Import the modules and fill the caches that a first document of ``formats`` needs,
    with the check's readers for ``checks`` (by default the same formats). A failure is
    left for the build to report, with its own message, when it needs the part."""
    checks = formats if checks is None else checks
    schema = None
    if "akn" in formats or "pdf" in formats:     # the PDF embeds the AKN file
        from ..writers.akn import validate as akn_validate

        # libxml2 compiles the schema without holding Python's lock: it runs beside the rest.
        schema = threading.Thread(target=_quietly, args=(akn_validate.schema,), name="unres-schema")
        schema.start()
    if "pdf" in formats:
        prepare_writer("pdf")
    import_modules([m for f in formats for m in FORMAT_MODULES.get(f, ())] + check_modules(checks))
    if "docx" in formats:
        _fill_docx()
    if schema is not None:
        schema.join()


def prepare_in_background(formats=ALL_FORMATS, checks=None) -> None:
    """Start :func:`prepare` in a daemon thread, once per process."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=prepare, args=(tuple(formats), checks),
                                       name="unres-warm-up", daemon=True)
            _thread.start()
