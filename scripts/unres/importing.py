"""``unres import``: a UN Akoma Ntoso file in, canonical Markdown out."""
from __future__ import annotations

import sys
from pathlib import Path

from .build import write_outputs
from .errors import EXIT_OK


def import_main(path: str, output: str | None) -> int:
    from .readers.akn import import_akn
    from .writers.markdown import render_markdown

    res, warnings = import_akn(path)
    for diag in warnings:
        print(diag, file=sys.stderr)
    text = render_markdown(res)
    if output:
        write_outputs(str(Path(output).parent), {Path(output): text.encode("utf-8")})
        print(f"imported {path} -> {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
