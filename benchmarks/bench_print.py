"""Benchmark the HTML edition and the PDFs: time per language and profile, rebuilds, our overhead.

    .venv/bin/python benchmarks/bench_print.py [--source constitution] [--pages a2,a3,a4] [--langs kk,ru,en]

Prints three tables:
1. each language in each profile rendered alone in this process (cold): pages,
   WeasyPrint's layout and writing time, seconds per page;
2. builds (html + pdf) with the cache: cold in parallel, unchanged, after
   editing one article in one language, after editing it in every language;
3. our own code's time (model, HTML, CSS, glyph check, hashes, copies: an
   unchanged rebuild) against WeasyPrint's time for the same PDFs.
"""

from __future__ import annotations

import argparse
import os
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


def rebuilds(source: Path, langs: list[str], pages: list[str] | None) -> float:
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

        row("cold, languages in parallel")
        unchanged = row("unchanged")
        edit_first_article(copy, langs[-1:])
        row(f"one article edited in {langs[-1]}")
        edit_first_article(copy, langs)
        row("one article edited in every language")
        load = os.getloadavg()[0]
        table(f"Builds of html + pdf ({os.cpu_count()} cores, load average {load:.1f}; seconds)",
              ["build", "PDF renders", "wall", "cpu"], rows)
    return unchanged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT / "constitution")
    parser.add_argument("--pages", help="page profiles (default: the settings' default set)")
    parser.add_argument("--langs", help="languages (default: all of the work's)")
    args = parser.parse_args()
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
    engine = per_job(args.source, langs, pages)
    ours = rebuilds(args.source, langs, pages)
    table("Our code against WeasyPrint (seconds)", ["part", "time", "share"], [
        ["WeasyPrint: layout + writing, all PDFs", f"{engine:.2f}", "100%"],
        ["our code: an unchanged rebuild (model, HTML, CSS, glyphs, hashes, copies)", f"{ours:.2f}",
         f"{100 * ours / engine:.1f}%"],
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
