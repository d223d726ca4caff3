"""Text moved between articles: a deleted block here and an inserted one there that are the same words.

After every matched article has been diffed on its own, the blocks that only one
side has (deleted and inserted paragraphs, deleted and inserted points of a
paragraph that stayed) are paired across the whole text, best first: a pair
with the same words, or at least ``MOVE_THRESHOLD`` alike (rapidfuzz Indel
similarity over the compared words), is one block moved. The block at its new
place then shows the word diff between its old wording and its new one and
says where it came from ("moved from Article 4(3)"); the block at its old place
is struck and says where it went ("moved to Article 53(7)"). Its words are
counted once, as moved, at the new place (rewording counts as inserted and
deleted words there).

An inserted article made of moved paragraphs, or a kept article that took in
the paragraphs of a deleted one, is *formed from* them (a split or a merge:
"Article 5 formed from Article 4(3)–(5)"); a deleted article whose every
paragraph went elsewhere records where (``went_to``).

Bounded work: blocks with the same words are paired through a dictionary; the
rest are scored pairwise only while there are at most ``MAX_SCORED`` pairs (a
wholesale rewrite is then shown as deletions and insertions, not searched).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from drafting.writers.redline.align import TokenParagraph, TokenPoint, paired_block, paired_paragraph
from drafting.writers.redline.changes import ArticleChange, ParagraphChange, Place, PointChange, Source
from drafting.writers.redline.words import TextDiff, Token, keys

MOVE_THRESHOLD = 0.6
MIN_WORDS = 3  # shorter blocks ("1) none;") are too common to say where they came from
MAX_SCORED = 250_000


@dataclass(frozen=True)
class _Block:
    article: int  # index in the article list
    paragraph: int  # index in the article's paragraphs
    point: int | None  # index in the paragraph's points, for a point
    keys: tuple[str, ...]


def _tokens(diff: TextDiff) -> list[Token]:
    return [t for segment in diff.segments for t in segment.tokens]


def _token_paragraph(paragraph: ParagraphChange, num: str | None) -> TokenParagraph:
    return TokenParagraph(num, _tokens(paragraph.text),
                          [TokenPoint((p.new_num or p.old_num or ""), _tokens(p.text)) for p in paragraph.points],
                          _tokens(paragraph.wrapup))


def _words(block_keys: tuple[str, ...], tokens_are_words: int) -> bool:
    return tokens_are_words >= MIN_WORDS and bool(block_keys)


def _candidates(articles: list[ArticleChange]) -> tuple[list[_Block], list[_Block]]:
    gone: list[_Block] = []
    came: list[_Block] = []
    for a, article in enumerate(articles):
        for k, paragraph in enumerate(article.paragraphs):
            if paragraph.status in ("deleted", "inserted"):
                tokens = _token_paragraph(paragraph, paragraph.old_num or paragraph.new_num)
                found = tuple(keys(tokens.text) + [x for p in tokens.points for x in keys(p.tokens)]
                              + keys(tokens.wrapup))
                words = sum(d.words("delete" if paragraph.status == "deleted" else "insert")
                            for d in paragraph.diffs())
                if _words(found, words):
                    (gone if paragraph.status == "deleted" else came).append(_Block(a, k, None, found))
                continue
            for j, point in enumerate(paragraph.points):
                if point.status in ("deleted", "inserted"):
                    found = tuple(keys(_tokens(point.text)))
                    words = point.text.words("delete" if point.status == "deleted" else "insert")
                    if _words(found, words):
                        (gone if point.status == "deleted" else came).append(_Block(a, k, j, found))
    return gone, came


def _pairs(gone: list[_Block], came: list[_Block]) -> list[tuple[_Block, _Block]]:
    """Best first: same words, then the most similar; a block in one pair only; same level only."""
    scored: list[tuple[float, int, int]] = []
    by_keys: dict[tuple[tuple[str, ...], bool], list[int]] = {}
    for i, block in enumerate(gone):
        by_keys.setdefault((block.keys, block.point is None), []).append(i)
    exact: set[int] = set()
    for j, block in enumerate(came):
        for i in by_keys.get((block.keys, block.point is None), []):
            scored.append((-1.0, i, j))
            exact.add(j)
    rest_came = [j for j in range(len(came)) if j not in exact]
    if len(gone) * len(rest_came) <= MAX_SCORED:
        for level in (True, False):
            olds = [i for i, b in enumerate(gone) if (b.point is None) == level]
            choices = [list(gone[i].keys) for i in olds]
            for j in rest_came:
                if (came[j].point is None) != level or not choices:
                    continue
                for _, score, index in process.extract(list(came[j].keys), choices,
                                                       scorer=Indel.normalized_similarity,
                                                       score_cutoff=MOVE_THRESHOLD, limit=None):
                    scored.append((-float(score), olds[index], j))
    scored.sort()
    used_gone: set[int] = set()
    used_came: set[int] = set()
    found: list[tuple[_Block, _Block]] = []
    for _, i, j in scored:
        if i not in used_gone and j not in used_came:
            used_gone.add(i)
            used_came.add(j)
            found.append((gone[i], came[j]))
    found.sort(key=lambda pair: (pair[1].article, pair[1].paragraph, pair[1].point or 0))
    return found


def _old_place(article: ArticleChange, block: _Block) -> Place:
    paragraph = article.paragraphs[block.paragraph]
    point = paragraph.points[block.point].old_num if block.point is not None else None
    index = sum(1 for p in article.paragraphs[:block.paragraph + 1] if p.status != "inserted")
    return Place(article.old_id or article.id, article.old_num or "", paragraph.old_num, point, index)


def _new_place(article: ArticleChange, block: _Block) -> Place:
    paragraph = article.paragraphs[block.paragraph]
    point = paragraph.points[block.point].new_num if block.point is not None else None
    index = sum(1 for p in article.paragraphs[:block.paragraph + 1] if p.status != "deleted")
    return Place(article.id, article.new_num or "", paragraph.new_num, point, index)


def find_moves(articles: list[ArticleChange]) -> list[ArticleChange]:
    """The articles with moved blocks marked at both ends, and splits and merges named."""
    gone, came = _candidates(articles)
    pairs = _pairs(gone, came)
    if not pairs:
        return articles
    paragraphs = [list(a.paragraphs) for a in articles]
    points = {(a, k): list(p.points) for a, article in enumerate(articles) for k, p in enumerate(article.paragraphs)}
    touched: set[tuple[int, int]] = set()  # paragraphs whose points changed
    for out, into in pairs:
        source, target = articles[out.article], articles[into.article]
        old_place, new_place = _old_place(source, out), _new_place(target, into)
        if out.point is None:
            before = paragraphs[out.article][out.paragraph]
            after = paragraphs[into.article][into.paragraph]
            moved = paired_paragraph(_token_paragraph(before, before.old_num), _token_paragraph(after, after.new_num))
            paragraphs[into.article][into.paragraph] = dataclasses.replace(
                moved, old_num=None, new_num=after.new_num, status="inserted", moved_from=old_place)
            paragraphs[out.article][out.paragraph] = dataclasses.replace(before, moved_to=new_place)
        else:
            assert into.point is not None
            gone_point = points[(out.article, out.paragraph)][out.point]
            came_point = points[(into.article, into.paragraph)][into.point]
            moved_point = paired_block((gone_point.old_num, _tokens(gone_point.text)),
                                       (came_point.new_num, _tokens(came_point.text)))
            points[(into.article, into.paragraph)][into.point] = dataclasses.replace(
                moved_point, old_num=None, status="inserted", moved_from=old_place)
            points[(out.article, out.paragraph)][out.point] = dataclasses.replace(gone_point, moved_to=new_place)
            touched.update({(out.article, out.paragraph), (into.article, into.paragraph)})
    result: list[ArticleChange] = []
    for a, article in enumerate(articles):
        rebuilt = tuple(dataclasses.replace(p, points=tuple(points[(a, k)])) if (a, k) in touched else p
                        for k, p in enumerate(paragraphs[a]))
        result.append(dataclasses.replace(article, paragraphs=rebuilt))
    return _formed(result)


def _formed(articles: list[ArticleChange]) -> list[ArticleChange]:
    by_old_id = {a.old_id: a for a in articles if a.old_id is not None}
    out: list[ArticleChange] = []
    for article in articles:
        if article.status == "deleted":
            targets = [p.moved_to.article_num for p in article.paragraphs if p.moved_to is not None]
            if targets and len(targets) == len(article.paragraphs):
                article = dataclasses.replace(article, went_to=tuple(dict.fromkeys(targets)))
            out.append(article)
            continue
        sources: dict[str, list[str]] = {}
        for paragraph in article.paragraphs:
            if paragraph.moved_from is not None and paragraph.moved_from.article_id != article.old_id:
                place = paragraph.moved_from
                sources.setdefault(place.article_id, []).append(place.paragraph or str(place.index))
        merged = [i for i in sources if by_old_id.get(i) is not None and by_old_id[i].status == "deleted"]
        if sources and (article.status == "inserted" or merged):
            parts: list[Source] = []
            if article.status != "inserted":
                parts.append(Source(article.old_id or article.id, article.old_num or "", (), True))
            for old_id, nums in sources.items():
                origin = by_old_id.get(old_id)
                whole = origin is not None and origin.status == "deleted" and all(
                    p.moved_to is not None and p.moved_to.article_id == article.id for p in origin.paragraphs)
                num = origin.old_num if origin is not None and origin.old_num is not None else ""
                parts.append(Source(old_id, num, tuple(nums), whole))
            article = dataclasses.replace(article, formed_from=tuple(parts))
        out.append(article)
    return out
