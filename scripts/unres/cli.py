"""The ``unres`` command line. Expected failures are caught here, and only here."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UnresError
from .formats import DEFAULT_FORMATS, FORMATS


def _formats(value: str):
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}")
    return names


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"-j needs a whole number, not {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("-j needs at least 1")
    return jobs


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="unres",
        description="Build a UN resolution's PDF, DOCX, HTML and Akoma Ntoso XML from one Markdown source.")
    top.add_argument("--version", action="version", version=f"unres {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="build sources into outputs",
                           description="Build each SOURCE into BUILD_DIR/<stem>.pdf, .docx, .html and .akn.xml. "
                                       "Outputs are rebuilt only when their inputs changed, and each is "
                                       "read back and compared with the source before it replaces the "
                                       "last good one.")
    build.add_argument("sources", nargs="+", metavar="SOURCE")
    build.add_argument("-o", "--output", default="build", metavar="DIR", help="output folder (default: build)")
    build.add_argument("-f", "--formats", type=_formats, default=list(DEFAULT_FORMATS),
                       metavar="LIST", help="comma-separated formats: " + ",".join(FORMATS) + " (default: all)")
    build.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                       help="worker processes (default: the number of cores)")
    build.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    build.add_argument("--no-verify", dest="verify", action="store_false",
                       help="skip reading each output back before it is published (see `unres verify`)")
    build.add_argument("-q", "--quiet", action="store_true", help="print only problems and the summary")

    check = sub.add_parser("check", help="check sources for errors and editorial warnings",
                           description="Read each SOURCE and report errors and UN editorial warnings.")
    check.add_argument("sources", nargs="+", metavar="SOURCE")
    check.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")

    verify = sub.add_parser("verify", help="prove that the built outputs say the same thing",
                            description="Read the four built files of each SOURCE back and compare them "
                                        "with the source and with each other.")
    verify.add_argument("sources", nargs="+", metavar="SOURCE")
    verify.add_argument("--build-dir", default="build", metavar="DIR")
    verify.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: the number of cores)")

    imp = sub.add_parser("import", help="import a UN Akoma Ntoso file as a Markdown source",
                         description="Write canonical Markdown from a UN AKN4UN XML file.")
    imp.add_argument("file", metavar="FILE.xml")
    imp.add_argument("-o", "--output", metavar="PATH", help="where to write the Markdown (default: stdout)")
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except UnresError as exc:
        for diag in exc.diagnostics:
            print(diag, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("unres: interrupted", file=sys.stderr)
        return 130


def cmd_build(args) -> int:
    from .runner import run_builds
    return run_builds(args.sources, args.output, args.formats, args.jobs or os.cpu_count() or 1,
                      force=args.force, quiet=args.quiet, verify=args.verify)


def cmd_check(args) -> int:
    from .lint import lint
    from .readers.markdown import read_source

    worst = EXIT_OK
    for source in args.sources:
        try:
            res = read_source(source)
        except UnresError as exc:
            for diag in exc.diagnostics:
                print(diag, file=sys.stderr)
            worst = max(worst, exc.exit_code)
            continue
        warnings = lint(res)
        for diag in warnings:
            print(diag, file=sys.stderr)
        if warnings and args.strict:
            worst = max(worst, EXIT_FINDINGS)
        if not warnings:
            print(f"{source}: ok ({len(res.preamble)} preambular, {len(res.operative)} operative, "
                  f"{len(res.footnotes)} footnote{'s' if len(res.footnotes) != 1 else ''})")
    return worst


def cmd_verify(args) -> int:
    from .check.verify import verify_main
    return verify_main(args.sources, args.build_dir, args.jobs or os.cpu_count() or 1)


def cmd_import(args) -> int:
    from .importing import import_main
    return import_main(args.file, args.output)


COMMANDS = {"build": cmd_build, "check": cmd_check, "verify": cmd_verify, "import": cmd_import}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
