"""A Chinese text of many different characters builds, its fonts embedded as subsets.

HarfBuzz cannot subset AR PL UMing, the Chinese face, for some sets of glyphs; WeasyPrint then
embeds the whole TrueType collection it is kept in (21 MB), which no PDF may embed, and the PDF/A
check refused the build of a good source (O-VERIFY). Texts of 900 different characters drawn at
random from GB 2312's 3,755 common characters failed so every time (writers/pdf/font_subsets.py).
"""
from __future__ import annotations

import io
import random

import pikepdf
import pytest

from conftest import FRONT
from unres.pipeline.build import render_verified

# GB 2312's first level: the 3,755 characters of common use, from the codec, not from a file.
COMMON = [bytes([high, low]).decode("gb2312") for high in range(0xB0, 0xD8) for low in range(0xA1, 0xFF)
          if not (high == 0xD7 and low > 0xF9)]


def _source(characters: list) -> str:
    lines = ["".join(characters[at:at + 60]) for at in range(0, len(characters), 60)]
    body = "*人权理事会*，\n\n" + "".join(f"*回顾*{line}，\n\n" for line in lines) + "1. *决定*继续处理此问题。\n"
    return FRONT.replace("\nlanguage: English", "\nlanguage: Chinese") + "\n" + body


def _font_programs(pdf_bytes: bytes) -> dict:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        found = {}
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor" and "/FontFile2" in obj:
                found[str(obj.FontName)] = obj.FontFile2.read_bytes()
        return found


def test_the_common_characters_are_what_gb2312_says():
    assert len(COMMON) == 3755 and COMMON[0] == "啊" and COMMON[-1] == "座"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_many_different_chinese_characters_build_with_subset_fonts(tmp_path, seed):
    characters = random.Random(seed).sample(COMMON, 900)
    source = tmp_path / "res.md"
    text = _source(characters)
    source.write_text(text, encoding="utf-8")
    outputs, _ = render_verified(str(source), text.encode("utf-8"), ("pdf",), str(tmp_path / "out"))
    programs = _font_programs(outputs["pdf"])
    assert any("UMing" in name for name in programs), sorted(programs)
    for name, program in programs.items():
        # A font of its own (TrueType "\0\1\0\0"), not the collection ("ttcf"), and a subset.
        assert program[:4] == b"\x00\x01\x00\x00", (name, program[:4])
        assert len(program) < 2_000_000, (name, len(program))
    assert len(outputs["pdf"]) < 3_000_000
