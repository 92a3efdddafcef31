"""Editorial warnings from the UN Editorial Manual (``unres check``).

These never stop a build; ``unres check --strict`` makes them fail.
"""
from __future__ import annotations

import re

from .errors import Diagnostic, warning
from .model import languages
from .model.document import (GA, SC, Emph, NoteRef, Resolution, Strong, Text, body_inlines, plain_text,
                             walk_subparagraphs)

# How a paragraph ends where the language data does not say otherwise (its `sentence_ends`).
_SENTENCE_ENDS = {"preamble": ",", "operative": ";", "last": "."}
# The emphasis an opening phrase or verb is printed in (the language data's `opening_phrase`).
_EMPHASIS = {"italic": (Emph, "in italics", "*{}*"), "bold": (Strong, "in bold", "**{}**")}
# What a heading ends with when it ends with punctuation, in any of the six languages.
_HEADING_ENDS = (".", ";", ",", ":", "،", "؛", "，", "；", "。", "：")
# Punctuation a footnote call stands before or after (W105).
_PUNCTUATION_RE = re.compile(r"[,.;:،؛，；。：]")


class _Style:
    """The editorial habits of the resolution's language, from its data file: how its paragraphs
    end, what its opening phrases are printed in, on which side of punctuation its calls stand."""
    def __init__(self, res: Resolution):
        lang = languages.data(languages.code_of(res.meta.language))
        self.language = res.meta.language
        self.ends = {**_SENTENCE_ENDS, **(lang.get("sentence_ends") or {})}
        self.emphasis, self.printed, self.example = _EMPHASIS[lang.get("opening_phrase", "italic")]
        self.note_call = lang.get("note_call")


def lint(res: Resolution) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    style = _Style(res)
    for part in res.parts:
        # A section's unnumbered paragraphs before its numbered ones are set as a preamble, and
        # written as one; the paragraph a section without numbers decides in is an operative one.
        for para in part.preamble + [p for section in part.sections for p in section.preamble]:
            if not isinstance(para.inlines[0], style.emphasis):
                out.append(warning(para.loc, f"preambular paragraph does not open with a phrase "
                                             f"{style.printed} (write '{style.example.format('Recalling')} …')",
                                   "W102"))
            # With sub-paragraphs, the last of them ends the paragraph's sentence.
            last_words = para.children[-1].inlines if para.children else para.inlines
            if not _text_of(last_words).endswith(style.ends["preamble"]):
                out.append(warning(para.loc, "preambular paragraph does not end with a comma"
                                             + _mark(style, "preamble"), "W101"))
        units = part.operative + [p for section in part.sections
                                  for p in (section.operative or [section.text])]
        headings = [h for section in part.sections for h in section.headings]
        for heading in headings:
            if _text_of(heading.inlines).endswith(_HEADING_ENDS):
                out.append(warning(heading.loc, "a heading above a section ends with punctuation (a "
                                                "heading is printed without it)", "W110"))
        for index, para in enumerate(units):
            last = index == len(units) - 1
            name = f"operative paragraph {para.num}" if getattr(para, "num", "") else "a section's unnumbered paragraph"
            for heading in getattr(para, "headings", ()):
                # A heading is words alone: the paragraphs under it carry the sentence.
                if _text_of(heading.inlines).endswith(_HEADING_ENDS):
                    out.append(warning(heading.loc, "a heading between operative paragraphs ends with "
                                                    "punctuation (a heading is printed without it)", "W110"))
            # Under an opening ("*Resolves* that:") the paragraphs continue its sentence: no verb.
            if not isinstance(para.inlines[0], style.emphasis) and part.opening is None:
                out.append(warning(para.loc, f"{name} does not open with a verb {style.printed} "
                                             f"(write '{style.example.format('Decides')} …')", "W104"))
            end = _final_text(para)
            want = style.ends["last" if last else "operative"]
            if not end.endswith(want):
                what = "the last operative paragraph does not end with a full stop" + _mark(style, "last") \
                    if last else f"{name} does not end with a semicolon" + _mark(style, "operative")
                out.append(warning(para.loc, what, "W103"))
    if style.note_call:
        out += _calls_beside_punctuation(res, style)
    out += _dates(res.meta)
    out += _agenda(res.meta)
    out += _title_separator(res)
    out += res.warnings
    return sorted(out, key=lambda d: (d.loc.line if d.loc else 0, d.loc.col if d.loc else 0))


def _dates(meta) -> list[Diagnostic]:
    """Dates that contradict each other. Warnings, not errors: the UN's own files have a few
    (a Chinese 54/19 issued five days before its adoption), and the outputs print what is given."""
    out = []
    where = meta.key_locs.get
    if meta.session_start and meta.session_end and \
            not meta.session_start <= meta.adoption_date <= meta.session_end:
        out.append(warning(where("adoption_date"), f"adoption_date {meta.adoption_date} is outside the session "
                           f"({meta.session_start} to {meta.session_end})", "W107"))
    if meta.issue_date < meta.adoption_date:
        out.append(warning(where("issue_date"), f"issue_date {meta.issue_date} is before the adoption "
                           f"({meta.adoption_date})", "W108"))
    return out


def _agenda(meta) -> list[Diagnostic]:
    """An Assembly resolution that prints no agenda item number. The source says so on purpose
    (``agenda_items: []``, ``number: ""``) as a few UN files print it; the number is still wanted."""
    if meta.organ_key != GA:
        return []
    where = meta.key_locs.get("agenda_items")
    if not meta.agenda_items:
        return [warning(where, "the resolution prints no agenda item ('agenda_items: []'); add the "
                               "number and title of the item it was adopted under", "W111")]
    return [warning(where, f"agenda item {item.title!r} has no number, and the agenda line above it "
                           "is not printed; add its number", "W111")
            for item in meta.agenda_items if not item.number]


def _title_separator(res: Resolution) -> list[Diagnostic]:
    """A title typed with what the organ prints before it in the language in some sessions (the
    Assembly's Arabic "- ", or its dash in another form: "–", "—", "-" joined to the word), as
    sources imported before ``title_separator`` existed were: it belongs in ``title_separator``,
    or it is printed twice when that is given."""
    meta = res.meta
    separator = meta.title_separator or languages.title_separator(
        languages.code_of(meta.language) or "", meta.organ_key)
    pattern = languages.title_separator_pattern(separator) if meta.organ_key != SC else None
    found = pattern.match(meta.title) if pattern is not None else None
    if found is None or not meta.title[found.end():].strip():
        return []
    typed = languages.separator_as_printed(found.group())
    if meta.title_separator:
        advice = (f"the source prints {meta.title_separator.strip()!r} there already "
                  "('title_separator'): take it off the title")
    else:
        advice = f"write it as 'title_separator: \"{typed}\"' and the title alone"
    return [warning(meta.key_locs.get("title"),
                    f"the title starts with {typed.strip()!r}, what is printed between the number and "
                    f"the title: {advice}", "W112")]


def _text_of(inlines) -> str:
    return plain_text(inlines).rstrip()


def _final_text(para) -> str:
    """The words a paragraph ends on: its closing text, else its last sub-paragraph's."""
    if getattr(para, "wrapup", None):
        return _text_of(para.wrapup)
    subs = list(walk_subparagraphs(para.children))
    if subs:
        last = subs[-1]
        return _text_of(last.wrapup or last.inlines)
    return _text_of(para.inlines)


def _mark(style: _Style, where: str) -> str:
    """The mark a language ends the paragraph with, where it is not the English one."""
    mark = style.ends[where]
    return "" if mark == _SENTENCE_ENDS[where] else f" ({mark})"


def _calls_beside_punctuation(res: Resolution, style: _Style):
    """A footnote call on the side of the punctuation the language does not put it: English
    after, Arabic, French, Russian and Spanish before (the UN's files of both sessions measured)."""
    after = style.note_call == "after_punctuation"
    out = []
    for loc, inlines in body_inlines(res):
        flat = _flatten(inlines)
        for i, node in enumerate(flat):
            if not isinstance(node, NoteRef):
                continue
            if after and i + 1 < len(flat) and isinstance(flat[i + 1], Text) and _PUNCTUATION_RE.match(flat[i + 1].text):
                out.append(warning(loc, f"footnote call {node.number} stands before the punctuation; "
                                        f"in {style.language} it follows it", "W105"))
            elif not after and i > 0 and isinstance(flat[i - 1], Text) and flat[i - 1].text.rstrip() \
                    and _PUNCTUATION_RE.fullmatch(flat[i - 1].text.rstrip()[-1]):
                out.append(warning(loc, f"footnote call {node.number} stands after the punctuation; "
                                        f"in {style.language} it precedes it", "W105"))
    return out


def _flatten(inlines):
    out = []
    for node in inlines:
        children = getattr(node, "children", None)
        if children is not None:
            out.extend(_flatten(children))
        else:
            out.append(node)
    return out
