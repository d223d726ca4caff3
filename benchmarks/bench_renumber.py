"""Benchmark the drafter's-day commands on the constitution and on synthetic codes of
1,000 and 3,000 articles in three languages (benchmarks/synthetic.py):

- check: read and check (the floor every command below stands on);
- renumber with nothing to do;
- renumber after an article was added at the very front by hand (the worst case:
  every number, every file name and every reference moves);
- new article at the front (scaffold + renumber);
- stats --since a revision (reads the revision from git objects);
- a serve rebuild (read, check, render the HTML pages).

Run: `.venv/bin/python benchmarks/bench_renumber.py` (one run each; the machine's other load shows in the figures).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_synthetic  # noqa: E402

from drafting.source.load import load  # noqa: E402
from drafting.tools.preview import render_site, render_with_writer  # noqa: E402
from drafting.tools.renumbering import plan_renumber, renumber  # noqa: E402
from drafting.tools.scaffold import new_article  # noqa: E402
from drafting.tools.statistics import changes_since, collect  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
Row = tuple[str, str, int, float, str]


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", *args], cwd=repo,
                   check=True, capture_output=True)


LABELS = {"kk": "{n}-баптың {p}-тармағы", "ru": "пункт {p} статьи {n}", "en": "paragraph {p} of Article {n}"}
EMPTY_REF = re.compile(r"\[\]\(art:article-(\d+)/(\d+)\)")


def label_references(root: Path) -> Path:
    """The generator writes references with empty text; give them text that names the numbers,
    as drafters write them, so that renumbering has digits to rewrite."""
    for path in root.glob("*/*.md"):
        lang = path.name.split(".")[-2]
        text = path.read_text(encoding="utf-8")
        labelled = EMPTY_REF.sub(lambda m: f"[{LABELS[lang].format(n=m.group(1), p=m.group(2))}]"
                                           f"(art:article-{m.group(1)}/{m.group(2)})", text)
        if labelled != text:
            path.write_text(labelled, encoding="utf-8")
    return root


def add_front_article(source: Path) -> None:
    work = load(source).work
    assert work is not None
    folder = min(p for p in source.iterdir() if (p / "section.yaml").is_file())
    for code in work.meta.codes:
        (folder / f"000a-front.{code}.md").write_text("---\nid: front\nnumber: 1\n---\nText.\n", encoding="utf-8")


def measure(name: str, pristine: Path, scratch: Path) -> list[Row]:
    def copy(label: str) -> Path:
        target = scratch / label
        shutil.copytree(pristine, target)
        return target

    work = load(pristine).work
    assert work is not None
    articles = len(work.expression(work.meta.codes[0]).articles())
    rows: list[Row] = []
    took, _ = timed(lambda: load(pristine))
    rows.append(("check (read + checks)", name, articles, took, ""))
    took, _ = timed(lambda: plan_renumber(pristine))
    rows.append(("renumber, nothing to do", name, articles, took, ""))

    source = copy("front")
    add_front_article(source)
    took, plan = timed(lambda: renumber(source))
    rows.append(("renumber after a front insertion", name, articles, took,
                 f"{len(plan.edited)} files edited, {len(plan.file_moves)} renamed, "  # type: ignore[attr-defined]
                 f"{plan.references} references"))  # type: ignore[attr-defined]

    source = copy("new")
    first = work.expression(work.meta.codes[0]).sections[0].num
    took, created = timed(lambda: new_article(source, first, "0", "bench-new"))
    rows.append(("new article at the front", name, articles, took,
                 f"{len(created.renumbered)} renumbering lines"))  # type: ignore[attr-defined]

    source = copy("stats")
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-qm", "before")
    git(source, "tag", "before")
    add_front_article(source)
    renumber(source)
    after = load(source).work
    assert after is not None
    took, _ = timed(lambda: (collect(after), changes_since(source, "before", after)))
    rows.append(("stats --since", name, articles, took, "every article renumbered"))

    took, _ = timed(lambda: render_site(pristine, render_with_writer))
    rows.append(("serve rebuild (HTML writer)", name, articles, took, ""))
    return rows


def main() -> None:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        trees: list[tuple[str, Callable[[Path], object]]] = [
            ("constitution", lambda d: shutil.copytree(REPO / "constitution", d))]
        trees += [(f"synthetic {n:,}", lambda d, n=n: label_references(make_synthetic(d, n)))  # type: ignore[misc]
                  for n in (1_000, 3_000)]
        for index, (name, make) in enumerate(trees):
            pristine = base / f"tree{index}"
            make(pristine)
            scratch = base / f"scratch{index}"
            scratch.mkdir()
            rows.extend(measure(name, pristine, scratch))
    print(f"| {'operation':<38} | {'tree':<16} | {'articles':>8} | {'seconds':>7} | changed")
    print(f"|{'-' * 40}|{'-' * 18}|{'-' * 10}:|{'-' * 8}:|---")
    for operation, tree, articles, took, note in rows:
        print(f"| {operation:<38} | {tree:<16} | {articles:>8,} | {took:>7.2f} | {note}")


if __name__ == "__main__":
    main()
