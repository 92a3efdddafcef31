"""A Security Council annex whose label says more than the annex word is read as an annex.

The Council prints no closing lines, so the PDF's reader tells where its annex starts by the
label alone; it took only "Annex", "Annex II", "Annex A" (and their forms in the other five
languages) for one, where a source starts an annex with any heading that opens with the annex
word ("# Anexo al informe", as the Markdown reader reads it). The annex's paragraphs were read as
preambular paragraphs, and the build refused (O-VERIFY). Shuffled real sources showed it
(S/RES/2551 (2020) in Spanish). The PDF's reader now reads such a label as the source does.
Shown in the six languages, each with a label of its own words: 5 of the 6 were refused before
(the Arabic label's word after the annex word was read as its designator, "المرفق ألف")."""
from __future__ import annotations

import pytest

from conftest import council_front, rendered_verified

LABELS = {"English": ("Annex to resolution 9999 (2030)", "*Decides* to remain seized of the matter."),
          "French": ("Annexe de la résolution", "*Décide* de rester saisi de la question."),
          "Spanish": ("Anexo al informe", "*Decide* seguir ocupándose de la cuestión."),
          "Russian": ("Приложение к резолюции", "*постановляет* продолжать заниматься этим вопросом."),
          "Chinese": ("附件 决议", "*决定*继续处理此案。"),
          "Arabic": ("المرفق بالقرار", "*يقرر* أن يبقي المسألة قيد نظره.")}


@pytest.mark.parametrize("language", LABELS)
def test_an_annex_label_with_words_after_the_annex_word_is_an_annex(language, tmp_path):
    label, decides = LABELS[language]
    source = (council_front("9999", language) + "\n*The Security Council*,\n\n*Recalling* its resolutions,\n\n"
              + f"1. {decides}\n\n# {label}\n\n1\\. A/HRC/54/1;\n\n2\\. S/2020/57.\n")
    rendered_verified(tmp_path, source, ("akn", "html", "pdf", "docx"))
