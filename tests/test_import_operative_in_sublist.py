"""An operative paragraph typed as the last point of a <sublist> that closes the paragraph before
it, and a main body whose one paragraph ends with a comma.

- S/RES/2820 (2026) in French types paragraph 5 ("5. Décide de réduire l'effectif …") as a point in a
  <sublist> under iv) of paragraph 4's d), paragraph 6 next. The import read "5." as a
  sub-paragraph's label out of sequence and refused the file (E640). Print shows paragraph 5 at the
  margin: the point is moved out, after the paragraph it was typed in (W703), only where its number
  is the one between the numbered paragraphs around it and nothing follows it in that paragraph.
- A/RES/80/189 in Spanish ends the one paragraph of its main body with a comma ("… y de sus
  recomendaciones,"), where the other versions end it with a full stop. It was refused with "no
  operative paragraph" at the preamble's line; it is refused (E205) at the paragraph's line,
  saying why and what to change.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from test_import_organ_repairs import BODY, ga_file, sc_file
from unres.cli import main
from unres.errors import EXIT_INPUT, EXIT_OK
from unres.readers.markdown.reader import read_source

MAIN = BODY.split("    <mainBody>\n")[1].split("    </mainBody>\n")[0]


def _paragraph(n: int, label: str, sep: str, depth: int, then: str) -> str:
    """Paragraph ``n`` with sub-paragraphs (a) and (b), (b) with its own (i) and (ii) when ``depth``
    is 2, the list closed by a <sublist> holding one point labelled ``label``; ``then``: what
    follows that sublist in the paragraph (nothing, or closing words)."""
    stray = (f'<sublist><point><num>{label}{sep}</num><content><p><span class="italic">Decides</span> to '
             f'reduce the force;</p></content></point></sublist>')
    inner = ('<point><num>(b)</num><list><intro><p>To act as follows:</p></intro>'
             '<point><num>(i)</num><content><p>first;</p></content></point>'
             '<point><num>(ii)</num><content><p>second;</p></content></point>'
             f'{stray}</list></point>') if depth == 2 else \
        f'<point><num>(b)</num><content><p>To report;</p></content></point>{stray}'
    wrapup = "<wrapUp><p>as it decides;</p></wrapUp>" if then == "closing words" else ""
    return (f'      <paragraph><num>{n}.</num><list><intro><p><span class="italic">Decides</span> that the '
            f'mission shall:</p></intro><point><num>(a)</num><content><p>Protect civilians;</p></content>'
            f'</point>{inner}{wrapup}</list></paragraph>\n')


def _file(organ: str, label: str, sep: str, depth: int, then: str, last: bool) -> str:
    body = (_paragraph(1, label, sep, depth, then)
            + ("" if last else '      <paragraph><num>3.</num><content><p><span class="italic">Decides</span> '
                               'to remain seized of the matter.</p></content></paragraph>\n'))
    text = ga_file() if organ == "ga" else sc_file()
    return text.replace(MAIN.format(extra=""), body)


def _import(tmp_path, text, capsys):
    xml, out = tmp_path / "res.xml", tmp_path / "res.md"
    xml.write_text(text, encoding="utf-8")
    code = main(["import", str(xml), "-o", str(out), "-q"])
    return xml, out, code, capsys.readouterr().err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organ=st.sampled_from(["ga", "sc"]), label=st.sampled_from(["2", "3", "7"]), sep=st.sampled_from([".", "-"]),
       depth=st.sampled_from([1, 2]), then=st.sampled_from(["nothing", "closing words"]), last=st.booleans())
def test_the_next_operative_paragraph_typed_in_a_sublist_is_moved_out_or_the_file_refused(
        tmp_path_factory, capsys, organ, label, sep, depth, then, last):
    text = _file(organ, label, sep, depth, then, last)
    assert MAIN.format(extra="") not in text and "<sublist>" in text
    xml, out, code, err = _import(tmp_path_factory.mktemp("s"), text, capsys)
    if label == "2" and then == "nothing":
        assert code == EXIT_OK, err
        assert "[W703]" in err
        res = read_source(str(out))
        paragraphs = res.parts[0].operative
        assert [p.num for p in paragraphs] == (["1.", "2."] if last else ["1.", "2.", "3."])
        assert "reduce the force" in " ".join(t.text for t in paragraphs[1].inlines if hasattr(t, "text"))
        under = paragraphs[0].children[-1]
        assert (under.children[-1] if depth == 2 else under).label in ("(ii)", "(b)")
    else:
        # Not the number between its neighbours, or words of its paragraph after it: left as typed,
        # and a label out of sequence is refused, as before.
        assert "W703" not in err
        assert code == EXIT_INPUT and not out.exists(), err


@pytest.mark.parametrize("organ", ["ga", "sc"])
@pytest.mark.parametrize("ending", [",", "،", "，"])
def test_a_main_body_whose_one_paragraph_ends_with_a_comma_is_refused_at_its_line(organ, ending, tmp_path, capsys):
    body = ('      <paragraph>\n        <content><p><span class="italic">Takes note</span> of the report and '
            f'its recommendations{ending}</p></content>\n      </paragraph>\n')
    text = (ga_file() if organ == "ga" else sc_file()).replace(MAIN.format(extra=""), body)
    xml, out, code, err = _import(tmp_path, text, capsys)
    assert code == EXIT_INPUT and not out.exists()
    line = next(n for n, x in enumerate(text.splitlines(), 1) if "<paragraph>" in x)
    assert f"{xml}:{line}:1: error: the main body's last paragraph, with no operative paragraph before it, " \
           "ends with a comma" in err and "[E205]" in err
    ended = text.replace(f"recommendations{ending}", "recommendations.")
    (tmp_path / "ended").mkdir()
    xml, out, code, err = _import(tmp_path / "ended", ended, capsys)
    assert code == EXIT_OK, err
    assert read_source(str(out)).parts[0].unnumbered
