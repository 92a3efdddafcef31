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

A string or a number is keyed by what the schemas can see of it, when the schema set (audited
once, ``keying``) uses no keyword but those this module knows. jsonschema looks at a string
only through ``pattern`` (``re.search``) and through equality with ``const`` and ``enum``
values, and at a number only through its type, the bounds, ``multipleOf`` and that equality. So
a string that equals some constant of the schemas is keyed as itself, any other by whether each
of their patterns finds it; a number by its type and the outcome of every one of those
comparisons. Two values with one key pass and fail every schema alike: a link's rectangle, its
URI, the page a destination names (a reference, ``"12 0 R"``, is a string to the schemas),
which differ in every link, key alike; a value on the other side of a bound or a pattern is a
new key, checked in full. A keyword the audit does not know (``uniqueItems``, ``format``,
``maxLength``…) or a bound that is not a plain number keys every value exactly. Dictionary keys
are always kept as they are.

The check is wrapped in pikepdf's class ``SchemaSet``, a private part of pikepdf: only for the
version this was written against (``pikepdf_pinned.PIKEPDF_VERSION``, pinned in pyproject.toml) and only if
``check`` is pikepdf's own. Otherwise pikepdf is left alone (correct, only slower), and
tests/test_pdfa.py, which checks that the memo is in place, that it gives pikepdf's verdicts and
that damaged objects are still found, fails.
"""
from __future__ import annotations

import re

from .pikepdf_pinned import installs_once, pinned_parts

# A bound on the shapes remembered, so a long-running process does not grow without end: a
# build meets a few hundred passing shapes in its first document, a few dozen new ones after.
MAX_REMEMBERED = 50_000

# Keywords whose verdicts ``keying`` accounts for: those that look at no string and no number
# (the rest), ``pattern``, ``const``/``enum``, ``type``, the bounds and ``multipleOf``.
_KEYWORDS = frozenset({
    "$comment", "$defs", "$ref", "$schema", "$id", "type", "const", "enum", "pattern",
    "properties", "additionalProperties", "unevaluatedProperties", "required",
    "items", "prefixItems", "contains", "minItems", "maxItems",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
})
_SUBSCHEMA = ("additionalProperties", "unevaluatedProperties", "items", "contains", "not",
              "if", "then", "else")
_SUBSCHEMAS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "$defs")

@installs_once
def install() -> bool:
    """Wrap pikepdf's role-schema check with the memo; True when it is in place."""
    parts = pinned_parts("_schemas")
    if parts is None:
        return False
    (_schemas,) = parts
    schema_set = getattr(_schemas, "SchemaSet", None)
    stock = getattr(schema_set, "check", None)
    if stock is None or getattr(stock, "stock", None) is not None:
        return False
    schema_set.check = _remembering(stock)
    return True


def _remembering(stock):
    def check(schemas, role, shallow, ctx, where) -> bool:
        memo = schemas.__dict__.get("_unres_memo")
        if memo is None:
            memo = schemas.__dict__["_unres_memo"] = (set(), _audit(schemas))
        passed, keys = memo
        try:
            key = (role, shape(shallow, keys))
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


def _audit(schemas) -> "Keying":
    """How this schema set's documents let values be keyed (exactly, if they cannot be read)."""
    try:
        from pikepdf.pdfa import _schemas

        documents = [_schemas._load_schema(_schemas.COMMON), _schemas._load_schema(schemas._flavour_file)]
    except Exception:   # laid out otherwise: key every value exactly
        return EXACT
    return keying(documents)


class Keying:
    """Which values ``shape`` keys alike: with ``strings`` (the schemas' patterns and string
    constants), every two strings equal to no constant that each pattern finds or misses alike;
    with ``numbers`` (their bounds, divisors and numeric constants), every two numbers of one
    type that every comparison with those treats alike. None keys those values exactly."""

    def __init__(self, strings: tuple | None, numbers: tuple | None):
        self.strings, self.numbers = strings, numbers
        if strings is not None:
            patterns, self._constants = strings
            self._patterns = tuple(re.compile(pattern) for pattern in patterns)

        # Keys already worked out, by value (and type: 1 == 1.0 but is keyed apart; -0.0 == 0.0
        # and every comparison treats them alike).
        self._known: dict = {}

    def string(self, value):
        key = self._known.get(value)
        if key is None:
            key = self._remember(value, self._string(value))
        return key

    def number(self, value):
        key = self._known.get((type(value), value))
        if key is None:
            key = self._remember((type(value), value), self._number(value))
        return key

    def _remember(self, value, key):
        if len(self._known) >= MAX_REMEMBERED:
            self._known.clear()
        self._known[value] = key
        return key

    def _string(self, value):
        if value in self._constants:
            return value
        return (_STRING, tuple(pattern.search(value) is not None for pattern in self._patterns))

    def _number(self, value):
        # jsonschema fails minimum when value < bound, maximum when value > bound, the
        # exclusive ones on <= and >=, multipleOf (an integer divisor) when value % divisor is
        # not zero, const and enum on value != constant; "integer" takes a float that is whole.
        minimums, maximums, above, below, divisors, constants = self.numbers
        return (_NUMBER, type(value), type(value) is float and value.is_integer(),
                tuple(value < bound for bound in minimums), tuple(value > bound for bound in maximums),
                tuple(value <= bound for bound in above), tuple(value >= bound for bound in below),
                tuple(bool(value % divisor) for divisor in divisors),
                tuple(value == constant for constant in constants))


EXACT = Keying(None, None)
_NUMBER, _STRING = object(), object()
_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def keying(documents) -> Keying:
    """The ``Keying`` the JSON Schema ``documents`` allow: strings by the patterns and string
    constants they hold, numbers by the comparisons they make when those are all plain bounds,
    whole positive divisors and constants. A keyword not known keys every value exactly."""
    found = {"numbers": True, "pattern": set(), "strings": set(), "multipleOf": set(), "constants": set(),
             **{bound: set() for bound in _BOUNDS}}
    if not all(_audit_schema(document, found) for document in documents):
        return EXACT
    numbers = None
    if found["numbers"]:
        numbers = tuple(tuple(sorted(found[name])) for name in (*_BOUNDS, "multipleOf", "constants"))
    return Keying((tuple(sorted(found["pattern"])), frozenset(found["strings"])), numbers)


def _is_number(value) -> bool:
    return type(value) in (int, float)


def _audit_schema(schema, found) -> bool:
    """Walk ``schema``, noting in ``found`` what it compares strings and numbers with; False
    when it uses a keyword this module does not know."""
    if isinstance(schema, bool):
        return True
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword.startswith("x-"):
            continue
        if keyword not in _KEYWORDS:
            return False
        if keyword == "pattern":
            if not isinstance(value, str):
                return False
            found["pattern"].add(value)
        elif keyword in ("const", "enum"):
            values = value if keyword == "enum" else [value]
            if not isinstance(values, list):
                return False
            for constant in _leaves(values):
                if isinstance(constant, str):
                    found["strings"].add(constant)
                elif _is_number(constant):
                    found["constants"].add(constant)
        elif keyword in _BOUNDS:
            if _is_number(value):
                found[keyword].add(value)
            else:
                found["numbers"] = False
        elif keyword == "multipleOf":
            if type(value) is int and value > 0:
                found[keyword].add(value)
            else:
                found["numbers"] = False
        elif keyword in _SCHEMA_MAPS:
            if not isinstance(value, dict) or not all(_audit_schema(v, found) for v in value.values()):
                return False
        elif keyword in _SUBSCHEMA:
            if not _audit_schema(value, found):
                return False
        elif keyword in _SUBSCHEMAS:
            if not isinstance(value, list) or not all(_audit_schema(v, found) for v in value):
                return False
    return True


def _leaves(value):
    # const and enum compare lists and dictionaries item by item (jsonschema's ``equal``)
    if isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    else:
        yield value


def shape(value, keys: Keying = EXACT):
    """``value`` (a shallow JSON value: dict, list, str, int, float, bool or None) as a hashable
    key: equal for the same JSON (each number and boolean tagged with its type, a float by its
    repr so ``-0.0`` is not ``0.0``, dictionaries in their own key order), and for values that
    differ only in strings or numbers ``keys`` keys alike."""
    kind = type(value)
    if kind is str:
        return value if keys.strings is None else keys.string(value)
    if value is None:
        return None
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise _Unshaped("dict key")
        return (dict, tuple((key, shape(item, keys)) for key, item in value.items()))
    if kind is list:
        return (list, tuple(shape(item, keys) for item in value))
    if kind is float or kind is int:
        if keys.numbers is not None:
            return keys.number(value)
        return (float, repr(value)) if kind is float else (int, value)
    if kind is bool:
        return (bool, value)
    # Not a JSON value pikepdf makes: checked in full, never remembered.
    raise _Unshaped(kind.__name__)


class _Unshaped(TypeError):
    """A value ``shape`` has no key for."""
