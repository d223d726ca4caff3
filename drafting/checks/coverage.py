"""Glyph coverage: every character the sources give the print has a glyph in the fonts the page profiles name.

Shared by ``drafting check`` (G801, here: every character of every source file at
its line and column) and the PDF build (P705, ``drafting.writers.pdf.glyphs``, over
the model just before rendering). Both read the fonts' character maps through
``cmap`` (fontTools; kept per font file, its size and modification time, in
memory and, for ``check``, in the project's cache folder, so a warm ``check``
does not even import fontTools) and decide
what is printable with ``printable``.

The work is one set difference per file in the usual case (every character
covered); only a file holding a character the fonts lack is looked at closely:
its Markdown text as it is, its YAML (``work.yaml``, ``section.yaml``, front
matter) through the YAML scanner's own scalar positions, so a comment prints
nothing and is not checked.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import yaml

from drafting.diagnostics import Diagnostics, DraftingError

if TYPE_CHECKING:
    from drafting.source.tree import SourceTree
    from drafting.writers.pdf.settings import PrintSettings

CMAP_FORMAT = 1  # the cached character maps' format (part of their cache key)
MARKDOWN_SUFFIX = ".md"
YAML_SUFFIX = ".yaml"


_MEMORY: dict[tuple[str, int, int], frozenset[int]] = {}  # (font file, mtime, size) -> its code points


def cmap(path: Path, keep: Path | None = None) -> frozenset[int]:
    """The code points the font file has a glyph for: read once per process, and kept in the folder ``keep``
    across runs when given (``check`` gives the project's cache, so a warm run need not import fontTools)."""
    stat = os.stat(path)
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    found = _MEMORY.get(key)
    if found is None:
        found = _stored(keep, key) if keep is not None else None
        if found is None:
            found = _read_font(key[0])
            if keep is not None:
                _store(keep, key, found)
        _MEMORY[key] = found
    return found


def _read_font(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _cache_file(folder: Path, key: tuple[str, int, int]) -> Path:
    digest = hashlib.sha256(f"{CMAP_FORMAT}\0{key[0]}\0{key[1]}\0{key[2]}".encode("utf-8")).hexdigest()[:32]
    return folder / f"{digest}.json"


def _stored(folder: Path, key: tuple[str, int, int]) -> frozenset[int] | None:
    try:
        data = json.loads(_cache_file(folder, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, list) or not all(isinstance(code, int) for code in data):
        return None  # not ours: read the font
    return frozenset(data)


def _store(folder: Path, key: tuple[str, int, int], codes: frozenset[int]) -> None:
    from drafting.atomicfile import write_bytes

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(_cache_file(folder, key), json.dumps(sorted(codes), separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # no cache folder to write: the next run reads the font again


def covered(files: Iterable[Path], keep: Path | None = None) -> frozenset[int]:
    """The code points every one of the font files covers."""
    maps = tuple(cmap(path, keep) for path in files)
    return _intersection(maps) if maps else frozenset()


@lru_cache(maxsize=16)
def _intersection(maps: tuple[frozenset[int], ...]) -> frozenset[int]:
    return frozenset.intersection(*maps)


def printable(char: str) -> bool:
    """Whether a character needs a glyph (spaces and format controls do not)."""
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp")


def lacking(char: str, files: Iterable[Path]) -> list[str]:
    """The names of the font files without a glyph for ``char``."""
    return [path.name for path in files if ord(char) not in cmap(path)]


def describe(char: str, missing: list[str]) -> str:
    """How both checks name a character the fonts lack."""
    return (f"character {char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}) has no glyph in the "
            f"print fonts ({', '.join(missing)})")


def _uncovered(text: str, codes: frozenset[int]) -> set[str]:
    return {char for char in set(text) if ord(char) not in codes and printable(char)}


def _yaml_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of every scalar of a YAML text (keys and values), comments left out."""
    spans = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((offset + token.start_mark.index, offset + token.end_mark.index))
    except yaml.YAMLError:  # malformed YAML is F201 already; what scanned before it is still checked
        pass
    return spans


def _printed_spans(path: str, text: str) -> list[tuple[int, int]]:
    """Where the printed text of a source file lies: YAML scalars, and a Markdown file's body whole."""
    if path.endswith(YAML_SUFFIX):
        return _yaml_spans(text, 0)
    from drafting.source.yamldoc import FRONT_MATTER_RE

    match = FRONT_MATTER_RE.match(text)
    if not match:
        return [(0, len(text))]
    return [*_yaml_spans(match.group(1), match.start(1)), (match.end(), len(text))]


def check_sources(texts: dict[str, str], display: dict[str, str], fonts_for: dict[str | None, list[Path]],
                  diags: Diagnostics, keep: Path | None = None) -> None:
    """G801 at the first line and column of each character a file uses that its fonts lack.

    ``texts``: relative path -> text; ``display``: relative path -> the path to show; ``fonts_for``: a
    language -> the font files that print it, and None -> every font file (for YAML, which holds all languages).
    """
    codes = {lang: covered(files, keep) for lang, files in fonts_for.items()}
    for path, text in texts.items():
        lang = _language(path)
        if lang not in fonts_for:
            continue
        missing = _uncovered(text, codes[lang])
        if not missing:
            continue  # the usual case
        first: dict[str, int] = {}
        for start, end in _printed_spans(path, text):
            for index in range(start, end):
                char = text[index]
                if char in missing and char not in first:
                    first[char] = index
        for char, index in sorted(first.items(), key=lambda item: item[1]):
            line = text.count("\n", 0, index) + 1
            column = index - (text.rfind("\n", 0, index) + 1) + 1
            diags.error(display[path], line, "G801",
                        f"{describe(char, lacking(char, fonts_for[lang]))}: the PDFs cannot print it "
                        "('drafting build' stops with P705)", column)


def fonts_by_language(settings: PrintSettings, codes: list[str]) -> dict[str | None, list[Path]]:
    """Each language -> the font files of the page profiles that print it; None -> those of every profile."""
    def files(profiles: list[str]) -> list[Path]:
        found: dict[Path, None] = {}
        for name in profiles:
            profile = settings.profiles[name]
            for family in (profile.text_font, profile.heading_font):
                found.update(dict.fromkeys(settings.fonts[family].files.values()))
        return list(found)

    every = sorted(settings.profiles)
    table: dict[str | None, list[Path]] = {None: files(every)}
    for lang in codes:
        printing = [n for n in every if not settings.profiles[n].languages or lang in settings.profiles[n].languages]
        if printing:
            table[lang] = files(printing)
    return table


def check_tree_sources(texts: dict[str, str], tree: SourceTree, codes: list[str], diags: Diagnostics,
                       settings: PrintSettings | None = None, keep: Path | None = None) -> None:
    """G801 over a work's source files against the print settings (``schemas/print.yaml`` unless given);
    ``keep``: a folder to keep the fonts' character maps in across runs.
    Without installed fonts nothing is checked here: ``build`` names them (P701)."""
    from drafting.writers.pdf.settings import SETTINGS_FILE

    try:
        settings = settings or _settings(str(SETTINGS_FILE), os.stat(SETTINGS_FILE).st_mtime_ns)
    except (DraftingError, OSError):
        return
    check_sources(texts, {path: tree.display(path) for path in texts}, fonts_by_language(settings, codes), diags,
                  keep)


@lru_cache(maxsize=4)
def _settings(path: str, mtime_ns: int) -> PrintSettings:
    """The print settings, read once per process while the file stays the same (an error is not kept)."""
    from drafting.writers.pdf.settings import load_settings

    return load_settings(Path(path))


def _language(path: str) -> str | None:
    """The language of a Markdown source (``NNN-slug.LANG.md``); None for YAML and anything else."""
    name = path.rsplit("/", 1)[-1]
    if name.endswith(MARKDOWN_SUFFIX):
        parts = name[: -len(MARKDOWN_SUFFIX)].rsplit(".", 1)
        return parts[1] if len(parts) == 2 else None
    return None
