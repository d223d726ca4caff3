"""The PDF writer: every language in its page profiles, in parallel, reusing earlier renders.

Straight through: read the print settings, plan one job per language and
profile (HTML from the same template as the web edition, CSS from the
profile), take what the cache already holds, render the rest in worker
processes, then copy the PDFs into the build.

Outputs, per language and profile: ``pdf/LANG-PROFILE.pdf`` (screen) and, for
profiles with ``print-file: true``, ``pdf/LANG-PROFILE-print.pdf`` (PDF/X with
bleed and crop marks).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from drafting.writers.artifacts import Artifact, BuildContext
from drafting.diagnostics import Diagnostics, DraftingError
from drafting.writers.html.edition import TEMPLATES_DIR, EditionOptions, render_edition
from drafting.model import Work
from drafting.writers.pdf.cache import RenderCache
from drafting.writers.pdf.glyphs import check_glyphs
from drafting.writers.pdf.iccprofile import icc_description
from drafting.writers.pdf.job import PrintFileSpec, RenderJob, RenderOutput, run
from drafting.writers.pdf.printfile import layout_bleed_mm, length_mm
from drafting.writers.pdf.settings import PageProfile, PrintSettings, load_settings
from drafting.writers.pdf.workers import run_parallel
from drafting.writers.pdf.stylesheet import Output, language_rules, profile_stylesheet

PRINT_CSS = TEMPLATES_DIR / "css" / "print.css"
ACCESSIBLE_VARIANT = "pdf/ua-1"  # WeasyPrint's tagged PDF for screen readers


def selected_profiles(work: Work, ctx: BuildContext, settings: PrintSettings) -> list[tuple[PageProfile, list[str]]]:
    """(profile, languages) pairs: the ones named with --page, or the settings' defaults."""
    named = ctx.options.get("pages")
    if named:
        names = [str(name) for name in named]  # type: ignore[attr-defined]
        unknown = [name for name in names if name not in settings.profiles]
        if unknown:
            raise DraftingError(f"unknown page profile(s): {', '.join(unknown)} "
                                f"(known: {', '.join(settings.profiles)}; see {settings.path})")
        return [(settings.profiles[name], list(ctx.languages)) for name in names]
    chosen = []
    for profile in settings.profiles.values():
        if profile.default:
            langs = [code for code in ctx.languages if not profile.languages or code in profile.languages]
            if langs:
                chosen.append((profile, langs))
    return chosen


TABLE_EM = 0.9 * 0.5  # a table's type is 0.9 em (print.css); a character of PT Serif is about half an em wide


def column_chars(profile: PageProfile) -> int:
    """About how many characters of a table's type one column's line holds (0 without columns)."""
    if profile.columns <= 1:
        return 0
    m = profile.margins
    width = (length_mm(profile.width) - length_mm(m["inside"]) - length_mm(m["outside"])
             - (profile.columns - 1) * length_mm(profile.gap)) / profile.columns
    return int(width / (length_mm(profile.font_size) * TABLE_EM))


def plan(work: Work, ctx: BuildContext, settings: PrintSettings) -> list[RenderJob]:
    shop = settings.print_file
    bleed = str(ctx.options.get("bleed") or shop.bleed)
    marks_option = ctx.options.get("marks")
    marks = shop.marks if marks_option is None else bool(marks_option)
    bleed_mm = length_mm(bleed)
    roots = (TEMPLATES_DIR, *settings.font_files(), shop.icc)
    jobs = []
    for profile, langs in selected_profiles(work, ctx, settings):
        spec = PrintFileSpec(shop.variant, bleed_mm, marks, shop.condition) if profile.print_file else None
        output = Output(print_file=spec is not None, bleed=f"{layout_bleed_mm(bleed_mm, marks):.2f}mm")
        css = profile_stylesheet(settings, profile, output)
        options = EditionOptions(mode="print", toc=profile.toc, language_pages=False, links=True,
                                 newspaper=profile.newspaper, column_chars=column_chars(profile))
        for lang in langs:
            html = render_edition(work, lang, options)
            jobs.append(RenderJob(lang, profile.name, html, (css, *language_rules(lang)), (PRINT_CSS,), TEMPLATES_DIR,
                                  roots, spec,
                                  profile.heading_zone, ACCESSIBLE_VARIANT if profile.accessible else None))
    return jobs


def render_all(jobs: list[RenderJob], workers: int | None = None) -> list[RenderOutput]:
    """Render in worker processes (one per core at most), biggest first; with one job or one worker, here."""
    count = min(len(jobs), workers or os.cpu_count() or 1)
    if count <= 1:
        return [run(job) for job in jobs]
    order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i].html) * (2 if jobs[i].print_file else 1))
    return run_parallel(run, jobs, order, count)


def _refusals(settings: PrintSettings, outputs: list[RenderOutput]) -> None:
    diags = Diagnostics()
    for url in sorted({url for output in outputs for url in output.refused}):
        diags.error(str(settings.path), 1, "P704", f"the PDF engine refused to read {url}: only the project's "
                    "templates, fonts and ICC profile are read")
    if diags.has_errors():
        raise DraftingError("the PDF engine was asked to read files it must not read", diags.sorted())


def write_artifacts(work: Work, ctx: BuildContext) -> list[Artifact]:
    settings_path = ctx.options.get("print_settings")
    settings = load_settings(Path(str(settings_path)) if settings_path else None)
    jobs = plan(work, ctx, settings)
    diags = Diagnostics()
    check_glyphs(work, sorted({job.lang for job in jobs}), [settings.profiles[job.profile] for job in jobs],
                 settings, diags)
    if diags.has_errors():
        raise DraftingError("the print fonts lack characters the sources use", diags.sorted())
    if any(job.print_file is not None for job in jobs):
        shop = settings.print_file
        ctx.progress(f"pdf print files: {shop.variant.upper()}, output intent {shop.condition!r} with "
                     f"{shop.icc} ({icc_description(shop.icc)})")
    cache = RenderCache(ctx.cache / "pdf")
    todo = [job for job in jobs if not cache.has(job)]
    for job in jobs:
        ctx.progress(f"pdf {job.name}: {'rendering' if job in todo else 'unchanged, reused'}")
    outputs = render_all(todo, ctx.options.get("workers"))  # type: ignore[arg-type]
    _refusals(settings, outputs)
    for job, output in zip(todo, outputs):
        cache.store(job, output)
        ctx.progress(f"pdf {job.name}: {output.pages} pages, layout {output.layout_seconds:.1f} s, "
                     f"writing {output.write_seconds:.1f} s")
    artifacts = []
    for job in jobs:
        shutil.copyfile(cache.screen(job), ctx.path(f"pdf/{job.name}.pdf"))
        artifacts.append(Artifact(f"pdf/{job.name}.pdf", "pdf", job.lang))
        if job.print_file is not None:
            shutil.copyfile(cache.print_file(job), ctx.path(f"pdf/{job.name}-print.pdf"))
            artifacts.append(Artifact(f"pdf/{job.name}-print.pdf", "pdf", job.lang))
    return artifacts
