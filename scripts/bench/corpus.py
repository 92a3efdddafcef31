"""Sources for the benchmark: imported UN files, generated resolutions, a whole session.

Every function writes Markdown sources into a folder and returns their paths,
so that both sides of the benchmark (``unres build`` and plain pandoc) read
exactly the same files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Front matter shared by generated resolutions; {symbol} and {number} vary.
_FRONT = """---
symbol: {symbol}
number: "{number}"
title: Generated resolution with {count} operative paragraphs
parent_organ: General Assembly
organ: Human Rights Council
session: 99
session_name: Ninety-ninth session
session_start: 2030-06-10
session_end: 2030-07-05
agenda_item: "3"
distribution: General
issue_date: 2030-07-10
original_language: English
language: English
adoption_date: 2030-07-04
meeting: 40th meeting
vote: without
---

*The Human Rights Council*,
"""

_VERBS_PRE = ("Recalling", "Reaffirming", "Recognizing", "Noting", "Stressing", "Welcoming")
_VERBS_OP = ("Requests", "Encourages", "Calls upon", "Decides", "Invites", "Urges", "Welcomes")
# Ordinary resolution prose; lengths vary with the paragraph number so that
# line breaking and pagination are not artificially regular.
_WORDS = ("States to continue to cooperate with the Office of the High Commissioner and with the "
          "special procedures of the Human Rights Council in the promotion and protection of all "
          "human rights, including the right to development, in accordance with the Charter of the "
          "United Nations and international human rights law, and to report thereon at its next "
          "session in an accessible format").split()


@dataclass(frozen=True)
class Prepared:
    path: Path
    paragraphs: int        # operative paragraphs
    imported: bool         # False: generated in place of a file that did not import
    note: str = ""


def _sentence(index: int) -> str:
    length = 25 + (index * 7) % 30
    return " ".join(_WORDS[(index + k) % len(_WORDS)] for k in range(length))


def generated_text(operative: int, symbol: str, number: str, preambular: int | None = None) -> str:
    """Markdown of a plausible resolution with ``operative`` operative paragraphs."""
    if preambular is None:
        preambular = max(2, min(20, operative // 2))
    lines = [_FRONT.format(symbol=symbol, number=number, count=operative)]
    for i in range(preambular):
        lines.append(f"*{_VERBS_PRE[i % len(_VERBS_PRE)]}* {_sentence(i)},\n")
    for i in range(1, operative + 1):
        end = "." if i == operative else ";"
        note = "[^1]" if i == 1 else ""
        lines.append(f"{i}. *{_VERBS_OP[i % len(_VERBS_OP)]}* {_sentence(i)}{end}{note}\n")
    lines.append("[^1]: A/HRC/99/1.\n")
    return "\n".join(lines)


def stem_for(symbol: str) -> str:
    return symbol.replace("/", "_")


def generate(dest: Path, operative: int, serial: int) -> Path:
    symbol = f"A/HRC/RES/99/{serial}"
    path = Path(dest) / f"{stem_for(symbol)}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generated_text(operative, symbol, f"99/{serial}"), encoding="utf-8")
    return path


def _operative_count(xml: Path) -> int:
    """How many operative paragraphs a UN file has, without the importer."""
    from lxml import etree
    try:
        root = etree.parse(str(xml), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError:
        return 10
    bodies = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "mainBody"]
    scope = bodies[0] if bodies else root
    count = sum(1 for el in scope.iter() if isinstance(el.tag, str)
                and etree.QName(el).localname == "paragraph")
    return max(1, count)


def import_corpus(xml_dir: Path, dest: Path, limit: int | None = None) -> list[Prepared]:
    """Each UN file imported to Markdown; a file that fails is replaced by a generated one of its size."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    prepared = []
    files = sorted(Path(xml_dir).glob("*.xml"))[:limit]
    for serial, xml in enumerate(files, start=1):
        try:
            from unres.readers.akn.reader import read_akn
            from unres.writers.markdown import render_markdown
            res = read_akn(xml)
            path = dest / f"{stem_for(res.meta.symbol)}.md"
            path.write_text(render_markdown(res), encoding="utf-8")
            prepared.append(Prepared(path, len(res.operative), True))
        except Exception as exc:  # any importer failure: the bench still needs a source of this size
            count = _operative_count(xml)
            path = generate(dest, count, 1000 + serial)
            prepared.append(Prepared(path, count, False, f"{xml.name}: {type(exc).__name__}: {exc}"[:200]))
    return prepared


_SYMBOL_RE = re.compile(r"^symbol: (.*?)(\d+)\s*$", re.MULTILINE)
_NUMBER_RE = re.compile(r'^number: "(.*?)(\d+)"\s*$', re.MULTILINE)


def session(sources: list[Path], size: int, dest: Path) -> list[Path]:
    """``size`` sources made by repeating ``sources``; copy k renumbers resolution n as n + 100·k."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for index in range(size):
        copy, original = divmod(index, len(sources))
        text = Path(sources[original]).read_text(encoding="utf-8")
        if copy:
            text = _SYMBOL_RE.sub(lambda m: f"symbol: {m.group(1)}{int(m.group(2)) + 100 * copy}", text, 1)
            text = _NUMBER_RE.sub(lambda m: f'number: "{m.group(1)}{int(m.group(2)) + 100 * copy}"', text, 1)
        symbol = _SYMBOL_RE.search(text)
        stem = stem_for(symbol.group(1) + symbol.group(2)) if symbol else f"{Path(sources[original]).stem}_{copy}"
        path = dest / f"{stem}.md"
        if path.exists() and path in out:
            path = dest / f"{stem}_{index}.md"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out
