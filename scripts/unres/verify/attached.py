"""The AKN file a PDF carries (PDF/A-3's associated file): the archive's copy of the source.

An archive that keeps only the PDF keeps its AKN through the attachment, so it must be the AKN
file built beside it, byte for byte, or, read alone, say what the source says.
"""
from __future__ import annotations

from .compare import Finding, compare
from .read.akn import extract_akn
from .read.html import _opened


def attached_akn(attachments: list) -> tuple[list, bytes | None]:
    """``(names of the PDF's attachments, the bytes of its one XML attachment or None)`` of a PDF's
    ``(name, bytes)`` attachments."""
    xml = [data for name, data in attachments if name.lower().endswith(".xml")]
    return [name for name, _data in attachments], (xml[0] if len(xml) == 1 else None)


def attachment_differences(want, files: dict, attachments: list | None) -> list:
    """What is wrong with the AKN file the PDF in ``files`` carries (``attachments``, as its reader
    read them; None where it could not read the PDF): none, several, not the AKN file in ``files``
    or, without one (or with one that cannot be read), not what the source says."""
    if "pdf" not in files or attachments is None:
        return []
    path, label = files["pdf"]
    names, data = attached_akn(attachments)
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
