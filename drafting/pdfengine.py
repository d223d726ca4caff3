"""WeasyPrint, locked down: HTML + print stylesheet -> PDF bytes, reproducibly.

Sources come from many contributors, so the engine reads only files under the
folders it is given (the project's templates, stylesheets and fonts). Every
other URL (``file://`` elsewhere, ``http(s)``, ``data:``) is refused and recorded,
never fetched. The caller turns refusals into diagnostics.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    pass


class ProjectFetcher(URLFetcher):  # type: ignore[misc]
    """Serves ``file:`` URLs inside the allowed folders; refuses everything else."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols=["file"], allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(unquote(parts.path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        self.refused.append(url)
        raise RefusedURL(f"refused to fetch {url!r}: only the project's own assets are read")


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    refused: list[str] = field(default_factory=list)


def render_pdf(html: str, base_dir: Path, roots: list[Path], *, stylesheets: list[Path] | None = None,
               variant: str | None = None, identifier: str | None = None, **options: Any) -> Rendered:
    """Lay out ``html`` (base URL ``base_dir``) and return PDF bytes.

    The PDF identifier is derived from the input so that the same input gives the
    same bytes; dates come from the HTML's own metadata, never the clock.
    """
    fetcher = ProjectFetcher([base_dir, *roots])
    document = weasyprint.HTML(string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher)
    css = [weasyprint.CSS(filename=str(path), url_fetcher=fetcher) for path in stylesheets or []]
    rendered = document.render(stylesheets=css)
    ident = (identifier or hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]).encode("ascii")
    pdf = rendered.write_pdf(pdf_identifier=ident, pdf_variant=variant, **options)
    return Rendered(pdf, len(rendered.pages), list(fetcher.refused))
