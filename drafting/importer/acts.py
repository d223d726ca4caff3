"""Import: one or more AKN 3.0 files (one per expression of the same work) -> one source tree.

Each file is parsed safely, its meta read into work-file fields and its body into
the model; the languages are merged into one Work (section folders from the first
file, article ids from ``wId`` or the article numbers), a profile is derived from
the printed numbers (``Article {n}``), and the tree is rendered with the source
writer. Everything that could not be mapped is a diagnostic with its XML line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting.importer.bodyread import BodyReader, BodyResult
from drafting.importer.metaread import ExpressionMeta, MetaReader
from drafting.importer.numread import escape_template
from drafting.akn.xmlin import parse_file
from drafting.diagnostics import Diagnostics, DraftingError
from drafting.akn import uri
from drafting.model import Expression, Language, Loc, Publication, SourceDocument, Version, Work, WorkMeta
from drafting.numbering import Number, from_roman, sequence_problems, to_roman
from drafting.profile import Profile
from drafting.source.rewrite import profile_data, render_tree, write_tree

PROFILE_NAME = "imported"


@dataclass
class Imported:
    work: Work
    profile: dict[str, Any]
    diagnostics: Diagnostics

    def files(self) -> dict[str, str]:
        return render_tree(self.work, self.profile)


@dataclass
class Part:
    meta: ExpressionMeta
    body: BodyResult


def read_part(path: Path, diags: Diagnostics) -> Part:
    display = str(path)
    document = parse_file(path, display)
    meta = MetaReader(display, diags).read(document)
    body = BodyReader(display, diags, meta.work_uri, meta.stable).read(document)
    return Part(meta, body)


def import_files(paths: list[Path]) -> Imported:
    if not paths:
        raise DraftingError("no file to import")
    diags = Diagnostics()
    parts = [read_part(path, diags) for path in paths]
    for path, part in zip(paths, parts):
        if not any(section.articles for section in part.body.sections):
            raise DraftingError(f"{path}: no article found: the body holds no <article> (nor <section> used as one) "
                                "to import")
    _check_same_work(parts)
    codes = [part.meta.language.code for part in parts]
    first = parts[0]
    for part in parts[1:]:
        _align_sections(first, part)
    _renumber_sections(parts, diags)
    profile = _profile(parts, diags)
    meta = _work_meta(parts, diags)
    expressions = {code: Expression(code, meta.title[code], part.body.preamble, tuple(part.body.sections))
                   for code, part in zip(codes, parts)}
    work = Work(meta, profile, expressions)
    return Imported(work, profile_data(profile, f"derived by 'drafting import' from {', '.join(p.name for p in paths)}"),
                    diags)


def import_to(paths: list[Path], out: Path, force: bool = False) -> Imported:
    imported = import_files(paths)
    try:
        write_tree(imported.files(), out, force)
    except FileExistsError as exc:
        raise DraftingError(str(exc)) from None
    except OSError as exc:
        raise DraftingError(f"{out}: cannot write the source tree: {exc.strerror or exc}") from None
    return imported


def _check_same_work(parts: list[Part]) -> None:
    first = parts[0].meta
    seen: dict[str, str] = {}
    for part in parts:
        meta = part.meta
        identity = (meta.country, meta.doctype, meta.number, meta.date)
        if identity != (first.country, first.doctype, first.number, first.date):
            raise DraftingError(f"{meta.path}: a different work ({meta.work_uri or meta.number}) from "
                                f"{first.path} ({first.work_uri or first.number}): import the expressions of one work together")
        code = meta.language.code
        if code in seen:
            raise DraftingError(f"{meta.path}: a second '{code}' expression (the first is {seen[code]})")
        seen[code] = meta.path


def _align_sections(first: Part, other: Part) -> None:
    mine, theirs = first.body.sections, other.body.sections
    if len(mine) != len(theirs):
        raise DraftingError(f"{other.meta.path}: {len(theirs)} sections, but {first.meta.path} has {len(mine)}: "
                            "the files are not expressions of the same text")
    other.body.sections = [dataclasses.replace(s, id=m.id) for s, m in zip(theirs, mine)]


def _renumber_sections(parts: list[Part], diags: Diagnostics) -> None:
    """Section numbers must form one sequence (I, II, ... or 1, 2, ...); flattened containers may not."""
    sections = parts[0].body.sections
    nums = [s.num for s in sections]
    roman = bool(nums) and all(from_roman(n) is not None for n in nums)
    expected = [to_roman(i) if roman else str(i) for i in range(1, len(nums) + 1)]
    if nums == expected:
        return
    wrong = next(s for s, e in zip(sections, expected) if s.num != e)
    diags.warning(wrong.loc.path, wrong.loc.line, "I706", f"section numbers {', '.join(nums)} are not one sequence: "
                  f"numbered {expected[0]}..{expected[-1]} by position (the source format numbers sections straight through)")
    for part in parts:
        part.body.sections = [dataclasses.replace(s, num=e) for s, e in zip(part.body.sections, expected)]


def _work_meta(parts: list[Part], diags: Diagnostics) -> WorkMeta:
    first = parts[0].meta
    codes = [p.meta.language.code for p in parts]
    languages: list[Language] = []
    authors: dict[str, dict[str, str]] = {}
    titles: dict[str, dict[str, str]] = {}
    publications: list[Publication] = []
    for part in parts:
        meta, language = part.meta, part.meta.language
        if language.translation_of and language.translation_of not in codes:
            diags.warning(meta.path, 1, "I711", f"a translation from '{language.translation_of}', which is not among "
                          "the imported files: recorded without its source language")
            language = dataclasses.replace(language, translation_of=None)
        languages.append(language)
        for agent in {meta.author, meta.translator} - {None}:
            name = meta.names.get(str(agent), "")
            if name and name != agent:
                authors.setdefault(str(agent), {})[language.code] = name
        for known in meta.versions:
            titles.setdefault(known.name, {}).update(known.title)
        if meta.publication is not None:
            publications.append(meta.publication)
    versions = tuple(dataclasses.replace(v, title=titles.get(v.name, {})) for v in first.versions)
    if first.expression_date != first.date and not versions:
        versions = (Version("imported", first.expression_date),)
    doctype, date = first.doctype, first.date
    if first.own is not None:  # our own file: the work file's facts as the writer recorded them
        versions = _own_versions(parts)
        doctype = first.own.get("doctype", doctype) if first.own.get("doctype") in ("act", "bill") else doctype
        date = _iso(first.own.get("date")) or date
        for part in parts:
            for key, name in part.meta.own_authors.items():
                authors.setdefault(key, {})[part.meta.language.code] = name
    version = first.version or (versions[-1].name if versions else None)
    title = {p.meta.language.code: p.body.title or p.meta.work_alias or p.meta.alias or p.meta.number for p in parts}
    work_meta = WorkMeta(
        country=first.country, doctype=doctype, subtype=first.subtype, number=first.number, date=date,
        author=first.author, title=title, languages=tuple(languages), profile=PROFILE_NAME, version=version,
        versions=versions, publications=tuple(publications), authors=authors, loc=Loc(first.path, 1),
        build_versions=bool(first.own and first.own.get("build-versions") == "true"))
    if first.own is not None:
        return dataclasses.replace(work_meta, uri=first.own.get("uri"))
    return dataclasses.replace(work_meta, uri=_verbatim_uri(work_meta, first))


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _own_versions(parts: list[Part]) -> tuple[Version, ...]:
    """The named versions our writer recorded, each language's words merged."""
    found: dict[str, dict[str, Any]] = {}
    for part in parts:
        code = part.meta.language.code
        for attrs in part.meta.own_versions:
            entry = found.setdefault(attrs["name"], {"attrs": attrs, "title": {}, "status": {}, "source": {}})
            for key in ("title", "status"):
                if attrs.get(key):
                    entry[key][code] = attrs[key]
            if attrs.get("source-title"):
                entry["source"][code] = attrs["source-title"]
    versions = []
    for name, entry in found.items():
        attrs = entry["attrs"]
        date = _iso(attrs.get("date"))
        if date is None:
            continue
        event = attrs.get("event", "generation")
        source = SourceDocument(attrs["source"], entry["source"]) if attrs.get("source") else None
        versions.append(Version(name, date, event if event in ("generation", "amendment", "repeal") else "amendment",
                                attrs.get("commit"), entry["title"], source, entry["status"]))
    return tuple(versions)


def _verbatim_uri(meta: WorkMeta, first: ExpressionMeta) -> str | None:
    """The imported work URI when the one built from the work file's fields would differ (a year-only date)."""
    if not first.work_uri:
        return None
    built = uri.work_uri(uri.work_id(meta, meta.doctype))
    return first.work_uri if built != first.work_uri else None


def _profile(parts: list[Part], diags: Diagnostics) -> Profile:
    labels: dict[str, dict[str, str]] = {}
    for part in parts:
        own: dict[str, str] = {}
        for key, counter in (("article", part.body.article_labels), ("section", part.body.section_labels)):
            if counter:
                chosen = _most_common(counter)
                own[key] = escape_template(chosen)
                for other in sorted(set(counter) - {chosen}):
                    diags.warning(part.meta.path, part.body.label_lines.get((key, other), 1), "I706",
                                  f"{key} numbers printed as '{other}' will be printed as '{chosen}', "
                                  f"the form most {key}s use (the profile has one label per language)")
        if part.body.formula:
            own["enacting_formula"] = part.body.formula  # drafting.writers.akn.document.FORMULA_LABEL
        labels[part.meta.language.code] = own
    body = parts[0].body
    articles = [a for s in body.sections for a in s.articles]
    numbers = [a.num for a in articles]
    paragraphs = [p.num for a in articles for p in a.paragraphs if p.num]
    points = [pt.num for a in articles for p in a.paragraphs for pt in p.points]
    roman = bool(body.sections) and all(from_roman(s.num) is not None for s in body.sections)
    continuous = not sequence_problems(numbers, True) or len(body.sections) < 2
    return Profile(
        name=PROFILE_NAME, preamble_required=any(p.body.preamble is not None for p in parts), section_count=None,
        section_numbering="roman" if roman else "arabic",
        article_numbering="continuous" if continuous else "per-section", article_inserted=inserted(numbers),
        article_headings="optional", paragraph_inserted=inserted(paragraphs), point_inserted=inserted(points),
        labels=labels)


def inserted(nums: list[str]) -> bool:
    parsed = [Number.parse(num) for num in nums]
    return any(number is not None and number.inserted for number in parsed)


def _most_common(counter: Counter[str]) -> str:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]
