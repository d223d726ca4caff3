"""WeasyPrint, locked down: HTML + print stylesheet -> PDF bytes, reproducibly.

Sources come from many contributors, so the engine reads only files under the
folders (or the single files) it is given: the project's templates, stylesheets,
fonts and ICC profile. Every other URL (``file://`` elsewhere, ``http(s)``,
``data:``) is refused and recorded, never fetched. The caller turns refusals
into diagnostics.

Laying out is the slow part; :func:`lay_out` does it once and :func:`write` can
then write the same pages more than once (a screen PDF and a print-shop PDF).
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.pdf import metadata as pdf_metadata
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    pass


class ProjectFetcher(URLFetcher):  # type: ignore[misc]
    """Serves ``file:`` URLs inside the allowed folders (or equal to an allowed file); refuses the rest."""

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


@dataclass
class Layout:
    """Pages laid out once, ready to be written (more than once)."""

    document: Any  # weasyprint.Document
    fetcher: ProjectFetcher
    identifier: bytes

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def lay_out(html: str, base_dir: Path, roots: list[Path], *, stylesheets: list[Path] | None = None,
            css: list[str] | None = None, identifier: str | None = None) -> Layout:
    """Lay out ``html`` (base URL ``base_dir``) with stylesheet files and CSS strings, in that order."""
    fetcher = ProjectFetcher([base_dir, *roots])
    base_url = base_dir.resolve().as_uri() + "/"
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    # @font-face and @color-profile rules land in these; the render must get the same ones
    fonts, profiles = FontConfiguration(), {}  # type: ignore[var-annotated]
    shared = {"url_fetcher": fetcher, "font_config": fonts, "color_profiles": profiles}
    sheets = [weasyprint.CSS(filename=str(path), **shared) for path in stylesheets or []]
    sheets += [weasyprint.CSS(string=text, base_url=base_url, **shared) for text in css or []]
    rendered = document.render(stylesheets=sheets, font_config=fonts, color_profiles=profiles)
    digest = hashlib.sha256(html.encode("utf-8"))
    for text in css or []:
        digest.update(text.encode("utf-8"))
    ident = (identifier or digest.hexdigest()[:32]).encode("ascii")
    return Layout(rendered, fetcher, ident)


@contextmanager
def _stable_uuid(seed: bytes) -> Iterator[None]:
    """WeasyPrint gives PDF/X-4 metadata a random DocumentID: derive it from the input instead."""
    original = pdf_metadata.uuid4
    setattr(pdf_metadata, "uuid4", lambda: uuid.UUID(bytes=hashlib.sha256(seed).digest()[:16]))
    try:
        yield
    finally:
        setattr(pdf_metadata, "uuid4", original)


def write(layout: Layout, *, variant: str | None = None, finisher: Callable[[Any, Any], None] | None = None,
          **options: Any) -> bytes:
    """PDF bytes of the laid-out pages; the same layout and options give the same bytes."""
    with _stable_uuid(layout.identifier):
        pdf: bytes = layout.document.write_pdf(pdf_identifier=layout.identifier, pdf_variant=variant,
                                               finisher=finisher, **options)
    return pdf


def render_pdf(html: str, base_dir: Path, roots: list[Path], *, stylesheets: list[Path] | None = None,
               variant: str | None = None, identifier: str | None = None, **options: Any) -> Rendered:
    """Lay out ``html`` (base URL ``base_dir``) and return PDF bytes.

    The PDF identifier is derived from the input so that the same input gives the
    same bytes; dates come from the HTML's own metadata, never the clock.
    """
    layout = lay_out(html, base_dir, roots, stylesheets=stylesheets, identifier=identifier)
    pdf = write(layout, variant=variant, **options)
    return Rendered(pdf, layout.pages, list(layout.fetcher.refused))
