"""Akoma Ntoso identifiers (eId), shared by the AKN writer and the HTML anchors.

Naming convention (AKN 3.0, conformance level 2): articles are numbered through
the whole document, so they take no prefix (``art_5``); paragraphs and points
restart in every article and are prefixed (``art_5__para_2__point_3``). The
number part is the printed number without final punctuation: ``3-1`` stays.
"""

from __future__ import annotations

import re

from drafting.model import Article, Paragraph, Point, Section

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
