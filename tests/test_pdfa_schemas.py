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


def test_the_memo_is_in_place_for_the_pinned_pikepdf():
    from pikepdf.pdfa import _schemas

    assert pdfa_schemas.install(), f"pikepdf {pikepdf.__version__} is not the one verify/pdfa_schemas.py knows"
    assert _schemas.SchemaSet.check.stock.__qualname__ == "SchemaSet.check"
    # pikepdf's schemas cannot tell one reference from another, so references key alike
    for flavour in ("1b", "2b", "3b"):
        assert pdfa_schemas._audit(_schemas.SchemaSet.for_flavour(flavour)), flavour


@pytest.mark.parametrize("schema", [
    {"uniqueItems": True},
    {"pattern": "^1"},
    {"const": "12 0 R"},
    {"enum": ["/A", "3 0 R"]},
    {"format": "uri"},
    {"maxLength": 8},
    {"properties": {"/P": {"items": {"pattern": "0 R$"}}}},
    {"anyOf": [{"type": "string"}, {"minLength": 5}]},
])
def test_a_schema_that_can_tell_references_apart_keys_them_exactly(schema):
    assert not pdfa_schemas.refs_interchangeable(schema)
    assert pdfa_schemas.refs_interchangeable({"type": "string", "pattern": "^[0-9]+ [0-9]+ R$",
                                              "enum": ["/L2R", "/R2L"]})


def test_shapes_are_equal_only_for_the_same_json():
    shape = pdfa_schemas.shape
    distinct = [1, 1.0, True, 0, 0.0, -0.0, False, None, "1", "/1", [1], {"/A": 1}, {"/A": 1.0},
                [1, 2], [2, 1], "12 0 R", "13 0 R"]
    keys = [shape(value) for value in distinct]
    assert len(set(keys)) == len(distinct)
    assert shape(["12 0 R", "/XYZ"], True) == shape(["13 0 R", "/XYZ"], True)
    assert shape(["12 0 R", "/XYZ"], True) != shape(["u:12 0 R", "/XYZ"], True)
    # Key order is kept: the same dictionary written in another order is only a miss.
    assert shape({"/A": 1, "/B": 2}) != shape({"/B": 2, "/A": 1})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([0.0, -0.0, 1.0, 0.5, 1e300])
    | st.sampled_from(["/A", "u:x", "b:00", "1 0 R", "2 0 R", "12 0 R", "R", "1 0 Rx"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["/A", "/B", "/C"]), inner,
                                                               max_size=3),
    max_leaves=8)


def _strictly_equal(a, b, refs_alike: bool) -> bool:
    if refs_alike and all(isinstance(v, str) and pdfa_schemas._REFERENCE.fullmatch(v) for v in (a, b)):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_strictly_equal(a[k], b[k], refs_alike) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_strictly_equal(x, y, refs_alike) for x, y in zip(a, b))
    if isinstance(a, float):
        return repr(a) == repr(b)
    return a == b


@settings(max_examples=400, deadline=None)
@given(json_values, json_values, st.booleans())
def test_two_values_share_a_shape_only_when_they_are_the_same_json(a, b, refs_alike):
    shape = pdfa_schemas.shape
    assert (shape(a, refs_alike) == shape(b, refs_alike)) == _strictly_equal(a, b, refs_alike)


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


def _swap_destination_page(doc):
    # A link's destination pointing at another page: a reference for a reference, still valid.
    pages = list(doc.pages)
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Array) and len(obj) > 1 and obj[1] == "/XYZ":
            obj[0] = pages[-1].obj
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and isinstance(obj.get("/D"), pikepdf.Array):
            obj.D[0] = pages[-1].obj


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
    new = data.draw(json_values | st.sampled_from(["5 0 R", "99999 0 R", 0, 1, 2, -1, 90, 0.5, 1e9, True]))
    varied = _replaced(shallow, path, new)
    assert _verdict(memo, role, varied) == _verdict(stock, role, varied)
