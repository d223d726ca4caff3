"""One version in one file: a ``documentCollection`` holding its language expressions.

For consumers that want every language of a version at once. The collection is a
document of its own (``/akn/kz/documentCollection/.../mul@DATE``) whose
``collectionBody`` holds one ``component`` per language (``cmp_kaz``), each with
the whole ``act`` or ``bill`` of that language, meta included.

The strict schema wants every eId unique in the whole collection, so inside a
component every eId, and every ``#`` reference to one, is prefixed with the
component's eId (``cmp_kaz__art_5``): the naming convention's prefix for
identifiers inside a component. wIds (``mapping/@original``) keep their values:
they name the unit, not this file's element.
"""

from __future__ import annotations

import copy
import datetime as dt

from lxml import etree

from drafting.akn import NS, tag, uri
from drafting.model import Work
from drafting.writers.akn.meta import TOOL_ID, TOOL_SHOW, AKN_FORMAT

COLLECTION = "documentCollection"
LANGUAGE = "mul"
_REFERENCES = ("href", "source", "refersTo", "by", "outcome", "start", "end", "current", "ref", "as")


def component_id(lang3: str) -> str:
    return f"cmp_{lang3}"


def prefix_ids(document: etree._Element, prefix: str) -> None:
    """Prefix every eId and every local reference (``#x``) inside ``document`` (in place)."""
    for element in document.iter(etree.Element):
        eid = element.get("eId")
        if eid:
            element.set("eId", prefix + eid)
        for name in _REFERENCES:
            value = element.get(name)
            if value and "#" in value:
                element.set(name, " ".join(f"#{prefix}{part[1:]}" if part.startswith("#") else part
                                           for part in value.split()))


def _sub(parent: etree._Element, name: str, /, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, tag(name), attrs)


def collection_element(work: Work, documents: dict[str, etree._Element]) -> etree._Element:
    """The collection of ``documents`` (language -> ``akomaNtoso`` root of that expression); they are copied."""
    meta = work.meta
    date: dt.date = meta.expression_date
    stage = uri.stage(meta)
    frbr = uri.work_id(meta, stage).copy()
    frbr.doctype = COLLECTION
    collection_work = uri.WorkId(COLLECTION, uri.work_id(meta, stage).date, frbr)
    root = etree.Element(tag("akomaNtoso"), nsmap={None: NS})
    collection = _sub(root, COLLECTION, name=meta.subtype or stage)
    holder = _sub(collection, "meta")
    ident = _sub(holder, "identification", source=f"#{TOOL_ID}")
    level = _sub(ident, "FRBRWork")
    _sub(level, "FRBRthis", value=uri.work_this(collection_work))
    _sub(level, "FRBRuri", value=uri.work_uri(collection_work))
    first = next(iter(documents))
    _sub(level, "FRBRalias", value=meta.title.get(first) or meta.number, name="title")
    _sub(level, "FRBRdate", date=collection_work.date.isoformat(), name="generation")
    _sub(level, "FRBRauthor", href=f"#{TOOL_ID}")
    _sub(level, "FRBRcountry", value=frbr.country or meta.country)
    level = _sub(ident, "FRBRExpression")
    _sub(level, "FRBRthis", value=uri.expression_this(collection_work, LANGUAGE, date))
    _sub(level, "FRBRuri", value=uri.expression_uri(collection_work, LANGUAGE, date))
    _sub(level, "FRBRdate", date=date.isoformat(), name=meta.version or "expression")
    _sub(level, "FRBRauthor", href=f"#{TOOL_ID}")
    _sub(level, "FRBRlanguage", language=LANGUAGE)
    level = _sub(ident, "FRBRManifestation")
    _sub(level, "FRBRthis", value=uri.manifestation_this(collection_work, LANGUAGE, date))
    _sub(level, "FRBRuri", value=uri.expression_uri(collection_work, LANGUAGE, date))
    _sub(level, "FRBRdate", date=date.isoformat(), name="transform")
    _sub(level, "FRBRauthor", href=f"#{TOOL_ID}")
    _sub(level, "FRBRformat", value=AKN_FORMAT)
    refs = _sub(holder, "references", source=f"#{TOOL_ID}")
    _sub(refs, "TLCOrganization", eId=TOOL_ID, href=f"/ontology/organization/{TOOL_ID}", showAs=TOOL_SHOW)
    body = _sub(collection, "collectionBody")
    for lang, document in documents.items():
        lang3 = meta.language(lang).akn
        component = _sub(body, "component", eId=component_id(lang3))
        inner = copy.deepcopy(document[0])
        prefix_ids(inner, component_id(lang3) + "__")
        component.append(inner)
    return root
