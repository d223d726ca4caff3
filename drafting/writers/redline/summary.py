"""The counts every reviewer asks for first, and one entry per article (``summary.json``).

Counting rules:
- ``unchanged``, ``renumbered``, ``moved``, ``inserted``, ``deleted``: articles whose status is that;
  with ``amended`` (status) they add up to every article of either version once.
- ``amended``: articles whose text changed, whatever their status (a renumbered or
  moved article may be amended too): "N of M articles amended", M the old text's articles.
- ``renumbering_runs``: consecutive articles only renumbered, told as one change
  (``drafting.writers.redline.runs``); their articles are still counted as ``renumbered``.
- ``percent_amended``: ``amended`` / ``old_articles``, in percent, one decimal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from drafting.writers.redline.changes import ArticleChange, Redline
from drafting.writers.redline.runs import runs

COUNT_KEYS = ("old_articles", "new_articles", "amended", "unchanged", "inserted", "deleted", "moved",
              "renumbered", "percent_amended")


@dataclass(frozen=True)
class Counts:
    old_articles: int
    new_articles: int
    amended: int
    unchanged: int
    inserted: int
    deleted: int
    moved: int
    renumbered: int
    percent_amended: float

    def as_dict(self) -> dict[str, int | float]:
        return {key: getattr(self, key) for key in COUNT_KEYS}


def counts(redline: Redline) -> Counts:
    articles = redline.articles()

    def status(name: str) -> int:
        return sum(1 for a in articles if a.status == name)

    amended = sum(1 for a in articles if a.amended)
    percent = round(100.0 * amended / redline.old_articles, 1) if redline.old_articles else 0.0
    return Counts(redline.old_articles, redline.new_articles, amended, status("unchanged"), status("inserted"),
                  status("deleted"), status("moved"), status("renumbered"), percent)


def article_entry(article: ArticleChange) -> dict[str, Any]:
    return {
        "id": article.id,
        "old_id": article.old_id,
        "old_number": article.old_num,
        "new_number": article.new_num,
        "status": article.status,
        "amended": article.amended,
        "words_inserted": article.words_inserted,
        "words_deleted": article.words_deleted,
    }


def summary(redline: Redline) -> dict[str, Any]:
    data: dict[str, Any] = dict(counts(redline).as_dict())
    data["language"] = redline.lang
    data["old"] = {"revision": redline.old.spec, "commit": redline.old.commit, "date": redline.old.date}
    data["new"] = {"revision": redline.new.spec, "commit": redline.new.commit, "date": redline.new.date}
    data["renumbering_runs"] = [run.as_dict() for run in runs(redline.articles())]
    data["articles"] = [article_entry(a) for a in redline.articles()]
    return data


def summary_json(redline: Redline) -> str:
    return json.dumps(summary(redline), ensure_ascii=False, indent=2) + "\n"
