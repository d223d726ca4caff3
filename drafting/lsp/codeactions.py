"""Quick fixes: a reference text rewritten to its target's current number (R504), a missing language file
created (A401), and `renumber` offered as a command when numbering is out of sequence.

Each fix is computed from the server's own reading of the buffers, not from the
diagnostics the editor sends back, so a stale diagnostic never leads to a wrong
edit. The new language file is the template ``drafting new`` writes (front
matter with the article's id and number, ``TODO`` text, a warning until it is
written).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from lsprotocol import types

from drafting.diagnostics import Diagnostic
from drafting.lsp import lspdiagnostics
from drafting.lsp.navigation import article_in
from drafting.lsp.positions import Text, link_span
from drafting.lsp.workspacestate import SourceState
from drafting.numbering import NUMBER_TOKEN
from drafting.source.reftext import article_first
from drafting.model import Article, Point
from drafting.profile import Profile
from drafting.tools.scaffold import TODO, article_source

RENUMBER_COMMAND = "drafting.renumber"
# findings `renumber` puts right: section and article numbering, file name prefixes
RENUMBER_CODES = {"N302", "N303", "N310"}


def actions(state: SourceState, rel: str, text: Text, wanted: types.Range) -> list[types.CodeAction]:
    analysis = state.analysis()
    here = [d for d in analysis.diagnostics if d.path == rel]
    found: list[types.CodeAction] = []
    first, last = text.offset(wanted.start), text.offset(wanted.end)
    for item in here:
        start, end = _span(text, item)
        if item.code == "R504" and start <= last and first <= end:
            action = _rewrite_number(state, rel, text, item)
            if action is not None:
                found.append(action)
    created = _missing_languages(state, rel, text, [d for d in here if d.code == "A401"])
    found.extend(created)
    numbering = [d for d in analysis.diagnostics if d.code in RENUMBER_CODES]
    if numbering:
        mine = [lspdiagnostics.to_protocol(d, text) for d in here if d.code in RENUMBER_CODES]
        found.append(types.CodeAction(
            title=f"Renumber the whole tree ({len(numbering)} numbering finding{'s' if len(numbering) != 1 else ''})",
            kind=types.CodeActionKind.QuickFix if mine else types.CodeActionKind.Source,
            diagnostics=mine or None,
            command=types.Command(title="Renumber", command=RENUMBER_COMMAND, arguments=[state.root.as_uri()])))
    return found


def _span(text: Text, item: Diagnostic) -> tuple[int, int]:
    line_start, line_end = text.line_span(item.line)
    offset = min(line_start + item.column - 1, line_end)
    link = text.link_at(offset)
    return link_span(link) if link is not None else (line_start, line_end)


def _rewrite_number(state: SourceState, rel: str, text: Text, item: Diagnostic) -> types.CodeAction | None:
    analysis = state.analysis()
    line_start, line_end = text.line_span(item.line)
    link = text.link_at(min(line_start + item.column - 1, line_end))
    if link is None or analysis.work is None:
        return None
    lang = state.language_of(rel)
    target = article_in(analysis, link.target, lang)
    if target is None:
        return None
    article = target[1]
    tokens = [(m.start(), m.end()) for m in NUMBER_TOKEN.finditer(link.text)]
    if link.paragraph is None:
        if len(tokens) != 1:
            return None
        new = {tokens[0]: article.num}
    else:
        if len(tokens) != 2:
            return None
        art, para = tokens if article_first(analysis.work.profile, lang or target[0]) else tokens[::-1]
        new = {art: article.num, para: link.paragraph}
    rewritten = link.text
    for (start, end), digits in sorted(new.items(), reverse=True):
        rewritten = rewritten[:start] + digits + rewritten[end:]
    if rewritten == link.text:
        return None
    edit = types.TextEdit(text.range(link.text_start, link.text_start + len(link.text)), rewritten)
    return types.CodeAction(
        title=f"Write '{rewritten}': article '{article.id}' is number {article.num}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lspdiagnostics.to_protocol(item, text)],
        is_preferred=True,
        edit=types.WorkspaceEdit(changes={state.path(rel).as_uri(): [edit]}))


def skeleton(article: Article, profile: Profile) -> str:
    """The article's paragraphs and points, each marker as in the version at hand, each text ``TODO``."""
    if len(article.paragraphs) == 1 and article.paragraphs[0].num is None and not article.paragraphs[0].points:
        return f"{TODO}\n"
    lines: list[str] = []

    def points(items: tuple[Point, ...], depth: int, indent: str) -> None:
        for point in items:
            marker = profile.point_level(depth).marker(point.num)
            lines.append(f"{indent}{marker} {TODO}")
            points(point.points, depth + 1, indent + " " * (len(marker) + 1))

    for paragraph in article.paragraphs:
        marker = profile.paragraph_level.marker(paragraph.num) if paragraph.num else ""
        lines.append(f"{marker} {TODO}".strip())
        points(paragraph.points, 1, " " * (len(marker) + 1) if marker else "")
    return "\n".join(lines) + "\n"


def _missing_languages(state: SourceState, rel: str, text: Text, found: list[Diagnostic]) -> list[types.CodeAction]:
    analysis = state.analysis()
    here = analysis.article_at(rel)
    if not found or here is None or analysis.work is None:
        return []
    article = here[1]
    folder = PurePosixPath(rel).parent
    stem = article.stem or PurePosixPath(rel).name.split(".")[0]
    headings = analysis.work.profile.article_level.headings == "required"
    out: list[types.CodeAction] = []
    for code in analysis.work.meta.codes:
        missing = (folder / f"{stem}.{code}.md").as_posix()
        if missing in analysis.texts or state.path(missing).exists():
            continue
        uri = state.path(missing).as_uri()
        body = article_source(article.id, article.num, headings, skeleton(article, analysis.work.profile))
        out.append(types.CodeAction(
            title=f"Create {missing} (TODO text to translate)",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lspdiagnostics.to_protocol(d, text) for d in found if f"'{code}'" in d.message] or None,
            edit=types.WorkspaceEdit(document_changes=[
                types.CreateFile(uri=uri, options=types.CreateFileOptions(overwrite=False, ignore_if_exists=True)),
                types.TextDocumentEdit(types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                                       [types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), body)]),
            ])))
    return out
