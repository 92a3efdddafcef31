"""How a list of States joins its last two: the language's word ("A, B and C", the UN's files of
the Council's 54th session) or a comma like the others ("A, B, C", 38/3 in 2018 and the 55th and
58th sessions). A source states it ('vote: last_two:'), the language data gives the default, every
output prints it, and import writes it when a UN file prints the other way."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, FRONT
from unres.cli import main as unres_main
from unres.errors import SourceError
from unres.model import languages
from unres.readers.akn.reader import import_akn
from unres.readers.akn.votes import list_last_two
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")


def _stating(last_two: str) -> str:
    return FRONT.replace("\nvote:\n", f"\nvote:\n  last_two: {last_two}\n", 1)


def test_the_key_is_read_and_written_back(source_file):
    assert "\nvote:\n" in FRONT
    res = read_source(str(source_file(_stating("and"), "\n1. *Decides* to act.\n")))
    assert res.meta.vote.last_two == "and"
    text = render_markdown(res)
    assert "\n  last_two: and\n" in text
    assert read_source(str(source_file(text, "", "again.md"))) == res
    plain = read_source(str(source_file(FRONT, "\n1. *Decides* to act.\n", "plain.md")))
    assert plain.meta.vote.last_two is None and "last_two" not in render_markdown(plain)


def test_the_key_takes_only_and_or_comma(source_file):
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(_stating("both"), "\n1. *Decides* to act.\n")))
    assert [d.code for d in info.value.diagnostics] == ["E103"]
    assert "'vote.last_two' can only be 'and'" in info.value.diagnostics[0].message


def test_check_accepts_the_key(source_file, capsys):
    path = source_file(_stating("comma"), "\n1. *Decides* to act.\n")
    assert unres_main(["check", str(path)]) == 0


NAMES = st.sampled_from(["Chile", "India", "Trinidad and Tobago", "Bosnia and Herzegovina", "Viet Nam",
                         "United Kingdom of Great Britain and Northern Ireland", "Irlanda", "Côte d’Ivoire"])


@settings(max_examples=150, deadline=None)
@given(states=st.lists(NAMES, min_size=2, max_size=6, unique=True), code=st.sampled_from(languages.CODES),
       last_two=st.sampled_from(languages.LAST_TWO))
def test_import_tells_the_joining_a_list_prints(states, code, last_two):
    """What the writers print, the importer reads back as the same way of joining."""
    printed = languages.join_list(states, code, last_two) + "]"
    assert list_last_two(printed, states) == last_two


def _without_and(xml: bytes) -> bytes:
    """The file with each printed list's last two States joined by a comma (as the 55th session's
    files print them): the last ' and ' of each list's text (not one inside a State's name)."""
    root = etree.fromstring(xml)
    for org in root.find(".//{*}conclusions").iter("{*}organization"):
        org.text = re.sub(r" and ((?:(?! and ).)*)$", r", \1", org.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@needs_corpus
@pytest.mark.parametrize("mutated", [False, True])
def test_a_un_file_imports_and_prints_as_it_printed(tmp_path, mutated):
    original = HRC54 / "English" / "A_HRC_RES_54_15E.xml"
    path = tmp_path / original.name
    path.write_bytes(_without_and(original.read_bytes()) if mutated else original.read_bytes())
    printed = "Costa Rica, Mexico]" if mutated else "Costa Rica and Mexico]"
    united = ("United Kingdom of Great Britain and Northern Ireland, United States of America" if mutated else
              "United Kingdom of Great Britain and Northern Ireland and United States of America")
    assert printed in path.read_text(encoding="utf-8")
    res, _warnings = import_akn(path)
    assert res.meta.vote.abstaining == ["Costa Rica", "Mexico"]
    assert res.meta.vote.against[-2:] == ["United Kingdom of Great Britain and Northern Ireland",
                                          "United States of America"]
    # The key is written only where the file differs from the language's default (commas).
    assert res.meta.vote.last_two == (None if mutated else "and")
    text = render_markdown(res)
    assert ("last_two:" in text) is (not mutated)
    src = tmp_path / "res.md"
    src.write_text(text, encoding="utf-8")
    assert read_source(str(src)) == res
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q", "-f", "html,akn,docx"]) == 0
    html = re.sub(r"\s+", " ", etree.parse(str(out / "res.html"), etree.HTMLParser()).getroot()
                  .xpath("string(//body)"))
    akn = etree.parse(str(out / "res.akn.xml")).getroot()
    conclusions = "".join(akn.find(".//{*}conclusions").itertext())
    for text_printed in (html, conclusions):
        assert printed in text_printed and united in text_printed
    # unres's own AKN imports back to the same way of joining.
    back, _warnings = import_akn(out / "res.akn.xml")
    assert back.meta.vote.last_two == res.meta.vote.last_two
    assert back.meta.vote.against == res.meta.vote.against


@needs_corpus
def test_a_file_whose_lists_disagree_follows_most_of_them():
    """54/20 in Russian joins one list's last two with a comma and the others with 'и'."""
    res, _warnings = import_akn(HRC54 / "Russian" / "A_HRC_RES_54_20R.xml")
    assert res.meta.vote.last_two == "and"
