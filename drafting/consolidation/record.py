"""The version an amending act made, recorded in the consolidated tree's work file.

The consolidated tree's files are the new version's; its ``work.yaml`` is the
amended version's with one more named version: dated by the amending act, event
``amendment``, ``source`` the amending act (AKN ``passiveRef``), and one
``modifications`` entry per applied change, which the AKN writer turns into
``passiveModifications`` and notes (``writers/akn/passive.py``). ``version:`` names
it, so that the consolidated sources are that version. The work file is edited as
text: its comments and layout stay, the new entry is added after the last version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml

from drafting.consolidation.application import Applied
from drafting.consolidation.steps import WORD_KINDS
from drafting.model import Modification
from drafting.source.rewrite import modification_data
from drafting.source.sourcetext import SourceText

TYPES = {"restate": "substitution", "insert": "insertion", "repeal": "repeal", "renumber": "renumbering",
         "retitle": "substitution", **{kind: "substitution" for kind in WORD_KINDS}}


@dataclass(frozen=True)
class AmendingAct:
    """What the consolidated version says of the act that made it."""

    uri: str  # its FRBR work URI
    date: dt.date
    title: dict[str, str]  # per language


def modifications(applied: list[Applied]) -> list[Modification]:
    found = []
    for change in applied:
        unit = "/".join((change.target.article, *change.target.path))
        how = "words" if change.kind in WORD_KINDS else ("heading" if change.kind == "retitle" else change.kind)
        found.append(Modification(TYPES[change.kind], unit, change.article_num, how, change.previous))
    return found


def version_entry(name: str, act: AmendingAct, applied: list[Applied]) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "date": act.date.isoformat(), "event": "amendment",
                             "source": {"uri": act.uri, "title": dict(act.title)}}
    mods = modifications(applied)
    if mods:
        entry["modifications"] = [modification_data(m) for m in mods]
    return entry


def record_version(text: str, name: str, act: AmendingAct, applied: list[Applied]) -> str:
    """The work file's text with the new version added after the others and named as the current one."""
    entry = version_entry(name, act, applied)
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    root = yaml.compose(text)
    versions = _value(root, "versions")
    lines = text.split("\n")
    if isinstance(versions, yaml.SequenceNode) and versions.value:
        first = versions.value[0]
        indent = max(first.start_mark.column - 2, 0)
        block = "".join(" " * indent + line + "\n" for line in dumped.splitlines())
        later = [item for item in versions.value if _date_of(item) > act.date.isoformat()]
        if later:  # versions are oldest first: before the first one dated after the act
            end = later[0].start_mark.line
        else:
            end = versions.end_mark.line if versions.end_mark.column == 0 else versions.end_mark.line + 1
            while end > 0 and not lines[end - 1].strip():
                end -= 1  # after the last entry's last line, before any blank lines
        lines[end:end] = block.rstrip("\n").split("\n")
        text = "\n".join(lines)
    else:
        if versions is not None:
            raise ValueError("work.yaml: 'versions' is not a list of versions")
        text = text.rstrip("\n") + "\nversions:\n" + "".join("  " + line + "\n" for line in dumped.splitlines())
    source = SourceText("work.yaml", text)
    if _value(root, "version") is not None and source.set_yaml_value(0, "version", name, search_to=source.lines):
        return source.result()
    return text.rstrip("\n") + f"\nversion: {name}\n"


def _value(root: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            node: yaml.Node = v
            return node
    return None


def _date_of(item: yaml.Node) -> str:
    date = _value(item, "date")
    return str(date.value) if isinstance(date, yaml.ScalarNode) else ""
