"""``drafting consolidate`` as a library call: BASE read from git, the steps applied, the tree written all or nothing.

1. BASE is read straight from git objects (``writers.redline.revisions``: a tag, a
   branch, a SHA, a named version of work.yaml, or WORKTREE), every file as it is;
   a BASE with errors is refused.
2. The steps are applied in memory (``consolidation.application``); every one that
   cannot apply is a diagnostic at the instruction's line, and nothing is written.
3. The work file records the version the amending act made (``consolidation.record``).
4. The consolidated tree is read back and checked like ``drafting check``: a
   result with errors is refused too.
5. Only then is it written into OUT, through a staging folder moved into place
   (``source.rewrite.write_tree``): OUT is complete or untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafting.consolidation.application import Applied, consolidate_files
from drafting.consolidation.record import AmendingAct, record_version
from drafting.consolidation.steps import Step
from drafting.diagnostics import Diagnostic, DraftingError
from drafting.model import Work
from drafting.source.load import load_tree
from drafting.source.reader import WORK_FILE
from drafting.source.rewrite import write_tree
from drafting.source.tree import FileTree, MemoryTree, SourceTree


class BaseError(DraftingError):
    """BASE cannot be used (unknown revision, no sources, errors in its sources): exit 2."""


@dataclass(frozen=True)
class Consolidated:
    files: dict[str, str]
    applied: list[Applied]
    work: Work


def base_tree(source: Path, spec: str) -> tuple[SourceTree, str]:
    """The tree of BASE and how to name it."""
    from drafting.writers.redline.revisions import WORKTREE, Repository, RevisionError

    if spec.upper() == WORKTREE:
        if not (source / WORK_FILE).is_file():
            raise BaseError(f"{source}: no {WORK_FILE}: there is no work to consolidate")
        return FileTree(source), "the working tree"
    try:
        repository = Repository(source)
        sha, label = repository.resolve(spec)
        tree, _ = repository.tree(sha, label)
    except RevisionError as error:
        raise BaseError(str(error)) from None
    return tree, label


def read_files(tree: SourceTree) -> dict[str, str]:
    """Every file of a tree as text, byte for byte (sources are UTF-8; the checks refuse anything else)."""
    files: dict[str, str] = {}
    for entry in tree.entries():
        if entry.problem is None:
            files[entry.path] = tree.read(entry.path).decode("utf-8", "surrogateescape")
    return files


def load_files(files: dict[str, str], label: str) -> tuple[Work | None, list[Diagnostic]]:
    loaded = load_tree(MemoryTree({path: text.encode("utf-8", "surrogateescape") for path, text in files.items()},
                                  label))
    return loaded.work, [d for d in loaded.diagnostics.sorted() if d.severity.value == "error"]


def read_base(source: Path, spec: str) -> tuple[dict[str, str], Work, str]:
    tree, label = base_tree(source, spec)
    files = read_files(tree)
    work, errors = load_files(files, "")
    if work is None or errors:
        shown = load_files(files, tree.label)[1]
        raise BaseError(f"BASE {label} has errors in its sources: fix them first", shown)
    return files, work, label


def consolidate(files: dict[str, str], work: Work, act: AmendingAct, steps: list[Step], name: str,
                shown_as: str = "") -> Consolidated:
    """The consolidated files, or a DraftingError with every diagnostic (instructions, then the result's checks)."""
    result = consolidate_files(files, work, steps)
    if result.diagnostics.has_errors():
        raise DraftingError("the amending act cannot be applied: nothing was written", result.diagnostics.sorted())
    result.files[WORK_FILE] = record_version(result.files[WORK_FILE], name, act, result.applied)
    new, errors = load_files(result.files, shown_as)
    if new is None or errors:
        raise DraftingError("the consolidated text would have errors: nothing was written", errors)
    return Consolidated(result.files, result.applied, new)


def write_consolidated(consolidated: Consolidated, out: Path, force: bool = False) -> None:
    """Into OUT through a staging folder; OUT must not be a file, nor a folder with files (unless ``force``)."""
    if out.exists() and not out.is_dir():
        raise BaseError(f"{out}: is a file, not a folder: give --out a folder")
    try:
        write_tree(consolidated.files, out, force)
    except FileExistsError as error:
        raise BaseError(str(error)) from None
    except OSError as error:
        raise BaseError(f"{out}: cannot write: {error.strerror or error}; nothing was written") from None
