"""An adoption line or closing date that prints a date other than the adoption's own (S/RES/2726
(2024) in Arabic prints "14 آذار/مارس 2014" for a resolution adopted on 14 March 2024): the
importer prints the adoption date in its place and names the slip (W696), so the source states
one date and its outputs verify; a source that keeps such a line is refused with its line (E111).
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_import_organ_repairs import ISO, ga_file, sc_file
from unres.errors import SourceError
from unres.model import languages
from unres.model.printed_dates import printed_date
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

ADOPTED = dt.date(2021, 1, 29)
OTHER_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).filter(lambda d: d != ADOPTED)


def _council_line(printed: str) -> str:
    return ('Adopted by the Security Council at its <inline name="adoptionMeeting" title="8712th">8712th '
            f'meeting</inline>, on <docDate date="{ADOPTED.isoformat()}" refersTo="#adoptionDate">{printed}'
            '</docDate>')


def _import(path, text):
    path.write_text(text, encoding="utf-8")
    return import_akn(path)


@settings(max_examples=40, deadline=None)
@given(lang=st.sampled_from(sorted(ISO)), other=OTHER_DATES)
def test_an_adoption_line_dated_otherwise_prints_the_adoption_date(tmp_path_factory, lang, other):
    tmp = tmp_path_factory.mktemp("slip")
    res, warnings = _import(tmp / "res.xml", sc_file(adoption=_council_line(languages.format_date(other, lang)),
                                                     lang=lang))
    slips = [w for w in warnings if w.code == "W696"]
    assert len(slips) == 1 and slips[0].loc.line > 1, warnings
    assert res.meta.adoption_date == ADOPTED
    kept = res.meta.printed.get("adopted_by")
    assert kept is None or printed_date(kept, lang) == ADOPTED, kept
    source = tmp / "res.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(source)) == res


def test_the_assembly_s_title_line_and_closing_date_dated_otherwise_are_both_repaired(tmp_path):
    text = ga_file().replace("General Assembly on 10 December 2020", "General Assembly on 10 December 2019") \
                    .replace('refersTo="#adoptionDate">10 December 2020', 'refersTo="#adoptionDate">11 December 2020')
    res, warnings = _import(tmp_path / "res.xml", text)
    assert [w.code for w in warnings].count("W696") == 2, warnings
    assert res.meta.adoption_date.isoformat() == "2020-12-10"
    # Once dated right, both read as the language data prints them: nothing is kept.
    assert "adopted_by" not in res.meta.printed and "adoption_date" not in res.meta.printed


def test_the_repaired_council_file_builds_and_verifies(tmp_path):
    res, _warnings = _import(tmp_path / "res.xml", sc_file(adoption=_council_line("29 January 2012")))
    source = tmp_path / "res.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(source), "-o", str(tmp_path / "out"),
                           "-q"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


@settings(max_examples=30, deadline=None)
@given(lang=st.sampled_from(sorted(ISO)), other=OTHER_DATES, key=st.sampled_from(["adopted_by", "adoption_date"]))
def test_a_source_whose_kept_line_prints_another_date_is_refused_with_its_line(tmp_path_factory, lang, other, key):
    tmp = tmp_path_factory.mktemp("e111")
    res, _warnings = _import(tmp / "res.xml", sc_file(lang=lang))
    res.meta.printed[key] = f"Adopted on {languages.format_date(other, lang)}"
    text = render_markdown(res)
    source = tmp / "res.md"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_source(str(source))
    found = [d for d in caught.value.diagnostics if d.code == "E111"]
    line = next(n for n, typed in enumerate(text.split("\n"), 1) if typed.startswith(f"  {key}:"))
    assert found and found[0].loc.line == line, caught.value.diagnostics


def test_the_build_refuses_such_a_source_and_writes_nothing(tmp_path):
    res, _warnings = _import(tmp_path / "res.xml", sc_file())
    source = tmp_path / "res.md"
    source.write_text(render_markdown(res).replace(
        "\n---\n", '\nprinted:\n  adopted_by: "Adopted by the Security Council at its 8712th meeting, on 29 January '
                   '2012"\n---\n', 1), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(source), "-o", str(out), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 3 and "E111" in done.stdout + done.stderr, done.stdout + done.stderr
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))
