"""An Arabic Assembly resolution's number, separator and title on their right-to-left line, whatever
script the title is in. A title wholly in Latin letters or digits after "75/10" and "- " is drawn
like one left-to-right run ("Cooperation with INTERPOL - 75/10"); the PDF reader reads number,
separator and title in the order the tags number them, so the PDF reads back as its source, with
and without the separator, and a title changed after the build is still found."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import CORPUS
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.verify.command import differences
from unres.verify.expected import from_model
from unres.verify.fingerprint import normalise
from unres.verify.read.pdf_layout import extract_pdf
from unres.writers.markdown import render_markdown

UN_FILE = CORPUS / "un-akn-ga" / "75session" / "Arabic" / "75_10_A.xml"
TITLES = {
    "latin": "Cooperation with INTERPOL",
    "latin-word": "INTERPOL",
    # long enough to take a second line
    "latin-long": "Cooperation between the United Nations and the International Criminal Police "
                  "Organization and its member police services in every region of the world",
    "mixed-latin-first": "INTERPOL والأمم المتحدة",
    "mixed-arabic-first": "التعاون مع INTERPOL",
    "digits": "2030",
    "digits-latin": "2030 Agenda",
    "digits-symbol": "75/1 (2020)",
}
SEPARATORS = {"separator": '"- "', "none": None}

pytestmark = pytest.mark.skipif(not UN_FILE.is_file(), reason="the UN corpus is not available")


def _variant(text: str, title: str, separator: str | None) -> str:
    text = re.sub(r'^title: .*$', lambda _m: f'title: "{title}"', text, count=1, flags=re.M)
    text = re.sub(r'^title_separator: .*\n', "", text, flags=re.M)
    if separator is not None:
        text = re.sub(r'^(title: .*\n)', lambda m: m.group(1) + f"title_separator: {separator}\n",
                      text, count=1, flags=re.M)
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("titles")
    text = render_markdown(import_akn(UN_FILE)[0])
    sources = []
    for name, title in TITLES.items():
        for sep_name, separator in SEPARATORS.items():
            path = folder / f"{name}-{sep_name}.md"
            path.write_text(_variant(text, title, separator), encoding="utf-8")
            sources.append(path)
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *map(str, sources), "-o",
                             str(folder / "out"), "-q", "-f", "pdf", "--no-verify", "-j", "2"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder


@pytest.mark.parametrize("sep_name", list(SEPARATORS))
@pytest.mark.parametrize("name", list(TITLES))
def test_number_and_title_read_back(built, name, sep_name):
    source = built / f"{name}-{sep_name}.md"
    pdf = built / "out" / f"{name}-{sep_name}.pdf"
    res = read_source(str(source))
    printed = ("- " if SEPARATORS[sep_name] else "") + TITLES[name]
    fp = extract_pdf(str(pdf))
    assert (fp.number, normalise(fp.title or "")) == (res.meta.number, normalise(printed))
    assert differences(from_model(res, str(source)), {"pdf": (pdf, pdf)}) == []


@pytest.mark.parametrize("name", ["latin", "digits-latin", "mixed-latin-first"])
def test_a_title_changed_after_the_build_is_found(built, tmp_path, name):
    source = built / f"{name}-separator.md"
    pdf = built / "out" / f"{name}-separator.pdf"
    damaged = tmp_path / "damaged.md"
    text = source.read_text(encoding="utf-8")
    damaged.write_text(_variant(text, TITLES[name].replace("INTERPOL", "UNODC").replace("2030", "2031"), '"- "'),
                       encoding="utf-8")
    found = differences(from_model(read_source(str(damaged)), str(damaged)), {"pdf": (pdf, pdf)})
    assert any("title" in str(d) for d in found), found
