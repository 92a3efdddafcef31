"""Writing a bag: with :mod:`unres.build`, the only place of unres that writes files.

The bag is made in a temporary folder beside its target, with the Library of
Congress ``bagit`` library (payload manifests, ``bag-info.txt``, tag
manifests), then validated in full (:func:`unres.package.checks.validate_bag`);
only a valid bag is renamed into place, and a failure leaves the last good
bag untouched.

Reproducible: ``bagit`` writes its payload manifests in sorted order and
``bag-info.txt`` with sorted labels, but its tag manifests in the order the
file system lists the folder; their lines are put in order of path here (no
checksum changes, as no tag manifest lists another). ``Bagging-Date`` and
``Bag-Software-Agent`` are given, so ``bagit`` adds only ``Payload-Oxum``,
which the payload fixes. Files are made readable by all (0644, folders 0755)
whatever the umask, so a copy of the folder is the same bag anywhere.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .. import __version__
from ..errors import InvalidOutputError, OutputError, error
from . import mets
from .checks import validate_bag
from .layout import DESCRIPTION, BagPlan, bag_info, origin

CHECKSUMS = ("sha256", "sha512")


def software_agent() -> str:
    import bagit
    return f"unres {__version__} (bagit.py {bagit.VERSION})"


def write_bag(plan: BagPlan, build_dir: str, out_dir: str) -> Path:
    """Make, check and publish the bag of ``plan`` as ``out_dir/<plan.name>``."""
    import bagit

    target = Path(out_dir) / plan.name
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{plan.name}.", suffix=".tmp"))
        digests, total = {}, 0
        for version in plan.versions:
            for kind, path in version.files():
                body = origin(version, kind, build_dir).read_bytes()
                _put(tmp / path, body)
                digests[path] = (len(body), hashlib.sha256(body).hexdigest())
                total += len(body)
        description = mets.render(plan, digests)
        _put(tmp / DESCRIPTION, description)
        total += len(description)
        bagit.make_bag(str(tmp), bag_info(plan, total, software_agent()), processes=1,
                       checksums=list(CHECKSUMS))
        _sort_tag_manifests(tmp)
        _normalise_modes(tmp)
        problems = validate_bag(tmp)
        if problems:
            raise InvalidOutputError([error(None, f"the bag {plan.name} failed its own validation; "
                                                  "nothing was written", "O-BAG")] + problems)
        _replace_folder(tmp, target)
        tmp = None
    except OSError as exc:
        where = exc.filename or str(target)
        raise OutputError([error(None, f"cannot write {where}: {exc.strerror or exc}", "O101")]) from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _put(path: Path, body: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(body)
        fh.flush()
        os.fsync(fh.fileno())


def _sort_tag_manifests(bag_dir: Path) -> None:
    for manifest in sorted(bag_dir.glob("tagmanifest-*.txt")):
        lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
        manifest.write_text("".join(sorted(lines, key=lambda line: line.split(" ", 1)[1])), encoding="utf-8")


def _normalise_modes(bag_dir: Path) -> None:
    os.chmod(bag_dir, 0o755)
    for path in bag_dir.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def _replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is. A folder cannot be renamed over a folder, so the old
    bag is first renamed aside, and removed only once the new one is in place."""
    if not target.exists():
        os.rename(new, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.rename(target, old / target.name)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(old / target.name, target)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
