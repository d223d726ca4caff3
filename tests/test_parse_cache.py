"""The parse cache: reading through it gives what a plain read gives, and parses only the files that changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.source.parsecache import ParseCache, read_tree_cached
from drafting.source.reader import read_tree
from drafting.source.tree import FileTree, MemoryTree, OverlayTree

MINI = Path(__file__).parent / "fixtures" / "mini"
FILES = {e.path: FileTree(MINI).read(e.path) for e in FileTree(MINI).entries()}
ARTICLES = sorted(p for p in FILES if p.endswith(".md") and "/" in p)


def test_only_the_changed_article_is_parsed_again() -> None:
    cache = ParseCache()
    read_tree_cached(MemoryTree(FILES), cache)
    assert cache.misses == len(ARTICLES) and cache.hits == 0
    edited = OverlayTree(MemoryTree(FILES), {ARTICLES[3]: FILES[ARTICLES[3]].replace(b"number: 2", b"number: 7")})
    result = read_tree_cached(edited, cache)
    assert cache.misses == len(ARTICLES) + 1 and cache.hits == len(ARTICLES) - 1
    assert result.work is not None and any(a.num == "7" for a in result.work.expression("en").articles())


edits = st.lists(st.tuples(st.sampled_from(ARTICLES), st.sampled_from([
    b"", b"number: 9\n", b"---\nid: x\nnumber: 1\n---\n1. [a](art:nowhere)\n", b"\x00", b"\xff",
    b"---\nid: foundations-1\nnumber: 1\n---\n1. TODO\n", b"---\nnumber: [\n---\n"])), max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds=st.lists(edits, min_size=1, max_size=3))
def test_a_cached_read_is_a_plain_read(rounds: list[list[tuple[str, bytes]]]) -> None:
    cache = ParseCache()
    for changes in rounds:
        overlay = dict(changes)
        tree = OverlayTree(MemoryTree(FILES), overlay)
        cached, plain = read_tree_cached(tree, cache), read_tree(tree)
        assert cached.work == plain.work
        assert cached.diagnostics.sorted() == plain.diagnostics.sorted()
        assert len(cache) <= len(ARTICLES)


def test_overlay_adds_and_replaces_files() -> None:
    base = MemoryTree({"a.md": b"A", "b.md": b"B"})
    tree = OverlayTree(base, {"b.md": b"BB", "c.md": b"C"})
    assert [(e.path, e.size) for e in tree.entries()] == [("a.md", 1), ("b.md", 2), ("c.md", 1)]
    assert tree.read("b.md") == b"BB" and tree.read("a.md") == b"A"


def test_a_schema_change_is_a_new_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader validates front matter against schemas/: parses kept under another schema are never read (a
    toolkit upgrade that changes a schema must not leave the old findings in place)."""
    import shutil

    import drafting.resources
    from drafting.source import parsecache

    schemas = tmp_path / "schemas"
    shutil.copytree(drafting.resources.SCHEMAS_DIR, schemas)
    monkeypatch.setattr(drafting.resources, "SCHEMAS_DIR", schemas)
    parsecache.code_digest.cache_clear()
    before = parsecache.code_digest()
    article = schemas / "article.schema.json"
    article.write_text(article.read_text(encoding="utf-8").replace('"type"', '"type" ', 1), encoding="utf-8")
    parsecache.code_digest.cache_clear()
    assert parsecache.code_digest() != before
    parsecache.code_digest.cache_clear()
