"""``unres import``: a UN Akoma Ntoso file in, canonical Markdown out."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .build import write_outputs
from .errors import EXIT_OK, OutputError, error


def refuse_overwrite(output: str) -> None:
    """An import never replaces a file, edited sources above all, unless told to."""
    if os.path.isdir(output):
        raise OutputError([error(None, f"{output} is a folder; name the .md file to write", "O102")])
    if os.path.lexists(output):
        raise OutputError([error(None, f"{output} exists; nothing was written (give --force to "
                                       "overwrite it)", "O102")])


def import_main(path: str, output: str | None, force: bool = False, quiet: bool = False) -> int:
    from .readers.akn import import_akn
    from .writers.markdown import render_markdown

    if output and not force:
        refuse_overwrite(output)
    res, warnings = import_akn(path)
    for diag in warnings:
        print(diag, file=sys.stderr)
    text = render_markdown(res)
    if output:
        if os.path.isdir(output):
            refuse_overwrite(output)
        write_outputs(str(Path(output).parent), {Path(output): text.encode("utf-8")})
        if not quiet:
            print(f"imported {path} -> {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
