from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafting.source.load import Loaded, load_tree
from drafting.source.tree import FileTree

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
KZ1995 = FIXTURES / "kz1995"
REPO = Path(__file__).resolve().parent.parent

pytest_plugins = ["emitted_codes"]


def copy_fixture(target: Path, fixture: Path = MINI) -> Path:
    root = target / "src"
    shutil.copytree(fixture, root)
    return root


def check_tree(root: Path) -> Loaded:
    """Load and check a tree; diagnostics show paths as 'src/...'."""
    return load_tree(FileTree(root, label="src"))


def lines_of(loaded: Loaded) -> list[str]:
    return [d.format() for d in loaded.diagnostics.sorted()]


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path)


CONSTITUTION_PAGES = ("a2", "a3", "a4")


@pytest.fixture(scope="session")
def constitution_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The constitution's PDFs (kk and ru; A2, A3 with their print files, A4), built once per session.

    Built through the project's render cache (``.drafting-cache/`` at the repository root), so a run after
    an unchanged build, or a second run of the suite, copies the PDFs instead of laying them out again.
    """
    from drafting.writers.artifacts import build

    out = tmp_path_factory.mktemp("constitution-pdf") / "build"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DRAFTING_CACHE", str(REPO / ".drafting-cache"))
        build(REPO / "constitution", out, kinds=["pdf"], languages=["kk", "ru"],
              options={"pages": list(CONSTITUTION_PAGES)})
    return out / "pdf"
