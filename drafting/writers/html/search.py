"""The site's search index: Pagefind's binary (PyPI ``pagefind[bin]``) run over the written pages.

Each version gets its own static index, ``pagefind/VERSION/`` (WebAssembly,
fragments, one index per page language), which ``site.js`` queries in the
browser; no server. A version's index is started as soon as that version's
pages are written (``Indexer.start``, a subprocess), so Pagefind indexes on one
core while the other pages and the redlines are still being rendered; the
build waits for every run (``Indexer.finish``) before listing the files. The
binary comes with the pinned ``pagefind-bin`` wheel: nothing is downloaded.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from drafting.diagnostics import DraftingError

OUTPUT = "pagefind"
TIMEOUT = 300  # seconds for one version's index


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise DraftingError("the search index needs Pagefind: pip install 'pagefind[bin]' "
                            "(it is pinned in constraints.txt; run scripts/setup.sh)") from None
    return Path(get_executable())


def index_command(site: Path, folder: str, languages: list[str]) -> list[str]:
    """Pagefind over one version's pages (``folder/LANG.html``), its bundle in ``pagefind/folder/``.

    URLs stay relative to the whole site (``/final-draft/kk.html``), so the pages' links and the
    search script's are the same whichever bundle they come from.
    """
    names = ",".join(languages)
    pattern = f"{folder}/{{{names}}}.html" if len(languages) > 1 else f"{folder}/{names}.html"
    return [str(pagefind_binary()), "--site", str(site), "--glob", pattern,
            "--output-path", str(site / OUTPUT / folder), "--silent"]


@dataclass
class Indexer:
    """The Pagefind runs one process started: each version's, running beside the rest of the build."""

    site: Path
    running: list[tuple[str, subprocess.Popen[str]]] = field(default_factory=list)

    def start(self, folder: str, languages: list[str]) -> None:
        """Index ``folder``'s pages (all written) in the background."""
        try:
            process = subprocess.Popen(index_command(self.site, folder, languages), stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        except OSError as error:
            raise DraftingError(f"pagefind could not index {self.site / folder}: {error}") from None
        self.running.append((folder, process))

    def finish(self) -> None:
        """Wait for every run started here; a failed one is a DraftingError naming its folder."""
        try:
            while self.running:
                folder, process = self.running[0]
                try:
                    out, err = process.communicate(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    raise DraftingError(f"pagefind could not index {self.site / folder}: "
                                        f"no result after {TIMEOUT} s") from None
                self.running.pop(0)
                if process.returncode != 0:
                    raise DraftingError(f"pagefind could not index {self.site / folder}: "
                                        f"{(err or out).strip() or process.returncode}")
        finally:
            self.abort()

    def abort(self) -> None:
        """Stop and reap the runs still going (a failure or Ctrl-C elsewhere)."""
        for _folder, process in self.running:
            if process.poll() is None:
                process.kill()
            process.communicate()
        self.running.clear()


def index_files(site: Path) -> list[str]:
    """The files of every version's index, relative to ``site``, sorted (entry files made reproducible)."""
    folder = site / OUTPUT
    if not folder.is_dir():
        return []
    for entry in sorted(folder.glob("*/pagefind-entry.json")):
        _sort_entry(entry)
    return sorted(p.relative_to(site).as_posix() for p in folder.rglob("*") if p.is_file())


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its entry file's languages in a different order each run: sorted, the bytes repeat."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
