"""``translations.yaml``: what every language of every unit was last aligned with, read and written.

The file sits at the work's root beside ``work.yaml``; ``drafting translations
mark`` writes it, one line per unit (``art:ID/N: {kk: HASH, ru: HASH, en: HASH}``),
in the text's reading order, so a diff shows which units were marked. It is read
through ``yamldoc`` (positions, bounded work) and checked against
``schemas/translations.schema.json``; a malformed file is F201/F203 at its line.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from drafting.checks.instep import Hashes, every_unit, out_of_step, report
from drafting.diagnostics import Diagnostic, Diagnostics
from drafting.model import Work
from drafting.source.reader import TRANSLATIONS_FILE
from drafting.source.yamldoc import MAX_YAML_CHARS, MAX_YAML_DEPTH, load_schema, parse_yaml, validate

__all__ = ["TRANSLATIONS_FILE", "read_marks", "write_marks", "check_marks"]
HEADER = ("# Which text every language of each unit was last aligned with (docs/translations.md).\n"
          "# Written by 'drafting translations mark'; 'drafting check' warns (A409) when a unit changed\n"
          "# in one language and not in those that follow it. Schema: schemas/translations.schema.json.\n")


def read_marks(text: str, display: str, diags: Diagnostics) -> Hashes | None:
    """The recorded hashes, or None (with F201/F202/F203/F207 in ``diags``) when the file is malformed.

    The same text is read once per process (the language server checks the tree after every edit, and the
    file changes only when the translations are marked): its hashes and findings are kept, a copy given out.
    A sound file is read by libyaml (a scan of its events first: no alias, no nesting deeper than the limit, no
    key twice, only strings), then checked against the schema; anything else goes the slow way, through
    ``yamldoc``, which names the problem at its line."""
    table, findings = _read(text, display)
    diags.items.extend(findings)
    return {key: dict(langs) for key, langs in table.items()} if table is not None else None


@lru_cache(maxsize=8)
def _read(text: str, display: str) -> tuple[Hashes | None, tuple[Diagnostic, ...]]:
    data = _fast(text)
    if data is not None and not any(load_schema("translations").iter_errors(data)):
        return _table(data), ()
    found = Diagnostics()
    doc = parse_yaml(text, display, 1, found)
    if doc is None or not validate(doc, "translations", display, found):
        return None, tuple(found.items)
    return _table(doc.data), tuple(found.items)


def _table(data: dict[str, Any]) -> Hashes:
    return {str(key): {str(lang): str(value) for lang, value in langs.items()} for key, langs in data["units"].items()}


def _fast(text: str) -> Any:
    """The file's data read by libyaml when its events show nothing ``yamldoc`` would refuse; else None."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None or len(text) > MAX_YAML_CHARS:
        return None
    stack: list[tuple[bool, set[str], list[bool]]] = []  # (a mapping?, its keys, [next scalar is a key])
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                return None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                _value_seen(stack)
                stack.append((isinstance(event, yaml.MappingStartEvent), set(), [True]))
                if len(stack) > MAX_YAML_DEPTH:
                    return None
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                if stack and stack[-1][0] and stack[-1][2][0]:
                    if event.value in stack[-1][1]:
                        return None  # a key twice: F202, from the slow way
                    stack[-1][1].add(event.value)
                    stack[-1][2][0] = False
                else:
                    _value_seen(stack)
        data = yaml.load(text, Loader=loader)  # noqa: S506 (the C *safe* loader; aliases refused above)
    except (yaml.YAMLError, TypeError, ValueError):  # malformed, or a key YAML cannot hash: the slow way names it
        return None
    return data if _only_text(data) else None  # `no:`, `1:`, `true:`: resolved by libyaml's rules, not ours


def _only_text(data: Any) -> bool:
    """Whether every key and every leaf is a string (a mapping of mappings of strings, as the schema wants)."""
    if isinstance(data, dict):
        return all(isinstance(key, str) and _only_text(value) for key, value in data.items())
    return isinstance(data, str)


def _value_seen(stack: list[tuple[bool, set[str], list[bool]]]) -> None:
    if stack and stack[-1][0]:
        stack[-1][2][0] = True


def write_marks(table: Hashes) -> str:
    """The file's text: one flow mapping per unit, hashes quoted (a hash of digits only is not a number)."""
    lines = [HEADER, "units:\n"]
    for key, langs in table.items():
        inner = ", ".join(f'{lang}: "{value}"' for lang, value in langs.items())
        lines.append(f"  {key}: {{{inner}}}\n")
    if not table:
        lines[-1] = "units: {}\n"
    return "".join(lines)


def check_marks(work: Work, text: str, display: str, diags: Diagnostics) -> None:
    """A409 for every unit and language out of step with what the file records."""
    recorded = read_marks(text, display, diags)
    if recorded is not None:
        report(out_of_step(recorded, every_unit(work), work.meta), diags)
