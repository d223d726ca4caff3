"""The ``meta`` block of one expression: identification, publication, lifecycle, references.

Everything comes from the work file: the FRBR dates are the work's date, the named
version's date (the expression) and the manifestation date the build passes in
(``SOURCE_DATE_EPOCH`` or the expression date; never the wall clock). Every
``source``, ``refersTo``, ``by`` and ``FRBRauthor/@href`` points at an entry in
``references``, which is written last, holding exactly the entries used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import tag, uri
from drafting.diagnostics import DraftingError
from drafting.model import Version, Work, WorkMeta

TOOL_ID = "drafting"
TOOL_SHOW = "drafting (legislative drafting toolkit)"
TRANSLATOR_KEY = "translator"  # an `authors` entry of this name is the translations' author
ORIGINAL_ID = "original"
AKN_FORMAT = "application/akn+xml"


def _sub(parent: etree._Element, element: str, /, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, tag(element), attrs)


@dataclass
class References:
    """The TLC and document references a document uses, in first-use order."""

    entries: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)

    def use(self, kind: str, eid: str, href: str, show: str) -> str:
        entry = (kind, {"eId": eid, "href": href, "showAs": show})
        if self.entries.setdefault(eid, entry)[0] != kind:
            raise DraftingError(f"the name '{eid}' is used both for a {self.entries[eid][0]} and a {kind} "
                                "in the AKN references: rename the version or the author in work.yaml")
        return f"#{eid}"

    def element(self, source: str) -> etree._Element:
        refs = etree.Element(tag("references"), {"source": source})
        for kind, attrs in self.entries.values():
            _sub(refs, kind, **attrs)
        return refs


def past_versions(meta: WorkMeta) -> list[Version]:
    """The versions up to this expression's date (an expression knows nothing later)."""
    date = meta.expression_date
    return [v for v in meta.versions if v.date <= date]


class MetaWriter:
    def __init__(self, work: Work, lang: str, manifestation_date: dt.date) -> None:
        self.meta = work.meta
        self.lang = lang
        self.title = work.expression(lang).title
        self.manifestation_date = manifestation_date
        self.refs = References()

    # -- agents ----------------------------------------------------------------------

    def tool(self) -> str:
        return self.refs.use("TLCOrganization", TOOL_ID, f"/ontology/organization/{TOOL_ID}", TOOL_SHOW)

    def agent(self, key: str) -> str:
        names = self.meta.authors.get(key, {})
        return self.refs.use("TLCOrganization", key, f"/ontology/organization/{self.meta.country}/{key}",
                             names.get(self.lang) or key)

    def author(self) -> str:
        return self.agent(self.meta.author)

    def translator(self) -> str:
        return self.agent(TRANSLATOR_KEY if TRANSLATOR_KEY in self.meta.authors else self.meta.author)

    def original(self) -> str:
        first = past_versions(self.meta)[:1]
        date = first[0].date if first else self.meta.expression_date
        return self.refs.use("original", ORIGINAL_ID, uri.expression_uri(self.meta, self.lang, date), self.title)

    def event(self, version: Version) -> str:
        show = version.title.get(self.lang) or version.name
        return self.refs.use("TLCEvent", version.name, f"/ontology/event/{self.meta.country}/{version.name}", show)

    # -- the block -------------------------------------------------------------------------

    def element(self) -> etree._Element:
        meta = etree.Element(tag("meta"))
        self.identification(meta)
        self.publication(meta)
        self.lifecycle(meta)
        meta.append(self.refs.element(self.tool()))
        return meta

    def identification(self, parent: etree._Element) -> None:
        ident = _sub(parent, "identification", source=self.tool())
        self.work_level(_sub(ident, "FRBRWork"))
        self.expression_level(_sub(ident, "FRBRExpression"))
        self.manifestation_level(_sub(ident, "FRBRManifestation"))

    def work_level(self, work: etree._Element) -> None:
        meta = self.meta
        _sub(work, "FRBRthis", value=uri.work_this(meta))
        _sub(work, "FRBRuri", value=uri.work_uri(meta))
        _sub(work, "FRBRdate", date=meta.date.isoformat(), name="generation")
        _sub(work, "FRBRauthor", href=self.author())
        _sub(work, "FRBRcountry", value=meta.country)
        if meta.subtype:
            _sub(work, "FRBRsubtype", value=meta.subtype)
        _sub(work, "FRBRnumber", value=meta.number)

    def expression_level(self, expr: etree._Element) -> None:
        meta, language = self.meta, self.meta.language(self.lang)
        version = meta.current_version
        _sub(expr, "FRBRthis", value=uri.expression_this(meta, self.lang))
        _sub(expr, "FRBRuri", value=uri.expression_uri(meta, self.lang))
        _sub(expr, "FRBRalias", value=self.title, name="title")
        _sub(expr, "FRBRdate", date=meta.expression_date.isoformat(), name=version.name if version else "expression")
        _sub(expr, "FRBRauthor", href=self.translator() if language.translation_of in meta.codes else self.author())
        if version:
            _sub(expr, "FRBRversionNumber", value=version.name)
        _sub(expr, "FRBRauthoritative", value="true" if language.authoritative else "false")
        _sub(expr, "FRBRlanguage", language=language.akn)
        if language.translation_of in meta.codes:
            source = meta.language(str(language.translation_of))
            _sub(expr, "FRBRtranslation", href=uri.expression_uri(meta, source.code), fromLanguage=source.akn,
                 authoritative="true" if language.authoritative else "false", by=self.translator())

    def manifestation_level(self, manifestation: etree._Element) -> None:
        meta = self.meta
        _sub(manifestation, "FRBRthis", value=uri.manifestation_this(meta, self.lang))
        _sub(manifestation, "FRBRuri", value=uri.manifestation_uri(meta, self.lang))
        _sub(manifestation, "FRBRdate", date=self.manifestation_date.isoformat(), name="transform")
        _sub(manifestation, "FRBRauthor", href=self.tool())
        _sub(manifestation, "FRBRformat", value=AKN_FORMAT)

    def publication(self, parent: etree._Element) -> None:
        for item in self.meta.publications:
            if item.language == self.lang:
                attrs = {"date": item.date.isoformat(), "name": item.name, "showAs": item.name}
                if item.number:
                    attrs["number"] = item.number
                _sub(parent, "publication", **attrs)
                return  # the schema allows one publication per document: the first one listed

    def lifecycle(self, parent: etree._Element) -> None:
        cycle = _sub(parent, "lifecycle", source=self.tool())
        versions = past_versions(self.meta)
        if not versions:
            _sub(cycle, "eventRef", eId="e_generation", date=self.meta.date.isoformat(), source=self.original(),
                 type="generation")
        for version in versions:
            _sub(cycle, "eventRef", eId=f"e_{version.name}", date=version.date.isoformat(), source=self.original(),
                 type=version.event, refersTo=self.event(version))


def meta_element(work: Work, lang: str, manifestation_date: dt.date) -> etree._Element:
    return MetaWriter(work, lang, manifestation_date).element()
