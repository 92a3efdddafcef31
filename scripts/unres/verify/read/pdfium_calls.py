"""The PDFium calls the PDF reader makes for each text object, each character of a text page and
each structure element: with every handle an address (a plain int), and, for the characters, with
no argument converted at all.

pypdfium2 declares each kind of handle as a pointer to a structure of its own, so each call
builds a pointer object for every handle it returns and checks the type of every handle it is
given; over a page's hundreds of text objects and structure elements that was a third of the
time spent walking its structure tree, and over the thousands of characters of a right-to-left
page, read one by one, a sixth of reading it. These are the same functions of the same library,
declared again on a handle of their own to it, so that pypdfium2's declarations stay as they are.
A handle from pypdfium2 (``page.raw``, ``textpage.raw``) is turned into an address by
:func:`address`; what a call fills is passed by its address.

The calls made for every character of a right-to-left page are declared with no argument types
at all (:func:`char_calls`): a declared argument is converted by a call of its type's own on every
call, and over a page's thousands of characters, each asked for by seven calls (now six, its size
once per text object), those conversions were a tenth of reading the page. The calls made for
every text object and structure element (:func:`object_calls`) are declared so too, and hand
back the handles they return as :class:`Handle` objects, which the next call takes as they are.
"""
from __future__ import annotations

import ctypes
from functools import lru_cache
from types import SimpleNamespace

_HANDLE, _INT, _ULONG = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong

# The calls made once per page or font, and by the right-to-left reader once per text object
# (pdf_rtl._styles): name: (result, arguments); each as in PDFium's public headers
# (fpdf_edit.h, fpdf_text.h, fpdf_structtree.h), with every pointer an address: a number, a box
# or a matrix the call fills is passed as ``ctypes.addressof`` of a value made once, which costs
# half of checking ``byref``'s type on every call.
_DECLARATIONS = {
    "FPDFPage_CountObjects": (_INT, (_HANDLE,)),
    "FPDFPageObj_GetMatrix": (_INT, (_HANDLE, _HANDLE)),
    "FPDFPageObj_GetMarkedContentID": (_INT, (_HANDLE,)),
    "FPDFTextObj_GetFontSize": (_INT, (_HANDLE, _HANDLE)),
    "FPDFTextObj_SetFontSize": (_INT, (_HANDLE, ctypes.c_float)),
    "FPDFTextObj_GetFont": (_HANDLE, (_HANDLE,)),
    "FPDFFont_GetGlyphWidth": (_INT, (_HANDLE, ctypes.c_uint32, ctypes.c_float, _HANDLE)),
    "FPDFFont_GetGlyphPath": (_HANDLE, (_HANDLE, ctypes.c_uint32, ctypes.c_float)),
    "FPDFGlyphPath_CountGlyphSegments": (_INT, (_HANDLE,)),
    "FPDFGlyphPath_GetGlyphPathSegment": (_HANDLE, (_HANDLE, _INT)),
    "FPDFPathSegment_GetPoint": (_INT, (_HANDLE, _HANDLE, _HANDLE)),
    "FPDFFont_GetBaseFontName": (ctypes.c_size_t, (_HANDLE, ctypes.c_char_p, ctypes.c_size_t)),
    "FPDFText_CountChars": (_INT, (_HANDLE,)),
    "FPDF_StructTree_GetForPage": (_HANDLE, (_HANDLE,)),
    "FPDF_StructTree_Close": (None, (_HANDLE,)),
    "FPDF_StructTree_CountChildren": (_INT, (_HANDLE,)),
}


def _library() -> ctypes.CDLL:
    """A handle of our own to the library pypdfium2 loaded: its functions are objects of their own,
    declared here without changing pypdfium2's."""
    from pypdfium2_raw import bindings

    return ctypes.CDLL(bindings._libs["pdfium"]._name)


@lru_cache(maxsize=None)
def calls() -> SimpleNamespace:
    """The functions above, by name, and ``FPDF_PAGEOBJ_TEXT``."""
    import pypdfium2.raw as pdfium_c

    library = _library()
    found = {}
    for name, (result, arguments) in _DECLARATIONS.items():
        function = getattr(library, name)
        function.restype, function.argtypes = result, arguments
        found[name] = function
    return SimpleNamespace(FPDF_PAGEOBJ_TEXT=pdfium_c.FPDF_PAGEOBJ_TEXT, **found)


# The calls made once per character of a text page (pdf_bidi.page_chars, pdf_rtl._styles; the
# size once per text object): name: result. Each takes the text page and the character's index,
# then what it fills.
_PER_CHARACTER = {
    "FPDFText_IsGenerated": _INT,
    "FPDFText_HasUnicodeMapError": _INT,
    "FPDFText_GetUnicode": ctypes.c_uint,
    "FPDFText_GetCharBox": _INT,
    "FPDFText_GetCharOrigin": _INT,
    "FPDFText_GetFontSize": ctypes.c_double,
    "FPDFText_GetLooseCharBox": _INT,
    "FPDFText_GetTextObject": _HANDLE,
}


@lru_cache(maxsize=None)
def char_calls() -> SimpleNamespace:
    """The per-character calls above, with their results declared and their arguments not:
    ctypes passes each argument as it is, so the text page must be given as a
    ``ctypes.c_void_p`` (:func:`text_page_handle`; a plain int would be passed as a C int,
    cut to 32 bits), the index as an int, and what a call fills as ``ctypes.byref`` of a value
    of the type the header names (``c_double``; ``FS_RECTF`` for the loose box)."""
    return _undeclared(_PER_CHARACTER)


class Handle(ctypes.c_void_p):
    """A handle as :func:`object_calls` return it: ctypes makes a result declared as ``c_void_p``
    an int, which a call with no argument types would pass as a C int, cut to 32 bits, and hands
    back a result of a subclass of it as the object itself, which any call passes as a pointer.
    It is false when null. Two handles to one object are two objects: it is no key to a dict
    (:func:`address` gives its address)."""


# The calls made for every text object of a page (pdf_textpage, pdf_text.pdf_fragments) and every
# element of its structure tree (pdf_text._page_structure), as :func:`char_calls` are declared:
# name: result. Each takes a Handle (or the ``c_void_p`` of a page or text page) and then, as the
# header names them, an int for an index, a ``c_ulong`` for a buffer's length, and ``byref`` of a
# value of the header's type for what it fills (``c_float``, ``FS_MATRIX``).
_PER_OBJECT = {
    "FPDFPage_GetObject": Handle,
    "FPDFPageObj_GetType": _INT,
    "FPDFPageObj_GetBounds": _INT,
    "FPDFPageObj_GetMatrix": _INT,
    "FPDFPageObj_GetMarkedContentID": _INT,
    "FPDFTextObj_GetFontSize": _INT,
    "FPDFTextObj_GetText": _ULONG,
    "FPDF_StructTree_GetChildAtIndex": Handle,
    "FPDF_StructElement_GetType": _ULONG,
    "FPDF_StructElement_GetMarkedContentIdCount": _INT,
    "FPDF_StructElement_GetMarkedContentIdAtIndex": _INT,
    "FPDF_StructElement_CountChildren": _INT,
    "FPDF_StructElement_GetChildAtIndex": Handle,
}


@lru_cache(maxsize=None)
def object_calls() -> SimpleNamespace:
    """The per-object calls above, with their results declared and their arguments not: over the
    35 English PDFs of the bench, 261,666 calls, each of which converted every argument (and made
    an int of every handle it returned) by a call of its type's own."""
    return _undeclared(_PER_OBJECT)


def _undeclared(results: dict) -> SimpleNamespace:
    library = _library()
    found = {}
    for name, result in results.items():
        function = getattr(library, name)
        function.restype = result
        found[name] = function
    return SimpleNamespace(**found)


def text_page_handle(textpage) -> ctypes.c_void_p:
    """A pypdfium2 text page's handle as :func:`char_calls` takes it."""
    return ctypes.c_void_p(address(textpage.raw))


def address(handle) -> int | None:
    """The address of a pypdfium2 handle (``page.raw``); None for a null one."""
    return ctypes.cast(handle, ctypes.c_void_p).value
