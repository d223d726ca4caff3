"""The comparative table that goes with a draft law (сравнительная таблица).

Columns: No. | structural element | previous wording | new wording | note; one row
per changed element, in reading order: a changed preamble paragraph, a changed
section title, an inserted or deleted article (whole), a renumbered or moved
article (its number; the note says where it was), and in an amended article each
changed paragraph (or, where only points changed, each changed point). Changed
words are marked in both columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from drafting.writers.redline.changes import ArticleChange, BlockStatus, ParagraphChange, PointChange, Redline
from drafting.writers.redline.rendering import Side, environment, render_diff
from drafting.writers.redline.labels import Labels
from drafting.writers.redline.runs import RenumberRun, group_runs
from drafting.writers.redline.words import TextDiff

_TAGS = {"old": "del", "new": "ins", "both": "span"}
_NOTES: dict[BlockStatus, str] = {"inserted": "note_inserted", "deleted": "note_deleted",
                                  "amended": "note_amended", "equal": "note_amended"}


@dataclass(frozen=True)
class Row:
    element: str
    old: tuple[Markup, ...]  # empty: the element is not in the previous text
    new: tuple[Markup, ...]  # empty: the element was deleted
    note: str


def table_rows(redline: Redline, labels: Labels) -> list[Row]:
    rows: list[Row] = []
    if redline.preamble is not None:
        preamble = redline.preamble
        if preamble.heading.changed:
            rows.append(Row(labels.preamble(), (render_diff(preamble.heading, "old"),),
                            (render_diff(preamble.heading, "new"),), labels("note_amended")))
        for block in preamble.paragraphs:
            if block.status != "equal":
                rows.append(_row(labels.preamble(), [block], labels(_NOTES[block.status])))
    pending: list[ArticleChange] = []  # changed articles not yet told: a renumbering run may go on

    def flush() -> None:
        for item in group_runs(pending):
            rows.extend(_run_rows(item, labels) if isinstance(item, RenumberRun) else _article_rows(item, labels))
        pending.clear()

    for section in redline.sections:
        if section.status != "equal" or section.num_changed:
            flush()
            num = section.new_num if section.new_num is not None else section.old_num or ""
            old = () if section.old_num is None else (_titled(labels.section(section.old_num), section.title, "old"),)
            new = () if section.new_num is None else (_titled(labels.section(section.new_num), section.title, "new"),)
            rows.append(Row(f"{labels.section(num)}, {labels('section_title')}", old, new,
                            labels(_NOTES[section.status])))
        pending += [article for article in section.articles if article.changed]
    flush()
    return rows


def _run_rows(run: RenumberRun, labels: Labels) -> list[Row]:
    """One row for a renumbering run: the old range struck, the new one inserted."""
    old = escape(labels("articles_range", a=run.old_first, b=run.old_last))
    new = escape(labels("articles_range", a=run.new_first, b=run.new_last))
    return [Row(labels("articles_range", a=run.new_first, b=run.new_last), (Markup(f"<del>{old}</del>"),),
                (Markup(f"<ins>{new}</ins>"),), labels("note_run", n=len(run.articles)))]


def _article_rows(article: ArticleChange, labels: Labels) -> list[Row]:
    if article.status == "inserted":
        return [Row(labels.article(article.new_num or ""), (), tuple(_article_blocks(article, "new")),
                    labels("note_inserted"))]
    if article.status == "deleted":
        return [Row(labels.article(article.old_num or ""), tuple(_article_blocks(article, "old")), (),
                    labels("note_deleted"))]
    num = article.new_num or ""
    where = _where(article, labels)
    if not article.amended:
        before, after = escape(labels.article(article.old_num or "")), escape(labels.article(num))
        if article.num_changed:
            before, after = Markup(f"<del>{before}</del>"), Markup(f"<ins>{after}</ins>")
        return [Row(labels.element(num, former=article.old_num), (Markup(before),), (Markup(after),),
                    f"{where} {labels('note_text_unchanged')}".strip())]
    rows: list[Row] = []
    if article.heading.changed:
        rows.append(Row(labels.element(num, part="heading", former=article.old_num), (render_diff(article.heading, "old"),),
                        (render_diff(article.heading, "new"),), labels("note_amended")))
    for paragraph in article.paragraphs:
        rows += _paragraph_rows(num, paragraph, labels, article.old_num)
    if where and rows:
        first = rows[0]
        rows[0] = Row(first.element, first.old, first.new, f"{where} {first.note}")
    return rows


def _where(article: ArticleChange, labels: Labels) -> str:
    old = labels.article(article.old_num or "")
    if article.status == "moved" and article.old_section == article.new_section:
        return labels("note_moved_within", old=old)
    if article.status == "moved":
        return labels("note_moved", old=old, section=labels.section(article.old_section_num or ""))
    if article.status == "renumbered":
        return labels("note_renumbered", old=old)
    return ""


def _paragraph_rows(article_num: str, paragraph: ParagraphChange, labels: Labels,
                    former: str | None = None) -> list[Row]:
    if paragraph.status == "equal" and not paragraph.num_changed:
        return []
    num = paragraph.new_num if paragraph.status != "deleted" else paragraph.old_num
    only_points = (paragraph.status == "amended" and not paragraph.num_changed and not paragraph.text.changed
                   and not paragraph.wrapup.changed)
    if only_points:
        return [_row(labels.element(article_num, num, point.new_num or point.old_num, former=former), [point],
                     labels(_NOTES[point.status]))
                for point in paragraph.points if point.status != "equal" or point.old_num != point.new_num]
    old = tuple(_paragraph_blocks(paragraph, "old")) if paragraph.status != "inserted" else ()
    new = tuple(_paragraph_blocks(paragraph, "new")) if paragraph.status != "deleted" else ()
    note = labels(_NOTES[paragraph.status])
    if paragraph.num_changed:
        former = labels.profile.label(labels.lang, "paragraph", n=paragraph.old_num or "")
        renumbered = labels("note_renumbered", old=former)
        note = renumbered if paragraph.status == "equal" else f"{renumbered} {note}"
    return [Row(labels.element(article_num, num, former=former), old, new, note)]


def _row(element: str, blocks: list[PointChange], note: str) -> Row:
    block = blocks[0]
    old = () if block.status == "inserted" else (_numbered(block.old_num, ")", block, "old"),)
    new = () if block.status == "deleted" else (_numbered(block.new_num, ")", block, "new"),)
    return Row(element, old, new, note)


def _numbered(num: str | None, suffix: str, block: PointChange, side: Side) -> Markup:
    if not num:
        return render_diff(block.text, side)
    prefix = Markup(f"{escape(num)}{suffix}")
    if block.status not in ("inserted", "deleted") and block.old_num != block.new_num:
        prefix = Markup(f"<{_TAGS[side]}>{prefix}</{_TAGS[side]}>")
    return prefix + " " + render_diff(block.text, side)


def _titled(label: str, title: TextDiff, side: Side) -> Markup:
    return Markup(f"{escape(label)}. ") + render_diff(title, side)


def _paragraph_blocks(paragraph: ParagraphChange, side: Side) -> list[Markup]:
    num = paragraph.old_num if side == "old" else paragraph.new_num
    prefix = Markup(f"{escape(num)}.") if num else Markup("")
    if num and paragraph.num_changed:
        prefix = Markup(f"<{_TAGS[side]}>{prefix}</{_TAGS[side]}>")
    blocks = [prefix + " " + render_diff(paragraph.text, side) if num else render_diff(paragraph.text, side)]
    for point in paragraph.points:
        if point.status == ("inserted" if side == "old" else "deleted"):
            continue
        blocks.append(_numbered(point.old_num if side == "old" else point.new_num, ")", point, side))
    if not paragraph.wrapup.empty:
        blocks.append(render_diff(paragraph.wrapup, side))
    return [b for b in blocks if b]


def _article_blocks(article: ArticleChange, side: Side) -> list[Markup]:
    blocks = [render_diff(article.heading, side)] if not article.heading.empty else []
    for paragraph in article.paragraphs:
        blocks += _paragraph_blocks(paragraph, side)
    return blocks


def table_html(redline: Redline, labels: Labels, stylesheet: str | None = None) -> str:
    template = environment().get_template("table.html.j2")
    return template.render(lang=redline.lang, title=redline.title, L=labels, rows=table_rows(redline, labels),
                           old_label=redline.old.label if redline.old.commit else labels("working_tree"),
                           new_label=redline.new.label if redline.new.commit else labels("working_tree"),
                           date=redline.new.date, stylesheet=stylesheet)
