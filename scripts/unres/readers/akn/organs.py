"""What the General Assembly's and the Security Council's files print on page one, read into the
front matter those organs' sources have.

The Assembly's cover page names its session, one or more agenda items (numbers in one line,
"Agenda items 14 and 122", their titles one a line) and where the resolution came from
("[on the report of the Third Committee (A/75/478)]"); its conclusions the plenary meeting and
date. The Security Council's cover page prints the resolution's number and the meeting and date
of adoption; it has no title, session or agenda item. Neither prints the vote: it is read from
``meta/analysis/parliamentary/voting``, where the UN keeps it in English capitals; unres's own
files keep the names as the source writes them beside it (``meta/proprietary``), and those are
taken.

The origin line is read with the language data's own templates (``organs.ga.on_report``), so that
what the committee is called in the language ("Третьего комитета") is taken as printed.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ...errors import error
from ...model import languages, state_names
from ...model.document import RECORDED, WITHOUT_VOTE, Vote
from ...model.printed_dates import flat as _flat
from ...model.printed_dates import printed_date
from .inlines import InlineContext, collapse, plain
from .votes import CATEGORIES, _int, ref

HRC, GA, SC = "hrc", "ga", "sc"
# The namespace of what unres keeps in its own files' ``meta/proprietary``.
UNRES = "urn:unres:source"

# "Agenda item 130 (y)", "Points 14 et 122 de l’ordre du jour", "议程项目38": the numbers, each
# with the letter of its sub-item.
_AGENDA_NUMBER_RE = re.compile(r"\d+(?:\s*(?:[(（][^\W\d_]{1,3}\u0640?[)）]|[^\W\d_]{1,3}\)(?!\w)))?")
# A document symbol of the Assembly, as the origin line lists them.
_DOCUMENT_START = r"(?=A/)"
# "Adopted 133-3-0, 88th plenary meeting": what @outcome sometimes holds in place of a keyword.
_OUTCOME_TOTALS_RE = re.compile(r"(\d+)\s*-\s*(\d+)\s*-\s*(\d+)")


def organ_of(statement, symbol: str) -> str:
    """``hrc``, ``ga`` or ``sc``: the Council's files name it as a subsidiary body; the symbol (or,
    when it is missing, the FRBR IRI's actor) tells the Assembly from the Security Council."""
    if statement.find("./{*}coverPage//{*}docAuthority[@refersTo='#subsidiaryBody']") is not None:
        return HRC
    code = symbol.strip().upper()
    if code.startswith("A/HRC/"):
        return HRC
    if code.startswith("S/"):
        return SC
    if code.startswith("A/"):
        return GA
    this = statement.find("./{*}meta/{*}identification/{*}FRBRWork/{*}FRBRthis")
    actor = (this.get("value") or "") if this is not None else ""
    if "/unsc/" in actor:
        return SC
    if "/unga/" in actor:
        return GA
    return HRC


def is_presidential_statement(statement, symbol: str) -> bool:
    """A statement by the President of the Security Council (S/PRST/2020/11) is not a resolution."""
    if "/PRST/" in symbol.upper():
        return True
    this = statement.find("./{*}meta/{*}identification/{*}FRBRWork/{*}FRBRthis")
    return this is not None and "/prst" in (this.get("value") or "").lower()


def _organ_strings(code: str, organ: str) -> dict:
    return (languages.data(code).get("organs") or {}).get(organ) or {}


def organ_name(el, code: str, organ: str) -> str:
    """The organ's name as the language data spells it when the file prints it so, spaces aside
    ("大  会" is 大会 set wide); otherwise as printed."""
    printed = plain(el) if el is not None else ""
    for name in _organ_strings(code, organ).get("names", []):
        if re.sub(r"\s+", "", name) == re.sub(r"\s+", "", printed):
            return name
    return printed


# ------------------------------------------------------------------ General Assembly
def agenda_items(statement, ctx: InlineContext) -> list[dict]:
    """``[{number, title}]`` from the cover page's agenda line and the titles under it.

    A line that gives no number (75/1 in Chinese prints an empty one, and no title) is kept as
    printed: the titles under it as items without a number, or no item at all, and named (W699)
    so that the number can be added to the source."""
    cover = "./{*}coverPage"
    line = statement.find(cover + "//{*}inline[@name='agenda item']")
    printed = plain(line) if line is not None else ""
    # Each number is kept as the language prints it ("130 (y)", "14 a)", "38(a)", "37 (أ)").
    numbers = _AGENDA_NUMBER_RE.findall(printed)
    title_els = statement.findall(cover + "//{*}inline[@name='agenda item name']")
    titles = [plain(el) for el in title_els]
    if not numbers:
        where = line if line is not None else (title_els[0] if title_els else statement)
        said = f"the agenda line {printed!r} gives no number and is left out" if printed else \
            "the agenda line is empty" if line is not None else "the cover page has no agenda line"
        kept = (f"the {len(titles)} agenda item title(s) under it are kept without a number ('number: \"\"')"
                if titles else "the resolution prints no agenda item ('agenda_items: []')")
        ctx.warn(where, f"{said}; {kept}: add the number and title of the item it was adopted under, "
                        "as another language version prints them", "W699")
    elif titles and len(titles) != len(numbers):
        rest = "the rest left empty" if len(titles) < len(numbers) else \
            "the titles past the last number kept without one"
        ctx.warn(line, f"{len(numbers)} agenda items are numbered but {len(titles)} titles follow; "
                       f"the titles are kept in order, {rest}", "W681")
    return [{"number": numbers[index] if index < len(numbers) else "",
             "title": titles[index] if index < len(titles) else ""}
            for index in range(max(len(numbers), len(titles)))]


def _template_re(template: str, names: dict) -> re.Pattern:
    """A language data template ("[on the report of the {committee} ({documents})]") as a pattern
    whose groups are its fields; spaces match any run of spaces."""
    out, last = [], 0
    for found in re.finditer(r"\{(\w+)\}", template):
        out.append(_loose(template[last:found.start()]))
        out.append(f"(?P<{found.group(1)}>{names.get(found.group(1), '.+?')})")
        last = found.end()
    out.append(_loose(template[last:]))
    return re.compile("^" + "".join(out) + "$", re.S)


def _loose(literal: str) -> str:
    return r"\s*".join(re.escape(piece) for piece in re.split(r"\s+", literal))


def origin(statement, code: str, ctx: InlineContext, errors: list) -> Optional[dict]:
    """``{committee, documents}`` from the cover page's origin line (no committee: the plenary's
    own draft). The documents are cut at the language's "and" and at commas before a symbol, so
    that a locator ("A/75/414, para. 8") stays with its document."""
    el = statement.find("./{*}coverPage//{*}docProponent")
    if el is None:
        errors.append(error(ctx.loc(statement), "cannot find the line naming where the resolution "
                                                "came from (origin: the docProponent)", "E621"))
        return None
    strings = _organ_strings(code, GA)
    docs_el = el.find(".//{*}inline[@name='originating document']")
    text = plain(el)
    documents_text = plain(docs_el) if docs_el is not None else ""
    before = collapse(docs_el.getparent().text or "") if docs_el is not None else ""
    trimmed = _without_unpaired_brackets(documents_text)
    if trimmed != documents_text.strip() and documents_text in text:
        # A bracket typed inside the document element that pairs with none there: the line's own
        # parentheses already enclose the documents (77/63 in Arabic: "(<inline>A/77/385، الفقرة
        # 110(</inline>)", the opening bracket typed again, as right-to-left typing mirrors it).
        ctx.warn(docs_el, f"the origin line's document element {documents_text.strip()!r} holds a "
                          f"bracket that pairs with none in it; read as {trimmed!r}, inside the line's "
                          "own parentheses", "W665")
        text = text.replace(documents_text, trimmed, 1)
        documents_text = trimmed
    stray = re.findall(r"A/[^\s()]+", before)
    if stray:
        # The converter left a document before the bracket it belongs in:
        # "[دون الإحالة إلى لجنة رئيسية A/75/L.31 (A/75/L.31/Add.1)]".
        ctx.warn(el, f"the document {' '.join(stray)} is printed outside the parentheses of the "
                     "origin line; taken as its first document", "W682")
        for symbol in stray:
            text = " ".join(text.replace(symbol, " ").split())
        documents_text = (strings.get("and") or " and ").join(stray + [documents_text])
    no_committee = ref(el.get("refersTo")) == "noMainCommittee"
    lead = re.match(r"(?P<words>[^()/]*?\w[^()/]*?)\s+" + _DOCUMENT_START, documents_text)
    if lead and not no_committee:
        # The converter moved the committee's own parenthesis into the document element
        # ("деколонизации (Четвертый комитет A/77/398, пункт 12)", printed "(Четвертый комитет)
        # (A/77/398, пункт 12)"): the words go back to the committee.
        words = lead.group("words").strip()
        ctx.warn(el, f"{words!r} is printed inside the origin line's document parentheses; "
                     "read as the committee's own parenthesis", "W689")
        documents_text = documents_text[lead.end():]
        text = text.replace(f"({words} ", f"({words}) (", 1)
    template = strings.get("without_committee" if no_committee else "on_report")
    committee, form = "", ""
    if template:
        # The committee may carry its own parentheses ("… Committee (Fourth Committee)"); the
        # documents are the last ones.
        found = _template_re(template, {"committee": ".+", "documents": "[^()]*"}).match(text)
        # Other wordings the language data knows the UN to print ("on_report_adopted": the Chinese
        # "[根据…的报告通过 (…)]"), kept as the source's origin.form.
        for other in (languages.origin_forms(strings) if not found and not no_committee else ()):
            found = _template_re(strings[other], {"committee": ".+", "documents": "[^()]*"}).match(text)
            if found:
                form = other
                break
        if not found:
            errors.append(error(ctx.loc(el), f"the origin line {text!r} is not in the "
                                             f"{languages.english_name(code)} language data's form "
                                             f"{template!r}", "E624"))
            return None
        committee = found.groupdict().get("committee") or ""
    conjunction = (strings.get("and") or " and ").strip()
    separators = [r",\s*" + _DOCUMENT_START, r"\s*" + re.escape(conjunction) + r"\s*" + _DOCUMENT_START]
    documents = [d.strip() for d in re.split("|".join(separators), documents_text) if d.strip()]
    if not documents:
        errors.append(error(ctx.loc(el), "the origin line names no document", "E621"))
        return None
    return {"committee": committee.strip(), "documents": documents, **({"form": form} if form else {})}


_BRACKETS = {"(": ")", "（": "）"}


def _without_unpaired_brackets(text: str) -> str:
    """``text`` without the brackets at its ends that pair with none inside it: an opening one
    at its end or a closing one at its start, and one at either end that the text holds more of
    than of its partner. Brackets that pair ("A/75/414 (Part II)") are kept."""
    closing = {close: open_ for open_, close in _BRACKETS.items()}
    text = text.strip()
    while text:
        first, last = text[0], text[-1]
        if last in _BRACKETS or (last in closing and text.count(last) > text.count(closing[last])):
            text = text[:-1].rstrip()
        elif first in closing or (first in _BRACKETS and text.count(first) > text.count(_BRACKETS[first])):
            text = text[1:].lstrip()
        else:
            break
    return text


def resolution_titles(statement) -> list:
    """The preface's titles above a part's letter (all of them when there is no letter)."""
    preface = statement.find("./{*}preface")
    out = []
    for el in preface.iter("{*}docNumber", "{*}docTitle") if preface is not None else []:
        if el.tag.endswith("docNumber") and (ref(el.get("refersTo")) == "letter"
                                             or re.fullmatch(r"\s*[A-Z]\s*", plain(el))):
            break
        if el.tag.endswith("docTitle"):
            out.append(el)
    return out


# ------------------------------------------------------------------ Security Council
def council_symbol(statement, ctx: InlineContext) -> str:
    """The symbol a Security Council file leaves empty, from the resolution number it prints
    ("第2511(2020)号决议" -> S/RES/2511 (2020))."""
    el = statement.find("./{*}coverPage//{*}docTitle[@refersTo='#resolutionNumber']")
    found = re.search(r"(\d+)\s*\((\d{4})\)", plain(el)) if el is not None else None
    if not found:
        return ""
    symbol = f"S/RES/{found.group(1)} ({found.group(2)})"
    ctx.warn(el, f"the cover page leaves the symbol empty; {symbol} is taken from the printed "
                 "resolution number", "W680")
    return symbol


def council_title(statement, ctx: InlineContext, errors: list):
    """(title, element it was read from). The Council prints no title; the UN's catalogue entry
    (``classification``'s title keyword, in English in every version) names the resolution's
    subject. The files of 2025 carry no such keyword: the catalogue's agenda item of the Council
    (``refersTo="agenda"`` in the dictionary ``S/``, "The situation in Afghanistan."), which the
    UN's lists of the Council's resolutions give as the title, is taken then, its closing full stop
    dropped, and the repair named (W679). A file marked up before the catalogue entry was made
    (S/RES/2829 (2026) in English: only subject headings) names neither: the resolution's number
    line the cover page prints ("Resolution 2829 (2026)"), the heading under which the UN's own
    library lists a Council resolution, is taken then, and the repair named (W701). With none of
    the three, the import is refused (E621)."""
    keywords = list(statement.iterfind("./{*}meta/{*}classification/{*}keyword"))
    for el in keywords:
        if ref(el.get("refersTo")) == "title" and collapse(el.get("value") or "").strip():
            return collapse(el.get("value")).strip(), el
    for el in keywords:
        if ref(el.get("refersTo")) == "agenda" and (el.get("dictionary") or "").strip() == "S/":
            item = collapse(el.get("showAs") or "").strip()
            item = re.sub(r"\s*\.$", "", item).strip()
            if item:
                ctx.warn(el, "the catalogue entry names no title (no <keyword refersTo=\"title\"> in "
                             f"meta/classification); the Council's agenda item it names, {item!r}, is taken "
                             "as the title (the Council prints none; the UN lists its resolutions under "
                             "that item)", "W679")
                return item, el
    line = statement.find("./{*}coverPage//{*}docTitle[@refersTo='#resolutionNumber']")
    printed = collapse(plain(line)).strip() if line is not None else ""
    if printed:
        ctx.warn(line, "the catalogue entry names neither a title (<keyword refersTo=\"title\">) nor the "
                       "Council's agenda item (<keyword refersTo=\"agenda\" dictionary=\"S/\">) in "
                       f"meta/classification; the resolution's number line the cover page prints, {printed!r}, "
                       "is taken as the title (the Council prints none)", "W701")
        return printed, line
    where = statement.find("./{*}meta/{*}classification")
    errors.append(error(ctx.loc(where if where is not None else statement),
                        "cannot find the title: the Security Council prints none, the UN's catalogue "
                        "entry in meta/classification names neither a title (<keyword refersTo=\"title\">) "
                        "nor the Council's agenda item (<keyword refersTo=\"agenda\" dictionary=\"S/\">), "
                        "and the cover page prints no resolution number line", "E621"))
    return "", None


def council_adoption(statement, code: str, ctx: InlineContext, errors: list):
    """(meeting number, adoption date) from the Security Council's adoption line ("Adopted by the
    Security Council at its 8700th meeting, on 10 January 2020"). The converter often leaves the
    meeting's element empty or without its number, and @date a placeholder (0001-01-01), while the
    line prints both: what is printed is read, and the repair named."""
    line = statement.find("./{*}coverPage//{*}docTitle[@refersTo='#adoption']")
    if line is None:
        if statement.find("./{*}meta/{*}workflow/{*}step[@outcome='adopted']") is not None:
            # No adoption line at all (S/RES/2801 (2025) in Arabic), where the metadata records
            # the adoption: as for an empty line, the workflow says when and at which meeting.
            cover = statement.find("./{*}coverPage")
            return _adoption_from_workflow(statement, cover if cover is not None else statement, "",
                                           ctx, errors, missing=True)
        errors.append(error(ctx.loc(statement), "cannot find the adoption line (Adopted by the "
                                                "Security Council at its … meeting, on …)", "E621"))
        return None, None
    text = plain(line)
    date_el = line.find(".//{*}docDate")
    raw = (date_el.get("date") or "").strip() if date_el is not None else ""
    if not re.search(r"\d", text):
        return _adoption_from_workflow(statement, line, raw, ctx, errors)
    adoption = _iso(raw)
    if adoption is None:
        adoption = printed_date(text, code)
        if adoption is None:
            errors.append(error(ctx.loc(date_el if date_el is not None else line),
                                f"the adoption line {text!r} prints no date in the "
                                f"{languages.english_name(code)} form and @date is {raw!r}", "E622"))
            return None, None
        ctx.warn(date_el if date_el is not None else line,
                 f"the date of adoption's @date is {raw!r}; {adoption.isoformat()} is read from the "
                 "printed adoption line", "W683")
    meeting_el = line.find(".//{*}inline[@name='adoptionMeeting']")
    digits = re.search(r"\d+", (meeting_el.get("title") or "") + " " + plain(meeting_el)) \
        if meeting_el is not None else None
    if digits:
        return int(digits.group(0)), adoption
    written = _flat(languages.format_date(adoption, code))
    numbers = re.findall(r"\d+", _flat(text).replace(written, " "))
    if not numbers:
        # Adopted without a meeting (the written procedure of 2020): "Adopted by the Security
        # Council on 30 March 2020".
        return None, adoption
    if len(numbers) > 1:
        errors.append(error(ctx.loc(line), f"cannot tell the meeting's number in the adoption line "
                                           f"{text!r}", "E621"))
        return None, adoption
    ctx.warn(meeting_el if meeting_el is not None else line,
             f"the meeting's number {numbers[0]} is printed outside its element in the adoption line; "
             "taken from the line", "W684")
    return int(numbers[0]), adoption


def _adoption_from_workflow(statement, line, raw: str, ctx: InlineContext, errors: list,
                            missing: bool = False):
    """An adoption line the converter left empty, or left out (``missing``; ``line`` is then the
    cover page): the metadata's workflow records the adoption ("Adopted unanimously, 8750th
    meeting", as="S/PV.8750", with its date)."""
    said = "the cover page prints no adoption line" if missing else "the adoption line is empty"
    step = statement.find("./{*}meta/{*}workflow/{*}step[@outcome='adopted']")
    adoption = _iso(raw) or (_iso(step.get("date") or "") if step is not None else None)
    if step is None or adoption is None:
        errors.append(error(ctx.loc(line), f"{said} and the metadata records no adoption (workflow "
                                           "step 'adopted' with a date)", "E621"))
        return None, None
    found = re.search(r"(\d+)\D{0,4}\s+meeting", step.get("by") or "") \
        or re.search(r"/PV\.(\d+)", step.get("as") or "")
    number = int(found.group(1)) if found else None
    ctx.warn(line, f"{said}; the adoption on {adoption.isoformat()}"
                   + (f" at meeting {number}" if number else "") + " is taken from the metadata's "
                   "workflow", "W685")
    return number, adoption


def _iso(raw: str) -> Optional[dt.date]:
    """A real date from @date: the converter writes 0001-01-01 for none."""
    try:
        value = dt.date.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.year >= 1945 else None


# ------------------------------------------------------------------ votes kept as data
def vote_from_metadata(meta_el, ctx: InlineContext, errors: list, where, council: bool = False) -> Optional[Vote]:
    """The vote of an organ that does not print it: ``analysis/parliamentary/voting``. The States
    are named there in English capitals; they are kept in English with the capitals undone."""
    voting = meta_el.find("./{*}analysis/{*}parliamentary/{*}voting") if meta_el is not None else None
    if voting is None or _empty_frame(voting):
        recorded = _vote_from_workflow(meta_el, ctx, council)
        if recorded is not None:
            return recorded
    if voting is None:
        errors.append(error(ctx.loc(where), "no vote in the metadata (analysis/parliamentary/voting): "
                                            "neither a recorded vote nor adoption without a vote", "E620"))
        return None
    outcome = collapse(voting.get("outcome") or "").strip()
    counts = {ref(c.get("refersTo")): c for c in voting.iterfind("./{*}count")}
    loc = ctx.loc(voting)
    # The UN says 'withoutVote' in @outcome; unres's own files in @refersTo, with a count of the
    # votes cast (none).
    said = outcome + " " + collapse(voting.get("refersTo") or "")
    if "withoutvote" in said.replace(" ", "").lower() and not set(counts) - {"votesCast"}:
        return Vote(WITHOUT_VOTE, loc=loc)
    lists = {}
    totals = _OUTCOME_TOTALS_RE.search(outcome)
    for index, cat in enumerate(CATEGORIES):
        count = counts.get(cat)
        names = [plain(o) for o in count.iter("{*}organization")] if count is not None else []
        stated = _int(count.get("value")) if count is not None else None
        if stated is None and totals:
            stated = int(totals.group(index + 1))
        if stated is not None and stated != len(names):
            ctx.warn(count if count is not None else voting,
                     f"{cat}: the metadata counts {stated} but names {len(names)} States; the named "
                     "States are kept", "W623")
        lists[cat] = written_names(meta_el, cat, names, ctx) or [state_name(n) for n in names]
    if not any(lists.values()):
        if counts or totals:
            ctx.warn(voting, "a recorded vote whose metadata names no State; kept without lists",
                     "W624")
            return Vote(RECORDED, loc=loc)
        errors.append(error(loc, f"the metadata's vote {outcome!r} is neither a recorded vote nor "
                                 "adoption without a vote", "E620"))
        return None
    return Vote(RECORDED, in_favour=lists["inFavour"], against=lists["against"],
                abstaining=lists["abstaining"], loc=loc)


def _empty_frame(voting) -> bool:
    """A voting element the converter left a frame (S/RES/2820 (2026) in Arabic: an empty quorum
    and nothing else): no outcome, no count, no State."""
    return (not collapse(voting.get("outcome") or "").strip() and voting.find(".//{*}count") is None
            and voting.find(".//{*}organization") is None)


# The Security Council's members since 1 January 1966 (the Charter's Article 23 as amended in 1965):
# a vote the Council's records call unanimous is that many in favour.
COUNCIL_MEMBERS, COUNCIL_OF_FIFTEEN_SINCE = 15, 1966


def _vote_from_workflow(meta_el, ctx: InlineContext, council: bool) -> Optional[Vote]:
    """Where the metadata's vote is missing or an empty frame, the vote the workflow's adoption
    step records ("Adopted 13-0-2, 10148thmeeting"): a recorded vote with those totals and no
    States named, or adoption without a vote; for the Security Council from 1966, "Adopted
    unanimously", its fifteen members in favour. The repair is named (W702). Anything else it says
    is not read: None."""
    step = meta_el.find("./{*}workflow/{*}step[@outcome='adopted']") if meta_el is not None else None
    said = collapse(step.get("by") or "").strip() if step is not None else ""
    totals = _OUTCOME_TOTALS_RE.search(said)
    numbers = [int(n) for n in totals.groups()] if totals else []
    if numbers and numbers[0]:      # (no resolution is adopted with no vote in favour: "0-0-0" says nothing)
        vote = Vote(RECORDED, loc=ctx.loc(step), in_favour_total=numbers[0], against_total=numbers[1],
                    abstaining_total=numbers[2])
        kept = f"a recorded vote of {numbers[0]} to {numbers[1]}, {numbers[2]} abstaining, no State named"
    elif re.search(r"without\s+(?:a\s+)?vote|by\s+acclamation", said, re.IGNORECASE):
        vote, kept = Vote(WITHOUT_VOTE, loc=ctx.loc(step)), "adoption without a vote"
    elif council and re.search(r"\bunanimous", said, re.IGNORECASE) \
            and (_iso(step.get("date") or "") or dt.date.min).year >= COUNCIL_OF_FIFTEEN_SINCE:
        vote = Vote(RECORDED, loc=ctx.loc(step), in_favour_total=COUNCIL_MEMBERS, against_total=0,
                    abstaining_total=0)
        kept = f"a recorded vote of the Council's {COUNCIL_MEMBERS} members in favour, no State named"
    else:
        return None
    ctx.warn(step, "the metadata names no vote (analysis/parliamentary/voting is missing or empty); the "
                   f"workflow's adoption step says {said!r}: kept as {kept}", "W702")
    return vote


def written_names(meta_el, cat: str, capitals: list, ctx: InlineContext) -> Optional[list]:
    """The States of one list as unres's own files keep them beside the capitals
    (``meta/proprietary/unres:voters``, the names as the source writes them, in any language), or
    None where the file keeps none. Each must give the metadata's capitals of its State, in the
    same order: a list that does not (one side edited, not the other) is reported and the
    capitals are used."""
    voters = [v for v in meta_el.iterfind(f"./{{*}}proprietary/{{{UNRES}}}voters") if v.get("list") == cat]
    if not voters:
        return None
    names = [collapse(s.text or "").strip() for s in voters[0].iterfind(f"{{{UNRES}}}state")]
    if [state_names.capitals(n) for n in names] != [collapse(c).strip() for c in capitals]:
        ctx.warn(voters[0], f"{cat}: the States' names kept in meta/proprietary are not the "
                            "metadata's in capitals; the metadata's are used", "W627")
        return None
    return names


def state_name(capitals: str) -> str:
    """'SAINT VINCENT AND THE GRENADINES' -> 'Saint Vincent and the Grenadines': the UN's printed
    English name (``model.state_names``)."""
    return state_names.from_capitals(collapse(capitals).strip())
