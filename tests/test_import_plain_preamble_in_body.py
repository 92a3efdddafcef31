"""The preamble's last paragraph printed at the head of the main body with its opening phrase
typed plain, as the Chinese versions type theirs: S/RES/2621 (2022) in Chinese opens its <mainBody>
with "根据《联合国宪章》第七章采取行动，" ("Acting under Chapter VII of the Charter of the United
Nations,"), unnumbered, no bold. The importer moved such a paragraph to the preamble only when its
phrase was in italics (or bold), and refused this one (E617). Words closed by a comma before the
first operative paragraph are the preamble's, whatever their emphasis (W654). Shown on generated
cuts of the UN's files in every language."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, ROOT
from unres.errors import UnresError
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn

HRC54 = CORPUS / "un-akn-hrc" / "54session"
SC2020 = CORPUS / "un-akn-sc" / "2020"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir() or not SC2020.is_dir(),
                                  reason=f"UN AKN corpus not found at {HRC54} and {SC2020}")
LANGUAGES = {"Arabic": "A", "Chinese": "C", "English": "E", "French": "F", "Russian": "R", "Spanish": "S"}
UNSEEN_2621 = ROOT / "tests" / "unseen" / "sc" / "2022" / "Chinese" / "S_RES_2621 (2022)-2202537C.xml"


def _moved(path: Path, out: Path, plain: bool, close: str | None = None) -> str:
    """The file with its last preambular container printed as an unnumbered paragraph at the head
    of the <mainBody>; its emphasis dropped (words kept) if ``plain``, its closing comma replaced
    by ``close`` if given. Returns the moved words."""
    root = etree.parse(str(path)).getroot()
    ns = etree.QName(root).namespace
    container = root.findall(".//{*}preamble/{*}container")[-1]
    body = root.find(".//{*}mainBody")
    paragraph = etree.Element(f"{{{ns}}}paragraph", eId="para_moved")
    content = etree.SubElement(paragraph, f"{{{ns}}}content")
    for child in list(container):
        content.append(child)
    container.getparent().remove(container)
    body.insert(0, paragraph)
    p = content.find("{*}p")
    if plain:
        for span in p.xpath("./*[local-name()='span' or local-name()='b' or local-name()='i']"):
            if not len(span):
                unwrap(span)
    if close is not None:
        last = p if not len(p) else p[-1]
        where = "tail" if len(p) else "text"
        text = getattr(last, where) or ""
        stripped = text.rstrip()
        assert stripped.endswith((",", "،", "，")), stripped[-5:]
        setattr(last, where, stripped[:-1] + close)
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return "".join(p.itertext())


def unwrap(el) -> None:
    """An element replaced by its text, kept where it stood."""
    parent, text = el.getparent(), (el.text or "") + (el.tail or "")
    before = el.getprevious()
    if before is not None:
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(el)


def line_of(path: Path, eid: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if f'eId="{eid}"' in line:
            return number
    raise AssertionError(eid)


def _closes_with_comma(path: Path) -> bool:
    """Whether the file's last preambular paragraph closes with a comma (54/20 in Arabic closes
    its own with "؛", which no reader could tell from an operative paragraph's)."""
    root = etree.parse(str(path)).getroot()
    words = "".join(root.findall(".//{*}preamble/{*}container")[-1].itertext()).rstrip()
    return words.endswith((",", "،", "，"))


def _files():
    hrc = [HRC54 / language / f"A_HRC_RES_54_{n}{letter}.xml"
           for language, letter in LANGUAGES.items() for n in (1, 7, 20)]
    return [path for path in hrc + sorted(SC2020.glob("*/S_RES_25[0-4]*.xml")) if _closes_with_comma(path)]


@needs_corpus
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 10_000), plain=st.booleans())
def test_the_preambles_last_paragraph_at_the_head_of_the_main_body_is_moved_back(tmp_path_factory, index,
                                                                                   plain):
    files = _files()
    original = files[index % len(files)]
    clean, _ = import_akn(original)
    cut = tmp_path_factory.mktemp("cut") / original.name
    _moved(original, cut, plain)
    res, warnings = import_akn(cut)
    assert [plain_text(p.inlines) for p in res.preamble] == [plain_text(p.inlines) for p in clean.preamble]
    assert [p.num for p in res.operative] == [p.num for p in clean.operative]
    assert [plain_text(p.inlines) for p in res.operative] == [plain_text(p.inlines) for p in clean.operative]
    assert any(w.code == "W654" and w.loc.line == line_of(cut, "para_moved") for w in warnings), \
        [(w.code, w.message) for w in warnings]


@needs_corpus
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_words_closed_otherwise_are_not_taken_for_the_preambles(tmp_path, language):
    """An unnumbered paragraph before the first numbered one that closes as an operative paragraph
    does (a semicolon) is not the preamble's: refused as before, with its line."""
    original = HRC54 / language / f"A_HRC_RES_54_7{LANGUAGES[language]}.xml"
    cut = tmp_path / original.name
    _moved(original, cut, plain=True, close="؛" if language == "Arabic" else "；" if language == "Chinese" else ";")
    with pytest.raises(UnresError) as caught:
        import_akn(cut)
    assert [(d.code, d.loc.line) for d in caught.value.diagnostics] == [("E617", line_of(cut, "para_moved"))]


def test_the_un_file_that_showed_it_is_imported_with_its_preamble_whole():
    res, warnings = import_akn(UNSEEN_2621)
    assert plain_text(res.preamble[-1].inlines).strip() == "根据《联合国宪章》第七章采取行动，"
    assert res.operative[0].num == "1."
    assert "W654" in {w.code for w in warnings}
