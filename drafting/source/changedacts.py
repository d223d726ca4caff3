"""Which acts a change touched (``drafting check --changed REV``): the acts with a file changed since REV in git,
and the acts that refer to them.

The changed files are git's: ``git diff --name-only --no-renames REV`` (committed,
staged and unstaged changes against REV) and the untracked files git does not
ignore. A file belongs to the act whose folder holds it (the deepest, for an act
inside another's folder). A change to ``drafting.yaml`` touches every act.

The acts that refer to a touched act are found from the last check's cache when an
act's entry there is current (its references as the reader read them), else by
looking for the touched act's short name in the act's files' bytes: a reference to
an act always spells its short name, so this finds every one of them, and at
worst a few more acts than needed are checked, never fewer.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from drafting.diagnostics import DraftingError
from drafting.source.library import LIBRARY_FILE, Library


def changed_files(root: Path, rev: str) -> list[Path]:
    """Absolute paths of the files changed since ``rev`` (and the untracked ones) in the git repository at root."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{tree}}", what=f"unknown revision '{rev}'")
    names = _git(root, "diff", "--name-only", "--no-renames", "-z", rev, "--").split("\0")
    names += _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--full-name").split("\0")
    return sorted({(top / name).resolve() for name in names if name})


def touched_acts(library: Library, files: list[Path]) -> set[str] | None:
    """The acts holding one of ``files``; None when every act is touched (drafting.yaml changed)."""
    if (library.root / LIBRARY_FILE).resolve() in files:
        return None
    folders = sorted(((folder.resolve(), short) for short, folder in library.works.items()),
                     key=lambda item: -len(item[0].parts))
    touched: set[str] = set()
    for path in files:
        for folder, short in folders:
            if path.is_relative_to(folder):
                touched.add(short)
                break
    return touched


def referring_acts(library: Library, touched: set[str], known: dict[str, set[str]]) -> set[str]:
    """The acts (beyond ``touched``) that refer to one of ``touched``.

    ``known``: short name -> the acts it refers to, for acts whose cached references are current; the other acts'
    files are searched for ``SHORT:`` of each touched act.
    """
    needles = [f"{short}:".encode("utf-8") for short in sorted(touched)]
    found: set[str] = set()
    for short, folder in library.works.items():
        if short in touched:
            continue
        if short in known:
            if known[short] & touched:
                found.add(short)
        elif _mentions(folder, needles):
            found.add(short)
    return found


def _mentions(folder: Path, needles: list[bytes]) -> bool:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.endswith(".md"):
                continue
            try:
                data = (Path(dirpath) / name).read_bytes()
            except OSError:
                return True  # cannot tell: check it
            if any(needle in data for needle in needles) or b"&#" in data or b"\\" in data:
                return True  # an escaped or encoded name could spell it too
    return False


def _git(root: Path, *args: str, what: str = "") -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError as error:
        raise DraftingError(f"--changed needs git: {error.strerror or error}") from error
    if done.returncode != 0:
        detail = what or done.stderr.strip().splitlines()[-1] if done.stderr.strip() else what
        raise DraftingError(f"{root}: {detail or 'git failed'} (--changed compares with a git revision)")
    return done.stdout
