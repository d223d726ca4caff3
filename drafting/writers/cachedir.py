"""Where the build cache lives: with the project, so that every ``--out`` reuses it.

The render cache (PDFs by content hash) used to sit beside ``--out``, so a
build into a new folder rendered everything again. Now, in order:

1. ``$DRAFTING_CACHE`` when set;
2. ``.drafting-cache/`` at the root of the git repository that holds the
   sources (ignored by ``.gitignore``), when that folder is writable;
3. otherwise the user's cache directory (``$XDG_CACHE_HOME`` or ``~/.cache``),
   ``drafting/<hash of the source path>``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

FOLDER = ".drafting-cache"


def repository_root(source: Path) -> Path | None:
    """The nearest folder at or above ``source`` holding ``.git`` (a folder, or a worktree's file)."""
    for folder in (source, *source.parents):
        if (folder / ".git").exists():
            return folder
    return None


def project_cache(source: Path) -> Path:
    configured = os.environ.get("DRAFTING_CACHE")
    if configured:
        return Path(configured)
    resolved = source.resolve()
    root = repository_root(resolved)
    if root is not None and os.access(root, os.W_OK):
        return root / FOLDER
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "drafting" / hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:16]
