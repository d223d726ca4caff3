"""The words a redline prints, in the chosen language.

Structural labels (article, section, paragraph, preamble) come from the work's
profile, so the redline names things as the text does; the redline's own words
are data in ``templates/redline/labels.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from drafting.profile import Profile
from drafting.writers.redline.changes import ArticleChange, ParagraphChange, Place, PointChange, RowChange, Source
from drafting.resources import TEMPLATES_DIR

TEMPLATES = TEMPLATES_DIR / "redline"
FALLBACK = "en"


@lru_cache(maxsize=1)
def _table(path: Path = TEMPLATES / "labels.yaml") -> dict[str, dict[str, str]]:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(lang): {str(k): str(v) for k, v in words.items()} for lang, words in data.items()}


class Labels:
    def __init__(self, lang: str, profile: Profile) -> None:
        self.lang = lang
        self.profile = profile
        table = _table()
        self.words = {**table[FALLBACK], **table.get(lang, {})}

    def __call__(self, key: str, **values: object) -> str:
        return self.words[key].format(**values)

    def status(self, article: ArticleChange) -> str:
        text = self(f"status_{article.status}")
        if article.amended and article.status in ("renumbered", "moved"):
            text += " " + self("and_amended")
        return text

    def article(self, num: str) -> str:
        return self.profile.label(self.lang, "article", n=num)

    def article_title(self, article: ArticleChange) -> str:
        """"Article 45 (formerly 44)" where the number changed; the old number for a deleted article."""
        num = article.new_num or article.old_num or ""
        title = self.article(num)
        if article.num_changed:
            title += " " + self("formerly", n=article.old_num)
        return title

    def section(self, num: str) -> str:
        return self.profile.label(self.lang, "section", n=num)

    def preamble(self) -> str:
        return self.profile.label(self.lang, "preamble")

    def element(self, article: str, paragraph: str | None = None, point: str | None = None,
                part: str | None = None, former: str | None = None, former_paragraph: str | None = None) -> str:
        """"Article 45, paragraph 2, point 3)": the structural element column of the comparative table.

        ``former``: the article's number in the previous version, when it changed
        ("Article 45 (formerly 44), paragraph 2"), so the unit is named in both versions.
        """
        parts = [self.article(article) + (" " + self("formerly", n=former) if former and former != article else "")]
        if paragraph:
            parts.append(self.profile.label(self.lang, "paragraph", n=paragraph)
                         + (" " + self("formerly_paragraph", n=former_paragraph) if former_paragraph else ""))
        if point:
            parts.append(self("point", n=point))
        if part:
            parts.append(self(part))
        return ", ".join(parts)

    def place(self, place: Place) -> str:
        """Where a block stands, as a citation: "Article 4(3)", "пункт 3 статьи 4", "Article 4(3), point 2)"."""
        paragraph = place.paragraph or (str(place.index) if place.index else None)
        if paragraph is None:
            return self.article(place.article_num)
        if place.point is not None:
            return self("cite_point", a=place.article_num, p=paragraph, t=place.point)
        return self.profile.label(self.lang, "citation", n=place.article_num, p=paragraph)

    def source(self, source: Source) -> str:
        """A part an article was formed from: a whole article, or some of its paragraphs ("Article 4(3)–(5)")."""
        if source.whole or not source.paragraphs:
            return self.article(source.article_num)
        items = _ranges(list(source.paragraphs))
        if len(items) == 1 and items[0][0] == items[0][1]:
            return self.profile.label(self.lang, "citation", n=source.article_num, p=items[0][0])
        listed = ", ".join(self("cite_item", p=a) if a == b else self("cite_range", p=a, q=b) for a, b in items)
        return self("cite_paragraphs", a=source.article_num, ps=listed)

    def formed(self, article: ArticleChange) -> str:
        """"Article 5 formed from Article 4(3)–(5)"; a merge names every article it was formed from."""
        parts = [self.source(s) for s in article.formed_from]
        joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + self("and") + parts[-1]
        return self("formed_from", article=self.article(article.new_num or ""), sources=joined)

    def articles(self, nums: tuple[str, ...]) -> str:
        return ", ".join(self.article(n) for n in nums)

    def row_move(self, row: RowChange) -> str:
        """"(moved from row 3)" at a table row's new place, "(moved to row 5)" at its old one."""
        if row.moved_from is not None:
            return self("row_moved_from", n=row.moved_from)
        return self("row_moved_to", n=row.moved_to) if row.moved_to is not None else ""

    def annex(self, num: str) -> str:
        return self.profile.label(self.lang, "annex", n=num)

    def annex_title(self, annex: ArticleChange) -> str:
        """"Annex 2 (formerly 1)" where the number changed."""
        title = self.annex(annex.new_num or annex.old_num or "")
        if annex.num_changed:
            title += " " + self("formerly", n=annex.old_num)
        return title

    def move_note(self, block: ParagraphChange | PointChange, fallback: str = "") -> str:
        """"Moved from Article 4(3)." at a block's new place, "Moved to Article 53(7)." at its old one."""
        if block.moved_from is not None:
            reworded = any(d.changed for d in (block.diffs() if isinstance(block, ParagraphChange) else [block.text]))
            return self("moved_from_amended" if reworded else "moved_from", place=self.place(block.moved_from))
        if block.moved_to is not None:
            return self("moved_to", place=self.place(block.moved_to))
        return fallback


def _ranges(nums: list[str]) -> list[tuple[str, str]]:
    """Consecutive whole numbers as (first, last) ranges, in the order given; any other number on its own."""
    found: list[tuple[str, str]] = []
    for num in nums:
        if found and found[-1][1].isdigit() and num.isdigit() and int(num) == int(found[-1][1]) + 1:
            found[-1] = (found[-1][0], num)
        else:
            found.append((num, num))
    return found
