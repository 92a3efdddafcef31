"""Two separate processes build the same bytes.

Rendering twice in one process cannot see what differs between processes: hash
seeds, the order in which modules and fonts are first loaded, a cache filled by
the first document, a PDF laid out in a forked process or in a pool's worker.
Each build here runs in a process of its own, one source at a time in one and
all the sources at once in the other, and every output is compared byte for byte.
"""
from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT, build_ok

SOURCES = sorted((ROOT / "source").glob("*.md"))


def _arabic(tmp_path: Path) -> Path:
    """38/3 with its front matter in Arabic: right-to-left pages and another font."""
    text = (ROOT / "source" / "A_HRC_RES_38_3.md").read_text(encoding="utf-8")
    text = text.replace("\nlanguage: English\n", "\nlanguage: Arabic\n").replace(
        "\nmeeting: 37th meeting\n", "\nmeeting: 37\n")
    path = tmp_path / "A_HRC_RES_38_3_ar.md"
    path.write_text(text, encoding="utf-8")
    return path


def _build(sources, out: Path, seed: str, jobs: str) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", PYTHONHASHSEED=seed)
    env.pop("UNRES_EMBLEM", None)
    build_ok(sources, out, "-j", jobs, env=env)


def _outputs(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_two_processes_build_the_same_bytes(tmp_path):
    sources = SOURCES + [_arabic(tmp_path)]
    one_by_one = tmp_path / "one-by-one"
    for source in sources:
        # Alone, with a core to spare: the PDF is laid out in a forked process.
        _build([source], one_by_one, seed="1", jobs="2")
    together = tmp_path / "together"
    _build(sources, together, seed="2", jobs="2")     # all at once: the pool's workers

    first, second = _outputs(one_by_one), _outputs(together)
    assert len(first) == 4 * len(sources)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"not the same bytes from two processes: {differ}"
