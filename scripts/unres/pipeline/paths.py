"""Where a source's outputs are written: one name per source and format."""
from __future__ import annotations

from pathlib import Path

from ..formats import FORMATS


def stem_of(source: str) -> str:
    return Path(source).name.removesuffix(".md")


def output_path(out_dir: str, source: str, fmt: str) -> Path:
    return Path(out_dir) / (stem_of(source) + FORMATS[fmt].suffix)
