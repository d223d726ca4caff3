"""Inside a matched article: paragraphs aligned with paragraphs, points with points, then word diffs.

Blocks are paired by content, not by number, so an inserted paragraph shows as
one inserted paragraph and not as every later paragraph changed. The pairing
keeps the order and maximises the total similarity of the pairs; two blocks
less similar than ``BLOCK_THRESHOLD`` are not paired (the old one is shown
deleted, the new one inserted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from rapidfuzz.distance import Indel

from drafting.model import Article, InlineSeq, Paragraph, Point, Table
from drafting.writers.redline.changes import BlockStatus, ParagraphChange, PointChange, RowChange, TableChange
from drafting.writers.redline.words import Kind, RefContext, TextDiff, Token, diff, keys, only, tokenize, tokenize_plain

BLOCK_THRESHOLD = 0.5


@dataclass(frozen=True)
class Versions:
    """How references read in each version."""

    old: RefContext
    new: RefContext


@dataclass(frozen=True)
class TokenPoint:
    num: str
    tokens: list[Token]


@dataclass(frozen=True)
class TokenRow:
    cells: list[list[Token]]
    header: bool

    def keys(self) -> list[str]:
        found: list[str] = []
        for cell in self.cells:
            found += ["\u2502", *keys(cell)]  # a cell boundary is a token of its own
        return found


@dataclass(frozen=True)
class TokenParagraph:
    num: str | None
    text: list[Token]
    points: list[TokenPoint]
    wrapup: list[Token]
    tables: list[list[TokenRow]] = field(default_factory=list)

    def all_keys(self) -> list[str]:
        found = keys(self.text)
        for table in self.tables:
            for row in table:
                found += row.keys()
        for point in self.points:
            found += [point.num, *keys(point.tokens)]
        return found + keys(self.wrapup)


@dataclass(frozen=True)
class ArticleDiff:
    heading: TextDiff
    paragraphs: tuple[ParagraphChange, ...]
    amended: bool


def compare_article(old: Article | None, new: Article | None, versions: Versions) -> ArticleDiff:
    old_paras = [_tokens(p, versions.old) for p in old.paragraphs] if old else []
    new_paras = [_tokens(p, versions.new) for p in new.paragraphs] if new else []
    old_heading = tokenize_plain(old.heading) if old and old.heading else []
    new_heading = tokenize_plain(new.heading) if new and new.heading else []
    if old is None or new is None:
        kind: Kind = "insert" if old is None else "delete"
        status: BlockStatus = "inserted" if old is None else "deleted"
        heading = only(new_heading if old is None else old_heading, kind)
        return ArticleDiff(heading, tuple(_one_side(p, kind, status) for p in (new_paras or old_paras)), True)
    heading = diff(old_heading, new_heading)
    changes: list[ParagraphChange] = []
    # the number is one of the compared words: of two paragraphs with the same words, the one that kept its
    # number is the pair
    for i, j in align([[p.num or '', *p.all_keys()] for p in old_paras], [[p.num or '', *p.all_keys()] for p in new_paras]):
        if i is None and j is not None:
            changes.append(_one_side(new_paras[j], "insert", "inserted"))
        elif j is None and i is not None:
            changes.append(_one_side(old_paras[i], "delete", "deleted"))
        elif i is not None and j is not None:
            changes.append(paired_paragraph(old_paras[i], new_paras[j]))
    amended = heading.changed or any(c.status != "equal" or c.num_changed for c in changes)
    return ArticleDiff(heading, tuple(changes), amended)


def compare_blocks(old: Sequence[InlineSeq], new: Sequence[InlineSeq], versions: Versions) -> list[PointChange]:
    """Unnumbered blocks (the preamble's paragraphs), aligned and diffed."""
    old_tokens = [tokenize(seq, versions.old) for seq in old]
    new_tokens = [tokenize(seq, versions.new) for seq in new]
    return [paired_block(None if i is None else (None, old_tokens[i]), None if j is None else (None, new_tokens[j]))
            for i, j in align([keys(t) for t in old_tokens], [keys(t) for t in new_tokens])]


def align(old: list[list[str]], new: list[list[str]],
          threshold: float = BLOCK_THRESHOLD) -> list[tuple[int | None, int | None]]:
    """Order-keeping pairing with the greatest total similarity; unpaired blocks as (i, None) / (None, j).

    In the result, blocks keep their order on both sides; between two pairs the
    deleted blocks come before the inserted ones.
    """
    n, m = len(old), len(new)
    similar = [[_similarity(a, b, threshold) for b in new] for a in old]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = max(score[i - 1][j], score[i][j - 1])
            similarity = similar[i - 1][j - 1]
            if similarity:
                best = max(best, score[i - 1][j - 1] + similarity)
            score[i][j] = best
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        similarity = similar[i - 1][j - 1]
        if similarity and score[i][j] == score[i - 1][j - 1] + similarity:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    result: list[tuple[int | None, int | None]] = []
    next_old = next_new = 0
    for a, b in [*pairs, (n, m)]:
        result += [(k, None) for k in range(next_old, a)]
        result += [(None, k) for k in range(next_new, b)]
        if a < n and b < m:
            result.append((a, b))
        next_old, next_new = a + 1, b + 1
    return result


def _similarity(a: list[str], b: list[str], threshold: float) -> float:
    if a == b:
        return 1.0
    value = float(Indel.normalized_similarity(a, b))
    return value if value >= threshold else 0.0


def _tokens(paragraph: Paragraph, refs: RefContext) -> TokenParagraph:
    return TokenParagraph(paragraph.num, tokenize(paragraph.text, refs),
                          [_point_tokens(p, refs) for p in paragraph.points], tokenize(paragraph.wrapup, refs),
                          [_table_tokens(t, refs) for t in paragraph.tables])


def _table_tokens(table: Table, refs: RefContext) -> list[TokenRow]:
    return [TokenRow([tokenize(cell.text, refs) for cell in row.cells], row.header) for row in table.rows]


def _one_side_table(rows: list[TokenRow], kind: Kind, status: BlockStatus) -> TableChange:
    inserted = kind == "insert"
    return TableChange(tuple(RowChange(status, tuple(only(c, kind) for c in row.cells), row.header,
                                       None if inserted else k, k if inserted else None)
                             for k, row in enumerate(rows, start=1)))


def compare_tables(old: list[list[TokenRow]], new: list[list[TokenRow]]) -> tuple[TableChange, ...]:
    """Tables paired by position; in each, rows aligned by content, cells diffed word by word.

    A row deleted in one place and inserted unchanged (or nearly: ``MOVED_ROW``
    alike) in another is a move: the inserted row says where it came from and
    diffs the two, the deleted one where it went.
    """
    found = []
    for k in range(max(len(old), len(new))):
        if k >= len(old):
            found.append(_one_side_table(new[k], "insert", "inserted"))
        elif k >= len(new):
            found.append(_one_side_table(old[k], "delete", "deleted"))
        else:
            found.append(_rows(old[k], new[k]))
    return tuple(found)


MOVED_ROW = 0.8


def _cells(old: TokenRow, new: TokenRow) -> tuple[TextDiff, ...]:
    count = max(len(old.cells), len(new.cells))
    return tuple(diff(old.cells[c] if c < len(old.cells) else [], new.cells[c] if c < len(new.cells) else [])
                 for c in range(count))


def _rows(old: list[TokenRow], new: list[TokenRow]) -> TableChange:
    pairs = align([r.keys() for r in old], [r.keys() for r in new])
    gone = [a for a, b in pairs if b is None and a is not None and not old[a].header]
    came = [b for a, b in pairs if a is None and b is not None and not new[b].header]
    moved_to: dict[int, int] = {}
    for target in came:  # the most alike unpaired old row for each inserted one
        scored = [(_similarity(old[a].keys(), new[target].keys(), MOVED_ROW), a) for a in gone if a not in moved_to]
        best = max(scored, default=(0.0, -1))
        if best[0]:
            moved_to[best[1]] = target
    moved_from = {b: a for a, b in moved_to.items()}
    rows: list[RowChange] = []
    for i, j in pairs:
        if i is not None and j is not None:
            cells = _cells(old[i], new[j])
            status: BlockStatus = "amended" if any(c.changed for c in cells) else "equal"
            rows.append(RowChange(status, cells, new[j].header, i + 1, j + 1))
        elif j is not None:
            origin = moved_from.get(j)
            if origin is not None:
                rows.append(RowChange("inserted", _cells(old[origin], new[j]), new[j].header, None, j + 1,
                                      moved_from=origin + 1))
            else:
                rows.append(RowChange("inserted", tuple(only(c, "insert") for c in new[j].cells), new[j].header,
                                      None, j + 1))
        elif i is not None:
            rows.append(RowChange("deleted", tuple(only(c, "delete") for c in old[i].cells), old[i].header, i + 1,
                                  None, moved_to=moved_to[i] + 1 if i in moved_to else None))
    return TableChange(tuple(rows))


def _point_tokens(point: Point, refs: RefContext) -> TokenPoint:
    return TokenPoint(point.num, tokenize(point.text, refs))


def _one_side(paragraph: TokenParagraph, kind: Kind, status: BlockStatus) -> ParagraphChange:
    inserted = kind == "insert"
    nums = (None, paragraph.num) if inserted else (paragraph.num, None)
    points = tuple(PointChange(None if inserted else p.num, p.num if inserted else None, status, only(p.tokens, kind))
                   for p in paragraph.points)
    return ParagraphChange(nums[0], nums[1], status, only(paragraph.text, kind), points,
                           only(paragraph.wrapup, kind),
                           tables=tuple(_one_side_table(t, kind, status) for t in paragraph.tables))


def paired_paragraph(old: TokenParagraph, new: TokenParagraph) -> ParagraphChange:
    text = diff(old.text, new.text)
    wrapup = diff(old.wrapup, new.wrapup)
    points: list[PointChange] = []
    pairing = align([[p.num, *keys(p.tokens)] for p in old.points], [[p.num, *keys(p.tokens)] for p in new.points])
    for i, j in pairing:
        points.append(paired_block(None if i is None else (old.points[i].num, old.points[i].tokens),
                             None if j is None else (new.points[j].num, new.points[j].tokens)))
    tables = compare_tables(old.tables, new.tables)
    changed = (text.changed or wrapup.changed or any(t.changed for t in tables)
               or any(p.status != "equal" or p.old_num != p.new_num for p in points))
    return ParagraphChange(old.num, new.num, "amended" if changed else "equal", text, tuple(points), wrapup,
                           tables=tables)


def paired_block(old: tuple[str | None, list[Token]] | None, new: tuple[str | None, list[Token]] | None) -> PointChange:
    if old is None and new is not None:
        return PointChange(None, new[0], "inserted", only(new[1], "insert"))
    if new is None and old is not None:
        return PointChange(old[0], None, "deleted", only(old[1], "delete"))
    assert old is not None and new is not None
    text = diff(old[1], new[1])
    return PointChange(old[0], new[0], "amended" if text.changed else "equal", text)
