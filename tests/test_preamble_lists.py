"""A preambular paragraph whose words introduce a list, in each of the forms the UN's files give it:
the words in the list's own <listIntroduction> (S/RES/2687 (2023) in Chinese: "认识到……包括为此而
加强：" then ㈠ … ㈩, once refused as an empty preambular paragraph, E614), in a <p> before the
list in the same container (unres's own), in a container before a list set after it (A/RES/75/55)
or before a container that holds the list alone. Each is imported as the same preambular paragraph
with its sub-paragraphs, whatever the language's labels ((a), a), (أ), а), (i), ㈠, (十一), ’1‘), in
<num> or typed in the words; written as a source, it reads back the same; built, it verifies. What
the source cannot say (words after the list, a list that no words introduce, words that do not end
with a colon) is refused with its line, and nothing is written.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_ok, verify_ok
from unres.errors import SourceError
from unres.model.document import plain_text
from unres.model.numerals import letters, roman
from unres.readers.akn.reader import import_akn
from unres.readers.akn.repair import label_key
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "import"
MINIMAL = (FIXTURES / "minimal.xml").read_text(encoding="utf-8")
HEAD = MINIMAL[:MINIMAL.index("    <preamble>")]
TAIL = MINIMAL[MINIMAL.index("    </mainBody>") + len("    </mainBody>\n"):]
# S/RES/2687 (2023) in Chinese (UNxml/SCresolutions, 2023/Chinese/S_RES_2687_C.xml, commit
# ef1bee810643b438e71fc4b0696d40e4e86ef08c), trimmed: its cover page, three preambular paragraphs
# (one the list's own introduction and ㈠ … ㈩) and operative paragraphs 1 and 2, lines kept as they were.
UN_2687 = FIXTURES / "S_RES_2687_2023_C_trimmed.xml"
ISO = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
CHINESE_DIGITS = "一二三四五六七八九"
# Words of each language, an opening phrase and what follows it.
WORDS = {
    "en": ("Recognizing", ["that", "peace", "requires", "effective", "governance", "the rule of law"]),
    "fr": ("Considérant", ["que", "la paix", "exige", "une gouvernance", "efficace", "l’état de droit"]),
    "es": ("Reconociendo", ["que", "la paz", "requiere", "una gobernanza", "eficaz", "el estado de derecho"]),
    "ru": ("признавая", ["что", "мир", "требует", "эффективного", "управления", "верховенства права"]),
    "ar": ("وإذ يسلم", ["بأن", "السلام", "يتطلب", "الحوكمة", "الفعالة", "سيادة القانون"]),
    "zh": ("认识到", ["和平", "需要", "有效", "治理", "法治", "反腐"]),
}
COMMA = {"ar": "،", "zh": "，"}
COLON = {"zh": "："}
# How the UN's files give the list: where the words that introduce it stand.
SHAPES = ("intro", "own", "after", "apart", "list_intro")


def _chinese(n: int) -> str:
    """11 -> 十一, 20 -> 二十."""
    tens, units = divmod(n, 10)
    return (CHINESE_DIGITS[tens - 1] if tens > 1 else "") + ("十" if tens else "") \
        + (CHINESE_DIGITS[units - 1] if units else "")


def label(lang: str, scheme: str, index: int, lookalike: bool = False, other: bool = False) -> str:
    """The ``index``-th label (0-based) of a list as the UN's file of ``lang`` prints it; ``other``
    its other form, where the files have one: أ) for (أ), (一) (二) … for ㈠ ㈡ …"""
    if scheme == "letters":
        core = letters(index)
        if lang == "ar":
            return f"{ABJAD[index]})" if other else f"({ABJAD[index]})"
        if lang == "ru" and lookalike:
            core = core.translate(str.maketrans("aceiopxy", "асеіорху"))
        return f"{core})" if lang in ("fr", "es", "ru") else f"({core})"
    if lang == "ar":
        return f"’{index + 1}‘"
    if lang == "zh":
        return chr(0x3220 + index) if index < 10 and not other else f"({_chinese(index + 1)})"
    return f"{roman(index + 1)})" if lang in ("fr", "es", "ru") else f"({roman(index + 1)})"


@dataclass
class Case:
    lang: str
    shape: str
    scheme: str
    before: list        # the words of plain preambular paragraphs before the listed one
    intro: str          # the listed paragraph's words after its opening phrase, without the colon
    items: list         # the items' words, without the closing comma
    after: list
    typed: bool         # the labels typed at the start of the items' words, not in <num>
    lookalike: bool     # Russian letters typed in Cyrillic look-alikes
    other: bool = False  # the language's other form of label (أ), (一))

    def ends(self, text: str, mark: str) -> str:
        return text + mark

    def paragraph(self, text: str) -> str:
        phrase = WORDS[self.lang][0]
        style = "bold" if self.lang == "zh" else "italic"
        space = "" if self.lang == "zh" else " "
        return f'<span class="{style}">{phrase}</span>{space}{text}'

    def p(self, body: str) -> str:
        return f'<p xml:space="preserve">\t{body}</p>'

    def items_xml(self) -> str:
        comma = COMMA.get(self.lang, ",")
        out = []
        for index, words in enumerate(self.items):
            printed = label(self.lang, self.scheme, index, self.lookalike, self.other)
            if self.typed:
                out.append(f"<item>{self.p(printed + chr(9) + words + comma)}</item>")
            else:
                out.append(f"<item><num>{printed}</num>{self.p(words + comma)}</item>")
        return "\n          ".join(out)

    def write(self) -> str:
        comma, colon = COMMA.get(self.lang, ","), COLON.get(self.lang, ":")
        phrase = WORDS[self.lang][0]
        plain = [f'      <container name="{phrase}">{self.p(self.paragraph(t + comma))}</container>\n'
                 for t in self.before]
        words = self.paragraph(self.intro + colon)
        items = self.items_xml()
        listed = {
            "intro": f'      <container name="{phrase}"><blockList><listIntroduction>\t{words}'
                     f"</listIntroduction>\n          {items}</blockList></container>\n",
            "own": f'      <container name="{phrase}">{self.p(words)}<blockList>{items}</blockList></container>\n',
            "after": f'      <container name="{phrase}">{self.p(words)}</container>\n'
                     f"      <blockList>{items}</blockList>\n",
            "apart": f'      <container name="{phrase}">{self.p(words)}</container>\n'
                     f'      <container name="{phrase}"><blockList>{items}</blockList></container>\n',
            "list_intro": f"      <blockList><listIntroduction>{words}</listIntroduction>{items}</blockList>\n",
        }[self.shape]
        after = [f'      <container name="{phrase}">{self.p(self.paragraph(t + comma))}</container>\n'
                 for t in self.after]
        return (HEAD.replace('language="eng"', f'language="{ISO[self.lang]}"') + "    <preamble>\n"
                '      <formula name="enactingFormula"><p><span class="italic">The Human Rights Council'
                "</span>,</p></formula>\n" + "".join(plain) + listed + "".join(after) + "    </preamble>\n"
                "    <mainBody>\n      <paragraph><num>1.</num><content><p><span class=\"italic\">Decides"
                "</span> to remain seized of the matter.</p></content></paragraph>\n    </mainBody>\n" + TAIL)

    def expected(self) -> list:
        """(words, [(label key, words)]) of each preambular paragraph, as print shows them."""
        comma, colon = COMMA.get(self.lang, ","), COLON.get(self.lang, ":")
        phrase = WORDS[self.lang][0]
        space = "" if self.lang == "zh" else " "
        key = letters if self.scheme == "letters" else (lambda i: roman(i + 1))
        return [(phrase + space + t + comma, []) for t in self.before] + \
            [(phrase + space + self.intro + colon, [(key(i), w + comma) for i, w in enumerate(self.items)])] + \
            [(phrase + space + t + comma, []) for t in self.after]


@st.composite
def cases(draw):
    lang = draw(st.sampled_from(sorted(ISO)))
    pool = WORDS[lang][1]
    joiner = "" if lang == "zh" else " "
    words = st.lists(st.sampled_from(pool), min_size=1, max_size=4).map(joiner.join)
    scheme = draw(st.sampled_from(("letters", "roman")))
    return Case(lang=lang, shape=draw(st.sampled_from(SHAPES)), scheme=scheme,
                before=draw(st.lists(words, max_size=2)), intro=draw(words),
                items=draw(st.lists(words, min_size=1, max_size=14)),
                after=draw(st.lists(words, max_size=2)), typed=draw(st.booleans()),
                lookalike=lang == "ru" and scheme == "letters" and draw(st.booleans()),
                other=draw(st.booleans()))


def _reading(res) -> list:
    return [(plain_text(p.inlines).strip(), [(label_key(s.label), plain_text(s.inlines)) for s in p.children])
            for p in res.preamble]


def _import(tmp_path, text: str, name: str = "res.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res, warnings = import_akn(path)
    return path, res, {w.code for w in warnings}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases())
def test_a_list_introduced_in_any_form_is_the_sub_paragraphs_of_its_preambular_paragraph(tmp_path, case):
    _path, res, said = _import(tmp_path, case.write())
    assert _reading(res) == case.expected()
    listed = res.preamble[len(case.before)]
    # The scheme the first label shows: (i) directly under the words, else the default (a).
    assert listed.sub_scheme == ("roman" if case.scheme == "roman" else "latin")
    assert ("W662" in said) == case.typed
    assert ("W687" in said) == (case.lang == "zh" and case.scheme == "roman")
    assert ("W686" in said) == (case.lookalike and any(
        label(case.lang, case.scheme, i, True) != label(case.lang, case.scheme, i) for i in range(len(case.items))))
    assert "W641" not in said
    source = tmp_path / "res.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    again = read_source(str(source))
    assert again == res and render_markdown(again) == source.read_text(encoding="utf-8")


def test_every_form_gives_the_same_document(tmp_path):
    """The same paragraph and list written in each form import into one and the same source."""
    for lang in ISO:
        sources = set()
        for shape in SHAPES:
            case = Case(lang, shape, "roman" if lang == "zh" else "letters", [WORDS[lang][1][0]],
                        WORDS[lang][1][1], list(WORDS[lang][1][2:]), [WORDS[lang][1][3]], False, False)
            _path, res, _said = _import(tmp_path, case.write(), f"{lang}-{shape}.xml")
            sources.add(render_markdown(res))
        assert len(sources) == 1, lang


def test_the_un_s_list_introduction_is_the_paragraph_s_words():
    res, warnings = import_akn(UN_2687)
    recognizing = res.preamble[2]
    assert plain_text(recognizing.inlines).startswith("认识到仅靠军事行动")
    assert plain_text(recognizing.inlines).endswith("包括为此而加强：")
    assert [s.label for s in recognizing.children] == \
        ["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(ix)", "(x)"]
    assert [plain_text(s.inlines) for s in recognizing.children][:2] == ["有效治理和公共行政，", "反腐，"]
    assert [plain_text(p.inlines)[:2] for p in res.preamble] == ["回顾", "重申", "认识", "根据"]
    assert "W687" in {w.code for w in warnings}


@pytest.mark.parametrize("lang", sorted(ISO))
def test_it_builds_in_every_language_verifies_and_reads_back_from_our_own_akn(tmp_path, lang):
    case = Case(lang, "intro", "roman" if lang in ("zh", "ar") else "letters", [WORDS[lang][1][0]],
                " ".join(WORDS[lang][1][:3]), list(WORDS[lang][1][1:5]), [], False, False)
    _path, res, _said = _import(tmp_path, case.write())
    source = tmp_path / "A_HRC_RES_54_99.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    out = build_ok([source], tmp_path / "out")
    verify_ok([source], out)
    # The body, as our own AKN writes it, reads back as the source has it.
    ours = import_akn(next(out.glob("*.akn.xml")))[0]
    assert ours.parts == read_source(str(source)).parts


def test_the_un_file_builds_and_verifies(tmp_path):
    res, _warnings = import_akn(UN_2687)
    source = tmp_path / "S_RES_2687_2023.md"
    source.write_text(render_markdown(res), encoding="utf-8")
    out = build_ok([source], tmp_path / "out")
    verify_ok([source], out)


REFUSED = {
    # Words after the items: a preambular paragraph ends with its last item.
    "wrap-up": ('<container name="Recognizing"><blockList><listIntroduction><span class="italic">Recognizing'
                '</span> the need for:</listIntroduction><item><num>(a)</num><p>peace,</p></item>'
                "<listWrapUp>and more,</listWrapUp></blockList></container>", "E613"),
    "words after": ('<container name="Recognizing"><p><span class="italic">Recognizing</span> the need for:</p>'
                    '<blockList><item><num>(a)</num><p>peace,</p></item></blockList><p>and more,</p></container>',
                    "E613"),
    # No words before it to introduce it.
    "alone": ('<container name="Recognizing"><blockList><item><num>(a)</num><p>peace,</p></item>'
              "</blockList></container>", "E614"),
    "empty introduction": ('<container name="Recognizing"><blockList><listIntroduction> </listIntroduction>'
                           "<item><num>(a)</num><p>peace,</p></item></blockList></container>", "E614"),
    # A list under words that do not end with a colon: the source cannot say it (E207 there).
    "no colon": ('<container name="Recognizing"><blockList><listIntroduction><span class="italic">Recognizing'
                 '</span> the need for</listIntroduction><item><num>(a)</num><p>peace,</p></item></blockList>'
                 "</container>", "E613"),
    "empty item": ('<container name="Recognizing"><blockList><listIntroduction><span class="italic">Recognizing'
                   '</span> the need for:</listIntroduction><item><num>(a)</num><p> </p></item></blockList>'
                   "</container>", "E616"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_what_the_source_cannot_say_is_refused_with_its_line_and_nothing_written(tmp_path, kind):
    xml, code = REFUSED[kind]
    text = (HEAD + "    <preamble>\n      <formula name=\"enactingFormula\"><p><span class=\"italic\">The Human "
            "Rights Council</span>,</p></formula>\n      " + xml + "\n    </preamble>\n    <mainBody>\n      "
            "<paragraph><num>1.</num><content><p><span class=\"italic\">Decides</span> to act.</p></content>"
            "</paragraph>\n    </mainBody>\n" + TAIL)
    path = tmp_path / "res.xml"
    path.write_text(text, encoding="utf-8")
    line = text[:text.index(xml)].count("\n") + 1
    with pytest.raises(SourceError) as caught:
        import_akn(path)
    assert [(d.code, d.loc.line) for d in caught.value.diagnostics] == [(code, line)]
    out = tmp_path / "res.md"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "import", str(path), "-o", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 3 and f"res.xml:{line}:" in result.stderr and code in result.stderr
    assert not out.exists()
