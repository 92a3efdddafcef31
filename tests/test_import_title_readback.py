"""A resolution's title where the UN's file holds it.

- The Security Council prints no title; its source's title is the UN catalogue's
  (``<keyword refersTo="title">``). The Council's files of 2025 (S/RES/2777 (2025) in French,
  S/RES/2787 (2025) in Arabic) carry no such keyword, and the import wrote ``title: ""``, a source
  that the build refused (E103). The catalogue's agenda item of the Council (``refersTo="agenda"``,
  dictionary ``S/``), which the UN's lists of the Council's resolutions give as the title, is taken
  then and named (W679); with neither, the import is refused (E621).
- An Assembly file whose preface prints the number and no title (A/RES/78/17 in Arabic: only
  ``<docNumber>78/17</docNumber>``) is refused (E621) at the preface's line, saying what is missing
  and where it was looked for; no title is made up.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from test_import_organ_repairs import ga_file, sc_file
from unres.cli import main
from unres.model.typography import smart_text
from unres.errors import EXIT_INPUT, EXIT_OK
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.sampled_from(["keep", "empty", "none"]),
       agenda=st.one_of(st.none(), st.text(st.sampled_from("abcdefghij XYZ-’()é"), max_size=30)),
       full_stop=st.booleans(), others=st.booleans())
def test_the_council_s_title_comes_from_the_catalogue_or_its_agenda_item_or_the_import_is_refused(
        tmp_path_factory, capsys, title, agenda, full_stop, others):
    keywords = {"keep": TITLE_KEYWORD, "empty": '<keyword refersTo="title" value=" "/>', "none": ""}[title]
    if others:
        # The catalogue's subject headings, in its other dictionaries: not the Council's agenda item.
        keywords += ('<keyword refersTo="agenda" value="[46]" showAs="AFGHANISTAN SITUATION" dictionary="S/80"/>'
                     '<keyword value="AFGHANISTAN" showAs="AFGHANISTAN" dictionary="UNBIS Thesaurus"/>')
    if agenda is not None:
        shown = agenda + ("." if full_stop else "")
        keywords += f'\n<keyword refersTo="agenda" value="X" showAs="{shown}" dictionary="S/"/>'
    text = sc_file().replace(TITLE_KEYWORD, keywords)
    xml, out, code, err = _import_cli(tmp_path_factory.mktemp("t"), text, capsys)
    expected = " ".join((agenda or "").split()).removesuffix(".").strip()
    if title == "keep":
        assert code == EXIT_OK and read_source(str(out)).meta.title == "Security Council resolution 2561 (2021) [on Cyprus]"
        assert "W679" not in err
    elif expected:
        assert code == EXIT_OK, err
        # Printed with UN typography, as every title is (the catalogue's own too).
        assert read_source(str(out)).meta.title == smart_text(expected)
        agenda_line = _line(text, 'dictionary="S/"')
        assert f"{xml}:{agenda_line}:1: warning:" in err and "W679" in err
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
