"""The text the PDF's text layer gives a glyph drawn in a cluster with a mark.

A PDF names each glyph of a font once, for the whole document. WeasyPrint names a glyph by the
text of the first cluster it is drawn in; when a cluster has several glyphs (a letter and its
vowel sign), one of them is given the whole cluster's text and the others nothing. Amiri's
damma, first drawn on "أُ", was named "أُ" wherever it was drawn again, so "اعتُمد" was read
"اعتُأمد" from the page, and the letter it was drawn with was read as nothing.

Amiri's tatweel (the kashida, U+0640), first drawn in a run whose cluster spanned six of them
(S/RES/2732 (2024) in Arabic types "قبـــــــــــــل"), was named by all six, and every tatweel
of the document was read as six.

Before the fonts are written, each glyph whose name is empty, holds a mark (a combining
character) among other characters, or repeats one character, is named as the font itself says: the character its cmap
gives that glyph, or, for a form the font substitutes (a final letter, a ligature), the
characters of the glyphs it is substituted for. A glyph the font does not name one way is left
as WeasyPrint named it. Glyphs named by one plain character, as in every left-to-right text
without combining marks, are not touched.
"""
from __future__ import annotations

import hashlib
import io
import threading
import unicodedata

from ...memo import once

_lock = threading.Lock()
_names: dict = {}     # font file digest -> {glyph id: text}
_AMBIGUOUS = object()


def _needs_naming(text: str) -> bool:
    return text == "" or (len(text) > 1 and (any(unicodedata.combining(ch) for ch in text) or _is_run(text)))


def _is_run(text: str) -> bool:
    return len(text) > 1 and len(set(text)) == 1


def _substitutions(gsub) -> tuple[list, list]:
    """GSUB's single and alternate substitutions as (input, output) glyph names, and its
    ligatures as (components, ligature)."""
    singles, ligatures = [], []
    for lookup in gsub.LookupList.Lookup if gsub.LookupList else ():
        for sub in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:
                kind, sub = sub.ExtSubTable.LookupType, sub.ExtSubTable
            if kind == 1:
                singles.extend(sub.mapping.items())
            elif kind == 3:
                singles.extend((glyph, alternate) for glyph, alternates in sub.alternates.items()
                               for alternate in alternates)
            elif kind == 4:
                ligatures.extend(((first, *lig.Component), lig.LigGlyph)
                                 for first, ligs in sub.ligatures.items() for lig in ligs)
    return singles, ligatures


def font_names(data: bytes, index: int) -> dict:
    """{glyph id: the text the font says it stands for}, for the glyphs it says one text of."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), fontNumber=index, lazy=True)
    names: dict = {}
    for code, glyph in (font.getBestCmap() or {}).items():
        text = chr(code)
        names[glyph] = text if names.get(glyph, text) == text else _AMBIGUOUS
    singles, ligatures = _substitutions(font["GSUB"].table) if "GSUB" in font else ([], [])
    # A substituted form stands for what its input stands for; a form substituted for inputs
    # standing for different texts is left unnamed. Chains of forms are followed to the end.
    changed = True
    while changed:
        changed = False
        for source, target in singles:
            text = names.get(source)
            if text is None or text is _AMBIGUOUS or names.get(target) is _AMBIGUOUS:
                continue
            if target not in names:
                names[target], changed = text, True
            elif names[target] != text:
                names[target], changed = _AMBIGUOUS, True
        for components, target in ligatures:
            texts = [names.get(component) for component in components]
            if target in names or any(t is None or t is _AMBIGUOUS for t in texts):
                continue
            names[target], changed = "".join(texts), True
    return {font.getGlyphID(glyph): text for glyph, text in names.items() if text is not _AMBIGUOUS}


def _names_of(font) -> dict:
    key = hashlib.sha256(font.file_content).hexdigest(), font.index
    with _lock:
        if key not in _names:
            _names[key] = font_names(font.file_content, font.index)
        return _names[key]


def name_glyphs(fonts) -> None:
    """Rename, in each WeasyPrint font's text map, the glyphs named by a cluster's text."""
    for font in fonts:
        suspects = [glyph for glyph, text in font.to_unicode.items() if _needs_naming(text)]
        if not suspects:
            continue
        names = _names_of(font)
        for glyph in suspects:
            name = names.get(glyph)
            # A run is renamed only to a run of its own character: a font naming the glyph otherwise
            # ("..." drawn with the glyph of "…") would change the text a reader copies.
            if name is None or (_is_run(font.to_unicode[glyph]) and set(name) != set(font.to_unicode[glyph])):
                continue
            font.to_unicode[glyph] = name


@once
def install() -> None:
    """Names the glyphs in every PDF WeasyPrint writes in this process, before its fonts are."""
    import weasyprint.pdf as pdf

    original = pdf.build_fonts_dictionary

    def build_fonts_dictionary(pdf_, fonts, *args, **kwargs):
        name_glyphs(fonts.values())
        return original(pdf_, fonts, *args, **kwargs)

    pdf.build_fonts_dictionary = build_fonts_dictionary
