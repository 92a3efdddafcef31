"""The PDF/A validator's role-schema checks, each object shape checked once per process.

pikepdf's validator (``pikepdf.pdfa``) checks every object it reaches against the JSON Schema
of its role (``SchemaSet.check``: jsonschema, in Python, following ``$ref`` through the
schema registry on every call). That was a quarter of the validator's CPU on our PDFs, and most
of it is the same check again: our PDFs share their colour spaces, graphics states, fonts,
CID-to-GID maps and transparency groups, and their destinations, pages and resources differ
only in the objects they point to.

A role's verdict is a function of the role's schema and the object's shallow JSON alone (the
schema set is pikepdf's, loaded once per flavour; a check reads nothing else, and reports
nothing when it passes). So a check that passed is remembered, keyed on the role and the
object's shallow JSON, every value tagged with its type (``1``, ``1.0`` and ``True`` are three
keys); the same shape met again passes without jsonschema. A check that fails is never
remembered: it runs in full every time, so every finding is reported as pikepdf reports it.

An indirect reference (``"12 0 R"`` in the shallow JSON) is keyed as "a reference", whatever
object it names, but only when the schemas cannot tell one reference from another: the schema
set is audited once (``refs_interchangeable``) and must use no keyword but those whose verdict
on a string depends only on the string's class (``pattern``, only patterns known to match every
reference or none; ``const`` and ``enum``, with no value shaped like a reference; no
``uniqueItems``, no ``format``, no length bounds). Otherwise references are keyed exactly too.
What a reference points to is still checked where the walker reaches it, under its own role.

The check is wrapped in pikepdf's class ``SchemaSet``, a private part of pikepdf: only for the
version this was written against (``PIKEPDF_VERSION``, pinned in pyproject.toml) and only if
``check`` is pikepdf's own. Otherwise pikepdf is left alone (correct, only slower), and
tests/test_pdfa.py, which checks that the memo is in place, that it gives pikepdf's verdicts and
that damaged objects are still found, fails.
"""
from __future__ import annotations

import re

from .pdfa_glyphs import PIKEPDF_VERSION

# A bound on the shapes remembered, so a long-running process does not grow without end: a
# build meets a few hundred passing shapes in its first document, a few dozen new ones after.
MAX_REMEMBERED = 50_000

# How the shallow JSON writes an indirect reference; no name ("/…") or string ("u:…", "b:…")
# is written so.
_REFERENCE = re.compile(r"[0-9]+ [0-9]+ R")

# Keywords whose verdict on a reference string is the same for every reference: those that
# look at no string (the rest), and ``pattern``/``const``/``enum``, audited value by value.
_KEYWORDS = frozenset({
    "$comment", "$defs", "$ref", "$schema", "$id", "type", "const", "enum", "pattern",
    "properties", "additionalProperties", "unevaluatedProperties", "required",
    "items", "prefixItems", "contains", "minItems", "maxItems",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
})
# Patterns that match every reference ("N G R") or none, read by hand.
_PATTERNS = frozenset({
    r"^[0-9]+ [0-9]+ R$",           # every reference
    r"^/", r"^[ub]:", r"^/1\.[0-4]$", r"^/1\.[0-7]$",
    r"^/[-A-Za-z0-9_+.]+/[-A-Za-z0-9_+.]+$(?!\n)",   # none: each begins with "/" or a letter
})
_SUBSCHEMA = ("additionalProperties", "unevaluatedProperties", "items", "contains", "not",
              "if", "then", "else")
_SUBSCHEMAS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "$defs")

_installed = False


def install() -> bool:
    """Wrap pikepdf's role-schema check with the memo; True when it is in place."""
    global _installed
    if _installed:
        return True
    try:
        import pikepdf
        from pikepdf.pdfa import _schemas
    except ImportError:
        return False
    schema_set = getattr(_schemas, "SchemaSet", None)
    stock = getattr(schema_set, "check", None)
    if (pikepdf.__version__ != PIKEPDF_VERSION or stock is None
            or getattr(stock, "stock", None) is not None):
        return False
    schema_set.check = _remembering(stock)
    _installed = True
    return True


def _remembering(stock):
    def check(schemas, role, shallow, ctx, where) -> bool:
        memo = schemas.__dict__.get("_unres_memo")
        if memo is None:
            memo = schemas.__dict__["_unres_memo"] = (set(), _audit(schemas))
        passed, refs_alike = memo
        try:
            key = (role, shape(shallow, refs_alike))
        except _Unshaped:
            return stock(schemas, role, shallow, ctx, where)
        if key in passed:
            return True
        ok = stock(schemas, role, shallow, ctx, where)
        if ok:
            if len(passed) >= MAX_REMEMBERED:
                passed.clear()
            passed.add(key)
        return ok
    check.stock = stock
    return check


def _audit(schemas) -> bool:
    """Whether this schema set's documents let references be keyed alike."""
    try:
        from pikepdf.pdfa import _schemas

        documents = [_schemas._load_schema(_schemas.COMMON), _schemas._load_schema(schemas._flavour_file)]
    except Exception:   # laid out otherwise: key references exactly
        return False
    return all(refs_interchangeable(document) for document in documents)


def refs_interchangeable(schema) -> bool:
    """True when no part of the JSON Schema ``schema`` can tell one reference string from
    another: only known keywords (annotations, ``x-…``, aside), only known patterns, no
    ``const``/``enum`` value shaped like a reference."""
    if isinstance(schema, bool):
        return True
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword.startswith("x-"):
            continue
        if keyword not in _KEYWORDS:
            return False
        if keyword == "pattern" and value not in _PATTERNS:
            return False
        if keyword in ("const", "enum"):
            values = value if keyword == "enum" else [value]
            if not isinstance(values, list) or any(_looks_like_reference(v) for v in values):
                return False
        if keyword in _SCHEMA_MAPS:
            if not isinstance(value, dict) or not all(refs_interchangeable(v) for v in value.values()):
                return False
        elif keyword in _SUBSCHEMA:
            if not refs_interchangeable(value):
                return False
        elif keyword in _SUBSCHEMAS:
            if not isinstance(value, list) or not all(refs_interchangeable(v) for v in value):
                return False
    return True


def _looks_like_reference(value) -> bool:
    # const and enum compare by equality: only a string that is a reference equals one.
    if isinstance(value, str):
        return _REFERENCE.fullmatch(value) is not None
    if isinstance(value, list):
        return any(_looks_like_reference(v) for v in value)
    if isinstance(value, dict):
        return any(_looks_like_reference(v) for v in value.values())
    return False


_A_REFERENCE = ("reference",)


def shape(value, refs_alike: bool = False):
    """``value`` (a shallow JSON value: dict, list, str, int, float, bool or None) as a hashable
    key that is equal only for the same JSON: each number and boolean tagged with its type, a
    float by its repr (so ``-0.0`` is not ``0.0``), dictionaries in their own key order; with
    ``refs_alike``, every reference one and the same key."""
    kind = type(value)
    if kind is str:
        if refs_alike and value[-1:] == "R" and _REFERENCE.fullmatch(value):
            return _A_REFERENCE
        return value
    if value is None:
        return None
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _Unshaped("dict key")
        return (dict, tuple((key, shape(item, refs_alike)) for key, item in value.items()))
    if kind is list:
        return (list, tuple(shape(item, refs_alike) for item in value))
    if kind is float:
        return (float, repr(value))
    if kind is int or kind is bool:
        return (kind, value)
    # Not a JSON value pikepdf makes: checked in full, never remembered.
    raise _Unshaped(kind.__name__)


class _Unshaped(TypeError):
    """A value ``shape`` has no key for."""
