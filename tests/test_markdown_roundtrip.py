"""Model -> Markdown -> model gives the same model, for 38/3 and for generated resolutions."""
from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FRONT, SOURCE_38_3
from unres.errors import SourceError
from unres.model.document import (RECORDED, WITHOUT_VOTE, Emph, Footnote, Formula, Heading, Meta, NoteRef,
                                  OperativeParagraph, Paragraph, Part, PreambularParagraph, Resolution, Strong,
                                  SubParagraph, Table, Text, Vote, ends_with_colon, is_formula)
from unres.readers.markdown.reader import read_source
from unres.model.citations import link_citations
from unres.model.transforms import finalize
from unres.writers.markdown import render_markdown

# Words may hold anything a drafter types, Markdown's special characters included.
WORD_CHARS = string.ascii_letters + string.digits + "éèçàüñ’“”–—" + "*_[]<>&#!`~^$\\|{}()'\":;,.-+=/@%?"
word = st.text(alphabet=WORD_CHARS, min_size=1, max_size=8)
plain_words = st.lists(word, min_size=1, max_size=6).map(" ".join)


@st.composite
def inline_runs(draw, notes=None, allow_notes=True):
    """A paragraph's inlines: text with italic or bold runs on word boundaries."""
    out = []
    for i in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["text", "text", "emph", "strong"]))
        words = draw(st.lists(st.text(alphabet=string.ascii_letters + "éñ’", min_size=1, max_size=8),
                              min_size=1, max_size=3)).__iter__()
        run = " ".join(words)
        if kind == "text":
            text = draw(plain_words)
            out.append(Text((" " if out else "") + text + " "))
        else:
            if out and not isinstance(out[-1], Text):
                out.append(Text(" "))
            out.append((Emph if kind == "emph" else Strong)([Text(run)]))
            out.append(Text(" "))
    if allow_notes and notes is not None and draw(st.booleans()):
        key = str(len(notes) + 1)
        notes.append(key)
        out.append(NoteRef(key))
    return _normalise(out)


def _normalise(nodes):
    merged = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    merged = [Text(" ".join(n.text.split(" ")).replace("  ", " ")) if isinstance(n, Text) else n for n in merged]
    if isinstance(merged[0], Text):
        merged[0] = Text(merged[0].text.lstrip())
    if isinstance(merged[-1], Text):
        merged[-1] = Text(merged[-1].text.rstrip())
    return [n for n in merged if not (isinstance(n, Text) and not n.text)]


@st.composite
def sub_paragraphs(draw, depth, notes):
    if depth > 4:
        return []
    items = []
    for _ in range(draw(st.integers(0, 3 if depth == 1 else 2))):
        children = draw(sub_paragraphs(depth + 1, notes)) if draw(st.booleans()) else []
        items.append(SubParagraph(draw(inline_runs(notes)), children,
                                  draw(inline_runs(notes)) if children and draw(st.booleans()) else None))
    return items


@st.composite
def under_words(draw):
    """What a paragraph prints under its words: tables, each with the headings over it and the
    notes under it."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        out += [Heading(draw(st.integers(3, 6)), draw(inline_runs(None, allow_notes=False)))
                for _ in range(draw(st.integers(0, 2)))]
        width, header = draw(st.integers(1, 3)), draw(st.integers(0, 1))
        rows = [[draw(inline_runs(None, allow_notes=False)) for _ in range(width)]
                for _ in range(draw(st.integers(1, 3)))]
        out.append(Table(rows, header=header, align=draw(st.lists(st.sampled_from(["left", "right", "center", ""]),
                                                                  min_size=width, max_size=width))))
        out += [Paragraph(draw(inline_runs(None, allow_notes=False))) for _ in range(draw(st.integers(0, 2)))]
    return out


# A State's name as every reader gives it: its words, one space between them.
def _brackets_pair(name: str) -> bool:
    """Whether every bracket of ``name`` pairs with one around some words (else E404)."""
    depth = 0
    for ch in name:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0 and "()" not in name.replace(" ", "")


STATES = st.lists(st.text(alphabet=string.ascii_letters + " ’()'", min_size=2, max_size=20)
                  .map(lambda name: " ".join(name.split())).filter(bool).filter(_brackets_pair),
                  max_size=6, unique=True)


@st.composite
def resolutions(draw):
    notes: list[str] = []
    preamble = [PreambularParagraph(draw(inline_runs(notes)))
                for _ in range(draw(st.integers(0, 4)))]
    operative = []
    for _ in range(draw(st.integers(1, 5))):
        children = draw(sub_paragraphs(1, notes))
        operative.append(OperativeParagraph(draw(inline_runs(notes)), children,
                                            draw(inline_runs(notes)) if children and draw(st.booleans()) else None))
        if not children and draw(st.integers(0, 3)) == 0:
            operative[-1].under = draw(under_words())
    formula = Formula([Emph([Text(draw(plain_words.filter(lambda s: s.strip() == s)))]), Text(",")]) \
        if draw(st.booleans()) else None
    if formula is None and preamble and is_formula(preamble[0].inlines):
        # The format reads a first paragraph that is all italics as the formula (README).
        preamble[0].inlines.append(Text(" and more,"))
        preamble[0].inlines = _normalise(preamble[0].inlines)
    if preamble and ends_with_colon(preamble[-1].inlines):
        # The format reads a last paragraph before paragraph 1 that ends with a colon as the
        # operative part's opening ("*Resolves* that:"), not as a preambular paragraph (README).
        preamble[-1].inlines.append(Text(" and more,"))
        preamble[-1].inlines = _normalise(preamble[-1].inlines)
    states = draw(STATES)
    cut1, cut2 = sorted(draw(st.lists(st.integers(0, len(states)), min_size=2, max_size=2)))
    recorded = bool(states) and draw(st.booleans())
    vote = Vote(RECORDED, states[:cut1], states[cut1:cut2], states[cut2:]) if recorded else Vote(WITHOUT_VOTE)
    if recorded and not vote.count:
        vote = Vote(WITHOUT_VOTE)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 3000)))
    # The symbol is the organ's prefix and the number, of the organ's form (E108): an organ the
    # language data does not know follows the Human Rights Council's rules.
    number = draw(st.from_regex(r"[0-9]{1,3}/[0-9]{1,3}|S-[0-9]{1,2}/[0-9]{1,2}", fullmatch=True))
    meta = Meta(
        symbol="A/HRC/RES/" + number,
        number=number, title=draw(plain_words), parent_organ="General Assembly",
        organ=draw(plain_words), session=draw(st.integers(1, 99)), session_name=draw(plain_words),
        session_start=day, session_end=day + dt.timedelta(days=20), agenda_item=draw(plain_words),
        distribution="General", issue_date=day, original_language="English", language="English",
        adoption_date=day, meeting=draw(plain_words), vote=vote,
        job_number=draw(st.none() | plain_words),
        # Quotes printed in UN style, or as typed (a UN file that typed them straight).
        quotes=draw(st.sampled_from([None, "straight"])))
    footnotes = [Footnote(key, [draw(inline_runs(None, allow_notes=False))]) for key in notes]
    res = Resolution(meta, [Part(None, None, formula, preamble, operative)], [], footnotes)
    # As every reader gives it: numbered, and what it cites linked.
    return link_citations(finalize(res))


def _reread(tmp_path, res):
    text = render_markdown(res)
    path = tmp_path / "gen.md"
    path.write_text(text, encoding="utf-8")
    return text, read_source(str(path))


def test_38_3_round_trip(tmp_path):
    res = read_source(str(SOURCE_38_3))
    text, again = _reread(tmp_path, res)
    assert again == res
    assert render_markdown(again) == text
    # The committed source is itself in canonical form.
    assert SOURCE_38_3.read_text(encoding="utf-8") == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(resolutions())
def test_generated_models_round_trip(tmp_path, res):
    text, again = _reread(tmp_path, res)
    assert again == res, text
    assert render_markdown(again) == text


@pytest.mark.parametrize("field", [f for f in Meta.PROSE if f not in ("parent_organ", "organ")])
@pytest.mark.parametrize("value", ["[^1]", "[^0]", "at [^x] and", "[^2]: a definition"])
def test_front_matter_words_that_look_like_note_calls_are_words(tmp_path, field, value):
    """The front matter is not Markdown: a value typed like a note's call or definition calls no
    note and defines none (it was read as a call to an undefined note, E301, or as a second
    definition of the body's note 1, E303)."""
    res = read_source(str(SOURCE_38_3))
    setattr(res.meta, field, value)
    text, again = _reread(tmp_path, res)
    assert getattr(again.meta, field) == value
    assert again == res
    assert render_markdown(again) == text


def test_a_front_matter_line_that_looks_like_a_note_definition_defines_none(tmp_path):
    """A folded value's line typed like a definition of the body's note 1 (it was read as a second
    definition, E303)."""
    text = SOURCE_38_3.read_text(encoding="utf-8")
    meeting = next(line for line in text.splitlines(keepends=True) if line.startswith("meeting:"))
    path = tmp_path / "folded.md"
    path.write_text(text.replace(meeting, "meeting: >\n  [^1]: 37th meeting\n", 1), encoding="utf-8")
    res = read_source(str(path))
    assert res.meta.meeting == "[^1]: 37th meeting"
    assert res.footnotes == read_source(str(SOURCE_38_3)).footnotes


def test_words_opening_with_a_list_dash_or_bullet_stay_words(tmp_path, source_file):
    """Closing words or a sub-paragraph that open with "– " or "• " (the marks of the UN's dashed
    and bulleted lists) are written so that they are not read back as a list item."""
    res = read_source(str(source_file()))
    para = next(p for p in res.operative if p.children)
    para.wrapup = [Text("– and closing words")]
    para.children[0].inlines = [Text("• a bullet typed in the words")]
    text, again = _reread(tmp_path, res)
    assert "&#8211; and closing words" in text and "&#8226; a bullet typed" in text
    assert again == res
    assert render_markdown(again) == text



def test_a_states_name_is_its_words(source_file):
    """Spaces doubled inside a State's name are one, as the AKN reader reads a name, so that a
    name is listed once and comes back from the built AKN as the source states it."""
    chile = next(line for line in FRONT.splitlines(keepends=True) if line.strip() == "- Chile")
    res = read_source(str(source_file(FRONT.replace(chile, chile.replace("Chile", "Costa   Rica")))))
    assert res.meta.vote.in_favour[:2] == ["Angola", "Costa Rica"]
    # A no-break space the UN prints inside a name is the name's.
    res = read_source(str(source_file(FRONT.replace(chile, chile.replace("Chile", "Côte\u00a0d’Ivoire")))))
    assert res.meta.vote.in_favour[:2] == ["Angola", "Côte\u00a0d’Ivoire"]
    twice = chile.replace("Chile", "Costa  Rica") + chile.replace("Chile", "Costa Rica")
    with pytest.raises(SourceError) as caught:
        read_source(str(source_file(FRONT.replace(chile, twice))))
    assert [d.code for d in caught.value.diagnostics] == ["E402"]


@pytest.mark.parametrize("words", ["Measures #", "Section ##", "Title # "])
def test_a_heading_whose_words_end_with_a_hash_keeps_it(tmp_path, words):
    """A '#' that ends a heading's words (an operative heading, an annex's title and headings) is
    written escaped: unescaped, it reads as the line's closing sequence and is dropped."""
    from unres.model.document import Annex, Heading, Paragraph
    res = read_source(str(SOURCE_38_3))
    res.operative[0].headings = [Heading(4, [Text(words.strip())])]
    res.annexes = [Annex("Annex", [Text(words.strip())], [Heading(3, [Text(words.strip())]), Paragraph([Text("Words.")])])]
    res = finalize(res)
    text, again = _reread(tmp_path, res)
    assert again.operative[0].headings == res.operative[0].headings
    assert again.annexes == res.annexes
    assert render_markdown(again) == text
