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


def write_outputs(out_dir: str, files: dict, check=None) -> None:
    """Write ``{path: bytes}`` all or nothing: temporary files first, then renames.

    A value may also be a function that returns the bytes (a render still running
    in another process): those files are written after the others. ``check``, if
    given, is called with ``{path: bytes}`` for the files written so far (their bytes as
    written: a check need not read the file back from disk),
    once before the functions are called and once for their files, so the others
    are checked while the last renders finish; if it raises, nothing is renamed.
    """
    temps = []
    try:
        ready = {t: d for t, d in files.items() if not callable(d)}
        for batch in (ready, {t: d for t, d in files.items() if callable(d)}):
            written = {}
            for target, data in batch.items():
                target = Path(target)
                data = data() if callable(data) else data
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
                temps.append((tmp, target))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o644)
                written[target] = data
            if check is not None and written:
                check(written)
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


def publish(out_dir: str, source: str, data: bytes, rendered: dict, check=None) -> None:
    """Write the outputs ``rendered`` from ``data`` (``{format: bytes}``, a value may be a
    function still making them) and the stamp that says what they were built from, all or
    nothing; ``check`` as for :func:`write_outputs`."""
    digest = hashlib.sha256(data).hexdigest()
    stamp_file = _stamp_path(out_dir, source)
    try:
        stamp = json.loads(stamp_file.read_text())
    except (OSError, ValueError):
        stamp = {}
    stamp.update({fmt: format_key(fmt, digest) for fmt in rendered})
    files = {output_path(out_dir, source, fmt): data_ for fmt, data_ in rendered.items()}
    files[stamp_file] = json.dumps(stamp, sort_keys=True, indent=1).encode()
    write_outputs(out_dir, files, check)
