"""A font HarfBuzz cannot subset is subset as WeasyPrint subsets it without HarfBuzz.

WeasyPrint embeds the part of each font a document uses, subset by HarfBuzz; where HarfBuzz
fails, it warns and embeds the whole font file. For AR PL UMing, the Chinese face, that file is
a TrueType collection of 21 MB: HarfBuzz fails on its glyph definitions (GDEF) for some sets of
glyphs that keep their ids (a Chinese text of some 900 different characters drawn from the
Council's resolutions), and a collection is no font a PDF may embed, so the PDF/A check refused
the build (O-VERIFY) of a good source. WeasyPrint's other subsetter, fontTools, which it uses
where HarfBuzz's is not installed, subsets the same glyphs of the same font in the collection
into a font of its own; it is asked only where HarfBuzz failed, so every other font is embedded
as before, byte for byte.
"""
from __future__ import annotations

from . import mends


def _falling_back(harfbuzz_subset):
    def subset_or_fonttools(self, to_unicode, hinting):
        whole = self.file_content
        harfbuzz_subset(self, to_unicode, hinting)
        if self.file_content is whole:      # HarfBuzz gave nothing: the file is as it was
            self._fonttools_subset(to_unicode, hinting)
    return subset_or_fonttools


def install() -> bool:
    """Put the fallback in place (once); False where WeasyPrint's fonts are not the ones this was
    written against (no HarfBuzz subsetter, or no fontTools one, of its own)."""
    from weasyprint.pdf.fonts import Font

    return mends.install(Font, _falling_back,
                         lambda current: getattr(current, "__module__", None) == Font.__module__
                         and callable(getattr(Font, "_fonttools_subset", None)),
                         "_harfbuzz_subset")
