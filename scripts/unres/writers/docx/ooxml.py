"""Schema order for the WordprocessingML elements the DOCX code adds by hand.

Word refuses a file whose children come in the wrong order, so every
hand-made element goes before the first sibling that the schema puts after it.
"""
from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn

# ECMA-376 Part 1, CT_PPrBase and CT_TcBorders sequences.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)
TC_BORDERS_ORDER = ("top", "start", "left", "bottom", "end", "right", "insideH", "insideV",
                    "tl2br", "tr2bl")
# CT_TblPr.
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
               "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
               "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")


@cache
def _later(local: str, order: tuple) -> frozenset:
    """The qualified names that come after ``local`` in the sequence ``order`` (found once)."""
    return frozenset(qn(f"w:{name}") for name in order[order.index(local) + 1:])


def insert_ordered(parent, child, order: tuple) -> None:
    """Insert ``child`` into ``parent`` where the schema sequence ``order`` wants it."""
    later = _later(child.tag.rpartition("}")[2], order)
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return
    parent.append(child)
