"""A kept adoption note (``printed.vote_note``: an imported UN file's own words) prints the vote's
totals; a source whose lists no longer count what it prints is refused at the note's line (E401).
A random edit of an imported source showed it: 55/27 in Spanish keeps its note, "[Aprobada en
votación registrada por 24 votos contra 6 y 17 abstenciones…", and with one State taken off a list
the build was refused as a bug in unres (O-VERIFY: "metadata abstaining count 16 where the text
says 17"). The note is read as verify reads it back. Shown on generated votes in every language:
the note as kept builds; with States taken off or added to a list, E401 at the note's line."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import FRONT
from unres.errors import SourceError, UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
LANGUAGES = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
STATES = ["Angola", "Benin", "Chile", "Cuba", "Eritrea", "Gambia", "Ghana", "Honduras", "India", "Japan",
          "Kuwait", "Malawi", "Nepal", "Qatar", "Somalia", "Sudan"]
# A UN file's own wording (the numbers are what the note prints; the words need not be the data's).
NOTES = {"Arabic": "[اعتمد بتصويت مسجل بأغلبية {0} صوتا مقابل {1} صوتا، وامتناع {2} أعضاء عن التصويت. وكانت النتيجة:",
         "Chinese": "[以{0}票赞成、{1}票反对、{2}票弃权，经记录表决通过。表决结果：",
         "English": "[Adopted by a recorded vote of {0} to {1}, with {2} abstentions. The result was:",
         "French": "[Adoptée à l’issue d’un vote enregistré par {0} voix contre {1}, avec {2} abstentions. Résultat :",
         "Russian": "[Принята путем заносимого в отчет голосования {0} голосами против {1} при {2} воздержавшихся. Итоги:",
         "Spanish": "[Aprobada en votación registrada por {0} votos contra {1} y {2} abstenciones. El resultado fue:"}
LISTS = ("in_favour", "against", "abstaining")


def _source(language: str, lists: dict, note: str) -> str:
    vote = "".join(f"  {key}:\n" + "".join(f"    - {s}\n" for s in lists[key]) if lists[key] else f"  {key}: []\n"
                   for key in LISTS)
    front = FRONT.replace("\nlanguage: English", f"\nlanguage: {language}")
    front = front[:front.index("vote:")] + "vote:\n" + vote + f"printed:\n  vote_note: \"{note}\"\n---\n"
    return front + "\n*The Human Rights Council*,\n\n*Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n"


@st.composite
def votes(draw):
    names = draw(st.permutations(STATES))
    sizes = [draw(st.integers(3, 5)), draw(st.integers(3, 5)), draw(st.integers(3, 5))]
    lists, at = {}, 0
    for key, size in zip(LISTS, sizes):
        lists[key], at = names[at:at + size], at + size
    changed = draw(st.sampled_from(LISTS))
    delta = draw(st.sampled_from([-2, -1, 1]))
    return draw(st.sampled_from(LANGUAGES)), lists, changed, delta, names[at:at + 1]


@given(votes())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_kept_note_that_no_longer_counts_the_lists_is_refused_at_its_line(tmp_path, drawn):
    language, lists, changed, delta, spare = drawn
    note = NOTES[language].format(*(len(lists[key]) for key in LISTS))
    text = _source(language, lists, note)
    try:
        render_verified(str(tmp_path / "as-kept.md"), text.encode(), FORMATS, str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("the note as kept: " + "; ".join(str(d) for d in refused.diagnostics))
    edited = dict(lists)
    edited[changed] = lists[changed][:delta] if delta < 0 else lists[changed] + spare
    text = _source(language, edited, note)
    with pytest.raises(SourceError) as refused:
        render_verified(str(tmp_path / "edited.md"), text.encode(), FORMATS, str(tmp_path / "out2"))
    line = next(n for n, l in enumerate(text.split("\n"), 1) if l.startswith("  vote_note:"))
    assert [(d.code, d.loc.line) for d in refused.value.diagnostics] == [("E401", line)]
