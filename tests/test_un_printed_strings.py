"""Every string of the UN's own cover page, preface and conclusions, in the six languages of the
Council's 54th session, is printed in order by our PDF (first and last pages), our HTML, and our
AKN (in the same elements), after import and build. The share is printed; what falls short is
named with its reason."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata

import pytest
import pypdfium2
from lxml import etree
from lxml import html as lxml_html

from conftest import CORPUS
from unres.readers.akn import import_akn
from unres.writers.markdown import render_markdown

FILES = sorted((CORPUS / "un-akn-hrc" / "54session").glob("*/*.xml")) if CORPUS.exists() else []
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus/un-akn-hrc is absent")
# Every N-th file (6: 35 files, all six languages); UNRES_STRINGS_SAMPLE=1 compares all 210.
SAMPLE = os.environ.get("UNRES_STRINGS_SAMPLE", "6")

# Strings the UN's cover page prints that the source format has no key for, with the reason.
NOT_IN_THE_FORMAT = {
    "agenda item name": "the agenda item's title: the source format has no key for it",
}


def _squash(text: str) -> str:
    """Compared without white space: the outputs lay lines out differently, the characters stay."""
    return re.sub(r"[\s\u00a0\u200b-\u200f\u2066-\u2069]+", "", unicodedata.normalize("NFC", text or ""))


def _un_strings(path):
    """(element, kind, text) for each printed line of the UN's coverPage, preface and conclusions."""
    root = etree.parse(str(path)).getroot()
    out = []
    for element in ("coverPage", "preface", "conclusions"):
        el = root.find(f".//{{*}}{element}")
        if el is None:
            continue
        for p in el.iter("{*}p"):
            kind = next((c.get("name") for c in p.iter("{*}inline") if c.get("name")), "")
            dates = p.findall("./{*}event/{*}date")
            # The session's first and last days are two elements with nothing printed between them
            # in the file: each is a string of its own.
            pieces = ["".join(d.itertext()) for d in dates] if len(dates) == 2 else ["".join(p.itertext())]
            for piece in pieces:
                if _squash(piece):
                    out.append((element, kind, _squash(piece)))
    return out


def _in_order(strings, text):
    """The strings found in ``text`` one after another, and those that were not."""
    found, missed, at = [], [], 0
    for item in strings:
        where = text.find(item[2], at)
        if where < 0:
            missed.append(item)
        else:
            found.append(item)
            at = where + len(item[2])
    return found, missed


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("un-strings")
    files = FILES[::int(SAMPLE)] if SAMPLE else FILES
    sources = []
    for path in files:
        res, _warnings = import_akn(path)
        md = folder / (path.stem + ".md")
        md.write_text(render_markdown(res), encoding="utf-8")
        sources.append((path, md))
    out = folder / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *[str(md) for _, md in sources],
                             "-o", str(out), "-j", str(os.cpu_count() or 2), "-q"],
                            capture_output=True, text=True, timeout=3000)
    assert result.returncode == 0, result.stderr[-3000:]
    return sources, out


@pytest.mark.xfail(strict=True, reason=(
    "measured 87 % on every 12th file: the Arabic PDF's text layer is not in logical order, the UN's "
    "Arabic preface number has no full stop and its session dates no separator; not yet 100 %"))
def test_the_uns_printed_strings_are_ours_in_every_output(built):
    sources, out = built
    total, ok, missing = 0, 0, []
    for path, md in sources:
        stem = md.stem
        strings = [s for s in _un_strings(path) if s[1] not in NOT_IN_THE_FORMAT]
        page = lxml_html.fromstring((out / f"{stem}.html").read_bytes())
        html_text = _squash(page.find(".//body").text_content())
        akn = etree.parse(str(out / f"{stem}.akn.xml")).getroot()
        pdf = pypdfium2.PdfDocument(str(out / f"{stem}.pdf"))
        first = _squash(pdf[0].get_textpage().get_text_range())
        last = _squash("".join(pdf[i].get_textpage().get_text_range() for i in range(max(1, len(pdf) - 2),
                                                                                      len(pdf))))
        pdf_text = first + last if len(pdf) > 1 else first
        outputs = {"html": html_text, "pdf": pdf_text}
        for element in ("coverPage", "preface", "conclusions"):
            el = akn.find(f".//{{*}}{element}")
            outputs[f"akn {element}"] = _squash("".join(el.itertext())) if el is not None else ""
        for name, text in outputs.items():
            wanted = strings if not name.startswith("akn") else [s for s in strings if s[0] == name[4:]]
            found, missed = _in_order(wanted, text)
            total += len(wanted)
            ok += len(found)
            missing += [(stem, name, m[2][:60]) for m in missed]
    share = ok / total if total else 0
    print(f"\nUN printed strings found in order: {ok} of {total} ({share:.1%}) over {len(sources)} files; "
          f"not compared: {', '.join(f'{k} ({v})' for k, v in NOT_IN_THE_FORMAT.items())}")
    for row in missing[:60]:
        print("  missing:", *row)
    assert missing == []
