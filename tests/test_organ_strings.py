"""The Assembly's and the Security Council's page-one and closing strings, in the six languages,
against the UN's own files: every line of every file is printed by the language data exactly, or
differs in one of the named ways the UN's files vary or are damaged (never silently)."""
from __future__ import annotations

import collections
import datetime as dt
import re

import pytest
from lxml import etree

from conftest import CORPUS
from unres.model import languages
from unres.verify.fingerprint import normalise

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
FOLDERS = {"English": "en", "French": "fr", "Spanish": "es", "Russian": "ru", "Chinese": "zh", "Arabic": "ar"}

# How a UN file's line may differ from ours, each named; anything else fails the test.
NAMED = [
    ("the UN's file lost the line", lambda got, want, path: got == ""),
    ("the UN's file dates the adoption 0001-01-01 (a placeholder)", lambda got, want, path: want is None),
    ("a file of another language in the folder", lambda got, want, path: _file_language(path) != _folder_language(path)),
    ("a resumed meeting, written as text in a source", lambda got, want, path: "(resumed)" in got),
    ("hyphen-minus for a no-break hyphen or back", lambda got, want, path: got.replace("\u2011", "-") == want.replace("\u2011", "-")),
    ("the ordinal indicator as a plain a or back", lambda got, want, path: got.replace("ª", "a") == want.replace("ª", "a")),
    ("a Latin e for the Cyrillic е", lambda got, want, path: got.replace("e", "е") == want.replace("e", "е")),
    ("an ordinal spelled out (Tercera)", lambda got, want, path: re.sub(r"^\w+ ", "", got) == re.sub(r"^\d+\w* ", "", want)),
    ("the comma after the meeting number left out", lambda got, want, path: got == want.replace("، ", " ")),
    ("the Russian number's comma left out", lambda got, want, path: got + "," == want),
    ("the Chinese number spaced", lambda got, want, path: got.replace(" ", "") == want.replace(" ", "")),
    ("the text around the Chinese meeting's inline elements dropped (安全理事会, 第)",
     lambda got, want, path: got.replace(" ", "") in (want.replace("安全理事会", "").replace("第", ""),
                                                     want.replace("第", ""))),
    ("the Chinese 于 (on) before the date", lambda got, want, path: got == want.replace("安全理事会", "安全理事会于")),
    ("the Arabic conjunction set after the symbol", lambda got, want, path: "(و)" in got),
]


def _folder_language(path) -> str:
    return path.parent.name


def _file_language(path) -> str:
    letter = re.search(r"([ACEFRS])\.xml$", path.name)
    return {"A": "Arabic", "C": "Chinese", "E": "English", "F": "French", "R": "Russian",
            "S": "Spanish"}[letter.group(1)] if letter else path.parent.name


def _text(el) -> str:
    return normalise("".join(el.itertext())) if el is not None else ""


def _date(code, date):
    return normalise(languages.format_date(date, code))


def ga_lines(path, code):
    """(kind, printed, ours) for the Assembly's strings of one UN file."""
    ga = languages.data(code)["organs"]["ga"]
    doc = etree.parse(str(path)).getroot()
    cover = doc.find(".//a:coverPage", NS)
    when = doc.find(".//a:conclusions//a:docDate", NS)
    if when is None:
        return
    date = dt.date.fromisoformat(when.get("date"))
    adopted = next((p.find("a:docTitle", NS) for p in cover.iterfind("a:p", NS)
                    if p.find("a:docTitle", NS) is not None), None)
    got = _text(adopted)
    forms = [normalise(ga[k].format(date=_date(code, date))) for k in ("adopted_by", "adopted_by_parts")]
    yield "adopted_by", got, got if got in forms else forms[0]
    proponent = cover.find(".//a:docProponent", NS)
    if proponent is not None:
        got = _text(proponent)
        documents = proponent.find(".//a:inline[@name='originating document']", NS)
        docs = _text(documents) if documents is not None else ""
        committee = re.escape(normalise(ga["on_report"])).replace(re.escape("{committee}"), "(?P<c>.+)")
        committee = re.fullmatch(committee.replace(re.escape("{documents}"), re.escape(docs)), got)
        if committee:
            ours = ga["on_report"].format(committee=committee.group("c"), documents=docs)
        else:
            ours = ga["without_committee"].format(documents=docs)
        yield "origin", got, normalise(ours)
    for item in cover.iter(f"{{{NS['a']}}}inline"):
        if item.get("name") == "agenda item":
            got = _text(item)
            numbers = re.findall(r"\d+(?:\s?\(\w{1,2}\)|\s?\w{1,2}\))?", got) or [""]
            key = "agenda_item" if len(numbers) == 1 else "agenda_items"
            joined = numbers[0] if len(numbers) == 1 else ga["and"].join([", ".join(numbers[:-1]), numbers[-1]])
            yield "agenda_item", got, normalise(ga[key].format(item=joined, items=joined))
    meeting = doc.find(".//a:conclusions//a:inline[@name='adoptionMeeting']", NS)
    n = re.search(r"\d+", (meeting.get("title") or "") + " " + _text(meeting)) if meeting is not None else None
    if n:
        n = int(n.group())
        yield "meeting", _text(meeting), normalise(ga["meeting"].format(n=n, suffix=languages.ordinal_suffix(n, code)))


def sc_lines(path, code):
    sc = languages.data(code)["organs"]["sc"]
    doc = etree.parse(str(path)).getroot()
    cover = doc.find(".//a:coverPage", NS)
    titles = [t for t in (p.find("a:docTitle", NS) for p in cover.iterfind("a:p", NS)) if t is not None]
    # The file's name gives the number (a few files misprint their symbol's year or leave it out).
    number = re.match(r"S_RES_(\d+ \(\d{4}\))", path.name).group(1)
    for title in titles:
        if title.get("refersTo") == "#resolutionNumber":
            yield "resolution", _text(title), normalise(sc["resolution"].format(
                number=number, number_tight=number.replace(" ", "")))
        if title.get("refersTo") == "#adoption":
            date = dt.date.fromisoformat(title.find(".//a:docDate", NS).get("date"))
            if date.year == 1:
                yield "adopted", _text(title), None
                continue
            meeting = title.find(".//a:inline[@name='adoptionMeeting']", NS)
            n = re.search(r"\d+", (meeting.get("title") or "") + " " + _text(meeting)) if meeting is not None else None
            if n:
                n = int(n.group())
                ours = sc["adopted_at"].format(n=n, suffix=languages.ordinal_suffix(n, code), date=_date(code, date))
            else:
                ours = sc["adopted_on"].format(date=_date(code, date))
            yield "adopted", _text(title), normalise(ours)


def _measure(organ_dir, pattern, lines):
    if not (CORPUS / organ_dir).is_dir():
        pytest.skip(f"the UN's files are not at {CORPUS / organ_dir}")
    same, named, unnamed = collections.Counter(), collections.Counter(), []
    for folder, code in FOLDERS.items():
        for path in sorted((CORPUS / organ_dir).glob(f"{folder}/{pattern}")):
            for kind, got, ours in lines(path, code):
                if got == ours:
                    same[folder, kind] += 1
                    continue
                name = next((n for n, test in NAMED if test(got, ours, path)), None)
                if name:
                    named[name] += 1
                else:
                    unnamed.append((path.name, kind, got, ours))
    return same, named, unnamed


def test_the_assemblys_strings_in_six_languages():
    same, named, unnamed = _measure("un-akn-ga/75session", "*.xml", ga_lines)
    assert unnamed == []
    for folder in FOLDERS:      # every language's every kind of line is printed by the UN as ours somewhere
        assert {kind for (f, kind) in same if f == folder} >= {"adopted_by", "origin", "agenda_item"}, folder
    assert sum(same.values()) > 10 * sum(named.values())


def test_the_security_councils_strings_in_six_languages():
    same, named, unnamed = _measure("un-akn-sc/2020", "S_RES*.xml", sc_lines)
    assert unnamed == []
    for folder in FOLDERS:
        assert {kind for (f, kind) in same if f == folder} == {"resolution", "adopted"}, folder
    assert sum(same.values()) > 3 * sum(named.values())
