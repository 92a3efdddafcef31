"""The marks of the first page's footer, derived once from the metadata: the job number's
Code 39 barcode and the QR code of the document's URL, each as inline SVG (vectors, no text).

The UN prints the job number ("GE.18-12078(E)") over a Code 39 barcode of its digits
(``*1812078*``) at the left, and a QR code that opens the document online at the right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ...model.document import Resolution
from ...model.presentation import present
from ...model.undocs import base_for, document_url

# Bar and module sizes of the UN's barcode (35.75 mm for a seven-digit job number, 6 mm high).
BAR_MODULE_MM = 0.25
BAR_HEIGHT_MM = 6.0


@dataclass(frozen=True)
class FooterMarks:
    job_number: str | None      # as the source gives it
    barcode_digits: str | None  # what the barcode encodes: the job number's digits
    barcode: Markup | None      # inline SVG; None without a job number (or without digits in it)
    url: str                    # what the QR code encodes
    qr_code: Markup             # inline SVG


def job_digits(job_number: str | None) -> str | None:
    """'GE.18-12078(E)' -> '1812078': the digits the UN's barcode encodes."""
    digits = re.sub(r"\D", "", job_number or "")
    return digits or None


def code39_svg(data: str) -> Markup:
    """A Code 39 barcode of ``data`` (start and stop characters added, no check digit) as one
    path of bars, in millimetres."""
    from barcode import Code39

    modules = Code39(data, add_checksum=False).build()[0]
    bars = [(m.start(), m.end() - m.start()) for m in re.finditer("1+", modules)]
    width = len(modules) * BAR_MODULE_MM
    path = "".join(f"M{x * BAR_MODULE_MM:g} 0h{w * BAR_MODULE_MM:g}v{BAR_HEIGHT_MM:g}h-{w * BAR_MODULE_MM:g}z"
                   for x, w in bars)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {BAR_HEIGHT_MM:g}" '
        f'width="{width:g}mm" height="{BAR_HEIGHT_MM:g}mm"><path d="{path}"/></svg>')


def qr_svg(url: str) -> Markup:
    """A QR code of ``url`` (error correction M) as one path, one unit a module; the page
    around it is its quiet zone."""
    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    size = code.symbol_size(border=0)[0]
    path = "".join(f"M{x} {y}h{len(run)}v1h-{len(run)}z"
                   for y, row in enumerate(code.matrix)
                   for x, run in _runs(row))
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
                  f'<path d="{path}"/></svg>')


def _runs(row):
    """(start, run) of each run of dark modules in a row of the matrix."""
    for m in re.finditer(r"1+", "".join("1" if cell else "0" for cell in row)):
        yield m.start(), m.group()


def footer_marks(res: Resolution, pres=None) -> FooterMarks:
    meta = res.meta
    digits = job_digits(meta.job_number)
    # The same base as the documents it cites: the source's, the environment's, or the UN's.
    url = document_url(meta.symbol, (pres or present(res)).lang, base_for(meta))
    return FooterMarks(job_number=meta.job_number, barcode_digits=digits,
                       barcode=code39_svg(digits) if digits else None, url=url, qr_code=qr_svg(url))
