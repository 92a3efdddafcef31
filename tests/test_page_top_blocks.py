"""A block that opens a page is read as a block of its own, not as the one above running on.

A page break hides the space print sets between paragraphs, and a paragraph's closing words (the
words after its sub-paragraphs) start at the text block's edge, as the lines of the sub-paragraph
above them after its first do: at the top of a page, print cannot tell them apart, and verify's PDF
reader read such words as the sub-paragraph running on and refused a correct document. The PDF's
tags can: the closing words stand under other block tags than the sub-paragraph's, where a block
that runs on stands on the next page under the same ones.

Each source is built by the real writers and read back by verify's PDF reader, in the six
languages, with the text before the paragraphs grown word by word so that the page breaks fall
before each kind of block: closing words (of an operative paragraph, of a sub-paragraph's own
sub-paragraphs, of an annex's numbered paragraph), a numbered paragraph, a sub-paragraph, a note
under a table, an annex's paragraph, and inside a paragraph that runs on over the page. The sweep
must put closing words at a page's top in every language, or it proves nothing."""
from __future__ import annotations

import random

import pytest

from conftest import council_front
from test_label_like_words import LANGUAGES, _end, _words
from unres.pipeline.render import render_outputs
from unres.readers.markdown.reader import read_source
from unres.verify.compare import compare
from unres.verify.expected import from_model
from unres.verify.fingerprint import normalise
from unres.verify.read.pdf_layout import _pdf_lines, extract_pdf
from unres.verify.read.pdf_text import HEADER_BAND, pdf_fragments


def _colon(language: str) -> str:
    return "：" if language == "Chinese" else ("\u202f:" if language == "French" else ":")


def source_text(language: str, lead: int) -> str:
    """A Council resolution whose first preambular paragraph has ``lead`` words, then operative
    paragraphs with sub-paragraphs and closing words of many lengths, a table with a note, and an
    annex of numbered paragraphs with closing words."""
    formula, recalling, _vocabulary, annex = LANGUAGES[language]
    rng = random.Random(f"{language}-{lead}")
    end, colon = _end(language), _colon(language)

    def words(low, high):
        return _words(language, rng, rng.randint(low, high))

    body = f"\n{formula}\n\n{recalling}\n\n{_words(language, rng, lead)}{end}\n\n{words(8, 30)}{end}\n\n"
    operative = []
    for n in range(6):
        points = "".join(f"@({label}) {words(4, 45)}{end}\n\n" for label in "abc"[:rng.randint(1, 3)])
        operative.append(f"{words(8, 30)}{colon}\n\n{points}@{words(3, 40)}{end}\n\n")
    # closing words under a sub-paragraph's own sub-paragraphs, then the paragraph's
    operative.append(f"{words(8, 20)}{colon}\n\n@(a) {words(5, 20)}{colon}\n\n@    (i) {words(5, 35)}{end}\n\n"
                     f"@    (ii) {words(5, 35)}{end}\n\n@    {words(3, 30)}{end}\n\n@{words(3, 30)}{end}\n\n")
    operative.append(f"{words(8, 20)}{colon}\n\n@| *A* | *B* |\n@|:--|--:|\n@| P-5 | 1 |\n\n@{words(4, 30)}{end}\n\n")
    operative.append(f"{words(8, 30)}{end}\n\n")
    body += "".join(f"{n}. " + text.replace("@", " " * len(f"{n}. ")) for n, text in enumerate(operative, 1))
    body += f"# {annex}\n\n{words(8, 30)}{colon}\n\n"
    for n in range(1, 4):
        body += (f"{n}. {words(8, 25)}{colon}\n\n   (a) {words(4, 35)}{end}\n\n   (b) {words(4, 35)}{end}\n\n"
                 f"   {words(3, 35)}{end}\n\n")
    return council_front("9999", language) + body


def _page_tops(pdf) -> list:
    """The first line of body text of every page after the first."""
    frags, heights, _widths, _rtl = pdf_fragments(pdf, [])
    body = [f for f in frags if f.page > 0 and heights[f.page] - f.y > HEADER_BAND and f.y > 100 and f.cell is None
            and abs(f.size - 10) < 0.5]
    tops = {}
    for line in _pdf_lines(body, 10):
        tops.setdefault(line.page, normalise(line.text))
    return list(tops.values())


# the first preambular paragraph's length, word by word (two characters a word in Chinese)
LEADS = range(4, 124, 2)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_blocks_at_a_page_top_read_as_their_own(tmp_path, language):
    failed, closing_at_top, kinds_at_top = [], 0, set()
    for lead in LEADS:
        path = tmp_path / f"{lead}.md"
        path.write_text(source_text(language, lead), encoding="utf-8")
        res = read_source(str(path))
        pdf = render_outputs(res, ["pdf"])["pdf"]
        expected = from_model(res, str(path))
        problems = compare(expected, extract_pdf(pdf))
        if problems:
            failed.append((lead, problems[:2]))
        for top in _page_tops(pdf):
            line = top.rstrip("\u2010-")
            for item in expected.items:
                if item.text and len(line) > 6 and any(text.startswith(line) for text in (
                        normalise(item.text), normalise(f"{item.num} {item.text}"), normalise(item.num + item.text))):
                    kinds_at_top.add(item.kind)
                    closing_at_top += item.kind == "closing"
    assert failed == []
    # The sweep did what it is for: closing words opened a page, and other blocks did.
    assert closing_at_top >= 2, (language, closing_at_top)
    assert {"paragraph", "point"} & kinds_at_top, kinds_at_top
