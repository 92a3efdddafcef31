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
