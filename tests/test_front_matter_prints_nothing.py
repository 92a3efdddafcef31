"""A required front-matter text made only of characters that are never drawn is empty (E103).

A title of one zero-width space (U+200B), or a soft hyphen alone, passed as text: every output
then printed nothing where the title stands, and verify took what it read for a bug in unres.
Such a value is now refused at its line, as an empty one is, naming the characters.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unres.errors import SourceError
from unres.model.ignorable import IGNORABLE_RANGES
from unres.readers.markdown.reader import read_source

SOURCES = Path(__file__).resolve().parent.parent / "source"
# Required text keys of each organ's source, each on a line of its own.
KEYS = {"A_HRC_RES_38_3.md": ["symbol", "title", "parent_organ", "agenda_item", "meeting"],
        "A_RES_75_40.md": ["symbol", "title", "meeting"],
        "S_RES_2508_2020.md": ["symbol", "title", "meeting"]}
NEVER_DRAWN = st.sampled_from([chr(cp) for first, last in IGNORABLE_RANGES for cp in range(first, last + 1)])


def refused(name: str, key: str, value: str) -> tuple:
    text = (SOURCES / name).read_text(encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith(f"{key}:"))
    quoted = '"' + "".join(f"\\U{ord(c):08x}" for c in value) + '"'      # YAML escapes: nothing hidden
    text = re.sub(rf"^{key}: .*$", lambda _m: f"{key}: {quoted}", text, count=1, flags=re.M)
    with pytest.raises(SourceError) as info:
        read_source(str(SOURCES / name), text.encode("utf-8"))
    return [(d.code, d.loc.line, "prints nothing" in d.message) for d in info.value.diagnostics], line


@settings(max_examples=80, deadline=None)
@given(source=st.sampled_from(sorted(KEYS)), data=st.data(),
       chars=st.lists(NEVER_DRAWN, min_size=1, max_size=3), spaces=st.sampled_from(["", " "]))
def test_a_value_of_characters_never_drawn_is_refused_at_its_line(source, data, chars, spaces):
    key = data.draw(st.sampled_from(KEYS[source]))
    found, line = refused(source, key, spaces + "".join(chars) + spaces)
    assert ("E103", line, True) in found, found


def test_a_value_with_a_letter_beside_them_is_read():
    text = (SOURCES / "A_RES_75_40.md").read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", lambda _m: 'title: "\\u200bTreaty\\u00ad"', text, count=1, flags=re.M)
    assert read_source(str(SOURCES / "A_RES_75_40.md"), text.encode("utf-8")).meta.title == "\u200bTreaty\u00ad"
