"""The private parts of pikepdf's PDF/A validator that pdfa_glyphs, pdfa_outlines, pdfa_schemas and
pdfa_walk replace, for the one pikepdf those were written against (pinned in pyproject.toml). Another
version is left alone: its validator is correct, only slower, and tests/test_pdfa*.py, which
check that each replacement is in place, fail."""
from __future__ import annotations

import functools
import importlib

PIKEPDF_VERSION = "10.18.0"


def pinned_parts(*names: str) -> tuple | None:
    """The modules ``pikepdf.pdfa.<name>``, or None where pikepdf is absent or another version."""
    try:
        import pikepdf

        parts = tuple(importlib.import_module(f"pikepdf.pdfa.{name}") for name in names)
    except ImportError:
        return None
    return parts if pikepdf.__version__ == PIKEPDF_VERSION else None


def installs_once(install):
    """``install`` runs until it puts its replacement in place (returns True), then never again:
    a second replacement would wrap the first."""
    done = False

    @functools.wraps(install)
    def once() -> bool:
        nonlocal done
        if not done:
            done = install()
        return done
    return once
