"""Benchmark `drafting redline`.

1. Two synthetic versions of 1,000 articles (30,000+ words each, Cyrillic
   pseudo-words, cross-references written with numbers) with known edits:
   10 inserted, 10 deleted, 5 moved to another section, 100 amended (a few words
   replaced, inserted and deleted), 5 ids renamed. Times matching + diffing
   (target: under 1 s), the HTML, and the two PDFs; checks the counts found
   against the edits made.
2. The constitution's two published drafts, the named versions first-draft and
   final-draft of constitution/work.yaml (skipped with a message when they do not
   resolve yet).
3. Our share of a whole `drafting redline` run (in process, after one warm-up
   run): for the two drafts, and for a one-article change with --changed-only (a
   temporary git repository holding the constitution, one word changed in one
   article in every language). WeasyPrint's own time is the time spent inside
   the engine's lay_out and write for the redline and the table, measured in the
   same run; everything else (reading both versions from git, matching,
   diffing, the HTML, the summary, the justifications, the line numbers with
   their small layout, the table's continuation labels, staging the files) is
   ours. Target: our share under 10%.

Run: `.venv/bin/python benchmarks/bench_redline.py [--articles N] [--no-pdf]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from drafting.model import (Article, Expression, Language, Loc, Paragraph, Point, Preamble, Ref,  # noqa: E402
                            Section, Text, Work, WorkMeta)
from drafting.profile import Profile  # noqa: E402
from drafting.writers.redline import Redline, Side, compare  # noqa: E402
from drafting.writers.redline.rendering import redline_html  # noqa: E402
from drafting.writers.redline.labels import Labels  # noqa: E402
from drafting.writers.redline.summary import counts  # noqa: E402

T = TypeVar("T")
Row = tuple[str, float, float, str]  # step, wall seconds, CPU seconds, notes
SYLLABLES = ["ка", "за", "ны", "ро", "сти", "пра", "во", "го", "су", "дар", "ство", "ле", "ния", "ми", "ти",
             "ко", "на", "ре", "ют", "ся", "об", "ще", "ва", "ли", "ем", "ин", "тер", "ра", "ду", "ель"]
LOC = Loc("synthetic", 1)
PROFILE = Profile("bench", labels={"ru": {"article": "Статья {n}", "section": "Раздел {n}",
                                          "paragraph": "пункт {n}", "preamble": "Преамбула"}})


def timed(function: Callable[[], T], repeat: int = 1) -> tuple[T, float, float]:
    """The result, and the best wall-clock and CPU seconds of ``repeat`` runs (CPU time is steadier on a busy machine)."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return result, wall, cpu  # type: ignore[return-value]


class Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.vocabulary = ["".join(self.random.choice(SYLLABLES) for _ in range(self.random.randint(1, 4)))
                           for _ in range(3000)]

    def words(self, low: int, high: int) -> str:
        return " ".join(self.random.choice(self.vocabulary) for _ in range(self.random.randint(low, high)))

    def article(self, article_id: str) -> Article:
        paragraphs = []
        for num in range(1, self.random.randint(2, 4) + 1):
            text: tuple[Text | Ref, ...] = (Text(self.words(8, 14).capitalize() + "."),)
            points: tuple[Point, ...] = ()
            if self.random.random() < 0.3:
                text = (Text(self.words(5, 8).capitalize() + ":"),)
                points = tuple(Point(str(p), (Text(self.words(3, 6) + ";"),), LOC) for p in range(1, 4))
            paragraphs.append(Paragraph(str(num), text, LOC, points))
        return Article(article_id, "0", tuple(paragraphs), LOC)


def numbered(sections: list[tuple[str, list[Article]]]) -> tuple[Section, ...]:
    """Number articles 1..N and write references to their targets' current numbers."""
    numbers: dict[str, str] = {}
    counter = 0
    for _, articles in sections:
        for article in articles:
            counter += 1
            numbers[article.id] = str(counter)
    built = []
    for index, (section_id, articles) in enumerate(sections, start=1):
        done = []
        for article in articles:
            paragraphs = []
            for paragraph in article.paragraphs:
                text = tuple(Ref(n.target, None, (Text(f"статьей {numbers.get(n.target, '?')}"),), LOC)
                             if isinstance(n, Ref) else n for n in paragraph.text)
                paragraphs.append(replace(paragraph, text=text))
            done.append(replace(article, num=numbers[article.id], paragraphs=tuple(paragraphs)))
        built.append(Section(section_id, str(index), f"Раздел номер {index}", LOC, tuple(done)))
    return tuple(built)


def work(sections: tuple[Section, ...]) -> Work:
    meta = WorkMeta("kz", "act", None, "bench", dt.date(2026, 1, 1), "people", {"ru": "Синтетический кодекс"},
                    (Language("ru", "rus", True),), "bench", None, (), (), {}, LOC)
    preamble = Preamble(((Text("Мы, народ, принимаем этот кодекс."),),), LOC)
    return Work(meta, PROFILE, {"ru": Expression("ru", "Синтетический кодекс", preamble, sections)})


def synthetic_pair(size: int, seed: int = 2026) -> tuple[Work, Work, dict[str, int]]:
    gen = Generator(seed)
    per_section = size // 10
    old_sections = [(f"s{s}", [gen.article(f"a{s * per_section + i}") for i in range(per_section)])
                    for s in range(10)]
    flat = [(s, i) for s, (_, arts) in enumerate(old_sections) for i in range(len(arts))]
    picks = gen.random.sample(flat, 130)
    deleted, moved, amended, renamed = picks[:10], picks[10:15], picks[15:115], picks[115:120]
    gone = {old_sections[s][1][i].id for s, i in deleted}
    targets = [a.id for _, arts in old_sections for a in arts if a.id not in gone]
    for _, articles in old_sections:  # a reference in every fifth article, written with the target's number
        for index, article in enumerate(articles):
            if gen.random.random() < 0.2:
                first = article.paragraphs[0]
                ref = Ref(gen.random.choice(targets), None, (), LOC)
                text = (*first.text, Text(" См. "), ref, Text("."))
                articles[index] = replace(article, paragraphs=(replace(first, text=text), *article.paragraphs[1:]))
    new_sections = [(sid, list(arts)) for sid, arts in old_sections]
    for s, i in amended:
        article = new_sections[s][1][i]
        first = article.paragraphs[-1]
        words = [n.value for n in first.text if isinstance(n, Text)][0].split(" ")
        for _ in range(3):
            words[gen.random.randrange(len(words))] = gen.random.choice(gen.vocabulary)
        words.insert(gen.random.randrange(len(words)), gen.words(2, 2))
        del words[gen.random.randrange(len(words))]
        paragraph = replace(first, text=(Text(" ".join(words)),))
        new_sections[s][1][i] = replace(article, paragraphs=(*article.paragraphs[:-1], paragraph))
    for s, i in renamed:
        new_sections[s][1][i] = replace(new_sections[s][1][i], id=new_sections[s][1][i].id + "-renamed")
    taken = [new_sections[s][1][i] for s, i in moved]
    for s, i in sorted(deleted + moved, reverse=True):
        del new_sections[s][1][i]
    for article in taken:
        target = (int(article.id[1:]) // per_section + 5) % 10
        new_sections[target][1].insert(gen.random.randrange(len(new_sections[target][1])), article)
    for n in range(10):
        s = gen.random.randrange(10)
        new_sections[s][1].insert(gen.random.randrange(len(new_sections[s][1])), gen.article(f"new{n}"))
    expected = {"inserted": 10, "deleted": 10, "moved": 5, "amended": 100, "renamed": 5}
    return work(numbered(old_sections)), work(numbered(new_sections)), expected


def word_count(w: Work) -> int:
    from drafting.model import plain_text

    return sum(len(plain_text(seq).split()) for a in w.expression("ru").articles() for p in a.paragraphs
               for seq in p.inlines())


def pages(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        try:
            info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return "?"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def pdf_times(result: Redline, labels: Labels) -> list[Row]:
    from drafting.writers.redline.printing import redline_pdf, table_pdf

    rows: list[Row] = []
    for name, function in (("redline.pdf (changed only)", lambda: redline_pdf(result, labels, True)),
                           ("redline.pdf (whole text)", lambda: redline_pdf(result, labels)),
                           ("comparative-table.pdf", lambda: table_pdf(result, labels))):
        pdf, seconds, cpu = timed(function)
        rows.append((name, seconds, cpu, f"{pages(pdf)} pages, {len(pdf) / 1e6:.1f} MB"))
    return rows


def every_id_renamed(new: Work) -> Work:
    """The new version with every article id (and every reference) changed: matching by text only."""
    def paragraph(p: Paragraph) -> Paragraph:
        return replace(p, text=tuple(replace(n, target=n.target + "-x") if isinstance(n, Ref) else n for n in p.text))

    return work(tuple(replace(s, children=tuple(replace(a, id=a.id + "-x", paragraphs=tuple(map(paragraph, a.paragraphs)))
                                                for a in s.articles))
                      for s in new.expression("ru").sections))


def constitution(old_spec: str, new_spec: str, no_pdf: bool) -> list[Row]:
    from drafting.diagnostics import DraftingError
    from drafting.writers.redline.revisions import read_version

    source = REPO / "constitution"
    try:
        (old, new), seconds_read, cpu_read = timed(lambda: (read_version(source, old_spec),
                                                            read_version(source, new_spec)))
    except DraftingError as error:
        print(f"constitution drafts: skipped ({error.message})")
        return []
    rows: list[Row] = [("constitution: read both drafts from git", seconds_read, cpu_read, "")]
    for lang in old.work.meta.codes:
        result, seconds, cpu = timed(lambda: compare(old.work, new.work, lang, old.side, new.side), 3)
        c = counts(result)
        rows.append((f"constitution {lang}: match + diff", seconds, cpu,
                     f"{c.old_articles}->{c.new_articles}, {c.amended} amended ({c.percent_amended}%), "
                     f"{c.inserted} ins, {c.deleted} del, {c.moved} moved, {c.renumbered} renumbered"))
    if not no_pdf:
        lang = old.work.meta.codes[0]
        result = compare(old.work, new.work, lang, old.side, new.side)
        rows += [(f"constitution {lang}: {name}", s, c, note)
                 for name, s, c, note in pdf_times(result, Labels(lang, new.work.profile))]
    return rows


class EngineClock:
    """Time spent inside WeasyPrint for the documents themselves (lay_out and write of drafting.writers.pdf.engine).

    A lay_out given CSS strings (the line numbers' small document) is counted as ours, not the engine's.
    """

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self.ours_wall = self.ours_cpu = 0.0

    def __enter__(self) -> "EngineClock":
        from drafting.writers.pdf import engine

        self.engine = engine
        self.originals = engine.lay_out, engine.write

        def clocked(function: Callable[..., T], ours: Callable[[dict[str, object]], bool]) -> Callable[..., T]:
            def run(*args: object, **kwargs: object) -> T:
                start, start_cpu = time.perf_counter(), time.process_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
                    if ours(kwargs):
                        self.ours_wall += wall
                        self.ours_cpu += cpu
                    else:
                        self.wall += wall
                        self.cpu += cpu
            return run

        engine.lay_out = clocked(engine.lay_out, lambda kwargs: bool(kwargs.get("css")))  # type: ignore[assignment]
        engine.write = clocked(engine.write, lambda kwargs: False)  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        self.engine.lay_out, self.engine.write = self.originals  # type: ignore[assignment]


def redline_run(args: list[str]) -> tuple[float, float, EngineClock]:
    """One in-process `drafting redline ARGS`: (wall s, CPU s, the engine's share)."""
    from typer.testing import CliRunner

    from drafting.cli import app

    with EngineClock() as clock:
        start, start_cpu = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(app, ["redline", *args, "-q"])
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    assert result.exit_code == 0, result.output
    return wall, cpu, clock


def one_article_repository(tmp: Path) -> Path:
    """A git repository holding the constitution, then one word changed in one article (every language)."""
    import shutil

    repo = tmp / "repo"
    shutil.copytree(REPO / "constitution", repo / "constitution")
    env = ["-c", "user.name=Bench", "-c", "user.email=bench@example.invalid", "-c", "init.defaultBranch=main"]
    subprocess.run(["git", *env, "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", *env, "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", *env, "commit", "-qm", "before"], cwd=repo, check=True)
    article = sorted((repo / "constitution").glob("*/0[1-9][0-9]-*.ru.md"))[10]
    for path in sorted(article.parent.glob(article.name.split(".")[0] + ".*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("---\n", 2)
        words = body[2].split(" ")
        words[3] = words[3] + "-changed"
        path.write_text("---\n".join([*body[:2], " ".join(words)]), encoding="utf-8")
    subprocess.run(["git", *env, "commit", "-qam", "one article"], cwd=repo, check=True)
    return repo / "constitution"


def shares(old_spec: str, new_spec: str) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("the two drafts, whole text", [old_spec, new_spec, str(REPO / "constitution")], "")]
        source = one_article_repository(Path(tmp))
        cases.append(("one article changed, --changed-only", ["HEAD~1", "HEAD", str(source), "--changed-only"], ""))
        for name, args, _ in cases:
            for lang in ("ru",):
                out = Path(tmp) / f"out-{len(rows)}"
                redline_run([*args, "--out", str(out), "--lang", lang])  # warm-up: imports, fonts, caches
                wall, cpu, clock = redline_run([*args, "--out", str(out), "--lang", lang])
                ours_wall, ours_cpu = wall - clock.wall, cpu - clock.cpu
                pdf_pages = [pages((out / n).read_bytes()) for n in ("redline.pdf", "comparative-table.pdf")]
                rows.append((f"{name} ({lang}): whole run", wall, cpu,
                             f"redline {pdf_pages[0]} pages, table {pdf_pages[1]} pages"))
                rows.append((f"{name} ({lang}): WeasyPrint", clock.wall, clock.cpu, "lay_out + write, both PDFs"))
                rows.append((f"{name} ({lang}): ours", ours_wall, ours_cpu,
                             f"share {100 * ours_wall / wall:.1f}% wall, {100 * ours_cpu / cpu:.1f}% CPU "
                             f"(target under 10%); line numbers' layout {clock.ours_cpu:.3f} s CPU"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-pdf", action="store_true", help="Skip the PDFs (the slow part).")
    parser.add_argument("--old", default="first-draft", help="The constitution's earlier version.")
    parser.add_argument("--new", default="final-draft", help="The constitution's later version.")
    parser.add_argument("--share-only", action="store_true", help="Only our share of whole runs (part 3).")
    options = parser.parse_args()
    if options.share_only:
        report(shares(options.old, options.new))
        return

    old, new, expected = synthetic_pair(options.articles)
    print(f"synthetic: {len(old.expression('ru').articles()):,} -> {len(new.expression('ru').articles()):,} articles, "
          f"{word_count(old):,} -> {word_count(new):,} words")
    sides = Side("old", "old"), Side("new", "new")
    result, seconds, cpu = timed(lambda: compare(old, new, "ru", *sides), 3)
    found = counts(result)
    renamed = sum(1 for a in result.articles() if a.matched_by == "text")
    got = {"inserted": found.inserted, "deleted": found.deleted, "moved": found.moved, "amended": found.amended,
           "renamed": renamed}
    assert got == expected, (got, expected)
    labels = Labels("ru", PROFILE)
    rows: list[Row] = [("synthetic: match + diff", seconds, cpu, f"found {got} (as made)")]
    all_renamed = every_id_renamed(new)
    renamed_all, renamed_seconds, renamed_cpu = timed(lambda: compare(old, all_renamed, "ru", *sides), 3)
    by_text = sum(1 for a in renamed_all.articles() if a.matched_by == "text")
    rows.append(("synthetic, every id renamed: match + diff", renamed_seconds, renamed_cpu,
                 f"{by_text} matched by text, {counts(renamed_all).amended} amended"))
    html, html_seconds, html_cpu = timed(lambda: redline_html(result, labels), 3)
    rows.append(("synthetic: redline.html", html_seconds, html_cpu, f"{len(html) / 1e6:.1f} MB"))
    if not options.no_pdf:
        rows += [(f"synthetic: {name}", s, c, note) for name, s, c, note in pdf_times(result, labels)]
    rows += constitution(options.old, options.new, options.no_pdf)
    if not options.no_pdf:
        rows += shares(options.old, options.new)
    report(rows)


def report(rows: list[Row]) -> None:
    print(f"{'step':<60}{'wall s':>9}{'CPU s':>9}  notes")
    for name, seconds, cpu, note in rows:
        print(f"{name:<60}{seconds:>9.3f}{cpu:>9.3f}  {note}")


if __name__ == "__main__":
    main()
