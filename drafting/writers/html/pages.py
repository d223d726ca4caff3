"""The HTML writer: one page per language, an index of the languages, one stylesheet.

``html/LANG.html`` is a complete edition that works offline with no JavaScript
(the stylesheet is beside it, every link is relative); ``html/index.html``
lists the languages; ``html/edition.css`` is ``templates/css/edition.css``.
"""

from __future__ import annotations

from drafting.writers.artifacts import Artifact, BuildContext
from drafting.writers.html.edition import TEMPLATES_DIR, EditionOptions, environment, language_links, render_edition
from drafting.model import Work

STYLESHEET = "edition.css"


def write_artifacts(work: Work, ctx: BuildContext) -> list[Artifact]:
    others = ctx.options.get("works")
    options = EditionOptions(mode="web", stylesheets=(STYLESHEET,),
                             others=dict(others) if isinstance(others, dict) else {})
    artifacts = []
    for lang in ctx.languages:
        ctx.path(f"html/{lang}.html").write_text(render_edition(work, lang, options), encoding="utf-8")
        artifacts.append(Artifact(f"html/{lang}.html", "html", lang))
    css = (TEMPLATES_DIR / "css" / STYLESHEET).read_bytes()
    ctx.path(f"html/{STYLESHEET}").write_bytes(css)
    artifacts.append(Artifact(f"html/{STYLESHEET}", "html", None))
    index = environment().get_template("index.html.j2").render(
        editions=[(link, work.meta.title.get(link.code, "")) for link in language_links(work, options)
                  if link.code in ctx.languages],
        lang=work.meta.codes[0], stylesheet=STYLESHEET, title=work.meta.title.get(work.meta.codes[0], ""))
    ctx.path("html/index.html").write_text(index, encoding="utf-8")
    artifacts.append(Artifact("html/index.html", "html", None))
    return artifacts
