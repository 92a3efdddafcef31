"""Where a UN document can be read online: one rule for the document's own URL (its QR code)
and for the documents it cites (links)."""
from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit

# The UN's resolver for document symbols; `{lang}` is the BCP 47 code (en, fr, ar …).
DEFAULT_URL_BASE = "https://undocs.org/{lang}/{symbol}"


def document_url(symbol: str, lang: str, base: str | None = None) -> str:
    """The URL of the document with this symbol in this language. Spaces in symbols
    ("S/RES/2504 (2020)") are dropped, as the resolver spells them; slashes stay."""
    compact = symbol.replace(" ", "")
    return (base or DEFAULT_URL_BASE).format(lang=quote(lang, safe=""), symbol=quote(compact, safe="/()"))


# Where a source's documents are read when its front matter does not say (`document_url_base`).
URL_BASE_ENV = "UNRES_DOCUMENT_URL_BASE"


def base_for(meta) -> str:
    """The URL base of a source: its front matter's `document_url_base`, else the environment's
    UNRES_DOCUMENT_URL_BASE, else the UN's resolver."""
    return getattr(meta, "document_url_base", None) or os.environ.get(URL_BASE_ENV) or DEFAULT_URL_BASE


def check_base(base: str) -> str | None:
    """Why ``base`` cannot be a URL base (None when it can)."""
    if "{symbol}" not in base:
        return "it must contain {symbol}"
    try:
        base.format(lang="en", symbol="A/1/1")
    except (KeyError, IndexError, ValueError):
        return "its only fields may be {lang} and {symbol}"
    if urlsplit(base.format(lang="en", symbol="A")).scheme not in ("http", "https"):
        return "it must start with http:// or https://"
    return None


# The UN's own links name other language codes (ch, sp) and plain http.
_UNDOCS_RE = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:[a-z]{2}/)?(?P<symbol>[A-Z][^?#]*)$")


def symbol_from_url(url: str, base: str | None = None) -> str | None:
    """The symbol a document URL opens (with this base or the UN's resolver), else None."""
    base = base or DEFAULT_URL_BASE
    pattern = "^" + re.escape(base).replace(re.escape("{lang}"), "[A-Za-z-]+").replace(
        re.escape("{symbol}"), "(?P<symbol>[A-Z][^?#]*)") + "$"
    for candidate in (re.compile(pattern), _UNDOCS_RE):
        m = candidate.match(url.strip())
        if m:
            symbol = unquote(m.group("symbol"))
            # A control character escaped in the address ("A/79/3%05") names no document, and
            # could be written in no XML file.
            return None if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in symbol) else symbol
    return None
