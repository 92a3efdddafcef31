"""The UN's heading styles, by the level of a source's heading between operative paragraphs.

A source writes such a heading ``###`` to ``######``; the UN's files set it in one of the New
York heading styles, which the AKN keeps as the class of the paragraph holding the heading
(``<paragraph class="H23"><subheading>``). One table, read by the AKN writer and the importer.
"""
from __future__ import annotations

# ### HCh (chapter), #### H1, ##### H23, ###### H4 (the lowest, set in italics).
STYLE_OF_LEVEL = {3: "HCh", 4: "H1", 5: "H23", 6: "H4"}
# The UN's styles, Geneva's (…G) as New York's; H56 prints as H4 does.
LEVEL_OF_STYLE = {**{style: level for level, style in STYLE_OF_LEVEL.items()}, "H56": 6,
                  **{style + "G": level for level, style in STYLE_OF_LEVEL.items()}, "H56G": 6}
# The UN writes its higher headings as <heading>, its lower as <subheading>.
SUBHEADING_FROM = 5


def akn_element(level: int) -> str:
    return "subheading" if level >= SUBHEADING_FROM else "heading"


def named_level(style: str) -> int | None:
    """The level of the UN's heading style ``style`` (its Arabic and Chinese versions add the
    language's letter: H23A, H1C), or None when it is not one."""
    style = style[:-1] if style[-1:] in "ACFRS" and style[:-1] in LEVEL_OF_STYLE else style
    return LEVEL_OF_STYLE.get(style)


def level_of(style: str, element: str) -> int:
    """The level of a heading the UN set in ``style``; a style it does not name is read from the
    element."""
    level = named_level(style)
    return level if level is not None else SUBHEADING_FROM if element == "subheading" else 4
