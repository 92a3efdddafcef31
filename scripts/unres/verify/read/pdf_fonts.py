"""The fonts a PDF's text objects are drawn in, as both PDF readers (left-to-right and
right-to-left) look them up."""
from __future__ import annotations

import ctypes

from .pdfium_calls import calls


def font_base_name(text_object: int, fonts: dict) -> str:
    """The base name of the font a text object (its address, ``pdfium_calls``) is drawn in
    ("ABCDEF+Amiri-Italic"; "" when the file names none), looked up once per font: ``fonts``
    keeps each font's name by its address."""
    pdfium = calls()
    font = pdfium.FPDFTextObj_GetFont(text_object)
    base = fonts.get(font)
    if base is None:
        name = ctypes.create_string_buffer(256)
        got = pdfium.FPDFFont_GetBaseFontName(font, name, len(name))
        base = fonts[font] = name.value.decode("latin-1") if got else ""
    return base
