"""The one instant an output records as its date (the PDF's and the DOCX's metadata, the
DOCX's zip entries): ``SOURCE_DATE_EPOCH`` when it is set, else the issue date at midnight UTC,
so that the same source gives the same bytes. Every writer asks here; none reads the clock.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import Optional

from ..errors import tool_error

ENV = "SOURCE_DATE_EPOCH"
# 9999-12-31T23:59:59Z: the last instant every format can write (PDF dates have four-digit years).
_LAST = 253402300799


def source_date_epoch(env: Mapping | None = None) -> Optional[dt.datetime]:
    """The instant ``SOURCE_DATE_EPOCH`` names in ``env`` (this process's environment if None),
    None when it is unset or empty; a value that is not a whole number of seconds is an error
    (T-SOURCE-DATE-EPOCH), never ignored."""
    value = (os.environ if env is None else env).get(ENV, "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > _LAST:
        raise tool_error(f"{ENV}={value!r} is not a whole number of seconds since 1970-01-01 UTC "
                         f"(0 to {_LAST}); set it to one, such as {ENV}=$(date +%s), or unset it",
                         "T-SOURCE-DATE-EPOCH")
    return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)


def document_instant(issue_date: dt.date, env: Mapping | None = None) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` (of ``env``, else this process's), else ``issue_date`` at midnight UTC."""
    return source_date_epoch(env) or dt.datetime.combine(issue_date, dt.time(0, 0), tzinfo=dt.timezone.utc)
