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

from conftest import CORPUS, council_front, make_source, BODY
from unres.cli import main as unres_main
from unres.model import languages
from unres.model.state_names import PRINTED, SHORTENED, capitals, cased, from_capitals, key
from unres.readers.akn.reader import import_akn
from unres.readers.akn.votes import split_states
from unres.verify.command import verify_source
from unres.writers.markdown import render_markdown

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "akn4un": "http://un.org/akn4un"}
HRC54 = CORPUS / "un-akn-hrc" / "54session"
GA75 = CORPUS / "un-akn-ga" / "75session"
FOLDERS = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
LETTER = {code: folder[0] for code, folder in FOLDERS.items()}     # the UN's file names: ..._C.xml
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


def _rename(root, names):
    """The metadata's first States renamed ``names`` (in order); a State the file names already
    takes the name it displaces, so that each State stays listed once."""
    orgs = root.xpath("//a:voting//a:organization", namespaces=AKN)
    same = lambda a, b: key(from_capitals(a)) == key(from_capitals(b))
    for i, name in enumerate(names):
        for other in orgs[i + 1:]:
            if same(other.text, name):
                other.text = orgs[i].text
        orgs[i].text = name
    return root


def _drop_printed_lists(root):
    for el in root.xpath("//a:conclusions//a:outcome/a:outcome", namespaces=AKN):
        el.getparent().remove(el)
    return root


def _build_and_verify(tmp_path, res, stem):
    src = tmp_path / f"{stem}.md"
    src.write_text(render_markdown(res), encoding="utf-8")
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q"]) == 0
    lines, _summary = verify_source(str(src), str(out))
    assert lines == []
    return out / f"{stem}.akn.xml"


def _states(vote):
    return vote.in_favour + vote.against + vote.abstaining


@pytest.mark.skipif(not GA75.exists(), reason="../shared/corpus/un-akn-ga is absent")
@pytest.mark.parametrize("code", languages.CODES)
def test_an_assembly_file_whose_vote_names_hard_states_imports_builds_and_verifies(code, tmp_path):
    """The Assembly keeps its vote in the metadata only (A/RES/79/17 in Chinese named TÜRKİYE):
    75/20 in each language, its first States renamed by the class."""
    path = GA75 / FOLDERS[code] / f"75_20_{LETTER[code]}.xml"
    root = _rename(etree.parse(str(path)).getroot(), [c for c, _n in HARD])
    variant = tmp_path / path.name
    variant.write_bytes(etree.tostring(root, encoding="utf-8"))
    res, _warnings = import_akn(variant)
    got = _states(res.meta.vote)[:len(HARD)]
    assert [g.replace("’", "'") for g in got] == [n.replace("’", "'") for _c, n in HARD]
    akn = _build_and_verify(tmp_path, res, path.stem)
    written = [o.text for o in etree.parse(str(akn)).iterfind(".//{*}voting//{*}organization")]
    assert [w.replace("’", "'") for w in written[:len(HARD)]] == [capitals(n).replace("’", "'") for _c, n in HARD]


@pytest.mark.skipif(not HRC54.exists(), reason="../shared/corpus/un-akn-hrc is absent")
@pytest.mark.parametrize("code", languages.CODES)
def test_a_council_file_without_printed_lists_takes_the_metadatas_names_and_verifies(code, tmp_path):
    """54/2 in each language with its printed lists gone: the metadata's names (W624), cased, are
    printed in all four formats and read back."""
    path = HRC54 / FOLDERS[code] / f"A_HRC_RES_54_2{LETTER[code]}.xml"
    root = _drop_printed_lists(_rename(etree.parse(str(path)).getroot(), [c for c, _n in HARD]))
    variant = tmp_path / path.name
    variant.write_bytes(etree.tostring(root, encoding="utf-8"))
    res, warnings = import_akn(variant)
    assert "W624" in {w.code for w in warnings}
    got = _states(res.meta.vote)[:len(HARD)]
    assert [g.replace("’", "'") for g in got] == [n.replace("’", "'") for _c, n in HARD]
    _build_and_verify(tmp_path, res, path.stem)


@pytest.mark.parametrize("language", [languages.english_name(c) for c in languages.CODES])
def test_a_source_name_in_any_spelling_verifies_against_the_capitals_written(language, tmp_path):
    """A source that spells a name decomposed ('Türki̇ye', as imports once wrote it) or composed:
    the AKN's capitals and verify's reading agree."""
    front = council_front(language=language).replace(
        "in_favour: [Belgium, China, France]", 'in_favour: ["Türki\u0307ye", "Côte d’Ivoire", "Ελλάς"]')
    src = make_source(tmp_path, front, BODY)
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q", "-f", "akn"]) == 0
    assert verify_source(str(src), str(out), ("akn",))[0] == []
    written = [o.text for o in etree.parse(str(out / "res.akn.xml")).iterfind(".//{*}voting//{*}organization")]
    assert written == ["TÜRK\u0130YE", "CÔTE D’IVOIRE", "ΕΛΛΆΣ"]
