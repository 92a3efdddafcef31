"""The bag's description in METS: which file is which, for what, in which format.

One ``dmdSec`` (Dublin Core) per language version, one PREMIS object per file
(its format, size and SHA-256), one ``fileGrp`` per role and a ``structMap``
resolution > language version > files. Paths are relative to the METS file,
which sits at the top of the payload. Pure: the same plan and files give the
same bytes.
"""
from __future__ import annotations

import datetime as dt

from lxml import etree

from .. import __version__
from ..writers.akn.frbr import iris
from .layout import KINDS, BagPlan, bagging_date

METS = "http://www.loc.gov/METS/"
XLINK = "http://www.w3.org/1999/xlink"
DC = "http://purl.org/dc/elements/1.1/"
PREMIS = "http://www.loc.gov/premis/v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"mets": METS, "xlink": XLINK, "dc": DC, "premis": PREMIS, "xsi": XSI}
SCHEMA_LOCATIONS = (f"{METS} https://www.loc.gov/standards/mets/mets.xsd "
                    f"{PREMIS} https://www.loc.gov/standards/premis/premis.xsd")


def _m(tag):
    return f"{{{METS}}}{tag}"


def _sub(parent, ns, tag, text=None, **attrs):
    el = etree.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def file_id(version, kind) -> str:
    return f"FILE.{version.stem}.{version.lang}.{kind.name}"


def render(plan: BagPlan, digests: dict) -> bytes:
    """``digests`` maps each payload path (under ``data/``) to ``(size, sha256)``."""
    created = dt.datetime.combine(bagging_date(plan), dt.time(0, 0)).isoformat() + "Z"
    root = etree.Element(_m("mets"), nsmap=NSMAP)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATIONS)
    root.set("OBJID", plan.name)
    root.set("TYPE", "United Nations resolutions")
    root.set("LABEL", "; ".join(plan.resolutions()))
    header = _sub(root, METS, "metsHdr", CREATEDATE=created)
    agent = _sub(header, METS, "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _sub(agent, METS, "name", f"unres {__version__}")

    for v in plan.versions:
        names = iris(v.meta)
        wrap = _sub(_sub(root, METS, "dmdSec", ID=f"DMD.{v.stem}.{v.lang}"), METS, "mdWrap", MDTYPE="DC")
        data = _sub(wrap, METS, "xmlData")
        _sub(data, DC, "identifier", v.meta.symbol)
        _sub(data, DC, "identifier", names.expression)
        _sub(data, DC, "title", v.meta.title)
        _sub(data, DC, "creator", v.meta.organ)
        _sub(data, DC, "publisher", "United Nations")
        _sub(data, DC, "date", v.meta.adoption_date.isoformat())
        _sub(data, DC, "language", v.lang)
        _sub(data, DC, "type", "resolution")
        _sub(data, DC, "relation", names.work)

    amd = _sub(root, METS, "amdSec", ID="AMD")
    for v in plan.versions:
        for kind, path in v.files():
            size, sha256 = digests[path]
            tech = _sub(amd, METS, "techMD", ID=f"TECH.{v.stem}.{v.lang}.{kind.name}")
            obj = _sub(_sub(_sub(tech, METS, "mdWrap", MDTYPE="PREMIS:OBJECT"), METS, "xmlData"),
                       PREMIS, "object", version="3.0")
            obj.set(f"{{{XSI}}}type", "premis:file")
            ident = _sub(obj, PREMIS, "objectIdentifier")
            _sub(ident, PREMIS, "objectIdentifierType", "local")
            _sub(ident, PREMIS, "objectIdentifierValue", f"data/{path}")
            chars = _sub(obj, PREMIS, "objectCharacteristics")
            _sub(chars, PREMIS, "compositionLevel", "0")
            fixity = _sub(chars, PREMIS, "fixity")
            _sub(fixity, PREMIS, "messageDigestAlgorithm", "SHA-256")
            _sub(fixity, PREMIS, "messageDigest", sha256)
            _sub(chars, PREMIS, "size", str(size))
            designation = _sub(_sub(chars, PREMIS, "format"), PREMIS, "formatDesignation")
            _sub(designation, PREMIS, "formatName", kind.format_name)
            _sub(designation, PREMIS, "formatVersion", kind.format_version)

    file_sec = _sub(root, METS, "fileSec")
    for kind in KINDS:
        group = _sub(file_sec, METS, "fileGrp", USE=kind.role)
        for v in plan.versions:
            path = v.path(kind)
            size, sha256 = digests[path]
            el = _sub(group, METS, "file", ID=file_id(v, kind), MIMETYPE=kind.mime, SIZE=str(size),
                      CHECKSUM=sha256, CHECKSUMTYPE="SHA-256", ADMID=f"TECH.{v.stem}.{v.lang}.{kind.name}",
                      GROUPID=f"{v.stem}.{v.lang}")
            loc = _sub(el, METS, "FLocat", LOCTYPE="URL")
            loc.set(f"{{{XLINK}}}type", "simple")
            loc.set(f"{{{XLINK}}}href", path)

    struct = _sub(root, METS, "structMap", TYPE="logical")
    top = _sub(struct, METS, "div", TYPE="package", LABEL=plan.name)
    for symbol, versions in plan.resolutions().items():
        res_div = _sub(top, METS, "div", TYPE="resolution", LABEL=symbol)
        for v in versions:
            lang_div = _sub(res_div, METS, "div", TYPE="language version", LABEL=v.lang,
                            DMDID=f"DMD.{v.stem}.{v.lang}")
            for kind in KINDS:
                _sub(lang_div, METS, "fptr", FILEID=file_id(v, kind))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def described_files(data: bytes) -> dict:
    """What a METS file written by :func:`render` says of each file:
    ``{path: (role, mime, size, sha256)}``, paths relative to the METS file."""
    from ..xmlsafe import safe_parser

    root = etree.fromstring(data, safe_parser())
    out = {}
    for group in root.iter(_m("fileGrp")):
        for el in group.iter(_m("file")):
            for loc in el.iter(_m("FLocat")):
                out[loc.get(f"{{{XLINK}}}href")] = (group.get("USE"), el.get("MIMETYPE"),
                                                    el.get("SIZE"), el.get("CHECKSUM"))
    return out
