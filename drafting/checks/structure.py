"""The profile's rules: preamble, section count and numbering, article, paragraph and point numbering.

Numbering is checked in every language, each finding at the line of its own file: a
mistake made in all three languages is three findings, one made in one language is one.
Section numbers live in section.yaml, shared by the languages, so they are checked once.
"""

from __future__ import annotations

from drafting.diagnostics import Diagnostics
from drafting.model import Article, Expression, Work
from drafting.numbering import from_roman, sequence_problems, to_roman


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
    profile, sections = work.profile, expression.sections
    if profile.section_count is not None and len(sections) != profile.section_count:
        diags.error(work.meta.loc.path, 1, "N301",
                    f"the profile '{profile.name}' requires {profile.section_count} sections, found {len(sections)}")
    for index, section in enumerate(sections, start=1):
        if not section.num:
            continue
        expected = to_roman(index) if profile.section_numbering == "roman" else str(index)
        if section.num != expected:
            kind = "a Roman numeral" if profile.section_numbering == "roman" and from_roman(section.num) is None else ""
            detail = f" ({section.num} is not {kind})" if kind else ""
            diags.error(section.loc.path, section.loc.line, "N302",
                        f"section number {section.num} out of sequence: expected {expected}{detail}")


def _article_numbers(work: Work, expression: Expression, diags: Diagnostics) -> None:
    """N303 for this language's own article numbers.

    An article missing here (A401, reported by the reader) is stood in for by the first
    language's, so that the gap it leaves is not reported a second time as a number out
    of sequence; findings are reported only at this language's own files, and the number
    right after a stand-in is not judged (the stand-in's own number may be the mistake).
    """
    profile = work.profile
    reference = reference_expression(work)
    groups: list[list[Article]]
    mine = expression.articles()
    if profile.article_numbering == "continuous":
        groups = [_with_stand_ins(mine, reference.articles())]
    else:
        theirs = {s.id: list(s.articles) for s in reference.sections}
        groups = [_with_stand_ins(list(s.articles), theirs.get(s.id, [])) for s in expression.sections]
    own = {id(a) for a in mine}
    for articles in groups:
        for index, message in sequence_problems([a.num for a in articles], profile.article_inserted):
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
    for article in (a for e in work.expressions.values() for a in e.articles()):
        if profile.article_headings == "required" and not article.heading:
            diags.error(article.loc.path, 1, "N307", "the profile requires an article heading")
        elif profile.article_headings == "forbidden" and article.heading:
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
    for index, message in sequence_problems([p.num or "" for p in numbered], profile.paragraph_inserted):
        loc = numbered[index].loc
        diags.error(loc.path, loc.line, "N304", f"paragraph {message}")
    for paragraph in paragraphs:
        points = paragraph.points
        for index, message in sequence_problems([p.num for p in points], profile.point_inserted):
            loc = points[index].loc
            diags.error(loc.path, loc.line, "N305", f"point {message}")
