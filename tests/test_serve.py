"""`drafting serve`: pages on a local port, rebuilt on save, diagnostics on the page and in the terminal."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from drafting.tools.preview import Site, decorate, render_site, render_with_writer
from drafting.tools.server import PreviewServer
from drafting_repo import make_repo


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  (a loopback test server)
        return str(response.read().decode("utf-8"))


def wait_for(condition: object, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_rebuilt_on_save_with_diagnostics_on_the_page(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    seen: list[str] = []
    server = PreviewServer(source, port=0, notify=lambda site, seconds: seen.append(site.summary))
    server.start()
    watcher = threading.Thread(target=server.watch, kwargs={"debounce_ms": 50}, daemon=True)
    watcher.start()
    try:
        page = fetch(server.url + "ru.html")
        assert "Это статья 2" in page and "drafting-diagnostics" not in page
        time.sleep(0.3)  # let the watcher start before the first save
        article = source / "01-foundations" / "002-foundations-2.ru.md"
        article.write_text(article.read_text(encoding="utf-8").replace("Это статья 2", "Это вторая статья"),
                           encoding="utf-8")
        wait_for(lambda: "Это вторая статья" in fetch(server.url + "ru.html"))
        assert server.version >= 1

        article.write_text(article.read_text(encoding="utf-8").replace("number: 2", "number: 7"), encoding="utf-8")
        wait_for(lambda: "drafting-diagnostics" in fetch(server.url + "ru.html"))
        page = fetch(server.url + "ru.html")
        assert "error A406 number 7 differs from 2" in page
        assert "Это вторая статья" in page  # the last good pages stay visible under the panel
        assert page.count('id="drafting-diagnostics"') == 1
        assert any(text.startswith("4 errors") for text in seen)  # A406, and N303 three times: ru is numbered too
        assert fetch(server.url + "__drafting__/version") == str(server.version)
    finally:
        server.stop()
        watcher.join(timeout=5)
    assert not watcher.is_alive()


def test_command_prints_the_address_and_diagnostics(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "drafting", "serve", str(source), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        address = process.stdout.readline()
        assert first.startswith("built in ") and "0 errors, 0 warnings in 81 files" in first
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", address)
        assert match, address
        assert "<nav" in fetch(match.group(1)) or "<html" in fetch(match.group(1))
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""


def test_panel_is_escaped_and_replaced_not_stacked(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    bad = source / "01-foundations" / "001-foundations-1.en.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("number: 1", "number: <b>1</b>"), encoding="utf-8")
    site = render_site(source, render_with_writer)
    assert not site.fresh and "&lt;b&gt;" in site.pages["/"].decode()
    again = render_site(source, render_with_writer, site)
    assert again.pages["/"].decode().count("drafting-diagnostics") == 1
    assert b"<body><!--" in decorate(b"<html><body></body></html>", Site({}))


def test_a_missing_folder_or_a_failing_writer_is_shown_not_fatal(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    good = render_site(source, render_with_writer)

    def broken(work: object, folder: Path) -> dict[str, bytes]:
        raise RuntimeError("boom")

    site = render_site(source, broken, good)  # type: ignore[arg-type]
    assert not site.fresh and "the HTML writer failed: RuntimeError: boom" in site.pages["/"].decode()
    moved = render_site(tmp_path / "gone", render_with_writer, good)
    assert "no such source folder" in moved.pages["/"].decode()
