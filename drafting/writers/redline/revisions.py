"""OLD and NEW: which sources a redline compares, read straight from git objects.

A revision is, in this order:
- ``WORKTREE`` (any case): the source folder as it is on disk, uncommitted edits included;
- a named version of the work file (``versions[].name`` in work.yaml, read from the
  working tree, else from HEAD): its ``commit``, or else a tag of the same name;
- anything git itself understands: a tag, a branch, a SHA, ``HEAD~3``, ``main@{1}``.

Nothing is checked out: the source folder of a commit is read from the object
database with the same reader that reads the working tree. Problems a user can
cause (no repository, an unknown revision, a revision without the source folder,
history cut off in a shallow clone) are ``RevisionError``s with a clear message.
"""

from __future__ import annotations

import dataclasses

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from drafting.diagnostics import DraftingError
from drafting.source.load import Loaded, load_tree
from drafting.model import Version as ModelVersion, Work
from drafting.source.reader import WORK_FILE
from drafting.writers.redline.changes import Side
from drafting.source.tree import FileTree, GitTree, SourceTree

WORKTREE = "WORKTREE"
# errors that leave a version comparable: numbering (N3xx) and references (R5xx); the redline says so
COMPARABLE = ("N3", "R5")
# errors that leave nothing to compare (exit 2): a file that cannot be read, is not text, or is not YAML
UNREADABLE = frozenset({"S101", "S102", "F201"})


class RevisionError(DraftingError):
    """The revision cannot be read at all (exit 2): not a repository, unknown, no sources, shallow history."""


class MissingWork(RevisionError):
    """The revision has no such act (its folder or its work.yaml): at a repository's root, an act added or removed."""


@dataclass(frozen=True)
class Version:
    side: Side
    work: Work
    loaded: Loaded


class Repository:
    """The git repository holding a source folder."""

    def __init__(self, source: Path) -> None:
        import git

        self.source = source
        try:
            self.repo = git.Repo(source, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise RevisionError(f"{source}: not inside a git repository, so there are no revisions to compare") from None
        root = Path(self.repo.working_tree_dir or ".").resolve()
        try:
            self.folder = PurePosixPath(source.resolve().relative_to(root).as_posix())
        except ValueError:
            raise RevisionError(f"{source}: outside the repository at {root}") from None
        self._named: dict[str, str | None] | None = None

    @property
    def shallow(self) -> bool:
        return bool(self.repo.git.rev_parse("--is-shallow-repository").strip() == "true")

    def named_versions(self) -> dict[str, str | None]:
        """name -> commit (None when the work file gives none) from work.yaml on disk, else at HEAD.

        Read once per repository (both revisions of a redline are resolved against the same list), with the
        sources' bounded YAML reader: an alias bomb in a work file costs nothing here (``check`` reports it).
        """
        if self._named is None:
            self._named = self._read_named_versions()
        return self._named

    def _read_named_versions(self) -> dict[str, str | None]:
        from drafting.diagnostics import Diagnostics
        from drafting.source.yamldoc import parse_yaml

        text = None
        on_disk = self.source / WORK_FILE
        if on_disk.is_file():
            text = on_disk.read_text(encoding="utf-8", errors="replace")
        else:
            blob = self._blob("HEAD", self.folder / WORK_FILE)
            text = blob.decode("utf-8", "replace") if blob is not None else None
        # a broken work file is reported when it is read as a version; here it names nothing
        doc = parse_yaml(text, WORK_FILE, 1, Diagnostics()) if text else None
        data: Any = doc.data if doc is not None else None
        found: dict[str, str | None] = {}
        listed = data.get("versions") if isinstance(data, dict) else None
        for item in listed if isinstance(listed, list) else []:  # a malformed list is reported by check
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                commit = item.get("commit")
                found[item["name"]] = str(commit) if commit else None
        return found

    def resolve(self, spec: str) -> tuple[str, str]:
        """(full SHA, label) of a revision; a RevisionError when git does not know it."""
        if not spec or spec.startswith("-"):
            raise RevisionError(f"'{spec}' is not a revision")
        versions = self.named_versions()
        rev, label = spec, spec
        if spec in versions:
            rev = versions[spec] or f"refs/tags/{spec}"
        sha = self._rev_parse(rev)
        if sha is None:
            if spec in versions and versions[spec] is None:
                raise RevisionError(f"named version '{spec}' has no commit in {WORK_FILE} and there is no tag "
                                    f"'{spec}': add 'commit:' to the version or tag the revision")
            where = f"named version '{spec}' ({rev})" if spec in versions else f"revision '{spec}'"
            if self.shallow:
                raise RevisionError(f"{where} is not in this shallow clone: its history was not fetched; "
                                    "run 'git fetch --unshallow' (or 'git fetch --deepen N') and try again")
            raise RevisionError(f"unknown {where}: give a tag, a branch, a commit, HEAD~N, "
                                f"a named version ({', '.join(versions) or 'none in ' + WORK_FILE}) or {WORKTREE}")
        return sha, f"{label} ({sha[:7]})" if not sha.startswith(spec) else sha[:7]

    def tree(self, sha: str, label: str) -> tuple[GitTree, str]:
        """The source folder in a commit, and the commit's date."""
        commit = self.repo.commit(sha)
        folder = str(self.folder)
        try:
            tree = commit.tree if folder == "." else commit.tree / folder
        except KeyError:
            tree = None
        if tree is None or tree.type != "tree":
            raise MissingWork(f"revision {label} has no folder '{folder}': nothing to compare there")
        try:
            tree / WORK_FILE
        except KeyError:
            raise MissingWork(f"revision {label} has no {folder}/{WORK_FILE}: no work to compare there") from None
        return GitTree(tree, f"{label.split(' ')[0]}:{folder}"), commit.committed_datetime.date().isoformat()

    def _rev_parse(self, rev: str) -> str | None:
        import git

        try:
            out = self.repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        except git.GitCommandError:
            return None
        return str(out).strip() or None

    def _blob(self, rev: str, path: PurePosixPath) -> bytes | None:
        try:
            data: bytes = (self.repo.commit(rev).tree / str(path)).data_stream.read()
        except (KeyError, ValueError):
            return None
        return data


def read_version(source: Path, spec: str, repository: Repository | None = None,
                 allow_errors: bool = False) -> Version:
    """The work as it is in one revision (or on disk for WORKTREE), checked like ``drafting check``."""
    tree: SourceTree
    if spec.upper() == WORKTREE:
        if not (source / WORK_FILE).is_file():
            raise MissingWork(f"{source}: no {WORK_FILE} in the working tree: nothing to compare")
        tree = FileTree(source)
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        date = _epoch_date(epoch) if epoch else None
        side = Side(spec, "working tree", None, date)
    else:
        repository = repository or Repository(source)
        sha, label = repository.resolve(spec)
        tree, date = repository.tree(sha, label)
        side = Side(spec, label, sha, date)
    loaded = _read(source, tree, side.commit, repository, side.label.split(" ")[0])
    work = loaded.work
    named = _named(work, spec, side.commit) if work is not None else None
    if named is not None:  # a named version is dated and titled by the work file (first draft: 2026-01-31)
        side = dataclasses.replace(side, date=named.date.isoformat(), version=named.name,
                                   titles=tuple(sorted(named.title.items())))
    errors = loaded.diagnostics.errors
    unreadable = [d for d in errors if d.code in UNREADABLE]
    if unreadable:
        raise RevisionError(f"{side.label}: the sources cannot be read (see above); nothing to compare",
                            loaded.diagnostics.sorted())
    if work is None:  # read, but the work file has errors (a schema violation): exit 1 like drafting check
        raise DraftingError(f"{side.label}: the sources have errors (see above); nothing to compare",
                            loaded.diagnostics.sorted())
    if errors and not allow_errors and not all(d.code.startswith(COMPARABLE) for d in errors):
        raise DraftingError(f"{side.label}: the sources have errors (see above); "
                            "fix them, or pass --allow-errors to compare anyway", loaded.diagnostics.sorted())
    if errors:  # compared anyway: the first page says so
        side = dataclasses.replace(side, findings=tuple(d.format() for d in sorted(set(errors))))
    return Version(side, work, loaded)


def _read(source: Path, tree: SourceTree, commit: str | None, repository: Repository | None, named: str) -> Loaded:
    """The version read and checked; a commit's from the version cache when it was read before.

    ``named``: the revision as the findings name it (``v1:constitution/...``), part of the key.
    """
    from drafting.writers.redline.versioncache import Kept, keep, load_kept

    if commit is None or repository is None:
        return load_tree(tree)
    folder = f"{repository.folder}\0{named}"
    kept = load_kept(source, commit, folder)
    if kept is not None:
        return Loaded(kept.work, kept.diagnostics, kept.files, tree, kept.texts)
    loaded = load_tree(tree)
    keep(source, commit, folder, Kept(loaded.work, loaded.diagnostics, loaded.files, loaded.texts))
    return loaded


def _named(work: Work, spec: str, commit: str | None) -> ModelVersion | None:
    """The work file's version this revision is: by name, else by its commit."""
    named = work.meta.version_named(spec)
    if named is None and commit:
        named = next((v for v in work.meta.versions if v.commit and commit.startswith(v.commit)), None)
    return named


def _epoch_date(epoch: str) -> str | None:
    import datetime as dt

    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    except (ValueError, OverflowError):
        return None
