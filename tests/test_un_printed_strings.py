"""Every string of the UN's own cover page, preface and conclusions, in the six languages of the
Council's 54th session, is printed in order by our PDF (first and last pages), our HTML, and our
AKN (in the same elements), after import and build. The share is printed; what falls short is
named with its reason."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest
from lxml import etree
from lxml import html as lxml_html

from conftest import CORPUS
from unres.verify.read.pdf_text import FOOTER_BAND, HEADER_BAND
from unres.verify.read.pdf_bidi import pdf_lines
from unres.readers.akn.reader import import_akn
from unres.writers.markdown import render_markdown

FILES = sorted((CORPUS / "un-akn-hrc" / "54session").glob("*/*.xml")) if CORPUS.exists() else []
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus/un-akn-hrc is absent")
# Every N-th file (6: 35 files, all six languages); UNRES_STRINGS_SAMPLE=1 compares all 210.
SAMPLE = os.environ.get("UNRES_STRINGS_SAMPLE", "6")

# What a UN file prints that its own printed document does not, put right before comparing: each
# repair is named, and what it changed is counted and printed.
REPAIRS = {
    "straight apostrophe": (
        "the UN's French files type the Council's name on the cover page with a straight apostrophe "
        "(\"droits de l'homme\") where the same file's adoption line and body print ’, as UN "
        "typography does; we print ’",
        lambda text: text.replace("'", "’")),
    "note's brackets facing the wrong way": (
        "58/24 in Arabic closes its vote's note with the opening bracket typed again (\"…وملديف[\"): "
        "the import reads the note as [ … ] (W676), and we print ]",
        lambda text: "[" + text[1:-1] + "]"
        if len(text) > 1 and text[0] in "[]" and text[-1] in "[]" and (text[0], text[-1]) != ("[", "]")
        and text[1:-1].count("[") == text[1:-1].count("]") else text),
}

# Arabic vowel signs (harakat) and the kashida are not compared in the PDF's text layer: the PDF
# maps each glyph to one string, and the Arabic face draws a sign alone and the same sign paired
# with the shadda with one glyph (so the layer may name the pair where the page shows the sign),
# and names a ligature with a kashida ("لـك" for the ligature of "لك"). The HTML, DOCX and AKN are
# compared with them.
PDF_MARKS = "Arabic vowel signs and kashida in the PDF"
_ARABIC_MARKS_RE = re.compile("[\u064b-\u0652\u0640]")
REPAIRS[PDF_MARKS] = ("the PDF's text layer gives one string per glyph, and Amiri draws a vowel sign "
                      "alone and paired with the shadda with one glyph and names a ligature with a "
                      "kashida: the Arabic PDF is compared without the signs and the kashida", None)

# Strings of a UN file that its own session's other files print otherwise, each named with the
# defect: (file, the string's first characters) -> the reason. Our data prints the session's usage.
UN_FILE_DEFECTS = {
    ("A_HRC_RES_54_3R", "["): "the note counts 32 in favour and the file's list names 31 (W622, W625 on "
    "import); ours prints the lists' totals",
    ("A_HRC_RES_54_5R", "54/."): "the title's number is printed '54/.' (its 5 left out) where the file's "
    "symbol and metadata say 54/5",
    # Lists of States printed otherwise than the session's other files in the language print them:
    ("A_HRC_RES_54_15A", "["): "the lists put و before every State after the first, as 2 of the "
    "session's Arabic files with a recorded vote do; the others (and our data) print the Arabic comma only",
    ("A_HRC_RES_54_23A", "["): "the lists put و before every State after the first, where the session's "
    "other Arabic files print the Arabic comma only",
    ("A_HRC_RES_58_24A", "["): "the lists (printed after the closing lines, W675) put و before every "
    "State after the first, as 2 of the 54th session's Arabic files do; our data prints the Arabic comma only",
    ("A_HRC_RES_54_3A", "["): "one list joins its last two States with و, where the session's other "
    "Arabic files print the Arabic comma",
    ("A_HRC_RES_54_3C", "["): "one list ends with an enumeration comma after its last State (越南、)",
    ("A_HRC_RES_54_20R", "["): "one list joins its last two States with a comma (Чехия, Чили), where "
    "the session's other Russian files print 'и'",
    ("A_HRC_RES_54_23S", "["): "one list joins its last two States with a comma (Rumania, Ucrania), "
    "where the session's other Spanish files print 'y'",
    ("A_HRC_RES_55_32A", "["): "the note prints the totals against and abstaining in words ('ثلاثة', "
    "'ثمانية') and both figures run together after the first ('ثلاثة 38،'); ours prints the figures, as "
    "the Council's other Arabic files do",
    ("A_HRC_RES_59_10_F", "31eséance7juillet2015"): "the closing date prints 7 juillet 2015 (its FRBR "
    "dates say 2015 too), in the session of 16 June to 8 July 2025, whose cover page prints 'le 7 juillet "
    "2025' (W705, W696 on import); ours prints the adoption date, 7 juillet 2025",
    ("A_HRC_RES_54_20S", "[Aprobadaenvotación"): "the list against prints 'Camerún China' without a comma "
    "between the two: the note counts 10, the list reads 9 (W622, W625 on import); ours prints the lists' totals",
}

# A class of defect found in the UN's files, each file of it named when the test runs: a list the
# note counts and the file names nobody in, whose heading the file prints with nothing after it
# (54/2, 54/20 and 54/27 in Arabic: "الممتنعون عن التصويت:" closes the note; 55/14 in Chinese:
# "反对：" stands between the other two lists). The importer keeps
# the total without names (W624) and we print no heading for a list without names.
EMPTY_LIST_HEADING = ("the file names nobody in a list (of none, or one the note counts: W624 on import) "
                      "and prints that list's heading ('{heading}') with nothing after it, which we do not print")
_UN_LETTER = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}


def _empty_list_heading(stem: str, missed: str, text: str) -> str | None:
    """The reason ``missed`` is not in ``text`` when it is the defect above, else None."""
    from unres.model import languages

    lab = languages.data(_UN_LETTER[stem[-1]])
    headings = {key: _squash(lab[key]) for key in ("in_favour", "against", "abstaining")}
    for key, heading in headings.items():
        # A heading with nothing after it: the note's end, or the next list's heading (55/14 in
        # Chinese: "反对：" between the lists in favour and abstaining).
        at = missed.find(heading)
        while at >= 0:
            after = missed[at + len(heading):]
            if (not after or after == "]" or any(after.startswith(h) for h in headings.values())) \
                    and missed[:at] + after in text:
                return EMPTY_LIST_HEADING.format(heading=lab[key])
            at = missed.find(heading, at + 1)
    return None


# A class of defect found in the UN's files (the Assembly's 77th session in Arabic: 77/63, 77/87): an
# origin line that types a bracket once more inside its document element ("(A/77/386، الفقرة 21("
# and then ")]"), one that pairs with none. The importer drops it (W665); we print the line with its
# brackets paired.
UNPAIRED_ORIGIN_BRACKET = ("the origin line types a bracket that pairs with none ('{bracket}' once more "
                           "inside the document element); the import drops it (W665) and we print the "
                           "line's brackets paired")


def _unpaired_origin_bracket(missed: str, text: str) -> str | None:
    """The reason ``missed`` is not in ``text`` when it is the defect above, else None."""
    if not missed.startswith("[") or not missed.endswith("]"):
        return None
    for opening, closing in ("()", "[]"):
        if missed.count(opening) == missed.count(closing):
            continue
        stray = opening if missed.count(opening) > missed.count(closing) else closing
        for at in (n for n, ch in enumerate(missed) if ch == stray):
            if missed[:at] + missed[at + 1:] in text:
                return UNPAIRED_ORIGIN_BRACKET.format(bracket=stray)
    return None


# A class of defect found in the UN's files (A/HRC/RES/55/15 in Arabic, filed as 55/16): the cover page
# types the language line after the title, away from the masthead it belongs to. The importer takes
# the date's place for it (W666) and we print it in the masthead, before the title.
AFTER_TITLE = "languageOfExpression after the title"
LANGUAGE_LINE_AFTER_TITLE = ("the cover page types its language line ('{line}') after the title, away from "
                             "the masthead (W666 on import); we print it in the masthead")


def _language_line_after_title(missed_item, text: str) -> str | None:
    """The reason the language line ``missed_item`` is not in ``text`` in the file's order when it
    is the defect above (the file's language line is found in our text all the same), else None."""
    _element, kind, missed = missed_item
    if kind == AFTER_TITLE and missed in text:
        return LANGUAGE_LINE_AFTER_TITLE.format(line=missed)
    return None


def _squash(text: str) -> str:
    """Compared without white space: the outputs lay lines out differently, the characters stay."""
    return re.sub(r"[\s\u00a0\u200b-\u200f\u2066-\u2069]+", "", unicodedata.normalize("NFC", text or ""))


def _un_strings(path):
    """(element, kind, text) for each printed line of the UN's coverPage, preface and conclusions."""
    root = etree.parse(str(path)).getroot()
    out = []
    # A <mainBody> after the closing lines prints the vote's note, labels and lists (57/36 in
    # Arabic, whose vote in the conclusions has empty lists): that is the vote's printed text.
    late = root.xpath(".//*[local-name()='conclusions']/following-sibling::*[local-name()='mainBody']")
    for element in ("coverPage", "preface", "conclusions"):
        el = root.find(f".//{{*}}{element}")
        if el is None:
            continue
        titled = False
        for p in el.iter("{*}p"):
            if late and p.find(".//{*}vote") is not None:
                out.append((element, "", _squash("".join("".join(body.itertext()) for body in late))))
                continue
            kind = next((c.get("name") for c in p.iter("{*}inline") if c.get("name")), "")
            if kind == "languageOfExpression" and titled:
                kind = AFTER_TITLE
            titled = titled or p.find(".//{*}docTitle") is not None
            dates = p.findall("./{*}event/{*}date")
            # The session's first and last days are two elements with nothing printed between them
            # in the file: each is a string of its own.
            pieces = ["".join(d.itertext()) for d in dates] if len(dates) == 2 else ["".join(p.itertext())]
            for piece in pieces:
                if _squash(piece):
                    out.append((element, kind, _squash(piece)))
    return out


def _repaired(strings, repairs_done):
    out = []
    for element, kind, text in strings:
        for name, (_reason, repair) in REPAIRS.items():
            if repair is None:
                continue
            fixed = repair(text)
            if fixed != text:
                repairs_done[name] = repairs_done.get(name, 0) + 1
                text = fixed
        out.append((element, kind, text))
    return out


def _pdf_texts(path):
    """Our PDF's first page, and all its pages after it (the closing lines stand before an annex),
    in reading order (an Arabic line right to left), without what a reader skips when a text runs
    on to the next page: the running header and page number, and the page's footnotes (set
    smaller, under the last line of text)."""
    pages = pdf_lines(path, rtl=None)
    sizes = Counter(round(line.size, 1) for _height, lines in pages for line in lines)
    body = sizes.most_common(1)[0][0]
    texts = []
    for index, (height, lines) in enumerate(pages):
        lines = [ln for ln in lines if ln.y > FOOTER_BAND and (index == 0 or height - ln.y > HEADER_BAND)]
        lowest = min((ln.y for ln in lines if abs(ln.size - body) < 0.5), default=0)
        texts.append("".join(ln.text for ln in lines if not (ln.size < 0.95 * body and ln.y < lowest)))
    return _squash(texts[0]), _squash("".join(texts[1:]))


def _in_order(strings, text):
    """The strings found in ``text`` one after another, and those that were not."""
    found, missed, at = [], [], 0
    for item in strings:
        where = text.find(item[2], at)
        if where < 0:
            missed.append(item)
        else:
            found.append(item)
            at = where + len(item[2])
    return found, missed


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    files = FILES[::int(SAMPLE)] if SAMPLE else FILES
    return import_and_build(files, tmp_path_factory.mktemp("un-strings"))


def import_and_build(files, folder):
    """Each UN file imported to a source and built: [(file, source)], and the output folder."""
    sources = []
    for path in files:
        res, _warnings = import_akn(path)
        md = folder / (path.stem + ".md")
        md.write_text(render_markdown(res), encoding="utf-8")
        sources.append((path, md))
    out = folder / "out"
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", *[str(md) for _, md in sources],
                             "-o", str(out), "-j", str(os.cpu_count() or 2), "-q"],
                            capture_output=True, text=True, timeout=3000)
    # The command line lists every source; a failure's traceback is at the start of what it says.
    assert result.returncode == 0, result.stderr[:4000]
    return sources, out


def test_the_uns_printed_strings_are_ours_in_every_output(built):
    assert compare_printed_strings(*built) == []


def compare_printed_strings(sources, out) -> list:
    """Each UN file's printed strings looked for in order in our outputs built from it; the share
    is printed, and what is missing without a named reason returned."""
    total, ok, missing, repairs, defects = 0, 0, [], {}, []
    for path, md in sources:
        stem = md.stem
        strings = _repaired(_un_strings(path), repairs)
        page = lxml_html.fromstring((out / f"{stem}.html").read_bytes())
        html_text = _squash(page.find(".//body").text_content())
        akn = etree.parse(str(out / f"{stem}.akn.xml")).getroot()
        first, rest = _pdf_texts(out / f"{stem}.pdf")
        outputs = {"html": html_text, "pdf": first + rest}
        for element in ("coverPage", "preface", "conclusions"):
            el = akn.find(f".//{{*}}{element}")
            outputs[f"akn {element}"] = _squash("".join(el.itertext())) if el is not None else ""
        for name, text in outputs.items():
            wanted = strings if not name.startswith("akn") else [s for s in strings if s[0] == name[4:]]
            if name == "pdf":     # the cover page and the title are the first page's
                pdf_first, pdf_all = first, first + rest
                if any(_ARABIC_MARKS_RE.search(s[2]) for s in wanted):
                    repairs[PDF_MARKS] = repairs.get(PDF_MARKS, 0) + sum(
                        1 for s in wanted if _ARABIC_MARKS_RE.search(s[2]))
                    wanted = [(e, k, _ARABIC_MARKS_RE.sub("", t)) for e, k, t in wanted]
                    pdf_first, pdf_all = _ARABIC_MARKS_RE.sub("", first), _ARABIC_MARKS_RE.sub("", first + rest)
                found, missed = _in_order([s for s in wanted if s[0] != "conclusions"], pdf_first)
                found2, missed2 = _in_order([s for s in wanted if s[0] == "conclusions"], pdf_all)
                found, missed = found + found2, missed + missed2
            else:
                found, missed = _in_order(wanted, text)
            total += len(wanted)
            ok += len(found)
            for m in missed:
                reason = next((why for (file, start), why in UN_FILE_DEFECTS.items()
                               if file == stem and (m[2].startswith(start) or (
                                   name == "pdf" and m[2].startswith(_ARABIC_MARKS_RE.sub("", start))))),
                              None)
                reason = reason or _empty_list_heading(stem, m[2], pdf_all if name == "pdf" else text) \
                    or _unpaired_origin_bracket(m[2], pdf_first if name == "pdf" else text) \
                    or _language_line_after_title(m, pdf_first if name == "pdf" else text)
                (defects if reason else missing).append((stem, name, m[2][:60], reason or ""))
    share = ok / total if total else 0
    print(f"\nUN printed strings found in order: {ok} of {total} ({share:.1%}) over {len(sources)} files")
    for name, count in repairs.items():
        print(f"  repaired ({name}, {count} strings): {REPAIRS[name][0]}")
    for row in defects:
        print("  a defect of the UN's file:", *row)
    for row in missing:
        print("  missing:", *row[:3])
    return missing
