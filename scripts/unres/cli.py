"""The ``unres`` command line. Expected failures are caught here, and only here."""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from . import __version__
from .errors import EXIT_CLOSED_PIPE, EXIT_FINDINGS, EXIT_MEANINGS, EXIT_OK, EXIT_USAGE, SourceError, UnresError, error
from .formats import DEFAULT_FORMATS, FORMATS


def _formats(value: str):
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}")
    return list(dict.fromkeys(names))     # a format named twice is built once


class _MoreFormats(argparse.Action):
    """``-f`` given again adds its formats to those given before (``-f pdf -f html`` is
    ``-f pdf,html``) instead of silently replacing them; the default is replaced."""

    def __call__(self, parser, namespace, values, option_string=None):
        given = getattr(namespace, f"_{self.dest}_given", False)
        before = getattr(namespace, self.dest) if given else []
        setattr(namespace, self.dest, list(dict.fromkeys([*before, *values])))
        setattr(namespace, f"_{self.dest}_given", True)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"-j needs a whole number, not {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("-j needs at least 1")
    return jobs


def versions() -> str:
    """unres's version and those of the tools it runs with, one a line."""
    from importlib.metadata import PackageNotFoundError, version

    lines = [f"unres {__version__}"]
    try:
        from .pandoc import pandoc_path
        out = __import__("subprocess").run([pandoc_path(), "--version"], capture_output=True,
                                           text=True, timeout=30, check=False).stdout
        lines.append(out.splitlines()[0] if out else "pandoc: did not say its version")
    except (UnresError, OSError) as exc:
        lines.append(f"pandoc: not found ({exc})")
    for label, dist in (("WeasyPrint", "weasyprint"), ("python-docx", "python-docx"), ("lxml", "lxml")):
        try:
            lines.append(f"{label} {version(dist)}")
        except PackageNotFoundError:
            lines.append(f"{label}: not installed")
    try:
        from lxml import etree
        lines[-1] += " (libxml2 " + ".".join(map(str, etree.LIBXML_VERSION)) + ")"
    except ImportError:
        pass
    return "\n".join(lines)


class _Version(argparse.Action):
    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(versions())
        parser.exit()


def _exit_codes() -> str:
    return "exit codes:\n" + "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_MEANINGS)


def _quiet(command, what="print only problems", verbose=None):
    """-q (and -v where ``verbose`` says what it adds), which exclude each other."""
    volume = command.add_mutually_exclusive_group() if verbose else command
    volume.add_argument("-q", "--quiet", action="store_true", help=what)
    if verbose:
        volume.add_argument("-v", "--verbose", action="store_true", help=verbose)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="unres",
        description="Build a UN resolution's PDF, DOCX, HTML and Akoma Ntoso XML from one Markdown source.",
        epilog=_exit_codes() + "\n\nA folder given as SOURCE stands for every *.md file in it.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--version", action=_Version,
                     help="print the versions of unres, pandoc, WeasyPrint, python-docx and lxml")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="build sources into outputs",
                           description="Build each SOURCE into BUILD_DIR/<stem>.pdf, .docx, .html and .akn.xml. "
                                       "Outputs are rebuilt only when their inputs changed, and each is "
                                       "read back and compared with the source before it replaces the "
                                       "last good one.")
    build.add_argument("sources", nargs="+", metavar="SOURCE")
    build.add_argument("-o", "--output", default="build", metavar="DIR", help="output folder (default: build)")
    build.add_argument("-f", "--formats", type=_formats, default=list(DEFAULT_FORMATS), action=_MoreFormats,
                       metavar="LIST", help="comma-separated formats: " + ",".join(FORMATS)
                                            + " (default: all; -f again adds to the list)")
    build.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                       help="worker processes (default: the number of cores)")
    build.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    build.add_argument("--no-verify", dest="verify", action="store_false",
                       help="skip reading each output back before it is published (see `unres verify`)")
    _quiet(build, "print only problems and the summary (no editorial warnings)",
           verbose="also name the sources that were up to date and each file written")
    build.add_argument("--scheduler", metavar="ADDRESS", default=None,
                       help="build on the Dask cluster of this scheduler (tcp://HOST:8786), or on a "
                            "local one of N workers (local:N); default: $DASK_SCHEDULER_ADDRESS, "
                            "else worker processes here")

    check = sub.add_parser("check", help="check sources for errors and editorial warnings",
                           description="Read each SOURCE and report errors and UN editorial warnings.")
    check.add_argument("sources", nargs="+", metavar="SOURCE")
    check.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    _quiet(check, "print only problems (no line for a source without any)")

    verify = sub.add_parser("verify", help="prove that the built outputs say the same thing",
                            description="Read the built files of each SOURCE back and compare them "
                                        "with the source and with each other.",
                            epilog="exit codes: 1 when an output differs, 7 when an output is missing "
                                   "(and no worse problem was found)")
    verify.add_argument("sources", nargs="+", metavar="SOURCE")
    verify.add_argument("-o", "--output", default="build", metavar="DIR",
                        help="the folder the outputs were built into (default: build)")
    # The option's first name, kept so that scripts written for it still run.
    verify.add_argument("--build-dir", dest="output", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    verify.add_argument("-f", "--formats", type=_formats, default=list(DEFAULT_FORMATS), action=_MoreFormats,
                        metavar="LIST", help="comma-separated formats to read: " + ",".join(FORMATS)
                                             + " (default: all; -f again adds to the list)")
    verify.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: the number of cores)")
    _quiet(verify, "print only differences and problems (no line for a consistent source)",
           verbose="also name each file read")

    imp = sub.add_parser("import", help="import UN Akoma Ntoso files as Markdown sources",
                         description="Write canonical Markdown from UN AKN4UN XML files. Several files, "
                                     "or a folder, are imported into the folder named by -o, and the "
                                     "language versions of one resolution are checked to agree. An "
                                     "existing file is not overwritten unless --force is given.")
    imp.add_argument("file", metavar="FILE.xml|FOLDER", nargs="+")
    imp.add_argument("-o", "--output", metavar="PATH",
                     help="where to write the Markdown: a .md file or a folder for one file "
                          "(default: stdout), a folder for several")
    imp.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    _quiet(imp, "print only what was normalised or cannot be mapped (no line naming the file written)")

    pkg = sub.add_parser("package", help="package built resolutions as BagIt bags for an archive",
                         description="Build what is stale, then write one BagIt bag (RFC 8493) per "
                                     "resolution or session, checked before it is written; with "
                                     "--validate, check received bags instead.")
    pkg.add_argument("paths", nargs="+", metavar="SOURCE", help="sources (with --validate: bags)")
    pkg.add_argument("-o", "--output", default="build/bags", metavar="DIR",
                     help="where the bags go (default: build/bags)")
    pkg.add_argument("--per", choices=("resolution", "session"), default="resolution",
                     help="one bag per resolution (all its languages) or per session, the Security "
                          "Council's per year (default: resolution)")
    pkg.add_argument("--build-dir", default="build", metavar="DIR", help="where outputs are built (default: build)")
    pkg.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                     help="worker processes for the build and the checks (default: the number of cores)")
    pkg.add_argument("--tar", action="store_true",
                     help="write each bag as one reproducible tar file, DIR/NAME.tar, instead of a folder")
    pkg.add_argument("--validate", action="store_true",
                     help="validate the bags named (folders or tar files) instead of packaging")
    return top


def _commands(top: argparse.ArgumentParser) -> list:
    return [name for action in top._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices]


def _unknown_command(top: argparse.ArgumentParser, argv) -> str | None:
    """The message for a first word that is no command, naming the closest one."""
    if not argv or argv[0].startswith("-"):
        return None
    word, names = argv[0], _commands(top)
    if word in names:
        return None
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'?" if close else f"the commands are {', '.join(names)}"
    return f"unres: '{word}' is not a command; {hint}"


def expand_sources(sources) -> list:
    """Each SOURCE as given, a folder standing for the *.md files in it (not in its sub-folders)."""
    out, errors = [], []
    for source in sources:
        if os.path.isdir(source):
            found = sorted(str(p) for p in Path(source).glob("*.md") if p.is_file())
            if not found:
                errors.append(error(None, f"{source} is a folder with no .md file in it; "
                                          "give a source file or a folder of them", "E500"))
            out.extend(found)
        else:
            out.append(source)
    if errors:
        raise SourceError(errors)
    return out


def main(argv=None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # What reads our output has gone (`unres --version | head -1`): stop quietly, as a command
        # a shell stops by SIGPIPE does, not with Python's traceback, and without Python's second
        # complaint when it flushes the closed pipe on the way out.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLOSED_PIPE


def _main(argv) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    top = parser()
    unknown = _unknown_command(top, argv)
    if unknown:
        top.print_usage(sys.stderr)
        print(unknown, file=sys.stderr)
        return EXIT_USAGE
    args = top.parse_args(argv)
    if args.command is None:
        top.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if hasattr(args, "sources"):
            args.sources = expand_sources(args.sources)
        return COMMANDS[args.command](args)
    except UnresError as exc:
        for diag in exc.diagnostics:
            print(diag, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("unres: interrupted", file=sys.stderr)
        return 130


def cmd_build(args) -> int:
    from .pipeline.runner import run_builds
    scheduler = args.scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    return run_builds(args.sources, args.output, args.formats, args.jobs or os.cpu_count() or 1,
                      force=args.force, quiet=args.quiet, verify=args.verify, verbose=args.verbose,
                      scheduler=scheduler)


def cmd_check(args) -> int:
    from .lint import lint
    from .readers.markdown.reader import read_source

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
        if not warnings and not args.quiet:
            print(f"{source}: ok ({len(res.preamble)} preambular, {len(res.operative)} operative, "
                  f"{len(res.footnotes)} footnote{'s' if len(res.footnotes) != 1 else ''})")
    return worst


def cmd_verify(args) -> int:
    from .verify.command import verify_main
    return verify_main(args.sources, args.output, args.jobs or os.cpu_count() or 1, formats=args.formats,
                       quiet=args.quiet, verbose=args.verbose)


def cmd_import(args) -> int:
    from .akn_import import import_main
    return import_main(args.file, args.output, force=args.force, quiet=args.quiet)


def cmd_package(args) -> int:
    from .package import command
    if args.validate:
        return command.validate_main(args.paths, args.jobs or os.cpu_count() or 1)
    # A folder of sources stands for its *.md files; with --validate, a folder is a bag.
    return command.package_main(expand_sources(args.paths), args.output, args.per, args.build_dir,
                                args.jobs or os.cpu_count() or 1, tar=args.tar)


COMMANDS = {"build": cmd_build, "check": cmd_check, "verify": cmd_verify, "import": cmd_import,
            "package": cmd_package}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
