"""The comparative table that goes with a draft law (сравнительная таблица), as used in Kazakhstan.

Columns: № | structural unit | current wording | proposed wording | justification.
One row per changed unit, in reading order: a changed preamble paragraph, a
changed section title, an inserted or deleted article (whole), a run of
articles only renumbered (one row), a renumbered or moved article (its number;
the change says where it was), and in an amended article each changed
paragraph (or, where only points changed, each changed point). A paragraph or
point moved from another article is a row at its new place ("moved from
Article 4(3)", its old and new wording diffed) and one at its old place ("moved
to ..."). The unit is named in both versions when its number changed; changed
words are marked in both columns.

Every row has a ``key``, stable across runs, under which the drafter files its
justification (``drafting.writers.redline.justifications``): an article's id,
``ID/heading``, ``ID/P`` for paragraph P, ``ID/P/T`` for point T, ``ID/was-P``
for a paragraph only the previous text has, ``preamble/N``, ``section/ID``,
``run/FIRST-ID``, ``annex/ID`` (``annex/ID/P``, ``annex/ID/heading``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from markupsafe import Markup, escape

from drafting.writers.redline.changes import (ArticleChange, BlockStatus, ParagraphChange, PointChange, Redline,
                                              TableChange)
from drafting.writers.redline.labels import Labels
from drafting.writers.redline.rendering import (Side, commits_line, environment, findings, render_diff, version_line,
                                                versions_line)
from drafting.writers.redline.runs import RenumberRun, group_runs
from drafting.writers.redline.words import TextDiff

_TAGS = {"old": "del", "new": "ins", "both": "span"}
_NOTES: dict[BlockStatus, str] = {"inserted": "note_inserted", "deleted": "note_deleted",
                                  "amended": "note_amended", "equal": "note_amended"}


@dataclass(frozen=True)
class Row:
    key: str  # what a justification is filed under
    element: str  # the structural unit, named in both versions when its number changed
    old: tuple[Markup, ...]  # empty: the unit is not in the previous text
    new: tuple[Markup, ...]  # empty: the unit was deleted
    note: str  # what changed, in the chosen language
    justification: str | None = None  # the drafter's, from the justifications file
    number: int = 0  # the row's number (№), from 1
    part: int = 0  # 0: the row itself; 1, 2, ...: its continuation on the next pages
    last: bool = True  # the row's last part (drafting.writers.redline.continued)


def table_rows(redline: Redline, labels: Labels) -> list[Row]:
    rows: list[Row] = []
    if redline.preamble is not None:
        preamble = redline.preamble
        if preamble.heading.changed:
            rows.append(Row("preamble/heading", f"{labels.preamble()}, {labels('heading')}",
                            (render_diff(preamble.heading, "old"),), (render_diff(preamble.heading, "new"),),
                            labels("note_amended")))
        position = 0
        for block in preamble.paragraphs:
            position += block.status != "deleted"
            if block.status != "equal":
                key = f"preamble/{position}" if block.status != "deleted" else f"preamble/was-{position + 1}"
                rows.append(_row(key, f"{labels.preamble()}, {labels('preamble_paragraph', n=max(position, 1))}",
                                 block, labels(_NOTES[block.status])))
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
            element = labels.section(num)
            if section.num_changed:
                element += " " + labels("formerly_section", n=section.old_num)
            note = labels(_NOTES[section.status])
            if section.num_changed and section.status == "equal":
                note = labels("note_renumbered", old=labels.section(section.old_num or ""))
            rows.append(Row(f"section/{section.id}", f"{element}, {labels('section_title')}", old, new, note))
        pending += [article for article in section.articles if article.changed]
    flush()
    for annex in redline.changed_annexes():
        rows += _annex_rows(annex, labels)
    return [replace(row, number=k) for k, row in enumerate(_unique(rows, labels), start=1)]


def _annex_rows(annex: ArticleChange, labels: Labels) -> list[Row]:
    """An annex inserted or deleted (whole), renumbered, or amended: its title and each changed paragraph."""
    key = f"annex/{annex.id}"
    name = labels.annex(annex.new_num or annex.old_num or "")
    if annex.status == "inserted":
        return [Row(key, name, (), tuple(_article_blocks(annex, "new", labels)), labels("note_inserted"))]
    if annex.status == "deleted":
        return [Row(key, name, tuple(_article_blocks(annex, "old", labels)), (), labels("note_deleted"))]
    rows: list[Row] = []
    if annex.num_changed:
        before, after = escape(labels.annex(annex.old_num or "")), escape(name)
        rows.append(Row(key, labels.annex_title(annex), (Markup(f"<del>{before}</del>"),),
                        (Markup(f"<ins>{after}</ins>"),),
                        labels("note_renumbered", old=labels.annex(annex.old_num or ""))))
    if annex.heading.changed:
        rows.append(Row(f"{key}/heading", f"{name}, {labels('heading')}", (render_diff(annex.heading, "old"),),
                        (render_diff(annex.heading, "new"),), labels("note_amended")))
    position = 0
    for paragraph in annex.paragraphs:
        position += paragraph.status != "deleted"
        if paragraph.status == "equal" and not paragraph.num_changed:
            continue
        deleted = paragraph.status == "deleted"
        num = (paragraph.old_num if deleted else paragraph.new_num) or str(max(position, 1))
        unit = f"{name}, {labels.profile.label(labels.lang, 'paragraph', n=num)}"
        old = tuple(_paragraph_blocks(paragraph, "old", labels)) if paragraph.status != "inserted" else ()
        new = tuple(_paragraph_blocks(paragraph, "new", labels)) if not deleted else ()
        rows.append(Row(f"{key}/{'was-' if deleted else ''}{num}", unit, old, new, labels(_NOTES[paragraph.status])))
    return rows


def _unique(rows: list[Row], labels: Labels) -> list[Row]:
    """Two rows never carry the same unit: a unit only the previous text has says so."""
    seen: dict[str, int] = {}
    for row in rows:
        seen[row.element] = seen.get(row.element, 0) + 1
    return [replace(row, element=f"{row.element} {labels('previous_text')}")
            if seen[row.element] > 1 and not row.new else row for row in rows]


def _run_rows(run: RenumberRun, labels: Labels) -> list[Row]:
    """One row for a renumbering run: the old range struck, the new one inserted."""
    old = escape(labels("articles_range", a=run.old_first, b=run.old_last))
    new = escape(labels("articles_range", a=run.new_first, b=run.new_last))
    return [Row(f"run/{run.articles[0].id}", labels("articles_range", a=run.new_first, b=run.new_last)
                + " " + labels("formerly_range", a=run.old_first, b=run.old_last),
                (Markup(f"<del>{old}</del>"),), (Markup(f"<ins>{new}</ins>"),),
                labels("note_run", n=len(run.articles)))]


def _article_rows(article: ArticleChange, labels: Labels) -> list[Row]:
    if article.status == "inserted":
        note = labels("note_inserted")
        if article.formed_from:
            note = labels.formed(article) + "."
        return [Row(article.id, labels.article(article.new_num or ""), tuple(_article_blocks(article, "old", labels))
                    if article.formed_from else (), tuple(_article_blocks(article, "new", labels)), note)]
    if article.status == "deleted":
        note = labels("note_deleted")
        if article.went_to:
            note += " " + labels("went_to", articles=", ".join(labels.article(n) for n in article.went_to))
        return [Row(article.id, labels.article(article.old_num or ""), tuple(_article_blocks(article, "old", labels)), (),
                    note)]
    num = article.new_num or ""
    where = _where(article, labels)
    if not article.amended:
        before, after = escape(labels.article(article.old_num or "")), escape(labels.article(num))
        if article.num_changed:
            before, after = Markup(f"<del>{before}</del>"), Markup(f"<ins>{after}</ins>")
        return [Row(article.id, labels.element(num, former=article.old_num), (Markup(before),), (Markup(after),),
                    f"{where} {labels('note_text_unchanged')}".strip())]
    rows: list[Row] = []
    if article.heading.changed:
        rows.append(Row(f"{article.id}/heading", labels.element(num, part="heading", former=article.old_num),
                        (render_diff(article.heading, "old"),), (render_diff(article.heading, "new"),),
                        labels("note_amended")))
    for paragraph in article.paragraphs:
        rows += _paragraph_rows(article, paragraph, labels)
    if article.formed_from and rows:
        first = rows[0]
        rows[0] = replace(first, note=f"{labels.formed(article)}. {first.note}")
    if where and rows:
        first = rows[0]
        rows[0] = replace(first, note=f"{where} {first.note}")
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


def _paragraph_rows(article: ArticleChange, paragraph: ParagraphChange, labels: Labels) -> list[Row]:
    if paragraph.status == "equal" and not paragraph.num_changed:
        return []
    article_num, former = article.new_num or "", article.old_num
    deleted = paragraph.status == "deleted"
    num = paragraph.old_num if deleted else paragraph.new_num
    key = f"{article.id}/{'was-' if deleted else ''}{num or ''}".rstrip("/")
    only_points = (paragraph.status == "amended" and not paragraph.num_changed and not paragraph.text.changed
                   and not paragraph.wrapup.changed and not any(t.changed for t in paragraph.tables))
    if only_points:
        rows = []
        for point in paragraph.points:
            if point.status == "equal" and point.old_num == point.new_num:
                continue
            gone = point.status == "deleted"
            point_num = point.old_num if gone else point.new_num
            note = labels(_NOTES[point.status])
            if point.status in ("equal", "amended") and point.old_num != point.new_num:
                note = labels("note_renumbered", old=labels("point", n=point.old_num or ""))
            rows.append(_row(f"{key}/{'was-' if gone else ''}{point_num}",
                             labels.element(article_num, num, point_num, former=former), point,
                             labels.move_note(point, note)))
        return rows
    old = tuple(_paragraph_blocks(paragraph, "old", labels)) if paragraph.status != "inserted" or paragraph.moved_from else ()
    new = tuple(_paragraph_blocks(paragraph, "new", labels)) if not deleted else ()
    note = labels(_NOTES[paragraph.status])
    if paragraph.num_changed:
        renumbered = labels("note_renumbered", old=labels.profile.label(labels.lang, "paragraph",
                                                                        n=paragraph.old_num or ""))
        note = renumbered if paragraph.status == "equal" else f"{renumbered} {note}"
    element = labels.element(article_num, num, former=former,
                             former_paragraph=paragraph.old_num if paragraph.num_changed else None)
    if deleted and former != article_num:  # a unit only the previous text has: named as it was
        element = labels.element(former or "", num)
    return [Row(key, element, old, new, labels.move_note(paragraph, note))]


def _row(key: str, element: str, block: PointChange, note: str) -> Row:
    old = () if block.status == "inserted" and not block.moved_from else (_numbered(block, "old"),)
    new = () if block.status == "deleted" else (_numbered(block, "new"),)
    return Row(key, element, old, new, note)


def _mark(prefix: Markup, status: BlockStatus, changed: bool, side: Side) -> Markup:
    """A block's number marked like its text: inserted or deleted with the block, or changed."""
    if status == "inserted" and side == "new":
        return Markup(f"<ins>{prefix}</ins>")
    if status == "deleted" and side == "old":
        return Markup(f"<del>{prefix}</del>")
    if changed and status in ("equal", "amended"):
        return Markup(f"<{_TAGS[side]}>{prefix}</{_TAGS[side]}>")
    return prefix


def _numbered(block: PointChange, side: Side, suffix: str = ")") -> Markup:
    num = block.old_num if side == "old" else block.new_num
    if side == "old" and block.moved_from is not None:
        num = block.moved_from.point
    if not num:
        return render_diff(block.text, side)
    prefix = _mark(Markup(f"{escape(num)}{suffix}"), block.status, block.old_num != block.new_num, side)
    return prefix + " " + render_diff(block.text, side)


def _titled(label: str, title: TextDiff, side: Side) -> Markup:
    return Markup(f"{escape(label)}. ") + render_diff(title, side)


def _table_block(table: TableChange, side: Side, labels: Labels) -> Markup:
    """A table in one wording: its rows on that side, changed words marked in their cells, moved rows named."""
    rows = []
    for row in table.rows:
        if row.status == ("inserted" if side == "old" else "deleted"):
            continue
        tag = "th" if row.header else "td"
        cells = [render_diff(cell, side) for cell in row.cells]
        if row.moved and cells:
            cells[0] = cells[0] + Markup(" <em>") + escape(labels.row_move(row)) + Markup("</em>")
        marked = row.status != "equal" and not row.moved or (row.moved and (side == "new") == (row.moved_from is not None))
        rows.append(Markup(f'<tr class="{"changed" if marked else "same"}">')
                    + Markup("").join(Markup(f"<{tag}>") + c + Markup(f"</{tag}>") for c in cells) + Markup("</tr>"))
    return Markup('<table class="cells">') + Markup("").join(rows) + Markup("</table>")


def _paragraph_blocks(paragraph: ParagraphChange, side: Side, labels: Labels) -> list[Markup]:
    num = paragraph.old_num if side == "old" else paragraph.new_num
    if side == "old" and paragraph.moved_from is not None:
        num = paragraph.moved_from.paragraph
    prefix = Markup(f"{escape(num)}.") if num else Markup("")
    if num:
        prefix = _mark(prefix, paragraph.status, paragraph.num_changed, side)
    blocks = [prefix + " " + render_diff(paragraph.text, side) if num else render_diff(paragraph.text, side)]
    blocks += [_table_block(table, side, labels) for table in paragraph.tables]
    for point in paragraph.points:
        if point.status == ("inserted" if side == "old" else "deleted") and point.moved_from is None:
            continue
        blocks.append(_numbered(point, side))
    if not paragraph.wrapup.empty:
        blocks.append(render_diff(paragraph.wrapup, side))
    return [b for b in blocks if b]


def _article_blocks(article: ArticleChange, side: Side, labels: Labels) -> list[Markup]:
    """A whole article's blocks on one side; the old side of an inserted article holds only text moved into it."""
    blocks = []
    if not article.heading.empty and (side == "new") == (article.status != "deleted"):
        blocks.append(render_diff(article.heading, side))
    for paragraph in article.paragraphs:
        if side == "old" and paragraph.status == "inserted" and paragraph.moved_from is None:
            continue
        blocks += _paragraph_blocks(paragraph, side, labels)
    return blocks


def table_html(redline: Redline, labels: Labels, stylesheet: str | None = None,
               justified: list[Row] | None = None) -> str:
    """The table page; ``justified``: the rows with their justifications (default: the rows, none given)."""
    template = environment().get_template("table.html.j2")
    from drafting.writers.redline.continued import split_rows

    rows = split_rows(justified if justified is not None else table_rows(redline, labels), labels("continued"))
    return template.render(lang=redline.lang, title=redline.title, L=labels, rows=rows, redline=redline,
                           versions=versions_line(redline, labels), commits=commits_line(redline),
                           old_version=version_line(redline.old, labels), new_version=version_line(redline.new, labels),
                           findings=findings(redline, labels), stylesheet=stylesheet)
