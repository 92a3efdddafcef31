"""The Council's language line ("Français") stands under "Original: anglais" in files issued in
2023 and before, above it from 2024 on; a source's `language_line_position` says otherwise."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from docx import Document
from lxml import etree
from lxml import html as lxml_html

from conftest import CORPUS, FRONT, ROOT, SOURCE_38_3, build_ok
from test_import_unseen import HRC, HRC_REFUSED
from unres.errors import SourceError
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

LANGUAGE, ORIGINAL = "Français", "Original: anglais"
# Variant of the French 38/3 -> where its language line stands.
VARIANTS = {
    "issued_2024": ("2024-04-04", None, "above"),
    "issued_2024_below": ("2024-04-04", "below", "below"),
    "issued_2018_above": ("2018-07-16", "above", "above"),
}


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def _french(issue_date, position):
    text = sub(SOURCE_38_3.read_text(encoding="utf-8"), "\nlanguage: English", "\nlanguage: French")
    text = sub(text, "issue_date: 2018-07-16", f"issue_date: {issue_date}")
    if position:
        text = sub(text, "\nlanguage: French", f"\nlanguage: French\nlanguage_line_position: {position}")
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("language_line")
    sources = []
    for name, (issue_date, position, _expected) in VARIANTS.items():
        path = folder / f"{name}.md"
        path.write_text(_french(issue_date, position), encoding="utf-8")
        sources.append(str(path))
    return build_ok(sources, folder / "out")


def _order(text: str) -> str:
    text = " ".join(text.split())
    assert LANGUAGE in text and ORIGINAL in text, text[:400]
    return "above" if text.index(LANGUAGE) < text.index(ORIGINAL) else "below"


def _html(path):
    return lxml_html.fromstring(path.read_bytes()).find(".//header").text_content()


def _pdf(path):
    return subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def _docx(path):
    return " ".join(c.text for c in Document(str(path)).tables[0].rows[1].cells)


def _akn(path):
    cover = etree.parse(str(path)).getroot().find(".//{*}coverPage")
    return " ".join(cover.itertext())


@pytest.mark.parametrize("name", list(VARIANTS))
@pytest.mark.parametrize("suffix,read", [(".html", _html), (".pdf", _pdf), (".docx", _docx), (".akn.xml", _akn)])
def test_the_language_line_stands_where_the_date_or_the_source_says(built, name, suffix, read):
    assert _order(read(built / f"{name}{suffix}")) == VARIANTS[name][2]


@pytest.mark.parametrize("issue_date,expected", [("2023-10-13", "below"), ("2023-12-31", "below"),
                                                  ("2024-01-01", "above"), ("2024-04-04", "above")])
def test_the_default_follows_the_issue_date(source_file, issue_date, expected):
    res = read_source(str(source_file(_french(issue_date, None), "")))
    assert res.meta.language_line_position is None
    assert present(res).language_line_above == (expected == "above")


@pytest.mark.parametrize("written", ["up", "Above", "true", "[above]"])
def test_another_position_is_an_error_with_its_line(source_file, written):
    front = sub(FRONT, "\nlanguage: English", f"\nlanguage: English\nlanguage_line_position: {written}")
    line = front.splitlines().index(f"language_line_position: {written}") + 1
    path = source_file(front)
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.loc.line) == ("E110" if written != "[above]" else "E103", line)
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o",
                             str(path.parent / "out")], capture_output=True, text=True)
    assert result.returncode == 3
    assert f"{path}:{line}:" in result.stderr
    assert not (path.parent / "out").exists() or not any((path.parent / "out").iterdir())


def test_another_organ_takes_no_position(source_file):
    text = (ROOT / "source" / "S_RES_2508_2020.md").read_text(encoding="utf-8")
    path = source_file(sub(text, "\nlanguage: English", "\nlanguage: English\nlanguage_line_position: above"), "")
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    assert [d.code for d in caught.value.diagnostics] == ["E109"]


@pytest.mark.parametrize("name,kept", [("issued_2024", None), ("issued_2024_below", "below"),
                                       ("issued_2018_above", "above")])
def test_the_importer_keeps_the_position_only_where_the_date_does_not_give_it(built, name, kept):
    res, _warnings = import_akn(built / f"{name}.akn.xml")
    assert res.meta.language_line_position == kept
    assert ("language_line_position" in render_markdown(res)) == (kept is not None)


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is absent")
def test_a_un_file_of_2023_printing_the_old_order_keeps_it_when_dated_2024(tmp_path):
    [path] = (CORPUS / "un-akn-hrc" / "54session" / "French").glob("A_HRC_RES_54_1F.xml")
    assert import_akn(path)[0].meta.language_line_position is None
    text = path.read_text(encoding="utf-8")
    moved = re.sub(r'(<docDate date=")2023-\d\d-\d\d(" [^>]*refersTo="#dateOfIssuance")', r"\g<1>2024-04-04\2",
                   text, count=1)
    assert moved != text
    (tmp_path / path.name).write_text(moved, encoding="utf-8")
    assert import_akn(tmp_path / path.name)[0].meta.language_line_position == "below"


def test_verify_expects_the_order_the_source_gives(built, tmp_path):
    import shutil
    shutil.copy(built.parent / "issued_2024.md", tmp_path / "issued_2024.md")
    (tmp_path / "out").mkdir()
    html = (built / "issued_2024.html").read_text(encoding="utf-8")
    line, original = f'      <p class="language-line">{LANGUAGE}</p>\n', f"      <p>{ORIGINAL}</p>\n"
    (tmp_path / "out" / "issued_2024.html").write_text(sub(html, line + original, original + line), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(tmp_path / "issued_2024.md"),
                             "-o", str(tmp_path / "out"), "-f", "html"], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert ORIGINAL in result.stdout + result.stderr


# The unseen Human Rights Council files that import (a refused one is refused for its own reason).
_UNSEEN_HRC = [p for p in HRC if p.name not in HRC_REFUSED and b'name="languageOfExpression"' in p.read_bytes()]


@pytest.mark.parametrize("line", ["languageOfExpression", "originalLanguage"])
@pytest.mark.parametrize("path", _UNSEEN_HRC[::4], ids=lambda p: p.name)
def test_a_line_typed_after_the_title_takes_the_dates_place_and_is_named(tmp_path, path, line):
    """The masthead stands above the title: a language line or "Original: …" typed after the title
    (A/HRC/RES/55/15 in Arabic) says nothing of its place there, which the date gives (W666)."""
    tree = etree.parse(str(path))
    cover = tree.getroot().find(".//{*}coverPage")
    [moved] = [p for p in cover.iter("{*}p") if p.find(f".//{{*}}inline[@name='{line}']") is not None]
    moved.getparent().remove(moved)
    cover.append(moved)
    copy = tmp_path / path.name
    tree.write(str(copy), encoding="utf-8", xml_declaration=False)
    res, warnings = import_akn(copy)
    assert res.meta.language_line_position is None
    [named] = [w for w in warnings if w.code == "W666"]
    written = etree.parse(str(copy)).getroot().find(f".//{{*}}coverPage//{{*}}inline[@name='{line}']")
    assert named.loc.line == written.sourceline
    assert "language_line_position" not in render_markdown(res)
