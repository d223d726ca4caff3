"""The levels of an imported act, read off the document: which element is the article, the containers above it,
the levels inside it, and how each one is numbered. The result becomes the imported tree's profile.

- The article level is ``article`` when the body has any; otherwise the unit that holds
  the text: for every element with a ``content``, the nearest element above it (or
  itself) that is not a paragraph-like unit (``subsection``, ``paragraph``, ``point``...),
  by majority (a Westminster ``section``, an ``hcontainer name="regulation"``); only
  numbered units vote, so an unnumbered note holding text is not taken for an article.
- Containers are the units above articles, ordered from the top as they nest; a level
  that some articles do without is optional.
- Inside the article, the ladder is the longest path of paragraph-like units below an
  article (``subsection > paragraph > subparagraph``, ``paragraph > point > point``);
  a shorter path sits where it fits in it (a section's ``paragraph (a)`` without a
  subsection is a point under an unnumbered paragraph).
- Per level: the printed template (``PART {n}``, ``({n})``), the number style, whether
  numbers run through the act or restart in each parent, inserted numbers (``9A``:
  letter, ``3-1``: dash), and where a container or article level starts when it does
  not start at 1 (``start``: a portion that begins at chapter 3, section 10).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator

from lxml import etree

from drafting.akn import tag
from drafting.akn.xmlin import elements, is_akn, local
from drafting.importer.numread import Printed, choose_style, printed_number
from drafting.numbering import Number, parse_number, sequence_problems

HIERARCHY = ("clause", "section", "part", "paragraph", "chapter", "title", "article", "book", "tome", "division",
             "point", "indent", "alinea", "rule", "subrule", "proviso", "subsection", "subpart", "subparagraph",
             "subchapter", "subtitle", "subdivision", "subclause", "level", "transitional", "hcontainer", "list",
             "sublist")
TRANSPARENT = ("list", "sublist")  # wrappers of points: their intro and wrap-up go to the unit holding them
INSIDE = {"subsection", "paragraph", "subparagraph", "point", "subclause", "alinea", "indent", "item", "proviso",
          "subrule", "level"}
PROFILE_ELEMENTS = {"book", "part", "title", "subtitle", "chapter", "subchapter", "section", "subsection", "division",
                    "subdivision", "tome", "article", "paragraph", "subparagraph", "clause", "subclause", "point",
                    "list", "rule", "subrule", "alinea", "indent", "level"}
_NAME = re.compile(r"[^a-z0-9]+")
_FORMAT = re.compile(r"^[^{}]{0,3}\{n\}[^{}]{0,2}$")


def is_unit(element: etree._Element) -> bool:
    return is_akn(element, *HIERARCHY) and element.get("status") != "editorial"


def unit_key(element: etree._Element) -> str:
    """The element a unit is (an hcontainer by its name, as a level name)."""
    if local(element) == "hcontainer":
        return _NAME.sub("-", (element.get("name") or "hcontainer").lower()).strip("-") or "hcontainer"
    return local(element)


def num_text(element: etree._Element) -> str:
    num = element.find(tag("num"))
    return " ".join("".join(num.itertext()).split()) if num is not None else ""


def units(parent: etree._Element) -> Iterator[etree._Element]:
    """The units directly below ``parent``, looking through list wrappers."""
    for child in elements(parent):
        if not is_unit(child):
            continue
        if is_akn(child, *TRANSPARENT):
            yield from units(child)
        else:
            yield child


@dataclass
class LevelPlan:
    name: str
    key: str  # the element (an hcontainer's name)
    kind: str  # container | article | paragraph | point
    element: str = ""  # the AKN element its units are (hcontainer for a named one)
    template: dict[str, str] = field(default_factory=dict)  # language -> printed template
    style: str = "arabic"
    numbering: str = "restart"
    inserted: str | None = None
    optional: bool = False
    start: int = 1  # the first number, when the document starts further on (a portion from section 10)

    def data(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"name": self.name, "kind": self.kind}
        element = self.element or self.key
        entry["element"] = element if element in PROFILE_ELEMENTS else "hcontainer"
        entry["style"] = self.style
        if self.kind in ("paragraph", "point"):
            first = next(iter(self.template.values()), "{n}.")
            entry["format"] = first
        entry["numbering"] = self.numbering
        if self.inserted:
            entry["inserted"] = self.inserted
        if self.optional:
            entry["optional"] = True
        if self.start > 1:
            entry["start"] = self.start
        if self.kind in ("container", "article") and self.template:
            entry["labels"] = dict(self.template)
        return entry


@dataclass
class Plan:
    article: str  # the key of the article level
    containers: list[LevelPlan]
    article_level: LevelPlan
    inside: list[LevelPlan]  # the ladder: paragraph level, then point levels
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, message) for the import report

    @property
    def levels(self) -> list[LevelPlan]:
        return [*self.containers, self.article_level, *self.inside]

    def container(self, key: str) -> LevelPlan | None:
        return next((level for level in self.containers if level.key == key), None)

    def place(self, path: tuple[str, ...]) -> int | None:
        """Where a path of inside units (keys from the article down) starts in the ladder, or None."""
        ladder = tuple(level.key for level in self.inside)
        for offset in range(0, len(ladder) - len(path) + 1):
            if ladder[offset:offset + len(path)] == path:
                return offset
        return None


def find_article_key(body: etree._Element) -> str:
    if next((e for e in body.iter(tag("article")) if e.get("status") != "editorial"), None) is not None:
        return "article"
    votes: Counter[str] = Counter()
    for content in body.iter(tag("content"), tag("intro")):
        unit = content.getparent()
        chain: list[etree._Element] = []
        while unit is not None and unit is not body:
            if is_unit(unit) and not is_akn(unit, *TRANSPARENT):
                chain.append(unit)
            unit = unit.getparent()
        holder = next((u for u in chain if unit_key(u) not in INSIDE), None)
        if holder is not None and num_text(holder) and \
                (content.tag == tag("content") or any(unit_key(u) in INSIDE for u in units(holder))):
            votes[unit_key(holder)] += 1
    if not votes:
        return "article"
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


class Planner:
    """Builds the plan from the body of the first language; ``add_language`` adds another's templates."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.article_key = find_article_key(body)
        self.articles: list[etree._Element] = []
        self.chains: list[list[etree._Element]] = []  # the containers above each article, top down
        self.empty: list[list[etree._Element]] = []  # chains of containers that hold no article
        self.elements: dict[str, str] = {}  # unit key -> the AKN element of its first unit
        for unit in body.iter():
            if isinstance(unit.tag, str) and is_unit(unit):
                self.elements.setdefault(unit_key(unit), local(unit))
        self.walk(body, [])

    def walk(self, parent: etree._Element, chain: list[etree._Element]) -> None:
        for unit in units(parent):
            if unit_key(unit) == self.article_key:
                self.articles.append(unit)
                self.chains.append(chain)
            elif unit_key(unit) in INSIDE and not chain:
                continue  # paragraph-like text outside any article: reported by the body reader
            else:
                before = len(self.articles)
                self.walk(unit, [*chain, unit])
                if len(self.articles) == before and not any(unit_key(u) != self.article_key for u in units(unit)):
                    self.empty.append([*chain, unit])

    # -- the levels ------------------------------------------------------------------------

    def plan(self, lang: str) -> Plan:
        containers = self.container_levels()
        article = LevelPlan(self.article_key, self.article_key, "article", numbering="continuous")
        inside = self.inside_levels()
        for level in (*containers, article, *inside):
            level.element = self.elements.get(level.key, level.key)
        plan = Plan(self.article_key, containers, article, inside)
        self.number_levels(plan, lang, self.body, first=True)
        return plan

    def container_levels(self) -> list[LevelPlan]:
        order: list[str] = []
        depth: dict[str, list[int]] = {}
        for chain in [*self.chains, *self.empty]:
            for position, unit in enumerate(chain):
                key = unit_key(unit)
                depth.setdefault(key, []).append(position)
                if key not in order:
                    order.append(key)
        # top down: by the shallowest depth each key is found at, then by first appearance
        first = {key: index for index, key in enumerate(order)}
        order.sort(key=lambda key: (min(depth[key]), sum(depth[key]) / len(depth[key]), first[key]))
        levels = []
        for key in order:
            optional = any(all(unit_key(u) != key for u in chain) for chain in self.chains)
            levels.append(LevelPlan(key, key, "container", numbering="restart", optional=optional))
        return levels

    def inside_paths(self) -> list[tuple[str, ...]]:
        paths: list[tuple[str, ...]] = []

        def walk(unit: etree._Element, path: tuple[str, ...]) -> None:
            children = list(units(unit))
            if not children and path:
                paths.append(path)
            for child in children:
                walk(child, (*path, unit_key(child)))
        for article in self.articles:
            walk(article, ())
        return paths

    def inside_levels(self) -> list[LevelPlan]:
        paths = self.inside_paths()
        ladder: tuple[str, ...] = max(paths, key=len) if paths else ("paragraph",)
        # a path that starts at the top and is longer where it differs wins over the first longest one
        levels: list[LevelPlan] = []
        taken = {self.article_key, *(unit_key(u) for chain in self.chains for u in chain)}
        for index, key in enumerate(ladder):
            name = key if key not in taken else f"sub{key}" if f"sub{key}" not in taken else f"{key}-{index + 1}"
            taken.add(name)
            levels.append(LevelPlan(name, key, "paragraph" if index == 0 else "point"))
        return levels

    # -- numbers ----------------------------------------------------------------------------

    def level_units(self, plan: Plan, body: etree._Element) -> dict[int, list[tuple[etree._Element, Any]]]:
        """Per level index in ``plan.levels``: (unit, parent) in document order."""
        found: dict[int, list[tuple[etree._Element, Any]]] = {}
        index_of = {level.key: i for i, level in enumerate(plan.levels[: len(plan.containers) + 1])}
        base = len(plan.containers) + 1

        def inside(unit: etree._Element, path: tuple[str, ...], offset: int | None) -> None:
            for child in units(unit):
                child_path = (*path, unit_key(child))
                start = plan.place(child_path) if offset is None else offset
                ladder = plan.inside
                position = None if start is None else start + len(child_path) - 1
                if start is not None and position is not None and position < len(ladder) \
                        and ladder[position].key == child_path[-1]:
                    found.setdefault(base + start + len(child_path) - 1, []).append((child, unit))
                    inside(child, child_path, start)

        def walk(parent: etree._Element, container: etree._Element | None) -> None:
            for unit in units(parent):
                key = unit_key(unit)
                if key == self.article_key:
                    found.setdefault(index_of[key], []).append((unit, container))
                    inside(unit, (), None)
                elif key in index_of:
                    found.setdefault(index_of[key], []).append((unit, container))
                    walk(unit, unit)
        walk(body, None)
        return found

    def number_levels(self, plan: Plan, lang: str, body: etree._Element, first: bool) -> None:
        per_level = self.level_units(plan, body)
        for index, level in enumerate(plan.levels):
            found = per_level.get(index, [])
            printed: list[tuple[Printed, Any, etree._Element]] = []
            for unit, parent in found:
                number = printed_number(num_text(unit))
                if number is not None:
                    printed.append((number, parent, unit))
            if not printed:
                if level.kind in ("paragraph", "point") and not level.template:
                    level.template[lang] = "{n}." if level.kind == "paragraph" else "{n})"
                continue
            templates = Counter(p.template for p, _, _ in printed)
            template = sorted(templates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if level.kind in ("paragraph", "point") and not _list_format(template):
                plan.notes.append((printed[0][2].sourceline or 1,
                                   f"{level.name} numbers printed as '{template}' are written '{{n}}.' in the source "
                                   "(a list marker ends in '.' or ')'): the numbers stay, the punctuation changes"))
                template = "{n}." if level.kind == "paragraph" else "{n})"
            for other in sorted(set(templates) - {template}):
                line = next(u.sourceline for p, _, u in printed if p.template == other) or 1
                plan.notes.append((line, f"{level.name} numbers printed as '{other}' will be printed as '{template}', "
                                         "the form most of them use (the profile has one label per level and language)"))
            level.template[lang] = template
            if not first:
                continue
            families = Counter(p.family for p, _, _ in printed)
            family = sorted(families.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            numbers = [p.number for p, _, _ in printed]
            latin = [n for n in numbers if re.fullmatch(r"[1-9][0-9]*[- ][a-z]+", n)]
            if latin:  # the form the first one is printed in (2-bis or 12 bis); the other form is I706
                level.inserted = "latin-space" if " " in latin[0] else "latin"
            elif any(re.fullmatch(r"[1-9][0-9]*[A-Z]+", n) for n in numbers):
                level.inserted = "letter"
            elif any("-" in n for n in numbers):
                level.inserted = "dash"
            runs: dict[Any, list[str]] = {}
            for p, parent, _ in printed:
                runs.setdefault(parent, []).append(p.number)
            level.style = choose_style(family, list(runs.values()), level.inserted)
            if level.kind in ("container", "article"):
                allow, kind = level.inserted is not None, level.inserted or "dash"
                opening = parse_number(numbers[0], level.style, kind)
                start = None
                if opening is not None and not opening.inserted and opening.parts[0] > 1:
                    start = Number((opening.parts[0] - 1,))  # a portion: the act's numbers go on from there
                    level.start = opening.parts[0]
                first_run = runs[printed[0][1]]
                through = len(sequence_problems(numbers, allow, level.style, kind, start))
                restart = sum(len(sequence_problems(run, allow, level.style, kind, start if run is first_run else None))
                              for run in runs.values())
                level.numbering = "continuous" if through <= restart or len(runs) < 2 else "restart"

    def add_language(self, plan: Plan, lang: str, body: etree._Element) -> None:
        self.number_levels(plan, lang, body, first=False)


def _list_format(template: str) -> bool:
    return bool(_FORMAT.match(template)) and template.endswith((".", ")"))
