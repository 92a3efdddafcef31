"""The HTML writer: a self-contained, semantic page whose ids are the model's eIds."""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from unres.errors import ToolError
from unres.writers.html.inlines import INLINE_NOTES, InlineRenderer
from unres.model.document import Emph, Footnote, LineBreak, Link, NoteRef, Text
from unres.readers.markdown.reader import read_source
from unres.writers.html import writer as html

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
# A 1x1 transparent PNG, enough to fill the emblem slot in tests.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")


@pytest.fixture(scope="module")
def res():
    return read_source(str(SOURCE))


@pytest.fixture(scope="module")
def page(res):
    return html.render(res, {}).decode("utf-8")


@pytest.fixture(scope="module")
def tree(page):
    return lxml.html.fromstring(page)


def text(element) -> str:
    return " ".join(element.text_content().split())


def test_document_head(tree, page):
    assert page.startswith("<!DOCTYPE html>")
    assert tree.get("lang") == "en"
    assert tree.findtext("head/title") == (
        "A/HRC/RES/38/3: Enhancement of international cooperation in the field of human rights")
    assert tree.find("head/meta[@name='viewport']") is not None


def test_self_contained(tree, page):
    # Styles inline, nothing to fetch: no stylesheet links, scripts or remote sources.
    assert len(tree.findall(".//style")) == 1
    assert not tree.xpath("//link | //script | //iframe | //object")
    assert not tree.xpath("//*[@src and not(starts-with(@src, 'data:'))]")
    assert "@import" not in page and "url(" not in page


def test_masthead_is_a_header(tree):
    header = tree.find(".//header")
    words = text(header)
    for expected in ("United Nations", "A/HRC/RES/38/3", "General Assembly", "Distr.: General",
                     "16 July 2018", "Original: English"):
        assert expected in words
    session = text(tree.find_class("session")[0])
    assert session == "Human Rights Council Thirty-eighth session 18 June–6 July 2018 Agenda item 3"
    assert text(tree.find_class("adopted-by")[0]) == (
        "Resolution adopted by the Human Rights Council on 5 July 2018")
    assert text(tree.find(".//h1")) == (
        "38/3.Enhancement of international cooperation in the field of human rights")


def test_preamble_and_operative_sections(tree):
    preamble = tree.xpath("//section[contains(@class, 'preamble')]")[0]
    operative = tree.xpath("//section[contains(@class, 'operative')]")[0]
    assert preamble.get("aria-label") and operative.get("aria-label")
    assert preamble.xpath("p[@class='formula']/@id") == ["preamble__formula_1"]
    paras = preamble.xpath("p[@class='preambular']")
    assert [p.get("id") for p in paras] == [f"preamble__container_{n}" for n in range(1, 28)]
    assert paras[0].find("em").text == "Reaffirming"
    numbered = operative.xpath("div[@class='para']")
    assert [p.get("id") for p in numbered] == [f"para_{n}" for n in range(1, 32)]
    assert [p.find_class("num")[0].text for p in numbered] == [f"{n}." for n in range(1, 32)]


def test_every_paragraph_has_a_visible_permalink(tree, page):
    for n in range(1, 32):
        (link,) = tree.xpath(f"//div[@id='para_{n}']/p[1]/a[@class='permalink']")
        assert link.get("href") == f"#para_{n}"
        assert link.get("aria-label") == f"Link to paragraph {n}."
    # The link shows a pilcrow drawn by CSS, so it adds no words to the text.
    assert re.search(r"\.permalink::before\s*{\s*content:", page)


def test_footnote_is_a_linked_note(tree):
    call = tree.xpath("//div[@id='para_19']//sup[@class='note-call']/a")[0]
    assert call.get("href") == "#para_19__authorialNote_1"
    assert call.get("id") == "para_19__authorialNote_1-call"
    assert call.text == "1"
    note = tree.get_element_by_id("para_19__authorialNote_1")
    assert note.get("role") == "doc-endnote"
    assert "A/HRC/37/79." in text(note)
    assert note.xpath("a[@role='doc-backlink']/@href") == ["#para_19__authorialNote_1-call"]


def test_vote_lists_are_lists(tree):
    adoption = tree.xpath("//section[@class='adoption']")[0]
    assert text(adoption.find_class("meeting")[0]) == "37th meeting 5 July 2018"
    assert text(adoption.find_class("vote-note")[0]) == (
        "[Adopted by a recorded vote of 28 to 14, with 3 abstentions. "
        "The voting was as follows:")
    lists = adoption.xpath(".//ul[@class='states']")
    labels = [adoption.get_element_by_id(ul.get("aria-labelledby")).text for ul in lists]
    assert labels == ["In favour:", "Against:", "Abstaining:"]
    assert [len(ul.findall("li")) for ul in lists] == [28, 14, 3]
    assert lists[0].findall("li")[4].text == "Côte d’Ivoire, "
    assert [li.text for li in lists[2]] == ["Afghanistan, ", "Brazil, ", "Mexico]"]
    assert tree.xpath("//hr[@class='end-rule']")


def test_sub_paragraph_ids_and_permalinks(source_file):
    res = read_source(str(source_file()))
    tree = lxml.html.fromstring(html.render(res, {}))
    eid = "para_2__list_1__point_b__list_1__point_ii"
    point = tree.get_element_by_id(eid)
    assert point.tag == "li"
    assert point.xpath("p[1]/span[@class='num']/text()") == ["(ii)"]
    assert point.xpath("p[1]/a[@class='permalink']/@href") == [f"#{eid}"]
    assert tree.get_element_by_id("para_2__list_1").tag == "ol"


HOSTILE = "1 < 2 & 3 > 2 \"double\" 'single' <script>alert(1)</script> {{ 7*7 }} {% if 1 %}x{% endif %}"


def test_text_is_escaped_and_literal(source_file):
    front = (Path(source_file()).read_text(encoding="utf-8").split("---\n")[1]
             .replace("title: A test resolution", "title: 'Title <b>bold</b> & {{ 7*7 }}'"))
    body = f"\n*The Human Rights Council*,\n\n*Noting* {HOSTILE},\n\n1. *Decides* to act.\n"
    res = read_source(str(source_file(front=f"---\n{front}---\n", body=body)))
    page = html.render(res, {}).decode("utf-8")
    assert "<script" not in page and "<b>" not in page and "49" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = lxml.html.fromstring(page)
    # Quotes are printed in UN style (“double” ‘single’); nothing else of the text changes.
    printed = HOSTILE.replace('"double"', "“double”").replace("'single'", "‘single’")
    assert printed != HOSTILE
    assert text(tree.get_element_by_id("preamble__container_1")) == f"Noting {printed},"
    assert tree.findtext("head/title") == "A/HRC/RES/99/1: Title <b>bold</b> & {{ 7*7 }}"
    assert text(tree.find(".//h1")) == "99/1.Title <b>bold</b> & {{ 7*7 }}"


def test_only_safe_links_become_links():
    render = InlineRenderer([])
    out = render([Link("javascript:alert(1)", [Text("x")]), Link("file:///etc/passwd", [Text("y")]),
                  Link("https://undocs.org/A/HRC/37/79", [Text("A/HRC/37/79")])])
    assert out.count("<a ") == 1
    assert '<a href="https://undocs.org/A/HRC/37/79">A/HRC/37/79</a>' in out
    assert "javascript" not in out and "passwd" not in out
    quoted = render([Link('https://x.org/"><script>', [Text("q")])])
    assert "<script>" not in quoted and "&#34;&gt;&lt;script&gt;" in quoted


def test_print_variant_puts_the_note_at_its_call():
    note = Footnote("n", [[Emph([Text("A/HRC/1/1")]), Text(" & more")]], 1, "1",
                    "para_2__authorialNote_1", "para_2")
    out = InlineRenderer([note], INLINE_NOTES)(
        [Text("text;"), NoteRef("n", 1, "para_2__authorialNote_1"), LineBreak()])
    assert out == ('text;<span class="note-anchor" id="para_2__authorialNote_1-call"></span>'
                   '<span class="footnote" id="para_2__authorialNote_1" data-marker="1">'
                   '<em>A/HRC/1/1</em> &amp; more</span><br>\n')


def test_configured_emblem_is_inlined(res, tmp_path, monkeypatch):
    emblem = tmp_path / "emblem.png"
    emblem.write_bytes(PNG)
    monkeypatch.setenv("UNRES_EMBLEM", str(emblem))
    tree = lxml.html.fromstring(html.render(res, {}))
    (img,) = tree.xpath("//header//div[@class='emblem']/img")
    assert img.get("src").startswith("data:image/png;base64,iVBORw0KGgo")
    monkeypatch.setenv("UNRES_EMBLEM", str(tmp_path / "missing.png"))
    with pytest.raises(ToolError) as err:
        html.render(res, {})
    assert err.value.diagnostics[0].code == "T-EMBLEM"


def test_no_emblem_ships_by_default(tree, monkeypatch):
    monkeypatch.delenv("UNRES_EMBLEM", raising=False)
    assert not tree.xpath("//img")


def test_rendering_is_deterministic(res, page):
    assert html.render(res, {}).decode("utf-8") == page


def parts_and_annex(res):
    """38/3's metadata around two lettered parts and an annex, numbered by the model."""
    import copy

    from unres.model.document import (Annex, Formula, Heading, OperativeParagraph, Paragraph, Part,
                                      PreambularParagraph, Resolution, SubParagraph)
    from unres.model.transforms import finalize

    def part(label):
        return Part(label, [Text(f"Title of part {label}")],
                    Formula([Emph([Text("The Human Rights Council")]), Text(",")]),
                    [PreambularParagraph([Emph([Text("Recalling")]), Text(" its work,")])],
                    [OperativeParagraph([Emph([Text("Decides")]), Text(" as follows:")],
                                        [SubParagraph([Text("first;")]),
                                         SubParagraph([Text("second.")])])])
    annex = Annex("Annex", [Text("Guidelines")],
                  [Heading(1, [Text("Scope")]), Paragraph([Text("Plain text.")]),
                   OperativeParagraph([Text("Numbered text.")])])
    return finalize(Resolution(copy.deepcopy(res.meta), [part("A"), part("B")], [annex], []))


def test_parts_and_annexes(res):
    tree = lxml.html.fromstring(html.render(parts_and_annex(res), {}))
    assert [p.get("id") for p in tree.xpath("//div[@class='part']")] == ["part_A", "part_B"]
    assert tree.get_element_by_id("part_B__para_1").find_class("num")[0].text == "1."
    assert tree.get_element_by_id("part_A__para_1__list_1__point_b").tag == "li"
    annex = tree.get_element_by_id("att_1")
    assert [text(h) for h in annex.findall("h2")] == ["Annex", "Guidelines"]
    assert annex.xpath(".//p[@class='annex-paragraph']/@id") == ["att_1__p_1"]
    assert tree.get_element_by_id("att_1__para_1").find_class("num")[0].text == "1."


def test_a_page_that_loses_or_repeats_a_paragraphs_id_is_refused(res, page):
    from unres.errors import InvalidOutputError

    html.check(res, page)
    para = res.operative[1].eid
    # The paragraph's id taken away (its permalink still points at it), then given twice.
    lost = page.replace(f' id="{para}"', ' id=""', 1)
    twice = re.sub(r"(<body[^>]*>)", rf'\1<p id="{para}"></p>', page, count=1)
    for bad, says in ((lost, f"missing ['{para}']"), (twice, f"duplicated ['{para}']")):
        with pytest.raises(InvalidOutputError) as refused:
            html.check(res, bad)
        assert refused.value.diagnostics[0].code == "O-HTML-ID" and says in str(refused.value)
