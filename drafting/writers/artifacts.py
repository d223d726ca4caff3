"""`build`: sources -> model -> checks -> writers -> DIR, all or nothing.

Writers are looked up by artifact kind. Each writes into a private staging folder;
only when every writer has succeeded are the files moved into DIR (each by an
atomic rename) and the manifest rewritten. A failed build leaves DIR as it was.

``build_library`` builds every act of a repository (``drafting.yaml``) the same way,
each under ``DIR/SHORT/``, with a library index ``DIR/index.html`` and one manifest;
references between the acts become links and AKN ``ref``s to the other act.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from drafting.diagnostics import DraftingError
from drafting.writers.cachedir import project_cache
from drafting.source.load import load_valid
from drafting.writers.manifest import MANIFEST as MANIFEST, Artifact as Artifact, sha256 as sha256  # re-exported
from drafting.writers.manifest import install, staging
from drafting.model import Work

# kind -> "module:function"; a writer is (work, BuildContext) -> list[Artifact]
WRITERS: dict[str, str] = {
    "akn": "drafting.writers.akn.timeline:write_artifacts",
    "html": "drafting.writers.html.pages:write_artifacts",
    "pdf": "drafting.writers.pdf.documents:write_artifacts",
    "site": "drafting.writers.html.site:write_artifacts",  # after akn and pdf: its pages list their sha256
}


class Progress(Protocol):
    def __call__(self, message: str) -> None: ...


@dataclass
class BuildContext:
    source: Path
    staging: Path  # write here; paths relative to it become paths in DIR
    out: Path  # the final DIR (read only: for reusing earlier artifacts)
    languages: list[str]
    cache: Path  # a folder kept between builds, for content-addressed reuse
    options: dict[str, object] = field(default_factory=dict)
    progress: Progress = lambda message: None  # noqa: E731

    def path(self, relative: str) -> Path:
        target = self.staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return target


Writer = Callable[[Work, BuildContext], list[Artifact]]


def writer_for(kind: str) -> Writer:
    module, function = WRITERS[kind].split(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def source_revision(source: Path) -> dict[str, object]:
    """The git commit of the sources, and whether the tree differs from it."""
    try:
        import git

        repo = git.Repo(source, search_parent_directories=True)
        commit = repo.head.commit.hexsha
        rel = os.path.relpath(source.resolve(), Path(repo.working_tree_dir or ".").resolve())
        dirty = repo.is_dirty(path=rel) or any(
            p == rel or p.startswith(rel.rstrip("/") + "/") or rel == "." for p in repo.untracked_files)
        return {"commit": commit, "dirty": bool(dirty)}
    except Exception:  # not a repository, no commits yet, git missing: say so in the manifest
        return {"commit": None, "dirty": True}


def _write_work(work: Work, source: Path, staged: Path, out: Path, kinds: list[str], codes: list[str],
                cache: Path, options: dict[str, object], say: Progress) -> list[Artifact]:
    context = BuildContext(source, staged, out, codes, cache, options, say)
    artifacts: list[Artifact] = []
    for kind in kinds:
        say(f"writing {kind}")
        artifacts.extend(writer_for(kind)(work, context))
    return artifacts


def _kinds(kinds: list[str] | None) -> list[str]:
    kinds = kinds or list(WRITERS)
    unknown = [k for k in kinds if k not in WRITERS]
    if unknown:
        raise DraftingError(f"unknown artifact kind(s): {', '.join(unknown)} (known: {', '.join(WRITERS)})")
    return kinds


def build_library(
    root: Path,
    out: Path,
    kinds: list[str] | None = None,
    languages: list[str] | None = None,
    options: dict[str, object] | None = None,
    progress: Progress | None = None,
) -> list[dict[str, object]]:
    """Every act of the repository at ``root``: ``DIR/SHORT/...`` each, ``DIR/index.html``, one manifest."""
    from drafting.source.load import load_library
    from drafting.writers.html.library import write_index

    kinds = _kinds(kinds)
    found = load_library(root)
    if not found.ok:
        every = [*found.library.diagnostics.sorted(), *(d for l in found.works.values() for d in l.diagnostics.sorted())]
        raise DraftingError(f"{root}: the sources have errors; run 'drafting check'", every)
    works = found.models
    say = progress or (lambda message: None)
    cache = Path(os.environ.get("DRAFTING_CACHE", out.parent / ".drafting-cache"))
    every_code: list[str] = []
    with staging(out) as staged:
        artifacts: list[Artifact] = []
        for short, work in works.items():
            codes = [c for c in work.meta.codes if not languages or c in languages]
            every_code += [c for c in codes if c not in every_code]
            say(f"{short}: {found.library.works[short]}")
            made = _write_work(work, found.library.works[short], staged / short, out / short, kinds, codes, cache,
                               {**(options or {}), "works": works}, say)
            artifacts.extend(Artifact(f"{short}/{a.path}", a.kind, a.language) for a in made)
        artifacts.extend(write_index(found.library, works, artifacts, staged))
        entries = install(staged, out, artifacts, [*kinds, "library"], every_code, source_revision(root))
    return entries


def build(
    source: Path,
    out: Path,
    kinds: list[str] | None = None,
    languages: list[str] | None = None,
    options: dict[str, object] | None = None,
    progress: Progress | None = None,
) -> list[dict[str, object]]:
    """Build the artifacts; return the manifest entries written."""
    kinds = _kinds(kinds)
    work = load_valid(source)
    codes = languages or work.meta.codes
    missing = [code for code in codes if code not in work.meta.codes]
    if missing:
        raise DraftingError(f"unknown language(s): {', '.join(missing)} (the work has {', '.join(work.meta.codes)})")
    say = progress or (lambda message: None)
    cache = project_cache(source)
    with staging(out) as staged:
        artifacts = _write_work(work, source, staged, out, kinds, codes, cache, dict(options or {}), say)
        entries = install(staged, out, artifacts, kinds, codes, source_revision(source))
    return entries
