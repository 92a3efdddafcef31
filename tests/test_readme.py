"""The README stays true: its example source is valid and its commands exist."""
from __future__ import annotations

import re

from conftest import ROOT
from unres.cli import parser
from unres.lint import lint
from unres.readers.markdown.reader import read_source

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_example_source_reads_cleanly(tmp_path):
    example = re.search(r"```markdown\n(.*?)```", README, re.S).group(1)
    path = tmp_path / "example.md"
    path.write_text(example, encoding="utf-8")
    res = read_source(str(path))
    assert [p.num for p in res.operative] == ["1.", "2.", "3."]
    assert [c.label for c in res.operative[1].children] == ["(a)", "(b)"]
    assert res.operative[1].wrapup is not None
    assert lint(res) == []


def test_two_setup_commands_come_first():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split()[0:2] for line in first_block.strip().splitlines()] == [["make", "#"], ["make", "test"]]


def test_every_command_is_documented():
    commands = parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"unres {name} " in README
    for code in ["E101", "E210", "E301", "E401", "E500", "W101", "T101", "O101", "A-SCHEMA"]:
        assert code in README


def test_example_source_builds_and_verifies(tmp_path):
    """The example exactly as printed (job number and all) builds in every format and reads back."""
    from unres.verify.command import verify_source
    from unres.cli import main as unres_main

    example = re.search(r"```markdown\n(.*?)```", README, re.S).group(1)
    path = tmp_path / "example.md"
    path.write_text(example, encoding="utf-8")
    out = tmp_path / "build"
    assert unres_main(["build", str(path), "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.glob("example.*")) == [
        "example.akn.xml", "example.docx", "example.html", "example.pdf"]
    lines, summary = verify_source(str(path), str(out))
    assert lines == [] and summary.endswith(": consistent"), (lines, summary)


def _organ_examples() -> list:
    """The General Assembly's and the Security Council's examples, as the README prints them
    (indented inside the list that describes the organs)."""
    import textwrap
    blocks = re.findall(r"^( *)```markdown\n(.*?)^\1```", README, re.S | re.M)
    return [textwrap.dedent(body) for indent, body in blocks if indent]


def test_organ_examples_build_and_verify_as_the_readme_says(tmp_path):
    from unres.verify.command import verify_source
    from unres.cli import main as unres_main
    from unres.model.presentation import present

    examples = _organ_examples()
    assert len(examples) == 2
    said = " ".join(README.split())
    for name, example in zip(("ga", "sc"), examples):
        path = tmp_path / f"{name}.md"
        path.write_text(example, encoding="utf-8")
        res = read_source(str(path))
        assert res.meta.organ_key == name and lint(res) == []
        pres = present(res)
        printed = [pres.agenda_item, *pres.agenda_titles, pres.origin, pres.meeting] if name == "ga" else \
            [pres.title_number, pres.adopted_by]
        for text in filter(None, printed):
            assert text.replace("\u00a0", " ") in said, text
        out = tmp_path / "build"
        assert unres_main(["build", str(path), "-o", str(out), "-q"]) == 0
        lines, summary = verify_source(str(path), str(out))
        assert lines == [] and summary.endswith(": consistent"), (lines, summary)


def test_the_example_of_what_a_paragraph_prints_under_its_words_builds_and_verifies(tmp_path):
    """The source format's example of headings, tables and a note under a paragraph's words, under the
    Assembly's example front matter, reads as the README says and builds in every format."""
    import textwrap
    from unres.cli import main as unres_main
    from unres.model.document import Heading, Paragraph, Table
    from unres.verify.command import verify_source

    block = next(textwrap.dedent(body) for body in re.findall(r"^ *```md\n(.*?)^ *```", README, re.S | re.M)
                 if "#### A. Pension Administration" in body)
    front = _organ_examples()[0].split("\n---\n", 1)[0] + "\n---\n\n"
    path = tmp_path / "under.md"
    path.write_text(front + "*The General Assembly*,\n\n*Recalling* its resolution 98/1,\n\n" + block,
                    encoding="utf-8")
    res = read_source(str(path))
    under = res.operative[0].under
    assert [type(b) for b in under] == [Heading, Table, Heading, Table, Paragraph]
    assert [b.eid for b in under] == ["para_1__tblock_1", "para_1__table_1", "para_1__tblock_2", "para_1__table_2",
                                      "para_1__p_1"]
    out = tmp_path / "build"
    assert unres_main(["build", str(path), "-o", str(out), "-q"]) == 0
    akn = (out / "under.akn.xml").read_text(encoding="utf-8")
    assert '<tblock eId="para_1__tblock_1" class="H1">' in akn and '<p eId="para_1__p_1" class="note">' in akn
    lines, summary = verify_source(str(path), str(out))
    assert lines == [] and summary.endswith(": consistent"), (lines, summary)


def test_every_module_of_the_pipeline_is_named_in_the_layout():
    # The layout under "How it is built" is where a newcomer looks for each concern; a module it
    # does not name is one they will not find. (The writers are packages of their own helpers.)
    block = README[README.index("laid out as the pipeline:"):]
    block = block[block.index("```") + 3:]
    named = set(re.findall(r"\w+\.py", block[:block.index("```")]))
    package = ROOT / "scripts" / "unres"
    missing = [str(path.relative_to(package))
               for folder in ("", "model", "readers", "readers/markdown", "readers/akn", "pipeline",
                              "verify", "verify/read", "parallel")
               for path in sorted((package / folder).glob("*.py"))
               if path.name != "__init__.py" and path.name not in named]
    assert not missing, f"modules the README's layout does not name: {missing}"
