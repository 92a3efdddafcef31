"""Mistakes that used to pass silently: a `*` or `_` that opens no emphasis (W106), metadata that
cannot be right (E108, W107, W108), vote keys written at the top level (E106)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BODY, CORPUS, FRONT, ROOT
from unres.errors import SourceError
from unres.lint import lint
from unres.readers.markdown.reader import read_source

LINE = 33                           # line of "1. *Decides* to act;" in FRONT + BODY
OPERATIVE = "1. *Decides* to act;"


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def warnings_of(path, code):
    return [(d.loc.line, d.loc.col, d.message) for d in lint(read_source(str(path))) if d.code == code]


def test_a_lone_asterisk_is_a_warning_with_its_column(source_file):
    path = source_file(FRONT, sub(BODY, OPERATIVE, "1. *Decides that the State shall act;"))
    [(line, col, message)] = warnings_of(path, "W106")
    assert (line, col) == (LINE, 4)
    assert message.startswith("'*' opens no emphasis and is printed as typed")
    assert "'\\*'" in message


def test_a_stray_mark_in_a_footnote_and_a_closing_one(source_file):
    body = sub(BODY, "[^a]: A/HRC/99/1.", "[^a]: A/HRC/99/1 **see.")
    body = sub(body, "*Noting* the report,", "*Noting* the report_ of the State,")
    found = warnings_of(source_file(FRONT, body), "W106")
    assert [(line, col) for line, col, _ in found] == [(31, 20), (47, 18)]
    assert found[0][2].startswith("'_' closes no emphasis")
    assert found[1][2].startswith("'**' opens no emphasis") and "'\\*\\*'" in found[1][2]


# Text that holds marks a drafter did not mean as emphasis, or emphasis that is closed.
QUIET = ["word", "States", "2 * 3", "snake_case", "\\*", "\\_", "*italic*", "_italic_", "**bold**",
         "*two words*", "a * b", "x_y_z", "(*a*)", "**", "\\**x*"]
WORD = st.sampled_from(["the", "Council", "decides", "rights", "1/1", "(a)", "2023", "human"])


def _body_with(text: str) -> str:
    return sub(BODY, OPERATIVE, f"1. *Decides* {text} today;")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(WORD, st.sampled_from(QUIET)), min_size=1, max_size=8))
def test_no_warning_for_marks_not_meant_as_emphasis(source_file, pieces):
    text = " ".join(pieces)
    path = source_file(FRONT, _body_with(text))
    assert warnings_of(path, "W106") == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(WORD, st.sampled_from(["*italic*", "\\*", "snake_case"])), min_size=1, max_size=6),
       st.integers(min_value=0, max_value=6), st.sampled_from(["*", "**", "_"]))
def test_a_mark_that_finds_no_partner_is_always_reported(source_file, pieces, where, mark):
    where = min(where, len(pieces))
    words = pieces[:where] + [mark + "stray"] + pieces[where:]
    text = " ".join(words)
    column = len("1. *Decides* ") + len(" ".join(pieces[:where])) + (1 if where else 0) + 1
    path = source_file(FRONT, _body_with(text))
    found = warnings_of(path, "W106")
    assert len(found) == 1, (text, found)
    line, col, _ = found[0]
    # Of a run of marks the one left over is reported: it stands within the inserted run
    # or the run it joined.
    assert line == LINE and column - 1 <= col <= column + len(mark), (text, found)


def _corpus_sources():
    from unres.readers.akn.reader import import_akn
    from unres.writers.markdown import render_markdown
    folder = CORPUS / "un-akn-hrc" / "54session" / "English"
    for path in sorted(folder.glob("*.xml")):
        yield path.name, render_markdown(import_akn(str(path))[0])


def test_no_stray_mark_warning_on_shipped_sources():
    for path in sorted((ROOT / "source").glob("*.md")):
        assert [str(d) for d in lint(read_source(str(path))) if d.code in ("W106", "W107", "W108")] == []


@pytest.mark.skipif(not (CORPUS / "un-akn-hrc").is_dir(), reason="the UN corpus (../shared/corpus) is not present")
def test_no_stray_mark_warning_on_the_councils_own_resolutions(tmp_path):
    count = 0
    for name, text in _corpus_sources():
        path = tmp_path / name.replace(".xml", ".md")
        path.write_text(text, encoding="utf-8")
        assert [str(d) for d in lint(read_source(str(path))) if d.code in ("W106", "W107", "W108")] == []
        count += 1
    assert count == 35


# ---------------------------------------------------------------- metadata that cannot be right
def test_a_number_that_is_not_the_symbols_is_an_error(source_file):
    path = source_file(sub(FRONT, 'number: "99/1"', 'number: "99/2"'), BODY)
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    [diag] = info.value.diagnostics
    assert (diag.code, diag.loc.line) == ("E108", 3)
    assert "number '99/2' is not the end of the symbol A/HRC/RES/99/1; the symbol's number is '99/1'" \
        in diag.message


def test_a_special_sessions_number_agrees_with_its_symbol(source_file):
    front = sub(sub(FRONT, "symbol: A/HRC/RES/99/1", "symbol: A/HRC/RES/S-30/1"), 'number: "99/1"', 'number: "S-30/1"')
    assert read_source(str(source_file(front, BODY))).meta.number == "S-30/1"


@pytest.mark.parametrize("symbol, number", [("S/RES/2504 (2020)", "2504 (2020)"), ("A/RES/ES-10/19", "ES-10/19")])
def test_a_number_of_another_organs_form_is_an_error(source_file, symbol, number):
    """This source is the Human Rights Council's: the Council's and the Assembly's emergency
    sessions' numbers are theirs (tests/test_resolution_number_form.py reads each in its organ)."""
    front = sub(sub(FRONT, "symbol: A/HRC/RES/99/1", f"symbol: {symbol}"), 'number: "99/1"', f'number: "{number}"')
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(front, BODY)))
    [diag] = info.value.diagnostics
    assert (diag.code, diag.loc.line) == ("E108", 3) and "not a Human Rights Council resolution's number" in diag.message


def test_an_adoption_outside_the_session_and_an_issue_before_it_are_warnings(source_file):
    front = sub(sub(FRONT, "adoption_date: 2030-07-05", "adoption_date: 2030-07-09"),
                "issue_date: 2030-07-16", "issue_date: 2030-07-08")
    found = {d.code: (d.loc.line, d.message) for d in lint(read_source(str(source_file(front, BODY))))}
    assert found["W107"] == (16, "adoption_date 2030-07-09 is outside the session (2030-06-18 to 2030-07-06)")
    assert found["W108"] == (13, "issue_date 2030-07-08 is before the adoption (2030-07-09)")
    early = sub(FRONT, "adoption_date: 2030-07-05", "adoption_date: 2030-06-17")
    assert [d.code for d in lint(read_source(str(source_file(early, BODY))))] == ["W107"]


@pytest.mark.parametrize("key", ["in_favour_total", "against_total", "in_favour"])
def test_a_vote_key_at_the_top_level_says_where_it_belongs(source_file, key):
    front = sub(FRONT, "vote:\n", f"{key}: 2\nvote:\n")
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(front, BODY)))
    [diag] = info.value.diagnostics
    assert diag.code == "E106" and diag.loc.line == 18
    assert re.match(rf"'{key}' belongs under 'vote:'; indent it there beside ", diag.message)


def test_the_readme_shows_vote_totals_under_vote():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`vote.in_favour_total`" in readme
    assert not re.search(r"(?<!vote\.)`in_favour_total`", readme)
