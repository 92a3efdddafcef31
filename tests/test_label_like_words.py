"""Words at a paragraph's start that look like a label or a number ("(cc) 酌情…", "1. In witness",
"(xxviii) *Decides*"), typed as the paragraph's text, are read from the PDF as text, not as a
labelled point or a numbered paragraph, however far a justified line stretches the space after
them; a label or a number set in its box still reads as one.

A label is set in a box at least 10 mm wide, its text starting where the box ends (right at the
label's end when the label is wider); typed words are followed by a space, which justification
stretches to any width: a Chinese line's only space takes the whole line's slack (S/RES/2557
(2020) in Chinese, whose annex types "(a)" … "(dd)" as text, read "(cc)" as a point).

Each source is built by the real writers, read back by verify's PDF reader and compared with the
model, in the six languages, in the preamble, an annex, the closing words under sub-paragraphs and
the note under a table, with lines of many lengths (so many widths of the stretched space)."""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import council_front
from unres.pipeline.render import render_outputs
from unres.readers.markdown.reader import read_source
from unres.verify.compare import compare
from unres.verify.expected import from_model
from unres.verify.read.pdf_layout import extract_pdf

# Per language: the formula, a preambular paragraph, the words the typed paragraphs are made of
# (characters for Chinese, which sets no spaces) and the annex's label.
LANGUAGES = {
    "English": ("*The Security Council*,", "*Recalling* its previous resolutions,",
                "collect information on travel undertaken on the basis of exemptions and report to the "
                "Committee as appropriate including from the Government and relevant Member States", "Annex"),
    "French": ("*Le Conseil de sécurité*,", "*Rappelant* ses résolutions antérieures,",
               "recueillir des informations sur les voyages effectués au titre des dérogations et en rendre "
               "compte au Comité selon qu’il conviendra notamment auprès du Gouvernement", "Annexe"),
    "Spanish": ("*El Consejo de Seguridad*,", "*Recordando* sus resoluciones anteriores,",
                "reunir información sobre los viajes realizados en virtud de exenciones e informar al Comité "
                "según proceda incluso del Gobierno y de los Estados Miembros pertinentes", "Anexo"),
    "Russian": ("*Совет Безопасности*,", "*ссылаясь* на свои предыдущие резолюции,",
                "собирать информацию о поездках совершенных на основании изъятий и докладывать Комитету "
                "в надлежащих случаях в том числе от правительства и соответствующих государств", "Приложение"),
    "Arabic": ("*إن مجلس الأمن*،", "*إذ يشير* إلى قراراته السابقة،",
               "جمع المعلومات عن السفر الذي يجري بناء على الإعفاءات وتقديم تقارير إلى اللجنة حسب "
               "الاقتضاء بما في ذلك من الحكومة والدول الأعضاء المعنية", "المرفق"),
    "Chinese": ("**安全理事会**，", "**回顾**其以往的各项决议，",
                "酌情收集关于依据决议获得豁免后进行旅行的信息包括从阿富汗政府和相关会员国收集信息并向委员会报告",
                "附件"),
}
# Label-like words and how a source types them as text (escaped, as `unres import` writes them, so
# that Markdown keeps them words), in every language and in the look-alikes of some.
COMMON = {"(cc)": r"\(cc)", "(a)": r"\(a)", "1.": r"1\.", "12.": r"12\.", "i)": r"i\)", "(xxviii)": r"\(xxviii)",
          "(iv)": r"\(iv)", "a.": r"a\."}
LOOK_ALIKES = {"Russian": {"(б)": r"\(б)", "а)": r"а\)"},
               "Arabic": {"(أ)": r"\(أ)", "(ب)": r"\(ب)", "’1‘": r"\’1‘", "1-": r"1\-", "أ.": r"أ\."},
               "Chinese": {"(一)": r"\(一)", "(1)": r"\(1)"}}
POSITIONS = ("preamble", "annex", "closing", "note")
# Closing words that open a page are read as words of their own (tests/test_page_top_blocks.py sweeps
# the page breaks).
SWEPT = POSITIONS


def _labels(language: str) -> dict:
    return {**COMMON, **LOOK_ALIKES.get(language, {})}


def _words(language: str, rng: random.Random, count: int, opening: bool = False) -> str:
    """``count`` words of the language (two characters each in Chinese); with ``opening``, the first
    set as a paragraph's opening words are (italic; bold in Chinese), a face of their own after the
    label-like words."""
    words = LANGUAGES[language][2]
    if language == "Chinese":
        text = [rng.choice(words) + rng.choice(words) for _ in range(count)]
        joined = "".join
    else:
        text = [rng.choice(words.split()) for _ in range(count)]
        joined = " ".join
    if opening:
        mark = "**" if language == "Chinese" else "*"
        text[0] = mark + text[0] + mark
    return joined(text)


def _end(language: str) -> str:
    return {"Chinese": "；", "Arabic": "؛", "French": "\u202f;"}.get(language, ";")


def _table_note(note: str) -> str:
    return f"@| *A* | *B* |\n@|:--|--:|\n@| P-5 | 1 |\n\n@{note}\n"


def source_text(language: str, typed: list) -> str:
    """A Council resolution in ``language`` with real sub-paragraphs (one labelled wider than its
    box) and each of ``typed`` ((position, escaped label, words)) as a paragraph of text."""
    formula, recalling, vocabulary, annex = LANGUAGES[language]
    end = _end(language)
    filler = vocabulary[:40]
    roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
             "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii",
             "xxviii"]
    colon = "：" if language == "Chinese" else ("\u202f:" if language == "French" else ":")
    preamble = "".join(f"{label} {words}{end}\n\n" for pos, label, words in typed if pos == "preamble")
    points = "".join(f"@    ({r}) {filler}{end}\n\n" for r in roman)
    # ("@" stands for the indent of the paragraph's number: "1. " or "10. "; a paragraph has closing
    # words once, after its sub-paragraphs; a note stands under a table)
    operative = [f"{filler}{colon}\n\n@(a) {filler}{end}\n\n@{label} {words}{end}\n\n"
                 for pos, label, words in typed if pos == "closing"]
    operative += [f"{filler}{colon}\n\n" + _table_note(f"{label} {words}.") + "\n"
                  for pos, label, words in typed if pos == "note"]
    operative.append(f"{filler}{colon}\n\n@(a) {filler}{colon}\n\n{points}@(b) {filler}{end}\n\n")
    # (the text of a paragraph may open with a blank print keeps: U+202F, alone or before a space,
    # as S/RES/2549 (2020) in French types it; the number's box stands before it all the same)
    operative.append(f"\u202f{filler}{end}\n\n")
    operative.append(f"\u202f {filler}{end}\n\n")
    operative.append(f"{filler}{end}\n\n")
    annexed = "".join(f"{label} {words}{end}\n\n" for pos, label, words in typed if pos == "annex")
    body = (f"\n{formula}\n\n{recalling}\n\n{preamble}"
            + "".join(f"{n}. " + text.replace("@", " " * len(f"{n}. ")) for n, text in enumerate(operative, 1))
            + f"# {annex}\n\n{filler}{colon}\n\n{annexed}")
    return council_front("9999", language) + body


def _differences(tmp_path, text: str, name: str = "x.md") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res = read_source(str(path))
    pdf = render_outputs(res, ["pdf"])["pdf"]
    return res, compare(from_model(res, str(path)), extract_pdf(pdf))


def _held_as_text(res, typed) -> bool:
    """Whether the model holds each typed paragraph as words (not a label or number): an item with
    no number whose text has the typed label-like words before the paragraph's words."""
    items = [item for item in from_model(res, "source").items if not item.num]
    plain = [words.replace("*", "") for _pos, _label, words in typed]
    return all(any(f" {words}" in item.text for item in items if item.text) for words in plain)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_label_like_words_typed_as_text_read_as_text(tmp_path, language):
    """Every label-like word of the language in every position, in paragraphs of many lengths: one
    or two lines up to several, so that the space after the words is stretched to many widths."""
    rng = random.Random(language)
    typed = []
    for escaped in _labels(language).values():
        for position in SWEPT:
            count = rng.randint(6, 45) if language != "Chinese" else rng.randint(10, 50)
            typed.append((position, escaped, _words(language, rng, count, opening=rng.random() < 0.5)))
    text = source_text(language, typed)
    res, problems = _differences(tmp_path, text)
    # The source holds them as text: the test is of what the PDF reader makes of them.
    assert _held_as_text(res, typed)
    assert problems == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(list(LANGUAGES)), data=st.data())
def test_any_label_like_words_at_any_length_read_as_text(tmp_path, language, data):
    label = data.draw(st.sampled_from(sorted(_labels(language).values())), "label")
    position = data.draw(st.sampled_from(POSITIONS), "position")
    count = data.draw(st.integers(3, 70), "count")
    seed = data.draw(st.integers(0, 2 ** 16), "seed")
    opening = data.draw(st.booleans(), "opening")
    typed = [(position, label, _words(language, random.Random(seed), count, opening))]
    res, problems = _differences(tmp_path, source_text(language, typed))
    assert _held_as_text(res, typed)
    assert problems == []


def test_real_labels_and_numbers_still_read_as_points_and_paragraphs(tmp_path):
    """Read the other way round: the PDF of a source whose sub-paragraphs (one, "(xxviii)", wider
    than its box) and numbers are set in their boxes reads them as labels and numbers."""
    for language in LANGUAGES:
        res, problems = _differences(tmp_path, source_text(language, []), f"{language}.md")
        assert problems == []
        fp = extract_pdf(render_outputs(res, ["pdf"])["pdf"])
        read = [(item.kind, item.num) for item in fp.items if item.kind in ("paragraph", "point") and item.num]
        # (a), its (i) … (xxviii), (b), in the language's labels; the four numbers
        assert len(read) == 4 + 30, language
        assert read == [(item.kind, item.num) for item in from_model(res, "source").items
                        if item.kind in ("paragraph", "point") and item.num]
