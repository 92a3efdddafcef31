"""A line of the PDF may end where the source has no space: after "|" ("со|держащейся"), "?",
"…" or "}", before and after "—", before "´" (Unicode's line breaking, UAX #14, which the
layout follows). The PDF's text layer then shows a line end there, which its reader reads as a
space, and the comparison knew such places only after a list of characters (hyphens, dashes, "/",
"?", "!", "…", "]", "}"): a right PDF was refused as a bug (O-VERIFY). The comparison now asks the
layout's own line breaking where a line may end in the source's text.

Each case sets a word holding the character many times over, between words of other lengths, so
that lines end at the character; the test first proves from the PDF's text layer that one does."""
from __future__ import annotations

import random
import unicodedata

import pypdfium2
import pytest

from test_note_call_spacing import LANGUAGES, _source
from unres.errors import UnresError
from unres.pipeline.build import render_verified
from unres.verify.fingerprint import as_decomposed

FORMATS = ("akn", "html", "pdf", "docx")
# The character, and whether a line may end after it or before it with no space there.
CHARACTERS = {"|": "after", "?": "after", "!": "after", "…": "after", "}": "after",
              "—": "before", "´": "before"}
MIRRORED = {"}": "{"}


def _paragraph(language: str, character: str) -> str:
    # (no word with a "/" of its own, where lines would end instead)
    words = [word for word in LANGUAGES[language][0] if "/" not in word]
    draw = random.Random(f"{language}{character}")    # the same words on every run
    pieces = []
    for _ in range(80):
        filler = " ".join(draw.choices(words, k=draw.randint(1, 4)))
        pieces.append(f"{filler} {draw.choice(words)}{character}{draw.choice(words)}")
    return " ".join(pieces)


def _line_ends(pdf: bytes) -> list:
    """The text of each line of the PDF's pages, as its text layer gives it."""
    document = pypdfium2.PdfDocument(pdf)
    lines = []
    for page in document:
        text = page.get_textpage().get_text_range()
        lines += [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    return lines


CASES = [pytest.param(language, character, id=f"{language}-U+{ord(character):04X}")
         for language in ("Arabic", "English", "French", "Russian", "Spanish") for character in sorted(CHARACTERS)]


@pytest.mark.parametrize("language, character", CASES)
def test_a_line_ending_with_no_space_reads_back(tmp_path, language, character):
    text = _source(language, _paragraph(language, character), 0)
    try:
        outputs, _warnings = render_verified(str(tmp_path / "res.md"), text.encode(), FORMATS,
                                             str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics))
    lines = _line_ends(outputs["pdf"])
    # The case is met: a line ends at the character (or the next opens with it), in the words of
    # the paragraph, not at a space.
    # A right-to-left page draws "}" as its mirror, its text layer gives "…" as "..." and "´" as
    # its combining mark (test_rtl_compatibility_characters), and a line either way.
    forms = (character, MIRRORED.get(character, character), as_decomposed(character),
             unicodedata.normalize("NFKC", character).strip()) if language == "Arabic" else (character,)
    if language == "Arabic":
        met = [line for line in lines if line.endswith(forms) or line.startswith(forms)]
    elif CHARACTERS[character] == "after":
        met = [line for line in lines if line.endswith(forms)]
    else:
        met = [line for line in lines if line.startswith(forms)]
    assert met, f"no line of the PDF ends at {character!r}: {lines[:12]}"
