"""Where the toolkit's data folders are: ``schemas/`` and ``templates/``.

In a source checkout (and an editable install) they are the top-level folders
beside the package. An installed toolkit (a wheel, ``pip install git+URL``)
carries copies inside the package as ``drafting/_data/schemas`` and
``drafting/_data/templates`` (``setup.py`` puts them there); those win when
present, so an install never picks up an unrelated folder in site-packages.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
INSTALLED_DATA = PACKAGE_ROOT / "_data"


def data_dir(name: str) -> Path:
    installed = INSTALLED_DATA / name
    return installed if installed.is_dir() else PACKAGE_ROOT.parent / name


SCHEMAS_DIR = data_dir("schemas")
TEMPLATES_DIR = data_dir("templates")
