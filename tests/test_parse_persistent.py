"""`drafting check` keeps the parses of unchanged files in the project's cache folder: a second run parses only
what changed, gives the same findings, and a damaged or foreign cache file is silently rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting.source import parsecache
from drafting.source.load import load

MINI = Path(__file__).parent / "fixtures" / "mini"
ARTICLE_FILES = len([p for p in MINI.rglob("*.md") if not p.name.startswith("preamble.")])


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)  # the repository's root: where .drafting-cache goes
    shutil.copytree(MINI, root / "constitution")
    return root / "constitution"


def counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles each read parses (the cache's misses)."""
    misses: list[int] = []
    original = parsecache.read_tree_cached

    def spy(tree: object, cache: parsecache.ParseCache) -> object:
        result = original(tree, cache)  # type: ignore[arg-type]
        misses.append(cache.misses)
        return result

    monkeypatch.setattr(parsecache, "read_tree_cached", spy)
    return misses


def findings(source: Path) -> list[str]:
    return [d.format() for d in load(source, cache=True).diagnostics.sorted()]


def test_a_second_check_parses_only_what_changed(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    misses = counting(monkeypatch)
    first = findings(tree)
    assert parsecache.cache_file(tree).is_file()
    assert parsecache.cache_file(tree).parent == tree.parent / ".drafting-cache" / "parse"
    again = findings(tree)
    assert again == first and misses == [ARTICLE_FILES, 0]
    path = tree / "01-foundations" / "001-foundations-1.ru.md"
    path.write_text(path.read_text(encoding="utf-8").replace("number: 1", "number: 7"), encoding="utf-8")
    edited = findings(tree)
    assert misses[-1] == 1
    assert edited == [d.format() for d in load(tree).diagnostics.sorted()]  # the same as without the cache
    assert any("A406 number 7 differs from 1" in line for line in edited)


def test_a_damaged_or_foreign_cache_file_is_rebuilt(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    misses = counting(monkeypatch)
    first = findings(tree)
    target = parsecache.cache_file(tree)
    target.write_bytes(b"\x00" * 40 + b"not a pickle")
    assert findings(tree) == first and misses[-1] == ARTICLE_FILES
    monkeypatch.setenv("XDG_CACHE_HOME", str(tree.parent / "another-user"))  # another machine's key: not trusted
    assert findings(tree) == first and misses[-1] == ARTICLE_FILES
