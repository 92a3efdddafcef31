"""Where a UN document can be read online: one rule for the document's own URL (its QR code)
and for the documents it cites (links)."""
from __future__ import annotations

from urllib.parse import quote

# The UN's resolver for document symbols; `{lang}` is the BCP 47 code (en, fr, ar …).
DEFAULT_URL_BASE = "https://undocs.org/{lang}/{symbol}"


def document_url(symbol: str, lang: str, base: str | None = None) -> str:
    """The URL of the document with this symbol in this language. Spaces in symbols
    ("S/RES/2504 (2020)") are dropped, as the resolver spells them; slashes stay."""
    compact = symbol.replace(" ", "")
    return (base or DEFAULT_URL_BASE).format(lang=quote(lang, safe=""), symbol=quote(compact, safe="/()"))
