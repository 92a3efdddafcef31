"""The one way unres reads XML: a parser that never trusts the file.

XML read from outside (an imported Akoma Ntoso file, a built output being
checked) could carry a DTD with entity definitions ("billion laughs"), an
external entity pointing at a local file or a URL, or be large enough to
exhaust memory. The parser below loads no DTD, expands no entity, touches no
network and keeps libxml2's size limits; any document type declaration that
defines entities or names an external DTD is refused before parsing, with the
file and line of the offending declaration.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Union

from lxml import etree

from .errors import SourceError, error
from .model.document import Loc

# A resolution's XML is a few hundred kilobytes; anything this large is not one.
MAX_BYTES = 32 * 1024 * 1024

_DOCTYPE_RE = re.compile(rb"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY_RE = re.compile(rb"<!ENTITY\b", re.IGNORECASE)
_EXTERNAL_ID_RE = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+\s+(SYSTEM|PUBLIC)\b", re.IGNORECASE)
_ROOT_START_RE = re.compile(rb"<[A-Za-z_]")
_POSITION_SUFFIX_RE = re.compile(r",? line \d+, column \d+\s*$")


def safe_parser() -> etree.XMLParser:
    """A fresh hardened parser (lxml parsers are not shared between threads)."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        no_network=True,
        huge_tree=False,
        remove_pis=False,
        collect_ids=False,
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decoded_line(data: bytes, encoding: Optional[str], needle: str) -> int:
    try:
        text = data.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return 1
    offset = text.find(needle)
    return text.count("\n", 0, offset) + 1 if offset >= 0 else 1


def _refuse(name: str, data: bytes, offset: int, message: str, code: str) -> SourceError:
    return SourceError(error(Loc(name, _line_of(data, offset), 1), message, code))


def _check_prolog(data: bytes, name: str) -> None:
    """Refuse a DOCTYPE that defines entities or points at an external DTD."""
    doctype = _DOCTYPE_RE.search(data)
    if not doctype:
        return
    root = _ROOT_START_RE.search(data, doctype.end())
    prolog_end = root.start() if root else len(data)
    external = _EXTERNAL_ID_RE.match(data, doctype.start())
    if external:
        raise _refuse(name, data, doctype.start(),
                      "the document type declaration names an external DTD; "
                      "external DTDs and entities are never loaded", "E601")
    entity = _ENTITY_RE.search(data, doctype.start(), prolog_end)
    if entity:
        raise _refuse(name, data, entity.start(),
                      "the document type declaration defines entities; "
                      "entity definitions are refused", "E602")


def parse_bytes(data: bytes, name: str) -> etree._ElementTree:
    """Parse ``data`` (read from ``name``, used in messages) with the hardened parser."""
    if len(data) > MAX_BYTES:
        raise SourceError(error(Loc(name, 1, 1),
                                f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", "E603"))
    _check_prolog(data, name)
    try:
        root = etree.fromstring(data, safe_parser(), base_url=None)
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (exc.lineno or 1, 1))
        message = _POSITION_SUFFIX_RE.sub("", exc.msg or str(exc))
        raise SourceError(error(Loc(name, line or 1, max(col, 1)),
                                f"not well-formed XML: {message}", "E604")) from None
    tree = root.getroottree()
    # A declaration the prolog scan missed (e.g. hidden by an encoding the
    # regexes cannot see) still shows up here.
    info = tree.docinfo
    if info.system_url or info.public_id:
        raise SourceError(error(Loc(name, _decoded_line(data, info.encoding, "<!DOCTYPE"), 1),
                                "the document names an external DTD", "E601"))
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SourceError(error(Loc(name, _decoded_line(data, info.encoding, "<!ENTITY"), 1),
                                "the document type declaration defines entities", "E602"))
    for node in root.iter(etree.Entity):
        raise SourceError(error(Loc(name, node.sourceline or 1, 1),
                                f"entity reference {node.text} is not allowed", "E602"))
    return tree


def parse_file(path: Union[str, Path], name: Optional[str] = None) -> etree._ElementTree:
    """Read and parse ``path``; errors name ``name`` (default: the path as given)."""
    label = name or str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(error(Loc(label, 1, 1), f"cannot read file: {exc.strerror}", "E600")) from None
    return parse_bytes(data, label)
