"""Untrusted sources and user mistakes: bounded work on YAML bombs, and clean stops instead of tracebacks.

The bombs run `drafting check` as a real subprocess with a generous time-out:
without the limits each of them keeps the checker busy for minutes (or ends in a
RecursionError traceback).
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from drafting_repo import commit, make_repo, run
from drafting.diagnostics import Diagnostics
from drafting.source.yamldoc import MAX_YAML_CHARS, MAX_YAML_DEPTH, parse_yaml

ARTICLE = "01-foundations/001-foundations-1.ru.md"
BODY = "1. Это статья 1 о разделе «Основы».\n"


def _alias_bomb(levels: int = 12) -> str:
    lines = ["id: foundations-1", "number: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _check_quickly(source: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """The check's result and the processor time it used (not wall time: the machine is shared and noisy)."""
    started = _children_cpu()
    done = subprocess.run([sys.executable, "-m", "drafting", "check", str(source)],
                          capture_output=True, text=True, timeout=120)
    return done, _children_cpu() - started


def _write_front_matter(mini: Path, front: str) -> None:
    (mini / ARTICLE).write_text(f"---\n{front}\n---\n{BODY}", encoding="utf-8")


def test_alias_bomb_is_refused_within_a_second(mini: Path) -> None:
    bomb = _alias_bomb()
    assert len(bomb.encode()) < 1000  # a few hundred bytes that expand to 9**12 items
    _write_front_matter(mini, bomb)
    done, seconds = _check_quickly(mini)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"{ARTICLE}:5:" in done.stdout.replace(str(mini) + "/", "")
    assert "error F207 YAML refused: aliases (*name) are not allowed in sources; write the value out" in done.stdout
    # the interpreter's start-up is part of the time; the check itself is milliseconds
    assert seconds < 1 + _startup_seconds()


def test_deep_nesting_is_refused_within_a_second(mini: Path) -> None:
    depth = 50_000
    _write_front_matter(mini, "id: foundations-1\nnumber: 1\nx: " + "[" * depth + "]" * depth)
    done, seconds = _check_quickly(mini)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert f"error F207 YAML refused: nested more than {MAX_YAML_DEPTH} levels deep" in done.stdout
    assert seconds < 1 + _startup_seconds()


def test_oversized_yaml_is_refused_without_parsing() -> None:
    diags = Diagnostics()
    started = time.process_time()
    assert parse_yaml("k: " + "v" * (MAX_YAML_CHARS + 1), "big.yaml", 2, diags) is None
    assert time.process_time() - started < 1
    assert [d.format() for d in diags] == ["big.yaml:2:1: error F207 YAML longer than 256 KB; refused"]


def test_ordinary_yaml_still_parses_with_its_lines() -> None:
    diags = Diagnostics()
    doc = parse_yaml("a:\n  b:\n    - c: 1\n", "ok.yaml", 3, diags)
    assert doc is not None and not diags.items
    assert doc.data == {"a": {"b": [{"c": 1}]}} and doc.line_of(("a", "b", 0)) == 5


def _startup_seconds() -> float:
    """Processor time of the interpreter's and the toolkit's start-up alone."""
    started = _children_cpu()
    subprocess.run([sys.executable, "-m", "drafting", "--version"], capture_output=True, timeout=120, check=True)
    return _children_cpu() - started


def test_version_option() -> None:
    from drafting import __version__

    done = run("--version")
    assert done.returncode == 0 and done.stdout == f"drafting {__version__}\n"


def test_build_out_naming_a_file_is_a_clean_stop(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "artifacts"
    target.write_text("not a folder", encoding="utf-8")
    for out in (target, target / "sub"):
        done = run("build", mini, "--only", "akn", "--out", out)
        assert done.returncode == 2, done.stderr
        assert done.stderr == f"error: {target}: is a file, not a folder; choose another --out\n"
    assert target.read_text(encoding="utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["artifacts", mini.name]


def test_redline_with_versions_not_a_list_reports_instead_of_crashing(tmp_path: Path) -> None:
    source = make_repo(tmp_path)
    work = source / "work.yaml"
    text = work.read_text(encoding="utf-8")
    block = re.search(r"^versions:\n(?:  .*\n)*", text, re.M)
    assert block is not None
    work.write_text(text.replace(block.group(0), "versions: 5\n"), encoding="utf-8")
    commit(source.parent, "versions: 5")
    done = run("redline", "HEAD~1", "HEAD", source, "--out", tmp_path / "r")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "work.yaml:17:1: error F203 versions: 5 is not of type 'array'" in done.stdout
    checked = run("check", source)
    assert checked.returncode == 1 and "versions: 5 is not of type 'array'" in checked.stdout


def test_manifest_entries_keep_their_own_source_after_a_partial_rebuild(tmp_path: Path) -> None:
    from drafting import __version__

    source = make_repo(tmp_path)
    out = tmp_path / "out"
    assert run("build", source, "--only", "akn", "--out", out).returncode == 0
    first = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    clean = first["source"]
    assert clean["dirty"] is False and first["toolkit"] == __version__
    assert all(e["source"] == clean and e["toolkit"] == __version__ for e in first["artifacts"])
    # a dirty tree, and only the Russian AKN rebuilt: the other languages keep the clean label
    article = source / ARTICLE
    article.write_text(article.read_text(encoding="utf-8").replace("Это статья", "Это новая статья"),
                       encoding="utf-8")
    done = run("build", source, "--only", "akn", "--lang", "ru", "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    second = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    labels = {e["path"]: e["source"]["dirty"] for e in second["artifacts"]}
    assert labels["akn/ru.xml"] is True
    assert [dirty for path, dirty in labels.items() if path != "akn/ru.xml"] == [False] * (len(labels) - 1)


def test_make_bench_runs_a_script_that_exists_and_finds_every_benchmark() -> None:
    repo = Path(__file__).resolve().parent.parent
    makefile = (repo / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^bench:.*\n\t(.*)$", makefile, re.M)
    assert recipe is not None
    script = repo / recipe.group(1).split()[-1]
    assert script.is_file()
    sys.path.insert(0, str(script.parent))
    try:
        import run as runner  # benchmarks/run.py
    finally:
        sys.path.pop(0)
    names = {p.name for p in runner.scripts()}
    assert names == {p.name for p in (repo / "benchmarks").glob("bench_*.py")} and len(names) >= 5
