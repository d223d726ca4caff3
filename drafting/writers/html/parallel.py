"""The parallel view's rows: every language of a version aligned article by article, paragraph by paragraph.

Articles are matched across languages by stable id (``check`` guarantees each
exists in every language, A401) and paragraphs by position (same numbering,
A402), so a row holds the same provision in each language. A language that
lacks one (a tree built with errors allowed) gets an empty cell, never a
shifted row.

With ``changes`` (the redline of each language against the previous version),
a row also carries the marked-up text of the paragraphs that changed and rows
for paragraphs the new text deleted, shown only on request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from drafting.eids import Identifiers, unit_eid
from drafting.model import Article, Container, InlineSeq, Paragraph, Section, Work
from drafting.writers.redline.changes import ArticleChange, ParagraphChange, Redline
from drafting.writers.redline.rendering import render_diff, render_number


@dataclass(frozen=True)
class Cell:
    lang: str
    paragraph: Paragraph | None
    marked: Markup | None = None  # the paragraph with deletions and insertions, when it changed


@dataclass(frozen=True)
class ParagraphRow:
    eid: str | None  # None: a paragraph only the previous version had (shown with changes only)
    cells: tuple[Cell, ...]
    status: str = "equal"  # equal, amended, inserted, deleted

    def cell(self, lang: str) -> Cell:
        return next(c for c in self.cells if c.lang == lang)


@dataclass(frozen=True)
class ArticleRow:
    id: str
    eid: str
    articles: dict[str, Article | None]
    rows: tuple[ParagraphRow, ...]
    status: str = "unchanged"  # the redline's status in the page's language
    amended: bool = False

    @property
    def num(self) -> str:
        return next(a.num for a in self.articles.values() if a is not None)


@dataclass(frozen=True)
class SectionRow:
    """A container and the articles directly in it (deeper containers are rows of their own, after it)."""

    eid: str
    sections: dict[str, Section | None]
    articles: tuple[ArticleRow, ...]
    level: str = "section"
    depth: int = 0


@dataclass(frozen=True)
class PreambleRow:
    paragraphs: tuple[dict[str, InlineSeq | None], ...]  # lang -> text (None: missing), one per preamble paragraph
    headings: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Parallel:
    languages: tuple[str, ...]  # the page's language first
    preamble: PreambleRow | None
    sections: tuple[SectionRow, ...]

    def articles(self) -> list[ArticleRow]:
        return [a for s in self.sections for a in s.articles]


def parallel(work: Work, languages: list[str], changes: dict[str, Redline] | None = None) -> Parallel:
    """Rows in the order of the first language's text; ``changes`` per language, against the previous version.

    The first language's redline decides the rows (which paragraphs were deleted) and the articles' status;
    the others follow by position, as the checks keep every language aligned.
    """
    first = work.expression(languages[0])
    by_lang = {lang: work.expression(lang).article_by_id() for lang in languages}
    marks = {lang: _changes_by_article(redline) for lang, redline in (changes or {}).items()}
    ids = Identifiers(first, work.profile)
    containers_by_lang = {lang: {c.id: c for c in work.expression(lang).containers()} for lang in languages}
    sections: list[SectionRow] = []

    def rows_of(children: tuple[Container | Article, ...]) -> tuple[ArticleRow, ...]:
        rows = []
        for article in (c for c in children if isinstance(c, Article)):
            articles = {lang: by_lang[lang].get(article.id) for lang in languages}
            per_lang = {lang: marks[lang].get(article.id) for lang in marks}
            rows.append(_article_row(article, articles, per_lang, languages, ids.article(article),
                                     work.profile.paragraph_level.element))
        return tuple(rows)

    def walk(container: Container, depth: int) -> None:
        sections.append(SectionRow(ids.container(container),
                                   {lang: containers_by_lang[lang].get(container.id) for lang in languages},
                                   rows_of(container.children), container.level, depth))
        for child in container.containers:
            walk(child, depth + 1)

    loose = rows_of(first.body)
    if loose:
        sections.append(SectionRow("body", {lang: None for lang in languages}, loose, "", 0))
    for section in first.sections:
        walk(section, 0)
    return Parallel(tuple(languages), _preamble(work, languages), tuple(sections))


def _preamble(work: Work, languages: list[str]) -> PreambleRow | None:
    preambles = {lang: work.expression(lang).preamble for lang in languages}
    if preambles[languages[0]] is None:
        return None
    count = max(len(p.paragraphs) for p in preambles.values() if p is not None)
    rows = tuple({lang: (p.paragraphs[i] if p is not None and i < len(p.paragraphs) else None)
                  for lang, p in preambles.items()} for i in range(count))
    return PreambleRow(rows, {lang: p.heading if p else None for lang, p in preambles.items()})


def _changes_by_article(redline: Redline) -> dict[str, ArticleChange]:
    return {change.id: change for change in redline.articles() if change.status != "deleted"}


def _article_row(article: Article, articles: dict[str, Article | None], changes: dict[str, ArticleChange | None],
                 languages: list[str], eid: str, paragraph_element: str = "paragraph") -> ArticleRow:
    count = max(len(a.paragraphs) for a in articles.values() if a is not None)
    # the page language's redline decides the rows; the others follow by position
    own = changes.get(languages[0])
    marked = {lang: _marked_paragraphs(change) for lang, change in changes.items() if change is not None}
    kept_of = {lang: [pair for pair in found if pair[0].status != "deleted"] for lang, found in marked.items()}
    rows: list[ParagraphRow] = []
    deleted_before: dict[int, list[int]] = {}  # new index -> indexes of deleted old paragraphs before it
    if own is not None and own.changed:
        position = 0
        for index, paragraph_change in enumerate(own.paragraphs):
            if paragraph_change.status == "deleted":
                deleted_before.setdefault(position, []).append(index)
            else:
                position += 1
    for index in range(count):
        for old_index in deleted_before.get(index, []):
            rows.append(_deleted_row(old_index, marked, languages))
        paragraphs = {lang: (a.paragraphs[index] if a is not None and index < len(a.paragraphs) else None)
                      for lang, a in articles.items()}
        cells = []
        status = "equal"
        for lang in languages:
            change, markup = _kept(kept_of.get(lang), index)
            if lang == languages[0] and change is not None:
                status = change.status
            cells.append(Cell(lang, paragraphs[lang], markup if change is not None and change.status != "equal" else None))
        first_paragraph = paragraphs[languages[0]]
        anchor = unit_eid(eid, paragraph_element, first_paragraph.num or "", index + 1) if first_paragraph \
            else unit_eid(eid, paragraph_element, "", index + 1)
        rows.append(ParagraphRow(anchor, tuple(cells), status))
    for old_index in deleted_before.get(count, []):
        rows.append(_deleted_row(old_index, marked, languages))
    return ArticleRow(article.id, eid, articles, tuple(rows),
                      own.status if own is not None else "unchanged", bool(own and own.amended))


def _deleted_row(old_index: int, marked: dict[str, list[tuple[ParagraphChange, Markup | None]]],
                 languages: list[str]) -> ParagraphRow:
    cells = []
    for lang in languages:
        found = marked.get(lang, [])
        markup = found[old_index][1] if old_index < len(found) and found[old_index][0].status == "deleted" else None
        cells.append(Cell(lang, None, markup))
    return ParagraphRow(None, tuple(cells), "deleted")


def _kept(kept: list[tuple[ParagraphChange, Markup | None]] | None,
          index: int) -> tuple[ParagraphChange | None, Markup | None]:
    """The change of the paragraph at ``index`` in the new text; ``kept``: the changes less the deleted ones."""
    if kept is None:
        return None, None
    return kept[index] if index < len(kept) else (None, None)


def _marked_paragraphs(change: ArticleChange) -> list[tuple[ParagraphChange, Markup | None]]:
    """Each paragraph's change with its marked-up text; an unchanged paragraph shows its clean text, so it has none."""
    return [(p, marked_paragraph(p) if p.status != "equal" else None) for p in change.paragraphs]


def marked_paragraph(change: ParagraphChange) -> Markup:
    """One paragraph as the redline shows it: struck deleted words, inserted words marked."""
    parts = [Markup("<p>")]
    number = render_number((change.old_num, change.new_num), ".")
    if number:
        parts.append(Markup('<span class="num">%s</span> ') % number)
    parts.append(render_diff(change.text))
    parts.append(Markup("</p>"))
    if change.points:
        parts.append(Markup('<ol class="points">'))
        for point in change.points:
            tag = {"inserted": "ins", "deleted": "del"}.get(point.status)
            body = Markup('<span class="num">%s</span> %s') % (render_number((point.old_num, point.new_num), ")"),
                                                                render_diff(point.text))
            if tag:
                body = Markup(f"<{tag}>") + body + Markup(f"</{tag}>")
            parts.append(Markup("<li>%s</li>") % body)
        parts.append(Markup("</ol>"))
    if change.wrapup.segments:
        parts.append(Markup('<p class="wrapup">%s</p>') % render_diff(change.wrapup))
    html = Markup("").join(parts)
    if change.status == "deleted":
        return Markup('<div class="deleted-paragraph"><del>%s</del></div>') % html
    if change.status == "inserted":
        return Markup('<div class="inserted-paragraph"><ins>%s</ins></div>') % html
    return html

