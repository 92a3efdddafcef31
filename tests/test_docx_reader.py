"""verify's DOCX reader opens the package with lxml, not python-docx's objects: it reads every
built DOCX as the reader before it did (tests/docx_reader_python_docx.py), and refuses the
damaged files that reader refused.

Built files: `source/` and imported UN files of the three organs in the six languages. Damaged
files: hand-made damage a word processor or a person could do (cells spanning columns and
rows, styles missing or unknown, breaks of every kind, parts missing or not XML), and
generated edits of the body's paragraphs.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from conftest import CORPUS, ROOT
from docx_reader_python_docx import extract_docx as reader_before
from unres.errors import UnresError
from unres.formats import FORMATS
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.read.docx import extract_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
ORGANS = ("un-akn-hrc/54session", "un-akn-ga/75session", "un-akn-sc/2020")
PER_LANGUAGE = 2


def _imported():
    """Two importable UN files of each organ in each language (those the importer refuses
    have no source)."""
    out = []
    for organ in ORGANS:
        for language in LANGUAGES:
            found = 0
            for path in sorted((CORPUS / organ / language).glob("*.xml")):
                try:
                    res, _warnings = import_akn(str(path))
                except UnresError:
                    continue
                out.append((f"{organ}/{language}/{path.stem}", res))
                found += 1
                if found == PER_LANGUAGE:
                    break
    return out


@pytest.fixture(scope="module")
def built():
    models = [(p.stem, read_source(str(p))) for p in sorted((ROOT / "source").glob("*.md"))]
    if CORPUS.exists():
        models += _imported()
    return [(name, FORMATS["docx"].render(res, {})) for name, res in models]


def _both(data: bytes):
    """What each reader makes of the file: its fingerprint, or the failure's class."""
    out = []
    for reader in (reader_before, extract_docx):
        try:
            out.append(reader(data))
        except Exception:     # a damaged file is a finding: both must refuse it
            out.append(Exception)
    return out


def test_every_built_docx_reads_as_before(built):
    for name, data in built:
        before, after = _both(data)
        assert before is not Exception, name
        assert after == before, name
    assert len(built) >= (3 + 3 * 6 * PER_LANGUAGE if CORPUS.exists() else 3)


# ---------------------------------------------------------------- damaged files
def _parts(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _zipped(parts: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    return out.getvalue()


def _edit_xml(parts: dict, name: str, edit) -> None:
    root = etree.fromstring(parts[name])
    edit(root)
    parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _masthead(root):
    return root.find(f"{_w('body')}/{_w('tbl')}")


def _tc_pr(tc):
    pr = tc.find(_w("tcPr"))
    if pr is None:
        pr = etree.SubElement(tc, _w("tcPr"))
        tc.insert(0, pr)
    return pr


def _span_a_cell(root):
    """"United Nations" over two columns: its text is the row's twice."""
    etree.SubElement(_tc_pr(_masthead(root).find(_w("tr")).findall(_w("tc"))[1]), _w("gridSpan")).set(_w("val"), "2")


def _merge_down(root):
    rows = _masthead(root).findall(_w("tr"))
    etree.SubElement(_tc_pr(rows[1].findall(_w("tc"))[2]), _w("vMerge"))


def _merge_from_top(root):
    etree.SubElement(_tc_pr(_masthead(root).find(_w("tr")).find(_w("tc"))), _w("vMerge")).set(_w("val"), "continue")


def _grid_before(root):
    rows = _masthead(root).findall(_w("tr"))
    pr = rows[1].find(_w("trPr"))
    if pr is None:
        pr = etree.Element(_w("trPr"))
        rows[1].insert(0, pr)
    etree.SubElement(pr, _w("gridBefore")).set(_w("val"), "1")
    etree.SubElement(_tc_pr(rows[1].findall(_w("tc"))[1]), _w("vMerge"))


def _paragraphs(root):
    return root.find(_w("body")).findall(_w("p"))


def _runs_of_every_kind(root):
    """Breaks of each type, a carriage return, a non-breaking hyphen, a positional tab and a
    link around a run, in a numbered paragraph."""
    p = next(p for p in _paragraphs(root) if "\t" not in "".join(p.itertext()) and len(p.findall(_w("r"))) > 1)
    r = p.findall(_w("r"))[1]
    for tag, attrs in (("br", {}), ("br", {_w("type"): "page"}), ("br", {_w("type"): "column"}),
                       ("br", {_w("type"): "textWrapping"}), ("cr", {}), ("noBreakHyphen", {}),
                       ("ptab", {_w("alignment"): "left", _w("relativeTo"): "margin", _w("leader"): "none"})):
        etree.SubElement(r, _w(tag), attrs)
    link = etree.Element(_w("hyperlink"))
    p.replace(r, link)
    link.append(r)


def _style_ids(root, *ids):
    for p, style_id in zip(_paragraphs(root)[2:], ids):
        pr = p.find(_w("pPr"))
        if pr is None:
            pr = etree.Element(_w("pPr"))
            p.insert(0, pr)
        style = pr.find(_w("pStyle"))
        if style is None:
            style = etree.SubElement(pr, _w("pStyle"))
            pr.insert(0, style)
        if style_id is None:
            style.attrib.clear()
        else:
            style.set(_w("val"), style_id)


def _comment_in_run(root):
    p = [p for p in _paragraphs(root) if p.find(_w("r")) is not None][-1]
    p.find(_w("r")).append(etree.Comment("a note to self"))


def _styles(edit):
    def apply(parts):
        _edit_xml(parts, "word/styles.xml", edit)
    return apply


def _first_style(kind):
    def edit(root):
        style = next(s for s in root.iter(_w("style")) if s.get(_w("type")) == "paragraph")
        if kind == "bogus type":
            style.set(_w("type"), "bogus")
        elif kind == "no name":
            style.remove(style.find(_w("name")))
        elif kind == "name without value":
            style.find(_w("name")).attrib.clear()
        elif kind == "default spelled yes":
            style.set(_w("default"), "yes")
        elif kind == "no default":
            for s in root.iter(_w("style")):
                s.attrib.pop(_w("default"), None)
        elif kind == "two defaults":
            style.set(_w("default"), "1")
    return edit


def _document(edit):
    def apply(parts):
        _edit_xml(parts, "word/document.xml", edit)
    return apply


def _replace(name, old: bytes, new: bytes):
    def apply(parts):
        assert old in parts[name]
        parts[name] = parts[name].replace(old, new)
    return apply


def _drop(name):
    def apply(parts):
        del parts[name]
    return apply


def _no_body(parts):
    parts["word/document.xml"] = re.sub(rb"<w:body>.*</w:body>", b"", parts["word/document.xml"], flags=re.S)


DAMAGE = {
    "a cell spanning two columns": _document(_span_a_cell),
    "a cell merged with the one above": _document(_merge_down),
    "a row starting a column later": _document(_grid_before),
    "a merge from the first row": _document(_merge_from_top),
    "breaks, hyphens, tabs and a link": _document(_runs_of_every_kind),
    "unknown, character, empty and missing style ids": _document(
        lambda root: _style_ids(root, "NoSuchStyle", "FootnoteReference", "", None)),
    "a comment in a run": _document(_comment_in_run),
    "no body": _no_body,
    "a style of no known type": _styles(_first_style("bogus type")),
    "a style without a name": _styles(_first_style("no name")),
    "a style name without a value": _styles(_first_style("name without value")),
    "a default spelled 'yes'": _styles(_first_style("default spelled yes")),
    "no default paragraph style": _styles(_first_style("no default")),
    "two default paragraph styles": _styles(_first_style("two defaults")),
    "no styles part": _replace("word/_rels/document.xml.rels", b'Target="styles.xml"', b'Target="nostyles.xml"'),
    "no styles relationship": _replace(
        "word/_rels/document.xml.rels",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        b"http://example.org/not-styles"),
    "a header that is not XML": _replace("word/header1.xml", b"</w:hdr>", b"</w:hdrr>"),
    "relationships that are not XML": _replace("word/_rels/document.xml.rels", b"</Relationships>", b""),
    "a theme that is not XML (kept as bytes)": _replace("word/theme/theme1.xml", b"</a:theme>", b""),
    "the theme missing": _drop("word/theme/theme1.xml"),
    "the footnotes missing": _drop("word/footnotes.xml"),
    "the content types missing": _drop("[Content_Types].xml"),
    "the main part's content type another": _replace(
        "[Content_Types].xml", b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"),
    "no override for the footers": _replace(
        "[Content_Types].xml", b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"',
        b'ContentType="application/xml"'),
    "no main document relationship": _replace(
        "_rels/.rels", b"relationships/officeDocument", b"relationships/somethingElse"),
}


@pytest.fixture(scope="module")
def sample(built):
    """A built DOCX with a footnote and a masthead: 38/3's."""
    return dict(built)["A_HRC_RES_38_3"]


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_docx_reads_as_before(sample, damage):
    parts = _parts(sample)
    DAMAGE[damage](parts)
    before, after = _both(_zipped(parts))
    assert after == before


def test_damage_is_seen_by_the_reader(sample):
    """The damage above changes what is read or refuses the file: the comparison compares."""
    plain = _both(_zipped(_parts(sample)))[0]
    changed = 0
    for name in ("a cell spanning two columns", "breaks, hyphens, tabs and a link", "no styles part",
                 "a comment in a run", "the main part's content type another"):
        parts = _parts(sample)
        DAMAGE[name](parts)
        changed += _both(_zipped(parts))[0] != plain
    assert changed == 5


CONTENT = ("t", "tab", "br", "br page", "cr", "noBreakHyphen", "ptab", "footnoteReference", "comment")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 400), st.sampled_from(CONTENT),
                          st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=6),
                          st.sampled_from(["SingleTxtG", "H1G", "MeetingG", "OpeningG", "Nope", None, "keep"])),
                min_size=1, max_size=8))
def test_edited_paragraphs_read_as_before(sample, edits):
    parts = _parts(sample)

    def edit(root):
        paragraphs = _paragraphs(root)
        for at, kind, text, style in edits:
            p = paragraphs[at % len(paragraphs)]
            r = etree.SubElement(p, _w("r"))
            if kind == "t":
                etree.SubElement(r, _w("t")).text = text
            elif kind == "br page":
                etree.SubElement(r, _w("br"), {_w("type"): "page"})
            elif kind == "footnoteReference":
                etree.SubElement(r, _w("footnoteReference"), {_w("id"): str(len(text))})
            elif kind == "comment":
                r.append(etree.Comment(text.replace("-", "")))
            else:
                etree.SubElement(r, _w(kind))
            if style != "keep":
                pr = p.find(_w("pPr"))
                if pr is None:
                    pr = etree.Element(_w("pPr"))
                    p.insert(0, pr)
                for old in pr.findall(_w("pStyle")):
                    pr.remove(old)
                if style is not None:
                    pr.insert(0, etree.Element(_w("pStyle"), {_w("val"): style}))
    _edit_xml(parts, "word/document.xml", edit)
    before, after = _both(_zipped(parts))
    assert after == before
