"""Every language complete and aligned: same articles, same paragraph and point numbering."""

from __future__ import annotations

from drafting.checks.structure import reference_expression
from drafting.diagnostics import Diagnostics
from drafting.model import Article, Work


def check_alignment(work: Work, diags: Diagnostics) -> None:
    reference = reference_expression(work)
    ref_lang = reference.lang
    ref_articles = reference.article_by_id()
    for lang, expression in work.expressions.items():
        if expression.preamble is None and any(e.preamble for e in work.expressions.values()):
            diags.error(f"{_root(work)}preamble.{lang}.md", 1, "A405", f"the preamble is missing in '{lang}'")
        if lang == ref_lang:
            continue
        ref_pre, pre = reference.preamble, expression.preamble
        if ref_pre and pre and len(ref_pre.paragraphs) != len(pre.paragraphs):
            diags.warning(pre.loc.path, pre.loc.line, "A407",
                          f"the preamble has {len(pre.paragraphs)} paragraphs in '{lang}' "
                          f"but {len(ref_pre.paragraphs)} in '{ref_lang}'")
        for article in expression.articles():
            other = ref_articles.get(article.id)
            if other is not None:
                _compare(article, other, lang, ref_lang, diags)


def _compare(article: Article, reference: Article, lang: str, ref_lang: str, diags: Diagnostics) -> None:
    mine = [p.num for p in article.paragraphs]
    theirs = [p.num for p in reference.paragraphs]
    if mine != theirs:
        line = article.paragraphs[0].loc.line if article.paragraphs else article.loc.line
        diags.error(article.loc.path, line, "A402",
                    f"paragraphs {_show(mine)} differ from {_show(theirs)} in the '{ref_lang}' version")
        return
    for para, ref_para in zip(article.paragraphs, reference.paragraphs):
        points = [p.num for p in para.points]
        ref_points = [p.num for p in ref_para.points]
        if points != ref_points:
            label = f"paragraph {para.num}" if para.num else "the paragraph"
            differs = next((i for i, pair in enumerate(zip(points, ref_points)) if pair[0] != pair[1]),
                           min(len(points), len(ref_points)))
            loc = para.points[differs].loc if differs < len(para.points) else para.loc
            diags.error(loc.path, loc.line, "A402",
                        f"{label} has points {', '.join(points) or 'none'} here but "
                        f"{', '.join(ref_points) or 'none'} in the '{ref_lang}' version")
        if bool(para.wrapup) != bool(ref_para.wrapup):
            diags.warning(para.loc.path, para.loc.line, "A408",
                          f"closing text after the points in one language only ('{lang}' vs '{ref_lang}')")


def _root(work: Work) -> str:
    path = work.meta.loc.path
    return path[: -len("work.yaml")]


def _show(nums: list[str | None]) -> str:
    return ", ".join(n or "(unnumbered)" for n in nums) or "none"
