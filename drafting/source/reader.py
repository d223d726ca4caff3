"""Read a source tree into the model, collecting every problem on the way.

The pipeline reads top to bottom: list the files, sort them into the layout,
decode them, parse the work file and the profile, then the preamble, the
containers (folders ``NN-slug/`` nested as deep as the profile goes, each with
its ``LEVEL.yaml``), the articles and the annexes; finally assemble one
Expression per language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from drafting.diagnostics import Diagnostics
from drafting.source.markup import parse_annex_body, parse_article_body, parse_preamble_body
from drafting.model import (AmendedWork, Annex, Article, Container, Expression, InlineSeq, Language, Loc, Modification,
                            Preamble, Publication, SourceDocument, Version, Work, WorkMeta)
from drafting.profile import PROFILES_DIR, Profile
from drafting.source.tree import MAX_FILE_BYTES, Entry, SourceTree
from drafting.source.yamldoc import YamlDoc, parse_yaml, split_front_matter, validate

WORK_FILE = "work.yaml"
TRANSLATIONS_FILE = "translations.yaml"  # drafting.source.translationfile reads it
SECTION_FILE = "section.yaml"
JUSTIFICATIONS_FILE = "justifications.yaml"
ANNEX_DIR = "annexes"
ROOT_HINT = ("expected work.yaml, translations.yaml, justifications.yaml, preamble.LANG.md, conclusions.LANG.md "
             "or section folders NN-slug/")
META_RE = re.compile(r"^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.yaml$")
SECTION_DIR_RE = re.compile(r"^(\d+)-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")
ARTICLE_RE = re.compile(r"^(\d+)([a-z]?)-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([A-Za-z_-]+)\.md$")
PREAMBLE_RE = re.compile(r"^preamble\.([A-Za-z_-]+)\.md$")
CONCLUSIONS_RE = re.compile(r"^conclusions\.([A-Za-z_-]+)\.md$")  # the act's closing text (AKN conclusions)
CONTAINER_TEXT_RE = re.compile(r"^(intro|wrap-up)\.([A-Za-z_-]+)\.md$")  # a container's own text around its units
FALLBACK_LANGUAGES = ("kk", "ru", "en")


@dataclass
class ArticleFile:
    section_dir: str
    order: tuple[int, str]
    stem: str
    lang: str
    path: str


@dataclass
class Layout:
    work: str | None = None
    preambles: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)  # folder path -> its LEVEL.yaml paths
    texts: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (folder, intro|wrap-up, lang) -> path
    conclusions: dict[str, str] = field(default_factory=dict)  # lang -> path
    articles: list[ArticleFile] = field(default_factory=list)
    annexes: list[ArticleFile] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)


@dataclass
class ContainerInfo:
    level: str
    num: str
    titles: dict[str, str]
    loc: Loc


@dataclass
class ReadResult:
    work: Work | None
    diagnostics: Diagnostics
    files: int
    tree: SourceTree
    texts: dict[str, str] = field(default_factory=dict)  # relative path -> decoded text


class Reader:
    def __init__(self, tree: SourceTree) -> None:
        self.tree = tree
        self.diags = Diagnostics()
        self.texts: dict[str, str] = {}
        self.profile = Profile(name="(none)", preamble_required=False)
        self.nested: list[str] = []  # folders holding other works (their own work.yaml)

    # -- the pipeline -------------------------------------------------------------

    def read(self) -> ReadResult:
        entries = self._own(self.tree.entries())
        layout = self._layout(entries)
        readable = {e.path for e in entries if self._decode(e)}
        meta = self._work(layout, readable)
        codes = meta.codes if meta else self._guess_languages(layout)
        self._unknown_languages(layout, codes)
        profile = self._profile(meta, layout, readable)
        self.profile = profile
        preambles = self._preambles(layout, readable, codes)
        sections = self._sections(layout, readable, codes)
        texts = self._container_texts(layout, readable)
        articles = self._articles(layout, readable, codes)
        annexes = self._annexes(layout, readable, codes)
        expressions = self._assemble(meta, codes, preambles, sections, articles, annexes, texts)
        work = Work(meta, profile, expressions) if meta is not None else None
        return ReadResult(work, self.diags, len(entries), self.tree, self.texts)

    def _own(self, entries: list[Entry]) -> list[Entry]:
        """The entries of this work: a folder below the root with its own work.yaml is another act of the
        repository (drafting.yaml), read on its own, not part of this one."""
        nested = sorted({e.path[: -len(WORK_FILE)] for e in entries if e.path.endswith("/" + WORK_FILE)})
        if not nested:
            return entries
        self.nested = [folder.rstrip("/") for folder in nested]
        return [e for e in entries if not e.path.startswith(tuple(nested))]

    def show(self, path: str) -> str:
        return self.tree.display(path)

    # -- files ----------------------------------------------------------------------

    def _layout(self, entries: list[Entry]) -> Layout:
        layout = Layout()
        for entry in entries:
            parts = entry.path.split("/")
            name = parts[-1]
            folders = parts[:-1]
            if len(parts) == 1:
                match = PREAMBLE_RE.match(name)
                article = ARTICLE_RE.match(name)
                closing = CONCLUSIONS_RE.match(name)
                if name == WORK_FILE:
                    layout.work = entry.path
                elif name == JUSTIFICATIONS_FILE:  # the redline's (drafting.writers.redline.justifications)
                    pass
                elif name == TRANSLATIONS_FILE:
                    pass  # read after the checks (drafting.source.translationfile)
                elif match:
                    layout.preambles[match.group(1)] = entry.path
                elif closing:
                    layout.conclusions[closing.group(1)] = entry.path
                elif article:
                    layout.articles.append(_article_file("", article, entry.path))
                else:
                    self._outside(entry.path, ROOT_HINT)
            elif len(parts) == 2 and parts[0] == "profiles" and name.endswith(".yaml"):
                layout.profiles[name[: -len(".yaml")]] = entry.path
            elif len(parts) == 2 and parts[0] == ANNEX_DIR:
                match = ARTICLE_RE.match(name)
                if match:
                    layout.annexes.append(_article_file(ANNEX_DIR, match, entry.path))
                else:
                    self._outside(entry.path, "the annexes folder holds NN-slug.LANG.md files")
            elif all(SECTION_DIR_RE.match(folder) for folder in folders):
                folder = "/".join(folders)
                for depth in range(1, len(folders) + 1):
                    layout.sections.setdefault("/".join(folders[:depth]), [])
                match = ARTICLE_RE.match(name)
                text = CONTAINER_TEXT_RE.match(name)
                if META_RE.match(name):
                    layout.sections[folder].append(entry.path)
                elif match:
                    layout.articles.append(_article_file(folder, match, entry.path))
                elif text:
                    layout.texts[(folder, text.group(1), text.group(2))] = entry.path
                else:
                    self._outside(entry.path, "a section folder holds section.yaml, NNN-slug.LANG.md files and "
                                              "its own text in intro.LANG.md and wrap-up.LANG.md")
            else:
                self._outside(entry.path, ROOT_HINT)
        return layout

    def _outside(self, path: str, hint: str) -> None:
        self.diags.error(self.show(path), 1, "S107", f"file outside the source layout: {hint}")

    def _decode(self, entry: Entry) -> bool:
        where = self.show(entry.path)
        if entry.problem == "symlink-outside":
            self.diags.error(where, 1, "S105", "symbolic link leading outside the source tree: refused")
            return False
        if entry.problem == "symlink-dir":
            self.diags.error(where, 1, "S105", "symbolic link to a folder: refused, use a real folder")
            return False
        if entry.problem:
            self.diags.error(where, 1, "S101", f"cannot read the file: {entry.problem.removeprefix('unreadable: ')}")
            return False
        if entry.size > MAX_FILE_BYTES:
            self.diags.error(where, 1, "S104", f"file too large ({entry.size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
            return False
        try:
            data = self.tree.read(entry.path)
        except (OSError, KeyError) as exc:
            self.diags.error(where, 1, "S101", f"cannot read the file: {getattr(exc, 'strerror', None) or exc}")
            return False
        if not data.strip():
            self.diags.error(where, 1, "S103", "empty file")
            return False
        if b"\x00" in data:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            self.diags.error(where, line, "S102", "binary file (contains NUL bytes): sources are UTF-8 text")
            return False
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.diags.error(where, line, "S102", f"not UTF-8 text (byte 0x{data[exc.start]:02x})", column)
            return False
        self.texts[entry.path] = text.removeprefix("\ufeff").replace("\r\n", "\n")
        return True

    def _guess_languages(self, layout: Layout) -> list[str]:
        seen = {a.lang for a in layout.articles} | set(layout.preambles)
        return sorted(seen) or list(FALLBACK_LANGUAGES)

    def _unknown_languages(self, layout: Layout, codes: list[str]) -> None:
        known = set(codes)
        for lang, path in sorted(layout.preambles.items()):
            if lang not in known:
                self._unknown(path, lang, codes)
        kept = []
        for item in layout.articles:
            if item.lang in known:
                kept.append(item)
            else:
                self._unknown(item.path, item.lang, codes)
        layout.articles = kept
        layout.preambles = {k: v for k, v in layout.preambles.items() if k in known}
        for lang, path in sorted(layout.conclusions.items()):
            if lang not in known:
                self._unknown(path, lang, codes)
        layout.conclusions = {k: v for k, v in layout.conclusions.items() if k in known}
        for key, path in sorted(layout.texts.items()):
            if key[2] not in known:
                self._unknown(path, key[2], codes)
        layout.texts = {key: path for key, path in layout.texts.items() if key[2] in known}

    def _unknown(self, path: str, lang: str, codes: list[str]) -> None:
        self.diags.error(self.show(path), 1, "S106",
                         f"unknown language suffix '.{lang}.md': the work's languages are {', '.join(codes)}")

    # -- the work file and the profile -------------------------------------------------

    def _work(self, layout: Layout, readable: set[str]) -> WorkMeta | None:
        if layout.work is None:
            self.diags.error(self.show(WORK_FILE), 1, "S108", "no work.yaml: every source tree starts with one")
            return None
        if layout.work not in readable:
            return None
        where = self.show(layout.work)
        doc = parse_yaml(self.texts[layout.work], where, 1, self.diags)
        if doc is None or not validate(doc, "work", where, self.diags):
            return None
        data = doc.data
        languages = tuple(Language(l["code"], l["akn"], l["authoritative"], l.get("translation_of"))
                          for l in data["languages"])
        codes = [lang.code for lang in languages]
        for index, code in enumerate(codes):
            if code in codes[:index]:
                self.diags.error(where, doc.line_of(("languages", index)), "F205", f"language '{code}' listed twice")
        for key in ("title",):
            for code in codes:
                if code not in data[key]:
                    self.diags.error(where, doc.line_of((key,)), "A403", f"the work's {key} is missing in '{code}'")
        versions = tuple(Version(v["name"], _date(v["date"]), v.get("event", "generation"), v.get("commit"),
                                 dict(v.get("title", {})), _source_document(v.get("source")),
                                 dict(v.get("status", {})), _modifications(v.get("modifications", [])))
                         for v in data.get("versions", []))
        names = [v.name for v in versions]
        if data.get("version") and data["version"] not in names:
            self.diags.error(where, doc.line_of(("version",)), "F206",
                             f"version '{data['version']}' is not one of the named versions ({', '.join(names) or 'none'})")
        publications = tuple(Publication(p["language"], p["name"], _date(p["date"]),
                                         str(p["number"]) if "number" in p else None)
                             for p in data.get("publications", []))
        return WorkMeta(
            country=data["country"], doctype=data["doctype"], subtype=data.get("subtype"), number=data["number"],
            date=_date(data["date"]), author=data["author"], title=dict(data["title"]), languages=languages,
            profile=data["profile"], version=data.get("version"), versions=versions, publications=publications,
            authors={k: dict(v) for k, v in data.get("authors", {}).items()}, loc=Loc(where, 1),
            uri=data.get("uri"), build_versions=bool(data.get("build", {}).get("versions", False)),
            short=data.get("short"), amends=_amended_work(data.get("amends")),
        )

    def _profile(self, meta: WorkMeta | None, layout: Layout, readable: set[str]) -> Profile:
        if meta is None:
            return Profile(name="(none)", preamble_required=False)
        if meta.profile in layout.profiles:
            path = layout.profiles[meta.profile]
            if path not in readable:
                return Profile(name=meta.profile)
            text, where = self.texts[path], self.show(path)
        else:
            bundled = PROFILES_DIR / f"{meta.profile}.yaml"
            if not bundled.is_file():
                self.diags.error(meta.loc.path, 1, "F204",
                                 f"unknown profile '{meta.profile}': not in profiles/ beside work.yaml nor bundled")
                return Profile(name=meta.profile)
            text, where = bundled.read_text(encoding="utf-8"), str(bundled)
        doc = parse_yaml(text, where, 1, self.diags)
        if doc is None or not validate(doc, "profile", where, self.diags):
            return Profile(name=meta.profile)
        levels = doc.data.get("levels")
        if levels is not None:
            articles = [i for i, level in enumerate(levels)
                        if level.get("kind") == "article" or (level.get("element") == "article" and "kind" not in level)]
            names = [level["name"] for level in levels]
            if len(articles) != 1:
                self.diags.error(where, doc.line_of(("levels",)), "F203",
                                 f"the profile needs exactly one article level (the unit of one file), found {len(articles)}: "
                                 "mark it with 'kind: article'")
                return Profile(name=meta.profile)
            for index, name in enumerate(names):
                if name in names[:index]:
                    self.diags.error(where, doc.line_of(("levels", index)), "F203", f"level '{name}' is listed twice")
                    return Profile(name=meta.profile)
            for index, level in enumerate(levels[articles[0] + 1:], start=articles[0] + 1):
                fmt = str(level.get("format", "{n}."))
                if not fmt.endswith((".", ")")):
                    self.diags.error(where, doc.line_of(("levels", index, "format")), "F203",
                                     f"a level inside the article is a list: its format ends in '.' or ')' ({fmt!r})")
                    return Profile(name=meta.profile)
        return Profile.from_data(doc.data)

    # -- preamble, sections, articles ----------------------------------------------------

    def _front_matter(self, path: str, schema: str, required: bool) -> tuple[YamlDoc | None, str, int]:
        text, where = self.texts[path], self.show(path)
        front, body, body_start = split_front_matter(text)
        if front is None:
            if text.startswith("---"):
                self.diags.error(where, 1, "F204", "front matter is not closed: add a line '---' after it")
                return None, "", body_start
            if required:
                self.diags.error(where, 1, "F204", "no front matter: the file starts with '---', the YAML, then '---'")
                return None, body, body_start
            return YamlDoc({}, None, 2), body, body_start
        doc = parse_yaml(front or "{}", where, 2, self.diags)
        if doc is None:
            return None, body, body_start
        if doc.data is None:
            doc.data = {}
        if not validate(doc, schema, where, self.diags):
            return None, body, body_start
        return doc, body, body_start

    def _preambles(self, layout: Layout, readable: set[str], codes: list[str]) -> dict[str, Preamble]:
        found: dict[str, Preamble] = {}
        for lang, path in sorted(layout.preambles.items()):
            if path not in readable:
                continue
            doc, body, start = self._front_matter(path, "preamble", required=False)
            paragraphs = parse_preamble_body(body, self.show(path), start, self.diags)
            heading = doc.data.get("heading") if doc else None
            found[lang] = Preamble(paragraphs, Loc(self.show(path), start), heading)
        return found

    def _container_texts(self, layout: Layout, readable: set[str]) -> dict[tuple[str, str, str], tuple[InlineSeq, ...]]:
        """The intro and wrap-up of every container folder that has them: paragraphs of text, like a preamble."""
        found: dict[tuple[str, str, str], tuple[InlineSeq, ...]] = {}
        for key, path in sorted(layout.texts.items()):
            if path not in readable:
                continue
            doc, body, start = self._front_matter(path, "preamble", required=False)
            what = "the intro" if key[1] == "intro" else "the wrap-up"
            found[key] = parse_preamble_body(body, self.show(path), start, self.diags, what)
        for lang, path in sorted(layout.conclusions.items()):
            if path in readable:
                doc, body, start = self._front_matter(path, "preamble", required=False)
                found[("", "conclusions", lang)] = parse_preamble_body(body, self.show(path), start, self.diags,
                                                                       "the conclusions")
        return found

    def _sections(self, layout: Layout, readable: set[str], codes: list[str]) -> dict[str, ContainerInfo]:
        """Every container folder: its level (the name of its LEVEL.yaml), number, titles."""
        found: dict[str, ContainerInfo] = {}
        names = [level.name for level in self.profile.container_levels]
        expected = " or ".join(f"{name}.yaml" for name in names) or SECTION_FILE
        for folder, paths in sorted(layout.sections.items(), key=lambda kv: _path_order(kv[0])):
            known = [p for p in paths if p.rsplit("/", 1)[-1][: -len(".yaml")] in names]
            for path in paths:
                if path not in known:
                    level = path.rsplit("/", 1)[-1][: -len(".yaml")]
                    hint = (f"'{level}' is not a level of the profile '{self.profile.name}' (its levels above the "
                            f"article: {', '.join(names) or 'none'})")
                    self.diags.error(self.show(path), 1, "S107", f"file outside the source layout: {hint}")
            fallback = names[0] if names else "section"
            if not known:
                target = f"{folder}/{expected if len(names) == 1 else fallback + '.yaml'}"
                what = "section" if names == ["section"] else "container"
                self.diags.error(self.show(target), 1, "S109",
                                 f"the {what} folder has no {expected} (number and title in every language)")
                found[folder] = ContainerInfo(fallback, "", {}, Loc(self.show(target), 1))
                continue
            path = known[0]
            level = path.rsplit("/", 1)[-1][: -len(".yaml")]
            for extra in known[1:]:
                self.diags.error(self.show(extra), 1, "S107",
                                 f"file outside the source layout: the folder already has {level}.yaml")
            where = self.show(path)
            if path not in readable:
                found[folder] = ContainerInfo(level, "", {}, Loc(where, 1))
                continue
            doc = parse_yaml(self.texts[path], where, 1, self.diags)
            if doc is None or not validate(doc, "section", where, self.diags):
                found[folder] = ContainerInfo(level, "", {}, Loc(where, 1))
                continue
            titles = {k: v.strip() for k, v in doc.data["title"].items()}
            for code in codes:
                if code not in titles:
                    self.diags.error(where, doc.line_of(("title",)), "A403", f"the {level} title is missing in '{code}'")
            for code in sorted(set(titles) - set(codes)):
                self.diags.error(where, doc.line_of(("title", code)), "S106",
                                 f"title in unknown language '{code}': the work's languages are {', '.join(codes)}")
            found[folder] = ContainerInfo(level, str(doc.data["number"]), titles, Loc(where, doc.line_of(("number",))))
        return found

    def _articles(self, layout: Layout, readable: set[str], codes: list[str]) -> dict[str, dict[str, dict[str, Article]]]:
        """section folder -> stem -> language -> Article."""
        grouped: dict[str, dict[str, dict[str, ArticleFile]]] = {}
        for item in layout.articles:
            grouped.setdefault(item.section_dir, {}).setdefault(item.stem, {})[item.lang] = item
        result: dict[str, dict[str, dict[str, Article]]] = {}
        for folder in sorted(grouped, key=_path_order):
            stems = grouped[folder]
            for stem in sorted(stems, key=lambda s: stems[s][next(iter(stems[s]))].order):
                files = stems[stem]
                versions: dict[str, Article] = {}
                for lang in codes:
                    if lang in files and files[lang].path in readable:
                        article = self._article(files[lang], stem)
                        if article is not None:
                            versions[lang] = article
                self._missing(files, codes, "article")
                result.setdefault(folder, {})[stem] = versions
        return result

    def _article(self, item: ArticleFile, stem: str) -> Article | None:
        doc, body, start = self._front_matter(item.path, "article", required=True)
        where = self.show(item.path)
        paragraphs = parse_article_body(body, where, start, self.diags, self.profile) if body.strip() else ()
        if not body.strip() and doc is not None:
            self.diags.error(where, start, "M604", "the article has no text")
        if doc is None:
            return None
        data: dict[str, Any] = doc.data
        number = str(data["number"])
        heading = data.get("heading")
        return Article(data["id"], number, paragraphs, Loc(where, doc.line_of(("number",))),
                       heading.strip() if isinstance(heading, str) else None, stem)

    def _missing(self, files: dict[str, ArticleFile], codes: list[str], what: str) -> None:
        """A401: a file of this article (or annex) that one of the work's languages lacks."""
        present = [lang for lang in codes if lang in files]
        if not present:
            return
        anchor = files[present[0]]
        for lang in codes:
            if lang not in files:
                missing = f"{anchor.section_dir}/{anchor.stem}.{lang}.md".lstrip("/")
                self.diags.error(self.show(anchor.path), 1, "A401", f"no '{lang}' version of this {what}: expected {missing}")

    def _annexes(self, layout: Layout, readable: set[str], codes: list[str]) -> dict[str, dict[str, Annex]]:
        """stem -> language -> Annex, in file order."""
        grouped: dict[str, dict[str, ArticleFile]] = {}
        for item in layout.annexes:
            grouped.setdefault(item.stem, {})[item.lang] = item
        result: dict[str, dict[str, Annex]] = {}
        for stem in sorted(grouped, key=lambda st: next(iter(grouped[st].values())).order):
            files = grouped[stem]
            versions: dict[str, Annex] = {}
            for lang in codes:
                if lang in files and files[lang].path in readable:
                    annex = self._annex(files[lang], stem)
                    if annex is not None:
                        versions[lang] = annex
            self._missing(files, codes, "annex")
            if versions:
                reference_lang, reference = next(iter(versions.items()))
                for lang, annex in versions.items():
                    if annex.id != reference.id or annex.num != reference.num:
                        self.diags.error(annex.loc.path, annex.loc.line, "A406",
                                         f"annex id/number '{annex.id}' {annex.num} differs from '{reference.id}' "
                                         f"{reference.num} in the '{reference_lang}' version")
            result[stem] = versions
        return result

    def _annex(self, item: ArticleFile, stem: str) -> Annex | None:
        doc, body, start = self._front_matter(item.path, "annex", required=True)
        where = self.show(item.path)
        if not body.strip():
            if doc is not None:
                self.diags.error(where, start, "M604", "the annex has no text")
            paragraphs: tuple[Any, ...] = ()
        else:
            paragraphs = parse_annex_body(body, where, start, self.diags, self.profile)
        if doc is None:
            return None
        data: dict[str, Any] = doc.data
        return Annex(str(data["id"]), str(data["number"]), str(data["title"]).strip(),
                     Loc(where, doc.line_of(("number",))), paragraphs, stem)

    # -- the model --------------------------------------------------------------------------

    def _assemble(self, meta: WorkMeta | None, codes: list[str], preambles: dict[str, Preamble],
                  sections: dict[str, ContainerInfo], articles: dict[str, dict[str, dict[str, Article]]],
                  annexes: dict[str, dict[str, Annex]],
                  texts: dict[tuple[str, str, str], tuple[InlineSeq, ...]] | None = None) -> dict[str, Expression]:
        texts = texts or {}
        children: dict[str, list[str]] = {}
        for folder in sections:
            children.setdefault(folder.rpartition("/")[0], []).append(folder)
        for folder in articles:
            if folder and folder not in sections:
                children.setdefault(folder.rpartition("/")[0], []).append(folder)

        def build(folder: str, lang: str) -> list[Container | Article]:
            items: list[tuple[tuple[int, int, str], Container | Article]] = []
            for sub in children.get(folder, []):
                info = sections.get(sub) or ContainerInfo("section", "", {}, Loc(self.show(sub), 1))
                name = sub.rsplit("/", 1)[-1]
                slug = SECTION_DIR_RE.match(name)
                node = Container(slug.group(2) if slug else name, info.num, info.titles.get(lang, ""), info.loc,
                                 tuple(build(sub, lang)), info.level, texts.get((sub, "intro", lang), ()),
                                 texts.get((sub, "wrap-up", lang), ()))
                items.append(((_dir_order(name)[0], 1, name), node))
            for stem, versions in articles.get(folder, {}).items():
                if lang in versions:
                    order = ARTICLE_RE.match(f"{stem}.x.md")
                    items.append(((int(order.group(1)) if order else 0, 0, stem), versions[lang]))
            # by the files' number prefixes; stable, so 044 stays before 044a
            return [node for _, node in sorted(items, key=lambda kv: kv[0][:2])]

        expressions: dict[str, Expression] = {}
        for lang in codes:
            title = meta.title.get(lang, "") if meta else ""
            attached = tuple(versions[lang] for versions in annexes.values() if lang in versions)
            expressions[lang] = Expression(lang, title, preambles.get(lang), tuple(build("", lang)), attached,
                                           texts.get(("", "conclusions", lang), ()))
        return expressions


def _article_file(folder: str, match: re.Match[str], path: str) -> ArticleFile:
    order = (int(match.group(1)), match.group(2))
    stem = f"{match.group(1)}{match.group(2)}-{match.group(3)}"
    return ArticleFile(folder, order, stem, match.group(4), path)


def _path_order(folder: str) -> tuple[tuple[int, str], ...]:
    return tuple(_dir_order(part) for part in folder.split("/")) if folder else ()


def _dir_order(folder: str) -> tuple[int, str]:
    match = SECTION_DIR_RE.match(folder)
    return (int(match.group(1)), folder) if match else (10**9, folder)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def read_tree(tree: SourceTree) -> ReadResult:
    return Reader(tree).read()


def _source_document(data: dict[str, Any] | None) -> SourceDocument | None:
    return SourceDocument(data["uri"], dict(data.get("title", {}))) if data else None


def _modifications(items: list[dict[str, Any]]) -> tuple[Modification, ...]:
    return tuple(Modification(m["type"], m["unit"], str(m["number"]), m.get("change", ""),
                              str(m["previous"]) if "previous" in m else None) for m in items)


def _amended_work(data: dict[str, Any] | None) -> AmendedWork | None:
    if not data:
        return None
    return AmendedWork(str(data["work"]), str(data["uri"]), str(data["profile"]), str(data["version"]),
                       {str(k): str(v) for k, v in data.get("articles", {}).items()},
                       {str(k): str(v) for k, v in data.get("files", {}).items()},
                       {str(k): str(v) for k, v in data.get("containers", {}).items()})
