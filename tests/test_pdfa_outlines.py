"""The PDF/A validator's outline check made once per outline (verify/pdfa_outlines.py): in place
for the pinned pikepdf, and finding what pikepdf's own check finds, on our PDFs and on the same
PDFs with the bytes of a glyph the text shows damaged, after the undamaged glyph was read."""
from __future__ import annotations

import io

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, given, settings, strategies as st

from unres.verify import pdfa_outlines
from unres.verify.pdfa import pdfa_findings

from test_pdfa_walk import SOURCES, pdfs  # noqa: F401  (the three organs' PDFs, built once a module)


def _check():
    from pikepdf.pdfa import _fontprogram

    assert pdfa_outlines.install(), f"pikepdf {pikepdf.__version__} is not the one verify/pdfa_outlines.py knows"
    return _fontprogram.TrueTypeProgram.has_gid


def _findings(data: bytes, stock: bool = False) -> list:
    """What the validator finds, with our outline check or with pikepdf's own."""
    from pikepdf.pdfa import _fontprogram

    check = _check()
    with pytest.MonkeyPatch.context() as patch:
        if stock:
            patch.setattr(_fontprogram.TrueTypeProgram, "has_gid", check.stock)
        return pdfa_findings(data)


def _glyphs(data: bytes) -> list:
    """(font's object number, glyph id, numberOfContours) of each glyph with an outline in
    the TrueType fonts the PDF embeds, but .notdef."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
                stream = obj.FontFile2
                font = TTFont(io.BytesIO(stream.read_bytes()), lazy=True)
                glyf = font["glyf"]
                for gid, name in enumerate(font.getGlyphOrder()):
                    raw = getattr(glyf.glyphs[name], "data", b"")
                    if gid and len(raw) >= 2:
                        found.append((stream.objgen[0], gid, int.from_bytes(raw[:2], "big", signed=True)))
    return found


def _glyph_damaged(data: bytes, objnum: int, gid: int, edits) -> bytes:
    """The PDF with the bytes of glyph ``gid`` in the font program (object ``objnum``) edited in
    place, each edit (offset, byte) at an offset modulo the glyph's length: the glyph keeps its
    place and length, so only its outline changes."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        stream = doc.get_object((objnum, 0))
        program = bytearray(stream.read_bytes())
        font = TTFont(io.BytesIO(bytes(program)), lazy=True)
        start = font.reader.tables["glyf"].offset
        loca = font["loca"]
        begin, end = start + loca[gid], start + loca[gid + 1]
        for offset, value in edits:
            program[begin + offset % (end - begin)] = value
        stream.write(bytes(program))
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def test_the_check_is_in_place_for_the_pinned_pikepdf():
    check = _check()
    assert check.stock.__qualname__ == "TrueTypeProgram.has_gid"
    assert check.stock.__module__ == "pikepdf.pdfa._fontprogram"


def test_our_pdfs_pass_and_each_outline_is_read_once(pdfs, monkeypatch):
    check = _check()
    decoded = []

    def counting(program, gid):
        # whether what pikepdf's check is about to decode is a simple glyph's outline
        decoded.append(pdfa_outlines._simple_outline(program, gid) is not None)
        return check.stock(program, gid)

    for data in pdfs.values():
        assert _findings(data) == _findings(data, stock=True) == []
    # A fresh record: the first validations decode each simple glyph's outline, the second ones none.
    from pikepdf.pdfa import _fontprogram
    monkeypatch.setattr(_fontprogram.TrueTypeProgram, "has_gid", pdfa_outlines._read_once(counting))
    for data in pdfs.values():
        assert pdfa_findings(data) == []
    assert any(decoded)
    decoded.clear()
    for data in pdfs.values():
        assert pdfa_findings(data) == []
    assert not any(decoded), "a simple glyph's outline was decoded again"
    assert all(b[0] & 0x80 == 0 for b in _fontprogram.TrueTypeProgram.has_gid.readable)


@pytest.mark.parametrize("stem", [s.stem for s in SOURCES])
def test_a_glyph_whose_outline_cannot_be_read_is_found_after_the_sound_one_was_read(pdfs, stem):
    data = pdfs[stem]
    assert _findings(data) == []          # every outline of the sound PDF is now known readable
    objnum, gid, _contours = next(g for g in _glyphs(data) if g[2] > 0)
    # numberOfContours 0x7fff: more contours than the glyph has bytes for
    damaged = _glyph_damaged(data, objnum, gid, [(0, 0x7F), (1, 0xFF)])
    ours = _findings(damaged)
    assert ours == _findings(damaged, stock=True)
    assert len(ours) == 1 and "codes select glyphs the font program lacks" in ours[0], ours


_EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=st.sampled_from([s.stem for s in SOURCES]), which=st.integers(0, 10_000), edits=_EDITS)
def test_damaged_outlines_are_found_as_pikepdf_finds_them(pdfs, stem, which, edits):
    data = pdfs[stem]
    _findings(data)
    glyphs = _glyphs(data)
    objnum, gid, _contours = glyphs[which % len(glyphs)]
    damaged = _glyph_damaged(data, objnum, gid, edits)
    assert _findings(damaged) == _findings(damaged, stock=True)
