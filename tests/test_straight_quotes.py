"""Quotes a UN file types straight: imported as the character the file has, so the source reads
naturally ("…", l'homme, not \\"…\\" and l\\'homme), and printed exactly as before."""
from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, FRONT
from unres.cli import main as unres_main
from unres.errors import SourceError
from unres.model.document import Text, walk_inlines
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.html import writer as html
from unres.writers.markdown import render_markdown

HRC54 = CORPUS / "un-akn-hrc" / "54session"
STRAIGHT = FRONT.replace("---\nsymbol", "---\nquotes: straight\nsymbol", 1)


def _texts(res) -> str:
    return "".join(n.text for p in res.parts for para in p.operative
                   for n in walk_inlines(para.inlines) if isinstance(n, Text))


def test_straight_marks_print_as_typed_and_curly_ones_as_typed(source_file):
    body = ("\n*The Human Rights Council*,\n\n1. *Decides* that l'homme, \"the title\", 'x' and "
            "“curly” ‘ones’ d’Ivoire stay as typed, and -- and ... as UN style;\n")
    res = read_source(str(source_file(STRAIGHT, body)))
    assert res.meta.quotes == "straight"
    assert "l'homme, \"the title\", 'x' and “curly” ‘ones’ d’Ivoire" in _texts(res)
    assert "– and …" in _texts(res)
    # The same text without the key prints UN style, as before.
    assert "l’homme, “the title”, ‘x’" in _texts(read_source(str(source_file(FRONT, body, "b.md"))))


def test_a_straight_source_is_written_without_backslashes_before_quotes(source_file):
    body = "\n*The Human Rights Council*,\n\n1. *Decides* that l'homme and \"a\" -- b;\n"
    res = read_source(str(source_file(STRAIGHT, body)))
    text = render_markdown(res)
    assert "quotes: straight" in text
    assert "l'homme and \"a\" – b" in text
    assert read_source(str(source_file(text, "", "again.md"))) == res


def test_quotes_takes_only_straight(source_file):
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(FRONT.replace("---\nsymbol", "---\nquotes: curly\nsymbol", 1),
                                    "\n1. *Decides* to act.\n")))
    assert [d.code for d in info.value.diagnostics] == ["E103"]


def _dashes(n: int) -> str:
    """A run of n hyphens as the reader's smart punctuation (CommonMark's rule) prints it: em
    dashes when n is a multiple of 3, else en dashes when it is even, else em dashes then en."""
    if n % 3 == 0:
        return "—" * (n // 3)
    if n % 2 == 0:
        return "–" * (n // 2)
    ens = 1 if n % 3 == 2 else 2
    return "—" * ((n - 2 * ens) // 3) + "–" * ens


PIECES = st.lists(st.sampled_from(["l'homme", "'", '"', '"x"', "'y'", "“", "”", "‘", "’", "d’Ivoire",
                                   "word", "(", ")", "--", "---", "...", ",", ";"]), min_size=1, max_size=12)


@settings(max_examples=120, deadline=None)
@given(pieces=PIECES, spaced=st.lists(st.booleans(), min_size=12, max_size=12))
def test_any_mix_of_marks_comes_back_as_typed(tmp_path_factory, pieces, spaced):
    """Straight and curly marks in any order and spacing: read as typed, written back so that
    reading again gives the same text, and never with a backslash before a quote."""
    typed = "".join(p + (" " if s else "") for p, s in zip(pieces, spaced)).strip()
    folder = tmp_path_factory.mktemp("q")
    path = folder / "q.md"
    path.write_text(STRAIGHT + f"\n1. *Decides* {typed} end.\n", encoding="utf-8")
    res = read_source(str(path))
    expected = re.sub(r"-{2,}", lambda run: _dashes(len(run.group())), typed).replace("...", "…")
    assert " ".join(_texts(res).split()) == " ".join(f"Decides {expected} end.".split())
    text = render_markdown(res)
    assert "\\'" not in text and '\\"' not in text
    again = folder / "again.md"
    again.write_text(text, encoding="utf-8")
    assert read_source(str(again)) == res


@pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
@pytest.mark.parametrize("name, typed", [
    ("Arabic/A_HRC_RES_54_32A.xml", '"صوت واحد للشخص الواحد"'),
    ("French/A_HRC_RES_54_34F.xml", "du paragraphe 2 de l'article 20"),
])
def test_un_straight_quotes_import_as_typed_and_print_as_before(tmp_path, name, typed):
    res, _warnings = import_akn(HRC54 / name)
    assert res.meta.quotes == "straight"
    text = render_markdown(res)
    assert typed in text and "\\'" not in text and '\\"' not in text
    src = tmp_path / "new.md"
    src.write_text(text, encoding="utf-8")
    assert read_source(str(src)) == res
    # What is printed is what the escaped source printed.
    res.meta.quotes = None
    escaped = render_markdown(res)
    assert '\\"' in escaped or "\\'" in escaped
    old = tmp_path / "old.md"
    old.write_text(escaped, encoding="utf-8")
    assert html.render(read_source(str(src)), {}) == html.render(read_source(str(old)), {})
    out = tmp_path / "out"
    assert unres_main(["build", str(src), "-o", str(out), "-q", "-f", "html,akn"]) == 0
    # unres's own AKN says so, and imports back into the same text.
    back, _warnings = import_akn(out / "new.akn.xml")
    assert back.meta.quotes == "straight"
    assert render_markdown(back).split("\n---\n", 1)[1] == text.split("\n---\n", 1)[1]
