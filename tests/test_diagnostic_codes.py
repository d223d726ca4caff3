"""The registry of diagnostic codes (schemas/diagnostic-codes.csv) matches the package and the README."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from drafting.codebook import RegistryError, load_codes, with_table
from emitted_codes import missing_codes

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "drafting"


def code_literals() -> dict[str, set[str]]:
    """Code -> modules whose source holds it as a string constant (read with ast, not a regex over text)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"[A-Z][0-9]{3}", node.value):
                found[node.value].add(module)
    return found


def test_every_code_in_the_package_is_registered_and_raised_where_the_registry_says() -> None:
    codes, literals = load_codes(), code_literals()
    assert sorted(set(literals) - set(codes)) == []
    for entry in codes.values():
        for module in entry.modules:
            assert module in literals.get(entry.code, set()), f"{entry.code}: {module} does not raise it"


def test_the_readme_table_is_generated_from_the_registry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert with_table(readme, load_codes()) == readme, "run scripts/codes_table.py"
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "codes_table.py"), "--check"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "| A406 | error | an id or number that differs between languages |" in readme


@pytest.mark.parametrize("line, problem", [
    ("S1O1,error,drafting.source.reader,x", "'S1O1' is not a code"),
    ("S101,fatal,drafting.source.reader,x", "severity 'fatal'"),
    ("S101,error,,x", "needs the modules"),
])
def test_a_malformed_registry_line_is_named(tmp_path: Path, line: str, problem: str) -> None:
    registry = tmp_path / "codes.csv"
    registry.write_text(f"code,severity,module,meaning\n{line}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=re.escape(f"{registry}:2: ") + ".*" + re.escape(problem)):
        load_codes(registry)


def test_a_code_registered_twice_is_refused(tmp_path: Path) -> None:
    registry = tmp_path / "codes.csv"
    registry.write_text("code,severity,module,meaning\nS101,error,m,a\nS101,error,m,b\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="S101 is registered twice"):
        load_codes(registry)


def test_the_session_check_names_codes_never_raised_or_raised_without_a_stated_message() -> None:
    raised = {code: {f"message of {code}"} for code in load_codes()}
    text = " ".join(f"message of {code}" for code in load_codes())
    assert missing_codes(raised, text, set()) == []
    del raised["A406"]
    raised["R504"] = {"something no test says"}
    problems = missing_codes(raised, text, set())
    assert "A406: never raised by a test" in problems
    assert any(p.startswith("R504: raised, but no test states an exact message") for p in problems)
