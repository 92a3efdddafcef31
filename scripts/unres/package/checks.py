"""Validating a bag: the bag itself (RFC 8493, with the ``bagit`` library), then what it holds.

The same function checks a bag that ``unres package`` has just made (before it
replaces the last good one) and a bag an archive has received: checksums and
completeness of payload and tag files, the METS description against the
payload, and for each language version the checks ``unres build`` runs — the
AKN file against the strict schema, the PDF carrying that AKN file, and the
four formats read back and compared with the Markdown source in the bag.
Every problem names its file and has a code (README: "Packages for archives").
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, UnresError, error
from .layout import DESCRIPTION, KINDS

# bagit reports what it finds through logging as well as through its exceptions: the
# exceptions are what unres reports, once, with the file and a code.
logging.getLogger("bagit").addHandler(logging.NullHandler())
logging.getLogger("bagit").propagate = False


@dataclass(frozen=True)
class FileLoc:
    """A file named without a line: what a bag's problems point at."""
    path: str

    def __str__(self) -> str:
        return self.path


def _err(path, message: str, code: str) -> Diagnostic:
    return error(FileLoc(str(path)), message, code)


def validate_bag(bag_dir, jobs: int = 1) -> list:
    """Every problem of the bag at ``bag_dir``; an empty list means it is fit to send or keep.
    With ``jobs`` above 1, language versions are checked in that many worker processes."""
    bag_dir = Path(bag_dir)
    diags, damaged = _bag_problems(bag_dir)
    if diags and damaged is None:
        return diags            # not a bag at all: nothing more to read
    return diags + _content_problems(bag_dir, jobs)


def _bag_problems(bag_dir: Path) -> tuple:
    """``(problems, files whose bytes cannot be trusted)``; ``damaged`` is None when the
    folder is not a bag at all."""
    import bagit

    if not (bag_dir / "bagit.txt").is_file():
        return [_err(bag_dir, "not a bag: no bagit.txt", "B-NOT-BAG")], None
    try:
        bag = bagit.Bag(str(bag_dir))
    except bagit.BagError as exc:
        return [_err(bag_dir, f"not a readable bag: {exc}", "B-NOT-BAG")], None
    diags, damaged = [], set()
    if not bag.tagmanifest_files():
        diags.append(_err(bag_dir, "no tag manifest: the manifests and bag-info.txt are not protected",
                          "B-TAGMANIFEST"))
    # Named file by file first: bagit's own validation stops at the payload count when
    # a file is missing or extra, without naming it.
    missing, extra = bag.compare_manifests_with_fs()
    for path in sorted(missing):
        diags.append(_err(bag_dir / path, "listed in a manifest but not in the bag", "B-MISSING"))
        damaged.add(path)
    for path in sorted(extra):
        diags.append(_err(bag_dir / path, "in the payload but in no manifest", "B-EXTRA"))
        damaged.add(path)
    try:
        if not (missing or extra):
            bag.validate(processes=1)
        else:
            # bagit's validation stops at the payload count when a file is missing or extra;
            # the files that are there are still compared with the manifests, by the step of
            # its validation that does only that (bagit is pinned: see pyproject.toml).
            for path in missing:
                bag.entries.pop(path, None)
            bag._validate_entries(1)
    except bagit.BagValidationError as exc:
        details = exc.details or []
        for d in details:
            if isinstance(d, bagit.ChecksumMismatch):
                what = ("its bytes changed" if str(d.path).startswith("data/") else
                        "a manifest or bag-info.txt was changed after the bag was made")
                diags.append(_err(bag_dir / d.path, f"{d.algorithm} checksum differs from the manifest "
                                  f"(expected {d.expected}, found {d.found}): {what}", "B-CHECKSUM"))
                damaged.add(d.path)
            elif not isinstance(d, (bagit.FileMissing, bagit.UnexpectedFile)):    # those are named above
                diags.append(_err(bag_dir, str(d), "B-INVALID"))
        if not details:
            diags.append(_err(bag_dir / "bag-info.txt", exc.message, "B-INVALID"))
    except bagit.BagError as exc:
        diags.append(_err(bag_dir, str(exc), "B-INVALID"))
    return diags, damaged


def _content_problems(bag_dir: Path, jobs: int) -> list:
    from .mets import described_files

    data = bag_dir / "data"
    mets_path = data / DESCRIPTION
    try:
        described = described_files(mets_path.read_bytes())
    except OSError:
        return [_err(mets_path, "missing: the bag has no description of its payload", "B-DESCRIPTION")]
    except Exception as exc:  # noqa: BLE001 - a damaged description is a finding
        return [_err(mets_path, f"cannot be read as METS: {exc}", "B-DESCRIPTION")]
    diags = []
    payload = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()} - {DESCRIPTION}
    for path in sorted(payload - described.keys()):
        diags.append(_err(data / path, f"not described in {DESCRIPTION}", "B-DESCRIPTION"))
    for path in sorted(described.keys() - payload):
        diags.append(_err(data / path, f"described in {DESCRIPTION} but not in the bag", "B-DESCRIPTION"))
    for path in sorted(described.keys() & payload):
        _role, _mime, size, sha256 = described[path]
        body = (data / path).read_bytes()
        if str(len(body)) != size or hashlib.sha256(body).hexdigest() != sha256:
            diags.append(_err(data / path, f"differs from the size and SHA-256 that {DESCRIPTION} gives it",
                              "B-DESCRIPTION"))
    versions: dict = {}
    for path in sorted(payload):
        folder, _, name = path.rpartition("/")
        kind = next((k for k in KINDS if name.endswith(k.suffix)), None)
        if kind is not None:
            versions.setdefault(folder, {})[kind.name] = data / path
    complete = []
    for folder, files in sorted(versions.items()):
        lacking = [k.name for k in KINDS if k.name not in files]
        if lacking:
            diags.append(_err(data / folder, f"language version without its {', '.join(lacking)} file",
                              "B-CONTENTS"))
        else:
            complete.append(files)
    if jobs > 1 and len(complete) > 1:
        from ..parallel.pool import parallel_map
        found = sorted(parallel_map(_numbered_version_problems, list(enumerate(complete)), jobs,
                                    preload=[__name__, "unres.verify.command", "unres.verify.pdfa",
                                             "unres.readers.markdown.reader", "pypdfium2", "docx"]))
        return diags + [d for _, problems in found for d in problems]
    return diags + [d for files in complete for d in version_problems(files)]


def _numbered_version_problems(number: int, files: dict) -> tuple:
    """``version_problems`` in a worker, numbered so that reports keep the payload's order."""
    return number, version_problems(files)


def version_problems(files: dict) -> list:
    """The checks ``unres build`` runs, on one language version in a bag:
    ``files`` maps each kind to its path."""
    from ..writers.akn.validate import validate as validate_akn
    from ..verify.expected import from_model
    from ..verify.command import differences
    from ..readers.markdown.reader import read_source

    source = files["source"]
    try:
        res = read_source(str(source))
    except UnresError as exc:
        return list(exc.diagnostics)
    akn = files["akn"].read_bytes()
    diags = list(validate_akn(akn, str(files["akn"])))
    diags += [_err(files["pdf"], line, "B-PDFA") for line in pdf_problems(files["pdf"])]
    formats = {k: (p, p) for k, p in files.items() if k != "source"}
    for line in differences(from_model(res, str(source)), formats):
        named = next((p for p, _ in formats.values() if line.startswith(f"{p}: ")), None)
        diags.append(_err(named, line[len(f"{named}: "):], "B-VERIFY") if named else
                     _err(source, line, "B-VERIFY"))
    return diags


def pdf_problems(pdf_path: Path) -> list:
    """The PDF passes the PDF/A validator ``build`` and ``verify`` run (that it carries the AKN
    file of its version is ``verify``'s, ``verify/attached.py``)."""
    from ..verify.pdfa import FLAVOUR, pdfa_findings

    try:
        return [f"not PDF/A-{FLAVOUR}: {finding}" for finding in pdfa_findings(pdf_path)]
    except Exception as exc:  # noqa: BLE001 - a damaged file is a finding
        return [f"cannot be read as PDF: {type(exc).__name__}: {exc}"]
