"""Writing a bag: with :mod:`unres.pipeline.build`, the only place of unres that writes files.

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

import calendar
import dataclasses
import hashlib
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

from .. import __version__
from ..errors import InvalidOutputError, OutputError, error
from . import mets
from .checks import validate_bag
from .layout import DESCRIPTION, BagPlan, bag_info, bagging_date, origin

CHECKSUMS = ("sha256", "sha512")


def software_agent() -> str:
    import bagit
    return f"unres {__version__} (bagit.py {bagit.VERSION})"


def write_bag(plan: BagPlan, build_dir: str, out_dir: str, tar: bool = False, jobs: int = 1) -> Path:
    """Make, check and publish the bag of ``plan`` as the folder ``out_dir/<plan.name>``, or,
    with ``tar``, as the one file ``out_dir/<plan.name>.tar`` holding that folder."""
    import bagit

    target = Path(out_dir) / (plan.name + (".tar" if tar else ""))
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{plan.name}.", suffix=".tmp"))
        digests, total, origins = {}, 0, {}
        for version in plan.versions:
            for kind, path in version.files():
                origins[str(tmp / "data" / path)] = str(origin(version, kind, build_dir))
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
        problems = validate_bag(tmp, jobs)
        if problems:
            raise InvalidOutputError([error(None, f"the bag {plan.name} failed its own validation; "
                                                  "nothing was written", "O-BAG")]
                                     + [_named_by_origin(d, origins) for d in problems])
        if tar:
            _write_tar(tmp, plan.name, target, bagging_date(plan))
        else:
            _replace_folder(tmp, target)
            tmp = None
    except OSError as exc:
        where = exc.filename or str(target)
        raise OutputError([error(None, f"cannot write {where}: {exc.strerror or exc}", "O101")]) from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _named_by_origin(diag, origins: dict):
    """A problem found in the bag before it was written names the file it was copied from
    (the temporary bag is gone by the time anyone reads the message)."""
    loc = diag.loc
    if loc is not None and str(getattr(loc, "path", "")) in origins:
        loc = dataclasses.replace(loc, path=origins[str(loc.path)])
    message = diag.message
    for copy, source in origins.items():
        message = message.replace(copy, source)
    return dataclasses.replace(diag, loc=loc, message=message)


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


def _write_tar(folder: Path, name: str, target: Path, day) -> None:
    """The bag as one tar file, the same bytes for the same bag: entries in order of path, each
    dated the bagging date, owned by no one, 0644 or 0755. Written beside ``target`` and renamed."""
    mtime = calendar.timegm(day.timetuple())
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            with tarfile.open(fileobj=fh, mode="w", format=tarfile.PAX_FORMAT) as archive:
                paths = [folder] + sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix())
                for path in paths:
                    rel = path.relative_to(folder).as_posix()
                    info = tarfile.TarInfo(name if rel == "." else f"{name}/{rel}")
                    info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
                    if path.is_dir():
                        info.type, info.mode = tarfile.DIRTYPE, 0o755
                        archive.addfile(info)
                    else:
                        info.mode, info.size = 0o644, path.stat().st_size
                        with open(path, "rb") as body:
                            archive.addfile(info, body)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
