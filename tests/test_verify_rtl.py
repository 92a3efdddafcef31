"""verify's PDF reader reads a right-to-left PDF: each line put back in reading order (symbols,
numbers and Latin names left to right inside it, brackets facing the way they are read, a note's
call after its word), so an Arabic PDF built from a source reads back as the source says, and a
word or a number changed in it is found."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import Phase, given, settings, strategies as st

from conftest import CORPUS, FRONT
from unres.readers.markdown.reader import read_source
from unres.verify.command import differences
from unres.verify.expected import from_model

ARABIC_FRONT = FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")

BODY = """
*إن مجلس حقوق الإنسان*،

*إذ يشير* إلى المقرر 12/1-A الصادر في 11 تشرين الأول/أكتوبر 2023،

*وإذ يشير أيضاً* إلى قراره A/HRC/RES/54/10 وإلى الغاية 12-4 من أهداف التنمية المستدامة،

*وإذ يُسلّم* بأثر جائحة مرض فيروس كورونا (كوفيد-19)، وبالتوصية العامة رقم 39(2022)،[^a] وبالمادة 16(1) من الإعلان،

‏ *وإذ يلاحظ* الفقرة الفرعية (ﻫ) من المادة 2،

1. *يقرر* أن يبقي المسألة قيد نظره، وفقاً للقرار 5/1؛[^b]

2. *يطلب* إلى الأمين العام ما يلي:

   ’1‘ *المساعدة في عملية الانتقال السياسي، والتقدم نحو الحكم الديمقراطي، وحماية حقوق الإنسان وتعزيزها، والسلام المستدام في جميع أنحاء البلد وفي المناطق المتأثرة بالنزاع*؛

   ’2‘ *دعم عمليات السلام* دعما ً لجهود الحكومة.

[^a]: انظر الوثيقة A/HRC/54/28.

[^b]: A/76/207.
"""
# An Arabic resolution whose paragraphs are in English (paragraphs of A/HRC/RES/38/3): a justified
# line of Latin words draws its spaces as gaps, and a comma closing a line or a quote opening one
# stands in the line's isolate.
LATIN_BODY = """
*The Human Rights Council*,

*Reaffirming* its commitment to promoting international cooperation, as set forth in the Charter of the United Nations, in particular Article 1, paragraph 3, and relevant provisions of the Vienna Declaration and Programme of Action, adopted at the World Conference on Human Rights on 25 June 1993, for enhancing genuine cooperation among Member States in the field of human rights,

*Stressing* the importance of international cooperation for improving the living conditions of all in every country, including in particular in developing countries,

*Determined* to take new steps forward in the commitment of the international community with a view to achieving substantial progress in human rights endeavours by an increased and sustained effort of international cooperation and solidarity,

*Reiterating* the role played by the universal periodic review as an important mechanism contributing to the enhancement of international cooperation in the field of human rights,

*Recalling* General Assembly resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”, in which the Assembly adopted a comprehensive, far-reaching and people-centred set of universal and transformative Sustainable Development Goals,

*Taking note with appreciation* of the final document and declaration adopted at the Seventeenth Conference of Heads of State or Government of Non-Aligned Countries, held on Margarita Island, Bolivarian Republic of Venezuela, from 13 to 18 September 2016, in which the States members of the Movement of Non-Aligned Countries reiterated, inter alia, that South-South cooperation is an important element of international cooperation for the sustainable development of their peoples, as a complement to and not as a substitute for North-South cooperation, which allows for the transfer of appropriate technologies, in favourable conditions and on preferential terms,

*Recognizing* that the Movement of Non-Aligned Countries, in its Baku Declaration of 6 April 2018, identified the need to promote unity, solidarity and cooperation among States and pledged to strive to make a constructive contribution towards building a new pattern of international relations based on the principles of peaceful coexistence, cooperation among nations and the right to equality of all States,

*Recalling further* General Assembly resolution 48/141 of 20 December 1993, entitled “High Commissioner for the promotion and protection of all human rights”, in which the Assembly recalled that one of the purposes of the United Nations enshrined in the Charter is to achieve international cooperation in the promotion and encouragement of respect for human rights,

1. *Decides* to continue its consideration of this question at its next session under the same item of its programme of work.
"""
# A word of one preambular paragraph and a number of the next, changed in the PDF only.
EDITS = (("إذ يشير* إلى المقرر", "إذ يشير* إلى القرار"), ("الغاية 12-4", "الغاية 12-5"))
CORPUS_FILES = [CORPUS / "un-akn-hrc" / "54session" / "Arabic" / f"A_HRC_RES_54_{n}A.xml" for n in (10, 12, 1, 16, 18, 19, 35, 36)]
# The Assembly's and the Security Council's pages: a title whose words open with a dash (75/11),
# headings between operative paragraphs (2511), a number's bracket closed in the line's face and
# a stop after it ("(كوفيد-19)؛", 75/6), a note that is a symbol with a non-breaking hyphen the Latin
# face has no glyph for ("A/ES‑10/794", 75/22).
CORPUS_FILES += [CORPUS / "un-akn-ga" / "75session" / "Arabic" / f"75_{n}_A.xml" for n in (11, 6, 22)]
CORPUS_FILES += [CORPUS / "un-akn-sc" / "2020" / "Arabic" / "S_RES_2511 (2020)-2002954A.xml"]


def _stem(path) -> str:
    """The name a corpus file's source is written under (the Security Council's names hold
    spaces and brackets)."""
    return re.sub(r"\W+", "_", path.stem)


def _build(folder, sources):
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *map(str, sources), "-o",
                             str(folder / "out"), "-q", "-f", "pdf"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]


def _pdf_differences(source, pdf):
    """What the PDF's reader finds; the AKN file the PDF carries is read by the AKN reader, and
    says what the source it was built from says, which these tests change (tests/test_verify.py
    has the carried file's own tests)."""
    return [finding for finding in differences(from_model(read_source(str(source)), str(source)), {"pdf": (pdf, pdf)})
            if "(the AKN file it carries)" not in finding]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rtl")
    sources = []
    source = folder / "arabic.md"
    source.write_text(ARABIC_FRONT + BODY, encoding="utf-8")
    edited = folder / "edited.md"
    text = BODY
    for old, new in EDITS:
        assert old in text
        text = text.replace(old, new)
    edited.write_text(ARABIC_FRONT + text, encoding="utf-8")
    latin = folder / "latin.md"
    latin.write_text(ARABIC_FRONT + LATIN_BODY, encoding="utf-8")
    sources += [source, edited, latin]
    if all(path.is_file() for path in CORPUS_FILES):
        from unres.readers.akn.reader import import_akn
        from unres.writers.markdown import render_markdown
        for path in CORPUS_FILES:
            md = folder / (_stem(path) + ".md")
            md.write_text(render_markdown(import_akn(path)[0]), encoding="utf-8")
            sources.append(md)
    _build(folder, sources)
    return folder


def test_an_arabic_pdf_reads_back_as_its_source(built):
    # (with a paragraph whose italic opening words follow a space and a mark of direction, which
    # print nothing; a label's letter typed as its presentation form "ﻫ", drawn as its letter;
    # labels ’1‘ whose quotes are in the roman face where the words of their line are all italic,
    # the italics running on to the next line; a mark typed alone between two words)
    assert _pdf_differences(built / "arabic.md", built / "out" / "arabic.pdf") == []


def test_the_other_formats_read_an_opening_after_what_prints_nothing(built, tmp_path):
    """The italic words after a space and a mark of direction open the paragraph in every format,
    as print shows them (the source's model once said it had none, every reader but the AKN's the
    italics)."""
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(built / "arabic.md"), "-o",
                             str(tmp_path / "out"), "-q", "-f", "akn,html,docx"], capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    want = from_model(read_source(str(built / "arabic.md")), "arabic")
    assert [item.opening for item in want.items if "الفقرة الفرعية" in item.text] == ["وإذ يلاحظ"]


def test_an_arabic_pdf_of_english_paragraphs_reads_its_spaces(built):
    assert _pdf_differences(built / "latin.md", built / "out" / "latin.pdf") == []


def test_a_word_or_a_number_changed_in_an_arabic_pdf_is_found(built):
    found = _pdf_differences(built / "arabic.md", built / "out" / "edited.pdf")
    assert len(found) == 2, found
    assert "preambular 1: text" in found[0] and "القرار" in found[0]
    assert "preambular 2: text" in found[1] and "12-5" in found[1]


@pytest.mark.skipif(not all(path.is_file() for path in CORPUS_FILES), reason="../shared/corpus (the UN's AKN files) is absent")
@pytest.mark.parametrize("stem", [_stem(path) for path in CORPUS_FILES])
def test_the_uns_arabic_files_built_read_back_as_their_source(built, stem):
    assert _pdf_differences(built / f"{stem}.md", built / "out" / f"{stem}.pdf") == []


@pytest.mark.skipif(not all(path.is_file() for path in CORPUS_FILES), reason="../shared/corpus (the UN's AKN files) is absent")
def test_an_assembly_source_damaged_gives_its_differences_against_its_arabic_pdf(built, tmp_path):
    """The Assembly's Arabic PDF is read, not passed: a word of a preambular paragraph and the
    title changed in the source are found in it."""
    text = (built / "75_11_A.md").read_text(encoding="utf-8")
    for old, new in (("إذ تشير* إلى قراراتها السابقة", "إذ تشير* إلى قراراتها اللاحقة"),
                     ("وجامعة الدول العربية", "وجامعة الدول الأفريقية")):     # (first in the title)
        assert old in text
        text = text.replace(old, new, 1)
    damaged = tmp_path / "75_11_A.md"
    damaged.write_text(text, encoding="utf-8")
    found = _pdf_differences(damaged, built / "out" / "75_11_A.pdf")
    assert len(found) == 4, found
    assert "title" in found[0] and "العربية" in found[0]
    assert "preambular 1: text" in found[1] and "السابقة" in found[1]
    # what it tells a viewer: its title, and the bookmark of its title
    assert "metadata PDF Title" in found[2] and "العربية" in found[2]
    assert "metadata PDF bookmark" in found[3] and "العربية" in found[3]


# ------------------------------------------------------------------ generated paragraphs
_WORDS = ["مجلس", "حقوق", "الإنسان", "يشير", "أيضاً", "إلى", "القرار", "المؤرخ", "تموز/يوليه", "يُسلّم",
          "بأن", "الدول", "بناءً", "على", "في", "الحق", "التنمية", "وإذ", "الخاص", "والمواد"]
_U = "(https://undocs.org/ar/S/2020/57)"
_SPECIAL = ["A/HRC/RES/54/10", "5/1", "2023", "12-4", "(كوفيد-19)", "39(2022)", "Human Rights Watch",
            "E/CN.4/Sub.2/1997/20/Rev.1", "(أ)", "2030،", "16(1)", "”لمحة عامة“", "’3‘", "3",
            # a symbol the UN links in pieces, some in bold (S/RES/2507 (2020)), a link that holds the
            # sentence's closing bracket (S/RES/2524 (2020)), a year before a linked symbol
            f"(**[S/]{_U}[2020]{_U}**[/]{_U}**[57]{_U}**)،", f"(S[/2020/429)]{_U}", f"2011 ([S/PRST/2011/16]{_U})"]
_TOKEN = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SPECIAL))


@st.composite
def _paragraph(draw):
    first = draw(st.sampled_from(_WORDS))      # a paragraph opens with a word, not a label
    words = [first] + draw(st.lists(_TOKEN, min_size=3, max_size=30))
    call = draw(st.integers(min_value=0, max_value=len(words) - 1))
    words[call] += "[^n]"
    return " ".join(words)


@given(st.lists(_paragraph(), min_size=2, max_size=3))
@settings(max_examples=6, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate])
def test_generated_arabic_paragraphs_read_back_as_written(tmp_path_factory, paragraphs):
    folder = tmp_path_factory.mktemp("generated")
    body, notes = "\n*إن مجلس حقوق الإنسان*،\n", []
    for n, text in enumerate(paragraphs, 1):
        body += f"\n{n}. " + text.replace("[^n]", f"[^{n}]") + "؛\n"
        notes.append(f"[^{n}]: A/HRC/54/{n}.")
    source = folder / "generated.md"
    source.write_text(ARABIC_FRONT + body + "\n" + "\n\n".join(notes) + "\n", encoding="utf-8")
    _build(folder, [source])
    assert _pdf_differences(source, folder / "out" / "generated.pdf") == []


def _reads_back_and_a_change_is_found(folder, body, old, new):
    """The PDF built from ``body`` reads back; the source with ``old`` changed to ``new`` differs
    from it in one place, which is returned."""
    source = folder / "res.md"
    source.write_text(ARABIC_FRONT + body, encoding="utf-8")
    _build(folder, [source])
    pdf = folder / "out" / "res.pdf"
    assert _pdf_differences(source, pdf) == []
    damaged = folder / "damaged.md"
    damaged.write_text(source.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    found = _pdf_differences(damaged, pdf)
    assert len(found) == 1, found
    return found[0]


def test_a_quote_after_a_symbol_reads_back_as_a_quote(tmp_path):
    """A quotation after a document's symbol (79/103 in Arabic: "انظر A/AC.109/2021/5، ”لمحة عامة
    عن الإقليم“."): the text layer does not say which way the opening quote faces, so the PDF is
    read with its quotes as quotes; its words are still read, a changed one found."""
    note = "انظر A/AC.109/2021/5، ”لمحة عامة عن الإقليم“."
    body = "\n*إن مجلس حقوق الإنسان*،\n\n1. *يقرر* أن يبقي المسألة قيد نظره[^1]؛\n\n[^1]: " + note + "\n"
    found = _reads_back_and_a_change_is_found(tmp_path, body, "لمحة عامة", "نظرة عامة")
    assert "footnote" in found and "لمحة" in found, found


@pytest.mark.parametrize("typed", ["(2015-2030(", "(2015-2030)", ")2015-2030(", "[2015-2030["])
def test_a_bracket_typed_facing_the_wrong_way_reads_back(tmp_path, typed):
    """A bracket typed facing the wrong way (78/159 in Arabic: "الكوارث (2015-2030(،"): the text layer
    does not say which way a bracket faces and the reader guesses it from where it stands, so the
    PDF is read with its brackets as brackets; its words are still read, a changed one found."""
    words = f"*وإذ تشير* إلى إطار سنداي للحد من مخاطر الكوارث {typed}،"
    body = "\n*إن مجلس حقوق الإنسان*،\n\n" + words + "\n\n1. *يقرر* أن يبقي المسألة قيد نظره.\n"
    found = _reads_back_and_a_change_is_found(tmp_path, body, "2015-2030", "2015-2031")
    assert "preambular 1" in found and "2030" in found, found


# ------------------------------------------------------------------ left-to-right lines of numbers
def _opening_lines(pdf, brackets) -> int:
    """How many printed lines of ``pdf`` hold no letter and have an opening bracket as their
    leftmost glyph (by where the glyphs stand, not by any reading order)."""
    import pypdfium2 as pdfium
    from unres.verify.read.pdf_bidi import _lines, page_chars

    document, count = pdfium.PdfDocument(str(pdf)), 0
    try:
        for page in document:
            textpage = page.get_textpage()
            for line in _lines(page_chars(textpage)):
                drawn = [ch for ch in line if ch.text.strip()]
                if drawn and not any(ch.text.isalpha() for ch in drawn):
                    count += min(drawn, key=lambda ch: ch.left).text in brackets
            textpage.close()
    finally:
        document.close()
    return count


_PREFIX = ["in", "particular", "a", "the", "its", "previous", "and", "of"]


@given(st.sampled_from(["()", "[]"]),
       st.lists(st.tuples(st.integers(1000, 9999), st.integers(1945, 2030)), min_size=14, max_size=20))
@settings(max_examples=3, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate])
def test_a_left_to_right_line_opening_with_a_bracketed_number_reads_back(tmp_path_factory, brackets, items):
    """An English paragraph under an Arabic page (S/RES/2508 (2020) built in Arabic): a line of
    numbers alone opens with a bracketed year, "(2005), 1665 (2006), …, 1891 (2009),", and its
    bracket and closing comma are its own, read left to right with it (the comma was read first,
    the bracket last). Each paragraph starts its list a word further on, so its lines break at
    other places; a changed year on such a line is found."""
    folder = tmp_path_factory.mktemp("numbers")
    opening, closing = brackets
    listed = ", ".join(f"{number} {opening}{year}{closing}" for number, year in items)
    body = "\n*The Security Council*,\n"
    for n in range(len(_PREFIX)):
        body += f"\n*Recalling* its resolutions {' '.join(_PREFIX[:n])} {listed},\n"
    body += "\n1. *Decides* to remain seized of the matter.\n"
    source = folder / "res.md"
    source.write_text(ARABIC_FRONT + body, encoding="utf-8")
    _build(folder, [source])
    pdf = folder / "out" / "res.pdf"
    assert _opening_lines(pdf, opening) > 0     # the case is in the PDF
    assert _pdf_differences(source, pdf) == []
    number, year = items[-1]
    damaged = folder / "damaged.md"
    old = f"{number} {opening}{year}{closing},\n\n1."
    assert old in body
    damaged.write_text(ARABIC_FRONT + body.replace(old, f"{number} {opening}{year + 1}{closing},\n\n1."),
                       encoding="utf-8")
    found = _pdf_differences(damaged, pdf)
    assert len(found) == 1 and f"preambular {len(_PREFIX)}" in found[0], found
