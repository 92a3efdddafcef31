"""A line break that opens a block's text (a backslash alone on the line above its words) is E223
at the backslash's line.

Markdown reads a backslash at a line's end as a line break; at the top of a paragraph it is one
before any word, which every output would print as an empty line. Before the formula the reader
did not know the formula behind it, the PDF's reader did, and the build refused its own PDF as a
bug in unres (exit 6); before a preambular paragraph it built with an empty first line and a
warning that the paragraph did not open with italics. A line break between words is kept.
"""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT, make_source
from unres.errors import SourceError
from unres.model.document import LineBreak, walk_inlines
from unres.readers.markdown.reader import read_source

# (where, the text typed, what it replaces)
PLACES = {
    "before the formula": ("*The Human Rights Council*,", "\\\n*The Human Rights Council*,"),
    "before a preambular paragraph": ("*Recalling* its resolution 1/1,", "\\\n*Recalling* its resolution 1/1,"),
    "inside its opening italics": ("*Recalling* its resolution 1/1,", "*\\\nRecalling* its resolution 1/1,"),
    "before an operative paragraph's words": ("1. *Decides* to act;", "1. \\\n   *Decides* to act;"),
    "before a note's words": ("[^a]: A/HRC/99/1.", "[^a]: \\\n    A/HRC/99/1."),
}


@pytest.mark.parametrize("where", PLACES)
def test_a_line_break_that_opens_a_text_is_refused_at_its_line(tmp_path, where):
    old, new = PLACES[where]
    assert old in BODY
    path = make_source(tmp_path, FRONT, BODY.replace(old, new, 1))
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("\\\n")].count("\n") + 1
    with pytest.raises(SourceError) as refused:
        read_source(str(path))
    assert [(d.code, d.loc.line) for d in refused.value.diagnostics] == [("E223", line)]
    assert refused.value.diagnostics[0].message == (
        "a line break opens this text (a backslash ends the line above its first word): it would print an "
        "empty line before the words; delete the backslash")


def test_a_line_break_between_words_is_kept(tmp_path):
    path = make_source(tmp_path, FRONT, BODY.replace("*Recalling* its resolution", "*Recalling* its\\\nresolution", 1))
    res = read_source(str(path))
    assert any(isinstance(node, LineBreak) for node in walk_inlines(res.preamble[0].inlines))
