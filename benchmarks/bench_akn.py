"""Benchmark: Akoma Ntoso export (and import) for the constitution and a 10,000-article code.

    .venv/bin/python benchmarks/bench_akn.py [--sizes 1000,2000,5000,10000] [--repeat 3]

Prints one table row per case: load (read + checks) time, AKN generation time for
all languages, articles per second (articles x languages / generation time),
strict-schema validation time, and import time (AKN files -> model). Times are the
best of --repeat runs, in seconds. The constitution is used when `drafting check`
passes on it, else the mini fixture.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_synthetic  # noqa: E402

from drafting.importer.acts import import_files  # noqa: E402
from drafting.akn.schema import strict_schema, validate  # noqa: E402
from drafting.writers.akn.document import document_bytes  # noqa: E402
from drafting.source.load import load, load_valid  # noqa: E402
from drafting.model import Work  # noqa: E402


def best(repeat: int, action: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(name: str, source: Path, repeat: int, folder: Path) -> dict[str, object]:
    load_s, work = best(repeat, lambda: load_valid(source))
    assert isinstance(work, Work)
    codes = work.meta.codes
    articles = len(work.expression(codes[0]).articles())
    akn_s, documents = best(repeat, lambda: {lang: document_bytes(work, lang) for lang in codes})
    assert isinstance(documents, dict)
    validate_s, errors = best(1, lambda: [e for data in documents.values() for e in validate(data)])
    assert not errors, errors
    paths = []
    for lang, data in documents.items():
        path = folder / f"{name}.{lang}.xml"
        path.write_bytes(data)
        paths.append(path)
    import_s, _ = best(1, lambda: import_files(paths))
    size = sum(len(d) for d in documents.values())
    return {"case": name, "articles": articles, "languages": len(codes), "load_s": load_s, "akn_s": akn_s,
            "rate": articles * len(codes) / akn_s, "validate_s": validate_s, "import_s": import_s, "mb": size / 1e6}


def run_case(name: str, source: Path) -> dict[str, object]:
    """One case in a fresh process, so that cases do not share a heap."""
    command = [sys.executable, __file__, "--case", name, "--source", str(source), "--repeat", str(ARGS.repeat)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    row: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return row


def main() -> None:
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    if ARGS.case:
        strict_schema()  # parsed once per process (about 0.2 s): not part of any row
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(ARGS.case, Path(ARGS.source), ARGS.repeat, Path(tmp))))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        constitution = ROOT / "constitution"
        if constitution.is_dir() and load(constitution).ok:
            rows.append(run_case("constitution", constitution))
        else:
            print("note: constitution/ does not pass `drafting check` yet; measuring the mini fixture instead\n")
            rows.append(run_case("mini fixture", ROOT / "tests" / "fixtures" / "mini"))
        for size in (int(s) for s in ARGS.sizes.split(",") if s):
            rows.append(run_case(f"synthetic {size}", make_synthetic(folder / f"synthetic-{size}", size)))
    header = (f"{'case':<16} {'articles':>8} {'langs':>5} {'load s':>8} {'AKN s':>8} {'articles/s':>11} "
              f"{'validate s':>10} {'import s':>9} {'MB':>6}")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['case']:<16} {r['articles']:>8} {r['languages']:>5} {r['load_s']:>8.3f} {r['akn_s']:>8.3f} "
              f"{r['rate']:>11,.0f} {r['validate_s']:>10.3f} {r['import_s']:>9.3f} {r['mb']:>6.1f}")


PARSER = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
PARSER.add_argument("--sizes", default="1000,2000,5000,10000", help="synthetic code sizes, in articles")
PARSER.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
PARSER.add_argument("--case", help=argparse.SUPPRESS)
PARSER.add_argument("--source", help=argparse.SUPPRESS)
ARGS = PARSER.parse_args() if __name__ == "__main__" else PARSER.parse_args([])

if __name__ == "__main__":
    main()
