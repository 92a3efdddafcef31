"""The UN's Akoma Ntoso files (AKN4UN) -> model.

``import_akn`` reads one UN file as published and returns the numbered model
together with warnings about what it had to interpret; ``read_akn`` returns
the model alone. The UN's eIds are ignored (they skip: operative paragraph 1
may be ``para_8``): numbers, labels and eIds are recomputed by
:func:`unres.model.transforms.finalize`, and the UN's own ``<num>`` values are then
checked against them so that an import never renumbers silently.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Optional, Union

from ...errors import Diagnostic, SourceError, error, warning
from ...model import citations, heading_styles, languages, transforms
from ...model.document import (AdoptedText, Annex, Emph, Formula, Heading, LineBreak, OperativeParagraph,
                               Paragraph, Part, PreambularParagraph, NoteRef, Resolution, Section, Strong, SubParagraph,
                               Subscript, Superscript, Table, Text,
                               ends_with_colon, is_formula, plain_text, walk_inlines)
from ...model.presentation import LANGUAGES
from ...xmlsafe import parse_file
from .inlines import AKN_NS, InlineContext, collapse, convert, local, normalise, plain
from .inlines import _raw_element as raw_element
from .meta import printed_strings, read_meta
from .repair import (MAX_DEPTH, TYPED_LABEL_RE, LabelNester, ends_closed, ends_with_comma, label_key, lookalike,
                     join_split_preamble, move_meeting_line, next_key, reads_as_heading, reads_as_line,
                     opens_with_phrase, printed_form, typed_label, vote_after_conclusions, note_brackets_facing,
                     quoted_points, operative_in_sublist, decimal_number,
                     HYPHEN)
from .votes import ref as ref_value

_AKN4UN_NS = "http://un.org/akn4un"
_BCP47_BY_ISO = {iso: bcp for _name, (iso, bcp) in LANGUAGES.items()}

# A number typed into the text of a paragraph that lacks <num>: " 5\tEncourages"; a direction
# mark may follow it, invisible in print ("6.\u200e\tReaffirms", 75/248); the Arabic versions
# type "1 -\t" for the "1-" they print.
_TYPED_NUMBER_RE = re.compile(r"^\s*(\d{1,3})(?:\.| ?-)?([\u200e\u200f]?)(?=\s)")
# The letter of a part as the preface prints it: "A", "B" (Latin in every language version).
_PART_LETTER_RE = re.compile(r"^\s*[A-Z]\s*$")
_ANNEX_LABEL_RE = re.compile(r"^(annex|annexe|anexo|приложение|المرفق|附件)\b", re.IGNORECASE)
# A section's label as the Fifth Committee's resolutions print it: "I", "XIII", "A".
_SECTION_LABEL_RE = re.compile(r"[IVXLC]+|[A-Z]")


def import_akn(path: Union[str, Path]) -> tuple[Resolution, list[Diagnostic]]:
    """Read a UN Akoma Ntoso file; return the model and the warnings met on the way.

    Raises :class:`SourceError` (with file:line) for what cannot be mapped.
    """
    name = str(path)
    tree = parse_file(path, name)
    builder = _Builder(name)
    res, checks = builder.build(tree.getroot())
    res = citations.link_citations(transforms.finalize(res))
    res.meta.quotes = _quotes(res, tree.getroot(), builder.ctx)
    _check_numbers(checks, builder.ctx)
    _check_markers(builder.ctx)
    warnings = sorted(builder.ctx.warnings, key=lambda d: d.loc.line if d.loc else 0)
    return res, warnings


def _quotes(res: Resolution, root, ctx) -> Optional[str]:
    """'straight' when the text types a quotation mark or apostrophe straight: the source then
    reads as the file does ("…", l'homme) and prints the mark as the file has it. unres's own
    files say so in their proprietary metadata."""
    if ctx.own:
        own = root.find("./{*}statement/{*}meta/{*}proprietary/{urn:unres:source}source")
        return own.get("quotes") if own is not None else None
    for _owner, inlines, _set in citations.inline_lists(res):
        for node in walk_inlines(inlines or []):
            if isinstance(node, Text) and ('"' in node.text or "'" in node.text):
                return "straight"
    return None


def read_akn(path: Union[str, Path]) -> Resolution:
    """The model of a UN Akoma Ntoso file (warnings are discarded; see import_akn)."""
    return import_akn(path)[0]


def import_diagnostics(path: Union[str, Path]) -> list[Diagnostic]:
    """Only the warnings of importing ``path`` (for ``unres check``-style listings)."""
    return import_akn(path)[1]


# -------------------------------------------------------------------- builder
class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.ctx = InlineContext(path)
        self.errors: list[Diagnostic] = []
        # (block, the UN's <num> text, element) for every numbered block, in order.
        self.numbered: list = []
        # The label each sub-paragraph printed, by id: the first of a list says its scheme.
        self.printed_labels: dict = {}
        # Every sub-paragraph with an entry above, kept alive with the builder: an id is unique
        # only while its object lives, and a freed one's id given to a new object would read
        # the freed one's label.
        self.labelled: list = []
        # Headings the converter left after the last operative paragraph that open the first annex.
        self.annex_lead: list = []
        # The <list>s of points an amendment quotes (W700), and the sub-paragraph lists read from
        # them: the quoted resolution's, which no label typed after them continues.
        self.quoted_lists: list = []
        self.quoted_levels: list = []

    def fail(self, el, message: str, code: str) -> None:
        self.errors.append(error(self.ctx.loc(el), message, code))

    def build(self, root):
        if local(root) != "akomaNtoso":
            raise SourceError(error(self.ctx.loc(root), f"root element is <{local(root)}>, "
                                                        "not <akomaNtoso>", "E610"))
        if etree_ns(root) != AKN_NS:
            self.ctx.warn(root, f"namespace {etree_ns(root)!r} is not Akoma Ntoso 3.0 ({AKN_NS}); "
                                "read as if it were", "W610")
        docs = [c for c in root if isinstance(c.tag, str)]
        components = []
        if [local(d) for d in docs] == ["documentCollection", "components"]:
            # Resolutions A, B … published together (A/RES/75/101 A-B): the collection holds the
            # cover page, the resolution's number and title and the vote; each component a part.
            components = [st for comp in _elements(docs[1]) for st in _elements(comp)
                          if local(st) == "statement"]
            if not components:
                raise SourceError(error(self.ctx.loc(docs[1]), "a document collection without "
                                                               "resolutions in its components", "E610"))
            docs = docs[:1]
        if len(docs) != 1:
            raise SourceError(error(self.ctx.loc(root), "expected exactly one document inside "
                                                        "<akomaNtoso>", "E610"))
        statement = docs[0]
        if components:
            pass
        elif local(statement) != "statement" or statement.get("name") != "resolution":
            self.ctx.warn(statement, f"<{local(statement)} name=\"{statement.get('name')}\"> is read as "
                                     "a resolution", "W611")
        lang_el = statement.find("./{*}meta/{*}identification/{*}FRBRExpression/{*}FRBRlanguage")
        lang_iso = (lang_el.get("language") if lang_el is not None else "") or "eng"
        lang = _BCP47_BY_ISO.get(lang_iso, "en")
        self.ctx.code = lang
        if lang_el is None:
            self.ctx.warn(statement, "no FRBRlanguage; the document is read as English", "W609")

        self.ctx.own = statement.find("./{*}meta/{*}proprietary/{urn:unres:source}source") is not None
        conclusions = components[-1].find("./{*}conclusions") if components else None
        if not components and not self.ctx.own:
            join_split_preamble(statement, self.ctx)
            move_meeting_line(statement, lang, self.ctx)
            vote_after_conclusions(statement, self.ctx)
            note_brackets_facing(statement, self.ctx)
            self.quoted_lists = quoted_points(statement, self.ctx)
            operative_in_sublist(statement, self.ctx)
        meta = read_meta(statement, lang_iso, lang, self.ctx, self.errors, conclusions)
        if meta is None and not self.errors:
            raise SourceError(error(self.ctx.loc(statement), "the front matter cannot be read", "E621"))
        if any(d.code == "E650" for d in self.errors):
            raise SourceError(self.errors)
        header = self.part_header(statement)
        if components:
            parts = [self.part(st, self.part_header(st)) for st in components]
        else:
            parts = [self.part(statement, header)]
        annexes = self.annexes(statement)
        for st in components:
            annexes += self.annexes(st)
        if self.errors or meta is None:
            raise SourceError(sorted(self.errors, key=lambda d: d.loc.line if d.loc else 0))
        meta.printed = printed_strings(statement, meta, parts, self.ctx)
        res = Resolution(meta=meta, parts=parts, annexes=annexes,
                         footnotes=list(self.ctx.footnotes), source=self.path)
        return res, self.numbered

    def part_header(self, statement):
        """(letter, title inlines) of a part, from its preface: "A" and its title under the
        resolution's own number and title; (None, None) when the text is not in parts. A footnote
        on the letter (how a part published later says what the first one became) is kept at
        the head of the title."""
        preface = statement.find("./{*}preface")
        if preface is None:
            return None, None
        items = [el for el in preface.iter("{*}docNumber", "{*}docTitle")]
        for index, el in enumerate(items):
            if local(el) == "docNumber" and (ref_of(el) == "letter" or _PART_LETTER_RE.match(plain(el))):
                letter = plain(el).strip()
                notes = [n for n in convert(el, self.ctx) if isinstance(n, NoteRef)]
                for sibling in el.itersiblings():
                    if local(sibling) in ("docNumber", "docTitle"):
                        break
                    if local(sibling) == "authorialNote":
                        notes += [n for n in raw_element(sibling, self.ctx) if isinstance(n, NoteRef)]
                title = None
                if index + 1 < len(items) and local(items[index + 1]) == "docTitle":
                    title = convert(items[index + 1], self.ctx)
                if notes:
                    title = notes + ([Text(" ")] + title if title else [])
                return letter, title
        return None, None

    # ------------------------------------------------------------------ body
    def part(self, statement, header=(None, None)) -> Part:
        preamble_el = statement.find("./{*}preamble")
        for extra in statement.findall("./{*}preamble")[1:]:
            self.fail(extra, "a second <preamble>, which cannot be placed: a preamble in pieces is read "
                             "as one only around a <mainBody> of unnumbered paragraphs of words", "E613")
        formula, preamble = None, []
        if preamble_el is None:
            self.ctx.warn(statement, "no <preamble>", "W640")
        else:
            formula, preamble = self.preamble(preamble_el)
        operative, opening, adopted, sections, unnumbered = [], None, None, [], False
        bodies = statement.findall("./{*}mainBody")
        closing = statement.find("./{*}conclusions")
        if closing is not None:
            for late in closing.itersiblings("{*}mainBody", "{*}preamble"):
                self.fail(late, f"a <{local(late)}> after <conclusions> cannot be placed: print shows "
                                "the closing lines last (only a recorded vote's lists, printed there "
                                "again under its note and labels, are read back into the vote)", "E633")
            bodies = [body for body in bodies if closing not in body.itersiblings(preceding=True)]
        if not bodies:
            self.fail(statement, "no <mainBody>: the resolution has no operative paragraphs", "E611")
        else:
            for extra in bodies[1:]:
                self.ctx.warn(extra, "a second <mainBody>: its paragraphs continue the first's, as "
                                     "printed", "W659")
            children = [el for body in bodies for el in _elements(body)]
            section_els = [el for el in children if local(el) == "section"]
            own, above = children, {}
            if section_els:
                # Headings right above a section (paragraphs holding only a heading, as unres
                # writes them) are printed over its label.
                own = children[:children.index(section_els[0])]
                waiting = []
                while own and local(own[-1]) == "paragraph" and (heading := self.operative_heading(own[-1])):
                    waiting.insert(0, (own.pop(), heading))
                for el in children[children.index(section_els[0]):]:
                    if local(el) == "section":
                        above[el], waiting = [heading for _el, heading in waiting], []
                    elif local(el) == "paragraph" and (heading := self.operative_heading(el)):
                        waiting.append((el, heading))
                    else:
                        self.fail(el, f"<{local(el)}> after a <section> of the main body cannot be "
                                      "mapped", "E632")
                for el, _heading in waiting:
                    self.fail(el, "a heading after the last <section> cannot be placed", "E632")
            if own or not section_els:
                moved, operative, opening, adopted = self.operative(bodies, own)
                # Its one operative paragraph printed without a number (A/RES/75/13), as printed.
                unnumbered = self.unnumbered_read
                preamble += moved
                self.within_depth(operative, 1)
            sections = self.sections(section_els, above)
        label, title = header
        return Part(label=label, title=title, formula=formula, preamble=preamble, operative=operative,
                    loc=self.ctx.loc(preamble_el if preamble_el is not None else statement), opening=opening,
                    adopted=adopted, sections=sections, unnumbered=unnumbered)

    def sections(self, elements, above: dict) -> list:
        """The sections the main body's <section>s print: each its label (<num>, or the heading
        that reads "I", "A"), the headings above the label, its titles, its <crossHeading>s (set as
        its preamble) and its paragraphs, numbered from 1 again. A label after paragraphs opens
        the next section, whose headings the UN left inside the element before; the next element
        then holds the rest of that section."""
        runs, run = [], None
        for element in elements:
            if run is not None and (run["body"] or run["preamble"]):
                run = None
            kids = _elements(element)
            if not kids:
                self.fail(element, "an empty <section> cannot be mapped", "E632")
            for child in kids:
                name = local(child)
                words = plain(child).strip()
                label = name == "num" or (name in ("heading", "subheading")
                                          and _SECTION_LABEL_RE.fullmatch(words) is not None)
                if label and run is not None and (run["body"] or run["preamble"]):
                    self.ctx.warn(child, f"section {words}'s label follows section {run['label']}'s "
                                         "paragraphs inside one <section> element; read as a section "
                                         "of its own, as printed", "W664")
                    run = None
                if run is None:
                    run = {"label": None, "el": child, "heads": [], "titles": [], "preamble": [], "body": [],
                           "above": above.pop(element, [])}
                    runs.append(run)
                if label and run["label"] is None:
                    run["label"], run["el"] = words, child
                elif label:
                    self.fail(child, f"a second label ({words}) for section {run['label']} cannot be "
                                     "mapped", "E632")
                elif name in ("heading", "subheading") and not run["body"] and not run["preamble"]:
                    run["titles" if run["label"] is not None else "heads"].append(child)
                elif name == "crossHeading" and not run["body"]:
                    run["preamble"].append(child)
                elif name == "paragraph":
                    run["body"].append(child)
                else:
                    self.fail(child, f"<{name}> in a <section> cannot be mapped", "E632")
        out = []
        for run in runs:
            if run["label"] is None:
                self.fail(run["el"], "a <section> with no label (I, II … or A, B …) cannot be mapped", "E632")
            elif not _SECTION_LABEL_RE.fullmatch(run["label"]):
                self.fail(run["el"], f"a section's label {run['label']!r} (not a Roman numeral or a capital "
                                     "letter) cannot be written", "E632")
            else:
                out.append(self.section(run))
        return out

    def section(self, run) -> Section:
        headings = list(run["above"])
        for head in run["heads"]:
            level = heading_styles.level_of(re.sub(r"\s+", "", head.get("class") or ""), local(head))
            headings.append(Heading(level, _unbold(convert(head, self.ctx)), loc=self.ctx.loc(head)))
        titles = [_unbold(convert(title, self.ctx)) for title in run["titles"]]
        preamble = [para for cross in run["preamble"] for para in self.preambular_p(cross, None)]
        operative, text = [], None
        body = run["body"]
        numbered = any(_num(p) is not None or _TYPED_NUMBER_RE.match(plain(p)) for p in body)
        if numbered:
            moved, operative, opening, adopted = self.operative([run["el"].getparent()], body)
            preamble += moved
            if opening is not None or adopted is not None:
                self.fail(body[0], f"an unnumbered paragraph opening section {run['label']}'s numbered "
                                   "ones cannot be mapped", "E632")
            self.within_depth(operative, 1)
        elif body:
            # The one unnumbered paragraph the section decides in; sub-paragraphs typed as
            # paragraphs of their own after it ("(a)\tField Security Operations …") are its.
            first = self.paragraph(body[0])
            recovery = _OperativeRecovery(self, [[p, None, self.paragraph(p)] for p in body[1:]])
            recovery.paragraphs = [first]
            recovery.run()
            if len(recovery.paragraphs) > 1 or recovery.preamble or first.wrapup is not None \
                    or first.under or any(c.children or c.wrapup for c in first.children):
                self.fail(body[0], f"section {run['label']}'s unnumbered paragraphs cannot be mapped: a "
                                   "section without numbered paragraphs decides in one paragraph (and "
                                   "a list of sub-paragraphs under its words)", "E632")
            text = PreambularParagraph(first.inlines, children=first.children, sub_scheme=first.sub_scheme,
                                       loc=first.loc)
        else:
            self.fail(run["el"], f"section {run['label']} has no paragraph", "E632")
        return Section(label=run["label"], titles=titles, preamble=preamble, operative=operative, text=text,
                       headings=headings, loc=self.ctx.loc(run["el"]))

    def formula_pieces(self, el) -> list:
        """The formula's inlines, a formula set in several styled pieces made one run (W628 when
        the file's line breaks between pieces fell inside a word)."""
        inlines = self.joined(el)
        one = _one_run(inlines, _organ_names(self.ctx.code))
        if one is None:
            return inlines
        run, dropped = one
        if dropped:
            self.ctx.warn(el, f"the formula is set in {sum(isinstance(n, (Emph, Strong)) for n in inlines)} "
                              f"styled pieces with the file's line breaks between them, {dropped} of them inside "
                              f"a word; read as one run, {plain_text(run)!r}", "W628")
        return run

    def preamble(self, el):
        formula, paragraphs = None, []
        for child in _elements(el):
            name = local(child)
            if name == "formula":
                if formula is not None or paragraphs:
                    self.fail(child, "a second formula, or a formula after preambular paragraphs", "E612")
                    continue
                formula = Formula(_formula_inlines(self.formula_pieces(child)), loc=self.ctx.loc(child))
            elif name in ("container", "recital", "citation"):
                paragraphs += self.preambular(child, paragraphs)
            elif name in ("recitals", "citations"):
                for item in _elements(child):
                    if local(item) in ("recital", "citation"):
                        paragraphs += self.preambular(item, paragraphs)
                    elif local(item) != "intro":
                        self.fail(item, f"<{local(item)}> in <{name}> cannot be mapped", "E613")
            elif name == "p":
                paragraphs += self.preambular_p(child, None)
            elif name == "blockList":
                # The items the preambular paragraph above introduces, as print shows them under
                # it ("… a major contribution to:" then "(a) International peace …", 75/55), or
                # a paragraph of its own when the list holds its introduction.
                paragraphs += self.preambular_list(child, paragraphs, None)
            else:
                self.fail(child, f"<{name}> in the preamble cannot be mapped", "E613")
        return formula, paragraphs

    def preambular_list(self, block_list, before: list, name: Optional[str]) -> list:
        """The preambular paragraph a <blockList> gives (none when its items are those of the
        paragraph before it). Its <listIntroduction>, when it has words, is the paragraph whose
        words introduce the items (S/RES/2687 (2023) in Chinese: "认识到……包括为此而加强：" then
        ㈠ … ㈩); without one, the items are those of the paragraph above (75/55: the list after
        the container of "… a major contribution to:", or in a container of its own)."""
        intro = [c for c in _elements(block_list) if local(c) == "listIntroduction"]
        for extra in intro[1:]:
            self.fail(extra, "a second <listIntroduction> in a preambular paragraph's list cannot be "
                             "mapped", "E613")
        for wrap in (c for c in _elements(block_list) if local(c) == "listWrapUp"):
            self.fail(wrap, "words after the items of a preambular paragraph's list cannot be written: "
                            "a preambular paragraph ends with its last item", "E613")
        out = self.preambular_p(intro[0], name) if intro and plain(intro[0]).strip() else []
        owner = (out or before or [None])[-1]
        if owner is None or owner.children:
            self.fail(block_list, "a preambular paragraph's list with no words of its own before it to "
                                  "introduce it (a <listIntroduction>, or a paragraph above without a "
                                  "list)", "E614")
            return out
        self.introduced(owner, block_list)
        return out

    def introduced(self, para, block_list) -> None:
        """A preambular paragraph's sub-paragraphs: the <item>s of a <blockList>, each its label
        (<num>, or typed at the start of its words) and words."""
        if not ends_with_colon(para.inlines):
            # The source says such a list only under words that end with a colon: a lettered list
            # under words that end otherwise is a misnumbered operative paragraph (E207).
            self.fail(block_list, "a preambular paragraph's list under words that do not end with a "
                                  "colon cannot be written", "E613")
        for item in _elements(block_list):
            if local(item) in ("listIntroduction", "listWrapUp"):
                continue
            if local(item) != "item":
                self.fail(item, f"<{local(item)}> in a list of a preambular paragraph cannot be mapped", "E613")
                continue
            words = [c for c in _elements(item) if local(c) == "p"]
            others = [c for c in _elements(item) if local(c) not in ("p", "num")]
            if len(words) != 1 or others:
                self.fail(item, "an item of a preambular paragraph's list holds one paragraph of words "
                                "and nothing else", "E613")
                continue
            num = _num(item)
            inlines = convert(words[0], self.ctx)
            labelled = typed_label(inlines) if num is None else None
            if labelled is not None:
                num, inlines = labelled
                self.ctx.warn(item, f"the sub-paragraph's label {num} is typed in its text, not in <num>; "
                                    "taken as its label", "W662")
            if not inlines:
                self.fail(item, "empty sub-paragraph", "E616")
                continue
            sub = SubParagraph(inlines, loc=self.ctx.loc(item))
            self.label(sub, num)
            if num is not None:
                self.lookalike(item, num)
            self.numbered.append((sub, num, item))
            para.children.append(sub)
        para.sub_scheme = self.scheme_of(para.children)

    def preambular(self, el, before: list) -> list:
        """The preambular paragraphs of a <container> (or recital): its <p>s, and the items of
        the list after them, if any, under the last words before it: a <p>'s (unres writes it
        so), the list's own <listIntroduction>'s (S/RES/2687 (2023) in Chinese), or, in a
        container holding the list alone, those of the paragraph above (``before``)."""
        ps = [c for c in _elements(el) if local(c) == "p"]
        lists = [c for c in _elements(el) if local(c) == "blockList"]
        seen_list = late = False
        for other in _elements(el):
            if local(other) not in ("p", "num", "blockList") or (local(other) == "blockList" and len(lists) > 1):
                self.fail(other, f"<{local(other)}> in a preambular paragraph cannot be mapped", "E613")
            elif local(other) == "p" and seen_list and not late:
                self.fail(other, "words after the items of a preambular paragraph's list cannot be "
                                 "written: a preambular paragraph ends with its last item", "E613")
                late = True
            seen_list = seen_list or local(other) == "blockList"
        if late:
            return []
        if not ps and not lists:
            self.fail(el, "empty preambular paragraph", "E614")
            return []
        name = el.get("name") if local(el) == "container" else None
        intro = [c for c in _elements(lists[0]) if local(c) == "listIntroduction"
                 and plain(c).strip()] if lists else []
        if len(ps) + len(intro[:1]) > 1:
            self.ctx.warn(el, f"preambular <{local(el)}> holds {len(ps) + len(intro[:1])} paragraphs; "
                              "each is imported as a preambular paragraph", "W641")
        out = []
        for p in ps:
            out += self.preambular_p(p, name)
        if lists:
            out += self.preambular_list(lists[0], before + out, name)
        return out

    def preambular_p(self, p, name: Optional[str]) -> list:
        inlines = convert(p, self.ctx)
        if not inlines:
            self.ctx.warn(p, "empty preambular paragraph skipped", "W642")
            return []
        para = PreambularParagraph(inlines, loc=self.ctx.loc(p))
        phrase = para.opening_phrase
        if name is not None and phrase and _name_key(name) != _name_key(phrase):
            self.ctx.warn(p, f"container name {name!r} differs from the italic opening phrase "
                             f"{phrase!r}", "W643")
        return [para]

    def operative(self, bodies, elements=None) -> tuple[list, list, Optional[Paragraph], Optional[AdoptedText]]:
        """(preambular paragraphs found in the main body, operative paragraphs, the unnumbered
        paragraph that opens them, if any, and the text that paragraph adopts, if any), from
        ``elements`` (the bodies' children when None)."""
        # Whether the one operative paragraph read is printed without a number (Part.unnumbered).
        self.unnumbered_read = False
        if elements is None:
            elements = [el for body in bodies for el in _elements(body)]
        first = elements[:1]
        if first and first[0].find("./{*}content/{*}p/{*}embeddedStructure") is not None:
            return self.own_adopted(first[0], elements[1:])
        entries = []                 # [element, printed number or None, paragraph]
        for el in elements:
            if local(el) == "container" and (heading := self.container_heading(el)) is not None:
                entries.append([el, None, heading])
                continue
            if self.table_of(el) is not None:
                # Print sets it under the words of the paragraph above, as its table, with the
                # headings between them (75/246: "A. Pension Administration", a table, "B. …",
                # another table).
                headings = 0
                while headings < len(entries) and isinstance(entries[-1 - headings][2], Heading):
                    headings += 1
                owner = entries[-1 - headings] if headings < len(entries) else None
                last = owner[2] if owner else None
                if isinstance(last, OperativeParagraph) and owner[1] is not None \
                        and not last.children and last.wrapup is None:
                    last.under += [heading for _el, _num, heading in entries[len(entries) - headings:]]
                    last.under.append(self.table(self.table_of(el)))
                    del entries[len(entries) - headings:]
                else:
                    self.fail(el, "a table that follows no numbered paragraph's words (sub-paragraphs, "
                                  "an unnumbered paragraph) cannot be mapped", "E615")
                continue
            if local(el) == "paragraph" and _num(el) is None and entries and entries[-1][1] is not None \
                    and isinstance(entries[-1][2], OperativeParagraph) and entries[-1][2].under \
                    and not isinstance(entries[-1][2].under[-1], Heading) \
                    and self.operative_heading(el) is None:
                # Words under a paragraph's table (the UN's FootnoteText): a note of the table's.
                note, children, wrapup = self.structured(el)
                if children or wrapup is not None or not note:
                    self.fail(el, "an unnumbered paragraph with sub-paragraphs (or none of its own words) "
                                  "under a table cannot be placed", "E617")
                else:
                    entries[-1][2].under.append(Paragraph(note, loc=self.ctx.loc(el)))
                continue
            if local(el) != "paragraph":
                self.fail(el, f"<{local(el)}> in the operative part cannot be mapped; expected "
                              "<paragraph>", "E615")
                continue
            heading = self.operative_heading(el)
            entries.append([el, None, heading] if heading is not None
                           else [el, _num(el), self.paragraph(el)])
        entries = self.annex_heads_left_behind(bodies[-1].getparent(), entries)
        for entry in entries:
            el, num, para = entry
            if num is not None and not num.rstrip(".").isdigit() and TYPED_LABEL_RE.match(num + " "):
                # A sub-paragraph's label in <num> of a paragraph of its own: typed, in effect.
                para.inlines = [Text(num + " ")] + para.inlines
                entry[1] = None
        if _adopts(entries):
            return [], [], Paragraph(entries[0][2].inlines, loc=entries[0][2].loc), self.adopted_text(entries)
        recovered = _OperativeRecovery(self, entries)
        moved, paragraphs = recovered.run()
        self.unnumbered_read = recovered.lone_unnumbered
        return moved, paragraphs, recovered.opening, None

    def adopted_text(self, entries) -> AdoptedText:
        """What follows "Adopts the following declaration:" and a heading, to the end of the main
        body: the declaration, its title the heading, its paragraphs numbered of their own; print
        shows it so (75/1). An unnumbered paragraph of it ("* * *") is a paragraph of its own."""
        title_el, _num, title = entries[1]
        blocks = []
        for el, num, para in entries[2:]:
            if num is None and not isinstance(para, Heading):
                num = self.typed_number(para, el, sum(isinstance(b, OperativeParagraph) for b in blocks) + 1)
            if isinstance(para, Heading):
                blocks.append(para)
            elif num is not None:
                blocks.append(para)
                self.numbered.append((para, num, el))
            elif para.children or para.wrapup is not None or not para.inlines:
                self.fail(el, "an unnumbered paragraph with sub-paragraphs (or none of its own words) in "
                              "an adopted text cannot be placed", "E617")
            else:
                blocks.append(Paragraph(para.inlines, loc=para.loc))
        return AdoptedText(title=title.inlines, blocks=blocks, loc=self.ctx.loc(title_el))

    def own_adopted(self, el, rest):
        """unres's own opening paragraph and the <embeddedStructure> it holds, as its writer
        writes them; no paragraph follows them."""
        own, structure = el.find("./{*}content/{*}p"), el.find("./{*}content/{*}p/{*}embeddedStructure")
        opening = Paragraph(convert(own, self.ctx), loc=self.ctx.loc(el))
        heading = structure.find("./{*}heading")
        adopted = AdoptedText(title=convert(heading, self.ctx) if heading is not None else None,
                              blocks=self.own_blocks([c for c in _elements(structure) if local(c) != "heading"]),
                              loc=self.ctx.loc(structure))
        for extra in rest:
            self.fail(extra, f"<{local(extra)}> after an adopted text cannot be mapped", "E617")
        return [], [], opening, adopted

    def container_heading(self, el) -> Optional[Heading]:
        """A heading typed as a <container> of one <p> between operative paragraphs (the Security
        Council's "Reporting and Consultation" above paragraph 31 of 2550 (2020)): words alone,
        which print shows as the heading above the paragraph after it."""
        kids = _elements(el)
        if len(kids) != 1 or local(kids[0]) != "p":
            return None
        inlines = convert(kids[0], self.ctx)
        if not reads_as_heading(inlines):
            return None
        self.ctx.warn(el, "a <container> of words alone between operative paragraphs: a heading "
                          "typed as a container; read as a heading", "W697")
        return Heading(heading_styles.SUBHEADING_FROM, _unbold(inlines, (Emph, Strong)), loc=self.ctx.loc(el))

    def annex_heads_left_behind(self, statement, entries: list) -> list:
        """The first annex's label and title the converter left at the end of the main body
        ("Приложение A" and its title after paragraph 38, S/RES/2551 (2020) in Russian; the other
        versions open the attachment with them): headings alone after the last paragraph, the
        first an annex's label, with an attachment to open. They are that annex's, as printed."""
        tail = len(entries)
        while tail and isinstance(entries[tail - 1][2], Heading):
            tail -= 1
        if tail == len(entries) or statement.find("./{*}attachments/{*}attachment") is None \
                or not _ANNEX_LABEL_RE.match(plain_text(entries[tail][2].inlines).strip()):
            return entries
        self.ctx.warn(entries[tail][0], "the first annex's label and title are left at the end of the "
                                        "main body; moved to the annex they open", "W695")
        self.annex_lead = [el for el, _num, _heading in entries[tail:]]
        return entries[:tail]

    def operative_heading(self, el) -> Optional[Heading]:
        """The heading a <paragraph> holds when it holds nothing else (and perhaps its label):
        how the UN writes a heading between operative paragraphs, its style as the class
        (``<paragraph class="H23"><subheading>Arms Embargo</subheading>``)."""
        kids = [c for c in _elements(el) if local(c) != "num"]
        if len(kids) != 1 or local(kids[0]) not in ("heading", "subheading"):
            return None
        inlines = _unbold(convert(kids[0], self.ctx))
        num = _num(el)
        if num is not None:
            # A heading's own label ("(i)" over the exemptions, "A." over a section) is printed
            # before its words; a file that also typed it in the words prints it once.
            if plain_text(inlines).strip().startswith(num):
                self.ctx.warn(el, f"the heading's label {num} is typed in its text as well as in "
                                  "<num>; printed once", "W691")
            else:
                inlines = normalise([Text(num + " ")] + inlines)
        if not inlines:
            self.fail(el, "an empty heading", "E616")
        level = heading_styles.level_of(re.sub(r"\s+", "", el.get("class") or ""), local(kids[0]))
        return Heading(level, inlines, loc=self.ctx.loc(el))

    def within_depth(self, items, depth: int) -> None:
        """Sub-paragraphs nested deeper than the source format's four levels ((a), (i), a., i.)
        cannot be written; refused at the first such point."""
        for item in items:
            for child in item.children:
                if depth > MAX_DEPTH:
                    self.errors.append(error(child.loc, f"sub-paragraphs nested more than {MAX_DEPTH} "
                                                        "levels cannot be mapped", "E618"))
                    return
                self.within_depth([child], depth + 1)

    def typed_number(self, para, el, expected: int) -> Optional[str]:
        """The paragraph's number when it was typed into the text instead of <num>."""
        first = para.inlines[0] if para.inlines else None
        found = _TYPED_NUMBER_RE.match(first.text) if isinstance(first, Text) else None
        if not found or int(found.group(1)) != expected:
            return None
        rest = first.text[found.end():].lstrip(" ")
        para.inlines = ([Text(rest)] if rest else []) + para.inlines[1:]
        mark = " (with an invisible direction mark after it, dropped)" if found.group(2) else ""
        self.ctx.warn(el, f"paragraph number {expected} is typed in the text, not in <num>{mark}; "
                          "taken as the number", "W649")
        return f"{expected}."

    def paragraph(self, el) -> OperativeParagraph:
        inlines, children, wrapup = self.structured(el)
        para = OperativeParagraph(inlines, children=children, wrapup=wrapup, loc=self.ctx.loc(el),
                                  sub_scheme=self.scheme_of(children))
        # unres's own files write what a paragraph prints under its words in its <content>, after
        # the words: its tables, a heading as the <tblock> it opens, a note as <p class="note">.
        content = el.find("./{*}content")
        if content is not None:
            para.under = self.own_under(content)
        return para

    def own_under(self, holder) -> list:
        out = []
        for child in _elements(holder):
            if local(child) == "table":
                out.append(self.table(child))
            elif local(child) == "tblock":
                heading = child.find("./{*}heading")
                if heading is None:
                    self.fail(child, "a <tblock> without its <heading> cannot be mapped", "E619")
                    continue
                out.append(Heading(heading_styles.level_of(re.sub(r"\s+", "", child.get("class") or ""), "heading"),
                                   convert(heading, self.ctx), loc=self.ctx.loc(child)))
                out += self.own_under(child)
            elif _is_note(child):
                out.append(Paragraph(convert(child, self.ctx), loc=self.ctx.loc(child)))
        return out

    def scheme_of(self, children) -> str:
        """The scheme the first sub-paragraph's printed label shows ((i) directly under a paragraph,
        •, (1)); "" where it shows none, for the default, which the number check then holds the
        labels to."""
        label = self.printed_labels.get(id(children[0])) if children else None
        if not label:
            return ""
        return languages.scheme_of(printed_form(label), 0, self.ctx.code, None) or ""

    def structured(self, el):
        """(intro inlines, sub-paragraphs, wrap-up) of a paragraph or a point."""
        inlines, children, wrapup = [], [], None
        for child in _elements(el):
            name = local(child)
            if name == "num":
                continue
            if name == "content":
                inlines = self.joined(child)
            elif name in ("list", "blockList", "sublist"):
                if children:
                    self.fail(child, "a second list in one paragraph cannot be mapped", "E618")
                    continue
                intro, children, wrapup = self.list(child)
                if any(child is quoted for quoted in self.quoted_lists):
                    self.quoted_levels.append(children)
                if intro:
                    inlines = (inlines + [Text(" ")] + intro) if inlines else intro
            elif name == "intro":
                inlines = self.joined(child)
            elif name == "wrapUp":
                wrapup = self.joined(child)
            elif name in ("point", "subparagraph", "item"):
                children.append(self.point(child))
            else:
                self.fail(child, f"<{name}> in <{local(el)}> cannot be mapped", "E618")
        return inlines, children, wrapup

    def list(self, el, before: tuple = ()):
        """(intro, points, wrap-up) of a list; ``before`` the label keys of the points its own run
        on from (a <sublist> that ``runs_on``)."""
        intro, points, wrapup, headings = [], [], None, []
        for child in _elements(el):
            name = local(child)
            if name == "crossHeading":
                # A line among the points, above the next of them (unres writes it so).
                headings.append(Paragraph(convert(child, self.ctx), loc=self.ctx.loc(child)))
            elif name in ("intro", "listIntroduction"):
                intro = self.joined(child)
            elif name in ("wrapUp", "listWrapUp"):
                wrapup = self.joined(child)
            elif name in ("point", "item", "subparagraph"):
                points.append(self.point(child))
                if self.labelled_line(points):
                    line = points.pop(-2)
                    self.forget_numbered(line)
                    headings.append(Paragraph(line.inlines, loc=line.loc))
                if headings:
                    points[-1].headings, headings = headings + points[-1].headings, []
            elif name == "sublist" and self.runs_on(child, points, before):
                headings = self.run_on(child, points, headings, before)
            elif name == "sublist" and points and not points[-1].children:
                # The converter writes a point's own list beside it, not inside it.
                self.ctx.warn_once(child, "sublist", "<sublist> beside the point it belongs to; read as "
                                   "that point's sub-paragraphs", "W658", about=el)
                sub_intro, points[-1].children, sub_wrapup = self.list(child)
                self.lift_strays(child, points)
                points[-1].sub_scheme = self.scheme_of(points[-1].children)
                if sub_intro and reads_as_line(sub_intro) and points[-1].children:
                    # Its introduction is a line above its first point ("Stabilisation").
                    self.line_among(child, sub_intro)
                    points[-1].children[0].headings.insert(0, Paragraph(sub_intro, loc=self.ctx.loc(child)))
                elif sub_intro:
                    self.fail(child, "a <sublist> with its own introduction cannot be mapped", "E618")
                if sub_wrapup:
                    points[-1].wrapup = sub_wrapup
            elif name == "sublist":
                self.fail(child, "a <sublist> that follows no point, or a point that already has "
                                 "sub-paragraphs, cannot be placed", "E618")
            elif name != "num":
                self.fail(child, f"<{name}> in a list cannot be mapped", "E618")
        if headings:
            self.fail(el, "a line among sub-paragraphs with no sub-paragraph after it cannot be placed", "E618")
        if not points:
            self.fail(el, "a list without points", "E618")
        return intro, points, wrapup

    def is_line(self, point) -> bool:
        """A point printed without a label, words alone: a line among its siblings."""
        return self.printed_labels.get(id(point)) is None and not point.children and point.wrapup is None \
            and reads_as_line(point.inlines)

    def labelled_line(self, points) -> bool:
        """The point before the last is a line of words alone typed with the label the last one
        prints too (S/RES/2556 (2020) in Arabic: "(ز) نزع السلاح …" above "(ز) بذل المساعي …",
        where the other versions print the line unlabelled): a line, its label the next point's."""
        if len(points) < 2:
            return False
        line, after = points[-2], points[-1]
        label = self.printed_labels.get(id(line))
        if not label or label_key(label) != label_key(self.printed_labels.get(id(after)) or "") \
                or line.children or line.wrapup is not None or not reads_as_line(line.inlines):
            return False
        self.ctx.warnings.append(warning(line.loc, f"a line of words alone typed with the label {label} of "
                                                   "the sub-paragraph after it; printed without it, above "
                                                   "that sub-paragraph", "W672"))
        return True

    def runs_on(self, sublist, points, before: tuple = ()) -> bool:
        """Whether a <sublist>'s points are those of the list it stands in, as print shows them: it
        follows no point, or it follows a line of words alone and its first label continues the
        labels before that line (S/RES/2552 (2020): (ii), "Urgent temporary measures:", (iii))."""
        if not points:
            return True
        if not self.is_line(points[-1]) or len(points) < 2:
            return False
        first = next((p for p in sublist.iter("{*}point", "{*}item") if _num(p) is not None), None)
        keys = list(before) + [label_key(self.printed_labels.get(id(p)) or "") for p in points[:-1]]
        return first is not None and label_key(_num(first)) == next_key(keys)

    def run_on(self, sublist, points, headings, before: tuple = ()) -> list:
        """The points of a <sublist> that ``runs_on`` put in the list around it, the line before
        them above the first; a line they end with is carried to the point after them."""
        if points:
            line = points.pop()
            self.forget_numbered(line)
            headings = headings + [Paragraph(line.inlines, loc=line.loc)]
        keys = tuple(before) + tuple(label_key(self.printed_labels.get(id(p)) or "") for p in points)
        sub_intro, more, sub_wrapup = self.list(sublist, keys)
        if sub_intro and reads_as_line(sub_intro):
            headings = headings + [Paragraph(sub_intro, loc=self.ctx.loc(sublist))]
        elif sub_intro or sub_wrapup:
            self.fail(sublist, "a <sublist> whose points run on the list around it, with words of its "
                               "own before or after them, cannot be placed", "E618")
        carried = []
        while len(more) > 1 and self.is_line(more[-1]):
            line = more.pop()
            self.forget_numbered(line)
            carried.insert(0, Paragraph(line.inlines, loc=line.loc))
        if more:
            more[0].headings = headings + more[0].headings
            headings = []
        self.line_among(sublist, None)
        points.extend(more)
        return headings + carried

    def line_among(self, el, _inlines) -> None:
        self.ctx.warn_once(el, "line-among", "a line of words alone among "
                           "sub-paragraphs whose labels run on across it, typed as a point without a "
                           "label or a list's introduction with the points after it in a <sublist>: "
                           "printed above the next sub-paragraph, the labels running on", "W671",
                           about=el.getparent())

    def typed_scheme(self, label: str, depth: int) -> Optional[str]:
        """The scheme a typed label is the first of, its depth's where two are ("(i)")."""
        label = re.sub(r"^\s*[’‘](\d{1,3})[’‘]\s*$", r"’\1‘", printed_form(label))
        return languages.scheme_of(label, 0, self.ctx.code, languages.LEVELS[depth - 1])

    def lift_strays(self, sublist, points) -> None:
        """Points the converter closed a <sublist> with whose labels run on the list around it,
        not the sublist's own ("ii)", a., b., "(iii)", then (iii)'s own sublist): print shows them
        at the outer level, so they are moved back to it."""
        children = points[-1].children

        def keys(items):
            return [label_key(self.printed_labels.get(id(p)) or "") for p in items]

        def strays(k):
            outer, tail = keys(points), keys(children[k:])
            return all(not p.children for p in children[k:]) and tail[0] != next_key(keys(children[:k])) \
                and all(key and key == next_key(outer + tail[:j]) for j, key in enumerate(tail))

        first = next((k for k in range(1, len(children)) if strays(k)), None)
        if first is None:
            return
        moved = children[first:]
        del children[first:]
        self.ctx.warn(sublist, f"the sub-paragraph {self.printed_labels.get(id(moved[0]))} is typed at the "
                               "end of the sublist before it but continues the labels around it; "
                               "moved out to them", "W694")
        points.extend(moved)

    def point(self, el) -> SubParagraph:
        inlines, children, wrapup = self.structured(el)
        num = _num(el)
        labelled = typed_label(inlines) if num is None else None
        if labelled is not None:
            num, inlines = labelled
            self.ctx.warn(el, f"the sub-paragraph's label {num} is typed in its text, not in <num>; "
                              "taken as its label", "W662")
        sub = SubParagraph(inlines, children=children, wrapup=wrapup, loc=self.ctx.loc(el),
                           sub_scheme=self.scheme_of(children))
        self.label(sub, num)
        if num is not None:
            self.lookalike(el, num)
        if (num or "").strip() == HYPHEN:
            self.ctx.warn_once(el, "hyphen", "a hyphen typed for the dash of a dashed list; read as the "
                               "dash (–) the other versions print", "W693", about=el.getparent())
        self.numbered.append((sub, num, el))
        if not inlines and not children:
            self.fail(el, "empty sub-paragraph", "E616")
        return sub

    def label(self, sub, num) -> None:
        """Record the label ``sub`` printed (None: none)."""
        self.printed_labels[id(sub)] = num
        self.labelled.append(sub)

    def lookalike(self, el, label: str) -> None:
        """A label that types other characters for the letters or numerals print shows."""
        other = lookalike(label)
        if not other:
            return
        if any("\u3220" <= c <= "\u3229" or "\u4e00" <= c <= "\u9fff" for c in other):
            self.ctx.warn_once(el, "chinese-roman", f"the label {label} is a Chinese number in "
                               "brackets; read as the roman numeral it counts, which the Chinese "
                               "language data prints as (i), (ii) …", "W687", about=el.getparent())
        else:
            self.ctx.warn(el, f"the label {label} is typed with Cyrillic letters that look Latin "
                              f"({other}); read as the Latin label", "W686")

    def joined(self, el) -> list:
        """The inlines of ``el``'s paragraphs; several <p> are joined by line breaks."""
        ps = [c for c in _elements(el) if local(c) == "p"]
        # What a paragraph prints under its words (its <content>'s tables, <tblock>s and notes) is
        # read by paragraph().
        under = local(el) == "content" and local(el.getparent()) == "paragraph"
        ps = [c for c in ps if not (under and _is_note(c))]
        others = [c for c in _elements(el) if local(c) != "p" and not (under and local(c) in ("table", "tblock"))]
        if not ps and not others:
            return convert(el, self.ctx)
        for other in others:
            self.fail(other, f"<{local(other)}> in <{local(el)}> cannot be mapped", "E619")
        out = []
        for p in ps:
            inlines = convert(p, self.ctx)
            if out and inlines:
                out.append(LineBreak())
            out += inlines
        if len([p for p in ps if plain(p)]) > 1:
            self.ctx.warn(el, f"<{local(el)}> holds {len(ps)} paragraphs; joined with line breaks",
                          "W645")
        return out

    def as_text_paragraphs(self, num, inlines, children, wrapup, loc) -> list:
        out = []
        if inlines or num:
            out.append(Paragraph(normalise(([Text(num + " ")] if num else []) + inlines), loc=loc))
        for child in children:
            printed = self.forget_numbered(child)
            out += self.as_text_paragraphs(printed, child.inlines, child.children, child.wrapup,
                                           child.loc)
        if wrapup:
            out.append(Paragraph(wrapup, loc=loc))
        return out

    def forget_numbered(self, block) -> Optional[str]:
        """Drop ``block`` from the number check; return the number the file printed."""
        for index, (known, printed, _el) in enumerate(self.numbered):
            if known is block:
                del self.numbered[index]
                return printed
        return None

    # ---------------------------------------------------------------- annexes
    def annexes(self, statement) -> list:
        out = []
        for attachment in statement.iterfind("./{*}attachments/{*}attachment"):
            for doc in _elements(attachment):
                body = doc.find("./{*}mainBody")
                if body is None:
                    self.fail(doc, f"attachment <{local(doc)}> without <mainBody> cannot be mapped", "E630")
                    continue
                out.append(self.annex(doc, body, self.annex_lead if not out else []))
        return out

    def own_annex(self, doc, body) -> Annex:
        """An annex of unres's own file, as its writer writes one: the label and title in the
        preface, then headings (hcontainers, their level in the class), paragraphs and numbered
        paragraphs."""
        label, title = "Annex", None
        for el in doc.iterfind("./{*}preface/{*}p/*"):
            if local(el) == "docType":
                label = plain(el).strip()
            elif local(el) == "docTitle":
                title = convert(el, self.ctx)
        return Annex(label=label, title=title, blocks=self.own_blocks(_elements(body)), loc=self.ctx.loc(doc))

    def own_blocks(self, elements) -> list:
        """An own annex's or adopted text's headings, paragraphs and numbered paragraphs."""
        blocks = []
        for el in elements:
            name = local(el)
            if name == "hcontainer" and el.find("./{*}heading") is not None:
                level = re.fullmatch(r"level-(\d)", el.get("class") or "")
                blocks.append(Heading(int(level.group(1)) if level else 3, convert(el.find("./{*}heading"), self.ctx),
                                      loc=self.ctx.loc(el)))
            elif name == "p":
                blocks.append(Paragraph(convert(el, self.ctx), loc=self.ctx.loc(el)))
            elif name == "paragraph":
                blocks.append(self.paragraph(el))
                self.numbered.append((blocks[-1], _num(el), el))
            elif self.table_of(el) is not None:
                blocks.append(self.table(self.table_of(el)))
            else:
                self.fail(el, f"<{name}> in an annex cannot be mapped", "E631")
        return blocks

    @staticmethod
    def table_of(el):
        """The <table> of a <container> that holds one and nothing else, as the UN writes a
        table (``<container name="table">``); None for any other element."""
        kids = _elements(el)
        if local(el) != "container" or len(kids) != 1 or local(kids[0]) != "table":
            return None
        return kids[0]

    def table(self, el) -> Table:
        """A table: its rows of cells, a cell spanning columns followed by empty ones, the
        first row the heading row when it is all <th>. What a source's table cannot say is
        reported: rows that print no words (rules) are left out, and heading rows after the
        first become rows of the table (W698)."""
        rows, kinds, aligns = [], [], []
        spanned: dict = {}          # column -> rows a cell above still spans
        for tr in el.iterfind("./{*}tr"):
            cells, kind, align = [], set(), []

            def under_spans():
                # A cell spanning rows is kept in its first row; the rows under it hold an
                # empty cell in its column.
                while spanned.get(len(cells)):
                    spanned[len(cells)] -= 1
                    cells.append([])
                    align.append("")
            for cell in _elements(tr):
                under_spans()
                if local(cell) not in ("td", "th"):
                    self.fail(cell, f"<{local(cell)}> in a table row cannot be mapped", "E631")
                    continue
                kind.add(local(cell))
                inlines = []
                for inner in _elements(cell):
                    if local(inner) != "p":
                        self.fail(inner, f"<{local(inner)}> in a table cell cannot be mapped", "E631")
                        continue
                    words = _raised_outside(convert(inner, self.ctx))
                    inlines = normalise(inlines + ([Text(" ")] if inlines and words else []) + words)
                span = int(cell.get("colspan") or 1) if (cell.get("colspan") or "1").isdigit() else 1
                down = int(cell.get("rowspan") or 1) if (cell.get("rowspan") or "1").isdigit() else 1
                for column in range(len(cells), len(cells) + span):
                    if down > 1:
                        spanned[column] = down - 1
                        kind.add("rowspan")
                cells += [inlines] + [[] for _ in range(span - 1)]
                # The UN's files say how a cell is aligned in an attribute of theirs, unres's own
                # in the class.
                justified = (cell.get("{%s}data-justification" % _AKN4UN_NS) or cell.get("class") or "").lower()
                align += [justified if justified in ("left", "right", "center") else ""] * span
            under_spans()
            if not any(cells):
                continue
            rows.append(cells)
            kinds.append(kind)
            aligns.append(align)
        if not rows:
            self.fail(el, "a table with no words cannot be mapped", "E631")
        header = 1 if rows and kinds[0] == {"th"} else 0
        extra = sum(1 for kind in kinds[header:] if kind == {"th"})
        skipped = len(el.findall("./{*}tr")) - len(rows)
        spans = sum(1 for kind in kinds if "rowspan" in kind)
        if extra or skipped or spans:
            self.ctx.warn(el, f"the table's rows that print no words ({skipped}) are left out, its "
                              f"heading rows after the first ({extra}) are rows of the table, and "
                              f"cells spanning rows ({spans} rows hold one) are in their first row: "
                              "a source's table has one heading row and a cell to each row and "
                              "column", "W698")
        width = max((len(row) for row in rows), default=0)
        body = list(zip(rows[header:], aligns[header:])) or list(zip(rows, aligns))
        align = []
        for column in range(width):
            # How most of the column's cells that print words are aligned, a cell that says
            # nothing being aligned to the start, as Word sets it: in 75/293 only the "Subtotal"
            # and "Total" cells of a column of names say Right.
            found = [a[column] if column < len(a) else "" for cells, a in body if column < len(cells) and cells[column]]
            align.append(Counter(found).most_common(1)[0][0] if found else "")
        return Table([row + [[] for _ in range(width - len(row))] for row in rows], header=header,
                     align=align, loc=self.ctx.loc(el))

    def annex(self, doc, body, lead=()) -> Annex:
        ident = doc.find("./{*}meta/{*}identification")
        if ident is not None and ident.get("source") == "#unres":
            return self.own_annex(doc, body)
        blocks, pending = [], None
        for el in list(lead) + _elements(body):
            if self.table_of(el) is not None:
                blocks.append(self.table(self.table_of(el)))
                continue
            if local(el) != "paragraph":
                self.fail(el, f"<{local(el)}> in an annex cannot be mapped", "E631")
                continue
            # Arabic and Chinese versions add a letter to the style: HChGA, H1GC.
            style_level = heading_styles.named_level(el.get("class") or "")
            heading = self.operative_heading(el)
            if heading is not None:
                # A heading marked up as the operative part's are (<paragraph><heading>).
                heading.level = style_level if style_level is not None else heading.level
                if pending is not None:
                    blocks += self.as_text_paragraphs(pending[0], [], [], None, self.ctx.loc(pending[1]))
                    pending = None
                blocks.append(heading)
                continue
            num = _num(el)
            inlines, children, wrapup = self.structured(el)
            if num is not None and not inlines and not children:
                # A number whose text the converter put in the next paragraph ("1." then
                # "Missiles surface-air …", S/RES/2551 (2020) in French): print shows them as one.
                pending = (num, el)
                continue
            if pending is not None:
                if num is None and inlines:
                    self.ctx.warn(el, f"the text of the annex's paragraph {pending[0]} is in the next, "
                                      "unnumbered <paragraph>; joined", "W644")
                    num = pending[0]
                else:
                    blocks += self.as_text_paragraphs(pending[0], [], [], None, self.ctx.loc(pending[1]))
                pending = None
            if num is not None or children:
                # Annex numbering restarts under each article heading, which an
                # operative list cannot express; the numbers stay as text, as the
                # English versions type them.
                self.ctx.warn_once(el, "annex-numbers", "numbered paragraphs in the annex "
                                   "are kept as text paragraphs with their printed numbers", "W652",
                                   about=doc)
                blocks += self.as_text_paragraphs(num, inlines, children, wrapup, self.ctx.loc(el))
            elif not inlines:
                self.ctx.warn(el, "empty annex paragraph skipped", "W646")
            elif style_level is not None:
                # Words in a paragraph of a heading's style, at the style's level (HChG 3 … H4 6, as
                # between operative paragraphs); the bold of H1 and H23 is the style's, as the
                # italics of H4 are (75/293's department names).
                marks = (Emph, Strong) if style_level == 6 else (Strong,)
                blocks.append(Heading(style_level, _unbold(inlines, marks), loc=self.ctx.loc(el)))
            else:
                blocks.append(Paragraph(inlines, loc=self.ctx.loc(el)))
        if pending is not None:
            blocks += self.as_text_paragraphs(pending[0], [], [], None, self.ctx.loc(pending[1]))
        label, title = None, None
        if blocks and isinstance(blocks[0], Heading) \
                and _ANNEX_LABEL_RE.match(plain_text(blocks[0].inlines).strip()):
            label = plain_text(blocks.pop(0).inlines).strip()
            if blocks and isinstance(blocks[0], Heading) and (blocks[0].level == heading_styles.LEVEL_OF_STYLE["HChG"]
                                                              or not self.ctx.own):
                # The title under the label: a chapter heading in Geneva's files, whatever heading
                # style follows the label in New York's.
                title = blocks.pop(0).inlines
        if label is None:
            label = "Annex"
            self.ctx.warn(doc, "the annex does not start with an 'Annex' heading; labelled 'Annex'", "W647")
        return Annex(label=label, title=title, blocks=blocks, loc=self.ctx.loc(doc))


class _OperativeRecovery:
    """The operative paragraphs as printed, from the main body's <paragraph> elements.

    A numbered element is an operative paragraph. An unnumbered one is placed by
    what print shows of it: a typed label continues the sub-paragraphs of the
    paragraph above; an italic opening phrase and a closing comma before the first
    number make a preambular paragraph; words after sub-paragraphs are their
    paragraph's closing words; an italic operative verb where the next number
    leaves a gap is a paragraph whose number is missing; any other text is a
    paragraph the UN printed without a number inside the one above. Each
    placement is reported with the element's line.
    """

    def __init__(self, builder: "_Builder", entries: list):
        self.b = builder
        self.ctx = builder.ctx
        self.entries = entries
        self.preamble: list = []
        self.paragraphs: list = []
        self.nester: Optional[LabelNester] = None
        self.opening: Optional[Paragraph] = None
        self.headings: list = []     # headings read, waiting for the paragraph they title
        # Whether the one operative paragraph is printed without a number (Part.unnumbered).
        self.lone_unnumbered = False

    def run(self) -> tuple[list, list]:
        pending_empty = None
        for index, (el, num, para) in enumerate(self.entries):
            if isinstance(para, Heading):
                if pending_empty is not None:
                    self.b.fail(pending_empty[1], "empty operative paragraph", "E616")
                    pending_empty = None
                self.headings.append((para, el))
                self.nester = None
                continue
            if num is None:
                num = self.b.typed_number(para, el, len(self.paragraphs) + 1)
            if num is not None:
                if pending_empty is not None:
                    # (a paragraph that holds nothing but its number, the next numbered after it)
                    self.b.fail(pending_empty[1], "empty operative paragraph", "E616")
                self.numbered(para, num, el)
                pending_empty = (para, el) if not para.inlines and not para.children else None
                continue
            if pending_empty is not None and typed_label(para.inlines) is None:
                target, target_el = pending_empty
                self.ctx.warn(el, f"the text of paragraph {_num(target_el)} is in the next, "
                                  "unnumbered <paragraph>; joined", "W644")
                target.inlines, target.children, target.wrapup = para.inlines, para.children, para.wrapup
                pending_empty = None
                continue
            pending_empty = None
            if self.typed_heading(index, para, el):
                continue
            self.unnumbered(index, para, el)
            if self.headings:
                # Placed as part of what stands above the heading, or in the preamble: print
                # shows a paragraph of its own under the heading, which no numbered one holds.
                self.b.fail(el, "an unnumbered paragraph after a heading, which print shows as no "
                                "numbered paragraph's, cannot be placed", "E617")
                self.headings = []
        if pending_empty is not None:
            self.b.fail(pending_empty[1], "empty operative paragraph", "E616")
        for _heading, el in self.headings:
            self.b.fail(el, "a heading with no operative paragraph after it cannot be placed", "E617")
        return self.preamble, self.paragraphs

    def typed_heading(self, index: int, para, el) -> bool:
        """A heading that lost its style: words alone, with no italic or bold phrase and no
        closing punctuation, right above a numbered paragraph or a heading. Print shows it as
        the heading it is ("Renewal of UNIOGBIS's mandate" before paragraph 1)."""
        if self.ctx.own or not self.heading_like(para):
            return False
        # Headings (marked or not) down to a numbered paragraph: "I" then "Introduction", then 1;
        # one that lost its number (W657) is numbered all the same.
        for at, (_el, num, after) in enumerate(self.entries[index + 1:], index + 1):
            if num is not None or _TYPED_NUMBER_RE.match(plain_text(after.inlines)) is not None \
                    or (not isinstance(after, Heading) and typed_label(after.inlines) is None
                        and self.lost_number(at, after)):
                break
            if not isinstance(after, Heading) and not self.heading_like(after):
                return False
        else:
            return False
        style = re.sub(r"\s+", "", el.get("class") or "")
        level = heading_styles.named_level(style)
        if level is not None:
            # Words in a paragraph of a heading's style (class="H23G"): the style says its level.
            self.ctx.warn(el, f"an unnumbered paragraph of the heading style {style}, words alone with "
                              "no <heading>, above a numbered paragraph; read as a heading", "W692")
        else:
            self.ctx.warn(el, "an unnumbered paragraph of words alone (no italic phrase before more "
                              "words, no closing punctuation) above a numbered paragraph: a heading that "
                              "lost its style; read as a heading", "W692")
            # Set all in italics, it is the UN's H4; else H23. Its emphasis is the style's.
            italic = any(isinstance(node, Emph) for node in para.inlines)
            level = max(heading_styles.LEVEL_OF_STYLE.values()) if italic else heading_styles.SUBHEADING_FROM
        self.headings.append((Heading(level, _unbold(para.inlines, (Emph, Strong)), loc=para.loc), el))
        return True

    @staticmethod
    def heading_like(para) -> bool:
        return not getattr(para, "children", None) and getattr(para, "wrapup", None) is None \
            and typed_label(para.inlines) is None and reads_as_heading(para.inlines)

    def append(self, para) -> None:
        """An operative paragraph, under the headings read since the last one."""
        para.headings = [heading for heading, _el in self.headings]
        self.headings = []
        self.paragraphs.append(para)

    def numbered(self, para, num: str, el) -> None:
        self.b.numbered.append((para, num, el))
        self.append(para)
        self.nester = None

    def name_of_last(self) -> str:
        """The last operative paragraph as a message names it: by its number, or, printed
        without one (a lone operative paragraph), as what it is."""
        if self.lone_unnumbered and len(self.paragraphs) == 1:
            return "the unnumbered operative paragraph"
        return f"paragraph {len(self.paragraphs)}"

    def unnumbered(self, index: int, para, el) -> None:
        last = self.paragraphs[-1] if self.paragraphs else None
        labelled = typed_label(para.inlines)
        if labelled is not None and last is not None:
            self.sub_paragraph(index, last, labelled, para, el)
            return
        expected = len(self.paragraphs) + 1
        opens = opens_with_phrase(para.inlines, self.ctx.code)
        if self.lost_number(index, para):
            self.ctx.warn(el, f"an operative paragraph without its number before paragraph "
                              f"{expected + 1}; numbered {expected}", "W657")
            self.numbered(para, f"{expected}.", el)
            return
        if last is None:
            # Before the first operative paragraph, words closed by a comma are the preamble's
            # last: an operative paragraph closes with a semicolon or a full stop. Their opening
            # phrase is set apart, or, where a numbered paragraph follows (so this is not a lone
            # operative paragraph printed without one), may be typed plain, as the Chinese
            # versions often type it ("根据《联合国宪章》第七章采取行动，", S/RES/2621 (2022)).
            closed_by_comma = ends_with_comma(para.inlines) and not para.children and para.wrapup is None
            if closed_by_comma and index == len(self.entries) - 1:
                # The main body's last paragraph, and no operative paragraph before it: moved to the
                # preamble it would leave the resolution none (A/RES/80/189 in Spanish ends its one
                # paragraph "… y de sus recomendaciones," where the other versions end it with a
                # full stop). Nothing tells which the print meant: refused, saying where.
                self.b.fail(el, "the main body's last paragraph, with no operative paragraph before it, "
                                "ends with a comma, as a preambular paragraph does: read as operative it "
                                "would not end as one, read as preambular the resolution would have no "
                                "operative paragraph; if it is the operative paragraph, end it with a "
                                "full stop in the file", "E205")
            elif closed_by_comma and (opens or self.next_number(index) is not None):
                self.ctx.warn(el, "a preambular paragraph (words closed by a comma, before the first "
                                  "operative paragraph) in the main body; moved to the preamble", "W654")
                self.preamble.append(PreambularParagraph(para.inlines, loc=para.loc))
            elif self.opens_numbered(index, para):
                self.opening = Paragraph(para.inlines, loc=para.loc)
            elif len(self.entries) == 1 or self.none_numbered(index):
                # The Assembly and the Security Council print a lone operative paragraph
                # unnumbered, sub-paragraphs and all: kept so (Part.unnumbered).
                if para.wrapup is not None:
                    self.b.fail(el, "the only operative paragraph, printed without a number, has closing "
                                    "words after its sub-paragraphs, which the source format cannot "
                                    "write", "E617")
                self.lone_unnumbered = True
                self.append(para)
            else:
                self.b.fail(el, "an unnumbered paragraph before the first numbered operative paragraph "
                                "that neither closes with a comma, as the preamble's paragraphs do, "
                                "nor opens the operative part, cannot be placed", "E617")
            return
        if last.children and last.wrapup is None and not para.children and not opens \
                and (label := self.label_ahead(index)) is not None:
            # Not closing words: a labelled sub-paragraph follows (S/RES/2820 (2026) in Chinese
            # types the three bullets under 4 (a) ㈠ as paragraphs without a label, then ㈡).
            point = last
            while point.children and point.wrapup is None:
                point = point.children[-1]
            self.ctx.warn(el, f"an unnumbered paragraph between the sub-paragraphs of {self.name_of_last()}, "
                              f"before {label}; joined to the one above it on a new line", "W704")
            point.inlines[:] = normalise(point.inlines + [LineBreak()] + para.inlines)
            return
        if last.children and last.wrapup is None and not para.children and not opens:
            self.ctx.warn(el, f"the words after the sub-paragraphs of {self.name_of_last()} are in "
                              "an unnumbered <paragraph>; taken as its closing words", "W655")
            last.wrapup = para.inlines
            self.nester = None
            return
        if para.children:
            self.b.fail(el, f"an unnumbered paragraph with sub-paragraphs after {self.name_of_last()} "
                            "cannot be placed (the numbers around it leave no gap for it)", "E617")
            return
        # Print shows it as a paragraph of its own under the number above: keep its words there,
        # on a line of their own.
        self.ctx.warn(el, f"an unnumbered paragraph after {self.name_of_last()}, which the numbers "
                          "around it show to be part of it; joined to it on a new line", "W656")
        target = last.wrapup if last.wrapup is not None else last.inlines
        target += ([LineBreak()] if ends_closed(target) else [Text(" ")]) + para.inlines
        # One run of text where the pieces meet, as a source read back has it.
        target[:] = normalise(target)

    def sub_paragraph(self, index: int, last, labelled, para, el) -> None:
        label, rest = labelled
        if para.under:
            self.b.fail(el, f"a paragraph typed with the label {label}, a sub-paragraph, has a table "
                            "(or a heading or note of one) under its words, which only a numbered "
                            "paragraph can hold; it cannot be mapped", "E619")
            return
        sub = SubParagraph(rest, children=para.children, wrapup=para.wrapup, loc=para.loc,
                           sub_scheme=para.sub_scheme)
        if self.nester is None:
            self.nester = LabelNester(last, self.b.typed_scheme,
                                      lambda sub: id(sub) in self.b.printed_labels and not self.b.printed_labels[id(sub)],
                                      lambda level: any(level is quoted for quoted in self.b.quoted_levels))
        following = self.entries[index + 1] if index + 1 < len(self.entries) else None
        next_label = typed_label(following[2].inlines) if following and following[1] is None \
            and not isinstance(following[2], Heading) else None
        next_key = label_key(next_label[0]) if next_label else None
        if last.wrapup is None and self.nester.place(label_key(label), sub, next_key, label):
            self.b.lookalike(el, label)
            self.ctx.warn_once(el, "typed", f"sub-paragraphs of "
                               f"{self.name_of_last()} are typed in paragraphs of their own, from "
                               f"{label}; placed under it by their labels", "W653", about=last)
            self.b.numbered.append((sub, label, el))
            return
        quoted = (" (nor can it go among or under the points the amendment above it quotes, "
                  "W700: they are the amended resolution's)") if self.nester.meets_closed else ""
        self.b.fail(el, f"a paragraph typed with the label {label} does not continue the "
                        f"sub-paragraphs of {self.name_of_last()}{quoted}; it cannot be placed", "E617")

    def opens_numbered(self, index: int, para) -> bool:
        """Whether the paragraph before paragraph 1 opens the operative part, as print shows it:
        it ends with a colon ("Resolves that:"), the first of the main body, paragraph 1 next."""
        return index == 0 and self.opening is None and not para.children and para.wrapup is None \
            and ends_with_colon(para.inlines) and self.next_number(index) == 1 \
            and self.entries[index + 1][1] is not None

    def none_numbered(self, index: int) -> bool:
        """Whether ``entries[index]`` is the only paragraph that is not a typed sub-paragraph and
        no paragraph has a number: the Assembly prints a lone operative paragraph unnumbered,
        sub-paragraphs and all."""
        rest = self.entries[index + 1:]
        return all(num is None for _el, num, _para in self.entries) \
            and all(typed_label(para.inlines) is not None for _el, _num, para in rest) \
            and typed_label(self.entries[index][2].inlines) is None

    def lost_number(self, index: int, para) -> bool:
        """Whether the unnumbered paragraph at ``index``, read after the paragraphs so far (and
        headings only), is an operative paragraph that lost its number (W657). The gap the next
        number leaves is what shows it; the paragraph need only read as an operative one: its
        phrase set apart, or, typed plain as the Chinese versions often type it, closed as an
        operative paragraph closes."""
        return ((opens_with_phrase(para.inlines, self.ctx.code) or _closes_as_operative(para))
                and self.next_number(index) == len(self.paragraphs) + 2
                and not ends_with_comma(para.inlines))

    def label_ahead(self, index: int) -> Optional[str]:
        """The label of the next paragraph typed with one, when only unlabelled, unnumbered
        paragraphs of words stand between it and this one and it comes before the next numbered
        paragraph; else None."""
        for _el, num, after in self.entries[index + 1:]:
            if num is not None or isinstance(after, Heading) or getattr(after, "children", None):
                return None
            labelled = typed_label(after.inlines)
            if labelled is not None:
                return labelled[0]
        return None

    def next_number(self, index: int) -> Optional[int]:
        for _el, num, _para in self.entries[index + 1:]:
            if num is not None:
                return decimal_number(num)
        return None


# ------------------------------------------------------------------- helpers
def _closes_as_operative(para) -> bool:
    """Whether a paragraph closes as an operative paragraph does (a semicolon or a full stop):
    its words, or, with sub-paragraphs, its closing words or its last sub-paragraph's (its own
    words then end with a colon)."""
    if getattr(para, "wrapup", None):
        return ends_closed(para.wrapup)
    children = getattr(para, "children", None)
    if children:
        return _closes_as_operative(children[-1])
    return ends_closed(para.inlines)


def _adopts(entries) -> bool:
    """Whether the main body opens with an unnumbered paragraph that ends with a colon and a
    heading right under it, numbered paragraphs after: "Adopts the following declaration:",
    the declaration's title, its paragraphs (75/1)."""
    if len(entries) < 3 or entries[0][1] is not None or isinstance(entries[0][2], Heading) \
            or not isinstance(entries[1][2], Heading):
        return False
    opening = entries[0][2]
    return not opening.children and opening.wrapup is None and ends_with_colon(opening.inlines) \
        and any(num is not None or (not isinstance(para, Heading) and _TYPED_NUMBER_RE.match(plain_text(para.inlines)))
                for _el, num, para in entries[2:])


def etree_ns(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _elements(el):
    return [c for c in el if isinstance(c.tag, str)]


def _is_note(el) -> bool:
    """A note under a paragraph's table, as unres writes one (``<p class="note">``)."""
    return local(el) == "p" and (el.get("class") or "").split() == ["note"]


def _num(el) -> Optional[str]:
    num = el.find("./{*}num")
    if num is None:
        return None
    text = plain(num)
    return text or None


def ref_of(el) -> str:
    return ref_value(el.get("refersTo"))


def _name_key(name: str) -> str:
    """'Recalling also', 'recallingAlso' -> 'recallingalso' (unres names containers in camel case)."""
    return re.sub(r"\W+", "", collapse(name)).lower()


def _raised_outside(inlines):
    """An italic note letter after a word, "2021<i><sup>a</sup></i>", as a raised italic one: the
    same print, which a source can write ("2021^*a*^"; "2021*^a^*" is not emphasis there)."""
    out = []
    for node in inlines:
        if isinstance(node, (Emph, Strong)) and len(node.children) == 1 \
                and isinstance(node.children[0], (Superscript, Subscript)):
            raised = node.children[0]
            node = type(raised)([type(node)(raised.children)])
        out.append(node)
    return out


def _unbold(inlines, styles=(Strong,)):
    """A heading is bold by its style; bold runs inside it carry nothing more (nor italics, for a
    heading whose style was lost and is read from them)."""
    out = []
    for node in inlines:
        out += _unbold(node.children, styles) if isinstance(node, styles) else [node]
    return normalise(out)


def _check_numbers(numbered, ctx: InlineContext) -> None:
    """The UN's printed numbers and labels must be the ones the model computes."""
    problems, previous, cascading = [], None, False
    for block, printed, el in numbered:
        operative = isinstance(block, OperativeParagraph)
        computed = block.num if operative else block.label
        if printed is None:
            ctx.warn(el, f"sub-paragraph without a label; imported as {computed}", "W648")
        elif operative and previous is not None and label_key(printed) == previous \
                and label_key(printed) != label_key(computed):
            # (a number that is its own in sequence is none of this: an annex's "1." after a
            # resolution of one paragraph)
            # Print shows the same number twice; no source can say that, and which of the
            # two the drafters meant is not in the file.
            problems.append(error(ctx.loc(el), f"the file prints the number {printed!r} on two "
                                               "paragraphs in a row; a source numbers its paragraphs "
                                               "in sequence, so this cannot be imported as printed",
                                  "E640"))
            cascading = True
        elif label_key(printed) != label_key(computed) and not (operative and cascading):
            problems.append(error(ctx.loc(el), f"the file numbers this {printed!r} but it is "
                                               f"{computed!r} in sequence; renumbering is refused",
                                  "E640"))
        if operative and printed is not None:
            previous = label_key(printed)
    if problems:
        raise SourceError(problems)


def _check_markers(ctx: InlineContext) -> None:
    """Footnote markers may start above 1 (the UN continues the session
    report's numbering) but must then run on without gaps."""
    previous = None
    for marker, loc in ctx.markers:
        if not marker.isdigit():
            ctx.warnings.append(warning(loc, f"footnote marker {marker!r} is not a number; "
                                           "renumbered", "W650"))
            previous = None
            continue
        value = int(marker)
        if previous is not None and value != previous + 1:
            ctx.warnings.append(warning(loc, f"footnote marker {value} follows {previous}; "
                                           "footnotes are renumbered in order", "W651"))
        previous = value


def _organ_names(code: str) -> list:
    return [name for entry in (languages.data(code).get("organs") or {}).values() for name in entry.get("names", ())]


_FORMULA_STOPS = ",:،，： "


def _one_run(inlines, names):
    """A formula set in several styled pieces ("*إ*", the file's line break, "***ن مجلس الأمن***",
    "،") as one run of the first piece's style, and how many of the spaces between pieces were
    dropped; None for a formula that is one run already, or holds anything but styled text.

    A space between two pieces is the file's own (it lays each piece on a line of its own) and
    usually a word's end; it is dropped where that makes the formula read as an organ's name of the
    document's language, alone, after one word ("إن مجلس الأمن") or after an elided article
    ("L’Assemblée générale"), as few dropped as will do."""
    if not all(isinstance(n, (Emph, Strong, Text)) for n in inlines):
        return None
    styled = [n for n in inlines if isinstance(n, (Emph, Strong))]
    if len(styled) < 2:
        return None
    texts = [plain_text([n]) for n in inlines]
    gaps = [k for k in range(1, len(inlines) - 1) if isinstance(inlines[k], Text) and not texts[k].strip()
            and isinstance(inlines[k - 1], (Emph, Strong)) and isinstance(inlines[k + 1], (Emph, Strong))]

    def reads(dropped) -> str:
        return "".join("" if k in dropped else t for k, t in enumerate(texts))

    def names_organ(text: str) -> bool:
        # (after one word, or an elided article, which the name follows with no space:
        # "L’Assemblée générale", not "L’ Assemblée générale")
        words = " ".join(text.rstrip(_FORMULA_STOPS).split())
        for name in names:
            before = words[:-len(name)]
            if not words.endswith(name) or len(before.split()) > 1:
                continue
            if before[-1:] in ("", "’", "'") or (before[-1:] == " " and before[-2:-1] not in ("’", "'")):
                return True
        return False

    chosen = ()
    if not names_organ(reads(())):
        from itertools import combinations

        chosen = next((set(c) for size in range(1, len(gaps) + 1) for c in combinations(gaps, size)
                       if names_organ(reads(set(c)))), ())
    text = " ".join(reads(chosen).split())
    words = text.rstrip(_FORMULA_STOPS)
    stop = text[len(words):].strip()
    run = (Strong if isinstance(styled[0], Strong) else Emph)([Text(words)])
    return [run] + ([Text(stop)] if stop else []), len(chosen)


def _formula_inlines(inlines):
    """The formula is printed in italics; a file that sets it in roman gets the same words in italics,
    which is also how the canonical Markdown tells the formula from a preambular paragraph."""
    if is_formula(inlines) or not inlines or not all(isinstance(n, Text) for n in inlines):
        return inlines
    text = "".join(n.text for n in inlines)
    words = text.rstrip(",:،，： ")
    return [Emph([Text(words)])] + ([Text(text[len(words):].strip())] if text[len(words):].strip() else [])
