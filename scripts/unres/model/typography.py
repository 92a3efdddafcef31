"""UN typography for plain text: the quotes, apostrophes, dashes and ellipsis that
pandoc's ``smart`` extension gives the body, for the front matter's prose (titles,
organs, meetings, States' names), which is text, not Markdown.

The body's Markdown is read by pandoc itself; this is the same rule for text that
never goes through it: ``--`` and ``---`` become en and em dashes, ``...`` an
ellipsis, a straight double quote opens (“) after a space or an opening bracket and
closes (”) elsewhere, and a straight single quote is an apostrophe (’) unless it
opens a quotation that a later one closes (‘ … ’). Text already typographic is
left as it is, so applying it twice changes nothing.
"""
from __future__ import annotations

import re

_OPENS_AFTER = set("([{“‘—–") | {" ", "\t", "\n", "\u00a0"}


def smart_text(text: str) -> str:
    if not text or not any(c in text for c in "'\"-."):
        return text
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            out.append("\u201c" if before in _OPENS_AFTER else "\u201d")
        elif ch == "'":
            opens = before in _OPENS_AFTER and after.isalnum() and _closed_later(text, i)
            out.append("\u2018" if opens else "\u2019")
        else:
            out.append(ch)
    return "".join(out)


def _closed_later(text: str, start: int) -> bool:
    """Whether a single quote after ``start`` ends a word (and so closes a quotation)."""
    return re.search(r"(?<=\S)'(?![\w])", text[start + 1:]) is not None


# French sets a no-break space after « and before », ;, :, ! and ?: the UN's French files hold
# U+00A0 there (in the 75th session's Assembly files, 373 times before ";", 62 inside « and », a
# plain space once). Typed as a plain space, it let a line break between the mark and its word
# ("intitulée «" at a line's end, "Transformer" on the next). A no-break space already typed
# (U+00A0, or the narrow U+202F) is kept as typed.
_FRENCH_SPACE_RE = re.compile(r"(?<=«) | (?=[»;:!?])")


def french_spaces(text: str) -> str:
    """``text`` with each plain space after « and before », ;, :, ! and ? a no-break space."""
    return _FRENCH_SPACE_RE.sub("\u00a0", text) if " " in text else text
