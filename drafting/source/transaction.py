"""All-or-nothing changes to the source tree: file contents and renames, prepared first, then applied.

Commands that rewrite sources (``renumber``, ``new``) describe the whole change
as a ``Change`` (new contents of files, then renames of files and folders, then
files to remove: ``import --force`` replacing a tree).
``apply`` first writes every new content into a temporary file beside its target
and checks that every folder a rename touches can be written; only then does it
replace the files and rename. If anything fails on the way, every step already
taken is undone in reverse order, so the tree is left exactly as it was and the
error is raised again.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable


class ChangeFailed(OSError):
    """The change could not be applied; the tree was restored."""


@dataclass
class Change:
    root: Path
    writes: dict[str, str] = field(default_factory=dict)  # relative path -> new text (existing or new files)
    # groups of renames, applied group after group, after the writes (files inside folders, then the folders)
    renames: list[list[tuple[str, str]]] = field(default_factory=list)
    # files to remove (an import replacing a tree): set aside last, removed only once everything else is done
    deletes: list[str] = field(default_factory=list)

    def write(self, relative: str, text: str) -> None:
        self.writes[relative] = text

    def rename_group(self, moves: list[tuple[str, str]]) -> None:
        self.renames.append([(old, new) for old, new in moves if old != new])


def _check_renames(root: Path, renames: list[tuple[str, str]]) -> None:
    targets = Counter(new for _, new in renames)
    sources = {old for old, _ in renames}
    for new, count in targets.items():
        if count > 1 or ((root / new).exists() and new not in sources):
            raise FileExistsError(f"{root / new}: already exists or is the target of two renames")
    for old, new in renames:
        for folder in ((root / old).parent, (root / new).parent):
            if folder.exists() and not os.access(folder, os.W_OK):
                raise PermissionError(f"{folder}: not writable")


def apply(change: Change, advance: Callable[[str], None] | None = None) -> Callable[[], None]:
    """Apply ``change`` completely, or not at all (the tree restored and the error raised).

    Returns a function that undoes the change, for a caller whose next step fails.
    """
    root = change.root
    undo: list[Callable[[], None]] = []
    staged: dict[str, str] = {}  # relative path -> temporary file beside it
    try:
        for relative, text in change.writes.items():  # prepare: nothing visible changes yet
            target = root / relative
            created = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            undo.append(partial(_remove_folders, created))  # runs last, once the files in them are gone
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged[relative] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        if change.renames:
            _check_renames(root, change.renames[0])
        for relative, tmp in list(staged.items()):  # apply
            target = root / relative
            step = partial(_restore, target, target.read_bytes()) if target.exists() else target.unlink
            os.replace(tmp, target)
            undo.append(step)  # only once the step is done
            del staged[relative]
            if advance is not None:
                advance(relative)
        for number, group in enumerate(change.renames):
            if number:
                _check_renames(root, group)
            _rename_group(root, group, number, undo)
        held: list[Path] = []
        for index, relative in enumerate(change.deletes):
            target = root / relative
            hold = target.with_name(f".delete-{os.getpid()}-{index}.tmp")
            os.rename(target, hold)
            undo.append(partial(os.rename, hold, target))
            held.append(hold)
        for hold in held:  # the point of no return: only what was deleted cannot be undone any more
            hold.unlink()
        return partial(_undo, [step for step in undo if not _is_restore_of(step, held)])
    except BaseException as error:
        for tmp in staged.values():  # first: the folders they sit in may be ones the undo removes
            if os.path.exists(tmp):
                os.unlink(tmp)
        _undo(undo)
        if isinstance(error, OSError):
            raise ChangeFailed(error.errno or 0, f"{error.strerror or error}; nothing was changed",
                               error.filename) from error
        raise


def _is_restore_of(step: Callable[[], None], held: list[Path]) -> bool:
    return isinstance(step, partial) and step.func is os.rename and bool(step.args) and step.args[0] in held


def _undo(steps: list[Callable[[], None]]) -> None:
    for step in reversed(steps):
        step()


def _rename_group(root: Path, moves: list[tuple[str, str]], number: int, undo: list[Callable[[], None]]) -> None:
    """Rename in two steps (every source parked first), so chains and swaps never collide."""
    parked: list[tuple[Path, Path]] = []
    for index, (old, new) in enumerate(moves):
        source = root / old
        hold = source.with_name(f".rename-{os.getpid()}-{number}-{index}.tmp")
        os.rename(source, hold)
        undo.append(partial(os.rename, hold, source))
        parked.append((hold, root / new))
    for hold, target in parked:
        created = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
        target.parent.mkdir(parents=True, exist_ok=True)
        undo.append(partial(_remove_folders, created))
        os.rename(hold, target)
        undo.append(partial(os.rename, target, hold))


def _remove_folders(folders: list[Path]) -> None:
    for folder in folders:
        folder.rmdir()


def _restore(target: Path, before: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(before)
    os.chmod(tmp, target.stat().st_mode & 0o777)
    os.replace(tmp, target)
