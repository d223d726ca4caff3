"""Completion: stable ids after ``](art:``, paragraph numbers after ``art:ID/``, the expected number in front matter.

Ids are offered in document order, each with its current number (the file's
language's label) and the first words of its text. In a container's ``LEVEL.yaml``
(``section.yaml``, ``chapter.yaml``, ...) and in an article's front matter,
``number:`` is completed with the number its place in the tree calls for, in
the profile's style for that level.
"""

from __future__ import annotations

import re

from lsprotocol import types

from drafting.lsp.positions import Text
from drafting.lsp.workspacestate import Analysis, SourceState
from drafting.model import Article, Expression, plain_text
from drafting.numbering import format_ordinal, ordinal

_AFTER_ART = re.compile(r"\]\(art:([a-z0-9-]*)$")
_AFTER_PARAGRAPH = re.compile(r"\]\(art:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/([0-9-]*)$")
_NUMBER_KEY = re.compile(r"^number:[ \t]*(\S*)$")
FIRST_WORDS = 12
TRIGGERS = [":", "/", " "]


def complete(state: SourceState, rel: str, text: Text, position: types.Position) -> types.CompletionList | None:
    offset = text.offset(position)
    line_start = text.raw.rfind("\n", 0, offset) + 1
    before = text.raw[line_start:offset]
    analysis = state.analysis()
    lang = state.language_of(rel)
    expression = _expression(analysis, lang)
    if expression is None:
        return None
    if rel.endswith(".md"):
        match = _AFTER_PARAGRAPH.search(before)
        if match:
            return _paragraphs(expression, match.group(1), text.range(offset - len(match.group(2)), offset))
        match = _AFTER_ART.search(before)
        if match:
            return _articles(analysis, expression, text.range(offset - len(match.group(1)), offset))
    match = _NUMBER_KEY.match(before)
    if match and _in_front_matter(text, offset, yaml_file=rel.endswith(".yaml")):
        replace = text.range(offset - len(match.group(1)), offset)
        if rel.endswith(".yaml"):
            return _section_number(analysis, expression, rel, replace)
        article = analysis.article_at(rel)
        if article is not None:
            return _article_number(analysis, expression, article[1], replace)
    return None


def _expression(analysis: Analysis, lang: str | None) -> Expression | None:
    if analysis.work is None or not analysis.work.expressions:
        return None
    if lang is not None and lang in analysis.work.expressions:
        return analysis.work.expressions[lang]
    return next(iter(analysis.work.expressions.values()))


def first_words(article: Article, count: int = FIRST_WORDS) -> str:
    words: list[str] = []
    for paragraph in article.paragraphs:
        for seq in paragraph.inlines():
            words.extend(plain_text(seq).split())
            if len(words) >= count:
                return " ".join(words[:count]) + " …"
    return " ".join(words)


def _articles(analysis: Analysis, expression: Expression, replace: types.Range) -> types.CompletionList:
    assert analysis.work is not None
    profile = analysis.work.profile
    items = []
    for index, article in enumerate(expression.articles()):
        label = profile.label(expression.lang, "article", n=article.num)
        items.append(types.CompletionItem(
            label=article.id,
            kind=types.CompletionItemKind.Reference,
            detail=label + (f" {article.heading}" if article.heading else ""),
            label_details=types.CompletionItemLabelDetails(description=label),
            documentation=types.MarkupContent(types.MarkupKind.PlainText, first_words(article)),
            sort_text=f"{index:05d}",
            filter_text=article.id,
            text_edit=types.TextEdit(replace, article.id),
        ))
    return types.CompletionList(is_incomplete=False, items=items)


def _paragraphs(expression: Expression, article_id: str, replace: types.Range) -> types.CompletionList | None:
    article = next((a for a in expression.articles() if a.id == article_id), None)
    if article is None:
        return None
    items = [types.CompletionItem(label=p.num, kind=types.CompletionItemKind.EnumMember,
                                  documentation=" ".join(plain_text(p.text).split()[:FIRST_WORDS]),
                                  sort_text=f"{index:05d}", text_edit=types.TextEdit(replace, p.num))
             for index, p in enumerate(article.paragraphs) if p.num]
    return types.CompletionList(is_incomplete=False, items=items)


def _section_number(analysis: Analysis, expression: Expression, rel: str,
                    replace: types.Range) -> types.CompletionList | None:
    """The number a container's place calls for: among its level in the act (continuous) or in its parent."""
    assert analysis.work is not None
    profile = analysis.work.profile
    containers = expression.containers()
    here = next((c for c in containers if c.loc.path == rel), None)
    if here is None:
        return None
    level = profile.level(here.level) if profile.has_level(here.level) else None
    style = level.style if level is not None else profile.section_numbering
    if level is not None and level.numbering == "continuous":
        siblings = [c for c in containers if c.level == here.level]
    else:
        parent = next((c for c in containers if here in c.containers), None)
        pool = parent.containers if parent is not None else expression.sections
        siblings = [c for c in pool if c.level == here.level]
    place = next(i for i, c in enumerate(siblings) if c is here) + 1
    number = format_ordinal(place, style)
    label = profile.level_label(expression.lang, here.level, number)
    item = types.CompletionItem(label=number, kind=types.CompletionItemKind.Value,
                                detail=f"{label}: {here.level} {place} in the order of the folders",
                                text_edit=types.TextEdit(replace, number), preselect=True)
    return types.CompletionList(is_incomplete=False, items=[item])


def _article_number(analysis: Analysis, expression: Expression, article: Article,
                    replace: types.Range) -> types.CompletionList | None:
    """The number after the previous article's (in the act, or in its container when numbering restarts)."""
    assert analysis.work is not None
    profile = analysis.work.profile
    level = profile.article_level
    articles = expression.articles()
    if level.numbering != "continuous":
        parent = next((c for c in expression.containers() if article in c.children), None)
        pool = parent.children if parent is not None else expression.body
        articles = [a for a in pool if isinstance(a, Article)]
    index = next((i for i, a in enumerate(articles) if a.loc.path == article.loc.path), None)
    if index is None:
        return None
    previous = articles[index - 1].num if index > 0 else None
    base = (ordinal(previous.split("-")[0], level.style) or 0) if previous else 0
    numbers = [format_ordinal(base + 1, level.style)]
    if previous and level.inserted == "dash":
        numbers.append(f"{previous}-1")
    items = [types.CompletionItem(label=n, kind=types.CompletionItemKind.Value,
                                  detail=profile.label(expression.lang, "article", n=n)
                                  + (f", after {previous}" if previous else ", the first"),
                                  text_edit=types.TextEdit(replace, n), preselect=i == 0, sort_text=f"{i}")
             for i, n in enumerate(numbers)]
    return types.CompletionList(is_incomplete=False, items=items)


def _in_front_matter(text: Text, offset: int, yaml_file: bool) -> bool:
    if yaml_file:
        return True
    if not text.raw.startswith("---"):
        return False
    closing = text.raw.find("\n---", 3)
    return 3 < offset and (closing < 0 or offset <= closing)
