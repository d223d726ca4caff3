"""Property tests: whatever a contributor writes, the reader gives a model or
diagnostics, never an exception; and well-formed articles read back exactly."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import MINI
from drafting.source.load import load_tree
from drafting.model import plain_text
from drafting.source.tree import MemoryTree

ARTICLE = "01-foundations/001-foundations-1.en.md"


def mini_files() -> dict[str, bytes]:
    return {p.relative_to(MINI).as_posix(): p.read_bytes() for p in sorted(MINI.rglob("*")) if p.is_file()}


BASE = mini_files()
FAST = settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_with(replacements: dict[str, bytes]) -> list[str]:
    files = {**BASE, **replacements}
    loaded = load_tree(MemoryTree(files, "src"))
    return [d.format() for d in loaded.diagnostics.sorted()]


@FAST
@given(st.binary(max_size=400))
@example(b"\x00")
@example(b"---\n")
@example(b"---\n---\n")
@example(b"\xef\xbb\xbf---\nid: foundations-1\nnumber: 1\n---\n1. x\n")
def test_random_bytes_as_an_article(data: bytes) -> None:
    load_with({ARTICLE: data})


@FAST
@given(st.binary(max_size=300))
def test_random_bytes_as_work_and_section_files(data: bytes) -> None:
    load_with({"work.yaml": data})
    load_with({"02-rights/section.yaml": data})


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.text(max_size=12),
                         st.floats(allow_nan=False, allow_infinity=False))
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                   st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                           max_leaves=6)


@FAST
@given(st.dictionaries(st.sampled_from(["id", "number", "heading", "note", "x", "Id"]) | st.text(max_size=5),
                       yaml_values, max_size=5))
def test_random_front_matter(front: dict[str, object]) -> None:
    import json

    # JSON is YAML: every generated mapping is valid YAML with arbitrary types
    text = f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n1. Text.\n"
    load_with({ARTICLE: text.encode("utf-8")})


words = st.text(alphabet="абвгқңәіөұүһabcdefg", min_size=1, max_size=8)
sentences = st.lists(words, min_size=1, max_size=6).map(lambda ws: " ".join(ws) + ".")


@st.composite
def article_bodies(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, list[str]]]]:
    """A random well-formed article and what it must read back as."""
    count = draw(st.integers(1, 6))
    shape: list[tuple[str, str, list[str]]] = []
    lines: list[str] = []
    for index in range(1, count + 1):
        text = draw(sentences)
        points = draw(st.lists(sentences, max_size=4))
        shape.append((str(index), text, points))
        marker = f"{index}. "
        lines.append(marker + text)
        for p_index, point in enumerate(points, start=1):
            lines.append(" " * len(marker) + f"{p_index}) {point}")
    return "\n".join(lines) + "\n", shape


@FAST
@given(article_bodies())
def test_random_article_shapes_read_back(body_and_shape: tuple[str, list[tuple[str, str, list[str]]]]) -> None:
    body, shape = body_and_shape
    header = "---\nid: foundations-1\nnumber: 1\n---\n"
    files = {**BASE}
    for lang in ("kk", "ru", "en"):
        files[f"01-foundations/001-foundations-1.{lang}.md"] = (header + body).encode("utf-8")
    loaded = load_tree(MemoryTree(files, "src"))
    assert loaded.diagnostics.sorted() == [], [d.format() for d in loaded.diagnostics.sorted()]
    assert loaded.work is not None
    article = loaded.work.expression("en").articles()[0]
    got = [(p.num, plain_text(p.text), [plain_text(q.text) for q in p.points]) for p in article.paragraphs]
    assert got == shape
    assert [p.loc.line for p in article.paragraphs][0] == 5


def test_memory_tree_matches_the_folder() -> None:
    from conftest import check_tree

    assert load_with({}) == [] and check_tree(Path(MINI)).diagnostics.sorted() == []
