"""The YAML front matter: parsed to nodes (so every value keeps its line), then checked key by key.

PyYAML's own constructors are not used: they would turn ``2018-13-45`` into
an exception without a position, and ``yes`` into a boolean. Every value is
read from its scalar text here, with the line it stands on.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

from ...errors import SourceError, error, named_characters
from ...model import languages
from ...model.document import (GA, HRC, NUMBER_FORMS, RECORDED, SC, SYMBOL_PREFIXES, WITHOUT_VOTE, AgendaItem,
                               Loc, Meta, Origin, Vote)
from ...model.ignorable import is_ignorable, prints_nothing
from ...model.printed_dates import printed_date
from ...model.undocs import check_base
from ..source_text import baseless_mark_message, find_uncarried, is_mark

# Every organ's resolution prints these; `meeting` is the Security Council's only when it met
# (in 2020 it adopted some by written procedure, "Adopted by the Security Council on 30 March 2020").
COMMON = ("symbol", "number", "title", "organ", "distribution", "issue_date", "language",
          "adoption_date", "meeting", "vote")
# What each organ prints besides: the organ decides what is required, and a key another organ
# prints is an error naming the organ (E109).
ORGAN_KEYS = {
    HRC: ("parent_organ", "session", "session_name", "session_start", "session_end", "agenda_item",
          "original_language", "language_line_position"),
    GA: ("session", "session_name", "agenda_items", "origin"),
    SC: (),
}
# The Council's language line's place is optional: the issue date decides it when not given.
ORGAN_OPTIONAL = {SC: ("meeting",), HRC: ("language_line_position",)}
ORGAN_ONLY = tuple(dict.fromkeys(key for keys in ORGAN_KEYS.values() for key in keys))
REQUIRED = COMMON + tuple(k for k in ORGAN_KEYS[HRC] if k not in ORGAN_OPTIONAL[HRC])
OPTIONAL = ("job_number", "formula_organ", "link_cited_documents", "document_url_base", "printed",
            "quotes", "title_separator")
KNOWN = COMMON + ORGAN_ONLY + OPTIONAL
ORGAN_NAMES = {HRC: "Human Rights Council", GA: "General Assembly", SC: "Security Council"}
# Why an organ does not take a key, in the words of the error.
_NOT_PRINTED = {
    "parent_organ": "has no parent organ (the masthead names the organ itself)",
    "session": "has no session",
    "session_name": "has no session",
    "session_start": "has no session dates",
    "session_end": "has no session dates",
    "original_language": "has no original language",
    "language_line_position": "prints no language line",
    "agenda_item": "has no agenda item",
    "agenda_items": "has no agenda items",
    "origin": "has no origin line (on the report of a Main Committee)",
}
_INSTEAD = {
    (GA, "agenda_item"): "lists its agenda items under 'agenda_items' (a list of number and title), "
                         "not 'agenda_item'",
    (HRC, "agenda_items"): "has one agenda item: write 'agenda_item: \"3\"' (or "
                           "'agenda_item: {number: \"3\", title: …}' when its title is printed)",
}
VOTE_LISTS = ("in_favour", "against", "abstaining")
VOTE_TOTALS = ("in_favour_total", "against_total", "abstaining_total")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MAX_TEXT = 2000


# A part of an Assembly resolution published apart: its letter, or letters, after the number.
_PART = r"(?: [A-Z](?:-[A-Z])?)?"


class _Reader:
    def __init__(self, path: str, line_offset: int):
        self.path = path
        self.offset = line_offset
        self.errors = []
        self.state_nodes = {}

    def loc(self, node) -> Loc:
        return Loc(self.path, node.start_mark.line + self.offset, node.start_mark.column + 1)

    def fail(self, node, message, code):
        self.errors.append(error(self.loc(node) if node is not None else Loc(self.path, 1, 1), message, code))

    def text(self, key, node, required=True):
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"'{key}' must be text, not a {_kind(node)}", "E103")
            return None
        value = node.value.strip()
        if required and not value:
            self.fail(node, f"'{key}' is empty", "E103")
            return None
        if required and prints_nothing(value):
            codes = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(value) if not ch.isspace())
            self.fail(node, f"'{key}' prints nothing: it holds only characters that are never drawn "
                            f"({codes})", "E103")
            return None
        if len(value) > MAX_TEXT:
            self.fail(node, f"'{key}' is longer than {MAX_TEXT} characters", "E103")
            return None
        bad = find_uncarried(value)
        if bad:     # a YAML escape ("\x01") stands for it; the text itself was checked on reading
            self.fail(node, f"'{key}': an escape stands for U+{ord(bad.group()):04X}, "
                            "which no output can carry; delete it", "E505")
            return None
        if value and is_mark(value[0]):
            self.fail(node, f"'{key}': " + baseless_mark_message(value[0], "opens the value"), "E506")
            return None
        if any(ch in value for ch in "\n\r\t"):
            value = " ".join(value.split())
        return value

    def integer(self, key, node):
        value = self.text(key, node)
        if value is None:
            return None
        if not re.fullmatch(r"\d{1,4}", value):
            self.fail(node, f"'{key}' must be a whole number, not {value!r}", "E103")
            return None
        return int(value)

    def date(self, key, node):
        value = self.text(key, node)
        if value is None:
            return None
        match = DATE_RE.match(value)
        if not match:
            self.fail(node, f"'{key}' must be a date written YYYY-MM-DD, not {value!r}", "E104")
            return None
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError as exc:
            self.fail(node, f"'{key}' is not a real date: {value} ({exc})", "E104")
            return None

    def boolean(self, key, node):
        value = self.text(key, node)
        if value is None:
            return True
        if value.lower() not in ("true", "false"):
            self.fail(node, f"'{key}' must be true or false, not {value!r}", "E103")
            return True
        return value.lower() == "true"

    def url_base(self, key, node):
        value = self.text(key, node)
        if value is None:
            return None
        problem = check_base(value)
        if problem:
            self.fail(node, f"'{key}' {value!r} is not a URL base: {problem} "
                            "(e.g. https://undocs.org/{{lang}}/{{symbol}})", "E103")
            return None
        return value

    def states(self, key, node):
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"'vote.{key}' must be a list of States (one '- State' a line), "
                            f"not a {_kind(node)}", "E103")
            return []
        out, seen = [], {}
        for item in node.value:
            name = self.text(f"vote.{key}", item)
            if name is None:
                continue
            # A name is its words: "Costa  Rica" is Costa Rica, listed once, as an AKN file names it
            # (a no-break space the UN prints in "Côte d’Ivoire" stays one).
            name = _SPACES.sub(" ", name)
            problem = _unprintable_state(name)
            if problem:
                self.fail(item, f"'{name}' in vote.{key}: a State's name cannot {problem}", "E404")
                continue
            if name in seen:
                self.fail(item, f"'{name}' is listed twice in vote.{key} (first at line {seen[name]})", "E402")
                continue
            seen[name] = self.loc(item).line
            self.state_nodes[(key, name)] = item
            out.append(name)
        return out


_SPACES = re.compile(r"[ \t\r\n]+")
# What unres prints between and after the States of a list: a name ending with it would be
# read back as a shorter name and a list cut there.
_LIST_PUNCTUATION = ".,;،؛。，；、"


def _unprintable_state(name: str):
    """Why ``name`` cannot be printed in a vote's list and read back as itself, or None: the note
    that holds the lists is printed between square brackets, the lists' punctuation after each
    State, and a bracket of a right-to-left name is drawn facing the way its pair says."""
    if "[" in name or "]" in name:
        return "hold a square bracket (the adoption note around the lists is printed between them)"
    if name.rstrip()[-1:] in tuple(_LIST_PUNCTUATION):
        return (f"end with {name.rstrip()[-1]!r} (the punctuation printed between and after the "
                "States of a list)")
    depth = 0
    for ch in name:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth or re.search(r"\(\s*\)", name):
        return "hold a bracket that pairs with none in it, or brackets around nothing"
    return None


def _choice(reader: _Reader, key: str, node, allowed, explained: str) -> str | None:
    """The value of ``key``, one of ``allowed`` (E103 naming them as ``explained`` otherwise)."""
    value = reader.text(key, node)
    if value is not None and value not in allowed:
        reader.fail(node, f"'{key}' can only be {explained}, not {value!r}", "E103")
        return None
    return value


def _kind(node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "text")


def parse(front: str, path: str, first_line: int) -> Meta:
    reader = _Reader(path, first_line)
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        loc = Loc(path, mark.line + first_line, mark.column + 1) if mark else Loc(path, first_line, 1)
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceError(error(loc, f"front matter is not valid YAML: {problem}", "E102")) from None
    if root is None:
        raise SourceError(error(Loc(path, first_line, 1), "front matter is empty", "E105"))
    if not isinstance(root, yaml.MappingNode):
        raise SourceError(error(reader.loc(root), "front matter must be a mapping of keys to values", "E102"))

    nodes, key_locs = {}, {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key in nodes:
            reader.fail(key_node, f"key '{key}' is given twice", "E106")
            continue
        if key in VOTE_LISTS + VOTE_TOTALS:
            reader.fail(key_node, f"'{key}' belongs under 'vote:'; indent it there beside "
                                  f"{', '.join(k for k in VOTE_LISTS if k != key)}", "E106")
            continue
        if key not in KNOWN:
            reader.fail(key_node, f"unknown key '{key}' (known keys: {', '.join(KNOWN)})", "E106")
            continue
        nodes[key] = value_node
        key_locs[key] = reader.loc(key_node)
    organ = _organ(nodes, reader)
    for key in list(nodes):
        if key in ORGAN_ONLY and key not in ORGAN_KEYS[organ]:
            why = _INSTEAD.get((organ, key)) or f"{_NOT_PRINTED[key]}; delete '{key}'"
            reader.fail(_key_node(root, key), f"a {ORGAN_NAMES[organ]} resolution {why}", "E109")
            del nodes[key]
    for key in COMMON + ORGAN_KEYS[organ]:
        if key not in nodes and key not in ORGAN_OPTIONAL.get(organ, ()):
            what = f" (a {ORGAN_NAMES[organ]} resolution prints it)" if key in ORGAN_ONLY else ""
            reader.errors.append(error(Loc(path, first_line, 1), f"missing key '{key}'{what}", "E105"))

    values = {}
    for key, node in nodes.items():
        if key == "session":
            values[key] = reader.integer(key, node)
        elif key in ("session_start", "session_end", "issue_date", "adoption_date"):
            values[key] = reader.date(key, node)
        elif key == "vote":
            values[key] = _vote(reader, node)
        elif key == "link_cited_documents":
            values[key] = reader.boolean(key, node)
        elif key == "document_url_base":
            values[key] = reader.url_base(key, node)
        elif key in ("language", "original_language"):
            values[key] = _language(reader, key, node)
        elif key == "printed":
            values[key] = _printed(reader, node)
        elif key == "agenda_items":
            values[key] = _agenda_items(reader, node)
        elif key == "agenda_item" and isinstance(node, yaml.MappingNode):
            values[key], values["agenda_item_title"] = _agenda_item(reader, node, key_locs)
        elif key == "origin":
            values[key] = _origin(reader, node)
        elif key == "title_separator":
            # Kept as typed, its spaces included: "- " is printed before the title's first word.
            values[key] = node.value if reader.text(key, node) is not None else None
            if organ == SC:
                reader.fail(node, "a Security Council resolution prints no title, so nothing between "
                                  "its number and its title: remove 'title_separator'", "E103")
        elif key == "quotes":
            values[key] = reader.text(key, node)
            if values[key] is not None and values[key] != "straight":
                reader.fail(node, f"'quotes' can only be 'straight' (quotes print as typed), not "
                                  f"{values[key]!r}; leave it out for UN style (“ ” ‘ ’)", "E103")
        elif key == "language_line_position":
            values[key] = reader.text(key, node)
            if values[key] is not None and values[key] not in ("above", "below"):
                reader.fail(node, f"'language_line_position' is 'above' or 'below' (the language line "
                                  f"above or under 'Original: …'), not {values[key]!r}; leave it out "
                                  f"to follow the issue date", "E110")
                values[key] = None
        else:
            # A few UN files print no session name; the number still identifies the session.
            values[key] = reader.text(key, node, required=key not in OPTIONAL + ("session_name",))

    distribution = values.get("distribution")
    if distribution and distribution.strip().lower() not in _distribution_words():
        english = languages.data("en")["distribution_words"]
        reader.fail(nodes["distribution"], f"'distribution' is the document's distribution as the UN prints it, "
                                           f"{', '.join(english)} (or as a language's versions print them: "
                                           f"générale, limitada …), not {distribution!r}", "E103")
    if organ == SC and values.get("meeting") and not re.match(r"\d+", values["meeting"]):
        reader.fail(nodes["meeting"], f"a Security Council resolution's meeting is its number ('8712' or "
                                      f"'8712th meeting'), not {values['meeting']!r}", "E103")
    if not reader.errors:
        if organ == HRC and values["session_end"] < values["session_start"]:
            reader.fail(nodes["session_end"], "session_end is before session_start", "E104")
        symbol, number = values["symbol"], values["number"]
        form, shown = NUMBER_FORMS[organ]
        hidden = dict.fromkeys(ch for ch in symbol if is_ignorable(ch))
        if not form.fullmatch(number):
            reader.fail(nodes["number"], f"number {number!r} is not a {ORGAN_NAMES[organ]} resolution's "
                                         f"number: write it as the UN does, {shown}", "E108")
        elif hidden:
            reader.fail(nodes["symbol"], f"symbol {symbol!r} holds {named_characters(hidden)}, which is never "
                                         "drawn: a symbol names the document in every output, as the UN prints "
                                         "it; delete it", "E103")
        # Parts of an Assembly resolution published apart carry their letters after the number
        # (A/RES/75/245 B, A/RES/75/101 A-B); the number is the resolution's own.
        elif not re.fullmatch(re.escape(SYMBOL_PREFIXES[organ] + number) + (_PART if organ == GA else ""), symbol):
            prefix = SYMBOL_PREFIXES[organ]
            if symbol.startswith(prefix) and not re.search("/" + re.escape(number) + _PART + "$", symbol):
                tail = "/".join(symbol.split("/")[-(number.count("/") + 1):])
                reader.fail(nodes["number"], f"number {number!r} is not the end of the symbol {symbol}; "
                                             f"the symbol's number is {tail!r}", "E108")
            else:
                reader.fail(nodes["symbol"], f"symbol {symbol!r} is not a {ORGAN_NAMES[organ]} resolution's "
                                             f"symbol: it is {prefix!r} and the number, {prefix + number!r}"
                                             + (", and a part's letter after a space for a part published "
                                                "apart ('A/RES/75/245 B')" if organ == GA else ""), "E108")
        _printed_dates_agree(reader, nodes.get("printed"), values)
        _printed_vote_agrees(reader, nodes.get("printed"), values)
        _origin_form_known(reader, nodes.get("origin"), values)
    if reader.errors:
        raise SourceError(reader.errors)
    return Meta(key_locs=key_locs, **values)


def _distribution_words() -> set:
    """Every distribution the language data prints, in each language's words, in small letters."""
    return {word.lower() for code in languages.CODES
            for pair in (languages.data(code).get("distribution_words") or {}).items() for word in pair}


def _organ(nodes, reader: _Reader) -> str:
    """The organ whose rules the source follows; the Council's when the name is not one the
    language data knows (as every source was read before the other organs), unless the symbol is
    the Assembly's or the Security Council's: then an unknown name is a misspelling of that
    organ's (E103 at it), and that organ's rules are followed, so that no error asks for the
    Council's keys."""
    node = nodes.get("organ")
    name = node.value if isinstance(node, yaml.ScalarNode) else ""
    known = languages.organ_key(name)
    if known:
        return known
    symbol = nodes.get("symbol")
    symbol = symbol.value.strip() if isinstance(symbol, yaml.ScalarNode) else ""
    by_symbol = next((key for key in (GA, SC) if symbol.startswith(SYMBOL_PREFIXES[key])), None)
    if by_symbol is None:
        return HRC
    if name.strip():
        language = nodes.get("language")
        code = languages.resolve(language.value) if isinstance(language, yaml.ScalarNode) else None
        names = [languages.data(c)["organs"][by_symbol]["names"][0] for c in dict.fromkeys([code or "en", "en"])]
        reader.fail(node, f"organ {name!r} is not a name of the {ORGAN_NAMES[by_symbol]}, whose resolution "
                          f"the symbol {symbol!r} is: write {' or '.join(map(repr, names))}", "E103")
    return by_symbol


def _key_node(root, key):
    return next(k for k, _v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key)


def _agenda_item(reader: _Reader, node, key_locs: dict):
    """The Council's one item as ``{number: "3", title: …}``, the shape of an Assembly item."""
    fields = _mapping(reader, "agenda_item", node, ("number", "title"))
    if fields is None:
        return None, None
    if "number" not in fields:
        reader.fail(node, "the agenda item has no 'number'", "E105")
        return None, None
    if "title" in fields:
        key_locs["agenda_item_title"] = reader.loc(fields["title"])
    title = reader.text("agenda_item.title", fields["title"]) if "title" in fields else None
    return reader.text("agenda_item.number", fields["number"]), title


def _agenda_items(reader: _Reader, node):
    """``- {number: "73 (b)", title: …}`` a line, or ``- "61"`` when the title is not printed.

    A few UN files print no agenda item (75/1 in Chinese): ``agenda_items: []`` says so on purpose,
    and ``number: ""`` a title printed under no number; both are linted (W111). A key left empty
    is not taken for either."""
    if isinstance(node, yaml.SequenceNode) and not node.value:
        return []
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        reader.fail(node, "'agenda_items' must be a list of items, each '- {number: \"61\", title: …}' "
                          "(or 'agenda_items: []' when the resolution prints no agenda item)", "E103")
        return []
    out = []
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            number = reader.text("agenda_items.number", item)
            if number is not None:
                out.append(AgendaItem(number))
            continue
        fields = _mapping(reader, "agenda_items", item, ("number", "title"))
        if fields is None:
            continue
        if "number" not in fields:
            reader.fail(item, "an agenda item has no 'number'", "E105")
            continue
        title = reader.text("agenda_items.title", fields["title"]) if "title" in fields else ""
        # A title printed under no number keeps its item; an item that prints nothing is a slip.
        number = reader.text("agenda_items.number", fields["number"], required=not title)
        if number is not None and title is not None:
            out.append(AgendaItem(number, title))
    return out


def _origin(reader: _Reader, node):
    """``{committee: Third Committee, documents: [A/75/478]}``; no committee: the plenary's own draft."""
    fields = _mapping(reader, "origin", node, ("committee", "documents", "form"))
    if fields is None:
        return None
    committee = reader.text("origin.committee", fields["committee"]) if "committee" in fields else ""
    docs = fields.get("documents")
    if docs is None:
        reader.fail(node, "missing key 'origin.documents' (the report or draft's symbols, "
                          "e.g. [A/75/478])", "E105")
        return None
    if not isinstance(docs, yaml.SequenceNode) or not docs.value:
        reader.fail(docs, "'origin.documents' must be a list of document symbols, e.g. [A/75/478]", "E103")
        return None
    documents = [reader.text("origin.documents", d) for d in docs.value]
    for node_of, document in zip(docs.value, documents):
        if document is not None and not _brackets_pair(document):
            # Printed right to left, such a bracket is drawn mirrored and reads as its partner:
            # the line would not say what the source says.
            reader.fail(node_of, f"the document {document!r} in 'origin.documents' has a bracket that "
                                 "pairs with none in it (a locator's brackets come in pairs: "
                                 "'A/75/414 (Part II)')", "E103")
            return None
    form = reader.text("origin.form", fields["form"]) if "form" in fields else ""
    if committee is None or None in documents or form is None:
        return None
    return Origin(committee, documents, form)


def _brackets_pair(text: str) -> bool:
    """Whether every bracket of ``text`` pairs with one of its kind, in order."""
    pairs, stack = {")": "(", "]": "[", "）": "（"}, []
    for ch in text:
        if ch in pairs.values():
            stack.append(ch)
        elif ch in pairs and (not stack or stack.pop() != pairs[ch]):
            return False
    return not stack


def _mapping(reader: _Reader, key: str, node, known: tuple):
    if not isinstance(node, yaml.MappingNode):
        reader.fail(node, f"'{key}' must be a mapping of {', '.join(known)}, not a {_kind(node)}", "E103")
        return None
    out = {}
    for key_node, value_node in node.value:
        name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if name not in known or name in out:
            reader.fail(key_node, f"unknown or repeated key '{key}.{name}' (known: {', '.join(known)})", "E106")
            continue
        out[name] = value_node
    return out


def _language(reader: _Reader, key: str, node):
    """One of the six, as the UN spells it in any of them or by its ISO code; kept by its English name."""
    value = reader.text(key, node)
    if value is None:
        return None
    code = languages.resolve(value)
    if code is None:
        reader.fail(node, f"'{key}' must be one of the six official languages, not {value!r}"
                          f"{languages.suggestion(value)}", "E107")
        return None
    return languages.english_name(code)


def _printed(reader: _Reader, node):
    """Strings a UN file printed where the language's data file prints something else."""
    from ...model.presentation import PRINTED_KEYS
    if not isinstance(node, yaml.MappingNode):
        reader.fail(node, f"'printed' must be a mapping of {', '.join(PRINTED_KEYS)} to text", "E103")
        return {}
    out = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in PRINTED_KEYS or key in out:
            reader.fail(key_node, f"unknown or repeated key 'printed.{key}' (known: {', '.join(PRINTED_KEYS)})",
                        "E106")
            continue
        value = reader.text(f"printed.{key}", value_node)
        if value is not None:
            out[key] = value
    return out


def _printed_dates_agree(reader: _Reader, node, values: dict) -> None:
    """A kept adoption line or closing date prints the adoption date: one that prints another
    would contradict ``adoption_date`` in every output (and verify would read it back)."""
    from ...verify.fingerprint import adoption_date_from

    code = languages.code_of(values.get("language") or "")
    printed, adoption = values.get("printed") or {}, values.get("adoption_date")
    if not code or adoption is None:
        return
    for key_node, value_node in node.value if isinstance(node, yaml.MappingNode) else ():
        key = key_node.value
        date = printed_date(printed[key], code) if key in ("adopted_by", "adoption_date") and printed.get(key) else None
        if date is None and key == "adopted_by" and printed.get(key) and adoption_date_from(printed[key]) is None:
            # The adoption line is where every output states the date, read back as verify reads
            # it, in any of the six languages (a kept closing date may misspell its month, as
            # A/RES/75/1 in Arabic does: its line still gives the date).
            reader.fail(value_node, f"'printed.adopted_by' prints no adoption date, which every output "
                                    f"states in that line; print the date in it, as "
                                    f"'{languages.format_date(adoption, code)}', or leave the key out", "E111")
        elif date is not None and date != adoption:
            reader.fail(value_node, f"'printed.{key}' prints the date {date.isoformat()} where "
                                    f"adoption_date is {adoption.isoformat()}; print the adoption date "
                                    f"in it, or correct adoption_date", "E111")


def _printed_vote_agrees(reader: _Reader, node, values: dict) -> None:
    """A kept adoption note (``printed.vote_note``, the UN file's own words) prints the vote's
    totals: one whose numbers are not the lists' (a State taken off a list, the note left as it
    was) would state two votes in every output. The note is read as ``verify`` reads it back from
    the outputs, so a source is refused here exactly when its outputs would disagree."""
    from ...verify.fingerprint import parse_vote_note

    note, vote = (values.get("printed") or {}).get("vote_note"), values.get("vote")
    if note is None or vote is None or vote.kind != RECORDED:
        return
    printed = parse_vote_note(note)
    if printed is None or printed.totals is None or printed.totals == vote.totals:
        return
    where = next(v for k, v in node.value if k.value == "vote_note")
    differ = [(name, shown, counted) for name, shown, counted
              in zip(("in favour", "against", "abstaining"), printed.totals, vote.totals) if shown != counted]
    said = ", ".join(f"{shown} {name}" for name, shown, _counted in differ)
    counted = ", ".join(f"{counted} {name}" for name, _shown, counted in differ)
    reader.fail(where, f"'printed.vote_note' prints {said} where the vote counts {counted}; correct the "
                       "note's numbers or the lists", "E401")


def _origin_form_known(reader: _Reader, node, values: dict) -> None:
    """``origin.form`` names another wording of the origin line on a committee's report that the
    language's data gives (``on_report_adopted`` in Chinese)."""
    origin, code = values.get("origin"), languages.code_of(values.get("language") or "")
    if origin is None or not origin.form or not code:
        return
    forms = languages.origin_forms(languages.data(code).get("organs", {}).get(GA, {}))
    if origin.form not in forms or not origin.committee:
        known = ", ".join(forms) or "none"
        node = next((v for k, v in node.value if k.value == "form"), node)
        reader.fail(node, f"'origin.form' {origin.form!r} is not a wording of the {languages.english_name(code)} "
                          f"origin line on a committee's report (the language data gives: {known})", "E103")


def _vote(reader: _Reader, node):
    loc = reader.loc(node)
    if isinstance(node, yaml.ScalarNode):
        if node.value.strip() in ("without", "without a vote", "without-vote"):
            return Vote(WITHOUT_VOTE, loc=loc)
        reader.fail(node, "'vote' must be 'without' or a mapping with in_favour, against and abstaining", "E103")
        return None
    if not isinstance(node, yaml.MappingNode):
        reader.fail(node, "'vote' must be 'without' or a mapping with in_favour, against and abstaining", "E103")
        return None
    lists, totals, where, last_two, list_stops = {}, {}, {}, None, None
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        where[key] = value_node
        if key in VOTE_LISTS:
            lists[key] = reader.states(key, value_node)
        elif key in VOTE_TOTALS:
            totals[key] = reader.integer(f"vote.{key}", value_node)
        elif key == "last_two":
            last_two = _choice(reader, "vote.last_two", value_node, languages.LAST_TWO,
                               "'and' (the language's word joins the last two States) or 'comma' (a "
                               "comma, as between the others)")
        elif key == "list_stops":
            list_stops = _choice(reader, "vote.list_stops", value_node, languages.LIST_STOPS,
                                 "'every' (a full stop ends each list), 'last' (only the last list) or 'none'")
        else:
            reader.fail(key_node, f"unknown key 'vote.{key}' (known: "
                                  f"{', '.join(VOTE_LISTS + VOTE_TOTALS + ('last_two', 'list_stops'))})", "E106")
    alone = {}              # totals stated for a list that is not given: the States are not named
    for key in VOTE_LISTS:
        if key not in lists:
            if key + "_total" in totals:
                alone[key + "_total"] = totals.pop(key + "_total")
            else:
                reader.fail(node, f"missing key 'vote.{key}' (write '{key}: []' when no State is in it, "
                                  f"or '{key}_total: N' when they are counted but not named)", "E105")
            lists[key] = []
    for key, stated in totals.items():
        listed = len(lists[key.removesuffix("_total")])
        if stated is not None and stated != listed:
            reader.fail(where[key], f"vote.{key} says {stated} but vote.{key.removesuffix('_total')} "
                                    f"lists {listed} States", "E401")
    everyone = {}
    for key in VOTE_LISTS:
        for name in lists[key]:
            if name in everyone and everyone[name] != key:
                reader.fail(reader.state_nodes[(key, name)], f"'{name}' is in both vote.{everyone[name]} and vote.{key}", "E402")
            everyone.setdefault(name, key)
    if not any(lists.values()) and not any(alone.values()):
        reader.fail(node, "a recorded vote lists no State; write 'vote: without' for adoption without a vote",
                    "E403")
    return Vote(RECORDED, lists["in_favour"], lists["against"], lists["abstaining"], loc=loc,
                last_two=last_two, list_stops=list_stops, **alone)
