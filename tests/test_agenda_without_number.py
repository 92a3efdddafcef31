"""An Assembly resolution whose agenda line gives no number: 75/1 in Chinese prints the line empty
and no title under it, where the English prints "Agenda item 128 (a)" and its title.

The importer keeps what is printed and names what is missing (W699): no item at all
(``agenda_items: []``), or the titles under the line as items without a number (``number: ""``).
A source says either on purpose and is linted (W111, refused by ``check --strict``); one that
leaves the key out or empty is an error. No output prints an agenda line then, and verify agrees.
The variants (line empty, missing, words alone; titles or none; more titles than numbers) are
generated from small files and from the UN's own 75/1.
"""
from __future__ import annotations

import re
import subprocess
from itertools import zip_longest

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, ROOT, build_ok, verify_ok
from test_import_organ_repairs import ga_file
from unres.cli import main
from unres.errors import EXIT_FINDINGS, EXIT_OK, SourceError
from unres.lint import lint
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.akn.validate import validate
from unres.writers.markdown import render_markdown

GA75 = CORPUS / "un-akn-ga" / "75session"
CHINESE_75_1 = GA75 / "Chinese" / "75_1_C.xml"
ENGLISH_75_1 = GA75 / "English" / "75_1_E.xml"
GA_SOURCE = ROOT / "source" / "A_RES_75_40.md"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
ENGLISH_LINE = '<inline name="agenda item">Agenda item 128 (a)</inline>'
ENGLISH_TITLE = ('<inline name="agenda item name">Strengthening of the United Nations system: '
                 'strengthening of the United Nations system</inline>')
AGENDA_75_40 = ('agenda_items:\n  - number: "103 (nn)"\n    title: "General and complete disarmament: '
                'Treaty on the Prohibition of Nuclear Weapons"\n')
corpus = pytest.mark.skipif(not (CHINESE_75_1.exists() and ENGLISH_75_1.exists()),
                            reason="../shared/corpus/un-akn-ga is absent")


def _import_text(tmp_path, text, name="res.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res, warnings = import_akn(path)
    return res, warnings


def _read_back(tmp_path, res, name="res.md"):
    md = tmp_path / name
    text = render_markdown(res)
    md.write_text(text, encoding="utf-8")
    assert read_source(str(md)) == res
    return md, text


def _items(res):
    return [(item.number, item.title) for item in res.meta.agenda_items]


# ------------------------------------------------------------------ import
@corpus
def test_the_chinese_75_1_imports_with_no_agenda_item_and_says_so(tmp_path):
    res, warnings = import_akn(CHINESE_75_1)
    named = [w for w in warnings if w.code == "W699"]
    assert len(named) == 1 and named[0].loc.line == 224, warnings
    assert "the agenda line is empty" in named[0].message and "agenda_items: []" in named[0].message
    assert res.meta.agenda_items == []
    pres = present(res)
    assert pres.agenda_item == "" and pres.agenda_titles == ()
    md, text = _read_back(tmp_path, res)
    assert "\nagenda_items: []\n" in text
    assert [(d.code, d.loc.line) for d in lint(read_source(str(md))) if d.code == "W111"] == [("W111", 8)]


@corpus
@pytest.mark.parametrize("line, titles, items, codes", [
    # the English 75/1 with its line emptied: the title is kept, under no number
    ('<inline name="agenda item"></inline>', ENGLISH_TITLE,
     [("", "Strengthening of the United Nations system: strengthening of the United Nations system")], {"W699"}),
    # its agenda line gone altogether, the title kept
    ("", ENGLISH_TITLE,
     [("", "Strengthening of the United Nations system: strengthening of the United Nations system")], {"W699"}),
    # the words without the number, no title: nothing to print
    ('<inline name="agenda item">Agenda item</inline>', "", [], {"W699"}),
    # the number without its title, as 75/321 prints it: nothing is missing to the format
    (ENGLISH_LINE, "", [("128 (a)", "")], set()),
], ids=["line-emptied", "line-gone", "words-alone", "title-gone"])
def test_the_english_75_1_s_agenda_line_cut(tmp_path, line, titles, items, codes):
    text = ENGLISH_75_1.read_text(encoding="utf-8")
    assert ENGLISH_LINE in text and ENGLISH_TITLE in text
    text = text.replace(ENGLISH_LINE, line).replace(ENGLISH_TITLE, titles)
    res, warnings = _import_text(tmp_path, text, "75_1_E.xml")
    said = {w.code for w in warnings} & {"W681", "W699"}
    assert _items(res) == items and said == codes, warnings
    if "Agenda item<" in line:
        assert "the agenda line 'Agenda item' gives no number and is left out" in \
            next(w for w in warnings if w.code == "W699").message
    if "W699" in said:
        # the line, or the title where the line is gone
        first = next(n for n, line in enumerate(text.splitlines(), 1) if 'name="agenda item' in line)
        assert next(w for w in warnings if w.code == "W699").loc.line == first
    md, _text = _read_back(tmp_path, res)
    unnumbered = sum(1 for number, _title in items if not number) or (0 if items else 1)
    assert [d.code for d in lint(read_source(str(md))) if d.code == "W111"] == ["W111"] * unnumbered


NUMBERS = ["14", "122", "73 (b)", "128 (a)"]
TITLE = st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,3}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(numbers=st.lists(st.sampled_from(NUMBERS), max_size=3, unique=True),
       titles=st.lists(TITLE, max_size=3),
       empty_line=st.sampled_from(["", "Agenda item", None]))
def test_every_agenda_line_is_kept_as_printed(tmp_path_factory, numbers, titles, empty_line):
    """Whatever numbers and titles the cover page prints, each is kept in order; a line without a
    number is named (W699), titles and numbers that do not pair too (W681); the written source
    reads back as the same resolution and prints the same agenda lines."""
    tmp_path = tmp_path_factory.mktemp("agenda")
    if numbers:
        line = ("Agenda item " if len(numbers) == 1 else "Agenda items ") + \
            (numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1])
    else:
        line = empty_line
    text = ga_file(agenda=line or "", titles=titles)
    if line is None:
        text = text.replace('<p><inline name="agenda item"></inline></p>', "")
    res, warnings = _import_text(tmp_path, text)
    said = [w.code for w in warnings if w.code in ("W681", "W699")]
    assert _items(res) == [(n or "", t or "") for n, t in zip_longest(numbers, titles)]
    assert said == (["W699"] if not numbers else ["W681"] if titles and len(titles) != len(numbers) else [])
    pres = present(res)
    assert pres.agenda_titles == tuple(titles)
    assert (pres.agenda_item == "") == (not numbers)
    assert re.findall(r"\d+", pres.agenda_item) == [re.match(r"\d+", n).group() for n in numbers]
    md, _text = _read_back(tmp_path, res)
    unnumbered = not numbers or len(titles) > len(numbers)
    assert any(d.code == "W111" for d in lint(read_source(str(md)))) == unnumbered


# ------------------------------------------------------------------ the source format
def _ga_source(tmp_path, agenda: str, name="res.md"):
    text = GA_SOURCE.read_text(encoding="utf-8")
    assert AGENDA_75_40 in text
    path = tmp_path / name
    path.write_text(text.replace(AGENDA_75_40, agenda), encoding="utf-8")
    return path


def _errors(path):
    with pytest.raises(SourceError) as exc:
        read_source(str(path))
    return [(d.code, d.loc.line, d.message) for d in exc.value.diagnostics]


@pytest.mark.parametrize("agenda, code, line, words", [
    ("", "E105", 2, "missing key 'agenda_items' (a General Assembly resolution prints it)"),
    ("agenda_items:\n", "E103", 8, "'agenda_items: []' when the resolution prints no agenda item"),
    ("agenda_items: ~\n", "E103", 8, "must be a list of items"),
    ('agenda_items:\n  - number: ""\n', "E103", 9, "'agenda_items.number' is empty"),
    ('agenda_items:\n  - ""\n', "E103", 9, "'agenda_items.number' is empty"),
    ('agenda_items:\n  - {number: "", title: ""}\n', "E103", 9, "'agenda_items.title' is empty"),
    ("agenda_items:\n  - title: Culture of peace\n", "E105", 9, "an agenda item has no 'number'"),
], ids=["forgotten", "left-empty", "null", "number-empty-no-title", "empty-item", "both-empty", "no-number-key"])
def test_an_agenda_forgotten_or_left_empty_is_an_error(tmp_path, agenda, code, line, words):
    found = _errors(_ga_source(tmp_path, agenda))
    assert any(c == code and ln == line and words in msg for c, ln, msg in found), found


@pytest.mark.parametrize("agenda, count", [
    ("agenda_items: []\n", 1),
    ('agenda_items:\n  - number: ""\n    title: Culture of peace\n', 1),
    ('agenda_items:\n  - number: "14"\n    title: Culture of peace\n  - number: ""\n    title: Follow-up\n', 1),
    ('agenda_items:\n  - number: ""\n    title: Culture of peace\n  - number: ""\n    title: Follow-up\n', 2),
], ids=["none", "title-alone", "second-title-alone", "two-titles-alone"])
def test_an_agenda_said_on_purpose_is_linted_and_refused_by_strict(tmp_path, capsys, agenda, count):
    path = _ga_source(tmp_path, agenda)
    found = [(d.code, d.loc.line) for d in lint(read_source(str(path))) if d.code == "W111"]
    assert found == [("W111", 8)] * count
    assert main(["check", str(path)]) == EXIT_OK
    assert main(["check", "--strict", str(path)]) == EXIT_FINDINGS
    assert f"{path}:8:1: warning: " in capsys.readouterr().err


def test_the_hand_written_assembly_source_has_its_agenda_item(tmp_path):
    assert not [d for d in lint(read_source(str(GA_SOURCE))) if d.code == "W111"]


# ------------------------------------------------------------------ every output
@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("no_agenda")
    sources = [_ga_source(folder, "agenda_items: []\n", "none.md"),
               _ga_source(folder, 'agenda_items:\n  - number: ""\n    title: Culture of peace\n', "title.md")]
    out = build_ok(sources, folder / "out")
    verify_ok(sources, out)
    return out


def _cover(path):
    root = etree.parse(str(path)).getroot()
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//a:coverPage/a:p", NS)], root


@pytest.mark.parametrize("stem, titles", [("none", []), ("title", ["Culture of peace"])])
def test_no_output_prints_an_agenda_line(built, stem, titles):
    data = (built / f"{stem}.akn.xml").read_bytes()
    assert validate(data) == []
    cover, root = _cover(built / f"{stem}.akn.xml")
    assert cover[5:7 + len(titles)] == ["Seventy-fifth session", *titles,
                                        "Resolution adopted by the General Assembly on 7 December 2020"]
    assert root.find(".//a:coverPage//a:inline[@name='agenda item']", NS) is None
    assert [e.text for e in root.iterfind(".//a:coverPage//a:inline[@name='agenda item name']", NS)] == titles
    lines = [(p.style.name, p.text) for p in docx.Document(str(built / f"{stem}.docx")).paragraphs
             if p.text.strip()]
    assert lines[:2 + len(titles)] == [("SessionG", "Seventy-fifth session"),
                                       *[("SessionLineG", t) for t in titles],
                                       ("HChG", "Resolution adopted by the General Assembly on 7\u00a0December\u00a02020")]
    html = (built / f"{stem}.html").read_text(encoding="utf-8")
    assert 'class="agenda-item"' not in html and html.count('class="agenda-title"') == len(titles)
    pdf = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(built / f"{stem}.pdf"), "-"],
                                  check=True, capture_output=True, text=True).stdout.split())
    assert "Agenda item" not in pdf
    assert " ".join(["Seventy-fifth session", *titles, "Resolution adopted by the General Assembly"]) in pdf


def test_the_built_akn_imports_back_as_the_source(built, tmp_path):
    for stem in ("none", "title"):
        res, warnings = import_akn(built / f"{stem}.akn.xml")
        assert [w.code for w in warnings if w.code == "W699"] == ["W699"]
        again = read_source(str(built.parent / f"{stem}.md"))
        assert res.meta.agenda_items == again.meta.agenda_items


@corpus
@pytest.mark.parametrize("line, titles", [
    ('<inline name="agenda item">Agenda item</inline>', ""),
    ('<inline name="agenda item"></inline>', ENGLISH_TITLE),
], ids=["words-alone", "title-alone"])
def test_the_independent_reading_of_the_un_file_finds_only_the_named_repair(tmp_path, line, titles):
    """test_import_organs.py's reading of the UN's file, on the English 75/1 with its line cut: the
    title kept under no number is no difference; the words left out are one, named by W699."""
    from test_import_organs import differences
    path = tmp_path / "75_1_E.xml"
    path.write_text(ENGLISH_75_1.read_text(encoding="utf-8").replace(ENGLISH_LINE, line)
                    .replace(ENGLISH_TITLE, titles), encoding="utf-8")
    res, warnings = import_akn(path)
    said = {w.code for w in warnings}
    assert "W699" in said and differences(path, res, said) == []
    unnamed = [kind.split(" (")[0] for kind in differences(path, res, said - {"W699"})]
    assert unnamed == (["agenda line"] if "Agenda item<" in line else [])
