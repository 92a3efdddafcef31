"""``unres package``: BagIt bags for archives — what they hold, the same bytes twice, checked
before they are written, and every kind of tampering found by ``--validate``."""
from __future__ import annotations

import hashlib
import io
import re
import shutil
import tarfile
from pathlib import Path

import bagit
import pytest
from lxml import etree

from conftest import BODY, CORPUS, FRONT, ROOT, SOURCE_38_3
from unres import __version__
from unres.cli import main
from unres.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_INVALID_OUTPUT, EXIT_OK, SourceError
from unres.package.layout import Version, plan_bags
from unres.readers.markdown.reader import read_source

STEM = "A_HRC_RES_38_3"
METS = "{http://www.loc.gov/METS/}"
XLINK = "{http://www.w3.org/1999/xlink}"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
SIX = CORPUS / "un-akn-hrc" / "54session"


def tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def package(*args) -> int:
    return main(["package", *map(str, args), "-j", "1"])


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """38/3 packaged once from a copy of the project's source."""
    root = tmp_path_factory.mktemp("package")
    src = root / "src" / f"{STEM}.md"
    src.parent.mkdir()
    shutil.copy(SOURCE_38_3, src)
    assert package(src, "--build-dir", root / "build", "-o", root / "bags") == EXIT_OK
    return root


@pytest.fixture
def bag_copy(work, tmp_path):
    copy = tmp_path / STEM
    shutil.copytree(work / "bags" / STEM, copy)
    return copy


# ---------------------------------------------------------------- what a bag holds
def test_38_3_bag_holds_the_five_files_under_archivist_names(work):
    bag = work / "bags" / STEM
    names = sorted(tree(bag))
    payload = [f"data/{STEM}/en/{STEM}-EN{suffix}" for suffix in (".akn.xml", ".docx", ".html", ".md", ".pdf")]
    assert names == sorted(["bag-info.txt", "bagit.txt", "data/mets.xml", "manifest-sha256.txt",
                            "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt",
                            *payload])
    assert (bag / payload[3]).read_bytes() == SOURCE_38_3.read_bytes()
    for suffix in (".akn.xml", ".docx", ".html", ".pdf"):
        assert (bag / f"data/{STEM}/en/{STEM}-EN{suffix}").read_bytes() == \
            (work / "build" / f"{STEM}{suffix}").read_bytes()
    bagit.Bag(str(bag)).validate(processes=1)       # the Library of Congress's own check
    for alg in ("sha256", "sha512"):               # in order, whatever order the folder lists
        listed = [line.split(" ", 1)[1] for line in (bag / f"tagmanifest-{alg}.txt").read_text().splitlines()]
        assert listed == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"]


def test_bag_info_names_the_resolution(work):
    bag = bagit.Bag(str(work / "bags" / STEM))
    akn = etree.parse(str(work / "build" / f"{STEM}.akn.xml"))
    work_iri = akn.find(f".//{AKN}FRBRWork/{AKN}FRBRuri").get("value")
    info = bag.info
    assert info["Source-Organization"] == "United Nations"
    assert info["External-Identifier"] == "A/HRC/RES/38/3"
    title = next(line for line in SOURCE_38_3.read_text(encoding="utf-8").splitlines() if line.startswith("title: "))
    assert info["External-Description"] == "A/HRC/RES/38/3 (en): " + title.removeprefix("title: ")
    assert info["AKN-Work-IRI"] == work_iri
    text = SOURCE_38_3.read_text(encoding="utf-8")
    for key, label in (("issue_date", "Issue-Date"), ("adoption_date", "Adoption-Date")):
        assert f"{key}: {info[label]}\n" in text
    assert info["Bagging-Date"] == info["Issue-Date"]
    payload = [p for p in (work / "bags" / STEM / "data").rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"
    assert info["Bag-Software-Agent"] == f"unres {__version__} (bagit.py {bagit.VERSION})"
    assert info["Bag-Size"].endswith(" KB") or info["Bag-Size"].endswith(" MB")


def test_mets_names_each_file_role_format_and_checksum(work):
    data = work / "bags" / STEM / "data"
    root = etree.parse(str(data / "mets.xml")).getroot()
    seen = {}
    for group in root.iter(f"{METS}fileGrp"):
        for f in group.iter(f"{METS}file"):
            href = f.find(f"{METS}FLocat").get(f"{XLINK}href")
            body = (data / href).read_bytes()
            assert f.get("CHECKSUM") == hashlib.sha256(body).hexdigest() and f.get("SIZE") == str(len(body))
            seen[href.rsplit("-EN", 1)[1]] = (group.get("USE"), f.get("MIMETYPE"))
    assert seen == {
        ".md": ("source", "text/markdown; charset=UTF-8"),
        ".akn.xml": ("structured", "application/akn+xml"),
        ".pdf": ("print", "application/pdf"),
        ".docx": ("editable", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ".html": ("web", "text/html; charset=UTF-8"),
    }
    formats = {o.findtext(".//{http://www.loc.gov/premis/v3}formatName") for o in
               root.iter("{http://www.loc.gov/premis/v3}object")}
    assert {"PDF/A", "Akoma Ntoso", "HTML"} <= formats
    fptrs = [p.get("FILEID") for p in root.iter(f"{METS}fptr")]
    assert len(fptrs) == 5 and all(root.find(f".//{METS}file[@ID='{i}']") is not None for i in fptrs)


# XLink as the METS schema uses it; the Library of Congress's own copy is fetched from the network,
# which the tests never do, so its attributes are declared here as plain strings.
XLINK_XSD = """<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xlink="http://www.w3.org/1999/xlink"
    targetNamespace="http://www.w3.org/1999/xlink" attributeFormDefault="qualified">
 %s
 <xsd:attributeGroup name="simpleLink">%s</xsd:attributeGroup>
 <xsd:attributeGroup name="extendedLink">%s</xsd:attributeGroup>
 <xsd:attributeGroup name="locatorLink">%s</xsd:attributeGroup>
 <xsd:attributeGroup name="arcLink">%s</xsd:attributeGroup>
</xsd:schema>"""


def _xlink_schema() -> str:
    names = ("href", "type", "role", "arcrole", "title", "show", "actuate", "label", "from", "to")
    refs = lambda *ns: "".join(f'<xsd:attribute ref="xlink:{n}"/>' for n in ns)  # noqa: E731
    return XLINK_XSD % ("".join(f'<xsd:attribute name="{n}" type="xsd:string"/>' for n in names),
                        refs("type", "href", "role", "arcrole", "title", "show", "actuate"),
                        refs("type", "role", "title"), refs("type", "href", "role", "title", "label"),
                        refs("type", "arcrole", "title", "show", "actuate", "from", "to"))


def test_mets_is_valid_against_the_mets_schema(work, tmp_path):
    """The METS schema as metsrw (Artefactual, Archivematica's METS library) ships it. The PREMIS
    objects inside are not checked: their schema is not shipped by any package here, so their
    xsi:type, which would make the METS schema look for it, is left out of the copy checked."""
    import metsrw

    (tmp_path / "xlink.xsd").write_text(_xlink_schema(), encoding="utf-8")
    mets_xsd = (Path(metsrw.__file__).parent / "resources" / "mets.xsd").read_text(encoding="utf-8")
    (tmp_path / "mets.xsd").write_text(mets_xsd.replace("http://www.loc.gov/standards/xlink/xlink.xsd",
                                                        (tmp_path / "xlink.xsd").as_uri()), encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "mets.xsd")))
    doc = etree.parse(str(work / "bags" / STEM / "data" / "mets.xml"))
    for obj in doc.iter("{http://www.loc.gov/premis/v3}object"):
        del obj.attrib["{http://www.w3.org/2001/XMLSchema-instance}type"]
    assert schema.validate(doc), schema.error_log


# ---------------------------------------------------------------- reproducible
def test_packaging_twice_gives_the_same_bytes(work, tmp_path):
    again = tmp_path / "again"
    assert package(work / "src" / f"{STEM}.md", "--build-dir", work / "build", "-o", again) == EXIT_OK
    first = tree(work / "bags" / STEM)
    assert tree(again / STEM) == first
    # Over an existing bag too: the bag is replaced by the same bytes, with nothing left beside it.
    assert package(work / "src" / f"{STEM}.md", "--build-dir", work / "build", "-o", again) == EXIT_OK
    assert tree(again / STEM) == first
    assert sorted(p.name for p in again.iterdir()) == [STEM]


def test_bagging_date_follows_source_date_epoch(work, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")      # 2023-11-14
    assert package(work / "src" / f"{STEM}.md", "--build-dir", tmp_path / "build",
                   "-o", tmp_path / "bags") == EXIT_OK
    assert bagit.Bag(str(tmp_path / "bags" / STEM)).info["Bagging-Date"] == "2023-11-14"


def test_tar_form_is_reproducible_and_validates(work, tmp_path, capsys):
    src = work / "src" / f"{STEM}.md"
    for out in ("one", "two"):
        assert package(src, "--build-dir", work / "build", "-o", tmp_path / out, "--tar") == EXIT_OK
    tar = tmp_path / "one" / f"{STEM}.tar"
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == [f"{STEM}.tar"]
    assert tar.read_bytes() == (tmp_path / "two" / f"{STEM}.tar").read_bytes()
    with tarfile.open(tar) as archive:
        members = archive.getmembers()
        assert [m.name for m in members] == sorted(m.name for m in members)
        assert {(m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, "", "")}
        inside = {m.name.removeprefix(f"{STEM}/"): archive.extractfile(m).read() for m in members if m.isfile()}
    assert inside == tree(work / "bags" / STEM)          # the same bag as the folder form
    capsys.readouterr()
    code, out = _validate(tar, capsys)
    assert code == EXIT_OK, out.err


def test_tampering_inside_a_tar_is_found_and_named(work, tmp_path, capsys):
    assert package(work / "src" / f"{STEM}.md", "--build-dir", work / "build", "-o", tmp_path, "--tar") == EXIT_OK
    tar = tmp_path / f"{STEM}.tar"
    unpacked = tmp_path / "unpacked"
    with tarfile.open(tar) as archive:
        archive.extractall(unpacked, filter="data")
    _flip_a_byte(unpacked / STEM)
    with tarfile.open(tar, "w") as archive:
        archive.add(unpacked / STEM, arcname=STEM)
    capsys.readouterr()
    code, out = _validate(tar, capsys)
    assert code == EXIT_FINDINGS
    assert f"{tar}:{STEM}/{PDF}: error: " in out.err and "[B-CHECKSUM]" in out.err, out.err
    # A member that would land outside the folder it is unpacked in is refused, not unpacked.
    evil = tmp_path / "evil.tar"
    with tarfile.open(evil, "w") as archive:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 1
        archive.addfile(info, io.BytesIO(b"x"))
    code, out = _validate(evil, capsys)
    assert code == EXIT_FINDINGS and "[B-NOT-BAG]" in out.err
    assert not (tmp_path.parent / "outside.txt").exists()


# ---------------------------------------------------------------- validation of a received bag
def _validate(bag, capsys):
    code = main(["package", "--validate", str(bag)])
    return code, capsys.readouterr()


def test_a_good_bag_validates(work, capsys):
    code, out = _validate(work / "bags" / STEM, capsys)
    assert code == EXIT_OK, out.err
    assert "valid bag" in out.out


def _rewrite_manifests(bag: Path, rel: str) -> None:
    """What a careless or dishonest hand does: the payload manifests made to match a changed file."""
    body = (bag / rel).read_bytes()
    for alg in ("sha256", "sha512"):
        manifest = bag / f"manifest-{alg}.txt"
        lines = [f"{hashlib.new(alg, body).hexdigest()}  {rel}" if line.endswith(f"  {rel}") else line
                 for line in manifest.read_text().splitlines()]
        manifest.write_text("\n".join(lines) + "\n")


PDF = f"data/{STEM}/en/{STEM}-EN.pdf"
HTML = f"data/{STEM}/en/{STEM}-EN.html"


def _flip_a_byte(bag, rel=PDF):
    path = bag / rel
    body = bytearray(path.read_bytes())
    body[len(body) // 2] ^= 0x01
    path.write_bytes(bytes(body))


@pytest.mark.parametrize("damage, named, code", [
    (lambda bag: _flip_a_byte(bag), PDF, "B-CHECKSUM"),
    (lambda bag: (bag / HTML).unlink(), HTML, "B-MISSING"),
    (lambda bag: (bag / "data" / STEM / "en" / "notes.txt").write_text("x"), f"data/{STEM}/en/notes.txt", "B-EXTRA"),
    (lambda bag: (_flip_a_byte(bag), _rewrite_manifests(bag, PDF)), "manifest-sha256.txt", "B-CHECKSUM"),
    (lambda bag: (bag / "bag-info.txt").write_text((bag / "bag-info.txt").read_text().replace(
        "A/HRC/RES/38/3", "A/HRC/RES/38/4")), "bag-info.txt", "B-CHECKSUM"),
], ids=["changed-byte", "missing-file", "extra-file", "manifest-edited-not-tag-manifest", "bag-info-edited"])
def test_each_kind_of_tampering_is_found(bag_copy, capsys, damage, named, code):
    damage(bag_copy)
    status, out = _validate(bag_copy, capsys)
    assert status == EXIT_FINDINGS
    assert f"{bag_copy / named}: error: " in out.err and f"[{code}]" in out.err, out.err


def test_manifests_and_tag_manifests_remade_are_caught_by_the_description(bag_copy, capsys):
    _flip_a_byte(bag_copy)
    bag = bagit.Bag(str(bag_copy))
    bag.save(manifests=True)               # every manifest now agrees with the changed PDF
    bag.validate()
    status, out = _validate(bag_copy, capsys)
    assert status == EXIT_FINDINGS
    assert f"{bag_copy / PDF}: error: differs from the size and SHA-256 that mets.xml gives it [B-DESCRIPTION]" \
        in out.err


def _remake_checksums(bag: Path, rel: str) -> None:
    """Every checksum of the bag made to agree with a changed file: METS, manifests, tag manifests."""
    body = (bag / rel).read_bytes()
    mets_path = bag / "data" / "mets.xml"
    root = etree.parse(str(mets_path))
    for f in root.iter(f"{METS}file"):
        if f.find(f"{METS}FLocat").get(f"{XLINK}href") == rel.removeprefix("data/"):
            f.set("CHECKSUM", hashlib.sha256(body).hexdigest())
            f.set("SIZE", str(len(body)))
    root.write(str(mets_path), xml_declaration=True, encoding="UTF-8")
    bagit.Bag(str(bag)).save(manifests=True)


def test_content_is_checked_too_when_every_checksum_was_remade(bag_copy, capsys):
    """Text changed in the HTML with every checksum (METS, manifests, tag manifests) made to
    match: only reading the file back against the packaged source finds it."""
    html = bag_copy / HTML
    html.write_text(html.read_text(encoding="utf-8").replace("Reaffirming", "Denying", 1),
                    encoding="utf-8")
    _remake_checksums(bag_copy, HTML)
    status, out = _validate(bag_copy, capsys)
    assert status == EXIT_FINDINGS
    assert f"{html}: error: " in out.err and "[B-VERIFY]" in out.err, out.err
    assert "B-CHECKSUM" not in out.err and "B-DESCRIPTION" not in out.err


def test_not_a_bag(tmp_path, capsys):
    status, out = _validate(tmp_path, capsys)
    assert status == EXIT_FINDINGS and f"{tmp_path}: error: not a bag: no bagit.txt [B-NOT-BAG]" in out.err


# ---------------------------------------------------------------- checked before it leaves
def test_a_failing_check_writes_no_bag_and_keeps_the_last(work, tmp_path, capsys):
    build = tmp_path / "build"
    shutil.copytree(work / "build", build)
    out = tmp_path / "bags"
    shutil.copytree(work / "bags", out)
    before = tree(out)
    html = build / f"{STEM}.html"      # damaged after it was built: its stamp still says it is fresh
    html.write_text(html.read_text(encoding="utf-8").replace("Reaffirming", "Denying", 1),
                    encoding="utf-8")
    capsys.readouterr()
    assert package(work / "src" / f"{STEM}.md", "--build-dir", build, "-o", out) == EXIT_INVALID_OUTPUT
    err = capsys.readouterr().err
    # The problem names the built file the bag would have copied, not the temporary bag.
    assert "[O-BAG]" in err and f"{html}: error: " in err and "[B-VERIFY]" in err, err
    assert tree(out) == before
    assert sorted(p.name for p in out.iterdir()) == [STEM]       # no temporary folder left


def test_two_sources_of_one_language_version_are_refused(work, tmp_path, capsys):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    shutil.copy(SOURCE_38_3, a)
    shutil.copy(SOURCE_38_3, b)
    assert package(a, b, "--build-dir", work / "build2", "-o", tmp_path / "bags") == EXIT_INPUT
    err = capsys.readouterr().err
    assert f"{b}:" in err and "[E701]" in err
    assert not (tmp_path / "bags").exists()


def _front(**changes) -> str:
    front = FRONT
    for key, value in changes.items():
        front = re.sub(rf"^{key}: .*$", f"{key}: {value}", front, count=1, flags=re.M)
    return front


@pytest.mark.parametrize("first, second, code", [
    ({}, {"adoption_date": "2030-07-04", "language": "French"}, "E702"),
])
def test_sources_that_cannot_share_or_split_bags_are_refused_before_building(tmp_path, capsys, first, second,
                                                                            code):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(_front(**first) + BODY, encoding="utf-8")
    b.write_text(_front(**second) + BODY, encoding="utf-8")
    assert package(a, b, "--build-dir", tmp_path / "build", "-o", tmp_path / "bags") == EXIT_INPUT
    assert f"[{code}]" in capsys.readouterr().err
    assert not (tmp_path / "build").exists() and not (tmp_path / "bags").exists()


@pytest.mark.parametrize("second", [{"symbol": "A/HRC-RES/99/1"}, {"symbol": "A/HRC RES/99/1", "language": "French"}])
def test_a_symbol_that_differs_only_in_punctuation_is_refused_as_it_is_read(tmp_path, capsys, second):
    """Two symbols that differ only in punctuation would share a bag's name (E703). A source cannot
    hold such a symbol any more: a symbol is its organ's prefix and the number (E108), and the
    source is refused as it is read, with nothing packaged."""
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(FRONT + BODY, encoding="utf-8")
    b.write_text(_front(**second) + BODY, encoding="utf-8")
    assert package(a, b, "--build-dir", tmp_path / "build", "-o", tmp_path / "bags") == EXIT_INPUT
    assert f"{b}:2:9: error: symbol" in capsys.readouterr().err
    assert not (tmp_path / "bags").exists()


def test_a_council_resolutions_chinese_version_shares_its_bag(tmp_path, capsys):
    """The Chinese versions of the Security Council's resolutions write "S/RES/2521(2020)", the
    others "S/RES/2521 (2020)" (seven of the UN's own files do): one resolution, one bag. The two
    spellings were taken for two symbols that would share a bag's name, and refused (E703)."""
    english = (ROOT / "source" / "S_RES_2508_2020.md").read_text(encoding="utf-8")
    chinese = re.sub(r"^language: .*$", "language: Chinese", english, count=1, flags=re.M)
    chinese = chinese.replace("symbol: S/RES/2508 (2020)", "symbol: S/RES/2508(2020)", 1)
    chinese = re.sub(r'^number: .*$', 'number: "2508(2020)"', chinese, count=1, flags=re.M)
    assert "S/RES/2508(2020)" in chinese and '"2508(2020)"' in chinese
    a, b = tmp_path / "en.md", tmp_path / "zh.md"
    a.write_text(english, encoding="utf-8")
    b.write_text(chinese, encoding="utf-8")
    assert package(a, b, "--build-dir", tmp_path / "build", "-o", tmp_path / "bags") == EXIT_OK, \
        capsys.readouterr().err
    assert [p.name for p in (tmp_path / "bags").iterdir()] == ["S_RES_2508_2020"]
    bag = bagit.Bag(str(tmp_path / "bags" / "S_RES_2508_2020"))
    assert bag.info["External-Identifier"] == "S/RES/2508 (2020)"
    assert sorted(Path(p).parent.name for p in bag.payload_files() if p.endswith(".md")) == ["en", "zh"]


def test_one_bag_per_session(tmp_path, capsys):
    sources = []
    for n in ("1", "2"):
        path = tmp_path / f"res{n}.md"
        path.write_text(FRONT.replace("99/1", f"99/{n}") + BODY, encoding="utf-8")
        sources.append(path)
    assert package(*sources, "--per", "session", "--build-dir", tmp_path / "build",
                   "-o", tmp_path / "bags") == EXIT_OK
    assert [p.name for p in (tmp_path / "bags").iterdir()] == ["A_HRC_RES_99"]
    bag = bagit.Bag(str(tmp_path / "bags" / "A_HRC_RES_99"))
    assert bag.info["External-Identifier"] == ["A/HRC/RES/99/1", "A/HRC/RES/99/2"]
    assert sorted(Path(p).parent.as_posix() for p in bag.payload_files() if p.endswith(".md")) == \
        ["data/A_HRC_RES_99_1/en", "data/A_HRC_RES_99_2/en"]
    # The PDF of 99/1 put in the place of 99/2's, every checksum remade: the PDF carries the wrong AKN.
    bag_dir = tmp_path / "bags" / "A_HRC_RES_99"
    wrong = "data/A_HRC_RES_99_2/en/A_HRC_RES_99_2-EN.pdf"
    shutil.copy(bag_dir / "data/A_HRC_RES_99_1/en/A_HRC_RES_99_1-EN.pdf", bag_dir / wrong)
    _remake_checksums(bag_dir, wrong)
    capsys.readouterr()
    status, out = _validate(bag_dir, capsys)
    assert status == EXIT_FINDINGS
    assert (f"{bag_dir / wrong}: error: the AKN file it carries is not {bag_dir / wrong.replace('.pdf', '.akn.xml')} "
            "[B-VERIFY]") in out.err, out.err


SC_SOURCE = ROOT / "source" / "S_RES_2508_2020.md"
GA_SOURCE = ROOT / "source" / "A_RES_75_40.md"


def _council(tmp_path, number: str, year: str, name: str = "") -> Path:
    """The project's Security Council source as resolution ``number (year)``, adopted that year."""
    text = SC_SOURCE.read_text(encoding="utf-8")
    for old, new in (("symbol: S/RES/2508 (2020)", f"symbol: S/RES/{number} ({year})"),
                     ('number: "2508 (2020)"', f'number: "{number} ({year})"'),
                     ("issue_date: 2020-", f"issue_date: {year}-"), ("adoption_date: 2020-", f"adoption_date: {year}-")):
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / (name or f"S_RES_{number}_{year}.md")
    path.write_text(text, encoding="utf-8")
    return path


def _plan(*paths):
    return _plan_per(*paths, per="session")


def _plan_per(*paths, per):
    return [(plan.name, [v.meta.symbol for v in plan.versions])
            for plan in plan_bags([Version(str(p), read_source(str(p)).meta) for p in paths], per)]


def test_the_security_council_is_packaged_per_session_by_the_year_of_its_symbol(tmp_path):
    """The Council has no session: its bags are its years, beside the Assembly's and the Council's
    sessions, whatever order the sources come in."""
    hrc = tmp_path / "hrc.md"
    hrc.write_text(FRONT + BODY, encoding="utf-8")
    assert _plan(_council(tmp_path, "2560", "2020"), _council(tmp_path, "2561", "2021"), GA_SOURCE, hrc,
                 _council(tmp_path, "2508", "2020")) == [
        ("A_HRC_RES_99", ["A/HRC/RES/99/1"]),
        ("A_RES_75", ["A/RES/75/40"]),
        ("S_RES_2020", ["S/RES/2508 (2020)", "S/RES/2560 (2020)"]),
        ("S_RES_2021", ["S/RES/2561 (2021)"]),
    ]


def test_a_council_symbol_without_its_year_is_refused_per_session(tmp_path, capsys):
    """No year to name its bag after: the Council's number holds its year ("2508 (2020)"), so a
    number without one is refused as the source is read (E108), before anything is built."""
    text = SC_SOURCE.read_text(encoding="utf-8").replace("S/RES/2508 (2020)", "S/RES/2508", 1)
    path = tmp_path / "S_RES_2508.md"
    path.write_text(text.replace('number: "2508 (2020)"', 'number: "2508"', 1), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        _plan(path)
    (diag,) = caught.value.diagnostics
    assert diag.code == "E108" and diag.loc.line == 3 and "'2508 (2020)': the number and the year" in diag.message
    assert package(path, "--per", "session", "--build-dir", tmp_path / "build",
                   "-o", tmp_path / "bags") == EXIT_INPUT
    assert f"{path}:3:" in capsys.readouterr().err
    assert not (tmp_path / "build").exists() and not (tmp_path / "bags").exists()


def test_one_bag_per_year_of_the_security_council(tmp_path):
    sources = [_council(tmp_path, "2508", "2020"), _council(tmp_path, "2509", "2020")]
    assert package(*sources, "--per", "session", "--build-dir", tmp_path / "build",
                   "-o", tmp_path / "bags") == EXIT_OK
    assert [p.name for p in (tmp_path / "bags").iterdir()] == ["S_RES_2020"]
    bag = bagit.Bag(str(tmp_path / "bags" / "S_RES_2020"))
    bag.validate(processes=1)
    assert bag.info["External-Identifier"] == ["S/RES/2508 (2020)", "S/RES/2509 (2020)"]
    assert sorted(Path(p).parent.as_posix() for p in bag.payload_files() if p.endswith(".md")) == \
        ["data/S_RES_2508_2020/en", "data/S_RES_2509_2020/en"]


# ---------------------------------------------------------------- six languages, one package
@pytest.mark.skipif(not SIX.is_dir(), reason=f"UN AKN corpus not present at {SIX}")
def test_six_language_files_make_one_package(tmp_path, capsys):
    sources = []
    for xml in sorted(SIX.glob("*/A_HRC_RES_54_1?.xml")):
        target = tmp_path / "src" / (xml.stem + ".md")
        assert main(["import", str(xml), "-o", str(target)]) == EXIT_OK
        sources.append(target)
    assert len(sources) == 6
    assert main(["package", *map(str, sources), "--build-dir", str(tmp_path / "build"),
                 "-o", str(tmp_path / "bags")]) == EXIT_OK
    assert [p.name for p in (tmp_path / "bags").iterdir()] == ["A_HRC_RES_54_1"]
    bag_dir = tmp_path / "bags" / "A_HRC_RES_54_1"
    assert sorted(p.name for p in (bag_dir / "data" / "A_HRC_RES_54_1").iterdir()) == \
        ["ar", "en", "es", "fr", "ru", "zh"]
    bag = bagit.Bag(str(bag_dir))
    bag.validate(processes=1)
    assert bag.info["Language"] == ["ar", "en", "es", "fr", "ru", "zh"]
    assert bag.info["External-Identifier"] == "A/HRC/RES/54/1"
    # One Work, whatever language each version names its organ in.
    assert bag.info["AKN-Work-IRI"] == "/akn/un/statement/deliberation/unga-hrc/2023-10-11/54-1"
    assert bag.info["Payload-Oxum"].endswith(".31")          # 6 x 5 files and the METS
    capsys.readouterr()
    code, out = _validate(bag_dir, capsys)
    assert code == EXIT_OK, out.err
    assert main(["package", *map(str, sources), "--build-dir", str(tmp_path / "build"),
                 "-o", str(tmp_path / "again")]) == EXIT_OK
    assert tree(tmp_path / "again" / "A_HRC_RES_54_1") == tree(bag_dir)
