"""What the UN printed, recovered from where its converter put it.

The UN's files come from Word through a converter that keeps the typist's
mistakes: sub-paragraphs typed as unnumbered paragraphs ("(a)<tab>The first
thing;") beside the numbered one they belong to, a preambular paragraph in the
main body, the words after the sub-paragraphs in a paragraph of their own.
These helpers read the printed evidence — the typed label and the sequence it
continues, the italic opening phrase, the closing punctuation — so the reader
can put each piece back where print shows it.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from lxml import etree

from ...model import languages, transforms
from ...model.document import Emph, Link, NoteRef, Strong, Text, plain_text
from ...model.numerals import letters, roman
from .inlines import collapse, local, plain
from .votes import printed_outcome

# Arabic versions letter sub-paragraphs in abjad order: (أ) (ب) (ج) (د) (هـ) …
ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
# Cyrillic letters typed for the Latin ones they look like in a Russian label ("а)" for "a)").
CYRILLIC_LOOKALIKES = "аесіорху"
_LATIN_OF_CYRILLIC = str.maketrans(CYRILLIC_LOOKALIKES, "aecioрxy".replace("р", "p"))
# Chinese versions print the second level (i), (ii) … as ㈠, ㈡ … (parenthesised ideographs one to ten).
_CHINESE_ROMAN = {chr(0x3220 + index): numeral for index, numeral in
                  enumerate(("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"))}
# Past ten, the Chinese versions spell the number out in brackets: (十一), (十二) …
_CHINESE_NUMBER_RE = re.compile(r"[(（]([一二三四五六七八九十]{1,3})[)）]")
_CHINESE_DIGITS = "一二三四五六七八九"


def _chinese_number(text: str) -> int:
    """十一 -> 11, 二十 -> 20, 二十三 -> 23."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CHINESE_DIGITS.index(text) + 1
    return (_CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10 \
        + (_CHINESE_DIGITS.index(units) + 1 if units else 0)


def _roman_of_chinese(label: str) -> str:
    """The Chinese forms of the roman level, ㈠ and (十一), as the roman numerals they count."""
    label = _CHINESE_NUMBER_RE.sub(lambda m: f"({roman(_chinese_number(m.group(1)))})", label)
    return "".join(f"({_CHINESE_ROMAN[char]})" if char in _CHINESE_ROMAN else char for char in label)


# A label typed at the start of a paragraph: "(a) ", "a) ", "(aa) ", "(iv) ", "(أ) ", "(هـ) ", "㈠ ", "(十一) ",
# and the Arabic versions' roman level, ’1‘ (some type its marks the other way round, ‘1’).
TYPED_LABEL_RE = re.compile(r"^\s*(?:(\(?)([a-z" + CYRILLIC_LOOKALIKES + r"]{1,3}|[ivxlc]{1,7}"
                            r"|[\u0621-\u064a]\u0640?)\)|[\u3220-\u3229]|[(（][一二三四五六七八九十]{1,3}[)）]"
                            r"|[’‘]\d{1,3}[’‘])\s+")
# The Arabic versions' roman level, ’1‘ ’2‘ …: it counts as the roman numerals do.
_ARABIC_ROMAN_RE = re.compile(r"^\s*[’‘](\d{1,3})[’‘]\s*$")
# Punctuation that closes a paragraph as printed (Latin, Arabic, Chinese).
CLOSING = (";", ".", ":", "؛", "。", "；", "：", "!", "?")
MAX_DEPTH = 4


def label_key(label: str) -> str:
    """'(a)', 'a)', '(أ)' -> 'a'; '(iv)' -> 'iv'; '12.' -> '12'."""
    label = _roman_of_chinese(label)
    arabic = _ARABIC_ROMAN_RE.match(label)
    if arabic:
        return roman(int(arabic.group(1)))
    key = re.sub(r"[\W_\u0640]+", "", label).lower().translate(_LATIN_OF_CYRILLIC)
    if len(key) == 1 and key in ABJAD:
        return letters(ABJAD.index(key))
    return key


# The dash of a dashed list, and the hyphen some Arabic versions type for it.
DASH, HYPHEN = "–", "-"


def printed_form(label: str) -> str:
    """The label as the language data writes it: Chinese ㈠ is (i), a Cyrillic "а)" the Latin "a)"."""
    label = _roman_of_chinese(label).translate(_LATIN_OF_CYRILLIC)
    return DASH if label.strip() == HYPHEN else label


def lookalike(label: str) -> str:
    """What a label types in place of the Latin letters or numerals print shows ('' if nothing)."""
    found = [c for c in label if c in CYRILLIC_LOOKALIKES or c in _CHINESE_ROMAN]
    return "".join(found) + "".join(_CHINESE_NUMBER_RE.findall(label))


def typed_label(inlines) -> Optional[tuple[str, list]]:
    """(the label typed at the start of ``inlines``, the inlines without it), or None."""
    first = inlines[0] if inlines else None
    found = TYPED_LABEL_RE.match(first.text) if isinstance(first, Text) else None
    if not found:
        return None
    label = found.group(0).strip()
    rest = first.text[found.end():]
    return label, ([Text(rest)] if rest else []) + list(inlines[1:])


# The sequences labels run in, each the key of its n-th label (0-based): numbers, roman
# numerals from i, letters from a.
_SEQUENCES = (lambda n: str(n + 1), lambda n: roman(n + 1), letters)


def next_key(keys: list) -> Optional[str]:
    """The key of the label after ``keys`` in the sequence they run in (numbers, roman numerals
    from i, letters from a), or None when they run in none."""
    if not keys:
        return None
    for sequence in _SEQUENCES:
        if [sequence(n) for n in range(len(keys))] == keys:
            return sequence(len(keys))
    return None


def _expected(depth: int, count: int) -> str:
    """The key of the ``count``-th label (0-based) at nesting ``depth`` (1 = (a))."""
    return label_key(transforms.sub_label(depth, count))


class LabelNester:
    """Places typed sub-paragraphs under their numbered paragraph by label order.

    Each label is taken at the level whose sequence it continues, or opens a level
    under the last sub-paragraph. "(i)" after "(h)" may do either: the label after
    it decides ("(ii)" opens roman numerals, anything else continues the letters).
    A level follows its owner's scheme where one is known ((i) directly under a
    paragraph, as the Security Council's mandates are labelled), and a new level may
    open with the first label of a scheme other than its depth's (``scheme_of``
    names it), which its owner then takes. A level whose sub-paragraphs print no label
    (``unlabelled``) is continued by none: a typed label goes under them. A ``closed`` level
    (the points an amendment quotes, W700) is another text's: it is neither continued nor
    opened under.
    """

    def __init__(self, owner, scheme_of: Optional[Callable[[str, int], Optional[str]]] = None,
                 unlabelled: Optional[Callable[[object], bool]] = None,
                 closed: Optional[Callable[[list], bool]] = None):
        self.closed = closed or (lambda level: False)
        self.owners = [owner]            # what holds each open level, outermost first
        self.stack = [owner.children]    # the lists of each open level, outermost first
        self._descend()
        self.scheme_of = scheme_of or (lambda label, depth: None)
        self.unlabelled = unlabelled or (lambda sub: False)

    def _descend(self) -> None:
        """Open the levels below the last sub-paragraph, down to one without sub-paragraphs."""
        while self.stack[-1] and not self.closed(self.stack[-1]):
            self.owners.append(self.stack[-1][-1])
            self.stack.append(self.stack[-1][-1].children)

    @property
    def meets_closed(self) -> bool:
        """Whether a level it could have placed a label in is closed."""
        return any(self.closed(level) for level in self.stack)

    def _expected(self, depth: int) -> str:
        scheme = self.owners[depth - 1].sub_scheme
        count = len(self.stack[depth - 1])
        return transforms.scheme_key(scheme, count) if scheme else _expected(depth, count)

    def _opens(self, label: str, key: str, depth: int) -> Optional[str]:
        """The scheme a label opens an empty level with when it is not its depth's first."""
        if depth != len(self.stack) or self.stack[-1] or self.owners[-1].sub_scheme:
            return None
        scheme = self.scheme_of(label, depth)
        return scheme if scheme and transforms.scheme_key(scheme, 0) == key else None

    def _candidates(self, label: str, key: str) -> list[int]:
        return [depth for depth in range(len(self.stack), 0, -1)
                if depth <= MAX_DEPTH and not self.closed(self.stack[depth - 1])
                and not (self.stack[depth - 1] and all(map(self.unlabelled, self.stack[depth - 1])))
                and (key == self._expected(depth) or self._opens(label, key, depth))]

    def place(self, key: str, sub, next_key: Optional[str] = None, label: str = "") -> bool:
        candidates = self._candidates(label, key)
        if not candidates:
            return False
        depth = candidates[-1]                       # continue the outer level by default
        if len(candidates) > 1 and next_key is not None:
            for option in candidates:
                if next_key == _expected(option, len(self.stack[option - 1]) + 1):
                    depth = option
                    break
        if key != self._expected(depth):
            self.owners[depth - 1].sub_scheme = self._opens(label, key, depth)
        del self.stack[depth:]
        del self.owners[depth:]
        self.stack[depth - 1].append(sub)
        self._descend()
        return True


def opens_with_phrase(inlines, code: str) -> bool:
    """A preambular or operative paragraph opens with its phrase in italics, or in the emphasis
    the language prints it in (the data's `opening_phrase`: bold in Chinese)."""
    first = inlines[0] if inlines else None
    styles = (Emph, Strong) if languages.data(code).get("opening_phrase", "italic") == "bold" else Emph
    return isinstance(first, styles) and bool(plain_text(first.children).strip())


def ends_closed(inlines) -> bool:
    text = plain_text(inlines or []).rstrip(" \u00a0\u202f”’\"')")
    return text.endswith(CLOSING)


def reads_as_heading(inlines) -> bool:
    """Words alone, as a heading prints: no closing punctuation, one line's worth, and either no
    italic or bold phrase or all of it in one (the UN's H4 sets a heading in italics, and the
    Chinese versions type theirs in bold)."""
    text = plain_text(inlines or []).strip()
    if not text or len(text) > 150 or text.endswith(CLOSING + (",", "،", "，")):
        return False
    words = [node for node in inlines if not isinstance(node, NoteRef)
             and not (isinstance(node, Text) and not node.text.strip())]
    if len(words) == 1 and isinstance(words[0], (Emph, Strong)):
        words = words[0].children
    return all(isinstance(node, (Text, NoteRef, Link)) for node in words)


def reads_as_line(inlines) -> bool:
    """Words alone, as a heading prints (``reads_as_heading``), or so with a colon after them, as
    the Security Council titles a group of a mandate's tasks ("Urgent temporary measures:")."""
    if reads_as_heading(inlines):
        return True
    last = inlines[-1] if inlines else None
    if not isinstance(last, Text) or not last.text.rstrip().endswith((":", "：")):
        return False
    rest = last.text.rstrip()[:-1]
    return bool(rest.strip() or len(inlines) > 1) and reads_as_heading(list(inlines[:-1]) + ([Text(rest)] if rest else []))


def ends_with_comma(inlines) -> bool:
    return plain_text(inlines or []).rstrip().endswith((",", "،", "，"))


# ---------------------------------------------------------------- the meeting line
def meeting_patterns(code: str) -> list:
    """How the language's meeting lines read ("55-е заседание", "55-заседание", "第46次会议",
    "الجلسة 56"), from every meeting form its data gives: the number any number, its suffix any
    few letters or none, a hyphen before it optional, spaces as the file has them."""
    forms, todo = [], [languages.data(code)]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            forms += [v for k, v in node.items() if k == "meeting" and isinstance(v, str)]
            todo += [v for v in node.values() if isinstance(v, dict)]
    patterns = []
    for form in forms:
        pattern = re.escape(form).replace(r"\{n\}", r"\d{1,5}").replace(r"\{suffix\}", r"[^\s\d]{0,4}")
        pattern = re.sub(r"(?:\\?[-\u2010\u2011\u2013])", "[-\u2010\u2011\u2013]?", pattern)
        patterns.append(re.compile(re.sub(r"(?:\\ )+", r"\\s*", pattern), re.IGNORECASE))
    return patterns


def move_meeting_line(statement, code: str, ctx) -> None:
    """The meeting line the converter left as the main body's last paragraph, a paragraph without
    a number holding the line alone ("55-заседание" after 58/4's last operative paragraph in
    Russian), put back where print shows it: before the adoption date in the closing lines,
    which then name no meeting (W673). Print shows the line under the text, as every closing
    line; read in the body, it would be joined to the last operative paragraph."""
    conclusions, body = statement.find("./{*}conclusions"), statement.find("./{*}mainBody")
    if conclusions is None or body is None:
        return
    event = conclusions.find(".//{*}event")
    if (event is None or conclusions.find(".//{*}location") is not None
            or conclusions.find(".//{*}inline[@name='adoptionMeeting']") is not None):
        return
    blocks = [el for el in body if isinstance(el.tag, str)]
    if not blocks or local(blocks[-1]) != "paragraph" or blocks[-1].find("./{*}num") is not None:
        return
    paragraph = blocks[-1]
    text = collapse("".join(paragraph.itertext())).strip()
    if not any(pattern.fullmatch(text) for pattern in meeting_patterns(code)):
        return
    # Named at the line that prints the words, not at the paragraph's opening tag.
    holder = next((el for el in paragraph.iter() if isinstance(el.tag, str) and (el.text or "").strip()),
                  paragraph)
    ctx.warn(holder, f"the meeting line {text!r} is printed as the main body's last paragraph, "
                        "and the closing lines name no meeting: read as the meeting of adoption", "W673")
    namespace = etree.QName(event).namespace
    location = etree.Element(f"{{{namespace}}}location", refersTo="#adoptionMeeting")
    location.text = text
    eol = etree.Element(f"{{{namespace}}}eol")
    location.sourceline = eol.sourceline = holder.sourceline
    event.insert(0, eol)
    event.insert(0, location)
    body.remove(paragraph)


# ---------------------------------------------------------------- a preamble in pieces
def join_split_preamble(statement, ctx) -> None:
    """A preamble the converter cut in pieces around a <mainBody> holding the preambular paragraphs
    between them (58/22 in Chinese: a <preamble>, a <mainBody> of one paragraph, a second
    <preamble>, then the <mainBody> of the operative paragraphs), put back together in print
    order (W674): each paragraph of such a <mainBody> becomes a container of the preamble where it
    stands. Repaired only when every piece between the first <preamble> and the last is a
    <preamble> or a <mainBody> of unnumbered paragraphs of words or of headings alone, nothing
    else; any other file keeps its pieces, and the reader refuses a second <preamble>.

    A heading there (80/131 in Arabic: "البلدان التي تواجه أوضاعاً خاصة", a paragraph of the
    style H23 holding only a <subheading>, between two pieces) becomes a paragraph of the preamble
    in bold, as the same resolution's Spanish file types it, since a source's headings stand
    between operative paragraphs only (E215)."""
    children = [el for el in statement if isinstance(el.tag, str)]
    preambles = [el for el in children if local(el) == "preamble"]
    if len(preambles) < 2:
        return
    pieces = children[children.index(preambles[0]) + 1:children.index(preambles[-1]) + 1]
    for piece in pieces:
        if local(piece) == "preamble":
            continue
        # Comments are nothing printed, as everywhere in the reader.
        if local(piece) != "mainBody" or not all(
                local(el) == "paragraph" and el.find("./{*}num") is None and el.find("./{*}list") is None
                and (el.find("./{*}content") is not None or _heading_alone(el) is not None)
                for el in piece if isinstance(el.tag, str)):
            return
    namespace = etree.QName(preambles[0]).namespace
    moved = headings = 0
    for piece in pieces:
        if local(piece) == "preamble":
            for child in [el for el in piece if isinstance(el.tag, str)]:
                preambles[0].append(child)
        else:
            for paragraph in [el for el in piece if isinstance(el.tag, str)]:
                container = etree.SubElement(preambles[0], f"{{{namespace}}}container",
                                             eId=paragraph.get("eId") or "")
                container.sourceline = paragraph.sourceline
                heading = _heading_alone(paragraph)
                if heading is None:
                    for child in paragraph.find("./{*}content"):
                        container.append(child)
                    moved += 1
                    continue
                words = etree.SubElement(etree.SubElement(container, f"{{{namespace}}}p"),
                                         f"{{{namespace}}}span", {"class": "bold"})
                words.sourceline = container[0].sourceline = heading.sourceline
                words.text = heading.text
                words.extend(heading)
                headings += 1
        statement.remove(piece)
    between = [f"{moved} unnumbered paragraph(s)"] * bool(moved) + [f"{headings} heading(s)"] * bool(headings)
    ctx.warn(preambles[1], f"the preamble is cut in {len(preambles)} pieces around a <mainBody> of "
                           f"{' and '.join(between)} between them; read as one preamble, in print "
                           "order" + ("; a heading there as a paragraph in bold" if headings else ""), "W674")


def _heading_alone(paragraph):
    """The <subheading> or <heading> that is all a paragraph prints, or None."""
    children = [el for el in paragraph if isinstance(el.tag, str)]
    if len(children) == 1 and local(children[0]) in ("subheading", "heading") and _printed(children[0]):
        return children[0]
    return None


# ---------------------------------------------------------------- a vote printed after the closing lines
def vote_after_conclusions(statement, ctx) -> None:
    """The lists of a recorded vote the converter put in a <mainBody> after the closing lines
    (57/36 in Arabic: the conclusions' vote holds the note and its three labels, each over an
    empty <organization>, and a <mainBody> after <conclusions> prints the note again, each label
    and, after it, its list), put back in the vote (W675). Repaired only when that <mainBody>
    holds exactly the vote's text: unnumbered paragraphs of words, the first the note as the
    outcome prints it, then each label of the outcome in order with its list in the paragraph
    after it (one list at least printed), every list of the outcome empty. Anything else after
    <conclusions> is left where it is, and the reader refuses it (E633): print shows the closing
    lines last.

    The vote may be a bare frame as well (58/7 in Arabic: its note prints no words, its counts
    say 0, its labels are empty): the note and labels are then taken from the <mainBody> too, when
    its paragraphs have the vote's shape (a note opening with "[" and printing one number for
    each count, then a short label ending with a colon over each list)."""
    children = [el for el in statement if isinstance(el.tag, str)]
    names = [local(el) for el in children]
    if "conclusions" not in names:
        return
    conclusions = children[names.index("conclusions")]
    after = [el for el in children[names.index("conclusions") + 1:] if local(el) == "mainBody"]
    outcome = conclusions.find(".//{*}vote/{*}outcome")
    if len(after) != 1 or outcome is None:
        return
    subs = outcome.findall("./{*}outcome")
    lists = [sub.findall("./{*}organization") for sub in subs]
    if not subs or any(len(orgs) != 1 or _printed(orgs[0]) for orgs in lists):
        return
    paragraphs = [el for el in after[0] if isinstance(el.tag, str)]
    if not all(local(p) == "paragraph" and p.find("./{*}num") is None and p.find("./{*}list") is None
               and p.find("./{*}content") is not None for p in paragraphs):
        return
    texts = [_printed(p.find("./{*}content")) for p in paragraphs]
    framed = _fill_vote_frame(outcome, subs, texts)
    note = (outcome.text or "") + "".join(
        "".join(child.itertext()) + (child.tail or "") for child in outcome.iterchildren("*")
        if local(child) != "outcome")
    labels = [collapse(sub.text or "").strip() for sub in subs]
    if (len(texts) != 1 + 2 * len(subs) or texts[0] != collapse(note).strip() or texts[1::2] != labels
            or not any(texts[2::2])):
        return
    for (organization,), paragraph, listed in zip(lists, paragraphs[2::2], texts[2::2]):
        organization.text = listed
        # Messages on a list name the line that prints it.
        organization.sourceline = paragraph.sourceline
    if framed:
        ctx.warn(paragraphs[0], f"the vote is printed in a <mainBody> after the closing lines, its note, "
                                f"{len(subs)} labels and lists, and the vote's own note, counts, labels "
                                "and lists are empty: read as the vote", "W675")
    else:
        ctx.warn(paragraphs[0], f"the vote's {len(subs)} lists are printed in a <mainBody> after the "
                                "closing lines, under the vote's note and labels again, and the vote's "
                                "own lists are empty: read as the vote's lists", "W675")
    statement.remove(after[0])


_COUNT = re.compile(r"\d+")


def _fill_vote_frame(outcome, subs, texts) -> bool:
    """Put the note and labels printed after the closing lines (``texts``) into a vote that is a
    bare frame: no words in its note or labels, no count but 0. When the note prints one number
    for each count, each becomes its count, in the frame's order of counts (the order every
    language's note prints them in); when it does not (the Arabic note writes one and two as
    words, "وامتناع عضوين"), the note is put in as its words and the counts of 0 are dropped, so
    the lists are counted as printed. Nothing is changed unless the note and labels fit."""
    counts = [q for q in outcome.iterchildren("{*}quantity")]
    words = collapse((outcome.text or "") + "".join(
        (child.tail or "") for child in outcome.iterchildren("*") if local(child) != "outcome")).strip()
    if (words or not counts or any(_printed(q) not in ("", "0") or q.get("normalized", "0") != "0"
                                   for q in counts)
            or any(collapse(sub.text or "").strip() for sub in subs)
            or len(texts) != 1 + 2 * len(subs) or not texts[0].startswith("[")):
        return False
    labels = texts[1::2]
    if not all(0 < len(label) <= 40 and label[-1] in ":：" for label in labels):
        return False
    numbers = _COUNT.findall(texts[0])
    for count in counts:
        outcome.remove(count)
    if len(numbers) != len(counts):
        numbers = []
    pieces = _COUNT.split(texts[0]) if numbers else [texts[0]]
    outcome.text = pieces[0]
    at = 0
    for count, number, tail in zip(counts, numbers, pieces[1:]):
        count.text, count.tail = number, tail
        count.set("normalized", str(int(number)))
        outcome.insert(at, count)
        at += 1
    for sub, label in zip(subs, labels):
        sub.text = label
    return True


# ---------------------------------------------------------------- a quoted paragraph with sub-paragraphs
def _label_of(paragraph) -> str:
    """The label or number a <paragraph> prints first: its <num>'s, or the one typed in its words."""
    num = paragraph.find("./{*}num")
    if num is not None and plain(num):
        return plain(num)
    words = paragraph.find("./{*}content/{*}p")
    found = TYPED_LABEL_RE.match(plain(words) + " ") if words is not None else None
    return found.group(0).strip() if found else ""


def _own_typed_after(paragraph) -> bool:
    """Whether the paragraph's own sub-paragraphs follow it typed as paragraphs of their own (the
    converter's way, W653): the next <paragraph> opens with the first label of a level ((a), (i),
    ’1‘, 1.) that is not the one after the paragraph's own label ((h) then (i) continue letters)."""
    after = paragraph.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is None or local(after) != "paragraph" or after.find("./{*}content") is None:
        return False            # (nor a heading: "’1‘ Exemptions" is a heading's label)
    key, own = label_key(_label_of(after)), label_key(_label_of(paragraph))
    following = {sequence(n + 1) for sequence in _SEQUENCES for n in range(200) if own and sequence(n) == own}
    return key in ("a", "i", "1") and key not in following


def quoted_points(statement, ctx) -> list:
    """A paragraph that quotes the words it puts in another resolution's place, typed as an
    amendment (<mod><quotedStructure>) in a paragraph of its <content> (the Council's 2699 (2023):
    "paragraph 11 of resolution 2653 (2022) shall be replaced by the following:", then the new
    paragraph 11, "“Decides … shall not apply to:", and its points a. and b., the last closing the
    quote). Print shows the quoted words on a line of their own under the paragraph's, and its
    points as the paragraph's sub-paragraphs: so they are read (W700). Only where the amendment
    is all its paragraph of <content> holds, and holds paragraphs of words and then points, with
    no list of the paragraph's own beside it; anything else is left as the converter wrote it.
    Returns the lists of points made: they are the quoted resolution's, and nothing typed
    after them is theirs (``LabelNester``'s ``closed``)."""
    made = []
    for mod in list(statement.iter("{*}mod")):
        holder = mod.getparent()
        content = holder.getparent() if holder is not None else None
        paragraph = content.getparent() if content is not None else None
        quoted = [el for el in mod if isinstance(el.tag, str)]
        if (paragraph is None or local(holder) != "p" or local(content) != "content"
                or local(paragraph) not in ("paragraph", "point")
                or len(quoted) != 1 or local(quoted[0]) != "quotedStructure"
                or [el for el in holder if isinstance(el.tag, str)] != [mod]
                or (holder.text or "").strip() or (mod.text or "").strip() or (mod.tail or "").strip()
                or (quoted[0].text or "").strip()):
            continue
        inside = [el for el in quoted[0] if isinstance(el.tag, str)]
        words = [el for el in inside if local(el) == "p"]
        points = [el for el in inside if local(el) == "point"]
        if (not words or inside != words + points
                or any((el.tail or "").strip() for el in inside)
                or (points and (paragraph.find("./{*}list") is not None or _own_typed_after(paragraph)))):
            continue
        at = content.index(holder)
        content.remove(holder)
        for offset, p in enumerate(words):
            p.tail = None
            content.insert(at + offset, p)
        if points:
            namespace = etree.QName(paragraph).namespace
            listed = etree.Element(f"{{{namespace}}}list")
            listed.sourceline = points[0].sourceline
            for point in points:
                point.tail = None
                listed.append(point)
            content.addnext(listed)
            made.append(listed)
        ctx.warn(mod, "the paragraph quotes the words it puts in another's place as an amendment "
                      f"(<mod>): read as a line under its words{' and its sub-paragraphs' if points else ''}",
                 "W700")
    return made


# ---------------------------------------------------------------- the note's brackets facing the wrong way
def note_brackets_facing(statement, ctx) -> None:
    """The adoption note's closing bracket typed as an opening one, or its opening bracket as a
    closing one (58/24 in Arabic ends its last list "…، وملديف[": typed right to left, the two
    are easily swapped), read as the bracket the note needs there (W676). Only where the words
    between the note's two ends pair their own brackets: else which bracket was typed wrong is not
    told, and the note is left as it is."""
    outcome, _kind = printed_outcome(statement)
    if outcome is None:
        return
    pieces = _text_pieces(outcome)
    text = "".join(text for _el, _slot, text in pieces)
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] not in "[]" or stripped[-1] not in "[]" \
            or (stripped[0], stripped[-1]) == ("[", "]"):
        return
    inside = stripped[1:-1]
    if inside.count("[") != inside.count("]"):
        return
    first = next(index for index, (_el, _slot, piece) in enumerate(pieces) if piece.strip())
    last = max(index for index, (_el, _slot, piece) in enumerate(pieces) if piece.strip())
    if stripped[0] == "]":
        el, slot, _text = pieces[first]
        setattr(el, slot, getattr(el, slot).replace("]", "[", 1))
    if stripped[-1] == "[":
        el, slot, _text = pieces[last]
        # (read again: the note's first piece may be its last too)
        text = getattr(el, slot)
        at = len(text.rstrip()) - 1
        setattr(el, slot, text[:at] + "]" + text[at + 1:])
    ctx.warn(pieces[last][0], "the adoption note's brackets face the wrong way ("
                              f"{stripped[0]}…{stripped[-1]}); read as [ … ]", "W676")


def _text_pieces(el) -> list:
    """Every piece of text inside ``el`` in print order: (element, "text" or "tail", the text)."""
    pieces = [(el, "text", el.text or "")]
    for child in el.iterchildren("*"):
        pieces += _text_pieces(child)
        pieces.append((child, "tail", child.tail or ""))
    return pieces


def _printed(el) -> str:
    return collapse("".join(el.itertext())).strip()


# ---------------------------------------------------------------- an operative paragraph typed as a sub-point
def decimal_number(label: str) -> Optional[int]:
    """The number of an operative paragraph's label ("5.", "5 -", "5"), or None for any other label."""
    found = re.fullmatch(r"\s*(\d+)\s*[.\-]?\s*", label)
    return int(found.group(1)) if found else None


def _decimal(el) -> Optional[int]:
    num = el.find("./{*}num")
    return decimal_number(_printed(num)) if num is not None else None


def operative_in_sublist(statement, ctx) -> None:
    """The next operative paragraph typed as the last point of a <sublist> that closes the
    paragraph before it (S/RES/2820 (2026) in French: "5. Décide …" in a <sublist> under iv) of
    paragraph 4's d), then paragraph 6). Print shows it at the margin, paragraph 5: it is moved out,
    after the paragraph it was typed in (W703). Only where its number is the one between the
    main body's numbered paragraphs before and after it, and nothing follows it in the paragraph
    it was typed in; anything else is left as the converter wrote it."""
    body = statement.find("./{*}mainBody")
    if body is None:
        return
    order = [el for el in body.iter("{*}paragraph", "{*}point")]
    for at, point in enumerate(order):
        number = _decimal(point) if local(point) == "point" else None
        sublist = point.getparent()
        if number is None or sublist is None or local(sublist) != "sublist":
            continue
        holder = next((el for el in point.iterancestors("{*}paragraph")
                       if el.getparent() is not None and local(el.getparent()) != "list"), None)
        if holder is None:
            continue
        before = [_decimal(el) for el in order[:at] if local(el) == "paragraph"]
        before = [n for n in before if n is not None]
        after = next((_decimal(el) for el in order[at + 1:] if local(el) == "paragraph"
                      and _decimal(el) is not None and holder not in el.iterancestors()), None)
        last = point
        while last is not holder:
            if any(isinstance(el.tag, str) for el in last.itersiblings()):
                break
            last = last.getparent()
        if last is not holder or not before or before[-1] != number - 1 \
                or (after is not None and after != number + 1):
            continue
        namespace = etree.QName(holder).namespace
        moved = etree.Element(f"{{{namespace}}}paragraph")
        moved.sourceline = point.sourceline
        for child in list(point):
            moved.append(child)
        moved.tail = holder.tail
        sublist.remove(point)
        if not any(isinstance(el.tag, str) for el in sublist):
            sublist.getparent().remove(sublist)
        holder.addnext(moved)
        ctx.warn(point, f"operative paragraph {number} is typed as the last point of a <sublist> in the "
                        "paragraph before it; moved out, after that paragraph", "W703")
