"""Akoma Ntoso identifiers (eId), shared by the AKN writer and the HTML anchors.

Naming convention (AKN 3.0, conformance level 2): a unit numbered through the
whole document takes no prefix (the constitution's ``sec_I``, ``art_5``); a unit
whose numbering restarts in its parent is prefixed by the parent's eId
(``chp_2__hcontainer_1``, ``art_5__para_2__point_3``, a sub-point
``art_5__para_2__point_3__point_a``). The profile says which levels restart.
The number part is the printed number without final punctuation: ``3-1`` stays.
"""

from __future__ import annotations

import re

from drafting.model import Article, Container, Expression, Paragraph, Point, Section
from drafting.profile import Profile

_STRIP = re.compile(r"[\s.)(\]\[,;:]+")


def num_part(num: str) -> str:
    return _STRIP.sub("", num)


def section_eid(section: Section) -> str:
    return f"sec_{num_part(section.num)}"


def article_eid(article: Article | str) -> str:
    num = article.num if isinstance(article, Article) else article
    return f"art_{num_part(num)}"


def paragraph_eid(article: Article | str, paragraph: Paragraph | str, index: int = 1) -> str:
    num = paragraph.num if isinstance(paragraph, Paragraph) else paragraph
    return f"{article_eid(article)}__para_{num_part(num) if num else index}"


def point_eid(paragraph_id: str, point: Point | str) -> str:
    num = point.num if isinstance(point, Point) else point
    return f"{paragraph_id}__point_{num_part(num)}"


PREAMBLE_EID = "preamble"

# The naming convention's abbreviations; other elements keep their names.
ABBREVIATIONS = {"article": "art", "chapter": "chp", "section": "sec", "paragraph": "para", "subparagraph": "subpara",
                 "subsection": "subsec", "subchapter": "subchp", "division": "dvs", "subdivision": "subdvs",
                 "clause": "cl", "subclause": "subcl", "blockList": "list", "intro": "intro", "wrapUp": "wrapup",
                 "attachment": "att", "table": "table"}


def element_ref(element: str) -> str:
    return ABBREVIATIONS.get(element, element)


def unit_eid(prefix: str, element: str, num: str, index: int) -> str:
    own = f"{element_ref(element)}_{num_part(num) or index}"
    return f"{prefix}__{own}" if prefix else own


class Identifiers:
    """The eIds of one expression's containers and articles, by the profile's numbering (continuous or restart)."""

    def __init__(self, expression: Expression, profile: Profile) -> None:
        self.profile = profile
        self.containers: dict[int, str] = {}
        self.articles: dict[str, str] = {}
        self._walk(expression.body, "")

    def _walk(self, children: tuple[Container | Article, ...], parent: str) -> None:
        counts: dict[str, int] = {}
        for child in children:
            if isinstance(child, Article):
                unit = self.profile.article_level
                counts["article"] = counts.get("article", 0) + 1
                prefix = parent if unit.numbering == "restart" else ""
                self.articles.setdefault(child.id, unit_eid(prefix, unit.element, child.num, counts["article"]))
            else:
                level = self.profile.level(child.level) if self.profile.has_level(child.level) else None
                element = level.element if level else "section"
                counts[child.level] = counts.get(child.level, 0) + 1
                restart = level is not None and level.numbering == "restart"
                eid = unit_eid(parent if restart else "", element, child.num, counts[child.level])
                self.containers[id(child)] = eid
                self._walk(child.children, eid)

    def container(self, container: Container) -> str:
        return self.containers.get(id(container)) or section_eid(container)

    def article(self, article: Article | str) -> str:
        key = article.id if isinstance(article, Article) else article
        return self.articles.get(key) or (article_eid(article) if isinstance(article, Article) else f"art_{key}")
