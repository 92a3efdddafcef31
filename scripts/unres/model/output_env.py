"""The environment that changes an output's bytes, as an input of the render.

``SOURCE_DATE_EPOCH`` (the instant outputs record, :mod:`.document_date`) and ``UNRES_EMBLEM``
(the masthead's image, :mod:`unres.writers.pdf.fetcher`) are this process's own, unless a
render's inputs carry others under :data:`OUTPUT_ENV`: a cluster worker renders with the
client's values that way, and its own environment, which its other threads and the next task
see, is never changed.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

NAMES = ("SOURCE_DATE_EPOCH", "UNRES_EMBLEM")
OUTPUT_ENV = "output-env"


def current() -> dict:
    """This process's values (None where unset), as a client sends them."""
    return {name: os.environ.get(name) for name in NAMES}


def given(env: Mapping | None) -> Mapping:
    """``env`` as sent (None where unset), else this process's environment."""
    if env is None:
        return os.environ
    return {name: value for name, value in env.items() if name in NAMES and value is not None}


def of(inputs: Mapping | None) -> Mapping:
    """The environment a render with ``inputs`` is to use."""
    return given((inputs or {}).get(OUTPUT_ENV))


def with_env(inputs: dict, env: Mapping | None) -> dict:
    """``inputs`` carrying ``env``, when one is given (else the process's own is used)."""
    return inputs if env is None else {**inputs, OUTPUT_ENV: dict(env)}
