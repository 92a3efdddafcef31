"""The formula ("*The Human Rights Council*,") is known in the source as print shows it.

The source reader took a paragraph for the formula only when it was one italic run followed by
nothing but a comma or colon, while verify's PDF reader, which sees only glyphs, took any italic
line so followed. Three kinds of line fell between the two, and every build of them was refused
as a bug in unres, in all six languages:
- a character that is never drawn beside the italics (a direction mark, a zero-width space, a
  soft hyphen, a word joiner, a byte-order mark), as text copied from another document brings;
- the italics set in several runs ("*The Human* *Rights Council*,", or across a line break), or
  a line break between them and their comma;
- more than one comma or colon after them ("*The Human Rights Council*,,"), which the PDF
  reader took for a formula and the source for a preambular paragraph.
The first two are the formula now; the third is a preambular paragraph in every reader. An
opening phrase ("*Bearing*\\u200f *in mind*") runs on over what prints nothing the same way.

Generated: the formula line of a real resolution of each language, changed in each way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import rendered_verified
from unres.akn_import import readable_source
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source

UNSEEN = Path(__file__).resolve().parent / "unseen" / "hrc" / "55session"
SOURCES = {"Arabic": "A_HRC_RES_55_19A.xml", "Chinese": "A_HRC_RES_55_5C.xml", "English": "A_HRC_RES_55_2E.xml",
           "French": "A_HRC_RES_55_6F.xml", "Russian": "A_HRC_RES_55_3R.xml", "Spanish": "A_HRC_RES_55_24S.xml"}
LANGUAGES = sorted(SOURCES)
# Characters that are never drawn, each as text copied from elsewhere may bring it.
NEVER_DRAWN = {"RLM": "\u200f", "LRM": "\u200e", "ZWSP": "\u200b", "SHY": "\u00ad", "WJ": "\u2060",
                "ZWJ": "\u200d", "BOM": "\ufeff", "PDF": "\u202c"}
PLACES = ("before", "after the italics", "after the comma")


@lru_cache(maxsize=None)
def _source(language: str) -> tuple[str, int, str]:
    """The imported source of ``language``, the index of its formula's line and that line."""
    path = UNSEEN / language / SOURCES[language]
    text = readable_source(str(path), import_akn(str(path))[0])
    lines = text.split("\n")
    line = read_source("res.md", text.encode("utf-8")).parts[0].formula.loc.line
    return text, line - 1, lines[line - 1]


def _with_line(language: str, change) -> tuple[str, str]:
    """The source with its formula's line changed by ``change`` (the line's star run, its
    words and what follows them), and the formula's words."""
    text, index, line = _source(language)
    stars, words, rest = re.fullmatch(r"(\*+)(.+?)\1(.*)", line).groups()
    lines = text.split("\n")
    lines[index] = change(stars, words, rest)
    return "\n".join(lines), words


def _split(words: str) -> tuple[str, str]:
    """The words in two, at a space where there is one (Chinese has none)."""
    cut = words.find(" ", len(words) // 3)
    return (words[:cut], words[cut + 1:]) if cut > 0 else (words[:len(words) // 2], words[len(words) // 2:])


def _marked(mark: str, place: str):
    def change(stars, words, rest):
        styled = f"{stars}{words}{stars}"
        return {"before": mark + styled + rest, "after the italics": styled + mark + rest,
                "after the comma": styled + rest + mark}[place]
    return change


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mark", sorted(NEVER_DRAWN))
@pytest.mark.parametrize("place", PLACES)
def test_what_prints_nothing_beside_the_formula_leaves_it_the_formula(language, mark, place):
    text, words = _with_line(language, _marked(NEVER_DRAWN[mark], place))
    part = read_source("res.md", text.encode("utf-8")).parts[0]
    assert part.formula is not None and words in plain_text(part.formula.inlines)
    assert words not in plain_text(part.preamble[0].inlines)


# One build per language, the marks taken in turn, so that every mark and place is built.
BUILT = [(language, sorted(NEVER_DRAWN)[(k * 3 + n) % len(NEVER_DRAWN)], place)
         for k, language in enumerate(LANGUAGES) for n, place in enumerate(PLACES)]


@pytest.mark.parametrize("language,mark,place", BUILT)
def test_a_formula_beside_what_prints_nothing_builds(tmp_path, language, mark, place):
    text, _words = _with_line(language, _marked(NEVER_DRAWN[mark], place))
    rendered_verified(tmp_path, text, ("akn", "html", "pdf", "docx"))


def _runs(stars, words, rest):
    one, two = _split(words)
    return f"{stars}{one}{stars} {stars}{two}{stars}{rest}"


def _broken(stars, words, rest):
    one, two = _split(words)
    return f"{stars}{one}{stars}\\\n{stars}{two}{stars}{rest}"


def _break_before_comma(stars, words, rest):
    return f"{stars}{words}{stars}\\\n{rest.strip() or ':'}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("change", [_runs, _broken, _break_before_comma],
                         ids=["two runs", "a line break", "a line break before the comma"])
def test_a_formula_in_several_runs_is_the_formula(tmp_path, language, change):
    text, _words = _with_line(language, change)
    part = read_source("res.md", text.encode("utf-8")).parts[0]
    assert part.formula is not None and len(part.preamble) == len(_preamble(language))
    rendered_verified(tmp_path, text, ("akn", "html", "pdf", "docx"))


def _preamble(language: str) -> list:
    text, _index, _line = _source(language)
    return read_source("res.md", text.encode("utf-8")).parts[0].preamble


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("after", [",,", ", ,", ",:"])
def test_italics_with_more_after_them_are_a_preambular_paragraph(tmp_path, language, after):
    text, words = _with_line(language, lambda stars, words, rest: f"{stars}{words}{stars}{after}")
    part = read_source("res.md", text.encode("utf-8")).parts[0]
    assert part.formula is None and words in plain_text(part.preamble[0].inlines)
    if after == ",,":
        rendered_verified(tmp_path, text, ("akn", "html", "pdf", "docx"))


def _with_opening_cut(language: str, between: str) -> str:
    """The source with the first preambular paragraph's opening phrase cut in two runs of its
    style, ``between`` them ("{space}" stands for a space where the words have one)."""
    text, formula_index, _line = _source(language)
    lines = text.split("\n")
    index = next(k for k, line in enumerate(lines) if k > formula_index and re.match(r"\*+[^*\s]", line))
    stars, words, rest = re.fullmatch(r"(\*+)([^*]+?)\1(.*)", lines[index]).groups()
    one, two = _split(words)
    lines[index] = f"{stars}{one}{stars}{between.format(space=' ' if ' ' in words else '')}{stars}{two}{stars}{rest}"
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_opening_phrase_runs_on_over_what_prints_nothing(tmp_path, language):
    """"*Bearing*\u200f *in mind* paragraph 6 …": print shows the opening phrase "Bearing in mind"
    (in Chinese, "**回**\u200f**顾**《联合国宪章》…": "回顾")."""
    rendered_verified(tmp_path, _with_opening_cut(language, "\u200f{space}"), ("akn", "html", "pdf", "docx"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_opening_phrase_cut_by_a_footnote_call_reads_on(tmp_path, language):
    """"*Bearing*[^n]*in mind* paragraph 6 …": the AKN, HTML and DOCX readers read the italics on
    over the call, as print shows them; the source's expectation stopped at the call, and the
    build was refused as a bug in unres."""
    text = _with_opening_cut(language, "[^cut]").rstrip("\n") + "\n\n[^cut]: A note.\n"
    rendered_verified(tmp_path, text, ("akn", "html", "pdf", "docx"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_operative_opening_in_two_italic_runs_reads_on(tmp_path, language):
    """"*Adopts* *also* the following:" before paragraph 1 (the part's unnumbered opening, as
    "*Adopte* la déclaration suivante :" of 75/1): print shows the italics as one run, and the
    source's expectation of the opening now reads them so, as it does for every other paragraph."""
    text, formula_index, _line = _source(language)
    lines = text.split("\n")
    preambular = next(k for k, line in enumerate(lines) if k > formula_index and re.match(r"\*+[^*\s]", line))
    stars, words = re.match(r"(\*+)([^*]+?)\1", lines[preambular]).groups()
    one, two = _split(words)
    colon = "\uff1a" if language == "Chinese" else ":"
    first = next(k for k, line in enumerate(lines) if re.match(r"1[.-] ", line))
    lines[first:first] = [f"{stars}{one}{stars} {stars}{two}{stars} {words}{colon}", ""]
    rendered_verified(tmp_path, "\n".join(lines), ("akn", "html", "pdf", "docx"))
