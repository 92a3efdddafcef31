"""A paragraph of characters that are never drawn only (a zero-width space alone on its line) is
E204 at its line, as an empty paragraph is, wherever it stands, with the characters named.

It was read as a paragraph that prints nothing: before the operative part a preambular paragraph
(with warnings that it opened with no italics), in an annex a paragraph of the annex, and the
build refused its own outputs as a bug in unres (exit 6), since no output shows it; between
operative paragraphs it was "an unnumbered paragraph". A footnote of such characters is E306, as
before.
"""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT, make_source
from unres.errors import SourceError
from unres.model.ignorable import prints_nothing
from unres.readers.markdown.reader import read_source

# Characters never drawn, of several kinds: spaces and joiners of no width, a soft hyphen, a
# direction mark. (A variation selector alone is also E506 in an item: a mark opening its words.)
INVISIBLE = ["\u200b", "\u2060", "\u00ad", "\u200c", "\u200f", "\u200b\u2060"]
NAMES = {"\u200b": "U+200B ZERO WIDTH SPACE", "\u2060": "U+2060 WORD JOINER", "\u00ad": "U+00AD SOFT HYPHEN",
         "\u200c": "U+200C ZERO WIDTH NON-JOINER", "\u200f": "U+200F RIGHT-TO-LEFT MARK"}
ANNEX = "\n# Annex\n\nSome words of the annex.\n\n{x}\n\nMore words.\n"

# (where, what is replaced, by what; {x} the invisible characters)
PLACES = {
    "before the formula": ("*The Human Rights Council*,", "{x}\n\n*The Human Rights Council*,"),
    "in the preamble": ("*Noting* the report,[^a]", "*Noting* the report,[^a]\n\n{x}"),
    "between operative paragraphs": ("2. *Requests*", "{x}\n\n2. *Requests*"),
    "an operative paragraph's words": ("1. *Decides* to act;", "1. {x}"),
    "a sub-paragraph's words": ("(a) one;", "(a) {x}"),
    "in an annex": ("\n[^a]:", ANNEX + "\n[^a]:"),
}


@pytest.mark.parametrize("x", INVISIBLE, ids=lambda x: "+".join(f"U+{ord(c):04X}" for c in x))
@pytest.mark.parametrize("where", PLACES)
def test_a_paragraph_that_prints_nothing_is_refused_at_its_line(tmp_path, where, x):
    assert prints_nothing(x)
    old, new = PLACES[where]
    assert old in BODY
    path = make_source(tmp_path, FRONT, BODY.replace(old, new.format(x=x), 1))
    text = path.read_text(encoding="utf-8")
    at = text.index(x + "\n")
    line, col = text[:at].count("\n") + 1, at - text.rfind("\n", 0, at)
    with pytest.raises(SourceError) as refused:
        read_source(str(path))
    found = [(d.code, d.loc.line, d.loc.col, d.message) for d in refused.value.diagnostics]
    names = ", ".join(NAMES[c] for c in dict.fromkeys(x))
    assert found == [("E204", line, col, f"a paragraph of characters that are never drawn only ({names}): "
                                        "write its words or delete the line")]


def test_a_note_of_such_characters_is_still_e306(tmp_path):
    path = make_source(tmp_path, FRONT, BODY.replace("[^a]: A/HRC/99/1.", "[^a]: \u200b", 1))
    with pytest.raises(SourceError) as refused:
        read_source(str(path))
    assert [d.code for d in refused.value.diagnostics] == ["E306"]


def test_such_characters_beside_words_are_kept(tmp_path):
    from unres.model.document import plain_text

    path = make_source(tmp_path, FRONT, BODY.replace("*Noting* the report", "*Noting* the\u200b report", 1))
    assert "the\u200b report" in plain_text(read_source(str(path)).preamble[1].inlines)
