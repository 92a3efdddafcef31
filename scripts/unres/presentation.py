"""Printed strings derived from the metadata, computed once for every writer.

Labels are data (one table per language) so that every output prints exactly
the same words for the masthead, the adoption line and the vote.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import RECORDED, Meta, Resolution

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
}

# Language names as written in front matter -> (ISO 639-2 alpha-3, BCP 47).
LANGUAGES = {
    "Arabic": ("ara", "ar"),
    "Chinese": ("zho", "zh"),
    "English": ("eng", "en"),
    "French": ("fra", "fr"),
    "Russian": ("rus", "ru"),
    "Spanish": ("spa", "es"),
}

LABELS = {
    "en": {
        "united_nations": "United Nations",
        "distr": "Distr.: {distribution}",
        "original": "Original: {language}",
        "agenda_item": "Agenda item {item}",
        "adopted_by": "Resolution adopted by the {organ} on {date}",
        "without_vote": "[Adopted without a vote.]",
        "recorded_vote": ("[Adopted by a recorded vote of {yes} to {no}, with {abstain} "
                          "abstention{s}. The voting was as follows:"),
        "recorded_vote_no_abstentions": ("[Adopted by a recorded vote of {yes} to {no}. "
                                         "The voting was as follows:"),
        "in_favour": "In favour:",
        "against": "Against:",
        "abstaining": "Abstaining:",
    },
}


def bcp47(language: str) -> str:
    return LANGUAGES.get(language, (None, "en"))[1]


def iso639_2(language: str) -> str:
    return LANGUAGES.get(language, ("eng", None))[0]


def labels_for(language: str) -> dict:
    return LABELS.get(bcp47(language), LABELS["en"])


# A date is one fact: the spaces inside it never break a line, in any output.
DATE_SPACE = "\u00a0"


def format_date(date: dt.date, language: str = "English") -> str:
    months = MONTHS.get(bcp47(language), MONTHS["en"])
    return f"{date.day}{DATE_SPACE}{months[date.month - 1]}{DATE_SPACE}{date.year}"


def format_date_range(start: dt.date, end: dt.date, language: str = "English") -> str:
    """'18 June–6 July 2018': en dash, no spaces, shared parts written once."""
    months = MONTHS.get(bcp47(language), MONTHS["en"])
    if start.year != end.year:
        return f"{format_date(start, language)}–{format_date(end, language)}"
    if start.month != end.month:
        return f"{start.day}{DATE_SPACE}{months[start.month - 1]}–{format_date(end, language)}"
    return f"{start.day}–{end.day}{DATE_SPACE}{months[end.month - 1]}{DATE_SPACE}{end.year}"


@dataclass(frozen=True)
class Presentation:
    """Everything a writer prints that is not in the body text."""
    lang: str                     # BCP 47, for html lang / docx language
    dir: str                      # "rtl" for Arabic, else "ltr"
    symbol_head: str              # "A"
    symbol_tail: str              # "/HRC/RES/38/3"
    distr: str
    issue_date: str
    original: str
    session_dates: str
    agenda_item: str
    adopted_by: str
    adoption_date: str
    meeting: str
    vote_note: str                # first line of the bracketed adoption note
    vote_lists: tuple             # ((label, [States]), …) — empty without a vote
    vote_close: str               # "]" after the last list, "" when the note closes itself


def present(res: Resolution) -> Presentation:
    meta: Meta = res.meta
    lab = labels_for(meta.language)
    head, _, tail = meta.symbol.partition("/")
    vote = meta.vote
    if vote.kind == RECORDED:
        yes, no, abstain = vote.totals
        if abstain:
            note = lab["recorded_vote"].format(yes=yes, no=no, abstain=abstain,
                                               s="" if abstain == 1 else "s")
        else:
            note = lab["recorded_vote_no_abstentions"].format(yes=yes, no=no)
        lists = tuple((label, list(states)) for label, states in (
            (lab["in_favour"], vote.in_favour), (lab["against"], vote.against),
            (lab["abstaining"], vote.abstaining)) if states)
        close = "]"
    else:
        note, lists, close = lab["without_vote"], (), ""
    return Presentation(
        lang=bcp47(meta.language),
        dir="rtl" if bcp47(meta.language) == "ar" else "ltr",
        symbol_head=head,
        symbol_tail=("/" + tail) if tail else "",
        distr=lab["distr"].format(distribution=meta.distribution),
        issue_date=format_date(meta.issue_date, meta.language),
        original=lab["original"].format(language=meta.original_language),
        session_dates=format_date_range(meta.session_start, meta.session_end, meta.language),
        agenda_item=lab["agenda_item"].format(item=meta.agenda_item),
        adopted_by=lab["adopted_by"].format(
            organ=meta.organ, date=format_date(meta.adoption_date, meta.language)),
        adoption_date=format_date(meta.adoption_date, meta.language),
        meeting=meta.meeting,
        vote_note=note,
        vote_lists=lists,
        vote_close=close,
    )
