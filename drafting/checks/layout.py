"""The tree's layout as the model shows it: one id and one number per article in every language, stable ids
unique, annexes alike in every language, file names in line with numbers, containers nested as the profile's
levels go.

The reader reports what it could not read (files, YAML, Markdown) and files missing in a
language (A401); everything here is a rule over what it read, in every language.
"""

from __future__ import annotations

import posixpath

from drafting.diagnostics import Diagnostics
from drafting.model import Article, Container, Expression, Work
from drafting.numbering import parse_number
from drafting.source.reader import ARTICLE_RE


def check_layout(work: Work, diags: Diagnostics) -> None:
    _one_identity(work, diags)
    _file_names(work, diags)
    reference = work.expressions[work.meta.codes[0]] if work.meta.codes else None
    if reference is not None:
        _nesting(work, reference, diags)


def _groups(work: Work) -> list[dict[str, Article]]:
    """Each article file set (same folder, same file name) with its version in every language, in order."""
    groups: dict[tuple[str, str], dict[str, Article]] = {}
    for lang in work.meta.codes:
        for article in work.expressions[lang].articles():
            groups.setdefault((posixpath.dirname(article.loc.path), article.stem), {})[lang] = article
    return list(groups.values())


def _one_identity(work: Work, diags: Diagnostics) -> None:
    """A406: the id and number are the same in every language; A404: no id used by two articles."""
    seen: dict[str, str] = {}
    for versions in _groups(work):
        reference_lang, reference = next(iter(versions.items()))
        for lang, article in versions.items():
            if article.id != reference.id:
                diags.error(article.loc.path, 2, "A406",
                            f"id '{article.id}' differs from '{reference.id}' in the '{reference_lang}' version")
            if article.num != reference.num:
                diags.error(article.loc.path, article.loc.line, "A406",
                            f"number {article.num} differs from {reference.num} in the '{reference_lang}' version")
        place = _place(work, reference)
        if reference.id in seen and seen[reference.id] != place:
            diags.error(reference.loc.path, 2, "A404", f"stable id '{reference.id}' is already used by {seen[reference.id]}")
        seen.setdefault(reference.id, place)


def _place(work: Work, article: Article) -> str:
    """The article's folder and file name without the language, relative to the work: ``01-foundations/001-state``."""
    root = posixpath.dirname(work.meta.loc.path)
    folder = posixpath.relpath(posixpath.dirname(article.loc.path), root) if root else posixpath.dirname(article.loc.path)
    return article.stem if folder in (".", "") else f"{folder}/{article.stem}"


def _file_names(work: Work, diags: Diagnostics) -> None:
    """N310 (warning): the file name's number prefix follows the article's number."""
    level = work.profile.article_level
    for expression in work.expressions.values():
        for article in expression.articles():
            match = ARTICLE_RE.match(f"{article.stem}.x.md")
            parsed = parse_number(article.num, level.style, level.inserted or "dash")
            if match and parsed is not None and int(match.group(1)) != parsed.parts[0]:
                diags.warning(article.loc.path, article.loc.line, "N310",
                              f"file name starts with {int(match.group(1)):03d} but the article is number "
                              f"{article.num}: run 'drafting renumber' to bring names in line")


def _nesting(work: Work, expression: Expression, diags: Diagnostics) -> None:
    """N312: each container's level comes below its parent's in the profile (optional levels may be skipped)."""
    levels = work.profile.container_levels
    order = [level.name for level in levels]

    def visit(container: Container, parent: Container | None) -> None:
        if container.level in order:
            above = order.index(parent.level) if parent is not None and parent.level in order else -1
            mine = order.index(container.level)
            skipped = [lv for lv in levels[above + 1:mine] if not lv.optional]
            if mine <= above or skipped:
                where = f"a {parent.level}" if parent is not None else "the top of the act"
                wanted = levels[above + 1].name if above + 1 < len(order) else None
                hint = f"expected {wanted}.yaml here" if wanted else "no container level is left below it"
                diags.error(container.loc.path, 1, "N312",
                            f"a {container.level} cannot stand directly in {where}: {hint} (the profile's levels: "
                            f"{' > '.join(order)})")
        for child in container.containers:
            visit(child, container)

    for top in expression.sections:
        visit(top, None)
