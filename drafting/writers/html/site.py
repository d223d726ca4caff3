"""The web site a citizen and a reviewer use: every version, the languages side by side, search.

``build`` kind ``site`` writes ``site/``:

- ``VERSION/LANG.html``: one version in one language with the other languages
  aligned beside it (the parallel view), a version switcher, "as of DATE", the
  changes against the previous version on request, and downloads with SHA-256;
- ``VERSION/redline-LANG.html``: the redline against the previous version;
- ``link.html``: permanent links by stable id (``link.html#ru/legal-assistance``),
  resolved through a redirect map of every version, so they survive renumbering;
- ``index.html``: the entry page (the latest version, every language);
- ``site.css``, ``site.js``: the stylesheet and the switches (reading needs no script);
- ``pagefind/VERSION/``: each version's static search index of every language (Pagefind), made
  while the other versions' pages are still being written.

Versions come from ``drafting.writers.html.versions.edition_versions``.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup
import yaml

from drafting.writers.artifacts import Artifact, BuildContext
from drafting.eids import PREAMBLE_EID, point_eid
from drafting.writers.html.cells import CellCache
from drafting.writers.html.edition import NATIVE_NAMES, SHORT_NAMES, language_name
from drafting.writers.html.parallel import Parallel, parallel
from drafting.writers.html.render import InlineRenderer
from drafting.writers.html.search import Indexer, index_files
from drafting.writers.html.twoway import Group, run_on_two_cores
from drafting.writers.html.versions import EditionVersion, EditionVersions, edition_versions
from drafting.writers.manifest import MANIFEST, sha256
from drafting.model import Work
from drafting.writers.redline.changes import Redline, Side
from drafting.resources import TEMPLATES_DIR

SITE = "site"
SITE_TEMPLATES = TEMPLATES_DIR / "site"
ASSETS = ("site.css", "site.js")
DOWNLOAD_KINDS = ("akn", "pdf")  # artifacts of the same build listed on every page
FALLBACK = "en"


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    data: Any = yaml.safe_load((SITE_TEMPLATES / "labels.yaml").read_text(encoding="utf-8"))
    return {str(lang): {str(k): str(v) for k, v in words.items()} for lang, words in data.items()}


def site_label(lang: str) -> Callable[..., str]:
    """The site's own words in ``lang`` (English for a language the table lacks)."""
    words = {**_words()[FALLBACK], **_words().get(lang, {})}

    def label(key: str, **values: object) -> str:
        return words[key].format(**values)

    return label


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SITE_TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.globals.update(point_eid=point_eid, preamble_eid=PREAMBLE_EID)
    return env


def format_date(version: EditionVersion) -> str:
    return f"{version.date.day:02d}.{version.date.month:02d}.{version.date.year}"


def version_label(version: EditionVersion, lang: str) -> str:
    return version.title.get(lang) or version.name


def citation(work: Work, lang: str, article: str, paragraph: str | None = None) -> str:
    """How a lawyer cites the provision in ``lang``: "5-бап 2-тармақ", "пункт 2 статьи 5"."""
    if paragraph is None:
        return work.profile.label(lang, "article", n=article)
    key = "citation" if "citation" in work.profile.labels.get(lang, {}) else "paragraph_of_article"
    return work.profile.label(lang, key, n=article, p=paragraph)


@dataclass(frozen=True)
class Download:
    href: str  # from a version's page
    name: str
    language: str | None
    sha256: str
    size: str


@dataclass(frozen=True)
class VersionLink:
    name: str
    label: str


def column_css(codes: list[str]) -> str:
    """Which cells show: the languages in ``data-show`` on a screen, the article's choice on a phone.

    Written into a ``<style>`` element unescaped, so only language codes (letters) may reach it.
    """
    if not all(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", c) for c in codes):
        raise ValueError(f"not language codes: {codes}")
    shown = ",".join(f'html:not([data-show~="{c}"]) .cell[data-lang="{c}"]' for c in codes)
    phone = ",".join(f'.article-row:not([data-phone="{c}"]) .cell[data-lang="{c}"]' for c in codes)
    return (f"@media screen and (min-width: 48rem) {{ {shown} {{ display: none; }} }}"
            f"@media screen and (max-width: 47.99rem) {{ {phone} {{ display: none; }} }}"
            f"@media print {{ {shown} {{ display: none; }} }}")


def collect_downloads(ctx: BuildContext) -> list[tuple[str, str | None, str, int]]:
    """(path in DIR, language, sha256, size) of this build's AKN and PDF files, else those already in DIR."""
    found: dict[str, tuple[str, str | None, str, int]] = {}
    manifest = ctx.out / MANIFEST
    if manifest.is_file():
        try:
            entries = json.loads(manifest.read_text(encoding="utf-8")).get("artifacts", [])
        except (ValueError, AttributeError):
            entries = []
        for entry in entries:
            path = str(entry.get("path", ""))
            if entry.get("kind") in DOWNLOAD_KINDS and (ctx.out / path).is_file():
                found[path] = (path, entry.get("language"), str(entry.get("sha256", "")), (ctx.out / path).stat().st_size)
    for kind in DOWNLOAD_KINDS:
        folder = ctx.staging / kind
        if folder.is_dir():
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    path = file.relative_to(ctx.staging).as_posix()
                    lang = file.name.split("-")[0].split(".")[0]
                    found[path] = (path, lang if lang in ctx.languages else None, sha256(file), file.stat().st_size)
    return [found[key] for key in sorted(found)]


def version_downloads(downloads: list[tuple[str, str | None, str, int]], version: EditionVersion,
                      sources: Work) -> list[tuple[str, str | None, str, int]]:
    """The files of one version: its dated AKN expressions (``kaz@2026-01-31.xml``, written by ``--versions``),
    and, on the versions whose text is the sources', the undated files (``akn/kk.xml``, the PDFs)."""
    stamp = f"@{version.date.isoformat()}."
    mine = []
    for item in downloads:
        name = item[0].rsplit("/", 1)[-1]
        if ("@" in name and stamp in name) or ("@" not in name and version.work is sources):
            mine.append(item)
    return mine


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


def compare_versions(old: EditionVersion, new: EditionVersion, lang: str) -> Redline | None:
    from drafting.writers.redline.compare import compare

    if lang not in old.work.expressions or lang not in new.work.expressions:
        return None
    return compare(old.work, new.work, lang, Side(old.name, old.name, None, old.date.isoformat()),
                   Side(new.name, new.name, None, new.date.isoformat()))


def redirect_map(versions: EditionVersions) -> dict[str, Any]:
    """Stable id -> eId in every version: what ``link.html`` resolves a permanent link with."""
    by_version = {}
    for version in versions.versions:
        first = version.work.meta.codes[0]
        by_version[version.name] = {a.id: a.eid for a in _eids(version.work, first)}
    return {"latest": versions.latest.name, "versions": [v.name for v in versions.versions], "eids": by_version}


@dataclass(frozen=True)
class _Eid:
    id: str
    eid: str


def _eids(work: Work, lang: str) -> list[_Eid]:
    from drafting.eids import article_eid

    return [_Eid(a.id, article_eid(a)) for a in work.expression(lang).articles()]


def write_artifacts(work: Work, ctx: BuildContext) -> list[Artifact]:
    versions = edition_versions(ctx.source, work, ctx.cache)
    for reason in versions.skipped:
        ctx.progress(f"site: left out {reason}")
    codes = [c for c in work.meta.codes if c in ctx.languages]
    artifacts: list[Artifact] = []

    def write(relative: str, text: str, lang: str | None) -> None:
        ctx.path(f"{SITE}/{relative}").write_text(text, encoding="utf-8")
        artifacts.append(Artifact(f"{SITE}/{relative}", SITE, lang))

    downloads = collect_downloads(ctx)
    redline_css = (TEMPLATES_DIR / "redline" / "redline.css").read_text(encoding="utf-8")
    cells = CellCache()
    articles = RowCache()
    indexer = Indexer(ctx.staging / SITE)
    groups: dict[object, Group] = {}  # jobs sharing a cache: the pages (and redlines) of one text
    # comparisons and rows are made where they are first needed, in whichever process renders that group
    changes_of: dict[str, dict[str, Redline]] = {}
    rows_of: dict[tuple[int, bool], Parallel] = {}

    def job(group: object, cost: float, relative: str, lang: str, render: Callable[[], str]) -> None:
        def run() -> None:
            ctx.path(f"{SITE}/{relative}").write_text(render(), encoding="utf-8")

        groups.setdefault(group, Group(0.0)).jobs.append(run)
        groups[group].cost += cost
        artifacts.append(Artifact(f"{SITE}/{relative}", SITE, lang))

    def changes(version: EditionVersion, previous: EditionVersion) -> dict[str, Redline]:
        if version.name not in changes_of:
            found = {lang: compare_versions(previous, version, lang) for lang in codes}
            changes_of[version.name] = {lang: redline for lang, redline in found.items() if redline is not None}
        return changes_of[version.name]

    def rows_for(key: tuple[int, bool], version: EditionVersion, previous: EditionVersion | None,
                 present: list[str]) -> Parallel:
        if key not in rows_of:
            marked = changes(version, previous) if key[1] and previous is not None else {}
            rows_of[key] = parallel(version.work, present, marked)
        return rows_of[key]

    def page(version: EditionVersion, previous: EditionVersion | None, same_text: bool, key: tuple[int, bool],
             present: list[str], lang: str) -> str:
        columns = [lang] + [c for c in present if c != lang]
        return render_page(version, versions, lang, columns, rows_for(key, version, previous, present), previous,
                           same_text, version_downloads(downloads, version, work), cells, articles)

    def redline_page(version: EditionVersion, previous: EditionVersion, lang: str) -> str:
        return _redline_page(changes(version, previous)[lang], lang, version.work, redline_css)

    seen: set[tuple[int, bool]] = set()
    for version in versions.versions:
        previous = versions.previous(version.name)
        same_text = previous is not None and version.same_text_as is not None and \
            previous.work is version.work
        present = [c for c in codes if c in version.work.expressions]
        if not present:
            continue
        compared = [lang for lang in codes if previous is not None and not same_text
                    and lang in previous.work.expressions and lang in version.work.expressions]
        if compared:
            ctx.progress(f"site: comparing {previous.name if previous else ''} and {version.name}")
        # one set of rows per text (versions with the same text and no changes share it), cells in any order
        key = (id(version.work), bool(compared))
        first_use = key not in seen
        seen.add(key)
        for lang in present:
            # a page whose rows are already rendered (RowCache) costs little; a comparison costs about a page
            cost = (1.0 + (1.0 if lang in compared else 0.0)) if first_use else 0.2
            job(key, cost, f"{version.name}/{lang}.html", lang,
                partial(page, version, previous, same_text, key, present, lang))
        # the version's pages are written: its search index runs beside the rest (the redlines are not indexed)
        groups[key].jobs.append(partial(indexer.start, version.name, present))
        for lang in compared:
            if previous is not None:
                job(key, 1.0, f"{version.name}/redline-{lang}.html", lang,
                    partial(redline_page, version, previous, lang))
    ctx.progress("site: writing the pages and indexing them for search (pagefind)")
    run_on_two_cores(list(groups.values()), indexer.finish, indexer.abort)
    write("link.html", render_link_page(work, versions, codes), None)
    write("index.html", render_index(work, versions, codes), None)
    for asset in ASSETS:
        target = ctx.path(f"{SITE}/{asset}")
        shutil.copyfile(SITE_TEMPLATES / asset, target)
        artifacts.append(Artifact(f"{SITE}/{asset}", SITE, None))
    for relative in index_files(ctx.staging / SITE):
        artifacts.append(Artifact(f"{SITE}/{relative}", SITE, None))
    return artifacts


def _redline_page(redline: Redline, lang: str, work: Work, stylesheet: str) -> str:
    from drafting.writers.redline.labels import Labels
    from drafting.writers.redline.rendering import redline_html

    return redline_html(redline, Labels(lang, work.profile), changed_only=True, stylesheet=stylesheet)


def render_page(version: EditionVersion, versions: EditionVersions, lang: str, columns: list[str], rows: Parallel,
                previous: EditionVersion | None, same_text: bool,
                downloads: list[tuple[str, str | None, str, int]], cells: CellCache | None = None,
                articles: RowCache | None = None) -> str:
    work = version.work
    L = site_label(lang)
    labels_of = {code: _profile_label(work, code) for code in columns}
    short = {code: work.profile.labels.get(code, {}).get("language_short") or SHORT_NAMES.get(code, code.upper())
             for code in columns}
    names = {code: language_name(work, code) for code in columns}
    context: dict[str, Any] = dict(
        lang=lang,
        root="../",
        cell_html=cells or CellCache(),
        title=work.meta.title.get(lang, ""),
        version=version,
        version_label=version_label(version, lang),
        as_of=L("version_as_of", title=version_label(version, lang), date=format_date(version))
        if version.title.get(lang) else L("as_of", date=format_date(version)),
        versions=[VersionLink(v.name, f"{format_date(v)} · {version_label(v, lang)}") for v in versions.versions],
        previous=previous,
        earlier_skipped=previous is None and versions.versions[0] is version and bool(versions.skipped),
        previous_label=version_label(previous, lang) if previous else "",
        same_text=same_text,
        languages=[_Lang(code, names[code], f"{code}.html") for code in columns] if columns else [],
        columns=columns,
        language_names=names,
        short_names=short,
        column_css=column_css(columns),
        rows=rows,
        L=L,
        labels_of=labels_of,
        cite=lambda code, n, p: citation(work, code, n, p),
        inline={code: _inline(work, code) for code in columns},
        downloads=[Download(f"../../{path}", path.split("/")[-1], language, digest, _size(size))
                   for path, language, digest, size in downloads],
        downloads_of=version_label(version, lang),
    )
    context["row_html"] = (articles or RowCache()).bind(rows, context)
    return environment().get_template("page.html.j2").render(**context)


class RowCache:
    """Each article row's markup once per text, page language and column order.

    An article row (templates/site/article-row.html.j2) depends on the rows of
    a text, the page's language and the order of its columns, never on the
    version that shows it, so versions with the same text (the referendum and
    in-force pages repeat the final draft's) render it once. Keys are the rows'
    identities: keep the rows alive as long as the cache (the build does).
    """

    def __init__(self) -> None:
        self._done: dict[tuple[int, str, tuple[str, ...], int], tuple[object, Markup]] = {}

    def bind(self, rows: Parallel, context: dict[str, Any]) -> Callable[[object], Markup]:
        template = environment().get_template("article-row.html.j2")
        base = (id(rows), str(context["lang"]), tuple(context["columns"]))

        def row_html(row: object) -> Markup:
            key = (*base, id(row))
            found = self._done.get(key)
            if found is None or found[0] is not row:
                found = (row, Markup(template.render(row=row, **context).removesuffix("\n")))
                self._done[key] = found
            return found[1]

        return row_html


_renderers: dict[tuple[int, str], tuple[Work, InlineRenderer]] = {}


def _inline(work: Work, lang: str) -> InlineRenderer:
    """One inline renderer per text and language (it indexes the articles once)."""
    key = (id(work), lang)
    if key not in _renderers or _renderers[key][0] is not work:
        if len(_renderers) > 64:
            _renderers.clear()
        _renderers[key] = (work, InlineRenderer(work, lang))
    return _renderers[key][1]


@dataclass(frozen=True)
class _Lang:
    code: str
    name: str
    href: str


def _profile_label(work: Work, lang: str) -> Callable[..., str]:
    def label(key: str, **values: str) -> str:
        return work.profile.label(lang, key, **values)

    return label


def _json_for_script(data: object) -> str:
    """JSON safe inside a <script> element: no "</script>" or "<!--" can appear."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026")


def render_link_page(work: Work, versions: EditionVersions, codes: list[str]) -> str:
    lang = codes[0]
    L = site_label(lang)
    return environment().get_template("link.html.j2").render(
        lang=lang, title=L("link_page_title"), L=L, map_json=_json_for_script({**redirect_map(versions), "languages": codes}),
        latest=versions.latest.name, codes=codes, names={c: language_name(work, c) for c in codes},
        unknown={c: site_label(c)("link_unknown", id="{id}") for c in codes})


def render_index(work: Work, versions: EditionVersions, codes: list[str]) -> str:
    lang = codes[0]
    latest = versions.latest
    return environment().get_template("index.html.j2").render(
        lang=lang, title=work.meta.title.get(lang, ""), latest=latest.name,
        editions=[(c, language_name(work, c), work.meta.title.get(c, ""),
                   site_label(c)("as_of", date=format_date(latest))) for c in codes],
        versions=[(v.name, format_date(v), {c: version_label(v, c) for c in codes}) for v in versions.versions],
        L=site_label(lang), names=NATIVE_NAMES)
