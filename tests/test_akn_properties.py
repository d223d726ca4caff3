"""Property tests: any text survives Markdown escaping; any input gives a result or a message."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from akn_common import MINI, export
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.importer.acts import import_files
from drafting.diagnostics import Diagnostics, DraftingError
from drafting.source.load import load_valid
from drafting.source.markup import parse_article_body
from drafting.model import Article, Emphasis, Loc, Paragraph, Point, Strong, Text, plain_text
from drafting.source.rewrite import article_markdown, split_front_matter_body

LOC = Loc("t.md", 1)
# Markdown's punctuation, list markers, entities and Cyrillic, in short words
WORDS = st.sampled_from(["a", "Закон", "бап", "*", "**", "_", "[x]", "]", "[", "`", "<b>", "&amp;", "&", "#", "1.",
                         "2)", "3-1.", "-", "+", ">", "\\", "!", "(", ")", "~", "|", "http://x.invalid", "<http://x>",
                         "TODO?", "1995.", "«", "»", "'", '"'])
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


def reparse(article: Article) -> tuple[Paragraph, ...]:
    body = split_front_matter_body(article_markdown(article))
    diags = Diagnostics()
    result = parse_article_body(body, "t.md", 5, diags)
    assert not diags.errors, [d.format() for d in diags.errors]
    return result


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT, TEXT)
def test_any_text_survives_the_source_writer(text: str, point: str, wrapup: str) -> None:
    paragraphs = (Paragraph("1", (Text(text),), LOC, (Point("1", (Text(point),), LOC),), (Text(wrapup),)),
                  Paragraph("2", (Text("x "), Emphasis((Text(point),)), Text(" "), Strong((Text(text),))), LOC))
    article = Article("a", "1", paragraphs, LOC)
    again = reparse(article)
    assert [plain_text(p.text) for p in again] == [text, f"x {point} {text}"]
    assert plain_text(again[0].points[0].text) == point and plain_text(again[0].wrapup) == wrapup
    single = reparse(Article("a", "1", (Paragraph(None, (Text(text),), LOC),), LOC))
    assert single[0].num is None and plain_text(single[0].text) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXT, st.integers(0, 3), st.booleans()), min_size=1, max_size=4))
def test_random_article_shapes_round_trip_through_akn(shapes: list[tuple[str, int, bool]]) -> None:
    work = load_valid(MINI)
    paragraphs = tuple(
        Paragraph(str(i), (Text(text),), LOC, tuple(Point(str(j), (Text(f"{text} {j}"),), LOC) for j in range(1, points + 1)),
                  (Text("end " + text),) if wrap and points else ())
        for i, (text, points, wrap) in enumerate(shapes, start=1))
    en = work.expression("en")
    first = en.sections[0]
    changed = dataclasses.replace(first.articles[0], paragraphs=paragraphs)
    section = dataclasses.replace(first, children=(changed, *first.articles[1:]))
    work = dataclasses.replace(work, expressions={"en": dataclasses.replace(en, body=(section, *en.sections[1:]))},
                               meta=dataclasses.replace(work.meta, languages=(dataclasses.replace(work.meta.language("en"), translation_of=None),)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "en.xml"
        path.write_bytes(export(work, "en"))
        imported = import_files([path])
    back = imported.work.expression("en").articles()[0]
    assert back.id == changed.id
    assert [(p.num, plain_text(p.text), [plain_text(x.text) for x in p.points], plain_text(p.wrapup)) for p in back.paragraphs] == \
        [(p.num, plain_text(p.text), [plain_text(x.text) for x in p.points], plain_text(p.wrapup)) for p in paragraphs]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: ('<akomaNtoso xmlns="http://docs.oasis-open.org/'
                                                                     'legaldocml/ns/akn/3.0"><act>' + s).encode()))
def test_any_bytes_give_a_result_or_a_message(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xml"
        path.write_bytes(data)
        try:
            import_files([path])
        except DraftingError as error:
            assert error.message
