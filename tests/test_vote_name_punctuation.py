"""A State's name in a vote's lists is printed and read back as itself, or the source is refused
at its line (E404); the build never fails on it. The import of 58/24 in Arabic wrote "ملديف["
(the note's closing bracket typed as its opening one, now repaired by the import: W676), and the
build was refused as a bug in unres (O-VERIFY) though the source had said nothing a reader could
print: a name holding a square bracket (the note's own), ending with the punctuation printed
between and after the States, or with a bracket that pairs with none in it. Shown on generated
names in every language, at every place of the three lists."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import FRONT
from unres.errors import SourceError, UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
NAMES = {
    "Arabic": ["ملديف", "بوليفيا (دولة - المتعددة القوميات)", "الهند", "كوستاريكا"],
    "Chinese": ["马尔代夫", "多民族玻利维亚国", "印度", "哥斯达黎加"],
    "English": ["Maldives", "Bolivia (Plurinational State of)", "India", "Costa Rica"],
    "French": ["Maldives", "Bolivie (État plurinational de)", "Inde", "Costa Rica"],
    "Russian": ["Мальдивские Острова", "Боливия (Многонациональное Государство)", "Индия", "Коста-Рика"],
    "Spanish": ["Maldivas", "Bolivia (Estado Plurinacional de)", "India", "Costa Rica"],
}
# Characters a typist may leave in a name; each language's own punctuation too.
MARKS = list("[](){}.,;:!?-–'’«»<>/&") + ["،", "؛"]
OWN_MARKS = {"Arabic": ["،", "؛"], "Chinese": ["，", "；", "、", "。"]}
FINE_MARKS = set("{}:!?-–'’«»<>/&")      # nothing unres prints around a name: always printed as typed


@st.composite
def votes(draw):
    language = draw(st.sampled_from(sorted(NAMES)))
    names = list(NAMES[language])
    mark = draw(st.sampled_from([m for m in MARKS if m not in "،؛" or language == "Arabic"]
                                + OWN_MARKS.get(language, [])))
    index = draw(st.integers(0, len(names) - 1))
    name = names[index]
    at = draw(st.sampled_from(["start", "end", "middle"]))
    names[index] = (mark + name if at == "start" else name + mark if at == "end"
                    else name[:2] + mark + name[2:])
    cut = draw(st.integers(1, len(names) - 1))
    lists = {"in_favour": names[:cut], "against": [], "abstaining": names[cut:]}
    if draw(st.booleans()):
        lists["in_favour"], lists["abstaining"] = lists["abstaining"], lists["in_favour"]
    return language, lists, names[index], mark, at


def _source(language: str, lists: dict) -> str:
    front = FRONT.replace("\nlanguage: English", f"\nlanguage: {language}")
    vote = "vote:\n" + "".join(f"  {key}:" + ("".join(f"\n    - {json.dumps(n, ensure_ascii=False)}" for n in states)
                                              if states else " []") + "\n"
                               for key, states in lists.items())
    front = re.sub(r"vote:\n(?:  .*\n)+", lambda _m: vote, front)
    return front + "\n*The Human Rights Council*,\n\n1. *Decides* to remain seized of the matter.\n"


@given(votes())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_states_name_is_read_back_or_refused_at_its_line(tmp_path, drawn):
    language, lists, name, mark, at = drawn
    source = _source(language, lists)
    try:
        render_verified(str(tmp_path / "res.md"), source.encode(), FORMATS, str(tmp_path / "out"))
    except SourceError as refused:
        codes = {d.code for d in refused.diagnostics}
        assert codes == {"E404"}, [str(d) for d in refused.diagnostics]
        (said,) = refused.diagnostics
        assert said.loc.line == 1 + source.splitlines().index(f"    - {json.dumps(name, ensure_ascii=False)}")
        # Only what the lists print around a name is refused.
        assert mark not in FINE_MARKS, str(said)
    except UnresError as failed:
        pytest.fail(f"{language} {name!r}: " + "; ".join(str(d) for d in failed.diagnostics))


@pytest.mark.parametrize("name, refused", [
    ("ملديف[", True), ("Maldives]", True), ("India.", True), ("India،", True), ("Mexico (", True),
    ("Mexico ()", True), ("Bolivia (Plurinational State of)", False), ("Côte d’Ivoire", False),
    ("Guinea-Bissau", False)])
def test_the_names_refused(tmp_path, name, refused):
    lists = {"in_favour": ["Angola", name], "against": [], "abstaining": ["Japan"]}
    source = _source("Arabic" if re.search("[\u0600-\u06ff]", name) else "English", lists)
    if not refused:
        render_verified(str(tmp_path / "res.md"), source.encode(), FORMATS, str(tmp_path / "out"))
        return
    with pytest.raises(SourceError) as caught:
        render_verified(str(tmp_path / "res.md"), source.encode(), FORMATS, str(tmp_path / "out"))
    assert [d.code for d in caught.value.diagnostics] == ["E404"]
