"""Characters that are never drawn: Unicode's default-ignorable code points
(DerivedCoreProperties.txt): the soft hyphen, joiners, direction marks, variation
selectors and the like. A PDF's text has none of them, and a text made of them alone
prints nothing.
"""
from __future__ import annotations

IGNORABLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
                    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
                    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
                    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
                    (0xE0000, 0xE0FFF))


def is_ignorable(ch: str) -> bool:
    code = ord(ch)
    return any(first <= code <= last for first, last in IGNORABLE_RANGES)


def prints_nothing(text: str) -> bool:
    """Whether ``text`` holds nothing but white space and characters that are never drawn."""
    return all(ch.isspace() or is_ignorable(ch) for ch in text)


def drawn(text: str) -> str:
    """``text`` without the characters that are never drawn."""
    return "".join(ch for ch in text if not is_ignorable(ch))
