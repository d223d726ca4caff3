"""Load a source tree: read it, then run every check. The one entry point writers use.

A work in a repository of acts (``drafting.yaml`` above it) has its references to
other acts checked against them; ``load_library`` loads every act of the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafting.checks import check_work
from drafting.checks.crossrefs import check_cross_references, check_identities, check_outgoing, check_unresolved
from drafting.source.actindex import index_of, outgoing
from drafting.model import iter_refs
from drafting.diagnostics import DraftingError, Diagnostics
from drafting.model import Work
from drafting.source.library import Library, find_root, read_library
from drafting.source.reader import ReadResult, read_tree
from drafting.source.translationfile import TRANSLATIONS_FILE, check_marks
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


def load_tree(tree: SourceTree, cache_for: Path | None = None) -> Loaded:
    """``cache_for``: the work's folder, to reuse the parses of unchanged files from the last run."""
    if cache_for is not None:
        from drafting.source.parsecache import read_tree_persistent

        result: ReadResult = read_tree_persistent(tree, cache_for)
    else:
        result = read_tree(tree)
    if result.work is not None:
        check_work(result.work, result.diagnostics)
        marks = result.texts.get(TRANSLATIONS_FILE)
        if marks is not None:
            check_marks(result.work, marks, tree.display(TRANSLATIONS_FILE), result.diagnostics)
    return Loaded(result.work, result.diagnostics, result.files, tree, result.texts)


def load(source: Path | str, others: bool = True, cache: bool = False) -> Loaded:
    """One work; with ``others``, its references to other acts are checked against the repository's acts;
    with ``cache``, unchanged articles' parses come from the project's cache folder (``drafting check``)."""
    path = Path(source)
    if not path.is_dir():
        raise DraftingError(f"{source}: no such source folder" if not path.exists() else f"{source}: not a folder")
    loaded = load_tree(FileTree(path), path if cache else None)
    if others and loaded.work is not None and _refers_to_others(loaded.work):
        root = find_root(path)
        library = read_library(root) if root is not None else None
        if library is None or not library.works:
            check_unresolved(loaded.work, loaded.diagnostics)
        else:
            me = path.resolve()
            mine = next((short for short, folder in library.works.items() if folder.resolve() == me),
                        loaded.work.meta.short or me.name)
            from drafting.source.librarycheck import other_indexes

            indexes = {mine: index_of(loaded.work)}  # this one first: its findings are the ones kept
            indexes.update(other_indexes(library, skip=me, cache=cache))
            sink = {short: (loaded.diagnostics if short == mine else Diagnostics()) for short in indexes}
            check_identities(indexes, sink)
            check_outgoing(outgoing(loaded.work), indexes, loaded.diagnostics)
    return loaded


def _refers_to_others(work: Work) -> bool:
    return any(ref.work is not None for expression in work.expressions.values()
               for seq in expression.inline_sequences() for ref in iter_refs(seq))


@dataclass
class LibraryLoaded:
    library: Library
    works: dict[str, Loaded]  # short name -> the loaded work, in the order drafting.yaml gives

    @property
    def ok(self) -> bool:
        return not self.library.diagnostics.has_errors() and all(l.ok for l in self.works.values())

    @property
    def models(self) -> dict[str, Work]:
        return {short: l.work for short, l in self.works.items() if l.work is not None}


def load_library(root: Path | str, cache: bool = False) -> LibraryLoaded:
    """Every act of the repository at ``root`` (which holds drafting.yaml), each checked, references between them too."""
    library = read_library(Path(root))
    works = {short: load(folder, others=False, cache=cache) for short, folder in library.works.items()}
    models = {short: l.work for short, l in works.items() if l.work is not None}
    check_cross_references(models, {short: works[short].diagnostics for short in models})
    return LibraryLoaded(library, works)


def load_valid(source: Path | str) -> Work:
    """The work, or a DraftingError carrying every diagnostic when it has errors."""
    loaded = load(source)
    if not loaded.ok or loaded.work is None:
        raise DraftingError(f"{source}: the sources have errors; run 'drafting check'", loaded.diagnostics.sorted())
    return loaded.work
