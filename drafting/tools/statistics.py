"""Figures for a drafter and a reviewer: articles and words per container (at every level) and language,
units per level of the profile, translation completeness, and what changed since a git revision (matched by
stable id).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from drafting.model import Article, Expression, Inline, Note, Point, Ref, Text, Work, iter_inline, plain_text
from drafting.profile import Profile

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
TODO_RE = re.compile(r"\bTODO\b")


@dataclass
class SectionFigures:
    id: str
    number: str
    title: str
    articles: dict[str, int] = field(default_factory=dict)  # language -> articles
    words: dict[str, int] = field(default_factory=dict)  # language -> words
    level: str = "section"
    depth: int = 0  # 0: a top-level container


@dataclass
class LanguageFigures:
    lang: str
    articles: int
    words: int
    missing: list[str]  # ids of articles with no text in this language
    unfinished: list[str]  # ids of articles whose text still says TODO
    total: int  # articles in any language

    @property
    def complete(self) -> float:
        done = self.articles - len(self.unfinished)
        return done / self.total if self.total else 1.0


@dataclass
class Changes:
    revision: str
    added: list[str] = field(default_factory=list)  # "number id"
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # "number id (languages)"
    renumbered: list[str] = field(default_factory=list)  # "old -> new id"
    moved: list[str] = field(default_factory=list)  # "number id: section -> section"
    out_of_step: dict[str, int] = field(default_factory=dict)  # language -> units not following a change since


@dataclass
class Stats:
    sections: list[SectionFigures]
    languages: list[LanguageFigures]
    changes: Changes | None = None
    levels: dict[str, int] = field(default_factory=dict)  # units per level of the profile (first language)
    out_of_step: dict[str, int] | None = None  # language -> units out of step with translations.yaml (None: no file)


def level_counts(expression: Expression, profile: Profile) -> dict[str, int]:
    """How many units each level of the profile has, top down, then tables, notes and annexes."""
    counts = {level.name: 0 for level in profile.levels}
    for container in expression.containers():
        counts[container.level] = counts.get(container.level, 0) + 1
    article_level = profile.article_level.name
    paragraph_level = profile.paragraph_level.name
    tables = notes = 0

    def points(items: tuple[Point, ...], depth: int) -> None:
        name = profile.point_level(depth).name
        for point in items:
            counts[name] = counts.get(name, 0) + 1
            points(point.points, depth + 1)

    paragraphs = [p for a in expression.articles() for p in a.paragraphs]
    counts[article_level] = counts.get(article_level, 0) + len(expression.articles())
    for paragraph in paragraphs:
        if paragraph.num is not None:
            counts[paragraph_level] = counts.get(paragraph_level, 0) + 1
        points(paragraph.points, 1)
    for paragraph in [*paragraphs, *(p for annex in expression.annexes for p in annex.paragraphs)]:
        tables += len(paragraph.all_tables())
        notes += sum(1 for seq in paragraph.inlines() for node in iter_inline(seq) if isinstance(node, Note))
    counts.update({"table": tables, "note": notes, "annex": len(expression.annexes)})
    return counts


def words(article: Article) -> int:
    return len(WORD_RE.findall(article_text(article)))


def article_text(article: Article) -> str:
    parts = [article.heading or ""]
    for paragraph in article.paragraphs:
        parts += [plain_text(seq) for seq in paragraph.inlines()]
    return "\n".join(part for part in parts if part)


def collect(work: Work) -> Stats:
    codes = work.meta.codes
    all_ids: list[str] = []
    for lang in codes:
        all_ids += [a.id for a in work.expression(lang).articles() if a.id not in all_ids]
    reference = work.expression(codes[0])
    depths: dict[int, int] = {}
    for top in reference.sections:
        for unit in top.walk():
            depths.setdefault(id(unit), 0)
            for child in unit.containers:
                depths[id(child)] = depths[id(unit)] + 1
    sections = [SectionFigures(c.id, c.num, c.title, level=c.level, depth=depths.get(id(c), 0))
                for c in reference.containers()]
    for lang in codes:  # the languages share the container folders: the same tree, in the same order
        for figures, container in zip(sections, work.expression(lang).containers()):
            figures.articles[lang] = len(container.articles)
            figures.words[lang] = sum(words(a) for a in container.articles)
    languages = []
    for lang in codes:
        articles = work.expression(lang).article_by_id()
        unfinished = [i for i, a in articles.items() if TODO_RE.search(article_text(a))]
        languages.append(LanguageFigures(lang, len(articles), sum(words(a) for a in articles.values()),
                                         [i for i in all_ids if i not in articles], unfinished, len(all_ids)))
    return Stats(sections, languages, levels=level_counts(reference, work.profile))


def changes_since(source: Path, revision: str, work: Work) -> Changes:
    """Articles added, removed, changed, renumbered and moved between ``revision`` and the sources now.

    ``revision`` is anything git names (a tag, a branch, a commit), or a named version of
    the work file that records its commit.
    """
    from drafting.checks.instep import counts, every_unit, hashes, out_of_step

    old = read_revision(source, revision)
    changes = Changes(revision)
    changes.out_of_step = counts(out_of_step(hashes(old), every_unit(work), work.meta), work.meta)
    for lang in work.meta.codes:
        if lang not in old.expressions:
            continue
        before = _by_id(old, lang)
        now = _by_id(work, lang)
        for article_id, (section, article) in now.items():
            if article_id not in before:
                _add(changes.added, f"{article.num} {article_id}")
                continue
            old_section, old_article = before[article_id]
            if _comparable(old_article) != _comparable(article):
                _add(changes.changed, f"{article.num} {article_id}", lang)
            if old_article.num != article.num:
                _add(changes.renumbered, f"{old_article.num} -> {article.num} {article_id}")
            if old_section != section:
                _add(changes.moved, f"{article.num} {article_id}: section {old_section} -> {section}")
        for article_id, (_, article) in before.items():
            if article_id not in now:
                _add(changes.removed, f"{article.num} {article_id}")
    return changes


def read_revision(source: Path, revision: str) -> Work:
    """The work as it was in a git revision, read from git objects (nothing is checked out).

    Revisions are resolved as the redline resolves them (``drafting.writers.redline.revisions``):
    tags, branches, commits, ``HEAD~N``, named versions of work.yaml; a shallow clone
    gets told how to fetch the history.
    """
    from drafting.writers.redline.revisions import read_version

    return read_version(Path(source), revision, allow_errors=True).work


def _by_id(work: Work, lang: str) -> dict[str, tuple[str, Article]]:
    return {a.id: (s.num, a) for s in work.expression(lang).sections for a in s.articles}


def _comparable(article: Article) -> list[object]:
    """What counts as the article's content: heading, paragraph and point structure, and text
    with each reference as its target (so a reference renumbered with its target is no change)."""
    content: list[object] = [article.heading]
    for paragraph in article.paragraphs:
        content.append((paragraph.num, [pt.num for pt in paragraph.points]))
        content += [_text_with_targets(seq) for seq in paragraph.inlines()]
    return content


def _text_with_targets(seq: tuple[Inline, ...]) -> str:
    parts = []
    for node in seq:
        if isinstance(node, Ref):
            parts.append(f"[{node.target}/{node.paragraph or ''}]")
        elif isinstance(node, Text):
            parts.append(node.value)
        else:
            parts.append(_text_with_targets(node.children))
    return "".join(parts)


def _add(items: list[str], entry: str, lang: str | None = None) -> None:
    """Add an entry once; for per-language entries, gather the languages: '12 id (kk, ru)'."""
    for index, existing in enumerate(items):
        if existing == entry or existing.startswith(f"{entry} ("):
            if lang and existing != entry:
                items[index] = f"{existing[:-1]}, {lang})"
            return
    items.append(f"{entry} ({lang})" if lang else entry)


# -- output ---------------------------------------------------------------------------------------


def format_text(stats: Stats, verbose: bool = False) -> str:
    codes = [f.lang for f in stats.languages]
    nested = any(s.depth for s in stats.sections)
    head = ["section", "title", *[f"articles {c}" for c in codes], *[f"words {c}" for c in codes]]
    rows = [[("  " * s.depth + f"{s.level} {s.number}") if nested else s.number, _short(s.title),
             *[str(s.articles.get(c, 0)) for c in codes], *[f"{s.words.get(c, 0):,}" for c in codes]]
            for s in stats.sections]
    rows.append(["", "total", *[str(f.articles) for f in stats.languages], *[f"{f.words:,}" for f in stats.languages]])
    lines = _table(head, rows)
    lines.append("")
    if stats.levels:
        lines.append("units: " + ", ".join(f"{count:,} {name}" for name, count in stats.levels.items() if count))
    for figures in stats.languages:
        line = (f"{figures.lang}: {figures.articles - len(figures.unfinished)}/{figures.total} articles written "
                f"({figures.complete:.0%})")
        if figures.missing:
            line += f"; missing: {_list(figures.missing, verbose)}"
        if figures.unfinished:
            line += f"; TODO: {_list(figures.unfinished, verbose)}"
        lines.append(line)
    if stats.out_of_step is not None:
        lines.append(f"out of step with translations.yaml (units): {_per_language(stats.out_of_step)}")
    if stats.changes is not None:
        changes = stats.changes
        lines.append("")
        lines.append(f"since {changes.revision}: {len(changes.changed)} changed, {len(changes.added)} added, "
                     f"{len(changes.removed)} removed, {len(changes.renumbered)} renumbered, "
                     f"{len(changes.moved)} moved")
        if changes.out_of_step:
            lines.append(f"  out of step since {changes.revision} (units): {_per_language(changes.out_of_step)}")
        for label, items in (("added", changes.added), ("removed", changes.removed), ("changed", changes.changed),
                             ("moved", changes.moved), ("renumbered", changes.renumbered)):
            shown = items if verbose or label != "renumbered" else items[:5]
            lines += [f"  {label:<10} {item}" for item in shown]
            if len(shown) < len(items):
                lines.append(f"  {'':<10} ... and {len(items) - len(shown)} more (--verbose lists them)")
    return "\n".join(lines)


def to_json(stats: Stats) -> str:
    data = asdict(stats)
    for figures, raw in zip(stats.languages, data["languages"]):
        raw["complete"] = round(figures.complete, 4)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _per_language(figures: dict[str, int]) -> str:
    return ", ".join(f"{lang} {count}" for lang, count in figures.items())


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _list(ids: list[str], verbose: bool) -> str:
    return ", ".join(ids) if verbose or len(ids) <= 5 else f"{', '.join(ids[:5])} and {len(ids) - 5} more"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    numeric = [i >= 2 for i in range(len(head))]

    def fmt(row: list[str]) -> str:
        cells = [c.rjust(w) if n else c.ljust(w) for c, w, n in zip(row, widths, numeric)]
        return "  ".join(cells).rstrip()

    return [fmt(head), "  ".join("-" * w for w in widths), *[fmt(row) for row in rows]]
