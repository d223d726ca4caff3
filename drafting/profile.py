"""Structure profiles: a constitution's rules and labels, as data in schemas/profiles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafting.resources import PACKAGE_ROOT, SCHEMAS_DIR

__all__ = ["PACKAGE_ROOT", "SCHEMAS_DIR", "PROFILES_DIR", "DEFAULT_LABELS", "Profile"]

PROFILES_DIR = SCHEMAS_DIR / "profiles"

DEFAULT_LABELS: dict[str, str] = {
    "article": "Article {n}",
    "section": "Section {n}",
    "preamble": "Preamble",
    "paragraph": "paragraph {n}",
    "paragraph_of_article": "paragraph {p} of Article {n}",
    "contents": "Contents",
}


@dataclass(frozen=True)
class Profile:
    name: str
    preamble_required: bool = True
    section_count: int | None = None
    section_numbering: str = "roman"
    article_numbering: str = "continuous"
    article_inserted: bool = False
    article_headings: str = "optional"
    paragraph_inserted: bool = False
    point_inserted: bool = False
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Profile:
        sections = data.get("sections", {})
        articles = data.get("articles", {})
        return cls(
            name=str(data["name"]),
            preamble_required=data.get("preamble", "required") == "required",
            section_count=sections.get("count"),
            section_numbering=sections.get("numbering", "roman"),
            article_numbering=articles.get("numbering", "continuous"),
            article_inserted=bool(articles.get("inserted", False)),
            article_headings=articles.get("headings", "optional"),
            paragraph_inserted=bool(data.get("paragraphs", {}).get("inserted", False)),
            point_inserted=bool(data.get("points", {}).get("inserted", False)),
            labels={lang: dict(values) for lang, values in data.get("labels", {}).items()},
        )

    def label(self, lang: str, key: str, **values: str) -> str:
        template = self.labels.get(lang, {}).get(key) or DEFAULT_LABELS.get(key, key)
        return template.format(**values)
