"""The PDF/A validator's memo of passing role-schema checks (verify/pdfa_schemas.py): in place
for the pinned pikepdf, keyed so that only the same shape hits, and giving pikepdf's own
findings on our PDFs, on PDFs damaged in objects whose shapes it has remembered, and on
generated variants of every object shape our PDFs hold."""
from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from unres.cli import main as unres_main
from unres.verify import pdfa_schemas
from unres.verify.pdfa import pdfa_findings

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "source").glob("*.md"))   # one per organ


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("pdfa-schemas")
    assert unres_main(["build", *map(str, SOURCES), "-o", str(out), "--force", "-q", "-f", "pdf"]) == 0
    return {source.stem: (out / f"{source.stem}.pdf").read_bytes() for source in SOURCES}


def _stock():
    from pikepdf.pdfa import _schemas

    assert pdfa_schemas.install()
    return _schemas.SchemaSet.check.stock


def _findings_stock(data: bytes, monkeypatch) -> list:
    from pikepdf.pdfa import _schemas

    with monkeypatch.context() as patch:
        patch.setattr(_schemas.SchemaSet, "check", _stock())
        return pdfa_findings(data)


def _keys():
    from pikepdf.pdfa import _schemas

    return pdfa_schemas._audit(_schemas.SchemaSet.for_flavour("3b"))


def test_the_memo_is_in_place_for_the_pinned_pikepdf():
    from pikepdf.pdfa import _schemas

    assert pdfa_schemas.install(), f"pikepdf {pikepdf.__version__} is not the one verify/pdfa_schemas.py knows"
    assert _schemas.SchemaSet.check.stock.__qualname__ == "SchemaSet.check"
    # pikepdf's schemas use only keywords the audit knows, so strings and numbers key by class
    for flavour in ("1b", "2b", "3b"):
        keys = pdfa_schemas._audit(_schemas.SchemaSet.for_flavour(flavour))
        assert keys.strings is not None and keys.numbers is not None, flavour
    keys = _keys()
    assert pdfa_schemas.shape(["12 0 R", "/XYZ", 72, 700.5], keys) == pdfa_schemas.shape(
        ["13 0 R", "/XYZ", 73, 12.25], keys)
    assert pdfa_schemas.shape(["12 0 R", "/XYZ"], keys) != pdfa_schemas.shape(["12 0 R", "/Fit"], keys)


@pytest.mark.parametrize("keyword", [{"uniqueItems": True}, {"format": "uri"}, {"maxLength": 8},
                                     {"propertyNames": {"pattern": "^/"}}, {"pattern": 1}])
def test_a_schema_with_a_keyword_not_audited_keys_every_value_exactly(keyword):
    keys = pdfa_schemas.keying([{"$defs": {"A": {"allOf": [{"type": "string"}, {"items": keyword}]}}}])
    assert keys.strings is None and keys.numbers is None


def test_strings_key_by_every_pattern_and_constant_of_the_schemas():
    keys = pdfa_schemas.keying([{"$defs": {"A": {"items": {"anyOf": [
        {"pattern": "^1[0-2] "}, {"const": "14 0 R"}, {"enum": [["/L2R", "/R2L"]]}]}}}}])
    shape = pdfa_schemas.shape
    assert shape("12 0 R", keys) == shape("11 5 R", keys) != shape("13 0 R", keys) == shape("u:x", keys)
    assert shape("14 0 R", keys) not in (shape("13 0 R", keys), shape("15 0 R", keys))
    assert shape("/L2R", keys) != shape("/R2L", keys) != shape("/T2B", keys)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([0.0, -0.0, 1.0, 0.5, 1e300])
    | st.sampled_from(["/A", "u:x", "b:00", "1 0 R", "2 0 R", "12 0 R", "R", "1 0 Rx"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["/A", "/B", "/C"]), inner,
                                                               max_size=3),
    max_leaves=8)


def _strictly_equal(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_strictly_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_strictly_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


@settings(max_examples=400, deadline=None)
@given(json_values, json_values)
def test_exactly_keyed_values_share_a_shape_only_when_they_are_the_same_json(a, b):
    shape = pdfa_schemas.shape
    assert (shape(a) == shape(b)) == _strictly_equal(a, b)


_STRINGS = st.sampled_from(["12 0 R", "5 0 R", "/XYZ", "/Fit", "/Link", "/L2R", "/1.4", "/1.7", "/1.9",
                            "/text/plain", "/a/b\n", "u:", "u:x", "b:00", "x", "", "/"]) | st.text("/ub:0R 1.", max_size=6)


@settings(max_examples=400, deadline=None)
@given(_STRINGS, _STRINGS)
def test_strings_keyed_alike_pass_and_fail_every_string_check_alike(a, b):
    # pikepdf's schemas' patterns and string constants, each checked on its own by jsonschema
    from jsonschema import Draft202012Validator

    keys = _keys()
    if pdfa_schemas.shape(a, keys) != pdfa_schemas.shape(b, keys):
        return
    patterns, constants = keys.strings
    for check in [{"pattern": p} for p in patterns] + [{"const": c} for c in constants]:
        validator = Draft202012Validator(check)
        assert validator.is_valid(a) == validator.is_valid(b), (check, a, b)


@pytest.mark.parametrize("schema", [{"uniqueItems": True}, {"maximum": "1"}, {"multipleOf": 0.5},
                                    {"format": "uri"}])
def test_a_schema_that_compares_numbers_otherwise_keys_them_exactly(schema):
    assert pdfa_schemas.keying([{"$defs": {"A": {"items": schema}}}]).numbers is None
    assert pdfa_schemas.keying([{"$defs": {"A": {"items": {"maximum": 1}}}}]).numbers is not None


_NUMBERS = (st.integers(-200, 200) | st.integers(-400, 400).map(lambda n: n / 2)
            | st.sampled_from([-0.0, 0.25, 0.75, 1e300, -1e300, 2 ** 70]))


@settings(max_examples=400, deadline=None)
@given(_NUMBERS, _NUMBERS)
def test_numbers_keyed_alike_pass_and_fail_every_numeric_check_alike(a, b):
    # pikepdf's schemas, with each of their numeric keywords checked on its own by jsonschema
    from jsonschema import Draft202012Validator
    from pikepdf.pdfa import _schemas

    keys = pdfa_schemas._audit(_schemas.SchemaSet.for_flavour("3b"))
    assert keys.numbers is not None
    if pdfa_schemas.shape(a, keys) != pdfa_schemas.shape(b, keys):
        return
    assert type(a) is type(b)
    minimums, maximums, above, below, divisors, constants = keys.numbers
    checks = ([{"type": "integer"}, {"type": "number"}] + [{"minimum": m} for m in minimums]
              + [{"maximum": m} for m in maximums] + [{"exclusiveMinimum": m} for m in above]
              + [{"exclusiveMaximum": m} for m in below] + [{"multipleOf": d} for d in divisors]
              + [{"const": c} for c in constants] + [{"enum": list(constants)}])
    for check in checks:
        validator = Draft202012Validator(check)
        assert validator.is_valid(a) == validator.is_valid(b), (check, a, b)


# ---------------------------------------------------------------- whole PDFs, damaged

def _damaged(data: bytes, change) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as doc:
        change(doc)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def _first(doc, test):
    return next(obj for obj in doc.objects if isinstance(obj, pikepdf.Dictionary) and test(obj))


def _link(doc):
    return _first(doc, lambda o: o.get("/Subtype") == "/Link")


def _opacity(doc, value):
    # A graphics state like the page's others, with one number changed: a shape met before
    # but for a value.
    for state in doc.pages[0].Resources.ExtGState.values():
        for key in ("/ca", "/CA"):
            if key in state:
                state[key] = value
                return
    raise AssertionError("no opacity to change")


def _destinations(doc):
    """The destination arrays of the document's Dests name tree."""
    pending, found = [doc.Root.Names.Dests], []
    while pending:
        node = pending.pop()
        pending.extend(node.get("/Kids", []))
        names = node.get("/Names", [])
        found.extend(names[i] for i in range(1, len(names), 2))
    assert found and all(isinstance(dest, pikepdf.Array) for dest in found)
    return found


def _destination_kind(doc, kind):
    _destinations(doc)[0][1] = pikepdf.Name(kind)


def _swap_destination_page(doc):
    # Every destination pointing at another page: a reference for a reference, still valid.
    pages = list(doc.pages)
    for dest in _destinations(doc):
        dest[0] = pages[-1].obj if dest[0].objgen != pages[-1].obj.objgen else pages[0].obj


_DAMAGES = {
    "a page turned by 45 degrees": (lambda d: d.pages[0].obj.__setitem__("/Rotate", 45), True),
    "a link annotation without its print flag": (lambda d: _link(d).__setitem__("/F", 0), True),
    "a link annotation with a key PDF/A does not know": (lambda d: _link(d).__setitem__("/Zzz", 1), True),
    "a graphics state with a transfer function": (
        lambda d: next(iter(d.pages[0].Resources.ExtGState.values())).__setitem__("/TR", pikepdf.Name.Identity),
        True),
    "a font descriptor without flags": (
        lambda d: _first(d, lambda o: o.get("/Type") == "/FontDescriptor").__delitem__("/Flags"), True),
    "a graphics state with an opacity above 1": (lambda d: _opacity(d, 2), True),
    "a graphics state with an opacity of 0": (lambda d: _opacity(d, 0), False),
    "destinations pointing at another page": (_swap_destination_page, False),
    "a destination of a kind PDF does not have": (lambda d: _destination_kind(d, "/XYZW"), True),
}


@pytest.mark.parametrize("damage", list(_DAMAGES))
def test_the_validator_reports_the_same_with_and_without_the_memo(pdfs, damage, monkeypatch):
    change, fails = _DAMAGES[damage]
    for data in pdfs.values():   # the memo has seen every undamaged object of these
        assert pdfa_findings(data) == []
    for stem, data in pdfs.items():
        bad = _damaged(data, change)
        ours, theirs = pdfa_findings(bad), _findings_stock(bad, monkeypatch)
        assert ours == theirs, (stem, damage)
        assert bool(ours) == fails, (stem, damage, ours)


# ---------------------------------------------------------------- every object shape, varied

@pytest.fixture(scope="module")
def checked(pdfs) -> list:
    """Every (role, shallow JSON) pikepdf's validator checks in our PDFs, as it checks them."""
    from pikepdf.pdfa import _schemas

    stock, seen = _stock(), {}

    def recording(schemas, role, shallow, ctx, where):
        seen.setdefault((role, repr(shallow)), (role, shallow))
        return stock(schemas, role, shallow, ctx, where)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_schemas.SchemaSet, "check", recording)
        for data in pdfs.values():
            assert pdfa_findings(data) == []
    return list(seen.values())


def _verdict(check, role, shallow) -> tuple:
    from pikepdf.pdfa._context import ValidationContext
    from pikepdf.pdfa._flavour import Flavour
    from pikepdf.pdfa._report import Report
    from pikepdf.pdfa._schemas import SchemaSet

    flavour = Flavour("3b")
    ctx = ValidationContext(flavour, pikepdf.new(), Report(flavour))
    ok = check(SchemaSet.for_flavour(flavour), role, shallow, ctx, "here")
    return ok, [str(finding) for finding in ctx.report.findings]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _replaced(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {key: (_replaced(item, rest, new) if key == head else item) for key, item in value.items()}
    return [_replaced(item, rest, new) if index == head else item for index, item in enumerate(value)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_varied_object_gets_pikepdfs_own_verdict(checked, data):
    from pikepdf.pdfa import _schemas

    memo = _schemas.SchemaSet.check
    stock = memo.stock
    for role, shallow in checked:         # the memo knows every shape our PDFs hold
        assert _verdict(memo, role, shallow) == (True, [])
    role, shallow = data.draw(st.sampled_from(checked))
    path = data.draw(st.sampled_from(list(_paths(shallow))))
    new = data.draw(json_values | _NUMBERS | st.sampled_from(["5 0 R", "99999 0 R", 3, 4, 8, 16, 1e9, True]))
    varied = _replaced(shallow, path, new)
    assert _verdict(memo, role, varied) == _verdict(stock, role, varied)
