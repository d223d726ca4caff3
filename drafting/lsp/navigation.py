"""Following cross-references: go to definition, find references, hover.

A reference ``[text](art:ID)`` or ``(art:ID/P)`` leads to article ID (its
paragraph P) in the language of the file it is written in, or in the first
language that has it. References are collected from the model (every article
and preamble in every language), each at the position the reader gave it.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from drafting.diagnostics import Diagnostics
from drafting.lsp.positions import Text, link_span
from drafting.lsp.workspacestate import Analysis, SourceState
from drafting.model import Article, Paragraph, Ref, iter_refs, plain_text
from drafting.source.sourcetext import Link
from drafting.source.yamldoc import FRONT_MATTER_RE, parse_yaml

HOVER_CHARS = 400  # of each language's text


@dataclass(frozen=True)
class Found:
    """A reference as the model has it, with the file it is written in."""

    path: str  # relative
    lang: str
    ref: Ref


def target_of(state: SourceState, rel: str, text: Text, position: types.Position) -> tuple[str, str | None] | None:
    """(article id, paragraph or None) of the reference under the cursor, or of the article file itself."""
    link = text.link_at(text.offset(position))
    if link is not None:
        return link.target, link.paragraph
    here = state.analysis().article_at(rel)
    if here is not None:
        return here[1].id, None
    return None


def article_in(analysis: Analysis, article_id: str, lang: str | None) -> tuple[str, Article] | None:
    """The article with ``article_id`` in ``lang``, else in the first language that has it."""
    if analysis.work is None:
        return None
    order = ([lang] if lang else []) + [code for code in analysis.work.expressions if code != lang]
    for code in order:
        expression = analysis.work.expressions.get(code)
        if expression is None:
            continue
        for article in expression.articles():
            if article.id == article_id:
                return code, article
    return None


def paragraph_of(article: Article, num: str | None) -> Paragraph | None:
    if num is None:
        return None
    return next((p for p in article.paragraphs if p.num == num), None)


def text_of(state: SourceState, rel: str, codec: PositionCodec) -> Text | None:
    raw = state.text(rel)
    return Text(rel, raw, codec) if raw is not None else None


def definition(state: SourceState, rel: str, text: Text, position: types.Position,
               codec: PositionCodec) -> list[types.Location] | None:
    link = text.link_at(text.offset(position))
    if link is None:
        return None
    found = article_in(state.analysis(), link.target, state.language_of(rel))
    if found is None:
        return None
    article = found[1]
    paragraph = paragraph_of(article, link.paragraph)
    line = paragraph.loc.line if paragraph is not None else 1
    start = types.Position(line - 1, 0)
    target = text_of(state, article.loc.path, codec)
    end = target.position(target.line_span(line)[1]) if target is not None else start
    return [types.Location(state.path(article.loc.path).as_uri(), types.Range(start, end))]


def every_reference(analysis: Analysis) -> list[Found]:
    found: list[Found] = []
    if analysis.work is None:
        return found
    for lang, expression in analysis.work.expressions.items():
        for article in expression.articles():
            found.extend(Found(ref.loc.path, lang, ref) for ref in article.refs())
        if expression.preamble is not None:
            for seq in expression.preamble.paragraphs:
                found.extend(Found(ref.loc.path, lang, ref) for ref in iter_refs(seq))
    return found


def reference_links(state: SourceState, article_id: str, codec: PositionCodec) -> list[tuple[Text, Link]]:
    """Every link to ``article_id``: the model says which files hold one, the link reader where each is."""
    paths = sorted({item.path for item in every_reference(state.analysis()) if item.ref.target == article_id})
    found: list[tuple[Text, Link]] = []
    for path in paths:
        text = text_of(state, path, codec)
        if text is not None:
            found.extend((text, link) for link in text.links() if link.target == article_id)
    return found


def id_range(text: Text, link: Link) -> types.Range:
    """The range of the id inside a link's ``art:ID[/P]``."""
    start = link.href_start + len("art:")
    return text.range(start, start + len(link.target))


def id_span(raw: str) -> tuple[int, int] | None:
    """Offsets of the value of ``id:`` in a file's front matter, from the YAML parser's marks."""
    match = FRONT_MATTER_RE.match(raw)
    if match is None:
        return None
    doc = parse_yaml(match.group(1), "", 2, Diagnostics())
    node = doc.node if doc is not None else None
    for key, value in getattr(node, "value", []) if node is not None else []:
        if getattr(key, "value", None) == "id" and isinstance(getattr(value, "value", None), str):
            return match.start(1) + value.start_mark.index, match.start(1) + value.end_mark.index
    return None


def declarations(state: SourceState, article_id: str, codec: PositionCodec) -> list[types.Location]:
    """The ``id:`` of the article in every language's file."""
    out: list[types.Location] = []
    for path, (_, article) in sorted(state.analysis().by_path.items()):
        if article.id != article_id:
            continue
        text = text_of(state, path, codec)
        span = id_span(text.raw) if text is not None else None
        if text is not None and span is not None:
            out.append(types.Location(state.path(path).as_uri(), text.range(*span)))
    return out


def references(state: SourceState, rel: str, text: Text, position: types.Position, codec: PositionCodec,
               include_declaration: bool) -> list[types.Location] | None:
    target = target_of(state, rel, text, position)
    if target is None:
        return None
    article_id = target[0]
    out = declarations(state, article_id, codec) if include_declaration else []
    for found, link in reference_links(state, article_id, codec):
        out.append(types.Location(state.path(found.rel).as_uri(), found.range(link.href_start, link.href_end)))
    return out


def hover(state: SourceState, rel: str, text: Text, position: types.Position) -> types.Hover | None:
    link = text.link_at(text.offset(position))
    analysis = state.analysis()
    if link is None or analysis.work is None:
        return None
    work = analysis.work
    lines: list[str] = []
    for lang in work.expressions:
        found = article_in(analysis, link.target, lang)
        if found is None or found[0] != lang:
            lines.append(f"**{lang}**: no article `{link.target}` in this language")
            continue
        article = found[1]
        label = work.profile.label(lang, "article", n=article.num)
        heading = f" {article.heading}" if article.heading else ""
        paragraph = paragraph_of(article, link.paragraph)
        if link.paragraph is not None and paragraph is None:
            body = f"(no paragraph {link.paragraph})"
        else:
            body = _plain(paragraph) if paragraph is not None else " ".join(_plain(p) for p in article.paragraphs)
        where = f", {work.profile.label(lang, 'paragraph', n=link.paragraph)}" if link.paragraph else ""
        lines.append(f"**{lang}** · **{label}{where}**{heading}: {_clip(body)}")
    if not lines:
        return None
    found = article_in(analysis, link.target, state.language_of(rel))
    title = f"`{link.target}` — {work.profile.label(found[0], 'article', n=found[1].num)}" if found else f"`{link.target}`"
    first, last = link_span(link)
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n".join([title, *lines])),
                       text.range(first, last))


def _plain(paragraph: Paragraph) -> str:
    parts = [plain_text(seq) for seq in paragraph.inlines()]
    prefix = f"{paragraph.num}. " if paragraph.num else ""
    return prefix + " ".join(part for part in parts if part)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= HOVER_CHARS else text[: HOVER_CHARS - 1].rstrip() + "…"
