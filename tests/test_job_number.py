"""The job number: printed on the first page's footer of the PDF and the DOCX, kept in the AKN's
cover page (``docketNumber``), read back by verify, and reading left to right on every page.

The Assembly's Arabic files give their job numbers as "20-15849 (A)". On an Arabic page the PDF
printed such a number "(A) 20-15849" (the page's direction reordered it), LibreOffice showed the
DOCX's so (and the English issue date beside the masthead as "November 2020 30"), and verify
read no first page's footer, so nothing said so. Here each language's job number is printed in
the order it is written, checked from where each glyph stands, not by verify's readers; and
verify reports a job number that differs or is missing, or, in the DOCX and the AKN, is there
where the source has none (the PDF's footer may hold a template's caption: there the job number
is looked for), and a PDF that prints it reordered.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import SOURCE_38_3, build_ok
from unres.verify.command import differences
from unres.verify.expected import from_model
from unres.readers.markdown.reader import read_source

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "akn": ".akn.xml"}
# Each language's form of a job number (the letter is the language's), as the UN writes them.
JOB = {"English": "GE.18-11661(E)", "French": "GE.18-11661(F)", "Spanish": "GE.18-11661(S)",
       "Russian": "GE.18-11661(R)", "Chinese": "GE.18-11661(C)", "Arabic": "20-15849 (A)"}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _with_job(text: str, language: str, job: str | None) -> str:
    text = text.replace("\nlanguage: English", f"\nlanguage: {language}", 1)
    return text.replace("\nmeeting: 37th meeting", "\nmeeting: 37" + (f"\njob_number: \"{job}\"" if job else ""), 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """38/3 in each language with its job number (res_<language>.md), and in English with none
    (res_none.md) and with another (res_other.md), built into out/."""
    folder = tmp_path_factory.mktemp("job-number")
    text = SOURCE_38_3.read_text(encoding="utf-8")
    sources = []
    for language, job in [*JOB.items(), ("none", None), ("other", "GE.18-11662(E)")]:
        path = folder / f"res_{language}.md"
        path.write_text(_with_job(text, language if language in JOB else "English", job), encoding="utf-8")
        sources.append(path)
    return build_ok(sources, folder / "out")


def _footer_left_to_right(pdf: Path) -> str:
    """The characters below the text block of the PDF's first page, in the order they stand from
    left to right (white space left out)."""
    import pypdfium2
    page = pypdfium2.PdfDocument(str(pdf))[0]
    textpage = page.get_textpage()
    chars = []
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        left, bottom, _right, _top = textpage.get_charbox(i, loose=True)
        if bottom < 100 and char.strip():     # the footer band: 100 pt from the bottom edge
            chars.append((left, char))
    return "".join(char for _x, char in sorted(chars))


@pytest.mark.parametrize("language", list(JOB))
def test_the_pdf_prints_the_job_number_in_the_order_it_is_written(built, language):
    assert _footer_left_to_right(built / f"res_{language}.pdf") == JOB[language].replace(" ", "")


@pytest.mark.parametrize("language", list(JOB))
def test_the_docx_and_the_akn_keep_the_job_number(built, language):
    with zipfile.ZipFile(built / f"res_{language}.docx") as zf:
        footers = [etree.fromstring(zf.read(name)) for name in zf.namelist() if name.startswith("word/footer")]
    texts = ["".join(t.text or "" for t in root.iter(f"{{{W}}}t")) for root in footers]
    assert JOB[language] in texts
    akn = etree.parse(str(built / f"res_{language}.akn.xml"))
    assert [el.text for el in akn.iter("{*}docketNumber")] == [JOB[language]]


def test_an_arabic_docx_shows_the_job_number_and_the_english_date_left_to_right(built, tmp_path):
    """LibreOffice lays the Arabic DOCX out: the job number and the English lines beside the
    masthead read left to right on its page."""
    if SOFFICE is None:
        if os.environ.get("UNRES_REQUIRE_CLIENTS"):
            pytest.fail("UNRES_REQUIRE_CLIENTS is set but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed; "
                    "apt-get install -y --no-install-recommends libreoffice-writer")
    docx = tmp_path / "res_Arabic.docx"
    shutil.copy(built / docx.name, docx)
    proc = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                          capture_output=True, timeout=180, check=False)
    pdf = tmp_path / "res_Arabic.pdf"
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr.decode("utf-8", "replace")
    assert _footer_left_to_right(pdf) == JOB["Arabic"].replace(" ", "")
    import pypdfium2
    textpage = pypdfium2.PdfDocument(str(pdf))[0].get_textpage()
    lines: dict = {}
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        left, bottom, _right, _top = textpage.get_charbox(i, loose=True)
        if char.strip():
            lines.setdefault(round(bottom), []).append((left, char))
    shown = ["".join(c for _x, c in sorted(chars)) for chars in lines.values()]
    assert any("16July2018" in line for line in shown), shown


def _report(source: Path, out: Path, stem: str, formats=("pdf", "docx", "akn")) -> list:
    want = from_model(read_source(str(source)), str(source))
    files = {fmt: (out / (stem + SUFFIX[fmt]),) * 2 for fmt in formats}
    return [str(finding) for finding in differences(want, files)]


def test_verify_reports_a_job_number_printed_where_the_source_has_none(built):
    out = built
    found = _report(out.parent / "res_none.md", out, "res_English")
    # (the PDF's footer may hold a template's caption: there the job number is looked for, and
    # the DOCX and the AKN say that none is wanted)
    assert found == [
        f'{out}/res_English.docx: metadata DOCX first-page footer "GE.18-11661(E)" where the source has ""',
        f'{out}/res_English.akn.xml: metadata docketNumber "GE.18-11661(E)" where the source has ""',
        # the AKN file differs from the source, so the one the PDF carries is read against it
        f'{out}/res_English.pdf (the AKN file it carries): metadata docketNumber "GE.18-11661(E)" '
        f'where the source has ""',
    ]


@pytest.mark.parametrize("stem, printed", [("res_none", ""), ("res_other", "GE.18-11662(E)")])
def test_verify_reports_a_missing_or_another_job_number(built, stem, printed):
    source = built.parent / "res_English.md"
    found = _report(source, built, stem)
    in_pdf = f'"{printed}"' if printed else "nothing"
    assert [re.sub(r"^\S+( \(the AKN file it carries\))?: ", "", line) for line in found] == [
        f'first page\'s footer does not print the job number "GE.18-11661(E)" (it prints {in_pdf})',
        f'metadata DOCX first-page footer "{printed}" where the source has "GE.18-11661(E)"',
        # the AKN file, and the one the PDF carries (which differs from the source as it does)
        f'metadata docketNumber "{printed}" where the source has "GE.18-11661(E)"',
        f'metadata docketNumber "{printed}" where the source has "GE.18-11661(E)"',
    ]


def _docx_edited(original: Path, target: Path, change) -> None:
    """A copy of the DOCX with ``change(name, root)`` applied to its document and footer parts."""
    with zipfile.ZipFile(original) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    for name in parts:
        if name == "word/document.xml" or name.startswith("word/footer"):
            root = etree.fromstring(parts[name])
            if change(name, root):
                parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_verify_reports_a_page_footer_without_its_number_and_an_unused_first_page(built, tmp_path):
    source = built.parent / "res_English.md"
    target = tmp_path / "res_English.docx"

    def drop_fields(name, root):
        # The running footers' PAGE fields go; their text stays.
        if not name.startswith("word/footer") or root.find(f".//{{{W}}}instrText") is None:
            return False
        for run in list(root.iter(f"{{{W}}}r")):
            if run.find(f"{{{W}}}fldChar") is not None or run.find(f"{{{W}}}instrText") is not None:
                run.getparent().remove(run)
        return True
    _docx_edited(built / target.name, target, drop_fields)
    found = [re.sub(r"^\S+: ", "", line) for line in _report(source, tmp_path, "res_English", ("docx",))]
    # (the number the field last showed stays, as text of its own: the same on every page)
    assert len(found) == 2 and all(
        re.fullmatch(r'page footer in word/footer\d+\.xml prints "1" and no page number field', line)
        for line in found), found      # the odd pages' and the even pages'

    def drop_title_page(name, root):
        if name != "word/document.xml":
            return False
        for el in list(root.iter(f"{{{W}}}titlePg")):
            el.getparent().remove(el)
        return True
    _docx_edited(built / target.name, target, drop_title_page)
    found = [re.sub(r"^\S+: ", "", line) for line in _report(source, tmp_path, "res_English", ("docx",))]
    assert found == ["the first page's own header and footer are not used (its section has no titlePg)"]


def test_verify_reports_a_job_number_the_page_reorders(built, tmp_path, monkeypatch):
    """The template as it was, the job number not set apart from the Arabic page's direction: the
    PDF prints "(A) 20-15849", and verify says so."""
    templates = tmp_path / "templates"
    shutil.copytree(Path(__file__).resolve().parents[1] / "templates", templates)
    page = templates / "pdf" / "resolution.html"
    isolated = '<p class="job-number"><span dir="ltr">{{ marks.job_number }}</span></p>'
    assert isolated in page.read_text(encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8").replace(
        isolated, '<p class="job-number">{{ marks.job_number }}</p>'), encoding="utf-8")
    monkeypatch.setenv("UNRES_TEMPLATES", str(templates))
    source = built.parent / "res_Arabic.md"
    build_ok([source], tmp_path / "out", "--no-verify", "-f", "pdf")
    # (its brackets' characters, mirrored on the page, are the text's ")" and "(")
    assert _footer_left_to_right(tmp_path / "out" / "res_Arabic.pdf") == ")A(20-15849"
    found = [re.sub(r"^\S+: ", "", line) for line in _report(source, tmp_path / "out", "res_Arabic", ("pdf",))]
    assert found == ["first page's footer does not print the job number \"20-15849 (A)\" "
                     "(it prints \"(A) 20-15849\")"]
