"""Importing WeasyPrint without the parts of its import a build never uses.

Two costs of ``import weasyprint`` buy nothing here; this module avoids both.

WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi, trying
up to six names per library. For each name that is not a file, cffi asks
``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and, on a
miss, a C compiler and the linker: about 12 ms a miss, 0.2-0.25 s for the
whole import. While WeasyPrint is imported, the search here reads ldconfig's
cache once and answers every name from it; a name that is not there is a miss
at once, and WeasyPrint goes on to the library's file name (``libpango-1.0.so.0``),
which the dynamic loader finds as usual. Where ``ldconfig`` cannot be run the
standard search is used unchanged.

WeasyPrint's PDF writer also imports fontTools' subsetter and variable-font
instancer (0.13 s), which it calls only for fonts unres never embeds: variable
fonts, and subsetting when HarfBuzz's subsetter is missing. While WeasyPrint
is imported, those two modules are stand-ins (:class:`_Deferred`) that import
the real module the first time anything in it is used, so nothing changes if
WeasyPrint does need them; they leave ``sys.modules`` when the import is over.
"""
from __future__ import annotations

import ctypes.util
import importlib
import os
import re
import struct
import subprocess
import sys
import threading
import types

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


# Modules WeasyPrint imports but calls only for fonts a build never embeds, with the
# functions it takes from them by name at import time.
DEFERRED = {"fontTools.subset": (), "fontTools.varLib.instancer": ("instantiateVariableFont",)}


class _Deferred(types.ModuleType):
    """Stands for a module until something in it is used; then the real one is imported."""

    def __init__(self, name: str, functions=()):
        super().__init__(name)
        for function in functions:
            setattr(self, function, self._deferred_function(function))

    def _real(self):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def __getattr__(self, attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(self._real(), attr)

    def _deferred_function(self, name: str):
        def call(*args, **kwargs):
            return getattr(self._real(), name)(*args, **kwargs)
        call.__name__ = call.__qualname__ = name
        return call


def load():
    """``import weasyprint``, without the costs above; returns the module.

    Another thread may be importing it (a build's warm-up): a module found in
    ``sys.modules`` may not be initialised yet, so the lock and then the import
    statement, which waits for that thread, decide what is returned."""
    with _lock:
        if "weasyprint" not in sys.modules:
            _import_weasyprint()
    import weasyprint
    return weasyprint


def _import_weasyprint() -> None:
    """Import WeasyPrint with the look-ups answered from ldconfig's cache and the stand-ins."""
    cache = _ldconfig_cache() if sys.platform.startswith("linux") else None
    standard = ctypes.util.find_library
    if cache is not None:
        ctypes.util.find_library = _cached_search(cache)
    stand_ins = {name: _Deferred(name, functions) for name, functions in DEFERRED.items()
                 if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = standard
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]

