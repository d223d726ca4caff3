"""Benchmark `drafting lsp` with a real client: after an edit to one article, how long until its diagnostics arrive.

The server runs as a subprocess (`python -m drafting lsp`), driven over stdio by
pytest-lsp's client exactly as an editor drives it. For each tree (the
constitution, and synthetic codes of 1,000 articles in three languages), the
client opens one article and then sends edits to it, one at a time, alternately
breaking a reference (its text names a wrong number, R504, or its id is
unknown, R501) and putting it back (the finding goes);
each figure is the time from sending ``textDocument/didChange`` to receiving the
``publishDiagnostics`` for that file. The floor is a plain `drafting check` read of
the same tree in this process (what a server that re-read the whole tree would
pay per edit); the ratio edit / floor shows what keeping parsed articles buys.
The issue's target: diagnostics for the constitution within 100 ms of an edit.

Run: `.venv/bin/python benchmarks/bench_lsp.py` (or `make bench`).
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from synthetic import make_synthetic  # noqa: E402

from drafting.source.load import load  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EDITS = 30
TARGET_MS = 100.0


def reference_file(root: Path) -> tuple[Path, str, str, str]:
    """An article file holding a cross-reference; its text with the reference broken, intact, and the finding."""
    for path in sorted(root.rglob("*.ru.md")):
        text = path.read_text(encoding="utf-8")
        start = text.find("](art:")
        if start < 0:
            continue
        opening = text.rfind("[", 0, start)
        link_text = text[opening + 1:start]
        digit = next((c for c in link_text if c.isdigit()), None)
        if digit:  # name a wrong number in the reference text
            wrong = link_text.replace(digit, str((int(digit) + 1) % 10), 1)
            return path, text[:opening + 1] + wrong + text[start:], text, "R504"
        return path, text[:start] + "](art:nowhere-" + text[start + len("](art:"):], text, "R501"  # an unknown id
    raise SystemExit(f"{root}: no article with a reference")


async def wait_for(client: LanguageClient, uri: str) -> types.PublishDiagnosticsParams:
    while True:
        params = await client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return params  # type: ignore[no-any-return]


async def measure(root: Path) -> tuple[float, list[float], bool]:
    config = ClientServerConfig(server_command=[sys.executable, "-m", "drafting", "lsp"])
    client: LanguageClient = await config.start()  # type: ignore[assignment]
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(root.as_uri(), root.name)]))
    path, broken, intact, code = reference_file(root)
    uri = path.as_uri()
    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=intact)))
    await wait_for(client, uri)
    cold = time.perf_counter() - start
    times: list[float] = []
    seen_both = {True: False, False: False}
    for index in range(EDITS):
        bad = index % 2 == 0
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=index + 2),
            [types.TextDocumentContentChangeWholeDocument(broken if bad else intact)]))
        params = await wait_for(client, uri)
        times.append(time.perf_counter() - start)
        seen_both[bad] = seen_both[bad] or (any(d.code == code for d in params.diagnostics) == bad)
    await client.shutdown_session()
    await client.stop()
    return cold, times, all(seen_both.values())


def floor(root: Path, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        load(root)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        constitution = Path(tmp) / "constitution"
        shutil.copytree(REPO / "constitution", constitution)
        trees = [("constitution", constitution), ("synthetic 1,000", make_synthetic(Path(tmp) / "s1000", 1000))]
        for name, root in trees:
            cold, times, correct = asyncio.run(measure(root))
            rows.append((name, cold, times, floor(root), correct))
    print(f"{'tree':<17}{'open':>8}{'median':>9}{'p95':>8}{'max':>8}{'floor':>8}{'ratio':>7}  (ms; {EDITS} edits each)")
    ok = True
    for name, cold, times, base, correct in rows:
        ordered = sorted(times)
        median = statistics.median(ordered) * 1000
        p95 = ordered[int(0.95 * (len(ordered) - 1))] * 1000
        print(f"{name:<17}{cold * 1000:>8.0f}{median:>9.1f}{p95:>8.1f}{ordered[-1] * 1000:>8.1f}"
              f"{base * 1000:>8.0f}{median / (base * 1000):>7.2f}{'' if correct else '  WRONG DIAGNOSTICS'}")
        ok = ok and correct
    constitution_median = statistics.median(rows[0][2]) * 1000
    verdict = "met" if constitution_median <= TARGET_MS else "missed"
    print(f"target: the constitution's diagnostics within {TARGET_MS:.0f} ms of an edit: {verdict} "
          f"(median {constitution_median:.1f} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
