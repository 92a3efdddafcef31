"""The AKN file a PDF carries (PDF/A-3's associated file): the archive's copy of the source.

An archive that keeps only the PDF keeps its AKN through the attachment, so it must be the AKN
file built beside it, byte for byte, or, read alone, say what the source says.
"""
from __future__ import annotations

from .compare import Finding, compare
from .read.akn import extract_akn
from .read.html import _opened


def attached_akn(pdf) -> tuple[list, bytes | None]:
    """``(names of the PDF's attachments, the bytes of its one XML attachment or None)``."""
    import pypdfium2 as pdfium

    data, _name = _opened(pdf)
    document = pdfium.PdfDocument(data)
    try:
        attachments = [document.get_attachment(i) for i in range(document.count_attachments())]
        names = [attachment.get_name() for attachment in attachments]
        xml = [attachment for attachment, name in zip(attachments, names) if name.lower().endswith(".xml")]
        return names, (bytes(xml[0].get_data()) if len(xml) == 1 else None)
    finally:
        document.close()


def attachment_differences(want, files: dict) -> list:
    """What is wrong with the AKN file the PDF in ``files`` carries: none, several, not the AKN
    file in ``files`` or, without one (or with one that cannot be read), not what the source says."""
    if "pdf" not in files:
        return []
    path, label = files["pdf"]
    try:
        names, data = attached_akn(path)
    except Exception:       # a PDF that cannot be read is the PDF reader's finding
        return []
    if data is None:
        found = [Finding(str(label), f"carries no one AKN file (its attachments: {', '.join(names) or 'none'})")]
    elif "akn" in files:
        akn, akn_label = files["akn"]
        same = data == _opened(akn)[0]
        found = [] if same else [Finding(str(label), f"the AKN file it carries is not {akn_label}")]
    else:
        try:
            got = extract_akn(data)
        except Exception as exc:    # a damaged file is a finding, not a crash
            found = [Finding(str(label), f"the AKN file it carries cannot be read: {type(exc).__name__}: {exc}")]
        else:
            got.label = f"{label} (the AKN file it carries)"
            found = compare(want, got)
    for finding in found:
        finding.fmt = "pdf"
    return found
