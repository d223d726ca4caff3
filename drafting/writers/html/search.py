"""The site's search index: Pagefind's binary (PyPI ``pagefind[bin]``) run over the written pages.

Pagefind writes a static index (``pagefind/``: WebAssembly, fragments, one
index per page language) that ``site.js`` queries in the browser; no server.
The binary comes with the pinned ``pagefind-bin`` wheel: nothing is downloaded.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from drafting.diagnostics import DraftingError

OUTPUT = "pagefind"


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise DraftingError("the search index needs Pagefind: pip install 'pagefind[bin]' "
                            "(it is pinned in constraints.txt; run scripts/setup.sh)") from None
    return Path(get_executable())


def index_site(site: Path) -> list[str]:
    """Index every page under ``site``; the files written, relative to it, sorted."""
    command = [str(pagefind_binary()), "--site", str(site), "--output-subdir", OUTPUT, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DraftingError(f"pagefind could not index {site}: {error}") from None
    if result.returncode != 0:
        raise DraftingError(f"pagefind could not index {site}: {(result.stderr or result.stdout).strip()}")
    folder = site / OUTPUT
    _sort_entry(folder / "pagefind-entry.json")
    return sorted(p.relative_to(site).as_posix() for p in folder.rglob("*") if p.is_file())


def _sort_entry(entry: Path) -> None:
    """Pagefind writes its entry file's languages in a different order each run: sorted, the bytes repeat."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
