"""verify's right-to-left reader asks PDFium of each character of a page through calls declared
without argument types (``pdfium_calls.char_calls``), and asks whether PDFium made a character up
only of a space or a line end; both readers ask of each text object and structure element so too
(``pdfium_calls.object_calls``). All are checked here against pypdfium2's own declarations of the
same functions, asked of every character, text object and element of PDFs built in Arabic,
Chinese and English."""
from __future__ import annotations

import ctypes
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import FRONT, ROOT, build_ok, make_source
from unres.verify.read.pdf_bidi import page_chars
from unres.verify.read.pdf_text import _page_structure
from unres.verify.read.pdf_textpage import text_objects
from unres.verify.read.pdfium_calls import Handle, address, object_calls, text_page_handle

ARABIC = FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")
CHINESE = FRONT.replace("\nlanguage: English", "\nlanguage: Chinese")

ARABIC_BODY = """
*إن مجلس حقوق الإنسان*،

*إذ يشير* إلى قراره A/HRC/RES/54/10 المؤرخ 11 تشرين الأول/أكتوبر 2023، وإلى الغاية 12-4 من أهداف التنمية المستدامة، وبالمادة 16(1) من الإعلان،[^a]

1. *يقرر* أن يبقي المسألة قيد نظره، وفقاً للقرار 5/1، وأن يواصل النظر فيها في دورته السابعة والخمسين في إطار البند نفسه من جدول الأعمال؛

[^a]: انظر الوثيقة A/HRC/54/28.
"""

CHINESE_BODY = """
*人权理事会*，

*回顾*其关于这一问题的第 54/10 号决议（A/HRC/RES/54/10）和 2023 年 10 月 11 日的决定，[^a]

1. *决定*继续处理此问题，并在第五十七届会议上根据同一议程项目审议此问题；

[^a]: 见 A/HRC/54/28。
"""


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    base = tmp_path_factory.mktemp("char_calls")
    sources = [make_source(base, ARABIC, ARABIC_BODY, "ar.md"), make_source(base, CHINESE, CHINESE_BODY, "zh.md"),
               ROOT / "source" / "A_HRC_RES_38_3.md"]
    out = build_ok(sources, base / "out", "-f", "pdf")
    found = sorted(out.glob("*.pdf"))
    assert len(found) == 3
    return found


def _pages(path):
    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            textpage = page.get_textpage()
            try:
                yield textpage
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def test_pdfium_makes_up_only_spaces_and_line_ends(pdfs):
    made_up = set()
    for path in pdfs:
        for textpage in _pages(path):
            for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
                if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
                    made_up.add(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)))
    assert " " in made_up and "\n" in made_up, "no page here has characters PDFium made up"
    assert made_up <= {" ", "\r", "\n"}


def test_each_character_is_read_as_pypdfium2s_own_calls_give_it(pdfs):
    doubles = [ctypes.c_double() for _ in range(6)]
    refs = [ctypes.byref(value) for value in doubles]
    read = 0
    for path in pdfs:
        for textpage in _pages(path):
            raw = textpage.raw
            chars = page_chars(textpage, spaces_of_no_width=True)
            # Every character PDFium did not make up, that has text and is not a line's end, is
            # read (these pages hold no character beyond U+FFFF, which is two entries), and a
            # space it made up between two left-to-right characters of one text object, where it
            # names none for the space glyph drawn there (pdf_bidi._drawn_space) …
            expected = []
            count = pdfium_c.FPDFText_CountChars(raw)
            for i in range(count):
                code = pdfium_c.FPDFText_GetUnicode(raw, i)
                assert not 0xD800 <= code <= 0xDFFF
                if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
                    if code == 32 and _between_one_objects_letters(raw, i, count):
                        expected.append(i)
                elif pdfium_c.FPDFText_HasUnicodeMapError(raw, i) != 1 and code not in (0, 10, 13):
                    expected.append(i)
            assert [ch.index for ch in chars] == expected
            # … with the box, origin and size pypdfium2's declarations of the same calls give.
            for ch in chars:
                pdfium_c.FPDFText_GetCharBox(raw, ch.index, *refs[:4])
                pdfium_c.FPDFText_GetCharOrigin(raw, ch.index, *refs[4:])
                left, right, _bottom, _top, x, y = (value.value for value in doubles)
                assert (ch.left, ch.right, ch.x, ch.y) == (left, right, x, y)
                # (its size asked for once per text object: PDFium gives each character its object's)
                assert ch.size == pdfium_c.FPDFText_GetFontSize(raw, ch.index)
                assert ch.drawn_by == address(pdfium_c.FPDFText_GetTextObject(raw, ch.index))
                if len(ch.text) == 1 and ch.text != "-":
                    assert ord(ch.text) == pdfium_c.FPDFText_GetUnicode(raw, ch.index)
                read += 1
    assert read > 1000


def _between_one_objects_letters(raw, i: int, count: int) -> bool:
    """Whether entry ``i`` stands between two characters of one text object, neither a space, a
    line's end nor a right-to-left letter."""
    if not 0 < i < count - 1:
        return False
    around = [chr(pdfium_c.FPDFText_GetUnicode(raw, n)) for n in (i - 1, i + 1)]
    if any(c in " \r\n" or unicodedata.bidirectional(c) in ("R", "AL") for c in around):
        return False
    before, after = (address(pdfium_c.FPDFText_GetTextObject(raw, n)) for n in (i - 1, i + 1))
    return bool(before) and before == after


def _object_facts(declared, obj, textpage, refs, values):
    """What both readers ask of a text object, by one set of declarations of the calls."""
    assert declared.FPDFPageObj_GetBounds(obj, *refs[:4]) and declared.FPDFPageObj_GetMatrix(obj, refs[4])
    assert declared.FPDFTextObj_GetFontSize(obj, refs[5])
    bounds = tuple(value.value for value in values[:4])
    matrix = tuple(getattr(values[4], k) for k in "abcdef")
    length = declared.FPDFTextObj_GetText(obj, textpage, None, ctypes.c_ulong(0))
    buffer = (ctypes.c_ushort * (length // 2))()
    declared.FPDFTextObj_GetText(obj, textpage, buffer, ctypes.c_ulong(length))
    return bounds, matrix, values[5].value, declared.FPDFPageObj_GetMarkedContentID(obj), bytes(buffer)


def _tree(declared, elem, wrap):
    """An element's type, marked-content ids and children, by one set of declarations."""
    length = declared.FPDF_StructElement_GetType(elem, None, ctypes.c_ulong(0))
    name = ctypes.create_string_buffer(length)
    declared.FPDF_StructElement_GetType(elem, name, ctypes.c_ulong(length))
    ids = [declared.FPDF_StructElement_GetMarkedContentIdAtIndex(elem, i)
           for i in range(declared.FPDF_StructElement_GetMarkedContentIdCount(elem))]
    children = [declared.FPDF_StructElement_GetChildAtIndex(elem, i)
                for i in range(declared.FPDF_StructElement_CountChildren(elem))]
    return name.raw, ids, [_tree(declared, wrap(child), wrap) for child in children if child]


def _count(trees) -> int:
    return sum(1 + _count(children) for _name, _ids, children in trees)


def test_each_text_object_and_element_is_read_as_pypdfium2s_own_calls_give_it(pdfs):
    undeclared = object_calls()
    values = [ctypes.c_float() for _ in range(4)] + [pdfium_c.FS_MATRIX(), ctypes.c_float()]
    refs = [ctypes.byref(value) for value in values]
    objects = elements = 0
    for path in pdfs:
        document = pdfium.PdfDocument(str(path))
        for page in document:
            textpage = page.get_textpage()
            # The text objects, each a Handle, in the order and of the kind pypdfium2 finds them …
            theirs = [pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
            theirs = [obj for obj in theirs if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_TEXT]
            ours = list(text_objects(address(page.raw)))
            assert all(type(obj) is Handle for obj in ours)
            assert [address(obj) for obj in ours] == [address(obj) for obj in theirs]
            # … each read alike by the two declarations of the same calls,
            for mine, their in zip(ours, theirs):
                assert _object_facts(undeclared, mine, text_page_handle(textpage), refs, values) \
                    == _object_facts(pdfium_c, their, textpage.raw, refs, values)
                objects += 1
            # … and so is every element of the page's structure tree.
            tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
            roots = range(pdfium_c.FPDF_StructTree_CountChildren(tree))
            theirs = [_tree(pdfium_c, pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, i), lambda e: e) for i in roots]
            tree_handle = ctypes.c_void_p(address(tree))
            mine = [_tree(undeclared, undeclared.FPDF_StructTree_GetChildAtIndex(tree_handle, i), lambda e: e)
                    for i in roots]
            assert mine == theirs and theirs
            elements += _count(theirs)
            pdfium_c.FPDF_StructTree_Close(tree)
            # The reader's own walk finds headings on these tagged pages.
            assert _page_structure(address(page.raw)) is not None
            textpage.close()
            page.close()
        document.close()
    assert objects > 300 and elements > 300
