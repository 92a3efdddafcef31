"""What an AKN file says in its metadata, for a machine, set beside what it prints and the source.

An archive reads the dates, the number, the session and the language from the attributes
(``FRBRdate``, ``docDate/@date``, ``FRBRnumber``, the IRIs, ``session/@value``), not from the
cover page's words. Each is read here with the place it was read from; the comparison with the
source is :func:`unres.verify.compare.compare`'s (``Fingerprint.metadata``). What only the file
itself can say is right or wrong (an IRI built of other values, a date whose words print another
date, a link's address against its reference's) is a problem of the file.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import etree

from ..fingerprint import normalise, parse_date

_DIGITS = re.compile(r"\d+")
_UNRES = "urn:unres:source"


def read(root, doc, ns) -> tuple[list, list]:
    """``(readings, problems)`` of the file whose first document is ``doc``: readings are
    ``(fact, where, value)``, the facts being ``adoption_date`` and ``issue_date`` (ISO dates),
    ``symbol``, ``number``, ``session``, ``language`` and ``job_number``, and from unres's own copy of the source
    ``session_start``, ``session_end``, ``agenda_item`` and ``quotes``."""
    meta = doc.find("a:meta", ns)
    if meta is None:
        return [], ["no metadata"]
    frbr = {level: meta.find(f"a:identification/a:FRBR{level}", ns) for level in ("Work", "Expression", "Manifestation")}
    readings, problems = _dates(frbr, meta, doc, ns)
    number = frbr["Work"].find("a:FRBRnumber", ns) if frbr["Work"] is not None else None
    language = frbr["Expression"].find("a:FRBRlanguage", ns) if frbr["Expression"] is not None else None
    identity, wrong = _identity(meta, doc, number, language, ns)
    readings += identity
    problems += wrong
    problems += _quantity_problems(doc, ns)
    problems += _iri_problems(frbr, meta, number, language, ns)
    problems += _ref_problems(root, ns)
    problems += _dangling(root)
    problems += _count_problems(meta, doc, ns)
    return readings, problems


def _dates(frbr, meta, doc, ns) -> tuple[list, list]:
    """The adoption and issue dates wherever the file gives them; a ``docDate`` whose words
    print another date than its attribute is a problem."""
    readings, problems = [], []
    for level in ("Work", "Expression"):
        for el in frbr[level].iterfind("a:FRBRdate[@name='adoption']", ns) if frbr[level] is not None else ():
            readings.append(("adoption_date", f"FRBR{level} FRBRdate", el.get("date")))
    for el in frbr["Manifestation"].iterfind("a:FRBRdate[@name='issue']", ns) if frbr["Manifestation"] is not None else ():
        readings.append(("issue_date", "FRBRManifestation FRBRdate", el.get("date")))
    for tag, where in (("lifecycle/a:eventRef", "lifecycle eventRef"), ("workflow/a:step", "workflow step")):
        for el in meta.iterfind(f"a:{tag}[@refersTo='#adoption']", ns):
            readings.append(("adoption_date", where, el.get("date")))
    for el in doc.iter(f"{{{ns['a']}}}docDate"):
        fact = {"#dateOfAdoption": "adoption_date", "#dateOfIssuance": "issue_date"}.get(el.get("refersTo"))
        if fact:
            readings.append((fact, f"docDate {el.get('refersTo')}", el.get("date")))
        printed = parse_date("".join(el.itertext()))
        if printed is not None and printed.isoformat() != el.get("date"):
            problems.append(f'docDate {el.get("refersTo")} date="{el.get("date")}" where its words '
                            f'read {printed.isoformat()}')
    return readings, problems


def _identity(meta, doc, number, language, ns) -> tuple[list, list]:
    """The number, symbol, language and session, and unres's own copy of what the source says
    and the text prints only in words (the session's dates) or in part, which `unres import`
    takes back."""
    readings, problems = [], []
    if number is not None:
        readings.append(("number", "FRBRnumber showAs", number.get("showAs")))
        if _DIGITS.findall(number.get("value") or "") != _DIGITS.findall(number.get("showAs") or ""):
            problems.append(f'FRBRnumber value "{number.get("value")}" is not its showAs "{number.get("showAs")}"')
    original = meta.find("a:references/a:original", ns)
    if original is not None:
        readings.append(("symbol", "original showAs", original.get("showAs")))
    if language is not None:
        readings.append(("language", "FRBRlanguage", language.get("language")))
    for el in doc.iter(f"{{{ns['a']}}}session"):
        readings.append(("session", "session value", el.get("value")))
    # The job number the cover page prints; none where there is no docketNumber.
    dockets = [normalise("".join(el.itertext())) for el in doc.iter(f"{{{ns['a']}}}docketNumber")]
    readings.append(("job_number", "docketNumber", " ".join(d for d in dockets if d)))
    for own in meta.iterfind(f"a:proprietary/{{{_UNRES}}}source", ns):
        for attr, fact in (("sessionStart", "session_start"), ("sessionEnd", "session_end"),
                           ("agendaItem", "agenda_item"), ("quotes", "quotes")):
            readings.append((fact, f"unres source {attr}", own.get(attr, "" if fact == "quotes" else None)))
    return readings, problems


def _quantity_problems(doc, ns) -> list:
    """A quantity's value is what it prints."""
    out = []
    for el in doc.iter(f"{{{ns['a']}}}quantity"):
        if el.get("normalized") != normalise("".join(el.itertext())):
            out.append(f'quantity normalized="{el.get("normalized")}" where it prints '
                       f'"{normalise("".join(el.itertext()))}"')
    return out


def _count_problems(meta, doc, ns) -> list:
    """Each vote count says what the text's number it stands for says; a vote without a vote
    counts nothing."""
    voting = meta.find("a:analysis//a:voting", ns)
    if voting is None:
        return []
    out = []
    by_id = {el.get("eId"): el for el in doc.iter(f"{{{ns['a']}}}quantity")}
    for count in voting.iterfind("a:count", ns):
        quantity = by_id.get((count.get("href") or "").lstrip("#"))
        if quantity is not None and (quantity.get("refersTo"), quantity.get("normalized")) != \
                (count.get("refersTo"), count.get("value")):
            out.append(f'count {count.get("refersTo")} {count.get("value")} stands for the text\'s '
                       f'{quantity.get("refersTo")} {quantity.get("normalized")}')
    if voting.get("refersTo") == "#withoutVote":
        out += [f'a vote without a vote counts {count.get("value")} ({count.get("refersTo")})'
                for count in voting.iterfind("a:count", ns) if count.get("value") != "0"]
    return out


def _iri_problems(frbr, meta, number, language, ns) -> list:
    """Each IRI is made of the values read beside it: the Work's of its date and number, the
    Expression's of the Work's, its language and date, the Manifestation's of the Expression's;
    each ``FRBRthis`` of its ``FRBRuri``, and the ``original`` reference is the Expression."""
    if any(frbr[level] is None for level in frbr) or number is None or language is None:
        return ["the identification lacks a FRBR level, its number or its language"]

    def value(level, tag, attr="value"):
        el = frbr[level].find(f"a:{tag}", ns)
        return el.get(attr) if el is not None else None

    work = value("Work", "FRBRuri")
    expression = value("Expression", "FRBRuri")
    manifestation = value("Manifestation", "FRBRuri")
    wanted = {
        ("Work", "FRBRuri"): f"/{value('Work', 'FRBRdate', 'date')}/{number.get('value')}",
        ("Expression", "FRBRuri"): f"{work}/{language.get('language')}@{value('Expression', 'FRBRdate', 'date')}",
        ("Manifestation", "FRBRuri"): f"{expression}.xml",
        ("Work", "FRBRthis"): f"{work}/!main",
        ("Expression", "FRBRthis"): f"{expression}/!main",
        ("Manifestation", "FRBRthis"): f"{expression}/!main.xml",
    }
    out = []
    for (level, tag), want in wanted.items():
        got = value(level, tag) or ""
        if not (got.endswith(want) if (level, tag) == ("Work", "FRBRuri") else got == want):
            out.append(f'FRBR{level} {tag} "{got}" is not made of its values ("…{want}")')
    original = meta.find("a:references/a:original", ns)
    if original is not None and original.get("href") != expression:
        out.append(f'original href "{original.get("href")}" is not the Expression\'s "{expression}"')
    return out


def _ref_problems(root, ns) -> list:
    """A link to a cited document gives the address its reference gives, or the document's IRI
    (which holds the numbers of its symbol); the reference's address holds its symbol."""
    refs = {el.get("eId"): el for el in root.iter(f"{{{ns['a']}}}TLCReference")}
    out = []
    for el in refs.values():
        symbol, url = el.get("showAs") or "", unquote(el.get("href") or "")
        if symbol and url and _squeezed(symbol) not in _squeezed(url):
            out.append(f'reference {el.get("eId")} to "{symbol}" gives the address "{el.get("href")}"')
    for el in root.iter(f"{{{ns['a']}}}ref"):
        reference = refs.get((el.get("refersTo") or "").lstrip("#"))
        if reference is None:
            continue
        href, target = el.get("href") or "", reference.get("href")
        wrong = (sorted(_DIGITS.findall(href)) != sorted(_DIGITS.findall(reference.get("showAs") or ""))
                 if href.startswith("/akn/") else href != target)
        if wrong:
            out.append(f'link "{normalise("".join(el.itertext()))}" leads to "{href}" where its '
                       f'reference is "{reference.get("showAs")}" at "{target}"')
    return out


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


_REFERENCES = etree.XPath("|".join(f"//@{attr}[contains(., '#')]"
                                   for attr in ("refersTo", "href", "as", "by", "source", "outcome")))


def _dangling(root) -> list:
    """Every reference inside the file (``refersTo``, ``href``, ``as``, ``by``, ``source``,
    ``outcome`` of "#id") names an element the file has."""
    ids = set(root.xpath("//@eId"))
    out = []
    for value in _REFERENCES(root):
        for token in value.split():
            if token.startswith("#") and token[1:] not in ids:
                el = value.getparent()
                out.append(f'{etree.QName(el).localname} {value.attrname}="{token}" names nothing in the file')
    return out
