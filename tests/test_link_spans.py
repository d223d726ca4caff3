"""Links found through the reader's own markdown-it parse, at their exact offsets in the file."""

from __future__ import annotations

from hypothesis import given, strategies as st

from drafting.source.linkspans import LinkSpan, find_links
from drafting.source.markup import body_tokens


def spans(text: str, first_line: int = 1) -> list[LinkSpan | None]:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return list(find_links(body_tokens(text), first_line, lambda n: (starts[n - 1], lines[n - 1])))


def written(text: str) -> list[tuple[str, str]]:
    return [(text[s.text_start:s.text_end], text[s.href_start:s.href_end]) for s in spans(text) if s is not None]


def test_a_link_with_a_title_is_found_and_a_link_in_a_code_span_is_not() -> None:
    text = 'See [статьей 5](art:x "title") and `[статьей 6](art:y)`.'
    found = spans(text)
    assert written(text) == [("статьей 5", "art:x")]
    assert found[0] is not None and text[found[0].start:found[0].end] == '[статьей 5](art:x "title")'


def test_links_in_nested_points_over_several_lines_and_in_angle_brackets() -> None:
    text = ("1. First [article\n   5](art:x/2) here;\n   1) a point with [Article 7](<art:y>)\n"
            "   2) [5-бапқа](art:z).")
    assert written(text) == [("article\n   5", "art:x/2"), ("Article 7", "art:y"), ("5-бапқа", "art:z")]


def test_links_in_table_cells_and_footnotes() -> None:
    text = "Text[^1].\n\n| a | b |\n|---|---|\n| [Article 2](art:b) | c |\n\n[^1]: See [Article 3](art:c)."
    assert written(text) == [("Article 2", "art:b"), ("Article 3", "art:c")]


@given(st.lists(st.tuples(st.sampled_from(["", "  ", "*"]), st.from_regex(r"[a-zа-я ]{0,8}[0-9]{1,3}", fullmatch=True)),
                min_size=1, max_size=5))
def test_every_link_is_placed_where_it_is_written(parts: list[tuple[str, str]]) -> None:
    text = " and ".join(f"{lead}[{label.strip() or 'x'}](art:a{i}){lead}" for i, (lead, label) in enumerate(parts))
    assert [href for _, href in written(text)] == [f"art:a{i}" for i in range(len(parts))]
    for label, _ in written(text):
        assert f"[{label}]" in text


def test_reference_text_rewriting_does_not_import_renumbering() -> None:
    import ast
    from pathlib import Path
    source = Path(__file__).resolve().parent.parent / "drafting" / "source" / "reftext.py"
    imported = {node.module for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
                if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.startswith("drafting.tools") for name in imported)
