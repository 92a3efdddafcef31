"""A resolution's title where the UN's file holds it, and an import that never writes a source
that cannot be read back.

- The Security Council prints no title; its source's title is the UN catalogue's
  (``<keyword refersTo="title">``). The Council's files of 2025 (S/RES/2777 (2025) in French,
  S/RES/2787 (2025) in Arabic) carry no such keyword, and the import wrote ``title: ""``, a source
  that the build refused (E103). The catalogue's agenda item of the Council (``refersTo="agenda"``,
  dictionary ``S/``), which the UN's lists of the Council's resolutions give as the title, is taken
  then and named (W679). A file marked up before its catalogue entry was made (S/RES/2829 (2026) in
  English, only subject headings) names neither, and was refused: the resolution's number line its
  cover page prints ("Resolution 2829 (2026)", the heading the UN's library lists a Council
  resolution under) is taken then, in the file's language, and named (W701); with none of the
  three, the import is refused (E621).
- An Assembly file whose preface prints the number and no title (A/RES/78/17 in Arabic: only
  ``<docNumber>78/17</docNumber>``) is refused (E621) at the preface's line, saying what is missing
  and where it was looked for; no title is made up.
- Whatever the UN's file leaves out or empty, ``unres import`` either writes a source that reads
  back or refuses with every message at a line of the UN's file and writes nothing: the source is
  read back before it is written (E605 when it does not).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS
from test_import_organ_repairs import ga_file, sc_file
from unres.akn_import import readable_source
from unres.cli import main
from unres.model.typography import smart_text
from unres.errors import EXIT_INPUT, EXIT_OK, SourceError
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

MINIMAL = (Path(__file__).parent / "fixtures" / "import" / "minimal.xml").read_text(encoding="utf-8")
SC2020 = CORPUS / "un-akn-sc" / "2020"
LANGUAGES = ["Arabic", "Chinese", "English", "French", "Russian", "Spanish"]
TITLE_KEYWORD = '<keyword refersTo="title" value="Security Council resolution 2561 (2021) [on Cyprus]"/>'


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _import_cli(tmp_path: Path, text: str, capsys, name="res.xml"):
    xml = tmp_path / name
    xml.write_text(text, encoding="utf-8")
    out = tmp_path / "out.md"
    code = main(["import", str(xml), "-o", str(out), "-q"])
    return xml, out, code, capsys.readouterr().err


# ------------------------------------------------------------------ the Council's title
@pytest.mark.skipif(not SC2020.exists(), reason="../shared/corpus/un-akn-sc is absent")
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_council_file_without_the_catalogue_title_takes_the_council_s_agenda_item(language, tmp_path, capsys):
    """S/RES/2508 (2020) in each language, its catalogue title taken out as the 2025 files lack it:
    the title is the Council's agenda item, in English as the catalogue gives it, in every language."""
    (original,) = (SC2020 / language).glob("S_RES_2508 (2020)-*.xml")
    text = original.read_text(encoding="utf-8")
    keyword = next(line for line in text.splitlines() if 'refersTo="title"' in line)
    damaged = text.replace(keyword + "\n", "").replace(keyword + "\r\n", "")
    assert 'refersTo="title"' not in damaged
    xml, out, code, err = _import_cli(tmp_path, damaged, capsys, original.name)
    assert code == EXIT_OK, err
    res = read_source(str(out))
    assert res.meta.title == "Reports of the Secretary-General on the Sudan and South Sudan"
    agenda_line = _line(damaged, 'dictionary="S/"')
    assert f"{xml}:{agenda_line}:1: warning:" in err and "[W679]" in err
    # The file as the UN wrote it keeps its catalogue title, and names no repair.
    res, warnings = import_akn(original)
    assert res.meta.title.startswith("Security Council resolution 2508 (2020) [on ")
    assert "W679" not in {w.code for w in warnings}


@pytest.mark.skipif(not SC2020.exists(), reason="../shared/corpus/un-akn-sc is absent")
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_council_file_whose_catalogue_names_neither_takes_its_printed_number_line(language, tmp_path, capsys):
    """S/RES/2508 (2020) in each language, its catalogue title and the Council's agenda item taken
    out as S/RES/2829 (2026) lacks both: the title is the number line the cover page prints, in the
    file's language; the source builds."""
    (original,) = (SC2020 / language).glob("S_RES_2508 (2020)-*.xml")
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    damaged = "".join(line for line in lines
                       if 'refersTo="title"' not in line and 'dictionary="S/"' not in line)
    assert 'refersTo="title"' not in damaged and 'dictionary="S/"' not in damaged
    xml, out, code, err = _import_cli(tmp_path, damaged, capsys, original.name)
    assert code == EXIT_OK, err
    printed = etree.fromstring(damaged.encode("utf-8")).xpath(
        "//a:coverPage//a:docTitle[@refersTo='#resolutionNumber']", namespaces=NS)[0]
    expected = " ".join("".join(printed.itertext()).split())
    assert "2508" in expected and read_source(str(out)).meta.title == smart_text(expected)
    number_line = _line(damaged, "#resolutionNumber")
    assert f"{xml}:{number_line}:1: warning:" in err and "[W701]" in err
    assert main(["build", str(out), "-o", str(tmp_path / "built"), "-q"]) == EXIT_OK


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.sampled_from(["keep", "empty", "none"]),
       agenda=st.one_of(st.none(), st.text(st.sampled_from("abcdefghij XYZ-’()é"), max_size=30)),
       full_stop=st.booleans(), others=st.booleans(), number_line=st.booleans())
def test_the_council_s_title_comes_from_the_catalogue_or_its_agenda_item_or_the_import_is_refused(
        tmp_path_factory, capsys, title, agenda, full_stop, others, number_line):
    keywords = {"keep": TITLE_KEYWORD, "empty": '<keyword refersTo="title" value=" "/>', "none": ""}[title]
    if others:
        # The catalogue's subject headings, in its other dictionaries: not the Council's agenda item.
        keywords += ('<keyword refersTo="agenda" value="[46]" showAs="AFGHANISTAN SITUATION" dictionary="S/80"/>'
                     '<keyword value="AFGHANISTAN" showAs="AFGHANISTAN" dictionary="UNBIS Thesaurus"/>')
    if agenda is not None:
        shown = agenda + ("." if full_stop else "")
        keywords += f'\n<keyword refersTo="agenda" value="X" showAs="{shown}" dictionary="S/"/>'
    text = sc_file().replace(TITLE_KEYWORD, keywords)
    if not number_line:
        text = text.replace('      <p><docTitle refersTo="#resolutionNumber">Resolution 2561 (2021)</docTitle></p>\n', "")
        assert "#resolutionNumber" not in text
    xml, out, code, err = _import_cli(tmp_path_factory.mktemp("t"), text, capsys)
    expected = " ".join((agenda or "").split()).removesuffix(".").strip()
    if title == "keep":
        assert code == EXIT_OK and read_source(str(out)).meta.title == "Security Council resolution 2561 (2021) [on Cyprus]"
        assert "W679" not in err and "W701" not in err
    elif expected:
        assert code == EXIT_OK, err
        # Printed with UN typography, as every title is (the catalogue's own too).
        assert read_source(str(out)).meta.title == smart_text(expected)
        agenda_line = _line(text, 'dictionary="S/"')
        assert f"{xml}:{agenda_line}:1: warning:" in err and "W679" in err and "W701" not in err
    elif number_line:
        assert code == EXIT_OK, err
        assert read_source(str(out)).meta.title == "Resolution 2561 (2021)"
        assert f"{xml}:{_line(text, '#resolutionNumber')}:1: warning:" in err and "W701" in err
    else:
        assert code == EXIT_INPUT and not out.exists()
        assert f"{xml}:{_line(text, '<classification')}:1: error: cannot find the title" in err and "E621" in err


# ------------------------------------------------------------------ the Assembly's title
@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_an_assembly_file_whose_preface_prints_no_title_is_refused_where_the_title_is_missing(
        lang, tmp_path, capsys):
    """As A/RES/78/17 in Arabic: the preface holds the number alone. Nothing is made up from the
    agenda item's title printed on the cover page; the message names the preface's line."""
    text = ga_file(lang=lang).replace('<preface><p><docNumber>75/100.</docNumber><docTitle refersTo="#resolutionTitle">'
                                      'A title</docTitle></p></preface>',
                                      '<preface>\n<p>\n<docNumber>75/100</docNumber>\n</p>\n</preface>')
    xml, out, code, err = _import_cli(tmp_path, text, capsys)
    assert code == EXIT_INPUT and not out.exists()
    (line,) = [x for x in err.splitlines() if "cannot find the title" in x]
    assert line.startswith(f"{xml}:{_line(text, '<docNumber>75/100</docNumber>')}:1: error:")
    assert "'75/100' and no title after it" in line and "nowhere else" in line and line.endswith("[E621]")


def test_an_empty_preface_title_is_refused_at_its_own_line(tmp_path, capsys):
    text = ga_file().replace('<docTitle refersTo="#resolutionTitle">A title</docTitle></p></preface>',
                             '\n<docTitle refersTo="#resolutionTitle"> </docTitle></p></preface>')
    xml, out, code, err = _import_cli(tmp_path, text, capsys)
    assert code == EXIT_INPUT and not out.exists()
    title_line = _line(text, '<docTitle refersTo="#resolutionTitle"> <')
    assert f"{xml}:{title_line}:1: error: cannot find the title: the preface's title (<docTitle>) is empty" in err


# ------------------------------------------------------------------ the read-back check
FIELDS = ["title", "symbol", "number", "distribution", "language", "meeting", "session_name", "agenda_item",
          "job_number"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["sc", "ga", "hrc"]), emptied=st.lists(st.sampled_from(FIELDS), unique=True, max_size=3),
       value=st.sampled_from(["", " ", None]))
def test_an_imported_resolution_with_empty_fields_is_written_only_if_it_reads_back(tmp_path_factory, which,
                                                                                   emptied, value):
    """The model the import made, with fields the UN's file might leave out emptied: its source is
    either read back without error, or refused with E605 at the line of the UN's file each value
    came from (the file's first line when the import keeps none), quoting the source's line and
    the reader's message."""
    folder = tmp_path_factory.mktemp("r")
    xml = folder / "res.xml"
    xml.write_text({"sc": sc_file, "ga": ga_file, "hrc": lambda: MINIMAL}[which](), encoding="utf-8")
    res, _warnings = import_akn(xml)
    for name in emptied:
        if hasattr(res.meta, name):
            setattr(res.meta, name, value)
    try:
        text = readable_source(xml, res)
    except SourceError as exc:
        assert exc.diagnostics
        for diag in exc.diagnostics:
            assert diag.code == "E605" and diag.loc.path == str(xml) and diag.loc.line >= 1
            assert "would not read back" in diag.message and "line " in diag.message
            key = diag.message.split("line ")[1].split("'")[1].split(":")[0]
            if key in res.meta.key_locs:
                assert diag.loc == res.meta.key_locs[key]
        return
    source = folder / "res.md"
    source.write_text(text, encoding="utf-8")
    read_source(str(source))


def test_the_import_writes_nothing_when_its_source_would_not_read_back(tmp_path, capsys, monkeypatch):
    """What the UN's file left empty and the import did not catch (here a title emptied after the
    import) refuses the import, with or without -o, one file or several; nothing is written."""
    from unres.readers.akn import reader

    real = reader.import_akn

    def untitled(path):
        res, warnings = real(path)
        res.meta.title = ""
        return res, warnings

    monkeypatch.setattr(reader, "import_akn", untitled)
    xml, out, code, err = _import_cli(tmp_path, sc_file(), capsys)
    assert code == EXIT_INPUT and not out.exists()
    title_line = _line(sc_file(), 'refersTo="title"')
    assert f"{xml}:{title_line}:1: error: the source this file imports into would not read back as a source, " \
           "so nothing was written: line 4 of it, 'title: \"\"': 'title' is empty (E103) [E605]" in err
    assert main(["import", str(xml)]) == EXIT_INPUT
    assert capsys.readouterr().out == ""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.xml").write_text(sc_file(), encoding="utf-8")
    (folder / "b.xml").write_text(ga_file(), encoding="utf-8")
    assert main(["import", str(folder), "-o", str(tmp_path / "many")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.count("[E605]") == 2 and not (tmp_path / "many").exists()


# ------------------------------------------------------------------ the UN's file damaged
DAMAGE = {
    "catalogue title": "//a:keyword[@refersTo='title']",
    "symbol": "//a:coverPage//a:docNumber",
    "issuing body": "//a:docAuthority[@refersTo='#issuingBody']",
    "distribution": "//a:docStatus",
    "date of issue": "//a:coverPage//a:docDate[@refersTo='#dateOfIssuance']",
    "session": "//a:coverPage//a:session",
    "agenda line": "//a:inline[@name='agenda item']",
    "agenda title": "//a:inline[@name='agenda item name']",
    "resolution number": "//a:docTitle[@refersTo='#resolutionNumber']",
    "adoption line": "//a:coverPage//a:docTitle[not(@refersTo='#resolutionNumber')]",
    "preface number": "//a:preface//a:docNumber",
    "preface title": "//a:preface//a:docTitle",
    "meeting": "//a:inline[@name='adoptionMeeting']",
    "closing date": "//a:conclusions//a:docDate",
    "language": "//a:FRBRlanguage",
}
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _damage(text: str, harm: dict) -> str:
    root = etree.fromstring(text.encode("utf-8"))
    for what, how in harm.items():
        for el in root.xpath(DAMAGE[what], namespaces=NS):
            if how == "remove":
                tail, parent = el.tail, el.getparent()
                previous = el.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + (tail or "")
                else:
                    parent.text = (parent.text or "") + (tail or "")
                parent.remove(el)
            else:
                for child in list(el):
                    el.remove(child)
                el.text = " " if how == "blank" else ""
                for name in ("value", "showAs", "language"):
                    if name in el.attrib:
                        el.set(name, "")
    return etree.tostring(root, encoding="unicode")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["sc", "ga", "hrc"]),
       harm=st.dictionaries(st.sampled_from(sorted(DAMAGE)), st.sampled_from(["remove", "empty", "blank"]),
                            min_size=1, max_size=3))
def test_a_un_file_with_parts_missing_or_empty_is_imported_into_a_readable_source_or_refused(
        tmp_path_factory, capsys, which, harm):
    text = _damage({"sc": sc_file, "ga": ga_file, "hrc": lambda: MINIMAL}[which]().replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n', ""), harm)
    xml, out, code, err = _import_cli(tmp_path_factory.mktemp("d"), text, capsys)
    if code == EXIT_OK:
        read_source(str(out))
        return
    assert code == EXIT_INPUT, err
    assert not out.exists()
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert errors, err
    for line in errors:
        assert line.startswith(f"{xml}:"), line
        assert int(line[len(str(xml)) + 1:].split(":")[0]) >= 1, line
