"""Which lists of a recorded vote end with a full stop: every one ("… et Viet Nam." … "Mexique.]",
the UN's French, Spanish and Russian files of the Council's 54th session), only the last, before
the note's closing bracket ("… et Viet Nam" … "Mexique.]", 54/4 and 58/12 in French, 57/22 in
Russian, 55/32 in Arabic), or none ("… and Viet Nam" … "Mexico]", the English files, 54/3 and 54/18
in French). A source states it ('vote: list_stops:'), the language data gives the default, every
output prints it, and import writes it when a UN file prints otherwise than its language's
default."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from docx import Document as docx_document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, FRONT, ROOT, make_source
from unres.cli import main as unres_main
from unres.errors import SourceError
from unres.formats import FORMATS
from unres.model import languages
from unres.model.presentation import present
from unres.readers.akn.reader import import_akn
from unres.readers.akn.votes import list_stops
from unres.readers.markdown.reader import read_source
from unres.verify.command import differences
from unres.verify.expected import from_model
from unres.writers.markdown import render_markdown

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
UNSEEN = ROOT / "tests" / "unseen" / "hrc"
BODY = "\n1. *Decides* to act.\n"


def _stating(stops: str) -> str:
    """The test front matter with three lists, stating ``stops``."""
    assert "  abstaining: []\n" in FRONT
    front = FRONT.replace("  abstaining: []\n", "  abstaining:\n    - Mexico\n    - Costa Rica\n", 1)
    return front.replace("\nvote:\n", f"\nvote:\n  list_stops: {stops}\n", 1)


def test_the_key_is_read_and_written_back(source_file):
    assert "\nvote:\n" in FRONT
    res = read_source(str(source_file(_stating("last"), BODY)))
    assert res.meta.vote.list_stops == "last"
    text = render_markdown(res)
    assert "\n  list_stops: last\n" in text
    assert read_source(str(source_file(text, "", "again.md"))) == res
    plain = read_source(str(source_file(FRONT, BODY, "plain.md")))
    assert plain.meta.vote.list_stops is None and "list_stops" not in render_markdown(plain)


def test_the_key_takes_only_every_last_or_none(source_file):
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(_stating("first"), BODY)))
    assert [d.code for d in info.value.diagnostics] == ["E103"]
    assert "'vote.list_stops' can only be 'every'" in info.value.diagnostics[0].message
    assert ":" in str(info.value.diagnostics[0].loc)


@pytest.mark.parametrize("stops, ends", [("every", [".", ".", ".]"]), ("last", ["", "", ".]"]),
                                         ("none", ["", "", "]"])])
def test_every_output_prints_the_stops_the_source_states(source_file, tmp_path, stops, ends):
    res = read_source(str(source_file(_stating(stops), BODY)))
    vote = res.meta.vote
    assert all((vote.in_favour, vote.against, vote.abstaining)), "the test needs three lists"
    pres = present(res)
    assert [items[-1][1] for _label, items in pres.vote_items] == [e.rstrip("]") for e in ends]
    out = tmp_path / "out"
    assert unres_main(["build", str(source_file(_stating(stops), BODY, "res.md")), "-o", str(out), "-q",
                       "-f", "html,akn,docx,pdf"]) == 0
    lasts = [getattr(vote, key)[-1] for key in ("in_favour", "against", "abstaining")]
    html = re.sub(r"\s+", " ", etree.parse(str(out / "res.html"), etree.HTMLParser()).getroot()
                  .xpath("string(//body)"))
    akn = "".join(etree.parse(str(out / "res.akn.xml")).getroot().find(".//{*}conclusions").itertext())
    docx = " ".join(p.text for p in docx_document(str(out / "res.docx")).paragraphs)
    pdf = pdfium.PdfDocument(str(out / "res.pdf"))
    pdf_text = re.sub(r"\s+", " ", " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    for printed in (html, akn, docx, pdf_text):
        for state, end in zip(lasts, ends):
            assert re.search(re.escape(state + end) + r"(?![.\]])", printed), (state + end, printed[-400:])
    # unres's own AKN imports back to the same stops; the language's default is not written.
    back, _warnings = import_akn(out / "res.akn.xml")
    assert back.meta.vote.list_stops == (None if stops == languages.default_list_stops("en") else stops)


@settings(max_examples=200, deadline=None)
@given(count=st.integers(1, 3), code=st.sampled_from(languages.CODES), stops=st.sampled_from(languages.LIST_STOPS),
       states=st.lists(st.sampled_from(["Chile", "India", "Viet Nam", "Côte d’Ivoire", "中国", "الصين"]),
                       min_size=1, max_size=4, unique=True))
def test_import_tells_the_stops_the_writers_print(count, code, stops, states):
    """The lists as the writers print them, the note's bracket after the last: the importer reads
    back the same stops (a single list ending with a stop reads as 'every', which prints alike)."""
    ends = languages.list_ends(count, code, stops)
    printed = ["".join(s + after for s, after in languages.list_pieces(states, code, None, end)) for end in ends]
    printed[-1] += "]"
    expected = "every" if count == 1 and stops == "last" else stops
    assert list_stops(printed) == expected


def test_lists_that_disagree_otherwise_keep_the_languages_way():
    assert list_stops(["A, B.", "C, D", "E.]"]) is None
    assert list_stops(["A, B.", "C, D.", "E]"]) is None
    assert list_stops([]) is None


@pytest.mark.parametrize("path, stops, printed", [
    ("58session/French/A_HRC_RES_58_12F.xml", "last", ["Thaïlande et Viet Nam Ont voté contre", "Islande et Mexique.]"]),
    ("57session/Russian/A_HRC_RES_57_22R.xml", "last", ["Чили, Япония Голосовали против"]),
    ("55session/Spanish/A_HRC_RES_55_22S.xml", None, []),
])
def test_a_un_file_imports_and_prints_its_stops(tmp_path, path, stops, printed):
    res, _warnings = import_akn(UNSEEN / path)
    assert res.meta.vote.list_stops == stops
    src = tmp_path / "res.md"
    src.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(src)) == res
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q", "-f", "html,akn"]) == 0
    html = re.sub(r"\s+", " ", etree.parse(str(out / "res.html"), etree.HTMLParser()).getroot()
                  .xpath("string(//body)"))
    for text in printed:
        assert text in html, (text, html[-600:])


def _stops_removed(xml: bytes, keep_last: bool) -> bytes:
    """The file with the full stop after each printed list removed (but the last's, if
    ``keep_last``)."""
    root = etree.fromstring(xml)
    orgs = list(root.find(".//{*}conclusions").iter("{*}organization"))
    for i, org in enumerate(orgs):
        if not (keep_last and i == len(orgs) - 1):
            org.text = re.sub(r"\.(\]?)\s*$", r"\1", org.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@needs_corpus
@pytest.mark.parametrize("keep_last, stops", [(None, None), (False, "none"), (True, "last")])
def test_a_54th_session_file_varied_imports_as_it_prints(tmp_path, keep_last, stops):
    original = HRC54 / "French" / "A_HRC_RES_54_15F.xml"
    path = tmp_path / original.name
    data = original.read_bytes()
    path.write_bytes(data if keep_last is None else _stops_removed(data, keep_last))
    res, _warnings = import_akn(path)
    assert res.meta.vote.list_stops == stops


@needs_corpus
def test_the_54th_session_files_that_print_fewer_stops_import_as_they_print():
    for stem, stops in (("A_HRC_RES_54_3F", "none"), ("A_HRC_RES_54_4F", "last"), ("A_HRC_RES_54_18F", "none")):
        res, _warnings = import_akn(HRC54 / "French" / f"{stem}.xml")
        assert res.meta.vote.list_stops == stops, stem


def _outputs(res) -> dict:
    """Every format's bytes, rendered from ``res`` as a build does."""
    inputs = {}
    for fmt in ("akn", "html", "pdf", "docx"):
        inputs[fmt] = FORMATS[fmt].render(res, dict(inputs))
    return inputs


@pytest.fixture(scope="module")
def three_lists(tmp_path_factory):
    """A source of three lists ending 'every', and each stops rule's outputs of the same text."""
    folder = tmp_path_factory.mktemp("stops")
    made = {}
    for stops in languages.LIST_STOPS:
        res = read_source(str(make_source(folder, _stating(stops), BODY, f"{stops}.md")))
        made[stops] = (res, _outputs(res))
    return made


@pytest.mark.parametrize("fmt", ["akn", "html", "pdf", "docx"])
@pytest.mark.parametrize("stops, printed", [("every", "none"), ("every", "last"), ("none", "every"),
                                            ("last", "none")])
def test_verify_reads_each_lists_stop_back(three_lists, fmt, stops, printed):
    """One output printed with other stops than the source states: verify names that output and
    the lists whose stop differs, and nothing else; the outputs as built agree."""
    res, outputs = three_lists[stops]
    want = from_model(res, "res.md")
    assert differences(want, {f: (data, f) for f, data in outputs.items()}) == []
    wrong = dict(outputs, **{fmt: three_lists[printed][1][fmt]})
    found = differences(want, {f: (data, f) for f, data in wrong.items()})
    expected = [name for name, a, b in zip(("in favour", "against", "abstaining"),
                                          languages.list_ends(3, "en", stops), languages.list_ends(3, "en", printed))
                if a != b]
    # (a PDF made from the other source carries that source's AKN file, which verify names too)
    carried = [("pdf", "the AKN file it carries is not akn")] if fmt == "pdf" else []
    assert [(f.fmt, f.detail.split(": ")[0]) for f in found] == \
        [(fmt, f"vote {name}") for name in expected] + carried, found
    assert all("full stop" in f.detail for f in found if f.detail.startswith("vote"))
