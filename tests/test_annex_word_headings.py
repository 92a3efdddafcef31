"""A heading between operative paragraphs that reads as an annex's label ("Annex", "附件") is a heading.

verify's PDF reader took a centred heading whose words are an annex's label for the start of the
annexes (the Security Council prints no closing lines, so its annex follows the last paragraph),
and the build of "### Annex I" between paragraphs 1 and 2 was refused as a bug in unres, in every
organ and language. The tagged PDF says which it is: a heading between operative paragraphs is
tagged H3 to H6, an annex's label is not.

Generated: each language's word for "Annex", alone, numbered, in capitals, at each heading level,
in a resolution of each organ and of each language.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import rendered_verified
from unres.akn_import import readable_source
from unres.readers.akn.reader import import_akn

HERE = Path(__file__).resolve().parent
UNSEEN = HERE / "unseen" / "hrc" / "55session"
SOURCES = {"Arabic": ("A_HRC_RES_55_19A.xml", "المرفق"), "Chinese": ("A_HRC_RES_55_5C.xml", "附件"),
           "English": ("A_HRC_RES_55_2E.xml", "Annex"), "French": ("A_HRC_RES_55_6F.xml", "Annexe"),
           "Russian": ("A_HRC_RES_55_3R.xml", "Приложение"), "Spanish": ("A_HRC_RES_55_24S.xml", "Anexo")}
ORGANS = {"Human Rights Council": "A_HRC_RES_38_3.md", "General Assembly": "A_RES_75_40.md",
          "Security Council": "S_RES_2508_2020.md"}


def _with_heading(text: str, heading: str) -> str:
    """``text`` with ``heading`` standing before operative paragraph 2 ("2." or, in Arabic, "2-")."""
    lines = text.split("\n")
    index = next(k for k, line in enumerate(lines) if re.match(r"2[.-] ", line))
    return "\n".join(lines[:index] + [heading, ""] + lines[index:])


@pytest.mark.parametrize("language", sorted(SOURCES))
@pytest.mark.parametrize("form", ["{word}", "{word} I", "{upper}"])
def test_an_annex_word_as_an_operative_heading_builds_in_every_language(tmp_path, language, form):
    name, word = SOURCES[language]
    path = UNSEEN / language / name
    text = readable_source(str(path), import_akn(str(path))[0])
    level = "###" if form != "{upper}" else "####"
    heading = f"{level} " + form.format(word=word, upper=word.upper())
    rendered_verified(tmp_path, _with_heading(text, heading), ("akn", "html", "pdf", "docx"))


@pytest.mark.parametrize("organ", sorted(ORGANS))
@pytest.mark.parametrize("level", ["###", "#####"])
def test_an_annex_word_as_an_operative_heading_builds_in_every_organ(tmp_path, organ, level):
    text = (HERE.parent / "source" / ORGANS[organ]).read_text(encoding="utf-8")
    rendered_verified(tmp_path, _with_heading(text, f"{level} Annex II"), ("akn", "html", "pdf", "docx"))
