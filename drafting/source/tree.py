"""Where source files come from: a folder on disk, or a tree in a git revision.

The reader sees only this interface, so a redline can read two revisions
straight from git objects with the same code that reads the working tree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Entry:
    """A file in a source tree. ``problem`` is set when it must not be read."""

    path: str  # relative, POSIX
    size: int
    problem: str | None = None  # 'symlink-outside', 'unreadable: ...'


class SourceTree(Protocol):
    label: str  # how paths are shown to the drafter (a folder, or 'REV:folder')

    def entries(self) -> list[Entry]: ...

    def read(self, path: str) -> bytes: ...

    def display(self, path: str) -> str: ...


class FileTree:
    """A folder on disk. Symlinks inside the folder are followed; out of it, refused."""

    def __init__(self, root: Path | str, label: str | None = None) -> None:
        self.root = Path(root)
        self.label = label if label is not None else str(root)
        self._resolved_root = self.root.resolve()
        self._prefix = f"{PurePosixPath(self.label)}/" if self.label not in ("", ".") else ""

    def display(self, path: str) -> str:
        return self._prefix + path  # the same as PurePosixPath(label) / path, for the tree's relative paths

    def entries(self) -> list[Entry]:
        found: list[Entry] = []
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            base = Path(dirpath)
            for name in list(dirnames):
                full = base / name
                if full.is_symlink():
                    dirnames.remove(name)
                    rel = full.relative_to(self.root).as_posix()
                    found.append(self._entry(full, rel))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                full = base / name
                found.append(self._entry(full, full.relative_to(self.root).as_posix()))
        return sorted(found, key=lambda e: e.path)

    def _entry(self, full: Path, rel: str) -> Entry:
        try:
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(self._resolved_root):
                    return Entry(rel, 0, "symlink-outside")
                if target.is_dir():
                    return Entry(rel, 0, "symlink-dir")
            return Entry(rel, full.stat().st_size)
        except OSError as exc:
            return Entry(rel, 0, f"unreadable: {exc.strerror or exc}")

    def read(self, path: str) -> bytes:
        return (self.root / path).read_bytes()


class GitTree:
    """A folder inside a git revision, read from git objects (nothing is checked out)."""

    def __init__(self, tree: object, label: str) -> None:
        # ``tree`` is a git.Tree; typed loosely so this module imports without gitpython.
        self.tree = tree
        self.label = label
        self._blobs: dict[str, object] = {}

    def display(self, path: str) -> str:
        return f"{self.label}/{path}" if self.label else path

    def entries(self) -> list[Entry]:
        found: list[Entry] = []
        for item in self.tree.traverse():  # type: ignore[attr-defined]
            if item.type != "blob":
                continue
            rel = PurePosixPath(item.path).relative_to(PurePosixPath(self.tree.path)).as_posix()  # type: ignore[attr-defined]
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            if item.mode == 0o120000:
                target = item.data_stream.read().decode("utf-8", "replace")
                resolved = os.path.normpath(str(PurePosixPath(rel).parent / target))
                if target.startswith("/") or resolved.startswith(".."):
                    found.append(Entry(rel, 0, "symlink-outside"))
                    continue
                found.append(Entry(rel, 0, "symlink-dir"))  # a link inside a revision: not followed
                continue
            self._blobs[rel] = item
            found.append(Entry(rel, item.size))
        return sorted(found, key=lambda e: e.path)

    def read(self, path: str) -> bytes:
        blob = self._blobs[path]
        data: bytes = blob.data_stream.read()  # type: ignore[attr-defined]
        return data


class MemoryTree:
    """Files held in memory (path -> bytes): for tests, generators and editors' buffers."""

    def __init__(self, files: dict[str, bytes], label: str = "") -> None:
        self.files = dict(files)
        self.label = label

    def display(self, path: str) -> str:
        return f"{self.label}/{path}" if self.label else path

    def entries(self) -> list[Entry]:
        return [Entry(path, len(data)) for path, data in sorted(self.files.items())]

    def read(self, path: str) -> bytes:
        return self.files[path]


class OverlayTree:
    """Another tree with some files replaced or added in memory: an editor's unsaved buffers over the folder.

    ``overlay`` maps relative paths to the bytes to read instead of the base tree's
    (a path the base does not have is added). Paths and labels are the base's.
    """

    def __init__(self, base: SourceTree, overlay: dict[str, bytes]) -> None:
        self.base = base
        self.overlay = overlay
        self.label = base.label

    def display(self, path: str) -> str:
        return self.base.display(path)

    def entries(self) -> list[Entry]:
        found = {e.path: e for e in self.base.entries()}
        for path, data in self.overlay.items():
            found[path] = Entry(path, len(data))
        return [found[path] for path in sorted(found)]

    def read(self, path: str) -> bytes:
        data = self.overlay.get(path)
        return data if data is not None else self.base.read(path)
