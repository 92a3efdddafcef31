"""The PDF step's layout work that does not reach the PDF: pages laid out again to keep a
footnote on its call's page, and whole layouts thrown away for the same reason.

Measured from outside the writer, in the bench's own process only: WeasyPrint's page maker and
the writer's ``write_pdf`` are wrapped while :class:`Redone` is active, so a build never pays
for the counting.
"""
from __future__ import annotations

import os


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


class Redone:
    """CPU seconds of superseded layout work, per document (``start`` … ``seconds``)."""

    def __init__(self):
        self._made: list = []        # (page index, CPU) of every page made, in order
        self._discarded = 0.0        # CPU of layouts the writer threw away whole
        self._kept_pages = 0         # pages of the layout the writer drew
        self._undo: list = []

    def __enter__(self):
        from weasyprint.layout import page as pages

        from unres.writers.pdf import writer

        remake, write = pages.remake_page, writer.write_pdf

        def timed_page(index, *args, **kwargs):
            used = _cpu()
            result = remake(index, *args, **kwargs)
            self._made.append((index, _cpu() - used))
            return result

        def timed_write(*args, **kwargs):
            used, made = _cpu(), len(self._made)
            data, document = write(*args, **kwargs)
            if data is None:
                # Its pages are counted here, whole, not as pages made again.
                self._discarded += _cpu() - used
                del self._made[made:]
            else:
                self._kept_pages = len(document.pages)
            return data, document

        pages.remake_page, writer.write_pdf = timed_page, timed_write
        self._undo = [(pages, "remake_page", remake), (writer, "write_pdf", write)]
        return self

    def __exit__(self, *exc):
        for module, name, value in self._undo:
            setattr(module, name, value)

    def start(self) -> None:
        self._made.clear()
        self._discarded = 0.0
        self._kept_pages = 0

    def seconds(self) -> float:
        """Since ``start``: every page made but the last making of each page the PDF has, plus
        discarded layouts."""
        last = {index: n for n, (index, _cpu_used) in enumerate(self._made)}
        again = sum(used for n, (index, used) in enumerate(self._made)
                    if last[index] != n or index >= self._kept_pages)
        return again + self._discarded
