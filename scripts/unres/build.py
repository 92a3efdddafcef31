"""Building sources into outputs: the only place that writes files.

All outputs of one source are rendered in memory first; only when every one
of them succeeded (and validated) are they written, each to a temporary file
in the output folder and then renamed over the old one. A failure therefore
leaves the last good build untouched. A stamp per source records what each
output was built from, so unchanged outputs are not rebuilt.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__
from .document_date import source_date_epoch
from .errors import EXIT_INTERNAL, InvalidOutputError, OutputError, UnresError, error
from .formats import FORMATS
from .model import Loc
from .source_text import unreadable_message
from .templating import templates_dir

STAMP_DIR = ".unres-stamps"


@dataclass
class Outcome:
    """What happened to one source; plain data so it crosses process boundaries."""
    source: str
    built: list = field(default_factory=list)       # format names rendered and written
    skipped: list = field(default_factory=list)     # up to date
    diagnostics: list = field(default_factory=list) # printed lines
    warnings: list = field(default_factory=list)    # editorial warnings (``unres check``'s), printed lines
    exit_code: int = 0
    seconds: float = 0.0


def stem_of(source: str) -> str:
    return Path(source).name.removesuffix(".md")


def output_path(out_dir: str, source: str, fmt: str) -> Path:
    return Path(out_dir) / (stem_of(source) + FORMATS[fmt].suffix)


# ---------------------------------------------------------------- inputs' fingerprints
@lru_cache(maxsize=None)
def _tree_hash(root: str) -> str:
    digest = hashlib.sha256()
    base = Path(root)
    if base.is_dir():
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


# Modules that never shape an output: changing them rebuilds nothing.
NOT_OUTPUT_CODE = {"bench.py", "bench_corpus.py", "bench_dask.py", "runner.py", "cluster.py", "cli.py",
                   "importing.py", "lint.py", "check", "package", "__pycache__"}


def _shapes_outputs(rel: Path) -> bool:
    if NOT_OUTPUT_CODE & set(rel.parts):
        return False
    # The AKN importer writes sources, not outputs.
    return not (rel.parts[0] == "readers" and rel.name.startswith("akn"))


@lru_cache(maxsize=None)
def tool_hash() -> str:
    """The tool's version and the code that renders: a changed writer rebuilds everything."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if path.is_file() and _shapes_outputs(rel):
            digest.update(str(rel).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def format_key(fmt: str, source_digest: str) -> str:
    spec = FORMATS[fmt]
    parts = [tool_hash(), source_digest, fmt, os.environ.get("SOURCE_DATE_EPOCH", ""),
             os.environ.get("UNRES_EMBLEM", "")]
    parts += [_tree_hash(str(templates_dir() / name)) for name in spec.template_dirs]
    for need in spec.needs:
        parts.append(format_key(need, source_digest))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _stamp_path(out_dir: str, source: str) -> Path:
    return Path(out_dir) / STAMP_DIR / (stem_of(source) + ".json")


def stale_formats(source: str, data: bytes, out_dir: str, formats) -> list:
    digest = hashlib.sha256(data).hexdigest()
    try:
        stamp = json.loads(_stamp_path(out_dir, source).read_text())
    except (OSError, ValueError):
        stamp = {}
    stale = []
    for fmt in formats:
        target = output_path(out_dir, source, fmt)
        if stamp.get(fmt) != format_key(fmt, digest) or not target.exists():
            stale.append(fmt)
    return stale


# ---------------------------------------------------------------- rendering
def render_outputs(res, formats, elsewhere=None) -> dict:
    """Render the requested formats (and what they need) in memory.

    ``elsewhere`` maps a format to a ``start(res, inputs)`` that renders it in
    another process (:mod:`unres.side_process`); it starts first, and the function
    that waits for its bytes stands in the result in their place.
    """
    elsewhere = {name: start for name, start in (elsewhere or {}).items() if name in formats}
    done: dict = {}
    started: dict = {}
    drafts: dict = {}

    def need(name):
        if name not in done:
            if name in started:
                done[name] = started.pop(name)()
            else:
                spec = FORMATS[name]
                done[name] = spec.render(res, {dep: need(dep) for dep in spec.needs})
        return done[name]

    def draft(name):
        # What a format rendered elsewhere starts from; checked below like the rest.
        if name in done or not FORMATS[name].drafts:
            return need(name)
        spec = FORMATS[name]
        drafts[name] = spec.draft(res, {dep: need(dep) for dep in spec.needs})
        started[name] = lambda: spec.check(drafts[name])
        return drafts[name]

    # A format rendered elsewhere is the longest path of the build: it starts before anything
    # else, from drafts of its inputs.
    for name, start in elsewhere.items():
        started[name] = start(res, {dep: draft(dep) for dep in FORMATS[name].needs})
    # A writer whose work is an outside process (DOCX: pandoc) starts next and is finished
    # late, so that the process runs on another core while the rest render here.
    early = [name for name in formats if name not in elsewhere and name not in started
             and FORMATS[name].starts_early and not FORMATS[name].needs]
    started.update({name: FORMATS[name].start(res, {}) for name in early})
    for name in [n for n in formats if n not in early and n not in elsewhere] + early + list(drafts):
        need(name)
    done.update({name: started.pop(name) for name in elsewhere})
    return {name: done[name] for name in formats}


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


def verify_written(res, source: str, files: dict) -> None:
    """Read the written files back with ``unres verify``'s readers before they replace
    the last good build; a difference is a bug in a writer, and nothing is published.
    ``files`` maps a format to (the file to read or its bytes, the path to name in a report)."""
    from .check.extract import from_model
    from .check.verify import differences, pdfa_differences, unreadable

    readable = {fmt: paths for fmt, paths in files.items() if not unreadable(fmt, res)}
    found = differences(from_model(res, source), readable) + pdfa_differences(files)
    if found:
        # The files named in a finding were never published: name the source's line and the format.
        raise InvalidOutputError([
            error(Loc(source, finding.line or 1, 1),
                  f"the {finding.fmt.upper()} output differs from the source: {finding.detail} "
                  "(a bug in unres; nothing of this source was published)", "O-VERIFY")
            for finding in found])


def render_verified(source: str, data: bytes, formats, out_dir: str, verify: bool = True) -> tuple:
    """Read ``data``, render ``formats`` and read each output back from its bytes (what a
    worker of :mod:`unres.cluster` does): ``({format: bytes}, editorial warnings)``, the
    bytes ready for :func:`publish`."""
    from .lint import lint
    from .readers.markdown import read_source

    source_date_epoch()     # a malformed value fails before anything renders
    res = read_source(source, data)
    warnings = [str(d) for d in lint(res)]
    rendered = render_outputs(res, formats)
    if verify:
        verify_written(res, source, {fmt: (rendered[fmt], output_path(out_dir, source, fmt))
                                    for fmt in formats})
    return rendered, warnings


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


def build_one(source: str, out_dir: str, formats, force: bool = False, verify: bool = True,
              side=None) -> Outcome:
    """Read, render, validate, verify and write one source. Expected failures become diagnostics.

    ``side``, a :class:`unres.side_process.SideWriter`, renders its format in its own
    process; it is closed when the build ends, whether or not it was used.
    """
    import time

    from .lint import lint
    from .readers.markdown import read_source

    started = time.perf_counter()
    outcome = Outcome(source)
    try:
        try:
            with open(source, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise UnresError([error(Loc(source, 1, 1), unreadable_message(exc), "E500")]) from None
        todo = list(formats) if force else stale_formats(source, data, out_dir, formats)
        outcome.skipped = [f for f in formats if f not in todo]
        if todo:
            source_date_epoch()     # a malformed value fails before anything renders
            res = read_source(source, data)
            outcome.warnings = [str(d) for d in lint(res)]
            elsewhere = {side.fmt: side.start} if side is not None else None
            # The side process's bytes are awaited by write_outputs, after the others are checked.
            rendered = render_outputs(res, todo, elsewhere)
            check = None
            if verify:
                targets = {fmt: output_path(out_dir, source, fmt) for fmt in todo}

                def check(made):
                    written = {f: (made[t], t) for f, t in targets.items() if t in made}
                    if written:
                        verify_written(res, source, written)
            publish(out_dir, source, data, rendered, check)
            outcome.built = todo
    except UnresError as exc:
        outcome.diagnostics = [str(d) for d in exc.diagnostics]
        outcome.exit_code = exc.exit_code
    except Exception:  # noqa: BLE001 - a bug must not take the other sources of a run down with it
        import traceback
        outcome.diagnostics = [f"{source}: internal error in unres (please report it):",
                               traceback.format_exc().rstrip()]
        outcome.exit_code = EXIT_INTERNAL
    finally:
        if side is not None:
            side.close()
    outcome.seconds = time.perf_counter() - started
    return outcome
