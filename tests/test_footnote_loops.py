"""Footnotes that call footnotes, however the definitions are laid out.

pandoc 3.9 never ends on notes that call each other, so every call inside a definition must be
refused (E304) before pandoc is given the body, and the reader must see a definition as pandoc
does: its first line, lines indented by four columns (or a tab) after blank lines, and lines not
indented at all that carry on the note's paragraph (CommonMark's lazy continuation, which
"[^1]: See" then "more [^1]." is). Generated here: graphs of notes calling notes (a note calling
itself, two calling each other, longer cycles, chains without a cycle), each call placed on a line
of one of those layouts; a note graph with no call inside a note must read, each note whole.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BODY, FRONT, build_ok
from unres.errors import EXIT_INPUT, SourceError
from unres.model.document import plain_text
from unres.readers.markdown import note_calls
from unres.readers.markdown.reader import read_source

# How a line after a definition's first one is laid out.
LAYOUTS = {
    "lazy": ["{text}"],                          # not indented: carries on the paragraph
    "indented": ["    {text}"],                  # indented, no blank line before it
    "blank-indented": ["", "    {text}"],        # a paragraph of its own in the note
    "blank-tab": ["", "\t{text}"],               # the same, indented by a tab
    "blank-two": ["", "", "    {text}"],         # after two blank lines
}
WORDS = ["see", "more", "General Assembly", "resolution 1/1", "and", "A/HRC/99/2"]


@st.composite
def note_graphs(draw):
    count = draw(st.integers(1, 4))
    keys = [f"n{i}" for i in range(count)]
    # The calls inside notes: (from, to); a note may call itself.
    edges = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)),
                          max_size=4, unique=True))
    notes = []
    for index in range(count):
        layouts = draw(st.lists(st.sampled_from(sorted(LAYOUTS)), max_size=3))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=len(layouts) + 1,
                              max_size=len(layouts) + 1))
        lines = [[word] for word in words]       # line 0 is the definition's own
        for source, target in edges:
            if source == index:
                lines[draw(st.integers(0, len(layouts)))].append(f"[^{keys[target]}]")
        notes.append((layouts, lines))
    joined = draw(st.booleans())                 # the next definition follows with no blank line
    return keys, edges, notes, joined


def _source(keys, notes, joined):
    """The source, and the lines (1-based) where each call inside a note stands."""
    head = FRONT + BODY.replace("to act;", "to act;" + "".join(f"[^{key}]" for key in keys))
    head = head.replace("\n[^a]: A/HRC/99/1.\n", "\n").replace("the report,[^a]", "the report,")
    lines = head.rstrip("\n").split("\n") + [""]
    wanted = []
    for key, (layouts, texts) in zip(keys, notes):
        for position, words in enumerate(texts):
            text = " ".join(words) + "."
            if position == 0:
                added = [f"[^{key}]: {text}"]
            else:
                added = [piece.format(text=text) for piece in LAYOUTS[layouts[position - 1]]]
            lines += added
            if len(words) > 1:
                wanted.append(len(lines))
        if not joined:
            lines.append("")
    return "\n".join(lines) + "\n", wanted


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=note_graphs())
def test_a_call_inside_a_note_is_refused_at_its_line_and_promptly(tmp_path, monkeypatch, graph):
    keys, edges, notes, joined = graph
    text, wanted = _source(keys, notes, joined)
    path = tmp_path / "res.md"
    path.write_text(text, encoding="utf-8")
    # A hang would be stopped by the time limit (T103), which is not what is asked here.
    monkeypatch.setattr("unres.pandoc.TIMEOUT_SECONDS", 20.0)
    started = time.monotonic()
    if not edges:
        res = read_source(str(path))
        for key, (layouts, texts) in zip(keys, notes):
            note = plain_text_of(res, key)
            for words in texts:
                assert " ".join(words) + "." in note, (key, note)
    else:
        with pytest.raises(SourceError) as info:
            read_source(str(path))
        found = {d.loc.line for d in info.value.diagnostics if d.code == "E304"}
        assert found == set(wanted), (text, [str(d) for d in info.value.diagnostics])
        for diagnostic in info.value.diagnostics:
            if diagnostic.code == "E304":
                line = text.split("\n")[diagnostic.loc.line - 1]
                assert line[diagnostic.loc.col - 1:].startswith("[^"), (str(diagnostic), line)
    assert time.monotonic() - started < 10


def plain_text_of(res, key) -> str:
    return " ".join(" ".join(plain_text(p).split()) for p in res.footnote(key).paragraphs)


@pytest.mark.parametrize("definitions,line,inside", [
    # The case that hung: the call on a line not indented, which pandoc adds to the note.
    ("[^a]: See\nmore [^a].", 48, "its own definition"),
    ("[^a]: See\n[^a] more.", 48, "its own definition"),
    # A cycle of three through lazy lines: 1 → 2 → 3 → 1.
    ("[^a]: See\nalso [^b].\n\n[^b]: See\nalso [^c].\n\n[^c]: See\nalso [^a].", 48,
     "the definition of footnote [^a]"),
    # Lazy continuation of a paragraph indented after a blank line.
    ("[^a]: See\n\n    more\nagain [^a].", 50, "its own definition"),
])
def test_the_message_names_the_note_and_says_how_to_end_it(source_file, definitions, line, inside):
    path = source_file(FRONT, BODY.replace("[^a]: A/HRC/99/1.", definitions))
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    e304 = [d for d in info.value.diagnostics if d.code == "E304"]
    assert e304[0].loc.line == line and inside in e304[0].message, [str(d) for d in e304]
    assert "leave a blank line before it" in e304[0].message


def test_a_source_that_hung_is_refused_by_the_command(tmp_path):
    """`unres build` of the source that hung: E304 with file:line, exit 3 (bad input), nothing written."""
    import subprocess
    import sys
    path = tmp_path / "res.md"
    path.write_text(FRONT + BODY.replace("[^a]: A/HRC/99/1.", "[^a]: See\nmore [^a]."), encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < 60
    assert result.returncode == EXIT_INPUT and "Traceback" not in result.stderr, result.stderr
    assert f"{path}:48:6: error: footnote [^a] is called inside its own definition" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_lazy_lines_without_calls_build(tmp_path):
    """A note with a lazy line and an indented paragraph, and no call inside it, builds and verifies."""
    body = BODY.replace("[^a]: A/HRC/99/1.", "[^a]: A/HRC/99/1,\nand A/HRC/99/2.\n\n    See also A/HRC/99/3.")
    path = tmp_path / "res.md"
    path.write_text(FRONT + body, encoding="utf-8")
    res = read_source(str(path))
    assert plain_text_of(res, "a") == "A/HRC/99/1, and A/HRC/99/2. See also A/HRC/99/3."
    build_ok([path], tmp_path / "out")


def test_the_second_reading_is_only_for_a_doubtful_line(monkeypatch):
    """A body whose definitions end with a blank line is not read twice."""
    calls = []
    monkeypatch.setattr(note_calls.warm_pandoc, "convert", lambda *a, **k: calls.append(a) or b"")
    note_calls.calls_in_notes.cache_clear()
    assert note_calls.calls_in_notes(BODY, "commonmark_x") == ()
    assert note_calls.calls_in_notes(BODY + "\n[^b]: See [^a].\n", "commonmark_x")[0].key == "a"
    assert calls == []
