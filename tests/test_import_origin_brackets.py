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
