"""Importing WeasyPrint without a quarter of a second of library searches.

WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi, trying
up to six names per library. For each name that is not a file, cffi asks
``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and, on a
miss, a C compiler and the linker: about 12 ms a miss, 0.2-0.25 s for the
whole import. While WeasyPrint is imported, the search here reads ldconfig's
cache once and answers every name from it; a name that is not there is a miss
at once, and WeasyPrint goes on to the library's file name (``libpango-1.0.so.0``),
which the dynamic loader finds as usual. Where ``ldconfig`` cannot be run the
standard search is used unchanged.
"""
from __future__ import annotations

import ctypes.util
import os
import re
import struct
import subprocess
import sys
import threading

_lock = threading.Lock()
# ldconfig -p's label for the ABI of this interpreter's libraries, by machine and word size.
_ABI = {("x86_64", 8): "libc6,x86-64", ("ppc64", 8): "libc6,64bit", ("ppc64le", 8): "libc6,64bit",
        ("sparc64", 8): "libc6,64bit", ("s390x", 8): "libc6,64bit", ("ia64", 8): "libc6,IA-64",
        ("aarch64", 8): "libc6,AArch64"}


def _ldconfig_cache() -> bytes | None:
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            out = subprocess.run([ldconfig, "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"},
                                 timeout=10, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        return out
    return None


def _cached_search(cache: bytes):
    abi = _ABI.get((os.uname().machine, struct.calcsize("l")), "libc6").encode()

    def find_library(name: str):
        # A line of ``ldconfig -p`` reads "\tlibpango-1.0.so.0 (libc6,x86-64) => /usr/lib/...".
        found = re.search(rb"\s(lib" + re.escape(os.fsencode(name)) + rb"\.\S+) \(" + re.escape(abi)
                          + rb"[,)]", cache)
        return os.fsdecode(found.group(1)) if found else None
    return find_library


def load():
    """``import weasyprint``, with the library search above; returns the module."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    with _lock:
        cache = _ldconfig_cache() if sys.platform.startswith("linux") else None
        standard = ctypes.util.find_library
        if cache is not None:
            ctypes.util.find_library = _cached_search(cache)
        try:
            import weasyprint
        finally:
            ctypes.util.find_library = standard
    return weasyprint
