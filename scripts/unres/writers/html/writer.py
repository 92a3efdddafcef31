"""HTML writer: one self-contained page (styles inline, nothing fetched).

Every operative paragraph and sub-paragraph carries its model eId as ``id``
with a permalink; footnotes link to notes at the end of the page.
"""
from __future__ import annotations

import base64

from ...errors import InvalidOutputError, error
from ...model import output_env
from ...model.document import Resolution, walk_subparagraphs
from ...model.presentation import present, presentation_for
from .. import templating
from ..pdf.fetcher import EMBLEM_TYPES, configured_emblem
from .page import page_context

TEMPLATE = "html/resolution.html"


def emblem_data_uri(env=None) -> str | None:
    """The configured emblem inlined, so the page stays one self-contained file."""
    path = configured_emblem(env)
    if path is None:
        return None
    mime = EMBLEM_TYPES[path.suffix.lower()]
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def page(res: Resolution, pres=None, env=None) -> str:
    """The screen page; ``env`` is the environment that shapes outputs (this process's if None)."""
    context = page_context(res, pres or present(res), screen=True, emblem_src=emblem_data_uri(env))
    return templating.render(TEMPLATE, **context)


def _ids(text: str) -> list[str]:
    """Every element's id in the page, in document order, as a browser reads them (of an
    attribute given twice, the first). libxml2's parser, not ``html.parser``: the page is
    checked once per build, and the pure-Python parser took some six times as long."""
    from lxml import etree

    root = etree.fromstring(text, etree.HTMLParser(recover=True, no_network=True))
    return [] if root is None else [value for value in root.xpath("//@id") if value]


def expected_ids(res: Resolution) -> list[str]:
    ids = []
    adopted = [b for part in res.parts if part.adopted for b in part.adopted.blocks if hasattr(b, "children")]
    for para in res.operative + adopted:
        ids.append(para.eid)
        ids.extend(point.eid for point in walk_subparagraphs(para.children))
    ids.extend(note.eid for note in res.footnotes)
    return ids


def check(res: Resolution, text: str) -> None:
    """Every paragraph must be addressable, once: a broken permalink is a bug."""
    seen, duplicates = set(), set()
    for value in _ids(text):
        (duplicates if value in seen else seen).add(value)
    missing = [eid for eid in expected_ids(res) if eid not in seen]
    if duplicates or missing:
        raise InvalidOutputError(error(
            None, f"HTML ids: duplicated {sorted(duplicates)}, missing {missing}", "O-HTML-ID"))


def render(res: Resolution, inputs: dict) -> bytes:
    text = page(res, presentation_for(res, inputs), output_env.of(inputs))
    check(res, text)
    return text.encode("utf-8")
