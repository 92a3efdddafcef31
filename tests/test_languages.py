"""The six official languages: naming them, their dates, numbers and labels, and every string the
tool prints in a resolution of each."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile

import pytest
from lxml import html as lxml_html

from conftest import BODY, FRONT, SOURCE_38_3, build_ok
from unres.model import languages
from unres.errors import SourceError
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

NBSP = "\u00a0"


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


# ------------------------------------------------------------------ naming the language
@pytest.mark.parametrize("written,kept", [
    ("French", "French"), ("Français", "French"), ("fr", "French"), ("fra", "French"),
    ("anglais", "English"), ("inglés", "English"), ("английский", "English"), ("الإنكليزية", "English"),
    ("英文", "English"), ("eng", "English"), ("zh", "Chinese"), ("Русский", "Russian"), ("Español", "Spanish"),
    ("العربية", "Arabic"),
])
def test_a_language_may_be_named_as_the_un_spells_it_or_by_its_code(source_file, written, kept):
    res = read_source(str(source_file(sub(FRONT, "\nlanguage: English", f"\nlanguage: {written}"))))
    assert res.meta.language == kept
    res = read_source(str(source_file(sub(FRONT, "original_language: English",
                                          f"original_language: {written}"))))
    assert res.meta.original_language == kept


@pytest.mark.parametrize("key,written,hint", [
    ("language", "Klingon", "write one of Arabic, Chinese, English, French, Russian, Spanish"),
    ("language", "english", 'write "English"'),
    ("original_language", "Klingon", "write one of"),
    ("original_language", "Frnech", 'did you mean "French"?'),
])
def test_any_other_language_is_an_error_with_its_line(source_file, key, written, hint):
    front = sub(FRONT, f"\n{key}: English", f"\n{key}: {written}")
    line = front.splitlines().index(f"{key}: {written}") + 1
    path = source_file(front)
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.loc.line) == ("E107", line)
    assert written in problem.message and hint in problem.message
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o",
                             str(path.parent / "out")], capture_output=True, text=True)
    assert result.returncode == 3
    assert f"{path}:{line}:" in result.stderr and "[E107]" in result.stderr
    assert not (path.parent / "out").exists() or not any((path.parent / "out").iterdir())


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize("code,printed", [
    ("en", "5 July 2018"), ("fr", "5 juillet 2018"), ("es", "5 de julio de 2018"),
    ("ru", "5 июля 2018 года"), ("zh", "2018年7月5日"), ("ar", "5 تموز/يوليه 2018"),
])
def test_dates_in_each_language_are_one_unbreakable_fact(code, printed):
    assert languages.format_date(dt.date(2018, 7, 5), code) == printed.replace(" ", NBSP)


def test_arabic_months_are_the_uns_double_names_not_cldrs():
    assert languages.format_date(dt.date(2023, 6, 1), "ar") == f"1{NBSP}حزيران/يونيه{NBSP}2023"
    assert languages.format_date(dt.date(2023, 10, 13), "ar") == f"13{NBSP}تشرين{NBSP}الأول/أكتوبر{NBSP}2023"


@pytest.mark.parametrize("code,printed", [
    ("en", "18 June–6 July 2018"), ("fr", "18 juin-6 juillet 2018"),
    ("es", "18 de junio a 6 de julio de 2018"), ("ru", "18 июня — 6 июля 2018 года"),
    ("zh", "2018年6月18日至7月6日"), ("ar", "18 حزيران/يونيه - 6 تموز/يوليه 2018"),
])
def test_session_dates_in_each_language(code, printed):
    got = languages.format_date_range(dt.date(2018, 6, 18), dt.date(2018, 7, 6), code)
    assert got.replace(NBSP, " ") == printed


@pytest.mark.parametrize("code,n,printed", [
    ("en", 37, "37th meeting"), ("en", 41, "41st meeting"), ("en", 12, "12th meeting"),
    ("en", 22, "22nd meeting"), ("fr", 37, "37e séance"), ("fr", 1, "1re séance"),
    ("es", 46, "46ª sesión"), ("ru", 46, "46‑е заседание"), ("zh", 46, "第46次会议"), ("ar", 46, "الجلسة 46"),
])
def test_meetings_are_ordinals_in_each_language(code, n, printed):
    assert languages.meeting(n, code) == printed


# ------------------------------------------------------------------ numbers and labels
@pytest.mark.parametrize("code,labels", [
    ("en", ["1.", "(a)", "(b)", "(i)", "(ii)"]), ("zh", ["1.", "(a)", "(b)", "(i)", "(ii)"]),
    ("fr", ["1.", "a)", "b)", "i)", "ii)"]), ("es", ["1.", "a)", "b)", "i)", "ii)"]),
    ("ru", ["1.", "a)", "b)", "i)", "ii)"]), ("ar", ["1-", "(أ)", "(ب)", "’1‘", "’2‘"]),
])
def test_numbers_and_labels_per_language(code, labels):
    got = [languages.operative_number(1, code), languages.sub_label(1, 0, code),
           languages.sub_label(1, 1, code), languages.sub_label(2, 0, code), languages.sub_label(2, 1, code)]
    assert got == labels


def test_arabic_letters_follow_the_uns_abjad_order():
    got = [languages.sub_label(1, i, "ar") for i in range(8)]
    assert got == ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)", "(ز)", "(ح)"]


def _labels(res):
    out = []
    for para in res.operative:
        out.append(para.num)
        stack = list(para.children)
        while stack:
            point = stack.pop(0)
            out.append(point.label)
            stack[:0] = point.children
    return out


@pytest.mark.parametrize("language,body_labels,printed", [
    ("French", None, ["1.", "2.", "a)", "b)", "i)", "ii)", "3."]),
    ("French", {"(a)": "a)", "(b)": "b)", "(i)": "i)", "(ii)": "ii)"}, ["1.", "2.", "a)", "b)", "i)", "ii)", "3."]),
    ("Arabic", None, ["1-", "2-", "(أ)", "(ب)", "’1‘", "’2‘", "3-"]),
    ("Arabic", {"1.": "1-", "2.": "2-", "3.": "3-", "(a)": "(أ)", "(b)": "(ب)", "(i)": "’1‘", "(ii)": "’2‘"},
     ["1-", "2-", "(أ)", "(ب)", "’1‘", "’2‘", "3-"]),
])
def test_a_source_may_write_labels_in_its_language_or_in_the_english_form(source_file, language,
                                                                         body_labels, printed):
    body = BODY
    for old, new in (body_labels or {}).items():
        body = re.sub(r"(?m)^(\s*)" + re.escape(old) + " ", lambda m: m.group(1) + new + " " * (len(old) + 1 - len(new)), body)
    path = source_file(sub(FRONT, "\nlanguage: English", f"\nlanguage: {language}"), body)
    res = read_source(str(path))
    assert _labels(res) == printed
    # The canonical form writes the language's labels, and reads back the same.
    again = source_file(body=render_markdown(res).split("---\n", 2)[2], front=render_markdown(res).split("\n---\n")[0] + "\n---\n",
                        name="again.md")
    assert read_source(str(again)) == res


def test_a_label_out_of_sequence_in_the_languages_form_is_reported(source_file):
    body = sub(sub(BODY, "   (b) two:", "   c)  two:"), "   (a) one;", "   a)  one;")
    with pytest.raises(SourceError) as caught:
        read_source(str(source_file(sub(FRONT, "\nlanguage: English", "\nlanguage: French"), body)))
    assert [(d.code, "b)" in d.message) for d in caught.value.diagnostics] == [("E211", True)]
    body = sub(BODY, "3. *Decides*", "4. *Decides*").replace("1. *", "1- *").replace("2. *", "2- *")
    body = body.replace("4. *", "4- *")
    with pytest.raises(SourceError) as caught:
        read_source(str(source_file(sub(FRONT, "\nlanguage: English", "\nlanguage: Arabic"), body)))
    assert [d.code for d in caught.value.diagnostics] == ["E210"]


# ------------------------------------------------------------------ 38/3 in five languages
# What the tool prints in each language (the body and the names of organs stay as the source has them).
EXPECTED = {
    "French": ["Nations Unies", "Distr. générale", "16 juillet 2018", "Original: anglais", "Français",
               "18 juin-6 juillet 2018", "Point 3 de l’ordre du jour",
               "Résolution adoptée par le Conseil des droits de l’homme le 5 juillet 2018",
               "37e séance", "5 juillet 2018",
               "[Adoptée à l’issue d’un vote enregistré par 28 voix contre 14, avec 3 abstentions.",
               "Ont voté pour:", "Ont voté contre:", "Se sont abstenus:"],
    "Spanish": ["Naciones Unidas", "Distr. general", "16 de julio de 2018", "Original: inglés", "Español",
                "18 de junio a 6 de julio de 2018", "Tema 3 de la agenda",
                "Resolución aprobada por el Consejo de Derechos Humanos el 5 de julio de 2018",
                "37ª sesión", "[Aprobada en votación registrada por 28 votos contra 14 y 3 abstenciones.",
                "Votos a favor:", "Votos en contra:", "Abstenciones:"],
    "Russian": ["Организация Объединенных Наций", "Distr.: General", "16 July 2018", "Original: English",
                "Russian", "18 июня — 6 июля 2018 года", "Пункт 3 повестки дня",
                "Резолюция, принятая Советом по правам человека 5 июля 2018 года", "37‑е заседание",
                "[Принята в результате заносимого в отчет о заседании голосования 28 голосами против 14 при 3 "
                "воздержавшихся.", "Голосовали за:", "Голосовали против:", "Воздержались:"],
    "Chinese": ["联合国", "Distr.: General", "16 July 2018", "Original: English", "Chinese",
                "2018年6月18日至7月6日", "议程项目3", "人权理事会2018年7月5日通过的决议", "第37次会议",
                "[经记录表决，以28票赞成、14票反对、3票弃权获得通过。", "赞成：", "反对：", "弃权："],
    "Arabic": ["الأمــم المتحـدة", "Distr.: General", "16 July 2018", "Original: English", "Arabic",
               "18 حزيران/يونيه - 6 تموز/يوليه 2018", "البند 3 من جدول الأعمال",
               "قرار اعتمده مجلس حقوق الإنسان في 5 تموز/يوليه 2018", "الجلسة 37",
               "[اعتُمد بتصويت مسجل بأغلبية 28 صوتاً مقابل 14 صوتاً، وامتناع 3 أعضاء عن التصويت.",
               "المؤيدون:", "المعارضون:", "الممتنعون عن التصويت:"],
}
# English words the tool prints that no other version may print (the distribution block of the Arabic,
# Chinese and Russian versions is in English, as the UN prints it).
ENGLISH_ONLY = ["United Nations", "Agenda item", "Resolution adopted by", "meeting", "Adopted by",
                "The voting was as follows", "In favour:", "Against:", "Abstaining:", "July", "June"]


@pytest.fixture(scope="module")
def built_38_3(tmp_path_factory):
    folder = tmp_path_factory.mktemp("languages")
    text = SOURCE_38_3.read_text(encoding="utf-8")
    sources = []
    for language in [*EXPECTED, "English"]:
        source = sub(sub(text, "\nlanguage: English", f"\nlanguage: {language}"), "meeting: 37th meeting",
                     "meeting: 37")
        path = folder / f"res_{language}.md"
        path.write_text(source, encoding="utf-8")
        sources.append(str(path))
        # The same resolution stating the other way of joining the last two States of a list.
        path = folder / f"res_{language}_and.md"
        path.write_text(sub(source, "\nvote:\n", "\nvote:\n  last_two: and\n"), encoding="utf-8")
        sources.append(str(path))
    return build_ok(sources, folder / "out")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " "))


@pytest.mark.parametrize("language", list(EXPECTED))
def test_every_tool_made_string_of_38_3_is_in_its_language(built_38_3, language):
    page = lxml_html.fromstring((built_38_3 / f"res_{language}.html").read_bytes())
    body = page.find(".//body")
    # The resolution's own text (the body of 38/3 stays English here) is set aside: the masthead,
    # session block, adoption line, meeting line and vote note are the tool's.
    tool = " ".join(_flat(el.text_content()) for el in body.xpath(
        ".//header|.//div[@class='session']|.//p[@class='adopted-by']|.//p[@class='meeting']"
        "|.//p[@class='vote-note']|.//p[@class='vote-label']"))
    found = []
    for expected in EXPECTED[language]:
        assert _flat(expected) in tool, expected
        found.append(tool.index(_flat(expected)))
    english_block = language in ("Arabic", "Chinese", "Russian")
    for word in ENGLISH_ONLY:
        if english_block and word in ("July",):
            assert tool.count(word) == 1, word       # the date of issue only
            continue
        assert word not in tool, word
    labels = {el.get("aria-label") for el in body.xpath(".//*[@aria-label]")}
    html = languages.data(languages.resolve(language))["html"]
    assert {html["preamble"], html["operative"], html["adoption"],
            html["link_paragraph"].format(num=languages.operative_number(1, languages.resolve(language)))} <= labels
    assert page.get("lang") == languages.resolve(language)
    assert page.get("dir") == ("rtl" if language == "Arabic" else "ltr")


def test_the_other_outputs_print_the_same_strings(built_38_3):
    from docx import Document
    doc = Document(str(built_38_3 / "res_French.docx"))
    texts = _flat(" ".join(p.text for p in doc.paragraphs) + " "
                  + " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells))
    for expected in EXPECTED["French"]:
        assert _flat(expected) in texts, expected
    assert doc.core_properties.author == "Nations Unies" and doc.core_properties.language == "fr"
    from lxml import etree
    root = etree.parse(str(built_38_3 / "res_French.akn.xml")).getroot()
    akn = _flat("".join(root.itertext()))
    for expected in EXPECTED["French"]:
        assert _flat(expected) in akn, expected


# ------------------------------------------------------------------ lists of States
# The last list of 38/3 (Afghanistan, Brazil, Mexico) in each language: by default as the UN's files of
# the 55th and 58th sessions (and 38/3 itself) print a list, commas only; with 'last_two: and' as the
# 54th session's print it, the language's word before the last. French, Spanish and Russian end a
# list with a full stop.
LAST_LIST = {"English": "Afghanistan, Brazil, Mexico]", "French": "Afghanistan, Brazil, Mexico.]",
             "Spanish": "Afghanistan, Brazil, Mexico.]", "Russian": "Afghanistan, Brazil, Mexico.]",
             "Chinese": "Afghanistan、Brazil、Mexico]", "Arabic": "Afghanistan، Brazil، Mexico]"}
LAST_LIST_AND = {"English": "Afghanistan, Brazil and Mexico]", "French": "Afghanistan, Brazil et Mexico.]",
                 "Spanish": "Afghanistan, Brazil y Mexico.]", "Russian": "Afghanistan, Brazil и Mexico.]",
                 "Chinese": "Afghanistan、Brazil和Mexico]", "Arabic": "Afghanistan، Brazil وMexico]"}


@pytest.mark.parametrize("language,stated", [(language, stated) for language in LAST_LIST
                                             for stated in ("", "_and")])
def test_a_list_of_states_is_joined_as_the_language_prints_it(built_38_3, language, stated):
    import pypdfium2
    from docx import Document
    from lxml import etree
    wanted = (LAST_LIST_AND if stated else LAST_LIST)[language]
    name = f"res_{language}{stated}"
    page = lxml_html.fromstring((built_38_3 / f"{name}.html").read_bytes())
    assert wanted in page.find_class("states")[-1].text_content()
    akn = etree.parse(str(built_38_3 / f"{name}.akn.xml")).getroot()
    assert wanted in "".join(akn.find(".//{*}conclusions").itertext())
    assert any(
        wanted in p.text for p in Document(str(built_38_3 / f"{name}.docx")).paragraphs)
    if language != "Arabic":
        pdf = pypdfium2.PdfDocument(str(built_38_3 / f"{name}.pdf"))
        text = re.sub(r"\s+", " ", "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
        assert wanted in text


@pytest.mark.parametrize("language", ["English", "Arabic"])
def test_verify_reads_a_list_joined_either_way(built_38_3, language):
    sources = [str(built_38_3.parent / f"res_{language}{stated}.md") for stated in ("", "_and")]
    result = subprocess.run([sys.executable, "-m", "unres.cli", "verify", *sources, "-o", str(built_38_3), "-q"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_the_arabic_pdf_is_read_in_reading_order(built_38_3):
    """Each line right to left, the symbol and the numbers left to right inside it, a word whose
    first letter the font draws apart ("مجلس") and a vowel sign over its letter read in place."""
    import pypdfium2
    from unres.verify.read.pdf_bidi import pdf_text
    pages = pdf_text(built_38_3 / "res_Arabic.pdf")
    lines = [re.sub(r"\s+", " ", line).strip() for line in pages[0].splitlines()]
    for expected in ("الأمــم المتحـدة A/HRC/RES/38/3", "البند 3 من جدول الأعمال",
                     "قرار اعتمده مجلس حقوق الإنسان في 5 تموز/يوليه 2018"):
        assert expected in lines or any(expected.replace(" ", "") == line.replace(" ", "") for line in lines), expected
    last = re.sub(r"\s+", " ", pages[-1])
    assert "[اعتُمد بتصويت مسجل بأغلبية 28 صوتاً مقابل 14 صوتاً، وامتناع 3 أعضاء عن التصويت." in last
    # PDFium's own reading of the same page does not give this order.
    plain = re.sub(r"\s+", " ", pypdfium2.PdfDocument(str(built_38_3 / "res_Arabic.pdf"))[0]
                   .get_textpage().get_text_range())
    assert "قرار اعتمده مجلس حقوق الإنسان في 5 تموز/يوليه 2018" not in plain


def test_the_arabic_pdf_text_layer_says_what_the_page_shows(source_file, tmp_path):
    """Every word of an Arabic paragraph is read back from the PDF as written: no letter of a
    ligature named twice ("تحترم" read "تححترم"), no glyph read as a stray Latin letter."""
    from unres.verify.read.pdf_bidi import pdf_text
    words = "إذ يؤكد أن على الدول أن تحترم الحق في الخصوصية وأن تتخذ التدابير اللازمة لتحقيق ذلك دون تحيزات"
    path = source_file(sub(FRONT, "\nlanguage: English", "\nlanguage: Arabic"),
                       "\n" + words + "،\n\n1. يقرر أن يبقي المسألة قيد نظره.\n")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(out), "-q",
                             "-f", "pdf"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    read = re.sub(r"\s+", " ", " ".join(pdf_text(next(out.glob("*.pdf")))))
    assert words in read


def test_an_arabic_title_hangs_its_number_in_the_margin(source_file, tmp_path):
    """A title that runs to a second line starts both lines at one edge, its number standing apart
    in the margin at the right, as the UN prints it (and as the other languages hang it at the left)."""
    import pypdfium2
    from unres.verify.read import pdf_bidi
    title = "ولاية المقرر الخاص المعني بالآثار المترتبة في مجال حقوق الإنسان على إدارة المواد والنفايات الخطرة والتخلص منها بطرق سليمة بيئياً"
    front = sub(sub(FRONT, "\nlanguage: English", "\nlanguage: Arabic"), "\ntitle: ", f"\ntitle: {title}\nx-old-title: ")
    front = re.sub(r"\nx-old-title: [^\n]*", "", front)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(source_file(front)), "-o", str(out),
                             "-q", "-f", "pdf"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    page = pypdfium2.PdfDocument(str(next(out.glob("*.pdf"))))[0]
    lines = pdf_bidi._lines(pdf_bidi.page_chars(page.get_textpage()))
    words = [ln for ln in lines if any(w in pdf_bidi._logical(ln) for w in ("المقرر", "سليمة"))]
    title_lines = words
    assert len(title_lines) == 2
    def text_right(line):
        return max(c.right for c in line if not (c.text.isdigit() or c.text in "/. "))
    first, second = title_lines
    assert abs(text_right(first) - text_right(second)) < 1.0
    number = [c for c in first if c.text.isdigit()]
    assert min(c.left for c in number) - text_right(first) > 10 / 25.4 * 72


@pytest.mark.parametrize("language,printed", [
    ("English", "entitled “Our common agenda”, and ‘the future’"),
    ("French", "entitled «\u00a0Our common agenda\u00a0», and “the future”"),
    ("Spanish", "entitled “Our common agenda”, and ‘the future’"),
    ("Russian", "entitled «Our common agenda», and “the future”"),
    ("Chinese", "entitled “Our common agenda”, and ‘the future’"),
    ("Arabic", 'entitled "Our common agenda", and ‘the future’'),
])
def test_a_quotation_is_marked_as_the_language_prints_it(source_file, language, printed):
    """Straight quotes typed in the source become the marks the UN's files of the language print
    (French « » with no-break spaces inside, Russian « », Arabic the straight double quote)."""
    body = BODY.replace("*Noting* the report,[^a]", "*Noting* the report entitled \"Our common agenda\", "
                                                    "and 'the future',[^a]")
    res = read_source(str(source_file(sub(FRONT, "\nlanguage: English", f"\nlanguage: {language}"), body)))
    from unres.model.document import plain_text
    assert printed in plain_text(res.preamble[1].inlines)


@pytest.mark.parametrize("items,joined", [
    (["Francia", "India"], "Francia e India."), (["Chile", "Irlanda"], "Chile e Irlanda."),
    (["Chile", "Hiedra"], "Chile y Hiedra."), (["Chile", "Iowa"], "Chile y Iowa."),
    (["Chile", "Honduras"], "Chile y Honduras."), (["Chile"], "Chile."),
])
def test_spanish_writes_e_for_y_before_the_sound_i(items, joined):
    assert languages.join_list(items, "es", "and") == joined
    assert languages.join_list(items, "es", "comma") == ", ".join(items) + "."


# ------------------------------------------------------------------ right to left
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_arabic_is_right_to_left_with_the_symbol_left_to_right(built_38_3):
    import zipfile
    from lxml import etree
    with zipfile.ZipFile(built_38_3 / "res_Arabic.docx") as docx:
        styles = etree.fromstring(docx.read("word/styles.xml"))
        document = etree.fromstring(docx.read("word/document.xml"))
    defaults = styles.find(f"{W}docDefaults")
    assert defaults.find(f"{W}pPrDefault/{W}pPr/{W}bidi") is not None
    assert defaults.find(f"{W}rPrDefault/{W}rPr/{W}rtl") is not None
    assert document.find(f".//{W}tblPr/{W}bidiVisual") is not None
    assert document.find(f".//{W}sectPr/{W}bidi") is not None
    runs = [r for r in document.iter(f"{W}r") if "".join(r.itertext()) in ("A", "/HRC/RES/38/3")][:2]
    assert "".join("".join(r.itertext()) for r in runs) == "A/HRC/RES/38/3"
    assert all(r.find(f"{W}rPr/{W}rtl").get(f"{W}val") == "0" for r in runs)
    with zipfile.ZipFile(built_38_3 / "res_French.docx") as docx:
        styles = etree.fromstring(docx.read("word/styles.xml"))
    assert styles.find(f".//{W}pPrDefault/{W}pPr/{W}bidi") is None

    page = lxml_html.fromstring((built_38_3 / "res_Arabic.html").read_bytes())
    assert page.get("dir") == "rtl"
    [symbol] = page.find_class("symbol")
    assert symbol.get("dir") == "ltr" and symbol.text_content() == "A/HRC/RES/38/3"
    # The Arabic version prints the resolution's number without a full stop, as the UN does.
    [number] = page.find_class("number")
    assert number.text_content() == "38/3" and number.get("dir") == "ltr"
    assert page.find_class("distribution")[0].get("lang") == "en"


def test_the_title_number_has_its_full_stop_outside_arabic(built_38_3):
    page = lxml_html.fromstring((built_38_3 / "res_French.html").read_bytes())
    assert page.find_class("number")[0].text_content() == "38/3."


# ------------------------------------------------------------------ verify reads the printed strings
@pytest.mark.parametrize("suffix,old,new", [
    (".html", "Nations Unies", "United Nations"),
    (".akn.xml", "Point 3 de l’ordre du jour", "Agenda item 3"),
    (".html", "37e séance", "37th meeting"),
])
def test_verify_finds_a_printed_string_changed_in_one_output(built_38_3, tmp_path, suffix, old, new):
    import shutil
    folder = tmp_path / "out"
    shutil.copytree(built_38_3, folder)
    source = built_38_3.parent / "res_French.md"
    ok = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(source), "-o", str(folder)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    path = folder / f"res_French{suffix}"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(source), "-o", str(folder)],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert f"res_French{suffix}: printed: \"{old}\" is not printed" in bad.stdout + bad.stderr


def test_an_adoption_line_kept_in_a_un_files_own_words_is_read_back(tmp_path):
    # 54/1 in Arabic reads "… بتاريخ 11 تشرين الأول/أكتوبر 2023" where the data file has "في".
    text = sub(SOURCE_38_3.read_text(encoding="utf-8"), "\nlanguage: English", "\nlanguage: French")
    text = sub(text, "\n---\n", '\nprinted:\n  adopted_by: "Résolution adoptée par le Conseil des droits de '
                                 'l’homme en date du 5 juillet 2018"\n---\n')
    path = tmp_path / "res.md"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(tmp_path / "out"),
                             "-f", "docx,html,akn"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = lxml_html.fromstring((tmp_path / "out" / "res.html").read_bytes())
    assert _flat(page.find_class("adopted-by")[0].text_content()).endswith("en date du 5 juillet 2018")


def _note_marks(built, language):
    """(call, note) as each output prints the first footnote's marker of 38/3."""
    page = lxml_html.fromstring((built / f"res_{language}.html").read_bytes())
    html = (page.xpath("//a[@role='doc-noteref']")[0].text_content(),
            page.xpath("//li[@role='doc-endnote']/span[@class='marker']")[0].text_content())
    from lxml import etree
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def beside(number_run):
        def text(run):
            # Only what is set in the footnote number's own style is the marker's.
            style = run.find(f"{w}rPr/{w}rStyle") if run is not None else None
            if style is None or style.get(f"{w}val") != "FootnoteReference":
                return ""
            return "".join(t.text or "" for t in run.iter(f"{w}t"))
        return text(number_run.getprevious()) + "N" + text(number_run.getnext())
    with zipfile.ZipFile(built / f"res_{language}.docx") as docx:
        body = etree.fromstring(docx.read("word/document.xml"))
        notes = etree.fromstring(docx.read("word/footnotes.xml"))
    docx_marks = (beside(next(body.iter(f"{w}footnoteReference")).getparent()),
                  beside(next(notes.iter(f"{w}footnoteRef")).getparent()))
    akn = etree.parse(str(built / f"res_{language}.akn.xml")).getroot()
    note = next(akn.iter("{*}authorialNote"))

    def raised(el):
        return el.text if el is not None and etree.QName(el).localname == "sup" else ""
    akn_mark = raised(note.getprevious()) + note.get("marker") + raised(note.getnext())
    return html, docx_marks, akn_mark


def test_a_footnote_is_marked_as_the_language_prints_it(built_38_3):
    """The UN's Arabic versions print a footnote's number in brackets, "(1)", at the call and
    before the note (the AKN as the UN's Arabic files write it: the number in @marker, the
    brackets raised beside the call); the other languages print the number alone."""
    assert _note_marks(built_38_3, "Arabic") == (("(1)", "(1)"), ("(N)", "(N)"), "(1)")
    for language in ("English", "French", "Chinese"):
        assert _note_marks(built_38_3, language) == (("1", "1"), ("N", "N"), "1"), language


def test_the_arabic_pdf_prints_the_bracketed_marker_at_the_call_and_the_note(built_38_3):
    from unres.verify.read.pdf_bidi import pdf_text

    def marks(language):
        text = "\n".join(pdf_text(built_38_3 / f"res_{language}.pdf"))
        # Right to left, a bracket is drawn mirrored: "(1)" reads either way round.
        return len(re.findall(r"\(1\)|\)1\(", text))
    assert marks("Arabic") - marks("English") == 2


def _without_brackets(path, suffix):
    if suffix != ".docx":
        text = path.read_text(encoding="utf-8")
        for old, new in (("<sup>(</sup><authorialNote", "<authorialNote"),
                         ("</authorialNote><sup>)</sup>", "</authorialNote>"), (">(1)<", ">1<")):
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
        return
    with zipfile.ZipFile(path) as old:
        entries = [(info, old.read(info.filename)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, blob in entries:
            if info.filename == "word/footnotes.xml":
                blob = re.sub(rb'<w:r><w:rPr>\s*<w:rStyle w:val="FootnoteReference"/>\s*</w:rPr>\s*'
                              rb'<w:t>[()]</w:t></w:r>', b"", blob)
            new.writestr(info, blob)


@pytest.mark.parametrize("suffix", [".akn.xml", ".html", ".docx"])
def test_verify_expects_the_marker_the_language_prints(built_38_3, tmp_path, suffix):
    import shutil
    folder = tmp_path / "out"
    shutil.copytree(built_38_3, folder)
    source = built_38_3.parent / "res_Arabic.md"
    _without_brackets(folder / f"res_Arabic{suffix}", suffix)
    bad = subprocess.run([sys.executable, "-m", "unres.cli", "verify", str(source), "-o", str(folder)],
                         capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert 'marker "1" where the source has "(1)"' in bad.stdout + bad.stderr



@pytest.mark.parametrize("language", ["Chinese", "French"])
def test_chinese_prints_its_closing_lines_upright(built_38_3, language):
    """The UN's Chinese versions set the meeting line and the vote headings upright: the PDF draws
    them in no italic face and the DOCX sets them without italics. French keeps its italics."""
    import pdfplumber

    meeting = {"Chinese": "第37次会议", "French": "37e séance"}[language]
    with pdfplumber.open(built_38_3 / f"res_{language}.pdf") as pdf:
        page = pdf.pages[-1]
        word = next(w for w in page.extract_words() if w["text"] == meeting.split()[0])
        closing = [c for c in page.chars if c["text"] in "37" and abs(c["top"] - word["top"]) < 2]
    with zipfile.ZipFile(built_38_3 / f"res_{language}.docx") as docx:
        document = docx.read("word/document.xml").decode()
        styles = docx.read("word/styles.xml").decode()
    meeting_style = re.search(r'<w:style [^>]*w:styleId="MeetingG".*?</w:style>', styles, re.S).group()
    label = {"Chinese": "赞成：", "French": "Ont voté pour:"}[language]
    label_run = re.search(r"<w:r>(?:(?!</w:r>).)*" + re.escape(label), document, re.S).group()
    italic = language != "Chinese"
    assert closing and all(("Italic" in c["fontname"]) == italic for c in closing), closing
    assert ("<w:i/>" in meeting_style or '<w:i w:val="1"/>' in meeting_style) == italic, meeting_style
    assert ("<w:i/>" in label_run) == italic, label_run
