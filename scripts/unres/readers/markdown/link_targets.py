"""Whether a link's target is a URL the archive's XML can hold.

The AKN output writes a link's target as ``href``, which the OASIS schema types ``xs:anyURI``; a
target that is not one ("ht»tps://…", "٣<https://…>" from a slip of the keyboard) made the AKN
fail its schema check, a build refused as a bug in unres (A-SCHEMA). It is a slip in the source,
found here at its line (E221). The test is the schema's own: the same libxml2 check of
``xs:anyURI`` the AKN output is validated with, so a target passes here exactly when it passes there.
"""
from __future__ import annotations

from functools import lru_cache

from lxml import etree

_SCHEMA = (b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
           b'<xs:element name="target" type="xs:anyURI"/></xs:schema>')


@lru_cache(maxsize=1)
def _schema():
    return etree.XMLSchema(etree.fromstring(_SCHEMA))


def is_url(target: str) -> bool:
    """True when ``target`` is a valid ``xs:anyURI``."""
    element = etree.Element("target")
    try:
        element.text = target
    except ValueError:      # (a character XML cannot hold: no URL either)
        return False
    return _schema().validate(element)
