"""Runs of a right-to-left document split by direction.

Word lays out each run in the direction its ``w:rtl`` states, and an Arabic document states
right to left by default (``right_to_left`` in finish.py). A symbol such as ``A/HRC/54/28``
inside an Arabic sentence would then be shown with its pieces reordered, so each Latin-script
or numeric run of text (``writers.bidi.split_ltr``) becomes a run of its own with
``w:rtl w:val="0"``, and the Arabic text around it a run with ``w:rtl``. The runs of the text are
found in the paragraph's text, not run by run: a symbol the UN links in pieces (S/2020/57 as "S/",
"2020", "/", "57"), or a Latin sentence after its italic opening words, is one left-to-right run
of the sentence, its neutral pieces ("/") left to right too. The text is unchanged.
"""
from __future__ import annotations

import copy

from docx.oxml.ns import qn

from ..bidi import BOUNDARY, split_ltr
from .ooxml import insert_ordered

_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
              "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
              "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
              "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
              "specVanish", "oMath")
_R, _RPR, _T, _RTL, _P, _VAL = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:rtl"), qn("w:p"), qn("w:val")
# A run holding anything else (a field, a note reference, a drawing) is left as it is.
_SPLITTABLE = frozenset({_T, qn("w:tab"), qn("w:br")})
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _pieces(run, flags: str) -> list[tuple[bool, list]]:
    """The run's content as (is_ltr, [elements]) groups; a tab or break stays with the text before
    it. ``flags``: whether each character of the run's text is in a left-to-right run of its
    paragraph ("1") or not ("0")."""
    groups: list[tuple[bool, list]] = []
    at = 0
    for child in run:
        if child.tag == _RPR:
            continue
        if child.tag != _T:
            if groups:
                groups[-1][1].append(child)
            else:
                groups.append((False, [child]))
            continue
        text = child.text or ""
        for start, end, ltr in _cut(flags[at:at + len(text)]):
            # (made by the run's own parser, as python-docx's OxmlElement makes it, without
            # reading a prefixed name first)
            t = run.makeelement(_T)
            t.set(_SPACE, "preserve")
            t.text = text[start:end]
            if groups and groups[-1][0] == ltr:
                groups[-1][1].append(t)
            else:
                groups.append((ltr, [t]))
        at += len(text)
    return groups


def _with_direction(run, rpr, ltr: bool):
    rpr = copy.deepcopy(rpr) if rpr is not None else run.makeelement(_RPR)
    rtl = rpr.find(_RTL)
    if rtl is None:
        rtl = run.makeelement(_RTL)
        insert_ordered(rpr, rtl, _RPR_ORDER)
    if ltr:
        rtl.set(_VAL, "0")
    return rpr


def _cut(flags: str) -> list[tuple[int, int, bool]]:
    """``(start, end, is_ltr)`` of each stretch of equal flags, in order."""
    out: list[tuple[int, int, bool]] = []
    start, n = 0, len(flags)
    while start < n:
        ltr = flags[start] == "1"
        end = flags.find("0" if ltr else "1", start)
        end = n if end < 0 else end
        out.append((start, end, ltr))
        start = end
    return out


def _splittable(run) -> bool:
    rpr = run.find(_RPR)
    if rpr is not None and rpr.find(_RTL) is not None:
        return False
    return all(child.tag in _SPLITTABLE for child in run if child.tag != _RPR)


def _paragraph_flags(runs) -> list:
    """Each run's flags (``_pieces``: a "1" or a "0" for each character of its text), found in the
    text of the runs together, or None for a run that is not split (a note's reference, a field):
    it ends a left-to-right run, as a tab or a break does."""
    text = []
    splittable = [_splittable(run) for run in runs]
    for run, whole in zip(runs, splittable):
        if not whole:
            text.append(BOUNDARY)
            continue
        for child in run:
            if child.tag == _T:
                text.append(child.text or "")
            elif child.tag != _RPR:
                text.append(BOUNDARY)
    flags = "".join(("1" if ltr else "0") * len(piece) for piece, ltr in split_ltr("".join(text)))
    out, at = [], 0
    for run, whole in zip(runs, splittable):
        if not whole:
            out.append(None)
            at += 1
            continue
        mine = []
        for child in run:
            if child.tag == _T:
                mine.append(flags[at:at + len(child.text or "")])
                at += len(child.text or "")
            elif child.tag != _RPR:
                at += 1
        out.append("".join(mine))
    return out


def split_runs(root) -> None:
    """Every run under ``root`` whose direction is not already stated, split by direction."""
    for paragraph in list(root.iter(_P)):
        # (a paragraph's own runs: those of a paragraph inside it, a text box's, are its own)
        runs = [run for run in paragraph.iter(_R) if _owner(run) is paragraph]
        for run, flags in zip(runs, _paragraph_flags(runs)):
            if flags is not None:
                _split(run, flags)


def _split(run, flags) -> None:
    rpr = run.find(_RPR)
    groups = _pieces(run, flags)
    if not groups:
        return
    parent, at = run.getparent(), run.getparent().index(run)
    parent.remove(run)
    for offset, (ltr, children) in enumerate(groups):
        new = run.makeelement(_R, dict(run.attrib))
        new.append(_with_direction(run, rpr, ltr))
        new.extend(children)
        parent.insert(at + offset, new)


def _owner(run):
    """The paragraph a run is in."""
    node = run.getparent()
    while node is not None and node.tag != _P:
        node = node.getparent()
    return node
