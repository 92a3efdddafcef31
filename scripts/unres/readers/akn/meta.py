"""Front matter of an imported resolution, from its cover page, preface,
conclusions and ``meta``.

Dates come from ``@date`` attributes only: the printed dates are in the
document's language ("13 تشرين الأول 2023") and are not parsed.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ...errors import error
from ...model import languages
from ...model.document import RECORDED, AgendaItem, Meta, Origin, Resolution
from ...model.printed_dates import flat, printed_date, with_date
from ...model.presentation import (LANGUAGES, PRINTED_KEYS, computed_strings, default_language_line_position,
                                   present)
from . import organs
from .inlines import InlineContext, collapse, local, plain
from .votes import read_vote, ref

# ISO 639-2 codes (FRBRlanguage) -> the language names front matter uses.
_BY_ISO = {iso: name for name, (iso, _bcp) in LANGUAGES.items()}

# "Original: anglais" -> English: the six official languages as each version writes them.
_LANGUAGE_NAMES = {
    "English": ["english", "anglais", "inglés", "ingles", "английский", "الإنكليزية", "الانكليزية",
                "الإنجليزية", "英文", "英语"],
    "French": ["french", "français", "francais", "francés", "frances", "французский", "الفرنسية",
               "法文", "法语"],
    "Spanish": ["spanish", "espagnol", "español", "espanol", "испанский", "الإسبانية", "西班牙文",
                "西班牙语"],
    "Russian": ["russian", "russe", "ruso", "русский", "الروسية", "俄文", "俄语"],
    "Arabic": ["arabic", "arabe", "árabe", "арабский", "العربية", "阿拉伯文", "阿拉伯语"],
    "Chinese": ["chinese", "chinois", "chino", "китайский", "الصينية", "中文"],
}
_LANGUAGE_BY_NAME = {alias: name for name, aliases in _LANGUAGE_NAMES.items() for alias in aliases}


class _Fields:
    """Looks values up and records what is missing, each with its line."""

    def __init__(self, statement, ctx: InlineContext, errors: list, conclusions=None):
        self.statement = statement
        self.conclusions = conclusions
        self.ctx = ctx
        self.errors = errors
        self.locs = {}

    def find(self, key: str, *paths: str):
        for path in paths:
            el = self.statement.find(path)
            if el is None and self.conclusions is not None and path.startswith("./{*}conclusions/"):
                el = self.conclusions.find("." + path[len("./{*}conclusions"):])
            if el is not None:
                self.locs[key] = self.ctx.loc(el)
                return el
        return None

    def missing(self, key: str, what: str, el=None):
        self.errors.append(error(self.ctx.loc(el if el is not None else self.statement),
                                 f"cannot find {what} ({key})", "E621"))

    def text(self, key: str, what: str, *paths: str) -> str:
        el = self.find(key, *paths)
        value = plain(el) if el is not None else ""
        if not value:
            self.missing(key, what, el)
        return value

    def own_date(self, key: str, what: str, own, name: str) -> Optional[dt.date]:
        self.locs[key] = self.ctx.loc(own)
        return self._iso(own, name, what)

    def date(self, key: str, what: str, *paths: str) -> Optional[dt.date]:
        el = self.find(key, *paths)
        if el is None:
            self.missing(key, what)
            return None
        return self._iso(el, "date", what)

    def _iso(self, el, attribute: str, what: str) -> Optional[dt.date]:
        raw = (el.get(attribute) or "").strip()
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            self.errors.append(error(self.ctx.loc(el), f"{what}: @{attribute} {raw!r} is not a date "
                                                       "(YYYY-MM-DD)", "E622"))
            return None


def read_meta(statement, lang_iso: str, lang: str, ctx: InlineContext, errors: list,
              conclusions=None) -> Optional[Meta]:
    """The front matter. ``conclusions``: where the closing lines are when ``statement`` has none
    (a collection of parts closes with its last part's)."""
    f = _Fields(statement, ctx, errors, conclusions)
    cover = "./{*}coverPage"
    meta_el = statement.find("./{*}meta")
    # What unres writes into its own AKN files for values it prints only in words.
    own = statement.find("./{*}meta/{*}proprietary/{urn:unres:source}source")

    symbol_el = f.find("symbol", cover + "//{*}docNumber[@refersTo='#symbol']", cover + "//{*}docNumber")
    symbol = plain(symbol_el) if symbol_el is not None else ""
    organ_key = organs.organ_of(statement, symbol)
    if organs.is_presidential_statement(statement, symbol):
        errors.append(error(ctx.loc(symbol_el if symbol_el is not None else statement),
                            f"{symbol or 'this file'} is a statement by the President of the Security "
                            "Council, not a resolution; it has no source form", "E650"))
        return None
    if not symbol and organ_key == organs.SC:
        symbol = organs.council_symbol(statement, ctx)
    if not symbol:
        f.missing("symbol", "the document symbol", symbol_el)
    number = _number(statement, symbol, organ_key, f, ctx)
    if organ_key == organs.SC:
        title, title_el = organs.council_title(statement, ctx, errors)
        f.locs["title"] = ctx.loc(title_el if title_el is not None else statement)
    elif organ_key == organs.GA and organs.resolution_titles(statement):
        # A part published on its own prints the whole resolution's title (in one or more
        # lines) above its letter and its own title.
        titles = organs.resolution_titles(statement)
        f.locs["title"] = ctx.loc(titles[0])
        title = " ".join(plain(t) for t in titles).strip()
        if not title:
            errors.append(_no_title(statement, titles[0], ctx))
    else:
        title_el = f.find("title", "./{*}preface//{*}docTitle[@refersTo='#resolutionTitle']",
                          "./{*}preface//{*}docTitle")
        title = plain(title_el).strip() if title_el is not None else ""
        if not title:
            errors.append(_no_title(statement, title_el, ctx))
    code = languages.code_of(_BY_ISO.get(lang_iso, lang_iso)) or lang
    title, separator = _without_separator(title, code, organ_key)

    status = f.text("distribution", "the distribution", cover + "//{*}docStatus")
    distribution = re.sub(r"^\s*Distr\.?\s*:?\s*", "", status).strip() or status
    issue = f.date("issue_date", "the date of issue",
                   cover + "//{*}docDate[@refersTo='#dateOfIssuance']", cover + "//{*}docDate")
    if organ_key == organs.SC:
        # The Security Council prints the meeting and date in its adoption line on the cover page;
        # the meeting is kept as its number, which each language prints in its own words.
        number_of_meeting, adoption = organs.council_adoption(statement, code, ctx, errors)
        meeting = str(number_of_meeting) if number_of_meeting else ""
        f.find("adoption_date", cover + "//{*}docTitle[@refersTo='#adoption']")
        f.locs["meeting"] = f.locs.get("adoption_date")
    else:
        adoption = f.date("adoption_date", "the date of adoption",
                          "./{*}conclusions//{*}docDate[@refersTo='#adoptionDate']",
                          "./{*}conclusions//{*}docDate")
        meeting = f.text("meeting", "the meeting",
                         "./{*}conclusions//{*}location[@refersTo='#adoptionMeeting']",
                         "./{*}conclusions//{*}inline[@name='adoptionMeeting']",
                         "./{*}conclusions//{*}location")
    job_el = statement.find(".//{*}docketNumber")
    job = plain(job_el) if job_el is not None else ""
    if organ_key == organs.HRC:
        fields = _council_fields(statement, symbol, f, ctx, errors, own)
        adoption = _adoption_in_session(statement, adoption, fields["session_start"], fields["session_end"],
                                        code, ctx)
        fields["language_line_position"] = _language_line_position(statement, issue, ctx)
        # In parts, the note and the lists under it close the last part.
        vote = read_vote(conclusions.getparent() if conclusions is not None else statement, meta_el, lang, ctx,
                         errors)
    else:
        fields = _organ_fields(statement, symbol, organ_key, code, f, ctx, errors)
        vote = organs.vote_from_metadata(meta_el, ctx, errors, statement, council=organ_key == organs.SC)
    _check_frbr_adoption(statement, adoption, ctx)
    if errors:
        return None
    meta = Meta(symbol=symbol, number=number, title=title, distribution=distribution, issue_date=issue,
                language=_BY_ISO.get(lang_iso, lang_iso), adoption_date=adoption, meeting=meeting,
                vote=vote, job_number=job or None, key_locs=f.locs, title_separator=separator, **fields)
    return meta


def _no_title(statement, title_el, ctx: InlineContext):
    """E621 for a resolution whose preface prints no title (A/RES/78/17 in Arabic: its preface
    holds only ``<docNumber>78/17</docNumber>``), saying where it was looked for. The title is
    printed nowhere else: the cover page's titles are the agenda items', the catalogue's keywords
    are in English; none is taken for it."""
    preface = statement.find("./{*}preface")
    if title_el is not None:
        where, said = title_el, "the preface's title (<docTitle>) is empty"
    elif preface is None:
        where, said = statement, "the file has no <preface>, where the resolution's number and title are printed"
    else:
        number = preface.find(".//{*}docNumber")
        printed = plain(number) if number is not None else ""
        where = number if number is not None else preface
        said = (f"the preface prints the number {printed!r} and no title after it" if printed
                else "the preface prints no title") + " (no <docTitle>)"
    return error(ctx.loc(where), f"cannot find the title: {said}, and the file prints it nowhere else "
                                 "(the cover page's titles are the agenda items'); the UN's file lacks it, "
                                 "and no title is made up for it", "E621")


def _without_separator(title: str, code: str, organ_key: str) -> tuple:
    """The title without what the organ prints before it in the language in some sessions (the
    Assembly's Arabic "- " of the 75th session, none in the 76th and 78th), and that separator, kept
    as the source's ``title_separator`` so that the page prints as the file does: the source's title
    is the title alone. The separator's dash may be any the UN prints ("-", "–", "—" …), with or
    without whitespace after it (kept as one space). Not a defect of the file, so nothing is said;
    a title that does not start with it is kept whole, and the separator is None."""
    separator = languages.title_separator(code, organ_key) \
        if languages.resolve(code) and organ_key != organs.SC else ""
    pattern = languages.title_separator_pattern(separator)
    found = pattern.match(title) if pattern is not None else None
    if found and title[found.end():].strip():
        return title[found.end():], languages.separator_as_printed(found.group())
    return title, None


def printed_strings(statement, meta: Meta, parts: list, ctx: InlineContext) -> dict:
    """What the file prints on page one where the language data prints something else (kept
    under ``printed:``), once the parts are known ("Resolutions adopted …" for parts A, B …)."""
    if not languages.resolve(meta.language) or (meta.organ_key == "hrc"
                                                and not languages.resolve(meta.original_language or "")):
        return {}
    return _printed_as_the_un_prints(statement, meta, parts, ctx)


def _number(statement, symbol: str, organ_key: str, f: "_Fields", ctx: InlineContext) -> str:
    """The resolution's number: the end of its symbol, as the preface (Assembly, Council) or the
    cover page (Security Council) prints it."""
    number_el = f.find("number", "./{*}preface//{*}docNumber",
                       "./{*}coverPage//{*}docTitle[@refersTo='#resolutionNumber']")
    printed = re.sub(r"[.\s]+$", "", plain(number_el)) if number_el is not None else ""
    tail = symbol.rsplit("/RES/", 1)[-1] if "/RES/" in symbol else ""
    if organ_key == organs.SC:
        found = re.search(r"(\d+)\s*\((\d{4})\)", printed)
        printed = f"{found.group(1)} ({found.group(2)})" if found else ""
    number = printed
    if not number:
        if tail:
            ctx.warn(number_el if number_el is not None else statement,
                     "no resolution number printed; taken from the symbol", "W630")
            number = tail
        else:
            f.missing("number", "the resolution number", number_el)
    elif tail and number != tail:
        # A part published on its own (A/RES/75/290 A) or parts together (A/RES/75/101 A-B)
        # print the resolution's number above the parts' letters, which the symbol adds.
        if not re.fullmatch(re.escape(number) + r" [A-Z](?:-[A-Z])?", tail):
            ctx.warn(number_el, f"resolution number {number!r} does not match the symbol {symbol!r}; "
                                f"{tail} is used", "W631")
            number = tail
    # unres's own file keeps the number as its source wrote it, the parts' letters included.
    own = statement.find("./{*}meta/{*}identification[@source='#unres']/{*}FRBRWork/{*}FRBRnumber")
    if own is not None and tail and own.get("showAs") == tail:
        number = tail
    return number


def _organ_fields(statement, symbol: str, organ_key: str, code: str, f: "_Fields", ctx: InlineContext,
                  errors: list) -> dict:
    """The front matter only the Assembly's or the Security Council's sources have."""
    cover = "./{*}coverPage"
    organ_el = f.find("organ", cover + "//{*}docAuthority[@refersTo='#issuingBody']")
    organ = organs.organ_name(organ_el, code, organ_key)
    if not organ:
        f.missing("organ", "the organ", organ_el)
    if organ_key == organs.SC:
        return {"organ": organ}
    session_el, session, session_name = _session(statement, symbol, cover, f, ctx, errors)
    f.find("agenda_items", cover + "//{*}inline[@name='agenda item']")
    items = organs.agenda_items(statement, ctx)
    f.find("origin", cover + "//{*}docProponent")
    origin = organs.origin(statement, code, ctx, errors)
    return {"organ": organ, "session": session, "session_name": session_name,
            "agenda_items": [AgendaItem(**item) for item in items],
            "origin": Origin(**origin) if origin else None}


def _session(statement, symbol: str, cover: str, f: "_Fields", ctx: InlineContext, errors: list):
    """The session's element, number and name from the cover page; the number from the symbol
    (A/HRC/RES/54/5, A/RES/75/1) when the cover page gives none."""
    session_el = f.find("session", cover + "//{*}session")
    session, session_name = 0, ""
    if session_el is not None:
        session_name = plain(session_el)
        digits = re.match(r"\s*(\d+)\s*$", session_el.get("value") or "")
        session = int(digits.group(1)) if digits else 0
    if not session:
        found = re.search(r"/RES/(\d+)/", symbol)
        if found:
            session = int(found.group(1))
            ctx.warn(session_el if session_el is not None else statement,
                     f"the cover page gives no session number; {session} is taken from the symbol", "W634")
        else:
            errors.append(error(ctx.loc(session_el if session_el is not None else statement),
                                "the session has no numeric @value", "E623"))
    return session_el, session, session_name


def _council_fields(statement, symbol: str, f: "_Fields", ctx: InlineContext, errors: list, own) -> dict:
    """The Human Rights Council's: its parent organ, session and its dates, agenda item and
    original language."""
    cover = "./{*}coverPage"
    # The UN names the authorities by role; unres's own files by organ (#ga, #hrc), in the
    # same order: publisher, parent organ, organ.
    authorities = statement.findall(cover + "//{*}docAuthority")
    parent_el = f.find("parent_organ", cover + "//{*}docAuthority[@refersTo='#issuingBody']")
    if parent_el is None and own is not None and len(authorities) >= 2:
        parent_el = authorities[1]
        f.locs["parent_organ"] = ctx.loc(parent_el)
    parent = plain(parent_el) if parent_el is not None else ""
    if not parent:
        f.missing("parent_organ", "the parent organ", parent_el)
    organ_el = f.find("organ", cover + "//{*}docAuthority[@refersTo='#subsidiaryBody']")
    if organ_el is None and own is not None and len(authorities) >= 3:
        organ_el = authorities[2]
    organ = plain(organ_el) if organ_el is not None else parent

    session_el, session, session_name = _session(statement, symbol, cover, f, ctx, errors)
    if not session_name:
        ctx.warn(session_el if session_el is not None else statement,
                 "the cover page does not name the session; the session name is left empty", "W635")
    dates = cover + "//{*}event[@refersTo='#session']/{*}date"
    if own is not None and statement.find(dates) is None:
        start = f.own_date("session_start", "the first day of the session", own, "sessionStart")
        end = f.own_date("session_end", "the last day of the session", own, "sessionEnd")
    else:
        start = f.date("session_start", "the first day of the session", dates + "[@refersTo='#startDate']")
        end = f.date("session_end", "the last day of the session", dates + "[@refersTo='#endDate']")

    agenda_el = f.find("agenda_item", cover + "//{*}inline[@name='agenda item']",
                       cover + "//{*}inline[@name='agendaItem']")
    agenda = ""
    if own is not None and (own.get("agendaItem") or "").strip():
        agenda = own.get("agendaItem").strip()
    elif agenda_el is not None:
        agenda = (agenda_el.get("title") or "").strip()
        if not agenda:
            found = re.search(r"\d+(?:\s*\([a-z]\))?", plain(agenda_el))
            agenda = found.group(0) if found else ""
    if not agenda:
        keyword = statement.find("./{*}meta/{*}classification/{*}keyword[@refersTo='agenda']")
        agenda = (keyword.get("value") or "").strip() if keyword is not None else ""
        if agenda:
            ctx.warn(agenda_el if agenda_el is not None else statement,
                     f"the cover page gives no agenda item; {agenda} is taken from the classification",
                     "W636")
        else:
            f.missing("agenda_item", "the agenda item", agenda_el)

    # The title the UN prints under the item's number since 2023; older files print none.
    titles = [plain(el) for el in statement.findall(cover + "//{*}inline[@name='agenda item name']")]
    title = _join_lines(t for t in titles if t) or None
    original = _original_language(f, ctx, cover)
    return {"parent_organ": parent, "organ": organ, "session": session, "session_name": session_name,
            "session_start": start, "session_end": end, "agenda_item": agenda,
            "agenda_item_title": title, "original_language": original}


def _language_line_position(statement, issue: Optional[dt.date], ctx: InlineContext) -> Optional[str]:
    """Where the cover page prints the language line beside "Original: …", when that is not
    where a document of its issue date prints it by default (None: as the date has it)."""
    lines = [el for el in statement.iterfind("./{*}coverPage//*")
             if el.get("name") in ("languageOfExpression", "originalLanguage") or local(el) == "docTitle"]
    names = [el.get("name") or "title" for el in lines]
    if "languageOfExpression" not in names or "originalLanguage" not in names:
        return None
    language, original = names.index("languageOfExpression"), names.index("originalLanguage")
    if "title" in names and max(language, original) > names.index("title"):
        # The masthead stands above the title in print; a line typed after it says nothing of
        # its place there (A/HRC/RES/55/15 in Arabic types "Arabic" last of all).
        ctx.warn(lines[max(language, original)], "the cover page types the language line or \"Original: …\" "
                 "after the title, away from the masthead; printed where documents of its date print it",
                 "W666")
        return None
    position = "above" if language < original else "below"
    return position if position != default_language_line_position(issue) else None


_CJK_RE = re.compile("[\u3000-\u9fff\uff00-\uffef]")


def _join_lines(lines) -> str:
    """One text of the lines a cover page breaks it into: a space between words, none where
    Chinese text runs on (the break fell inside a phrase)."""
    out = ""
    for line in lines:
        line = re.sub(r"[ \t\r\n]+", " ", line).strip()     # a no-break space is kept
        if not line:
            continue
        if out and not (_CJK_RE.match(out[-1]) and _CJK_RE.match(line[0])):
            out += " "
        out += line
    return out


def _printed_as_the_un_prints(statement, meta: Meta, parts: list, ctx: InlineContext) -> dict:
    """The masthead and adoption strings the UN's file prints where the language data prints
    something else: kept as printed, each difference reported with its line."""
    cover, conclusions = "./{*}coverPage", "./{*}conclusions"
    ours = computed_strings(Resolution(meta=meta, parts=parts))
    found = {
        "united_nations": statement.find(cover + "//{*}docAuthority[@refersTo='#publisher']"),
        "distr": statement.find(cover + "//{*}docStatus"),
        "issue_date": statement.find(cover + "//{*}docDate[@refersTo='#dateOfIssuance']"),
        "original": statement.find(cover + "//{*}inline[@name='originalLanguage']"),
        "language_line": statement.find(cover + "//{*}inline[@name='languageOfExpression']"),
        "agenda_item": statement.find(cover + "//{*}inline[@name='agenda item']"),
        "adopted_by": _cover_adoption_line(statement),
        "adoption_date": statement.find(conclusions + "//{*}docDate"),
    }
    theirs = {key: plain(el).strip() for key, el in found.items() if el is not None}
    dates = statement.findall(cover + "//{*}event[@refersTo='#session']/{*}date")
    if len(dates) == 2:
        separator = languages.data(languages.code_of(meta.language))["date_range"]["separator"]
        theirs["session_dates"] = plain(dates[0]).strip() + separator + plain(dates[1]).strip()
        found["session_dates"] = dates[0]
    outcome = statement.find(conclusions + "//{*}outcome")
    if meta.vote.kind != RECORDED:
        if outcome is not None and plain(outcome).strip():
            theirs["vote_note"], found["vote_note"] = plain(outcome).strip(), outcome
    elif outcome is not None:
        note = _recorded_note(outcome)
        # Kept only where its totals are the lists' own: a note that counts States its lists do not
        # name (W624) would contradict the lists printed under it.
        if note and _totals_in(note) == _without_trailing_zeros(meta.vote.totals):
            theirs["vote_note"], found["vote_note"] = note, outcome
    _adoption_date_as_dated(theirs, found, meta, ctx)
    kept = {}
    name = languages.english_name(languages.code_of(meta.language))
    for key in PRINTED_KEYS:
        if key not in theirs or not theirs[key] or not ours.get(key):
            continue
        if _same(theirs[key], ours[key]):
            continue
        kept[key] = theirs[key]
        ctx.warn(found[key], f"the file prints {theirs[key]!r} where the {name} language data prints "
                             f"{collapse(ours[key])!r}; kept as printed", "W660")
    number_line = statement.find(cover + "//{*}docTitle[@refersTo='#resolutionNumber']")
    if meta.organ_key == "sc" and number_line is not None and plain(number_line):
        printed_line = present(Resolution(meta=meta, parts=parts)).title_number
        if not _same(plain(number_line), printed_line):
            # Not a string a source can keep: the line is made from the number.
            ctx.warn(number_line, f"the file prints {plain(number_line)!r} where the {name} language data "
                                  f"prints {collapse(printed_line)!r}; the language data's line is printed",
                     "W688")
    return kept


def _cover_adoption_line(statement):
    """The cover page's adoption line ("Resolution adopted by the Human Rights Council on …"), or
    None. (A title the file marks as the resolution's number or title is not the adoption line: a
    Council file with no adoption line, S/RES/2801 (2025) in Arabic, has only those.)"""
    cover = "./{*}coverPage"
    marked = statement.find(cover + "//{*}docTitle[@refersTo='#adoption']")
    if marked is not None:
        return marked
    return next((title for title in statement.iterfind(cover + "//{*}docTitle")
                 if title.get("refersTo") not in ("#resolutionNumber", "#resolutionTitle")), None)


def _adoption_in_session(statement, adoption, start, end, code: str, ctx: InlineContext):
    """The adoption date: the closing lines' (their ``@date``), unless it falls outside the
    session the cover page dates and the cover's adoption line prints a date within it (59/10 in
    French closes with "7 juillet 2015", its FRBR dates say 2015 too, in a session of 16 June to
    8 July 2025 whose cover prints "le 7 juillet 2025"). The Council adopts its resolutions in
    session, so the cover's date is the adoption's; the closing line then prints it (W696)."""
    if adoption is None or start is None or end is None or start <= adoption <= end:
        return adoption
    line = _cover_adoption_line(statement)
    printed = printed_date(plain(line), code) if line is not None else None
    if printed is None or not start <= printed <= end:
        return adoption
    ctx.warn(line, f"the closing lines date the adoption {adoption.isoformat()}, outside the session "
                   f"({start.isoformat()} to {end.isoformat()}); the date the cover page prints, "
                   f"{printed.isoformat()}, is the adoption's", "W705")
    return printed


def _adoption_date_as_dated(theirs: dict, found: dict, meta: Meta, ctx: InlineContext) -> None:
    """The adoption line and the closing date printing a date the adoption's @date (and the FRBR
    dates) do not give (S/RES/2726 (2024) in Arabic prints "14 آذار/مارس 2014"): kept as printed,
    the line would contradict the adoption date every output states and verify reads back, so
    the adoption date is written in its place, in the language data's form, and the slip named."""
    code = languages.code_of(meta.language)
    for key in ("adopted_by", "adoption_date"):
        text = theirs.get(key)
        printed = printed_date(text, code) if text else None
        if printed is None or printed == meta.adoption_date:
            continue
        theirs[key] = with_date(text, printed, meta.adoption_date, code)
        ctx.warn(found[key], f"the file prints the date {flat(languages.format_date(printed, code))!r} "
                             f"where the adoption is dated {meta.adoption_date.isoformat()}; the adoption "
                             "date is printed", "W696")


def _recorded_note(outcome) -> str:
    """The first sentence of a recorded vote's note as the file prints it: the outcome's words
    up to its first list (a nested outcome), without the lists."""
    pieces = [outcome.text or ""]
    for child in outcome:
        if child.tag.rsplit("}", 1)[-1] == "outcome":
            break
        pieces.append(plain(child) + (child.tail or ""))
    return collapse("".join(pieces)).strip()


def _totals_in(note: str) -> tuple:
    return tuple(int(n) for n in re.findall(r"\d+", note))


def _without_trailing_zeros(totals) -> tuple:
    totals = list(totals)
    while totals and totals[-1] == 0:
        totals.pop()
    return tuple(totals)


def _same(a: str, b: str) -> bool:
    return " ".join(a.replace("\u00a0", " ").split()) == " ".join(b.replace("\u00a0", " ").split())


def _original_language(f: _Fields, ctx: InlineContext, cover: str) -> str:
    el = f.find("original_language", cover + "//{*}inline[@name='originalLanguage']")
    if el is None:
        f.missing("original_language", "the original language")
        return ""
    text = plain(el)
    word = collapse(text.split(":", 1)[-1]).strip().rstrip(".")
    name = _LANGUAGE_BY_NAME.get(word.lower()) or _LANGUAGE_BY_NAME.get(ref(el.get("refersTo")).lower())
    if name:
        return name
    if not word:
        # "Original: " and nothing else (A/HRC/RES/57/1 in French, refersTo="#"): no part of the
        # file names the language, and the import makes none up.
        f.errors.append(error(ctx.loc(el), f"the original language is printed empty ({collapse(text).strip()!r} "
                                           "with no language after it) and nothing else in the file names it",
                              "E621"))
        return ""
    ctx.warn(el, f"original language {word!r} is not one of the six official languages; kept as written",
             "W632")
    return word


def _check_frbr_adoption(statement, adoption, ctx: InlineContext) -> None:
    frbr = statement.find("./{*}meta/{*}identification/{*}FRBRWork/{*}FRBRdate")
    if frbr is None or adoption is None:
        return
    if (frbr.get("date") or "").strip() != adoption.isoformat():
        ctx.warn(frbr, f"FRBRWork date {frbr.get('date')} differs from the adoption date "
                       f"{adoption.isoformat()} the file prints; the printed date is used",
                 "W633")
