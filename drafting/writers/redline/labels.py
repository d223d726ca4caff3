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
from drafting.writers.redline.changes import ArticleChange
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
                part: str | None = None, former: str | None = None) -> str:
        """"Article 45, paragraph 2, point 3)": the structural element column of the comparative table.

        ``former``: the article's number in the previous version, when it changed
        ("Article 45 (formerly 44), paragraph 2"), so the unit is named in both versions.
        """
        parts = [self.article(article) + (" " + self("formerly", n=former) if former and former != article else "")]
        if paragraph:
            parts.append(self.profile.label(self.lang, "paragraph", n=paragraph))
        if point:
            parts.append(self("point", n=point))
        if part:
            parts.append(self(part))
        return ", ".join(parts)
