"""The fonts a PDF's text objects are drawn in, as both PDF readers (left-to-right and
right-to-left) look them up."""
from __future__ import annotations


def font_base_name(text_object, fonts: dict) -> str:
    """The base name of the font a text object is drawn in ("ABCDEF+Amiri-Italic"; "" when the
    file names none), looked up once per font: ``fonts`` keeps each font's name by its handle."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    key = ctypes.cast(font, ctypes.c_void_p).value
    base = fonts.get(key)
    if base is None:
        name = ctypes.create_string_buffer(256)
        got = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
        base = fonts[key] = name.value.decode("latin-1") if got else ""
    return base
