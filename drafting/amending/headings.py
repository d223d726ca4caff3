"""A container's heading in its metadata file (``section.yaml``): read and rewritten in place, one language at a time.

A ``retitle`` instruction (docs/amend.md) changes ``title: {LANG: …}`` of a container's
``LEVEL.yaml``. ``drafting amend`` plans one where the titles are all that changed and
proves it by rewriting OLD's file into NEW's with ``retitle``; ``drafting consolidate``
applies it with the same function. The value is found through PyYAML's node
positions (the file's one grammar), and the new title is written in the style of the
old one (plain, or double-quoted when the old one was, or when a plain scalar would
not read back as the same words).
"""

from __future__ import annotations

import json

import yaml


class CannotRetitle(ValueError):
    """The file has no ``title`` mapping with that language, or is not YAML."""


def titles(text: str) -> dict[str, str]:
    """``title`` of a container's metadata file, by language (empty when there is none)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    title = data.get("title") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in title.items()} if isinstance(title, dict) else {}


def retitle(text: str, lang: str, title: str) -> str:
    """``text`` with the title in ``lang`` replaced by ``title``, every other byte as it was."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        raise CannotRetitle(f"not YAML: {error}") from None
    node = _scalar(_value(root, "title"), lang)
    if node is None:
        raise CannotRetitle(f"no title in '{lang}'")
    start, end = node.start_mark.index, node.end_mark.index
    return text[:start] + _render(title, node.style) + text[end:]


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            found: yaml.Node = v
            return found
    return None


def _scalar(node: yaml.Node | None, key: str) -> yaml.ScalarNode | None:
    found = _value(node, key)
    return found if isinstance(found, yaml.ScalarNode) and found.style in (None, "", '"', "'") else None


def _render(title: str, style: str | None) -> str:
    quoted = json.dumps(title, ensure_ascii=False)
    if style == '"' or "\n" in title:
        return quoted
    if style == "'":
        return "'" + title.replace("'", "''") + "'"
    try:
        plain = yaml.safe_load(f"k: {title}")
    except yaml.YAMLError:
        return quoted
    if isinstance(plain, dict) and plain.get("k") == title and title == title.strip() and "#" not in title:
        return title
    return quoted
