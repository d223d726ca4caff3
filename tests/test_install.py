"""The toolkit installs with pip from a git URL and finds its schemas and templates once installed.

Offline: the temporary venv borrows the dependencies (and setuptools, for a
build without isolation) from the running environment through a .pth file, and
pip is told not to use any index.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from drafting.writers.artifacts import WRITERS
from drafting_repo import GIT_ENV, MINI, git

REPO = Path(__file__).resolve().parent.parent
DATA_FOLDERS = ("schemas", "templates")


def fresh_clone(target: Path) -> Path:
    """The repository's files as they are now (committed or not), in a new git repository."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout.splitlines()
    for rel in listed:
        if rel.startswith(("constitution/", "tests/")) or not (REPO / rel).is_file():
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, target / rel)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "toolkit")
    return target


@pytest.mark.slow
def test_pip_install_from_a_git_url_finds_its_data(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "toolkit")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "--ignore-installed", f"git+file://{clone}"],
        capture_output=True, text=True, env={**GIT_ENV, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert install.returncode == 0, install.stderr

    installed = Path(site) / "drafting"
    for name in DATA_FOLDERS:
        if (REPO / name).is_dir():
            wanted = sorted(p.relative_to(REPO / name).as_posix() for p in (REPO / name).rglob("*") if p.is_file()
                            and "__pycache__" not in p.parts)
            got = sorted(p.relative_to(installed / "_data" / name).as_posix()
                         for p in (installed / "_data" / name).rglob("*") if p.is_file())
            assert got == wanted, name

    work_dir = tmp_path / "elsewhere"
    shutil.copytree(MINI, work_dir / "constitution")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SOURCE_DATE_EPOCH": "1770854400"}  # no PYTHONPATH

    def installed_run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=work_dir, capture_output=True, text=True, env=env)

    where = installed_run(str(python), "-c", "import drafting.resources as r; print(r.SCHEMAS_DIR, r.TEMPLATES_DIR)")
    found = where.stdout.split()
    assert found[0] == str(installed / "_data" / "schemas"), where.stderr
    if (REPO / "templates").is_dir():
        assert found[1] == str(installed / "_data" / "templates")
    check = installed_run(str(venv / "bin" / "drafting"), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors, 0 warnings" in check.stdout
    # every writer reads data (templates/, schemas/print.yaml, the hyphenation dictionary): all found installed
    build = installed_run(str(venv / "bin" / "drafting"), "build", "--out", "out", "--quiet")
    assert build.returncode == 0, build.stdout + build.stderr
    manifest = json.loads((work_dir / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["kind"] for entry in manifest["artifacts"]} == set(WRITERS)
