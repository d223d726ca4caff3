"""Shared by the print tests: a copy of the mini fixture to edit, and PDF bytes made readable."""

from __future__ import annotations

import re
import shutil
import zlib
from pathlib import Path

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
GOLDEN = Path(__file__).resolve().parent / "golden" / "print"

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def mini_copy(tmp: Path) -> Path:
    target = tmp / "mini"
    shutil.copytree(MINI, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def pdf_objects(data: bytes) -> str:
    """The PDF's objects as text: the file plus every stream it can inflate (object and content streams)."""
    parts = [data]
    for match in _STREAM.finditer(data):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts).decode("latin-1")


def content_streams(data: bytes) -> list[str]:
    """Inflated streams that draw (hold text or path operators)."""
    found = []
    for match in _STREAM.finditer(data):
        try:
            text = zlib.decompress(match.group(1)).decode("latin-1")
        except zlib.error:
            text = match.group(1).decode("latin-1")  # an uncompressed stream
        if "\x00" not in text and re.search(r"\bBT\b|\bre\b|\bTf\b|\bl S\b", text):
            found.append(text)
    return found
