"""An edit of one character anywhere verify reads the printed lines is reported, in every language.

Editing one letter or digit of every text of the built HTML, AKN and DOCX files (the UN's files
of each organ in six languages) found what verify let through: each part's enacting formula ("The
General Assembly,"), which no reader compared; a note's call printed with another number than its
note's marker (HTML); the DOCX's running header and page-number footer, which nothing read; and
the organ's name, the session's name and the parent organ beside the emblem, which were not among
the printed strings verify looks for. Here every such place of each built file is edited, one at
a time, and each edit must be reported.

Editing the AKN's attributes likewise found that nothing read what its metadata says for a
machine: the adoption and issue dates (FRBRdate, docDate, the lifecycle and workflow), the
number, session and language, the IRIs made of them, a cited document's address and symbol, and
the references inside the file ("#hrc"). verify now reads them (verify/read/akn_meta.py). Of
the HTML page it now reads the language and direction, the links inside the page, each
paragraph's id and what the head tells a browser; of the DOCX, the default language and
paragraph direction its styles give a word processor, that every style it uses is defined, and
its core properties (title, symbol, language); of the PDF, its language and what it tells a
viewer (title, organ, symbol). The job number (the first page's footer of the DOCX, the AKN's
docketNumber: the Assembly's files give one) is read too (tests/test_job_number.py).
"""
from __future__ import annotations

import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from conftest import CORPUS
from unres.pipeline.build import render_verified
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.command import differences
from unres.verify.expected import from_model
from unres.writers.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SUFFIX = {"html": ".html", "akn": ".akn.xml", "docx": ".docx"}
# The repository's own sources (the three organs, in English), and one UN file of each organ in
# each language it is read back in here.
OWN = sorted((ROOT / "source").glob("*.md"))
UN = [f"un-akn-hrc/54session/{language}/A_HRC_RES_54_12{letter}.xml"
      for language, letter in (("Arabic", "A"), ("Chinese", "C"), ("English", "E"), ("French", "F"),
                               ("Russian", "R"), ("Spanish", "S"))] + \
     ["un-akn-ga/75session/French/75_11_F.xml", "un-akn-sc/2020/Chinese/S_RES_2515 (2020)-2004804C.xml"]


def other(ch: str) -> str:
    """Another character of the same kind: the next digit, or the nearest letter of the same
    category (a letter of the same script and case)."""
    if ch.isdigit():
        return str((int(ch) + 1) % 10)
    for step in (1, -1, 2, -2, 3, -3):
        new = chr(ord(ch) + step)
        if new.isalpha() and unicodedata.category(new) == unicodedata.category(ch) and new.lower() != ch.lower():
            return new
    raise AssertionError(ch)


def edited(text: str) -> str:
    at = next(i for i, ch in enumerate(text) if ch.isalnum())
    return text[:at] + other(text[at]) + text[at + 1:]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list:
    """(source, built folder) for each source that could be read."""
    out = tmp_path_factory.mktemp("printed-edits")
    sources = list(OWN)
    for name in UN:
        path = CORPUS / name
        if path.is_file():
            source = out / (path.stem.replace(" ", "_") + ".md")
            source.write_text(render_markdown(import_akn(path)[0]), encoding="utf-8")
            sources.append(source)
    built, folder = [], out / "build"
    folder.mkdir()
    for source in sources:
        outputs, _warnings = render_verified(str(source), source.read_bytes(), list(SUFFIX), str(folder))
        for fmt, data in outputs.items():
            (folder / (source.stem + SUFFIX[fmt])).write_bytes(data)
        built.append((source, folder))
    return built


def _html_places(root) -> list:
    """The text nodes of the formula, the notes' calls and the page-one lines verify reads."""
    out = []
    for el in root.iter():
        classes = (el.get("class") or "").split()
        if {"formula", "organ", "session-name", "parent-organ"} & set(classes) or \
                (el.tag == "a" and el.get("role") == "doc-noteref"):
            out += [node for node in el.iter() if node.text and any(c.isalnum() for c in node.text)]
    return out


def _akn_places(root) -> list:
    out = []
    for el in root.iter(f"{{{A}}}formula", f"{{{A}}}docAuthority", f"{{{A}}}session", f"{{{A}}}docketNumber"):
        out += [node for node in el.iter() if node.text and any(c.isalnum() for c in node.text)]
    return out


def _docx_places(parts: dict) -> list:
    """(part, the index of a w:t) of the formula, the page-one lines, the running headers and
    footers' literal text and the first page's footer (its job number)."""
    out = []
    for name, data in sorted(parts.items()):
        if not (name == "word/document.xml" or name.startswith(("word/header", "word/footer"))):
            continue
        root = etree.fromstring(data)
        texts = list(root.iter(f"{{{W}}}t"))
        for p in root.iter(f"{{{W}}}p"):
            style = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
            style = style.get(f"{{{W}}}val") if style is not None else ""
            if name == "word/document.xml" and not style.startswith(("FormulaG", "OrganG", "SessionG")):
                continue
            out += [(name, texts.index(t)) for t in p.iter(f"{{{W}}}t")
                    if t.text and any(c.isalnum() for c in t.text)
                    and not (name.startswith("word/footer") and t.text.strip().isdigit())]
    return out


def _docx_texts_edited(source: Path, build: Path, tmp_path: Path) -> int:
    want = from_model(read_source(str(source)), str(source))
    original = build / (source.stem + SUFFIX["docx"])
    target = tmp_path / original.name
    with zipfile.ZipFile(original) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    places = _docx_places(parts)
    for name, index in places:
        root = etree.fromstring(parts[name])
        node = list(root.iter(f"{{{W}}}t"))[index]
        node.text = edited(node.text)
        with zipfile.ZipFile(target, "w") as zf:
            for part, data in parts.items():
                zf.writestr(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                 standalone=True) if part == name else data)
        assert differences(want, {"docx": (target, target)}), f"{original.name} {name}: {node.text!r} not reported"
    return len(places)


@pytest.mark.parametrize("fmt", ["html", "akn", "docx"])
def test_every_edit_of_the_printed_lines_is_reported(built, fmt, tmp_path):
    if fmt == "docx":
        checked = {source.stem: _docx_texts_edited(source, build, tmp_path) for source, build in built}
    elif fmt == "html":
        checked = _edit_each(built, tmp_path, fmt, lambda root: [(n, None) for n in _html_places(root)],
                             lxml_html.fromstring, lambda root: lxml_html.tostring(root, encoding="utf-8"),
                             _set_edited)
    else:
        checked = _edit_each(built, tmp_path, fmt, lambda root: [(n, None) for n in _akn_places(root)],
                             etree.fromstring,
                             lambda root: etree.tostring(root, xml_declaration=True, encoding="UTF-8"), _set_edited)
    assert all(checked.values()), checked


# What the AKN's metadata says for a machine: each value an archive reads (dates, number,
# session, language, symbol, the IRIs made of them), a cited document's address and symbol, the
# link's address, a quantity's value, and every reference to an element of the file ("#id").
METADATA = {("FRBRthis", "value"), ("FRBRuri", "value"), ("FRBRdate", "date"), ("FRBRnumber", "value"),
            ("FRBRnumber", "showAs"), ("FRBRlanguage", "language"), ("FRBRalias", "value"),
            ("eventRef", "date"), ("step", "date"), ("docDate", "date"), ("session", "value"),
            ("quantity", "normalized"), ("ref", "href"), ("TLCReference", "href"),
            ("TLCReference", "showAs"), ("original", "href"), ("original", "showAs"),
            # unres's own copy of the source, which `unres import` takes back
            ("source", "sessionStart"), ("source", "sessionEnd"), ("source", "agendaItem"), ("voters", "list")}
REFERENCES = ("refersTo", "href", "as", "by", "source", "outcome")


def _metadata_places(root) -> list:
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        for attr, value in el.attrib.items():
            if (name, attr) in METADATA or (attr in REFERENCES and value.startswith("#")):
                out.append((el, attr))
    return out


def _edited_value(value: str) -> str:
    """A digit changed where the value has one (a date, a number, the numbers of an IRI or a
    symbol), else its first letter (a language, a reference's name)."""
    at = next((i for i, ch in enumerate(value) if ch.isdigit()), None)
    if at is None:
        at = next(i for i, ch in enumerate(value) if ch.isalpha())
    return value[:at] + other(value[at]) + value[at + 1:]


def _edit_each(built, tmp_path, fmt, places, parse, serialise, change) -> dict:
    """Each place ``places(root)`` finds in each built file of ``fmt``, changed by ``change``
    one at a time (it says what it did): every edit must be reported. How many places each had."""
    checked = {}
    for source, build in built:
        want = from_model(read_source(str(source)), str(source))
        original = build / (source.stem + SUFFIX[fmt])
        target = tmp_path / original.name
        data = original.read_bytes()
        count = len(places(parse(data)))
        for index in range(count):
            root = parse(data)
            what = change(places(root)[index])
            target.write_bytes(serialise(root))
            assert differences(want, {fmt: (target, target)}), f"{original.name}: {what} not reported"
        checked[source.stem] = count
    return checked


def _set_edited(place) -> str:
    el, attr = place
    if attr is None:
        el.text = edited(el.text)
        return f"{el.tag} {el.text!r}"
    el.set(attr, _edited_value(el.get(attr)))
    return f"{etree.QName(el).localname} {attr}={el.get(attr)!r}"


def test_every_edit_of_the_akn_metadata_is_reported(built, tmp_path):
    checked = _edit_each(built, tmp_path, "akn", _metadata_places, etree.fromstring,
                         lambda root: etree.tostring(root, xml_declaration=True, encoding="UTF-8"), _set_edited)
    assert all(count > 20 for count in checked.values()), checked


def _html_attribute_places(root) -> list:
    """The page's language and direction, its links inside itself (a note's call and back, a
    paragraph's own link), the ids of its paragraphs and notes, and what its head tells a
    browser (the symbol, the organ, the title)."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "html":
            out += [(el, "lang"), (el, "dir")]
        elif el.tag == "a" and (el.get("href") or "").startswith("#"):
            out.append((el, "href"))
        elif el.get("id") and (el.tag in ("div", "li") or "preambular" in (el.get("class") or "")):
            out.append((el, "id"))
        elif el.tag == "meta" and el.get("name") in ("author", "description"):
            out.append((el, "content"))
        elif el.tag == "title":
            out.append((el, None))
    return out


def test_every_edit_of_the_pages_language_links_and_ids_is_reported(built, tmp_path):
    checked = _edit_each(built, tmp_path, "html", _html_attribute_places, lxml_html.fromstring,
                         lambda root: lxml_html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>"),
                         _set_edited)
    assert all(count > 10 for count in checked.values()), checked


def _docx_with(original: Path, target: Path, part: str, change) -> None:
    with zipfile.ZipFile(original) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    root = etree.fromstring(parts[part])
    change(root)
    parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_every_edit_of_the_docx_language_direction_and_styles_is_reported(built, tmp_path):
    """The default language and paragraph direction a word processor takes from the styles,
    each style the text uses, which must be one the file defines, and what the file tells a
    library (its core properties: title, symbol, language)."""
    q = lambda tag: f"{{{W}}}{tag}"
    checked = {}
    for source, build in built:
        want = from_model(read_source(str(source)), str(source))
        original = build / (source.stem + SUFFIX["docx"])
        target = tmp_path / original.name

        def language(root):
            lang = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}/{q('lang')}")
            lang.set(q("val"), edited(lang.get(q("val"))))

        def direction(root):
            ppr = root.find(f"{q('docDefaults')}/{q('pPrDefault')}/{q('pPr')}")
            bidi = ppr.find(q("bidi"))
            if bidi is None:
                ppr.insert(0, etree.Element(q("bidi")))
            else:
                ppr.remove(bidi)
        edits = [("word/styles.xml", language), ("word/styles.xml", direction)]
        for tag in ("title", "subject", "identifier", "language"):
            def core(root, tag=tag):
                el = next(root.iter(f"{{http://purl.org/dc/elements/1.1/}}{tag}"))
                el.text = edited(el.text)
            core.__name__ = f"core {tag}"
            edits.append(("docProps/core.xml", core))
        with zipfile.ZipFile(original) as zf:
            document = etree.fromstring(zf.read("word/document.xml"))
        for name in sorted({el.get(q("val")) for el in document.iter(q("pStyle"), q("rStyle"))}):
            def undefined(root, name=name):
                el = next(el for el in root.iter(q("pStyle"), q("rStyle")) if el.get(q("val")) == name)
                el.set(q("val"), name + "X")
            edits.append(("word/document.xml", undefined))
        for part, change in edits:
            _docx_with(original, target, part, change)
            assert differences(want, {"docx": (target, target)}), f"{original.name}: {change.__name__} not reported"
        checked[source.stem] = len(edits)
    assert all(count > 5 for count in checked.values()), checked


def test_every_edit_of_what_the_pdf_tells_a_viewer_is_reported(built, tmp_path):
    """The catalog's language, which also decides the reading direction, and the information a
    viewer and a library show: the title, the organ, the symbol, the bookmark of the title."""
    import pikepdf

    for source, build in built:
        want = from_model(read_source(str(source)), str(source))
        original = build / (source.stem + ".pdf")
        if not original.is_file():
            outputs, _warnings = render_verified(str(source), source.read_bytes(), ["pdf"], str(build))
            original.write_bytes(outputs["pdf"])
        target = tmp_path / original.name
        for key in ("/Lang", "/Title", "/Author", "/Subject", "/Keywords", "bookmark"):
            with pikepdf.open(original) as pdf:
                if key == "bookmark":
                    holder, key = pdf.Root.Outlines.First, "/Title"
                else:
                    holder = pdf.Root if key == "/Lang" else pdf.docinfo
                holder[key] = pikepdf.String(edited(str(holder[key])))
                pdf.save(target)
            assert differences(want, {"pdf": (target, target)}), f"{original.name}: {key} not reported"


def test_the_unedited_files_are_consistent(built):
    for source, build in built:
        want = from_model(read_source(str(source)), str(source))
        files = {fmt: (build / (source.stem + suffix),) * 2 for fmt, suffix in SUFFIX.items()}
        assert differences(want, files) == [], source.name


def test_the_un_files_of_every_language_are_read_when_present(built):
    present = [name for name in UN if (CORPUS / name).is_file()]
    if not present:
        pytest.skip(f"the UN's files are not under {CORPUS}")
    assert len(built) == len(OWN) + len(present)
