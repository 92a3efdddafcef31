"""What the importer's messages call a lone operative paragraph printed without a number: "the
unnumbered operative paragraph", not "paragraph 1", which the page does not print (A/RES/75/101 A,
whose one operative paragraph has sub-paragraphs typed in paragraphs of their own, W653). A
numbered paragraph is still named by its number. In the six languages."""
from __future__ import annotations

import re

import pytest

from conftest import CORPUS
from test_import_organ_repairs import _import, sc_file
from unres.model import languages

LANGS = ["en", "fr", "es", "ru", "ar", "zh"]
ONE = ('<paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act;</p></content></paragraph>')
TWO = ('<paragraph><num>2.</num><content><p><span class="italic">Decides</span> to remain seized of the '
       'matter.</p></content></paragraph>')


def _file(lang: str, numbered: bool) -> str:
    text = sc_file(lang=lang, number="القرار 2561 (2021)" if lang == "ar" else "Resolution 2561 (2021)")
    head = ('<paragraph>' + ('<num>1.</num>' if numbered else '') +
            '<content><p><span class="italic">Decides</span> that:</p></content></paragraph>')
    typed = "".join(f"<paragraph><content><p>{languages.scheme_label('latin', n, lang)}\tTask {n};</p>"
                    "</content></paragraph>" for n in range(2))
    assert ONE in text and TWO in text
    return text.replace(ONE, head + typed).replace(TWO, "")


@pytest.mark.parametrize("lang", LANGS)
def test_typed_sub_paragraphs_of_the_lone_unnumbered_paragraph(tmp_path, lang):
    res, said = _import(tmp_path, _file(lang, numbered=False))
    assert len(res.operative) == 1 and len(res.operative[0].children) == 2
    message = said["W653"].message
    assert message.startswith("sub-paragraphs of the unnumbered operative paragraph are typed"), message
    assert not re.search(r"paragraph \d", message), message


@pytest.mark.parametrize("lang", LANGS)
def test_a_numbered_paragraph_is_still_named_by_its_number(tmp_path, lang):
    _res, said = _import(tmp_path, _file(lang, numbered=True))
    assert said["W653"].message.startswith("sub-paragraphs of paragraph 1 are typed"), said["W653"].message


UN_FILE = CORPUS / "un-akn-ga" / "75session" / "English" / "75_101A-B_E.xml"


@pytest.mark.skipif(not UN_FILE.is_file(), reason="the UN corpus is not available")
def test_the_assembly_s_75_101_a(tmp_path):
    from unres.readers.akn.reader import import_akn
    res, warnings = import_akn(UN_FILE)
    (w653,) = [w for w in warnings if w.code == "W653"]
    assert "sub-paragraphs of the unnumbered operative paragraph" in w653.message, w653.message
    assert len(res.parts[0].operative) == 1 and len(res.parts[0].operative[0].children) > 1
