"""Redlines between two versions of a work: ``drafting redline``.

revisions (which two models) -> matching (which article is which) -> align and
words (what changed inside) -> compare (the changes in reading order) ->
summary, html, table, pdf (what the reviewer reads) -> output (DIR, all or nothing).
"""

from drafting.writers.redline.changes import ArticleChange, Redline, Side
from drafting.writers.redline.compare import compare

__all__ = ["ArticleChange", "Redline", "Side", "compare"]
