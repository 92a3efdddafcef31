"""The readers of ``unres verify``: a fingerprint read back from each built file.

The readers here share no code with the writers: each one looks at the file
the way a reader of that format would (the PDF's visible text and its layout,
the DOCX's paragraphs and footnotes part, the HTML's elements, the AKN's
markup), so a writer's mistake cannot be repeated by its own checker.

What each reader provides (``Fingerprint.provides``): every field, for all
four formats. The format table (``unres.formats``) names each format's reader. The PDF keeps italics as a font change, which is how its reader
recovers opening phrases. The AKN file a PDF carries is not the PDF reader's: it is the AKN file
built beside it, byte for byte, or read by the AKN reader (``verify/attached.py``).
"""
