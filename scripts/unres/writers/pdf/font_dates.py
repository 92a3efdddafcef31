"""The date an embedded font records as its last change, given by the PDF writer.

fontTools stamps a font it saves with ``head.modified`` = now, or the
environment's SOURCE_DATE_EPOCH: WeasyPrint has it save a font when it subsets
without HarfBuzz's subsetter, instantiates a variable font or drops a colour
font's images. The writer passes the document's instant instead (:func:`fonts_dated`),
for the write under way in this thread only, so that neither the environment
nor another thread's render is touched.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import threading
from contextlib import contextmanager

# fontTools' own seconds (since 1904) of the write under way in this thread; None outside a write.
_stamp: contextvars.ContextVar[int | None] = contextvars.ContextVar("font_stamp", default=None)
_lock = threading.Lock()


def _timestamp_now() -> int:
    from fontTools.misc import timeTools

    stamp = _stamp.get()
    return timeTools.timestampNow() if stamp is None else stamp


def _install() -> None:
    # fontTools is imported with WeasyPrint, not before it is needed.
    from fontTools.misc import timeTools
    from fontTools.ttLib.tables import _h_e_a_d

    with _lock:
        # Only the function this was written against: a fontTools that stamps otherwise is left alone.
        if _h_e_a_d.timestampNow is timeTools.timestampNow:
            _h_e_a_d.timestampNow = _timestamp_now


@contextmanager
def fonts_dated(instant: dt.datetime):
    """Fonts fontTools saves while the block runs (in this thread) record ``instant``."""
    from fontTools.misc import timeTools

    _install()
    token = _stamp.set(timeTools.timestampSinceEpoch(int(instant.timestamp())))
    try:
        yield
    finally:
        _stamp.reset(token)
