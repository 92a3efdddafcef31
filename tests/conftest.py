"""Shared fixtures: the project's paths and a small valid source to mutate."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE_38_3 = ROOT / "source" / "A_HRC_RES_38_3.md"
CORPUS = ROOT.parent / "shared" / "corpus"

FRONT = textwrap.dedent("""\
    ---
    symbol: A/HRC/RES/99/1
    number: "99/1"
    title: A test resolution
    parent_organ: General Assembly
    organ: Human Rights Council
    session: 99
    session_name: Ninety-ninth session
    session_start: 2030-06-18
    session_end: 2030-07-06
    agenda_item: "3"
    distribution: General
    issue_date: 2030-07-16
    original_language: English
    language: English
    adoption_date: 2030-07-05
    meeting: 37th meeting
    vote:
      in_favour:
        - Angola
        - Chile
      against:
        - Japan
      abstaining: []
    ---
    """)

# A Security Council resolution's front matter for hand-made sources; {number} and {language} are
# filled in by council_front().
COUNCIL_FRONT = textwrap.dedent("""\
    ---
    symbol: S/RES/{number} (2030)
    number: "{number} (2030)"
    title: The situation in the Great Lakes region
    organ: Security Council
    distribution: General
    issue_date: 2030-01-31
    language: {language}
    adoption_date: 2030-01-31
    meeting: 9712
    vote:
      in_favour: [Belgium, China, France]
      against: []
      abstaining: []
    ---
    """)


# The front matter of an Assembly resolution on a Fifth Committee report, the kind that prints
# tables, for hand-made sources.
BUDGET_FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/99/12
    number: "99/12"
    title: Financing of the Residual Mechanism
    organ: General Assembly
    session: 99
    session_name: Ninety-ninth session
    agenda_items:
      - number: "152"
        title: Financing of the Residual Mechanism
    origin:
      committee: Fifth Committee
      documents: [A/99/478]
    distribution: General
    issue_date: 2030-12-16
    language: English
    adoption_date: 2030-12-10
    meeting: 41
    vote: without
    ---
    """)


def glyphs_past(pdf_path, edge: float, tolerance: float) -> list:
    """(page, points past ``edge``, character) of each glyph of a page's body (the running header
    and the footer left out) that ends more than ``tolerance`` points right of ``edge`` (points
    from the page's left edge)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf_path))
    out = []
    for number in range(len(document)):
        text = document[number].get_textpage()
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            _left, bottom, right, _top = text.get_charbox(i)
            if char.strip() and 110 < bottom < 750 and right > edge + tolerance:
                out.append((number + 1, round(right - edge, 2), char))
    return out


def laid_out_pages(source) -> list:
    """The page boxes of ``source``'s PDF as the writer lays it out (its WeasyPrint mends
    installed), for tests that look at where WeasyPrint put each box."""
    import datetime as dt

    from unres.model.presentation import present
    from unres.readers.markdown.reader import read_source
    from unres.writers.pdf import writer

    res = read_source(str(source), Path(source).read_bytes())
    html = writer.print_html(res, date="2030-01-31T00:00:00Z")
    _data, document = writer.write_pdf(html, None, attachment="res.akn.xml",
                                       instant=dt.datetime(2030, 1, 31, tzinfo=dt.timezone.utc),
                                       lang=present(res).lang)
    return [page._page_box for page in document.pages]


def drawn_width(box) -> float:
    """The width WeasyPrint draws a laid-out text box at: its layout made again for drawing, as
    WeasyPrint's drawing makes it, and its glyphs' advances summed (points)."""
    from weasyprint.text.ffi import FROM_UNITS, ffi

    layout = box.pango_layout
    layout.reactivate(box.style)
    try:
        line, _index = layout.get_first_line()
        width, run = 0, line.runs
        while run != ffi.NULL:
            glyphs = ffi.cast("PangoGlyphItem *", run.data).glyphs
            run = run.next
            width += sum(glyphs.glyphs[i].geometry.width for i in range(glyphs.num_glyphs))
    finally:
        layout.deactivate()
    return width * FROM_UNITS


def council_front(number: str = "9999", language: str = "English") -> str:
    return COUNCIL_FRONT.replace("{number}", number).replace("{language}", language)


BODY = textwrap.dedent("""\

    *The Human Rights Council*,

    *Recalling* its resolution 1/1,

    *Noting* the report,[^a]

    1. *Decides* to act;

    2. *Requests* the following:

       (a) one;

       (b) two:

           (i) first;

           (ii) second;

    3. *Decides* to remain seized of the matter.

    [^a]: A/HRC/99/1.
    """)


def make_source(tmp_path, front=FRONT, body=BODY, name="res.md") -> Path:
    path = tmp_path / name
    path.write_text(front + body, encoding="utf-8")
    return path


@pytest.fixture
def source_file(tmp_path):
    return lambda front=FRONT, body=BODY, name="res.md": make_source(tmp_path, front, body, name)


def build_ok(sources, out: Path, *options: str, timeout: int = 900, env=None) -> Path:
    """``unres build`` run as a user runs it, in its own process; fails the test with the end of what
    it said unless it succeeds."""
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *map(str, sources), "-o", str(out),
                             "-q", *options], capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def verify_ok(sources, out: Path, timeout: int = 600) -> None:
    """``unres verify`` run as a user runs it; fails the test with what it said unless every output of
    ``sources`` in ``out`` is consistent."""
    result = subprocess.run([sys.executable, "-m", "unres.cli", "verify", *map(str, sources), "-o", str(out)],
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def rendered_verified(tmp_path, text: str, formats=("pdf",)) -> dict:
    """``text`` rendered in ``formats`` and read back as a build does, in this process: the outputs'
    bytes by format; fails the test with the build's diagnostics where it is refused."""
    from unres.errors import UnresError
    from unres.pipeline.build import render_verified

    try:
        outputs, _ = render_verified(str(tmp_path / "res.md"), text.encode("utf-8"), tuple(formats), str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail("; ".join(str(d) for d in refused.diagnostics)[:600])
    return outputs
