"""Runs of a right-to-left document split by direction.

Word lays out each run in the direction its ``w:rtl`` states, and an Arabic document states
right to left by default (``right_to_left`` in finish.py). A symbol such as ``A/HRC/54/28``
inside an Arabic sentence would then be shown with its pieces reordered, so each Latin-script
or numeric run of text (``writers.bidi.split_ltr``) becomes a run of its own with
``w:rtl w:val="0"``, and the Arabic text around it a run with ``w:rtl``. The text is unchanged.
"""
from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..bidi import split_ltr
from .ooxml import insert_ordered

_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
              "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
              "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
              "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
              "specVanish", "oMath")
_R, _RPR, _T, _RTL = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:rtl")
# A run holding anything else (a field, a note reference, a drawing) is left as it is.
_SPLITTABLE = frozenset({_T, qn("w:tab"), qn("w:br")})
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _pieces(run) -> list[tuple[bool, list]]:
    """The run's content as (is_ltr, [elements]) groups; a tab or break stays with the text before it."""
    groups: list[tuple[bool, list]] = []
    for child in run:
        if child.tag == _RPR:
            continue
        if child.tag != _T:
            if groups:
                groups[-1][1].append(child)
            else:
                groups.append((False, [child]))
            continue
        for text, ltr in split_ltr(child.text or ""):
            t = OxmlElement("w:t")
            t.set(_SPACE, "preserve")
            t.text = text
            if groups and groups[-1][0] == ltr:
                groups[-1][1].append(t)
            else:
                groups.append((ltr, [t]))
    return groups


def _with_direction(rpr, ltr: bool):
    rpr = copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr")
    rtl = rpr.find(_RTL)
    if rtl is None:
        rtl = OxmlElement("w:rtl")
        insert_ordered(rpr, rtl, _RPR_ORDER)
    if ltr:
        rtl.set(qn("w:val"), "0")
    return rpr


def split_runs(root) -> None:
    """Every run under ``root`` whose direction is not already stated, split by direction."""
    for run in list(root.iter(_R)):
        rpr = run.find(_RPR)
        if rpr is not None and rpr.find(_RTL) is not None:
            continue
        if any(child.tag not in _SPLITTABLE for child in run if child.tag != _RPR):
            continue
        groups = _pieces(run)
        if not groups:
            continue
        parent, at = run.getparent(), run.getparent().index(run)
        parent.remove(run)
        for offset, (ltr, children) in enumerate(groups):
            new = OxmlElement("w:r", attrs=dict(run.attrib))
            new.append(_with_direction(rpr, ltr))
            new.extend(children)
            parent.insert(at + offset, new)
