"""A Human Rights Council file whose closing lines date the adoption outside the session its
cover page dates, while the cover's adoption line prints a date within it: 59/10 in French closes
with "7 juillet 2015" (its FRBR dates say 2015 too) in the session of 16 June to 8 July 2025, and
its cover prints "Résolution adoptée par le Conseil des droits de l'homme le 7 juillet 2025". The
Council adopts its resolutions in session: the cover's date is the adoption's (W705), and the
closing line prints it (W696). Where the cover's line prints no date within the session, the
closing lines' date stays the adoption's (nothing tells which is right). Shown on the corpus files
of every language, their closing year moved by a drawn number of years."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS
from unres.readers.akn.reader import import_akn

HRC = sorted((CORPUS / "un-akn-hrc" / "54session").glob("*/*.xml")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not HRC, reason=f"the UN corpus is not at {CORPUS / 'un-akn-hrc'}")


def _moved(path, years: int, cover_too: bool) -> tuple:
    """The file with its closing date's year (its @date, its printed year) and its FRBR adoption
    date moved by ``years``, and the cover's adoption line's year too if ``cover_too``:
    (its text, the adoption date it had)."""
    root = etree.parse(str(path)).getroot()
    closing = root.find(".//{*}conclusions//{*}docDate")
    adopted = dt.date.fromisoformat(closing.get("date"))
    moved = adopted.replace(year=adopted.year + years)
    elements = [closing]
    if cover_too:
        elements += [t for t in root.iterfind(".//{*}coverPage//{*}docTitle") if not t.get("refersTo")]
    for el in elements:
        for node in el.iter():
            for attr in ("text", "tail"):
                value = getattr(node, attr) if node is not el or attr == "text" else None
                if value and str(adopted.year) in value:
                    setattr(node, attr, value.replace(str(adopted.year), str(moved.year)))
    closing.set("date", moved.isoformat())
    for frbr in root.iterfind(".//{*}FRBRWork/{*}FRBRdate"):
        frbr.set("date", moved.isoformat())
    return etree.tostring(root, encoding="unicode"), adopted


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 10_000), years=st.sampled_from([-20, -10, -1, 1, 2, 10]))
def test_a_closing_date_outside_the_session_gives_way_to_the_covers(tmp_path, capsys, index, years):
    path = HRC[index % len(HRC)]
    text, adopted = _moved(path, years, cover_too=False)
    copy = tmp_path / path.name
    copy.write_text(text, encoding="utf-8")
    res, warnings = import_akn(copy)
    codes = [d.code for d in warnings]
    assert res.meta.adoption_date == adopted, (path.name, years, [str(d) for d in warnings])
    assert "W705" in codes and "W696" in codes, (path.name, [str(d) for d in warnings])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 10_000), years=st.sampled_from([-10, -1, 1]))
def test_with_no_date_within_the_session_the_closing_date_stays(tmp_path, index, years):
    path = HRC[index % len(HRC)]
    text, adopted = _moved(path, years, cover_too=True)
    copy = tmp_path / path.name
    copy.write_text(text, encoding="utf-8")
    res, warnings = import_akn(copy)
    assert res.meta.adoption_date == adopted.replace(year=adopted.year + years)
    assert "W705" not in [d.code for d in warnings]


def test_no_corpus_file_needs_it():
    """Every corpus file's closing date is within its session: the repair changes none of them."""
    for path in HRC:
        _res, warnings = import_akn(path)
        assert "W705" not in [d.code for d in warnings], path.name
