"""A heading with no words is refused at its line (E204), wherever it stands.

"### " alone (or "###", "### ###", or a heading of characters that are never drawn) passed the
reader as a heading with no text: the PDF printed nothing for it, and verify, missing it there,
refused the build as a bug in unres. It is now an error at the heading's line, as an empty
paragraph is.

Generated: every heading level, every way of typing no words, every place a heading stands.
"""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source

EMPTY = ["", " ", " \u200b", " \u00ad", " \u200f", " #", " ###", " \u2060 ##"]
ANNEX = "\n# Annex\n\n## Title of the annex\n\nWords of the annex.\n\n{h}\n\nMore words of the annex.\n"
ADOPTED = ("\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n*Noting* the report,[^a]\n\n"
           "*Adopts* the following text:\n\n> ## Title\n>\n> {h}\n>\n> Its words.\n\n[^a]: A/HRC/99/1.\n")
TABLE = "\n\n   {h}\n\n   | A | B |\n   |---|---|\n   | 1 | 2 |\n"
# Where a heading stands: between operative paragraphs, in an annex, in an adopted text, over a
# table under a paragraph's words; each at the levels it may have there.
PLACES = {
    "operative": (lambda h: BODY.replace("2. *Requests*", h + "\n\n2. *Requests*"), range(3, 7)),
    "annex": (lambda h: BODY + ANNEX.format(h=h), range(3, 7)),
    "adopted text": (lambda h: ADOPTED.format(h=h), range(3, 7)),
    "over a table": (lambda h: BODY.replace("3. *Decides* to remain seized of the matter.",
                                            "3. *Decides* to remain seized of the matter:" + TABLE.format(h=h)),
                     range(3, 7)),
    "a part's title": (lambda h: BODY.replace("*The Human Rights Council*,", "# A\n\n" + h + "\n\n*The Human Rights Council*,"),
                       [2]),
}
CASES = [(place, level, empty) for place, (_, levels) in PLACES.items() for level in levels for empty in EMPTY]


@pytest.mark.parametrize("place,level,empty", CASES)
def test_a_heading_with_no_words_is_refused_at_its_line(place, level, empty):
    heading = "#" * level + empty
    text = FRONT + PLACES[place][0](heading)
    lines = text.split("\n")
    line = next(n for n, typed in enumerate(lines, start=1) if typed.lstrip(" >") == heading)
    with pytest.raises(SourceError) as caught:
        read_source("res.md", text.encode("utf-8"))
    found = [d for d in caught.value.diagnostics if d.code == "E204"]
    assert [d.loc.line for d in found] == [line], caught.value.diagnostics
    assert "heading with no words" in found[0].message


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_heading_with_words_there_reads(place):
    make, levels = PLACES[place]
    read_source("res.md", (FRONT + make("#" * min(levels) + " Words of a heading")).encode("utf-8"))
