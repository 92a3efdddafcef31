"""Building sources into outputs: the only place that writes files.

All outputs of one source are rendered in memory first; only when every one
of them succeeded (and validated) are they written, each to a temporary file
in the output folder and then renamed over the old one. A failure therefore
leaves the last good build untouched. A stamp per source records what each
output was built from, so unchanged outputs are not rebuilt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import EXIT_INTERNAL, InvalidOutputError, SourceError, UnresError, error, named_characters
from ..model import output_env
from ..model.document import Loc
from ..model.document_date import source_date_epoch
from ..parallel import overlap
from ..readers.source_text import unreadable_message
from .paths import output_path
from .publish import publish
from .stamps import stale_formats


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


# Characters that set the direction of what follows them by hand: embeddings, overrides and
# isolates (their closing U+202C and U+2069 alone change nothing), and the marks (LRM, RLM, ALM),
# which split a run of the other direction in two. unres gives each run of text its direction
# itself; one of these can make a paragraph print in another order than written.
_DIRECTION_SET_BY_HAND = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068\u200e\u200f\u061c]")


def verify_written(res, source: str, files: dict, text: str | None = None) -> None:
    """Read the written files back with ``unres verify``'s readers before they replace
    the last good build; a difference is a bug in a writer, and nothing is published.
    ``files`` maps a format to (the file to read or its bytes, the path to name in a report).
    Where the source's block the difference is at (``text``: the source) sets a direction by
    hand, that character is the cause, reported as the source's error (E507)."""
    from ..verify.expected import from_model
    from ..verify.command import differences, pdfa_differences

    found = differences(from_model(res, source), files) + pdfa_differences(files)
    if not found:
        return
    lines = text.split("\n") if text is not None else []
    diagnostics, by_hand = [], 0
    for finding in found:
        cause = _set_by_hand(lines, finding.line) if finding.line else None
        if cause is not None:
            by_hand += 1
            line, col, char = cause
            diagnostics.append(error(Loc(source, line, col), (
                f"{named_characters(char)} sets by hand the direction of the text after it, and the "
                f"{finding.fmt.upper()} output then prints its paragraph in another order than written: "
                f"{finding.detail}; delete it (unres gives each run of text its direction itself)"), "E507"))
        else:
            # The files named in a finding were never published: name the source's line and the format.
            diagnostics.append(error(Loc(source, finding.line or 1, 1),
                                     f"the {finding.fmt.upper()} output differs from the source: {finding.detail} "
                                     "(a bug in unres; nothing of this source was published)", "O-VERIFY"))
    raise (SourceError if by_hand == len(found) else InvalidOutputError)(diagnostics)


def _set_by_hand(lines: list, line: int):
    """``(line, column, character)`` of the first character that sets a direction by hand in the
    block that starts at ``line`` (to the next blank line), or None."""
    for number in range(line, len(lines) + 1):
        if not lines[number - 1].strip() or (number > line and lines[number - 1].strip() == "---"):
            break
        found = _DIRECTION_SET_BY_HAND.search(lines[number - 1])
        if found:
            return number, found.start() + 1, found.group()
    return None


def render_verified(source: str, data: bytes, formats, out_dir: str, verify: bool = True,
                    env=None) -> tuple:
    """Read ``data``, render ``formats`` and read each output back from its bytes (what a
    worker of :mod:`unres.parallel.cluster` does): ``({format: bytes}, editorial warnings)``, the
    bytes ready for :func:`publish`. ``env`` is the environment that shapes the outputs
    (:mod:`unres.model.output_env`: the client's, sent with the task), this process's if None."""
    from ..lint import lint
    from ..readers.markdown.reader import read_source

    source_date_epoch(output_env.given(env))     # a malformed value fails before anything renders
    res = read_source(source, data)
    warnings = [str(d) for d in lint(res)]
    rendered = overlap.render(res, formats, env=env)
    if verify:
        verify_written(res, source, {fmt: (rendered[fmt], output_path(out_dir, source, fmt))
                                    for fmt in formats}, data.decode("utf-8", "replace"))
    return rendered, warnings


def build_one(source: str, out_dir: str, formats, force: bool = False, verify: bool = True,
              side=None) -> Outcome:
    """Read, render, validate, verify and write one source. Expected failures become diagnostics.

    ``side``, a :class:`unres.parallel.side_process.SideWriter`, renders its format in its own
    process; it is closed when the build ends, whether or not it was used.
    """
    import time

    from ..lint import lint
    from ..readers.markdown.reader import read_source

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
            check = None
            if verify:
                def check(made):
                    verify_written(res, source, {fmt: (made[fmt], output_path(out_dir, source, fmt))
                                                 for fmt in made}, data.decode("utf-8", "replace"))
            # The formats rendered here are verified while the side process finishes its own.
            rendered = overlap.render(res, todo, elsewhere, check)
            publish(out_dir, source, data, rendered)
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
