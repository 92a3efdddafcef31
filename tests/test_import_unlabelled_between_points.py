"""Paragraphs without a label typed between two labelled sub-paragraphs.

S/RES/2820 (2026) in Chinese types paragraph 4's "(a)" with its point ㈠ in a list, then the three
bullets under ㈠ as paragraphs of words with no label (the bullets lost), then ㈡ to ㈤ as paragraphs
of their own. The import took the first unlabelled paragraph for paragraph 4's closing words
(W655), after which ㈡ could not continue the sub-paragraphs and the file was refused (E617). Words
followed by a labelled sub-paragraph are not closing words: they are joined to the sub-paragraph
above them, each on a new line (W704). Without a labelled paragraph after them, before the next
numbered one, they are closing words, as before. Shown on generated files of both organs."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from test_import_operative_in_sublist import MAIN, _import
from test_import_organ_repairs import ga_file, sc_file
from unres.errors import EXIT_OK
from unres.model.document import LineBreak
from unres.readers.markdown.reader import read_source

LABELS = {"roman": ("(i)", "(ii)"), "chinese": ("㈠", "㈡")}


def _body(nested: bool, scheme: str, words: int, then: str) -> str:
    """Paragraph 1 opening a list typed in paragraphs of their own: (a), holding its first point in
    a list when ``nested`` (as 2820 does) or standing alone, ``words`` paragraphs without a label,
    then (ii) (or (b)) when ``then`` is "label", else paragraph 2 at once."""
    first, second = LABELS[scheme] if nested else ("(a)", "(b)")
    head = ('      <paragraph><num>1.</num><content><p><span class="italic">Decides</span> that the '
            'mission shall:</p></content></paragraph>\n')
    if nested:
        head += (f'      <paragraph><num>(a)</num><list><intro><p>Protect civilians:</p></intro><point>'
                 f'<num>{first}</num><content><p>By all means, including to:</p></content></point></list>'
                 '</paragraph>\n')
    else:
        head += ('      <paragraph><num>(a)</num><content><p>Protect civilians, including to:</p></content>'
                 '</paragraph>\n')
    between = "".join(f'      <paragraph><content><p>\t\tact in the way number {n};</p></content></paragraph>\n'
                      for n in range(1, words + 1))
    after = (f'      <paragraph><num>{second}</num><content><p>Support the delivery of aid;</p></content>'
             '</paragraph>\n') if then == "label" else ""
    return head + between + after + (
        '      <paragraph><num>2.</num><content><p><span class="italic">Decides</span> to remain seized of '
        'the matter.</p></content></paragraph>\n')


def _words(inlines) -> str:
    return "".join(getattr(node, "text", "\n" if isinstance(node, LineBreak) else "") for node in inlines)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organ=st.sampled_from(["ga", "sc"]), nested=st.booleans(), scheme=st.sampled_from(sorted(LABELS)),
       words=st.integers(1, 3), then=st.sampled_from(["label", "number"]))
def test_unlabelled_paragraphs_before_a_labelled_one_join_the_sub_paragraph_above(
        tmp_path_factory, capsys, organ, nested, scheme, words, then):
    text = (ga_file() if organ == "ga" else sc_file()).replace(MAIN.format(extra=""), _body(nested, scheme, words, then))
    assert MAIN.format(extra="") not in text
    _xml, out, code, err = _import(tmp_path_factory.mktemp("u"), text, capsys)
    assert code == EXIT_OK, err
    first = read_source(str(out)).parts[0].operative[0]
    typed = [f"act in the way number {n};" for n in range(1, words + 1)]
    if then == "label":
        assert err.count("[W704]") == words and "W655" not in err
        assert first.wrapup is None
        (a, *rest) = first.children
        above = a.children[0] if nested else a
        assert _words(above.inlines).split("\n")[1:] == typed
        assert [s.label for s in (a.children if nested else first.children)] == \
            (["(i)", "(ii)"] if nested else ["(a)", "(b)"])
    else:
        # No labelled paragraph follows: the words close paragraph 1, as before.
        assert "W704" not in err and "[W655]" in err
        assert _words(first.wrapup).startswith(typed[0])
