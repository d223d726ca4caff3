"""`drafting check --changed REV` in a temporary git repository of acts: only the acts with a file changed since
REV and the acts that refer to them are checked; the CI workflow and the pre-commit hook run it."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafting_repo import commit, git, run

LIBRARY = Path(__file__).parent / "fixtures" / "library"
REPO = Path(__file__).resolve().parent.parent
LAW = "laws/elections/01-general"


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    where = tmp_path / "repo"
    shutil.copytree(LIBRARY, where)
    (where / ".gitignore").write_text(".drafting-cache/\n", encoding="utf-8")
    git(where, "init", "-q")
    commit(where, "two acts")
    return where


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def checked(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The acts the verbose output says were checked."""
    return [line.split(":", 1)[0] for line in done.stderr.splitlines() if line.endswith(("checked)", "unchanged)"))]


def test_nothing_changed_checks_nothing(repo: Path) -> None:
    done = run("check", "--changed", "HEAD", "-v", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "0 errors, 0 warnings in 0 files (0 of 2 acts: changed since HEAD or referring to them)"


def test_a_change_to_the_law_checks_the_law_alone(repo: Path) -> None:
    # an error committed in the constitution: the law's change does not make --changed report it
    edit(repo / "constitution/02-rights/003-rights-1.en.md", "number: 3", "number: 4")
    base = commit(repo, "a broken constitution")
    edit(repo / f"{LAW}/001-purpose.ru.md", "[статьей 1 Конституции]", "[статьей 2 Конституции]")
    done = run("check", "--changed", base, "-v", cwd=repo)
    assert checked(done) == ["elections"], done.stderr
    assert done.returncode == 1 and "R504 reference text 'статьей 2 Конституции'" in done.stdout
    assert "A406" not in done.stdout  # the constitution's own error is not the change's
    assert "(1 of 2 acts: changed since" in done.stdout
    everything = run("check", cwd=repo)
    assert "A406" in everything.stdout and "R504" in everything.stdout


def test_a_change_to_the_constitution_checks_the_acts_that_refer_to_it(repo: Path) -> None:
    run("check", cwd=repo)  # a cache of the last check: the law's references come from it
    for lang in ("kk", "ru", "en"):
        edit(repo / f"constitution/01-foundations/001-foundations-1.{lang}.md", "number: 1\n", "number: 1\n\n")
    commit(repo, "the constitution edited")
    done = run("check", "--changed", "HEAD~1", "-v", cwd=repo)
    assert checked(done) == ["constitution", "elections"], done.stderr
    # without a cache the law's files are searched for the constitution's short name
    shutil.rmtree(repo / ".drafting-cache")
    again = run("check", "--changed", "HEAD~1", "-v", "--no-cache", cwd=repo)
    assert checked(again) == ["constitution", "elections"], again.stderr


def test_a_new_untracked_file_and_drafting_yaml_count(repo: Path) -> None:
    extra = repo / f"{LAW}/003-extra.en.md"
    extra.write_text("---\nid: extra\nnumber: 3\n---\nText.\n", encoding="utf-8")
    done = run("check", "--changed", "HEAD", "-v", cwd=repo)
    assert checked(done) == ["elections"] and "A401" in done.stdout  # no kk and ru versions
    extra.unlink()
    edit(repo / "drafting.yaml", "find:", "# every act\nfind:")
    assert checked(run("check", "--changed", "HEAD", "-v", cwd=repo)) == ["constitution", "elections"]


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    done = run("check", "--changed", "no-such-rev", cwd=repo)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "unknown revision 'no-such-rev'" in done.stderr


def test_the_workflow_and_the_hook_check_the_changed_acts(repo: Path) -> None:
    workflow: dict[Any, Any] = yaml.safe_load((REPO / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    base_step = next(s for s in steps if s.get("id") == "base")
    output = repo / "github-output"
    edit(repo / f"{LAW}/001-purpose.ru.md", "[статьей 1 Конституции]", "[статьей 2 Конституции]")
    before = git(repo, "rev-parse", "HEAD").strip()
    commit(repo, "the law edited")
    subprocess.run(["bash", "-c", base_step["run"]], cwd=repo, check=True,
                   env={"PATH": "/usr/bin:/bin", "BASE_SHA": "", "BEFORE": before, "GITHUB_OUTPUT": str(output)})
    rev = output.read_text(encoding="utf-8").strip().removeprefix("rev=")
    assert rev == before
    command = next(s["run"] for s in steps if "drafting check" in str(s.get("run", "")))
    words = shlex.split(command.replace("${{ steps.base.outputs.rev }}", rev))
    assert words[:3] == ["drafting", "check", "--changed"]
    done = run(*words[1:], "-v", cwd=repo)
    assert done.returncode == 1 and "::error file=" in done.stdout and checked(done) == ["elections"]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "drafting-check")
    hook_command = shlex.split(hook["entry"]) + list(hook["args"])
    assert hook_command[:4] == ["drafting", "check", "--changed", "HEAD"]
    edit(repo / f"{LAW}/001-purpose.ru.md", "[статьей 2 Конституции]", "[статьей 1 Конституции]")  # staged fix
    git(repo, "add", "-A")
    assert run(*hook_command[1:], cwd=repo).returncode == 0
