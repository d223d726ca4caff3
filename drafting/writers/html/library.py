"""The library index of a repository of acts (``DIR/index.html``): every act, its versions and its downloads.

Written by ``build`` at the repository's root (drafting.yaml) after each act's own
artifacts, in the first act's first language with every act's title in each of its
languages, and links to each act's editions, AKN and PDFs with their sizes.
"""

from __future__ import annotations

from pathlib import Path

from drafting.model import Work
from drafting.source.library import Library
from drafting.writers.html.edition import environment
from drafting.writers.manifest import Artifact, sha256

INDEX = "index.html"
KINDS = ("html", "akn", "pdf", "site")


def write_index(library: Library, works: dict[str, Work], artifacts: list[Artifact], staged: Path) -> list[Artifact]:
    rows = []
    for short, work in works.items():
        mine = [a for a in artifacts if a.path.startswith(f"{short}/")]
        downloads = []
        for artifact in mine:
            name = artifact.path.rsplit("/", 1)[-1]
            if artifact.kind in ("akn", "pdf") or (artifact.kind == "html" and name.endswith(".html")
                                                   and name != "index.html"):
                target = staged / artifact.path
                downloads.append({"href": artifact.path, "kind": artifact.kind, "language": artifact.language or "",
                                  "name": name, "bytes": target.stat().st_size, "sha256": sha256(target)})
        site = next((a.path for a in mine if a.kind == "site" and a.path.endswith("/site/index.html")), None)
        rows.append({"short": short, "work": work, "downloads": downloads, "site": site})
    first = next(iter(works.values()))
    lang = first.meta.codes[0]
    html = environment().get_template("library.html.j2").render(
        lang=lang, title=library.names.get(lang) or first.meta.title.get(lang, ""), names=library.names, rows=rows)
    (staged / INDEX).write_text(html, encoding="utf-8")
    return [Artifact(INDEX, "library", None)]
