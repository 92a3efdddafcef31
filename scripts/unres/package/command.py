"""``unres package`` and ``unres package --validate``."""
from __future__ import annotations

import sys
import tarfile
import tempfile
from pathlib import Path

from ..errors import EXIT_FINDINGS, EXIT_OK, InvalidOutputError, UnresError, error


def package_main(sources, out_dir: str, per: str, build_dir: str, jobs: int, tar: bool = False) -> int:
    """Build what is stale (verified, as ``unres build`` does), then write one bag per
    resolution or session. A bag that fails is not written; the others still are."""
    from ..pipeline.stamps import stale_formats
    from ..formats import DEFAULT_FORMATS
    from ..pipeline.runner import run_builds
    from .layout import plan_bags
    from .write import write_bag

    # Which bags the sources make is known from their front matter: a conflict (E701, E702)
    # is reported before anything is built. A source that cannot be read is left to the build,
    # which reports it with the rest of its problems.
    versions = []
    for source in sources:
        try:
            versions.append(_version(source))
        except (OSError, UnresError):
            versions = None
            break
    if versions is not None:
        plan_bags(versions, per)
    code = run_builds(sources, build_dir, DEFAULT_FORMATS, jobs, quiet=True)
    if code != EXIT_OK:
        print("unres: nothing packaged: a source did not build", file=sys.stderr)
        return code
    versions, diags = [], []
    for source in sources:
        with open(source, "rb") as fh:
            data = fh.read()
        if stale_formats(source, data, build_dir, DEFAULT_FORMATS):
            # Changed since it was built a moment ago: its outputs may not be what it says.
            diags.append(error(None, f"{source} changed while it was being packaged; run again", "O-STALE"))
            continue
        versions.append(_version(source, data))
    if diags:
        raise InvalidOutputError(diags)
    worst = EXIT_OK
    for plan in plan_bags(versions, per):
        try:
            target = write_bag(plan, build_dir, out_dir, tar, jobs)
        except UnresError as exc:
            for diag in exc.diagnostics:
                print(diag, file=sys.stderr)
            worst = max(worst, exc.exit_code)
            continue
        langs = ", ".join(dict.fromkeys(v.lang for v in plan.versions))
        print(f"packaged {target}: {len(plan.resolutions())} resolution"
              f"{'s' if len(plan.resolutions()) != 1 else ''}, {len(plan.versions)} language version"
              f"{'s' if len(plan.versions) != 1 else ''} ({langs}): valid")
    return worst


def _version(source: str, data: bytes | None = None):
    """The language version a source is, from its front matter alone."""
    from ..readers import source_text
    from ..readers.markdown import front_matter
    from .layout import Version

    src = source_text.load(source, data)
    return Version(source, front_matter.parse(src.front, source, src.front_start))


def validate_main(bags, jobs: int = 1) -> int:
    """Validate received bags in full; each problem is printed with its file and code."""
    from .checks import validate_bag

    worst = EXIT_OK
    for bag in bags:
        problems = (validate_packed(bag, jobs) if Path(bag).is_file() else
                    [str(d) for d in validate_bag(bag, jobs)])
        for diag in problems:
            print(diag, file=sys.stderr)
        if problems:
            worst = EXIT_FINDINGS
            print(f"{bag}: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        else:
            print(f"{bag}: valid bag; checksums, completeness, description and contents agree")
    return worst


def validate_packed(path, jobs: int = 1) -> list:
    """A bag sent as one tar file: unpacked into a temporary folder (no link, device or path
    outside it is unpacked) and validated there; problems name the file inside the tar."""
    from .checks import validate_bag

    with tempfile.TemporaryDirectory(prefix=".unres-bag.") as tmp:
        try:
            with tarfile.open(path) as archive:
                archive.extractall(tmp, filter="data")
        except (tarfile.TarError, OSError) as exc:
            return [str(error(None, f"{path}: cannot be unpacked as a tar file: {exc}", "B-NOT-BAG"))]
        tops = list(Path(tmp).iterdir())
        if len(tops) != 1 or not tops[0].is_dir():
            return [str(error(None, f"{path}: a packed bag holds one folder, not "
                                    f"{', '.join(sorted(p.name for p in tops)) or 'nothing'}", "B-NOT-BAG"))]
        return [str(d).replace(str(tops[0]), f"{path}:{tops[0].name}") for d in validate_bag(tops[0], jobs)]
