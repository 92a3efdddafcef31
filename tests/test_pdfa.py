"""PDF/A: every PDF we build passes pikepdf's PDF/A-3b validator, and `unres verify` says
when a PDF does not."""
from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest

from unres.verify.pdfa import pdfa_findings
from unres.verify.command import verify_source
from unres.cli import main as unres_main

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
STEM = "A_HRC_RES_38_3"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdfa-build")
    assert unres_main(["build", str(SOURCE), "-o", str(out), "--force", "-q"]) == 0
    return out


def test_built_pdf_passes_the_validator(built):
    assert pdfa_findings(built / f"{STEM}.pdf") == []


def test_no_empty_pattern_or_shading_dictionaries(built):
    # WeasyPrint writes them into every resource dictionary; the validator cannot approve them.
    with pikepdf.open(built / f"{STEM}.pdf") as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/Font" in obj:
                assert "/Pattern" not in obj and "/Shading" not in obj


def _copy(built, tmp_path) -> Path:
    for suffix in (".pdf", ".docx", ".html", ".akn.xml"):
        shutil.copy(built / (STEM + suffix), tmp_path / (STEM + suffix))
    return tmp_path / f"{STEM}.pdf"


def test_verify_reports_a_pdf_that_fails_the_validator(built, tmp_path):
    path = _copy(built, tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["pdfaid:conformance"] = "U"
        doc.save(path)
    lines, _ = verify_source(str(SOURCE), str(tmp_path))
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: not PDF/A-3b: [violation] ISO_19005_3:6.6.4-3 ")
    assert "pdfaid:conformance is 'U', expected 'B'" in lines[0]


def test_verify_reports_a_construct_the_validator_cannot_approve(built, tmp_path):
    path = _copy(built, tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        doc.pages[0].Resources.Shading = pikepdf.Dictionary()
        doc.save(path)
    lines, _ = verify_source(str(SOURCE), str(tmp_path))
    assert len(lines) == 1 and "/Shading: shadings are not supported" in lines[0], lines


# ---------------------------------------------------------------- the validator's glyph record
# verify/pdfa_glyphs.py records the codes of a whole TJ array in one step, in place of pikepdf's
# handler that goes item by item; these prove it is in place for the pinned pikepdf, that it
# records what pikepdf's own handler records, and that the validator still refuses a PDF whose
# text shows a code it should not.

def _shown_text_damaged(built, tmp_path, old_to_new) -> bytes:
    """The built PDF with the first hexadecimal string of the first TJ array of page 1 rewritten."""
    import io
    import re

    with pikepdf.open(built / f"{STEM}.pdf") as doc:
        stream = doc.pages[0].obj.Contents
        data = stream.read_bytes()
        shown = re.search(rb"\[[^\]]*?<([0-9a-fA-F]{4,})>[^\]]*\]\s*TJ", data)
        start, end = shown.span(1)
        stream.write(data[:start - 1] + old_to_new(data[start - 1:end + 1]) + data[end + 1:])
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


_DAMAGES = {
    "a code the font has no glyph for": (lambda s: b"<7fff>", "codes select glyphs the font program lacks: 32767"),
    "the .notdef glyph": (lambda s: b"<0000>", "codes select the .notdef glyph: 0"),
    "a string of odd length": (lambda s: s[:-1] + b"00>", "has an odd length"),
    "an item neither string nor number": (lambda s: b"/Bad", "TJ array item"),
}


@pytest.mark.parametrize("damage", list(_DAMAGES))
def test_the_validator_still_refuses_text_that_shows_a_bad_code(built, tmp_path, damage):
    change, expected = _DAMAGES[damage]
    findings = pdfa_findings(_shown_text_damaged(built, tmp_path, change))
    assert len(findings) == 1 and expected in findings[0], findings


def test_the_array_handler_is_in_place_for_the_pinned_pikepdf():
    from pikepdf.pdfa import _content

    from unres.verify import pdfa_glyphs

    assert pdfa_glyphs.install(), f"pikepdf {pikepdf.__version__} is not the one verify/pdfa_glyphs.py knows"
    assert _content._HANDLERS["TJ"].stock is _content._StreamWalk.text_showing


def _recorded(data: bytes, monkeypatch) -> tuple:
    """The findings and, font by font, the codes shown with their rendering modes and CIDs."""
    from pikepdf.pdfa import _fonts

    fonts, finalize = [], _fonts.FontInfo.finalize

    def recording(info, ctx):
        fonts.append((info.where, {code: set(modes) for code, modes in info.usage.items()}, dict(info.cid_of)))
        return finalize(info, ctx)

    monkeypatch.setattr(_fonts.FontInfo, "finalize", recording)
    return pdfa_findings(data), fonts


def test_the_array_handler_records_what_pikepdfs_own_handler_records(built, tmp_path, monkeypatch):
    from pikepdf.pdfa import _content

    from unres.verify import pdfa_glyphs

    assert pdfa_glyphs.install()
    samples = [(built / f"{STEM}.pdf").read_bytes()] + [
        _shown_text_damaged(built, tmp_path, change) for change, _expected in _DAMAGES.values()]
    for data in samples:
        with monkeypatch.context() as patch:
            ours = _recorded(data, patch)
        with monkeypatch.context() as patch:
            patch.setitem(_content._HANDLERS, "TJ", _content._StreamWalk.text_showing)
            theirs = _recorded(data, patch)
        assert ours == theirs and ours[1]
