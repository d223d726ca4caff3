"""The round trip: random edits of small acts in temporary git repositories, through `amend` and `consolidate`.

OLD and NEW are two commits of a generated act; ``amend`` (drafting.amending.act.prepare, as the command runs it)
writes the amending act between them; its sources are read back (consolidation.fromact) and applied to OLD
(consolidation.application). The result must be NEW, file by file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pytest

from consolidation_edits import Draft, drafts, edited
from drafting.consolidation.application import consolidate_files
from drafting.consolidation.fromact import read_instructions, steps_of
from drafting.source.load import load_tree
from drafting.source.tree import MemoryTree

prepare = pytest.importorskip("drafting.amending.act", reason="drafting amend (the amend branch) is not merged yet").prepare

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e"}


def commit(root: Path, files: dict[str, str], message: str) -> None:
    law = root / "law"
    shutil.rmtree(law, ignore_errors=True)
    for relative, text in files.items():
        path = law / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A", "."], cwd=root, check=True, env=GIT_ENV, capture_output=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=root, check=True, env=GIT_ENV, capture_output=True)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Draft, Draft]:
    old = draw(drafts())
    new, changes = draw(edited(old, valid=True, headings=True))
    return old, new


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_amend_then_consolidate_gives_new_file_by_file(tmp_path_factory: object, pair: tuple[Draft, Draft]) -> None:
    old, new = pair
    assume(old.files() != new.files())
    root: Path = tmp_path_factory.mktemp("roundtrip")  # type: ignore[attr-defined]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=GIT_ENV)
    commit(root, old.files(), "old")
    commit(root, new.files(), "new")
    written = prepare(root / "law", "HEAD~1", "HEAD", tables=False)
    act = load_tree(MemoryTree({path: text.encode() for path, text in written.files.items()}, "amendment"))
    assert act.work is not None and not act.diagnostics.has_errors(), [d.format() for d in act.diagnostics.sorted()]
    files = old.files()
    base = load_tree(MemoryTree({path: text.encode() for path, text in files.items()}))
    assert base.work is not None
    located, diagnostics = read_instructions(act.work, base.work)
    assert [d.format() for d in diagnostics.sorted()] == []
    result = consolidate_files(files, base.work, steps_of(located))
    assert [d.format() for d in result.diagnostics.sorted()] == []
    assert result.files == new.files()
