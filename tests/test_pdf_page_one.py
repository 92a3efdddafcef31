"""Page one as the UN prints it: the footer's job number, Code 39 barcode, recycling mark and QR
code (decoded from the rendered page), dates kept on one line, the italic meeting line, the
footnote's small raised number, and the closing rule kept with the last text."""
from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pypdfium2
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st

from unres.verify.pdfa import pdfa_findings
from unres.writers.pdf.page_marks import job_digits
from unres.model.presentation import format_date, format_date_range
from unres.readers.markdown.reader import read_source
from unres.model.undocs import document_url
from unres.writers.akn import writer as akn
from unres.writers.pdf import writer as pdf

from conftest import BODY, FRONT

MM = 72 / 25.4
JOB = "GE.18-12078(E)"
WITH_JOB = FRONT.replace("meeting: 37th meeting\n", f"meeting: 37th meeting\njob_number: {JOB}\n")
WITHOUT_VOTE = FRONT.replace(
    "vote:\n  in_favour:\n    - Angola\n    - Chile\n  against:\n    - Japan\n  abstaining: []\n",
    "vote: without\n")


def render(tmp_path, text: str, name: str = "res.md") -> bytes:
    """The PDF of a source; every one passes the PDF/A validator."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res = read_source(str(path))
    data = pdf.render(res, {"akn": akn.render(res, {})})
    out = path.with_suffix(".pdf")
    out.write_bytes(data)
    assert pdfa_findings(out) == []
    return data


def decoded(data: bytes, page: int = 0) -> dict:
    """Each barcode zxing-cpp finds on the page at 300 dpi: format name -> (text, box in mm)."""
    doc = pypdfium2.PdfDocument(data)
    image = doc[page].render(scale=300 / 72).to_pil()
    found = {}
    for code in zxingcpp.read_barcodes(image):
        p = code.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        px = 25.4 / 300
        found[code.format.name] = (code.text, (min(xs) * px, min(ys) * px, max(xs) * px, max(ys) * px))
    return found


@pytest.fixture(scope="module")
def with_job(tmp_path_factory):
    return render(tmp_path_factory.mktemp("job"), WITH_JOB + BODY)


@pytest.fixture(scope="module")
def without_job(tmp_path_factory):
    return render(tmp_path_factory.mktemp("nojob"), FRONT + BODY)


# ---------------------------------------------------------------- the footer
def test_barcode_and_qr_code_decode(with_job):
    codes = decoded(with_job)
    assert codes["Code39"][0] == "1812078"
    assert codes["QRCode"][0] == document_url("A/HRC/RES/99/1", "en") == "https://undocs.org/en/A/HRC/RES/99/1"
    # Both in the page's foot, under the text block (37.5 mm from the bottom edge): the
    # barcode at the left margin, the QR code (19.3 mm square) at the right one.
    x0, y0, x1, y1 = codes["Code39"][1]
    assert x0 == pytest.approx(20, abs=1) and x1 - x0 == pytest.approx(35.75, abs=1)
    assert y0 > 297 - 37.5 and y1 == pytest.approx(297 - 9.5, abs=1)
    x0, y0, x1, y1 = codes["QRCode"][1]
    assert x1 == pytest.approx(190, abs=1) and x1 - x0 == pytest.approx(19.3, abs=1)
    assert y0 > 297 - 37.5 and y1 == pytest.approx(297 - 9.5, abs=1)


def test_job_number_printed_over_its_barcode(with_job):
    with pdfplumber.open(io.BytesIO(with_job)) as doc:
        words = [w for w in doc.pages[0].extract_words() if w["top"] > 297 * MM - 37.5 * MM]
        assert [w["text"] for w in words] == [JOB]
        assert words[0]["x0"] / MM == pytest.approx(20, abs=0.5)
        later = [w["text"] for p in doc.pages[1:] for w in p.extract_words() if JOB in w["text"]]
        assert later == []


def test_no_job_number_no_barcode(without_job):
    codes = decoded(without_job)
    assert "Code39" not in codes
    assert codes["QRCode"][0] == "https://undocs.org/en/A/HRC/RES/99/1"
    with pdfplumber.open(io.BytesIO(without_job)) as doc:
        assert [w for w in doc.pages[0].extract_words() if w["top"] > 297 * MM - 37.5 * MM] == []


def test_marks_only_on_page_one(tmp_path):
    data = render(tmp_path, _long_source(3, WITH_JOB))
    assert len(pypdfium2.PdfDocument(data)) >= 2
    assert set(decoded(data, page=0)) == {"Code39", "QRCode"}
    assert decoded(data, page=1) == {}


def test_page_one_passes_pdfa_with_its_marks(with_job, tmp_path):
    path = tmp_path / "res.pdf"
    path.write_bytes(with_job)
    assert pdfa_findings(path) == []


@pytest.mark.parametrize("job, symbol, lang", [
    ("18-18142 (E)", "A/RES/73/7", "en"),
    ("GE.23-20544(F)", "A/HRC/RES/54/1", "fr"),
    ("N2012345 (E)", "S/RES/2504 (2020)", "en"),
    ("V.99-1234567890", "A/HRC/RES/99/100/Add.1", "zh"),
])
def test_marks_decode_for_every_kind_of_job_number_and_symbol(job, symbol, lang):
    """The barcode and the QR code alone, laid out by WeasyPrint as on page one, decode to
    the digits and the URL (long symbols give larger QR codes, long job numbers longer bars)."""
    from unres.writers.pdf.page_marks import code39_svg, qr_svg
    from unres.writers.pdf.weasyprint_loader import load

    url = document_url(symbol, lang)
    html = (f'<div style="margin:20mm;width:{len(job_digits(job)) + 2}0mm">{code39_svg(job_digits(job))}</div>'
            f'<div style="margin:20mm;width:19.3mm;height:19.3mm">{qr_svg(url)}</div>')
    data = load().HTML(string=html).write_pdf()
    codes = decoded(data)
    assert codes["Code39"][0] == job_digits(job)
    assert codes["QRCode"][0] == url


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="GENYV.-() 0123456789", max_size=20))
def test_barcode_encodes_the_job_numbers_digits(job):
    digits = "".join(c for c in job if c.isdigit())
    assert job_digits(job) == (digits or None)


@pytest.mark.parametrize("job, digits", [
    ("GE.18-12078(E)", "1812078"), ("18-18142 (E)", "1818142"), ("V.30-00001 (F)", "3000001"),
    ("(E)", None), ("", None), (None, None)])
def test_job_digits(job, digits):
    assert job_digits(job) == digits


# ---------------------------------------------------------------- dates, meeting line, notes
@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_no_breaking_space_inside_a_date(a, b):
    start, end = min(a, b), max(a, b)
    for text in (format_date(a), format_date_range(start, end)):
        assert " " not in text and "\u00a0" in text


def test_adoption_date_on_one_line(with_job):
    # "Resolution adopted by the Human Rights Council on 5 July 2030" is wider than the
    # heading; the line breaks before the date, never inside it.
    with pdfplumber.open(io.BytesIO(with_job)) as doc:
        lines = doc.pages[0].extract_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Resolution adopted by"))
    assert lines[start].split()[-1] == "on"
    assert lines[start + 1].replace("\u00a0", " ") == "5 July 2030"


def test_meeting_line_in_italics(with_job):
    with pdfplumber.open(io.BytesIO(with_job)) as doc:
        chars = [c for p in doc.pages for c in p.chars]
        text = "".join(c["text"] for c in chars)
        start = text.index("37th meeting")
        assert all("Italic" in c["fontname"] for c in chars[start:start + len("37th meeting")])
        date = text.index("5", start + len("37th meeting"))
        assert "Italic" in chars[date]["fontname"]


def test_footnote_number_small_and_raised_like_its_call(with_job):
    with pdfplumber.open(io.BytesIO(with_job)) as doc:
        page = next(p for p in doc.pages if "A/HRC/99/1." in p.extract_text())
        note_text = next(w for w in page.extract_words(extra_attrs=["size"]) if w["text"] == "A/HRC/99/1.")
        markers = [w for w in page.extract_words(extra_attrs=["size"])
                   if w["text"] == "1" and abs(w["bottom"] - note_text["bottom"]) < 6]
        assert len(markers) == 1
        marker = markers[0]
        assert marker["size"] == pytest.approx(6.5, abs=0.1) and note_text["size"] == pytest.approx(9, abs=0.1)
        assert marker["bottom"] < note_text["bottom"] - 2          # raised
        assert marker["x1"] / MM == pytest.approx(38, abs=0.5)     # right-aligned at 18 mm into the margin
        calls = [w for w in page.extract_words(extra_attrs=["size"]) if w["text"] == "1" and w is not marker
                 and w["top"] < note_text["top"] - 20]
        assert calls and all(c["size"] == pytest.approx(marker["size"], abs=0.1) for c in calls)


# ---------------------------------------------------------------- the closing rule
def _long_source(last_words: int, front: str = WITHOUT_VOTE) -> str:
    """88 one-line operative paragraphs, the last one ``last_words`` words longer: somewhere in
    the range the tests use, the adoption lines fill the last page's foot exactly."""
    body = "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n"
    for i in range(1, 89):
        body += f"{i}. *Decides* {'to act ' * (last_words if i == 88 else 3)}now;\n\n"
    return front + body


def _rule_and_last_words(data: bytes):
    """(pages, page of the closing rule, whether text stands above it on that page)."""
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            for r in page.rects:
                if r["width"] == pytest.approx(30 * MM, abs=0.5) and r["height"] < 1.5:
                    words = [w for w in page.extract_words()
                             if 30 * MM < w["top"] < r["top"]]   # below the running header
                    return len(doc.pages), number, bool(words)
    raise AssertionError("no closing rule")


def test_closing_rule_never_alone_on_a_page(tmp_path):
    seen_pages = set()
    for last_words in (44, 52, 60, 68):
        data = render(tmp_path, _long_source(last_words), name=f"long{last_words}.md")
        pages, rule_page, text_above = _rule_and_last_words(data)
        seen_pages.add(pages)
        assert rule_page == pages and text_above, (last_words, pages)
    # The range crosses a page break, so one of these layouts ended on a page holding only
    # the rule before the rule was kept with the text.
    assert len(seen_pages) == 2
