"""A source read from pandoc's tree without ``sourcepos``, its blocks placed from its lines
(block_positions), is the source read with every place pandoc gives: the same model, every
block's place (file:line:col) the same, the same warnings; where the placing gives up, or the
source has an error, it is read with every place.

The sources: the project's own, the test sources, UN files of every organ and language
imported, and generated bodies that mix every block a resolution has (and some it must not
have) at every indentation, with and without blank lines between them."""
from __future__ import annotations

import dataclasses
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import BODY, CORPUS, FRONT, ROOT, SOURCE_38_3, make_source
from unres import pandoc
from unres.errors import SourceError, ToolError
from unres.model import languages
from unres.readers import source_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown import front_matter, reader
from unres.writers.markdown import render_markdown


def _places(obj, path="", out=None) -> list:
    """(where in the model, place) of every place the model keeps: equality leaves them out."""
    out = [] if out is None else out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            value = getattr(obj, field.name)
            if field.name == "loc":
                out.append((path, value))
            else:
                _places(value, f"{path}.{field.name}", out)
    elif isinstance(obj, (list, tuple)):
        for index, value in enumerate(obj):
            _places(value, f"{path}[{index}]", out)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            _places(value, f"{path}{{{key}}}", out)
    return out


def _both(path: str, data: bytes | None = None):
    """(the read with blocks placed from the lines or None, the read with pandoc's places or
    its SourceError)."""
    src = source_text.load(path, data)
    meta = front_matter.parse(src.front, path, src.front_start)
    code = languages.code_of(meta.language)
    body = reader._for_pandoc(src.body, code)
    placed = reader._read_placed(src, meta, code, body)
    try:
        full = reader._Builder(src, code=code, straight=meta.quotes == "straight").build(
            meta, reader._blocks(body))
    except SourceError as exc:
        full = exc
    return placed, full


def _assert_same(path: str, data: bytes | None = None) -> bool:
    """Whether the source was read placed; fails where the two reads differ."""
    placed, full = _both(path, data)
    if placed is None:
        return False
    assert not isinstance(full, SourceError), (path, str(full))
    assert placed == full, path
    assert _places(placed) == _places(full), path
    assert placed.warnings == full.warnings, path
    return True


def test_the_projects_sources_are_read_placed_as_with_every_place(tmp_path):
    sources = [*sorted((ROOT / "source").glob("*.md")), make_source(tmp_path, FRONT, BODY)]
    assert SOURCE_38_3 in sources
    for source in sources:
        # These have nothing the placing leaves to pandoc: each is read placed.
        assert _assert_same(str(source)), source


def _corpus_sample() -> list:
    """Every sixth UN file of each organ's folder for each language."""
    files = []
    for folder in sorted({p.parent for p in CORPUS.glob("un-akn-*/*/*/*.xml")}):
        files += sorted(folder.glob("*.xml"))[::6]
    return files


def test_imported_un_files_are_read_placed_as_with_every_place(tmp_path):
    files = _corpus_sample()
    placed = 0
    for number, xml in enumerate(files):
        try:
            res, _warnings = import_akn(xml)
        except SourceError:
            continue                  # a file the importer refuses (tested elsewhere)
        path = tmp_path / f"{number}.md"
        path.write_text(render_markdown(res), encoding="utf-8")
        placed += _assert_same(str(path))
    # Most are read placed (the others type a straight quote or a character reference, or
    # leave a '*' as text): were none, this test would prove nothing.
    assert placed >= 0.8 * len(files), (placed, len(files))


# ---------------------------------------------------------------- generated bodies
_WORDS = ["Recalling", "*Decides*", "**bold**", "the", "Council,", "1.", "(a)", "that:", "States’", "—",
          "2020", "A/75/1", "#", ">", "-", "a)", "i.", "[link](https://undocs.org/A/1)", "`x`", "\\*", "|"]
_words = st.lists(st.sampled_from(_WORDS + ["[^1]", "[^2]"]), min_size=1, max_size=6).map(" ".join)
# A footnote's text calls no footnote: pandoc 3.9 never ends on "[^1]: see [^1]" (T103).
_note_words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)
_indent = st.sampled_from(["", "", "", " ", "  ", "   ", "    ", "     ", "       "])
_marker = st.sampled_from(["1.", "2.", "3.", "10.", "(a)", "(b)", "(i)", "(ii)", "a.", "b.", "i.", "a)",
                           "-", "*", "+", "1)", "(aa)", "A."])


@st.composite
def _line(draw) -> str:
    kind = draw(st.sampled_from(["text", "text", "item", "item", "heading", "quote", "blank", "blank",
                                 "note", "other"]))
    if kind == "blank":
        return draw(st.sampled_from(["", "", "   "]))
    indent = draw(_indent)
    if kind == "item":
        after = draw(st.sampled_from([" ", " ", "  ", "     ", ""]))
        return indent + draw(_marker) + after + draw(_words)
    if kind == "heading":
        return indent + draw(st.sampled_from(["#", "##", "###", "####"])) + " " + draw(_words)
    if kind == "quote":
        inner = draw(st.sampled_from(["", "## ", "1. ", "   (a) ", "> "]))
        return indent + draw(st.sampled_from(["> ", ">"])) + inner + draw(_words)
    if kind == "note":
        return draw(st.sampled_from(["[^1]: ", "[^2]: ", "    "])) + draw(_note_words)
    if kind == "other":
        return indent + draw(st.sampled_from(["---", "***", "===", "```", "<div>", "[x]: /url", "| a | b |",
                                              "- - -", "\tTabbed", "1.", "(a)"]))
    return indent + draw(_words)


@st.composite
def _bodies(draw) -> str:
    head = draw(st.sampled_from(["*The Human Rights Council*,\n\n", "", "# A\n\n## Title\n\n"]))
    lines = draw(st.lists(_line(), min_size=1, max_size=14))
    tail = draw(st.sampled_from(["", "\n\n[^1]: A note.\n", "\n\n[^1]: A note.\n\n[^2]: Another.\n"]))
    return head + "\n".join(lines) + tail


@st.composite
def _text_lines(draw, indent: str, lazy: bool = True) -> list:
    """A paragraph's lines: the first unindented (the caller puts it after its marker), the next
    indented under it, or less (lazy), or more."""
    lines = [draw(_plain)]
    for _ in range(draw(st.integers(0, 2))):
        under = draw(st.sampled_from([indent, indent, indent + " ", indent + "    "] + (["", " "] if lazy else [])))
        lines.append(under + draw(_plain))
    return lines


_plain = st.lists(st.sampled_from(["Recalling", "*Decides*", "**bold**", "the", "Council,", "that", "States’",
                                   "—", "2020", "A/75/1", "[link](https://undocs.org/A/1)", "[^n]", "1.", "#"]),
                  min_size=1, max_size=5).map(" ".join).filter(lambda t: not t.startswith(("1.", "#")))


@st.composite
def _valid_bodies(draw) -> str:
    """A resolution's body as a drafter may lay it out: its paragraphs over one line or several,
    lists tight or loose, sub-paragraphs indented under their paragraph's text (or by more),
    two spaces after a number, headings, an adopted text, footnotes."""
    gap = draw(st.sampled_from(["\n\n", "\n\n", "\n"]))
    out = ["*The Human Rights Council*,"]
    for _ in range(draw(st.integers(0, 3))):
        out.append(draw(st.sampled_from(["", "", " ", "   "])) + "\n".join(draw(_text_lines(""))))
    calls = 0
    for number in range(1, draw(st.integers(1, 4)) + 1):
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(["### A heading", "#### Another", " ### Indented"])))
        space = draw(st.sampled_from([" ", " ", "  "]))
        indent = " " * (len(str(number)) + 1 + len(space))
        lines = draw(_text_lines(indent))
        item = f"{number}.{space}" + "\n".join(lines)
        if draw(st.booleans()):
            item = item.rstrip(".;") + " that:"
            subgap = draw(st.sampled_from(["\n\n", "\n\n", "\n"]))
            labels = draw(st.sampled_from([["(a)", "(b)", "(c)"], ["(i)", "(ii)", "(iii)"], ["a.", "b.", "c."],
                                           ["-", "-", "-"]]))
            under = draw(st.sampled_from([indent, indent, indent + " ", indent + "  "]))
            for label in labels[:draw(st.integers(1, 3))]:
                sub_indent = under + " " * (len(label) + 1)
                item += subgap + under + label + " " + "\n".join(draw(_text_lines(sub_indent, lazy=False)))
            if draw(st.integers(0, 3)) == 0:
                item += "\n\n" + indent + draw(_plain)
        out.append(item)
    text = gap.join(out)
    if draw(st.integers(0, 3)) == 0:
        text = text.replace("[^n]", "", 1)
    calls = text.count("[^n]")
    keys = iter(range(1, calls + 1))
    text = re.sub(r"\[\^n\]", lambda _m: f"[^{next(keys)}]", text)
    if draw(st.integers(0, 3)) == 0:
        text += "\n\n# Annex\n\n## Its title\n\n" + draw(_plain) + "\n\n1. " + draw(_plain)
    for key in range(1, calls + 1):
        text += f"\n\n[^{key}]: A/HRC/{key}/1."
    return text + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(_valid_bodies())
def test_laid_out_resolutions_are_read_placed_as_with_every_place(tmp_path, body):
    _assert_same(str(tmp_path / "gen.md"), (FRONT + body).encode("utf-8"))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(_bodies())
def test_generated_bodies_are_read_placed_as_with_every_place(tmp_path, monkeypatch, body):
    # A footnote that calls itself (its definition's lazy line "[^1]") keeps pandoc 3.9 busy
    # for ever, placed or not: such a body is left out after a while (a body of these few lines
    # takes pandoc milliseconds).
    monkeypatch.setattr(pandoc, "TIMEOUT_SECONDS", 3.0)
    data = (FRONT + body).encode("utf-8")
    try:
        _assert_same(str(tmp_path / "gen.md"), data)
    except ToolError as exc:
        assume(exc.diagnostics[0].code != "T103")
        raise


# Words with a '*' or a '_' that pandoc leaves as text, escaped or not, beside ones it reads as
# emphasis: the same word may be typed escaped in one place and as it reads in another.
_MARKED = ["\\_\\_\\_", "___", "a\\_b", "a_b", "snake_case", "\\*", "2 * 3", "*", "_x", "x_", "**",
           "*Decides*", "_also_", "the", "Council,", "__init__", "\\_\\_init\\_\\_", "1\\*"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_MARKED), min_size=1, max_size=6).map(" ".join),
                min_size=1, max_size=4))
def test_marks_left_as_text_are_read_placed_as_with_every_place(tmp_path, paragraphs):
    _assert_same(str(tmp_path / "gen.md"), (FRONT + "\n\n".join(paragraphs) + "\n").encode("utf-8"))


# Quotation marks typed straight or curly, paired, unpaired, inside a word and at its start,
# in a source that lets ``smart`` curl them and in one that keeps them as typed.
_QUOTED = ["'quoted'", '"said"', "it's", "States'", "'90s", "'", '"', "l'article", "“curly”", "’", "‘a",
           "d’Ivoire", '"open', "close'", "the", "Council,", "*Decides*", "--", "...", "'a' and 'b'"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_QUOTED), min_size=1, max_size=6).map(" ".join),
                min_size=1, max_size=4), st.booleans(), st.booleans())
def test_quotation_marks_are_read_placed_as_with_every_place(tmp_path, paragraphs, straight, note):
    front = FRONT.replace("\n---", "\nquotes: straight\n---", 1) if straight else FRONT
    body = "\n\n".join(paragraphs)
    if note:
        body = body.replace(" ", "[^1] ", 1) + "\n\n[^1]: " + paragraphs[0]
    _assert_same(str(tmp_path / "gen.md"), (front + body + "\n").encode("utf-8"))


def test_quotation_marks_in_pairs_are_read_placed(tmp_path):
    """A source with straight quotation marks in pairs, and one with apostrophes, is read from the
    tree without places; a source that keeps its marks as typed, when no word holds one."""
    paired = '\n*The Human Rights Council*,\n\n1. *Decides* that "the text" and \'this\' stand;\n'
    assert _assert_same(str(make_source(tmp_path, FRONT, paired)))
    apostrophe = "\n*The Human Rights Council*,\n\n1. *Decides* that the Secretary-General's report stands;\n"
    assert _assert_same(str(make_source(tmp_path, FRONT, apostrophe)))
    straight = FRONT.replace("\n---", "\nquotes: straight\n---", 1)
    assert _assert_same(str(make_source(tmp_path, straight, paired)))
    # a word holding a mark kept as typed is read at its place
    assert not _assert_same(str(make_source(tmp_path, straight, apostrophe)))


def test_escaped_marks_are_read_placed(tmp_path):
    """A word whose marks are all escaped ("\\_\\_\\_" for a line to be filled in) is read from
    the tree without places: no word typed so can be a mark to warn of."""
    body = ("\n*The Human Rights Council*,\n\n1. *Decides* that the Covenant shall be open for signature "
            "as of \\_\\_\\_\\_\\_\\_.\n\n2. *Notes* the file \\_\\_init\\_\\_ and 1\\*;\n")
    assert _assert_same(str(make_source(tmp_path, FRONT, body)))


def test_well_formed_bodies_are_read_placed(tmp_path):
    """The placing does not give up on what a resolution is written with: lists nested under
    their paragraphs, loose or tight, headings, footnotes, a paragraph over several lines."""
    body = ("\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,[^a]\n\n### A heading\n\n"
            "1. *Decides* that:\n\n   (a) One;[^b]\n\n   (b) Two:\n       (i) Three;\n       (ii) Four,\n\n"
            "   and the end;\n\n2.  *Requests*\n    the report,\nas lazily continued;\n\n"
            "[^a]: A/75/1.\n\n[^b]: A/75/2.\n")
    assert _assert_same(str(make_source(tmp_path, FRONT, body)))
