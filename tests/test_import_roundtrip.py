"""unres's own AKN, imported, gives back the source it was built from: the same model, the same
canonical Markdown, and the same bytes when it is built again."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from conftest import BODY, FRONT, ROOT, SOURCE_38_3, make_source
from test_markdown_roundtrip import resolutions
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.akn import writer as akn
from unres.writers.html import writer as html
from unres.writers.markdown import render_markdown


def _round_trip(tmp_path, res, name="built.akn.xml"):
    built = akn.render(res, {})
    path = tmp_path / name
    path.write_bytes(built)
    back, warnings = import_akn(path)
    return built, back, warnings


def _readme_example(tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"^```markdown\n(.*?)^```$", text, re.M | re.S).group(1)
    path = tmp_path / "example.md"
    path.write_text(example, encoding="utf-8")
    return path


def test_the_sources_of_the_tests_come_back_from_their_akn(tmp_path):
    for source in (SOURCE_38_3, _readme_example(tmp_path), make_source(tmp_path, FRONT, BODY)):
        res = read_source(str(source))
        built, back, warnings = _round_trip(tmp_path, res)
        assert warnings == [], (source, warnings)
        assert back == res, source
        assert render_markdown(back) == render_markdown(res)
        assert akn.render(back, {}) == built
        assert html.render(back, {}) == html.render(res, {})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_come_back_from_their_akn(tmp_path, res):
    # The symbol and number the AKN's identifiers are made of must be a resolution's.
    res.meta.symbol = f"A/HRC/RES/{res.meta.session}/7"
    res.meta.number = f"{res.meta.session}/7"
    # The meeting as a source states it: the printed line is made from its number.
    res.meta.meeting = f"{res.meta.session % 9 + 4}th meeting"
    built, back, _warnings = _round_trip(tmp_path, res)
    assert back == res
    assert akn.render(back, {}) == built


def test_an_annex_numbered_from_1_after_a_resolution_of_one_paragraph_comes_back(tmp_path):
    """The annex's "1." after the resolution's only paragraph, "1.", is its own number in sequence,
    not a number printed twice in a row (E640)."""
    body = BODY.split("1. *Decides* to act;")[0] + "1. *Decides* to act.\n\n# Annex\n\n1. *First*.\n\n2. *Second*.\n" \
        + "\n[^a]: A/HRC/99/1.\n"
    res = read_source(str(make_source(tmp_path, FRONT, body)))
    assert [p.num for p in res.operative] == ["1."] and len(res.annexes[0].blocks) == 2
    built, back, warnings = _round_trip(tmp_path, res)
    assert back == res
    assert akn.render(back, {}) == built
