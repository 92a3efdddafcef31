"""Writing outputs all or nothing: temporary files first, then renames.

With :mod:`unres.package.write`, the only place of unres that writes files.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from ..errors import OutputError, error
from .paths import output_path
from .stamps import _stamp_path, format_key


def write_outputs(out_dir: str, files: dict) -> None:
    """Write ``{path: bytes}`` all or nothing: temporary files first, then renames.

    Only bytes: whatever makes or checks them (a render in another process, verify) has
    finished before anything is written, so a failure leaves no file behind.
    """
    temps = []
    try:
        for target, data in files.items():
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError(f"write_outputs takes bytes, not {type(data).__name__} for {target}")
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        for tmp, target in temps:
            os.replace(tmp, target)
        temps = []
    except OSError as exc:
        where = exc.filename or out_dir
        raise OutputError([error(None, f"cannot write {where}: {exc.strerror or exc}", "O101")]) from None
    finally:
        for tmp, _target in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def publish(out_dir: str, source: str, data: bytes, rendered: dict) -> None:
    """Write the outputs ``rendered`` from ``data`` (``{format: bytes}``, checked already) and
    the stamp that says what they were built from, all or nothing."""
    digest = hashlib.sha256(data).hexdigest()
    stamp_file = _stamp_path(out_dir, source)
    try:
        stamp = json.loads(stamp_file.read_text())
    except (OSError, ValueError):
        stamp = {}
    stamp.update({fmt: format_key(fmt, digest) for fmt in rendered})
    files = {output_path(out_dir, source, fmt): data_ for fmt, data_ in rendered.items()}
    files[stamp_file] = json.dumps(stamp, sort_keys=True, indent=1).encode()
    write_outputs(out_dir, files)
