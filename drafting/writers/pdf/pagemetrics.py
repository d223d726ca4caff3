"""A pre-press operator's figures for any PDF, measured from its own word positions.

``pdftotext -bbox-layout`` (poppler) gives every word's box, line by line. From
those boxes alone, without knowing how the PDF was made, this module finds the
text columns of each page and reads the lines in order (page, band between
headings that run across the page, column, line), then counts:

- looseness: for each justified line (it reaches its column's right edge and is
  not the last of its paragraph) the mean gap between its words over the
  normal space (the median gap of unjustified lines of the same type size);
- hyphenated lines: share, the longest run of consecutive ones (a ladder),
  breaks leaving fewer than three letters on a side, breaks across a column or
  a page;
- a number parted from its word at a line end ("6-" | "бапқа", "статьи" | "53");
- column balance at the end of every section block (lines between the longest
  and the shortest column) and page fill (lines by which a page's shortest
  column stops above the type area's foot; the last page is exempt).

:func:`measure` returns :class:`Figures`; :func:`failures` compares them with the
targets of issue #15. ``scripts/measure_pages.py`` prints them for any PDF.
"""

from __future__ import annotations

import re
import statistics
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

HYPHENS = ("-", "\u2010", "\u00ad")
# a word that names the number after it ("статьи 53", "Article 62", "§ 3")
LABEL_STEMS = ("стат", "пункт", "подпункт", "част", "раздел", "глав", "приложени", "article", "paragraph",
               "point", "section", "chapter", "part", "annex", "§", "№", "no.", "бөлім", "тарау", "қосымша")
NUMBER_START = re.compile(r"^\(?(\d|[IVXLC]+\b)")
SUFFIXED_NUMBER_HEAD = re.compile(r"\d+[-\u2010]$")  # "6-" left at a line end, "бапқа" on the next
MARKER = re.compile(r"^\(?[\w]{1,3}\)$|^§$|^№$")  # "1)", "а)", "(a)", "§" left alone at a line end
LEADER = re.compile(r"^[.\u2026·]+$")

# the targets of issue #15
MAX_LOOSE_2X = 0.10
MAX_LOOSE_3X = 0.02
MAX_HYPHENATED = 0.20
MAX_LADDER = 2
MIN_FRAGMENT = 3
MAX_IMBALANCE_LINES = 1.0
MAX_SHORTFALL_LINES = 3.0


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Line:
    page: int
    words: list[Word]
    x0: float
    y0: float
    x1: float
    y1: float
    last_in_block: bool
    column: int = -1
    band: int = -1

    @property
    def height(self) -> float:
        return statistics.median(w.y1 - w.y0 for w in self.words)

    @property
    def gaps(self) -> list[float]:
        return [b.x0 - a.x1 for a, b in zip(self.words, self.words[1:])]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Segment:
    """The lines of one column between two headings (or page edges) that run across the page."""

    page: int
    band: int
    column: int
    lines: list[Line]


@dataclass
class Finding:
    page: int
    text: str


@dataclass
class Figures:
    path: str
    pages: int
    lines: int
    justified: int
    normal_space: float  # pt
    loose_2x: float  # share of justified lines
    loose_3x: float
    worst_gap: float  # pt
    worst_ratio: float
    hyphenated: float  # share of body lines
    hyphenated_lines: int
    longest_ladder: int
    short_fragments: int  # breaks with fewer than three letters on a side
    across_columns: int  # hyphenated across a column break (same page)
    across_pages: int
    number_splits: int
    worst_imbalance: float  # lines, at the end of a section block
    unbalanced_blocks: int
    worst_shortfall: float  # lines, pages but the last
    short_pages: list[int] = field(default_factory=list)
    examples: dict[str, list[Finding]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def bbox_layout(pdf: Path) -> bytes:
    """pdftotext's word boxes (XHTML) for ``pdf``."""
    done = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout


def read_lines(xhtml: bytes) -> tuple[list[Line], int]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                             recover=True)
    root = etree.fromstring(xhtml, parser)
    lines: list[Line] = []
    pages = [el for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("page")]
    for number, page in enumerate(pages, start=1):
        for block in (el for el in page.iter() if isinstance(el.tag, str) and el.tag.endswith("block")):
            found = []
            for line in (el for el in block if isinstance(el.tag, str) and el.tag.endswith("line")):
                words = [Word(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                              float(w.get("yMax")), w.text or "")
                         for w in line if isinstance(w.tag, str) and w.tag.endswith("word")]
                if words:
                    found.append(Line(number, words, min(w.x0 for w in words), min(w.y0 for w in words),
                                      max(w.x1 for w in words), max(w.y1 for w in words), False))
            if found:
                found[-1].last_in_block = True
                lines.extend(found)
    return lines, len(pages)


def _mode(values: list[float]) -> float:  # the commonest value (the smallest of a tie)
    counts: dict[float, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: (counts[v], -v))


def _columns(body: list[Line]) -> list[tuple[float, float]]:
    """(left, right) of the columns of one page: right edges shared by many lines, left edges they start at."""
    rights: dict[float, list[Line]] = {}
    for line in body:
        if len(line.words) >= 3:
            rights.setdefault(round(line.x1 * 2) / 2, []).append(line)
    peaks: list[float] = []
    for right in sorted(rights, key=lambda r: -len(rights[r])):
        if len(rights[right]) >= 3 and all(abs(right - p) > 3 for p in peaks):
            peaks.append(right)
    columns = []
    for right in sorted(peaks):
        members = [ln for ln in body if abs(ln.x1 - right) <= 1.0 and len(ln.words) >= 3]
        starts: dict[float, int] = {}
        for ln in members:
            starts[round(ln.x0, 1)] = starts.get(round(ln.x0, 1), 0) + 1
        left = min((x for x, n in starts.items() if n >= 2), default=min(starts))
        columns.append((left, max(ln.x1 for ln in members)))
    # a column whose left lies inside another's is a paragraph's indented edge, not a column
    kept = []
    for left, right in columns:
        if not any(o_left < left - 1 and o_right >= right - 1 and (o_left, o_right) != (left, right)
                   for o_left, o_right in columns):
            kept.append((left, right))
    return kept


def _letters(text: str, from_end: bool) -> int:
    chars = reversed(text) if from_end else iter(text)
    count = 0
    started = False
    for char in chars:
        if char.isalpha():
            count += 1
            started = True
        elif started or not (char in "([«\"'“„" or char in HYPHENS):
            break
    return count


def _is_label(word: str) -> bool:
    bare = word.strip(",;:«»\"()").lower()
    return bare in ("§", "№", "no.") or (bare.isalpha() and bare.startswith(LABEL_STEMS[:-3])) or \
        any(bare.startswith(stem) for stem in LABEL_STEMS[-3:])


def _number_split(line: Line, following: Line) -> bool:
    last, first = line.words[-1].text, following.words[0].text
    if SUFFIXED_NUMBER_HEAD.search(last):
        return True
    if MARKER.match(last):
        return True
    return _is_label(last) and bool(NUMBER_START.match(first))


def measure(pdf: Path, normal_space: float | None = None) -> Figures:
    """The figures of one PDF (``normal_space`` in pt: measured from its unjustified lines when not given)."""
    lines, pages = read_lines(bbox_layout(pdf))
    if not lines:
        raise ValueError(f"{pdf}: no text to measure")
    body_height = _mode([round(line.height, 1) for line in lines for _ in line.words])
    for line in lines:
        line.column = -2 if abs(line.height - body_height) > 0.05 * body_height else -1

    segments: list[Segment] = []
    grids: dict[int, list[tuple[float, float]]] = {}
    for page in range(1, pages + 1):
        on_page = [ln for ln in lines if ln.page == page]
        body = [ln for ln in on_page if ln.column == -1]
        grid = _columns(body)
        grids[page] = grid
        for line in on_page:
            inside = [i for i, (left, right) in enumerate(grid) if left - 1.5 <= line.x0 and line.x1 <= right + 1.5]
            line.column = inside[0] if inside and line.column == -1 else -2 if not inside else -3
        # -2: runs across columns (a separator); -3: other type inside a column (ignored)
        separators = sorted(ln.y0 for ln in on_page if ln.column == -2)
        for line in on_page:
            if line.column >= 0:
                line.band = sum(1 for y in separators if y < line.y0)
        bands = sorted({ln.band for ln in on_page if ln.column >= 0})
        for band in bands:
            for column in range(len(grid)):
                members = sorted((ln for ln in on_page if ln.band == band and ln.column == column),
                                 key=lambda ln: ln.y0)
                if members:
                    segments.append(Segment(page, band, column, members))

    ordered = [line for segment in segments for line in segment.lines]
    pitch = statistics.median(b.y0 - a.y0 for s in segments for a, b in zip(s.lines, s.lines[1:])
                              if 0 < b.y0 - a.y0 < 3 * body_height) if len(ordered) > 1 else body_height

    def tokens_only_leaders(line: Line) -> bool:
        return sum(bool(LEADER.match(w.text)) for w in line.words) >= 2

    right_of: dict[tuple[int, int], float] = {(p, i): r for p, grid in grids.items() for i, (_, r) in enumerate(grid)}
    justified = [ln for ln in ordered if len(ln.words) >= 2 and not tokens_only_leaders(ln)
                 and ln.x1 >= right_of[(ln.page, ln.column)] - 0.6]
    if normal_space is None:
        ragged = [g for ln in ordered if ln.x1 < right_of[(ln.page, ln.column)] - 3 and len(ln.words) >= 3
                  and not tokens_only_leaders(ln) for g in ln.gaps if g > 0]
        normal_space = statistics.median(ragged) if ragged else 0.24 * body_height / 1.29
    ratios = [(statistics.fmean(ln.gaps) / normal_space, max(ln.gaps), ln) for ln in justified]
    examples: dict[str, list[Finding]] = {key: [] for key in
                                          ("loose", "ladder", "fragment", "across", "number", "unbalanced")}

    def note(key: str, line: Line, text: str) -> None:
        if len(examples[key]) < 8:
            examples[key].append(Finding(line.page, text))

    for ratio, _, line in sorted(ratios, key=lambda r: -r[0])[:8]:
        if ratio > 2:
            note("loose", line, f"{ratio:.1f}x: {line.text}")

    hyphenated = 0
    ladder = longest = 0
    fragments = across_columns = across_pages = splits = 0
    flat = [(s, i) for s in segments for i in range(len(s.lines))]
    for index, (segment, i) in enumerate(flat):
        line = segment.lines[i]
        following = None
        crossing = ""
        if i + 1 < len(segment.lines):
            following = segment.lines[i + 1]
        elif index + 1 < len(flat):
            next_segment, _ = flat[index + 1]
            following = next_segment.lines[0]
            crossing = "page" if next_segment.page != segment.page else "column"
        last = line.words[-1].text
        if following is not None and _number_split(line, following):
            splits += 1
            note("number", line, f"{last} | {following.words[0].text}")
        if last.endswith(HYPHENS) and len(last) > 1 and following is not None:
            hyphenated += 1
            ladder = ladder + 1 if i > 0 or crossing == "" else 1
            longest = max(longest, ladder)
            if ladder > MAX_LADDER:
                note("ladder", line, f"{ladder} in a row: {last}")
            head = last.rstrip("".join(HYPHENS)).split("-")[-1]
            tail = following.words[0].text
            if _letters(head, True) < MIN_FRAGMENT or _letters(tail, False) < MIN_FRAGMENT:
                fragments += 1
                note("fragment", line, f"{last} | {tail}")
            if crossing:
                across_pages += crossing == "page"
                across_columns += crossing == "column"
                note("across", line, f"{crossing}: {last} | {tail}")
        else:
            ladder = 0

    imbalance, unbalanced, shortfalls = _balance(segments, grids, pitch, pages)
    worst_imbalance = max((v for v, _, _ in imbalance), default=0.0)
    for value, page, text in imbalance:
        if value > MAX_IMBALANCE_LINES + 0.05:
            examples["unbalanced"].append(Finding(page, text))
    body_count = len(ordered)
    return Figures(
        path=str(pdf), pages=pages, lines=body_count, justified=len(justified), normal_space=round(normal_space, 3),
        loose_2x=_share(sum(r > 2 for r, _, _ in ratios), len(ratios)),
        loose_3x=_share(sum(r > 3 for r, _, _ in ratios), len(ratios)),
        worst_gap=round(max((g for _, g, _ in ratios), default=0.0), 2),
        worst_ratio=round(max((r for r, _, _ in ratios), default=0.0), 2),
        hyphenated=_share(hyphenated, body_count), hyphenated_lines=hyphenated, longest_ladder=longest,
        short_fragments=fragments, across_columns=across_columns, across_pages=across_pages, number_splits=splits,
        worst_imbalance=round(worst_imbalance, 2), unbalanced_blocks=unbalanced,
        worst_shortfall=round(max(shortfalls.values(), default=0.0), 2),
        short_pages=sorted(p for p, v in shortfalls.items() if v > MAX_SHORTFALL_LINES), examples=examples)


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _balance(segments: list[Segment], grids: dict[int, list[tuple[float, float]]], pitch: float,
             pages: int) -> tuple[list[tuple[float, int, str]], int, dict[int, float]]:
    """Imbalance of every block that ends a section (on its page), and each page's shortfall."""
    blocks: dict[tuple[int, int], list[Segment]] = {}
    for segment in segments:
        blocks.setdefault((segment.page, segment.band), []).append(segment)
    foot = max(ln.y1 for s in segments for ln in s.lines)
    results = []
    unbalanced = 0
    shortfalls: dict[int, float] = {}
    keys = sorted(blocks)
    for position, (page, band) in enumerate(keys):
        members = blocks[(page, band)]
        columns = len(grids[page])
        last_on_page = position + 1 == len(keys) or keys[position + 1][0] != page
        bottoms = [max(ln.y1 for ln in s.lines) for s in members]
        top = min(ln.y0 for s in members for ln in s.lines)
        count = sum(len(s.lines) for s in members)
        if len(members) < columns and count >= columns:
            bottoms += [top] * (columns - len(members))  # an empty column in a block long enough to fill it
        spread = (max(bottoms) - min(bottoms)) / pitch
        ends_section = not last_on_page or position + 1 == len(keys)
        reaches_foot = max(bottoms) >= foot - pitch * 0.5
        if ends_section or not reaches_foot:
            results.append((spread, page, f"page {page}, block {band}: columns differ by {spread:.1f} lines"))
            unbalanced += spread > MAX_IMBALANCE_LINES + 0.05
        if last_on_page and page < pages:
            shortfalls[page] = max(0.0, (foot - min(bottoms)) / pitch)
    return results, unbalanced, shortfalls


def failures(figures: Figures) -> list[str]:
    """The targets of issue #15 that these figures miss (empty when every one holds)."""
    checks = [
        (figures.loose_2x <= MAX_LOOSE_2X, f"{figures.loose_2x:.1%} of justified lines above 2x the normal space "
                                           f"(target at most {MAX_LOOSE_2X:.0%})"),
        (figures.loose_3x <= MAX_LOOSE_3X, f"{figures.loose_3x:.1%} of justified lines above 3x (target at most "
                                           f"{MAX_LOOSE_3X:.0%})"),
        (figures.hyphenated <= MAX_HYPHENATED, f"{figures.hyphenated:.1%} of lines hyphenated (target at most "
                                               f"{MAX_HYPHENATED:.0%})"),
        (figures.longest_ladder <= MAX_LADDER, f"{figures.longest_ladder} hyphenated lines in a row (at most "
                                               f"{MAX_LADDER})"),
        (figures.short_fragments == 0, f"{figures.short_fragments} breaks with fewer than {MIN_FRAGMENT} letters "
                                       "on a side"),
        (figures.across_columns + figures.across_pages == 0,
         f"{figures.across_columns} words hyphenated across a column, {figures.across_pages} across a page"),
        (figures.number_splits == 0, f"{figures.number_splits} numbers parted from their word"),
        (figures.unbalanced_blocks == 0, f"{figures.unbalanced_blocks} section blocks with columns more than one line apart "
                                  f"(worst {figures.worst_imbalance:.1f})"),
        (not figures.short_pages, f"pages {figures.short_pages} stop more than {MAX_SHORTFALL_LINES:.0f} lines "
                                  f"short of the type area (worst {figures.worst_shortfall:.1f})"),
    ]
    return [message for ok, message in checks if not ok]
