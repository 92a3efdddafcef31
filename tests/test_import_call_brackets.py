"""The raised brackets the Arabic files type around a footnote call, "(1)", are the call's printed
marker, which the build prints from the language data: whichever way the UN typed them — raised
as the language prints them, the closing one unraised (W690), or one facing the wrong way, as
right-to-left typing swaps them ('2030(<sup>)</sup><authorialNote/><sup>)</sup>', 78/159 in
Arabic; W690) — they leave the words, and brackets typed unraised in the words stay as typed."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from unres.model.document import NoteRef, Superscript, Text
from unres.readers.akn.inlines import InlineContext, convert

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NOTE = ('<authorialNote marker="{n}" placement="bottom" eId="authorialNote_{n}">'
        '<p xml:space="preserve">\t()\tالقرار {n}.</p></authorialNote>')

# Words as the Arabic files type them, brackets of their own among them ("(2015-2030(" is the
# UN's slip in the words, and stays).
WORD = st.sampled_from(["الكوارث", "(2015-2030(", "(2015-2030)", "الفقرة", "(أ)", "2023", "المرفق"])
# A call's raised brackets: on each side none, the language's, or the other one (a mirrored slip);
# the closing one may also be typed unraised at the start of the words after it.
BEFORE = st.sampled_from(["", "(", ")"])
AFTER = st.sampled_from(["", ")", "(", "unraised"])


def _convert(xml: str, code: str):
    ctx = InlineContext(path="generated.xml", code=code)
    return convert(etree.fromstring(f'<p xmlns="{NS}" xml:space="preserve">{xml}</p>'), ctx), ctx


def _plain(nodes) -> str:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, NoteRef):
            out.append("[^]")
        else:
            out.append("<" + _plain(getattr(node, "children", [])) + ">")
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(WORD, min_size=1, max_size=3), BEFORE, AFTER), min_size=1, max_size=4),
       st.lists(WORD, min_size=1, max_size=2))
def test_an_arabic_calls_raised_brackets_leave_the_words_whichever_way_they_face(calls, last):
    xml, words, slips = "", "", 0
    for n, (before_words, before, after) in enumerate(calls, 1):
        text = " ".join(before_words)
        xml += text + (f"<sup>{before}</sup>" if before else "") + NOTE.format(n=n)
        words += text + "[^]"
        if after == "unraised":
            # the closing bracket typed in the words after the call: the marker's only where a
            # raised bracket opened the call
            xml += ")"
            if before:
                slips += 1
            else:
                words += ")"
        elif after:
            xml += f"<sup>{after}</sup>"
        slips += (before == ")") + (after == "(")
        xml += " "
        words += " "
    xml += " ".join(last)
    words += " ".join(last)
    nodes, ctx = _convert(xml, "ar")
    assert not any(isinstance(node, Superscript) for node in nodes), _plain(nodes)
    assert " ".join(_plain(nodes).split()) == " ".join(words.split())
    assert sum(isinstance(node, NoteRef) for node in nodes) == len(calls)
    said = sum(w.code == "W690" for w in ctx.warnings)
    assert said == slips, [w.message for w in ctx.warnings]


def test_the_un_slip_of_78_159_in_arabic_reads_as_the_words_and_a_call():
    """'(2015-2030(<sup>)</sup><authorialNote/><sup>)</sup>،': the raised ")" opens the call, the
    unraised "(" is the words' (as the UN typed it), and the repair is named."""
    nodes, ctx = _convert("لإطار سِنداي (2015-2030(<sup>)</sup>" + NOTE.format(n=15) + "<sup>)</sup>،", "ar")
    assert _plain(nodes) == "لإطار سِنداي (2015-2030([^]،"
    assert [w.code for w in ctx.warnings].count("W690") == 1


def test_two_calls_side_by_side_keep_their_own_brackets_without_a_warning():
    nodes, ctx = _convert("النص<sup>(</sup>" + NOTE.format(n=1) + "<sup>)</sup><sup>(</sup>" + NOTE.format(n=2)
                          + "<sup>)</sup>، والباقي", "ar")
    assert _plain(nodes) == "النص[^][^]، والباقي"
    assert "W690" not in [w.code for w in ctx.warnings]


@given(st.sampled_from(["(", ")"]), st.sampled_from(["en", "fr", "es", "ru", "zh"]))
def test_a_language_that_prints_no_brackets_keeps_a_raised_bracket_beside_a_call(bracket, code):
    nodes, ctx = _convert("the text<sup>" + bracket + "</sup>" + NOTE.format(n=1) + " and more", code)
    assert any(isinstance(node, Superscript) for node in nodes)
    assert "W690" not in [w.code for w in ctx.warnings]
