"""Words of another UN language's script (Arabic, Han) in a resolution whose language is set in
other faces: refused at their line (T-FONT-FALLBACK, as every character the faces lack), with
advice that can be followed.

The message told the user to "install a Liberation Serif that has them": none has, nor will;
unres sets Arabic script only in an Arabic version (Amiri) and Han only in a Chinese one (AR PL
UMing CN). It now names the script and says so, and asks for a Liberation Serif only for
characters such a face might have (a private-use character, a rare symbol).
"""
from __future__ import annotations

import pytest

from unres.errors import ToolError
from unres.readers.markdown.reader import read_source
from unres.writers.pdf import writer as pdf
from conftest import FRONT

BODY = "\n*The Human Rights Council*,\n\n*Noting* the words {words},\n\n1. *Decides* to act.\n"
ARABIC, HAN = "محمد ٣", "文件"


def _refusal(source_file, language: str, words: str):
    front = FRONT.replace("\nlanguage: English", f"\nlanguage: {language}", 1)
    assert f"\nlanguage: {language}" in front
    res = read_source(str(source_file(front=front, body=BODY.format(words=words))))
    with pytest.raises(ToolError) as refused:
        pdf.render(res, {"akn": b"<akomaNtoso/>"})
    [diagnostic] = refused.value.diagnostics
    return diagnostic, res


@pytest.mark.parametrize("language", ["English", "French", "Spanish", "Russian", "Chinese"])
def test_arabic_words_outside_an_arabic_version(source_file, language):
    diagnostic, res = _refusal(source_file, language, ARABIC)
    assert diagnostic.code == "T-FONT-FALLBACK" and diagnostic.loc == res.preamble[0].loc
    assert diagnostic.message.startswith("U+062D ARABIC LETTER HAH, U+062F ARABIC LETTER DAL, U+0645 ARABIC "
                                         "LETTER MEEM, U+0663 ARABIC-INDIC DIGIT THREE are not in ")
    assert diagnostic.message.endswith(": Arabic script, which unres sets only in a version in Arabic (in Amiri); "
                                       "write the Arabic words in the resolution's own script")
    assert "install" not in diagnostic.message


@pytest.mark.parametrize("language", ["English", "French", "Spanish", "Russian", "Arabic"])
def test_han_words_outside_a_chinese_version(source_file, language):
    diagnostic, res = _refusal(source_file, language, HAN)
    assert diagnostic.code == "T-FONT-FALLBACK" and diagnostic.loc == res.preamble[0].loc
    assert "U+4EF6 CJK UNIFIED IDEOGRAPH-4EF6, U+6587 CJK UNIFIED IDEOGRAPH-6587 are not in " in diagnostic.message
    assert diagnostic.message.endswith(": Han (Chinese) script, which unres sets only in a version in Chinese "
                                       "(in AR PL UMing CN); write the Han (Chinese) words in the resolution's "
                                       "own script")
    assert "install" not in diagnostic.message


def test_a_character_no_face_has_still_asks_for_a_font(source_file):
    diagnostic, _res = _refusal(source_file, "English", HAN + " \U000F0000")
    assert "no installed font has U+F0000" in diagnostic.message
    assert "install a Liberation Serif that has them; write the Han (Chinese) words" in diagnostic.message


@pytest.mark.parametrize("language, words", [("Arabic", ARABIC), ("Chinese", HAN)])
def test_each_script_in_its_own_version_builds(source_file, language, words):
    front = FRONT.replace("\nlanguage: English", f"\nlanguage: {language}", 1)
    res = read_source(str(source_file(front=front, body=BODY.format(words=words))))
    assert pdf.render(res, {"akn": b"<akomaNtoso/>"}).startswith(b"%PDF")
