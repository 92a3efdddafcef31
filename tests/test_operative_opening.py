"""An unnumbered paragraph that opens the operative part, the numbered paragraphs continuing its
sentence ("*Resolves* that:" then 1., 2. …), as the Assembly's budget resolutions print it. It is
the last paragraph before paragraph 1 and ends with a colon, as no preambular paragraph does;
every output prints it and marks it as what it is, and every reader finds it again."""
from __future__ import annotations

import textwrap

import pytest

from conftest import CORPUS
from unres.cli import main
from unres.lint import lint
from unres.model.document import Link, plain_text, walk_inlines
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.read.akn import extract_akn
from unres.verify.read.docx import extract_docx
from unres.verify.read.html import extract_html
from unres.verify.read.pdf_layout import extract_pdf
from unres.writers.markdown import render_markdown

FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/99/256
    number: "99/256"
    title: Working Capital Fund for 2031
    organ: General Assembly
    session: 99
    session_name: Ninety-ninth session
    agenda_items:
      - number: "141"
        title: Proposed programme budget for 2031
    origin:
      committee: Fifth Committee
      documents: ["A/99/682, para. 63"]
    distribution: General
    issue_date: 2031-01-12
    language: {language}
    adoption_date: 2030-12-31
    meeting: 50
    vote: without
    ---
    """)

BODY = textwrap.dedent("""\

    *The General Assembly*,

    *Recalling* its resolution 98/256,

    *Resolves* that:[^1]

    1. The Working Capital Fund shall be established for the year 2031 in the amount of 150 million United States dollars;

    2. There shall be set off against this allocation of advances:

       (a) Credits to Member States resulting from transfers;

       (b) Cash advances paid by Member States.

    [^1]: See A/99/682.
    """)


def _source(tmp_path, language="English", body=BODY):
    path = tmp_path / "opening.md"
    path.write_text(FRONT.format(language=language) + body, encoding="utf-8")
    return path


def test_the_paragraph_before_paragraph_1_that_ends_with_a_colon_opens_the_operative_part(tmp_path):
    res = read_source(str(_source(tmp_path)))
    part = res.parts[0]
    assert [plain_text(p.inlines) for p in part.preamble] == ["Recalling its resolution 98/256,"]
    assert plain_text(part.opening.inlines) == "Resolves that:" and part.opening.eid == "para_0"
    assert [p.num for p in part.operative] == ["1.", "2."]
    assert res.footnotes[0].called_from == "para_0"
    # The paragraphs continue the opening's sentence: no italic verb is asked of them.
    assert not [d for d in lint(res) if d.code == "W104"]
    text = render_markdown(res)
    assert "*Resolves* that:[^1]\n\n1. The Working" in text
    again = tmp_path / "again.md"
    again.write_text(text, encoding="utf-8")
    assert read_source(str(again)).parts == res.parts


def test_a_colon_elsewhere_in_the_preamble_is_a_preambular_paragraph(tmp_path):
    body = BODY.replace("*Recalling* its resolution 98/256,", "*Recalling* the following:")
    body = body.replace("*Resolves* that:[^1]", "*Noting* the report,[^1]")
    res = read_source(str(_source(tmp_path, body=body)))
    assert res.parts[0].opening is None and len(res.parts[0].preamble) == 2


@pytest.mark.parametrize("language", ["English", "French"])
def test_every_output_prints_and_marks_the_opening(tmp_path, language):
    path = _source(tmp_path, language)
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0
    for extract, suffix in ((extract_akn, ".akn.xml"), (extract_html, ".html"), (extract_docx, ".docx"),
                            (extract_pdf, ".pdf")):
        items = extract(out / f"opening{suffix}").items
        openings = [i for i in items if i.kind == "opening"]
        assert [(i.section, i.text) for i in openings] == [("operative", "Resolves that:")], suffix
        assert [i.kind for i in items if i.section == "preamble"] == ["paragraph"], suffix
    res, _warnings = import_akn(out / "opening.akn.xml")
    assert res.parts == read_source(str(path)).parts


def test_in_parts_each_part_may_open_so(tmp_path):
    part_b = ("\n# B\n\n## Unforeseen expenses\n\n*The General Assembly*,\n\n*Resolves* that:\n\n"
              "1. The Secretary-General may enter into commitments;\n\n2. He shall report.\n")
    body, note = BODY.split("\n[^1]")
    text = FRONT.format(language="English").replace("99/256", "99/256 A-B", 2)
    path = tmp_path / "parts.md"
    path.write_text(text + "\n# A\n\n## Working Capital Fund\n" + body + part_b + "\n[^1]" + note, encoding="utf-8")
    res = read_source(str(path))
    assert [p.opening.eid for p in res.parts] == ["part_A__para_0", "part_B__para_0"]
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0


GA = CORPUS / "un-akn-ga" / "75session" / "English"


@pytest.mark.skipif(not GA.exists(), reason="../shared/corpus/un-akn-ga is absent")
def test_the_uns_resolves_that_imports():
    res, _warnings = import_akn(GA / "75_256_E.xml")
    part = res.parts[0]
    assert plain_text(part.opening.inlines) == "Resolves that:" and not part.preamble
    assert [p.num for p in part.operative] == [f"{n}." for n in range(1, 7)]


def test_a_document_the_opening_cites_is_linked_in_every_output(tmp_path):
    body = BODY.replace("*Resolves* that:[^1]", "*Resolves*, in accordance with resolution 97/250, that:[^1]")
    path = _source(tmp_path, body=body)
    res = read_source(str(path))
    links = [n for n in walk_inlines(res.parts[0].opening.inlines) if isinstance(n, Link)]
    assert [(n.symbol, n.eid) for n in links] == [("A/RES/97/250", "para_0__ref_1")]
    out = tmp_path / "out"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert main(["verify", str(path), "-o", str(out), "-q"]) == 0
    assert 'eId="para_0__ref_1"' in (out / "opening.akn.xml").read_text(encoding="utf-8")
    assert "undocs.org/en/A/RES/97/250" in (out / "opening.html").read_text(encoding="utf-8")
    again, _warnings = import_akn(out / "opening.akn.xml")
    assert again.parts == res.parts
