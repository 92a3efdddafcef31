"""PDF/A conformance of a built PDF, measured by pikepdf's PDF/A validator (``pikepdf.pdfa``).

The validator approves a file only when every construct in it is one it knows to conform
(an allowlist built from the veraPDF rules for PDF/A-1b, 2b and 3b); anything it does not
check is reported, not passed. It checks conformance level B only, which is therefore the
level our PDFs claim.
"""
from __future__ import annotations

FLAVOUR = "3b"


def pdfa_findings(path) -> list:
    """What the validator reports on the PDF at ``path`` (or in these bytes): one line a
    finding, none when it passes."""
    import io

    from pikepdf import pdfa

    from . import pdfa_glyphs, pdfa_outlines, pdfa_schemas, pdfa_walk

    pdfa_glyphs.install()
    pdfa_outlines.install()
    pdfa_schemas.install()
    pdfa_walk.install()
    report = pdfa.validate_written(io.BytesIO(path) if isinstance(path, bytes) else str(path), FLAVOUR)
    return [str(finding) for finding in report.findings]
