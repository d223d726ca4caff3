"""ICC profiles read from their own bytes: is this a CMYK output profile, and what does it call itself?

The print shop's PDF/X names its output condition with an ICC profile (the
settings' ``print-file: output-intent: icc``). A shop's newsprint profile is a
file someone copies in, so it is checked before any rendering: an unreadable
file, a file that is not a profile, or an RGB or input profile is reported
with the settings' line instead of a PDF/X file that names the wrong thing.
"""

from __future__ import annotations

from pathlib import Path

HEADER = 128


def icc_problem(path: Path) -> str | None:
    """Why ``path`` is not a CMYK output profile a PDF/X file can name (None when it is one).

    Read from the profile's 128-byte header (ICC.1:2022, 7.2): the signature
    ``acsp`` at byte 36, the device class at byte 12 (``prtr``, an output
    device) and the data colour space at byte 16 (``CMYK``).
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(128)
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    if len(header) < 128 or header[36:40] != b"acsp":
        return "it is not an ICC profile (no 'acsp' signature in its header)"
    size = int.from_bytes(header[0:4], "big")
    if size > path.stat().st_size:
        return f"it is cut short (the header says {size} bytes, the file has {path.stat().st_size})"
    space, device = header[16:20].decode("latin-1").strip(), header[12:16].decode("latin-1")
    if space != "CMYK":
        return f"its colour space is {space}, not CMYK (a newspaper press prints CMYK)"
    if device != "prtr":
        return f"its device class is {device!r}, not an output profile ('prtr')"
    return None


def icc_description(path: Path) -> str:
    """The profile's own description (its ``desc`` tag, ICC v2 text or v4 multi-language), or its file name."""
    try:
        data = path.read_bytes()
    except OSError:
        return path.name
    if len(data) < HEADER + 4:
        return path.name
    count = int.from_bytes(data[HEADER:HEADER + 4], "big")
    for index in range(min(count, 200)):
        entry = data[HEADER + 4 + 12 * index: HEADER + 16 + 12 * index]
        if len(entry) < 12 or entry[:4] != b"desc":
            continue
        offset, size = int.from_bytes(entry[4:8], "big"), int.from_bytes(entry[8:12], "big")
        tag = data[offset:offset + size]
        if tag[:4] == b"desc" and len(tag) >= 12:  # textDescriptionType: ASCII count, then the text
            length = int.from_bytes(tag[8:12], "big")
            text = tag[12:12 + length].split(b"\0", 1)[0].decode("latin-1").strip()
            return text or path.name
        if tag[:4] == b"mluc" and len(tag) >= 28:  # the first record, UTF-16BE
            length, start = int.from_bytes(tag[20:24], "big"), int.from_bytes(tag[24:28], "big")
            text = tag[start:start + length].decode("utf-16-be", "replace").strip("\0 ")
            return text or path.name
    return path.name
