"""Renumbering runs: consecutive articles that only changed their numbers, told as one change.

An inserted article renumbers every article after it; a reviewer wants to read
"Articles 5–96 become Articles 6–97" once, not ninety-two rows saying
"renumbered". A run is two or more articles, next to each other among the
changed articles in reading order, each ``renumbered`` and not amended, with
whole numbers that go up by one on both sides (so the offset is the same for
all). Anything else (an amended or moved article, a deleted one, an inserted
number such as ``3-1``) ends the run and is told on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafting.writers.redline.changes import ArticleChange


@dataclass(frozen=True)
class RenumberRun:
    articles: tuple[ArticleChange, ...]

    @property
    def old_first(self) -> str:
        return self.articles[0].old_num or ""

    @property
    def old_last(self) -> str:
        return self.articles[-1].old_num or ""

    @property
    def new_first(self) -> str:
        return self.articles[0].new_num or ""

    @property
    def new_last(self) -> str:
        return self.articles[-1].new_num or ""

    def as_dict(self) -> dict[str, object]:
        return {"old": [self.old_first, self.old_last], "new": [self.new_first, self.new_last],
                "articles": [a.id for a in self.articles]}


def _plain(article: ArticleChange) -> tuple[int, int] | None:
    """(old, new) numbers of an article that was only renumbered, with whole numbers; otherwise None."""
    if article.status != "renumbered" or article.amended:
        return None
    if not (article.old_num or "").isdigit() or not (article.new_num or "").isdigit():
        return None
    return int(article.old_num or ""), int(article.new_num or "")


def _continues(run: list[ArticleChange], article: ArticleChange) -> bool:
    last, this = _plain(run[-1]), _plain(article)
    return last is not None and this is not None and this == (last[0] + 1, last[1] + 1)


def group_runs(articles: Iterable[ArticleChange]) -> list[ArticleChange | RenumberRun]:
    """The articles in order, with every renumbering run of two or more replaced by one ``RenumberRun``."""
    out: list[ArticleChange | RenumberRun] = []
    run: list[ArticleChange] = []

    def flush() -> None:
        if len(run) >= 2:
            out.append(RenumberRun(tuple(run)))
        else:
            out.extend(run)
        run.clear()

    for article in articles:
        if run and _continues(run, article):
            run.append(article)
            continue
        flush()
        if _plain(article) is not None:
            run.append(article)
        else:
            out.append(article)
    flush()
    return out


def runs(articles: Sequence[ArticleChange]) -> list[RenumberRun]:
    return [item for item in group_runs(a for a in articles if a.changed) if isinstance(item, RenumberRun)]
