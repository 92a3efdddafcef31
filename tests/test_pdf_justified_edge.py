"""A justified line of the PDF ends at the column's edge (170 mm from the page's left edge), not
past it. Liberation Serif kerns the space against A, T, V, W and Y, and WeasyPrint 70 draws a
justified line without those pairs' kerning while it measured the line with it: each pair on a
line pushed its end half a point further out, so lines with "General Assembly", "Agenda", "Towards"
ran up to two points past the column (about half of the English pages of the Council's 54th
session had such a line). The PDF is now set without kerning, as Word sets the DOCX by default.
Shown on generated paragraphs in the languages set in Liberation Serif (Arabic, set in Amiri, keeps
its kerning; the Chinese PDF is not justified)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import council_front, glyphs_past, make_source
from unres.cli import main as unres_main

MM = 72 / 25.4
RIGHT = 170 * MM
# Words that open with a letter Liberation Serif kerns the space against, and plain ones, in each
# language's own words.
WORDS = {
    "English": ("Assembly Agenda Towards Yemen Venezuela Welcomes Afghanistan Tunisia "
                "the of and to in States development report rights human cooperation").split(),
    "French": ("Assemblée Afrique Tunisie Vanuatu Yémen Territoires "
               "les des et de la rapport droits développement coopération").split(),
    "Spanish": ("Asamblea Agenda Túnez Venezuela Yemen Territorios "
                "los de y la el informe derechos desarrollo cooperación").split(),
    "Russian": ("Ассамблея Африка Таиланд Венесуэла "
                "и в на по доклад права развития сотрудничества").split(),
}
BODY = "\n*The Security Council*,\n\n1. *Decides* {words};\n\n2. *Requests* {more}.\n"


def _overrun(pdf_path) -> list:
    """(page, how far past the column's edge, the character) of each glyph of the body that ends
    right of the column (the page's header and footer left out)."""
    return glyphs_past(pdf_path, RIGHT, 0.25)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(sorted(WORDS)), seed=st.integers(0, 10_000))
def test_a_justified_line_ends_at_the_columns_edge(tmp_path_factory, language, seed):
    words = WORDS[language]
    picked = [words[(seed * 7 + k * k * 3 + k) % len(words)] for k in range(260)]
    tmp_path = tmp_path_factory.mktemp("edge")
    source = make_source(tmp_path, council_front(language=language),
                         BODY.format(words=" ".join(picked[:180]), more=" ".join(picked[180:])), "res.md")
    out = tmp_path / "out"
    assert unres_main(["build", str(source), "-o", str(out), "-q", "-f", "pdf,docx"]) == 0
    assert _overrun(out / "res.pdf") == []
