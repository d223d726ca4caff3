"""Every language complete and aligned: same articles and annexes, same paragraph, point and sub-point
numbering, same table shapes (rows and cells per row), the preamble and every container's intro and
wrap-up in every language."""

from __future__ import annotations

from drafting.checks.structure import reference_expression
from drafting.diagnostics import Diagnostics
from drafting.model import Article, Point, Table, Work


def check_alignment(work: Work, diags: Diagnostics) -> None:
    reference = reference_expression(work)
    ref_lang = reference.lang
    ref_articles = reference.article_by_id()
    for lang, expression in work.expressions.items():
        if expression.preamble is None and any(e.preamble for e in work.expressions.values()):
            diags.error(f"{_root(work)}preamble.{lang}.md", 1, "A405", f"the preamble is missing in '{lang}'")
        if not expression.conclusions and any(e.conclusions for e in work.expressions.values()):
            diags.error(f"{_root(work)}conclusions.{lang}.md", 1, "A405", f"the conclusions are missing in '{lang}'")
        _container_texts(work, lang, ref_lang, diags)
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
        ref_annexes = reference.annex_by_id()
        for annex in expression.annexes:
            other_annex = ref_annexes.get(annex.id)
            if other_annex is None:
                continue
            if len(annex.paragraphs) != len(other_annex.paragraphs):
                diags.error(annex.loc.path, annex.loc.line, "A402",
                            f"the annex has {len(annex.paragraphs)} blocks here but {len(other_annex.paragraphs)} "
                            f"in the '{ref_lang}' version")
                continue
            for para, ref_para in zip(annex.paragraphs, other_annex.paragraphs):
                if para.num != ref_para.num:
                    diags.error(para.loc.path, para.loc.line, "A402",
                                f"paragraph {para.num or '(unnumbered)'} differs from {ref_para.num or '(unnumbered)'} "
                                f"in the '{ref_lang}' version")
                _tables(para.tables, ref_para.tables, para.loc.path, para.loc.line, ref_lang, diags)
                _points(para.points, ref_para.points, f"paragraph {para.num}" if para.num else "the paragraph",
                        para.loc.path, para.loc.line, ref_lang, diags, 1)


def _container_texts(work: Work, lang: str, ref_lang: str, diags: Diagnostics) -> None:
    """A container's intro or wrap-up is in every language or in none (A405), with as many paragraphs as in the
    first language (A407)."""
    reference = {c.id: c for c in work.expressions[ref_lang].containers()}
    present = {kind: {c.id for e in work.expressions.values() for c in e.containers() if getattr(c, kind)}
               for kind in ("intro", "wrapup")}
    for container in work.expressions[lang].containers():
        folder = container.loc.path.rsplit("/", 1)[0]
        for kind, name in (("intro", "intro"), ("wrapup", "wrap-up")):
            mine = getattr(container, kind)
            what = f"the {name} of {container.level} {container.num or container.title}"
            theirs = getattr(reference[container.id], kind) if container.id in reference else ()
            if not mine and container.id in present[kind]:
                diags.error(f"{folder}/{name}.{lang}.md", 1, "A405", f"{what} is missing in '{lang}'")
            elif mine and theirs and len(mine) != len(theirs):
                diags.warning(f"{folder}/{name}.{lang}.md", 1, "A407",
                              f"{what} has {len(mine)} paragraphs in '{lang}' but {len(theirs)} in '{ref_lang}'")


def _compare(article: Article, reference: Article, lang: str, ref_lang: str, diags: Diagnostics) -> None:
    mine = [p.num for p in article.paragraphs]
    theirs = [p.num for p in reference.paragraphs]
    if mine != theirs:
        line = article.paragraphs[0].loc.line if article.paragraphs else article.loc.line
        diags.error(article.loc.path, line, "A402",
                    f"paragraphs {_show(mine)} differ from {_show(theirs)} in the '{ref_lang}' version")
        return
    for para, ref_para in zip(article.paragraphs, reference.paragraphs):
        label = f"paragraph {para.num}" if para.num else "the paragraph"
        _points(para.points, ref_para.points, label, para.loc.path, para.loc.line, ref_lang, diags, 1)
        _tables(para.tables, ref_para.tables, para.loc.path, para.loc.line, ref_lang, diags)
        if bool(para.wrapup) != bool(ref_para.wrapup):
            diags.warning(para.loc.path, para.loc.line, "A408",
                          f"closing text after the points in one language only ('{lang}' vs '{ref_lang}')")


def _points(points: tuple[Point, ...], ref_points: tuple[Point, ...], label: str, path: str, line: int,
            ref_lang: str, diags: Diagnostics, depth: int) -> None:
    """A402 when the points (or, below them, the sub-points) are numbered differently; A410 for their tables."""
    mine = [p.num for p in points]
    theirs = [p.num for p in ref_points]
    if mine != theirs:
        noun = "points" if depth == 1 else "sub-points"
        differs = next((i for i, pair in enumerate(zip(mine, theirs)) if pair[0] != pair[1]), min(len(mine), len(theirs)))
        loc_path, loc_line = (points[differs].loc.path, points[differs].loc.line) if differs < len(points) \
            else (path, line)
        diags.error(loc_path, loc_line, "A402",
                    f"{label} has {noun} {', '.join(mine) or 'none'} here but "
                    f"{', '.join(theirs) or 'none'} in the '{ref_lang}' version")
        return
    for point, ref_point in zip(points, ref_points):
        _tables(point.tables, ref_point.tables, point.loc.path, point.loc.line, ref_lang, diags)
        _points(point.points, ref_point.points, f"point {point.num}", point.loc.path, point.loc.line, ref_lang,
                diags, depth + 1)


def _tables(tables: tuple[Table, ...], ref_tables: tuple[Table, ...], path: str, line: int, ref_lang: str,
            diags: Diagnostics) -> None:
    """A410: tables whose shape (rows, cells per row) differs from the reference language's."""
    if len(tables) != len(ref_tables):
        diags.error(path, line, "A410", f"{len(tables)} tables here but {len(ref_tables)} in the '{ref_lang}' version")
        return
    for table, ref_table in zip(tables, ref_tables):
        if table.shape != ref_table.shape:
            diags.error(table.loc.path, table.loc.line, "A410",
                        f"the table has {len(table.rows)} rows of {_cells(table)} cells here but "
                        f"{len(ref_table.rows)} rows of {_cells(ref_table)} in the '{ref_lang}' version")


def _cells(table: Table) -> str:
    counts = sorted(set(table.shape))
    return "/".join(str(c) for c in counts) or "0"


def _root(work: Work) -> str:
    path = work.meta.loc.path
    return path[: -len("work.yaml")]


def _show(nums: list[str | None]) -> str:
    return ", ".join(n or "(unnumbered)" for n in nums) or "none"
