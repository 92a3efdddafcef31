"""The origin line in another wording the UN prints: A/RES/79/102 in Chinese says the resolution was
adopted on the committee's report, "[根据特别政治和非殖民化委员会(第四委员会)的报告通过 (A/79/431，第33段)]",
where the language data's line has no "通过". The importer read only the data's line and refused the
file (E624); it now reads the wordings the data gives (``on_report_…``), keeps the one printed as
the source's ``origin.form``, and every output prints it; a source naming a wording its language
does not give is refused with its line (E103).
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from test_import_organ_repairs import ga_file
from unres.errors import SourceError
from unres.model import languages
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

COMMITTEE = "特别政治和非殖民化委员会(第四委员会)"
PRINTED = f"[根据{COMMITTEE}的报告通过 (A/79/431，第33段)]"


def _chinese(origin_words: str) -> str:
    before, after = origin_words.split("A/79/431")
    origin = (f'<docProponent refersTo="#fourthCommittee">{before}<inline name="originating document">'
              f'A/79/431{after.split(")]")[0]}</inline>)]</docProponent>')
    return ga_file(lang="zh", origin=origin)


def _import(tmp_path, text):
    path = tmp_path / "res.xml"
    path.write_text(text, encoding="utf-8")
    return import_akn(path)


def test_the_chinese_line_adopted_on_the_report_is_read_and_printed_as_the_un_printed_it(tmp_path):
    res, warnings = _import(tmp_path, _chinese(PRINTED))
    origin = res.meta.origin
    assert (origin.committee, origin.documents, origin.form) == (COMMITTEE, ["A/79/431，第33段"], "on_report_adopted")
    assert not [w for w in warnings if w.code.startswith("E")], warnings
    assert present(res).origin == PRINTED
    source = tmp_path / "res.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    assert "  form: on_report_adopted\n" in source.read_text(encoding="utf-8")
    assert read_source(str(source)) == res


def test_the_data_s_own_line_keeps_no_form(tmp_path):
    res, _warnings = _import(tmp_path, _chinese(PRINTED.replace("的报告通过", "的报告")))
    assert res.meta.origin.form == ""
    assert "form:" not in render_markdown(res)


def test_a_line_in_neither_wording_is_still_refused(tmp_path):
    with pytest.raises(SourceError) as refused:
        _import(tmp_path, _chinese(PRINTED.replace("的报告通过", "的报告获得通过")))
    assert [d.code for d in refused.value.diagnostics] == ["E624"]


@pytest.mark.parametrize("lang, form", [("zh", "on_report_voted"), ("en", "on_report_adopted")])
def test_a_source_naming_a_wording_its_language_does_not_give_is_refused_with_its_line(tmp_path, lang, form):
    res, _warnings = _import(tmp_path, _chinese(PRINTED))
    text = render_markdown(res).replace("form: on_report_adopted", f"form: {form}")
    if lang != "zh":
        text = text.replace("language: Chinese", f"language: {languages.english_name(lang)}")
    source = tmp_path / "res.md"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        read_source(str(source))
    codes = [(d.code, d.loc.line) for d in refused.value.diagnostics]
    line = text.splitlines().index(f"  form: {form}") + 1
    assert ("E103", line) in codes, codes


def test_the_chinese_source_in_the_other_wording_builds_and_verifies(tmp_path):
    res, _warnings = _import(tmp_path, _chinese(PRINTED))
    source = tmp_path / "res.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(source), "-o", str(tmp_path / "out"),
                           "-q"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    html = next((tmp_path / "out").rglob("*.html")).read_text(encoding="utf-8")
    assert "的报告通过" in html
