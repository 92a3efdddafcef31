"""What a table's cell may hold: a link builds; a footnote's call is refused at its place (E308).

A link typed in a cell was printed as a link by every format, but the source's list of links left
cells out, and verify refused the build as a bug in unres ("link … not in the source"). A note
called from a cell was refused as a bug in unres by three readers at once: the PDF read the call
as the cell's words ("x1"), the AKN and DOCX placed the call elsewhere. The UN's files never call a
note from a cell (none of the 1,662 corpus and unseen files does: a table's notes are paragraphs
under it), so a source that does is told where and what to do instead.

Generated: a table in each place one stands, the link or the call in its heading row or a body row.
"""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT, rendered_verified
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source

TABLE = "| A | B |\n|---|---|\n| x | y |"
ANNEX = "\n# Annex\n\n## Title of the annex\n\nWords of the annex.\n\n{t}\n\nMore words of the annex.\n"
ADOPTED = ("\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n*Noting* the report,[^a]\n\n"
           "*Adopts* the following text:\n\n> ## Title\n>\n> Its words.\n>\n{t}\n\n[^a]: A/HRC/99/1.\n")
PLACES = {
    "an annex": lambda t: BODY + ANNEX.format(t=t),
    "under a paragraph's words": lambda t: BODY.replace(
        "3. *Decides* to remain seized of the matter.",
        "3. *Decides* to remain seized of the matter:\n\n" + "\n".join("   " + line for line in t.split("\n"))),
    "an adopted text": lambda t: ADOPTED.format(t="\n".join("> " + line for line in t.split("\n"))),
}
ROWS = {"its heading row": ("| A |", "| A{x} |"), "a body row": ("| x |", "| x{x} |")}
LINK = " [A/HRC/RES/1/1](https://undocs.org/A/HRC/RES/1/1)"


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("row", sorted(ROWS))
def test_a_link_in_a_cell_builds(tmp_path, place, row):
    old, new = ROWS[row]
    rendered_verified(tmp_path, FRONT + PLACES[place](TABLE.replace(old, new.format(x=LINK), 1)),
                      ("akn", "html", "pdf", "docx"))


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("row", sorted(ROWS))
def test_a_note_called_from_a_cell_is_refused_at_the_call(place, row):
    old, new = ROWS[row]
    body = PLACES[place](TABLE.replace(old, new.format(x="[^t]"), 1)).rstrip("\n") + "\n\n[^t]: A note.\n"
    text = FRONT + body
    at = text.index("[^t]")
    with pytest.raises(SourceError) as caught:
        read_source("res.md", text.encode("utf-8"))
    [found] = caught.value.diagnostics
    assert (found.code, found.loc.line, found.loc.col) == ("E308", text.count("\n", 0, at) + 1,
                                                           at - text.rfind("\n", 0, at))
    assert "under it" in found.message
