"""Benchmark `drafting amend` against rendering a PDF of the act it amends (one run, ratios within the run).

1. The constitution's two published drafts (the commits of work.yaml's first-draft and
   final-draft, copied into a temporary repository; skipped with a message when this
   clone does not have them).
2. A synthetic pair of 1,000 articles in three languages (benchmarks/synthetic.py), the
   second with 100 articles changed in every language: 60 with a word replaced, 20 with a
   paragraph rewritten, 20 with a paragraph added.

For each: the amend (both versions read from git objects, planned, every plan proved by
applying it, the act's sources rendered; no comparative tables) and the planning alone,
against rendering one PDF (Russian, A4) of the new version. Target: amend well under the PDF.

Run: `.venv/bin/python benchmarks/bench_amend.py [--articles N]`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from drafting.amending.act import prepare, short_name  # noqa: E402
from drafting.amending.planning import Revision, plan  # noqa: E402
from drafting.akn import uri  # noqa: E402
from drafting.source.load import load_valid  # noqa: E402
from drafting.writers.artifacts import BuildContext  # noqa: E402
from drafting.writers.pdf.documents import plan as pdf_plan  # noqa: E402
from drafting.writers.pdf.job import run  # noqa: E402
from drafting.writers.pdf.settings import load_settings  # noqa: E402
from drafting.writers.redline.revisions import Repository, read_version  # noqa: E402
from synthetic import make_synthetic  # noqa: E402

T = TypeVar("T")
DRAFTS = {"first-draft": "6e314c1866a260016de5c5a00a5c479c7515e3c2",
          "final-draft": "fd1912bffa06e253ea5b4bd3aafda8c61ccc9945"}
ENV = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
       "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid",
       "GIT_AUTHOR_DATE": "2026-02-01T10:00:00+05:00", "GIT_COMMITTER_DATE": "2026-02-01T10:00:00+05:00"}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=repo, env=ENV, check=True, capture_output=True)


def cpu_timed(function: Callable[[], T]) -> tuple[T, float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - start, time.process_time() - start_cpu


def pdf_seconds(source: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of rendering the Russian A4 PDF of ``source`` in this process, and its pages."""
    work = load_valid(source)
    ctx = BuildContext(source, source, source, ["ru"], source, {"pages": ["a4"]})
    jobs = [job for job in pdf_plan(work, ctx, load_settings()) if job.lang == "ru"][:1]
    out, wall, cpu = cpu_timed(lambda: run(jobs[0]))
    return wall, cpu, out.pages


def measure(name: str, source: Path, old: str, new: str) -> None:
    written, wall, cpu = cpu_timed(lambda: prepare(source, old, new, tables=False))
    repository = Repository(source)
    before, after = read_version(source, old, repository), read_version(source, new, repository)
    planned, plan_wall, plan_cpu = cpu_timed(lambda: plan(
        Revision(before.work, before.loaded.texts), Revision(after.work, after.loaded.texts),
        short_name(before, source), uri.work_uri(before.work.meta)))
    with tempfile.TemporaryDirectory() as tmp:
        checkout = Path(tmp) / "new"
        archive = subprocess.run(["git", "-C", str(source), "archive", new, "."], capture_output=True, check=True)
        checkout.mkdir()
        subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive.stdout, check=True)
        pdf_wall, pdf, pages = pdf_seconds(checkout)
    print(f"{name}: {len(written.amendment.groups)} numbered instructions, "
          f"{len(written.amendment.instructions())} changes; {len(planned.groups)} planned again")
    print(f"  amend (read both versions from git, plan, prove, write): {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  planning alone: {plan_wall:.2f} s wall, {plan_cpu:.2f} s CPU")
    print(f"  PDF of the new version (ru, A4, {pages} pages): {pdf_wall:.2f} s wall, {pdf:.2f} s CPU")
    print(f"  CPU ratios: amend / PDF = {cpu / pdf:.3f}, planning / PDF = {plan_cpu / pdf:.3f}")


def drafts(tmp: Path) -> None:
    repo = tmp / "drafts"
    repo.mkdir()
    git(repo, "init", "-q")
    for name, sha in DRAFTS.items():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "constitution"], capture_output=True)
        if archive.returncode != 0:
            print(f"drafts: skipped, {name} ({sha[:7]}) is not in this clone's history")
            return
        shutil.rmtree(repo / "constitution", ignore_errors=True)
        subprocess.run(["tar", "-x", "-C", str(repo)], input=archive.stdout, check=True)
        shutil.rmtree(repo / "constitution" / "laws", ignore_errors=True)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", name)
        git(repo, "tag", f"published-{name}")
    measure("the two published drafts", repo / "constitution", "published-first-draft", "published-final-draft")


def synthetic(tmp: Path, articles: int) -> None:
    repo = tmp / "synthetic"
    repo.mkdir()
    git(repo, "init", "-q")
    source = make_synthetic(repo / "code", articles)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "old")
    git(repo, "tag", "old")
    files = sorted(source.rglob("*.md"))
    stems = sorted({str(p)[: -len(".ru.md")] for p in files if p.name.endswith(".ru.md") and "preamble" not in p.name})
    step = max(1, len(stems) // 100)
    for index, stem in enumerate(stems[::step][:100]):
        for lang in ("kk", "ru", "en"):
            path = Path(f"{stem}.{lang}.md")
            text = path.read_text(encoding="utf-8")
            if index < 60:
                text = re.sub(r"\(a (\d+)\)", r"(a \1, as amended)", text, count=1)
            elif index < 80:
                text = re.sub(r"\n1\. [^\n]*", "\n1. Rewritten paragraph text of this article, every word new.", text,
                              count=1)
            else:
                text = text.rstrip("\n") + "\n4. An added paragraph.\n"
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new")
    git(repo, "tag", "new")
    measure(f"synthetic {articles} articles, 100 changed", source, "old", "new")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        drafts(Path(tmp))
        synthetic(Path(tmp), args.articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
