"""Python's cyclic garbage collector, kept from work where it finds nothing.

Building a large tree of new objects (pandoc's JSON of a source is 0.5 to 1 MB of
dicts and lists) sets off a collection every 700 allocations, and every tenth one
walks the older objects too: in a warm worker that is WeasyPrint, the fonts and
the schema. A third of reading a source went to such passes, which free nothing:
the tree is alive until it is mapped onto the model.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager


@contextmanager
def paused():
    """No collection while the block runs (one that was off stays off). The objects
    it made are collected afterwards like any others."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_kept = False
_keeping = threading.Lock()


def keep_warm_objects() -> None:
    """Leave every object alive now out of later collections: what a worker's warm-up
    loaded (modules, fonts, stylesheets, the schema) lives as long as the process,
    and a worker forked afterwards shares those pages instead of copying them when a
    collection touches them.

    Once per process, and only after a collection: a frozen object is never freed, so
    garbage frozen with the rest (a finished document's layout, whose Pango objects
    hold far more memory outside Python than their wrappers do inside it) would stay
    for the life of the process. A Dask worker is warmed again each time a client
    registers the plugin, so a freeze per warm-up leaked one more such batch a build."""
    global _kept
    with _keeping:
        if _kept:
            return
        _kept = True
        gc.collect()
        gc.freeze()
