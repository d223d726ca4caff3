"""Packaging: ship the top-level ``schemas/`` and ``templates/`` folders inside the package.

The metadata is in pyproject.toml. The data folders stay at the top of the
repository (where drafters and other tools expect them); a built wheel carries
copies as ``drafting/_data/<folder>``, which ``drafting.resources`` finds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("schemas", "templates")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the folders in place
        root = Path(__file__).resolve().parent
        for name in DATA_FOLDERS:
            if (root / name).is_dir():
                target = Path(self.build_lib) / "drafting" / "_data" / name
                shutil.copytree(root / name, target, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithData})
