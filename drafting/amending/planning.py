"""Planning an amending act: from OLD and NEW, the instructions a drafter would write.

Articles are matched by stable id (an id that disappears is a repeal, a new one an
insertion; an article that changed its container or its place among the others is
repealed where it stood and inserted where it stands). Inside a matched article,
paragraphs and points are paired by number (the number is what an instruction names),
and the words of a unit are compared with the redline's word diff over the unit's
source text (``writers/redline/words.py``). The granularity is a drafter's:
- a few changed words (``WORD_RUNS`` runs at most, under ``WORDS_SHARE`` of the unit's
  words) are replaced, added or deleted as words;
- a unit changed more than that is restated; a paragraph whose points changed but
  whose own text did not gets instructions for its points;
- an article where more than half of the paragraphs (or of the words) changed is
  restated whole, and so is any article whose front matter changed.
Every decision is taken over all languages at once, so the texts align instruction by
instruction: where the languages disagree (a words change in one, a restatement in
another), every language gets the coarser one. Each article's instructions are then
applied to OLD's file (``applying.py``) and must give NEW's file byte for byte, in every
language; where they do not, the article is restated whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from drafting.amending.headings import CannotRetitle, retitle, titles
from drafting.amending.applying import CannotApply, PUNCTUATION, apply_to_article, apply_words, renumber_front_matter
from drafting.amending.instructions import (PREAMBLE, UNNUMBERED, WORK, Amendment, Group, Instruction, Insertion,
                                            Quoted, Target, Words)
from drafting.amending.spans import Span, unit_spans, unit_text
from drafting.diagnostics import DraftingError
from drafting.model import Article, Work
from drafting.profile import Profile
from drafting.source.markup import prepare
from drafting.source.reader import CONCLUSIONS_RE, CONTAINER_TEXT_RE, JUSTIFICATIONS_FILE, TRANSLATIONS_FILE
from drafting.source.yamldoc import split_front_matter
from drafting.writers.redline.words import diff, token_offsets, tokenize_plain

WORD_RUNS = 3
RANGE_MIN = 3  # consecutive renumbered articles written as one item
WORDS_SHARE = 0.4
ARTICLE_SHARE = 0.5
_WORDY = re.compile(r"[^\W\d_]{2}")
_NOT_QUOTABLE = re.compile(r"[\n\[\]()*_`\\<>«»^&|#]")


@dataclass(frozen=True)
class Revision:
    """One side of the comparison: the model and the source files' texts (path in the folder -> text)."""

    work: Work
    texts: dict[str, str]


@dataclass(frozen=True)
class _Placed:
    article: Article  # in the first language
    folder: str
    stem: str
    index: int

    @property
    def file(self) -> str:
        return f"{self.folder}/{self.stem}" if self.folder else self.stem


def plan(old: Revision, new: Revision, short: str, uri: str) -> Amendment:
    """The instructions that turn ``old`` into ``new``, grouped by article and numbered 1), 2), ..."""
    return _Planner(old, new, short).amendment(uri)


class _Planner:
    def __init__(self, old: Revision, new: Revision, short: str) -> None:
        self.old, self.new, self.short = old, new, short
        self.langs = old.work.meta.codes
        if set(new.work.meta.codes) != set(self.langs):
            raise DraftingError(f"OLD has the languages {', '.join(self.langs)} and NEW "
                                f"{', '.join(new.work.meta.codes)}: an amending act is written in the same languages")
        self.profile: Profile = old.work.profile

    # -- the act -----------------------------------------------------------------------
    def amendment(self, uri: str) -> Amendment:
        changed = sorted(path for path in set(self.old.texts) | set(self.new.texts)
                         if _outside_articles(path) and self.old.texts.get(path) != self.new.texts.get(path))
        retitles = {path: made for path in changed if (made := self._retitle(path)) is not None}
        unsaid = [path for path in changed if path not in retitles]
        if unsaid:
            raise DraftingError(f"an amending act cannot say yet what changed in {', '.join(unsaid[:5])}"
                                f"{' …' if len(unsaid) > 5 else ''} (containers and annexes: only a section's "
                                "heading alone can be restated): amend the articles and change those files in a "
                                "version of their own")
        groups: list[tuple[str | None, str | None, list[Instruction]]] = []
        preamble = self._preamble()
        if preamble:
            groups.append((None, None, preamble))
        pending = sorted(retitles.items())  # (metadata file, instruction), in folder order

        def retitled_before(placed: _Placed | None) -> None:
            folder = placed.folder if placed is not None else None
            while pending and (folder is None or _inside(folder, _folder_of(pending[0][0]))
                               or folder > _folder_of(pending[0][0])):
                groups.append((None, None, [pending.pop(0)[1]]))

        for kind, old, new in self._sequence():
            retitled_before(new if new is not None else old)
            if kind == "insert":
                assert new is not None
                groups.append((None, None, [self._insert_article(new)]))
            elif kind == "repeal":
                assert old is not None
                groups.append((old.article.id, old.article.num,
                               [Instruction("repeal", self._target(old.article))]))
            else:
                assert old is not None and new is not None
                found = self._article(old, new)
                if found:
                    groups.append((old.article.id, old.article.num, found))
        retitled_before(None)
        numbered = tuple(Group(k + 1, art, num, tuple(items), ranged)
                         for k, (art, num, items, ranged) in enumerate(self._ranges(groups)))
        return Amendment(self.short, uri, tuple(self.langs), numbered)

    def _ranges(self, groups: list[tuple[str | None, str | None, list[Instruction]]]) \
            -> list[tuple[str | None, str | None, list[Instruction], bool]]:
        """Runs of RANGE_MIN or more items that each only renumber the next article of OLD by the same shift,
        as one item ("статьи 30–37 считать соответственно статьями 31–38"). Only where article numbers run
        through the act in arabic numerals, so that the range names every article between."""
        level = self.profile.article_level
        plain = [(a, n, items, False) for a, n, items in groups]
        if level.numbering != "continuous" or level.style != "arabic":
            return plain
        order = {p.article.id: p.index for p in self._placed(self.old)}
        out: list[tuple[str | None, str | None, list[Instruction], bool]] = []
        run: list[Instruction] = []

        def flush() -> None:
            if len(run) >= RANGE_MIN:
                out.append((None, None, list(run), True))
            else:
                out.extend((i.target.article, i.target.article_num, [i], False) for i in run)
            run.clear()

        def follows(last: Instruction, item: Instruction) -> bool:
            old_last, old_item = last.target.article_num or "", item.target.article_num or ""
            new_last, new_item = last.number or "", item.number or ""
            if not all(v.isdigit() for v in (old_last, old_item, new_last, new_item)):
                return False
            return order.get(item.target.article or "") == order.get(last.target.article or "", -2) + 1 \
                and int(old_item) == int(old_last) + 1 and int(new_item) - int(old_item) == int(new_last) - int(old_last)

        for article, num, items, _ in plain:
            only = items[0] if len(items) == 1 else None
            single = only is not None and only.kind == "renumber" and not only.target.path and \
                only.target.article is not None and (only.number or "").isdigit()
            if only is not None and single and (not run or follows(run[-1], only)):
                run.append(only)
                continue
            flush()
            if only is not None and single:
                run.append(only)
            else:
                out.append((article, num, items, False))
        flush()
        return out

    def _retitle(self, path: str) -> Instruction | None:
        """A container's metadata file whose titles are all that changed: its retitle instruction, else None."""
        old_text, new_text = self.old.texts.get(path), self.new.texts.get(path)
        if old_text is None or new_text is None:
            return None
        container = next((c for c in self.old.work.expression(self.langs[0]).containers()
                          if c.loc.path == path or c.loc.path.endswith("/" + path)), None)
        if container is None:
            return None
        new_titles = titles(new_text)
        text = old_text
        try:
            for lang in self.langs:
                if lang not in new_titles:
                    return None
                text = retitle(text, lang, new_titles[lang])
        except CannotRetitle:
            return None
        if text != new_text:
            return None  # more than the titles changed (a number, the id, a comment)
        target = Target(self.short, None, None, (), container.level, container.id, container.num)
        return Instruction("retitle", target, words={lang: Words(new=new_titles[lang]) for lang in self.langs})

    def _placed(self, revision: Revision) -> list[_Placed]:
        lang = self.langs[0]
        names: dict[str, list[str]] = {}
        for path in revision.texts:
            names.setdefault(PurePosixPath(path).name, []).append(path)
        found = []
        for index, article in enumerate(revision.work.expression(lang).articles()):
            candidates = names.get(f"{article.stem}.{lang}.md", [])
            path = next((p for p in candidates if article.loc.path.endswith(p)), candidates[0] if candidates else "")
            folder = str(PurePosixPath(path).parent) if path else ""
            found.append(_Placed(article, "" if folder == "." else folder, article.stem, index))
        return found

    def _sequence(self) -> list[tuple[str, _Placed | None, _Placed | None]]:
        """change / insert / repeal, in document order (a repealed article where it stood)."""
        olds, news = self._placed(self.old), self._placed(self.new)
        old_by_id = {p.article.id: p for p in olds}
        common = [n for n in news if n.article.id in old_by_id]
        staying = _in_order([old_by_id[n.article.id].index for n in common])
        stays = {n.article.id for n, ok in zip(common, staying)
                 if ok and old_by_id[n.article.id].folder == n.folder}
        keyed: list[tuple[tuple[int, int, int], tuple[str, _Placed | None, _Placed | None]]] = []
        new_index = {n.article.id: n.index for n in news}
        for n in news:
            if n.article.id in stays:
                keyed.append(((n.index, 1, 0), ("change", old_by_id[n.article.id], n)))
            else:
                keyed.append(((n.index, 1, 0), ("insert", None, n)))
        last = -1
        for o in olds:
            if o.article.id in stays:
                last = new_index[o.article.id]
            else:
                keyed.append(((last, 2, o.index), ("repeal", o, None)))
        return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]

    # -- targets and texts -------------------------------------------------------------------
    def _target(self, article: Article, path: tuple[str, ...] = ()) -> Target:
        if path == (UNNUMBERED,):
            path = ()
        level = "article" if not path else self._level_at(path)
        return Target(self.short, article.id, article.num, path, level)

    def _level_at(self, path: tuple[str, ...]) -> str:
        depth = len(path) - (1 if path[0] == UNNUMBERED else 0)
        if path[0] == UNNUMBERED:
            return self.profile.point_level(len(path) - 1).name
        return self.profile.paragraph_level.name if depth == 1 else self.profile.point_level(depth - 1).name

    def _text(self, revision: Revision, placed: _Placed, lang: str) -> str:
        return revision.texts[f"{placed.file}.{lang}.md"]

    # -- the preamble -----------------------------------------------------------------------
    def _preamble(self) -> list[Instruction]:
        old = {lang: self.old.texts.get(f"preamble.{lang}.md") for lang in self.langs}
        new = {lang: self.new.texts.get(f"preamble.{lang}.md") for lang in self.langs}
        if old == new:
            return []
        target = Target(self.short, None, None, (), PREAMBLE)
        if all(text is None for text in new.values()):
            return [Instruction("repeal", target)]
        quoted = {lang: _quoted(text or "", "preamble") for lang, text in new.items()}
        if all(text is None for text in old.values()):
            return [Instruction("insert", Target(self.short, None, None, (), WORK), Insertion(PREAMBLE, ""),
                                quoted=quoted)]
        return [Instruction("restate", target, quoted=quoted)]

    # -- articles -----------------------------------------------------------------------------
    def _insert_article(self, new: _Placed) -> Instruction:
        quoted = {lang: _quoted(self._text(self.new, new, lang), new.file) for lang in self.langs}
        return Instruction("insert", Target(self.short, None, None, (), WORK),
                           Insertion("article", new.article.num), quoted=quoted)

    def _restate_article(self, old: _Placed, new: _Placed) -> list[Instruction]:
        quoted = {lang: _quoted(self._text(self.new, new, lang), new.file) for lang in self.langs}
        return [Instruction("restate", self._target(old.article), quoted=quoted)]

    def _article(self, old: _Placed, new: _Placed) -> list[Instruction]:
        olds = {lang: self._text(self.old, old, lang) for lang in self.langs}
        news = {lang: self._text(self.new, new, lang) for lang in self.langs}
        if olds == news and old.file == new.file:
            return []
        renumbered = old.article.num != new.article.num
        if not renumbered and old.file != new.file:
            return self._restate_article(old, new)
        expected: dict[str, str] = {}
        for lang in self.langs:
            try:
                start = renumber_front_matter(olds[lang], new.article.num) if renumbered else olds[lang]
            except CannotApply:
                return self._restate_article(old, new)
            if split_front_matter(start)[0] != split_front_matter(news[lang])[0]:
                return self._restate_article(old, new)  # heading or id changed
            expected[lang] = start
        body = self._unit(old.article, (), olds, news)
        if body is None or self._mostly(body, olds):
            return self._restate_article(old, new)
        for lang in self.langs:
            try:
                if apply_to_article(olds[lang], body, lang, self.profile) != news[lang].replace(
                        split_front_matter(news[lang])[0] or "", split_front_matter(olds[lang])[0] or "", 1) \
                        and apply_to_article(expected[lang], body, lang, self.profile) != news[lang]:
                    return self._restate_article(old, new)
            except CannotApply:
                return self._restate_article(old, new)
        if renumbered:
            body.append(Instruction("renumber", self._target(old.article), number=new.article.num,
                                    file=new.file if new.file != old.file else None))
        return body

    def _mostly(self, found: list[Instruction], olds: dict[str, str]) -> bool:
        """Most of the article changes: restate it whole."""
        spans = unit_spans(olds[self.langs[0]], self.profile)
        paragraphs: list[tuple[str, ...]] = [p for p in spans if len(p) == 1]
        paragraphs = paragraphs or [p for p in spans if len(p) == 2 and p[0] == UNNUMBERED]
        coarse = [i for i in found if i.kind in ("restate", "insert", "repeal")]
        if len(paragraphs) > 1 and len(coarse) * 2 > len(paragraphs):
            return True
        return any(i.kind in ("restate",) and i.target.level == "article" for i in found)

    # -- units inside an article ---------------------------------------------------------------
    def _unit(self, article: Article, path: tuple[str, ...], olds: dict[str, str],
              news: dict[str, str]) -> list[Instruction] | None:
        """Instructions for the unit at ``path`` ("()": the article's body), or None: restate the article."""
        old_spans = {lang: unit_spans(olds[lang], self.profile) for lang in self.langs}
        new_spans = {lang: unit_spans(news[lang], self.profile) for lang in self.langs}
        old_texts = {lang: _span_text(olds[lang], old_spans[lang], path) for lang in self.langs}
        new_texts = {lang: _span_text(news[lang], new_spans[lang], path) for lang in self.langs}
        if None in old_texts.values() or None in new_texts.values():
            return None
        if old_texts == new_texts:
            return []
        words = self._words(article, path, old_texts, new_texts, old_spans, olds)  # type: ignore[arg-type]
        if words is not None:
            return words
        children_old = _children(old_spans[self.langs[0]], path)
        children_new = _children(new_spans[self.langs[0]], path)
        if any(_children(old_spans[lang], path) != children_old or _children(new_spans[lang], path) != children_new
               for lang in self.langs):
            return None  # the languages disagree on the units (the check would have said so)
        if not children_old or not children_new:
            return self._restate(article, path, news, new_spans) if path else None
        own_same = all(_own_text(olds[lang], old_spans[lang], path) == _own_text(news[lang], new_spans[lang], path)
                       for lang in self.langs)
        if not own_same:
            return self._restate(article, path, news, new_spans) if path else None
        found: list[Instruction] = []
        new_set = set(children_new)
        parent = () if path == (UNNUMBERED,) else path
        pending = [child for child in children_old if child not in new_set]  # repealed, in OLD's order
        old_index = {child: k for k, child in enumerate(children_old)}
        for child in children_new:
            if child in old_index:
                while pending and old_index[pending[0]] < old_index[child]:
                    found.append(Instruction("repeal", self._target(article, pending.pop(0))))
                inner = self._unit(article, child, olds, news)
                if inner is None:
                    return None
                found.extend(inner)
            else:
                quoted = {lang: Quoted(unit_text(news[lang], new_spans[lang][child])) for lang in self.langs}
                target = self._target(article, parent) if parent else self._target(article)
                found.append(Instruction("insert", target, Insertion(self._level_at(child), child[-1]), quoted=quoted))
        found.extend(Instruction("repeal", self._target(article, child)) for child in pending)
        return found

    def _restate(self, article: Article, path: tuple[str, ...], news: dict[str, str],
                 new_spans: dict[str, dict[tuple[str, ...], Span]]) -> list[Instruction] | None:
        if path == (UNNUMBERED,):
            return None
        quoted = {}
        for lang in self.langs:
            span = new_spans[lang].get(path)
            if span is None:
                return None
            quoted[lang] = Quoted(unit_text(news[lang], span))
        return [Instruction("restate", self._target(article, path), quoted=quoted)]

    # -- words ------------------------------------------------------------------------------------
    def _words(self, article: Article, path: tuple[str, ...], old_texts: dict[str, str], new_texts: dict[str, str],
               old_spans: dict[str, dict[tuple[str, ...], Span]], olds: dict[str, str]) -> list[Instruction] | None:
        """Words instructions for the whole unit, the same in every language, or None."""
        per_lang: dict[str, list[tuple[str, Words, int]]] = {}
        for lang in self.langs:
            found = _word_changes(old_texts[lang], new_texts[lang])
            if found is None:
                return None
            per_lang[lang] = found
        counts = {len(found) for found in per_lang.values()}
        if len(counts) != 1 or not counts.pop():
            return None
        first = per_lang[self.langs[0]]
        instructions = []
        for index in range(len(first)):
            kinds = {per_lang[lang][index][0] for lang in self.langs}
            if len(kinds) != 1:
                return None
            # the smallest unit holding the change, in the first language; the same path in every language
            targets = set()
            for lang in self.langs:
                offset = per_lang[lang][index][2]
                line = _span_start(olds[lang], old_spans[lang], path) + old_texts[lang].count("\n", 0, offset)
                targets.add(_deepest(old_spans[lang], path, line))
            if len(targets) != 1:
                target_path = path
            else:
                target_path = targets.pop()
            instructions.append(Instruction(first[index][0], self._target(article, target_path),  # type: ignore[arg-type]
                                            words={lang: per_lang[lang][index][1] for lang in self.langs}))
        # uniqueness in the target unit at the time each applies: checked by applying them
        for lang in self.langs:
            try:
                apply_to_article(olds[lang], instructions, lang, self.profile)
            except CannotApply:
                return None
        return instructions


def _marker_tokens(text: str, offsets: list[tuple[int, int]]) -> set[int]:
    """The tokens that are list markers (``2.``, ``9-1)``): never quoted, a words instruction changes text only."""
    _, markers = prepare(text)
    ranges = []
    start = 0
    for index, line in enumerate(text.split("\n")):
        marker = markers.get(index)
        if marker is not None:
            at = start + len(line) - len(line.lstrip())
            ranges.append((at, at + len(marker.text)))
        start += len(line) + 1
    return {k for k, (a, b) in enumerate(offsets) if any(a < end and b > begin for begin, end in ranges)}


def _word_changes(old: str, new: str) -> list[tuple[str, Words, int]] | None:
    """The word runs that turn ``old`` into ``new``, each quotable and unique where it applies, or None."""
    old_tokens, new_tokens = tokenize_plain(old), tokenize_plain(new)
    if not old_tokens or not new_tokens:
        return None
    old_at, new_at = token_offsets(old), token_offsets(new)
    if len(old_at) != len(old_tokens) or len(new_at) != len(new_tokens):
        return None
    runs: list[tuple[int, int, int, int]] = []  # old tokens [a, b), new tokens [c, d)
    i = j = 0
    pending: tuple[int, int] | None = None
    for segment in diff(old_tokens, new_tokens).segments:
        size = len(segment.tokens)
        if segment.kind == "equal":
            if pending is not None:
                runs.append((pending[0], i, pending[1], j))
                pending = None
            i += size
            j += size
        else:
            if pending is None:
                pending = (i, j)
            if segment.kind == "delete":
                i += size
            else:
                j += size
    if pending is not None:
        runs.append((pending[0], i, pending[1], j))
    changed = sum(max(b - a, d - c) for a, b, c, d in runs)
    if not runs or len(runs) > WORD_RUNS or changed > WORDS_SHARE * len(old_tokens):
        return None
    fixed_old, fixed_new = _marker_tokens(old, old_at), _marker_tokens(new, new_at)
    found: list[tuple[str, Words, int]] = []
    current = old
    for a, b, c, d in runs:
        made = _quote(current, _Sides(old, new, old_at, new_at, fixed_old, fixed_new), a, b, c, d)
        if made is None:
            return None
        kind, words, offset = made
        current = apply_words(current, kind, words)
        found.append((kind, words, offset))
    return found if current == new else None


@dataclass(frozen=True)
class _Sides:
    old: str
    new: str
    old_at: list[tuple[int, int]]
    new_at: list[tuple[int, int]]
    fixed_old: set[int]
    fixed_new: set[int]


def _quote(current: str, sides: _Sides, a: int, b: int, c: int, d: int) -> tuple[str, Words, int] | None:
    """One run (old tokens [a, b) -> new tokens [c, d)) as words: the plain kind where it gives NEW's text
    up to the run's end, else with the fewest neighbouring words quoted too (a replacement)."""
    old, new, old_at, new_at = sides.old, sides.new, sides.old_at, sides.new_at
    for extra in range(0, 7):
        for left in range(extra, -1, -1):
            right = extra - left
            lo, hi, nlo, nhi = a - left, b + right, c - left, d + right
            if lo < 0 or nlo < 0 or hi > len(old_at) or nhi > len(new_at):
                continue
            if any(k in sides.fixed_old for k in range(lo, hi)) or any(k in sides.fixed_new for k in range(nlo, nhi)):
                continue
            old_words = old[old_at[lo][0]:old_at[hi - 1][1]] if hi > lo else ""
            new_words = new[new_at[nlo][0]:new_at[nhi - 1][1]] if nhi > nlo else ""
            if not old_words and new_words:
                if lo == 0 or lo - 1 in sides.fixed_old:
                    continue
                kind, words = "add-words", Words(new=new_words, after=old[old_at[lo - 1][0]:old_at[lo - 1][1]])
                offset = old_at[lo - 1][0]
            elif old_words and not new_words:
                kind, words, offset = "delete-words", Words(old=old_words), old_at[lo][0]
            elif old_words and new_words:
                kind, words, offset = "replace-words", Words(old=old_words, new=new_words), old_at[lo][0]
            else:
                continue
            if any(_NOT_QUOTABLE.search(t) or t != t.strip() for t in (words.old, words.new, words.after) if t):
                continue
            if not all(_WORDY.search(t) for t in (words.old, words.new, words.after) if t):
                continue  # a drafter quotes words, never a lone number or punctuation mark
            needle = words.after or words.old
            if current.count(needle) != 1:
                continue
            result = apply_words(current, kind, words)
            end = new_at[nhi - 1][1] if nhi > nlo else new_at[nlo - 1][1]
            done = len(old) - (old_at[hi - 1][1] if hi > lo else old_at[lo - 1][1])
            # the result agrees with NEW up to the run's end, and the rest is the old text's rest
            if result[:end] == new[:end] and result[len(result) - done:] == old[len(old) - done:] \
                    and len(result) - done == end:
                return kind, words, offset
    return None


def _in_order(values: list[int]) -> list[bool]:
    """Which values are part of one longest increasing subsequence (the articles that stay in place)."""
    from bisect import bisect_left

    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        at = bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[at] = value
            tail_index[at] = k
        previous[k] = tail_index[at - 1] if at else -1
    keep = [False] * len(values)
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        keep[k] = True
        k = previous[k]
    return keep


def _outside_articles(path: str) -> bool:
    """Files no article instruction changes: container metadata, a container's own text, the closing text and
    annexes. work.yaml, profiles and the records beside the text (translations.yaml, justifications.yaml) are not
    the act's text."""
    name = PurePosixPath(path).name
    if name in ("work.yaml", TRANSLATIONS_FILE, JUSTIFICATIONS_FILE) or path.startswith("profiles/"):
        return False
    return path.startswith("annexes/") or name.endswith(".yaml") or bool(CONTAINER_TEXT_RE.match(name)) \
        or bool(CONCLUSIONS_RE.match(name))


def _folder_of(path: str) -> str:
    return str(PurePosixPath(path).parent)


def _inside(folder: str, container: str) -> bool:
    return folder == container or folder.startswith(container + "/")


def _quoted(text: str, file: str) -> Quoted:
    return Quoted(text if text.endswith("\n") or not text else text + "\n", file, text.endswith("\n") or not text)


def _children(spans: dict[tuple[str, ...], Span], path: tuple[str, ...]) -> list[tuple[str, ...]]:
    if path == ():
        tops: list[tuple[str, ...]] = [p for p in spans if len(p) == 1]
        if tops:
            return tops
        return [p for p in spans if len(p) == 2 and p[0] == UNNUMBERED]
    return [p for p in spans if len(p) == len(path) + 1 and p[:len(path)] == path]


def _span_start(text: str, spans: dict[tuple[str, ...], Span], path: tuple[str, ...]) -> int:
    if path in ((), (UNNUMBERED,)):
        return split_front_matter(text)[2] - 1
    return spans[path].start


def _span_text(text: str, spans: dict[tuple[str, ...], Span], path: tuple[str, ...]) -> str | None:
    if path in ((), (UNNUMBERED,)):
        _, body, _ = split_front_matter(text)
        return body
    span = spans.get(path)
    return unit_text(text, span) if span else None


def _own_text(text: str, spans: dict[tuple[str, ...], Span], path: tuple[str, ...]) -> str:
    """The unit's lines outside its children's spans."""
    lines = text.split("\n")
    if path in ((), (UNNUMBERED,)):
        start, end = split_front_matter(text)[2] - 1, len(lines)
    else:
        start, end = spans[path].start, spans[path].end
    inside: set[int] = set()
    for child in _children(spans, path):
        inside.update(range(spans[child].start, spans[child].end))
    return "\n".join(line for k, line in enumerate(lines[start:end], start) if k not in inside).strip("\n")


def _deepest(spans: dict[tuple[str, ...], Span], path: tuple[str, ...], line: int) -> tuple[str, ...]:
    best = path
    for candidate, span in spans.items():
        if span.start <= line < span.end and candidate[:len(path)] == path and len(candidate) > len(best):
            best = candidate
    if best == (UNNUMBERED,):
        return ()
    return best
