"""The profile's rules: preamble, section count and numbering, article, paragraph and point numbering."""

from __future__ import annotations

from drafting.diagnostics import Diagnostics
from drafting.model import Article, Expression, Work
from drafting.numbering import from_roman, sequence_problems, to_roman


def reference_expression(work: Work) -> Expression:
    """The first language's text: numbering is checked there, other languages are compared to it."""
    return work.expressions[work.meta.codes[0]]


def check_structure(work: Work, diags: Diagnostics) -> None:
    profile, expression = work.profile, reference_expression(work)
    if profile.preamble_required and not any(e.preamble for e in work.expressions.values()):
        diags.error(work.meta.loc.path, 1, "N308", f"the profile '{profile.name}' requires a preamble: add preamble.LANG.md")
    _sections(work, expression, diags)
    _articles(work, expression, diags)
    for article in expression.articles():
        _paragraphs(work, article, diags)


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


def _articles(work: Work, expression: Expression, diags: Diagnostics) -> None:
    profile = work.profile
    groups: list[list[Article]]
    if profile.article_numbering == "continuous":
        groups = [expression.articles()]
    else:
        groups = [list(s.articles) for s in expression.sections]
    for articles in groups:
        for index, message in sequence_problems([a.num for a in articles], profile.article_inserted):
            loc = articles[index].loc
            diags.error(loc.path, loc.line, "N303", f"article {message}")
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
