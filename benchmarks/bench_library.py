"""Benchmark a repository of acts (issue #11): `drafting check` of a synthetic statute book, in one run.

``python benchmarks/bench_library.py [--acts 50] [--articles 200] [--base REV] [--scale]``

Writes the book (``--acts`` acts of ``--articles`` articles in kk, ru and en; ``--acts 500``
is the 100,000-article book, minutes to write) and measures, each `drafting check ROOT` in
a fresh process as a drafter runs it:

- the parse floor: markdown-it-py and PyYAML's C loader alone over the same files, in
  this process, one core, no line marks, no checks;
- cold: the check with an empty cache folder (it reads every file, on every core,
  and fills the cache), and ``--no-cache``;
- the previous toolkit (``--base``, default the commit before the speed work), cold,
  checked out into a temporary git worktree (``--base none`` skips it);
- warm: the check again after one article file was edited;
- the peak memory of the check's processes (the parent, and the largest worker);
- with ``--scale``: the cold check of a book a tenth the size, for the scaling ratio.

Prints seconds (wall clock) and CPU seconds (all the check's processes), and the ratios the
issue sets targets for (compare ratios, not seconds: the machine is shared; on a crowded
machine the CPU ratios are the steadier).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_library import make_library  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BASE = "262718f"  # main before the parallel, incremental check

# Runs the command in a child and reports its time and the peak memory of the processes it started.
PROBE = r'''
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "code": done.returncode, "out": done.stdout[-2000:], "err": done.stderr[-2000:],
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
'''


def floor(root: Path) -> tuple[float, float]:
    """(seconds, CPU seconds) of markdown-it-py and libyaml alone over the book's article files."""
    import yaml
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start, cpu = time.perf_counter(), time.process_time()
    for path in root.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---", 2)
        yaml.load(front, Loader=loader)
        md.parse(body)
    return time.perf_counter() - start, time.process_time() - cpu


def check(toolkit: Path, root: Path, *options: str, env: dict[str, str]) -> dict[str, object]:
    """`drafting check ROOT` of ``toolkit`` in a fresh process: seconds, exit code, output, peak MB."""
    command = [sys.executable, "-m", "drafting", "check", str(root), "--quiet", *options]
    done = subprocess.run([sys.executable, "-c", PROBE, *command], cwd=toolkit, env={**env, "PYTHONPATH": str(toolkit)},
                          capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    if result["code"] != 0:
        raise SystemExit(f"check failed ({toolkit}): {result['out']}{result['err']}")
    return result


def peak_in_process(root: Path) -> tuple[float, float]:
    """(parent, largest worker) peak memory in MB of a cold check run in a child that measures itself."""
    probe = ("import resource, sys; from pathlib import Path; from drafting.source.librarycheck import check_library;"
             "found = check_library(Path(sys.argv[1]), cache=False); assert not found.diagnostics.has_errors();"
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,"
             " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", probe, str(root)], cwd=REPO, capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    parent, worker = done.stdout.split()
    return float(parent), float(worker)


def book(where: Path, acts: int, articles: int) -> Path:
    root = make_library(where, acts, articles)
    (root / ".git").mkdir()  # the repository's root, where .drafting-cache goes
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acts", type=int, default=50)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--base", default=BASE, help="the toolkit to compare with ('none': skip)")
    parser.add_argument("--scale", action="store_true", help="also check a book of a tenth of the acts")
    parser.add_argument("--book", type=Path, help="check this book (written before by synthetic_library.py with the "
                                                   "same --acts and --articles) instead of writing one")
    parser.add_argument("--no-floor", action="store_true", help="skip the parse floor")
    parser.add_argument("--quick", action="store_true",
                        help="skip the --no-cache run and the in-process memory run (for the 100,000-article book; "
                             "the peak of the largest process is still measured)")
    args = parser.parse_args()
    total = args.acts * args.articles
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_CACHE_HOME": str(Path(tmp) / "user-cache"),
               "HOME": tmp}
        start = time.perf_counter()
        if args.book is not None:
            root = args.book
            (root / ".git").mkdir(exist_ok=True)
            shutil.rmtree(root / ".drafting-cache", ignore_errors=True)
            edited_before = root / "acts" / f"act{min(3, args.acts)}" / "01-c1" / "001-a1.ru.md"
            edited_before.write_text(edited_before.read_text(encoding="utf-8").replace("устанавливает", "регулирует"),
                                     encoding="utf-8")
        else:
            root = book(Path(tmp) / "book", args.acts, args.articles)
        print(f"statute book: {args.acts} acts, {total:,} articles, {total * 3:,} article files "
              f"(written in {time.perf_counter() - start:.0f} s)", flush=True)
        parse_floor, floor_cpu = floor(root) if not args.no_floor else (float("nan"), float("nan"))
        print(f"parse floor (md + C YAML, one core) {parse_floor:8.2f} s  CPU {floor_cpu:8.2f} s", flush=True)
        base_s = base_cpu = None
        if args.base != "none":
            base = Path(tmp) / "base"
            subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=REPO, check=True)
            try:
                before = check(base, root, "--no-cache", env=env)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO, check=True)
            base_s, base_cpu = float(before["seconds"]), float(before["cpu"])  # type: ignore[arg-type]
            print(f"previous toolkit ({args.base}), cold   {base_s:8.2f} s  CPU {base_cpu:8.2f} s", flush=True)
        no_cache = check(REPO, root, "--no-cache", env=env) if not args.quick else None
        shutil.rmtree(root / ".drafting-cache", ignore_errors=True)
        cold = check(REPO, root, env=env)
        cold_s, cold_cpu = float(cold["seconds"]), float(cold["cpu"])  # type: ignore[arg-type]
        print(f"cold check (empty cache)          {cold_s:8.2f} s  CPU {cold_cpu:8.2f} s  "
              f"{total / cold_s:8,.0f} articles/s", flush=True)
        if no_cache is not None:
            print(f"cold check --no-cache             {float(no_cache['seconds']):8.2f} s  "  # type: ignore[arg-type]
                  f"CPU {float(no_cache['cpu']):8.2f} s", flush=True)  # type: ignore[arg-type]
        time.sleep(3.5)  # the files are older than the racy window now, as they are in a drafter's repository
        check(REPO, root, env=env)  # the cache now trusts every act
        edited = root / "acts" / f"act{min(3, args.acts)}" / "01-c1" / "001-a1.ru.md"
        edited.write_text(edited.read_text(encoding="utf-8").replace("регулирует", "устанавливает"), encoding="utf-8")
        warm = check(REPO, root, env=env)
        warm_s = float(warm["seconds"])  # type: ignore[arg-type]
        parent_mb, worker_mb = peak_in_process(root) if not args.quick else (None, None)
        small_s = small_cpu = None
        if args.scale and args.acts >= 10:
            small = book(Path(tmp) / "small", args.acts // 10, args.articles)
            smaller = check(REPO, small, env=env)
            small_s, small_cpu = float(smaller["seconds"]), float(smaller["cpu"])  # type: ignore[arg-type]
    print(f"warm check, one file edited       {warm_s:8.2f} s  CPU {float(warm['cpu']):6.2f} s "  # type: ignore[arg-type]
          "(target: under 2 s)")
    print(f"cold check / parse floor          {cold_s / parse_floor:8.2f}    CPU {cold_cpu / floor_cpu:6.2f} "
          "(target: at most 3)")
    if base_s is not None and base_cpu is not None:
        print(f"previous / cold check             {base_s / cold_s:8.2f}    CPU {base_cpu / cold_cpu:6.2f} "
              "(target: at least 5)")
    if parent_mb is not None:
        print(f"peak memory: parent {parent_mb:.0f} MB, largest worker {worker_mb:.0f} MB (cores: {os.cpu_count()})")
    print(f"peak memory of the cold check's largest process: {float(cold['peak_mb']):.0f} MB "  # type: ignore[arg-type]
          f"(processes: the parent and at most {os.cpu_count()} workers)")
    if small_s is not None and small_cpu is not None:
        print(f"scaling: {args.acts // 10} acts {small_s:.2f} s, {args.acts} acts {cold_s:.2f} s, "
              f"ratio {cold_s / small_s:.2f}, CPU ratio {cold_cpu / small_cpu:.2f} (target: at most 11)")


if __name__ == "__main__":
    main()
