"""A text the resolution adopts in its own words ("*Adopts* the following declaration:", as
A/RES/75/1 prints one): written as a block quotation after the paragraph that adopts it, built
into every format with its own title, headings and numbering, read back by verify, imported back
from our own AKN."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS, build_ok, verify_ok
from unres.errors import SourceError
from unres.model.document import OperativeParagraph, plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

ASSEMBLY_FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/75/901
    number: "75/901"
    title: Declaration on the work of the Organization
    organ: General Assembly
    session: 75
    session_name: Seventy-fifth session
    agenda_items:
      - number: "128 (a)"
        title: "Strengthening of the United Nations system"
    origin:
      documents:
        - A/75/L.901
    distribution: General
    issue_date: 2020-09-28
    language: English
    adoption_date: 2020-09-21
    meeting: 3rd plenary meeting
    vote: without
    ---
    """)
DECLARATION = textwrap.dedent("""\

    *The General Assembly*

    *Adopts* the following declaration:

    > ## Declaration on the work of the Organization
    >
    > 1. We, the Heads of State and Government, have gathered to recall resolution 70/1.[^1]
    >
    > 2. We will:
    >
    >    (a) Leave no one behind;
    >
    >    (b) Protect our planet.
    >
    > \\* \\* \\*
    >
    > ### Our commitments
    >
    > 3. We commit to take the present declaration to our citizens.

    [^1]: Resolution 70/1.
    """)
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def assembly_source(tmp_path, body):
    """An Assembly resolution of this body, as a file of ``tmp_path``."""
    path = tmp_path / "A_RES_75_901.md"
    path.write_text(ASSEMBLY_FRONT + body, encoding="utf-8")
    return path


def _source(tmp_path, body=DECLARATION):
    return assembly_source(tmp_path, body)


def test_the_declaration_is_the_adopted_text_with_numbers_of_its_own(tmp_path):
    res = read_source(str(_source(tmp_path)))
    part = res.parts[0]
    assert plain_text(part.opening.inlines) == "Adopts the following declaration:"
    assert res.operative == []          # the declaration's paragraphs are not the resolution's
    assert plain_text(part.adopted.title) == "Declaration on the work of the Organization"
    numbered = [b for b in part.adopted.blocks if isinstance(b, OperativeParagraph)]
    assert [b.num for b in numbered] == ["1.", "2.", "3."]
    assert [s.label for s in numbered[1].children] == ["(a)", "(b)"]
    assert [type(b).__name__ for b in part.adopted.blocks] == \
        ["OperativeParagraph", "OperativeParagraph", "Paragraph", "Heading", "OperativeParagraph"]
    assert res.footnotes[0].called_from == numbered[0].eid
    # The canonical source writes it back as it was written.
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)) == res
    assert render_markdown(read_source(str(again))) == render_markdown(res)


def test_the_declaration_builds_in_every_format_verifies_and_imports_back(tmp_path):
    source = _source(tmp_path)
    out = build_ok([source], tmp_path / "out")
    # verify reads all four back, as a user runs it: every item of the declaration found.
    verify_ok([source], out)
    akn = out / "A_RES_75_901.akn.xml"
    root = etree.parse(str(akn)).getroot()
    body = root.find(f".//{AKN}mainBody")
    # The resolution's own body holds the adopting paragraph alone; the declaration's numbered
    # paragraphs stand inside it, in an <embeddedStructure> with their own eIds.
    assert [p.get("eId") for p in body.findall(f"{AKN}paragraph")] == ["para_0"]
    structure = body.find(f"{AKN}paragraph/{AKN}content/{AKN}p/{AKN}embeddedStructure")
    assert structure.findtext(f"{AKN}heading") == "Declaration on the work of the Organization"
    assert [p.findtext(f"{AKN}num") for p in structure.findall(f"{AKN}paragraph")] == ["1.", "2.", "3."]
    assert import_akn(akn)[0] == read_source(str(source))
    html = (out / "A_RES_75_901.html").read_text(encoding="utf-8")
    assert 'class="adopted-title"' in html and 'class="adopted-heading level-3"' in html


@pytest.mark.parametrize("body, line", [
    # A quotation with no paragraph before it that adopts it.
    ("\n*The General Assembly*\n\n> ## Declaration\n>\n> 1. We act.\n", 24),
    # Numbered paragraphs of the resolution after the adopted text.
    (DECLARATION.replace("\n[^1]:", "\n4. Decides to remain seized of the matter.\n\n[^1]:"), 42),
])
def test_an_adopted_text_out_of_place_is_refused_with_its_line(tmp_path, body, line):
    with pytest.raises(SourceError) as caught:
        read_source(str(_source(tmp_path, body)))
    found = [(d.code, d.loc.line) for d in caught.value.diagnostics]
    assert ("E217", line) in found, found


_WORD = st.sampled_from(["peace", "security", "development", "the Organization", "rights", "our planet"])
_BLOCK = st.one_of(
    st.tuples(st.just("numbered"), st.lists(_WORD, min_size=1, max_size=4), st.integers(0, 3)),
    st.tuples(st.just("heading"), st.lists(_WORD, min_size=1, max_size=3), st.integers(3, 6)),
    st.tuples(st.just("text"), st.lists(_WORD, min_size=1, max_size=3), st.just(0)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(_BLOCK, min_size=1, max_size=8).filter(lambda bs: any(b[0] == "numbered" for b in bs)))
def test_any_adopted_text_reads_as_written_and_its_canonical_form_reads_back(tmp_path, blocks):
    """Headings, paragraphs and numbered paragraphs (with sub-paragraphs) in any order: each read
    where it was written, the numbers running from 1 across them, and the source the canonical
    writer gives reads back as the same resolution."""
    lines, number = ["", "*The General Assembly*", "", "*Adopts* the following declaration:", "",
                     "> ## Declaration on the work of the Organization", ">"], 0
    for kind, words, extra in blocks:
        text = " ".join(words).capitalize()
        if kind == "numbered":
            number += 1
            lines += [f"> {number}. We commit to {text}:" if extra else f"> {number}. We commit to {text}.", ">"]
            for index in range(extra):
                lines += [f">    ({'abc'[index]}) {text};", ">"]
        elif kind == "heading":
            lines += [f"> {'#' * extra} {text}", ">"]
        else:
            lines += [f"> {text}", ">"]
    path = _source(tmp_path, "\n".join(lines[:-1]) + "\n")
    res = read_source(str(path))
    adopted = res.parts[0].adopted
    kinds = {"numbered": "OperativeParagraph", "heading": "Heading", "text": "Paragraph"}
    assert [type(b).__name__ for b in adopted.blocks] == [kinds[kind] for kind, _w, _e in blocks]
    numbered = [b for b in adopted.blocks if isinstance(b, OperativeParagraph)]
    assert [b.num for b in numbered] == [f"{n}." for n in range(1, number + 1)]
    assert [len(b.children) for b in numbered] == [extra for kind, _w, extra in blocks if kind == "numbered"]
    assert res.operative == []
    again = tmp_path / "again.md"
    again.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(again)) == res


UN_75_1 = [CORPUS / "un-akn-ga" / "75session" / language / f"75_1_{letter}.xml"
           for language, letter in (("English", "E"), ("French", "F"), ("Spanish", "S"), ("Russian", "R"),
                                    ("Arabic", "A"))]


@pytest.mark.skipif(not all(p.exists() for p in UN_75_1), reason="../shared/corpus/un-akn-ga is absent")
def test_the_language_versions_of_75_1_agree_on_the_declaration(tmp_path):
    """Imported together, the five versions of 75/1 the source format can express agree on the
    declaration's numbering (compared apart from the resolution's, which has none)."""
    result = subprocess.run([sys.executable, "-m", "unres.cli", "import", *map(str, UN_75_1), "-o", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "W670" not in result.stderr
    for path in tmp_path.glob("*.md"):
        numbered = [b for b in read_source(str(path)).parts[0].adopted.blocks if isinstance(b, OperativeParagraph)]
        assert len(numbered) == 21, path.name
