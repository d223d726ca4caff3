"""Load a source tree: read it, then run every check. The one entry point writers use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafting.checks import check_work
from drafting.diagnostics import DraftingError, Diagnostics
from drafting.model import Work
from drafting.source.reader import ReadResult, read_tree
from drafting.source.tree import FileTree, SourceTree


@dataclass
class Loaded:
    work: Work | None
    diagnostics: Diagnostics
    files: int
    tree: SourceTree
    texts: dict[str, str]

    @property
    def ok(self) -> bool:
        return self.work is not None and not self.diagnostics.has_errors()


def load_tree(tree: SourceTree) -> Loaded:
    result: ReadResult = read_tree(tree)
    if result.work is not None:
        check_work(result.work, result.diagnostics)
    return Loaded(result.work, result.diagnostics, result.files, tree, result.texts)


def load(source: Path | str) -> Loaded:
    path = Path(source)
    if not path.is_dir():
        raise DraftingError(f"{source}: no such source folder" if not path.exists() else f"{source}: not a folder")
    return load_tree(FileTree(path))


def load_valid(source: Path | str) -> Work:
    """The work, or a DraftingError carrying every diagnostic when it has errors."""
    loaded = load(source)
    if not loaded.ok or loaded.work is None:
        raise DraftingError(f"{source}: the sources have errors; run 'drafting check'", loaded.diagnostics.sorted())
    return loaded.work
