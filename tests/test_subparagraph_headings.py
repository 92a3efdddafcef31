"""Lines among sub-paragraphs: a paragraph of its own between two sub-paragraphs (or between an
item's text and its first sub-paragraph), indented as they are, is printed above the next of them
where their labels stand, as typed, and their labels run on across it — as the Security Council
prints its mandates ("Urgent temporary measures:" between (ii) and (iii), S/RES/2552 (2020)).

Every output holds it (AKN ``<crossHeading>``, HTML/PDF ``h6.cross-heading``, DOCX "SubN Heading
Operative") and verify reads it back from each as a heading between operative items; unres's own
AKN imports back to the same source.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_ok, council_front
from unres.formats import FORMATS
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.command import verify_source
from unres.writers.markdown import render_markdown

MANDATE = """
*The Security Council*,

*Recalling* its resolutions,

1. *Decides* that the Mission's mandate shall be:

   (a) *Protection of civilians*:

       (i) To protect civilians;

       (ii) To report;

       Urgent temporary measures:

       (iii) To adopt measures;

       *Special Criminal Court*:[^1]

       (iv) To assist the Court;

   (b) *Stabilisation and the strengthening of State institutions*:

       *Stabilisation*

       (i) To coordinate support;

   (c) To report on its work;

2. *Decides* to remain seized of the matter.

[^1]: Established by law in 2015.
"""
HEADINGS = ["Urgent temporary measures:", "Special Criminal Court:", "Stabilisation"]
SUFFIX = {"akn": ".akn.xml", "html": ".html", "pdf": ".pdf", "docx": ".docx"}


def test_lines_among_sub_paragraphs_are_read_where_they_stand(tmp_path):
    path = tmp_path / "S_RES_9999.md"
    path.write_text(council_front() + MANDATE, encoding="utf-8")
    res = read_source(str(path))
    (a, b, c) = res.operative[0].children
    assert [s.label for s in a.children] == ["(i)", "(ii)", "(iii)", "(iv)"]
    assert [[plain_text(h.inlines) for h in s.headings] for s in a.children + b.children] == \
        [[], [], [HEADINGS[0]], [HEADINGS[1]], [HEADINGS[2]]]
    assert b.children[0].label == "(i)" and not c.headings
    assert read_source_text(tmp_path, render_markdown(res)) == res


def read_source_text(tmp_path, text: str):
    again = tmp_path / "again" / "S_RES_9999.md"
    again.parent.mkdir(exist_ok=True)
    again.write_text(text, encoding="utf-8")
    return read_source(str(again))


def test_lines_among_sub_paragraphs_build_and_are_read_back_from_every_format(tmp_path):
    path = tmp_path / "S_RES_9999.md"
    path.write_text(council_front() + MANDATE, encoding="utf-8")
    out = build_ok([path], tmp_path / "out")
    lines, _ = verify_source(str(path), str(out))
    assert lines == []
    for fmt, suffix in SUFFIX.items():
        items = FORMATS[fmt].extract(out / ("S_RES_9999" + suffix)).items
        seen = [(i.kind, i.text) for i in items if i.kind in ("heading", "point")]
        # Each heading stands right before the sub-paragraph it titles.
        assert [seen[k + 1][1].split(" ")[:2] for k, (kind, _t) in enumerate(seen) if kind == "heading"] == \
            [["To", "adopt"], ["To", "assist"], ["To", "coordinate"]], fmt
        assert [t for kind, t in seen if kind == "heading"] == HEADINGS, fmt
    # unres's own AKN imports back to the source it was built from.
    back, _warnings = import_akn(out / "S_RES_9999.akn.xml")
    assert render_markdown(back) == render_markdown(read_source(str(path)))


def test_a_line_among_sub_paragraphs_missing_from_an_output_is_reported(tmp_path):
    path = tmp_path / "S_RES_9999.md"
    path.write_text(council_front() + MANDATE, encoding="utf-8")
    out = build_ok([path], tmp_path / "out", "-f", "html")
    html = out / "S_RES_9999.html"
    text = html.read_text(encoding="utf-8")
    assert "Urgent temporary measures:" in text
    html.write_text(text.replace("Urgent temporary measures:", ""), encoding="utf-8")
    lines, _ = verify_source(str(path), str(out))
    assert any("Urgent temporary measures:" in line and line.startswith(str(html)) for line in lines), lines


@settings(max_examples=30, deadline=None)
@given(before=st.integers(1, 4), after=st.integers(1, 4), depth=st.integers(1, 3), first=st.booleans())
def test_labels_run_on_across_a_line_among_sub_paragraphs(tmp_path_factory, before, after, depth, first):
    """Whatever the level and the number of sub-paragraphs around it, the line titles the next of
    them and their labels run on; a line right after the item's text titles its first."""
    from unres.model import transforms
    lines = ["1. *Decides* that:", ""]
    indent = "   "
    for level in range(1, depth):
        lines += [f"{indent}{transforms.sub_label(level, 0)} Level {level}:", ""]
        indent += " " * (len(transforms.sub_label(level, 0)) + 1)
    start = 0 if first else before
    for n in range(before + after):
        if n == start:
            lines += [f"{indent}A line among them", ""]
        lines += [f"{indent}{transforms.sub_label(depth, n)} Item {n};", ""]
    lines += ["2. *Decides* to remain seized of the matter.", ""]
    path = tmp_path_factory.mktemp("variant") / "S_RES_9999.md"
    path.write_text(council_front() + "\n*The Security Council*,\n\n*Recalling* its resolutions,\n\n"
                    + "\n".join(lines), encoding="utf-8")
    res = read_source(str(path))
    items = res.operative[0].children
    for _level in range(1, depth):
        items = items[0].children
    assert [s.label for s in items] == [transforms.sub_label(depth, n) for n in range(before + after)]
    assert [bool(s.headings) for s in items] == [n == start for n in range(before + after)]
    assert read_source_text(path.parent, render_markdown(res)) == res
