"""Commands that rewrite sources are all or nothing: a folder that cannot be written halfway leaves the tree as it was.

The tests run as root on CI machines, where a read-only mode does not stop a
write, so "this folder is not writable" is simulated at the system call: every
rename into (or out of) the chosen folder fails with EACCES, after the earlier
files were already replaced. Where the tests run as an ordinary user, the real
chmod case runs too.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Callable

import pytest

import drafting.source.transaction as transaction
from drafting.source.load import load
from drafting.tools.renumbering import renumber
from drafting.source.transaction import Change, ChangeFailed, apply
from drafting_repo import cli, make_repo, run, write_article

LATE_FOLDER = "11-final"  # the last section: renamed and edited last, after most of the change is applied


def snapshot(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


def _refusing(real: Callable[..., None], folder: str, calls: list[str]) -> Callable[..., None]:
    def fake(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(str(dst))
        if any(f"/{folder}/" in str(path) or str(path).endswith(f"/{folder}") for path in (src, dst)):
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real(src, dst)
    return fake


@pytest.fixture
def late_folder_unwritable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(transaction.os, "replace", _refusing(os.replace, LATE_FOLDER, calls))
    monkeypatch.setattr(transaction.os, "rename", _refusing(os.rename, LATE_FOLDER, calls))
    return calls


def test_new_article_fails_halfway_and_the_tree_is_unchanged(tmp_path: Path, late_folder_unwritable: list[str]) -> None:
    source = make_repo(tmp_path)
    before = snapshot(source)
    result = cli("new", "article", source, "--section", "IV", "--after", "7", "--id", "new-powers")
    assert result.exit_code == 1
    assert "Permission denied; nothing was changed" in result.output and "Traceback" not in result.output
    assert len(late_folder_unwritable) > 10  # files were replaced before the failure: it did fail halfway
    assert snapshot(source) == before
    assert load(source).ok and run("check", source).returncode == 0


def test_renumber_fails_halfway_and_a_second_run_after_the_fix_succeeds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_repo(tmp_path)
    write_article(source / "02-rights", "003a-inserted", "inserted", "4",
                  {"kk": "Енгізілген бап.", "ru": "Вставленная статья.", "en": "An inserted article."})
    before = snapshot(source)
    calls: list[str] = []
    monkeypatch.setattr(transaction.os, "replace", _refusing(os.replace, LATE_FOLDER, calls))
    with pytest.raises(ChangeFailed, match="nothing was changed"):
        renumber(source)
    assert calls and snapshot(source) == before
    monkeypatch.undo()
    renumber(source)  # the folder writable again: the same command finishes the job
    assert load(source).ok, load(source).diagnostics.sorted()


def test_renames_are_undone_in_reverse(tmp_path: Path, late_folder_unwritable: list[str]) -> None:
    for name in ("a", "b", LATE_FOLDER):
        (tmp_path / name).mkdir()
        (tmp_path / name / "f.txt").write_text(name, encoding="utf-8")
    before = snapshot(tmp_path)
    change = Change(tmp_path, {"a/f.txt": "new a", "a/new/g.txt": "created"})
    change.rename_group([("a", "b"), ("b", "a")])  # a swap
    change.rename_group([(f"a/f.txt", f"{LATE_FOLDER}/g.txt")])
    with pytest.raises(ChangeFailed):
        apply(change)
    assert snapshot(tmp_path) == before


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder that cannot be written: for an ordinary user a real read-only folder; as root (which writes into
    read-only folders) the second file write of the change fails as it would there, after the first was done."""
    source = make_repo(tmp_path)
    before = snapshot(source)
    late = source / LATE_FOLDER
    replaced: list[str] = []
    as_root = os.geteuid() == 0
    if as_root:
        real = os.replace

        def second_fails(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
            replaced.append(str(dst))
            if len(replaced) == 2:
                raise PermissionError(errno.EACCES, "Permission denied", str(dst))
            real(src, dst)

        monkeypatch.setattr(transaction.os, "replace", second_fails)
    else:
        late.chmod(0o555)
    try:
        result = cli("new", "article", source, "--section", "IV", "--after", "7", "--id", "new-powers")
    finally:
        late.chmod(0o755)
        monkeypatch.undo()
    assert result.exit_code == 1
    assert "Permission denied; nothing was changed" in result.output and "Traceback" not in result.output
    if as_root:  # the first file was written, the second refused, and the first taken back
        assert len(replaced) == 2 and replaced[0] != replaced[1] and not Path(replaced[0]).exists()
    assert snapshot(source) == before
    assert load(source).ok and run("check", source).returncode == 0
