"""``unres verify``: read the built outputs back and prove they say what the source says."""
from __future__ import annotations

import sys

from ..errors import EXIT_FINDINGS, EXIT_MISSING, EXIT_OK, UnresError
from ..formats import DEFAULT_FORMATS, FORMATS
from ..pipeline.paths import output_path, stem_of
from .attached import attachment_differences
from .compare import Finding, compare
from .expected import from_model
from .pdfa import FLAVOUR, pdfa_findings


def verify_source(source: str, build_dir: str, formats=DEFAULT_FORMATS) -> tuple:
    """``(lines, summary)`` for one source: no line means consistent."""
    missing, lines, summary, _read = verify_report(source, build_dir, formats)
    return missing + lines, summary


def verify_report(source: str, build_dir: str, formats=DEFAULT_FORMATS) -> tuple:
    """``(missing, differences, summary, files read)`` for one source; nothing missing and
    no differences means consistent."""
    from ..readers.markdown.reader import read_source

    res = read_source(source)
    stem = stem_of(source)
    want = from_model(res, source)
    missing = []
    files = {}
    for fmt in formats:
        path = output_path(build_dir, source, fmt)
        if path.is_file():
            files[fmt] = (path, path)
        else:
            only = "" if set(formats) == set(DEFAULT_FORMATS) else f" -f {fmt}"
            missing.append(f"{path}: missing (run `unres build {source} -o {build_dir}{only}`)")
    lines = differences(want, files)
    pdf = output_path(build_dir, source, "pdf")
    if "pdf" in formats and pdf.is_file():
        lines += pdfa_differences({"pdf": (pdf, pdf)})
    return missing, lines, _summary(stem, want, len(files)), [str(p) for p, _ in files.values()]


def differences(want, files: dict) -> list:
    """What each file says that the model does not: ``files`` maps a format to
    ``(path to read, path to name in the report)``. Each format is compared with
    the model, so outputs that each agree with it agree with each other."""
    lines, akn_agrees, attachments = [], True, None
    for fmt, (path, label) in files.items():
        try:
            got = FORMATS[fmt].extract(path)
        except Exception as exc:   # a damaged file is a finding, not a crash
            found = [Finding(str(label), f"cannot be read as {fmt.upper()}: {type(exc).__name__}: {exc}")]
        else:
            got.label = str(label)
            found = compare(want, got)
            attachments = got.attachments if fmt == "pdf" else attachments
        for finding in found:
            finding.fmt = fmt
        akn_agrees = akn_agrees and not (found and fmt == "akn")
        lines.extend(found)
    # (an AKN file that differs from the source, or cannot be read, is no copy to hold the PDF's
    # against: the source is)
    return lines + attachment_differences(want, {k: v for k, v in files.items() if k != "akn" or akn_agrees},
                                          attachments)


def pdfa_differences(files: dict) -> list:
    """The PDF/A validator's findings on the PDF in ``files``, read by the text reader
    or not (an Arabic PDF is checked too)."""
    if "pdf" not in files:
        return []
    path, label = files["pdf"]
    found = [Finding(str(label), f"not PDF/A-{FLAVOUR}: {finding}") for finding in pdfa_findings(path)]
    for finding in found:
        finding.fmt = "pdf"
    return found


def _summary(stem: str, fp, read: int) -> str:
    preamble = len(fp.section("preamble"))
    operative = [i for i in fp.section("operative") if i.kind == "paragraph"]
    points = [i for i in fp.section("operative") if i.kind == "point"]
    notes = len(fp.notes)
    parts = [f"{read} format{'s' if read != 1 else ''}", f"{preamble} preambular", f"{len(operative)} operative"]
    if points:
        parts.append(f"{len(points)} sub-paragraph{'s' if len(points) != 1 else ''}")
    parts.append(f"{notes} footnote{'s' if notes != 1 else ''}")
    annex = fp.section("annex")
    labels = [i for i in annex if i.path[1:] == ("label",)]
    if labels:
        parts.append(f"{len(labels)} annex{'es' if len(labels) != 1 else ''} "
                     f"({len(annex) - len(labels)} block{'s' if len(annex) - len(labels) != 1 else ''})")
    if fp.vote and fp.vote.kind == "recorded":
        parts.append(f"{sum(fp.vote.totals)} votes")
    else:
        parts.append("adopted without a vote")
    return f"{stem}: {', '.join(parts)}: consistent"


def _verify_one(source: str, build_dir: str, formats=DEFAULT_FORMATS) -> tuple:
    """Plain data for one source, so it crosses process boundaries:
    (source, missing, lines, summary, files read, errors, code)."""
    try:
        missing, lines, summary, read = verify_report(source, build_dir, formats)
    except UnresError as exc:
        return source, [], [], "", [], [str(d) for d in exc.diagnostics], exc.exit_code
    return source, missing, lines, summary, read, [], EXIT_OK


def verify_main(sources, build_dir: str, jobs: int = 1, formats=DEFAULT_FORMATS, quiet: bool = False,
                verbose: bool = False) -> int:
    """Verify every source; with several sources and jobs, in the warm worker pool.
    Reports come out in the order the sources were given. A difference exits with
    EXIT_FINDINGS, a missing output (when nothing worse was found) with EXIT_MISSING."""
    formats = [fmt for fmt in (*DEFAULT_FORMATS, *FORMATS) if fmt in formats]
    formats = list(dict.fromkeys(formats))
    args = [(source, build_dir, formats) for source in sources]
    if jobs > 1 and len(sources) > 1:
        from ..parallel.pool import parallel_map
        results = list(parallel_map(_verify_one, args, jobs,
                                    preload=["unres.verify.command", "unres.readers.markdown.reader", "pypdfium2", "docx"]))
    else:
        results = [_verify_one(*a) for a in args]
    order = {source: i for i, source in enumerate(sources)}
    codes = set()
    for source, missing, lines, summary, read, errors, code in sorted(results, key=lambda r: order[r[0]]):
        if errors:
            for line in errors:
                print(line, file=sys.stderr)
            codes.add(code)
            continue
        if verbose:
            for path in read:
                print(f"read {path}")
        for line in missing + lines:
            print(line)
        if lines:
            codes.add(EXIT_FINDINGS)
        if missing:
            codes.add(EXIT_MISSING)
        if not lines and not missing and not quiet:
            print(summary)
    # A source that cannot be read or an output that differs is worse news than one not built.
    for code in sorted(codes - {EXIT_MISSING}, reverse=True) or sorted(codes):
        return code
    return EXIT_OK
