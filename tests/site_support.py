"""The web site in tests: build it, serve it over HTTP on localhost, and open it in Debian's Chromium.

The browser is /usr/bin/chromium (installed by scripts/setup.sh from Debian),
driven by Playwright's Python package; nothing downloads a browser. Every
launch gets a fresh profile and the flags that keep Chromium off the network.
axe-core comes from the npm registry into .venv/npm (scripts/setup.sh).
"""

from __future__ import annotations

import functools
import http.server
import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("DRAFTING_SCREENSHOTS", REPO / "test-output" / "screenshots"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` on http://127.0.0.1:PORT/ (a static host, as the site would have); yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def playwright_session() -> Iterator[Any]:
    """Playwright's driver, for one or more browsers (one session per test module)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@contextmanager
def chromium(playwright: Any, **options: Any) -> Iterator[Any]:
    """A browser context of Debian's Chromium with a fresh user-data-dir; ``options`` as Playwright's
    (``viewport=PHONE``, ``java_script_enabled=False``)."""
    assert CHROMIUM.is_file(), "Chromium is missing: run scripts/setup.sh (Debian packages chromium, chromium-driver)"
    with tempfile.TemporaryDirectory(prefix="drafting-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            **{"viewport": DESKTOP, "permissions": ["clipboard-read", "clipboard-write"], **options})
        context.set_default_timeout(10_000)
        try:
            yield context
        finally:
            context.close()


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations of the page as it is now (every rule axe runs by default)."""
    assert AXE.is_file(), "axe-core is missing: run scripts/setup.sh (npm axe-core into .venv/npm)"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return list(result["violations"])
