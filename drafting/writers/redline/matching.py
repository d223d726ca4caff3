"""Which old article became which new one, and which of them moved.

1. Articles with the same stable id are the same article.
2. Of the rest, pairs whose text is similar enough (rapidfuzz ``fuzz.ratio`` at
   or above a threshold) are matched best first: an article whose id was changed.
3. A matched article has moved when it is outside the longest increasing
   subsequence of old positions (taken in new order), or when it now stands in
   another section. The longest increasing subsequence keeps the most articles in
   place, so one article taken out and put back elsewhere is one move, not many.

Sections are matched by id, then by number.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from drafting.model import Article, Expression, InlineSeq, Ref, Text

DEFAULT_THRESHOLD = 70.0


@dataclass(frozen=True)
class Placed:
    article: Article
    section: str  # section id
    position: int  # index in reading order


@dataclass(frozen=True)
class Match:
    old: Placed | None
    new: Placed | None
    by: Literal["id", "text"] | None = None
    similarity: float | None = None
    moved: bool = False


def placed(expression: Expression) -> list[Placed]:
    found: list[Placed] = []
    for section in expression.sections:
        for article in section.articles:
            found.append(Placed(article, section.id, len(found)))
    return found


def article_text(article: Article) -> str:
    """An article's words as one string, for similarity.

    A cross-reference counts as one mark, whatever it says: its number changes
    when its target is renumbered, and that is no change to the article.
    """
    parts = [article.heading or ""]
    for paragraph in article.paragraphs:
        parts += [paragraph.num or "", _words(paragraph.text)]
        for point in paragraph.points:
            parts += [point.num, _words(point.text)]
        parts.append(_words(paragraph.wrapup))
    return " ".join(p for p in parts if p)


def _words(inlines: InlineSeq) -> str:
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.value)
        elif isinstance(node, Ref):
            parts.append("\u00a7")
        else:
            parts.append(_words(node.children))
    return "".join(parts)


def match_sections(old: Expression, new: Expression) -> dict[str, str]:
    """old section id -> new section id: by id, then by number among the rest."""
    new_ids = {s.id for s in new.sections}
    mapping = {s.id: s.id for s in old.sections if s.id in new_ids}
    taken = set(mapping.values())
    by_num = {s.num: s.id for s in new.sections if s.id not in taken}
    for section in old.sections:
        if section.id not in mapping and section.num in by_num:
            mapping[section.id] = by_num.pop(section.num)
    return mapping


def match_articles(old: Expression, new: Expression, threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
    """Every old and new article once: matched pairs (in new order), then inserted, then deleted."""
    olds, news = placed(old), placed(new)
    old_by_id = {p.article.id: p for p in olds}
    pairs: list[tuple[Placed, Placed, Literal["id", "text"], float | None]] = []
    for item in news:
        if item.article.id in old_by_id:
            pairs.append((old_by_id[item.article.id], item, "id", None))
    paired_old = {o.position for o, _, _, _ in pairs}
    paired_new = {n.position for _, n, _, _ in pairs}
    rest_old = [p for p in olds if p.position not in paired_old]
    rest_new = [p for p in news if p.position not in paired_new]
    for o, n, score in _by_similarity(rest_old, rest_new, threshold):
        pairs.append((o, n, "text", score))
        paired_old.add(o.position)
        paired_new.add(n.position)
    pairs.sort(key=lambda pair: pair[1].position)
    sections = match_sections(old, new)
    in_order = _longest_increasing([o.position for o, _, _, _ in pairs])
    matches = [Match(o, n, by, score, moved=(index not in in_order or sections.get(o.section) != n.section))
               for index, (o, n, by, score) in enumerate(pairs)]
    matches += [Match(None, n) for n in news if n.position not in paired_new]
    matches += [Match(o, None) for o in olds if o.position not in paired_old]
    return matches


def _by_similarity(olds: list[Placed], news: list[Placed],
                   threshold: float) -> list[tuple[Placed, Placed, float]]:
    """Greedy best-first pairing; ties go to the pair closest in position, then to reading order.

    An article whose text is unchanged is paired without scoring it against every other one
    (scoring all pairs is quadratic: with every id changed, 1,000 articles take seconds).
    """
    if not olds or not news:
        return []
    old_texts = [article_text(p.article) for p in olds]
    new_texts = [article_text(p.article) for p in news]
    candidates: list[tuple[float, int, int, int]] = []
    same_text: dict[str, list[int]] = {}
    for i, text in enumerate(old_texts):
        same_text.setdefault(text, []).append(i)
    for j, (item, text) in enumerate(zip(news, new_texts)):
        exact = [(text, 100.0, i) for i in same_text.get(text, [])]
        for _, score, i in exact or process.extract(text, old_texts, scorer=fuzz.ratio, score_cutoff=threshold,
                                                    limit=None):
            candidates.append((-score, abs(olds[i].position - item.position), j, i))
    candidates.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    found: list[tuple[Placed, Placed, float]] = []
    for negative, _, j, i in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            found.append((olds[i], news[j], round(-negative, 1)))
    return found


def _longest_increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []  # values
    tail_index: list[int] = []  # index in ``values`` of each tail
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        slot = bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[slot] = value
            tail_index[slot] = index
        previous[index] = tail_index[slot - 1] if slot else -1
    kept: set[int] = set()
    cursor = tail_index[-1] if tail_index else -1
    while cursor != -1:
        kept.add(cursor)
        cursor = previous[cursor]
    return kept
