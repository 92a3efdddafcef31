"""A bracket typed inside the origin line's document element that pairs with none there. 77/63 in
Arabic prints "(<inline name="originating document">A/77/385، الفقرة 110(</inline>)]": the
opening bracket typed a second time, at the document's end. The importer matched the language's
origin form on the last "(…)" of the line, the empty one, so the committee became "اللجنة الأولى
(A/77/385، الفقرة 110" and the document "A/77/385، الفقرة 110(", and the build then refused its
own PDF. Such a bracket is now dropped (W665). Shown on generated variants of the Assembly's
files in every language."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, ROOT
from unres.readers.akn.reader import import_akn
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source

GA75 = CORPUS / "un-akn-ga" / "75session"
needs_corpus = pytest.mark.skipif(not GA75.is_dir(), reason=f"UN AKN corpus not found at {GA75}")
LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
UNSEEN_77_63 = ROOT / "tests" / "unseen" / "ga" / "77session" / "Arabic" / "A_RES_77_63-2228153A.xml"


def _files():
    return [p for language in LANGUAGES for p in sorted((GA75 / language).glob("*.xml"))[:30]]


def _documents_element(root):
    return root.find(".//{*}coverPage//{*}docProponent//{*}inline[@name='originating document']")


@needs_corpus
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 10_000), bracket=st.sampled_from(["(", ")", "（", "）"]),
       at_end=st.booleans())
def test_a_bracket_that_pairs_with_none_in_the_document_element_is_dropped(tmp_path_factory, index, bracket,
                                                                              at_end):
    files = _files()
    original = files[index % len(files)]
    root = etree.parse(str(original)).getroot()
    element = _documents_element(root)
    if element is None or len(element) or not (element.text or "").strip():
        return
    # The file's own documents hold brackets only in pairs, so one more at either end pairs with
    # nothing in them.
    element.text = element.text.rstrip() + bracket if at_end else bracket + element.text.lstrip()
    variant = tmp_path_factory.mktemp("origin") / original.name
    variant.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    clean, _ = import_akn(original)
    res, warnings = import_akn(variant)
    assert res.meta.origin == clean.meta.origin
    assert "W665" in {w.code for w in warnings}


@needs_corpus
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_document_of_the_uns_own_files_loses_a_bracket(language):
    """The Assembly's files of the 75th session type their origin lines' brackets where print
    has them: the repair finds nothing to drop in any of them."""
    for path in sorted((GA75 / language).glob("*.xml"))[:30]:
        _res, warnings = import_akn(path)
        assert "W665" not in {w.code for w in warnings}, path.name


def test_the_un_file_that_showed_it_reads_its_committee_and_document():
    res, warnings = import_akn(UNSEEN_77_63)
    assert res.meta.origin.committee == "اللجنة الأولى"
    assert res.meta.origin.documents == ["A/77/385، الفقرة 110"]
    assert "W665" in {w.code for w in warnings}


# ------------------------------------------------------------------ a source typed by hand
GA75_ARABIC_SOURCE = """---
symbol: A/RES/75/14
number: "75/14"
title: "التعاون بين الأمم المتحدة والمنظومة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي"
organ: "الجمعية العامة"
session: 75
session_name: "الدورة الخامسة والسبعون"
agenda_items:
  - number: "130 (ه)"
    title: "التعاون بين الأمم المتحدة والمنظمات الإقليمية والمنظمات الأخرى"
origin:
  documents:
    - "{document}"
    - A/75/L.24/Add.1
distribution: General
issue_date: 2020-11-30
language: {language}
adoption_date: 2020-11-23
meeting: "الجلسة العامة 30"
vote: without
---

*إن الجمعية العامة*،

1- *تقرر* أن تبقي المسألة قيد نظرها.
"""


@pytest.mark.parametrize("language", ["Arabic", "English"])
@given(bracket=st.sampled_from(["(", ")", "[", "]", "（", "）"]), at=st.integers(0, 9))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_source_whose_origin_document_has_an_unpaired_bracket_is_refused_with_its_line(tmp_path, language,
                                                                                        bracket, at):
    """Typed by hand, such a bracket made the Arabic build fail its own check (exit 6, "a bug in
    unres"): printed right to left it is drawn mirrored and read back as its partner. It is a
    source error now, in every language (E103, exit 3), and nothing is written."""
    from unres.cli import main as unres_main

    document = "A/75/L.24"
    document = document[:at] + bracket + document[at:]
    source = tmp_path / "res.md"
    source.write_text(GA75_ARABIC_SOURCE.format(document=document, language=language), encoding="utf-8")
    out = tmp_path / f"out-{language}-{abs(hash(document))}"
    assert unres_main(["build", str(source), "-o", str(out), "-q"]) == 3
    assert not out.exists() or not any(out.iterdir())
    with pytest.raises(SourceError) as caught:
        read_source(str(source))
    line = source.read_text(encoding="utf-8").splitlines().index(f'    - "{document}"') + 1
    assert [(d.code, d.loc.line) for d in caught.value.diagnostics] == [("E103", line)]


def test_a_source_whose_origin_document_has_paired_brackets_builds_right_to_left(tmp_path):
    from unres.cli import main as unres_main

    source = tmp_path / "res.md"
    source.write_text(GA75_ARABIC_SOURCE.format(document="A/75/L.24 (Part II)", language="Arabic"),
                      encoding="utf-8")
    assert unres_main(["build", str(source), "-o", str(tmp_path / "out"), "-q"]) == 0
