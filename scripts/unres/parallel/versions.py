"""What of a process decides an output's bytes, beyond the source and the environment that
:data:`unres.model.output_env.NAMES` names (a cluster's client sends it with each task): a cluster admits a worker, and a local
cluster's forkserver warms up, by these versions. Imports neither Dask nor the cluster."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..errors import UnresError


def _digest(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()[:16]


def _font_files() -> list:
    from ..writers.pdf.fonts import FAMILY, STYLES, SYMBOL_FACE

    files = []
    for pattern in [f"{FAMILY}:style={style}" for style in STYLES] + [SYMBOL_FACE[0]]:
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                                 text=True, timeout=20, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        files.append(out.strip() or f"<none for {pattern}>")
    return files


def _pandoc_version() -> str:
    from ..pandoc import pandoc_path

    try:
        first = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True,
                               timeout=20, check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError, UnresError):
        return "missing"
    return first[0].removeprefix("pandoc").strip() if first else "missing"


def _weasyprint_versions() -> tuple:
    """WeasyPrint's version, and Pango's, which sets every line of the PDF."""
    from ..writers.pdf import weasyprint_loader

    try:
        weasyprint = weasyprint_loader.load().__version__
    except Exception:  # noqa: BLE001 - any failure to import is "missing" here
        return "missing", "missing"
    try:
        from weasyprint.text.ffi import ffi, pango
        return weasyprint, ffi.string(pango.pango_version_string()).decode()
    except Exception:  # noqa: BLE001 - a WeasyPrint without this module: its version decides
        return weasyprint, "unknown"


@lru_cache(maxsize=None)
def versions(emblem: str = "") -> dict:
    """Everything of this process that decides an output's bytes, beyond the source and
    the environment of :data:`unres.model.output_env.NAMES`: two processes with the same versions give the same bytes. Asked once
    a process (files and tools do not change under a running build)."""
    from ..pipeline.stamps import _tree_hash, tool_hash
    from ..writers.templating import templates_dir

    weasyprint, pango = _weasyprint_versions()
    return {
        "unres": __version__,
        "unres code": tool_hash()[:16],
        "templates": _tree_hash(str(templates_dir()))[:16],
        "fonts": _digest(_font_files()),
        "pandoc": _pandoc_version(),
        "WeasyPrint": weasyprint,
        "Pango": pango,
        "Python": sys.version.split()[0],
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "emblem": _digest([emblem]) if emblem else "none",
    }


def differences(theirs: dict, ours: dict) -> list:
    return [f"{key} {theirs.get(key, 'missing')} there, {value} here"
            for key, value in ours.items() if theirs.get(key) != value]
