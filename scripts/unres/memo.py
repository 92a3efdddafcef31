"""``once``: a per-process cache that threads can share.

The first document of a process fills several costly caches (the compiled
AKN schema, WeasyPrint's fonts and stylesheet, DOCX's reference document).
A build fills them in a background thread while it reads the source, so a
second thread asking for the same value must wait for it, not compute it again.
"""
from __future__ import annotations

import functools
import threading


def once(func):
    """Cache ``func``'s result per arguments; concurrent first calls compute it once."""
    cached = functools.lru_cache(maxsize=None)(func)
    lock = threading.RLock()

    @functools.wraps(func)
    def wrapper(*args):
        with lock:
            return cached(*args)

    wrapper.cache_clear = cached.cache_clear
    return wrapper
