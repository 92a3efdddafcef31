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
    files = {}
    skipped = {fmt: why for fmt in DEFAULT_FORMATS if (why := unreadable(fmt, res))}
    for fmt in DEFAULT_FORMATS:
        path = Path(build_dir) / (stem + FORMATS[fmt].suffix)
        if fmt in skipped:
            continue
        if path.is_file():
            files[fmt] = (path, path)
        else:
            lines.append(f"{path}: missing (run `unres build {source} -o {build_dir}`)")
    lines += differences(want, files)
    return lines, _summary(stem, want, skipped)


def unreadable(fmt: str, res) -> str | None:
    """Why this checker cannot read ``fmt`` for ``res``, or None when it can."""
    from ..presentation import present

    if fmt == "pdf" and present(res).dir == "rtl":
        return "the PDF reader does not yet read right-to-left text"
    return None


def differences(want, files: dict) -> list:
    """What each file says that the model does not: ``files`` maps a format to
    ``(path to read, path to name in the report)``. Each format is compared with
    the model, so outputs that each agree with it agree with each other."""
    lines = []
    for fmt, (path, label) in files.items():
        try:
            got = EXTRACTORS[fmt](path)
        except Exception as exc:   # a damaged file is a finding, not a crash
            lines.append(f"{label}: cannot be read as {fmt.upper()}: {type(exc).__name__}: {exc}")
            continue
        got.label = str(label)
        lines.extend(compare(want, got))
    return lines


def _summary(stem: str, fp, skipped=None) -> str:
    preamble = len(fp.section("preamble"))
    operative = [i for i in fp.section("operative") if i.kind == "paragraph"]
    points = [i for i in fp.section("operative") if i.kind == "point"]
    notes = len(fp.notes)
    read = len(DEFAULT_FORMATS) - len(skipped or ())
    parts = [f"{read} formats", f"{preamble} preambular", f"{len(operative)} operative"]
    if points:
        parts.append(f"{len(points)} sub-paragraph{'s' if len(points) != 1 else ''}")
    parts.append(f"{notes} footnote{'s' if notes != 1 else ''}")
    if fp.vote and fp.vote.kind == "recorded":
        parts.append(f"{sum(fp.vote.totals)} votes")
    else:
        parts.append("adopted without a vote")
    note = "".join(f" ({fmt.upper()} not read: {why})" for fmt, why in (skipped or {}).items())
    return f"{stem}: {', '.join(parts)}: consistent{note}"


def _verify_one(source: str, build_dir: str) -> tuple:
    """Plain data for one source, so it crosses process boundaries: (source, lines, summary, errors, code)."""
    try:
        lines, summary = verify_source(source, build_dir)
    except UnresError as exc:
        return source, [], "", [str(d) for d in exc.diagnostics], exc.exit_code
    return source, lines, summary, [], EXIT_OK


def verify_main(sources, build_dir: str, jobs: int = 1) -> int:
    """Verify every source; with several sources and jobs, in the warm worker pool.
    Reports come out in the order the sources were given."""
    args = [(source, build_dir) for source in sources]
    if jobs > 1 and len(sources) > 1:
        from ..runner import parallel_map
        results = list(parallel_map(_verify_one, args, jobs,
                                    preload=["unres.check.verify", "unres.readers.markdown", "pypdfium2", "docx"]))
    else:
        results = [_verify_one(*a) for a in args]
    order = {source: i for i, source in enumerate(sources)}
    worst = EXIT_OK
    for source, lines, summary, errors, code in sorted(results, key=lambda r: order[r[0]]):
        if errors:
            for line in errors:
                print(line, file=sys.stderr)
            worst = max(worst, code)
            continue
        if lines:
            for line in lines:
                print(line)
            worst = max(worst, EXIT_FINDINGS)
        else:
            print(summary)
    return worst
