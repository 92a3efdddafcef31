"""The six official languages: their data files (``lang/*.yaml``) and the few rules that read them.

Every word unres prints is in the data files, which a translator can review without
reading Python; this module only looks them up, formats dates with CLDR patterns
(month names and plural categories from Babel), and names the language a source asks for.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import get_month_names

from .numerals import letters, roman

LANG_DIR = Path(__file__).with_name("lang")
CODES = ("ar", "zh", "en", "fr", "ru", "es")
DEFAULT = "en"
RIGHT_TO_LEFT = ("ar",)
# Dates are one fact: their spaces never break a line.
DATE_SPACE = "\u00a0"
_PATTERN_RE = re.compile(r"'([^']*)'|(MMMM|M|d|y)")


@functools.lru_cache(maxsize=None)
def data(code: str) -> dict:
    """The data file of one language, read once."""
    with open(LANG_DIR / f"{code}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.lru_cache(maxsize=1)
def _names() -> dict:
    """Every accepted spelling of a language -> its code."""
    out = {}
    for code in CODES:
        lang = data(code)
        for name in [code, lang["iso639_2"], *lang.get("names", [])]:
            out[name] = code
    for code in CODES:                       # how each language names the six
        for target, name in data(code)["language_names"].items():
            out.setdefault(name, target)
    return out


def is_right_to_left(code: str) -> bool:
    """Whether the language of ``code`` is written right to left."""
    return code in RIGHT_TO_LEFT


def resolve(name: str) -> str | None:
    """The code of a language as a source may name it (``French``, ``anglais``, ``fr``, ``fra``)."""
    return _names().get(name.strip()) if name else None


def suggestion(name: str) -> str:
    """'; did you mean "English"?' for a near miss, else the list of English names."""
    by_case = {n.lower(): n for n in _names()}
    if name.strip().lower() in by_case:
        return f'; write "{by_case[name.strip().lower()]}"'
    close = difflib.get_close_matches(name.strip(), list(_names()), n=1, cutoff=0.75)
    if close:
        return f'; did you mean "{close[0]}"?'
    return ("; write one of " + ", ".join(data(c)["names"][0] for c in sorted(CODES, key=lambda c: data(c)["names"][0]))
            + ", as the UN spells it in any of them, or its ISO code")


def english_name(code: str) -> str:
    return data(code)["names"][0]


def code_of(language: str) -> str:
    """The code of a front-matter language (already checked when read); English if unknown."""
    return resolve(language) or DEFAULT


def iso639_2(language: str) -> str:
    return data(code_of(language))["iso639_2"]


def plural_category(n: int, code: str) -> str:
    return Locale.parse(code).plural_form(n)


def pick_plural(forms: dict, n: int, code: str) -> str:
    return forms.get(plural_category(n, code), forms["other"])


# ---------------------------------------------------------------------------- dates
def _month_names(code: str) -> list:
    lang = data(code)
    if lang.get("months"):
        return list(lang["months"])
    names = get_month_names("wide", "format", locale=code)
    return [names[i] for i in range(1, 13)]


def format_pattern(date: dt.date, pattern: str, code: str) -> str:
    """A CLDR pattern of ``d``, ``M``, ``MMMM``, ``y`` and quoted text, spaces made unbreakable."""
    months = _month_names(code)

    def field(match):
        if match.group(1) is not None:
            return match.group(1)
        token = match.group(2)
        day = (data(code).get("first_day") or "1") if date.day == 1 else str(date.day)
        return {"d": day, "M": str(date.month), "y": str(date.year),
                "MMMM": months[date.month - 1]}[token]
    return _PATTERN_RE.sub(field, pattern).replace(" ", DATE_SPACE)


def format_date(date: dt.date, code: str) -> str:
    return format_pattern(date, data(code)["date"], code)


def format_date_range(start: dt.date, end: dt.date, code: str) -> str:
    """'18 June–6 July 2018': the parts both dates share are written once."""
    rng = data(code)["date_range"]
    if start.year != end.year:
        first, last = rng["other_year"]
    elif start.month != end.month:
        first, last = rng["same_year"]
    else:
        first, last = rng["same_month"]
    return format_pattern(start, first, code) + rng["separator"] + format_pattern(end, last, code)


# ---------------------------------------------------------------------------- numbers
_LISTS_INTRO_RE = re.compile(r"^(.*[.。])[^.。]*$", re.S)


def vote_note_alone(template: str) -> str:
    """The recorded vote's note when no State is named: its first sentence, closed, without the
    words that introduce the lists ('[Adopted by … 12 abstentions.]')."""
    match = _LISTS_INTRO_RE.match(template)
    return (match.group(1) if match else template.rstrip(" :：")) + "]"


def ordinal_suffix(n: int, code: str) -> str:
    rule = data(code)["ordinal_suffix"]
    for table, key in (("exact", n), ("last_two", n % 100), ("last", n % 10)):
        if key in (rule.get(table) or {}):
            return rule[table][key]
    return rule["other"]


def note_marker(n: int, code: str) -> str:
    """How a footnote's number is printed, at its call and before the note: '1', Arabic '(1)'."""
    return (data(code).get("note_marker") or "{n}").format(n=n)


def note_marker_brackets(code: str) -> tuple[str, str]:
    """What the language prints before and after a footnote's number ('(', ')' in Arabic)."""
    before, _, after = (data(code).get("note_marker") or "{n}").partition("{n}")
    return before, after


def meeting(n: int, code: str) -> str:
    """'37th meeting', '37e séance', '37‑е заседание', '第37次会议', 'الجلسة 37'."""
    return data(code)["meeting"].format(n=n, suffix=ordinal_suffix(n, code))


def counted(kind: str, n: int, code: str) -> str:
    """A vote total with the words that agree with it ('2 abstentions', 'عضوين')."""
    return pick_plural(data(code)["counted"][kind], n, code).format(n=n)


def _abjad(index: int, code: str) -> str:
    letters = data(code).get("abjad") or data("ar")["abjad"]
    return letters[index % len(letters)] * (index // len(letters) + 1)


def operative_number(n: int, code: str) -> str:
    return data(code)["numbering"]["operative"].format(n=n)


def sub_label(depth: int, index: int, code: str) -> str:
    """The label of the ``index``-th sub-paragraph at nesting ``depth`` (1 = (a), a) or (أ))."""
    return scheme_label(SCHEMES[depth - 1], index, code)


# How a list of sub-paragraphs is labelled. The first four are the levels the UN nests by
# default, (a), (i), a., i. (in that order, one a level); a list may instead use any of them
# at another depth, or the UN's other forms: numbers in brackets, (1), bullets, •, and dashes, –.
SCHEMES = ("latin", "roman", "latin_dot", "roman_dot", "decimal", "bullet", "dash")
LEVELS = SCHEMES[:4]


def scheme_pattern(scheme: str, code: str) -> str:
    numbering = data(code)["numbering"]
    if scheme in LEVELS:
        return numbering["levels"][LEVELS.index(scheme)]
    return numbering[scheme]


def scheme_label(scheme: str, index: int, code: str) -> str:
    """The label of the ``index``-th sub-paragraph of a list labelled by ``scheme``."""
    pattern = scheme_pattern(scheme, code)
    return pattern.format(n=index + 1, latin=letters(index), roman=roman(index + 1),
                          abjad=_abjad(index, code) if "{abjad}" in pattern else "")


def default_scheme(depth: int, parent: str | None) -> str:
    """The scheme of a list that does not say: the level after its parent list's ((i) under (a),
    a. under (i)), or, under bullets or numbers, the level of its depth."""
    if parent in LEVELS and LEVELS.index(parent) + 1 < len(LEVELS):
        return LEVELS[LEVELS.index(parent) + 1]
    return LEVELS[min(depth, len(LEVELS)) - 1]


def scheme_of(label: str, index: int, code: str, preferred: str) -> str | None:
    """The scheme whose ``index``-th label is ``label`` in the language's form or the English one;
    ``preferred`` where two have it."""
    wanted = re.sub(r"\s+", "", label)
    found = [scheme for scheme in SCHEMES
             if wanted in {scheme_label(scheme, index, c) for c in (code, DEFAULT)}]
    if preferred in found:
        return preferred
    return found[0] if found else None


def title_separator(code: str, organ: str | None) -> str:
    """What an organ has printed in the language between a resolution's number and its title, in
    the sessions that print something there: the Assembly's Arabic of the 75th session prints
    "75/10" then "- التعاون …" (the 76th and 78th print nothing); the others print nothing there.
    A source prints it when its front matter says so (``title_separator``)."""
    entry = (data(code).get("organs") or {}).get(organ or "", {})
    return entry.get("title_separator", data(code).get("title_separator", ""))


# The dashes the UN prints, or a typist types, for the hyphen of a separator: hyphen-minus, hyphen,
# figure dash, en dash, em dash, horizontal bar, minus sign (each one the fonts draw and a PDF
# reads back as itself before an Arabic word: the non-breaking hyphen reads back as a hyphen).
SEPARATOR_DASHES = "-\u2010\u2012\u2013\u2014\u2015\u2212"


def title_separator_pattern(separator: str) -> re.Pattern | None:
    """The separator as files print it, and as a title may be typed with it: its hyphen any of
    the dashes (``SEPARATOR_DASHES``: a session may print an en or an em dash), each of its spaces
    any run of whitespace or none (the UN's Arabic Assembly files print "-", then a tab, a space,
    or both; a dash may be printed joined to the title's first word); None for no separator."""
    if not separator:
        return None
    dashes = "[" + re.escape(SEPARATOR_DASHES) + "]"
    pieces = re.split(r"(\s+)", separator)
    return re.compile("".join(r"\s*" if piece.isspace() else
                              "".join(dashes if char in SEPARATOR_DASHES else re.escape(char) for char in piece)
                              for piece in pieces if piece))


def separator_as_printed(printed: str) -> str:
    """What a title starts with that ``title_separator_pattern`` matched, as a source's
    ``title_separator`` keeps it: its dash as printed, each run of whitespace one space."""
    return re.sub(r"\s+", " ", printed)


def organ_key(organ: str) -> str | None:
    """The key of an organ whose strings the data files hold, from its name in any language."""
    wanted = (organ or "").strip()
    for code in CODES:
        for key, entry in (data(code).get("organs") or {}).items():
            if wanted in entry.get("names", []):
                return key
    return None


# ---------------------------------------------------------------------------- lists
# How the last two items of a list are joined: by the language's word for "and" ("A, B and C"), or
# by the separator like the others ("A, B, C"). The UN prints both, session by session.
LAST_TWO = ("and", "comma")
# Which of a vote's lists end with the language's full stop: every one ("… et Viet Nam." "… et
# Mexique.]"), only the last, before the note's closing bracket ("… et Viet Nam" "… et Mexique.]"),
# or none ("… and Viet Nam" "… and Mexico]"). The UN prints all three, session by session.
LIST_STOPS = ("every", "last", "none")


def default_last_two(code: str) -> str:
    """How the language's lists join their last two items when a source does not say."""
    return data(code)["list"]["last_two"]


def default_list_stops(code: str) -> str:
    """Which of a vote's lists end with a full stop when a source does not say."""
    return data(code)["list"]["stops"]


def list_ends(count: int, code: str, stops: str | None = None) -> list[str]:
    """What ends each of a vote's ``count`` lists: the language's full stop or nothing, as
    ``stops`` (the language's default when None) says."""
    rule = data(code)["list"]
    stops = stops or rule["stops"]
    return [rule["stop"] if stops == "every" or (stops == "last" and i == count - 1) else ""
            for i in range(count)]


def list_pieces(items, code: str, last_two: str | None = None, end: str = "") -> list:
    """``[(item, what is printed after it), …]``: the separator, what joins the last two items
    (``last_two``, the language's default when None), then ``end`` ("A, B, C"; "A, B and C";
    "A, B et C."; "A、B、C")."""
    rule = data(code)["list"]
    joined_by_word = (last_two or rule["last_two"]) == "and"
    items = list(items)
    out = []
    for i, item in enumerate(items):
        if i == len(items) - 1:
            after = end
        elif i == len(items) - 2 and joined_by_word:
            after = next((word for pattern, word in (rule.get("and_before") or {}).items()
                          if re.match(pattern, items[-1])), rule["and"])
        else:
            after = rule["separator"]
        out.append((item, after))
    return out


def join_list(items, code: str, last_two: str | None = None) -> str:
    """A vote's one list as the language prints it when a source does not say otherwise."""
    return "".join(item + after for item, after in list_pieces(items, code, last_two, list_ends(1, code)[0]))


def origin_forms(strings: dict) -> list:
    """The other wordings of the origin line on a committee's report a language's Assembly
    strings give (keys ``on_report_…``)."""
    return sorted(key for key in strings if key.startswith("on_report_"))
