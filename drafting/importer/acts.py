"""Import: AKN 3.0 files -> one source tree per work.

A file holds one act or bill, the ``portion`` of one, or a ``documentCollection`` of
them. Every act found is read (meta into work-file fields, body into the model) and
the acts are grouped by work: the files of one work are its languages, merged into
one Work (containers aligned by position, ids from the first file). The levels of the
work are read off the document (``levels.py``) and written as the tree's profile, so
the tree passes ``drafting check`` as it comes out. Each act's words and units are
counted before (``census.xml_census``) for the import report. Everything that could
not be mapped is a diagnostic with its XML line.
"""

from __future__ import annotations

import dataclasses
import re
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

from drafting.akn import tag
from drafting.akn.xmlin import Found, local, parse_file
from drafting.diagnostics import Diagnostics, DraftingError
from drafting.akn import uri
from drafting.importer.bodyread import BodyReader, BodyResult, body_of
from drafting.importer.census import Census, xml_census
from drafting.importer.inlineread import InlineReader
from drafting.importer.levels import Plan, Planner
from drafting.importer.metaread import ExpressionMeta, MetaReader, slug
from drafting.model import (Article, Container, Expression, Language, Loc, Publication, SourceDocument, Version, Work,
                            WorkMeta)
from drafting.profile import PROFILES_DIR, Profile
from drafting.source.rewrite import render_tree, write_tree

PROFILE_NAME = "imported"


@dataclass
class Imported:
    work: Work
    profile: dict[str, Any] | None  # the inferred profile to write, None for a bundled one the work names
    diagnostics: Diagnostics
    before: dict[str, Census]  # language -> words and units in the AKN
    folder: str = ""  # where the tree goes below --out when a file holds several works

    def files(self) -> dict[str, str]:
        return render_tree(self.work, self.profile)


@dataclass
class Part:
    path: Path
    found: Found
    meta: ExpressionMeta

    @property
    def document(self) -> etree._Element:
        return self.found.element


def read_parts(path: Path, diags: Diagnostics) -> list[Part]:
    display = str(path)
    parsed = parse_file(path, display)
    for line, what in parsed.skipped:
        diags.warning(display, line, "I715", f"{what}: not imported")
    parts = []
    for found in parsed.documents:
        document = found.element
        meta = MetaReader(display, diags).read(document)
        if local(document) == "portion":
            diags.warning(display, document.sourceline or 1, "I714",
                          f"a portion of {document.get('includedIn') or meta.work_uri}: the tree holds only this part "
                          "of the act")
        parts.append(Part(path, found, meta))
    return parts


def import_works(paths: list[Path], pick: str | None = None) -> list[Imported]:
    """Every work in the files (or the one ``pick`` names: its FRBR URI, number, component eId or folder)."""
    if not paths:
        raise DraftingError("no file to import")
    diags = Diagnostics()
    parts = [part for path in paths for part in read_parts(path, diags)]
    groups: dict[tuple[str, ...], list[Part]] = {}
    for part in parts:
        groups.setdefault(_identity(part.meta), []).append(part)
    collected = any(part.found.where for part in parts)
    if len(groups) > 1 and not collected and pick is None:
        first, other = parts[0], next(p for p in parts if _identity(p.meta) != _identity(parts[0].meta))
        raise DraftingError(f"{other.meta.path}: a different work ({other.meta.work_uri or other.meta.number}) from "
                            f"{first.meta.path} ({first.meta.work_uri or first.meta.number}): import the expressions "
                            "of one work together")
    works = list(groups.values())
    if pick is not None:
        works = [group for group in works if _matches(group, pick)]
        if not works:
            names = "; ".join(f"{_folder(g[0].meta)} ({g[0].meta.work_uri}"
                              + (f", {g[0].found.where}" if g[0].found.where else "") + ")" for g in groups.values())
            raise DraftingError(f"no work '{pick}' in the files: they hold {names}")
    results = [_import_work(group, diags) for group in works]
    if len(results) > 1:
        for imported, group in zip(results, works):
            imported.folder = _folder(group[0].meta)
        if len({r.folder for r in results}) != len(results):
            for index, imported in enumerate(results, start=1):
                imported.folder = f"{imported.folder}-{index}"
    return results


def import_files(paths: list[Path], pick: str | None = None) -> Imported:
    """The one work in the files (an error naming them when they hold several and none is picked)."""
    works = import_works(paths, pick)
    if len(works) > 1:
        names = ", ".join(w.work.meta.number for w in works)
        raise DraftingError(f"the files hold {len(works)} works ({names}): pick one (--work) or import them all "
                            "into one folder each")
    return works[0]


def import_to(paths: list[Path], out: Path, force: bool = False, pick: str | None = None) -> Imported:
    """Write the files' work into ``out``; the first when they hold several (each into a folder of its own)."""
    return import_trees(paths, out, force, pick)[0]


def import_trees(paths: list[Path], out: Path, force: bool = False, pick: str | None = None) -> list[Imported]:
    """Write every work of the files: into ``out``, or one folder each below it when there are several."""
    works = import_works(paths, pick)
    files: dict[str, str] = {}
    for imported in works:
        prefix = f"{imported.folder}/" if len(works) > 1 else ""
        files.update({prefix + name: text for name, text in imported.files().items()})
    if len(works) > 1:  # several works: a library, so that `drafting check OUT` and `drafting build OUT` take them all
        files["drafting.yaml"] = "# written by 'drafting import': the works of the collection\nworks:\n" + "".join(
            f"  - {imported.folder}\n" for imported in works)
    try:
        write_tree(files, out, force)
    except FileExistsError as exc:
        raise DraftingError(str(exc)) from None
    except OSError as exc:
        raise DraftingError(f"{out}: cannot write the source tree: {exc.strerror or exc}") from None
    return works


def _identity(meta: ExpressionMeta) -> tuple[str, ...]:
    return (meta.country, meta.doctype, meta.subtype or "", meta.number, meta.date.isoformat())


def _folder(meta: ExpressionMeta) -> str:
    return slug(f"{meta.subtype or meta.doctype}-{meta.number}", "work")


def _matches(group: list[Part], pick: str) -> bool:
    meta = group[0].meta
    wanted = pick.strip().rstrip("/")
    return wanted in {meta.work_uri, meta.uri or "", meta.number, _folder(meta)} or \
        any(part.found.where == f"component {wanted}" for part in group)


# -- one work ---------------------------------------------------------------------------------


def _import_work(parts: list[Part], diags: Diagnostics) -> Imported:
    seen: dict[str, str] = {}
    for part in parts:
        code = part.meta.language.code
        if code in seen:
            raise DraftingError(f"{part.meta.path}: a second '{code}' expression (the first is {seen[code]})")
        seen[code] = part.meta.path
    first = parts[0]
    body = body_of(first.document)
    if body is None:
        raise DraftingError(f"{first.meta.path}:{first.document.sourceline or 1}: the document has no <body>")
    planner = Planner(body)
    plan = planner.plan(first.meta.language.code)
    for part in parts[1:]:
        other = body_of(part.document)
        if other is not None:
            planner.add_language(plan, part.meta.language.code, other)
    for line, message in plan.notes:
        diags.warning(first.meta.path, line, "I706", message)
    results: list[BodyResult] = []
    for part in parts:
        text = InlineReader(part.meta.path, diags, part.meta.work_uri)
        text.define_from(part.document)
        results.append(BodyReader(plan, text, part.meta.stable).read(part.document, part.meta.work_alias or part.meta.alias))
        if not results[-1].articles():
            where = f" ({part.found.where})" if part.found.where else ""
            raise DraftingError(f"{part.meta.path}{where}: no article found: the body holds no "
                                f"<{plan.article}> (nor any unit holding text) to import")
    for part, result in zip(parts[1:], results[1:]):
        result.body = _align(results[0].body, result.body, part.meta.path, first.meta.path)
    meta = _work_meta(parts, results, diags)
    expressions = {part.meta.language.code: Expression(part.meta.language.code, meta.title[part.meta.language.code],
                                                       result.preamble, tuple(result.body), tuple(result.annexes),
                                                       result.conclusions)
                   for part, result in zip(parts, results)}
    inferred = profile_data(plan, parts, results)
    data: dict[str, Any] | None = inferred
    profile = Profile.from_data(inferred)
    bundled = (first.meta.own or {}).get("profile", "")
    if bundled and re.fullmatch(r"[a-z0-9-]+", bundled) and (PROFILES_DIR / f"{bundled}.yaml").is_file():
        # our own file names a bundled profile: the tree uses it again, as the drafter wrote it (when its levels
        # are the ones read off the document)
        named = Profile.from_data(yaml.safe_load((PROFILES_DIR / f"{bundled}.yaml").read_text(encoding="utf-8")))
        if [level.name for level in named.levels] == [level.name for level in profile.levels]:
            profile, data = named, None
            meta = dataclasses.replace(meta, profile=bundled)
        else:  # not under the bundled one's name: a tree's own profile would shadow it with other rules
            inferred["name"] = PROFILE_NAME
            profile, data = Profile.from_data(inferred), inferred
            meta = dataclasses.replace(meta, profile=PROFILE_NAME)
    work = Work(meta, profile, expressions)
    before = {part.meta.language.code: xml_census(part.document) for part in parts}
    return Imported(work, data, diags, before)


def _align(mine: list[Container | Article], theirs: list[Container | Article], path: str,
           first: str) -> list[Container | Article]:
    """The other language's containers take the first language's ids; the shapes must agree."""
    shape = [type(u).__name__ for u in mine]
    if shape != [type(u).__name__ for u in theirs]:
        raise DraftingError(f"{path}: its structure differs from {first} ({len(theirs)} units at one level where "
                            f"{first} has {len(mine)}): the files are not expressions of the same text")
    aligned: list[Container | Article] = []
    for own, other in zip(mine, theirs):
        if isinstance(own, Container) and isinstance(other, Container):
            children = _align(list(own.children), list(other.children), path, first)
            aligned.append(dataclasses.replace(other, id=own.id, children=tuple(children)))
        else:
            aligned.append(other)
    return aligned


def _work_meta(parts: list[Part], results: list[BodyResult], diags: Diagnostics) -> WorkMeta:
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
        recorded: dict[str, dict[str, str]] = {}  # in the order work.yaml lists them
        for part in parts:
            for key, name in part.meta.own_authors.items():
                recorded.setdefault(key, {})[part.meta.language.code] = name
        for key, names in authors.items():
            recorded.setdefault(key, {}).update({code: name for code, name in names.items()
                                                 if code not in recorded[key]})
        authors = recorded
    version = first.version or (versions[-1].name if versions else None)
    if version not in {v.name for v in versions}:  # FRBRversionNumber names no version work.yaml can list
        version = versions[-1].name if versions else None
    title = {p.meta.language.code: r.title or p.meta.work_alias or p.meta.alias or p.meta.number
             for p, r in zip(parts, results)}
    work_meta = WorkMeta(
        country=first.country, doctype=doctype, subtype=first.subtype, number=first.number, date=date,
        author=first.author, title=title, languages=tuple(languages), profile=_profile_name(first), version=version,
        versions=versions, publications=tuple(publications), authors=authors, loc=Loc(first.path, 1),
        build_versions=bool(first.own and first.own.get("build-versions") == "true"))
    if first.own is not None:
        return dataclasses.replace(work_meta, uri=first.own.get("uri"))
    return dataclasses.replace(work_meta, uri=_verbatim_uri(work_meta, first))


def _profile_name(meta: ExpressionMeta) -> str:
    """``imported``, or the profile our own writer recorded (the tree gets its levels under that name again)."""
    named = (meta.own or {}).get("profile", "")
    return named if re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", named) else PROFILE_NAME


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


# -- the profile -------------------------------------------------------------------------------


def profile_data(plan: Plan, parts: list[Part], results: list[BodyResult]) -> dict[str, Any]:
    names = ", ".join(sorted({p.path.name for p in parts}))
    data: dict[str, Any] = {"name": _profile_name(parts[0].meta),
                            "description": f"derived by 'drafting import' from {names}",
                            "preamble": "required" if all(r.preamble is not None for r in results) else "optional",
                            "levels": [level.data() for level in plan.levels]}
    labels: dict[str, dict[str, str]] = {}
    for part, result in zip(parts, results):
        if result.annex_labels:
            labels.setdefault(part.meta.language.code, {})["annex"] = _most_common(result.annex_labels)
        if result.formula:  # drafting.writers.akn.document.FORMULA_LABEL
            labels.setdefault(part.meta.language.code, {})["enacting_formula"] = result.formula
    if labels:
        data["labels"] = labels
    return data


def _most_common(counter: Counter[str]) -> str:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]

