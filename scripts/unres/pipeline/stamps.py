"""What each output was built from, so that unchanged outputs are not rebuilt.

A stamp per source records, for each format, a key made of the tool's
rendering code, the source, the templates and the environment that shapes
the bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..formats import FORMATS
from ..writers.templating import templates_dir
from .paths import output_path, stem_of


STAMP_DIR = ".unres-stamps"


# ---------------------------------------------------------------- inputs' fingerprints
@lru_cache(maxsize=None)
def _tree_hash(root: str) -> str:
    digest = hashlib.sha256()
    base = Path(root)
    if base.is_dir():
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


# Modules that never shape an output: changing them rebuilds nothing.
NOT_OUTPUT_CODE = {"runner.py", "parallel", "cli.py", "akn_import.py", "lint.py", "verify", "package",
                   "__pycache__"}


def _shapes_outputs(rel: Path) -> bool:
    if NOT_OUTPUT_CODE & set(rel.parts):
        return False
    # The AKN importer writes sources, not outputs.
    return rel.parts[:2] != ("readers", "akn")


@lru_cache(maxsize=None)
def tool_hash() -> str:
    """The tool's version and the code that renders: a changed writer rebuilds everything."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parents[1]
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if path.is_file() and _shapes_outputs(rel):
            digest.update(str(rel).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def format_key(fmt: str, source_digest: str) -> str:
    spec = FORMATS[fmt]
    parts = [tool_hash(), source_digest, fmt, os.environ.get("SOURCE_DATE_EPOCH", ""),
             os.environ.get("UNRES_EMBLEM", "")]
    parts += [_tree_hash(str(templates_dir() / name)) for name in spec.template_dirs]
    for need in spec.needs:
        parts.append(format_key(need, source_digest))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _stamp_path(out_dir: str, source: str) -> Path:
    return Path(out_dir) / STAMP_DIR / (stem_of(source) + ".json")


def stale_formats(source: str, data: bytes, out_dir: str, formats) -> list:
    digest = hashlib.sha256(data).hexdigest()
    try:
        stamp = json.loads(_stamp_path(out_dir, source).read_text())
    except (OSError, ValueError):
        stamp = {}
    stale = []
    for fmt in formats:
        target = output_path(out_dir, source, fmt)
        if stamp.get(fmt) != format_key(fmt, digest) or not target.exists():
            stale.append(fmt)
    return stale
