"""What an organ prints between a resolution's number and its title, in each language: the
Assembly's Arabic files of the 75th session print "75/10." then "-\tالتعاون …", those of the 76th
and 78th nothing, every other organ and language nothing. The language data knows the form, a
source says whether it is printed (`title_separator`), the writers print it, the importer takes it
off the title and writes the key, and a source whose title still has it is warned of (W112)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from conftest import CORPUS
from unres.lint import lint
from unres.model import languages
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.fingerprint import normalise
from unres.writers.akn import writer as akn
from unres.writers.docx import pandoc_ast
from unres.writers.html import writer as html
from unres.writers.markdown import render_markdown

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
FOLDERS = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}
ORGANS = {"hrc": "un-akn-hrc/54session", "ga": "un-akn-ga/75session", "sc": "un-akn-sc/2020"}
# Read from the UN's files: only the Assembly's Arabic prints something between number and title.
PRINTED = {("ar", "ga"): "- "}


def _un_file(organ: str, code: str):
    """The first resolution of the organ in the language's folder, in that language."""
    folder = CORPUS / ORGANS[organ] / FOLDERS[code]
    files = sorted(p for p in folder.glob("*.xml") if "PRST" not in p.name
                   and (organ != "sc" or p.stem.endswith(LETTERS[code])))
    if not files:
        pytest.skip(f"no {organ} file in {folder}")
    return files[0]


def _source(path, tmp_path):
    """The UN file as a source: imported, written as Markdown and read back."""
    res, _warnings = import_akn(path)
    out = tmp_path / "res.md"
    out.write_text(render_markdown(res), encoding="utf-8")
    return read_source(str(out))


def _strings(node) -> str:
    """The words of a pandoc tree, its Str nodes in order."""
    if isinstance(node, dict):
        return node["c"] if node.get("t") == "Str" else _strings(node.get("c"))
    if isinstance(node, list):
        return "".join(_strings(n) for n in node)
    return ""


def _un_title(path) -> str:
    doc = etree.parse(str(path))
    el = doc.find(".//a:preface//a:docTitle[@refersTo='#resolutionTitle']", NS)
    if el is None:
        el = doc.find(".//a:preface//a:docTitle", NS)
    return normalise("".join(el.itertext()))


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@pytest.mark.parametrize("organ", list(ORGANS))
@pytest.mark.parametrize("code", list(FOLDERS))
def test_what_prints_between_number_and_title(code, organ, tmp_path):
    path = _un_file(organ, code)
    res = _source(path, tmp_path)
    pres = present(res)
    separator = PRINTED.get((code, organ), "")
    assert pres.title_separator == separator
    assert languages.title_separator(code, organ) == separator or organ == "sc"
    page = lxml_html.fromstring(html.page(res, pres))
    h1 = page.find(".//h1")
    akn_doc = etree.fromstring(akn.render(res))
    docx_heading = [b for b in pandoc_ast.page_one(res, pres, pandoc_ast.Inlines(res))
                    if b["c"][0][2] == [["custom-style", "H1G"]]]
    if organ == "sc":
        # The Security Council prints its number alone, no title.
        assert page.find(".//*[@class='title-text']") is not None  # its number's line
        assert not docx_heading and akn_doc.find(".//a:preface", NS) is None
        return
    printed = normalise(separator + res.meta.title)
    # The source's title is the title alone; printed after the separator, it is the UN's line.
    assert not res.meta.title.startswith(separator or "\0")
    assert printed == _un_title(path)
    assert normalise(h1.find(".//*[@class='number']").text_content()) == normalise(pres.title_number)
    assert normalise(h1.find(".//*[@class='title-text']").text_content()) == printed
    assert [normalise(_strings(b)) for b in docx_heading] == [normalise(pres.title_number + " " + printed)]
    preface_title = akn_doc.find(".//a:preface//a:docTitle", NS)
    assert normalise("".join(preface_title.itertext())) == printed
    # unres's own AKN imports back to the same title.
    own = tmp_path / "res.akn.xml"
    own.write_bytes(akn.render(res))
    assert import_akn(own)[0].meta.title == res.meta.title
    assert [d for d in lint(res) if d.code == "W112"] == []


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dash=st.sampled_from(sorted(languages.SEPARATOR_DASHES)),
       space=st.text(alphabet=" \t\n\u00a0", min_size=0, max_size=4),
       head=st.sampled_from(["", "-", "–", "—", "-x", "(أ)"]))
def test_the_importer_takes_off_the_separator_alone(tmp_path, dash, space, head):
    """The separator, in whatever dash the session prints ("-", "–", "—" …) and whatever
    whitespace (or none) the file prints after it, is taken off the Arabic Assembly title and
    kept as printed, its whitespace one space; anything after it (another dash, a dash joined to
    a word) is kept in the title."""
    path = _un_file("ga", "ar")
    text = path.read_text(encoding="utf-8")
    found = re.search(r'(<docTitle refersTo="#resolutionTitle">)-\s+', text)
    title = "التعاون بين الأمم المتحدة"
    variant = tmp_path / "variant.xml"
    variant.write_text(text[:found.start()] + found.group(1) + dash + space + head + title
                       + text[text.index("</docTitle>", found.end()):], encoding="utf-8")
    res, warnings = import_akn(variant)
    assert normalise(res.meta.title) == normalise(head + title)
    assert res.meta.title_separator == dash + (" " if space else "")
    # The separator is the layout, not a defect: nothing is said of it.
    assert [w.code for w in warnings] == _codes_of_the_file()
    # Written as a source and read back, it prints as the file does.
    out = tmp_path / "res.md"
    out.write_text(render_markdown(res), encoding="utf-8")
    back = read_source(str(out))
    assert present(back).title_separator + back.meta.title == dash + (" " if space else "") + res.meta.title


_CODES = []


def _codes_of_the_file() -> list:
    if not _CODES:
        _CODES.append([w.code for w in import_akn(_un_file("ga", "ar"))[1]])
    return _CODES[0]


TYPED = ["- التعاون", "-\tالتعاون", "-  التعاون", "-التعاون", "– التعاون", "—التعاون", "\u2010 التعاون",
         "\u2212\tالتعاون"]


def _arabic_source(tmp_path, organ: str, title: str):
    res = _source(_un_file(organ, "ar"), tmp_path)
    md = tmp_path / "res.md"
    text = md.read_text(encoding="utf-8")
    text = re.sub(r'^title: .*$', lambda _m: f'title: "{title}"', text, count=1, flags=re.M)
    md.write_text(text, encoding="utf-8")
    line = text[:text.index("\ntitle: ")].count("\n") + 2
    return read_source(str(md)), line


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@pytest.mark.parametrize("typed", TYPED)
def test_a_title_typed_with_the_separator_is_warned_of(tmp_path, typed):
    """In any of the dashes the UN prints there, with or without a space after it; the source
    says 'title_separator' (as imported): the separator would be printed twice."""
    res, line = _arabic_source(tmp_path, "ga", typed)
    found = [d for d in lint(res) if d.code == "W112"]
    assert len(found) == 1 and found[0].loc.line == line
    assert "take it off the title" in found[0].message


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@pytest.mark.parametrize("typed", TYPED)
def test_a_title_typed_with_the_separator_is_told_how_to_write_it(tmp_path, typed):
    """Without 'title_separator' (a source written before it existed), the warning says how to
    write what was typed, in its own dash."""
    md, _line = _handwritten(tmp_path, "")
    text = re.sub(r'^title: .*$', lambda _m: f'title: "{typed}"', md.read_text(encoding="utf-8"),
                  count=1, flags=re.M)
    md.write_text(text, encoding="utf-8")
    found = [d for d in lint(read_source(str(md))) if d.code == "W112"]
    printed = re.sub(r"\s+", " ", typed[:len(typed) - len("التعاون")])
    assert len(found) == 1 and f"title_separator: \"{printed}\"" in found[0].message, found


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@pytest.mark.parametrize("organ, typed", [("hrc", "- التعاون"), ("hrc", "– التعاون"), ("ga", "التعاون - الأمم"),
                                          ("ga", "(أ) التعاون"), ("ga", "-")])
def test_a_title_without_the_separator_the_organ_prints_is_not(tmp_path, organ, typed):
    res, _line = _arabic_source(tmp_path, organ, typed)
    assert [d for d in lint(res) if d.code == "W112"] == []


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
def test_a_file_that_prints_no_separator_imports_and_prints_none(tmp_path):
    """The Assembly's Arabic files of the 76th and 78th sessions print the title after the number
    with no dash: imported so, nothing is added (the key is not written)."""
    path = _un_file("ga", "ar")
    text = path.read_text(encoding="utf-8")
    found = re.search(r'(<docTitle refersTo="#resolutionTitle">)-\s+', text)
    variant = tmp_path / "variant.xml"
    variant.write_text(text[:found.start()] + found.group(1) + "\t" + text[found.end():], encoding="utf-8")
    res = _source(variant, tmp_path)
    assert res.meta.title_separator is None and present(res).title_separator == ""
    assert "title_separator" not in render_markdown(res)
    page = lxml_html.fromstring(html.page(res, present(res)))
    assert normalise(page.find(".//h1//*[@class='title-text']").text_content()) == normalise(res.meta.title)
    assert normalise(res.meta.title) == _un_title(variant)


def _handwritten(tmp_path, line: str, organ: str = "ga"):
    res = _source(_un_file(organ, "ar"), tmp_path)
    md = tmp_path / "res.md"
    text = re.sub(r'^title_separator: .*\n', "", md.read_text(encoding="utf-8"), flags=re.M)
    text = re.sub(r'^(title: .*\n)', lambda m: m.group(1) + line, text, count=1, flags=re.M)
    md.write_text(text, encoding="utf-8")
    return md, text[:text.index("\ntitle: ")].count("\n") + 3


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@pytest.mark.parametrize("line, printed", [("", ""), ('title_separator: "- "\n', "- ")])
def test_a_source_prints_the_separator_it_says(tmp_path, line, printed):
    md, _line = _handwritten(tmp_path, line)
    res = read_source(str(md))
    pres = present(res)
    assert pres.title_separator == printed
    page = lxml_html.fromstring(html.page(res, pres))
    assert normalise(page.find(".//h1//*[@class='title-text']").text_content()) == normalise(printed + res.meta.title)
    preface_title = etree.fromstring(akn.render(res)).find(".//a:preface//a:docTitle", NS)
    assert normalise("".join(preface_title.itertext())) == normalise(printed + res.meta.title)
    assert [d for d in lint(res) if d.code == "W112"] == []


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
@pytest.mark.parametrize("organ, value", [("ga", '"  "'), ("sc", '"- "')])
def test_a_separator_that_cannot_print_is_refused(tmp_path, organ, value):
    from unres.errors import SourceError
    md, line = _handwritten(tmp_path, f"title_separator: {value}\n", organ)
    with pytest.raises(SourceError) as caught:
        read_source(str(md))
    found = [d for d in caught.value.diagnostics if d.code == "E103"]
    assert found and found[0].loc.line == line, caught.value.diagnostics


@pytest.mark.skipif(not CORPUS.exists(), reason="the UN corpus is not available")
def test_a_file_printing_another_dash_imports_builds_and_verifies(tmp_path):
    """An en dash with a tab after it, an em dash, a hyphen and a minus joined to the title: each
    imported as the separator, printed as the file prints it, and every output verifies."""
    from conftest import build_ok
    path = _un_file("ga", "ar")
    text = path.read_text(encoding="utf-8")
    found = re.search(r'(<docTitle refersTo="#resolutionTitle">)-\s+', text)
    sources = []
    for n, printed in enumerate(["–\t", "—", "-", "\u2212 "]):
        variant = tmp_path / f"v{n}.xml"
        variant.write_text(text[:found.start()] + found.group(1) + printed + text[found.end():], encoding="utf-8")
        res, _warnings = import_akn(variant)
        assert res.meta.title_separator == re.sub(r"\s+", " ", printed)
        assert not res.meta.title[:1] in languages.SEPARATOR_DASHES
        md = tmp_path / f"v{n}.md"
        md.write_text(render_markdown(res), encoding="utf-8")
        assert [d for d in lint(read_source(str(md))) if d.code == "W112"] == []
        sources.append(md)
    build_ok(sources, tmp_path / "out")
