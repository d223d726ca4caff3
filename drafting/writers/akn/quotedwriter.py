"""The writer of an amending act's quoted structure: the amended act's unit, its references kept.

A quoted unit is written with the amended act's profile (``modifications.Modifications``).
A reference inside it (``[статьей 16](art:legal-assistance)``) names an article of the
amended act, not of the amending act: it becomes a ``ref`` to the amended work's FRBR URI
and the target's eId in the version amended (``/akn/kz/act/.../constitution/~art_15``),
or, when the target is an article this act inserts, to that quoted article (``#mod_5__qstr_1__art_5``,
resolved once the whole act is written). ``drafting consolidate`` reads these back by
stable id (``consolidation.fromakn``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from drafting import eids
from drafting.akn import tag
from drafting.model import Ref, Text
from drafting.writers.akn.document import ActWriter

if TYPE_CHECKING:
    from drafting.writers.akn.modifications import Modifications


class QuotedWriter(ActWriter):
    """An ``ActWriter`` for quoted units: local references point into the amended act."""

    quoting: Modifications | None = None

    def inline_ref(self, parent: etree._Element, node: Ref) -> None:
        mods = self.quoting
        if mods is None or node.work is not None or node.kind != "article":
            super().inline_ref(parent, node)
            return
        eid = mods.amends.articles.get(node.target)
        para = self.work.profile.paragraph_level
        if eid is not None:
            target = eids.unit_eid(eid, para.element, node.paragraph, 1) if node.paragraph else eid
            element = etree.SubElement(parent, tag("ref"), href=f"{mods.amends.uri}/~{target}")
        else:  # an article the act inserts: resolved when every quoted article is known
            element = etree.SubElement(parent, tag("ref"), href=f"#{node.target}")
            mods.pending.append((element, node.target, node.paragraph))
        if node.children:
            self.inlines(element, node.children)
        else:
            number = (eid or "").removeprefix("art_") or node.target
            key = "paragraph_of_article" if node.paragraph else "article"
            self.inline_text(element, Text(self.work.profile.label(self.lang, key, n=number, p=node.paragraph or "")))
