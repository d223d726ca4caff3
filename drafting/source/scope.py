"""What a command acts on: one work (SOURCE), or every act of the repository (drafting.yaml, no SOURCE)."""

from __future__ import annotations

from pathlib import Path

from drafting.source.library import LIBRARY_FILE, WORK_FILE


def library_root(source: Path | None) -> Path | None:
    """The repository root when the command should act on every act: no SOURCE and drafting.yaml here, or a
    SOURCE that is a repository root (drafting.yaml, no work.yaml)."""
    if source is None:
        return Path(".") if Path(LIBRARY_FILE).is_file() else None
    if (source / LIBRARY_FILE).is_file() and not (source / WORK_FILE).is_file():
        return source
    return None
