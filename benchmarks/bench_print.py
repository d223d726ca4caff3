"""Benchmark the HTML edition and the PDFs: time per language and profile, rebuilds, our overhead.

    .venv/bin/python benchmarks/bench_print.py [--source constitution] [--pages a2,a3,a4] [--langs kk,ru,en]

Prints, in one run:
1. WeasyPrint alone: the same documents (the HTML and CSS our build gives it)
   rendered by bare WeasyPrint, one after another, in a fresh process (none of
   our patches, no print files, no second layout pass), seconds per PDF;
2. builds (html + pdf) with the cache: cold (every language and profile in
   parallel worker processes, one per core), unchanged, after editing one
   article in one language, after editing it in every language;
3. the cold build against WeasyPrint alone (target: at most 1.3x) and an
   unchanged rebuild from the command line, Python start-up included (target:
   under a second);
4. with ``--each``, also each language in each profile rendered alone in this
   process by our renderer: pages, layout and writing time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.writers.artifacts import BuildContext, build  # noqa: E402
from drafting.diagnostics import DraftingError  # noqa: E402
from drafting.source.load import load_valid  # noqa: E402
from drafting.model import plain_text  # noqa: E402
from drafting.writers.pdf.job import run  # noqa: E402
from drafting.writers.pdf.settings import load_settings  # noqa: E402
from drafting.writers.pdf.documents import plan  # noqa: E402


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))))


def per_job(source: Path, langs: list[str], pages: list[str] | None) -> float:
    work = load_valid(source)
    options: dict[str, object] = {"pages": pages} if pages else {}
    ctx = BuildContext(source, source, source, langs, source, options)
    rows, engine = [], 0.0
    for job in plan(work, ctx, load_settings()):
        out = run(job)
        engine += out.layout_seconds + out.write_seconds
        outputs = "screen + PDF/X" if out.print_file is not None else "screen"
        rows.append([job.lang, job.profile, outputs, str(out.pages), f"{out.layout_seconds:.2f}",
                     f"{out.write_seconds:.2f}", f"{out.layout_seconds / max(out.pages, 1):.2f}"])
    table("Each PDF alone, cold (seconds)", ["lang", "profile", "files", "pages", "layout", "write", "layout/page"],
          rows)
    return engine


def weasyprint_alone(source: Path, langs: list[str], pages: list[str] | None) -> None:
    """In a fresh process: bare WeasyPrint on each job's HTML and CSS; prints JSON {name: [seconds, pages]}."""
    import weasyprint

    from drafting.hyphenation import register
    from drafting.writers.pdf.engine import ProjectFetcher

    register()  # the same Kazakh patterns: the same words may break
    work = load_valid(source)
    options: dict[str, object] = {"pages": pages} if pages else {}
    ctx = BuildContext(source, source, source, langs, source, options)
    times = {}
    for job in plan(work, ctx, load_settings()):
        started = time.perf_counter()
        fetcher = ProjectFetcher([job.base_dir, *job.roots])
        base_url = job.base_dir.resolve().as_uri() + "/"
        sheets = [weasyprint.CSS(filename=str(path), url_fetcher=fetcher) for path in job.stylesheets]
        sheets += [weasyprint.CSS(string=text, base_url=base_url, url_fetcher=fetcher) for text in job.css]
        document = weasyprint.HTML(string=job.html, base_url=base_url, url_fetcher=fetcher).render(stylesheets=sheets)
        document.write_pdf()
        times[job.name] = [time.perf_counter() - started, len(document.pages)]
    print(json.dumps(times))


def run_weasyprint_alone(source: Path, langs: list[str], pages: list[str] | None) -> dict[str, list[float]]:
    command = [sys.executable, __file__, "--weasyprint-alone", "--source", str(source), "--langs", ",".join(langs)]
    if pages:
        command += ["--pages", ",".join(pages)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cli_rebuild(source: Path, out: Path, cache: Path, langs: list[str], pages: list[str] | None) -> float:
    """Wall time of ``drafting build --only html,pdf`` from the command line (a fresh Python process)."""
    command = [sys.executable, "-m", "drafting", "build", str(source), "--only", "html,pdf", "--lang", ",".join(langs),
               "-o", str(out), "-q"]
    if pages:
        command += ["--page", ",".join(pages)]
    started = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, "DRAFTING_CACHE": str(cache)}, cwd=ROOT)
    return time.perf_counter() - started


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_build(source: Path, out: Path, langs: list[str], pages: list[str] | None) -> tuple[float, list[str]]:
    """Wall time of a build; the messages say what was rendered; CPU time is appended to the messages."""
    messages: list[str] = []
    options: dict[str, object] = {"pages": pages} if pages else {}
    started, cpu = time.perf_counter(), _cpu()
    build(source, out, kinds=["html", "pdf"], languages=langs, options=options, progress=messages.append)
    messages.append(f"cpu {_cpu() - cpu:.2f}")
    return time.perf_counter() - started, messages


def edit_first_article(source: Path, langs: list[str]) -> None:
    section = sorted(p for p in source.iterdir() if p.is_dir())[0]
    for lang in langs:
        article = sorted(section.glob(f"*.{lang}.md"))[0]
        text = article.read_text(encoding="utf-8")
        article.write_text(text.rstrip("\n") + " (edited)\n", encoding="utf-8")


def rebuilds(source: Path, langs: list[str], pages: list[str] | None) -> tuple[float, float]:
    """(cold build wall time, unchanged rebuild from the command line) after printing the builds' table."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "source"
        shutil.copytree(source, copy)
        os.environ["DRAFTING_CACHE"] = str(tmp / "cache")
        rows = []

        def row(label: str) -> float:
            wall, messages = timed_build(copy, tmp / "out", langs, pages)
            rendered = sum("rendering" in m for m in messages)
            rows.append([label, str(rendered), f"{wall:.2f}", messages[-1].split()[1]])
            return wall

        cold = row("cold, languages in parallel")
        row("unchanged")
        unchanged = cli_rebuild(copy, tmp / "out", tmp / "cache", langs, pages)
        rows.append(["unchanged, from the command line", "0", f"{unchanged:.2f}", "-"])
        edit_first_article(copy, langs[-1:])
        row(f"one article edited in {langs[-1]}")
        edit_first_article(copy, langs)
        row("one article edited in every language")
        load = os.getloadavg()[0]
        table(f"Builds of html + pdf ({os.cpu_count()} cores, load average {load:.1f}; seconds)",
              ["build", "PDF renders", "wall", "cpu"], rows)
    return cold, unchanged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT / "constitution")
    parser.add_argument("--pages", help="page profiles (default: the settings' default set)")
    parser.add_argument("--langs", help="languages (default: all of the work's)")
    parser.add_argument("--each", action="store_true", help="also render each PDF alone with our renderer")
    parser.add_argument("--weasyprint-alone", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.weasyprint_alone:
        weasyprint_alone(args.source, args.langs.split(","), args.pages.split(",") if args.pages else None)
        return 0
    try:
        work = load_valid(args.source)
    except DraftingError as error:
        print(f"{error.message} ({len(error.diagnostics)} findings); benchmark another --source", file=sys.stderr)
        return 2
    langs = args.langs.split(",") if args.langs else work.meta.codes
    pages = args.pages.split(",") if args.pages else None
    words = sum(len(plain_text(seq).split()) for lang in langs for article in work.expression(lang).articles()
                for para in article.paragraphs for seq in para.inlines())
    print(f"source {args.source}: {len(work.expression(langs[0]).articles())} articles, languages {', '.join(langs)}"
          f" (~{words // 1000}k words of model text)")
    alone = run_weasyprint_alone(args.source, langs, pages)
    table("WeasyPrint alone: the same documents, one after another, fresh process (seconds)",
          ["pdf", "pages", "seconds"], [[name, str(int(n)), f"{t:.2f}"] for name, (t, n) in alone.items()])
    weasy = sum(t for t, _ in alone.values())
    cold, unchanged = rebuilds(args.source, langs, pages)
    ratio = cold / weasy
    table("Our build against WeasyPrint alone (seconds; targets: cold at most 1.3x, unchanged under 1 s)",
          ["measure", "ours", "WeasyPrint", "ratio", "target"], [
              ["cold build (html + pdf, print files included)", f"{cold:.2f}", f"{weasy:.2f}", f"{ratio:.2f}x",
               "met" if ratio <= 1.3 else "MISSED"],
              ["unchanged rebuild, command line", f"{unchanged:.2f}", "-", "-",
               "met" if unchanged < 1.0 else "MISSED"],
          ])
    if args.each:
        per_job(args.source, langs, pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
