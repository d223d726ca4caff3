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
from array import array
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
MIN_PARALLEL_FINGERPRINT = 50_000  # files: below this, one process takes their stat faster than two


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
    acts: dict[str, ActEntry]  # short name -> its entry (findings, counts), in drafting.yaml's order
    diagnostics: Diagnostics  # every finding: the repository's, each act's, the references between acts
    rechecked: list[str] = field(default_factory=list)  # the acts read again in this run (not from the cache)

    @property
    def files(self) -> int:
        return sum(act.files for act in self.acts.values())


# -- fingerprints -----------------------------------------------------------------------------------------


def fingerprint(folder: Path, now: float | None = None) -> str | None:
    """A hash of the stat of every file the act's reader would see (None when one changed just now).

    Each file's name, type and mode, size, modification and change times (ns) and inode: an edit in place, a file
    replaced (another inode), renamed, added or removed all change it, and a checkout that restores a file's old
    size and time still gives it a new change time. Folders holding another act's work.yaml are that act's: only
    their presence counts here.
    """
    digest = hashlib.sha256()
    racy = (now if now is not None else time.time()) - RACY_SECONDS
    racy_ns = int(racy * 1e9)
    trusted = True
    is_dir = stat.S_ISDIR
    stack = [(str(folder), "")]
    while stack:
        here, rel = stack.pop()
        try:
            with os.scandir(here) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as error:
            digest.update(f"!{rel}:{error.errno}\n".encode())
            continue
        if rel and any(e.name == WORK_FILE for e in entries):
            digest.update(f"act {rel}\n".encode("utf-8", "surrogateescape"))
            continue
        names: list[str] = []
        numbers = array("q")
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                names.append(f"{name}!{error.errno}")
                continue
            if is_dir(info.st_mode):
                stack.append((entry.path, f"{rel}{name}/"))
                continue
            if info.st_mtime_ns >= racy_ns or info.st_ctime_ns >= racy_ns:
                trusted = False
            names.append(name)
            numbers.extend((info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
        digest.update(f"{rel}\0{len(names)}\0{chr(0).join(names)}\n".encode("utf-8", "surrogateescape"))
        digest.update(numbers.tobytes())  # one update per folder
    return digest.hexdigest() if trusted else None


def fingerprints(folders: list[Path]) -> list[str | None]:
    """Each folder's ``fingerprint``, in order. For a large repository the ``stat`` of its files is split between
    worker processes, a contiguous share of the acts each (a statute book has hundreds of thousands of files)."""
    now = time.time()
    workers = min(_cores(), len(folders))
    if workers < 2 or len(folders) < 16 or _files_estimate(folders) < MIN_PARALLEL_FINGERPRINT:
        return [fingerprint(folder, now) for folder in folders]
    from drafting.writers.pdf.workers import run_parallel

    size = -(-len(folders) // workers)
    shares = [([str(folder) for folder in folders[at:at + size]], now) for at in range(0, len(folders), size)]
    return [mark for share in run_parallel(_fingerprint_share, shares, range(len(shares)), workers) for mark in share]


def _fingerprint_share(job: tuple[list[str], float]) -> list[str | None]:
    return [fingerprint(Path(folder), job[1]) for folder in job[0]]


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
class ActEntry:
    """An act's line in the repository's summary: all a warm run needs of an unchanged act.

    Its index and references (the bulk) are in a file of the act's own, read only when another act's references
    to it, or its own references, must be checked again.
    """

    folder: str
    fingerprint: str | None
    diagnostics: tuple[Diagnostic, ...]
    files: int
    articles: int
    uri: str | None  # the index's FRBR URI and path (for A411); None: the act has no index
    path: str
    index_key: str  # ``_index_key`` of its index: what another act's references to it depend on
    named: tuple[str, ...]  # the acts its references name


@dataclass(frozen=True)
class _Summary:
    """The summary file: each act's entry, and the findings of its references to other acts under their key."""

    acts: dict[str, ActEntry]
    cross: dict[str, tuple[tuple[str, ...], tuple[Diagnostic, ...]]]  # short -> (key, findings)


@dataclass(frozen=True)
class _ActFile:
    """An act's own cache file: its index and references, under the fingerprint they were read at."""

    folder: str
    fingerprint: str
    index: ActIndex | None
    refs: tuple[OutRef, ...]


def _entry(result: ActResult) -> ActEntry:
    index = result.index
    return ActEntry(result.folder, result.fingerprint, result.diagnostics, result.files, result.articles,
                    index.uri if index is not None else None, index.path if index is not None else "",
                    _index_key(index), tuple(_named(result.refs)))


def check_library(root: Path, cache: bool = True, jobs: int | None = None,
                  only: set[str] | None = None) -> LibraryChecked:
    """Every act of the repository at ``root`` checked, and the references between them.

    ``only``: check those acts (and report their findings) only; the others are read just as far as the checked
    acts' references to them need (their index, from the cache when it is current), and for their identity (A411
    is checked across the whole repository).

    An unchanged act costs the ``stat`` of its files and its line in the summary; its own cache file (index and
    references) is read only when references to it or from it are checked again.
    """
    library = read_library(root)
    kept = _load_summary(root) if cache else None
    folders = list(library.works.items())
    marks = dict(zip(library.works, fingerprints([folder for _, folder in folders]))) if kept is not None else {}
    entries: dict[str, ActEntry] = {}
    results: dict[str, ActResult] = {}  # the acts read in this run
    todo: list[str] = []
    for short, folder in folders:
        old = kept.acts.get(short) if kept is not None else None
        if old is not None and old.folder == str(folder) and old.fingerprint is not None \
                and old.fingerprint == marks.get(short):
            entries[short] = old
        elif only is None or short in only:
            todo.append(short)

    def checked(shorts: list[str]) -> None:
        for short, result in zip(shorts, _check_acts([library.works[s] for s in shorts], cache, jobs)):
            results[short] = result
            entries[short] = _entry(result)

    checked(todo)
    named = {name for short in (only or ()) if short in entries for name in entries[short].named}
    for short, folder in folders:
        if short not in entries:  # not checked, not in the cache: as much as the check of the others needs
            results[short] = _index_only(folder, full=short in named)
            entries[short] = _entry(results[short])
    entries = {short: entries[short] for short in library.works}  # drafting.yaml's order
    reported = [short for short in entries if only is None or short in only]
    names = ",".join(sorted(short for short, entry in entries.items() if entry.uri is not None))
    keys = {short: (entries[short].fingerprint or "", names,
                    *(entries[n].index_key if n in entries else "-" for n in entries[short].named))
            for short in reported}
    stale = [short for short in reported if short in todo or entries[short].fingerprint is None or kept is None
             or kept.cross.get(short, ((), ()))[0] != keys[short]]
    needed = sorted({short for short in stale} | {n for short in stale for n in entries[short].named if n in entries})
    loaded = _load_acts(root, {short: entries[short] for short in needed if short not in results})
    missing = [short for short in needed if short not in results and short not in loaded]
    if missing:  # an act file damaged or lost while its summary line is current: read the act again
        todo.extend(missing)
        checked(missing)
    full = {short: result for short, result in {**loaded, **results}.items() if result.index is not None}
    indexes = {short: index for short, index in ((s, full[s].index) for s in full) if index is not None}
    diagnostics = Diagnostics(list(library.diagnostics.items))
    per_act = {short: Diagnostics(list(entry.diagnostics) if short in reported else [])
               for short, entry in entries.items()}
    check_identities({short: indexes.get(short) or ActIndex(entry.uri, entry.path, {}, {})
                      for short, entry in entries.items() if entry.uri is not None}, per_act)
    cross: dict[str, tuple[tuple[str, ...], tuple[Diagnostic, ...]]] = {}
    for short in reported:
        if short in stale:
            sink = Diagnostics()
            source = results.get(short) or loaded[short]
            check_outgoing(source.refs, indexes, sink)
            found = tuple(sink.items)
        else:
            found = kept.cross[short][1] if kept is not None else ()
        cross[short] = (keys[short], found)
        per_act[short].extend(found)
    for short in entries:
        diagnostics.extend(per_act[short].items)
    if cache:
        for short in todo:
            result = results[short]
            if result.fingerprint is not None:
                _save_act(root, short, _ActFile(result.folder, result.fingerprint, result.index, result.refs))
        earlier = dict(kept.cross) if kept is not None else {}  # the acts not reported this time keep theirs
        summary = _Summary(entries, {**earlier, **cross})
        if kept is None or summary != kept:
            _save(root, summary)  # an act read for its index only is never trusted (fingerprint None)
    return LibraryChecked(library, {short: entries[short] for short in reported}, diagnostics, todo)


def current_references(root: Path, library: Library) -> dict[str, set[str]]:
    """Short name -> the acts it refers to, for every act whose entry in the last check's cache is current."""
    kept = _load_summary(root)
    found: dict[str, set[str]] = {}
    if kept is None:
        return found
    shorts = [short for short in library.works if short in kept.acts]
    for short, mark in zip(shorts, fingerprints([library.works[short] for short in shorts])):
        old = kept.acts[short]
        if old.fingerprint is not None and old.folder == str(library.works[short]) and old.fingerprint == mark:
            found[short] = set(old.named)
    return found


def other_indexes(library: Library, skip: Path, cache: bool) -> dict[str, ActIndex]:
    """The index of every act of ``library`` but the one at ``skip`` (for one act checked on its own): from the
    last repository check's cache where current, else read (not checked)."""
    kept = _load_summary(library.root) if cache else None
    others = {short: folder for short, folder in library.works.items() if folder.resolve() != skip}
    current: dict[str, ActEntry] = {}
    if kept is not None:
        for (short, folder), mark in zip(others.items(), fingerprints(list(others.values()))):
            old = kept.acts.get(short)
            if old is not None and old.fingerprint is not None and old.fingerprint == mark:
                current[short] = old
    loaded = _load_acts(library.root, current)
    found: dict[str, ActIndex] = {}
    for short, folder in others.items():
        index = loaded[short].index if short in loaded else _index_only(folder, full=True).index
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


# -- the cache files ---------------------------------------------------------------------------------------------


def cache_folder(root: Path) -> Path:
    """``.drafting-cache/check/ROOT-CODE/`` at the repository's root: one folder per repository and toolkit
    version (an act's result is reused only for its folder as given, for its findings show paths so)."""
    from drafting.source.parsecache import code_digest

    name = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return root / ".drafting-cache" / "check" / f"{name}-{code_digest(everything=True)}"


def cache_path(root: Path) -> Path:
    """The summary file: every act's entry (``ActEntry``) and its references' findings."""
    return cache_folder(root) / "summary.pickle"


def act_cache_path(root: Path, short: str) -> Path:
    """An act's own file: its index and references."""
    return cache_folder(root) / "acts" / f"{hashlib.sha256(short.encode('utf-8')).hexdigest()[:24]}.pickle"


def _load_summary(root: Path) -> _Summary | None:
    from drafting import signedcache

    found = signedcache.load(cache_path(root))
    return found if isinstance(found, _Summary) else None


def _load_acts(root: Path, entries: dict[str, ActEntry]) -> dict[str, ActResult]:
    """The index and references of each act whose file is there and matches its entry (folder, fingerprint)."""
    from drafting import signedcache

    found: dict[str, ActResult] = {}
    for short, entry in entries.items():
        kept = signedcache.load(act_cache_path(root, short))
        if isinstance(kept, _ActFile) and kept.folder == entry.folder and kept.fingerprint == entry.fingerprint:
            found[short] = ActResult(entry.folder, entry.fingerprint, entry.diagnostics, entry.files,
                                     entry.articles, kept.index, kept.refs)
    return found


def _save(root: Path, summary: _Summary) -> None:
    from drafting import signedcache

    signedcache.dump(cache_path(root), summary)


def _save_act(root: Path, short: str, kept: _ActFile) -> None:
    from drafting import signedcache

    signedcache.dump(act_cache_path(root, short), kept)
