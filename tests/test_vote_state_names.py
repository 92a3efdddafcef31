"""States' names from the capitals of the UN's vote metadata ("TÜRKİYE", "COTE D'IVOIRE", "UNITED
KINGDOM"): imported as the UN prints them ("Türkiye", "Côte d’Ivoire", "United Kingdom of Great
Britain and Northern Ireland"), the case of letters changed and nothing else; and the capitals unres
writes into its own AKN metadata compared with the source's names by the same rule, so that a
name beyond ASCII verifies in every language."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import CORPUS
from unres.model.state_names import PRINTED, SHORTENED, capitals, cased, from_capitals, key
from unres.readers.akn.votes import split_states

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "akn4un": "http://un.org/akn4un"}
HRC54 = CORPUS / "un-akn-hrc" / "54session"
GA75 = CORPUS / "un-akn-ga" / "75session"
CATEGORIES = ("inFavour", "against", "abstaining")

# Metadata capitals of the class (beyond ASCII, particles, apostrophes, hyphens, brackets, a short
# form, a dropped diacritic, Greek and Cyrillic capitals) and the names they must give.
HARD = [
    ("TÜRKİYE", "Türkiye"),
    ("COTE D'IVOIRE", "Côte d’Ivoire"),
    ("GUINEA-BISSAU", "Guinea-Bissau"),
    ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "Democratic People's Republic of Korea"),
    ("BOLIVIA (PLURINATIONAL STATE OF)", "Bolivia (Plurinational State of)"),
    ("UNITED KINGDOM", "United Kingdom of Great Britain and Northern Ireland"),
    ("SAINT VINCENT AND THE GRENADINES", "Saint Vincent and the Grenadines"),
    ("ΕΛΛΗΝΙΚΗ ΔΗΜΟΚΡΑΤΙΑ ΤΗΣ ΟΔΟΥΣ", "Ελληνικη Δημοκρατια Της Οδους"),
    ("РОССИЙСКАЯ ФЕДЕРАЦИЯ", "Российская Федерация"),
]


def _printed_pairs():
    """(metadata capitals, printed name) of every State of every printed English list of the Human
    Rights Council's 54th session, paired in order as the UN pairs them."""
    pairs = set()
    for path in sorted((HRC54 / "English").glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        for cat in CATEGORIES:
            meta = [" ".join((o.text or "").split()) for o in root.xpath(
                f"//a:voting/a:count[@refersTo='{cat}' or @refersTo='#{cat}']//a:organization", namespaces=AKN)]
            printed = ", ".join(" ".join("".join(o.itertext()).split()) for o in root.xpath(
                f"//a:conclusions//a:outcome[@refersTo='{cat}' or @refersTo='#{cat}']//a:organization",
                namespaces=AKN))
            if meta and printed:
                states = split_states(printed, "en", len(meta), meta[-1])
                assert len(states) == len(meta), (path.name, cat)
                pairs.update(zip(meta, states))
    return sorted(pairs)


PAIRS = _printed_pairs() if HRC54.exists() else []


@pytest.mark.skipif(not PAIRS, reason="../shared/corpus/un-akn-hrc is absent")
def test_every_metadata_name_gives_the_name_the_un_prints_beside_it():
    wrong = [(meta, from_capitals(meta), printed) for meta, printed in PAIRS if from_capitals(meta) != printed]
    assert wrong == []
    # The kept names are the UN's print, each of them (no name of the list is made up).
    assert set(PRINTED) == {printed for _meta, printed in PAIRS}
    assert set(SHORTENED) <= {meta for meta, _printed in PAIRS}


@pytest.mark.skipif(not PAIRS, reason="../shared/corpus/un-akn-hrc is absent")
def test_the_casing_alone_gives_the_uns_print_where_the_metadata_keeps_the_letters():
    """Without the kept names: every pair whose two names have the same letters (the metadata did
    not shorten the name or drop a diacritic) is cased as the UN prints it."""
    same_letters = [(m, p) for m, p in PAIRS if unicodedata.normalize("NFC", m) == capitals(p).replace("’", "'")]
    assert len(same_letters) >= 40
    assert [(m, cased(m), p) for m, p in same_letters if cased(m) != p.replace("’", "'")] == []


@pytest.mark.parametrize("capital, name", HARD)
def test_the_class_of_hard_names(capital, name):
    assert from_capitals(capital) == name
    assert capitals(from_capitals(capital)) == capitals(name)
    assert "\u0307" not in from_capitals(capital)


def test_the_metadata_names_of_the_corpus_case_without_combining_marks_or_other_letters():
    names = {" ".join((o.text or "").split()) for path in [*GA75.glob("*/*.xml"), *HRC54.glob("*/*.xml")]
             for o in etree.parse(str(path)).iterfind(".//{*}voting//{*}organization")}
    for name in names:
        _assert_case_only(name, cased(name))
        assert key(from_capitals(name)).startswith(key(name))


def _assert_case_only(before: str, after: str):
    assert len(after) == len(before), (before, after)
    for old, new in zip(before, after):
        # A character keeps itself or becomes a small letter whose capital it is (a final 'ς' is a
        # 'Σ'); 'İ' gives 'i', the same letter without the dot that only capitals write.
        assert new in {old, old.lower(), old.title()} or new.upper() == old or (old, new) == ("\u0130", "i"), \
            (before, after)
    marks = lambda s: sorted(c for c in unicodedata.normalize("NFD", s) if unicodedata.combining(c))
    assert set(marks(after)) <= set(marks(before)), (before, after)
    assert key(after) == key(before)


CAPITAL_LETTERS = st.characters(categories=["Lu"]) | st.sampled_from("İÇĞÖŞÜÂÊÎÔÛÀÉÈËÏŸÑÆŒØÅΣΆΈΉΊΌΎΏЁЙЇЄ")
SEPARATORS = st.sampled_from([" ", "-", "'", "’", " (", ") ", "\u0307", "\u0301"])
WORDS = st.sampled_from(["OF", "THE", "AND", "D'", "'S", "DE", "DEL"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(CAPITAL_LETTERS, min_size=1, max_size=8), SEPARATORS, WORDS),
                min_size=1, max_size=12))
def test_casing_changes_the_case_of_letters_and_nothing_else(pieces):
    name = "".join(pieces)
    out = cased(name)
    _assert_case_only(name, out)
    assert cased(out) == out
    # A name already in small letters somewhere is the UN's own spelling: kept.
    assert cased(out.lower()) == out.lower()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(categories=["L", "M", "Zs", "Pd", "Po", "Ps", "Pe"]), min_size=1, max_size=40))
def test_casing_any_text_changes_only_case(name):
    out = cased(name)
    _assert_case_only(name, out)


@given(st.text(st.characters(categories=["L", "M"]), min_size=1, max_size=20))
def test_capitals_are_composed_and_agree_on_any_spelling_of_a_name(name):
    """What unres writes into its metadata and what verify compares it with: the same for a name
    composed or decomposed ('Türki̇ye' with a combining dot gives 'TÜRKİYE')."""
    out = capitals(name)
    assert out == unicodedata.normalize("NFC", out)
    assert capitals(unicodedata.normalize("NFD", name)) == out == capitals(unicodedata.normalize("NFC", name))
