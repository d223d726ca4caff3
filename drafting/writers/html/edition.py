"""One language of a work as an HTML page: the web edition, and the source of the PDFs.

``render_edition`` fills ``templates/edition.html.j2`` (jinja2, autoescaping on).
The same page serves the web (stylesheet link, links to the other languages,
table of contents) and WeasyPrint (no ``<link>``: the engine gets its
stylesheets directly; cross-references as links or as plain text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2

from drafting.eids import PREAMBLE_EID, Identifiers, article_eid, paragraph_eid, point_eid, section_eid, unit_eid
from drafting.writers.html.blocks import BlockRenderer
from drafting.writers.html.newspaper import paper_of
from drafting.writers.html.render import InlineRenderer
from drafting.model import Article, Work
from drafting.resources import TEMPLATES_DIR as TEMPLATES_DIR  # re-exported: the HTML and PDF writers import it here

# names of the languages in themselves; a profile may override with labels
# "language_name" and "language_short"
NATIVE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
SHORT_NAMES = {"kk": "Қаз", "ru": "Рус", "en": "Eng"}
LANGUAGES_LABEL = {"kk": "Тілдер", "ru": "Языки", "en": "Languages"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    short: str
    href: str


@dataclass(frozen=True)
class EditionOptions:
    mode: str = "web"  # "web" or "print": the class of <html>, for the stylesheets
    stylesheets: tuple[str, ...] = ()  # hrefs written as <link rel=stylesheet>
    links: bool = True  # cross-references as links
    toc: bool = True
    language_pages: bool = True  # link every article to the other languages' pages
    page_name: str = "{lang}.html"  # file name of each language's page
    extra: dict[str, str] = field(default_factory=dict)
    newspaper: bool = False  # the paper's nameplate and folio (newspaper page profiles)
    column_chars: int = 0  # characters a newspaper column's line holds; wider tables span the columns (0: none)
    # the repository's other acts (drafting.yaml), for references to them, and where their pages are
    others: dict[str, Work] = field(default_factory=dict)
    other_page: str = "../../{work}/html/{lang}.html"


@lru_cache(maxsize=1)
def environment(templates: Path = TEMPLATES_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals.update(article_eid=article_eid, section_eid=section_eid, paragraph_eid=paragraph_eid,
                       point_eid=point_eid, preamble_eid=PREAMBLE_EID, unit_eid=unit_eid,
                       is_article=lambda node: isinstance(node, Article))
    return env


def language_name(work: Work, code: str) -> str:
    return work.profile.labels.get(code, {}).get("language_name") or NATIVE_NAMES.get(code, code)


def language_links(work: Work, options: EditionOptions) -> list[LanguageLink]:
    links = []
    for code in work.meta.codes:
        short = work.profile.labels.get(code, {}).get("language_short") or SHORT_NAMES.get(code, code.upper())
        links.append(LanguageLink(code, language_name(work, code), short, options.page_name.format(lang=code)))
    return links


def format_date(work: Work) -> str:
    date = work.meta.expression_date
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


def subtitle(work: Work, lang: str) -> str:
    version = work.meta.current_version
    described = version.title.get(lang) if version else None
    return f"{described}, {format_date(work)}" if described else format_date(work)


def render_edition(work: Work, lang: str, options: EditionOptions | None = None) -> str:
    options = options or EditionOptions()
    every = language_links(work, options)
    others = [link for link in every if link.code != lang] if options.language_pages else []

    def label(key: str, **values: str) -> str:
        return work.profile.label(lang, key, **values)

    def level_label(level: str, num: str) -> str:
        return work.profile.level_label(lang, level, num)

    profile = work.profile
    inline = InlineRenderer(work, lang, links=options.links, others=options.others, other_page=options.other_page,
                            joins=options.mode == "print")

    template = environment().get_template("edition.html.j2")
    return template.render(
        lang=lang,
        mode=options.mode,
        title=work.meta.title.get(lang, ""),
        subtitle=subtitle(work, lang),
        kicker=options.extra.get("kicker", ""),
        paper=paper_of(work, lang) if options.newspaper else None,
        date=work.meta.expression_date.isoformat(),
        expression=work.expression(lang),
        stylesheets=options.stylesheets,
        toc=options.toc,
        all_languages=every,
        other_languages=others,
        languages_label=LANGUAGES_LABEL.get(lang, "Languages"),
        label=label,
        level_label=level_label,
        ids=Identifiers(work.expression(lang), profile),
        article_level=profile.article_level,
        paragraph_level=profile.paragraph_level,
        point_level=profile.point_level,
        inline=inline,
        blocks=BlockRenderer(profile, inline, options.column_chars),
    )
