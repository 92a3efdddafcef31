"""A label or a Latin word in quotes, followed by a number or Latin letters, keeps its quotes
around it in an Arabic sentence.

The writers isolate a left-to-right run from its first Latin letter or digit to the next Arabic
letter. In "’3‘ 5 000 جندي" (the UN's quotes around an inline label, as S/RES/2529 (2020) sets
its ’1‘ … ’6‘) the run was "3‘ 5 000": it took the quote that closes the one before it, and the
PDF and the HTML printed "’000 5 ‘3 جندي", the label torn apart; "“World Health” 2030" printed
"“2030 ”World Health". Verify reads the text back in its logical order, which was right, so
nothing refused it. A run now ends before a quote that closes the quote just before it
(writers/bidi.py, ``_kept_end``): "3", then "5 000".

Shown on the runs (generated labels, quoted words and what follows them) and on the printed
page: each label's number stands between its two quotes."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from conftest import FRONT, rendered_verified
from unres.writers.bidi import split_ltr

AFTER = ["5 000", "2030", "A/HRC/54/1", "COVID-19", "UNESCO", "§ 3", "25 %", "(2023)"]
QUOTES = [("’", "‘"), ("“", "”"), ("”", "“"), ("«", "»")]


@given(st.sampled_from(["3", "12", "A", "World Health", "UNICEF"]), st.sampled_from(QUOTES),
       st.sampled_from(AFTER), st.sampled_from(["جندي", "في", "،"]))
@settings(max_examples=200, deadline=None)
def test_a_run_ends_before_the_quote_that_closes_the_one_before_it(word, quotes, after, tail):
    opening, closing = quotes
    text = f"التعاون {opening}{word}{closing} {after} {tail}"
    runs = [piece for piece, ltr in split_ltr(text) if ltr]
    assert runs[0] == word, (text, runs)
    assert closing not in "".join(runs), (text, runs)


def test_a_quotation_opened_inside_a_run_stays_in_it():
    assert split_ltr("UNESCO “World” 2030 في") == [("UNESCO “World” 2030", True), (" في", False)]
    assert split_ltr("دول Member States’ 5 في") == [("دول ", False), ("Member States’ 5", True), (" في", False)]


LABELS = ["7", "8", "9"]


def test_a_label_prints_between_its_quotes(tmp_path):
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    items = "؛ ".join(f"’{label}‘ {after} التعاون" for label, after in zip(LABELS, ["5 000", "A/HRC/54/1", "COVID-19"]))
    source = (FRONT.replace("\nlanguage: English", "\nlanguage: Arabic")
              + f"\n*إن مجلس حقوق الإنسان*،\n\n*إذ يشير* إلى ما يلي: {items}،\n\n1- *يقرر* أن يبقي المسألة قيد نظره.\n")
    outputs = rendered_verified(tmp_path, source, ("pdf", "html"))
    pdf = pdfium.PdfDocument(outputs["pdf"])
    chars = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for page in pdf:
        text = page.get_textpage()
        for i in range(text.count_chars()):
            left, _bottom, right, _top = text.get_charbox(i, loose=True)
            # (the baseline: the two faces' boxes reach down differently)
            pdfium_c.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
            chars.append((text.get_text_range(i, 1), left, right, round(y.value)))
    found = {}
    for ch, left, right, row in chars:
        if ch not in LABELS:
            continue
        beside = sorted((c for c in chars if c[3] == row and c[0].strip() and c[0] != ch), key=lambda c: c[1])
        on_left = [c for c in beside if c[2] <= left + 0.5]
        on_right = [c for c in beside if c[1] >= right - 0.5]
        found.setdefault(ch, set()).add((on_left[-1][0] if on_left else None, on_right[0][0] if on_right else None))
    # (the face draws a quote on a right-to-left line as its mirror's glyph: either quote may
    # stand on either side; the digits stand elsewhere on the page too, in the dates and the symbol)
    assert all(any(a and b and a in "’‘" and b in "’‘" for a, b in found.get(label, ())) for label in LABELS), found
    assert all(f"’<bdi dir=\"ltr\">{label}</bdi>‘" in outputs["html"].decode("utf-8") for label in LABELS)
