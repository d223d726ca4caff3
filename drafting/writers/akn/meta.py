"""The ``meta`` block of one expression: identification, publication, lifecycle, workflow, mappings, references.

Everything comes from the work file and the version being written (``meta.version``):

- the stage: a version dated before the work's date (its adoption) is a ``bill``
  whose work is dated by the first version; from adoption on it is an ``act``
  (``drafting.akn.uri.stage``);
- the FRBR dates are the work's, the version's (the expression) and the
  manifestation date the build passes in (``SOURCE_DATE_EPOCH`` or the expression
  date; never the wall clock);
- the work carries ``FRBRalias name="title"`` (what cobalt's ``Act.title`` reads) and
  ``FRBRnumber`` only when the work's number is a number, else ``FRBRname``;
- the lifecycle lists the versions up to this one, each ``eventRef`` with a
  ``source`` naming a document in ``references``: ``original`` for the first, a
  ``passiveRef`` to the document recorded in work.yaml (``versions[].source``: the
  amending act, the referendum decision), else a ``passiveRef`` to the expression
  the version made;
- ``workflow`` has one ``step`` per version up to this one;
- ``analysis/mappings`` one ``mapping`` per unit whose ``wId`` differs from its eId;
- ``proprietary`` the stable ids of the units (read back by ``drafting import``).

Every ``source``, ``refersTo``, ``by`` and ``FRBRauthor/@href`` points at an entry in
``references``, which holds exactly the entries used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import tag, uri
from drafting.diagnostics import DraftingError
from drafting.model import Version, Work, WorkMeta
from drafting.writers.akn.lineage import Identifiers

TOOL_ID = "drafting"
TOOL_SHOW = "drafting (legislative drafting toolkit)"
TRANSLATOR_KEY = "translator"  # an `authors` entry of this name is the translations' author
ORIGINAL_ID = "original"
AKN_FORMAT = "application/akn+xml"
PROPRIETARY_NS = "https://drafting.invalid/ns/akn-ids"  # our own vocabulary in <proprietary>
_NUMBER = re.compile(r"^\d+([-/.]?[0-9a-z]+)*$")


def is_number(value: str) -> bool:
    """Whether a work's number is a number (``FRBRnumber``) rather than a name (``FRBRname``)."""
    return bool(_NUMBER.match(value)) and value[0].isdigit()


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
        order = ("original", "passiveRef", "activeRef")  # documents first, then the TLC* (the schema's order)
        for kind, attrs in sorted(self.entries.values(), key=lambda e: order.index(e[0]) if e[0] in order else 9):
            _sub(refs, kind, **attrs)
        return refs


def past_versions(meta: WorkMeta) -> list[Version]:
    """The versions up to this expression's date (an expression knows nothing later)."""
    date = meta.expression_date
    return [v for v in meta.versions if v.date <= date]


def format_date(date: dt.date) -> str:
    return f"{date.day:02d}.{date.month:02d}.{date.year}"


class MetaWriter:
    def __init__(self, work: Work, lang: str, manifestation_date: dt.date, ids: Identifiers | None = None) -> None:
        self.work = work
        self.meta = work.meta
        self.lang = lang
        self.language = self.meta.language(lang)
        self.title = work.expression(lang).title
        self.manifestation_date = manifestation_date
        self.ids = ids or Identifiers()
        self.refs = References()
        self.version = self.meta.current_version
        self.stage = uri.stage(self.meta)
        self.work_id = uri.work_id(self.meta, self.stage)
        self.versions = past_versions(self.meta)

    # -- agents and documents ----------------------------------------------------------

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

    def expression_of(self, version: Version, code: str | None = None) -> str:
        """The expression URI a version made in a language (a bill's or an act's, as it was then)."""
        work = uri.work_id(self.meta, uri.stage(self.meta, version))
        return uri.expression_uri(work, self.meta.language(code or self.lang).akn, version.date)

    def original(self) -> str:
        first = self.versions[:1]
        href = self.expression_of(first[0]) if first else \
            uri.expression_uri(self.work_id, self.language.akn, self.meta.expression_date)
        return self.refs.use("original", ORIGINAL_ID, href, self.title)

    def event_source(self, index: int, version: Version) -> str:
        if version.source is not None:
            show = version.source.title.get(self.lang) or next(iter(version.source.title.values()), version.name)
            return self.refs.use("passiveRef", f"{version.name}-source", version.source.uri, show)
        if index == 0:
            return self.original()
        show = f"{self.title} ({version.title.get(self.lang) or version.name})"
        return self.refs.use("passiveRef", f"{version.name}-source", self.expression_of(version), show)

    def event(self, version: Version) -> str:
        show = version.title.get(self.lang) or version.name
        return self.refs.use("TLCEvent", version.name, f"/ontology/event/{self.meta.country}/{version.name}", show)

    # -- the block -------------------------------------------------------------------------

    def element(self) -> etree._Element:
        meta = etree.Element(tag("meta"))
        self.identification(meta)
        self.publication(meta)
        self.lifecycle(meta)
        self.workflow(meta)
        self.analysis(meta)
        meta.append(self.refs.element(self.tool()))
        self.proprietary(meta)
        return meta

    def identification(self, parent: etree._Element) -> None:
        ident = _sub(parent, "identification", source=self.tool())
        self.work_level(_sub(ident, "FRBRWork"))
        self.expression_level(_sub(ident, "FRBRExpression"))
        self.manifestation_level(_sub(ident, "FRBRManifestation"))

    def work_level(self, work: etree._Element) -> None:
        meta, frbr = self.meta, self.work_id.frbr
        _sub(work, "FRBRthis", value=uri.work_this(self.work_id))
        _sub(work, "FRBRuri", value=uri.work_uri(self.work_id))
        _sub(work, "FRBRalias", value=meta.title.get(self.lang) or self.title, name="title")
        _sub(work, "FRBRdate", date=self.work_id.date.isoformat(), name="generation")
        _sub(work, "FRBRauthor", href=self.author())
        _sub(work, "FRBRcountry", value=frbr.country or meta.country)
        if frbr.subtype:
            _sub(work, "FRBRsubtype", value=frbr.subtype)
        number = frbr.number or meta.number
        _sub(work, "FRBRnumber" if is_number(number) else "FRBRname", value=number)

    def expression_level(self, expr: etree._Element) -> None:
        meta, language, date = self.meta, self.language, self.meta.expression_date
        version = self.version
        _sub(expr, "FRBRthis", value=uri.expression_this(self.work_id, language.akn, date))
        _sub(expr, "FRBRuri", value=uri.expression_uri(self.work_id, language.akn, date))
        _sub(expr, "FRBRalias", value=self.title, name="title")
        if version is not None and version.title.get(self.lang):
            _sub(expr, "FRBRalias", value=version.title[self.lang], name="version")
        _sub(expr, "FRBRdate", date=date.isoformat(), name=version.name if version else "expression")
        translated = language.translation_of in meta.codes
        _sub(expr, "FRBRauthor", href=self.translator() if translated else self.author())
        if version:
            _sub(expr, "FRBRversionNumber", value=version.name)
        _sub(expr, "FRBRauthoritative", value="true" if language.authoritative else "false")
        _sub(expr, "FRBRlanguage", language=language.akn)
        if translated:
            source = meta.language(str(language.translation_of))
            _sub(expr, "FRBRtranslation", href=uri.expression_uri(self.work_id, source.akn, date),
                 fromLanguage=source.akn, authoritative="true" if language.authoritative else "false",
                 by=self.translator())

    def manifestation_level(self, manifestation: etree._Element) -> None:
        akn, date = self.language.akn, self.meta.expression_date
        _sub(manifestation, "FRBRthis", value=uri.manifestation_this(self.work_id, akn, date))
        # the expression URI, as Indigo writes it: cobalt's FrbrUri would read "@2026-02-12.akn" as a date
        _sub(manifestation, "FRBRuri", value=uri.expression_uri(self.work_id, akn, date))
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
        if not self.versions:
            _sub(cycle, "eventRef", eId="e_generation", date=self.meta.date.isoformat(), source=self.original(),
                 type="generation")
        for index, version in enumerate(self.versions):
            _sub(cycle, "eventRef", eId=f"e_{version.name}", date=version.date.isoformat(),
                 source=self.event_source(index, version), type=version.event, refersTo=self.event(version))

    def workflow(self, parent: etree._Element) -> None:
        if not self.versions:
            return
        flow = _sub(parent, "workflow", source=self.tool())
        for version in self.versions:
            attrs = {"date": version.date.isoformat(), "by": self.author(), "refersTo": self.event(version)}
            if version.status.get(self.lang):
                attrs["outcome"] = self.status_concept(version)
            _sub(flow, "step", eId=f"step_{version.name}", **attrs)

    def status_concept(self, version: Version) -> str:
        return self.refs.use("TLCConcept", f"status-{version.name}",
                             f"/ontology/concept/{self.meta.country}/{version.name}", version.status[self.lang])

    def analysis(self, parent: etree._Element) -> None:
        from drafting.writers.akn.passive import modifications_element

        sources = {v.name: self.event_source(index, v) for index, v in enumerate(self.versions) if v.modifications}
        passive = modifications_element(self.work, self.lang, sources) if sources else None
        if not self.ids.mappings and passive is None:
            return
        analysis = _sub(parent, "analysis", source=self.tool())
        if passive is not None:
            analysis.append(passive)
        if not self.ids.mappings:
            return
        mappings = _sub(analysis, "mappings", source=self.tool())
        known = {v.name for v in self.versions}
        for item in self.ids.mappings:
            attrs = {"original": item.original, "current": item.current}
            if item.since in known:
                attrs["start"] = f"#e_{item.since}"
            _sub(mappings, "mapping", **attrs)

    def proprietary(self, parent: etree._Element) -> None:
        """What the work file says that AKN has no place for, so that an import loses nothing a drafter wrote.

        ``drafting:work`` holds the act's doctype, date and profile, every named version (later ones
        included) with its commit, and this language's words for them and for every author;
        ``drafting:units`` the stable id of every unit (by eId).
        """
        meta, lang = self.meta, self.lang
        holder = _sub(parent, "proprietary", source=self.tool())
        work_attrs = {"doctype": meta.doctype, "date": meta.date.isoformat(), "profile": meta.profile}
        if meta.uri:
            work_attrs["uri"] = meta.uri
        if meta.build_versions:
            work_attrs["build-versions"] = "true"
        work = etree.SubElement(holder, _own("work"), work_attrs, nsmap={"drafting": PROPRIETARY_NS})
        for version in meta.versions:
            attrs = {"name": version.name, "date": version.date.isoformat(), "event": version.event}
            for key, value in (("commit", version.commit), ("title", version.title.get(lang)),
                               ("status", version.status.get(lang))):
                if value:
                    attrs[key] = value
            if version.source is not None:
                attrs["source"] = version.source.uri
                if version.source.title.get(lang):
                    attrs["source-title"] = version.source.title[lang]
            etree.SubElement(work, _own("version"), attrs)
        for key, names in meta.authors.items():
            if names.get(lang):
                etree.SubElement(work, _own("author"), {"key": key, "name": names[lang]})
        if self.ids.keys:
            units = etree.SubElement(holder, _own("units"), nsmap={"drafting": PROPRIETARY_NS})
            for eid, key in self.ids.keys:
                etree.SubElement(units, _own("unit"), {"ref": f"#{eid}", "key": key})


def _own(name: str) -> str:
    return f"{{{PROPRIETARY_NS}}}{name}"


def meta_element(work: Work, lang: str, manifestation_date: dt.date, ids: Identifiers | None = None) -> etree._Element:
    return MetaWriter(work, lang, manifestation_date, ids).element()
