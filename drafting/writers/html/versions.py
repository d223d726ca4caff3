"""Which versions the web edition shows, and the model of each.

``edition_versions`` is the one place the site asks for versions. Until the
point-in-time build of issue #13 gives every named version's model, it reads
them the way the redline does (``drafting.writers.redline.revisions``): from git
objects, nothing checked out.

- The current version (``version:`` in work.yaml) is the sources being built.
- A named version before it is read from its ``commit`` (or its tag).
- A named version after it without a commit or tag (adopted, in force) has
  the current sources' text: nothing changed since, only its date.
- A version before the current one that git cannot give (no repository, no
  commit, a shallow clone) is left out and reported in ``skipped``.

A version that is read but has errors stops the build: the site shows no text
that does not pass ``drafting check``. A commit's model, once read and checked,
is kept in the build cache (a commit never changes; the key also covers the
toolkit's own code and schemas, so a new reader or check reads it again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafting import signedcache
from drafting.diagnostics import DraftingError
from drafting.model import Version, Work


@dataclass(frozen=True)
class EditionVersion:
    name: str  # folder of its pages: a named version, or "current"
    date: dt.date
    title: dict[str, str]  # described per language ("Final draft put to the referendum")
    work: Work
    same_text_as: str | None = None  # the version whose text this one repeats unchanged


@dataclass
class EditionVersions:
    versions: list[EditionVersion]
    skipped: list[str] = field(default_factory=list)  # "first-draft: why"

    @property
    def latest(self) -> EditionVersion:
        return self.versions[-1]

    def previous(self, name: str) -> EditionVersion | None:
        names = [v.name for v in self.versions]
        index = names.index(name)
        return self.versions[index - 1] if index > 0 else None


def edition_versions(source: Path, work: Work, cache: Path | None = None) -> EditionVersions:
    """Every version the site shows, oldest first; the current sources are ``work``."""
    meta = work.meta
    named = list(meta.versions)
    current = meta.current_version
    if current is None:  # no named versions, or none current: one edition, of the sources
        return EditionVersions([EditionVersion("current", meta.expression_date, {}, work)])
    index = named.index(current)
    found: list[EditionVersion] = []
    skipped: list[str] = []
    for version in named[:index]:
        past = _read_past(source, version, skipped, cache)
        if past is not None:
            found.append(EditionVersion(version.name, version.date, dict(version.title), past))
    found.append(EditionVersion(current.name, current.date, dict(current.title), work))
    for version in named[index + 1:]:
        if version.commit:
            later = _read_past(source, version, skipped, cache)
            if later is not None:
                found.append(EditionVersion(version.name, version.date, dict(version.title), later))
                continue
        found.append(EditionVersion(version.name, version.date, dict(version.title), work, same_text_as=current.name))
    return EditionVersions(found, skipped)


def _read_past(source: Path, version: Version, skipped: list[str], cache: Path | None) -> Work | None:
    from drafting.writers.redline.revisions import Repository, RevisionError, read_version

    try:
        repository = Repository(source)
        sha, _label = repository.resolve(version.name)
        cached = _cache_file(cache, sha, str(repository.folder), version.name) if cache else None
        if cached is not None:
            hit = signedcache.load(cached)  # only an entry this machine wrote (a committed one is ignored)
            if isinstance(hit, Work):
                return hit
        work = read_version(source, version.name, repository).work
        if cached is not None:
            signedcache.dump(cached, work)
        return work
    except RevisionError as error:
        skipped.append(f"{version.name}: {error}")
        return None
    except DraftingError as error:
        raise DraftingError(f"version '{version.name}' cannot be shown: {error}", error.diagnostics) from None


def _cache_file(cache: Path, sha: str, folder: str, name: str) -> Path:
    key = hashlib.sha256(f"{sha}\0{folder}\0{name}\0{_toolkit_key()}".encode()).hexdigest()[:32]
    return cache / "versions" / f"{key}.pickle"


@lru_cache(maxsize=1)
def _toolkit_key() -> str:
    """A digest of the code and schemas that read and check a version: a change reads commits again."""
    from drafting.resources import PACKAGE_ROOT, SCHEMAS_DIR

    digest = hashlib.sha256()
    for folder in (PACKAGE_ROOT, SCHEMAS_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".yaml")):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
