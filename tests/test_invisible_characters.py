"""Characters that are never drawn (Unicode's default-ignorable code points), typed in a source.

Each of them, inserted in a word of 38/3, either builds, its outputs read back as the source, or is
refused with the source's line and column, a code and the character named. Two did not: U+061C
ARABIC LETTER MARK in an English text, which Pango gives a face that has it (Amiri), was refused
as text "drawn with Amiri" with no character named and no line, though nothing visible was drawn
in that face; and a character that sets a direction by hand (an embedding, override or isolate)
whose paragraph then printed in another order than written was reported as a bug in unres
(O-VERIFY, exit 6): the source's character is the cause (E507, exit 3).
"""
from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import SOURCE_38_3
from unres.errors import EXIT_INPUT, SourceError, UnresError
from unres.model.ignorable import IGNORABLE_RANGES
from unres.pipeline.build import render_verified

TEXT = SOURCE_38_3.read_text(encoding="utf-8")
WORDS = "*Reaffirming* its commitment"
LINE = TEXT[:TEXT.index(WORDS)].count("\n") + 1


# Where the direction of text is set: every character of these ranges is tried (the marks, the
# embeddings and overrides, the isolates and the invisible operators beside them).
DIRECTIONAL = ((0x061C, 0x061C), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F))


def _code_points(ranges=IGNORABLE_RANGES) -> list[int]:
    """Every character of each range of five or fewer, and of the directional ranges; the first,
    second and last of the others."""
    out = []
    for first, last in ranges:
        whole = last - first < 5 or (first, last) in DIRECTIONAL
        out += range(first, last + 1) if whole else (first, first + 1, last)
    return out


CASES = [(code, "English") for code in _code_points()] + [(code, "Arabic") for code in _code_points(DIRECTIONAL)]


def _with(char: str, language: str = "English") -> str:
    text = TEXT.replace("\nlanguage: English", f"\nlanguage: {language}", 1)
    return text.replace(WORDS, f"*Reaffirming* its com{char}mitment", 1)


def _build(tmp_path, text: str, formats=("pdf",)):
    return render_verified(str(tmp_path / "res.md"), text.encode("utf-8"), formats, str(tmp_path / "out"))


@pytest.mark.parametrize("code, language", CASES, ids=[f"U+{code:04X}-{language}" for code, language in CASES])
def test_a_character_never_drawn_builds_or_is_refused_at_its_place(tmp_path, code, language):
    """(In Arabic, 38/3's English words are a run of the other direction, which a mark splits.)"""
    char = chr(code)
    try:
        _build(tmp_path, _with(char, language))
    except UnresError as refused:
        assert refused.exit_code != 6, [str(d) for d in refused.diagnostics]
        for diagnostic in refused.diagnostics:
            shown = str(diagnostic)
            assert diagnostic.loc is not None and diagnostic.loc.line == LINE, shown
            assert f"U+{code:04X} {unicodedata.name(char, '')}".rstrip() in shown, shown
            assert re.search(r"\[(E\d{3}|T-[A-Z-]+)\]$", shown), shown


def test_the_arabic_letter_mark_in_an_english_text_builds_and_reads_back(tmp_path):
    outputs, _warnings = _build(tmp_path, _with("\u061c"), ("pdf", "docx", "html", "akn"))
    assert set(outputs) == {"pdf", "docx", "html", "akn"}


# An override closed inside a word (its letters print reversed), and an embedding and an isolate
# left open after the italic words, which move the space after those words.
@pytest.mark.parametrize("words, name", [
    ("*Reaffirming* its \u202ecommit\u202cment", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("*Reaffirming*\u202b its commitment", "U+202B RIGHT-TO-LEFT EMBEDDING"),
    ("*Reaffirming*\u2067 its commitment", "U+2067 RIGHT-TO-LEFT ISOLATE")])
def test_a_direction_set_by_hand_that_reorders_its_paragraph_is_the_sources_error(tmp_path, words, name):
    text = TEXT.replace(WORDS, words, 1)
    with pytest.raises(SourceError) as refused:
        _build(tmp_path, text)
    assert refused.value.exit_code == EXIT_INPUT
    [diagnostic] = refused.value.diagnostics
    column = text.splitlines()[LINE - 1].index(chr(int(name[2:6], 16))) + 1
    assert (diagnostic.loc.line, diagnostic.loc.col, diagnostic.code) == (LINE, column, "E507")
    assert diagnostic.message.startswith(f"{name} sets by hand the direction of the text after it, and the "
                                         f"PDF output then prints its paragraph in another order than written: "
                                         f"preambular 1: text ")
    assert diagnostic.message.endswith("; delete it (unres gives each run of text its direction itself)")


def test_a_direction_set_by_hand_that_prints_as_written_builds(tmp_path):
    """An English name set apart in an Arabic sentence, as the writers set it themselves."""
    text = TEXT.replace("\nlanguage: English", "\nlanguage: Arabic", 1).replace(
        WORDS, "*Reaffirming* its \u2066Human Rights Council 12\u2069 commitment", 1)
    outputs, _warnings = _build(tmp_path, text, ("pdf", "html"))
    assert set(outputs) == {"pdf", "html"}
