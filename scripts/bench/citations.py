"""How well :mod:`unres.model.citations` finds what the UN links, measured on the UN's own AKN files.

Each file is read with the importer, which keeps the UN's ``<a href>`` as links. Those links are
the reference; then they are taken out (their text kept) and the text is recognised afresh.

- recall: of the UN's links in a file (adjacent pieces with one target counted once), how many
  have a recognised link to the same document in the same file (counted as multisets);
- precision: of the recognised links, how many open a document the UN links from the same
  resolution in one of its six language versions. The UN links only part of what its texts
  cite, unevenly between languages, so a link the UN did not make is not necessarily false;
  the rest are listed by class for a reader to judge.

``python -m bench.citations DIR…`` prints the figures per language; the README's table
comes from it, and a test runs it on the Council's 54th session.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from unres.model.citations import inline_lists, link_citations
from unres.errors import SourceError
from unres.model.document import Link, Text
from unres.model.presentation import bcp47
from unres.readers.akn.reader import read_akn
from unres.model.undocs import symbol_from_url


def key(symbol: str) -> str:
    """Symbols compared as the resolver compares them: no spaces, any case."""
    return re.sub(r"\s+", "", symbol).upper()


@dataclass
class Tally:
    un: int = 0                  # the UN's links
    found: int = 0               # of them, recognised
    ours: int = 0                # recognised links
    confirmed: int = 0           # of them, to a document the UN links from the resolution
    agreed: int = 0              # of them, also recognised in another language version
    other_organ: int = 0         # missed UN links where the same number is linked to another organ
    misses: list = field(default_factory=list)   # (file, symbol)
    extras: list = field(default_factory=list)   # (file, symbol, text)

    @property
    def recall(self) -> float:
        return self.found / self.un if self.un else 1.0

    @property
    def precision(self) -> float:
        return self.confirmed / self.ours if self.ours else 1.0

    def add(self, other: "Tally"):
        self.un += other.un
        self.found += other.found
        self.ours += other.ours
        self.confirmed += other.confirmed
        self.agreed += other.agreed
        self.other_organ += other.other_organ
        self.misses += other.misses
        self.extras += other.extras


def _links(nodes, out):
    """The UN's links in a run of inlines, adjacent pieces with one target merged."""
    last = None
    for node in nodes:
        if isinstance(node, Link):
            if last is not None and node.target == last:
                continue
            last = node.target
            out.append(node)
            continue
        last = None if not (isinstance(node, Text) and not node.text) else last
        children = getattr(node, "children", None)
        if children:
            _links(children, out)


def _unlinked(nodes):
    out = []
    for node in nodes:
        if isinstance(node, Link):
            out.extend(_unlinked(node.children))
            continue
        children = getattr(node, "children", None)
        if children is not None:
            node.children = _unlinked(children)
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return out


def _text(nodes) -> str:
    return "".join(n.text if isinstance(n, Text) else _text(getattr(n, "children", [])) for n in nodes)


def _number(symbol: str) -> str:
    """A/HRC/RES/5/1 -> 5/1: the resolution number whatever the organ."""
    return symbol.split("/RES/")[-1] if "/RES/" in symbol else symbol


def read(path: Path):
    """(resolution, the UN's linked symbols, recognised (symbol, text) pairs) of one file."""
    res = read_akn(path)
    un = []
    for _, inlines, set_ in inline_lists(res):
        links = []
        _links(inlines, links)
        # Only links to documents count: the UN also links web pages.
        un += [key(symbol) for symbol in map(symbol_from_url, (link.target for link in links
                                                               if not link.recognised)) if symbol]
        set_(_unlinked(inlines))
    res.meta.link_cited_documents = True
    res.meta.document_url_base = None
    link_citations(res)
    ours = []
    for _, inlines, _ in inline_lists(res):
        found = []
        _links(inlines, found)
        ours += [(key(link.symbol), _text(link.children)) for link in found if link.recognised]
    return res, un, ours


def resolution_of(path: Path) -> str:
    """A_HRC_RES_54_1E.xml -> A_HRC_RES_54_1 (the six versions share it)."""
    return re.sub(r"[ACEFRS]?\.xml$", "", path.name)


def measure(paths) -> tuple:
    """Tallies per language (BCP 47 code) over the given UN files, and the files the importer
    could not read (left out)."""
    files, unread = [], []
    for path in sorted(paths):
        try:
            files.append((path, *read(path)))
        except SourceError:      # a file the importer cannot map is left out, and counted
            unread.append(path)
    linked_by_resolution = defaultdict(set)
    ours_by_file = defaultdict(set)
    for path, _res, un, ours in files:
        linked_by_resolution[resolution_of(path)].update(un)
        ours_by_file[resolution_of(path), path.name] = {symbol for symbol, _ in ours}
    tallies = defaultdict(Tally)
    for path, res, un, ours in files:
        tally = Tally(un=len(un), ours=len(ours))
        matched = Counter(un) & Counter(symbol for symbol, _ in ours)
        tally.found = sum(matched.values())
        tally.misses = [(path.name, s) for s in (Counter(un) - Counter(symbol for symbol, _ in ours)).elements()]
        number = {_number(symbol) for symbol, _ in ours}
        tally.other_organ = sum(1 for _, symbol in tally.misses if _number(symbol) in number)
        union = linked_by_resolution[resolution_of(path)]
        others = set().union(*(found for (res_id, name), found in ours_by_file.items()
                               if res_id == resolution_of(path) and name != path.name))
        tally.agreed = sum(1 for symbol, _ in ours if symbol in others)
        for symbol, text in ours:
            if symbol in union:
                tally.confirmed += 1
            else:
                tally.extras.append((path.name, symbol, text))
        tallies[bcp47(res.meta.language)].add(tally)
    return dict(tallies), unread


def _row(name: str, t: Tally) -> str:
    agreed = t.agreed / t.ours if t.ours else 1.0
    return (f"| {name} | {t.un} | {t.found} | {t.recall:.1%} | {t.other_organ} | {t.ours} | {t.confirmed} "
            f"| {t.precision:.1%} | {agreed:.1%} |")


def main(argv=None) -> int:
    """Print the table; ``-v`` lists the misses and the links the UN did not make."""
    args = argv if argv is not None else sys.argv[1:]
    paths = [p for arg in args if arg != "-v" for p in (sorted(Path(arg).rglob("*.xml")) if Path(arg).is_dir() else [Path(arg)])]
    tallies, unread = measure(paths)
    total = Tally()
    print("| language | UN links | found | recall | UN link, other organ | our links | UN-confirmed "
          "| precision (UN) | in another language |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    if unread:
        print(f"{len(unread)} files could not be imported and are left out")
    for lang in sorted(tallies):
        t = tallies[lang]
        total.add(t)
        print(_row(lang, t))
    print(_row("all", total))
    if "-v" in args:
        print("\nmissed:")
        for name, symbol in total.misses:
            print(f"  {name} {symbol}")
        print("\nnot linked by the UN:")
        for name, symbol, text in total.extras:
            print(f"  {name} {symbol} {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
