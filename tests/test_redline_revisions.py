"""OLD and NEW: git revisions, named versions and the working tree, read without checking anything out."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from drafting.writers.redline.revisions import Repository, RevisionError, read_version
from redline_edits import MINI, commit, git, two_versions


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    return two_versions(tmp_path_factory.mktemp("revisions"))


def article_count(source: Path, spec: str) -> int:
    return len(read_version(source, spec).work.expression("en").articles())


def test_tags_branches_shas_and_relative_revisions(history) -> None:  # type: ignore[no-untyped-def]
    repo, source, first, second = history
    version = read_version(source, "v1")
    assert (version.side.commit, version.side.label, version.side.date) == (first, f"v1 ({first[:7]})", "2026-01-31")
    assert read_version(source, first[:10]).side.label == first[:7]
    assert read_version(source, "HEAD~1").side.commit == first
    assert read_version(source, "main").side.commit == second
    paths = [d.path for d in read_version(source, "HEAD").loaded.diagnostics]
    assert paths and all(p.startswith("HEAD:constitution/") for p in paths)  # the N310 warnings name the revision


def test_named_versions_use_the_work_file_commit_then_a_tag(tmp_path: Path) -> None:
    repo, source, first, second = two_versions(tmp_path)
    work_file = source / "work.yaml"
    text = work_file.read_text(encoding="utf-8")
    work_file.write_text(text.replace("- {name: first-draft, date: 2026-01-31}",
                                      f"- {{name: first-draft, date: 2026-01-31, commit: {first[:12]}}}"),
                         encoding="utf-8")
    assert read_version(source, "first-draft").side.commit == first
    with pytest.raises(RevisionError, match="named version 'final-draft' has no commit in work.yaml and there is no tag"):
        read_version(source, "final-draft")
    git(repo, "tag", "final-draft", second)
    assert read_version(source, "final-draft").side.commit == second


def test_the_working_tree_is_read_as_it_is_and_nothing_is_checked_out(history) -> None:  # type: ignore[no-untyped-def]
    repo, source, first, second = history
    path = source / "01-foundations" / "001-foundations-1.en.md"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("on foundations", "on the foundations"), encoding="utf-8")
    try:
        status = git(repo, "status", "--porcelain")
        worktree = read_version(source, "WORKTREE")
        assert worktree.side.label == "working tree" and worktree.side.commit is None
        text = worktree.work.expression("en").articles()[0].paragraphs[0].text
        assert "the foundations" in text[0].value  # type: ignore[union-attr]
        read_version(source, "v1")
        assert git(repo, "status", "--porcelain") == status
        assert git(repo, "rev-parse", "HEAD") == second
        assert path.read_text(encoding="utf-8") != original
    finally:
        path.write_text(original, encoding="utf-8")


def test_an_unknown_revision(history) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _ = history
    with pytest.raises(RevisionError, match="unknown revision 'no-such-tag'.*named version \\(first-draft, final-draft\\)"):
        read_version(source, "no-such-tag")
    with pytest.raises(RevisionError, match="'--output=x' is not a revision"):
        read_version(source, "--output=x")


def test_a_revision_without_the_source_folder(history) -> None:  # type: ignore[no-untyped-def]
    _, source, _, _ = history
    with pytest.raises(RevisionError, match="revision empty \\([0-9a-f]{7}\\) has no folder 'constitution'"):
        read_version(source, "empty")


def test_a_folder_without_a_work_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "constitution").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "constitution" / "notes.md").write_text("Notes.\n", encoding="utf-8")
    commit(repo, "Notes", "2026-01-01T09:00:00+05:00")
    shutil.copytree(MINI, repo / "constitution", dirs_exist_ok=True)
    with pytest.raises(RevisionError, match="has no constitution/work.yaml"):
        read_version(repo / "constitution", "HEAD")


def test_outside_a_repository(tmp_path: Path) -> None:
    source = tmp_path / "constitution"
    shutil.copytree(MINI, source)
    with pytest.raises(RevisionError, match="not inside a git repository"):
        Repository(source)
    assert read_version(source, "WORKTREE").work is not None


def test_a_shallow_clone_says_how_to_fetch_the_history(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo, _, _, second = history
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.resolve().as_uri(), str(clone)], check=True,
                   capture_output=True)
    source = clone / "constitution"
    assert Repository(source).shallow
    assert read_version(source, "HEAD").side.commit == second
    with pytest.raises(RevisionError, match="'HEAD~1' is not in this shallow clone.*git fetch --unshallow"):
        read_version(source, "HEAD~1")


def test_a_named_version_is_dated_by_the_work_file_not_by_its_commit(tmp_path: Path) -> None:
    repo, source, first, second = two_versions(tmp_path)
    (repo / "NOTES.txt").write_text("recorded later\n", encoding="utf-8")
    later = commit(repo, "A note, weeks after the final draft", "2026-03-01T12:00:00+05:00", tag="final-draft")
    named, plain = read_version(source, "final-draft"), read_version(source, later)
    assert named.side.commit == plain.side.commit == later
    assert named.side.date == "2026-02-12"  # versions[final-draft].date in the mini fixture's work.yaml
    assert plain.side.date == "2026-03-01"  # a bare SHA keeps its commit's date


def test_a_commit_is_read_once_then_from_the_version_cache(history, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import drafting.writers.redline.revisions as revisions
    from drafting.writers.redline.versioncache import entry_path

    _, source, first, _ = history
    before = read_version(source, "v1")
    real, reads = revisions.load_tree, []
    monkeypatch.setattr(revisions, "load_tree", lambda tree: reads.append(tree) or real(tree))
    again = read_version(source, "v1")
    assert reads == [] and again.work == before.work and again.loaded.diagnostics.items == before.loaded.diagnostics.items
    entry = entry_path(source, first, "constitution\0v1")
    assert entry.is_file()  # in the project's cache folder (or $DRAFTING_CACHE, as the suite sets it)
    entry.write_bytes(b"not a cache entry")  # damaged: read again, never an error
    assert read_version(source, "v1").work == before.work and len(reads) == 1
