"""The PDF job as processes (issue #16): Ctrl-C, a killed parent, stale staging folders, the project's cache.

Every test runs the real command line in a subprocess (its own session, as a
terminal would run it), on a copy of the mini constitution.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafting_repo import git, make_repo

DRAFTING = [sys.executable, "-m", "drafting"]
REPO_ROOT = Path(__file__).resolve().parent.parent


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DRAFTING_CACHE"}
    env.update(extra)
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _is_fork(pid: int, parent: int) -> bool:
    """A forked worker has its parent's command line (git and other helpers have their own)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes() == Path(f"/proc/{parent}/cmdline").read_bytes()
    except OSError:
        return False


def _long_source(tmp_path: Path) -> Path:
    """The constitution in a git repository: its A2 pages take seconds to lay out, long enough to interrupt."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO_ROOT / "constitution", repo / "constitution")
    git(repo, "init", "-q")
    return repo / "constitution"


def _start_rendering(source: Path, out: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], list[int]]:
    """A PDF build of two languages, once both workers are rendering: (process, worker pids).

    Its stderr goes to ``OUT.stderr`` (a pipe would be held open by the workers, and waiting
    for its end would wait for them).
    """
    with (out.parent / f"{out.name}.stderr").open("w") as stderr:
        process = subprocess.Popen([*DRAFTING, "build", str(source), "--out", str(out), "--only", "pdf",
                                    "--page", "a2", "--lang", "kk,ru", "--verbose"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=stderr, text=True,
                                   start_new_session=True)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline:
        workers = [pid for pid in _children(process.pid) if _alive(pid) and _is_fork(pid, process.pid)]
        if len(workers) >= 2:
            time.sleep(0.5)  # inside WeasyPrint by now
            return process, workers
        assert process.poll() is None, (out.parent / f"{out.name}.stderr").read_text()
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the build never started its workers")


def test_ctrl_c_during_a_pdf_build_ends_with_130_and_one_line(tmp_path: Path) -> None:
    source = _long_source(tmp_path)
    out = tmp_path / "out"
    process, workers = _start_rendering(source, out, _env(DRAFTING_CACHE=str(tmp_path / "cache")))
    os.killpg(process.pid, signal.SIGINT)  # what the terminal does: the whole group
    process.wait(timeout=30)
    stderr = (tmp_path / "out.stderr").read_text()
    assert process.returncode == 130
    messages = [line for line in stderr.splitlines() if not line.startswith(("pdf ", "writing ", "checking"))]
    assert messages == [f"interrupted: nothing was written to {out}"], stderr
    assert "Traceback" not in stderr
    assert not out.exists() or not any(out.iterdir())
    assert not list(tmp_path.glob(".out.staging-*"))
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def test_workers_die_with_a_killed_parent_and_the_next_build_removes_its_staging(tmp_path: Path) -> None:
    source = _long_source(tmp_path)
    out = tmp_path / "out"
    env = _env(DRAFTING_CACHE=str(tmp_path / "cache"))
    process, workers = _start_rendering(source, out, env)
    staged = list(tmp_path.glob(".out.staging-*"))
    assert staged, f"the build stages its files beside --out: {sorted(p.name for p in tmp_path.iterdir())}"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 1  # a render takes longer: a worker must not finish its job first
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "a worker outlived its killed parent"
    assert all(folder.exists() for folder in staged)  # nothing could clean up after kill -9
    done = subprocess.run([*DRAFTING, "build", str(source), "--out", str(out), "--only", "html", "--quiet"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not any(folder.exists() for folder in staged)
    assert (out / "html" / "kk.html").is_file()


def test_a_running_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    from drafting.writers.manifest import remove_stale_staging

    out = tmp_path / "out"
    mine = tmp_path / f".out.staging-{os.getpid()}-abc123"
    dead = tmp_path / ".out.staging-999999999-abc123"
    other = tmp_path / ".other.staging-999999999-abc123"
    for folder in (mine, dead, other):
        folder.mkdir()
    assert remove_stale_staging(out) == [dead]
    assert mine.exists() and other.exists() and not dead.exists()


def _build_pdf(source: Path, out: Path, env: dict[str, str]) -> str:
    done = subprocess.run([*DRAFTING, "build", str(source), "--out", str(out), "--only", "pdf", "--page", "a4",
                           "--lang", "en", "--verbose"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_the_render_cache_lives_with_the_repository_so_any_out_reuses_it(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    env = _env(XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    first = _build_pdf(source, tmp_path / "one", env)
    assert "pdf en-a4: rendering" in first
    assert list((source.parent / ".drafting-cache" / "pdf").glob("en-a4.*.pdf"))
    second = _build_pdf(source, tmp_path / "elsewhere" / "two", env)
    assert "pdf en-a4: unchanged, reused" in second
    assert (tmp_path / "one" / "pdf" / "en-a4.pdf").read_bytes() == \
        (tmp_path / "elsewhere" / "two" / "pdf" / "en-a4.pdf").read_bytes()
    assert not (tmp_path / "user-cache").exists()


def test_outside_a_repository_the_cache_is_the_users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafting.writers.cachedir import project_cache

    source = make_repo(tmp_path)
    (source.parent / ".git").rename(source.parent / "not-git")
    env = _env(XDG_CACHE_HOME=str(tmp_path / "user-cache"))
    _build_pdf(source, tmp_path / "one", env)
    assert "unchanged, reused" in _build_pdf(source, tmp_path / "two", env)
    monkeypatch.delenv("DRAFTING_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = project_cache(source)
    assert folder.parent == tmp_path / "user-cache" / "drafting"
    assert list((folder / "pdf").glob("en-a4.*.pdf"))
