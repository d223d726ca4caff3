"""The redline and the comparative table as HTML (jinja2 templates in ``templates/redline/``).

Texts come from many contributors: the environment escapes everything, and the
only markup this module writes itself is ``<del>``, ``<ins>``, ``<em>`` and
``<strong>`` around escaped words. Anchors of the new text's articles,
paragraphs and points equal their AKN eIds; a deleted article's anchor is its
old eId prefixed with ``deleted__``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from drafting.eids import article_eid, num_part, paragraph_eid, point_eid
from drafting.writers.redline.changes import ArticleChange, ParagraphChange, Redline, SectionChange
from drafting.writers.redline.changes import Side as SideInfo
from drafting.writers.redline.labels import TEMPLATES, Labels
from drafting.writers.redline.runs import group_runs
from drafting.writers.redline.summary import counts, other_changes
from drafting.writers.redline.words import Segment, TextDiff, Token

Side = Literal["both", "old", "new"]
_TAGS = {"delete": "del", "insert": "ins"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' environment, made once (jinja2 compiles each template once and reloads it when it changes)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["diff"] = render_diff
    env.filters["number"] = render_number
    env.globals.update(article_anchor=article_anchor, annex_anchor=annex_anchor, section_anchor=section_anchor, paragraphs=anchored_paragraphs,
                       point_anchor=point_eid, section_number=section_number, group_runs=group_runs)
    return env


def render_diff(diff: TextDiff, side: Side = "both") -> Markup:
    """Words with deletions in ``<del>`` and insertions in ``<ins>``; ``side`` shows one version only.

    Spacing inside a run is the run's own; between runs it is the old text's
    before a deletion and the new text's before an insertion or after one.
    """
    segments = diff.segments if side == "both" else diff.side(side)
    out: list[str] = []
    for index, segment in enumerate(segments):
        words = "".join(_token(t, i == len(segment.tokens) - 1) for i, t in enumerate(segment.tokens))
        tag = _TAGS.get(segment.kind)
        if tag and _small(segment):
            out.append(f'<{tag} class="mark">{words}</{tag}>')
        else:
            out.append(f"<{tag}>{words}</{tag}>" if tag else words)
        if index + 1 < len(segments):
            out.append(_between(segment, segments[index + 1]))
    return Markup("".join(out))


def _small(segment: Segment) -> bool:
    """A change too small to see when only struck or underlined: punctuation, or a single character.

    These get ``class="mark"``, which the stylesheets box, so that a deleted full
    stop or an inserted comma survives black-and-white printing and photocopying.
    """
    text = "".join(t.text for t in segment.tokens)
    return len(text) == 1 or all(not t.word for t in segment.tokens)


def _between(before: Segment, after: Segment) -> str:
    if after.kind == "insert" and not after.tokens[0].word and after.tokens[0].text in ",.;:!?)»”":
        return ""  # no stray space before an inserted comma or full stop
    last = ((before.old or before.tokens) if after.kind == "delete" else before.tokens)[-1:]
    if last and last[0].space:
        return " "
    if before.kind == "delete" and after.kind == "insert" and before.tokens[-1].word and after.tokens[0].word:
        return " "
    return ""


def _token(token: Token, last: bool) -> str:
    text = str(escape(token.text))
    if token.style == "em":
        text = f"<em>{text}</em>"
    elif token.style == "strong":
        text = f"<strong>{text}</strong>"
    return text if last or not token.space else text + " "


def render_number(pair: tuple[str | None, str | None], suffix: str) -> Markup:
    """A block's number as printed; a changed number as the old one struck and the new one inserted."""
    old, new = pair
    if old is None and new:  # an inserted block: its number is new too
        return Markup(f"<ins>{escape(new)}{escape(suffix)}</ins>")
    if new is None and old:
        return Markup(f"<del>{escape(old)}{escape(suffix)}</del>")
    if old == new or old is None or new is None:
        return Markup(f"{escape(new)}{escape(suffix)}") if new else Markup("")
    return Markup(f"<del>{escape(old)}{escape(suffix)}</del> <ins>{escape(new)}{escape(suffix)}</ins>")


def section_number(section: SectionChange, labels: Labels) -> Markup:
    """"Section II", or the old label struck and the new one inserted."""
    old = labels.section(section.old_num) if section.old_num is not None else None
    new = labels.section(section.new_num) if section.new_num is not None else None
    if old is not None and new is not None and old != new:
        return Markup(f"<del>{escape(old)}</del> <ins>{escape(new)}</ins>")
    return Markup(escape(new if new is not None else old or ""))


def article_anchor(article: ArticleChange) -> str:
    if article.new_num is not None:
        return article_eid(article.new_num)
    return f"deleted__{article_eid(article.old_num or '')}"


def section_anchor(section: SectionChange) -> str:
    num = section.new_num if section.new_num is not None else section.old_num
    prefix = "deleted__" if section.status == "deleted" else ""
    return f"{prefix}sec_{num_part(num or '')}"


@dataclass(frozen=True)
class AnchoredParagraph:
    change: ParagraphChange
    anchor: str | None  # None for a paragraph only the old text has


def annex_anchor(annex: ArticleChange) -> str:
    """An annex's anchor by its number: ``att_1`` in the new text, ``deleted__att_1`` for one only the old has."""
    if annex.new_num is not None:
        return f"att_{num_part(annex.new_num)}"
    return f"deleted__att_{num_part(annex.old_num or '')}"


def anchored_paragraphs(article: ArticleChange, annex: bool = False) -> list[AnchoredParagraph]:
    found: list[AnchoredParagraph] = []
    index = 0
    for paragraph in article.paragraphs:
        if paragraph.status == "deleted" or article.new_num is None or annex:
            found.append(AnchoredParagraph(paragraph, None))
            continue
        index += 1
        found.append(AnchoredParagraph(paragraph, paragraph_eid(article.new_num, paragraph.new_num or "", index)))
    return found


def visible_sections(redline: Redline, changed_only: bool) -> list[SectionChange]:
    """Sections with the articles to print: with ``changed_only``, changed articles and changed section titles."""
    if not changed_only:
        return list(redline.sections)
    kept = []
    for section in redline.sections:
        articles = tuple(a for a in section.articles if a.changed)
        if articles or section.status != "equal" or section.num_changed:
            kept.append(SectionChange(section.id, section.old_num, section.new_num, section.status, section.title,
                                      articles))
    return kept


def redline_html(redline: Redline, labels: Labels, changed_only: bool = False, stylesheet: str | None = None) -> str:
    """The redline page; ``stylesheet`` (CSS text) is inlined so that the file stands alone."""
    template = environment().get_template("redline.html.j2")
    numbers = counts(redline)
    share = labels("amended_share", n=numbers.amended, m=numbers.old_articles,
                   p=_percent(numbers.percent_amended, labels.lang))
    articles = redline.articles()
    words = {"inserted": sum(a.words_inserted for a in articles), "deleted": sum(a.words_deleted for a in articles),
             "moved": sum(a.words_moved for a in articles)}
    return template.render(redline=redline, L=labels, counts=numbers, share=share, changed_only=changed_only,
                           sections=visible_sections(redline, changed_only), stylesheet=stylesheet,
                           other=other_changes(redline), words=words, versions=versions_line(redline, labels),
                           old_version=version_line(redline.old, labels), new_version=version_line(redline.new, labels),
                           findings=findings(redline, labels), commits=commits_line(redline))


def _percent(value: float, lang: str) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang in ("ru", "kk") else text


def _date(iso: str | None) -> str:
    """31.01.2026: dates as the reviewers' documents print them."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def version_name(side: SideInfo, labels: Labels) -> str:
    """A version as the reader knows it: its title in work.yaml, else the revision as given (never a hash)."""
    title = side.title(labels.lang)
    if title:
        return title
    return labels("working_tree") if side.commit is None else side.spec


def version_line(side: SideInfo, labels: Labels) -> str:
    date = _date(side.date)
    return f"{version_name(side, labels)}, {date}" if date else version_name(side, labels)


def versions_line(redline: Redline, labels: Labels) -> str:
    """The running head: "Первый проект …, 31.01.2026 → Окончательный проект …, 12.02.2026"."""
    return labels("version_dates", old=version_line(redline.old, labels), new=version_line(redline.new, labels))


def commits_line(redline: Redline) -> str:
    """The two revisions and their commits, for the document's metadata only."""
    def one(side: SideInfo) -> str:
        return f"{side.spec} {side.commit}" if side.commit else f"{side.spec} (working tree)"
    return f"{one(redline.old)} -> {one(redline.new)}"


@dataclass(frozen=True)
class Findings:
    line: str  # "final-draft has 2 numbering or reference errors ...:"
    items: tuple[str, ...]


def findings(redline: Redline, labels: Labels) -> list[Findings]:
    """What the first page says about a version compared despite numbering or reference errors."""
    return [Findings(labels("compared_with_findings", version=version_name(side, labels), n=len(side.findings)),
                     side.findings) for side in (redline.old, redline.new) if side.findings]
