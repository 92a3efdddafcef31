"""The PDF/A validator's walk without repeated work (verify/pdfa_walk.py, and the record of codes
already shown in verify/pdfa_glyphs.py): in place for the pinned pikepdf, and finding what
pikepdf's own code finds, with the same record of the codes each font shows, on our PDFs and on
generated damage to their text (fonts set again, switched, dropped or missing, rendering modes
changed between arrays, codes the font lacks) and to their associated files."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from test_pdfa import _recorded
from unres.cli import main as unres_main
from unres.verify import pdfa_glyphs, pdfa_walk

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "source").glob("*.md"))   # one per organ
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("pdfa-walk")
    assert unres_main(["build", *map(str, SOURCES), "-o", str(out), "--force", "-q", "-f", "pdf"]) == 0
    return {source.stem: (out / f"{source.stem}.pdf").read_bytes() for source in SOURCES}


def _stock_context(patch) -> None:
    """pikepdf's own handlers and search in place of ours, for the rest of ``patch``."""
    from pikepdf.pdfa import _content, _cos, _embedded

    assert pdfa_walk.install() and pdfa_glyphs.install()
    patch.setattr(_cos._ObjectChecker, "check", _cos._ObjectChecker.check.stock)
    patch.setitem(_content._HANDLERS, "Tf", _content._HANDLERS["Tf"].stock)
    patch.setitem(_content._HANDLERS, "TJ", _content._HANDLERS["TJ"].stock)
    patch.setattr(_embedded, "associated_file_objgens", _embedded.associated_file_objgens.stock)


def _both(data: bytes) -> tuple:
    """What the validator finds and records with our walk, and with pikepdf's own."""
    with pytest.MonkeyPatch.context() as patch:
        ours = _recorded(data, patch)
    with pytest.MonkeyPatch.context() as patch:
        _stock_context(patch)
        theirs = _recorded(data, patch)
    return ours, theirs


def test_the_walk_is_in_place_for_the_pinned_pikepdf():
    from pikepdf.pdfa import _content, _cos, _embedded

    assert pdfa_walk.install(), f"pikepdf {pikepdf.__version__} is not the one verify/pdfa_walk.py knows"
    assert _content._HANDLERS["Tf"].stock is _content._StreamWalk.op_Tf
    assert _cos._ObjectChecker.check.stock.__qualname__ == "_ObjectChecker.check"
    assert _embedded.associated_file_objgens.stock.__module__ == "pikepdf.pdfa._embedded"
    # the validator reaches the search through the module, where it is swapped
    assert "associated_file_objgens(" in Path(_embedded.__file__).read_text()


def test_our_pdfs_pass_and_record_what_pikepdf_records(pdfs):
    for stem, data in pdfs.items():
        ours, theirs = _both(data)
        assert ours == theirs, stem
        assert ours[0] == [] and ours[1], stem


# ---------------------------------------------------------------- damaged text
_TF = re.compile(rb"(/[A-Za-z0-9+#._-]+)(\s+[0-9.]+\s+Tf)")
_TJ = re.compile(rb"\[[^\]]*\]\s*TJ")


def _page_damaged(data: bytes, page: int, edits) -> bytes:
    """The PDF with the content of ``page`` edited: each edit is (kind, which, value) on the
    which-th Tf or TJ operator (modulo their count)."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        obj = doc.pages[page].obj
        names = sorted(str(key).encode() for key in obj.Resources.Font.keys())
        content = obj.Contents.read_bytes()
        tfs = list(_TF.finditer(content))
        tjs = list(_TJ.finditer(content))
        # (start, end, replacement), applied from the end so that positions hold
        changes = {}
        for kind, which, value in edits:
            if kind == "mode" and tjs:
                at = tjs[which % len(tjs)].start()
                changes[(at, at)] = b"%d Tr\n" % (value % 8)
            elif kind == "font" and tfs:
                found = tfs[which % len(tfs)]
                choices = names + [b"/Missing"]
                changes[found.span(1)] = choices[value % len(choices)]
            elif kind == "drop" and tfs:
                changes[tfs[which % len(tfs)].span()] = b""
            elif kind == "code" and tjs:
                found = tjs[which % len(tjs)]
                # a string's first glyph code (a run of glyphs is one string)
                hexes = list(re.finditer(rb"<[0-9A-Fa-f]{4}", content[found.start():found.end()]))
                if hexes:
                    start = found.start() + hexes[value % len(hexes)].start()
                    code = (b"0000", b"7fff", b"0003", b"%04x" % (value % 300))[value % 4]
                    changes[(start, start + 5)] = b"<" + code
        for (start, end), new in sorted(changes.items(), reverse=True):
            if any(s < end and start < e for (s, e) in changes if (s, e) != (start, end)):
                continue   # overlapping edits: keep the later one only
            content = content[:start] + new + content[end:]
        obj.Contents.write(content)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


_EDIT = st.tuples(st.sampled_from(["mode", "font", "drop", "code"]), st.integers(0, 400), st.integers(0, 400))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=st.sampled_from([s.stem for s in SOURCES]), page=st.integers(0, 1),
       edits=st.lists(_EDIT, min_size=1, max_size=6))
def test_damaged_text_is_found_as_pikepdf_finds_it(pdfs, stem, page, edits):
    data = pdfs[stem]
    with pikepdf.open(io.BytesIO(data)) as doc:
        page %= len(doc.pages)
    ours, theirs = _both(_page_damaged(data, page, edits))
    assert ours == theirs


@pytest.mark.parametrize("edits, expected", [
    ([("font", 5, 3)], "Tf /Missing"),                           # a font the resources lack
    ([("code", 2, 1)], "codes select glyphs the font program lacks: 32767"),
    ([("code", 7, 0)], "codes select the .notdef glyph: 0"),
    ([("mode", 3, 3), ("code", 3, 1)], "32767"),                  # shown invisibly: still found
    ([("drop", 0, 0)], "with no current font"),                   # the first text has no font
])
def test_each_damage_is_found(pdfs, edits, expected):
    ours, theirs = _both(_page_damaged(pdfs[SOURCE.stem], 0, edits))
    assert ours == theirs
    assert any(expected in finding for finding in ours[0]), ours[0]


def test_a_code_shown_again_in_another_mode_is_recorded_in_both(pdfs):
    data = _page_damaged(pdfs[SOURCE.stem], 0, [("mode", 4, 3), ("mode", 6, 0)])
    ours, theirs = _both(data)
    assert ours == theirs
    assert any(3 in modes and 0 in modes for _where, usage, _cids in ours[1] for modes in usage.values())


# ---------------------------------------------------------------- associated files
def _af_moved(data: bytes, where: str) -> bytes:
    """The PDF with the catalog's /AF array moved (or removed, ``where="none"``)."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        root = doc.Root
        af = root.AF
        del root["/AF"]
        if where == "page":
            doc.pages[0].obj.AF = af
        elif where == "nested direct":
            root.Extra = pikepdf.Dictionary(Inner=pikepdf.Dictionary(AF=af))
        elif where == "in an array":
            root.Extra = pikepdf.Array([pikepdf.Array([pikepdf.Dictionary(AF=af)])])
        elif where == "indirect array":
            root.AF = doc.make_indirect(pikepdf.Array(list(af)))
        elif where == "indirect dictionary":
            root.Extra = doc.make_indirect(pikepdf.Dictionary(AF=af))
        elif where == "stream dictionary":
            stream = doc.make_stream(b"x")
            stream.AF = af
            root.Extra = stream
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


@pytest.mark.parametrize("where", ["none", "page", "nested direct", "in an array", "indirect array",
                                   "indirect dictionary", "stream dictionary"])
def test_associated_files_are_found_wherever_they_are_listed(pdfs, where):
    ours, theirs = _both(_af_moved(pdfs[SOURCE.stem], where))
    assert ours == theirs
    unlisted = [f for f in ours[0] if "6.8-4" in f]
    assert bool(unlisted) == (where == "none"), ours[0]


def test_a_key_spelled_with_an_escape_is_written_plainly():
    # The prefilter looks for the bytes /AF in qpdf's serialisation: a name spelled /A#46 in a
    # file is the name /AF, and qpdf writes it so.
    parsed = pikepdf.Object.parse(b"<< /A#46 [ 1 2 ] /B << /#41F 2 >> >>")
    assert parsed.unparse().count(b"/AF") == 2


# ---------------------------------------------------------------- the objects' limits
# Values at and beyond every limit of ISO 19005-2 6.1.13, written as a file writes them.
_NUMBERS = st.one_of(
    st.integers(-2**31 - 3, -2**31 + 3), st.integers(2**31 - 3, 2**31 + 3), st.integers(-999, 99999),
    st.builds(lambda whole, part: f"{whole}.{part}", st.integers(0, 10**41), st.integers(0, 10**6)),
    st.builds(lambda zeros, digits: f"-0.{'0' * zeros}{digits}", st.integers(25, 45), st.integers(0, 9999)),
    st.builds(lambda zeros: f"0.{'0' * zeros}", st.integers(28, 45)),
    st.sampled_from(["9223372036854775807", "340300000000000000000000000000000000001.0",
                     "3.403e38", "1E-39", "2147483647.0", "2147483648.0"]))
_NAMES = st.builds(lambda n, escaped: "/" + ("#E9" if escaped else "") + "N" * n,
                   st.integers(120, 130), st.booleans())
_STRINGS = st.one_of(
    st.builds(lambda n: "(" + "s" * n + ")", st.sampled_from([0, 32766, 32767, 32768])),
    st.builds(lambda n: "<" + "41" * n + ">", st.sampled_from([32767, 32768])),
    st.sampled_from(["(/AF)", "(/EF 2147483648)", "(1E9)"]))
_KEYS = st.sampled_from(["/AF", "/EF", "/F", "/Extra", "/A#46", "/#45F"])


def _nested(depth: int, inner: str) -> str:
    return "[" * depth + inner + "]" * depth


_VALUES = st.one_of(
    _NUMBERS.map(str), _NAMES, _STRINGS,
    st.builds(_nested, st.integers(60, 67), _NUMBERS.map(str)),
    st.builds(lambda depth: "<< /D " * depth + "1" + " >>" * depth, st.integers(60, 66)),
    st.builds(lambda key, value: f"<< {key} {value} >>", st.one_of(_KEYS, _NAMES), _NUMBERS.map(str)))


def _with_value(data: bytes, which: int | None, key: str, value: str) -> bytes | None:
    """The PDF with ``value`` (PDF syntax) added under ``key`` to its which-th indirect dictionary
    (None: its first structure element)."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        dictionaries = [o for o in doc.objects
                        if isinstance(o, pikepdf.Dictionary) and o.get("/Type") != "/Catalog"]
        if which is None:
            target = next(o for o in dictionaries if "/S" in o and "/P" in o)
        else:
            target = dictionaries[which % len(dictionaries)]
        try:
            parsed = pikepdf.Object.parse(value.encode())
            if not isinstance(parsed, pikepdf.Object):
                # a number, which pikepdf hands back as a Python number and would write again
                # in its own digits: kept as written, in an array
                parsed = pikepdf.Object.parse(b"[ " + value.encode() + b" ]")
        except pikepdf.PdfError:   # qpdf reads no such value from a file either
            return None
        target[key] = parsed
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(which=st.integers(0, 10_000), key=st.one_of(_KEYS, _NAMES), value=_VALUES)
def test_values_at_and_beyond_the_limits_are_found_as_pikepdf_finds_them(pdfs, which, key, value):
    data = _with_value(pdfs["A_RES_75_40"], which, key, value)
    assume(data is not None)
    ours, theirs = _both(data)
    assert ours == theirs


@pytest.mark.parametrize("value, expected", [
    ("2147483648", "integer 2147483648 is out of range"),
    ("-2147483649", "integer -2147483649 is out of range"),
    ("3500000000000000000000000000000000000000.0", "exceeds"),
    (f"0.{'0' * 38}1", "closer to zero"),
    ("/" + "N" * 128, "name of 128 bytes exceeds 127"),
    ("(" + "s" * 32768 + ")", "string of 32768 bytes exceeds 32767"),
    (_nested(66, "1"), "nested deeper than 64"),
    ("<< /EF << /F 1 >> >>", "embedded files are not supported"),
    ("[ << /AF [ ] >> ]", "associated files (/AF) are not supported"),
])
def test_each_limit_broken_is_found(pdfs, value, expected):
    ours, theirs = _both(_with_value(pdfs["A_RES_75_40"], None, "/Extra", value))
    assert ours == theirs
    assert any(expected in finding for finding in ours[0]), ours[0]


@pytest.mark.parametrize("value", ["2147483647", "-2147483648", f"0.{'0' * 36}2", "/" + "N" * 127,
                                   "(" + "s" * 32767 + ")", _nested(64, "1")])
def test_each_limit_reached_passes(pdfs, value):
    ours, theirs = _both(_with_value(pdfs["A_RES_75_40"], None, "/Extra", value))
    assert ours == theirs
    assert not any("6.1.13" in finding or "depth" in finding for finding in ours[0]), ours[0]
