"""A redline is a function of two models: match articles, diff them, lay the result out in reading order.

Reading order is the new text's; a deleted article stands where it stood in the
old text (after the article that preceded it, if that one is still in the same
section), a deleted section after the section that preceded it.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.model import Annex, Article, Expression, Section, Work
from drafting.writers.redline.align import Versions, compare_article, compare_blocks
from drafting.writers.redline.changes import ArticleChange, PreambleChange, Redline, SectionChange, Side, Status
from drafting.writers.redline.moves import find_moves
from drafting.writers.redline.matching import DEFAULT_THRESHOLD, Match, match_articles, match_sections
from drafting.writers.redline.words import RefContext, diff, only, tokenize_plain


@dataclass
class _Entry:
    change: ArticleChange
    old_position: int | None
    new_position: int | None
    stays: bool  # matched and not moved: deleted articles are placed after these


def compare(old: Work, new: Work, lang: str, old_side: Side, new_side: Side,
            threshold: float = DEFAULT_THRESHOLD) -> Redline:
    old_text, new_text = old.expression(lang), new.expression(lang)
    matches = match_articles(old_text, new_text, threshold)
    same_as = {m.old.article.id: m.new.article.id for m in matches if m.old and m.new}
    versions = Versions(
        RefContext({a.id: a.num for a in old_text.articles()}, old.profile, lang, same_as),
        RefContext({a.id: a.num for a in new_text.articles()}, new.profile, lang, {}),
    )
    section_nums = {s.id: s.num for s in old_text.sections}
    entries = [_entry(m, versions, section_nums) for m in matches]
    for entry, change in zip(entries, find_moves([e.change for e in entries])):
        entry.change = change
    sections = _lay_out(old_text, new_text, entries)
    return Redline(lang, old_side, new_side, new_text.title or old_text.title, _preamble(old_text, new_text, versions),
                   tuple(sections), len(old_text.articles()), len(new_text.articles()),
                   _annexes(old_text, new_text, versions))


def _as_article(annex: Annex) -> Article:
    """An annex compared as an article is: its title as the heading, its paragraphs (tables in them) as the text."""
    return Article(annex.id, annex.num, annex.paragraphs, annex.loc, heading=annex.title)


def _annexes(old: Expression, new: Expression, versions: Versions) -> tuple[ArticleChange, ...]:
    """Annexes matched by id; a deleted one stands after the annex that preceded it in the old text."""
    new_ids = {a.id for a in new.annexes}
    old_by_id = {a.id: a for a in old.annexes}
    order: list[tuple[Annex | None, Annex | None]] = [(old_by_id.get(a.id), a) for a in new.annexes]
    place = 0
    for annex in old.annexes:
        if annex.id in new_ids:
            place = next(k for k, (_, n) in enumerate(order) if n is not None and n.id == annex.id) + 1
        else:
            order.insert(place, (annex, None))
            place += 1
    found = []
    for before, after in order:
        result = compare_article(_as_article(before) if before else None, _as_article(after) if after else None,
                                 versions)
        status: Status
        if before is None:
            status = "inserted"
        elif after is None:
            status = "deleted"
        elif before.num != after.num:
            status = "renumbered"
        else:
            status = "amended" if result.amended else "unchanged"
        either = after or before
        assert either is not None
        found.append(ArticleChange(either.id, before.id if before else None, before.num if before else None,
                                   after.num if after else None, None, None, None, status,
                                   result.amended if before and after else False, result.heading,
                                   result.paragraphs, matched_by="id"))
    return tuple(found)


def _entry(match: Match, versions: Versions, section_nums: dict[str, str]) -> _Entry:
    old = match.old.article if match.old else None
    new = match.new.article if match.new else None
    result = compare_article(old, new, versions)
    status: Status
    if old is None:
        status = "inserted"
    elif new is None:
        status = "deleted"
    elif match.moved:
        status = "moved"
    elif old.num != new.num:
        status = "renumbered"
    else:
        status = "amended" if result.amended else "unchanged"
    either = new or old
    assert either is not None
    change = ArticleChange(
        id=either.id,
        old_id=old.id if old else None,
        old_num=old.num if old else None,
        new_num=new.num if new else None,
        old_section=match.old.section if match.old else None,
        new_section=match.new.section if match.new else None,
        old_section_num=section_nums.get(match.old.section) if match.old else None,
        status=status,
        amended=result.amended if old and new else False,
        heading=result.heading,
        paragraphs=result.paragraphs,
        matched_by=match.by,
        similarity=match.similarity,
    )
    stays = match.old is not None and match.new is not None and not match.moved
    return _Entry(change, match.old.position if match.old else None, match.new.position if match.new else None,
                  stays)


def _lay_out(old: Expression, new: Expression, entries: list[_Entry]) -> list[SectionChange]:
    mapping = match_sections(old, new)
    old_by_id = {s.id: s for s in old.sections}
    reverse = {v: k for k, v in mapping.items()}
    # display slots (old section, new section): the new sections in order, and each
    # deleted old section right after the slot of the old section before it
    slots: list[tuple[Section | None, Section | None]] = [(old_by_id.get(reverse.get(s.id, "")), s)
                                                         for s in new.sections]
    place = 0
    for section in old.sections:
        if section.id in mapping:
            place = next(k for k, (_, n) in enumerate(slots) if n is not None and n.id == mapping[section.id]) + 1
        else:
            slots.insert(place, (section, None))
            place += 1
    lists: dict[int, list[_Entry]] = {k: [] for k in range(len(slots))}
    slot_of_new = {n.id: k for k, (_, n) in enumerate(slots) if n is not None}
    slot_of_old = {o.id: k for k, (o, _) in enumerate(slots) if o is not None}
    for entry in sorted((e for e in entries if e.new_position is not None), key=lambda e: e.new_position or 0):
        assert entry.change.new_section is not None
        lists[slot_of_new[entry.change.new_section]].append(entry)
    for entry in sorted((e for e in entries if e.change.status == "deleted"), key=lambda e: e.old_position or 0):
        assert entry.change.old_section is not None and entry.old_position is not None
        target = lists[slot_of_old[entry.change.old_section]]
        after = [k for k, e in enumerate(target)
                 if e.old_position is not None and e.old_position < entry.old_position
                 and (e.stays or e.change.status == "deleted")]
        target.insert(after[-1] + 1 if after else 0, entry)
    return [_section(o, n, tuple(e.change for e in lists[k])) for k, (o, n) in enumerate(slots)]


def _section(old: Section | None, new: Section | None, articles: tuple[ArticleChange, ...]) -> SectionChange:
    old_title = tokenize_plain(old.title) if old else []
    new_title = tokenize_plain(new.title) if new else []
    if old is None or new is None:
        either = new or old
        assert either is not None
        inserted = old is None
        return SectionChange(either.id, None if inserted else either.num, either.num if inserted else None,
                             "inserted" if inserted else "deleted",
                             only(new_title if inserted else old_title, "insert" if inserted else "delete"), articles)
    title = diff(old_title, new_title)
    return SectionChange(new.id, old.num, new.num, "amended" if title.changed else "equal", title, articles)


def _preamble(old: Expression, new: Expression, versions: Versions) -> PreambleChange | None:
    if old.preamble is None and new.preamble is None:
        return None
    old_heading = tokenize_plain(old.preamble.heading or "") if old.preamble else []
    new_heading = tokenize_plain(new.preamble.heading or "") if new.preamble else []
    paragraphs = compare_blocks(old.preamble.paragraphs if old.preamble else (),
                                new.preamble.paragraphs if new.preamble else (), versions)
    return PreambleChange(diff(old_heading, new_heading), tuple(paragraphs))
