"""A Human Rights Council file that prints "Original: " with no language after it (A/HRC/RES/57/1
in French: `<inline refersTo="#" name="originalLanguage">Original: </inline>`) names no original
language anywhere: the import is refused with the line (E621), where it made a source whose empty
`original_language` no build could read (E103)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from lxml import etree

from test_import_unseen import HRC, HRC_REFUSED
from unres.errors import UnresError
from unres.readers.akn.reader import import_akn

# The unseen Human Rights Council files that import and print their original language.
_WITH_ORIGINAL = [p for p in HRC if p.name not in HRC_REFUSED
                  and re.search(rb'name="originalLanguage">[^<]*:\s*[^<\s]', p.read_bytes())]


@pytest.mark.parametrize("printed", ["Original: ", "Original:", "Original :", "Оригинал: ", "الأصل: "])
@pytest.mark.parametrize("path", _WITH_ORIGINAL[::6], ids=lambda p: p.name)
def test_an_original_language_printed_empty_refuses_the_import_with_its_line(tmp_path, path, printed):
    tree = etree.parse(str(path))
    [line] = tree.getroot().findall(".//{*}coverPage//{*}inline[@name='originalLanguage']")
    line.text, line.attrib["refersTo"] = printed, "#"
    for child in list(line):
        line.remove(child)
    copy = tmp_path / path.name
    tree.write(str(copy), encoding="utf-8")
    written = etree.parse(str(copy)).getroot().find(".//{*}coverPage//{*}inline[@name='originalLanguage']")
    with pytest.raises(UnresError) as caught:
        import_akn(copy)
    [found] = [d for d in caught.value.diagnostics if d.code == "E621"]
    assert found.loc.line == written.sourceline and "original language" in found.message

    out = tmp_path / "out.md"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "import", str(copy), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and f"{copy}:{written.sourceline}:" in result.stderr
    assert not out.exists()
