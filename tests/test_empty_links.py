"""A link that prints no text is refused at its line (E222), wherever it stands.

`[](https://…)` built: every output printed nothing where the link stood, and its address was
carried under no word (the HTML's `<a>` and the AKN's `<ref>` empty), where no reader sees it.
It is now an error at the link's line, as an empty heading or footnote is.

Generated: every way of typing no text (nothing, spaces, characters that are never drawn, empty
emphasis around them) in every place a link may stand.
"""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source

URL = "https://undocs.org/A/RES/75/1"
NO_TEXT = ["", " ", "\u200b", "\u00ad", "\u200f\u200e", "*\u2060*", "**\ufeff**", " \u034f ", "&#x200B;", "\u00a0"]
TABLE = "\n\n   ### Table\n\n   | A | B |\n   |---|---|\n   | 1 | {link} |\n"
# Where a link stands: a preambular and an operative paragraph, a sub-paragraph, a footnote, a
# table's cell under a paragraph, an annex's text.
PLACES = {
    "preamble": lambda link: BODY.replace("its resolution 1/1,", f"its resolution {link} 1/1,"),
    "operative": lambda link: BODY.replace("to act;", f"to act {link};"),
    "sub-paragraph": lambda link: BODY.replace("(i) first;", f"(i) first {link};"),
    "footnote": lambda link: BODY.replace("[^a]: A/HRC/99/1.", f"[^a]: See {link} A/HRC/99/1."),
    "table": lambda link: BODY.replace("3. *Decides* to remain seized of the matter.",
                                       "3. *Decides* to remain seized of the matter:" + TABLE.format(link=link)),
    "annex": lambda link: BODY + f"\n# Annex\n\n## Title of the annex\n\nWords {link} of the annex.\n",
}
CASES = [(place, text) for place in PLACES for text in NO_TEXT]


def _source(place: str, text: str) -> tuple[str, int]:
    link = f"[{text}]({URL})"
    source = FRONT + PLACES[place](link)
    line = next(n for n, typed in enumerate(source.split("\n"), start=1) if link in typed)
    return source, line


@pytest.mark.parametrize("place,text", CASES)
def test_a_link_that_prints_nothing_is_refused_at_its_line(place, text):
    source, line = _source(place, text)
    with pytest.raises(SourceError) as caught:
        read_source("res.md", source.encode("utf-8"))
    found = [d for d in caught.value.diagnostics if d.code == "E222"]
    assert [d.loc.line for d in found] == [line], caught.value.diagnostics
    assert "prints no text" in found[0].message and URL in found[0].message


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("text", ["A/RES/75/1", "*75/1*", "\u200b1"])
def test_a_link_with_text_there_reads(place, text):
    source, _line = _source(place, text)
    read_source("res.md", source.encode("utf-8"))
