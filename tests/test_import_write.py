"""`drafting import` writes through the transactional writer: a write that fails halfway leaves the target as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from drafting.diagnostics import DraftingError
from drafting.importer.acts import import_trees
from drafting.source import transaction

IMPORT = Path(__file__).resolve().parent / "fixtures" / "akn-import"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def fail_second_write(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the transactional writer's second file replacement fail, as a full disk would."""
    done: list[str] = []
    calls = [0]
    real = os.replace

    def replace(source: Any, target: Any) -> None:
        calls[0] += 1
        if calls[0] == 2:  # only the second: undoing the first write replaces files too
            raise OSError(28, "No space left on device", str(target))
        done.append(str(target))
        real(source, target)

    monkeypatch.setattr(transaction.os, "replace", replace)
    return done


def test_a_failed_write_leaves_no_tree_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = fail_second_write(monkeypatch)
    with pytest.raises(DraftingError, match="cannot write the source tree: No space left on device"):
        import_trees([IMPORT / "intros-act.xml"], tmp_path / "new" / "tree")
    assert len(done) == 1  # the first file was written, then undone (a new file: removed)
    assert not (tmp_path / "new").exists()


def test_a_failed_forced_write_leaves_the_old_tree_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "tree"
    import_trees([IMPORT / "westminster-act.xml"], out)
    (out / "notes.txt").write_text("the drafter's own file\n", encoding="utf-8")
    before = snapshot(out)
    fail_second_write(monkeypatch)
    with pytest.raises(DraftingError, match="No space left on device"):
        import_trees([IMPORT / "intros-act.xml"], out, force=True)
    assert snapshot(out) == before
    assert not [p for p in out.rglob(".*") if p.is_file()]  # no staged or parked file left


def test_a_forced_write_replaces_the_tree_completely(tmp_path: Path) -> None:
    out = tmp_path / "tree"
    import_trees([IMPORT / "westminster-act.xml"], out)
    import_trees([IMPORT / "intros-act.xml"], out, force=True)
    fresh = tmp_path / "fresh"
    import_trees([IMPORT / "intros-act.xml"], fresh)
    assert snapshot(out) == snapshot(fresh)  # no file or folder of the Westminster tree is left
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in fresh.iterdir())


def test_an_output_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "tree"
    target.write_text("not a folder\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafting", "import", str(IMPORT / "portion.xml"), "--out",
                             str(target), "--force"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{target} is a file, not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "not a folder\n"
