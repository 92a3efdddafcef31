"""FRBR IRIs of a resolution, following the AKN4UN naming of the United Nations.

``/akn/un/statement/deliberation/{actor}/{date}/{number}`` names the Work;
the Expression adds ``/{language}@{date}``, the Manifestation ``.xml``.
Everything is derived from the front matter, so another organ, adoption date
or language gives other IRIs without touching any writer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import languages
from ...model.document import NUMBER_FORMS, SC, Meta
from ...model.presentation import iso639_2

COUNTRY = "un"
DOC_TYPE = "statement"
SUB_TYPE = "deliberation"
MAIN = "main"

# Organ name -> (actor as the UN writes it in IRIs, short form used to build a
# subsidiary body's actor and the organ's reference id).
ORGANS = {
    "General Assembly": ("unga", "ga"),
    "Security Council": ("unsc", "sc"),
    "Economic and Social Council": ("unecosoc", "ecosoc"),
    "Trusteeship Council": ("untc", "tc"),
    "Human Rights Council": ("hrc", "hrc"),
}

PRINCIPAL_ORGANS = {"General Assembly", "Security Council", "Economic and Social Council",
                    "Trusteeship Council"}

# A subsidiary body's parent is a fact of the Charter, not of the text's language.
PARENT_ORGANS = {"Human Rights Council": "General Assembly"}

# The key of an organ in the language data -> its name in this table.
_BY_KEY = {"hrc": "Human Rights Council", "ga": "General Assembly", "sc": "Security Council"}

_SMALL_WORDS = {"and", "of", "on", "the", "for", "in", "to"}


def organ_short(organ: str) -> str:
    """``hrc`` for the Human Rights Council; initials for an organ not in the table."""
    if organ in ORGANS:
        return ORGANS[organ][1]
    words = [w for w in re.findall(r"[A-Za-z]+", organ) if w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words).lower() or "organ"


def english_organ(organ: str) -> str:
    """The organ's English name, the one its IRIs and ids are made from, whatever the language."""
    return _BY_KEY.get(languages.organ_key(organ) or "", organ)


def organ_id(organ: str) -> str:
    """The organ's reference id (``ga``, ``sc``, ``hrc``), one for every language version."""
    return organ_short(english_organ(organ))


def actor(meta: Meta) -> str:
    """``unga`` for the Assembly, ``unga-hrc`` for its subsidiary the Council. The Work is one
    for every language version, so an organ named in any of the six languages gives the same
    actor."""
    organ = english_organ(meta.organ)
    if organ in PRINCIPAL_ORGANS:
        return ORGANS[organ][0]
    parent = PARENT_ORGANS.get(organ, meta.parent_organ or "")
    if parent in ORGANS:
        head = ORGANS[parent][0]
    elif parent and parent != organ:
        head = "un" + organ_short(parent)
    else:
        return "un" + organ_short(organ)
    return f"{head}-{organ_short(organ)}"


_PARTS_RE = re.compile(r"^(\S+) ([A-Z](?:-[A-Z])?)$")


def number_segment(number: str) -> str:
    """``38/3`` -> ``38-3``; ``75/101 A-B`` -> ``75-101A-B``; the Security Council's ``2507 (2020)`` -> ``2507-2020`` as the UN writes
    it; other spaces become ``_`` so the number stays one IRI segment."""
    m = NUMBER_FORMS[SC][0].fullmatch(number.strip())
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _PARTS_RE.match(number.strip())
    if m:       # the Assembly's parts, as the UN writes them: 75-101A-B
        return f"{m.group(1).replace('/', '-')}{m.group(2)}"
    return number.strip().replace("/", "-").replace(" ", "_")


@dataclass(frozen=True)
class Iris:
    work: str
    expression: str
    manifestation: str
    language: str            # ISO 639-2 alpha-3, equal to the expression's code
    number: str              # the IRI segment, e.g. "38-3"
    date: str                # adoption date, ISO 8601
    actor: str

    def this(self, level: str, component: str = MAIN) -> str:
        """``FRBRthis``: the IRI of one component at a level (work, expression, manifestation)."""
        if level == "work":
            return f"{self.work}/!{component}"
        if level == "expression":
            return f"{self.expression}/!{component}"
        return f"{self.expression}/!{component}.xml"

    def uri(self, level: str) -> str:
        return {"work": self.work, "expression": self.expression,
                "manifestation": self.manifestation}[level]


def iris(meta: Meta) -> Iris:
    date = meta.adoption_date.isoformat()
    number = number_segment(meta.number)
    act = actor(meta)
    lang = iso639_2(meta.language)
    work = f"/akn/{COUNTRY}/{DOC_TYPE}/{SUB_TYPE}/{act}/{date}/{number}"
    expression = f"{work}/{lang}@{date}"
    return Iris(work=work, expression=expression, manifestation=f"{expression}.xml",
                language=lang, number=number, date=date, actor=act)


def annex_component(index: int) -> str:
    """The component name of the ``index``-th annex (1-based): ``annex_1``."""
    return f"annex_{index}"


_SC_RESOLUTION_RE = re.compile(r"^S/RES/(\d+)\s?\((\d{4})\)$")


def cited_work(symbol: str) -> str | None:
    """The Work IRI of a cited document, where its symbol alone gives the actor, the date and the
    number: a Security Council resolution carries its year (S/RES/2250(2015) is
    ``/akn/un/statement/deliberation/unsc/2015/2250``). Other symbols do not carry the adoption
    date, so no IRI is formed for them (their URL stands instead)."""
    m = _SC_RESOLUTION_RE.match(symbol.strip())
    if m:
        return f"/akn/{COUNTRY}/{DOC_TYPE}/{SUB_TYPE}/{ORGANS['Security Council'][0]}/{m.group(2)}/{m.group(1)}"
    return None
