"""Unfinished titles and headings: the word TODO, as ``drafting new`` writes it, is a warning (M602).

TODO in article and preamble text is found by the Markdown reader; this check
covers what is not Markdown: section titles and article and preamble headings.
"""

from __future__ import annotations

import re

from drafting.diagnostics import Diagnostics
from drafting.model import Work

TODO_RE = re.compile(r"\bTODO\b")


def check_todo(work: Work, diags: Diagnostics) -> None:
    for lang, expression in work.expressions.items():
        for section in expression.sections:
            if TODO_RE.search(section.title):
                diags.warning(section.loc.path, section.loc.line, "M602", f"unfinished section title in '{lang}' (TODO)")
            for article in section.articles:
                if article.heading and TODO_RE.search(article.heading):
                    diags.warning(article.loc.path, article.loc.line, "M602", "unfinished article heading (TODO)")
        preamble = expression.preamble
        if preamble is not None and preamble.heading and TODO_RE.search(preamble.heading):
            diags.warning(preamble.loc.path, preamble.loc.line, "M602", "unfinished preamble heading (TODO)")
