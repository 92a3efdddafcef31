"""A footnote definition indented four columns or more is not one: Markdown reads it as part of
what stands above it (the last operative paragraph, or the note before). The call it was meant
for is refused (E301) with the line of the sunk definition and what to do; indented less, it
defines its note as any other."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import BODY, FRONT
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source

INDENTS_THAT_SINK = st.sampled_from(["    ", "     ", "        ", "\t", "  \t", " \t "])
INDENTS_THAT_DEFINE = st.sampled_from(["", " ", "  ", "   "])
KEYS = st.sampled_from(["a", "b2", "note", "7", "x-y"])


def _body(key: str, indent: str, after_other_note: bool) -> str:
    """The conftest body with its one note keyed ``key`` and typed with ``indent``; with
    ``after_other_note``, a second note, correctly typed, stands between it and the paragraphs."""
    body = BODY.replace("[^a]", f"[^{key}]")
    definition = f"[^{key}]: A/HRC/99/1."
    if after_other_note:
        body = body.replace("the matter.", "the matter.[^z]")
        body = body.replace(definition, f"[^z]: A/HRC/99/2.\n\n{indent}{definition}")
    else:
        body = body.replace(definition, f"{indent}{definition}")
    return body


def _line_of_definition(text: str, key: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.lstrip(" \t").startswith(f"[^{key}]:"))


@settings(max_examples=40, deadline=None)
@given(key=KEYS, indent=INDENTS_THAT_SINK, after_other_note=st.booleans())
def test_a_sunk_definition_is_named_where_its_call_is_refused(tmp_path_factory, key, indent, after_other_note):
    path = tmp_path_factory.mktemp("sunk") / "res.md"
    text = FRONT + _body(key, indent, after_other_note)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    [diag] = [d for d in info.value.diagnostics if d.code == "E301"]
    call_line = next(n for n, line in enumerate(text.split("\n"), 1) if f"[^{key}]" in line and ":" not in line[:3])
    assert diag.loc.line == call_line
    sunk = _line_of_definition(text, key)
    assert f"line {sunk} types '[^{key}]:' indented by four spaces or more" in diag.message, diag.message


@settings(max_examples=20, deadline=None)
@given(key=KEYS, indent=INDENTS_THAT_DEFINE, after_other_note=st.booleans())
def test_a_definition_indented_less_defines_its_note(tmp_path_factory, key, indent, after_other_note):
    path = tmp_path_factory.mktemp("kept") / "res.md"
    path.write_text(FRONT + _body(key, indent, after_other_note), encoding="utf-8")
    res = read_source(str(path))
    assert [note.key for note in res.footnotes] == ([key, "z"] if after_other_note else [key])   # call order


def test_a_call_with_no_definition_anywhere_gets_no_such_hint(source_file):
    path = source_file(FRONT, BODY.replace("[^a]: A/HRC/99/1.", ""))
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    [diag] = [d for d in info.value.diagnostics if d.code == "E301"]
    assert diag.message == "footnote [^a] is called but never defined"
