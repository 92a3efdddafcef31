"""Adding an output format is what the README says it is, and nothing more.

A throwaway fifth format is added to a copy of the package by exactly the touches
README's "Adding an output format" lists: a writer package, a template folder, a row
in the format table and a reader for ``unres verify``. The build (rendering, stamps,
templates that rebuild it) and verify (its reader, a difference it must report) pick
it up with no other edit.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SOURCE_38_3

from unres.errors import EXIT_FINDINGS, EXIT_OK

README = (ROOT / "README.md").read_text(encoding="utf-8")
NAME = "xhtml"

WRITER = '''"""A throwaway format: the HTML page, wrapped by a template of its own."""
from __future__ import annotations

from .. import templating
from ..html import writer as html


def render(res, inputs: dict) -> bytes:
    page = html.render(res, inputs).decode("utf-8")
    return templating.render("xhtml/wrap.txt", page=page).encode("utf-8")
'''
TEMPLATE = "{{ page }}<!-- wrapped -->\n"
READER = '''"""The throwaway format's reader: its page is HTML."""
from __future__ import annotations

from .html import extract_html


def extract_xhtml(path):
    return extract_html(path)
'''
ROW = ('        Format("xhtml", ".xhtml", False, "xhtml", ("xhtml", "html", "_partials"), '
       'reader="xhtml:extract_xhtml"),\n')


def _touches() -> str:
    section = README.split("### Adding an output format", 1)[1].split("\n## ", 1)[0]
    return section


def test_the_readme_lists_the_touches_this_test_makes():
    section = _touches()
    for path in ("scripts/unres/writers/NAME/", "writer.py", "templates/NAME/", "scripts/unres/formats.py",
                 "scripts/unres/verify/read/NAME.py", "tests/test_NAME.py"):
        assert path in section, path
    steps = re.findall(r"^\d+\. ", section, re.M)
    assert len(steps) == 5


def _copy(tmp_path: Path) -> Path:
    """The package and its templates, as a checkout of this project holds them."""
    root = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "scripts" / "unres", root / "scripts" / "unres", ignore=ignore)
    shutil.copytree(ROOT / "templates", root / "templates", ignore=ignore)
    return root


def _add_format(root: Path) -> None:
    package = root / "scripts" / "unres"
    # 1. a writer package
    (package / "writers" / NAME).mkdir()
    (package / "writers" / NAME / "__init__.py").write_text("")
    (package / "writers" / NAME / "writer.py").write_text(WRITER)
    # 2. a template folder
    (root / "templates" / NAME).mkdir()
    (root / "templates" / NAME / "wrap.txt").write_text(TEMPLATE)
    # 3. a row in the format table
    table = package / "formats.py"
    text = table.read_text()
    last = '        Format("docx",'
    assert text.count(last) == 1
    table.write_text(text.replace(last, ROW + last))
    # 4. a reader for unres verify
    (package / "verify" / "read" / f"{NAME}.py").write_text(READER)


def _unres(root: Path, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(root / "scripts"), PYTHONDONTWRITEBYTECODE="1",
               SOURCE_DATE_EPOCH="1700000000")
    env.pop("UNRES_TEMPLATES", None)
    return subprocess.run([sys.executable, "-m", "unres.cli", *args], capture_output=True, text=True,
                          env=env, cwd=root, timeout=300)


def test_a_fifth_format_added_as_the_readme_says_is_built_and_verified(tmp_path):
    root = _copy(tmp_path)
    _add_format(root)
    source = root / "A_HRC_RES_38_3.md"
    shutil.copy(SOURCE_38_3, source)
    out = root / "out"

    built = _unres(root, "build", str(source), "-o", str(out), "-f", NAME, "-j", "1")
    assert built.returncode == EXIT_OK, built.stderr
    page = out / f"A_HRC_RES_38_3.{NAME}"
    assert page.read_text(encoding="utf-8").endswith("<!-- wrapped -->\n")

    # The stamps know it: a second build has nothing to do, a change of its template rebuilds it.
    again = _unres(root, "build", str(source), "-o", str(out), "-f", NAME, "-j", "1")
    assert again.returncode == EXIT_OK and "0 built, 1 up to date" in again.stdout, again.stdout
    (root / "templates" / NAME / "wrap.txt").write_text(TEMPLATE.replace("wrapped", "wrapped again"))
    rebuilt = _unres(root, "build", str(source), "-o", str(out), "-f", NAME, "-j", "1")
    assert rebuilt.returncode == EXIT_OK and "1 built" in rebuilt.stdout, rebuilt.stdout

    # verify reads it with its own reader, and finds a difference in it.
    checked = _unres(root, "verify", str(source), "-o", str(out), "-f", NAME)
    assert checked.returncode == EXIT_OK, checked.stdout + checked.stderr
    assert "consistent" in checked.stdout, checked.stdout
    text = page.read_text(encoding="utf-8")
    assert text.count("in accordance with its annual programme") == 1
    page.write_text(text.replace("its annual programme", "its unannual programme"), encoding="utf-8")
    mutated = _unres(root, "verify", str(source), "-o", str(out), "-f", NAME)
    assert mutated.returncode == EXIT_FINDINGS, mutated.stdout + mutated.stderr
    assert str(page) in mutated.stdout and "unannual" in mutated.stdout
