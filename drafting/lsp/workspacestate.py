"""What the language server knows about each source tree: the files on disk, the editor's unsaved buffers, the model.

A source tree is a folder holding ``work.yaml``; the server finds it by walking
up from a document the editor opens. Its files are read from disk once (a
``DiskSnapshot``) and read again only when the editor says one was saved,
closed or changed on disk; the open documents' unsaved text lies over them
(``OverlayTree``). After each edit ``SourceState.analyse`` reads the tree again
through a ``ParseCache`` (only the changed article is parsed again) and runs
every check over the model, then the translations' marks (A409) and the fonts'
coverage (G801), so the findings are exactly those of ``drafting check`` on the
buffers as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from drafting.checks import check_work
from drafting.diagnostics import Diagnostic
from drafting.model import Article, Expression, Work
from drafting.source.parsecache import ParseCache, read_tree_cached
from drafting.source.reader import ARTICLE_RE, PREAMBLE_RE, WORK_FILE, ReadResult
from drafting.source.tree import Entry, FileTree, OverlayTree

MAX_WALK_UP = 8  # folders between a document and its work.yaml, at most


class DiskSnapshot:
    """A folder on disk, listed and read once; ``invalidate`` a path (or ``rescan``) when the disk changes."""

    def __init__(self, root: Path) -> None:
        self.files = FileTree(root, label="")
        self.label = ""
        self._entries: list[Entry] | None = None
        self._data: dict[str, bytes] = {}

    def display(self, path: str) -> str:
        return path

    def entries(self) -> list[Entry]:
        if self._entries is None:
            self._entries = self.files.entries()
        return self._entries

    def read(self, path: str) -> bytes:
        data = self._data.get(path)
        if data is None:
            data = self.files.read(path)
            self._data[path] = data
        return data

    def invalidate(self, path: str) -> None:
        self._data.pop(path, None)
        if self._entries is not None and not any(e.path == path for e in self._entries):
            self._entries = None  # a new file: list the folder again
        elif self._entries is not None and not (self.files.root / path).exists():
            self._entries = None  # a deleted file

    def rescan(self) -> None:
        self._entries = None
        self._data.clear()


@dataclass
class Analysis:
    """One reading of a tree: the model (None when work.yaml is unusable), the findings, the texts read."""

    work: Work | None
    diagnostics: list[Diagnostic]
    texts: dict[str, str]  # relative path -> decoded text, every readable file
    by_path: dict[str, tuple[str, Article]] = field(default_factory=dict)  # article file -> (language, article)

    def expression(self, lang: str) -> Expression | None:
        return self.work.expressions.get(lang) if self.work is not None else None

    def article_at(self, rel: str) -> tuple[str, Article] | None:
        return self.by_path.get(rel)


class SourceState:
    """One source tree as the editor sees it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.disk = DiskSnapshot(root)
        self.buffers: dict[str, str] = {}  # relative path -> the open document's text
        self.cache = ParseCache()
        self._analysis: Analysis | None = None

    def rel(self, path: Path) -> str | None:
        try:
            return PurePosixPath(path.relative_to(self.root).as_posix()).as_posix()
        except ValueError:
            return None

    def path(self, rel: str) -> Path:
        return Path(rel) if Path(rel).is_absolute() else self.root / rel

    def open(self, rel: str, text: str) -> None:
        self.buffers[rel] = text
        self._analysis = None

    def change(self, rel: str, text: str) -> None:
        self.buffers[rel] = text
        self._analysis = None

    def close(self, rel: str) -> None:
        self.buffers.pop(rel, None)
        self.disk.invalidate(rel)
        self._analysis = None

    def disk_changed(self, rel: str | None = None) -> None:
        if rel is None:
            self.disk.rescan()
        else:
            self.disk.invalidate(rel)
        self._analysis = None

    def text(self, rel: str) -> str | None:
        """The text the server reads for ``rel``: the editor's buffer, else the file on disk."""
        if rel in self.buffers:
            return self.buffers[rel]
        analysis = self.analysis()
        if rel in analysis.texts:
            return analysis.texts[rel]
        try:
            return self.disk.read(rel).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def analysis(self) -> Analysis:
        if self._analysis is None:
            self._analysis = self._analyse()
        return self._analysis

    def _analyse(self) -> Analysis:
        overlay = {rel: text.encode("utf-8", "surrogatepass") for rel, text in self.buffers.items()}
        tree = OverlayTree(self.disk, overlay)
        result = read_tree_cached(tree, self.cache)
        if result.work is not None:
            check_work(result.work, result.diagnostics)
            self._check_sources(result, tree)
        by_path: dict[str, tuple[str, Article]] = {}
        if result.work is not None:
            for lang, expression in result.work.expressions.items():
                for article in expression.articles():
                    by_path[article.loc.path] = (lang, article)
        return Analysis(result.work, result.diagnostics.sorted(), result.texts, by_path)

    def _check_sources(self, result: ReadResult, tree: OverlayTree) -> None:
        """What ``drafting check`` adds over the model's rules: A409 against translations.yaml and G801 against
        the print fonts (their character maps kept in the project's cache, as ``check`` keeps them)."""
        from drafting.checks.coverage import check_tree_sources
        from drafting.source.translationfile import TRANSLATIONS_FILE, check_marks
        from drafting.writers.cachedir import project_cache

        assert result.work is not None
        marks = result.texts.get(TRANSLATIONS_FILE)
        if marks is not None:
            check_marks(result.work, marks, tree.display(TRANSLATIONS_FILE), result.diagnostics)
        check_tree_sources(result.texts, tree, result.work.meta.codes, result.diagnostics,
                           keep=project_cache(self.root) / "cmaps")

    def language_of(self, rel: str) -> str | None:
        """The language of an article or preamble file, from its name."""
        name = PurePosixPath(rel).name
        match = ARTICLE_RE.match(name) or PREAMBLE_RE.match(name)
        if match is None:
            return None
        return match.group(match.lastindex or 1)


class Sources:
    """Every source tree the editor has touched, found by walking up from its documents."""

    def __init__(self) -> None:
        self.states: dict[Path, SourceState] = {}

    def root_of(self, path: Path) -> Path | None:
        folder = path.parent
        for _ in range(MAX_WALK_UP):
            if (folder / WORK_FILE).is_file():
                return folder
            if folder.parent == folder:
                return None
            folder = folder.parent
        return None

    def find(self, path: Path) -> tuple[SourceState, str] | None:
        """The tree holding ``path`` and the path inside it, or None for a file outside every tree."""
        root = self.root_of(path)
        if root is None:
            return None
        state = self.states.setdefault(root, SourceState(root))
        rel = state.rel(path)
        return (state, rel) if rel is not None else None

    def discover(self, folder: Path, depth: int = 2) -> None:
        """Load the trees at ``folder`` and up to ``depth`` levels below it (for workspace symbols)."""
        if (folder / WORK_FILE).is_file():
            self.states.setdefault(folder, SourceState(folder))
            return
        if depth == 0:
            return
        try:
            children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
                              and p.name not in ("node_modules", "build", "tests", "__pycache__"))
        except OSError:
            return
        for child in children:
            self.discover(child, depth - 1)
