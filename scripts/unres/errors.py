"""Typed errors with stable exit codes, and the diagnostics they carry.

Every expected failure is one of these classes; the CLI catches them in one
place, prints ``path:line:col: error: message [CODE]`` and exits with the
class's code. Anything else is a bug and shows a traceback.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional

from .model.document import Loc

# Exit codes (documented in README.md; never renumber).
EXIT_OK = 0
EXIT_FINDINGS = 1        # verify found differences; check --strict found warnings
EXIT_USAGE = 2           # bad command line (argparse)
EXIT_INPUT = 3           # a source or an imported file is invalid
EXIT_TOOL = 4            # pandoc, WeasyPrint, fonts … missing or failed
EXIT_OUTPUT = 5          # an output could not be written (permissions, disk full)
EXIT_INVALID_OUTPUT = 6  # a built output failed its own validation (a bug in unres)
EXIT_MISSING = 7         # verify: an output to compare is missing (not built, or built without it)
EXIT_INTERNAL = 70       # an unexpected exception: a bug in unres (the traceback is printed)
EXIT_CLOSED_PIPE = 141   # what reads the output closed it first, as a shell reports SIGPIPE (128 + 13)

# What each exit code means, as `unres --help` lists it (README.md's table says more).
EXIT_MEANINGS = (
    (EXIT_OK, "success"),
    (EXIT_FINDINGS, "verify found a difference; check --strict found warnings; "
                    "import found language versions that disagree"),
    (EXIT_USAGE, "bad command line"),
    (EXIT_INPUT, "a source or imported file is invalid (E…)"),
    (EXIT_TOOL, "an outside tool or resource is missing or failed (T…)"),
    (EXIT_OUTPUT, "an output could not be written, or exists and --force was not given (O…)"),
    (EXIT_INVALID_OUTPUT, "a built output failed its own validation: a bug in unres (A-…, O-…)"),
    (EXIT_MISSING, "verify: an output to compare is missing"),
    (EXIT_INTERNAL, "an unexpected error: a bug in unres"),
    (EXIT_CLOSED_PIPE, "what reads the output closed it before the end (unres --version | head -1)"),
)


@dataclass(frozen=True)
class Diagnostic:
    loc: Optional[Loc]
    severity: str            # "error" or "warning"
    message: str
    code: str

    def __str__(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        return f"{where}{self.severity}: {self.message} [{self.code}]"


class UnresError(Exception):
    exit_code = EXIT_INPUT

    def __init__(self, diagnostics):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self):
        # Rebuilt from the diagnostics (a build's side process sends its errors whole).
        return self.__class__, (self.diagnostics,)


class SourceError(UnresError):
    """The source (or an imported file) is not a valid resolution."""
    exit_code = EXIT_INPUT


class ToolError(UnresError):
    """An outside tool is missing, failed or timed out."""
    exit_code = EXIT_TOOL


class OutputError(UnresError):
    """An output file could not be written."""
    exit_code = EXIT_OUTPUT


class InvalidOutputError(UnresError):
    """A built file failed validation: the build is refused and nothing is kept."""
    exit_code = EXIT_INVALID_OUTPUT


def error(loc: Optional[Loc], message: str, code: str) -> Diagnostic:
    return Diagnostic(loc, "error", message, code)


def warning(loc: Optional[Loc], message: str, code: str) -> Diagnostic:
    return Diagnostic(loc, "warning", message, code)


def tool_error(message: str, code: str, loc: Optional[Loc] = None) -> ToolError:
    return ToolError([error(loc, message, code)])


def named_characters(chars, limit: int = 6) -> str:
    """'U+0915 DEVANAGARI LETTER KA, U+0916 …' for the first ``limit`` of ``chars`` (each once), as
    a message names characters that may not show."""
    chars = list(dict.fromkeys(chars))
    names = [f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in chars[:limit]]
    return ", ".join(names) + (f" and {len(chars) - limit} more" if len(chars) > limit else "")
