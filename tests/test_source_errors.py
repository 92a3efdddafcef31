"""Every error code of the Markdown reader: the code and the exact line it reports."""
from __future__ import annotations

import pytest

from conftest import BODY, FRONT
from unres.cli import main
from unres.errors import EXIT_INPUT, SourceError
from unres.readers.markdown.reader import read_source


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


# (id, front, body, code, line)
CASES = [
    ("yaml-syntax", sub(FRONT, "organ: Human Rights Council", "organ: [Human Rights"), BODY, "E102", 7),
    ("yaml-not-mapping", "---\n- a\n- b\n---\n", BODY, "E102", 2),
    ("no-front-matter", "", BODY.lstrip("\n"), "E101", 1),
    ("front-not-closed", "---\nsymbol: x\n", "", "E101", 1),
    ("missing-key", sub(FRONT, "meeting: 37th meeting\n", ""), BODY, "E105", 2),
    ("unknown-key", sub(FRONT, "meeting:", "colour: blue\nmeeting:"), BODY, "E106", 17),
    ("duplicate-key", sub(FRONT, "meeting:", "organ: Other\nmeeting:"), BODY, "E106", 17),
    ("bad-date", sub(FRONT, "issue_date: 2030-07-16", "issue_date: 2018-13-45"), BODY, "E104", 13),
    ("date-format", sub(FRONT, "issue_date: 2030-07-16", "issue_date: 16 July 2030"), BODY, "E104", 13),
    ("session-ends-early", sub(FRONT, "session_end: 2030-07-06", "session_end: 2030-06-01"), BODY, "E104", 10),
    ("wrong-type", sub(FRONT, 'agenda_item: "3"', "agenda_item: [3, 4]"), BODY, "E103", 11),
    ("session-not-number", sub(FRONT, "session: 99", "session: ninety"), BODY, "E103", 7),
    ("vote-list-string", sub(FRONT, "  in_favour:\n    - Angola\n    - Chile\n", "  in_favour: Angola, Chile\n"),
     BODY, "E103", 19),
    ("vote-total-disagrees", sub(FRONT, "  abstaining: []", "  abstaining: []\n  in_favour_total: 3"),
     BODY, "E401", 25),
    ("state-twice", sub(FRONT, "    - Chile", "    - Chile\n    - Angola"), BODY, "E402", 22),
    ("state-in-two-lists", sub(FRONT, "    - Japan", "    - Japan\n    - Chile"), BODY, "E402", 24),
    ("empty-recorded-vote", sub(FRONT, "  in_favour:\n    - Angola\n    - Chile\n  against:\n    - Japan\n",
                                "  in_favour: []\n  against: []\n"), BODY, "E403", 19),
    ("no-operative", FRONT, BODY.split("1. *Decides*")[0] + "[^a]: A/HRC/99/1.\n", "E205", 27),
    # A part's last paragraph is its one operative paragraph, printed without a number, unless
    # it ends as a preambular paragraph or an opening does, or one before it as an operative one.
    ("no-operative-opening", FRONT, BODY.split("1. *Decides*")[0] + "*Decides*:\n\n[^a]: A/HRC/99/1.\n",
     "E205", 27),
    ("no-operative-semicolon", FRONT, BODY.split("1. *Decides*")[0] + "*Decides* to act;\n\n"
     "*Requests* a report.\n\n[^a]: A/HRC/99/1.\n", "E205", 33),
    ("number-gap", FRONT, sub(BODY, "3. *Decides*", "4. *Decides*"), "E210", 45),
    ("number-repeat", FRONT, sub(BODY, "3. *Decides*", "2. *Decides*"), "E210", 45),
    ("number-backwards", FRONT, sub(BODY, "2. *Requests*", "0. *Requests*"), "E210", 35),
    ("label-order", FRONT, sub(BODY, "(b) two:", "(c) two:"), "E211", 39),
    ("roman-label-order", FRONT, sub(BODY, "(ii) second", "(iii) second"), "E211", 43),
    ("footnote-undefined", FRONT, sub(BODY, "[^a]: A/HRC/99/1.", "[^b]: A/HRC/99/1."), "E301", 31),
    ("footnote-unused", FRONT, BODY + "\n[^z]: Never called.\n", "E302", 49),
    ("footnote-twice", FRONT, BODY + "\n[^a]: Again.\n", "E303", 49),
    ("footnote-in-footnote", FRONT, sub(BODY, "[^a]: A/HRC/99/1.", "[^a]: See[^b].\n\n[^b]: Inner."), "E304", 47),
    # Notes that call each other: pandoc alone would never end.
    ("footnote-calls-itself", FRONT, sub(BODY, "[^a]: A/HRC/99/1.", "[^a]: See[^a]."), "E304", 47),
    ("footnotes-call-each-other", FRONT, sub(BODY, "[^a]: A/HRC/99/1.", "[^a]: See[^b].\n\n[^b]: And[^a]."),
     "E304", 47),
    ("footnote-called-twice", FRONT, sub(BODY, "to act;", "to act;[^a]"), "E305", 33),
    ("empty-paragraph", FRONT, sub(BODY, "1. *Decides* to act;", "1.\n"), "E204", 33),
    ("bullet-list", FRONT, sub(BODY, "*Noting*", "- *Noting*"), "E206", 31),
    ("code-block", FRONT, sub(BODY, "*Recalling* its", "        *Recalling* its"), "E206", 29),
    ("image", FRONT, sub(BODY, "to act;", "to act ![x](file:///etc/passwd);"), "E209", 33),
    ("paragraph-after-operative", FRONT, BODY + "\nA stray paragraph.\n", "E203", 49),
    ("heading-in-body", FRONT, sub(BODY, "*Noting*", "## Heading\n\n*Noting*"), "E202", 31),
    ("text-before-first-part", FRONT, "\n1. *Decides* x;\n\n# A\n\n1. *Decides* y.\n", "E201", 29),
    ("part-after-annex", FRONT, BODY + "\n# Annex\n\nText.\n\n# B\n\n1. *Decides* x.\n", "E201", 53),
    ("operative-not-decimal", FRONT, sub(BODY, "1. *Decides* to act;", "a. *Decides* to act;"), "E207", 33),
    ("two-texts-after-subparagraphs", FRONT, sub(BODY, "       (ii) second;", "       (ii) second;\n\n   closing;\n\n   more;"),
     "E208", 47),
    ("empty-footnote", FRONT, sub(BODY, "[^a]: A/HRC/99/1.", "[^a]:"), "E306", 47),
    # (the HTML held a link inside a link, and the PDF set the note's words where the call stood)
    ("footnote-in-link", FRONT, sub(BODY, "*Noting* the report,[^a]", "*Noting* the [report[^a]](https://undocs.org/A/HRC/99/1),"),
     "E307", 31),
    ("nesting-too-deep", FRONT, sub(BODY, "       (ii) second;",
                                    "       (ii) second:\n\n            a. x:\n\n"
                                    "               i. y:\n\n                  (a) z;"), "E212", 49),
]


@pytest.mark.parametrize("front,body,code,line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_error_code_and_line(source_file, front, body, code, line):
    path = source_file(front, body)
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    found = [(d.code, d.loc.line) for d in info.value.diagnostics]
    assert (code, line) in found, found


def test_unreadable_source(tmp_path):
    with pytest.raises(SourceError) as info:
        read_source(str(tmp_path / "missing.md"))
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.loc.line) == ("E500", 1) and "cannot read source" in diag.message


def test_cli_prints_location_and_exits_with_input_code(source_file, capsys):
    path = source_file(sub(FRONT, "issue_date: 2030-07-16", "issue_date: 2018-13-45"))
    assert main(["check", str(path)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:13:13: error: 'issue_date' is not a real date")
    assert err.rstrip().endswith("[E104]")
    assert "Traceback" not in err


def test_all_errors_reported_at_once(source_file):
    front = sub(sub(FRONT, "issue_date: 2030-07-16", "issue_date: 2018-13-45"), "session: 99", "session: x")
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(front)))
    assert sorted(d.code for d in info.value.diagnostics) == ["E103", "E104"]


@pytest.mark.parametrize("data,code,line,col", [
    (b"---\nsymbol: \xff\n", "E503", 2, 9),
    (b"---\nsym\x00bol: x\n---\n", "E502", 2, 4),
    (b"", "E504", 1, 1),
    (b"  \n\n", "E504", 1, 1),
    (b"---\nsymbol: a\x01\n---\n", "E505", 2, 10),
    ("---\ntitle: x\n---\n\nNoting \u00e9\u2028 it".encode(), "E505", 5, 9),
    ("---\n---\n\u0085".encode(), "E505", 3, 1),
    ("---\n---\nx \U0010FFFF".encode(), "E505", 3, 3),
], ids=["invalid-utf8", "nul-byte", "empty", "blank", "control", "line-separator", "c1-control",
        "noncharacter"])
def test_encoding_errors(tmp_path, data, code, line, col):
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.loc.line, diag.loc.col) == (code, line, col)


def test_oversized_source_is_refused(tmp_path):
    path = tmp_path / "huge.md"
    path.write_bytes((FRONT + BODY).encode() + b"x" * (20 * 1024 * 1024))
    with pytest.raises(SourceError) as info:
        read_source(str(path))
    assert info.value.diagnostics[0].code == "E501"


@pytest.mark.parametrize("transform", [
    lambda b: b"\xef\xbb\xbf" + b,
    lambda b: b.replace(b"\n", b"\r\n"),
    lambda b: b.replace(b"\n", b"\r"),
], ids=["bom", "crlf", "cr"])
def test_line_ends_and_bom_read_like_the_plain_file(tmp_path, transform):
    plain = (FRONT + BODY).encode()
    (tmp_path / "a.md").write_bytes(plain)
    (tmp_path / "b.md").write_bytes(transform(plain))
    assert read_source(str(tmp_path / "a.md")) == read_source(str(tmp_path / "b.md"))


@pytest.mark.parametrize("front,body", [
    ('title: "A \\x01 escape"', None),
    (None, "to act &#x1; now;"),
    (None, "to act &#xFFFF; now;"),
], ids=["yaml-escape", "reference-control", "reference-noncharacter"])
def test_characters_no_output_can_carry_are_refused_however_written(source_file, front, body):
    """An escape or a character reference reaches the text after the bytes were checked."""
    text_front = FRONT.replace("title: A test resolution", front) if front else FRONT
    text_body = BODY.replace("to act;", body) if body else BODY
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(text_front, text_body)))
    diag = info.value.diagnostics[0]
    assert diag.code == "E505" and "no output can carry" in diag.message
    expected = text_front + text_body
    assert diag.loc.line == next(n for n, line in enumerate(expected.split("\n"), 1)
                                 if (front and line.startswith("title:")) or (body and body in line))


def _points_under_ii(indent: int) -> str:
    return ("\n*The Human Rights Council*,\n\n*Recalling* x,\n\n1. *Requests* the following:\n\n"
            "   (a) one:\n\n       (i) first;\n\n       (ii) second:\n\n"
            + " " * indent + "a. alpha;\n\n" + " " * indent + "b. beta;\n\n   (b) two.\n")


def test_points_indented_short_of_their_item_say_how_far_to_indent(source_file):
    """Under '(ii) ', whose text starts one column further than under '(i) ', points indented
    like those under (i) are a code block to Markdown; one error gives the indent that nests them."""
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(FRONT, _points_under_ii(11))))
    [diag] = info.value.diagnostics
    assert diag.code == "E213" and ("indent lines 39 and 41 by 1 more space (12, where the text of (ii) "
                                    "starts)") in diag.message
    res = read_source(str(source_file(FRONT, _points_under_ii(12))))
    assert [p.label for p in res.operative[0].children[0].children[1].children] == ["a.", "b."]
