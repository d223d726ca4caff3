"""TEMPORARY adapter: plain preview pages for ``drafting serve`` while the HTML writer
(``drafting/html``, registered as ``WRITERS["html"]``) is not installed.

``drafting.preview.default_renderer`` uses this only when the writer cannot be
imported. Delete this module once ``drafting/html`` is on main: the preview then
shows exactly the published edition.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from drafting.model import Article, Inline, Ref, Text, Work, plain_text


def render_plain(work: Work, source: Path) -> dict[str, bytes]:
    pages: dict[str, bytes] = {}
    links = " · ".join(f'<a href="{code}.html">{code}</a>' for code in work.meta.codes)
    for code in work.meta.codes:
        expression = work.expression(code)
        body = [f"<nav>{links}</nav>", f"<h1>{escape(expression.title)}</h1>",
                "<p><em>Plain preview: the HTML writer is not installed.</em></p>"]
        if expression.preamble is not None:
            body += [f"<p>{_inline(seq)}</p>" for seq in expression.preamble.paragraphs]
        for section in expression.sections:
            body.append(f"<h2>{escape(work.profile.label(code, 'section', n=section.num))}. {escape(section.title)}</h2>")
            body += [_article(work, code, article) for article in section.articles]
        pages[f"/{code}.html"] = _page(code, expression.title, "\n".join(body))
    pages["/"] = pages["/index.html"] = _page(work.meta.codes[0], "", f"<nav>{links}</nav>")
    return pages


def _article(work: Work, lang: str, article: Article) -> str:
    heading = f". {escape(article.heading)}" if article.heading else ""
    out = [f'<h3 id="art_{escape(article.num)}">{escape(work.profile.label(lang, "article", n=article.num))}{heading}</h3>']
    for paragraph in article.paragraphs:
        number = f"{escape(paragraph.num)}. " if paragraph.num else ""
        points = "".join(f"<li>{escape(p.num)}) {_inline(p.text)}</li>" for p in paragraph.points)
        out.append(f"<p>{number}{_inline(paragraph.text)}</p>" + (f"<ul>{points}</ul>" if points else ""))
        if paragraph.wrapup:
            out.append(f"<p>{_inline(paragraph.wrapup)}</p>")
    return "\n".join(out)


def _inline(seq: tuple[Inline, ...]) -> str:
    parts = []
    for node in seq:
        if isinstance(node, Text):
            parts.append(escape(node.value))
        elif isinstance(node, Ref):
            parts.append(f"<u>{escape(plain_text(node.children)) or escape(node.target)}</u>")
        else:
            parts.append(escape(plain_text(node.children)))
    return "".join(parts)


def _page(lang: str, title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"</head><body>{body}</body></html>").encode("utf-8")
