"""Parsed articles kept per file, keyed by the file's content: read a tree again, parse only what changed.

Parsing an article (front matter through PyYAML and the JSON Schema, the body
through markdown-it) is nearly all the work of reading a tree. A tool that
reads the same tree again and again (the language server, after every edit)
keeps a ``ParseCache`` and reads with ``read_tree_cached``: an article whose
file, name and text are the same as last time is taken from the cache together
with the diagnostics its parse gave; everything else (the layout, the work file,
sections, the assembly of the model) runs as usual, so the result is the one
``read_tree`` gives. The cache holds one entry per path (the latest text), so it
never grows past the tree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Generic, Hashable, TypeVar

from drafting.diagnostics import Diagnostic, Diagnostics
from drafting.model import Article
from drafting.source.reader import ArticleFile, Reader, ReadResult
from drafting.source.tree import SourceTree

T = TypeVar("T")


@dataclass(frozen=True)
class Parsed(Generic[T]):
    key: Hashable
    value: T
    diagnostics: tuple[Diagnostic, ...]


class ParseCache:
    """path -> the latest parse of that path, reused while its key (content and name) is unchanged."""

    def __init__(self) -> None:
        self._entries: dict[str, Parsed[object]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, path: str, key: Hashable, parse: Callable[[Diagnostics], T]) -> tuple[T, tuple[Diagnostic, ...]]:
        """The value and diagnostics for ``path``: cached when ``key`` is unchanged, else ``parse``'s."""
        entry = self._entries.get(path)
        if entry is not None and entry.key == key:
            self.hits += 1
            return entry.value, entry.diagnostics  # type: ignore[return-value]
        self.misses += 1
        diags = Diagnostics()
        value = parse(diags)
        self._entries[path] = Parsed(key, value, tuple(diags))
        return value, tuple(diags)

    def forget(self, path: str) -> None:
        self._entries.pop(path, None)

    def keep_only(self, paths: set[str]) -> None:
        """Drop the entries of files that are no longer in the tree."""
        for path in [p for p in self._entries if p not in paths]:
            del self._entries[path]

    def __len__(self) -> int:
        return len(self._entries)


class CachingReader(Reader):
    """The reader, taking each article's parse from a ParseCache when its file is unchanged."""

    def __init__(self, tree: SourceTree, cache: ParseCache) -> None:
        super().__init__(tree)
        self.cache = cache
        self._levels_for: object = None
        self._levels = ""

    def _article(self, item: ArticleFile, stem: str) -> Article | None:
        # the profile's levels decide how lists parse: a changed profile parses every article again
        digest = hashlib.sha256(self.texts[item.path].encode("utf-8")).digest()
        key = (self.show(item.path), stem, item.order, digest, self._levels_key())
        parse_one = super()._article

        def parse(diags: Diagnostics) -> Article | None:
            outer, self.diags = self.diags, diags
            try:
                return parse_one(item, stem)
            finally:
                self.diags = outer

        article, found = self.cache.get(item.path, key, parse)
        self.diags.extend(found)
        return article


    def _levels_key(self) -> str:
        if getattr(self, "_levels_for", None) is not self.profile:
            self._levels_for = self.profile
            self._levels = repr((self.profile.levels, self.profile.quoted))
        return self._levels


# -- kept between runs: the project's cache folder --------------------------------------------------------

_CODE = ("model.py", "source/markup.py", "source/reader.py", "source/yamldoc.py", "profile.py", "numbering.py")


@lru_cache(maxsize=2)
def code_digest(everything: bool = False) -> str:
    """The code and schemas a parse depends on (``everything``: the whole package and its schemas and bundled profiles, on
    which a check's findings depend): a cache written by other code is never read."""
    from drafting.resources import SCHEMAS_DIR

    here = Path(__file__).resolve().parent.parent
    schemas = sorted(p for p in SCHEMAS_DIR.rglob("*") if p.is_file())  # the reader validates against them
    files = [here / name for name in _CODE] + schemas
    if everything:
        files = sorted(here.rglob("*.py")) + schemas
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_file(folder: Path) -> Path:
    """Where the parses of the work in ``folder`` are kept: ``.drafting-cache/parse/`` at the repository's root
    (the folder holding .git, else the work's own folder), one file per work and per version of the code."""
    here = folder.resolve()
    root = next((p for p in (here, *here.parents) if (p / ".git").exists()), here)
    work = hashlib.sha256(str(here).encode("utf-8")).hexdigest()[:16]
    return root / ".drafting-cache" / "parse" / f"{work}-{code_digest()}.pickle"


def read_tree_persistent(tree: SourceTree, folder: Path) -> ReadResult:
    """``read_tree`` with the parses of unchanged articles taken from the last run's (signed) cache file.

    A missing, damaged or foreign cache file is no error: every article is parsed and the file written anew.
    """
    from drafting import signedcache

    path = cache_file(folder)
    found = signedcache.load(path)
    cache = found if isinstance(found, ParseCache) else ParseCache()
    cache.hits = cache.misses = 0
    result = read_tree_cached(tree, cache)
    if cache.misses or not isinstance(found, ParseCache):
        signedcache.dump(path, cache)
    return result


def read_tree_cached(tree: SourceTree, cache: ParseCache) -> ReadResult:
    """``read_tree`` with unchanged articles taken from ``cache`` (which is then brought up to date)."""
    result = CachingReader(tree, cache).read()
    cache.keep_only(set(result.texts))
    return result
