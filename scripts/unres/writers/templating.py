"""The Jinja environment: templates only present, they never compute.

StrictUndefined makes a misspelt variable an error instead of an empty
string; autoescape is on for HTML and XML templates, so source text can never
become markup.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def templates_dir() -> Path:
    """``templates/`` at the project's top level (overridable for tests)."""
    env = os.environ.get("UNRES_TEMPLATES")
    if env:
        return Path(env).resolve()
    return (Path(__file__).resolve().parents[3] / "templates").resolve()


@lru_cache(maxsize=None)
def environment(root: str | None = None) -> "jinja2.Environment":
    import jinja2   # here, not at the top: a run with nothing to rebuild never renders

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(root or str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "xml", "htm", "svg"), default_for_string=True),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, **context) -> str:
    return environment(str(templates_dir())).get_template(name).render(**context)
