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

from .. import collector
from ..formats import FORMATS
from ..writers.pdf import weasyprint_loader

# The PDF's machinery comes first: it is on the longest path of a build (a format that
# needs another's bytes). The check's readers come last: they run after every writer.
ALL_FORMATS = tuple(sorted(FORMATS, key=lambda name: not FORMATS[name].needs))
COMMON_MODULES = ["unres.readers.markdown.reader", "unres.verify.command"]


def writer_modules(fmt: str) -> list:
    """What a format's writer imports: its outside modules, then the writer itself."""
    spec = FORMATS[fmt]
    return [*spec.warm, spec.writer_module]


MODULES = ([m for f in ALL_FORMATS for m in writer_modules(f)] + COMMON_MODULES
           + [m for f in ALL_FORMATS for m in (FORMATS[f].reader_module, *FORMATS[f].reader_warm)])
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
    return COMMON_MODULES + [m for f in formats for m in (FORMATS[f].reader_module, *FORMATS[f].reader_warm)]


def _quietly(step) -> None:
    try:
        step()
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def _fill(fmt: str) -> None:
    """The caches a format's first document fills beyond its imports (the writer's ``warm``)."""
    writer = importlib.import_module(FORMATS[fmt].writer_module)
    if hasattr(writer, "warm"):
        writer.warm(_quietly)


def prepare_writer(fmt: str) -> None:
    """Import one writer's machinery and fill its caches (not those of the formats it needs)."""
    import_modules(writer_modules(fmt))
    _quietly(lambda: _fill(fmt))


def prepare(formats=ALL_FORMATS, checks=None) -> None:
    """Import the modules and fill the caches that a first document of ``formats`` needs,
    with the check's readers for ``checks`` (by default the same formats). A failure is
    left for the build to report, with its own message, when it needs the part."""
    checks = formats if checks is None else checks
    wanted = list(dict.fromkeys(dep for fmt in formats for dep in (*FORMATS[fmt].needs, fmt)))
    # A format another one embeds (the AKN, in the PDF) is readied beside the rest: its writer's
    # warm-up (the schema) runs in libxml2 without holding Python's lock.
    needed = [fmt for fmt in wanted if any(fmt in FORMATS[other].needs for other in wanted)]
    beside = [threading.Thread(target=prepare_writer, args=(fmt,), name=f"unres-warm-{fmt}")
              for fmt in needed]
    for thread in beside:
        thread.start()
    for fmt in sorted((f for f in wanted if f not in needed), key=lambda f: not FORMATS[f].needs):
        prepare_writer(fmt)
    import_modules(check_modules(checks))
    for thread in beside:
        thread.join()
    collector.keep_warm_objects()


def prepare_in_background(formats=ALL_FORMATS, checks=None) -> None:
    """Start :func:`prepare` in a daemon thread, once per process."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=prepare, args=(tuple(formats), checks),
                                       name="unres-warm-up", daemon=True)
            _thread.start()
