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

from dataclasses import dataclass
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
        key = (self.show(item.path), stem, item.order, self.texts[item.path], self._levels_key())
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
            self._levels = repr(self.profile.levels)
        return self._levels


def read_tree_cached(tree: SourceTree, cache: ParseCache) -> ReadResult:
    """``read_tree`` with unchanged articles taken from ``cache`` (which is then brought up to date)."""
    result = CachingReader(tree, cache).read()
    cache.keep_only(set(result.texts))
    return result
