"""Replacing a file's bytes in one step: a temporary file beside it, then a rename.

A reader (another build, a crashed one's successor) sees the old bytes or the new
ones, never half a file; a failure removes the temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
