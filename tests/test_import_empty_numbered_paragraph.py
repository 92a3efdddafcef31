"""An operative paragraph that holds nothing but its number, in a UN file, is refused at its line.

One followed by another numbered paragraph was kept empty: the source it made did not read back
(an empty paragraph), so the import was refused at the file's first line, with the Markdown's
line only. Only the last paragraph, or one whose words stood in the unnumbered element after it,
was placed. Here every numbered paragraph of real files of the three organs, in several
languages, is emptied in turn (its <content> taken out, or its words), and the import is refused
with E616 at that paragraph's line and nothing written.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from unres.errors import SourceError
from unres.readers.akn.reader import import_akn

UNSEEN = Path(__file__).parent / "unseen"
FILES = [UNSEEN / "sc/2024/English/S_RES_2727-2405090E.xml", UNSEEN / "ga/78session/French/A_RES_78_12-2323832F.xml",
         UNSEEN / "hrc/56session/Spanish/A_HRC_RES_56_13S.xml", UNSEEN / "ga/76session/Arabic/A_RES_76_144-2119165A.xml"]


def _numbered(root) -> list:
    return [p for p in root.iterfind(".//{*}mainBody/{*}paragraph") if p.find("{*}num") is not None]


def _emptied(path: Path, index: int, how: str, out: Path) -> int:
    """``path`` with its ``index``-th numbered operative paragraph emptied, written to ``out``;
    the line of that paragraph in ``out``."""
    tree = etree.parse(str(path))
    paragraph = _numbered(tree.getroot())[index]
    for content in paragraph.findall("{*}content"):
        if how == "content":
            paragraph.remove(content)
        else:
            for p in content:
                content.remove(p)
    tree.write(str(out), encoding="utf-8", xml_declaration=True)
    return _numbered(etree.parse(str(out)).getroot())[index].sourceline


def _available():
    missing = [f for f in FILES if not f.exists()]
    if missing:
        pytest.skip(f"UN files not in tests/unseen: {missing}")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(range(len(FILES))), st.integers(min_value=0, max_value=60),
       st.sampled_from(["content", "words"]))
def test_an_emptied_numbered_paragraph_is_refused_at_its_line(tmp_path, which, index, how):
    _available()
    path = FILES[which]
    count = len(_numbered(etree.parse(str(path)).getroot()))
    index %= count
    out = tmp_path / f"emptied-{which}-{index}-{how}.xml"
    line = _emptied(path, index, how, out)
    with pytest.raises(SourceError) as caught:
        import_akn(out)
    assert ("E616", line) in [(d.code, d.loc.line) for d in caught.value.diagnostics], \
        [str(d) for d in caught.value.diagnostics]


def test_the_command_names_the_line_and_writes_nothing(tmp_path):
    _available()
    out = tmp_path / "emptied.xml"
    line = _emptied(FILES[0], 1, "content", out)
    written = tmp_path / "res.md"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "import", str(out), "-o", str(written)],
                            capture_output=True, text=True)
    assert result.returncode == 3
    assert f"emptied.xml:{line}:1: error: empty operative paragraph [E616]" in result.stderr, result.stderr
    assert not written.exists()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_files_import_whole(path):
    _available()
    res, _warnings = import_akn(path)
    assert res.parts and res.parts[0].operative
