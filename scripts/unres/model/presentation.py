"""Printed strings derived from the metadata, computed once for every writer.

The words come from the language's data file (``lang/XX.yaml``, read by
:mod:`languages`), so every output prints exactly the same masthead, adoption
line, meeting line and vote in the resolution's language. Where the source's
``printed:`` block keeps what a UN file prints instead, that text is used.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from . import languages
from .document import GA, HRC, RECORDED, SC, Link, Meta, Resolution, Text
from .languages import code_of, iso639_2  # noqa: F401  (re-exported for frbr and the readers)
from .undocs import base_for, document_url

# Keys of the strings a source's `printed:` block may give as the UN printed them.
PRINTED_KEYS = ("united_nations", "distr", "issue_date", "original", "language_line", "session_dates",
                "agenda_item", "adopted_by", "adoption_date", "vote_note")

# Language names as written in front matter -> (ISO 639-2 alpha-3, BCP 47).
LANGUAGES = {languages.english_name(code): (languages.data(code)["iso639_2"], code)
             for code in languages.CODES}

# The Council's files print the language line ("Français") under "Original: anglais" in the 54th
# session's files (issued October 2023) and above it in the 55th session's on (issued from April
# 2024). The date of the change is not known: a document issued from this day on takes the new
# order unless its source's `language_line_position` says otherwise.
LANGUAGE_LINE_ABOVE_FROM = dt.date(2024, 1, 1)
LANGUAGE_LINE_POSITIONS = ("above", "below")

# The vote lists in print order: the model's attribute and the data file's label key.
VOTE_LISTS = ("in_favour", "against", "abstaining")


def bcp47(language: str) -> str:
    return code_of(language)


def default_language_line_position(issue_date) -> str:
    """Where the language line stands, relative to "Original: …", for a document issued then."""
    return "above" if issue_date is not None and issue_date >= LANGUAGE_LINE_ABOVE_FROM else "below"


def language_line_position(meta: Meta) -> str:
    return meta.language_line_position or default_language_line_position(meta.issue_date)


def labels_for(language: str) -> dict:
    """The whole data file of a front-matter language."""
    return languages.data(code_of(language))


def format_date(date, language: str = "English") -> str:
    return languages.format_date(date, code_of(language))


def format_date_range(start, end, language: str = "English") -> str:
    return languages.format_date_range(start, end, code_of(language))


def organ_strings(meta: Meta) -> dict:
    """The language data's strings of the resolution's organ (empty for an organ it does not know)."""
    return (labels_for(meta.language).get("organs") or {}).get(languages.organ_key(meta.organ), {})


def meeting_line(meta: Meta) -> str:
    """``meeting: 37`` is printed in the language ('37th meeting', for the Assembly '41st plenary
    meeting'); text is printed as written. The Security Council prints no closing meeting line."""
    text = (meta.meeting or "").strip()
    if meta.organ_key == SC:
        return ""
    if text.isdigit():
        code = code_of(meta.language)
        form = organ_strings(meta).get("meeting") if meta.organ_key == GA else None
        n = int(text)
        return form.format(n=n, suffix=languages.ordinal_suffix(n, code)) if form else languages.meeting(n, code)
    return text


def meeting_number(meta: Meta) -> int | None:
    """The number a meeting line opens with ('8712th meeting' -> 8712), where it has one."""
    match = re.match(r"\d+", (meta.meeting or "").strip())
    return int(match.group()) if match else None


# The letters of the Assembly's parts after a resolution's number in its symbol (A/RES/75/101 A-B).
PARTS_SUFFIX_RE = re.compile(r" [A-Z](?:-[A-Z])?$")


def printed_number(meta: Meta) -> str:
    """The number the title prints: the Assembly's parts are printed as parts, not after the
    number ("75/101." for A/RES/75/101 A-B)."""
    return PARTS_SUFFIX_RE.sub("", meta.number) if meta.organ_key == GA else meta.number


def join_list(items: list, joiner: str) -> str:
    """'A/75/L.32 and A/75/L.32/Add.1'; 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + joiner + items[-1]


def vote_note_template(meta: Meta) -> tuple:
    """The adoption note's pattern and the phrase of each total ('{n} abstentions')."""
    lab = labels_for(meta.language)
    code = code_of(meta.language)
    yes, no, abstain = meta.vote.totals
    key = "recorded_vote" if abstain else "recorded_vote_no_abstentions"
    phrases = {key: languages.pick_plural(lab["counted"][key], n, code)
               for key, n in zip(VOTE_LISTS, (yes, no, abstain))}
    template = lab[key] if meta.vote.names_states else languages.vote_note_alone(lab[key])
    return template, phrases


@dataclass(frozen=True)
class Presentation:
    """Everything a writer prints that is not in the body text."""
    lang: str                     # BCP 47, for html lang / docx language
    dir: str                      # "rtl" for Arabic, else "ltr"
    masthead_lang: str            # the language of the distribution block (English for ar, ru, zh)
    united_nations: str
    symbol_head: str              # "A"
    symbol_tail: str              # "/HRC/RES/38/3"
    distr: str
    issue_date: str
    original: str
    language_line: str            # the version's language beside "Original:"; "" when none
    session_dates: str
    agenda_item: str
    title_number: str             # "38/3." before the title ("54/1" in Arabic)
    title_separator: str          # printed between the number and the title ("- " in the Assembly's Arabic)
    adopted_by: str
    adoption_date: str
    meeting: str
    vote_note: str                # first line of the bracketed adoption note
    vote_lists: tuple             # ((label, [States]), …) — empty without a vote
    vote_items: tuple             # ((label, ((State, printed after it), …)), …), as the language lists
    vote_close: str               # "]" after the last list, "" when the note closes itself
    labels: dict                  # the data file's interface labels (html, docx, annex)
    organ: str = HRC              # hrc, ga or sc: which page-one lines the writers lay out
    masthead_organ: str = ""      # beside the emblem: the parent organ (HRC) or the organ itself
    agenda_titles: tuple = ()     # the agenda items' titles, under the agenda line
    origin: str = ""              # "[on the report of the Third Committee (A/75/478)]"
    origin_documents: tuple = ()  # (document as printed, its symbol), in the order printed
    origin_inlines: tuple = ()    # the origin line as inlines, each document's symbol a link
    print_title: bool = True      # the Security Council prints no title, only its number
    print_vote: bool = True       # the Assembly and the Security Council keep votes as data only
    closing_per_part: bool = False  # the Assembly closes each of its parts A, B … with the meeting lines
    note_brackets: tuple = ("", "")  # printed around a footnote's number: ("(", ")") in Arabic
    italic_lines: bool = True     # the meeting line, vote headings and origin line in italics (not in Chinese)
    language_line_above: bool = False  # the language line printed above "Original:", not under it


# The key under which a build hands every writer the one Presentation it computed.
PRESENTATION = "presentation"


def presentation_for(res: Resolution, inputs: dict | None) -> "Presentation":
    """The presentation a build computed once for ``res`` (in ``inputs``), or, for a writer
    called on its own, one computed now."""
    given = (inputs or {}).get(PRESENTATION)
    return given if given is not None else present(res)


def present(res: Resolution) -> Presentation:
    meta: Meta = res.meta
    code = code_of(meta.language)
    lab = languages.data(code)
    head_code = lab["masthead_language"]
    head = languages.data(head_code)
    printed = meta.printed or {}
    symbol_head, _, tail = meta.symbol.partition("/")
    vote = meta.vote
    if vote.kind == RECORDED:
        template, phrases = vote_note_template(meta)
        note = template.format(**{key: phrases[key].format(n=n)
                                  for key, n in zip(VOTE_LISTS, vote.totals)})
        lists = tuple((lab[key], list(getattr(vote, key))) for key in VOTE_LISTS if getattr(vote, key))
        ends = languages.list_ends(len(lists), code, vote.list_stops)
        items = tuple((label, tuple(languages.list_pieces(states, code, vote.last_two, end)))
                      for (label, states), end in zip(lists, ends))
        close = "]" if lists else ""
    else:
        note, lists, items, close = lab["without_vote"], (), (), ""
    organ = meta.organ_key
    strings = organ_strings(meta)
    original = languages.resolve(meta.original_language or "")
    original_name = head["language_names"][original] if original else meta.original_language
    adoption_date = languages.format_date(meta.adoption_date, code)
    adopted_by = strings.get("adopted_by")
    if organ == GA and len(res.parts) > 1:
        adopted_by = strings.get("adopted_by_parts", adopted_by)
    if organ == SC:
        n = meeting_number(meta)
        adopted_by = (strings["adopted_at"].format(n=n, suffix=languages.ordinal_suffix(n, code), date=adoption_date)
                      if n is not None else strings["adopted_on"].format(date=adoption_date))
    adopted_by = (adopted_by or lab["adopted_by"]).format(organ=meta.organ, date=adoption_date)
    computed = {
        "united_nations": lab["united_nations"],
        "distr": head["distribution"].format(
            distribution=head["distribution_words"].get(meta.distribution, meta.distribution)),
        "issue_date": languages.format_date(meta.issue_date, head_code),
        "original": head["original"].format(language=original_name) if organ == HRC else "",
        "language_line": lab["language_line"] if organ == HRC else "",
        "session_dates": languages.format_date_range(meta.session_start, meta.session_end, code)
        if organ == HRC else "",
        "agenda_item": _agenda_line(meta, strings, lab),
        "adopted_by": adopted_by,
        "adoption_date": adoption_date if organ != SC else "",
        "vote_note": note,
    }
    computed.update({k: v for k, v in printed.items() if k in PRINTED_KEYS})
    if organ == SC:
        title_number = strings["resolution"].format(number=meta.number, number_tight=meta.number.replace(" ", ""))
    else:
        title_number = lab["title_number"].format(number=printed_number(meta))
    return Presentation(
        lang=code,
        dir="rtl" if languages.is_right_to_left(code) else "ltr",
        masthead_lang=head_code,
        symbol_head=symbol_head,
        symbol_tail=("/" + tail) if tail else "",
        meeting=meeting_line(meta),
        title_number=title_number,
        title_separator=(meta.title_separator or "") if organ != SC else "",
        vote_lists=lists,
        vote_items=items,
        vote_close=close,
        labels={"html": lab["html"], "docx": lab["docx"], "annex": lab["annex"]},
        organ=organ,
        masthead_organ=meta.parent_organ if organ == HRC else meta.organ,
        agenda_titles=_agenda_titles(meta),
        origin=_origin_line(meta, strings),
        origin_documents=tuple((d, meta.origin.symbol_of(d)) for d in meta.origin.documents)
        if meta.origin else (),
        origin_inlines=tuple(_origin_inlines(meta, strings)),
        print_title=organ != SC,
        print_vote=organ == HRC,
        closing_per_part=organ == GA and len(res.parts) > 1 and bool(meeting_line(meta)),
        note_brackets=languages.note_marker_brackets(code),
        italic_lines=lab.get("italic_lines", True),
        language_line_above=language_line_position(meta) == "above",
        **computed,
    )


def _agenda_titles(meta: Meta) -> tuple:
    if meta.organ_key == HRC:
        return (meta.agenda_item_title,) if meta.agenda_item_title else ()
    return tuple(item.title for item in meta.agenda_items if item.title)


def _agenda_line(meta: Meta, strings: dict, lab: dict) -> str:
    """'Agenda item 3'; the Assembly's 'Agenda items 72 and 73 (b)'; nothing for the Security Council,
    nor for an Assembly resolution that prints no number (a title alone, or no agenda item at all)."""
    if meta.organ_key == HRC:
        return lab["agenda_item"].format(item=meta.agenda_item)
    numbers = [item.number for item in meta.agenda_items if item.number]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return strings["agenda_item"].format(item=numbers[0])
    return strings["agenda_items"].format(items=join_list(numbers, strings["and"]))


def _origin_line(meta: Meta, strings: dict, documents: list | None = None) -> str:
    origin = meta.origin
    if origin is None:
        return ""
    joined = join_list(documents or list(origin.documents), strings["and"])
    if origin.committee:
        return strings[origin.form or "on_report"].format(committee=origin.committee, documents=joined)
    return strings["without_committee"].format(documents=joined)


_MARK = "\0"


def origin_parts(meta: Meta) -> tuple:
    """The origin line as (words before the documents, the documents, words after), each a list
    of inlines; each document's symbol is a link to it, its locator text. The AKN marks the
    middle as the UN does (``inline name="originating document"``)."""
    if meta.origin is None:
        return [], [], []
    strings = organ_strings(meta)
    before, _, after = _origin_line(meta, strings, [_MARK]).partition(_MARK)
    lang, base = code_of(meta.language), base_for(meta)
    documents = []
    for i, document in enumerate(meta.origin.documents):
        if i:
            documents.append(Text(strings["and"] if i == len(meta.origin.documents) - 1 else ", "))
        symbol = meta.origin.symbol_of(document)
        documents.append(Link(document_url(symbol, lang, base), [Text(symbol)], symbol=symbol))
        if document[len(symbol):]:
            documents.append(Text(document[len(symbol):]))
    return ([Text(before)] if before else []), _merged(documents), ([Text(after)] if after else [])


def _origin_inlines(meta: Meta, strings: dict) -> list:
    before, documents, after = origin_parts(meta)
    return _merged(before + documents + after)


def _merged(nodes: list) -> list:
    """One text run between links, as a reader of the output finds it."""
    merged = []
    for node in nodes:
        if merged and isinstance(node, Text) and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return merged


def computed_strings(res: Resolution) -> dict:
    """What the data files alone would print, ignoring the source's `printed:` block."""
    meta = res.meta
    pres = present(Resolution(meta=dataclasses.replace(meta, printed={}), parts=res.parts))
    return {key: getattr(pres, key) for key in PRINTED_KEYS}
