"""YAML with line numbers: front matter and work files, checked against JSON Schemas.

Dates stay strings (checked by the schema's pattern), so YAML 1.1 timestamp
guessing never changes a value behind a drafter's back. Every error points at
the line of the offending key.

Sources are untrusted, so the work done on one YAML text is bounded: aliases are
refused (a nested alias "bomb" would otherwise expand exponentially), and the
text's size and nesting depth are limited, each with its own diagnostic.

Speed: a text that plainly has no alias, anchor, tag or tab and cannot nest past
the limit is composed by libyaml's C parser (the same nodes, with the same line
marks); anything else, and any text the C parser rejects, goes through the pure
Python loader, so every diagnostic is the one that loader gives. A document is
checked against its schema by a compiled validator (fastjsonschema) first where
the schema uses only keywords it implements; a document it does not pass is
checked again by jsonschema, whose findings are the ones reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

import jsonschema
import yaml

from drafting.diagnostics import Diagnostics
from drafting.profile import SCHEMAS_DIR


MAX_YAML_CHARS = 256 * 1024  # front matter and work files are a few hundred bytes
MAX_YAML_DEPTH = 32  # the deepest legitimate document (work.yaml) nests four levels


class _Refused(yaml.MarkedYAMLError):
    """An alias or a nesting too deep: raised while composing, before any expansion."""


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamp resolution, refusing aliases and deep nesting."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Refused(None, None, "aliases (*name) are not allowed in sources; write the value out",
                           event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _Refused(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep",
                               self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_CLoader: type | None = getattr(yaml, "CSafeLoader", None)
if _CLoader is not None:
    class _FastLoader(_CLoader):  # type: ignore[misc, valid-type]
        """libyaml's parser with the same resolvers as _Loader (no timestamps)."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FAST: type | None = _FastLoader
else:  # PyYAML built without libyaml: every text takes the Python loader
    _FAST = None

# what the C path leaves to the Python loader: anchors, aliases, tags, directives, tabs, byte-order marks, control
# and line-separator characters, block scalars, complex keys, escapes, reserved indicators and document markers;
# where libyaml and PyYAML could differ at all, the Python loader (the one the diagnostics are written for) reads
_UNSAFE_FOR_FAST = re.compile("[&*!%\t\r\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff@`|>?\\\\]"
                              "|^(?:---|\\.\\.\\.)", re.M)
_PREFIX = re.compile(r"^[ ?:-]*", re.M)
_BRACKETS = re.compile(r"[\[\]{}]")


def _plainly_shallow(text: str) -> bool:
    """True when ``text`` cannot nest deeper than MAX_YAML_DEPTH: each block level takes at least one column
    of indentation or a ``- ``/``? `` marker, each flow level a bracket (counted generously, quotes and all)."""
    indent = max((len(m.group(0)) for m in _PREFIX.finditer(text)), default=0)
    depth = flow = 0
    if "[" in text or "{" in text:
        for bracket in _BRACKETS.findall(text):
            depth = depth + 1 if bracket in "[{" else depth - 1
            flow = max(flow, depth)
    return indent + flow + 2 <= MAX_YAML_DEPTH


def _compose(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree of ``text`` and its Python values (no timestamps); raises as the Python loader does (it
    is the one that reads hard texts)."""
    if _FAST is not None and not _UNSAFE_FOR_FAST.search(text) and _plainly_shallow(text):
        fast = _FAST(text)
        try:
            node: yaml.Node | None = fast.get_single_node()
            return node, (fast.construct_document(node) if node is not None else None)
        except yaml.YAMLError:
            pass  # the Python loader says what is wrong, in its words
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


@dataclass
class YamlDoc:
    data: Any
    node: yaml.Node | None
    first_line: int  # 1-based line of the YAML text within its file

    def line_of(self, path: tuple[str | int, ...]) -> int:
        """The file line of the value at ``path`` (or of the deepest existing parent)."""
        node = self.node
        line = node.start_mark.line if node is not None else 0
        for key in path:
            if isinstance(node, yaml.MappingNode):
                for knode, vnode in node.value:
                    if knode.value == key:
                        line = knode.start_mark.line
                        node = vnode
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line
            else:
                break
        return self.first_line + line


def parse_yaml(text: str, display: str, first_line: int, diags: Diagnostics) -> YamlDoc | None:
    """Parse YAML; on a syntax error add F201 with the line and return None.

    An alias, nesting deeper than ``MAX_YAML_DEPTH`` or a text longer than
    ``MAX_YAML_CHARS`` gives F207 instead, after bounded work.
    """
    if len(text) > MAX_YAML_CHARS:
        diags.error(display, first_line, "F207", f"YAML longer than {MAX_YAML_CHARS // 1024} KB; refused")
        return None
    try:
        node, data = _compose(text)
    except _Refused as exc:
        mark = exc.problem_mark
        diags.error(display, first_line + (mark.line if mark else 0), "F207", f"YAML refused: {exc.problem}",
                    (mark.column + 1) if mark else 1)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        diags.error(display, line, "F201", f"invalid YAML: {problem}", column)
        return None
    except yaml.YAMLError as exc:  # e.g. a stray control character: ReaderError
        diags.error(display, first_line, "F201", f"invalid YAML: {exc}")
        return None
    doc = YamlDoc(data, node, first_line)
    _duplicate_keys(doc, node, display, diags)
    return doc


def _duplicate_keys(doc: YamlDoc, node: yaml.Node | None, display: str, diags: Diagnostics) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for knode, vnode in node.value:
            key = str(knode.value)
            if key in seen:
                diags.error(display, doc.first_line + knode.start_mark.line, "F202",
                            f"duplicate key '{key}'", knode.start_mark.column + 1)
            seen.add(key)
            _duplicate_keys(doc, vnode, display, diags)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(doc, item, display, diags)


@lru_cache(maxsize=None)
def load_schema(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# the schemas read for every article or container: compiled, for they use only keywords fastjsonschema implements
COMPILED = ("article", "annex", "preamble", "section")
FAST_KEYWORDS = frozenset({"$schema", "$id", "title", "description", "type", "required", "additionalProperties",
                           "properties", "pattern", "minimum", "minLength", "minProperties", "propertyNames"})


COMPILE_AFTER = 200  # documents of one schema checked by jsonschema before compiling it pays (a tenth of a second)
_checked: dict[str, int] = {}


@lru_cache(maxsize=None)
def compiled_schema(name: str) -> Callable[[Any], Any] | None:
    if name not in COMPILED:
        return None
    import fastjsonschema

    schema = json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    compiled: Callable[[Any], Any] = fastjsonschema.compile(schema)
    return compiled


def passes_compiled(data: Any, schema: str, eager: bool = False) -> bool:
    """True when the compiled validator accepts ``data`` (False: jsonschema decides and explains).

    A small tree never pays for compiling: the first ``COMPILE_AFTER`` documents of a schema (unless ``eager``)
    go to jsonschema alone.
    """
    if not eager:
        seen = _checked.get(schema, 0)
        if seen < COMPILE_AFTER:
            _checked[schema] = seen + 1
            return False
    fast = compiled_schema(schema)
    if fast is None:
        return False
    try:
        fast(data)
    except Exception:  # fastjsonschema.JsonSchemaException: not passed, jsonschema explains why
        return False
    return True


def validate(doc: YamlDoc, schema: str, display: str, diags: Diagnostics) -> bool:
    """Check ``doc`` against ``schemas/<schema>.schema.json``; F203 per violation."""
    if passes_compiled(doc.data, schema):
        return True
    validator = load_schema(schema)
    ok = True
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
        ok = False
        where = "/".join(str(p) for p in error.absolute_path)
        message = _message(error)
        diags.error(display, doc.line_of(tuple(error.absolute_path)), "F203",
                    f"{where}: {message}" if where else message)
    return ok


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)' (?:was|were) unexpected", error.message)
        return f"unknown key {error.message.split('(')[-1].rstrip(')')}" if not extra else error.message
    if error.validator == "pattern":
        hint = error.schema.get("description", error.validator_value) if isinstance(error.schema, dict) else ""
        return f"{error.instance!r} does not have the expected form ({hint})"
    return str(error.message)


FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*$\r?\n?", re.S | re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, 1-based file line where the body starts)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return None, text, 1
    body_start = text.count("\n", 0, match.end()) + 1
    return match.group(1), text[match.end():], body_start
