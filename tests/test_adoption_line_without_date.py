"""A kept adoption line (``printed.adopted_by``) that prints no date is refused at its line (E111).

Every output states the adoption date in that line, and the AKN and HTML readers read it from
there: a line of the source's own words without a date ("Adopted without a vote") built
outputs that stated none, and verify refused them as a bug in unres, in every organ. A kept
closing date that cannot be read stays allowed (A/RES/75/1 in Arabic misspells its month).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import rendered_verified
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source

SOURCES = sorted((Path(__file__).resolve().parent.parent / "source").glob("*.md"))


def with_printed(path: Path, key: str, value: str) -> str:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(front)
    data["printed"] = {**(data.get("printed") or {}), key: value}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000) + "---\n" + body


@settings(max_examples=30, deadline=None)
@given(source=st.sampled_from(SOURCES),
       words=st.sampled_from(["Adopted without a vote", "« »", "Adopted at the 41st meeting", "Adopted on the day",
                              "Approuvée sans vote", "اعتُمد دون تصويت"]))
def test_an_adoption_line_without_a_date_is_refused_at_its_line(source, words):
    text = with_printed(source, "adopted_by", words)
    line = next(n for n, typed in enumerate(text.split("\n"), 1) if typed.startswith("  adopted_by:"))
    with pytest.raises(SourceError) as caught:
        read_source(str(source), text.encode("utf-8"))
    assert [(d.code, d.loc.line) for d in caught.value.diagnostics] == [("E111", line)]
    assert "prints no adoption date" in caught.value.diagnostics[0].message


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_a_closing_date_that_cannot_be_read_still_builds(tmp_path, source):
    rendered_verified(tmp_path, with_printed(source, "adoption_date", "no date here"), ("akn", "html", "pdf", "docx"))
