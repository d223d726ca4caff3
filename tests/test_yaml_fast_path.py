"""The fast readers give the answers of the exact ones: libyaml's C parser the Python loader's values, lines and
findings; the compiled schema validator never passes a document jsonschema refuses."""

from __future__ import annotations

import json
import os
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from drafting.diagnostics import Diagnostics
from drafting.resources import SCHEMAS_DIR
from drafting.source import yamldoc
from drafting.source.yamldoc import COMPILED, FAST_KEYWORDS, parse_yaml, passes_compiled

SETTINGS = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# pieces a front matter or work.yaml is made of, and the ones that trip YAML parsers
PIECES = st.sampled_from(["id", "number", "heading", ":", ": ", " ", "  ", "\n", "- ", "-", "'", '"', "#", "[", "]",
                          "{", "}", ",", "?", "1", "3-1", "9A", "2026-03-15", "yes", "null", "~", "Статья", "|", ">",
                          "\\", "%", "@", "`", "x: y\n", "a:\n  b: c\n", "- {code: kk, akn: kaz}\n", "\t", "&a ",
                          "*a", "!!str ", "---\n", "...\n", "\r", "\ufeff"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def parsed(text: str) -> tuple[Any, list[int], list[str]]:
    diags = Diagnostics()
    doc = parse_yaml(text, "f.yaml", 2, diags)
    lines: list[int] = []
    if doc is not None and isinstance(doc.data, dict):
        lines = [doc.line_of((key,)) for key in doc.data if isinstance(key, str)]
    return (doc.data if doc is not None else "no document"), lines, [d.format() for d in diags]


@SETTINGS
@given(TEXTS)
@example("id: a\nnumber: 1\nheading: x\n")
@example("a: b: c")
@example("a: 1\na: 2\n")
@example("x: " + "[" * 40 + "]" * 40)
@example("languages:\n  - {code: kk, akn: kaz, authoritative: true}\n")
def test_the_c_parser_reads_as_the_python_loader(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fast = parsed(text)
    with monkeypatch.context() as patch:
        patch.setattr(yamldoc, "_FAST", None)
        exact = parsed(text)
    assert fast == exact


def test_the_c_parser_is_used() -> None:
    assert yamldoc._FAST is not None, "PyYAML without libyaml: setup.sh installs it with its C extension"
    calls: list[str] = []
    original = yamldoc._FAST

    class Spy(original):  # type: ignore[misc, valid-type]
        def __init__(self, text: str) -> None:
            calls.append(text)
            super().__init__(text)

    yamldoc._FAST = Spy
    try:
        parsed("id: a\nnumber: 1\n")
        parsed("id: &x a\n")  # an anchor: the Python loader's, which refuses it
    finally:
        yamldoc._FAST = original
    assert calls == ["id: a\nnumber: 1\n"]


def test_compiled_schemas_use_only_the_keywords_the_compiler_implements() -> None:
    def keywords(node: Any) -> set[str]:
        if isinstance(node, dict):
            found = set(node) - {"properties"}
            for key, value in node.items():
                if key == "properties":
                    for sub in value.values():
                        found |= keywords(sub)
                elif isinstance(value, (dict, list)):
                    found |= keywords(value)
            return found | ({"properties"} if "properties" in node else set())
        if isinstance(node, list):
            return set().union(*(keywords(item) for item in node)) if node else set()
        return set()

    for name in COMPILED:
        schema = json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert keywords(schema) <= FAST_KEYWORDS, name


VALUES = st.recursive(st.none() | st.booleans() | st.integers(-3, 12) | st.floats(allow_nan=False) |
                      st.sampled_from(["a1", "foundations-1", "3-1", "9A", "IV", "b", "", "A", "1\n", " x", "-1"]),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                  max_size=3), max_leaves=6)
DOCS = st.dictionaries(st.sampled_from(["id", "number", "heading", "note", "title", "kk", "ru", "x"]), VALUES,
                       max_size=5)


@SETTINGS
@given(st.sampled_from(COMPILED), DOCS)
@example("article", {"id": "a1", "number": True})
@example("article", {"id": "a1", "number": "1\n"})
@example("section", {"number": "I", "title": {"kk": "x"}})
def test_the_compiled_validator_passes_only_what_jsonschema_passes(schema: str, data: dict[str, Any]) -> None:
    if passes_compiled(data, schema, eager=True):
        exact = json.loads((SCHEMAS_DIR / f"{schema}.schema.json").read_text(encoding="utf-8"))
        assert jsonschema.Draft202012Validator(exact).is_valid(data), data
