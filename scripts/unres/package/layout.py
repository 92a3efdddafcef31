"""What goes into a bag, and under which names: pure decisions, no files.

A bag holds one resolution (every language version of one symbol) or one
session (every resolution whose symbol differs only in its last segment; for the
Security Council, which has no sessions, every resolution of one year).
Each language version brings five files, named as an archivist reads them:
``A_HRC_RES_38_3/en/A_HRC_RES_38_3-EN.pdf`` under the bag's ``data/``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError, error
from ..formats import FORMATS
from ..model.document import SC, Loc, Meta
from ..model.document_date import document_instant
from ..model.presentation import bcp47
from ..pipeline.paths import output_path
from ..verify.pdfa import FLAVOUR as PDFA_FLAVOUR
from ..writers.akn.frbr import iris

PER = ("resolution", "session")
DESCRIPTION = "mets.xml"          # the METS description, at the top of the payload
ORGANIZATION = "United Nations"


@dataclass(frozen=True)
class Kind:
    """One kind of file in a language version: what it is for and how it is written."""
    name: str          # "source" or a format of unres.formats
    suffix: str
    role: str          # METS fileGrp USE
    mime: str
    format_name: str
    format_version: str


KINDS = (
    Kind("source", ".md", "source", "text/markdown; charset=UTF-8",
         "Markdown (CommonMark) with YAML front matter", "unres source format"),
    Kind("akn", FORMATS["akn"].suffix, "structured", "application/akn+xml", "Akoma Ntoso", "3.0 (AKN4UN)"),
    Kind("pdf", FORMATS["pdf"].suffix, "print", "application/pdf", "PDF/A", PDFA_FLAVOUR),
    Kind("docx", FORMATS["docx"].suffix, "editable",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "Office Open XML WordprocessingML", "ECMA-376"),
    Kind("html", FORMATS["html"].suffix, "web", "text/html; charset=UTF-8", "HTML", "5"),
)
KIND = {k.name: k for k in KINDS}


@dataclass(frozen=True)
class Version:
    """One language version of a resolution: its source and what the source says."""
    source: str
    meta: Meta

    @property
    def lang(self) -> str:
        return bcp47(self.meta.language)

    @property
    def symbol(self) -> str:
        """The resolution's symbol as the bags name it, one for all its language versions."""
        return same_symbol(self.meta.symbol)

    @property
    def stem(self) -> str:
        return symbol_stem(self.meta.symbol)

    def path(self, kind: Kind) -> str:
        """Where the file of this kind lives under the bag's ``data/``."""
        return f"{self.stem}/{self.lang}/{self.stem}-{self.lang.upper()}{kind.suffix}"

    def files(self) -> list:
        return [(kind, self.path(kind)) for kind in KINDS]


@dataclass
class BagPlan:
    name: str                               # the bag's folder name
    versions: list = field(default_factory=list)

    def resolutions(self) -> dict:
        """symbol -> its versions, in the order of the payload."""
        out: dict = {}
        for v in self.versions:
            out.setdefault(v.symbol, []).append(v)
        return out


def same_symbol(symbol: str) -> str:
    """One spelling of a symbol for all its language versions: the Chinese versions of the
    Security Council's write "S/RES/2521(2020)", the others "S/RES/2521 (2020)"."""
    return re.sub(r"\s*\(", " (", symbol)


def symbol_stem(symbol: str) -> str:
    """'A/HRC/RES/38/3' -> 'A_HRC_RES_38_3'; 'S/RES/2504 (2020)' -> 'S_RES_2504_2020'."""
    return re.sub(r"[^0-9A-Za-z]+", "_", symbol).strip("_")


# The year a Security Council symbol ends with: 'S/RES/2508 (2020)'.
_SYMBOL_YEAR_RE = re.compile(r"\((\d{4})\)\s*$")


def group_key(meta: Meta, per: str) -> str:
    """The symbol the bag is named after: the resolution's, or its session's. The Security Council
    has no sessions: its resolutions are numbered on through the years, each symbol ending with its
    year, so its "session" is the year ('S/RES (2020)', packaged as S_RES_2020)."""
    symbol = same_symbol(meta.symbol)
    if per == "resolution":
        return symbol
    if meta.organ_key == SC:
        match = _SYMBOL_YEAR_RE.search(symbol)
        return f"{symbol.rsplit('/', 1)[0]} ({match.group(1)})" if match else ""
    return symbol.rsplit("/", 1)[0]


def plan_bags(versions, per: str) -> list:
    """Group language versions into bags; two sources of one symbol and language, or
    versions of one resolution that disagree on what resolution it is, are errors."""
    groups: dict = {}
    seen: dict = {}
    diags = []
    for v in versions:
        key = (v.symbol, v.lang)
        if key in seen:
            diags.append(error(_loc(v, "language"),
                               f"{v.meta.symbol} in {v.meta.language} is also {seen[key].source}: a bag "
                               "holds one source per language version", "E701"))
            continue
        seen[key] = v
        group = group_key(v.meta, per)
        if not group:
            diags.append(error(_loc(v, "symbol"),
                               f"{v.meta.symbol} ends with no year, as in 'S/RES/2508 (2020)': the Security "
                               "Council's resolutions are packaged per session by the year of their symbol",
                               "E704"))
            continue
        groups.setdefault(group, []).append(v)
    by_symbol: dict = {}
    for v in seen.values():
        by_symbol.setdefault(v.symbol, []).append(v)
    for symbol, vs in by_symbol.items():
        first = min(vs, key=lambda v: v.lang)
        for v in vs:
            if (same_symbol(v.meta.number), v.meta.adoption_date) \
                    != (same_symbol(first.meta.number), first.meta.adoption_date):
                diags.append(error(_loc(v, "adoption_date"),
                                   f"{symbol} ({v.lang}) is resolution {v.meta.number} adopted on "
                                   f"{v.meta.adoption_date}, its {first.lang} version ({first.source}) "
                                   f"{first.meta.number} adopted on {first.meta.adoption_date}", "E702"))
    # Symbols that differ only in punctuation ('A/HRC/RES/38/3', 'A HRC RES 38 3') would share a
    # folder, and one would overwrite the other: checked for the bags and for the payload's folders.
    for owners in (groups, by_symbol):
        taken: dict = {}
        for key in sorted(owners):
            name = symbol_stem(key)
            if taken.setdefault(name, key) != key:
                diag = error(_loc(owners[key][0], "symbol"),
                             f"{key} and {taken[name]} would both be packaged as {name}", "E703")
                if diag not in diags:
                    diags.append(diag)
    if diags:
        raise SourceError(diags)
    return [BagPlan(symbol_stem(key), sorted(vs, key=lambda v: (v.symbol, v.lang)))
            for key, vs in sorted(groups.items())]


def _loc(v: Version, key: str) -> Loc:
    return v.meta.key_locs.get(key) or Loc(v.source, 1, 1)


def bagging_date(plan: BagPlan) -> dt.date:
    """The day of ``SOURCE_DATE_EPOCH`` when set, else the latest issue date in the bag: the
    same sources give the same bag on any day."""
    return document_instant(max(v.meta.issue_date for v in plan.versions)).date()


def human_size(count: int) -> str:
    """RFC 8493's Bag-Size, for people: '1.4 MB'."""
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if size < 1000 or unit == "TB":
            return f"{count} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def bag_info(plan: BagPlan, payload_bytes: int, agent: str) -> dict:
    """The fields of ``bag-info.txt`` that unres states (``bagit`` adds Payload-Oxum).
    Repeated fields are lists, in the payload's order."""
    resolutions = plan.resolutions()

    def unique(values):
        return list(dict.fromkeys(values))

    return {
        "Source-Organization": ORGANIZATION,
        "External-Identifier": list(resolutions),
        "External-Description": [f"{v.meta.symbol} ({v.lang}): {v.meta.title}" for v in plan.versions],
        "Bagging-Date": bagging_date(plan).isoformat(),
        "Bag-Software-Agent": agent,
        "Bag-Size": human_size(payload_bytes),
        "AKN-Work-IRI": unique(iris(v.meta).work for v in plan.versions),
        "AKN-Expression-IRI": [iris(v.meta).expression for v in plan.versions],
        "Adoption-Date": unique(vs[0].meta.adoption_date.isoformat() for vs in resolutions.values()),
        "Issue-Date": unique(sorted(v.meta.issue_date.isoformat() for v in plan.versions)),
        "Language": unique(sorted(v.lang for v in plan.versions)),
        "Resolution-Count": str(len(resolutions)),
        "Language-Version-Count": str(len(plan.versions)),
    }


def origin(version: Version, kind: Kind, build_dir: str) -> Path:
    """Where unres build left the file of this kind (the source is where it is)."""
    if kind.name == "source":
        return Path(version.source)
    return output_path(build_dir, version.source, kind.name)
