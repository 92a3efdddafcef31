"""Akoma Ntoso mixed content -> model inlines.

The UN's files keep the typist's tabs, newlines and indentation inside
``xml:space="preserve"`` paragraphs, and often put the space after an italic
verb inside the italic span (``<span class="italic">Stressing </span>the``).
Whitespace is therefore collapsed and moved out of emphasis so that the model
holds exactly the words a reader sees, and the Markdown written from it is
well formed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from lxml import etree

from ...errors import warning
from ...model import languages
from ...model.document import (Emph, Footnote, LineBreak, Link, Loc, NoteRef, Strong, Subscript, Superscript,
                               Text, plain_text)
from ...model.ignorable import prints_nothing

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

# Runs of XML whitespace; no-break and narrow no-break spaces are content
# (French puts them before colons) and are kept.
_XML_SPACE_RE = re.compile(r"[ \t\r\n]+")

# Inline elements that only add meaning to words the model keeps as text.
_SEMANTIC = {"inline", "date", "docDate", "organization", "term", "concept", "entity", "location",
             "person", "role", "quantity", "def", "abbr", "docNumber", "docTitle", "docStatus",
             "docAuthority", "event", "object", "process", "time", "ins", "del", "mmod", "rmod",
             "signature", "docProponent", "docType", "docStage", "docCommittee", "legislature",
             "session", "shortTitle", "placeholder", "fillIn", "argument", "courtType", "judge",
             "lawyer", "party", "opinion", "affectedDocument", "relatedDocument", "change", "vote",
             "outcome", "narrative", "summary", "docJurisdiction", "docIntroducer", "docPurpose"}

# Letters of scripts that separate words with spaces (Chinese does not, so a
# run of formatting may end anywhere in a Chinese sentence).
_WORD_START_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]+")
_WORD_END_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]$")
_WORD_TAIL_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]+$")

_CONTAINERS = (Emph, Strong, Superscript, Subscript, Link)
# Link targets a reader of the document can follow.
_FOLLOWABLE_RE = re.compile(r"(?i)(https?://|mailto:)\S")
# Spaces that must not open or close a formatted run ("*Décide *:" is not emphasis).
_EDGE_SPACES = " \u00a0\u202f\u2009\u3000"


def local(el) -> str:
    """An element's name without its namespace ('' for comments and PIs)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def collapse(text: str) -> str:
    """XML whitespace runs -> one space; text in Unicode NFC (as every other reader gives it)."""
    return unicodedata.normalize("NFC", _XML_SPACE_RE.sub(" ", text))


def plain(el) -> str:
    """The whitespace-normalised text of an element, footnotes left out."""
    parts = []

    def visit(node):
        if node.text and local(node) != "authorialNote":
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and local(child) != "authorialNote":
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(el)
    return collapse("".join(parts)).strip()


@dataclass
class InlineContext:
    """What converting one file's inlines collects: footnotes and warnings."""
    path: str
    warnings: list = field(default_factory=list)
    footnotes: list = field(default_factory=list)
    markers: list = field(default_factory=list)        # (marker, Loc), in document order
    in_note: bool = False
    code: str = "en"                                    # the file's language: how it prints a note's number
    # unres's own files hold exactly what their source said: nothing in them is a typing slip.
    own: bool = False
    # Each (kind, object) warned about, with the object: held, so that no object made later in the
    # import takes its id() (an lxml element's proxy is freed when nothing holds it, and CPython
    # gives the next one the same address) and has its own warning swallowed.
    _warned: dict = field(default_factory=dict)

    def loc(self, el) -> Loc:
        return Loc(self.path, el.sourceline or 1, 1)

    def warn(self, el, message: str, code: str) -> None:
        self.warnings.append(warning(self.loc(el), message, code))

    def warn_once(self, el, kind: str, message: str, code: str, about=None) -> None:
        """Warn about ``kind`` once in the file, or once for the object ``about`` when given."""
        key = (kind, id(about))
        if key not in self._warned:
            self._warned[key] = about
            self.warn(el, message, code)


def convert(el, ctx: InlineContext) -> list:
    """The normalised inlines of ``el``'s content (its text, children and their tails)."""
    if ctx.own:
        return without_note_brackets(normalise(_raw_children(el, ctx)), ctx.code)

    def unraised():
        ctx.warn(el, "the closing bracket of a footnote call's printed marker is not raised; "
                     "read as the marker's", "W690")

    def mirrored():
        ctx.warn(el, "a raised bracket beside a footnote call faces the wrong way; "
                     "read as the call's printed marker", "W690")
    return without_note_brackets(
        _join_split_links(_mend_split_words(normalise(_raw_children(el, ctx)), el, ctx), el, ctx),
        ctx.code, unraised, mirrored)


def without_note_brackets(nodes: list, code: str, unraised=None, mirrored=None) -> list:
    """'<sup>(</sup><authorialNote/><sup>)</sup>': the raised brackets a language prints around
    every footnote's number ("(1)" in Arabic) belong to the call's marker, which the model prints
    from the language data; kept as text they would read '^(^[^1]^)^' and print twice. A closing
    bracket typed unraised after a raised opening one ('<sup>(</sup><authorialNote/>)،') is the
    marker's too; ``unraised`` is told of it (a UN file's typing slip). So is a raised bracket
    that faces the wrong way ('2030(<sup>)</sup><authorialNote/><sup>)</sup>', 78/159 in
    Arabic: typed right to left, the pair's two brackets are easily swapped); ``mirrored`` is
    told of it. Brackets typed unraised in the words are the words' and stay as typed."""
    before, after = languages.note_marker_brackets(code)
    if not (before or after):
        return nodes
    out = []
    for node in nodes:
        if isinstance(node, _CONTAINERS):
            node = replace(node, children=without_note_brackets(node.children, code, unraised, mirrored))
        out.append(node)
    # From the last call back; a call whose opening bracket is taken is looked at once only (the
    # bracket before it may be the closing one of the call before, which a mirrored opening one
    # would otherwise take).
    index = len(out) - 1
    while index >= 0:
        if not isinstance(out[index], NoteRef):
            index -= 1
            continue
        opened = bool(before) and index > 0 and _raised(out[index - 1], before)
        if (not opened and mirrored is not None and before and after and index > 0
                and _raised(out[index - 1], after)):
            opened = True
            mirrored()
        following = out[index + 1] if index + 1 < len(out) else None
        if (mirrored is not None and before and after and following is not None
                and _raised(following, before)):
            del out[index + 1]
            mirrored()
        elif after and following is not None and _raised(following, after):
            del out[index + 1]
        elif (after and opened and unraised is not None and isinstance(following, Text)
              and following.text.startswith(after)):
            rest = following.text[len(after):]
            out[index + 1:index + 2] = [Text(rest)] if rest else []
            unraised()
        if opened:
            del out[index - 1]
            index -= 1
        index -= 1
    return out


def _raised(node, text: str) -> bool:
    return (isinstance(node, Superscript) and len(node.children) == 1 and isinstance(node.children[0], Text)
            and node.children[0].text == text)


def _join_split_links(nodes: list, el, ctx: InlineContext) -> list:
    """'<a>2014</a><a> </a><a>(2011)</a>', one target cut in pieces, is the one link print shows."""
    out = []
    for node in nodes:
        if isinstance(node, Link) and len(out) >= 1 and isinstance(out[-1], Link) \
                and out[-1].target == node.target:
            out[-1] = replace(out[-1], children=normalise(out[-1].children + node.children))
            ctx.warn_once(el, "split-link", f"a link to {node.target} is cut into pieces; joined",
                          "W620", about=el)
        elif isinstance(node, Link) and len(out) >= 2 and isinstance(out[-2], Link) \
                and out[-2].target == node.target and isinstance(out[-1], Text) and not out[-1].text.strip():
            space = out.pop()
            out[-1] = replace(out[-1], children=normalise(out[-1].children + [space] + node.children))
            ctx.warn_once(el, "split-link", f"a link to {node.target} is cut into pieces; joined",
                          "W620", about=el)
        else:
            out.append(node)
    return out


def _cited(el, children: list) -> Link:
    """unres's own ``<ref>`` to a cited document: its URL and symbol are in the ``TLCReference``
    it refers to (its ``href`` may be the cited Work's IRI), and ``class="recognised"`` marks a
    link found in the text rather than written in the source."""
    target, symbol = el.get("href") or "", ""
    key = (el.get("refersTo") or "").lstrip("#")
    if key:
        found = el.getroottree().getroot().xpath(
            "//*[local-name()='TLCReference'][@eId=$key]", key=key)
        if found:
            target, symbol = found[0].get("href") or target, found[0].get("showAs") or ""
    return Link(target, children, symbol=symbol,
                recognised="recognised" in (el.get("class") or "").split())


def _mend_split_words(nodes: list, el, ctx: InlineContext) -> list:
    """'<i>Reiteratin</i>g' -> '<i>Reiterating</i>': formatting never ends inside a word.

    The run is extended to the end of the word, unless only one letter of the
    word is inside it ('<i>Décide d</i>e'), which is then moved out instead.
    """
    for i in range(len(nodes) - 1):
        run, after = nodes[i], nodes[i + 1]
        if not (isinstance(run, (Emph, Strong)) and isinstance(after, Text) and run.children
                and isinstance(run.children[-1], Text)):
            continue
        inside = run.children[-1].text
        rest = _WORD_START_RE.match(after.text)
        if not rest or not _WORD_END_RE.search(inside):
            continue
        head, _space, fragment = inside.rpartition(" ")
        if len(fragment) == 1 and head:
            run.children[-1] = Text(head)
            nodes[i + 1] = Text(" " + fragment + after.text)
            word, action = fragment + rest.group(0), "ended before it"
        else:
            run.children[-1] = Text(inside + rest.group(0))
            nodes[i + 1] = Text(after.text[rest.end():])
            word, action = fragment + rest.group(0), "extended to its end"
        ctx.warn(el, f"formatting ends inside the word {word!r}; {action}", "W619")
    for i in range(1, len(nodes)):
        before, run = nodes[i - 1], nodes[i]
        if not (isinstance(run, (Emph, Strong)) and isinstance(before, Text) and run.children
                and isinstance(run.children[0], Text)):
            continue
        fragment = _WORD_TAIL_RE.search(before.text)
        inside = run.children[0].text
        if not fragment or not _WORD_START_RE.match(inside):
            continue
        # 'Re<i>affirming</i>': the run is taken back to the start of the word.
        nodes[i - 1] = Text(before.text[:fragment.start()])
        run.children[0] = Text(fragment.group(0) + inside)
        word = fragment.group(0) + _WORD_START_RE.match(inside).group(0)
        ctx.warn(el, f"formatting starts inside the word {word!r}; taken back to its start", "W619")
    return [n for n in nodes if not (isinstance(n, Text) and not n.text)]


def _raw_children(el, ctx: InlineContext) -> list:
    out = []
    if el.text:
        out.append(Text(el.text))
    for child in el:
        if isinstance(child.tag, str):
            out.extend(_raw_element(child, ctx))
        if child.tail:
            out.append(Text(child.tail))
    return out


def _raw_element(el, ctx: InlineContext) -> list:
    name = local(el)
    if name == "span" or name in ("i", "b", "u"):
        classes = set((el.get("class") or "").split())
        if name == "i" or "italic" in classes:
            return _formatted(Emph, "italic", el, ctx)
        if name == "b" or "bold" in classes:
            return _formatted(Strong, "bold", el, ctx)
        if classes or name == "u":
            ctx.warn_once(el, f"span:{sorted(classes)}:{name}",
                          f"<{name} class=\"{el.get('class') or ''}\"> has no equivalent; its text is kept "
                          "without the formatting", "W612")
        return _raw_children(el, ctx)
    if name == "sup":
        return [Superscript(_raw_children(el, ctx))]
    if name == "sub":
        return [Subscript(_raw_children(el, ctx))]
    if name in ("a", "ref"):
        if name == "ref" and el.get("refersTo"):
            return [_cited(el, _raw_children(el, ctx))]     # a cited document, as unres writes it
        href = (el.get("href") or "").strip()
        if not ctx.own and not _FOLLOWABLE_RE.match(href):
            # 'file://conf-share1/…': the translator's own copy, which no reader can open.
            ctx.warn(el, f"a link to {href!r} leads nowhere a reader can follow; its text is kept "
                         "without the link", "W629")
            return _raw_children(el, ctx)
        children = _raw_children(el, ctx)
        if prints_nothing(plain_text(children)):
            # A source's link must print some text (E222): one under no word is dropped.
            ctx.warn(el, f"a link to {href!r} prints no text; it is left out", "W706")
            return children
        return [Link(href, children)]
    if name in ("eol", "br", "eop"):
        return [LineBreak()]
    if name == "authorialNote" or name == "note":
        return [_note(el, ctx)]
    if name in _SEMANTIC:
        ctx.warn_once(el, name, f"<{name}> markup has no equivalent; its text is kept as plain text", "W613")
        return _raw_children(el, ctx)
    ctx.warn(el, f"unexpected element <{name}> inside a paragraph; its text is kept as plain text", "W614")
    return _raw_children(el, ctx)


def _formatted(kind, what: str, el, ctx: InlineContext) -> list:
    children = _raw_children(el, ctx)
    # A link's piece counts as its words: bold on the "(" of "2272 (2016)" cut into links is a slip too.
    pieces = [t.children[0] if isinstance(t, Link) and len(t.children) == 1 else t for t in children]
    text = "".join(t.text for t in pieces if isinstance(t, Text))
    if not ctx.own and len(pieces) == sum(isinstance(t, Text) for t in pieces) \
            and not re.search(r"\w", text):
        # An italic or bold comma or space is a typing slip, not emphasis.
        if text.strip():
            ctx.warn(el, f"{what} formatting on {text.strip()!r} alone (no words) is dropped", "W615")
        return children
    return [kind(children)]


def _note(el, ctx: InlineContext) -> NoteRef:
    if ctx.in_note:
        ctx.warn(el, "a footnote inside a footnote is kept as its text", "W616")
    key = str(len(ctx.footnotes) + 1)
    ctx.markers.append((el.get("marker") or "", ctx.loc(el)))
    paragraphs = []
    outer, ctx.in_note = ctx.in_note, True
    try:
        blocks = [c for c in el if local(c) == "p"]
        if blocks:
            for child in el:
                if isinstance(child.tag, str) and local(child) != "p":
                    ctx.warn(child, f"<{local(child)}> inside a footnote is not a paragraph; "
                                    "its text is kept as a paragraph", "W617")
            for child in el:
                if isinstance(child.tag, str):
                    inlines = convert(child, ctx)
                    if inlines:
                        paragraphs.append(inlines)
        else:
            inlines = convert(el, ctx)
            if inlines:
                paragraphs.append(inlines)
    finally:
        ctx.in_note = outer
    if paragraphs and not ctx.own:
        paragraphs[0] = _without_empty_marker(paragraphs[0], el, ctx)
    if not paragraphs:
        ctx.warn(el, "empty footnote", "W618")
        paragraphs.append([])
    note = Footnote(key=key, paragraphs=paragraphs, marker=el.get("marker") or "", loc=ctx.loc(el))
    ctx.footnotes.append(note)
    return NoteRef(key)


# The brackets of a note's printed marker, "(1)" in Arabic, left empty at the start of its text
# when the converter moved the number into @marker.
_EMPTY_MARKER_RE = re.compile(r"^\s*\(\s*\)\s*")


def _without_empty_marker(inlines: list, el, ctx: InlineContext) -> list:
    first = inlines[0] if inlines else None
    found = _EMPTY_MARKER_RE.match(first.text) if isinstance(first, Text) else None
    if not found:
        return inlines
    ctx.warn(el, "the footnote's text opens with the empty brackets of its printed marker; "
                 "removed", "W663")
    rest = first.text[found.end():]
    return ([Text(rest)] if rest else []) + list(inlines[1:])


# ------------------------------------------------------------- whitespace
def normalise(nodes: list) -> list:
    """Collapse whitespace, move edge spaces out of formatting, merge text, trim."""
    # Moving punctuation out of a run can bare a space at its edge (", Treaty Series" in
    # italics after "United Nations"): the spaces are moved out once more.
    out = _merge(_hoist(_flank(_merge(_hoist(nodes)))))
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip(" "))
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip(" "))
    return [n for n in out if not (isinstance(n, Text) and not n.text)]


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _is_word(ch: str) -> bool:
    return not ch.isspace() and not _is_punct(ch)


def _flank(nodes: list) -> list:
    """Move punctuation at the edge of italic or bold out of it where it touches a word outside.

    CommonMark cannot open emphasis between a letter and punctuation (or close it between
    punctuation and a letter), so the canonical Markdown could not say where it starts; the
    printed result is the same, as a comma looks alike in italics and in roman.
    """
    out = list(nodes)
    for i, node in enumerate(out):
        if not isinstance(node, (Emph, Strong)) or not node.children:
            continue
        first, last = node.children[0], node.children[-1]
        before = out[i - 1] if i > 0 else None
        after = out[i + 1] if i + 1 < len(out) else None
        if isinstance(first, Text) and isinstance(before, Text) and before.text and _is_word(before.text[-1]):
            lead = len(first.text) - len(first.text.lstrip("".join(c for c in first.text if _is_punct(c))))
            if 0 < lead < len(first.text):
                out[i - 1] = Text(before.text + first.text[:lead])
                node.children[0] = Text(first.text[lead:])
        last = node.children[-1]
        if isinstance(last, Text) and isinstance(after, Text) and after.text and _is_word(after.text[0]):
            kept = last.text.rstrip("".join(c for c in last.text if _is_punct(c)))
            if kept and len(kept) < len(last.text):
                out[i + 1] = Text(last.text[len(kept):] + after.text)
                node.children[-1] = Text(kept)
    return out


def _hoist(nodes: list) -> list:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(Text(collapse(node.text)))
        elif isinstance(node, _CONTAINERS):
            inner = _merge(_hoist(node.children))
            lead = _edge(inner, 0)
            trail = _edge(inner, -1)
            inner = [n for n in inner if not (isinstance(n, Text) and not n.text)]
            if lead:
                out.append(Text(lead))
            if inner:
                out.append(replace(node, children=inner) if isinstance(node, Link) else type(node)(inner))
            if trail:
                out.append(Text(trail))
        else:
            out.append(node)
    return out


def _edge(inner: list, index: int) -> str:
    """Remove and return the spaces at one end of a formatted run (no-break ones too)."""
    if not inner or not isinstance(inner[index], Text):
        return ""
    text = inner[index].text
    kept = text.lstrip(_EDGE_SPACES) if index == 0 else text.rstrip(_EDGE_SPACES)
    inner[index] = Text(kept)
    return text[:len(text) - len(kept)] if index == 0 else text[len(kept):]


def _merge(nodes: list) -> list:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
            else:
                out.append(Text(node.text))
        elif isinstance(node, (Emph, Strong)) and out and type(out[-1]) is type(node):
            # Two runs of the same formatting side by side print as one.
            out[-1] = type(node)(_merge(out[-1].children + node.children))
        else:
            out.append(node)
    for i, node in enumerate(out):
        if isinstance(node, Text):
            out[i] = Text(re.sub(r" {2,}", " ", node.text))
    return out
