"""Helpers of the amend tests: load a folder as a planning Revision, and apply a plan the way docs/amend.md
says consolidation applies it (article files replaced, created, removed, renumbered; units by applying.py)."""

from __future__ import annotations

from pathlib import Path

from drafting.amending.applying import apply_to_article, renumber_front_matter
from drafting.amending.instructions import PREAMBLE, WORK, Amendment
from drafting.amending.planning import Revision
from drafting.profile import Profile
from drafting.source.load import load_tree
from drafting.source.tree import FileTree
from drafting.source.yamldoc import split_front_matter

import yaml


def revision(folder: Path) -> Revision:
    loaded = load_tree(FileTree(folder))
    assert loaded.work is not None and not loaded.diagnostics.has_errors(), loaded.diagnostics.sorted()
    return Revision(loaded.work, loaded.texts)


def sources(texts: dict[str, str]) -> dict[str, str]:
    """The Markdown files of a tree (what an amending act changes)."""
    return {path: text for path, text in texts.items() if path.endswith(".md")}


def apply_plan(amendment: Amendment, old: dict[str, str], profile: Profile) -> dict[str, str]:
    texts = sources(old)
    files: dict[str, str] = {}  # article id -> its file (without .LANG.md) in OLD
    for path, text in texts.items():
        front, _, _ = split_front_matter(text)
        if front and not path.startswith("preamble."):
            data = yaml.safe_load(front)
            files[str(data["id"])] = path.rsplit(".", 2)[0]
    langs = amendment.languages
    renumberings = []
    for instruction in amendment.instructions():
        target = instruction.target
        if target.level == PREAMBLE or (instruction.insertion and instruction.insertion.level == PREAMBLE):
            for lang in langs:
                if instruction.kind == "repeal":
                    texts.pop(f"preamble.{lang}.md", None)
                else:
                    texts[f"preamble.{lang}.md"] = instruction.quoted[lang].text
            continue
        if target.level == WORK:
            for lang in langs:
                quoted = instruction.quoted[lang]
                texts[f"{quoted.file}.{lang}.md"] = quoted.text
            continue
        assert target.article is not None
        stem = files[target.article]
        if instruction.kind == "renumber" and target.level == "article":
            renumberings.append((target.article, instruction.number, instruction.file))
            continue
        if target.level == "article" and instruction.kind in ("restate", "repeal"):
            for lang in langs:
                texts.pop(f"{stem}.{lang}.md", None)
                if instruction.kind == "restate":
                    quoted = instruction.quoted[lang]
                    texts[f"{quoted.file}.{lang}.md"] = quoted.text
            if instruction.kind == "restate":
                files[target.article] = str(instruction.quoted[langs[0]].file)
            continue
        for lang in langs:
            key = f"{stem}.{lang}.md"
            texts[key] = apply_to_article(texts[key], [instruction], lang, profile)
    for article, number, file in renumberings:
        assert number is not None
        stem = files[article]
        moved = file or stem
        for lang in langs:
            text = renumber_front_matter(texts.pop(f"{stem}.{lang}.md"), number)
            texts[f"{moved}.{lang}.md"] = text
    return texts
