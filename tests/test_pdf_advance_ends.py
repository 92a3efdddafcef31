"""A glyph whose ink stops well short of its advance, joined to the next word drawn as a piece of
its own, is read with no space after it (verify/read/advance_ends.py): "during⒈the", "⒈" drawn
in Symbola, was read "during⒈ the" and the build refused as a bug in unres. Chinese full-width
punctuation is drawn so, its ink at the left of its em: "第9/1号、2011年", the year in the Latin
face, was read "第9/1号、 2011年", which the comparison let pass only because a space next to a
Chinese character is one it cannot know.

The characters are the fonts' own: every one the fallback face (Symbola) or the body face
(Liberation Serif, before a change to italics) draws with more than a fifth of an em between
its outline's right edge and its advance, as fontTools reads the installed files."""
from __future__ import annotations

import subprocess
import unicodedata

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from conftest import FRONT
from unres.errors import UnresError
from unres.formats import FORMATS as WRITERS
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")


def _font_file(family: str) -> str:
    return subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True,
                          check=True).stdout


def _wide_bearings(family: str) -> list:
    """Characters of the BMP (letters, numbers, punctuation, symbols) whose glyph in ``family``
    advances more than 0.2 em past its outline."""
    font = TTFont(_font_file(family))
    glyphs, metrics, em = font.getGlyphSet(), font["hmtx"], font["head"].unitsPerEm
    found = []
    for code, name in sorted(font.getBestCmap().items()):
        if not 0x20 < code <= 0xFFFF or unicodedata.category(chr(code))[0] not in "LNPS":
            continue
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        if pen.bounds and metrics[name][0] - pen.bounds[2] > 0.2 * em:
            found.append(chr(code))
    return found


SYMBOLA = _wide_bearings("Symbola")
LIBERATION = _wide_bearings("Liberation Serif")
# Every ninth of Symbola's (most are braille patterns) and every third of Liberation Serif's.
CASES = [("Symbola", ch) for ch in SYMBOLA[::9]] + [("Liberation Serif", ch) for ch in LIBERATION[::3]]

_TEXTS = {"English": ("*The Human Rights Council*,\n\n*Recalling* its resolutions,\n\n1. *Decides* {words};\n",
                      "during{c}the seminar", "during{c}*the* seminar"),
          "Russian": ("*Совет по правам человека*,\n\n*ссылаясь* на резолюции,\n\n1. *постановляет* {words};\n",
                      "в ходе{c}семинара", "в ходе{c}*семинара*")}


def test_the_fonts_have_such_glyphs():
    assert len(SYMBOLA) > 50 and "\u2488" in SYMBOLA, SYMBOLA[:20]
    assert len(LIBERATION) > 5 and "\u2192" in LIBERATION, LIBERATION


@pytest.mark.parametrize("language", sorted(_TEXTS))
@pytest.mark.parametrize("face, character", CASES, ids=[f"{face}-U+{ord(ch):04X}" for face, ch in CASES])
def test_a_glyph_short_of_its_advance_joined_to_the_next_word(tmp_path, language, face, character):
    body, plain, italic = _TEXTS[language]
    words = (plain if face == "Symbola" else italic).format(c=character)
    source = FRONT.replace("\nlanguage: English", f"\nlanguage: {language}") + "\n" + body.format(words=words)
    try:
        render_verified(str(tmp_path / "res.md"), source.encode(), FORMATS, str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))


@pytest.mark.parametrize("character", ["\u2488", "\u2192"])
def test_a_space_typed_after_such_a_glyph_is_still_read(tmp_path, character):
    body, plain, _italic = _TEXTS["English"]
    source = FRONT + "\n" + body.format(words=plain.format(c=character + " "))
    try:
        render_verified(str(tmp_path / "res.md"), source.encode(), FORMATS, str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))


# Each paragraph shorter than a line: a line's end is read as a space.
CHINESE = "*人权理事会*，\n\n*回顾*第9/1号、2011年和《宣言》(第169号)决议，\n\n1. *决定*：(a)身体虐待；(b)心理虐待；\n"


def test_chinese_punctuation_before_the_latin_face_is_read_as_printed(tmp_path):
    source = FRONT.replace("\nlanguage: English", "\nlanguage: Chinese") + "\n" + CHINESE
    outputs, _warnings = render_verified(str(tmp_path / "res.md"), source.encode(), FORMATS, str(tmp_path / "out"))
    items = WRITERS["pdf"].extract(outputs["pdf"]).items
    texts = [item.text for item in items]
    assert "回顾第9/1号、2011年和《宣言》(第169号)决议，" in texts, texts
    assert "决定：(a)身体虐待；(b)心理虐待；" in texts, texts
