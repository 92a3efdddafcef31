"""Markdown source -> model.

pandoc parses the body (CommonMark with footnotes and fancy lists); every block
knows its line, from block_positions or, where a word's place is needed too,
from pandoc's ``sourcepos``. This module maps pandoc's tree onto the
resolution's structure and checks what pandoc does not: explicit numbers and
labels, footnote definitions and calls, and blocks that have no place in a
resolution.
"""
from __future__ import annotations

import dataclasses
import json
import re
import unicodedata

from ... import collector, warm_pandoc
from ...errors import SourceError, error, named_characters, warning
from ...model import citations, languages, transforms
from ...model.document import (AdoptedText, Annex, Emph, Footnote, Formula, Heading, LineBreak, Link, Loc, NoteRef,
                               OperativeParagraph, Paragraph, Part, PreambularParagraph, Resolution, Section,
                               Strong, SubParagraph, Subscript, Superscript, Table, Text, ends_with_colon,
                               ends_with_comma, ends_with_semicolon, is_formula, plain_text)
from ...model.ignorable import is_ignorable, prints_nothing
from .. import source_text
from . import block_positions, front_matter, indentation, link_targets, note_calls

# Extensions that would turn ordinary resolution text into something else
# ($ amounts into maths, :words: into emoji, raw HTML into markup) are switched
# off; raw HTML is kept as literal text. ``smart`` is on: UN style prints
# typographic quotes and apostrophes (“ ” ‘ ’), en and em dashes (-- and ---)
# and the ellipsis (...); a backslash keeps a mark as typed (\', \", \-).
PANDOC_FORMAT = ("commonmark_x+sourcepos+smart-raw_html-emoji-tex_math_dollars-raw_attribute"
                 "-task_lists-alerts-definition_lists-attributes-bracketed_spans-fenced_divs"
                 "-yaml_metadata_block-implicit_header_references")
# The same without the place of every word, which costs more than the parse itself: the blocks'
# places are found from the lines (block_positions).
PANDOC_FORMAT_UNPLACED = PANDOC_FORMAT.replace("+sourcepos", "")
MAX_DEPTH = 4
# "Annex" in the six official languages.
ANNEX_RE = re.compile(r"(?i)(annexe?|anexo|приложение|المرفق|附件)(\s|$)")
# A section's label, alone on a '##' line: a roman numeral (I, II …) or a capital letter (A, B …),
# as the Fifth Committee's resolutions number them.
SECTION_RE = re.compile(r"[IVXLC]+|[A-Z]")
POS_RE = re.compile(r"(?:^|@|;)(\d+):(\d+)-(\d+):(\d+)")
FOOTDEF_RE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
FOOTCALL_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DECIMAL_RE = re.compile(r"\s*(\d{1,9})([.)])")
NOTECALL_RE = re.compile(r"\[\^([^\]\s]+)\]")
# The marks that open each line of a block quotation (an adopted text), nested or not.
QUOTE_PREFIX_RE = re.compile(r"^\s*(?:>\s?)+")


def read_source(path: str, data: bytes | None = None) -> Resolution:
    src = source_text.load(path, data)
    meta = front_matter.parse(src.front, path, src.front_start)
    code = languages.code_of(meta.language)
    # pandoc's tree is freed, by reference counting, before the collector runs again: its
    # hundreds of thousands of lists and dicts are never walked by a collection.
    straight = meta.quotes == "straight"
    body = _for_pandoc(src.body, code)
    with collector.paused():
        res = _read_placed(src, meta, code, body)
        if res is None:
            res = _Builder(src, code=code, straight=straight).build(meta, _blocks(body))
    return citations.link_citations(transforms.finalize(res))


def _read_placed(src, meta, code: str, body: str) -> Resolution | None:
    """The resolution read from pandoc's tree without the place of every word, the blocks placed
    from the lines; None when a place the reader needs is not known so (the source is then read
    with every place, as are a source with an error, whose messages name them)."""
    if "&#" in src.text:
        # Where a character reference stands is read at the word's place.
        return None
    tree = warm_pandoc.convert(body.encode("utf-8"), PANDOC_FORMAT_UNPLACED, "json")
    blocks = block_positions.placed(json.loads(tree)["blocks"],
                                    unicodedata.normalize("NFC", body).split("\n"))
    if blocks is None:
        return None
    try:
        return _Builder(src, code=code, straight=meta.quotes == "straight", placed=True).build(meta, blocks)
    except (SourceError, _NeedsPlaces):
        return None


class _NeedsPlaces(Exception):
    """A check needs the place of a word, which a tree without ``sourcepos`` does not give."""


def _blocks(body: str) -> list:
    # The kept pandoc: a command's start and its exec from this large process cost as
    # much again as the parse of a short resolution.
    tree = warm_pandoc.convert(body.encode("utf-8"), PANDOC_FORMAT, "json")
    with collector.paused():
        return json.loads(tree)["blocks"]


def _words(inlines) -> str:
    """The text of pandoc's ``inlines``, notes and all, as typed: enough to tell whether they
    print anything."""
    if isinstance(inlines, dict):
        kind, content = inlines.get("t"), inlines.get("c")
        if kind in ("Str", "Code", "Math", "RawInline"):
            return content if isinstance(content, str) else str(content[-1])
        return " " if kind in ("Space", "SoftBreak", "LineBreak") else _words(content)
    if isinstance(inlines, list):
        return "".join(_words(node) for node in inlines)
    return ""


def _invisible_names(text: str) -> str:
    """'U+200B ZERO WIDTH SPACE, …' for the characters of ``text`` that are never drawn."""
    return named_characters(ch for ch in text if is_ignorable(ch))


def _invisible_in(text: str, what: str) -> str:
    """A message's end naming the characters of ``text`` that are never drawn, which make two
    texts that print alike differ ("[^\u200b10]" is not "[^10]"); '' when it has none."""
    names = _invisible_names(text)
    return f" ({what} holds {names}, which is never drawn: delete it if it was not meant)" if names else ""


# What Markdown reads at a line's start: a number ('1.', in Arabic '1-'), a label, a note's
# definition, a heading's hashes, a quotation's mark, a table's bar, a bullet.
_LINE_START_RE = re.compile(r"\d{1,9}[.)-]\s|\(\w{1,6}\)\s|\w{1,6}[.)]\s|\[\^|#{1,6}\s|>|\||[-+*]\s")


def _hidden_starts(lines: list) -> dict:
    """{line number: the characters never drawn that stand before what Markdown would read at
    that line's start}, for the lines that have them."""
    out = {}
    for number, line in enumerate(lines, start=1):
        words = line.lstrip(" \t")
        lead = 0
        while lead < len(words) and is_ignorable(words[lead]):
            lead += 1
        if lead and _LINE_START_RE.match(words, lead):
            out[number] = words[:lead]
    return out


def _with_hidden_start(lines: list, hidden: dict, diag):
    """``diag`` (an error of the body's structure or notes) told of characters never drawn at the
    start of its line or of the line above it, which made Markdown read a number, label or
    note's definition there as words: the likely cause of a paragraph left unnumbered or of a
    number or label that seems to skip."""
    if diag.severity != "error" or not diag.loc or diag.code[:2] not in ("E2", "E3"):
        return diag
    above = next((n for n in range(diag.loc.line - 1, 0, -1) if lines[n - 1].strip()), None)
    number = next((n for n in (diag.loc.line, above) if n in hidden), None)
    if number is None:
        return diag
    return dataclasses.replace(diag, message=(
        f"{diag.message} (line {number} starts with {_invisible_names(hidden[number])}, which is "
        "never drawn: Markdown reads the number, label or mark after it as words; delete it)"))


def _explain_indentation(src, meta, errors: list) -> list:
    """``errors`` with those an indentation mistake brought about replaced by one error
    (E213) that says how to re-indent: the errors that go away when the body is read
    again, re-indented as it says."""
    if not any(e.code in indentation.CONSEQUENCES for e in errors):
        return errors
    body = src.body.split("\n")
    explained, lines = indentation.fixes(src.path, body)
    if not explained:
        return errors
    text = [new if new != old else line for line, old, new in zip(src.text.split("\n"), body, lines)]
    fixed = dataclasses.replace(src, body="\n".join(lines), text="\n".join(text))
    try:
        code = languages.code_of(meta.language)
        _Builder(fixed, explain=False, code=code, straight=meta.quotes == "straight").build(
            meta, _blocks(_for_pandoc(fixed.body, code)))
        remaining = set()
    except SourceError as exc:
        remaining = {(d.code, d.loc.line) for d in exc.diagnostics}
    kept = [e for e in errors if e.code not in indentation.CONSEQUENCES or (e.code, e.loc.line) in remaining]
    if len(kept) == len(errors):
        return errors             # re-indenting does not help: the errors say what is wrong
    return kept + explained


# A pipe table's column alignment, as its delimiter row writes it (|:--|, |--:|, |:-:|).
_ALIGN = {"AlignLeft": "left", "AlignRight": "right", "AlignCenter": "center"}

_LABEL_PAST_Z_RE = re.compile(r"(\(?[a-z]{2,4}[).]) ")
# Labels pandoc does not take for list markers ("1-", "(أ)", "’1‘"), as the Arabic version prints
# them: at the start of a line, followed by a space.
_ARABIC_LABEL_RE = re.compile(r"^((?:> ?)* *)(?:(\d{1,9})-|\(([\u0621-\u064a\u0640]{1,4})\)|’(\d{1,4})‘|"
                              r"([\u0621-\u064a\u0640]{1,4})\.)(?= )", re.MULTILINE)


# "a)", "ii)", "aa)": the labels of French, Spanish and Russian.
_PAREN_LABEL_RE = re.compile(r"^((?:> ?)* *)([a-z]{1,4})\)(?= )", re.MULTILINE)


# The bullet or dash the UN prints before a sub-paragraph of such a list: at the start of a line
# indented under its paragraph (a line of text that starts with one is not indented).
_BULLET_RE = re.compile(r"^((?:> ?)* +)[•–](?= )", re.MULTILINE)


def _for_pandoc(body: str, code: str) -> str:
    """The body as pandoc is given it: the language's labels made ones it parses, and no footnote
    called inside a footnote's definition."""
    return _list_markers_for_pandoc(_calls_in_definitions_blanked(body), code)


def _calls_in_definitions_blanked(body: str) -> str:
    """The body with each footnote call inside a footnote's definition (as pandoc reads the
    definition, its lazy continuation lines included: note_calls; _scan_footnote_definitions
    reports each, E304) blanked with as many spaces: pandoc 3.9 never ends on notes that call
    each other ("[^1]: see [^1]"), and the reader refuses every such call anyway."""
    found = note_calls.calls_in_notes(body, PANDOC_FORMAT_UNPLACED)
    if not found:
        return body
    lines = body.split("\n")
    for call in found:
        line = lines[call.line - 1]
        width = len(call.key) + 3
        lines[call.line - 1] = line[:call.start] + " " * width + line[call.start + width:]
    return "\n".join(lines)


def _list_markers_for_pandoc(body: str, code: str) -> str:
    """The body with each label of the language's own form that pandoc cannot parse replaced by one
    it parses, padded with spaces to the same width, so that columns, and with them the nesting of
    items, stay as written (in an adopted text too, after its lines' '>'). The reader takes the
    labels themselves from the source's lines."""
    return _own_markers(_BULLET_RE.sub(r"\1-", body), code)


def _own_markers(body: str, code: str) -> str:
    if code != "ar":
        if not any(level.endswith(")") and not level.startswith("(")
                   for level in languages.data(code)["numbering"]["levels"]):
            return body

        def letter(match):
            # pandoc takes "i)" after "h)" for a roman numeral and starts a new list: every
            # "x)" label stands in as "a)", which it reads as one list of letters.
            return match.group(1) + "a)" + " " * (len(match.group(2)) - 1)
        return _PAREN_LABEL_RE.sub(letter, body)

    def marker(match):
        indent, number, letter, quoted, dotted = match.groups()
        written = match.group(0)[len(indent):]
        stand_in = (f"{number}." if number else "(a)" if letter else "1)" if quoted else "a.")
        return indent + stand_in + " " * (len(written) - len(stand_in))
    return _ARABIC_LABEL_RE.sub(marker, body)


def _attr_pos(attr) -> str:
    return _attribute(attr, "data-pos")


def _is_wrapper(attr) -> bool:
    return _attribute(attr, "wrapper") == "1"


def _attribute(attr, name: str) -> str:
    # Called for every inline of the source: a search of the one or two pairs, not a dict
    # made of them. The last of a repeated name counts, as in a dict.
    for key, value in reversed(attr[2]):
        if key == name:
            return value
    return ""


def _own_number(marker, code: str):
    """'12-' in Arabic: the operative number as the language prints it, read like '12.'."""
    if not marker or code == languages.DEFAULT:
        return None
    pattern = re.escape(languages.operative_number(0, code)).replace("0", r"(\d{1,9})", 1)
    return re.fullmatch(pattern, marker)


class _Builder:
    def __init__(self, src, explain: bool = True, code: str = languages.DEFAULT, straight: bool = False,
                 placed: bool = False):
        self.src = src
        # ``placed``: the blocks were placed from the lines, and no word has a place of its own.
        self.placed = placed
        self.explain = explain and not placed
        self.code = code
        # 'quotes: straight': quotation marks and apostrophes typed straight print as typed.
        self.straight = straight
        self.path = src.path
        # pandoc composes its input (NFC) before it counts columns: a decomposed "é" is one
        # column to it, two code points here. Composition never crosses a line end. The body's
        # lines only (the front matter's are blank, as pandoc is given them): a value of the
        # front matter such as 'meeting: "[^1]"' is not Markdown, and calls no note.
        self.body = unicodedata.normalize("NFC", src.body)
        self.lines = self.body.split("\n")
        # Each mark ``smart`` may print for a straight one: whether that straight one is typed
        # anywhere in the body (where it is not, each such mark was typed as it prints).
        self.typed_straight = {curly: straight in self.body for curly, straight in STRAIGHTENED.items()}
        # Those of them a word is looked at for (``_may_be_guessed``): none, and no word looked
        # at, where no straight mark is typed.
        self.guessable = "".join(curly for curly, typed in self.typed_straight.items() if typed)
        self.raw_lines = src.text.split("\n")
        # The text itself was checked on reading; only a character reference (&#x1;) can
        # bring in a character no output can carry, so only then is each word checked.
        self.references = "&#" in src.text
        self.refused_empty: set = set()      # ids of the heading and paragraph blocks already refused as empty
        self.in_cell = False                 # reading a table's cell
        self.errors = []
        self.warnings = []
        self.notes: dict[str, Footnote] = {}
        self.calls: dict[str, Loc] = {}
        self.note_depth = 0
        self.link_depth = 0     # inside a link's text: no footnote can be called there
        self.inline_depth = 0   # inside italics, bold, a link …: not a block's own run of text
        self.headings: list[Heading] = []     # operative headings waiting for their paragraph
        self.section: Section | None = None   # the section being filled, in the current part

    # -------------------------------------------------------------- helpers
    def loc_of(self, pos: str, fallback: Loc | None = None) -> Loc | None:
        found = POS_RE.search(pos or "")
        if not found:
            return fallback
        line, column = int(found.group(1)), int(found.group(2))
        if 1 <= line <= len(self.raw_lines) and "\t" in self.raw_lines[line - 1]:
            column = _index_of_column(self.raw_lines[line - 1], column)
        return Loc(self.path, line, column)

    def word_loc(self, pos: str) -> Loc | None:
        """The place of a word, for a check that looks at what was typed there."""
        if not pos and self.placed:
            raise _NeedsPlaces
        return self.loc_of(pos)

    def fail(self, loc, message, code):
        self.errors.append(error(loc or Loc(self.path, 1, 1), message, code))

    def unwrap(self, blocks, pos=""):
        """Blocks with sourcepos wrapper Divs removed, each paired with its position."""
        out = []
        for block in blocks:
            own = _own_pos(block)
            if own:
                out.append((block, own))
                continue
            if block["t"] == "Div" and _is_wrapper(block["c"][0]):
                inner_pos = _attr_pos(block["c"][0])
                for child, child_pos in self.unwrap(block["c"][1], inner_pos):
                    out.append((child, child_pos or inner_pos))
            else:
                out.append((block, pos))
        for block, block_pos in out:
            # (a list's blocks are unwrapped more than once: one error for each heading)
            if block["t"] == "Header" and id(block) not in self.refused_empty \
                    and prints_nothing(_words(block["c"][2])):
                self.refused_empty.add(id(block))
                self.fail(self.loc_of(block_pos), "a heading with no words ('###' alone, or only characters "
                                                  "that are never drawn): write its words or delete the line",
                          "E204")
            elif block["t"] in ("Para", "Plain") and id(block) not in self.refused_empty and not self.note_depth \
                    and (words := _words(block["c"])) and prints_nothing(words):
                # (a paragraph with no character but those never drawn prints nothing, as an empty
                # one would: each output would hold a paragraph no reader sees)
                self.refused_empty.add(id(block))
                self.fail(self.loc_of(block_pos), f"a paragraph of characters that are never drawn only "
                                                  f"({_invisible_names(words) or 'spaces'}): write its words or "
                                                  f"delete the line", "E204")
        return out

    # -------------------------------------------------------------- structure
    def build(self, meta, blocks) -> Resolution:
        self._scan_footnote_definitions()
        parts: list[Part] = []
        annexes: list[Annex] = []
        current = None          # Part or Annex being filled
        state = "start"
        for block, pos in self.unwrap(blocks):
            loc = self.loc_of(pos)
            kind = block["t"]
            if kind == "Header":
                level, inlines = block["c"][0], self.inlines(block["c"][2])
                text = "".join(t.text for t in inlines if isinstance(t, Text)).strip()
                if level == 2 and SECTION_RE.fullmatch(text) and not isinstance(current, Annex):
                    if current is None:
                        current = Part(label=None, title=None, formula=None, preamble=[], operative=[], loc=loc)
                        parts.append(current)
                    self._close_section()
                    # Headings waiting for a paragraph stand above the section's label.
                    self.section = Section(label=text, titles=[], preamble=[], operative=[],
                                           headings=self.headings, loc=loc)
                    self.headings = []
                    current.sections.append(self.section)
                    state = "section"
                    continue
                if level >= 3 and state == "section":
                    self.section.titles.append(inlines)
                    continue
                if level == 1:
                    self._close_section()
                    self._headings_left()
                    if ANNEX_RE.match(text):
                        current = Annex(label=text, title=None, blocks=[], loc=loc)
                        annexes.append(current)
                    else:
                        if annexes:
                            self.fail(loc, "a part cannot follow an annex", "E201")
                        if parts and parts[0].label is None:
                            self.fail(loc, "text before the first part heading; start every part with '# A'", "E201")
                        current = Part(label=text, title=None, formula=None, preamble=[], operative=[], loc=loc)
                        parts.append(current)
                    state = "heading"
                elif level == 2 and state == "heading":
                    current.title = inlines
                    state = "titled"
                elif isinstance(current, Annex):
                    current.blocks.append(Heading(level, inlines, loc=loc))
                    state = "annex"
                elif level >= 3:
                    if current is None:
                        current = Part(label=None, title=None, formula=None, preamble=[], operative=[], loc=loc)
                        parts.append(current)
                    # It titles the operative paragraphs after it: kept for the next one.
                    self.headings.append(Heading(level, inlines, loc=loc))
                    state = "body"
                else:
                    self.fail(loc, "headings are only allowed as part titles ('# A' then '## Title'), "
                                   "between operative paragraphs ('### Heading') and inside annexes", "E202")
                continue
            if current is None:
                current = Part(label=None, title=None, formula=None, preamble=[], operative=[], loc=loc)
                parts.append(current)
            if isinstance(current, Annex):
                self._annex_block(current, block, loc, pos)
                state = "annex"
                continue
            if self.section is not None:
                self._section_block(self.section, block, loc, pos)
                state = "body"
                continue
            if kind in ("Para", "Plain") and id(block) in self.refused_empty:
                continue        # (refused as printing nothing: placed nowhere, no other error about it)
            if kind in ("Para", "Plain"):
                inlines = self.inlines(block["c"])
                if self.headings and not current.operative:
                    self.fail(self.headings[0].loc, "a heading in the preamble (an unnumbered paragraph "
                                                    f"follows it on line {loc.line}): a heading stands only "
                                                    "between operative paragraphs, or before the first", "E215")
                    self.headings = []
                elif current.operative or current.adopted is not None:
                    self.fail(loc, "unnumbered paragraph in the operative part; number it or move it "
                                   "before the first operative paragraph", "E203")
                elif current.formula is None and not current.preamble and is_formula(inlines):
                    current.formula = Formula(inlines, loc=loc)
                elif not inlines:
                    self.fail(loc, "empty paragraph", "E204")
                else:
                    current.preamble.append(PreambularParagraph(inlines, loc=loc))
                state = "body"
            elif kind == "BlockQuote":
                self.adopted_text(current, block, loc, pos)
                state = "body"
            elif kind == "OrderedList" and self._introduced(current, block):
                # A lettered list right under a preambular paragraph: its sub-paragraphs (75/55).
                # (Whether it stays preambular, the part's end says: its last paragraph, when no
                # numbered one follows, is the one operative paragraph, printed without a number.)
                para = current.preamble[-1]
                para.children, para.sub_scheme = self.sub_list(block, pos, 1, None)
                state = "body"
            elif kind == "OrderedList" and current.adopted is not None:
                self.fail(loc, "a numbered paragraph after an adopted text (the quotation, '>'): the "
                               "adopted text ends its part's operative part", "E217")
            elif kind == "OrderedList":
                self._opening(current)
                paragraphs = self.operative_list(block, pos, len(current.operative))
                if paragraphs:
                    paragraphs[0].headings, self.headings = self.headings, []
                current.operative.extend(paragraphs)
                state = "body"
            else:
                self.unsupported(block, loc)
        self._close_section()
        self._headings_left()
        if not parts and not annexes:
            self.fail(Loc(self.path, 1, 1), "the source has no body", "E205")
        starts = [a.loc.line for a in annexes] + [float("inf")]
        for annex, end in zip(annexes, starts[1:]):
            # (An annex whose text was refused has had its errors already.)
            refused = any(d.loc and annex.loc.line < d.loc.line < end for d in self.errors)
            if not annex.blocks and not refused:
                self.fail(annex.loc, f"{annex.label} has no text: an annex holds headings (###), "
                                     "paragraphs or a numbered list after its title", "E214")
        for part in parts:
            if not part.operative and part.adopted is None and not part.sections:
                self._unnumbered(part)
            for para in part.preamble:
                for sub in para.children:
                    if sub.children or sub.wrapup:
                        self.fail(sub.loc, "a preambular paragraph's sub-paragraphs are one list of "
                                           "items, without sub-paragraphs or closing words of their own",
                                  "E218")
        self._check_footnotes()
        if self.explain:
            self.errors = _explain_indentation(self.src, meta, self.errors)
        hidden = _hidden_starts(self.raw_lines) if self.errors else {}
        if hidden:
            self.errors = [_with_hidden_start(self.raw_lines, hidden, d) for d in self.errors]
        if self.errors:
            raise SourceError(sorted(self.errors, key=lambda d: (d.loc.line, d.loc.col)))
        ordered = [self.notes[k] for k in self.notes]
        return Resolution(meta=meta, parts=parts, annexes=annexes, footnotes=ordered, source=self.path,
                          warnings=self.warnings)

    def _unnumbered(self, part: Part):
        """A part with no numbered paragraph decides in its last paragraph (with the sub-paragraphs
        its words introduce), printed without a number, as the UN prints a lone operative
        paragraph; those before it are its preamble. A last paragraph that ends as a preambular
        one does (a comma), or as an opening does (a colon, no sub-paragraphs after it), or one
        after a paragraph that ends as an operative one does (a semicolon), leaves the part with
        no operative paragraph (E205)."""
        where = f" in part {part.label}" if part.label else ""
        last = part.preamble[-1] if part.preamble else None
        if last is None:
            self.fail(part.loc, f"no operative paragraph{where}; operative paragraphs are a numbered "
                                "list (1., 2., …), or one paragraph printed without a number, the last "
                                "of the part", "E205")
            return
        why = ("ends with a comma, as a preambular paragraph does (or its sub-paragraphs do)"
               if ends_with_comma(_last_words(last)) else
               "ends with a colon and no sub-paragraphs follow it"
               if ends_with_colon(last.inlines) and not last.children else "")
        earlier = next((p for p in part.preamble[:-1] if ends_with_semicolon(p.inlines)), None)
        if why or earlier is not None:
            because = (f"its last paragraph (line {last.loc.line}) {why}" if why else
                       f"the paragraph on line {earlier.loc.line} ends with a semicolon, as an "
                       "operative paragraph before the last does")
            self.fail(part.loc if why else earlier.loc,
                      f"no operative paragraph{where}: {because}; number the operative paragraphs "
                      "(1., 2., …), or end the part with its one operative paragraph, printed "
                      "without a number", "E205")
            return
        part.preamble.pop()
        part.operative = [OperativeParagraph(last.inlines, children=last.children,
                                             sub_scheme=last.sub_scheme, loc=last.loc)]
        part.unnumbered = True

    def _section_block(self, section: Section, block, loc, pos):
        """A block of a section: paragraphs set as its preamble, then its numbered paragraphs."""
        kind = block["t"]
        if kind in ("Para", "Plain"):
            inlines = self.inlines(block["c"])
            if self.headings and not section.operative:
                self.fail(self.headings[0].loc, "a heading among a section's unnumbered paragraphs: a "
                                                "heading stands only between its numbered paragraphs", "E215")
                self.headings = []
            elif section.operative:
                self.fail(loc, f"unnumbered paragraph after section {section.label}'s numbered "
                               "paragraphs; number it or move it before paragraph 1", "E203")
            elif not inlines:
                self.fail(loc, "empty paragraph", "E204")
            else:
                section.preamble.append(PreambularParagraph(inlines, loc=loc))
        elif kind == "OrderedList" and self._lettered(block) \
                and section.preamble and not section.operative and not section.preamble[-1].children \
                and ends_with_colon(section.preamble[-1].inlines):
            para = section.preamble[-1]
            para.children, para.sub_scheme = self.sub_list(block, pos, 1, None)
            for sub in para.children:
                if sub.children or sub.wrapup:
                    self.fail(sub.loc, "an unnumbered paragraph's sub-paragraphs are one list of items, "
                                       "without sub-paragraphs or closing words of their own", "E218")
        elif kind == "OrderedList":
            paragraphs = self.operative_list(block, pos, len(section.operative))
            if paragraphs:
                paragraphs[0].headings, self.headings = self.headings, []
            section.operative.extend(paragraphs)
        else:
            self.unsupported(block, loc)

    def _close_section(self):
        """A section without numbered paragraphs decides in its last unnumbered paragraph (with
        the sub-paragraphs its words introduce); those before it are its preamble."""
        section, self.section = self.section, None
        if section is None:
            return
        if not section.operative:
            if not section.preamble:
                self.fail(section.loc, f"section {section.label} has no text: a section holds "
                                       "paragraphs or a numbered list after its label and titles", "E219")
                return
            section.text = section.preamble.pop()
        for para in section.preamble:
            if para.children:
                self.fail(para.children[0].loc, f"sub-paragraphs under a paragraph of section "
                                                f"{section.label}'s preamble: only its last unnumbered "
                                                "paragraph, when no numbered one follows, has them", "E219")

    def _headings_left(self):
        """Headings that no numbered paragraph follows (at a new part or annex, or the end)."""
        for heading in self.headings:
            self.fail(heading.loc, "a heading with no operative paragraph after it: a heading titles "
                                   "the numbered paragraphs that follow it", "E216")
        self.headings = []

    def _lettered(self, block) -> bool:
        """Whether a list is labelled otherwise than by numbers, as operative paragraphs are: by its
        style as pandoc parsed it, or, for the Arabic roman level ’1‘ (given pandoc as "1)"), by the
        first label written."""
        if block["c"][0][1]["t"] not in ("Decimal", "DefaultStyle", "Example"):
            return True
        items = self._items(block["c"][1], None)
        marker = items[0][2] if items else None
        return self.code == "ar" and bool(marker) and re.fullmatch(r"’\d{1,4}‘", marker) is not None

    def _introduced(self, part, block) -> bool:
        """Whether a list is the sub-paragraphs of the preambular paragraph above it: lettered
        (operative paragraphs are numbered), before any operative paragraph, under words that end
        with a colon (a lettered list under a paragraph ending otherwise is misnumbered, E207)."""
        return self._lettered(block) and bool(part.preamble) \
            and not part.operative and part.opening is None and not part.preamble[-1].children \
            and ends_with_colon(part.preamble[-1].inlines)

    @staticmethod
    def _opening(part):
        """Before paragraph 1, a last paragraph that ends with a colon ("*Resolves* that:") opens
        the operative part: no preambular paragraph ends so, unless sub-paragraphs follow it."""
        if not part.operative and part.preamble and ends_with_colon(part.preamble[-1].inlines) \
                and not part.preamble[-1].children:
            last = part.preamble.pop()
            part.opening = Paragraph(last.inlines, loc=last.loc)

    def adopted_text(self, part, block, loc, pos):
        """A block quotation right after the paragraph that opens the operative part ("*Adopts*
        the following declaration:") is the text it adopts: its title (``##``), headings
        (``###``-``######``), paragraphs and numbered paragraphs, numbered from 1 of their own."""
        self._opening(part)
        if part.opening is None or part.operative or part.adopted is not None or self.headings:
            self.fail(loc, "a quoted text (lines opening with '>') stands only right after the paragraph "
                           "that adopts it, the last before paragraph 1, which ends with a colon "
                           "('*Adopts* the following declaration:')", "E217")
            return
        adopted = AdoptedText(title=None, blocks=[], loc=loc)
        for child, child_pos in self.unwrap(block["c"], pos):
            child_loc = self.loc_of(child_pos, loc)
            if child["t"] == "Header":
                level, inlines = child["c"][0], self.inlines(child["c"][2])
                if level == 2 and adopted.title is None and not adopted.blocks:
                    adopted.title = inlines
                elif level >= 3:
                    adopted.blocks.append(Heading(level, inlines, loc=child_loc))
                else:
                    self.fail(child_loc, "in a quoted text, its title ('## Title') comes first and its "
                                         "headings are '###' to '######'", "E217")
            else:
                self._annex_block(adopted, child, child_loc, child_pos)
        if not adopted.blocks:
            self.fail(loc, "the quoted text has no paragraphs after its title", "E217")
        part.adopted = adopted

    def unsupported(self, block, loc):
        names = {
            "BulletList": "bulleted list (use (a), (b) … sub-paragraphs)",
            "CodeBlock": "code block (is a line indented by four spaces or more?)",
            "BlockQuote": "block quotation",
            "Table": "table (tables have a place in annexes and under an operative paragraph's words)",
            "HorizontalRule": "horizontal rule",
            "RawBlock": "raw block",
            "LineBlock": "line block",
            "DefinitionList": "definition list",
            "Div": "fenced div",
            "Figure": "figure",
            "OrderedList": "numbered list (only operative paragraphs are numbered; write '1\\.' "
                           "for a number that is text)",
            "Header": "heading",
        }
        hint = self._nesting_hint(loc) if block["t"] == "CodeBlock" else ""
        self.fail(loc, f"{names.get(block['t'], block['t'])} is not allowed in a resolution{hint}", "E206")

    def _nesting_hint(self, loc) -> str:
        """For text indented under a numbered or lettered line: the column that nests it there."""
        if loc is None:
            return ""
        number = loc.line - 1
        while number >= 1 and not self.raw_lines[number - 1].strip():
            number -= 1
        item = ITEM_START_RE.match(self.raw_lines[number - 1]) if number >= 1 else None
        if not item or "\t" in item.group(0):
            return ""
        return (f"; to make it a sub-paragraph of line {number}, indent it by {item.end()} spaces, "
                "where that line's text starts")

    def _annex_block(self, annex, block, loc, pos):
        """A paragraph or numbered list of an annex (or of an adopted text, which holds the same)."""
        kind = block["t"]
        if kind in ("Para", "Plain"):
            inlines = self.inlines(block["c"])
            if inlines:
                annex.blocks.append(Paragraph(inlines, loc=loc))
            else:
                self.fail(loc, "empty paragraph", "E204")
        elif kind == "OrderedList":
            done = sum(isinstance(b, OperativeParagraph) for b in annex.blocks)
            annex.blocks.extend(self.operative_list(block, pos, done, in_annex=True))
        elif kind == "Table":
            annex.blocks.append(self.table(block, loc))
        else:
            self.unsupported(block, loc)

    def table(self, block, loc) -> Table:
        """A pipe table: its heading row (none when every cell of it is empty), its rows, the
        alignment its delimiter row gives each column."""
        _attr, _caption, colspecs, head, bodies, _foot = block["c"]
        align = [_ALIGN.get(spec[0]["t"], "") for spec in colspecs]

        def cells(row):
            out = []
            for cell in row[1]:
                inlines = []
                self.in_cell = True
                for inner in cell[4]:
                    if inner["t"] in ("Plain", "Para"):
                        inlines += self.inlines(inner["c"])
                    else:
                        self.unsupported(inner, loc)
                self.in_cell = False
                out.append(_normalise(inlines))
            return out
        heading = [cells(row) for row in head[1]]
        rows = [cells(row) for body in bodies for row in body[2] + body[3]]
        heading = [row for row in heading if any(row)]
        if not rows and not heading:
            self.fail(loc, "empty table", "E204")
        return Table(heading + rows, header=len(heading), align=align, loc=loc)

    # -------------------------------------------------------------- lists
    def _items(self, items, list_loc):
        """Each list item with its location and the marker written before its text."""
        out = []
        for item in items:
            first = self.unwrap(item)
            loc = self.loc_of(first[0][1]) if first else list_loc
            marker = None
            if loc is not None and loc.line <= len(self.lines):
                before = self.lines[loc.line - 1][:loc.col - 1]
                quoted = QUOTE_PREFIX_RE.match(before)
                skip = quoted.end() if quoted and ">" in quoted.group(0) else 0
                body = before[skip:]
                if body.strip():
                    marker = body.strip()
                    loc = Loc(self.path, loc.line, skip + len(body) - len(body.lstrip()) + 1)
            out.append((item, loc, marker))
        return out

    def operative_list(self, block, pos, already: int, in_annex: bool = False):
        attrs, items = block["c"]
        style = attrs[1]["t"]
        list_loc = self.loc_of(pos)
        if style not in ("Decimal", "DefaultStyle", "Example"):
            if in_annex:
                # The UN's annexes list items under unnumbered text too; their labels are its words.
                self.fail(list_loc, "an annex's paragraphs (and an adopted text's) are numbered 1., 2., 3. …; "
                                    "an item under one is indented inside it, and an item under unnumbered "
                                    "text is text, its label escaped: '\\(a) Its words'", "E207")
            else:
                self.fail(list_loc, "operative paragraphs are numbered 1., 2., 3. …; "
                                    "sub-paragraphs belong inside a numbered paragraph", "E207")
            return []
        out = []
        for index, (item, loc, marker) in enumerate(self._items(items, self.loc_of(pos))):
            expected = already + index + 1
            found = DECIMAL_RE.fullmatch(marker or "") or _own_number(marker, self.code)
            if found and int(found.group(1)) != expected:
                written = int(found.group(1))
                why = ("repeats" if written == expected - 1 else
                       "goes backwards" if written < expected else "skips a number")
                self.fail(loc, f"paragraph number {written}. {why}: expected {expected}.", "E210")
            para = OperativeParagraph([], loc=loc)
            blocks = self.unwrap(item)
            start = next((index for index, (block, _pos) in enumerate(blocks)
                          if block["t"] in ("Table", "Header")), len(blocks))
            rest, _found = _before_under(item)
            para.inlines, para.children, para.wrapup, para.sub_scheme = self.item_content(rest, loc, 1, None)
            if start < len(blocks):
                first_loc = self.loc_of(blocks[start][1], loc)
                if para.children or para.wrapup is not None:
                    self.fail(first_loc, "a paragraph holds its words and tables under them, "
                                         "with no sub-paragraphs", "E208")
                para.under = self.under_words(blocks[start:], loc)
            out.append(para)
        return out

    def under_words(self, blocks, loc) -> list:
        """What a numbered paragraph prints under its words: tables, the headings above them
        (``###`` to ``######``) and the notes under them (paragraphs after a table)."""
        out = []
        for block, pos in blocks:
            block_loc = self.loc_of(pos, loc)
            kind = block["t"]
            if kind == "Table":
                out.append(self.table(block, block_loc))
            elif kind == "Header" and block["c"][0] >= 3:
                out.append(Heading(block["c"][0], self.inlines(block["c"][2]), loc=block_loc))
            elif kind in ("Para", "Plain") and out and isinstance(out[-1], (Table, Paragraph)):
                inlines = self.inlines(block["c"])
                if not inlines:
                    self.fail(block_loc, "empty paragraph", "E204")
                out.append(Paragraph(inlines, loc=block_loc))
            elif kind == "Header":
                self.fail(block_loc, "a heading under a paragraph's words is '###' to '######'", "E220")
            elif kind in ("Para", "Plain"):
                self.fail(block_loc, "under a paragraph's words, a note stands under a table, and a heading "
                                     "over one", "E220")
            else:
                self.fail(block_loc, "under a paragraph's words stand tables, the headings above them "
                                     "and the notes under them, nothing else", "E220")
        if out and isinstance(out[-1], Heading):
            self.fail(out[-1].loc, "a heading under a paragraph's words with no table after it", "E220")
        return out

    def sub_list(self, block, pos, depth, parent_scheme, start: int = 0, scheme: str = ""):
        """(the sub-paragraphs, their scheme). The first label says the scheme where it is not the
        default one ((i) under a paragraph, • for bullets); the others must follow it. A list that
        continues one above a heading (``start`` items before it) keeps that list's ``scheme``."""
        items = block["c"][1] if block["t"] == "OrderedList" else block["c"]
        loc = self.loc_of(pos)
        if depth > MAX_DEPTH:
            self.fail(loc, f"sub-paragraphs nested more than {MAX_DEPTH} levels deep "
                           "((a), (i), a., i.)", "E212")
            return [], ""
        default = languages.default_scheme(depth, parent_scheme)
        out, scheme = [], scheme or default
        for index, (item, item_loc, marker) in enumerate(self._items(items, self.loc_of(pos)), start):
            if index == 0 and marker:
                scheme = languages.scheme_of(marker, 0, self.code, default) or default
            expected = languages.scheme_label(scheme, index, self.code)
            if marker and marker not in (expected, languages.scheme_label(scheme, index, languages.DEFAULT)):
                self.fail(item_loc, f"sub-paragraph label {marker} where {expected} is expected", "E211")
            sub = SubParagraph([], loc=item_loc)
            sub.inlines, sub.children, sub.wrapup, sub.sub_scheme = self.item_content(
                item, item_loc, depth + 1, scheme)
            out.append(sub)
        return out, ("" if scheme == default else scheme)

    def item_content(self, blocks, loc, depth, parent_scheme):
        """A list item is: text, then optionally sub-paragraphs, then optionally closing text;
        returned with the scheme of the sub-paragraphs' labels ("" for the default)."""
        text, children, wrapup, scheme, headings = None, [], None, "", []
        blocks = self.unwrap(blocks)
        for index, (block, pos) in enumerate(blocks):
            block_loc = self.loc_of(pos, loc)
            kind = block["t"]
            following = blocks[index + 1][0]["t"] if index + 1 < len(blocks) else None
            if kind in ("Para", "Plain"):
                inlines = self.inlines(block["c"])
                continued = self.label_past_z(inlines, children, depth, block_loc,
                                              scheme or languages.default_scheme(depth, parent_scheme)) \
                    if wrapup is None else None
                if continued is not None:
                    children.append(continued)
                elif text is not None and wrapup is None and following in ("OrderedList", "BulletList"):
                    # A line of its own among the sub-paragraphs, above the next of them.
                    headings.append(Paragraph(inlines, loc=block_loc))
                elif text is None and not children:
                    text = inlines
                elif children and wrapup is None:
                    wrapup = inlines
                else:
                    self.fail(block_loc, "a paragraph holds one text before its sub-paragraphs and at most "
                                         "one after them", "E208")
            elif kind == "OrderedList" or (kind == "BulletList" and self._bullets(block, pos)):
                # pandoc starts a new list where a label it reads in another style follows ("(v)"
                # read as a letter, then "(vi)"): a list right after a list continues it.
                if children and not headings and blocks[index - 1][0]["t"] not in ("OrderedList", "BulletList"):
                    self.fail(block_loc, "a paragraph holds one list of sub-paragraphs", "E208")
                more, more_scheme = self.sub_list(block, pos, depth, parent_scheme, len(children),
                                                  scheme or (languages.default_scheme(depth, parent_scheme)
                                                             if children else ""))
                if more and headings:
                    more[0].headings, headings = headings, []
                scheme = scheme or more_scheme
                children += more
            else:
                self.unsupported(block, block_loc)
        if not text:
            self.fail(loc, "empty paragraph", "E204")
        return text or [], children, wrapup, scheme

    def _bullets(self, block, pos) -> bool:
        """Whether a bulleted list is one of sub-paragraphs typed with the bullet or dash the UN
        prints (•, –): other bullets are Markdown's, which a resolution does not use."""
        marks = {languages.scheme_label(scheme, 0, self.code) for scheme in ("bullet", "dash")}
        return all(marker in marks for _item, _loc, marker in self._items(block["c"], self.loc_of(pos)))

    def label_past_z(self, inlines, children, depth, loc, scheme):
        """'(aa) text' after '(z)': CommonMark has no list marker past one letter, so the
        sub-paragraph arrives as a paragraph after the list; it continues the list."""
        if len(children) < 26 or not inlines or not isinstance(inlines[0], Text):
            return None
        # The label in whichever form the language prints it: '(aa)', 'aa)'.
        found = _LABEL_PAST_Z_RE.match(inlines[0].text)
        expected = transforms.label_key(languages.scheme_label(scheme, len(children), languages.DEFAULT))
        if not found or transforms.label_key(found.group(1)) != expected:
            return None
        rest = inlines[0].text[found.end():]
        return SubParagraph(([Text(rest)] if rest else []) + inlines[1:], loc=loc)

    # -------------------------------------------------------------- inlines
    def inlines(self, nodes, pos=""):
        out = []
        self.inline_depth += 1
        try:
            for node in nodes:
                self._inline(node, pos, out)
        finally:
            self.inline_depth -= 1
        out = _normalise(out)
        if self.inline_depth == 0 and _opens_with_break(out):
            # (a backslash ending the line above the words: Markdown reads a line break there,
            # which every output would print as an empty first line)
            self.fail(self.word_loc(_first_pos(nodes) or pos),
                      "a line break opens this text (a backslash ends the line above its first word): it "
                      "would print an empty line before the words; delete the backslash", "E223")
        return out

    def _inline(self, node, pos, out):
        kind, content = node["t"], node.get("c")
        if kind == "Span":
            inner_pos = _attr_pos(content[0]) or pos
            for child in content[1]:
                self._inline(child, inner_pos, out)
        elif kind == "Space" or kind == "SoftBreak":
            out.append(" ")
        elif kind == "Str":
            bad = self.references and source_text.find_uncarried(content)
            if bad:
                self.fail(self.word_loc(pos), f"a character reference stands for U+{ord(bad.group()):04X}, "
                          "which no output can carry; delete it", "E505")
            if self.placed and self.guessable and not self.straight and self._may_be_guessed(content):
                raise _NeedsPlaces
            if content and (not out or not isinstance(out[-1], (str, Text))) and source_text.is_mark(content[0]):
                where = (f"follows {_RUN_NAMES.get(type(out[-1]), 'markup')}" if out else
                         "opens a run of text (a paragraph's or a cell's words, italics, bold, a link's text)")
                self.fail(self.word_loc(pos), source_text.baseless_mark_message(content[0], where), "E506")
            typed = self._as_typed(content, pos) if self.straight else content
            if "*" in content or "_" in content:
                self._stray_marks(content, pos)
            elif content in GUESSED_QUOTES and typed == content:
                self._guessed_quote(content, pos)
            out.append(typed)
        elif kind == "LineBreak":
            out.append(LineBreak())
        elif kind == "Emph":
            out.append(Emph(self.inlines(content, pos)))
        elif kind == "Strong":
            out.append(Strong(self.inlines(content, pos)))
        elif kind == "Superscript":
            out.append(Superscript(self.inlines(content, pos)))
        elif kind == "Subscript":
            out.append(Subscript(self.inlines(content, pos)))
        elif kind == "Quoted":
            # The language's own marks (« » in French), else UN English ones; as typed where the
            # source says 'quotes: straight'.
            pair = (languages.data(self.code).get("quotes") or {}).get(
                "double" if content[0]["t"] == "DoubleQuote" else "single")
            opening, closing = STRAIGHT[content[0]["t"]] if self.straight else \
                pair if pair else QUOTES[content[0]["t"]]
            out.append(opening)
            for child in content[1]:
                self._inline(child, pos, out)
            out.append(closing)
        elif kind in ("Strikeout", "Underline", "SmallCaps", "Cite"):
            for child in content[-1]:
                self._inline(child, pos, out)
        elif kind == "Code":
            out.append(content[1])
        elif kind in ("Math", "RawInline"):
            out.append(content[1])
        elif kind == "Link":
            if not link_targets.is_url(content[2][0]):
                self.fail(self.word_loc(_attr_pos(content[0]) or pos),
                          f"the link's target {content[2][0]!r} is not a URL: write the address as it "
                          "is (a scheme such as https: first, no space or bracket before it)", "E221")
            elif content[2][0].startswith("#"):
                # A fragment alone points inside the document, whose elements a source does not
                # name (their eIds are made from their numbers): the AKN's reference would point
                # at nothing, and the HTML's link go nowhere.
                self.fail(self.word_loc(_attr_pos(content[0]) or pos),
                          f"the link's target {content[2][0]!r} points inside the document, at a place "
                          "a source cannot name: write the address of the document it cites", "E221")
            self.link_depth += 1
            text = self.inlines(content[1], pos)
            self.link_depth -= 1
            if prints_nothing(plain_text(text)):
                # Its address would be carried under no printed word, where no reader sees it.
                self.fail(self.word_loc(_attr_pos(content[0]) or pos),
                          f"the link to {content[2][0]!r} prints no text: write what it cites "
                          "between the brackets ('[A/RES/75/1](…)')", "E222")
            out.append(Link(content[2][0], text))
        elif kind == "Image":
            self.fail(self.word_loc(_attr_pos(content[0]) or pos), "images are not allowed in a resolution's text", "E209")
        elif kind == "Note":
            out.append(self._note(content, pos))
        else:  # pragma: no cover - pandoc added a new inline type
            self.fail(self.word_loc(pos), f"unsupported inline element {kind}", "E206")

    def _stray_marks(self, content, pos):
        """Warn of a `*` or `_` that could open or close emphasis but was left as text (its
        partner is missing): it is printed as typed. An escaped mark (`\\*`) is written as
        two characters where the text has one, and a mark that cannot open or close (`2 * 3`,
        `snake_case`) was not meant as emphasis: neither is warned of."""
        if self.placed and content not in self.body:
            # Typed nowhere as it reads (its marks were escaped, `\_\_`): there is nothing to
            # warn of wherever it stands, so the tree without places will do.
            return
        loc = self.word_loc(pos)
        if loc is None or not 1 <= loc.line <= len(self.lines):
            return
        line, start = self.lines[loc.line - 1], loc.col - 1
        if line[start:start + len(content)] != content:
            return
        for mark in re.finditer(r"\*+|_+", content):
            begin, end = start + mark.start(), start + mark.end()
            char = mark.group()[0]
            # The whole run, as CommonMark sees it: an escaped mark before it is not part of it.
            while begin > 0 and line[begin - 1] == char and not line[:begin - 1].endswith("\\"):
                begin -= 1
            while end < len(line) and line[end] == char:
                end += 1
            opens, closes = _delimiter_can(char, line[begin - 1] if begin else " ",
                                           line[end] if end < len(line) else " ")
            if not (opens or closes):
                continue
            escaped = "".join("\\" + c for c in mark.group())
            self.warnings.append(warning(
                Loc(self.path, loc.line, start + mark.start() + 1),
                f"'{mark.group()}' {'opens' if opens else 'closes'} no emphasis and is printed as typed: "
                f"{'close' if opens else 'open'} the emphasis, or write '{escaped}' to mean the "
                f"character{'s' if len(escaped) > 2 else ''}", "W106"))

    def _as_typed(self, content, pos):
        """``content`` with each mark ``smart`` curled put back as the straight one typed there;
        a curly mark typed so stays. Unchanged where the source does not line up with it."""
        if not any(c in GUESSED_QUOTES for c in content):
            return content
        if self.placed and not any(self.typed_straight.get(c) for c in content):
            return content       # no such mark is typed straight anywhere: each was typed as it reads
        loc = self.word_loc(pos)
        if loc is None or not 1 <= loc.line <= len(self.lines):
            return content
        typed = self.lines[loc.line - 1][loc.col - 1:loc.col - 1 + len(content)]
        if len(typed) != len(content) or any(a != b and STRAIGHTENED.get(a) != b for a, b in zip(content, typed)):
            return content
        return typed

    def _may_be_guessed(self, content) -> bool:
        """Whether a curly mark in ``content`` may be one ``smart`` guessed from a straight one
        that W109 warns of (see ``_guessed_quote``): any mark but an apostrophe inside a word,
        where a straight mark of its kind is typed in the body at all. pandoc's tree without places
        joins such a mark to the word beside it, where the tree with places gives it alone."""
        if not any(mark in content for mark in self.guessable):
            return False
        for i, char in enumerate(content):
            if self.typed_straight.get(char) and (
                    char != "’" or i == 0 or content[i - 1].isspace() or content[i - 1] in "([{"):
                return True
        return False

    def _guessed_quote(self, content, pos):
        """Warn of a straight quote that ``smart`` turned by guessing: one it could not pair
        (printed as an opening or closing mark on its own), or a ' at the start of a word
        (printed as an apostrophe, as in ’90s, where a quotation might have been meant).
        Without the words' places (``placed``) the source is read again with them, unless no
        straight mark of its kind is typed anywhere."""
        if self.placed and not self.typed_straight[content]:
            return                                 # typed as it prints
        loc = self.word_loc(pos)
        if loc is None or not 1 <= loc.line <= len(self.lines):
            return
        line, at = self.lines[loc.line - 1], loc.col - 1
        typed = line[at:at + 1]
        if typed not in ("'", '"'):
            return                                 # typed as it prints
        before = line[at - 1] if at else " "
        after = line[at + 1] if at + 1 < len(line) else " "
        if content == "’":
            if not (before.isspace() or before in "([{") or not after.isalnum():
                return                             # d’Ivoire, States’ rights: an apostrophe
            why = ("a ' at the start of a word is printed as an apostrophe (’); if it opens a "
                   "quotation, close it with another '")
        else:
            why = (f"a {typed} that pairs with no other is printed as {content}; pair it, type the "
                   f"mark you mean, or write \\{typed} to print it straight")
        self.warnings.append(warning(loc, why, "W109"))

    def _note(self, blocks, pos):
        loc = self.word_loc(pos)
        found = None
        if loc is not None and loc.line <= len(self.lines):
            found = NOTECALL_RE.match(self.lines[loc.line - 1], loc.col - 1)
        key = found.group(1) if found else f"?{loc}"
        if self.note_depth:
            self.fail(loc, f"footnote [^{key}] is called inside another footnote", "E304")
            return Text("")
        if self.in_cell:
            self.fail(loc, f"footnote [^{key}] is called inside a table's cell: a table's notes stand "
                           "under it, as paragraphs after it (or call the note from the words above the table)",
                      "E308")
        if key in self.calls:
            self.fail(loc, f"footnote [^{key}] is called a second time (first call at line "
                           f"{self.calls[key].line}); each footnote is called once", "E305")
            return NoteRef(key)
        self.calls[key] = loc
        self.note_depth += 1
        paragraphs = []
        definition = self.notes[key].loc if key in self.notes else loc
        for block, block_pos in self.unwrap(blocks):
            if block["t"] in ("Para", "Plain"):
                # (a note's paragraph is a text of its own, wherever its call stands)
                depth, self.inline_depth = self.inline_depth, 0
                try:
                    paragraphs.append(self.inlines(block["c"], block_pos))
                finally:
                    self.inline_depth = depth
            else:
                self.unsupported(block, self.loc_of(block_pos, definition))
        self.note_depth -= 1
        note = self.notes.get(key)
        if note is not None:
            note.paragraphs = paragraphs
        if self.link_depth:
            # (the HTML would hold a link inside a link, and print sets the note's words in the
            # link's text, where the call stands)
            self.fail(loc, f"footnote [^{key}] is called inside a link's text, where it cannot be "
                           f"printed as a call: call it after the link, [...](...)[^{key}]", "E307")
        return NoteRef(key)

    # -------------------------------------------------------------- footnotes
    def _scan_footnote_definitions(self):
        """pandoc silently drops unused or repeated definitions; find them in the text itself.
        A call inside a definition, as pandoc reads it (note_calls), is refused here (E304),
        before pandoc could be given notes that call each other."""
        for number, line in enumerate(self.lines, start=1):
            found = FOOTDEF_RE.match(line)
            if found:
                key = found.group(1)
                loc = Loc(self.path, number, line.index("[") + 1)
                if key in self.notes:
                    self.fail(loc, f"footnote [^{key}] is defined twice (first at line "
                                   f"{self.notes[key].loc.line})", "E303")
                else:
                    self.notes[key] = Footnote(key, [], loc=loc)
        for call in note_calls.calls_in_notes(self.src.body, PANDOC_FORMAT_UNPLACED):
            # The column as the reader counts it (the composed line), the same call of the line.
            calls = list(FOOTCALL_RE.finditer(self.lines[call.line - 1]))
            column = calls[call.ordinal].start() + 1 if call.ordinal < len(calls) else call.start + 1
            where = ("its own definition" if call.inside == call.key
                     else f"the definition of footnote [^{call.inside}]" if call.inside
                     else "another footnote's definition")
            text = self.lines[call.line - 1]
            lazy = not FOOTDEF_RE.match(text) and note_calls.indent(text) < 4
            hint = ("; this line carries on the note's paragraph although it is not indented: "
                    "leave a blank line before it to end the note" if lazy else "")
            self.fail(Loc(self.path, call.line, column),
                      f"footnote [^{call.key}] is called inside {where}, and a footnote cannot call "
                      f"a footnote{hint}", "E304")

    def _sunk_definition(self, key) -> str:
        """Why a definition typed in the text does not define: indented four columns or more, it
        is read as part of what stands above it (a paragraph of a list item, or of the note
        before), and its words would be printed there."""
        for number, line in enumerate(self.lines, start=1):
            stripped = line.lstrip(" \t")
            if stripped.startswith(f"[^{key}]:") and note_calls.indent(line) >= 4:
                return (f"; line {number} types '[^{key}]:' indented by four spaces or more (or a tab), "
                        "so it is read as part of what stands above it, not as the note: start it at "
                        "the line's beginning")
        return ""

    def _check_footnotes(self):
        for number, line in enumerate(self.lines, start=1):
            if FOOTDEF_RE.match(line):
                continue
            for call in FOOTCALL_RE.finditer(line):
                key = call.group(1)
                if key not in self.notes:
                    self.fail(Loc(self.path, number, call.start() + 1),
                              f"footnote [^{key}] is called but never defined{self._sunk_definition(key)}"
                              f"{_invisible_in(key, 'its label')}", "E301")
        for key, note in self.notes.items():
            if key not in self.calls:
                self.fail(note.loc, f"footnote [^{key}] is defined but never called{_invisible_in(key, 'its label')}",
                          "E302")
            elif not note.paragraphs or all(prints_nothing(plain_text(p)) for p in note.paragraphs):
                self.fail(note.loc, f"footnote [^{key}] is empty" + (" (it holds only characters that are never drawn)"
                                                                  if note.paragraphs else ""), "E306")


# UN style: English quotation marks, double outside and single inside.
QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}
# As typed, for a text whose source says 'quotes: straight'.
STRAIGHT = {"DoubleQuote": ('"', '"'), "SingleQuote": ("'", "'")}
STRAIGHTENED = {"“": '"', "”": '"', "‘": "'", "’": "'"}
# Marks ``smart`` prints for a straight quote it did not pair.
GUESSED_QUOTES = {"“", "”", "‘", "’"}

# The start of a numbered or lettered line, up to its text: "       (ii) ", "2. ", "   a. ".
ITEM_START_RE = re.compile(r"[ \t]*(?:\(\w{1,6}\)|\w{1,6}\.)[ \t]+(?=\S)")


def _last_words(item):
    """The words an item ends with: its own, or its last sub-paragraph's (or closing words)."""
    while item.children and not getattr(item, "wrapup", None):
        item = item.children[-1]
    return getattr(item, "wrapup", None) or item.inlines


def _delimiter_can(char: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether a run of ``char`` between ``before`` and ``after`` can open and close
    emphasis (CommonMark's flanking rules, section 6.2)."""
    def space(c):
        return c.isspace()

    def punct(c):
        return unicodedata.category(c)[0] in "PS"

    left = not space(after) and (not punct(after) or space(before) or punct(before))
    right = not space(before) and (not punct(before) or space(after) or punct(after))
    if char == "*":
        return left, right
    return left and (not right or punct(before)), right and (not left or punct(after))


def _index_of_column(raw_line: str, column: int) -> int:
    """The 1-based index in the composed (NFC) line of pandoc's ``column`` on ``raw_line``.

    pandoc counts columns in composed text, but sets a tab's width from the
    column the line has before composition (to the next stop of 4). Found by
    experiment with pandoc 3.9; composition never crosses a tab, so the line is
    taken a stretch between tabs at a time.
    """
    raw_col = pandoc_col = 1
    index = 0                                   # characters of the composed line passed
    chunks = raw_line.split("\t")
    for number, chunk in enumerate(chunks):
        composed = unicodedata.normalize("NFC", chunk)
        if column < pandoc_col + len(composed):
            return index + max(column - pandoc_col, 0) + 1
        pandoc_col += len(composed)
        raw_col += len(chunk)
        index += len(composed)
        if number == len(chunks) - 1:
            break
        width = (raw_col - 1) // 4 * 4 + 5 - raw_col
        if column < pandoc_col + width:
            return index + 1                    # inside the tab: the tab itself
        pandoc_col += width
        raw_col += width
        index += 1
    return index + 1


def _before_under(blocks) -> tuple[list, bool]:
    """(``blocks`` up to what a paragraph prints under its words, its first table or heading,
    their sourcepos wrappers kept; whether one was found)."""
    out = []
    for block in blocks:
        if block["t"] in ("Table", "Header"):
            return out, True
        if block["t"] == "Div" and _is_wrapper(block["c"][0]):
            inner, found = _before_under(block["c"][1])
            if found:
                if inner:
                    out.append({"t": "Div", "c": [block["c"][0], inner]})
                return out, True
        out.append(block)
    return out, False


def _own_pos(block) -> str:
    """Blocks pandoc does not wrap carry their position in their own attributes."""
    kind = block["t"]
    if kind == "Header":
        return _attr_pos(block["c"][1])
    if kind == "Table":
        # pandoc gives the places of the table's rows (the last data-pos; in a list item, another
        # before it): the table starts at the first of them.
        ranges = dict(block["c"][0][2]).get("data-pos", "").split(";")
        return min(ranges, key=lambda r: int(r.split(":", 1)[0]) if r[:1].isdigit() else 0)
    if kind in ("CodeBlock", "Figure") or (kind == "Div" and not _is_wrapper(block["c"][0])):
        return _attr_pos(block["c"][0])
    return ""


# What a run of text that follows an inline element follows, for a message.
_RUN_NAMES = {Emph: "italics", Strong: "bold", Link: "a link", NoteRef: "a footnote's call",
              LineBreak: "a line break", Superscript: "a superscript", Subscript: "a subscript"}


def _normalise(nodes):
    """Merge adjacent text (a piece of text is a string or a Text), collapse runs of spaces,
    and trim the ends."""
    out, run = [], []
    for node in nodes:
        if isinstance(node, str):
            run.append(node)
        elif isinstance(node, Text):
            run.append(node.text)
        else:
            if run:
                _merge(run, out)
                run = []
            out.append(node)
    if run:
        _merge(run, out)
    return _trim(out)


def _merge(run: list, out: list) -> None:
    """One Text of the pieces of ``run``, unless they are all empty."""
    text = "".join(run)
    if text:
        out.append(Text(_SPACES_RE.sub(" ", text) if "  " in text else text))


_SPACES_RE = re.compile(r" {2,}")


def _first_pos(nodes) -> str:
    """The place pandoc gives the first word of ``nodes`` (pandoc's inlines), "" if none."""
    for node in nodes:
        content = node.get("c")
        if node["t"] == "Span" and _attr_pos(content[0]):
            return _attr_pos(content[0])
        for child in content if isinstance(content, list) else ():
            found = isinstance(child, list) and _first_pos([n for n in child if isinstance(n, dict)])
            if found:
                return found
    return ""


def _opens_with_break(nodes) -> bool:
    """Whether the first thing printed is a line break (in italics, bold or a link's text too)."""
    while nodes:
        first = nodes[0]
        if isinstance(first, LineBreak):
            return True
        if isinstance(first, Text) and not first.text.strip():
            nodes = nodes[1:]
            continue
        if not isinstance(first, (Emph, Strong, Link)):
            return False
        nodes = first.children
    return False


def _trim(nodes):
    if nodes and isinstance(nodes[0], Text):
        nodes[0] = Text(nodes[0].text.lstrip(" "))
        if not nodes[0].text:
            nodes.pop(0)
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text.rstrip(" "))
        if not nodes[-1].text:
            nodes.pop()
    return nodes
