"""A resolution's number is read as the UN numbers each organ's resolutions, or refused at its line.

Every output prints the number, verify reads it back and the AKN's IRIs carry it as one segment.
A number of another shape ("75/40.", "75/200 1.", "2508 (2020).") used to pass the front matter and
fail deep in the build: as an IRI error placed in the AKN ("<akn>:5:1", no line of the source) or as
a difference verify took for a bug in unres. It is now E108 at the number's line.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import rendered_verified
from unres.errors import SourceError
from unres.model.document import GA, HRC, NUMBER_FORMS, SC
from unres.model.ignorable import prints_nothing
from unres.readers.markdown.reader import read_source
from unres.readers.source_text import is_mark

SOURCES = Path(__file__).resolve().parent.parent / "source"
# The project's source of each organ, and what its symbol holds before the number.
ORGANS = {HRC: ("A_HRC_RES_38_3.md", "A/HRC/RES/"), GA: ("A_RES_75_40.md", "A/RES/"),
          SC: ("S_RES_2508_2020.md", "S/RES/")}
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def numbered(organ: str, number: str) -> str:
    """The organ's project source with ``number`` and the symbol that ends with it."""
    name, prefix = ORGANS[organ]
    text = (SOURCES / name).read_text(encoding="utf-8")
    quoted = "'" + number.replace("'", "''") + "'"
    text = re.sub(r"^number: .*$", lambda _m: "number: " + quoted, text, count=1, flags=re.M)
    symbol = "'" + (prefix + number).replace("'", "''") + "'"
    return re.sub(r"^symbol: .*$", lambda _m: "symbol: " + symbol, text, count=1, flags=re.M)


def refusal(tmp_path, text: str):
    try:
        read_source(str(tmp_path / "res.md"), text.encode("utf-8"))
    except SourceError as refused:
        return [(d.code, d.loc.line) for d in refused.diagnostics]
    return None


# The organs' own numbers, and what was typed around them.
VALID = {HRC: st.builds("{}{}/{}".format, st.sampled_from(["", "S-"]), st.integers(1, 99), st.integers(1, 99)),
         GA: st.builds("{}{}/{}{}".format, st.sampled_from(["", "S-", "ES-"]), st.integers(1, 99),
                       st.integers(1, 400), st.sampled_from(["", " A", " B", " A-B"])),
         SC: st.builds("{} ({})".format, st.integers(1, 3000), st.integers(1946, 2030))}
NOISE = st.sampled_from([".", "!", "@", "#", "?", "%", " 1.", " a", "[1]", "—1", ",", ";", ":", "*", "~", "/",
                         "/1", " (A)", "&", "ß", "_", " ", "\u00a0B", " (XV)", "-"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organ=st.sampled_from(sorted(ORGANS)), data=st.data())
def test_a_number_of_no_organ_form_is_refused_at_its_line(tmp_path, organ, data):
    base = data.draw(VALID[organ])
    number = data.draw(st.one_of(st.builds(str.__add__, st.just(base), NOISE),
                                 st.builds(str.__add__, NOISE, st.just(base)),
                                 st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8)))
    if NUMBER_FORMS[organ][0].fullmatch(number) or number != number.strip() or "'" in number:
        return          # a number of the form; YAML's own rules for spaces and quotes are not the point
    # A number that prints nothing, or opens with a combining mark, is refused as any value is.
    code = "E103" if prints_nothing(number) else "E506" if is_mark(number[0]) else "E108"
    assert refusal(tmp_path, numbered(organ, number)) == [(code, 3)], number


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organ=st.sampled_from(sorted(ORGANS)), data=st.data())
def test_a_number_of_its_organs_form_is_read(tmp_path, organ, data):
    number = data.draw(VALID[organ])
    assert refusal(tmp_path, numbered(organ, number)) is None, number


@pytest.mark.parametrize("organ, number", [
    (HRC, "38/3"), (HRC, "S-29/1"), (GA, "75/40"), (GA, "75/245 B"), (GA, "75/101 A-B"), (GA, "S-26/2"),
    (GA, "ES-11/1"), (SC, "2508 (2020)"), (SC, "2521(2020)")])
def test_every_form_builds_and_reads_back_in_every_output(tmp_path, organ, number):
    outputs = rendered_verified(tmp_path, numbered(organ, number), ("akn", "html", "pdf", "docx"))
    work = etree.fromstring(outputs["akn"]).find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value")
    assert re.fullmatch(r"[0-9A-Za-z-]+", work.rsplit("/", 1)[-1]), work


def test_the_build_refuses_it_with_the_sources_line_and_writes_nothing(tmp_path):
    src = tmp_path / "A_RES_75_40.md"
    src.write_text(numbered(GA, "75/40."), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(src), "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 3      # EXIT_INPUT: the source is at fault, not unres
    assert f"{src}:3:9: error: number '75/40.' is not a General Assembly resolution's number" in done.stderr
    assert "[E108]" in done.stderr and "<akn>" not in done.stderr
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


def symbolled(organ: str, number: str, symbol: str) -> str:
    """The organ's project source with ``number`` and ``symbol``."""
    text = numbered(organ, number)
    quoted = "'" + symbol.replace("'", "''") + "'"
    return re.sub(r"^symbol: .*$", lambda _m: "symbol: " + quoted, text, count=1, flags=re.M)


# How a symbol goes wrong around a right number: another organ's prefix or none, the prefix's case,
# slashes doubled, dropped or of another kind, a space inside, a part's letter (only the Assembly's
# parts have one), and characters never drawn.
SYMBOL_SLIPS = [lambda p, n: p.lower() + n, lambda p, n: p.replace("/RES/", "/RES//") + n,
                lambda p, n: p.replace("/", " ", 1) + n, lambda p, n: p.replace("/", "\u2044") + n,
                lambda p, n: p.replace("/", "\uff0f") + n, lambda p, n: p.replace("RES/", "") + n,
                lambda p, n: "A/HRC/RES/" + n if p != "A/HRC/RES/" else "A/RES/" + n,
                lambda p, n: "E/" + p + n, lambda p, n: p + n + " X" if p != "A/RES/" else p + "A/" + n,
                lambda p, n: p[:-1] + "\u00a0" + n]
HIDDEN_SLIPS = [lambda p, n: "\u200b" + p + n, lambda p, n: p + "\u200f" + n, lambda p, n: p + n + "\u00ad"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organ=st.sampled_from(sorted(ORGANS)), data=st.data())
def test_a_symbol_other_than_the_organs_prefix_and_the_number_is_refused_at_its_line(tmp_path, organ, data):
    number = data.draw(VALID[organ])
    prefix = ORGANS[organ][1]
    slip = data.draw(st.sampled_from(SYMBOL_SLIPS + HIDDEN_SLIPS))
    symbol = slip(prefix, number)
    code = "E103" if slip in HIDDEN_SLIPS else "E108"
    assert refusal(tmp_path, symbolled(organ, number, symbol)) == [(code, 2)], symbol
