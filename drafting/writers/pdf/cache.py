"""Rendered PDFs kept between builds, found by the content hash of their inputs.

Files are named ``NAME.KEY.pdf`` (and ``NAME.KEY.print.pdf``); storing a new
render of NAME removes the older ones, so the cache holds one generation per
language and profile. Writes are atomic: a killed build leaves no half file.
"""

from __future__ import annotations

from pathlib import Path

from drafting.atomicfile import write_bytes

from drafting.writers.pdf.job import RenderJob, RenderOutput


class RenderCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, job: RenderJob, suffix: str) -> Path:
        return self.folder / f"{job.name}.{job.key[:32]}{suffix}"

    def screen(self, job: RenderJob) -> Path:
        return self._path(job, ".pdf")

    def print_file(self, job: RenderJob) -> Path:
        return self._path(job, ".print.pdf")

    def has(self, job: RenderJob) -> bool:
        return self.screen(job).is_file() and (job.print_file is None or self.print_file(job).is_file())

    def store(self, job: RenderJob, output: RenderOutput) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.glob(f"{job.name}.*.pdf"):
            if not stale.name.startswith(f"{job.name}.{job.key[:32]}"):
                stale.unlink(missing_ok=True)
        write_bytes(self.screen(job), output.screen)
        if output.print_file is not None:
            write_bytes(self.print_file(job), output.print_file)

