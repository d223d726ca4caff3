"""The formulas of an amending act in each language: ``templates/amend/LANG.yaml`` read and filled in.

The files are data (checked against ``schemas/amend-formulas.schema.json``): the act's
title, lead-in and entry into force, every unit's name in every case the formulas use,
how a unit below another is named (``пункт 2 статьи 18`` / ``18-баптың 2-тармағы``), and one
template per instruction kind. ``drafting amend`` fills them in; ``drafting consolidate``
reads the same templates as the grammar of the instructions (docs/amend.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from drafting.diagnostics import DraftingError, Diagnostics
from drafting.resources import TEMPLATES_DIR
from drafting.source.yamldoc import parse_yaml, validate

FORMULAS_DIR = TEMPLATES_DIR / "amend"
_PLACEHOLDER = re.compile(r"\{(target|unit):([a-z]+)\}|\{(old|new|after|old_noun|new_noun|after_noun)\}")


@dataclass(frozen=True)
class Unit:
    """One step of a target's path: its level name, bare number and marker as the level prints it."""

    level: str
    number: str
    marker: str


class Formulas:
    """One language's formulas."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.language: str = data["language"]
        self.quotes: tuple[str, str] = (data["quotes"][0], data["quotes"][1])

    # -- names -----------------------------------------------------------------------
    def unit(self, unit: Unit, case: str, possessive: bool = False) -> str:
        """The unit's name and number in ``case`` (the possessive form where the language has one)."""
        if unit.level == "fused":
            return unit.number
        forms: dict[str, Any] = self.data["units"].get(unit.level) or self.data["units"]["point"]
        if possessive and isinstance(forms.get("poss"), dict) and case in forms["poss"]:
            template = str(forms["poss"][case])
        else:
            template = str(forms.get(case) or forms.get("nom") or next(iter(forms.values())))
        return template.format(n=unit.number, m=unit.marker)

    def name(self, path: Sequence[Unit], case: str) -> str:
        """A unit below others (outermost first in ``path``), named in ``case`` as the language composes it."""
        rule = self.data["path"]
        if not path:
            raise ValueError("an empty path names nothing")
        fused = rule.get("fuse") or {}
        if len(path) >= 2 and path[1].level in fused and path[0].level == "article":
            # the language writes a paragraph inside its article's name: "Article 18(2)"
            head = str(fused[path[1].level]).format(parent=self.unit(path[0], case), n=path[1].number,
                                                    m=path[1].marker)
            path = [Unit("fused", head, head), *path[2:]]
        if rule["order"] == "child-first":
            text = self.unit(path[-1], case)
            for parent in reversed(path[:-1]):
                text = str(rule["join"]).format(child=text, parent=self.unit(parent, rule["parent"]))
            return text
        text = self.unit(path[0], rule["parent"] if len(path) > 1 else case)
        for index, child in enumerate(path[1:], start=1):
            last = index == len(path) - 1
            text = str(rule["join"]).format(parent=text, child=self.unit(child, case if last else rule["parent"], True))
        return text

    def work(self, subtype: str | None, doctype: str, title: str) -> str:
        """The amended act as the title and the lead-in name it."""
        works: dict[str, str] = self.data["works"]
        template = works.get(subtype or "") or works.get(doctype) or works["act"]
        return template.format(title=title)

    # -- texts -----------------------------------------------------------------------
    def title(self, work: str) -> str:
        return str(self.data["act"]["title"]).format(work=work)

    def lead_in(self, work: str) -> str:
        return str(self.data["act"]["lead_in"]).format(work=work)

    @property
    def entry_into_force(self) -> str:
        return str(self.data["act"]["entry_into_force"])

    def end(self, last: bool) -> str:
        return str(self.data["end"]["last" if last else "item"])

    def formula(self, kind: str, bare: bool) -> str:
        """The template of an instruction kind ("group" too); ``bare``: without the target's name."""
        entry = self.data["instructions"][kind]
        if isinstance(entry, str):
            return entry
        if bare and "bare" not in entry:
            raise ValueError(f"{self.language}: the {kind} formula needs its target")
        return str(entry["bare" if bare else "with_target"])

    def noun(self, which: str, words: str) -> str:
        """``old_noun`` / ``new_noun`` / ``after_noun`` for one word or several."""
        return str(self.data["words"][which]["one" if len(words.split()) == 1 else "many"])

    def fill(self, template: str, target: Callable[[str], str] | None = None,
             unit: Callable[[str], str] | None = None, old: str = "", new: str = "", after: str = "") -> str:
        """The template with its placeholders filled: ``target(case)`` and ``unit(case)`` give names."""
        words = {"old": old, "new": new, "after": after}

        def one(match: re.Match[str]) -> str:
            if match.group(1) == "target":
                if target is None:
                    raise ValueError(f"{template!r} needs a target")
                return target(match.group(2))
            if match.group(1) == "unit":
                if unit is None:
                    raise ValueError(f"{template!r} needs a unit")
                return unit(match.group(2))
            key = match.group(3)
            if key.endswith("_noun"):
                return self.noun(key, words[key.removesuffix("_noun")])
            return words[key]

        return _PLACEHOLDER.sub(one, template)


@lru_cache(maxsize=None)
def _load(language: str) -> Formulas | None:
    path = FORMULAS_DIR / f"{language}.yaml"
    if not path.is_file():
        return None
    diags = Diagnostics()
    doc = parse_yaml(path.read_text(encoding="utf-8"), str(path), 1, diags)
    if doc is None or not validate(doc, "amend-formulas", str(path), diags):
        problems = "; ".join(f"{d.line}: {d.message}" for d in diags)
        raise DraftingError(f"{path}: the amending formulas are not valid: {problems}")
    return Formulas(doc.data)


def formulas(language: str) -> Formulas:
    """The formulas of ``language``; a DraftingError naming the missing file when there are none."""
    found = _load(language)
    if found is None:
        raise DraftingError(f"no amending formulas for the language '{language}': add {FORMULAS_DIR}/{language}.yaml")
    return found


def available() -> list[str]:
    return sorted(p.stem for p in FORMULAS_DIR.glob("*.yaml"))


__all__ = ["Formulas", "Unit", "formulas", "available", "yaml"]
