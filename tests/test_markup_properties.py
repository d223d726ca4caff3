"""Property tests for the article reader with profile levels: any nesting of lists in the profile's marker styles,
with tables, reads back as the structure it was written from, at the lines it was written on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.diagnostics import Diagnostics
from drafting.model import Paragraph, Point, plain_text
from drafting.numbering import format_ordinal
from drafting.profile import Level, Profile
from drafting.source.markup import parse_article_body, prepare

WORDS = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщэюяқәіңғүұөһabcdefghijklmnopqrstuvwxyz", min_size=1,
                max_size=8)
STYLES = ["arabic", "alpha", "roman-lower", "cyrillic", "alpha-upper"]
FORMATS = ["{n})", "({n})", "{n}."]


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    depth = draw(st.integers(min_value=1, max_value=3))
    points = []
    for index in range(depth):
        style = draw(st.sampled_from(STYLES))
        fmt = draw(st.sampled_from(FORMATS[:2]))
        points.append(Level(f"point{index}", "point", "point", style=style, format=fmt))
    paragraph = Level("paragraph", "paragraph", "paragraph", format="{n}.")
    article = Level("article", "article", "article", numbering="continuous")
    return Profile(name="generated", levels=(article, paragraph, *points))


@st.composite
def trees(draw: st.DrawFn, depth: int, max_depth: int) -> list[tuple[str, list]]:  # type: ignore[type-arg]
    count = draw(st.integers(min_value=1, max_value=3))
    children = []
    for _ in range(count):
        text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
        below = draw(trees(depth + 1, max_depth)) if depth < max_depth and draw(st.booleans()) else []
        children.append((text, below))
    return children


def write(profile: Profile, paragraphs: list[tuple[str, list, bool]]) -> str:  # type: ignore[type-arg]
    lines: list[str] = []

    def points(items: list, depth: int, indent: int) -> None:  # type: ignore[type-arg]
        level = profile.point_level(depth)
        for number, (text, below) in enumerate(items, start=1):
            marker = level.marker(format_ordinal(number, level.style))
            lines.append(" " * indent + f"{marker} {text}")
            points(below, depth + 1, indent + len(marker) + 1)

    for number, (text, below, table) in enumerate(paragraphs, start=1):
        lines.append(f"{number}. {text}")
        if table:
            lines += ["", "   | a | b |", "   |---|--:|", f"   | {text} | {number} |", ""]
        points(below, 1, 3)
    return "\n".join(lines) + "\n"


def shape(point: Point) -> tuple[str, list]:  # type: ignore[type-arg]
    return plain_text(point.text), [shape(p) for p in point.points]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_nested_lists_in_any_style_read_back(data: st.DataObject) -> None:
    profile = data.draw(profiles())
    depth = len(profile.point_levels)
    paragraphs = [(" ".join(data.draw(st.lists(WORDS, min_size=1, max_size=3))), data.draw(trees(1, depth))
                   if data.draw(st.booleans()) else [], data.draw(st.booleans()))
                  for _ in range(data.draw(st.integers(min_value=1, max_value=3)))]
    body = write(profile, paragraphs)
    diags = Diagnostics()
    read = parse_article_body(body, "a.md", 6, diags, profile)
    assert diags.sorted() == [], (body, diags.sorted())
    assert [p.num for p in read] == [str(i) for i in range(1, len(paragraphs) + 1)]
    for para, (text, below, table) in zip(read, paragraphs):
        assert isinstance(para, Paragraph)
        assert plain_text(para.text) == text
        assert [shape(p) for p in para.points] == below
        assert len(para.tables) == (1 if table else 0)
        if table:
            assert para.tables[0].shape == (2, 2)
    lines = body.split("\n")
    for para in read:
        for point in para.all_points():
            assert lines[point.loc.line - 6].lstrip().split(" ", 1)[0].strip("().") != ""


@settings(max_examples=300, deadline=None)
@given(body=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300),
       style=st.sampled_from(STYLES), fmt=st.sampled_from(FORMATS))
def test_the_marker_pass_keeps_every_line_and_its_width(body: str, style: str, fmt: str) -> None:
    level = Level("p", "point", "point", style=style, format=fmt)
    prepared, markers = prepare(body, (level,))
    before, after = body.split("\n"), prepared.split("\n")
    assert len(before) == len(after)
    for index, (old, new) in enumerate(zip(before, after)):
        assert len(old) == len(new)
        if old != new:
            assert index in markers and markers[index].matches(level)
