"""One indentation mistake is one error (E213) whose fix, applied as written, gives the list that was meant."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BODY, FRONT, ROOT
from unres.cli import main
from unres.errors import EXIT_OK, SourceError
from unres.readers.markdown.reader import read_source
from unres.model.transforms import sub_label

FIX_RE = re.compile(r"indent (lines? [\d, and]+|lines (\d+) to (\d+) \(each line that is not blank\)) "
                    r"by (\d+) (more|fewer) spaces?")


def apply_fix(text: str, message: str) -> str:
    """Re-indent the lines the message names, as it says."""
    found = FIX_RE.search(message)
    assert found, message
    lines = text.split("\n")
    if found.group(2):
        numbers = [n for n in range(int(found.group(2)), int(found.group(3)) + 1) if lines[n - 1].strip()]
    else:
        numbers = [int(n) for n in re.findall(r"\d+", found.group(1))]
    delta = int(found.group(4)) * (1 if found.group(5) == "more" else -1)
    for number in numbers:
        line = lines[number - 1]
        lines[number - 1] = " " * delta + line if delta > 0 else line[-delta:]
    return "\n".join(lines)


def errors_of(path):
    try:
        read_source(str(path))
    except SourceError as exc:
        return exc.diagnostics
    return []


def test_the_issue_s_case_is_one_error_whose_fix_builds(tmp_path, source_file):
    text = FRONT + BODY.replace("       (i) first;", "     (i) first;").replace("       (ii) second;",
                                                                             "     (ii) second;")
    path = source_file(body=text[len(FRONT):])
    [diag] = errors_of(path)
    assert (diag.code, diag.loc.line, diag.loc.col) == ("E213", 41, 6)
    assert diag.message == ("(i) is indented 5 spaces: past the label (b) of line 39 (3) and short of its text "
                            "(7), so it is neither beside nor under it; to make it a sub-paragraph of (b), "
                            "indent lines 41 and 43 by 2 more spaces (7, where the text of (b) starts)")
    path.write_text(apply_fix(text, diag.message), encoding="utf-8")
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK


def test_only_the_line_that_is_wrong_is_named(source_file):
    text = FRONT + BODY.replace("       (i) first;", "     (i) first;")
    [diag] = errors_of(source_file(body=text[len(FRONT):]))
    assert diag.code == "E213" and "indent line 41 by 2 more spaces" in diag.message


def test_a_sibling_indented_past_its_elder_is_put_beside_it(source_file):
    text = FRONT + BODY.replace("   (b) two:", "     (b) two:")
    errors = errors_of(source_file(body=text[len(FRONT):]))
    assert [d.code for d in errors] == ["E213"]
    assert "to put it beside (a), indent line 39 by 2 fewer spaces (3, as (a))" in errors[0].message


# ---------------------------------------------------------------- every list, every slip
@st.composite
def trees(draw, depth=1):
    if depth > 3:
        return []
    return [draw(trees(depth + 1)) if draw(st.booleans()) else []
            for _ in range(draw(st.integers(0 if depth > 1 else 1, 3)))]


def write(paragraphs) -> list[tuple[str, int, int]]:
    """Lines of canonical operative paragraphs: (line, indent of its label, column of its text)."""
    out = []

    def item(label, children, indent, depth):
        text_col = indent + len(label) + 1
        out.append((" " * indent + f"{label} word{len(out)};", indent, text_col))
        for index, child in enumerate(children):
            item(sub_label(depth, index), child, text_col, depth + 1)

    for number, children in enumerate(paragraphs, 1):
        item(f"{number}.", children, 0, 1)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(trees(), min_size=1, max_size=3), st.data())
def test_any_slip_of_indentation_is_explained_once_and_its_fix_works(source_file, paragraphs, data):
    lines = write(paragraphs)
    subs = [i for i, (_line, indent, _col) in enumerate(lines) if indent > 0]
    if not subs:
        return
    head = "\n*The Human Rights Council*,\n\n*Recalling* x,\n\n"
    good = FRONT + head + "\n\n".join(line for line, _i, _c in lines) + "\n"
    want = read_source(str(source_file(body=good[len(FRONT):], name="good.md")))
    chosen = data.draw(st.sampled_from(subs))
    # The item's parent: the nearest line above with a smaller indent.
    parent = next(lines[i] for i in range(chosen - 1, -1, -1) if lines[i][1] < lines[chosen][1])
    wrong = data.draw(st.integers(parent[1] + 1, parent[2] - 1)) if parent[2] - parent[1] > 1 else None
    if wrong is None:
        return
    delta = wrong - lines[chosen][1]
    whole = data.draw(st.booleans())       # the item and all it holds, or its first line alone
    slipped = []
    for i, (line, indent, _col) in enumerate(lines):
        inside = i == chosen or (whole and i > chosen and indent > lines[chosen][1]
                                 and all(lines[k][1] > lines[chosen][1] for k in range(chosen + 1, i + 1)))
        if inside and delta:
            line = " " * (indent + delta) + line.lstrip(" ")
        slipped.append(line)
    text = FRONT + head + "\n\n".join(slipped) + "\n"
    path = source_file(body=text[len(FRONT):], name="slipped.md")
    errors = errors_of(path)
    if not errors:
        assert read_source(str(path)) == want     # a slip Markdown forgives changes nothing
        return
    assert [d.code for d in errors] == ["E213"], [str(d) for d in errors]
    for diag in errors:
        text = apply_fix(text, diag.message)
    path.write_text(text, encoding="utf-8")
    assert errors_of(path) == [], text
    assert read_source(str(path)) == want
