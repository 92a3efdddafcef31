"""The only door through which WeasyPrint may read anything.

WeasyPrint's default fetcher follows ``file://`` and network URLs found in
the document, and has had security fixes of its own. Ours serves files under
``templates/`` and the one emblem image the user configured, and refuses
everything else: other files, http(s), data: URIs, symlinks leading out.
"""
from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ...errors import tool_error
from ..templating import templates_dir

EMBLEM_ENV = "UNRES_EMBLEM"
EMBLEM_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}


class RefusedURL(ValueError):
    """A URL the document may not load."""


def configured_emblem(env: Mapping | None = None) -> Path | None:
    """The image configured for the masthead's emblem slot (in ``env``, else this process's
    environment), or None.

    The UN emblem's use is restricted, so none ships; a configured path that
    does not exist or is not PNG/SVG is an error rather than an empty slot.
    """
    value = (os.environ if env is None else env).get(EMBLEM_ENV, "").strip()
    if not value:
        return None
    path = Path(value).expanduser().resolve()
    if path.suffix.lower() not in EMBLEM_TYPES:
        raise tool_error(f"{EMBLEM_ENV}={value}: the emblem must be a .png or .svg file",
                         "T-EMBLEM")
    if not path.is_file():
        raise tool_error(f"{EMBLEM_ENV}={value}: no such file", "T-EMBLEM")
    return path


class AssetPolicy:
    """Decides which URL maps to which file; knows nothing about WeasyPrint."""

    def __init__(self, root: Path | None = None, extra_files=()):
        self.root = Path(root or templates_dir()).resolve()
        self.extra_files = frozenset(Path(p).resolve() for p in extra_files)

    def resolve(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused to load {url!r}: only the project's templates are served")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if path in self.extra_files:
            return path
        if path.is_relative_to(self.root) and path.is_file():
            return path
        raise RefusedURL(f"refused to load {url!r}: not a file under {self.root}")

    def read(self, url: str) -> tuple[bytes, str]:
        path = self.resolve(url)
        mime = (EMBLEM_TYPES.get(path.suffix.lower())
                or mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        return path.read_bytes(), mime


_fetcher_class = None


def weasyprint_fetcher(policy: AssetPolicy):
    """A WeasyPrint URL fetcher that serves what ``policy`` allows and nothing else."""
    global _fetcher_class
    if _fetcher_class is None:
        from . import weasyprint_loader
        weasyprint_loader.load()
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        class TemplateAssetFetcher(URLFetcher):
            def __init__(self, policy: AssetPolicy):
                super().__init__(allowed_protocols=("file",), allow_redirects=False)
                self.policy = policy
                self.refused: list[str] = []

            def fetch(self, url, headers=None):
                try:
                    body, mime = self.policy.read(url)
                except RefusedURL:
                    self.refused.append(url)
                    raise
                return URLFetcherResponse(url, body, {"Content-Type": mime})

        _fetcher_class = TemplateAssetFetcher
    return _fetcher_class(policy)
