"""``drafting amend``'s work: read OLD and NEW from git, plan, and write the amending act, all or nothing.

The act's sources go into DIR and its comparative tables (the redline's table, one PDF
per language) into TABLES; both are staged beside their targets and moved into place
only when everything has been written, so a failure leaves both as they were.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from drafting.amending.instructions import Amendment
from drafting.amending.planning import Revision, plan
from drafting.amending.writing import render_amendment
from drafting.akn import uri
from drafting.diagnostics import DraftingError
from drafting.eids import Identifiers
from drafting.source.reader import WORK_FILE
from drafting.writers.redline.revisions import Repository, RevisionError, Version, read_version

Say = Callable[[str], None]


@dataclass(frozen=True)
class Written:
    amendment: Amendment
    files: dict[str, str]  # the act's sources
    tables: dict[str, bytes]  # comparative-table.LANG.pdf -> bytes


def short_name(version: Version, source: Path) -> str:
    return version.work.meta.short or source.resolve().name


def prepare(source: Path, old: str, new: str, tables: bool = True, say: Say | None = None) -> Written:
    """Everything ``amend`` writes, in memory (RevisionError / DraftingError for bad input)."""
    tell = say or (lambda message: None)
    repository = Repository(source)
    before, after = _read(source, old, repository), _read(source, new, repository)
    old_meta, new_meta = before.work.meta, after.work.meta
    if uri.work_uri(old_meta) != uri.work_uri(new_meta):
        raise DraftingError(f"{before.side.label} is the work {uri.work_uri(old_meta)} and {after.side.label} "
                            f"{uri.work_uri(new_meta)}: an amending act changes one work")
    if old_meta.amends is not None:
        raise DraftingError(f"{before.side.label} is itself an amending act: amend the act it amends")
    tell(f"read {before.side.label} and {after.side.label}")
    short = short_name(before, source)
    amendment = plan(Revision(before.work, before.loaded.texts), Revision(after.work, after.loaded.texts),
                     short, uri.work_uri(old_meta))
    if not amendment.groups:
        raise DraftingError(f"{before.side.label} and {after.side.label} have the same text: nothing to amend")
    tell(f"{len(amendment.groups)} numbered instructions, {len(amendment.instructions())} changes")
    ids = Identifiers(before.work.expression(old_meta.codes[0]), before.work.profile)
    eids = {a.id: ids.article(a) for a in before.work.expression(old_meta.codes[0]).articles()}
    version = old if old_meta.version_named(old) else (before.side.commit or old)
    date = dt.date.fromisoformat(after.side.date) if after.side.date else new_meta.expression_date
    first = before.work.expression(old_meta.codes[0])
    container_eids = {c.id: ids.container(c) for c in first.containers()}
    files = render_amendment(amendment, old_meta, before.work.profile, version, date, eids, container_eids)
    pdfs: dict[str, bytes] = {}
    if tables:
        from drafting.writers.redline.compare import compare
        from drafting.writers.redline.labels import Labels
        from drafting.writers.redline.printing import table_pdf

        for lang in old_meta.codes:
            tell(f"comparative table ({lang})")
            result = compare(before.work, after.work, lang, before.side, after.side)
            pdfs[f"comparative-table.{lang}.pdf"] = table_pdf(result, Labels(lang, after.work.profile))
    return Written(amendment, files, pdfs)


def _read(source: Path, spec: str, repository: Repository) -> Version:
    try:
        return read_version(source, spec, repository)
    except RevisionError:
        raise
    except DraftingError as error:
        if not error.diagnostics:
            raise
        raise DraftingError(f"{spec}: the sources have errors (above); an amending act is written only between "
                            "versions that pass the checks", error.diagnostics) from None


def install(written: Written, out: Path, tables_out: Path | None) -> None:
    """Put the act into ``out`` and the tables into ``tables_out``, replacing earlier ones, all or nothing."""
    for target in [out, *([tables_out] if tables_out else [])]:
        for folder in (target, *target.parents):
            if folder.exists() and not folder.is_dir():
                raise DraftingError(f"{folder}: is a file, not a folder; choose another --out")
    _refuse_foreign(out)
    if tables_out is not None and tables_out.exists() and any(
            p.name != "manifest.json" and not p.name.startswith("comparative-table.") for p in tables_out.iterdir()):
        raise DraftingError(f"{tables_out}: holds other files; choose an empty or new folder for the tables")
    staged: list[tuple[Path, Path]] = []
    try:
        staged.append((_stage(out, {k: v.encode("utf-8") for k, v in written.files.items()}), out))
        if tables_out is not None:
            staged.append((_stage(tables_out, written.tables), tables_out))
        for folder, target in staged:
            _swap(folder, target)
    finally:
        for folder, _ in staged:
            shutil.rmtree(folder, ignore_errors=True)


def _refuse_foreign(out: Path) -> None:
    """An existing DIR may only be empty or hold an earlier amending act (``amends:`` in its work.yaml)."""
    if not out.exists():
        return
    entries = [p for p in out.iterdir() if not p.name.startswith(".")]
    if not entries:
        return
    work = out / WORK_FILE
    if not work.is_file() or "\namends:" not in "\n" + work.read_text(encoding="utf-8", errors="replace"):
        raise DraftingError(f"{out}: holds other files and no earlier amending act; choose an empty or new folder")


def _stage(target: Path, files: dict[str, bytes]) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=target.parent))
    for name, data in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def _swap(folder: Path, target: Path) -> None:
    """``folder`` takes ``target``'s place; the old ``target`` (if any) is removed after the rename."""
    if not target.exists():
        os.rename(folder, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(folder, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
