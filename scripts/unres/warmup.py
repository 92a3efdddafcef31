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

# The PDF's machinery first: it is on the longest path of a build.
PDF_MODULES = ["weasyprint", "unres.writers.pdf"]
MODULES = PDF_MODULES + ["unres.readers.markdown", "unres.writers.akn", "unres.writers.html",
                         "lxml.etree", "docx", "unres.writers.docx", "pypdfium2", "unres.check.verify"]
_started = threading.Lock()
_thread: threading.Thread | None = None


def import_modules(names=MODULES) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            pass      # reported with its own message when the document needs it


def _quietly(step) -> None:
    try:
        step()
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def prepare() -> None:
    """Import the modules and fill the caches a first document needs. A failure is left for
    the build to report, with its own message, when it needs the part."""
    from . import akn_validate

    # libxml2 compiles the schema without holding Python's lock: it runs beside the rest.
    schema = threading.Thread(target=_quietly, args=(akn_validate.schema,), name="unres-schema")
    schema.start()
    import_modules(PDF_MODULES)
    from . import fonts, templating
    from .writers import pdf

    _quietly(lambda: pdf.stylesheet_for(templating.templates_dir()))
    _quietly(fonts.require)
    import_modules()
    from . import docx_reference

    _quietly(docx_reference.reference_path)
    schema.join()


def prepare_in_background() -> None:
    """Start :func:`prepare` in a daemon thread, once per process."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=prepare, name="unres-warm-up", daemon=True)
            _thread.start()
