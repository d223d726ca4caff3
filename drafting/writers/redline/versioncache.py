"""A version read from git, kept: a commit's sources never change, so its read and check are done once.

``drafting redline`` reads both versions with the full reader and every rule
(the same as ``drafting check``), which is most of its own time when the
pages are few. A version read from a commit is kept in the project's cache
folder (``drafting.writers.cachedir``: ``.drafting-cache/redline/``), keyed by
the commit, the source folder inside the repository, the revision as its
findings name it and a digest of the
toolkit's code and schemas, so that a later redline of the same commit (the old
side of ``HEAD WORKTREE``, a re-run after a justification was added) takes it
from there. Entries are signed (``drafting.signedcache``): a damaged, foreign
or stale entry is ignored and the version read again. The working tree is
never cached here (its files are read as they are).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafting.diagnostics import Diagnostics
from drafting.model import Work

FOLDER = "redline"


@dataclass(frozen=True)
class Kept:
    work: Work | None
    diagnostics: Diagnostics
    files: int
    texts: dict[str, str]  # the source files' texts: ``drafting amend`` compares and quotes them


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The toolkit's code and schemas: a version read by other code is read again."""
    from drafting.resources import PACKAGE_ROOT, SCHEMAS_DIR

    digest = hashlib.sha256()
    for root in (PACKAGE_ROOT, SCHEMAS_DIR):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".json", ".yaml", ".csv") and path.is_file():
                digest.update(str(path.relative_to(root)).encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_path(source: Path, commit: str, folder: str) -> Path:
    from drafting.writers.cachedir import project_cache

    key = hashlib.sha256(f"{commit}\0{folder}\0{code_digest()}".encode("utf-8")).hexdigest()[:32]
    return project_cache(source) / FOLDER / f"{key}.pickle"


def load_kept(source: Path, commit: str, folder: str) -> Kept | None:
    from drafting import signedcache

    found = signedcache.load(entry_path(source, commit, folder))
    return found if isinstance(found, Kept) else None


def keep(source: Path, commit: str, folder: str, kept: Kept) -> None:
    from drafting import signedcache

    signedcache.dump(entry_path(source, commit, folder), kept)
