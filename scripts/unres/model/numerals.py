"""The Latin letters and roman numerals of labels, for the model's eIds and every language's labels."""
from __future__ import annotations

ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = []
    for value, numeral in ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def letters(index: int) -> str:
    """a … z, then aa, bb, cc … as the UN continues a long list."""
    return chr(ord("a") + index % 26) * (index // 26 + 1)
