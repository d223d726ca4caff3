"""``drafting check`` of a whole repository of acts: each act on a core of its own, each act's result kept.

A repository check is every act's own check (read, then the rules of ``drafting.checks``)
plus the references between acts. This module runs the acts' checks in worker
processes (one per core, results merged in ``drafting.yaml``'s order, so the output
is the same whatever the number of cores) and keeps only what the repository
check needs of each act: its findings, its counts, its ``ActIndex`` and its
references to other acts. No act's model stays in memory.

Between runs each act's result is kept in the project's cache folder
(``.drafting-cache/check/``, one signed file for the repository and version of the
toolkit). An act is checked again only when one of its files changed: its files'
names, sizes, modification times and inodes (``stat``, as git's index does) are
hashed into a fingerprint taken before the files are read. A file modified less
than ``RACY_SECONDS`` before its act was fingerprinted could change again without
its ``stat`` showing it, so such an act is not trusted next time either: it is read
again, and its articles' parses come from the per-act parse cache
(``parsecache``), keyed by each file's content hash, so only what really changed is
parsed. The references of an act to others are checked again when the act changed
or one of the acts it names has another index; the list of the repository's acts
is part of every key.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from drafting.checks import check_work
from drafting.checks.crossrefs import check_identities, check_outgoing
from drafting.diagnostics import Diagnostic, Diagnostics
from drafting.source.actindex import ActIndex, OutRef, index_of, outgoing
from drafting.source.library import WORK_FILE, Library, read_library
from drafting.source.reader import read_tree
from drafting.source.tree import FileTree, MemoryTree

RACY_SECONDS = 3.0  # a file changed this close to its fingerprint may change again unseen by stat
MIN_PARALLEL_FILES = 2_000  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class ActResult:
    """One act checked on its own: everything the repository check keeps of it."""

    folder: str  # as given (diagnostics show paths so)
    fingerprint: str | None  # of its files' stat before they were read; None: not to be trusted next time
    diagnostics: tuple[Diagnostic, ...]
    files: int
    articles: int
    index: ActIndex | None  # None: the act has no model (no readable work.yaml)
    refs: tuple[OutRef, ...]


@dataclass
class LibraryChecked:
    library: Library
    acts: dict[str, ActResult]  # short name -> result, in drafting.yaml's order
    diagnostics: Diagnostics  # every finding: the repository's, each act's, the references between acts
    rechecked: list[str] = field(default_factory=list)  # the acts read again in this run (not from the cache)

    @property
    def files(self) -> int:
        return sum(act.files for act in self.acts.values())


# -- fingerprints -----------------------------------------------------------------------------------------


def fingerprint(folder: Path, now: float | None = None) -> str | None:
    """A hash of the stat of every file the act's reader would see (None when one changed just now).

    Folders holding another act's work.yaml are that act's: only their presence counts here.
    """
    digest = hashlib.sha256()
    racy = (now if now is not None else time.time()) - RACY_SECONDS
    trusted = True
    stack = [(folder, "")]
    while stack:
        here, rel = stack.pop()
        try:
            with os.scandir(here) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as error:
            digest.update(f"!{rel}:{error.errno}\n".encode())
            continue
        if rel and any(e.name == WORK_FILE for e in entries):
            digest.update(f"act {rel}\n".encode())
            continue
        stats: list[tuple[object, ...]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                stats.append((entry.name, "!", error.errno))
                continue
            if stat.S_ISDIR(info.st_mode):
                stack.append((Path(entry.path), f"{rel}{entry.name}/"))
                continue
            if info.st_mtime >= racy or info.st_ctime >= racy:
                trusted = False
            stats.append((entry.name, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
        digest.update(f"{rel}\0{stats!r}\n".encode("utf-8", "surrogateescape"))  # one update per folder
    return digest.hexdigest() if trusted else None


# -- one act -------------------------------------------------------------------------------------------------


def check_act(folder: Path, cache: bool) -> ActResult:
    """Read and check one act (its articles' parses from the parse cache with ``cache``)."""
    from drafting.source.load import load_tree

    from drafting.checks.coverage import check_tree_sources
    from drafting.writers.cachedir import project_cache

    mark = fingerprint(folder)
    loaded = load_tree(FileTree(folder), folder if cache else None)
    work = loaded.work
    if work is not None:  # G801, as `drafting check` of one act does
        check_tree_sources(loaded.texts, loaded.tree, work.meta.codes, loaded.diagnostics,
                           keep=project_cache(folder) / "cmaps" if cache else None)
    if work is None:
        return ActResult(str(folder), mark, tuple(loaded.diagnostics.items), loaded.files, 0, None, ())
    articles = len(work.expression(work.meta.codes[0]).articles()) if work.meta.codes else 0
    return ActResult(str(folder), mark, tuple(loaded.diagnostics.items), loaded.files, articles, index_of(work),
                     outgoing(work))


def _check_act_job(job: tuple[str, bool]) -> ActResult:
    return check_act(Path(job[0]), job[1])


def _check_acts(folders: list[Path], cache: bool, jobs: int | None) -> list[ActResult]:
    """Each folder's result, in the folders' order; in worker processes when there is enough to do."""
    workers = min(jobs if jobs is not None else _cores(), len(folders))
    if workers > 1 and _files_estimate(folders) >= MIN_PARALLEL_FILES:
        from drafting.writers.pdf.workers import run_parallel

        work = [(str(folder), cache) for folder in folders]
        return run_parallel(_check_act_job, work, range(len(work)), workers)
    return [check_act(folder, cache) for folder in folders]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _files_estimate(folders: list[Path]) -> int:
    """Enough to decide whether worker processes pay: the files of the first act, times the number of acts."""
    first = folders[0]
    count = sum(len(files) for _, _, files in os.walk(first))
    return count * len(folders)


# -- the repository --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kept:
    """The cache file's content: each act's result, and the findings of its references to other acts."""

    acts: dict[str, ActResult]
    cross: dict[str, tuple[tuple[str, ...], tuple[Diagnostic, ...]]]  # short -> (key, findings)


def check_library(root: Path, cache: bool = True, jobs: int | None = None,
                  only: set[str] | None = None) -> LibraryChecked:
    """Every act of the repository at ``root`` checked, and the references between them.

    ``only``: check those acts (and report their findings) only; the others are read just as far as the checked
    acts' references to them need (their index, from the cache when it is current), and for their identity (A411
    is checked across the whole repository).
    """
    library = read_library(root)
    kept = _load(root) if cache else None
    acts: dict[str, ActResult] = {}
    todo: list[str] = []
    for short, folder in library.works.items():
        old = kept.acts.get(short) if kept is not None else None
        if old is not None and old.folder == str(folder) and old.fingerprint is not None \
                and old.fingerprint == fingerprint(folder):
            acts[short] = old
        elif only is None or short in only:
            todo.append(short)
    for short, result in zip(todo, _check_acts([library.works[s] for s in todo], cache, jobs)):
        acts[short] = result
    named = {ref.work for short in (only or ()) if short in acts for ref in acts[short].refs}
    for short, folder in library.works.items():
        if short not in acts:  # not checked, not in the cache: as much as the check of the others needs
            acts[short] = _index_only(folder, full=short in named)
    acts = {short: acts[short] for short in library.works}  # drafting.yaml's order
    diagnostics = Diagnostics(list(library.diagnostics.items))
    indexes = {short: act.index for short, act in acts.items() if act.index is not None}
    reported = [short for short in acts if only is None or short in only]
    per_act = {short: Diagnostics(list(act.diagnostics) if short in reported else []) for short, act in acts.items()}
    check_identities(indexes, per_act)
    cross: dict[str, tuple[tuple[str, ...], tuple[Diagnostic, ...]]] = {}
    names = ",".join(sorted(indexes))
    for short in reported:
        act = acts[short]
        key = (act.fingerprint or "", names, *(_index_key(indexes.get(name)) for name in _named(act.refs)))
        old_cross = kept.cross.get(short) if kept is not None else None
        if short not in todo and act.fingerprint is not None and old_cross is not None and old_cross[0] == key:
            found = old_cross[1]
        else:
            sink = Diagnostics()
            check_outgoing(act.refs, indexes, sink)
            found = tuple(sink.items)
        cross[short] = (key, found)
        per_act[short].extend(found)
    for short in acts:
        diagnostics.extend(per_act[short].items)
    if cache and (todo or kept is None or any(kept.cross.get(s) != cross[s] for s in cross)):
        earlier = dict(kept.cross) if kept is not None else {}  # the acts not reported this time keep theirs
        _save(root, _Kept(acts, {**earlier, **cross}))  # an act read for its index only is never trusted (None)
    checked = {short: acts[short] for short in reported}
    return LibraryChecked(library, checked, diagnostics, todo)


def current_references(root: Path, library: Library) -> dict[str, set[str]]:
    """Short name -> the acts it refers to, for every act whose entry in the last check's cache is current."""
    kept = _load(root)
    found: dict[str, set[str]] = {}
    for short, folder in library.works.items():
        old = kept.acts.get(short) if kept is not None else None
        if old is not None and old.fingerprint is not None and old.folder == str(folder) \
                and old.fingerprint == fingerprint(folder):
            found[short] = {ref.work for ref in old.refs}
    return found


def other_indexes(library: Library, skip: Path, cache: bool) -> dict[str, ActIndex]:
    """The index of every act of ``library`` but the one at ``skip`` (for one act checked on its own): from the
    last repository check's cache where current, else read (not checked)."""
    kept = _load(library.root) if cache else None
    found: dict[str, ActIndex] = {}
    for short, folder in library.works.items():
        if folder.resolve() == skip:
            continue
        old = kept.acts.get(short) if kept is not None else None
        if old is not None and old.fingerprint is not None and old.index is not None \
                and old.fingerprint == fingerprint(folder):
            found[short] = old.index
        else:
            index = _index_only(folder, full=True).index
            if index is not None:
                found[short] = index
    return found


def _index_only(folder: Path, full: bool) -> ActResult:
    """An act that is not checked: its index (``full``: read its articles, else its work.yaml alone), no findings.

    Its ``files`` count is 0 and its fingerprint None, so it never stands in the cache for a checked act.
    """
    if full:
        work = read_tree(FileTree(folder)).work
    else:
        try:
            data = (folder / WORK_FILE).read_bytes()
        except OSError:
            data = b""
        work = read_tree(MemoryTree({WORK_FILE: data}, str(folder))).work
    index = index_of(work) if work is not None and work.meta.codes else None
    return ActResult(str(folder), None, (), 0, 0, index, ())


def _named(refs: Iterable[OutRef]) -> list[str]:
    return sorted({ref.work for ref in refs})


def _index_key(index: ActIndex | None) -> str:
    if index is None:
        return "-"
    digest = hashlib.sha256(index.uri.encode("utf-8"))
    for ident, (number, paragraphs) in sorted(index.articles.items()):
        digest.update(f"{ident}\0{number}\0{','.join(sorted(paragraphs))}\n".encode("utf-8"))
    for ident, number in sorted(index.annexes.items()):
        digest.update(f"annex {ident}\0{number}\n".encode("utf-8"))
    return digest.hexdigest()


# -- the cache file -----------------------------------------------------------------------------------------------


def cache_path(root: Path) -> Path:
    """``.drafting-cache/check/`` at the repository's root: one file per repository and toolkit version (an act's
    result is reused only for its folder as given, for its findings show paths so)."""
    from drafting.source.parsecache import code_digest

    name = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return root / ".drafting-cache" / "check" / f"{name}-{code_digest(everything=True)}.pickle"


def _load(root: Path) -> _Kept | None:
    from drafting import signedcache

    found = signedcache.load(cache_path(root))
    return found if isinstance(found, _Kept) else None


def _save(root: Path, kept: _Kept) -> None:
    from drafting import signedcache

    signedcache.dump(cache_path(root), kept)
