"""The outline: a file's containers, article, paragraphs and points (document symbols), and every article of
every tree by number and first words (workspace symbols).
"""

from __future__ import annotations

from lsprotocol import types

from drafting.lsp.completion import first_words
from drafting.lsp.positions import Text
from drafting.lsp.workspacestate import SourceState
from drafting.model import Article, Container, Paragraph, Point, plain_text

MAX_WORKSPACE_SYMBOLS = 1000
NAME_WORDS = 8


def document_symbols(state: SourceState, rel: str, text: Text) -> list[types.DocumentSymbol]:
    analysis = state.analysis()
    if analysis.work is None:
        return []
    here = analysis.article_at(rel)
    if here is not None:
        lang, article = here
        return [_article_symbol(analysis.work.profile.label(lang, "article", n=article.num), article, text)]
    out: list[types.DocumentSymbol] = []
    for lang, expression in analysis.work.expressions.items():
        for container in expression.containers():
            if container.loc.path == rel:
                out.append(_container_symbol(state, lang, container, text))
        if expression.preamble is not None and expression.preamble.loc.path == rel:
            whole = text.range(0, len(text.raw))
            children = [_line_symbol(text, index, plain_text(seq), types.SymbolKind.String)
                        for index, seq in enumerate(expression.preamble.paragraphs)]
            out.append(types.DocumentSymbol(analysis.work.profile.label(lang, "preamble"), types.SymbolKind.Module,
                                            whole, text.range(0, 0), children=[c for c in children if c] or None))
        if out:
            break
    return out


def _article_symbol(name: str, article: Article, text: Text) -> types.DocumentSymbol:
    whole = text.range(0, len(text.raw))
    number_line = text.line_span(article.loc.line)
    lines = [p.loc.line for p in article.paragraphs] + [len(text.lines) + 1]
    children = [_paragraph_symbol(paragraph, text, lines[i + 1]) for i, paragraph in enumerate(article.paragraphs)]
    return types.DocumentSymbol(name=name, detail=article.heading or first_words(article, NAME_WORDS),
                                kind=types.SymbolKind.Class, range=whole, selection_range=text.range(*number_line),
                                children=children or None)


def _block_range(text: Text, line: int, next_line: int) -> types.Range:
    start = text.line_span(line)[0]
    end = text.line_span(max(next_line - 1, line))[1]
    return text.range(start, max(start, end))


def _paragraph_symbol(paragraph: Paragraph, text: Text, next_line: int) -> types.DocumentSymbol:
    name = f"{paragraph.num}." if paragraph.num else "¶"
    lines = [p.loc.line for p in paragraph.points] + [next_line]
    children = [_point_symbol(point, text, lines[i + 1]) for i, point in enumerate(paragraph.points)]
    return types.DocumentSymbol(name=name, detail=_words(plain_text(paragraph.text)), kind=types.SymbolKind.Field,
                                range=_block_range(text, paragraph.loc.line, next_line),
                                selection_range=text.range(*text.line_span(paragraph.loc.line)),
                                children=children or None)


def _point_symbol(point: Point, text: Text, next_line: int) -> types.DocumentSymbol:
    lines = [p.loc.line for p in point.points] + [next_line]
    children = [_point_symbol(sub, text, lines[i + 1]) for i, sub in enumerate(point.points)]
    return types.DocumentSymbol(name=f"{point.num})", detail=_words(plain_text(point.text)),
                                kind=types.SymbolKind.EnumMember,
                                range=_block_range(text, point.loc.line, next_line),
                                selection_range=text.range(*text.line_span(point.loc.line)),
                                children=children or None)


def _container_symbol(state: SourceState, lang: str, container: Container, text: Text) -> types.DocumentSymbol:
    analysis = state.analysis()
    assert analysis.work is not None
    name = analysis.work.profile.level_label(lang, container.level, container.num)
    whole = text.range(0, len(text.raw))
    return types.DocumentSymbol(name=name, detail=container.title, kind=types.SymbolKind.Namespace, range=whole,
                                selection_range=text.range(*text.line_span(container.loc.line)))


def _line_symbol(text: Text, index: int, words: str, kind: types.SymbolKind) -> types.DocumentSymbol | None:
    needle = words.split()[0] if words.split() else ""
    offset = text.raw.find(needle) if needle else -1
    if offset < 0:
        return None
    line = text.raw.count("\n", 0, offset) + 1
    span = text.line_span(line)
    return types.DocumentSymbol(name=f"{index + 1}", detail=_words(words), kind=kind, range=text.range(*span),
                                selection_range=text.range(*span))


def _words(text: str, count: int = NAME_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def workspace_symbols(states: list[SourceState], query: str) -> list[types.WorkspaceSymbol]:
    terms = query.casefold().split()
    out: list[types.WorkspaceSymbol] = []
    for state in states:
        analysis = state.analysis()
        if analysis.work is None:
            continue
        profile = analysis.work.profile
        for lang, expression in analysis.work.expressions.items():
            parents = {a.loc.path: c for c in expression.containers() for a in c.children if isinstance(a, Article)}
            for article in expression.articles():
                name = f"{profile.label(lang, 'article', n=article.num)} {first_words(article, NAME_WORDS)}"
                haystack = f"{name} {article.id} {article.heading or ''}".casefold()
                if not all(term in haystack for term in terms):
                    continue
                parent = parents.get(article.loc.path)
                where = (f"{profile.level_label(lang, parent.level, parent.num)} {parent.title}".strip()
                         if parent is not None else "")
                out.append(types.WorkspaceSymbol(
                    name=name, kind=types.SymbolKind.Class, container_name=where or None,
                    location=types.Location(state.path(article.loc.path).as_uri(),
                                            types.Range(types.Position(0, 0), types.Position(0, 0)))))
                if len(out) >= MAX_WORKSPACE_SYMBOLS:
                    return out
    return out
