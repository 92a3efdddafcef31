"""SOURCE_DATE_EPOCH: one function decides the date every output records, and a malformed
value fails the build before anything renders."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pikepdf
import pytest
from docx import Document

from unres.cli import main as unres_main
from unres.model.document_date import document_instant
from unres.errors import ToolError
from unres.readers.markdown.reader import read_source
from unres.writers.docx import writer as docx_writer
from unres.writers.pdf import writer as pdf_writer

MALFORMED = ["abc", "-5", "1e9", "12.5", "0x10", "\uff11\uff12\uff13", "99999999999999"]


def _dates(out, stem="res"):
    """(the DOCX's core created/modified, the PDF's creation/modification dates) in UTC."""
    core = Document(str(out / f"{stem}.docx")).core_properties
    with pikepdf.open(out / f"{stem}.pdf") as pdf:
        info = [str(pdf.docinfo[key]) for key in ("/CreationDate", "/ModDate")]
    pdf_dates = [dt.datetime.strptime(v[2:16], "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone.utc) for v in info]
    docx_dates = [d.replace(tzinfo=dt.timezone.utc) if d.tzinfo is None else d
                  for d in (core.created, core.modified)]
    return docx_dates, pdf_dates


@pytest.mark.parametrize("epoch, expected", [
    (None, dt.datetime(2030, 7, 16, tzinfo=dt.timezone.utc)),          # the issue date
    ("1600000000", dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=dt.timezone.utc)),
    (" 0 ", dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)),
])
def test_the_docx_and_the_pdf_record_the_same_date(source_file, tmp_path, monkeypatch, epoch, expected):
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    source = source_file()
    out = tmp_path / "out"
    assert unres_main(["build", str(source), "-o", str(out), "-f", "pdf,docx,akn", "-q", "-j", "1"]) == 0
    docx_dates, pdf_dates = _dates(out)
    assert docx_dates == pdf_dates == [expected, expected]
    # The zip format starts in 1980: an earlier instant is written as its first day.
    stamps = {i.date_time for i in zipfile.ZipFile(out / "res.docx").infolist()}
    assert stamps == {max(expected, dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)).timetuple()[:6]}


@pytest.mark.parametrize("value", MALFORMED)
def test_a_malformed_value_is_an_error_in_every_writer(source_file, monkeypatch, value):
    res = read_source(str(source_file()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    for render in (lambda: document_instant(res.meta.issue_date),
                   lambda: docx_writer.render(res, {}),
                   lambda: pdf_writer.render(res, {"akn": b"<akomaNtoso/>"})):
        with pytest.raises(ToolError) as err:
            render()
        assert err.value.diagnostics[0].code == "T-SOURCE-DATE-EPOCH"


def test_a_malformed_value_fails_the_build_before_anything_renders(source_file, tmp_path, monkeypatch, capsys):
    source = source_file()
    out = tmp_path / "out"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert unres_main(["build", str(source), "-o", str(out), "-q", "-j", "1"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    source.write_text(source.read_text(encoding="utf-8").replace("to act", "to act at once"), encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")

    def no_render(*args, **kwargs):
        raise AssertionError("rendered despite a malformed SOURCE_DATE_EPOCH")
    monkeypatch.setattr("unres.parallel.overlap.render", no_render)
    assert unres_main(["build", str(source), "-o", str(out), "-j", "1"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("error: SOURCE_DATE_EPOCH='abc' is not a whole number of seconds")
    assert err.rstrip().endswith("[T-SOURCE-DATE-EPOCH]")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
