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
