"""What PDFium gives a character as in right-to-left text, where Unicode's data does not say it.

Reading a right-to-left run, PDFium mirrors each character and then rewrites it by a table of its
own (its text page's "normalization"). For most characters that is Unicode's compatibility
decomposition, which the comparison already knows ("½" as "1/2", ``fingerprint.as_decomposed``),
but not for all: "®" comes back as "R", "≠" as "=/", "⓫" as "11", "␀" as "NUL". An Arabic
source with one of them was refused as a bug in unres though its PDF was right.

These are PDFium's, so they are asked of PDFium: :func:`probe` writes a PDF of one line for each
character, set between two Arabic letters in a Type 3 font whose ToUnicode map names it, and
reads its text back. ``pdfium_rtl.json`` keeps what the installed PDFium gave where the
comparison did not already take the two for one (written by ``python -m unres.verify.pdfium_rtl``;
``tests/test_pdfium_rtl.py`` probes again and fails when PDFium has changed). The comparison
(``fingerprint.PDFIUM_OWN``) writes each character of the table as PDFium gives it, on both
sides, so a text compares alike whether PDFium read it right to left or not.
"""
from __future__ import annotations

import io
import json
import unicodedata

from .fingerprint import PDFIUM_RTL_TABLE, base_text

# The letter each probed character stands between: Arabic, so that the run is right to left.
_CONTEXT = "\u0628"
# Characters not probed: unassigned, private, surrogates, controls, format characters, separators
# of lines and paragraphs, and marks (read with their letter, ``pdf_bidi``).
_NOT_PROBED = frozenset(("Cn", "Co", "Cs", "Cc", "Cf", "Zl", "Zp", "Mn", "Me", "Mc"))
_PER_FONT, _PER_PAGE = 250, 60


def candidates() -> list:
    return [chr(code) for code in range(0xA0, 0x10000) if unicodedata.category(chr(code)) not in _NOT_PROBED]


def probe(characters) -> dict:
    """``{character: the text PDFium reads}`` for each of ``characters`` set between two Arabic
    letters (the letters not included)."""
    import pikepdf
    import pypdfium2 as pdfium

    characters = list(characters)
    pdf = pikepdf.new()
    groups = [characters[i:i + _PER_FONT] for i in range(0, len(characters), _PER_FONT)]
    lines = [(group, code) for group in range(len(groups)) for code in range(2, len(groups[group]) + 2)]
    fonts: dict = {}
    for first in range(0, len(lines), _PER_PAGE):
        on_page = lines[first:first + _PER_PAGE]
        for group in {g for g, _code in on_page} - set(fonts):
            fonts[group] = pdf.make_indirect(_type3(pdf, groups[group]))
        content = "\n".join(f"BT /F{group} 10 Tf 1 0 0 1 20 {780 - 12 * n} Tm <01{code:02X}01> Tj ET"
                            for n, (group, code) in enumerate(on_page))
        resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(
            {f"/F{group}": fonts[group] for group in sorted({g for g, _code in on_page})}))
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 600, 800], Resources=resources,
            Contents=pdf.make_stream(content.encode()))))
    data = io.BytesIO()
    pdf.save(data)
    document = pdfium.PdfDocument(data.getvalue())
    read: list = []
    try:
        for page in document:
            textpage = page.get_textpage()
            read += textpage.get_text_range().split("\r\n")
            textpage.close()
            page.close()
    finally:
        document.close()
    if len(read) != len(characters):
        raise RuntimeError(f"PDFium read {len(read)} lines of {len(characters)} probed")
    found = {}
    for character, line in zip(characters, read):
        if not (line.startswith(_CONTEXT) and line.endswith(_CONTEXT) and len(line) >= 2):
            raise RuntimeError(f"U+{ord(character):04X} read as {line!r}, not between its letters")
        found[character] = line[1:-1]
    return found


def _type3(pdf, characters):
    """A Type 3 font whose code 1 is the Arabic letter and code 2 + i ``characters[i]``, each a
    filled box, named by its ToUnicode map."""
    import pikepdf

    named = [_CONTEXT, *characters]
    procs = pikepdf.Dictionary({f"/g{i}": pikepdf.Stream(pdf, b"500 0 0 0 500 700 d1 0 0 500 700 re f")
                                for i in range(1, len(named) + 1)})
    entries = [f"<{i:02X}> <{ord(ch):04X}>" for i, ch in enumerate(named, 1)]
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /Probe def /CMapType 2 def", "1 begincodespacerange <00> <FF> endcodespacerange"]
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        cmap += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 1000, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=procs, Resources=pikepdf.Dictionary(),
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding,
                                    Differences=[1, *(pikepdf.Name(f"/g{i}") for i in range(1, len(named) + 1))]),
        FirstChar=1, LastChar=len(named), Widths=[500] * len(named),
        ToUnicode=pikepdf.Stream(pdf, "\n".join(cmap).encode()))


def own(probed: dict) -> dict:
    """The entries of ``probed`` the comparison does not already take for one with their
    character: neither the character, its mirror, the quote it faces, its compatibility
    decomposition nor its composition; a reading that holds a mark is left to the reader's
    handling of marks."""
    return {ch: got for ch, got in probed.items()
            if base_text(got) != base_text(ch) and not any(unicodedata.combining(c) for c in got)
            and unicodedata.normalize("NFC", got) != ch}


def main() -> None:
    found = own(probe(candidates()))
    PDFIUM_RTL_TABLE.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                                encoding="utf-8")
    print(f"{PDFIUM_RTL_TABLE}: {len(found)} characters")


if __name__ == "__main__":  # pragma: no cover
    main()
