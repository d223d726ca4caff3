"""Artifacts into DIR, all or nothing, with ``DIR/manifest.json``.

Shared by every command that publishes files (``build``, ``redline``): writers put
their files in a private staging folder beside DIR; only when all of them have
succeeded are the files moved into DIR (each by an atomic rename) and the manifest
rewritten. A failure before that leaves DIR as it was.

Every entry carries what *its* file was made from (``source``: the commit and
whether the tree was dirty) and the toolkit version that made it, so a partial
rebuild (``--only akn``) never relabels the artifacts it left alone. The
top-level ``source`` and ``toolkit`` describe the latest build only.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from drafting import __version__
from drafting.diagnostics import DraftingError

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Artifact:
    path: str  # relative to DIR, POSIX
    kind: str
    language: str | None


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A private folder beside ``out`` (same file system, so renames are atomic); removed afterwards.

    ``out`` (or a folder above it) naming an existing file is a DraftingError, raised
    before anything is written.
    """
    for folder in (out, *out.parents):
        if folder.exists() and not folder.is_dir():
            raise DraftingError(f"{folder}: is a file, not a folder; choose another --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.staging-{os.getpid()}-", dir=out.parent) as name:
        yield Path(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove staging folders of ``out`` left by a build that was killed (its process is gone).

    A staging folder is named ``.OUT.staging-PID-RANDOM``; one whose process is
    alive belongs to a build still running and is left alone.
    """
    removed = []
    for folder in out.parent.glob(f".{glob.escape(out.name)}.staging-*"):
        match = re.fullmatch(rf"\.{re.escape(out.name)}\.staging-(\d+)-\w+", folder.name)
        if folder.is_dir() and not folder.is_symlink() and match and not _alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def install(staging_dir: Path, out: Path, artifacts: list[Artifact], kinds: list[str], codes: list[str],
            source: dict[str, object]) -> list[dict[str, object]]:
    """Move staged files into DIR and merge the manifest: entries rebuilt now replace their old ones.

    Old entries of the same kinds and languages (or of no language) are dropped,
    as are entries whose file is gone; ``source`` says what the new files were made
    from. Kept entries keep their own ``source`` and ``toolkit`` (an entry written
    before entries had them inherits the old manifest's top-level ones).
    """
    new_entries: list[dict[str, object]] = [
        {"path": a.path, "kind": a.kind, "language": a.language, "sha256": sha256(staging_dir / a.path),
         "source": source, "toolkit": __version__}
        for a in artifacts]
    old_entries: list[dict[str, object]] = []
    manifest_path = out / MANIFEST
    if manifest_path.is_file():
        try:
            old = json.loads(manifest_path.read_text(encoding="utf-8"))
            old_entries = [dict(e) for e in old.get("artifacts", []) if isinstance(e, dict)]
            for entry in old_entries:
                entry.setdefault("source", old.get("source"))
                entry.setdefault("toolkit", old.get("toolkit"))
        except (ValueError, AttributeError, TypeError):
            old_entries = []
    rebuilt = {e["path"] for e in new_entries}
    kept = [e for e in old_entries
            if e.get("path") not in rebuilt
            and not (e.get("kind") in kinds and (e.get("language") in codes or e.get("language") is None))
            and (out / str(e.get("path"))).is_file()]
    out.mkdir(parents=True, exist_ok=True)
    for entry in new_entries:
        target = out / str(entry["path"])
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging_dir / str(entry["path"]), target)
    entries = sorted(kept + new_entries, key=lambda e: str(e["path"]))
    manifest = {"source": source, "toolkit": __version__, "artifacts": entries}
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=out)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=2, sort_keys=True)
        handle.write("\n")
    os.chmod(tmp, 0o644)  # mkstemp makes it private; the manifest is published like the artifacts
    os.replace(tmp, manifest_path)
    return new_entries
