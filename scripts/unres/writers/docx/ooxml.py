"""Schema order for the WordprocessingML elements the DOCX code adds by hand.

Word refuses a file whose children come in the wrong order, so every
hand-made element goes before the first sibling that the schema puts after it.
"""
from __future__ import annotations

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


# The names that come after each one in a sequence, by (name, sequence): found once.
_LATER: dict = {}


def insert_ordered(parent, child, order: tuple) -> None:
    """Insert ``child`` into ``parent`` where the schema sequence ``order`` wants it."""
    local = child.tag.rpartition("}")[2]
    later = _LATER.get((local, order))
    if later is None:
        later = _LATER[(local, order)] = frozenset(qn(f"w:{name}") for name in order[order.index(local) + 1:])
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return
    parent.append(child)
