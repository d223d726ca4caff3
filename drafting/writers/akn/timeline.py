"""The build's AKN writer: the current version, and with ``--versions`` every version as of its date.

Versions come from ``drafting.writers.html.versions.edition_versions`` (the one place
the build asks for versions: read from git objects, nothing checked out, cached):
each named version before the current one from its ``commit`` (or tag), the
current one from the sources being built, and a later one from its own commit or,
without one, from the current sources (nothing changed since, only its date).
Every version is written with the *current* work file's facts (titles, sources,
authors: what was recorded later about an earlier version) and its own text.

Files:

- ``akn/{lang}.xml``: the current version, one per language (as before);
- with ``--versions`` (or ``build: {versions: true}`` in work.yaml):
  ``akn/{lang3}@{date}.xml`` per version and language, named after the FRBR
  expression (``kaz@2026-01-31.xml``), and ``akn/mul@{date}.xml``, a
  ``documentCollection`` holding that version's language expressions in one file.

The versions are written oldest first, one ``Lineage`` per language, so that each
unit's ``wId`` is its eId in the version where it first appeared and ``mappings``
record every renumbering; the current version's files get the same wIds whether or
not ``--versions`` is on (its earlier versions are read either way, when git has them).
Every document is checked against the strict schema before anything is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafting.akn import uri
from drafting.akn.xmlout import to_bytes
from drafting.diagnostics import DraftingError
from drafting.model import Work
from drafting.writers.akn.collection import collection_element
from drafting.writers.akn.document import KIND, ActWriter, artifact_path
from drafting.writers.akn.lineage import Lineage
from drafting.writers.artifacts import Artifact, BuildContext

COLLECTION_LANGUAGE = "mul"  # ISO 639-2 "multiple languages": the collection's expression


@dataclass(frozen=True)
class Step:
    """One version to write: its name (None: the sources, no named version) and its model."""

    name: str | None
    work: Work
    current: bool


def version_work(work: Work, text: Work, name: str | None) -> Work:
    """The text of a version with the current work file's facts, as of that version."""
    return dataclasses.replace(text, meta=dataclasses.replace(work.meta, version=name))


def steps(source: Path, work: Work, cache: Path | None, strict: bool) -> tuple[list[Step], list[str]]:
    """Every version oldest first, and why some could not be read (``strict``: an error for one with a commit)."""
    from drafting.writers.html.versions import edition_versions

    current = work.meta.current_version
    if current is None:
        return [Step(None, work, True)], []
    try:
        found = edition_versions(source, work, cache)
    except DraftingError:
        if strict:
            raise
        return [Step(current.name, work, True)], ["earlier versions have errors: wIds from this version alone"]
    if strict:
        missing = [reason for reason in found.skipped
                   if (v := work.meta.version_named(reason.split(":")[0])) is not None and v.commit]
        if missing:
            raise DraftingError("cannot build every version: " + "; ".join(missing))
    return [Step(v.name, version_work(work, v.work, v.name), v.name == current.name) for v in found.versions], \
        found.skipped


def write_artifacts(work: Work, ctx: BuildContext) -> list[Artifact]:
    from drafting.akn.schema import validate

    every = bool(ctx.options.get("versions")) or work.meta.build_versions
    check = bool(ctx.options.get("akn_validate", True))
    plan, skipped = steps(ctx.source, work, ctx.cache, every)
    for reason in skipped:
        ctx.progress(f"akn: left out {reason}")
    artifacts: list[Artifact] = []

    def write(relative: str, root: etree._Element, lang: str | None) -> None:
        data = to_bytes(root)
        if check:
            errors = validate(data)
            if errors:
                shown = "\n".join(error.format(relative) for error in errors[:20])
                raise DraftingError(f"the AKN {relative} is not valid against akomantoso30.xsd:\n{shown}")
        ctx.path(relative).write_bytes(data)
        artifacts.append(Artifact(relative, KIND, lang))

    lineages = {lang: Lineage() for lang in ctx.languages}
    seen_current = False
    for step in plan:
        if seen_current and not every:
            break  # later versions tell nothing about the current one's wIds
        seen_current = seen_current or step.current
        documents: dict[str, etree._Element] = {}
        for lang in ctx.languages:
            if lang not in step.work.expressions:
                continue
            ctx.progress(f"akn: {step.name or 'sources'} {lang}")
            root = ActWriter(step.work, lang, others=ctx.options.get("works")).document(lineages[lang])  # type: ignore[arg-type]
            documents[lang] = root
            if step.current:
                write(artifact_path(lang), root, lang)
            if every:
                name = uri.expression_name(step.work.meta.language(lang).akn, step.work.meta.expression_date)
                write(f"{KIND}/{name}.xml", root, lang)
        if every and documents:
            date = step.work.meta.expression_date
            write(f"{KIND}/{uri.expression_name(COLLECTION_LANGUAGE, date)}.xml",
                  collection_element(step.work, documents), None)
    return artifacts
