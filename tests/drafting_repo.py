"""Temporary drafting repositories for command tests: a copy of the mini fixture in a real git repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner, Result

from drafting.cli import app

MINI = Path(__file__).parent / "fixtures" / "mini"
GIT_ENV = {"GIT_AUTHOR_NAME": "Drafter", "GIT_AUTHOR_EMAIL": "drafter@example.invalid",
           "GIT_COMMITTER_NAME": "Drafter", "GIT_COMMITTER_EMAIL": "drafter@example.invalid",
           "GIT_AUTHOR_DATE": "2026-02-01T10:00:00+05:00", "GIT_COMMITTER_DATE": "2026-02-01T10:00:00+05:00"}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false", *args],
                          cwd=repo, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def make_repo(tmp_path: Path, name: str = "constitution") -> Path:
    """A git repository holding a copy of the mini constitution in ``name/``; returns the source folder."""
    repo = tmp_path / "repo"
    source = repo / name
    shutil.copytree(MINI, source)
    git(repo, "init", "-q")
    commit(repo, "the mini constitution")
    return source


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def cli(*args: str) -> Result:
    """Run a drafting command in-process."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``drafting`` as a real subprocess (as a drafter or CI would)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "drafting", *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=120)


def write_article(folder: Path, stem: str, article_id: str, number: str, bodies: dict[str, str]) -> None:
    for lang, body in bodies.items():
        (folder / f"{stem}.{lang}.md").write_text(f"---\nid: {article_id}\nnumber: {number}\n---\n{body}\n",
                                                  encoding="utf-8")


def append_lines(folder: Path, stem: str, lines: dict[str, str]) -> None:
    """Add a line at the end of an article's file, per language (e.g. a paragraph with references)."""
    for lang, line in lines.items():
        path = folder / f"{stem}.{lang}.md"
        path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
