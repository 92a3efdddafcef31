"""Importing the UN's files as the UN printed them, whatever its converter did to them.

Property tests write one resolution as a clean AKN file and again with the
converter's defects (alone and together, in any of the six languages' label
styles) and check that both import into the same document, each defect named
by a warning with its line. Example tests pin each repair and each refusal.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unres.errors import SourceError
from unres.model.document import Emph, Link, Text, plain_text, walk_subparagraphs
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown
from unres.model.numerals import letters, roman

FIXTURES = Path(__file__).parent / "fixtures" / "import"
MINIMAL = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
HEAD = MINIMAL[:MINIMAL.index("    <preamble>")]
TAIL = MINIMAL[MINIMAL.index("    </mainBody>") + len("    </mainBody>\n"):]
ISO = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
WORDS = ["Décide", "élan", "façon", "réaffirme", "Ärger", "naïve", "ñandú", "cœur", "Guided", "mission"]

DEFECTS = ("typed", "label_in_num", "sublist", "preamble_in_body", "wrapup_apart", "second_body",
           "empty_p", "decomposed", "italic_split", "italic_start", "missing_number", "label_in_text")


# ------------------------------------------------------------------ the document
@dataclass
class Sub:
    text: str
    children: list = field(default_factory=list)


@dataclass
class Op:
    verb: str
    text: str
    subs: list = field(default_factory=list)
    wrapup: str = ""


@dataclass
class Doc:
    lang: str
    preamble: list           # (phrase, text)
    operative: list


def _label(lang: str, depth: int, index: int) -> str:
    if lang == "ar":
        return f"({ABJAD[index]})" if depth == 1 else f"’{index + 1}‘"
    core = letters(index) if depth == 1 else roman(index + 1)
    return f"{core})" if lang in ("fr", "es", "ru") else f"({core})"


def _number(lang: str, n: int) -> str:
    return f"{n}-" if lang == "ar" else f"{n}."


words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


@st.composite
def documents(draw):
    lang = draw(st.sampled_from(sorted(ISO)))
    preamble = [(draw(st.sampled_from(["Recalling", "Reaffirming", "Noting"])), draw(words))
                for _ in range(draw(st.integers(1, 3)))]
    operative = []
    for _ in range(draw(st.integers(1, 5))):
        op = Op(draw(st.sampled_from(["Decides", "Requests", "Urges"])), draw(words))
        if draw(st.booleans()):
            # Up to 28 sub-paragraphs: past (z) the UN goes on with (aa), (bb) …
            count = draw(st.sampled_from([1, 2, 3, 27, 28]))
            for _ in range(count):
                sub = Sub(draw(words))
                if lang != "ar" and count < 10 and draw(st.booleans()):
                    sub.children = [Sub(draw(words)) for _ in range(draw(st.integers(1, 3)))]
                op.subs.append(sub)
            if draw(st.booleans()):
                op.wrapup = "and " + draw(words) + ";"
        operative.append(op)
    return Doc(lang, preamble, operative)


# ------------------------------------------------------------------ writing AKN
class Writer:
    def __init__(self, doc: Doc, defects: frozenset):
        self.doc = doc
        self.defects = defects
        self.lines: list[str] = []

    def text(self, text: str) -> str:
        return unicodedata.normalize("NFD", text) if "decomposed" in self.defects else text

    def italic(self, phrase: str) -> str:
        head, tail = "", ""
        if "italic_start" in self.defects and len(phrase) > 3:
            # The italic run starts one letter into the word.
            head, phrase = phrase[0], phrase[1:]
        if "italic_split" in self.defects and len(phrase) > 3:
            # The italic run stops one letter short of the end of the word.
            phrase, tail = phrase[:-1], phrase[-1]
        return f'{self.text(head)}<span class="italic">{self.text(phrase)}</span>{self.text(tail)}'

    def p(self, body: str) -> str:
        empty = '<p xml:space="preserve"> </p>' if "empty_p" in self.defects else ""
        return f'<p xml:space="preserve">\t{body}</p>{empty}'

    def write(self) -> str:
        out = [HEAD.replace('language="eng"', f'language="{ISO[self.doc.lang]}"'), "    <preamble>\n",
               '      <formula name="enactingFormula"><p><span class="italic">The Human Rights Council'
               "</span>,</p></formula>\n"]
        moved = self.doc.preamble[-1] if "preamble_in_body" in self.defects else None
        kept = self.doc.preamble[:-1] if moved is not None else self.doc.preamble
        for phrase, text in kept:
            if True:
                out.append(f'      <container name="{phrase}">{self.p(self.italic(phrase) + " " + self.text(text) + ",")}'
                           "</container>\n")
        out.append("    </preamble>\n    <mainBody>\n")
        if moved is not None:
            out.append(f"      <paragraph><content>{self.p(self.italic(moved[0]) + ' ' + self.text(moved[1]) + ',')}"
                       "</content></paragraph>\n")
        last = len(self.doc.operative)
        for n, op in enumerate(self.doc.operative, start=1):
            if "second_body" in self.defects and n == last and n > 1:
                out.append("    </mainBody>\n    <mainBody>\n")
            out += self.operative(n, op, missing="missing_number" in self.defects and n == 1 and last > 1)
        out.append("    </mainBody>\n")
        return "".join(out) + TAIL

    def operative(self, n: int, op: Op, missing: bool) -> list[str]:
        num = "" if missing else f"<num>{_number(self.doc.lang, n)}</num>"
        intro = self.p(self.italic(op.verb) + " " + self.text(op.text) + (":" if op.subs else ";"))
        if not op.subs:
            return [f"      <paragraph>{num}<content>{intro}</content></paragraph>\n"]
        if "typed" in self.defects:
            out = [f"      <paragraph>{num}<content>{intro}</content></paragraph>\n"]
            for depth, index, sub in self.flat(op.subs, 1):
                label = _label(self.doc.lang, depth, index)
                end = ":" if sub.children else ";"
                if "label_in_num" in self.defects:
                    out.append(f"      <paragraph><num>{label}</num><content>{self.p(self.text(sub.text) + end)}"
                               "</content></paragraph>\n")
                else:
                    out.append(f"      <paragraph><content>{self.p(label + chr(9) + self.text(sub.text) + end)}"
                               "</content></paragraph>\n")
            if op.wrapup:
                out.append(f"      <paragraph><content>{self.p(self.text(op.wrapup))}</content></paragraph>\n")
            return out
        wrapup = op.wrapup and "wrapup_apart" not in self.defects
        out = [f"      <paragraph>{num}<list><intro>{intro}</intro>{self.points(op.subs, 1)}"
               + (f"<wrapUp>{self.p(self.text(op.wrapup))}</wrapUp>" if wrapup else "")
               + "</list></paragraph>\n"]
        if op.wrapup and not wrapup:
            out.append(f"      <paragraph><content>{self.p(self.text(op.wrapup))}</content></paragraph>\n")
        return out

    def flat(self, subs, depth):
        for index, sub in enumerate(subs):
            yield depth, index, sub
            yield from self.flat(sub.children, depth + 1)

    def points(self, subs, depth) -> str:
        out = []
        for index, sub in enumerate(subs):
            label = f"<num>{_label(self.doc.lang, depth, index)}</num>"
            end = ":" if sub.children else ";"
            if "label_in_text" in self.defects and not sub.children:
                # The label typed into the point's text instead of its <num>.
                typed = _label(self.doc.lang, depth, index) + "\t" + self.text(sub.text) + end
                out.append(f"<point><content>{self.p(typed)}</content></point>")
            elif not sub.children:
                out.append(f"<point>{label}<content>{self.p(self.text(sub.text) + end)}</content></point>")
            elif "sublist" in self.defects:
                out.append(f"<point>{label}<content>{self.p(self.text(sub.text) + end)}</content></point>"
                           f"<sublist>{self.points(sub.children, depth + 1)}</sublist>")
            else:
                out.append(f"<point>{label}<list><intro>{self.p(self.text(sub.text) + end)}</intro>"
                           f"{self.points(sub.children, depth + 1)}</list></point>")
        return "".join(out)


def _reading(res):
    """What a reader of the printed resolution sees, and nothing about where the file put it."""
    return dict(
        preamble=[plain_text(p.inlines) for p in res.preamble],
        phrases=[p.opening_phrase for p in res.preamble],
        operative=[(p.num, plain_text(p.inlines), plain_text(p.wrapup or []),
                    [(s.label, plain_text(s.inlines)) for s in walk_subparagraphs(p.children)],
                    [len(s.children) for s in walk_subparagraphs(p.children)]) for p in res.operative],
        verbs=[plain_text(p.inlines[0].children) if p.inlines and hasattr(p.inlines[0], "children") else ""
               for p in res.operative])


def _write(tmp_path, doc, defects, name):
    path = tmp_path / name
    path.write_text(Writer(doc, frozenset(defects)).write(), encoding="utf-8")
    return path


# Which warning names each repair (the ones the converter's defect makes necessary).
NAMED = {"typed": "W653", "label_in_num": "W653", "sublist": "W658", "preamble_in_body": "W654",
         "wrapup_apart": "W655", "second_body": "W659", "italic_split": "W619", "italic_start": "W619",
         "missing_number": "W657", "label_in_text": "W662"}


def _applies(defect: str, doc: Doc, defects) -> bool:
    """Whether writing ``doc`` with ``defect`` changes the file at all."""
    has_subs = any(op.subs for op in doc.operative)
    nested = any(s.children for op in doc.operative for s in op.subs)
    wrapups = any(op.wrapup for op in doc.operative)
    typed = "typed" in defects
    return {"typed": has_subs, "label_in_num": typed and has_subs, "sublist": nested and not typed,
            "wrapup_apart": wrapups and not typed, "second_body": len(doc.operative) > 1,
            "missing_number": len(doc.operative) > 1,
            "italic_split": True, "italic_start": True, "preamble_in_body": True,
            "label_in_text": has_subs and not typed and any(not s.children for op in doc.operative
                                                          for s in op.subs)}.get(defect, False)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents(), defects=st.sets(st.sampled_from(DEFECTS), max_size=4))
def test_a_damaged_file_imports_as_the_clean_one_with_each_repair_named(tmp_path, doc, defects):
    clean, clean_warnings = import_akn(_write(tmp_path, doc, (), "clean.xml"))
    assert not [w for w in clean_warnings if w.code in NAMED.values()]
    damaged_path = _write(tmp_path, doc, defects, "damaged.xml")
    damaged, warnings = import_akn(damaged_path)
    assert _reading(damaged) == _reading(clean)
    found = {w.code for w in warnings}
    for defect in defects:
        if defect in NAMED and _applies(defect, doc, defects):
            assert NAMED[defect] in found, (defect, sorted(found))
    lines = len(damaged_path.read_text(encoding="utf-8").splitlines())
    assert all(w.loc is not None and 1 <= w.loc.line <= lines for w in warnings)
    # The repaired document is a source like any other: written and read back, it is the same.
    source = tmp_path / "repaired.md"
    source.write_text(render_markdown(damaged), encoding="utf-8")
    again = read_source(str(source))
    assert again == damaged and render_markdown(again) == source.read_text(encoding="utf-8")


# ------------------------------------------------------------------ examples
def _doc(lang="en", subs=3, nested=False, wrapup=""):
    op = Op("Requests", "a report on", [Sub(f"thing {i}", [Sub("part one"), Sub("part two")] if nested else [])
                                       for i in range(subs)], wrapup)
    return Doc(lang, [("Recalling", "its resolution")], [Op("Decides", "to act"), op, Op("Decides", "to stay")])


def test_typed_sub_paragraphs_past_z_are_placed_under_their_paragraph(tmp_path):
    path = _write(tmp_path, _doc(subs=28), {"typed"}, "typed.xml")
    res, warnings = import_akn(path)
    labels = [s.label for s in res.operative[1].children]
    assert labels[24:] == ["(y)", "(z)", "(aa)", "(bb)"]
    assert [p.num for p in res.operative] == ["1.", "2.", "3."]
    (w,) = [w for w in warnings if w.code == "W653"]
    assert "(a)" in w.message and w.loc.line == _line(path, "(a)\t")


@pytest.mark.parametrize("under", ['<table><tr><td><p>Cell</p></td></tr></table>',
                                   '<p class="note">Abbreviations: none.</p>'])
def test_a_typed_sub_paragraph_with_a_table_under_it_is_refused_not_cut(tmp_path, under):
    """A table (or a table's note) under the words of a paragraph is read as the paragraph's; a
    sub-paragraph typed as a paragraph of its own cannot hold one, and it was dropped unsaid."""
    path = _write(tmp_path, _doc(subs=2), {"typed"}, "typed.xml")
    text = path.read_text(encoding="utf-8")
    at = text.index("</p>", text.index("(b)\t")) + len("</p>")
    path.write_text(text[:at] + under + text[at:], encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        import_akn(path)
    (said,) = raised.value.diagnostics
    assert said.code == "E619" and "(b)" in said.message and said.loc.line == _line(path, "(b)\t")


def test_roman_sub_paragraphs_typed_apart_nest_under_their_letter(tmp_path):
    res, _ = import_akn(_write(tmp_path, _doc(lang="fr", subs=2, nested=True), {"typed"}, "fr.xml"))
    para = res.operative[1]
    assert [len(s.children) for s in para.children] == [2, 2]
    assert plain_text(para.children[1].children[1].inlines) == "part two;"


def test_i_after_h_continues_the_letters(tmp_path):
    res, _ = import_akn(_write(tmp_path, _doc(subs=10), {"typed"}, "ninth.xml"))
    assert [s.label for s in res.operative[1].children][7:] == ["(h)", "(i)", "(j)"]
    assert all(not s.children for s in res.operative[1].children)


def test_sublist_beside_its_point_is_read_as_its_sub_paragraphs(tmp_path):
    res, warnings = import_akn(_write(tmp_path, _doc(subs=2, nested=True), {"sublist"}, "sub.xml"))
    assert [s.label for s in walk_subparagraphs(res.operative[1].children)] == \
        ["(a)", "(i)", "(ii)", "(b)", "(i)", "(ii)"]
    assert "W658" in [w.code for w in warnings]


def test_a_typed_label_out_of_order_is_refused_with_its_line(tmp_path):
    path = _write(tmp_path, _doc(subs=3), {"typed"}, "bad.xml")
    path.write_text(path.read_text(encoding="utf-8").replace("(b)\t", "(q)\t"), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        import_akn(path)
    codes = [(d.code, d.loc.line) for d in caught.value.diagnostics]
    assert ("E617", _line(path, "(q)\t")) in codes
    assert "(q)" in caught.value.diagnostics[0].message


def test_an_unnumbered_paragraph_the_numbers_leave_no_room_for_stays_in_the_one_above(tmp_path):
    path = _write(tmp_path, _doc(subs=0), (), "inside.xml")
    text = path.read_text(encoding="utf-8").replace(
        "<paragraph><num>2.</num>",
        '<paragraph><content><p>This sentence the UN printed without a number.</p></content></paragraph>'
        "<paragraph><num>2.</num>")
    path.write_text(text, encoding="utf-8")
    res, warnings = import_akn(path)
    assert [p.num for p in res.operative] == ["1.", "2.", "3."]
    assert plain_text(res.operative[0].inlines) == "Decides to act;\nThis sentence the UN printed without a number."
    assert "W656" in [w.code for w in warnings]


def test_a_preamble_like_paragraph_after_operative_ones_is_not_moved(tmp_path):
    path = _write(tmp_path, _doc(subs=0), (), "late.xml")
    text = path.read_text(encoding="utf-8").replace(
        "<paragraph><num>3.</num>",
        '<paragraph><content><p><span class="italic">Considering</span> that,</p></content></paragraph>'
        "<paragraph><num>3.</num>")
    path.write_text(text, encoding="utf-8")
    res, warnings = import_akn(path)
    assert len(res.preamble) == 1 and [p.num for p in res.operative] == ["1.", "2.", "3."]


def _line(path, needle):
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_the_only_operative_paragraph_without_a_number_is_imported_unnumbered_as_printed(tmp_path):
    doc = Doc("en", [("Recalling", "its resolution")], [Op("Decides", "to act")])
    path = _write(tmp_path, doc, {"missing_number"}, "one.xml")
    path.write_text(path.read_text(encoding="utf-8").replace("<num>1.</num>", ""), encoding="utf-8")
    res, warnings = import_akn(path)
    assert [p.num for p in res.operative] == [""] and res.parts[0].unnumbered
    assert plain_text(res.operative[0].inlines).startswith("Decides to act")
    assert not [w for w in warnings if w.code == "W661"]


def test_italics_that_start_inside_a_word_are_taken_back_to_its_start(tmp_path):
    path = _write(tmp_path, _doc(subs=0), {"italic_start"}, "start.xml")
    assert 'D<span class="italic">ecides</span>' in path.read_text(encoding="utf-8")
    res, warnings = import_akn(path)
    assert res.operative[0].inlines[0] == Emph([Text("Decides")])
    assert any(w.code == "W619" and "'Decides'" in w.message for w in warnings)


def test_a_link_cut_into_pieces_is_one_link(tmp_path):
    path = _write(tmp_path, _doc(subs=0), (), "link.xml")
    target = "http://undocs.org/fr/S/RES/2014(2011)"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "to act;", f'to act under <a href="{target}">2014</a><a href="{target}">\u00a0</a>'
                   f'<a href="{target}">(2011)</a>;'), encoding="utf-8")
    res, warnings = import_akn(path)
    links = [n for n in res.operative[0].inlines if isinstance(n, Link)]
    # The link opens a UN document, so its symbol is known (unres.model.citations).
    assert links == [Link(target, [Text("2014\u00a0(2011)")], symbol="S/RES/2014(2011)")]
    assert "W620" in [w.code for w in warnings]


def test_every_paragraph_with_a_link_cut_into_pieces_is_named_once(tmp_path):
    """One warning for each paragraph that cuts a link, in the preamble too: a warning given
    once per element is not swallowed when a later element takes a freed one's address
    (S/RES/2507 (2020) in Arabic lost one, and the import changed from run to run)."""
    target = "https://undocs.org/ar/S/2019/822"
    cut = f'<a href="{target}">S/</a><a href="{target}">2019</a><a href="{target}">/822</a>'
    doc = Doc("en", [("Recalling", f"report {i} here") for i in range(6)], [Op("Decides", f"to act {i};")
                                                                          for i in range(3)])
    path = _write(tmp_path, doc, (), "links.xml")
    text = path.read_text(encoding="utf-8")
    for i in range(6):
        text = text.replace(f"report {i} here", f"report {i} {cut}")
    for i in range(3):
        text = text.replace(f"to act {i};", f"to act {i} under {cut};")
    path.write_text(text, encoding="utf-8")
    res, warnings = import_akn(path)
    lines = sorted(w.loc.line for w in warnings if w.code == "W620")
    assert lines == sorted([_line(path, f"report {i} ") for i in range(6)]
                           + [_line(path, f"to act {i} ") for i in range(3)])
    assert import_akn(path)[1] == warnings


def test_a_link_into_the_translators_file_share_keeps_its_text_only(tmp_path):
    path = _write(tmp_path, _doc(subs=0), (), "share.xml")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "to act;", 'to act, see <a href="file://conf-share1/LS/SPA/www.ohchr.org/index">www.ohchr.org/index</a>;'),
        encoding="utf-8")
    res, warnings = import_akn(path)
    assert res.operative[0].inlines[1:] == [Text(" to act, see www.ohchr.org/index;")]
    assert [w.code for w in warnings] == ["W629"]


@pytest.mark.parametrize("empty", ['<ref href="https://undocs.org/A/75/1"/>',
                                   '<ref href="https://undocs.org/A/75/1"> </ref>',
                                   '<a href="https://undocs.org/A/75/1">\u200b</a>',
                                   '<ref href="https://undocs.org/A/75/1"><i>\u00ad</i></ref>'])
def test_a_link_that_prints_no_text_is_left_out(tmp_path, empty):
    """A source's link must print some text (E222); one under no word is dropped with W706, at
    its line, and the source written reads back."""
    path = _write(tmp_path, _doc(subs=0), (), "empty-link.xml")
    path.write_text(path.read_text(encoding="utf-8").replace("to act;", f"to act {empty};"),
                    encoding="utf-8")
    res, warnings = import_akn(path)
    assert [w.loc.line for w in warnings if w.code == "W706"] == [_line(path, "to act ")]
    assert not [node for node in res.operative[0].inlines if isinstance(node, Link)]
    read_source("empty-link.md", render_markdown(res).encode("utf-8"))


def test_a_number_printed_twice_is_refused_once_saying_why(tmp_path):
    path = _write(tmp_path, _doc(subs=0), (), "twice.xml")
    path.write_text(path.read_text(encoding="utf-8").replace("<num>3.</num>", "<num>2.</num>"),
                    encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        import_akn(path)
    (diag,) = caught.value.diagnostics
    assert diag.code == "E640" and "'2.' on two paragraphs" in diag.message
    assert diag.loc.line == _line(path, "to stay")


CORPUS_54 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "un-akn-hrc" / "54session"
NOTED = sorted(CORPUS_54.glob("*/A_HRC_RES_54_1?.xml")) if CORPUS_54.is_dir() else []


@pytest.mark.skipif(not NOTED, reason=f"UN AKN corpus not found at {CORPUS_54}")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(index=st.integers(0, 10_000), inside=st.sampled_from(["", " ", "\u00a0"]),
       after=st.sampled_from(["", " ", "\t", "\t\t"]))
def test_a_notes_empty_marker_brackets_are_removed_in_any_language(tmp_path, index, inside, after):
    """The Arabic files' "()" before a note's text (the brackets of its printed "(1)", the number
    moved into @marker), put into any language's notes: the notes read as without it, named W663."""
    path = NOTED[index % len(NOTED)]
    data = path.read_text(encoding="utf-8")
    clean = re.sub(r'(<authorialNote[^>]*><p xml:space="preserve">)\(\)', r"\1", data)
    damaged = re.sub(r'(<authorialNote[^>]*><p xml:space="preserve">)', rf"\1({inside}){after}", clean)
    if damaged == clean:
        return                                  # a resolution without notes
    (tmp_path / "clean.xml").write_text(clean, encoding="utf-8")
    (tmp_path / "damaged.xml").write_text(damaged, encoding="utf-8")
    want, _ = import_akn(tmp_path / "clean.xml")
    got, warnings = import_akn(tmp_path / "damaged.xml")
    assert [n.paragraphs for n in got.footnotes] == [n.paragraphs for n in want.footnotes]
    assert sum(w.code == "W663" for w in warnings) == len(got.footnotes)


@pytest.mark.parametrize("marks", ["’{n}‘", "‘{n}’"])
def test_the_arabic_roman_level_typed_apart_nests_under_its_letter(tmp_path, marks):
    """The Arabic versions print the roman level ’1‘ ’2‘ … (some files type the marks the other
    way round): typed in paragraphs of their own, they are sub-paragraphs of the letter above."""
    text = _write(tmp_path, _doc(lang="ar", subs=2, nested=True), {"typed"}, "ar.xml").read_text(encoding="utf-8")
    path = tmp_path / "ar_marks.xml"
    path.write_text(re.sub(r"’(\d)‘", lambda m: marks.format(n=m.group(1)), text), encoding="utf-8")
    res, warnings = import_akn(path)
    para = res.operative[1]
    assert [s.label for s in walk_subparagraphs(para.children)] == ["(أ)", "’1‘", "’2‘", "(ب)", "’1‘", "’2‘"]
    assert "W653" in [w.code for w in warnings]
