"""Hostile and odd input: markup stays text in every format, nothing is fetched or read,
arbitrary text never crashes the reader."""
from __future__ import annotations

import http.server
import io
import threading
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import BODY, FRONT
from unres.pipeline.render import render_outputs
from unres.errors import SourceError, UnresError
from unres.readers.markdown.reader import read_source

HOSTILE = '<script>alert(1)</script> <iframe src="http://x/"></iframe> <img src=x onerror="alert(2)"> {{ 7*7 }} {% raw %}'
TITLE = """Fish & chips < mash > "peas" 'gravy' <script>alert(3)</script> {{ 7*7 }}"""
# The title as printed: UN typography for its quotes, everything else as typed.
PRINTED_TITLE = TITLE.replace('"peas"', "“peas”").replace("'gravy'", "‘gravy’")


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 - the http.server API
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"root:x:0:0:fetched")

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    _Counter.hits = 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def hostile_source(source_file, port):
    front = FRONT.replace("title: A test resolution", "title: '" + TITLE.replace("'", "''") + "'")
    front = front.replace("meeting: 37th meeting", 'meeting: "<b>37th</b> meeting {{ 7*7 }}"')
    body = BODY.replace("to act;", f"to act {HOSTILE};")
    body = body.replace("its resolution 1/1,", f"its resolution [1/1](file:///etc/passwd), "
                        f"[report](http://127.0.0.1:{port}/leak), [data](data:text/html,<script>x</script>), "
                        f"[rel](../../../../etc/passwd) and <http://127.0.0.1:{port}/auto>,")
    return source_file(front, body)


@pytest.fixture
def hostile_outputs(source_file, local_server):
    port = local_server.server_address[1]
    res = read_source(str(hostile_source(source_file, port)))
    return render_outputs(res, ["akn", "html", "pdf", "docx"])


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(etree.fromstring(z.read(n)).xpath("string()") for n in z.namelist()
                       if n.startswith(("word/document", "docProps/core")))


def test_nothing_is_fetched(hostile_outputs):
    assert _Counter.hits == 0


@pytest.mark.parametrize("fmt", ["akn", "html", "pdf", "docx"])
def test_no_local_file_is_read_into_any_output(hostile_outputs, fmt):
    assert b"root:x:0:0" not in hostile_outputs[fmt]
    if fmt == "pdf":
        import pikepdf
        with pikepdf.open(io.BytesIO(hostile_outputs[fmt])) as pdf:
            for name in pdf.attachments:
                assert b"root:x:0:0" not in pdf.attachments[name].get_file().read_bytes()


def test_html_has_no_active_markup(hostile_outputs, local_server):
    root = etree.HTML(hostile_outputs["html"])
    assert not root.xpath("//script | //iframe | //img | //object | //embed")
    assert not root.xpath("//@*[starts-with(name(), 'on')]")
    assert not root.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]")
    # The links' text shows the local server's port, which may itself contain "49".
    text = root.xpath("string(//body)").replace(f":{local_server.server_address[1]}/", ":PORT/")
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text and "49" not in text
    assert PRINTED_TITLE in root.xpath("string(//title)")


def test_akn_keeps_markup_as_text(hostile_outputs):
    root = etree.fromstring(hostile_outputs["akn"])
    text = root.xpath("string(.)")
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root.xpath("string(//a:preface//a:docTitle)", namespaces=ns).strip() == PRINTED_TITLE
    assert not root.xpath("//*[local-name()='script' or local-name()='iframe']")


def test_docx_keeps_markup_as_text(hostile_outputs):
    text = _docx_text(hostile_outputs["docx"])
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text and PRINTED_TITLE in text


def test_pdf_prints_markup_literally(hostile_outputs):
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(hostile_outputs["pdf"]))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text
    assert reader.metadata.title == PRINTED_TITLE


def test_list_nested_fifty_levels_is_refused(source_file):
    lines, indent = [], 3
    for level in range(50):
        lines.append(" " * indent + "(a) level " + str(level) + ":")
        lines.append("")
        indent += 4
    body = BODY.replace("   (a) one;", "\n".join(lines))
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(FRONT, body)))
    assert "E212" in {d.code for d in info.value.diagnostics} or \
        "E211" in {d.code for d in info.value.diagnostics}


def test_front_matter_is_safe_yaml(source_file):
    """A YAML tag that would build a Python object is refused as YAML, not executed."""
    front = FRONT.replace("title: A test resolution", "title: !!python/object/apply:os.system ['true']")
    with pytest.raises(SourceError) as info:
        read_source(str(source_file(front)))
    assert info.value.diagnostics[0].code in {"E102", "E103"}


SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_body_never_crashes(source_file, body):
    try:
        read_source(str(source_file(FRONT, body)))
    except UnresError:
        pass


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(tmp_path, data):
    path = tmp_path / "x.md"
    path.write_bytes(data)
    try:
        read_source(str(path))
    except UnresError:
        pass


@SETTINGS
@given(st.lists(st.sampled_from([
    "1. *Decides* x;", "   (a) y;", "       (i) z;", "[^a]", "[^a]: note.", "# A", "## T", "*Recalling* w,",
    "", "", "2. x.", "(b) q", "    code", "- item", "> quote", "<div>", "| a | b |", "---", "![i](x)",
]), max_size=25).map("\n".join))
def test_arbitrary_markdown_structure_never_crashes(source_file, body):
    try:
        read_source(str(source_file(FRONT, body)))
    except UnresError:
        pass


def test_ten_thousand_operative_paragraphs_build(tmp_path):
    """Far past any real resolution, still within the limits: it must build, not fail."""
    import subprocess
    import sys
    import time

    paragraphs = "\n\n".join(f"{n}. *Decides* to consider the question of cooperation at meeting {n};"
                             for n in range(1, 10000)) + "\n\n10000. *Decides* to remain seized of the matter.\n"
    path = tmp_path / "big.md"
    path.write_text(FRONT + "\n*The Human Rights Council*,\n\n*Recalling* its resolution 1/1,\n\n" + paragraphs,
                    encoding="utf-8")
    out = tmp_path / "out"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(out)],
                            capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert {p.name for p in out.iterdir() if p.is_file()} == {
        "big.pdf", "big.docx", "big.html", "big.akn.xml"}
    print(f"10,000 operative paragraphs: all four formats in {seconds:.0f} s")
