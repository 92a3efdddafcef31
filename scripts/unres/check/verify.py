"""``unres verify``: read the built outputs back and prove they say what the source says."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import EXIT_FINDINGS, EXIT_OK, UnresError
from ..formats import DEFAULT_FORMATS, FORMATS
from .compare import compare
from .extract import EXTRACTORS, from_model


def verify_source(source: str, build_dir: str) -> tuple:
    """``(differences, summary)`` for one source; no differences means consistent."""
    from ..readers.markdown import read_source

    res = read_source(source)
    stem = Path(source).name.removesuffix(".md")
    want = from_model(res, source)
    lines = []
    for fmt in DEFAULT_FORMATS:
        path = Path(build_dir) / (stem + FORMATS[fmt].suffix)
        if not path.is_file():
            lines.append(f"{path}: missing (run `unres build {source} -o {build_dir}`)")
            continue
        try:
            got = EXTRACTORS[fmt](path)
        except Exception as exc:   # a damaged file is a finding, not a crash
            lines.append(f"{path}: cannot be read as {fmt.upper()}: {type(exc).__name__}: {exc}")
            continue
        got.label = str(path)
        lines.extend(compare(want, got))
    return lines, _summary(stem, want)


def _summary(stem: str, fp) -> str:
    preamble = len(fp.section("preamble"))
    operative = [i for i in fp.section("operative") if i.kind == "paragraph"]
    points = [i for i in fp.section("operative") if i.kind == "point"]
    notes = len(fp.notes)
    parts = [f"{len(DEFAULT_FORMATS)} formats", f"{preamble} preambular", f"{len(operative)} operative"]
    if points:
        parts.append(f"{len(points)} sub-paragraph{'s' if len(points) != 1 else ''}")
    parts.append(f"{notes} footnote{'s' if notes != 1 else ''}")
    if fp.vote and fp.vote.kind == "recorded":
        parts.append(f"{sum(fp.vote.totals)} votes")
    else:
        parts.append("adopted without a vote")
    return f"{stem}: {', '.join(parts)}: consistent"


def verify_main(sources, build_dir: str) -> int:
    worst = EXIT_OK
    for source in sources:
        try:
            lines, summary = verify_source(source, build_dir)
        except UnresError as exc:
            for diag in exc.diagnostics:
                print(diag, file=sys.stderr)
            worst = max(worst, exc.exit_code)
            continue
        if lines:
            for line in lines:
                print(line)
            worst = max(worst, EXIT_FINDINGS)
        else:
            print(summary)
    return worst
