"""A DOCX file's parts as python-docx's ``Document()`` finds them, read with lxml alone.

python-docx opens a package by walking its relationships from ``_rels/.rels``, parses every
part it has a class for, and builds objects the DOCX reader never uses; reading a built
DOCX through it cost some 6 ms of opening and most of the rest in its object layer. This
opens the same parts the same way, and refuses the same files: no main document part, a
main part that is not a Word document, a part or relationship the package lacks, XML that
does not parse (a part python-docx parses, or any relationships part), no content type.
"""
from __future__ import annotations

import posixpath
import zipfile
from importlib.util import find_spec
from pathlib import Path

from lxml import etree

from ...memo import once
from ...xmlsafe import safe_parser

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES, IMAGE = _RT + "officeDocument", _RT + "styles", _RT + "image"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
HEADER, FOOTER = _WML + "header+xml", _WML + "footer+xml"
# The content types of the parts python-docx parses as XML (docx/__init__.py's PartFactory);
# any other part it keeps as bytes.
PARSED = frozenset({
    "application/vnd.openxmlformats-package.core-properties+xml",
    _WML + "comments+xml", DOCUMENT_MAIN, FOOTER, HEADER,
    _WML + "numbering+xml", _WML + "settings+xml", _WML + "styles+xml",
})


class Package:
    """The parts reachable from the package's relationships: ``content_type``, ``blob``,
    ``rels`` (``[(reltype, target partname or None when external)]``) and ``targets``
    (``{relationship id: target partname or None}``) by partname, and each parsed part's root
    element in ``roots``."""

    def __init__(self, zf: zipfile.ZipFile):
        names = set(zf.namelist())

        def member(partname: str) -> bytes:
            return zf.read(partname[1:])
        types = _ContentTypes(member("/[Content_Types].xml"))
        self.content_type, self.blob, self.rels, self.roots, self.targets = {}, {}, {}, {}, {}
        self.package_rels = _rels("/", member, names)
        self._walk(self.package_rels, member, names, types)

    def _walk(self, rels, member, names, types) -> None:
        # Depth first, each part once, as python-docx's PackageReader walks them.
        for _reltype, partname in rels:
            if partname is None or partname in self.blob:
                continue
            part_rels = _rels(partname, member, names, self.targets.setdefault(partname, {}))
            self.blob[partname] = member(partname)
            self.rels[partname] = part_rels
            self._walk(part_rels, member, names, types)
        for _reltype, partname in rels:
            if partname is not None and partname not in self.content_type:
                self.content_type[partname] = types[partname]

    def parse_parts(self) -> None:
        """Parse each part python-docx would parse, as it does on opening (a part that is
        not well-formed XML refuses the file)."""
        for partname, blob in self.blob.items():
            if self.content_type[partname] in PARSED and partname not in self.roots and \
                    not self._is_image(partname):
                self.roots[partname] = etree.fromstring(blob, _parser())

    def _is_image(self, partname: str) -> bool:
        return any(reltype == IMAGE and target == partname
                   for rels in (self.package_rels, *self.rels.values()) for reltype, target in rels)

    def related(self, source: str | None, reltype: str) -> str:
        """The partname ``source`` (None: the package) relates to by ``reltype``; KeyError when
        there is none, ValueError when there are several, as python-docx's ``part_related_by``."""
        rels = self.package_rels if source is None else self.rels[source]
        found = [target for kind, target in rels if kind == reltype and target is not None]
        if not found:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(found) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        return found[0]

    def root(self, partname: str):
        if partname not in self.roots:
            self.roots[partname] = etree.fromstring(self.blob[partname], _parser())
        return self.roots[partname]


def open_document(zf: zipfile.ZipFile, name) -> tuple[Package, str]:
    """The package in the open zip ``zf`` and its main document's partname; a file
    python-docx's ``Document()`` refuses is refused, with its message (``name`` naming it)."""
    package = Package(zf)
    package.parse_parts()
    main = package.related(None, OFFICE_DOCUMENT)
    if package.content_type[main] != DOCUMENT_MAIN:
        raise ValueError(f"file '{name}' is not a Word file, content type is '{package.content_type[main]}'")
    return package, main


def styles_root(package: Package, main: str):
    """The main document's styles part; python-docx's own default styles when it has none."""
    try:
        return package.root(package.related(main, STYLES))
    except KeyError:
        return default_styles()


@once
def default_styles():
    spec = find_spec("docx")
    path = Path(next(iter(spec.submodule_search_locations))) / "templates" / "default-styles.xml"
    return etree.fromstring(path.read_bytes(), _parser())


def _parser():
    # python-docx's parser drops white space between elements (remove_blank_text), which
    # moves no text; the safe parser refuses what a file being checked must not make it do.
    return safe_parser()


def _rels(source: str, member, names, ids: dict | None = None) -> list:
    """``[(reltype, target partname or None)]`` of ``source``'s relationships part ([] when
    there is none); ``ids``, if given, gets each relationship's target by its id."""
    base, name = posixpath.split(source)
    rels_name = posixpath.join(base, "_rels", name + ".rels")
    if rels_name[1:] not in names:
        return []
    out = []
    for rel in etree.fromstring(member(rels_name), _parser()).iter(f"{{{REL_NS}}}Relationship"):
        external = rel.get("TargetMode", "Internal") == "External"
        target = None if external else posixpath.abspath(posixpath.join(base, rel.get("Target")))
        out.append((rel.get("Type"), target))
        if ids is not None:
            ids[rel.get("Id")] = target
    return out


class _ContentTypes:
    """[Content_Types].xml: an override by partname, else a default by extension (both
    compared without case); KeyError for a part with neither."""

    def __init__(self, xml: bytes):
        root = etree.fromstring(xml, _parser())
        self.overrides = {el.get("PartName").lower(): el.get("ContentType")
                          for el in root.iter(f"{{{CT_NS}}}Override")}
        self.defaults = {el.get("Extension").lower(): el.get("ContentType")
                         for el in root.iter(f"{{{CT_NS}}}Default")}

    def __getitem__(self, partname: str) -> str:
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        ext = posixpath.splitext(partname)[1].lstrip(".").lower()
        if ext in self.defaults:
            return self.defaults[ext]
        raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")
