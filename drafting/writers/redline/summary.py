"""The counts every reviewer asks for first, and every change with its location (``summary.json``).

Counting rules:
- Every article of either version is in exactly one class (``ArticleChange.category``):
  ``unchanged``, ``amended`` (its words changed, wherever it now stands), ``renumbered``
  (only its number changed), ``moved`` (taken out of its place, words unchanged),
  ``inserted``, ``deleted``. So ``old_articles`` = unchanged + amended + renumbered +
  moved + deleted and ``new_articles`` = unchanged + amended + renumbered + moved +
  inserted. ``also_renumbered`` and ``also_moved`` count the amended (or moved)
  articles whose number changed too, or that moved too.
- ``percent_amended``: ``amended`` / ``old_articles``, in percent, one decimal.
- ``words``: words (not punctuation) inserted, deleted and moved; a moved block's
  words count once, as moved, at its new place (its rewording as inserted and deleted).
- ``renumbering_runs``: consecutive articles only renumbered, told as one change
  (``drafting.writers.redline.runs``); their articles are still each counted as ``renumbered``.
- The other changes, each with its location: ``preamble``, ``sections`` (number or
  title), ``headings`` (article headings), ``moves`` (paragraphs and points moved,
  with both places), ``formed`` (articles made from others: splits and merges),
  ``annexes`` (every annex with its status and words; not counted among the articles)
  and ``row_moves`` (table rows moved, in articles and annexes, with both rows).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drafting.writers.redline.changes import ArticleChange, Place, Redline, Side
from drafting.writers.redline.runs import runs

if TYPE_CHECKING:
    from drafting.writers.redline.table import Row

COUNT_KEYS = ("old_articles", "new_articles", "amended", "unchanged", "inserted", "deleted", "moved",
              "renumbered", "percent_amended", "also_renumbered", "also_moved")


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
    also_renumbered: int
    also_moved: int

    def as_dict(self) -> dict[str, int | float]:
        return {key: getattr(self, key) for key in COUNT_KEYS}


@dataclass(frozen=True)
class OtherChanges:
    """What changed besides articles, for the summary page: each a count (0: nothing of that kind)."""

    preamble: bool
    sections: int  # sections whose title or number changed, inserted or deleted
    headings: int  # article headings changed in articles on both sides
    paragraphs_moved: int
    points_moved: int
    formed: int  # articles formed from others (split or merged)
    annexes: int = 0  # annexes inserted, deleted, renumbered or amended
    rows_moved: int = 0  # table rows moved (in articles and annexes)

    @property
    def any(self) -> bool:
        return bool(self.preamble or self.sections or self.headings or self.paragraphs_moved or self.points_moved
                    or self.formed or self.annexes or self.rows_moved)


def counts(redline: Redline) -> Counts:
    articles = redline.articles()

    def category(name: str) -> int:
        return sum(1 for a in articles if a.category == name)

    amended = category("amended")
    percent = round(100.0 * amended / redline.old_articles, 1) if redline.old_articles else 0.0
    return Counts(redline.old_articles, redline.new_articles, amended, category("unchanged"), category("inserted"),
                  category("deleted"), category("moved"), category("renumbered"), percent,
                  sum(1 for a in articles if a.also_renumbered), sum(1 for a in articles if a.also_moved))


def other_changes(redline: Redline) -> OtherChanges:
    moves = move_list(redline)
    return OtherChanges(
        preamble=redline.preamble is not None and redline.preamble.changed,
        sections=sum(1 for s in redline.sections if s.status != "equal" or s.num_changed),
        headings=sum(1 for a in redline.articles() if a.old_num is not None and a.new_num is not None
                     and a.heading.changed),
        paragraphs_moved=sum(1 for m in moves if m["unit"] == "paragraph"),
        points_moved=sum(1 for m in moves if m["unit"] == "point"),
        formed=sum(1 for a in redline.articles() if a.formed_from),
        annexes=len(redline.changed_annexes()),
        rows_moved=sum(1 for m in row_moves(redline) if "from_row" in m),
    )


def row_moves(redline: Redline) -> list[dict[str, Any]]:
    """Every table row moved within its table, at its new place: where (article or annex, paragraph) and rows."""
    found: list[dict[str, Any]] = []
    for kind, units in (("article", redline.articles()), ("annex", list(redline.annexes))):
        for unit in units:
            for index, paragraph in enumerate(unit.paragraphs, start=1):
                for number, table in enumerate(paragraph.tables, start=1):
                    for row in table.rows:
                        if row.moved_from is not None:
                            found.append({"unit": kind, "id": unit.id, "number": unit.new_num,
                                          "paragraph": paragraph.new_num or str(index), "table": number,
                                          "from_row": row.moved_from, "to_row": row.new_index,
                                          "reworded": any(c.changed for c in row.cells)})
    return found


def annex_entry(annex: ArticleChange) -> dict[str, Any]:
    return {"id": annex.id, "old_number": annex.old_num, "new_number": annex.new_num, "status": annex.status,
            "amended": annex.amended, "title_changed": annex.heading.changed,
            "words_inserted": annex.words_inserted, "words_deleted": annex.words_deleted,
            "words_moved": annex.words_moved}


def place_entry(place: Place) -> dict[str, Any]:
    return {"article": place.article_id, "article_number": place.article_num, "paragraph": place.paragraph,
            "point": place.point}


def move_list(redline: Redline) -> list[dict[str, Any]]:
    """Every moved paragraph and point, at its new place, with where it came from."""
    found: list[dict[str, Any]] = []
    for article in redline.articles():
        for paragraph in article.paragraphs:
            if paragraph.moved_from is not None:
                found.append({"unit": "paragraph", "from": place_entry(paragraph.moved_from),
                              "to": place_entry(paragraph_place(article, paragraph.new_num)),
                              "reworded": any(d.changed for d in paragraph.diffs()),
                              "words": paragraph.moved_words()})
            for point in paragraph.points:
                if point.moved_from is not None:
                    found.append({"unit": "point", "from": place_entry(point.moved_from),
                                  "to": place_entry(paragraph_place(article, paragraph.new_num, point.new_num)),
                                  "reworded": point.text.changed, "words": point.moved_words()})
    return found


def paragraph_place(article: ArticleChange, paragraph: str | None, point: str | None = None) -> Place:
    return Place(article.id, article.new_num or "", paragraph, point)


def article_entry(article: ArticleChange) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": article.id,
        "old_id": article.old_id,
        "old_number": article.old_num,
        "new_number": article.new_num,
        "class": article.category,
        "status": article.status,
        "amended": article.amended,
        "renumbered": article.num_changed,
        "moved": article.status == "moved",
        "words_inserted": article.words_inserted,
        "words_deleted": article.words_deleted,
        "words_moved": article.words_moved,
    }
    if article.formed_from:
        entry["formed_from"] = [{"article": s.article_id, "number": s.article_num, "paragraphs": list(s.paragraphs),
                                 "whole": s.whole} for s in article.formed_from]
    if article.went_to:
        entry["went_to"] = list(article.went_to)
    return entry


def _side(side: Side, lang: str) -> dict[str, Any]:
    return {"revision": side.spec, "title": side.title(lang), "commit": side.commit, "date": side.date,
            "findings": list(side.findings)}


def summary(redline: Redline, rows: list[Row] | None = None) -> dict[str, Any]:
    """The summary; ``rows``: the comparative table's rows, listed with their keys (for the justifications file)."""
    data: dict[str, Any] = dict(counts(redline).as_dict())
    articles = redline.articles()
    data["words"] = {"inserted": sum(a.words_inserted for a in articles),
                     "deleted": sum(a.words_deleted for a in articles),
                     "moved": sum(a.words_moved for a in articles)}
    data["language"] = redline.lang
    data["old"] = _side(redline.old, redline.lang)
    data["new"] = _side(redline.new, redline.lang)
    preamble = redline.preamble
    data["preamble"] = None if preamble is None else {
        "changed": preamble.changed, "heading_changed": preamble.heading.changed,
        "paragraphs": [{"position": k, "status": p.status} for k, p in enumerate(preamble.paragraphs, start=1)
                       if p.status != "equal"]}
    data["sections"] = [{"id": s.id, "old_number": s.old_num, "new_number": s.new_num, "status": s.status,
                         "title_changed": s.title.changed, "renumbered": s.num_changed}
                        for s in redline.sections if s.status != "equal" or s.num_changed]
    data["headings"] = [{"article": a.id, "old_number": a.old_num, "new_number": a.new_num} for a in articles
                        if a.old_num is not None and a.new_num is not None and a.heading.changed]
    data["moves"] = move_list(redline)
    data["formed"] = [{"article": a.id, "number": a.new_num,
                       "from": [{"article": s.article_id, "number": s.article_num, "paragraphs": list(s.paragraphs),
                                 "whole": s.whole} for s in a.formed_from]} for a in articles if a.formed_from]
    data["renumbering_runs"] = [run.as_dict() for run in runs(articles)]
    data["articles"] = [article_entry(a) for a in articles]
    data["annexes"] = [annex_entry(a) for a in redline.annexes]
    data["row_moves"] = row_moves(redline)
    if rows is not None:
        data["table"] = [{"number": r.number, "key": r.key, "unit": r.element, "change": r.note,
                          "justified": r.justification is not None} for r in rows if not r.part]
    return data


def summary_json(redline: Redline, rows: list[Row] | None = None) -> str:
    return json.dumps(summary(redline, rows), ensure_ascii=False, indent=2) + "\n"
