"""`drafting consolidate` as a drafter runs it: a real subprocess on temporary git repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consolidation_acts import act_files
from consolidation_trees import base_files

ROOT = Path(__file__).resolve().parents[1]  # this checkout's package, whatever the virtual environment installed


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e"})


def drafting(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "CI": "1", "PYTHONPATH": str(ROOT)})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path / "law", base_files())
    write(tmp_path / "amendment", act_files())
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "law")
    git(tmp_path, "commit", "-qm", "base")
    git(tmp_path, "tag", "base")
    (tmp_path / "law" / "01-first" / "001-scope.en.md").write_text("edited on disk, not in BASE\n")
    return tmp_path


def test_consolidate_writes_the_consolidated_tree(repo: Path) -> None:
    done = drafting("consolidate", "base", "amendment", "law", "--out", "out", cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    out = repo / "out"
    assert (out / "02-second/003a-extra.ru.md").read_text() == "---\nid: extra\nnumber: 3-1\n---\n1. Extra ru.\n"
    assert (out / "01-first/001-scope.en.md").read_text().startswith("---\nid: scope\nnumber: 1\n---\n1. Restated en.\n")
    assert (out / "01-first/002-terms.en.md").read_text().endswith("1. The state protects every citizen.\n")
    work = (out / "work.yaml").read_text()
    assert "version: amended-12\n" in work and "uri: /akn/kz/act/2026-12-01/12\n" in work
    assert drafting("check", "out", cwd=repo).returncode == 0


def test_an_instruction_that_cannot_apply_writes_nothing(repo: Path) -> None:
    write(repo / "amendment", {"001-amendments.ru.md": act_files()["001-amendments.ru.md"].replace("«first»", "«absent»")})
    done = drafting("consolidate", "base", "amendment", "law", "--out", "out", cwd=repo)
    assert done.returncode == 1
    assert done.stdout == ("amendment/001-amendments.ru.md:17:1: error C802 the words «absent» are not in point 1 of "
                           "paragraph 2 of article 'scope' (ru)\n")
    assert "error: the amending act cannot be applied: nothing was written" in done.stderr
    assert not (repo / "out").exists()


@pytest.mark.parametrize("args, message", [
    (("nowhere", "amendment", "law", "--out", "out"), "unknown revision 'nowhere'"),
    (("base", "missing", "law", "--out", "out"), "missing: neither an amending act's source folder (no work.yaml) nor its Akoma Ntoso (.xml files)"),
    (("base", "amendment", "law", "--out", "file.txt"), "file.txt: is a file, not a folder: give --out a folder"),
])
def test_bad_input_is_a_message_and_exit_2(repo: Path, args: tuple[str, ...], message: str) -> None:
    (repo / "file.txt").write_text("x")
    done = drafting("consolidate", *args, cwd=repo)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (repo / "out").exists() and (repo / "file.txt").read_text() == "x"


def test_an_act_that_amends_another_work_is_refused(repo: Path) -> None:
    text = (repo / "amendment" / "work.yaml").read_text().replace("/2026-01-10/small-law", "/2026-01-10/other-law")
    (repo / "amendment" / "work.yaml").write_text(text)
    done = drafting("consolidate", "base", "amendment", "law", "--out", "out", cwd=repo)
    assert done.returncode == 2
    assert "amendment amends /akn/kz/act/2026-01-10/other-law, but law at base" in done.stderr
