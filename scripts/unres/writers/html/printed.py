"""The printed strings of page one and of the closing lines, as the page templates print them.

The presentation's strings and the metadata's lines (the Council's name, the session, the
title) are plain text. In a right-to-left document they go through the inline renderer's
``text``, as the body's text does, so each left-to-right piece (a symbol, the digits of a
date, a Latin-script name) is isolated (``<bdi dir="ltr">``) and the bidi algorithm cannot
reorder it with the Arabic around it. A left-to-right document's strings are handed over
unchanged, so its pages are the same bytes. Interface labels (``labels``), which the
templates put into attributes, are never marked up.
"""
from __future__ import annotations

from ...model.document import Meta
from ...model.presentation import Presentation

# Presentation fields printed as one line of text each.
TEXT_FIELDS = frozenset({
    "united_nations", "masthead_organ", "distr", "issue_date", "original", "language_line",
    "session_dates", "agenda_item", "adopted_by", "title_number", "adoption_date", "meeting",
    "vote_note", "vote_close", "origin",
})
# Presentation fields holding several such lines.
TEXT_TUPLES = frozenset({"agenda_titles"})


class PrintedStrings:
    """``pres`` as the templates read it, its printed strings passed through ``text``."""

    def __init__(self, pres: Presentation, meta: Meta, text):
        self._pres = pres
        self._meta = meta
        self._text = text

    # The metadata's lines, read only where the organ prints them (the Security Council has no
    # session name, and prints no title).
    @property
    def organ_name(self):
        return self._text(self._meta.organ)

    @property
    def session_name(self):
        return self._text(self._meta.session_name)

    @property
    def title(self):
        # As printed: after what the organ prints between number and title in the language.
        return self._text(self._pres.title_separator + self._meta.title)

    def __getattr__(self, name: str):
        value = getattr(self._pres, name)
        if name in TEXT_FIELDS:
            return self._text(value)
        if name in TEXT_TUPLES:
            return tuple(self._text(line) for line in value)
        if name == "vote_items":
            return tuple((self._text(label), tuple((self._text(state), self._text(after))
                                                   for state, after in states))
                         for label, states in value)
        return value


def printed_strings(pres: Presentation, meta: Meta, inl) -> PrintedStrings:
    return PrintedStrings(pres, meta, inl.text if pres.dir == "rtl" else _plain)


def _plain(text: str) -> str:
    return text
