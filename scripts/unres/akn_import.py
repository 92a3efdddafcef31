"""``unres import``: UN Akoma Ntoso files in, canonical Markdown out.

Several files (or a folder of them) are each imported on their own, as ``build``
builds each source: a file that cannot be imported is reported and writes
nothing, and does not keep the others from being written. The language versions
of the files imported (same symbol) are then compared on what translation does
not change; each disagreement is reported with the line of each file.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from .errors import EXIT_FINDINGS, EXIT_OK, OutputError, SourceError, UnresError, error, warning
from .model import transforms
from .model.document import Loc, Resolution, walk_subparagraphs
from .pipeline.publish import write_outputs


def refuse_overwrite(output: str) -> None:
    """An import never replaces a file, edited sources above all, unless told to."""
    if os.path.isdir(output):
        raise OutputError([error(None, f"{output} is a folder; name the .md file to write", "O102")])
    if os.path.lexists(output):
        raise OutputError([error(None, f"{output} exists; nothing was written (give --force to "
                                       "overwrite it)", "O102")])


def import_main(paths, output: str | None, force: bool = False, quiet: bool = False) -> int:
    paths = [paths] if isinstance(paths, str) else list(paths)
    files = _expand(paths)
    if len(paths) == 1 and len(files) == 1 and not os.path.isdir(paths[0]):
        return _import_one(files[0], output, force, quiet)
    return _import_many(files, output, force, quiet)


def _expand(paths) -> list[str]:
    files = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(str(p) for p in Path(path).iterdir() if p.suffix.lower() == ".xml" and p.is_file())
            if not found:
                raise SourceError(error(None, f"{path}: no .xml file in this folder", "E600"))
            files += found
        else:
            files.append(path)
    return files


def _import_one(path: str, output: str | None, force: bool, quiet: bool) -> int:
    from .readers.akn.reader import import_akn

    if output and (os.path.isdir(output) or output.endswith(("/", os.sep))):
        # A folder takes the source under the file's name, as it does for several files.
        output = str(Path(output) / (Path(path).stem + ".md"))
    if output and not force:
        refuse_overwrite(output)
    res, warnings = import_akn(path)
    for diag in warnings:
        print(diag, file=sys.stderr)
    text = readable_source(path, res)
    if output:
        if os.path.isdir(output):
            refuse_overwrite(output)
        write_outputs(str(Path(output).parent), {Path(output): text.encode("utf-8")})
        if not quiet:
            print(f"imported {path} -> {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _import_many(files: list[str], output: str | None, force: bool, quiet: bool) -> int:
    from .readers.akn.reader import import_akn

    if not output:
        raise OutputError([error(None, "several files are imported into a folder: name it with -o DIR",
                                 "O103")])
    if os.path.exists(output) and not os.path.isdir(output):
        raise OutputError([error(None, f"{output} is not a folder; several files are imported into "
                                       "a folder", "O103")])
    targets = {path: Path(output) / (Path(path).stem + ".md") for path in files}
    seen: dict[Path, str] = {}
    for path, target in targets.items():
        if target in seen:
            raise OutputError([error(None, f"{path} and {seen[target]} would both be written to "
                                           f"{target}", "O103")])
        seen[target] = path
        if not force and os.path.lexists(target):
            refuse_overwrite(str(target))
    imported, texts, refused = {}, {}, []
    for path in files:
        try:
            imported[path] = import_akn(path)
            texts[path] = readable_source(path, imported[path][0])
        except UnresError as exc:
            imported.pop(path, None)
            refused.append((path, exc))
    if not imported:
        raise SourceError([diag for _path, exc in refused for diag in exc.diagnostics])
    for path, exc in refused:
        for diag in exc.diagnostics:
            print(diag, file=sys.stderr)
    for path, (_res, warnings) in imported.items():
        for diag in warnings:
            print(diag, file=sys.stderr)
    disagreements = agreement({path: res for path, (res, _w) in imported.items()})
    for diag in disagreements:
        print(diag, file=sys.stderr)
    write_outputs(output, {targets[path]: texts[path].encode("utf-8") for path in imported})
    if refused:
        print(f"unres: imported {len(imported)} of {len(files)} files -> {output}; not imported: "
              + ", ".join(path for path, _exc in refused), file=sys.stderr)
    elif not quiet:
        print(f"imported {len(files)} files -> {output}", file=sys.stderr)
    return max([exc.exit_code for _path, exc in refused] + [EXIT_FINDINGS if disagreements else EXIT_OK])


def readable_source(path, res: Resolution) -> str:
    """The canonical source of an imported resolution, read back as ``unres build`` reads a
    source before anything is written: a value the UN's file left empty or malformed, which the
    source format refuses (an empty title, E103), refuses the import (E605) with the file's line
    the value came from, the source's line and the reader's own message, instead of writing a
    source that cannot be built."""
    from .readers.markdown.reader import read_source
    from .writers.markdown import render_markdown

    text = render_markdown(res)
    try:
        back = read_source(f"{path} (imported)", text.encode("utf-8"))
    except SourceError as exc:
        found = [d for d in exc.diagnostics if d.severity == "error"] or exc.diagnostics
        raise SourceError([_not_read_back(str(path), res, d, text) for d in found]) from None
    read, written = _comparable(res), _comparable(back)
    if written != read:
        raise SourceError([_read_back_otherwise(str(path), read, written)])
    return text


def _comparable(res: Resolution) -> Resolution:
    """``res`` with its front matter's blank values (none, empty or spaces) all alike: a value
    the file leaves blank is written as none and read back as empty, and both say nothing."""
    import dataclasses

    blank = {name: None for name, value in vars(res.meta).items()
             if name in res.meta.__dataclass_fields__ and isinstance(value, str) and not value.strip()}
    return dataclasses.replace(res, meta=dataclasses.replace(res.meta, **blank)) if blank else res


def _read_back_otherwise(path: str, res: Resolution, back: Resolution):
    """E606: the source reads back, but as another resolution than the file's: what differs
    first, where the UN's file has it and how the source would have it."""
    what, ours, theirs = _first_difference(res, back)
    loc = getattr(ours, "loc", None) or Loc(path, 1, 1)
    return error(loc, f"the source this file imports into would read back as another resolution, so nothing "
                      f"was written: {what}: the file has {_brief(ours)}, the source would have {_brief(theirs)}",
                 "E606")


def _first_difference(res: Resolution, back: Resolution) -> tuple:
    """(what, the file's, the source's) of the first block the two resolutions disagree on."""
    if res.meta != back.meta:
        for name in res.meta.__dataclass_fields__:
            if getattr(res.meta, name) != getattr(back.meta, name):
                return f"the front matter's {name!r}", getattr(res.meta, name), getattr(back.meta, name)
    for n, (part, other) in enumerate(zip(res.parts, back.parts), 1):
        for name in ("label", "title", "formula", "preamble", "opening", "operative", "adopted", "sections",
                     "unnumbered"):
            mine, theirs = getattr(part, name), getattr(other, name)
            if mine == theirs:
                continue
            if isinstance(mine, list):
                for k, (a, b) in enumerate(zip(mine, theirs), 1):
                    if a != b:
                        return f"part {n}'s {name} block {k}", a, b
                k = min(len(mine), len(theirs))
                return (f"part {n}'s {name} block {k + 1}", mine[k] if k < len(mine) else None,
                        theirs[k] if k < len(theirs) else None)
            return f"part {n}'s {name}", mine, theirs
    for name in ("parts", "annexes", "footnotes"):
        mine, theirs = getattr(res, name), getattr(back, name)
        if mine != theirs:
            k = next((k for k, (a, b) in enumerate(zip(mine, theirs)) if a != b), min(len(mine), len(theirs)))
            return (f"{name[:-1]} {k + 1}", mine[k] if k < len(mine) else None,
                    theirs[k] if k < len(theirs) else None)
    return "the resolution", res, back


def _brief(value) -> str:
    """A block as a reader sees it (its kind and text, cut short), a value as written; 'none' for none."""
    from .model.document import plain_text

    if value is None or value == []:
        return "none"
    if isinstance(value, (str, int, float, bool, list, tuple, dict)):
        return repr(value)[:60]
    inlines = getattr(value, "inlines", None)
    text = " ".join((plain_text(inlines) if inlines is not None else str(value)).split())
    kind = re.sub(r"(?<!^)([A-Z])", r" \1", type(value).__name__).lower()
    return f"the {kind} {text[:60] + ('…' if len(text) > 60 else '')!r}"


def _not_read_back(path: str, res: Resolution, diag, text: str):
    lines = text.split("\n")
    number = diag.loc.line if diag.loc else 0
    shown = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    # The front matter's key the line belongs to, for the line of the UN's file it came from.
    key = None
    closing = next((n for n, line in enumerate(lines[1:], 2) if line == "---"), 0) if lines[0] == "---" else 0
    if 1 < number < closing:
        key = next((m.group(1) for line in reversed(lines[1:number])
                    if (m := re.match(r"([A-Za-z_]\w*):", line))), None)
    loc = res.meta.key_locs.get(key) if key else None
    where = f"line {number} of it" + (f", {shown!r}" if shown else "") if number else "it"
    return error(loc or Loc(path, 1, 1), f"the source this file imports into would not read back as a source, "
                                         f"so nothing was written: {where}: {diag.message} ({diag.code})", "E605")


# ------------------------------------------------------------ language versions
def _facts(res: Resolution) -> dict:
    """What every language version of one resolution states alike, each with where it says it."""
    meta = res.meta
    ops = res.operative
    subs = [sum(1 for _ in walk_subparagraphs(p.children)) for p in ops]
    numbers = [transforms.label_key(p.num) + "." for p in ops]
    # Which paragraphs a heading stands above, and how many headings: translated, not moved.
    headed = [f"{transforms.label_key(p.num)}.×{len(p.headings)}" for p in ops if p.headings]
    heads = [p for p in ops if p.headings]
    first_loc = ops[0].loc if ops else None
    # A text adopted in the resolution's words (a declaration): its own numbering, compared apart.
    adopted = [b for part in res.parts if part.adopted for b in part.adopted.blocks if hasattr(b, "children")]
    adopted_numbers = [transforms.label_key(p.num) + "." for p in adopted]

    def at(key):
        return meta.key_locs.get(key)

    # The meeting's number, wherever each language puts it ('53rd meeting', '55ª sesión',
    # 'الجلسة 46', '第54次会议'); a meeting line without one is not compared.
    found = re.search(r"\d+", meta.meeting or "")
    meeting = int(found.group()) if found else None
    # The agenda items by their numbers, the sub-item's letter aside ("128 (a)", "128 a)", "128 (أ)"):
    # a version that prints none (75/1 in Chinese, W699) is told what the original prints.
    printed = [meta.agenda_item or ""] if meta.agenda_item is not None else \
        [item.number for item in meta.agenda_items]
    agenda = [int(digits[0]) for digits in (re.findall(r"\d+", number) for number in printed) if digits]

    def differing(mine, other, items):
        """The loc of the first item where two sequences part."""
        for index, (a, b) in enumerate(zip(mine, other)):
            if a != b:
                return items[index].loc
        shorter = min(len(mine), len(other))
        return items[shorter].loc if shorter < len(items) else (items[-1].loc if items else None)

    return {
        "the number": (meta.number, at("number"), None),
        "the session": (meta.session, at("session"), None),
        "the session dates": ((meta.session_start, meta.session_end), at("session_start"), None),
        "the date of issue": (meta.issue_date, at("issue_date"), None),
        "the date of adoption": (meta.adoption_date, at("adoption_date"), None),
        **({"the meeting": (meeting, at("meeting"), None)} if meeting is not None else {}),
        "the vote": ((meta.vote.kind, meta.vote.totals), meta.vote.loc, None),
        "the numbering of the agenda items": (agenda, at("agenda_item") or at("agenda_items"), None),
        "the number of preambular paragraphs": (len(res.preamble),
                                                res.preamble[-1].loc if res.preamble else first_loc, None),
        # Compared in one form: each language prints its own ("1-" in Arabic is "1." here).
        "the operative numbering": (numbers, first_loc, lambda other: differing(numbers, other, ops)),
        "the sub-paragraphs of each operative paragraph": (subs, first_loc,
                                                           lambda other: differing(subs, other, ops)),
        "the headings between operative paragraphs": (headed, heads[0].headings[0].loc if heads else first_loc,
                                                        lambda other: differing(headed, other, heads)),
        "the numbering of the adopted text": (adopted_numbers, adopted[0].loc if adopted else first_loc,
                                              lambda other: differing(adopted_numbers, other, adopted)),
        "the number of footnotes": (len(res.footnotes),
                                    res.footnotes[-1].loc if res.footnotes else first_loc, None),
    }


def _show(value) -> str:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], tuple):
        kind, totals = value
        return kind if kind != "recorded" else "recorded, %d-%d-%d" % totals
    if isinstance(value, tuple):
        return "–".join(str(v) for v in value)
    if isinstance(value, list) and not value:
        return "none"
    if isinstance(value, list):
        return (f"{len(value)}: " + " ".join(str(v) for v in value)) if len(value) <= 12 else \
            f"{len(value)}: " + " ".join(str(v) for v in value[:12]) + " …"
    return str(value)


def agreement(models: dict) -> list:
    """Disagreements between the language versions (same symbol) among ``models``, as warnings."""
    by_symbol: dict[str, list] = {}
    for path, res in models.items():
        by_symbol.setdefault(res.meta.symbol, []).append((path, res))
    out = []
    for versions in by_symbol.values():
        if len(versions) < 2:
            continue
        # The original is the reference; the others are its translations.
        versions.sort(key=lambda v: v[1].meta.language != v[1].meta.original_language)
        base_path, base = versions[0]
        base_facts = _facts(base)
        for path, res in versions[1:]:
            facts = _facts(res)
            for what, (value, loc, locate) in facts.items():
                if what not in base_facts:
                    continue
                theirs, their_loc, their_locate = base_facts[what]
                if value == theirs:
                    continue
                if locate is not None:
                    loc, their_loc = locate(theirs), their_locate(value)
                where = f"{their_loc.path}:{their_loc.line}" if their_loc else base_path
                out.append(warning(loc, f"{what} differs from the {base.meta.language} version: "
                                        f"{_show(value)} here, {_show(theirs)} in {where}", "W670"))
    return out
