"""The profile's rules: preamble, container count and numbering at every level, article, paragraph, point
and sub-point numbering, in each level's number style.

Numbering is checked in every language, each finding at the line of its own file: a
mistake made in all three languages is three findings, one made in one language is one.
Container numbers live in their LEVEL.yaml, shared by the languages, so they are checked once.
A level numbered "continuous" runs through the whole act; "restart" starts again in each parent.
A level with ``start: N`` in the profile begins its first run at N (a tree holding a portion of an act).
"""

from __future__ import annotations

from drafting.diagnostics import Diagnostics
from drafting.model import Article, Container, Expression, Point, Work
from drafting.numbering import Number, format_ordinal, parse_number, sequence_problems
from drafting.profile import Level


def reference_expression(work: Work) -> Expression:
    """The first language's text: the other languages are compared with it."""
    return work.expressions[work.meta.codes[0]]


def check_structure(work: Work, diags: Diagnostics) -> None:
    profile, expression = work.profile, reference_expression(work)
    if profile.preamble_required and not any(e.preamble for e in work.expressions.values()):
        diags.error(work.meta.loc.path, 1, "N308", f"the profile '{profile.name}' requires a preamble: add preamble.LANG.md")
    _sections(work, expression, diags)
    for each in work.expressions.values():
        _article_numbers(work, each, diags)
        for article in each.articles():
            _paragraphs(work, article, diags)
    _headings(work, diags)


def _sections(work: Work, expression: Expression, diags: Diagnostics) -> None:
    profile = work.profile
    levels = profile.container_levels
    if levels and levels[0].count is not None:
        top = [c for c in expression.sections if c.level == levels[0].name]
        if len(top) != levels[0].count:
            noun = "sections" if levels[0].name == "section" else f"{levels[0].name} containers"
            diags.error(work.meta.loc.path, 1, "N301",
                        f"the profile '{profile.name}' requires {levels[0].count} {noun}, found {len(top)}")
    for level in levels:
        first = next((c for c in expression.containers() if c.level == level.name), None)
        for group in _container_groups(expression, level):
            _container_numbers(group, level, diags, _start(level) if any(c is first for c in group) else None)


def _container_groups(expression: Expression, level: Level) -> list[list[Container]]:
    """The containers of ``level`` whose numbers form one sequence: all of them, or each parent's."""
    if level.numbering == "continuous":
        return [[c for c in expression.containers() if c.level == level.name]]
    groups: list[list[Container]] = [[c for c in expression.sections if c.level == level.name]]
    for parent in expression.containers():
        groups.append([c for c in parent.containers if c.level == level.name])
    return [g for g in groups if g]


def _start(level: Level) -> Number | None:
    """The number before the level's first one, when the profile starts it further on (``start: 10``)."""
    return Number((level.start - 1,)) if level.start > 1 else None


def _container_numbers(group: list[Container], level: Level, diags: Diagnostics, start: Number | None = None) -> None:
    numbered = [c for c in group if c.num]
    problems = sequence_problems([c.num for c in numbered], level.inserted is not None, level.style,
                                 level.inserted, start)
    for index, message in problems:
        container = numbered[index]
        if message.endswith("is not a number"):
            expected = format_ordinal(index + 1, level.style) if index == 0 else None
            if index > 0:
                previous = parse_number(numbered[index - 1].num, level.style, level.inserted or "dash")
                expected = format_ordinal(previous.parts[0] + 1, level.style) if previous else None
            kind = {"roman": "a Roman numeral", "roman-lower": "a Roman numeral", "arabic": "a number",
                    "alpha": "a letter", "alpha-upper": "a letter", "cyrillic": "a letter"}[level.style]
            want = f": expected {expected}" if expected else ""
            message = f"number {container.num} out of sequence{want} ({container.num} is not {kind})"
        diags.error(container.loc.path, container.loc.line, "N302", f"{level.name} {message}")


def _article_numbers(work: Work, expression: Expression, diags: Diagnostics) -> None:
    """N303 for this language's own article numbers.

    An article missing here (A401, reported by the reader) is stood in for by the first
    language's, so that the gap it leaves is not reported a second time as a number out
    of sequence; findings are reported only at this language's own files, and the number
    right after a stand-in is not judged (the stand-in's own number may be the mistake).
    """
    profile = work.profile
    level = profile.article_level
    reference = reference_expression(work)
    groups: list[list[Article]]
    mine = expression.articles()
    if level.numbering == "continuous":
        groups = [_with_stand_ins(mine, reference.articles())]
    else:  # numbering restarts in each container (and once for the articles at the top)
        theirs = {c.id: [a for a in c.children if isinstance(a, Article)] for c in reference.containers()}
        top = [a for a in expression.body if isinstance(a, Article)]
        groups = [_with_stand_ins(top, [a for a in reference.body if isinstance(a, Article)])]
        groups += [_with_stand_ins([a for a in c.children if isinstance(a, Article)], theirs.get(c.id, []))
                   for c in expression.containers()]
    own = {id(a) for a in mine}
    for articles in groups:
        start = _start(level) if mine and articles and articles[0] is mine[0] else None
        for index, message in sequence_problems([a.num for a in articles], level.inserted is not None, level.style,
                                                level.inserted, start):
            after_stand_in = index > 0 and id(articles[index - 1]) not in own
            if id(articles[index]) in own and not after_stand_in:
                loc = articles[index].loc
                diags.error(loc.path, loc.line, "N303", f"article {message}")


def _with_stand_ins(mine: list[Article], theirs: list[Article]) -> list[Article]:
    """``mine`` with the articles of ``theirs`` that it lacks, each placed after its predecessor in ``theirs``."""
    present = {a.id for a in mine}
    after: dict[str | None, list[Article]] = {}
    previous: str | None = None
    for article in theirs:
        if article.id in present:
            previous = article.id
        else:
            after.setdefault(previous, []).append(article)
    merged = list(after.get(None, []))
    for article in mine:
        merged.append(article)
        merged.extend(after.get(article.id, []))
    return merged


def _headings(work: Work, diags: Diagnostics) -> None:
    profile = work.profile
    headings = profile.article_level.headings
    for article in (a for e in work.expressions.values() for a in e.articles()):
        if headings == "required" and not article.heading:
            diags.error(article.loc.path, 1, "N307", "the profile requires an article heading")
        elif headings == "forbidden" and article.heading:
            diags.error(article.loc.path, 1, "N307", "the profile does not allow article headings")
        elif article.heading is not None and not article.heading:
            diags.error(article.loc.path, 1, "N307", "empty article heading")


def _paragraphs(work: Work, article: Article, diags: Diagnostics) -> None:
    profile = work.profile
    paragraphs = article.paragraphs
    unnumbered = [p for p in paragraphs if p.num is None]
    if unnumbered and len(paragraphs) > 1:
        diags.error(unnumbered[0].loc.path, unnumbered[0].loc.line, "N309",
                    "only an article of a single paragraph may leave it unnumbered")
    numbered = [p for p in paragraphs if p.num is not None]
    level = profile.paragraph_level
    for index, message in sequence_problems([p.num or "" for p in numbered], level.inserted is not None,
                                            level.style, level.inserted):
        loc = numbered[index].loc
        diags.error(loc.path, loc.line, "N304", f"paragraph {message}")
    for paragraph in paragraphs:
        _points(work, paragraph.points, 1, diags)


def _points(work: Work, points: tuple[Point, ...], depth: int, diags: Diagnostics) -> None:
    """N305 for the points at ``depth`` (1: a paragraph's points, 2: sub-points) and, below them, the rest."""
    if not points:
        return
    level = work.profile.point_level(depth)
    noun = "point" if depth == 1 else "sub-point"
    for index, message in sequence_problems([p.num for p in points], level.inserted is not None, level.style,
                                            level.inserted):
        loc = points[index].loc
        diags.error(loc.path, loc.line, "N305", f"{noun} {message}")
    for point in points:
        _points(work, point.points, depth + 1, diags)
