"""The ``meta`` block of an annex's ``doc`` (an AKN attachment): the act's own, for the annex as a component.

The annex is a component of the work and of each expression: its FRBR ``this``
URIs name the component (``!annex_2``) where the act's name ``!main``; dates and
authors are the act's, so the two never disagree. Only ``identification`` is
kept: eIds are unique in the whole act, so the lifecycle and references stay in
the act's own meta, where the annex's ``source`` and ``href`` values point.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from drafting.akn import tag
from drafting.model import Annex, Work
from drafting.writers.akn.meta import meta_element


def annex_meta(work: Work, lang: str, date: dt.date, index: int, annex: Annex) -> etree._Element:
    meta = meta_element(work, lang, date)
    component = f"!annex_{index}"
    for this in meta.iter(tag("FRBRthis")):
        value = this.get("value", "")
        if "!main" in value:
            this.set("value", value.replace("!main", component))
    for alias in meta.iter(tag("FRBRalias")):
        alias.set("value", annex.title)
    for child in list(meta):
        if child.tag != tag("identification"):
            meta.remove(child)
    return meta
