"""Every recorded vote's lists come back the same from unres's own Akoma Ntoso, in the six languages.

A printed list is one run of text ("A, B and C"); where one State ends and the next begins cannot
always be told from the words, because names contain the language's "and" ("Trinidad and Tobago",
"Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "Тринидад и Тобаго", "البوسنة والهرسك",
"大不列颠及北爱尔兰联合王国"; 和 is also the middle of 共和国, "republic"), commas, parentheses
and apostrophes. unres's own files mark each State as an <organization> of its own, so those files
are read State by State; the UN's files print the whole list in one <organization>, and there the
count of States decides the cuts, whatever word joins the last two (a file may print its States in
another language than its own, as the generated files of tests/test_preamble_lists.py do).
"""
from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from unres.model import languages
from unres.model.state_names import capitals
from unres.readers.akn.reader import import_akn
from unres.readers.akn.votes import split_states
from unres.writers.akn.writer import render

HRC54 = CORPUS / "un-akn-hrc" / "54session"
needs_corpus = pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
ISO = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
FOLDERS = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}

# Real States' names as the UN prints them in each language. Sources: the vote lists of the Human
# Rights Council's 54th session (un-akn-hrc/54session, resolution 54/15), the list of States of
# S/RES/2549 (2020) (Bosnia and Herzegovina), A/RES/75/2 (Sao Tome and Principe), S/RES/2530 (2020)
# in Chinese (阿拉伯叙利亚共和国, the Syrian Arab Republic); the names of
# Trinidad and Tobago and of Saint Vincent and the Grenadines are the UN Terminology Database's
# (UNTERM). The two names with a comma are the English short names of ISO 3166-1, which the UN does
# not print but a source may hold.
NAMES = {
    "en": ["Costa Rica", "Mexico", "Bolivia (Plurinational State of)", "Côte d’Ivoire",
           "United Kingdom of Great Britain and Northern Ireland", "United States of America",
           "Bosnia and Herzegovina", "Sao Tome and Principe", "Trinidad and Tobago",
           "Saint Vincent and the Grenadines", "Korea, Republic of", "Iran, Islamic Republic of", "Viet Nam"],
    "fr": ["Costa Rica", "Mexique", "Bolivie (État plurinational de)", "Côte d’Ivoire",
           "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "États-Unis d’Amérique",
           "Bosnie-Herzégovine", "Sao Tomé-et-Principe", "Trinité-et-Tobago",
           "Saint-Vincent-et-les Grenadines", "Afrique du Sud", "Émirats arabes unis", "Korea, Republic of"],
    "es": ["Costa Rica", "México", "Bolivia (Estado Plurinacional de)", "Côte d’Ivoire",
           "Reino Unido de Gran Bretaña e Irlanda del Norte", "Estados Unidos de América",
           "Bosnia y Herzegovina", "Santo Tomé y Príncipe", "Trinidad y Tabago",
           "San Vicente y las Granadinas", "Irlanda", "Italia", "Israel"],
    "ru": ["Коста-Рика", "Мексика", "Боливия (Многонациональное Государство)", "Кот-д’Ивуар",
           "Соединенное Королевство Великобритании и Северной Ирландии", "Соединенные Штаты Америки",
           "Босния и Герцеговина", "Сан-Томе и Принсипи", "Тринидад и Тобаго", "Сент-Винсент и Гренадины",
           "Иран (Исламская Республика)", "Вьетнам"],
    "ar": ["كوستاريكا", "المكسيك", "بوليفيا (دولة - المتعددة القوميات)", "كوت ديفوار",
           "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "الولايات المتحدة الأمريكية",
           "البوسنة والهرسك", "سان تومي وبرينسيبي", "ترينيداد وتوباغو", "سانت فنسنت وجزر غرينادين",
           "الإمارات العربية المتحدة", "فييت نام"],
    "zh": ["哥斯达黎加", "墨西哥", "多民族玻利维亚国", "科特迪瓦", "大不列颠及北爱尔兰联合王国", "美利坚合众国",
           "波斯尼亚和黑塞哥维那", "圣多美和普林西比", "特立尼达和多巴哥", "圣文森特和格林纳丁斯", "阿拉伯叙利亚共和国",
           "越南"],
}
# A list of another language's names in a file (tests/test_preamble_lists.py's generated files
# print English names in each language).
NAMES_ANY = {code: names + NAMES["en"] for code, names in NAMES.items()}

_BASE: dict = {}


def _base(code: str):
    """A real resolution of the language, as imported from the UN's file (54/15, a recorded vote)."""
    if code not in _BASE:
        _BASE[code] = import_akn(HRC54 / FOLDERS[code] / f"A_HRC_RES_54_15{FOLDERS[code][0]}.xml")[0]
    return deepcopy(_BASE[code])


@st.composite
def vote_lists(draw, code: str, least_in_favour: int = 1):
    """Real State names of the language (or of any), cut into the three lists."""
    pool = draw(st.sampled_from([NAMES[code], NAMES_ANY[code]]))
    states = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True))
    cut_1 = draw(st.integers(least_in_favour, len(states)))
    cut_2 = draw(st.integers(cut_1, len(states)))
    return states[:cut_1], states[cut_1:cut_2], states[cut_2:]


@st.composite
def votes(draw, code: str):
    """Three lists and how the last two States of a list are joined."""
    return (*draw(vote_lists(code)), draw(st.sampled_from((None,) + tuple(languages.LAST_TWO))))


def _round_trip(tmp_path, code, in_favour, against, abstaining, last_two):
    res = _base(code)
    vote = res.meta.vote
    vote.in_favour, vote.against, vote.abstaining = list(in_favour), list(against), list(abstaining)
    vote.last_two = None if last_two == languages.default_last_two(code) else last_two
    path = tmp_path / f"{code}.akn.xml"
    path.write_bytes(render(res))
    back, warnings = import_akn(path)
    return vote, back.meta.vote, warnings


@needs_corpus
@pytest.mark.parametrize("code", sorted(FOLDERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_list_comes_back_from_our_own_akn(tmp_path, code, data):
    in_favour, against, abstaining, last_two = data.draw(votes(code))
    vote, back, warnings = _round_trip(tmp_path, code, in_favour, against, abstaining, last_two)
    assert (back.in_favour, back.against, back.abstaining) == (vote.in_favour, vote.against, vote.abstaining)
    # How the last two are joined shows only in a list of two States or more.
    shown = any(len(states) > 1 for states in (in_favour, against, abstaining))
    assert back.last_two == (vote.last_two if shown else None)
    assert not {w.code for w in warnings} & {"W625", "W626"}


@needs_corpus
@pytest.mark.parametrize("code", sorted(FOLDERS))
def test_the_names_that_hold_the_word_and_come_back_last(tmp_path, code):
    """The case once seen: the last two States both name themselves with the language's "and"."""
    names = NAMES[code]
    last = [n for n in names if n in {names[4], names[6], names[8]}]
    for last_two in languages.LAST_TWO:
        vote, back, _warnings = _round_trip(tmp_path, code, names[:2] + last, [names[3]], [], last_two)
        assert back.in_favour == vote.in_favour and back.against == vote.against


@needs_corpus
@pytest.mark.parametrize("code", sorted(FOLDERS))
def test_a_un_file_printing_english_names_is_cut_by_its_count(tmp_path, code):
    """The UN's form (the whole list in one <organization>) in a file of any language whose list
    prints English names joined by "and": the metadata's count of States decides the cut."""
    minimal = (Path(__file__).parent / "fixtures" / "import" / "minimal.xml").read_text(encoding="utf-8")
    path = tmp_path / f"{code}.xml"
    path.write_text(minimal.replace('language="eng"', f'language="{ISO[code]}"'), encoding="utf-8")
    res, warnings = import_akn(path)
    assert res.meta.vote.in_favour == ["Costa Rica", "Trinidad and Tobago",
                                       "United Kingdom of Great Britain and Northern Ireland"]
    assert res.meta.vote.against == ["Côte d’Ivoire"]
    assert "W625" not in {w.code for w in warnings}
    # And the source written from it comes back the same from our own AKN.
    path = tmp_path / f"{code}.akn.xml"
    path.write_bytes(render(res))
    assert import_akn(path)[0].meta.vote == res.meta.vote


@pytest.mark.parametrize("code", sorted(FOLDERS))
def test_a_printed_list_is_cut_by_the_count_it_must_give(code):
    """The UN's one-string list, joined in the language's way (or English names joined the English
    way, in a file of any language): cut where the count of States says, each State's own "and"
    kept, the metadata's English names of the last two telling which is whose."""
    picks = ([0, 8, 4], [0, 4, 8], [6, 7], [7, 6], [1, 9], [9, 4], [4, 9], [4, 6, 8], [3, 2, 5])
    for indexes in picks:
        english = [NAMES["en"][i] for i in indexes]
        for names, joiner in ((NAMES[code], code), (NAMES["en"], "en")):
            states = [names[i] for i in indexes]
            text = languages.join_list(states, joiner, "and") + "]"
            assert split_states(text, code, len(states), capitals(english[-1]), capitals(english[-2])) \
                == states, text


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(sorted(FOLDERS)), english=st.booleans(), last_two=st.sampled_from(languages.LAST_TWO),
       indexes=st.lists(st.integers(0, 9), min_size=1, max_size=10, unique=True))
def test_any_list_of_the_un_s_form_is_cut_into_its_states(code, english, last_two, indexes):
    """The same with any list of the names above (the first ten are the same States in each
    language): printed as one string, joined either way, with the metadata's English capitals."""
    names = NAMES["en"] if english else NAMES[code]
    states = [names[i] for i in indexes]
    text = languages.join_list(states, "en" if english else code, last_two) + "]"
    meta = [capitals(NAMES["en"][i]) for i in indexes]
    assert split_states(text, code, len(states), *meta[:-3:-1]) == states


def test_the_republic_of_a_chinese_name_is_not_its_and():
    """共和国 holds 和: "… 特立尼达和多巴哥和阿拉伯叙利亚共和国" is cut at the 和 between the States."""
    text = "墨西哥、特立尼达和多巴哥和阿拉伯叙利亚共和国]"
    assert split_states(text, "zh", 3, "SYRIAN ARAB REPUBLIC", "TRINIDAD AND TOBAGO") == \
        ["墨西哥", "特立尼达和多巴哥", "阿拉伯叙利亚共和国"]
    assert split_states("墨西哥和阿拉伯叙利亚共和国", "zh") == ["墨西哥", "阿拉伯叙利亚共和国"]
