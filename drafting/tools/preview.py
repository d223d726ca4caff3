"""Preview pages: the HTML edition of a source tree, in memory, with its diagnostics shown on the page.

``render_site(source)`` reads and checks the tree, asks the build's HTML writer
(``WRITERS["html"]``: the same pages ``drafting build`` publishes) for its
pages, and returns them as URL path -> bytes. Every HTML page gets a panel
listing the diagnostics and a small script that reloads the page when the
sources change (preview only: the published edition has no script).
"""

from __future__ import annotations

import html
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from drafting.writers.artifacts import BuildContext, writer_for
from drafting.diagnostics import Diagnostic, DraftingError, Severity, summary
from drafting.source.load import load
from drafting.model import Work

Pages = dict[str, bytes]  # URL path ('/', '/kk.html') -> content
Renderer = Callable[[Work, Path], Pages]  # a work and its source folder -> pages
VERSION_PATH = "/__drafting__/version"


@dataclass
class Site:
    pages: Pages
    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: str = ""
    fresh: bool = True  # False: the sources have errors and the pages are from the last good build

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def render_with_writer(work: Work, source: Path) -> Pages:
    """The build's HTML writer, into a temporary folder, read back as pages."""
    pages: Pages = {}
    with tempfile.TemporaryDirectory(prefix="drafting-serve-") as tmp:
        staging = Path(tmp)
        context = BuildContext(source, staging, staging / "out", work.meta.codes, staging / "cache")
        for artifact in writer_for("html")(work, context):
            url = "/" + artifact.path.removeprefix("html/")
            pages[url] = (staging / artifact.path).read_bytes()
    if "/index.html" in pages:
        pages["/"] = pages["/index.html"]
    return pages


def render_site(source: Path, renderer: Renderer, previous: Site | None = None) -> Site:
    """The pages and diagnostics now; with errors, the previous pages under the diagnostics.

    A preview must survive whatever the sources hold: a failure to read or render
    becomes the panel's message, never a dead server.
    """
    kept = dict(previous.pages) if previous is not None else {"/": _empty_page()}
    try:
        loaded = load(source)
        items = loaded.diagnostics.sorted()
        text = summary(loaded.diagnostics, loaded.files)
        if loaded.work is None or loaded.diagnostics.has_errors():
            site = Site(kept, items, text, fresh=False)
        else:
            site = Site(renderer(loaded.work, source), items, text)
    except DraftingError as error:
        site = Site(kept, list(error.diagnostics), f"error: {error.message}", fresh=False)
    except Exception as error:  # a writer's bug: show it, keep serving; the terminal gets the same line
        site = Site(kept, [], f"error: the HTML writer failed: {type(error).__name__}: {error}", fresh=False)
    site.pages = {url: decorate(body, site) if url.endswith((".html", "/")) else body
                  for url, body in _undecorated(site.pages).items()}
    return site


# -- the panel ---------------------------------------------------------------------------------------

_MARK = b"<!-- drafting-serve -->"
_STYLE = ("position:sticky;top:0;z-index:10;margin:0;padding:.6em 1em;font:14px/1.4 sans-serif;"
          "background:#fff4e5;border-bottom:2px solid #c60;color:#000;max-height:40vh;overflow:auto")
_RELOAD = ("<script>(function(){var v=null;setInterval(function(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
           ".then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t})"
           ".catch(function(){})},1000)})();</script>")


def panel(site: Site) -> str:
    if site.fresh and not site.diagnostics:
        return ""
    state = "" if site.fresh else " — the pages below are from the last build without errors"
    rows = "".join(f"<li><code>{html.escape(d.format())}</code></li>" for d in site.diagnostics)
    return (f'<aside id="drafting-diagnostics" style="{_STYLE}"><strong>{html.escape(site.summary)}{state}</strong>'
            f"<ul style=\"margin:.3em 0 0;padding-left:1.2em\">{rows}</ul></aside>")


def decorate(body: bytes, site: Site) -> bytes:
    """Put the diagnostics panel after <body> and the reload script before </body>."""
    text = body.decode("utf-8", "replace")
    start = text.find("<body")
    start = text.find(">", start) + 1 if start >= 0 else 0
    text = text[:start] + _MARK.decode() + panel(site) + _MARK.decode() + text[start:]
    end = text.rfind("</body>")
    end = end if end >= 0 else len(text)
    text = text[:end] + _MARK.decode() + _RELOAD + _MARK.decode() + text[end:]
    return text.encode("utf-8")


def _undecorated(pages: Pages) -> Pages:
    """Pages without an earlier panel and script (pages kept from the last good build carry them)."""
    clean: Pages = {}
    for url, body in pages.items():
        parts = body.split(_MARK)
        clean[url] = b"".join(parts[0::2]) if len(parts) > 1 else body
    return clean


def _empty_page() -> bytes:
    return b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>drafting serve</title></head><body></body></html>"
