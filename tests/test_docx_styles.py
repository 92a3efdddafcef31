"""The DOCX's styles: the reference document leaves out pandoc's styles for what unres never hands
pandoc, pandoc is given it with pandoc's own styles only, every DOCX is finished with the UN's, and
no DOCX names a style it does not define, whatever its blocks (tables, notes, links, annexes and
their headings, sub-paragraphs, a right-to-left language)."""
from __future__ import annotations

import copy
import io
import json
import textwrap
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from hypothesis import given, settings, strategies as st
from lxml import etree

from conftest import BODY, BUDGET_FRONT, council_front
from unres.model.document import Annex, Heading, OperativeParagraph, Paragraph, SubParagraph, Text
from unres.model.transforms import finalize
from unres import warm_pandoc
from unres.readers.markdown.reader import read_source
from unres.writers.docx import body as docx_pandoc, reference as docx_reference, writer as docx_writer

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# pandoc's styles for what unres hands it: paragraphs (outside a styled block), table cells, the
# table itself, notes and their calls, links.
PANDOC_STYLES_USED = ("Normal", "Body Text", "First Paragraph", "Compact", "Table", "Footnote Text",
                      "Footnote Reference", "Hyperlink", "Default Paragraph Font")

TABLES = BUDGET_FRONT + textwrap.dedent("""\

    *The General Assembly*,

    *Recalling* its resolution 98/1,[^1]

    1. *Resolves* that appropriations are approved for the following purposes:

       | Section | *Amount* |
       |:--|--:|
       | 1. Overall policymaking^a^ | 78 809 400 |
       | 2. General Assembly affairs | **340 979 200** |

       ^a^ As approved in resolution 98/1.

    2. *Decides* to appropriate the amounts set out in the annex to the present resolution,
       see <https://undocs.org/A/99/478>.

    # Annex

    ## Financing for 2031

    #### Appropriations

    | | *Amount* |
    |:--|--:|
    | Posts | 1 000 |
    | **Total** | **1 000** |

    [^1]: A/RES/98/1, para.&nbsp;2.
    """)


def _annexed(res):
    """``res`` with nested sub-paragraphs, closing words and an annex of headings and paragraphs."""
    other = copy.deepcopy(res)
    para = other.parts[0].operative[0]
    para.children = [SubParagraph([Text("first;")], children=[SubParagraph([Text("inner;")])]),
                     SubParagraph([Text("second;")])]
    para.wrapup = [Text("and closes.")]
    other.annexes = [Annex("Annex", [Text("Terms")], [
        Heading(2, [Text("General")]), Heading(3, [Text("Particular")]),
        Paragraph([Text("Unnumbered text.")]), OperativeParagraph([Text("Numbered text.")])])]
    return finalize(other)


def _sources(tmp_path) -> dict:
    written = {"tables.md": TABLES, "arabic.md": council_front("9998", "Arabic") + BODY,
               "chinese.md": council_front("9997", "Chinese") + BODY}
    found = {}
    for name, text in written.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        found[name] = read_source(str(tmp_path / name))
    for path in sorted((ROOT / "source").glob("*.md")):
        found[path.name] = read_source(str(path))
        found[path.name + " annexed"] = _annexed(found[path.name])
    return found


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict:
    return {name: docx_writer.render(res, {}) for name, res in _sources(tmp_path_factory.mktemp("styles")).items()}


def _styles(root) -> dict:
    return {style.get(f"{W}styleId"): style for style in root.iter(f"{W}style")}


def _pandoc_styles() -> dict:
    """{style id: name} of pandoc's own reference document."""
    with zipfile.ZipFile(io.BytesIO(docx_pandoc.default_reference())) as package:
        root = etree.fromstring(package.read("word/styles.xml"))
    return {style_id: style.find(f"{W}name").get(f"{W}val") for style_id, style in _styles(root).items()}


def test_the_reference_leaves_out_pandocs_styles_for_what_it_is_never_given():
    doc = Document(io.BytesIO(docx_reference.build_reference()))
    names = {style.name for style in doc.styles}
    stored = {style.element.find(f"{W}name").get(f"{W}val") for style in doc.styles}
    assert not stored & docx_reference.UNUSED_PANDOC_STYLES
    # Each is a style of pandoc's own reference, by the name it spells it with: none is left
    # in by a name that does not match.
    assert docx_reference.UNUSED_PANDOC_STYLES <= set(_pandoc_styles().values())
    for name in PANDOC_STYLES_USED:
        assert name in names, name
    for name in {**docx_reference.load_yaml("styles.yaml")["paragraph"],
                 **docx_reference.load_yaml("styles.yaml")["character"]}:
        assert name in names, name


def test_every_style_a_docx_names_is_defined(documents):
    every = set()
    for name, data in documents.items():
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            styles = _styles(etree.fromstring(package.read("word/styles.xml")))
            dropped = {style_id for style_id, name in _pandoc_styles().items()
                       if name in docx_reference.UNUSED_PANDOC_STYLES}
            used = set()
            for part in package.namelist():
                if part.startswith("word/") and part.endswith(".xml") and part != "word/styles.xml":
                    root = etree.fromstring(package.read(part))
                    for tag in ("pStyle", "rStyle", "tblStyle"):
                        used |= {el.get(f"{W}val") for el in root.iter(f"{W}{tag}")}
            assert used <= set(styles), (name, used - set(styles))
            every |= used
            for style_id, style in styles.items():
                for tag in ("basedOn", "next", "link"):
                    named = style.find(f"{W}{tag}")
                    assert named is None or named.get(f"{W}val") not in dropped, (name, style_id, tag)
    # The documents hold notes, links, tables (with a note of their own), annexes and their headings.
    assert {"SingleTxtG", "SingleTxtGSub2", "FootnoteText", "FootnoteReference", "Hyperlink", "Table",
            "TableNoteG", "AnnexG", "H1GAnnex", "H23G"} <= every, every


def test_pandoc_is_given_its_own_styles_and_every_docx_holds_the_uns(documents):
    with zipfile.ZipFile(docx_reference.reference_path()) as package:
        given = _styles(etree.fromstring(package.read("word/styles.xml")))
    assert set(given) <= set(_pandoc_styles())
    assert {"Normal", "FootnoteText", "FootnoteReference", "Hyperlink", "Table"} <= set(given)
    with zipfile.ZipFile(io.BytesIO(docx_reference.build_reference())) as package:
        reference = package.read("word/styles.xml")
    assert docx_reference.styles_part() == reference
    uns = set(_styles(etree.fromstring(reference)))
    for name, data in documents.items():
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            held = set(_styles(etree.fromstring(package.read("word/styles.xml"))))
        # the UN's, and no other: not the styles pandoc adds to highlight code
        assert held == uns, (name, held ^ uns)


@given(st.lists(st.text(alphabet=st.sampled_from(list("AbzÉé09 -_.()&'<") + ["名", "样", "ا", "Ж"]), min_size=1,
                        max_size=12).filter(lambda name: name.strip()), min_size=1, max_size=4, unique=True))
@settings(max_examples=25, deadline=None)
def test_pandoc_names_a_style_it_is_not_given_by_the_id_the_styles_part_gives_it(names):
    """pandoc is not given the UN's styles: a paragraph in one of them must name the id python-docx
    gave it in the styles part the DOCX is finished with."""
    blocks = [{"t": "Div", "c": [["", [], [["custom-style", name]]],
                                 [{"t": "Para", "c": [{"t": "Str", "c": "x"}]}]]} for name in names]
    data = json.dumps({"pandoc-api-version": docx_pandoc.api_version(), "meta": {}, "blocks": blocks}).encode()
    written = warm_pandoc.convert(data, "json", "docx", str(docx_reference.reference_path()))
    with zipfile.ZipFile(io.BytesIO(written)) as package:
        named = [el.get(f"{W}val") for el in etree.fromstring(package.read("word/document.xml")).iter(f"{W}pStyle")]
    styles = Document().styles
    assert named == [styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).style_id for name in names]
