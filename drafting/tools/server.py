"""``drafting serve``: the HTML edition on a local port, rebuilt whenever a source file is saved.

A ``PreviewServer`` holds the current site in memory and swaps it in one step
after each rebuild, so a page is never half written. The watcher (watchfiles)
waits for changes to ``.md`` and ``.yaml`` files under the source folder; each
rebuild prints its diagnostics in the terminal and shows them on every page.
"""

from __future__ import annotations

import mimetypes
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from drafting.tools.preview import VERSION_PATH, Renderer, Site, render_site, render_with_writer

WATCHED = (".md", ".yaml", ".yml")
Notify = Callable[[Site, float], None]


class PreviewServer:
    def __init__(self, source: Path, host: str = "127.0.0.1", port: int = 8000, renderer: Renderer | None = None,
                 notify: Notify | None = None) -> None:
        self.source = source
        self.renderer = renderer or render_with_writer
        self.notify = notify or (lambda site, seconds: None)
        self.version = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.site = self._render(None)
        self.httpd = ThreadingHTTPServer((host, port), _handler(self))
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def _render(self, previous: Site | None) -> Site:
        started = time.perf_counter()
        site = render_site(self.source, self.renderer, previous)
        self.notify(site, time.perf_counter() - started)
        return site

    def rebuild(self) -> Site:
        site = self._render(self.site)
        with self._lock:
            self.site = site
            self.version += 1
        return site

    def page(self, path: str) -> bytes | None:
        with self._lock:
            return self.site.pages.get(path)

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="drafting-serve", daemon=True)
        self._thread.start()

    def watch(self, debounce_ms: int = 300) -> None:
        """Rebuild on every change to a source file, until ``stop``."""
        from watchfiles import DefaultFilter, watch

        ignored = DefaultFilter()  # version control folders, editor swap files, caches

        def sources_only(change: object, path: str) -> bool:
            return path.endswith(WATCHED) and ignored(change, path)  # type: ignore[arg-type]

        for _ in watch(self.source, watch_filter=sources_only, debounce=debounce_ms, stop_event=self._stop,
                       raise_interrupt=False):
            self.rebuild()

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def _handler(server: PreviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (the http.server API)
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == VERSION_PATH:
                self._send(str(server.version).encode(), "text/plain; charset=utf-8")
                return
            body = server.page(path)
            if body is None:
                self._send(b"not found", "text/plain; charset=utf-8", HTTPStatus.NOT_FOUND)
                return
            kind = "text/html" if path.endswith("/") else (mimetypes.guess_type(path)[0] or "application/octet-stream")
            self._send(body, f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)

        def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # requests are not news; rebuilds and diagnostics are printed instead

    return Handler
