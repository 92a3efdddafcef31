"""``unres import`` with several files or a folder: each file imported on its own (one
that cannot be imported writes nothing and keeps no other from being written), and
the language versions of one resolution checked against each other."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS
from unres.cli import main
from unres.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, EXIT_OUTPUT

MINIMAL = (Path(__file__).parent / "fixtures" / "import" / "minimal.xml").read_text(encoding="utf-8")
HRC54 = CORPUS / "un-akn-hrc" / "54session"


def _version(folder: Path, name: str, language: str = "eng", edit=None) -> Path:
    text = MINIMAL.replace('language="eng"', f'language="{language}"')
    if language == "fra":
        text = text.replace("Trinidad and Tobago and United Kingdom of Great Britain and Northern Ireland",
                            "Trinité-et-Tobago et Royaume-Uni de Grande-Bretagne et d’Irlande du Nord")
    if edit:
        text = edit(text)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_language_versions_that_agree_import_into_the_folder(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    _version(src, "R_E.xml")
    _version(src, "R_F.xml", "fra")
    assert main(["import", str(src / "R_E.xml"), str(src / "R_F.xml"), "-o", str(tmp_path / "out")]) == EXIT_OK
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["R_E.md", "R_F.md"]
    assert "W670" not in capsys.readouterr().err


def test_a_disagreement_names_both_files_and_lines(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    english = _version(src, "R_E.xml")
    # The French version lost operative paragraph 3.
    french = _version(src, "R_F.xml", "fra", lambda t: t[:t.index('<paragraph eId="para_20"')]
                      + t[t.index("</mainBody>"):])
    assert main(["import", str(src), "-o", str(tmp_path / "out")]) == EXIT_FINDINGS
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if "W670" in x and "numbering" in x]
    french_line, english_line = _line(french, 'eId="para_12"'), _line(english, 'eId="para_20"')
    assert line.startswith(f"{french}:{french_line}:")
    assert f"{english}:{english_line}" in line
    assert "2: 1. 2. here, 3: 1. 2. 3." in line
    # The sources are written all the same: the disagreement is the UN's, reported.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["R_E.md", "R_F.md"]


def test_a_file_that_cannot_be_imported_is_refused_alone(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    good = _version(src, "R_E.xml")
    bad = _version(src, "R_F.xml", "fra", lambda t: t.replace("<num>3.</num>", "<num>5.</num>"))
    assert main(["import", str(good), "-o", str(tmp_path / "alone.md")]) == EXIT_OK
    capsys.readouterr()
    assert main(["import", str(src), "-o", str(tmp_path / "out")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert any(line.startswith(f"{bad}:") and "error" in line for line in err.splitlines())
    (summary,) = [line for line in err.splitlines() if line.startswith("unres: imported")]
    assert summary.endswith(f"not imported: {bad}") and "1 of 2 files" in summary
    # The good file is written as it is imported alone; the bad one leaves nothing.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["R_E.md"]
    assert (tmp_path / "out" / "R_E.md").read_bytes() == (tmp_path / "alone.md").read_bytes()


def test_no_file_that_imports_writes_nothing(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name, language in (("R_E.xml", "eng"), ("R_F.xml", "fra")):
        _version(src, name, language, lambda t: t.replace("<num>3.</num>", "<num>5.</num>"))
    assert main(["import", str(src), "-o", str(tmp_path / "out")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert f"{src / 'R_E.xml'}:" in err and f"{src / 'R_F.xml'}:" in err
    assert not (tmp_path / "out").exists()


def test_several_files_need_a_folder_and_never_overwrite(tmp_path, capsys):
    a = _version(tmp_path, "A.xml")
    b = _version(tmp_path, "B.xml")
    assert main(["import", str(a), str(b)]) == EXIT_OUTPUT
    assert "O103" in capsys.readouterr().err
    out = tmp_path / "out"
    out.mkdir()
    (out / "B.md").write_text("mine", encoding="utf-8")
    assert main(["import", str(a), str(b), "-o", str(out)]) == EXIT_OUTPUT
    assert (out / "B.md").read_text(encoding="utf-8") == "mine" and not (out / "A.md").exists()
    assert main(["import", str(a), str(b), "-o", str(out), "--force"]) == EXIT_OK
    assert (out / "B.md").read_text(encoding="utf-8").startswith("---")


@pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
def test_the_six_un_versions_of_one_resolution_are_compared(tmp_path, capsys):
    files = sorted(str(p) for p in HRC54.glob("*/A_HRC_RES_54_20?.xml"))
    assert len(files) == 6
    assert main(["import", *files, "-o", str(tmp_path), "-q"]) == EXIT_FINDINGS
    found = [x for x in capsys.readouterr().err.splitlines() if "W670" in x]
    # The Spanish list runs two States together. (The Arabic file names no abstaining State,
    # but its note's total is kept alone, and agrees.)
    assert [x.split(":")[0].split("/")[-1] for x in found] == ["A_HRC_RES_54_20S.xml"]
    assert all("the vote differs from the English version" in x and "A_HRC_RES_54_20E.xml:" in x for x in found)


@pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
def test_a_language_version_adopted_at_another_meeting_is_reported(tmp_path, capsys):
    """54/19 in Arabic says it was adopted at the 48th meeting, the five others at the 47th: the
    meeting is the same in every language, so the difference is the UN file's and is named."""
    files = sorted(str(p) for p in HRC54.glob("*/A_HRC_RES_54_19?.xml"))
    assert main(["import", *files, "-o", str(tmp_path), "-q"]) == EXIT_FINDINGS
    found = [x for x in capsys.readouterr().err.splitlines() if "W670" in x and "meeting" in x]
    assert [x.split(":")[0].split("/")[-1] for x in found] == ["A_HRC_RES_54_19A.xml"]
    assert "the meeting differs from the English version: 48 here, 47 in" in found[0]


@pytest.mark.skipif(not HRC54.is_dir(), reason=f"UN AKN corpus not found at {HRC54}")
@pytest.mark.parametrize("language", ["Arabic", "Chinese", "French", "Russian", "Spanish"])
def test_the_meeting_is_compared_in_every_language(tmp_path, capsys, language):
    """The meeting's number wherever each language prints it ('47e séance', '47ª sesión', '第47次会议',
    'الجلسة 47', '47‑е заседание'): one version changed to another meeting is the only disagreement."""
    files = sorted(HRC54.glob("*/A_HRC_RES_54_17?.xml"))
    assert main(["import", *[str(f) for f in files], "-o", str(tmp_path / "a"), "-q"]) == EXIT_OK
    changed = tmp_path / "changed"
    changed.mkdir()
    paths = []
    for path in files:
        data = path.read_bytes()
        if path.parent.name == language:
            assert data.count(b'refersTo="#adoptionMeeting">') == 1
            head, tail = data.split(b'refersTo="#adoptionMeeting">')
            tail = tail.replace(b"47", b"51", 1)
            data = head + b'refersTo="#adoptionMeeting">' + tail
        (changed / path.name).write_bytes(data)
        paths.append(str(changed / path.name))
    capsys.readouterr()
    assert main(["import", *paths, "-o", str(tmp_path / "b"), "-q"]) == EXIT_FINDINGS
    found = [x for x in capsys.readouterr().err.splitlines() if "W670" in x]
    assert len(found) == 1 and f"{language[0]}.xml" in found[0].split(":")[0]
    assert "the meeting differs from the English version: 51 here, 47 in" in found[0]


GA75 = CORPUS / "un-akn-ga" / "75session"


@pytest.mark.skipif(not GA75.is_dir(), reason=f"UN AKN corpus not found at {GA75}")
def test_a_version_that_prints_no_agenda_item_is_told_what_the_original_prints(tmp_path, capsys):
    """75/1 in Chinese prints an empty agenda line (W699); the five others "Agenda item 128 (a)" as
    each language writes it ("128 a)", "128 (أ)"): the Chinese alone is told, with the line of the
    version it is compared with (the Assembly's files name no original: the first, in Arabic)."""
    files = sorted(str(p) for p in GA75.glob("*/75_1_?.xml"))
    assert len(files) == 6
    assert main(["import", *files, "-o", str(tmp_path), "-q"]) == EXIT_FINDINGS
    found = [x for x in capsys.readouterr().err.splitlines() if "W670" in x]
    arabic = next(f for f in files if f.endswith("_A.xml"))
    assert len(found) == 1 and found[0].startswith(next(f for f in files if f.endswith("_C.xml")) + ":224:")
    assert f"the numbering of the agenda items differs from the Arabic version: none here, 1: 128 in {arabic}:224" \
        in found[0]
    assert "\nagenda_items: []\n" in (tmp_path / "75_1_C.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("slash", [False, True])
def test_one_file_into_a_folder_takes_the_files_name(tmp_path, capsys, slash):
    """``-o DIR`` with one file writes DIR/<file's name>.md, as it does for several; a folder not
    there yet is named by a trailing slash. It never overwrites, as ``-o NAME.md`` does not."""
    one = _version(tmp_path, "S_RES_2619 (2022)-2201202A.xml")
    out = tmp_path / "sources"
    if not slash:
        out.mkdir()
    target = out / "S_RES_2619 (2022)-2201202A.md"
    assert main(["import", str(one), "-o", str(out) + ("/" if slash else ""), "-q"]) == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("---")
    assert sorted(p.name for p in out.iterdir()) == [target.name]
    target.write_text("mine", encoding="utf-8")
    assert main(["import", str(one), "-o", str(out)]) == EXIT_OUTPUT
    assert "O102" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "mine"
    assert main(["import", str(one), "-o", str(out), "--force", "-q"]) == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("---")


SC2020_ENGLISH = CORPUS / "un-akn-sc" / "2020" / "English"


@pytest.mark.skipif(not SC2020_ENGLISH.is_dir(), reason=f"UN AKN corpus not found at {SC2020_ENGLISH}")
def test_a_statement_in_a_folder_of_resolutions_is_refused_alone(tmp_path, capsys):
    files = sorted(SC2020_ENGLISH.glob("*.xml"))
    statements = [p for p in files if p.name.startswith("S_PRST")]
    assert statements, "the folder holds a presidential statement"
    assert main(["import", str(SC2020_ENGLISH), "-o", str(tmp_path), "-q"]) == EXIT_INPUT
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert errors and all(any(line.startswith(f"{p}:") for p in statements) and "[E650]" in line
                          for line in errors)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.stem + ".md" for p in files if p not in statements)
