"""``distribution`` is one of the distributions the UN prints (General, Limited, Restricted), in
English or in a language's own words; anything else is E103 at its line.

Any text was printed after "Distr.:": a number in an Arabic version ("Distr.: 0") was laid out in
another order than verify read it, and the build refused its own PDF as a bug in unres; a
misspelt word was printed as typed.
"""
from __future__ import annotations

import pytest

from conftest import FRONT, make_source
from unres.errors import SourceError
from unres.model import languages
from unres.readers.markdown.reader import read_source

BODY = "\n*The Human Rights Council*,\n\n*Noting* the report,\n\n1. *Decides* to act.\n"
KNOWN = sorted({word for code in languages.CODES for pair in languages.data(code)["distribution_words"].items()
                for word in pair})


def _front(value: str, language: str = "English") -> str:
    assert "\ndistribution: General\n" in FRONT
    front = FRONT.replace("\ndistribution: General\n", f"\ndistribution: {value}\n", 1)
    return front.replace("\nlanguage: English", f"\nlanguage: {language}", 1)


@pytest.mark.parametrize("value", KNOWN + ["general", "GENERAL"])
def test_each_distribution_the_languages_print_is_taken(tmp_path, value):
    assert read_source(str(make_source(tmp_path, _front(value), BODY))).meta.distribution == value


@pytest.mark.parametrize("value, language", [("0", "Arabic"), ("2", "English"), ("Genral", "English"),
                                             ("'38/3'", "French"), ("Public", "Spanish")])
def test_another_value_is_refused_at_its_line(tmp_path, value, language):
    path = make_source(tmp_path, _front(value, language), BODY)
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("\ndistribution:")].count("\n") + 2
    with pytest.raises(SourceError) as refused:
        read_source(str(path))
    [(code, at, message)] = [(d.code, d.loc.line, d.message) for d in refused.value.diagnostics]
    assert (code, at) == ("E103", line)
    assert message.startswith("'distribution' is the document's distribution as the UN prints it, "
                              "General, Limited, Restricted (or as a language's versions print them")
    assert message.endswith(f"not {value.strip(chr(39))!r}")
