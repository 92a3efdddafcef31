"""Printed strings derived from the metadata, computed once for every writer.

The words come from the language's data file (``lang/XX.yaml``, read by
:mod:`languages`), so every output prints exactly the same masthead, adoption
line, meeting line and vote in the resolution's language. Where the source's
``printed:`` block keeps what a UN file prints instead, that text is used.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from . import languages
from .languages import code_of, iso639_2  # noqa: F401  (re-exported for frbr and the readers)
from .model import RECORDED, Meta, Resolution

# Keys of the strings a source's `printed:` block may give as the UN printed them.
PRINTED_KEYS = ("united_nations", "distr", "issue_date", "original", "language_line", "session_dates",
                "agenda_item", "adopted_by", "adoption_date", "vote_note")

# Language names as written in front matter -> (ISO 639-2 alpha-3, BCP 47).
LANGUAGES = {languages.english_name(code): (languages.data(code)["iso639_2"], code)
             for code in languages.CODES}

# The vote lists in print order: the model's attribute and the data file's label key.
VOTE_LISTS = ("in_favour", "against", "abstaining")


def bcp47(language: str) -> str:
    return code_of(language)


def labels_for(language: str) -> dict:
    """The whole data file of a front-matter language."""
    return languages.data(code_of(language))


def format_date(date, language: str = "English") -> str:
    return languages.format_date(date, code_of(language))


def format_date_range(start, end, language: str = "English") -> str:
    return languages.format_date_range(start, end, code_of(language))


def meeting_line(meta: Meta) -> str:
    """``meeting: 37`` is printed in the language ('37th meeting'); text is printed as written."""
    text = meta.meeting.strip()
    if text.isdigit():
        return languages.meeting(int(text), code_of(meta.language))
    return text


def vote_note_template(meta: Meta) -> tuple:
    """The adoption note's pattern and the phrase of each total ('{n} abstentions')."""
    lab = labels_for(meta.language)
    code = code_of(meta.language)
    yes, no, abstain = meta.vote.totals
    key = "recorded_vote" if abstain else "recorded_vote_no_abstentions"
    phrases = {key: languages.pick_plural(lab["counted"][key], n, code)
               for key, n in zip(VOTE_LISTS, (yes, no, abstain))}
    return lab[key], phrases


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
    language_line: str            # the version's language under "Original:"; "" when none
    session_dates: str
    agenda_item: str
    title_number: str             # "38/3." before the title ("54/1" in Arabic)
    adopted_by: str
    adoption_date: str
    meeting: str
    vote_note: str                # first line of the bracketed adoption note
    vote_lists: tuple             # ((label, [States]), …) — empty without a vote
    vote_close: str               # "]" after the last list, "" when the note closes itself
    labels: dict                  # the data file's interface labels (html, docx, annex)


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
        close = "]"
    else:
        note, lists, close = lab["without_vote"], (), ""
    original = languages.resolve(meta.original_language)
    original_name = head["language_names"][original] if original else meta.original_language
    organ = languages.organ_key(meta.organ)
    adoption_date = languages.format_date(meta.adoption_date, code)
    adopted_by = ((lab.get("organs") or {}).get(organ, {}).get("adopted_by") if organ else None)
    adopted_by = (adopted_by or lab["adopted_by"]).format(organ=meta.organ, date=adoption_date)
    computed = {
        "united_nations": lab["united_nations"],
        "distr": head["distribution"].format(
            distribution=head["distribution_words"].get(meta.distribution, meta.distribution)),
        "issue_date": languages.format_date(meta.issue_date, head_code),
        "original": head["original"].format(language=original_name),
        "language_line": lab["language_line"],
        "session_dates": languages.format_date_range(meta.session_start, meta.session_end, code),
        "agenda_item": lab["agenda_item"].format(item=meta.agenda_item),
        "adopted_by": adopted_by,
        "adoption_date": adoption_date,
        "vote_note": note,
    }
    computed.update({k: v for k, v in printed.items() if k in PRINTED_KEYS})
    return Presentation(
        lang=code,
        dir="rtl" if code == "ar" else "ltr",
        masthead_lang=head_code,
        symbol_head=symbol_head,
        symbol_tail=("/" + tail) if tail else "",
        meeting=meeting_line(meta),
        title_number=lab["title_number"].format(number=meta.number),
        vote_lists=lists,
        vote_close=close,
        labels={"html": lab["html"], "docx": lab["docx"], "annex": lab["annex"]},
        **computed,
    )


def computed_strings(res: Resolution) -> dict:
    """What the data files alone would print, ignoring the source's `printed:` block."""
    meta = res.meta
    pres = present(Resolution(meta=dataclasses.replace(meta, printed={}), parts=res.parts))
    return {key: getattr(pres, key) for key in PRINTED_KEYS}
