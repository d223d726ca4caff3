"""Structure profiles: an act's hierarchy, numbering rules and labels, as data in schemas/profiles.

A profile lists the act's levels from the top down (``levels:``): the containers
above the article (part, section, chapter, paragraph group, ...), the article
level (one file per unit), and the levels inside it (paragraph, point,
sub-point, ...). Each level names its Akoma Ntoso element, its label in every
language, its number style and marker, whether numbering runs through the act
or restarts in each container, and whether inserted numbers are allowed.

The flat form the 2026 Constitution's profile was written in (``sections:``,
``articles:``, ``paragraphs:``, ``points:``) is still read: it is converted into
the same levels, so every reader and writer sees one shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafting.resources import PACKAGE_ROOT, SCHEMAS_DIR

__all__ = ["PACKAGE_ROOT", "SCHEMAS_DIR", "PROFILES_DIR", "DEFAULT_LABELS", "Level", "Profile"]

PROFILES_DIR = SCHEMAS_DIR / "profiles"

DEFAULT_LABELS: dict[str, str] = {
    "article": "Article {n}",
    "section": "Section {n}",
    "preamble": "Preamble",
    "paragraph": "paragraph {n}",
    "paragraph_of_article": "paragraph {p} of Article {n}",
    "contents": "Contents",
    "annex": "Annex {n}",
}

# AKN elements a level may name; anything else is an ``hcontainer`` with the level's name.
HIERARCHY_ELEMENTS = ("book", "part", "title", "subtitle", "chapter", "subchapter", "section", "subsection",
                      "division", "subdivision", "tome", "article", "paragraph", "subparagraph", "clause",
                      "subclause", "point", "list", "rule", "subrule", "alinea", "indent", "level", "hcontainer")
KINDS = ("container", "article", "paragraph", "point")
STYLES = ("arabic", "roman", "roman-lower", "alpha", "alpha-upper", "cyrillic")


@dataclass(frozen=True)
class Level:
    """One level of the hierarchy.

    ``format`` places the number in its marker: ``{n}.``, ``{n})``, ``({n})``, ``§ {n}``.
    ``inserted``: "dash" (3-1), "letter" (9A), "latin" (2-bis), "latin-space" (12 bis) or None. ``numbering``: "continuous" runs
    through the whole act, "restart" starts again at 1 in each parent.
    """

    name: str
    element: str
    kind: str
    style: str = "arabic"
    format: str = "{n}"
    numbering: str = "restart"
    inserted: str | None = None
    optional: bool = False
    count: int | None = None
    headings: str = "optional"
    labels: dict[str, str] = field(default_factory=dict)
    start: int = 1  # the number of the level's first unit (a portion of an act that begins at section 10)

    @property
    def akn_name(self) -> str | None:
        """The ``name`` attribute of an ``hcontainer`` level, else None."""
        return self.name if self.element == "hcontainer" else None

    def marker(self, num: str) -> str:
        return self.format.replace("{n}", num)


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
    levels: tuple[Level, ...] = ()
    annexes: str = "optional"  # "optional" or "forbidden"
    quoted: bool = False  # an amending act's profile: points may hold ``quoted`` fences (docs/amend.md)
    amend_renumbers: bool = False  # an act whose amending acts renumber the units after an insertion or deletion

    def __post_init__(self) -> None:
        if not self.levels:
            object.__setattr__(self, "levels", _flat_levels(self))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Profile:
        labels = {lang: dict(values) for lang, values in data.get("labels", {}).items()}
        preamble = data.get("preamble", "required") == "required"
        if "levels" in data:
            levels = tuple(_level(item, index, data["levels"]) for index, item in enumerate(data["levels"]))
            for level in levels:
                for lang, template in level.labels.items():
                    labels.setdefault(lang, {}).setdefault(level.name, template)
            article = next(level for level in levels if level.kind == "article")
            paragraph = next((level for level in levels if level.kind == "paragraph"), None)
            points = [level for level in levels if level.kind == "point"]
            containers = [level for level in levels if level.kind == "container"]
            return cls(
                name=str(data["name"]), preamble_required=preamble,
                section_count=containers[0].count if containers else None,
                section_numbering=containers[0].style if containers else "arabic",
                article_numbering="continuous" if article.numbering == "continuous" else "per-section",
                article_inserted=article.inserted is not None, article_headings=article.headings,
                paragraph_inserted=bool(paragraph and paragraph.inserted),
                point_inserted=any(level.inserted for level in points),
                labels=labels, levels=levels, annexes=str(data.get("annexes", "optional")),
                quoted=bool(data.get("quoted", False)),
                amend_renumbers=bool(data.get("amendments", {}).get("renumber", False)),
            )
        sections = data.get("sections", {})
        articles = data.get("articles", {})
        return cls(
            name=str(data["name"]),
            preamble_required=preamble,
            section_count=sections.get("count"),
            section_numbering=sections.get("numbering", "roman"),
            article_numbering=articles.get("numbering", "continuous"),
            article_inserted=bool(articles.get("inserted", False)),
            article_headings=articles.get("headings", "optional"),
            paragraph_inserted=bool(data.get("paragraphs", {}).get("inserted", False)),
            point_inserted=bool(data.get("points", {}).get("inserted", False)),
            labels=labels,
            amend_renumbers=bool(data.get("amendments", {}).get("renumber", False)),
        )

    def label(self, lang: str, key: str, **values: str) -> str:
        template = self.labels.get(lang, {}).get(key) or DEFAULT_LABELS.get(key, key)
        return template.format(**values)

    # -- the levels ------------------------------------------------------------------

    def level(self, name: str) -> Level:
        for level in self.levels:
            if level.name == name:
                return level
        raise KeyError(name)

    def has_level(self, name: str) -> bool:
        return any(level.name == name for level in self.levels)

    @property
    def container_levels(self) -> tuple[Level, ...]:
        return tuple(level for level in self.levels if level.kind == "container")

    @property
    def article_level(self) -> Level:
        return next(level for level in self.levels if level.kind == "article")

    @property
    def paragraph_level(self) -> Level:
        found = next((level for level in self.levels if level.kind == "paragraph"), None)
        return found or Level("paragraph", "paragraph", "paragraph", format="{n}.")

    @property
    def point_levels(self) -> tuple[Level, ...]:
        return tuple(level for level in self.levels if level.kind == "point")

    def point_level(self, depth: int) -> Level:
        """The level of a point ``depth`` lists below the paragraph (1: points, 2: sub-points)."""
        points = self.point_levels
        if not points:
            return Level("point", "point", "point", format="{n})")
        return points[min(depth, len(points)) - 1]

    def level_label(self, lang: str, level: str, num: str) -> str:
        """"Раздел 2", "2-тарау", "Part 3": a unit's label in one language."""
        template = self.labels.get(lang, {}).get(level)
        if template is None:
            found = next((lv for lv in self.levels if lv.name == level), None)
            template = (found.labels.get(lang) if found else None) or DEFAULT_LABELS.get(level) or f"{level} {{n}}"
        return template.format(n=num)


def _flat_levels(profile: Profile) -> tuple[Level, ...]:
    """The levels of a profile written in the flat form: sections > articles > paragraphs > points."""
    return (
        Level("section", "section", "container", style=profile.section_numbering, numbering="continuous",
              count=profile.section_count),
        Level("article", "article", "article", numbering="continuous" if profile.article_numbering == "continuous"
              else "restart", inserted="dash" if profile.article_inserted else None, headings=profile.article_headings),
        Level("paragraph", "paragraph", "paragraph", format="{n}.",
              inserted="dash" if profile.paragraph_inserted else None),
        Level("point", "point", "point", format="{n})", inserted="dash" if profile.point_inserted else None),
    )


def _level(item: dict[str, Any], index: int, items: list[dict[str, Any]]) -> Level:
    article_index = next((i for i, other in enumerate(items) if other.get("kind") == "article"), None)
    if article_index is None:
        article_index = next(i for i, other in enumerate(items) if other.get("element") == "article")
    default_kind = ("container" if index < article_index else "article" if index == article_index
                    else "paragraph" if index == article_index + 1 else "point")
    kind = str(item.get("kind", default_kind))
    default_format = {"paragraph": "{n}.", "point": "{n})"}.get(kind, "{n}")
    return Level(
        name=str(item["name"]), element=str(item.get("element", item["name"] if item["name"] in HIERARCHY_ELEMENTS
                                                     else "hcontainer")),
        kind=kind, style=str(item.get("style", "arabic")), format=str(item.get("format", default_format)),
        numbering=str(item.get("numbering", "continuous" if kind == "article" else "restart")),
        inserted=item.get("inserted") or None, optional=bool(item.get("optional", False)),
        count=item.get("count"), headings=str(item.get("headings", "optional")),
        labels={str(k): str(v) for k, v in item.get("labels", {}).items()},
        start=int(item.get("start", 1)),
    )
