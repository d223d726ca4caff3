"""AKN ``meta`` -> what a work file needs: identity, language, dates, versions, publication.

Real documents carry year-only dates (invalid in the strict schema, common in the
wild): they become the first day of the year (or month) with a warning. The
FRBR URI is read with cobalt; the ``FRBR*`` elements fill in what it lacks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from lxml import etree

from drafting.akn import tag, uri
from drafting.akn.xmlin import elements, local
from drafting.diagnostics import Diagnostics
from drafting.model import Language, Publication, Version

# ISO 639-2 (AKN) -> the short codes the source format uses
LANGUAGE_CODES = {
    "kaz": "kk", "rus": "ru", "eng": "en", "ita": "it", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de",
    "spa": "es", "por": "pt", "nld": "nl", "dut": "nl", "pol": "pl", "swe": "sv", "fin": "fi", "dan": "da",
    "ell": "el", "gre": "el", "ces": "cs", "cze": "cs", "ron": "ro", "rum": "ro", "hun": "hu", "bul": "bg",
    "ukr": "uk", "uzb": "uz", "kir": "ky", "tur": "tr", "ara": "ar", "swa": "sw", "afr": "af", "zul": "zu",
}
# ISO 639-1 -> the ISO 639-2 code AKN expects, for documents that carry the short form. Where a
# language has two codes, LANGUAGE_CODES lists the terminology one (fra) before the bibliographic
# one (fre): reading it backwards lets the first one win.
_THREE_LETTER = {two: three for three, two in reversed(LANGUAGE_CODES.items())}
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?\s*$")
_SLUG_BAD = re.compile(r"[^a-z0-9]+")
META_MAPPED = {"identification", "publication", "lifecycle", "references", "workflow"}  # workflow: the versions again
PROPRIETARY_NS = "https://drafting.invalid/ns/akn-ids"  # what our own writer records (drafting.writers.akn.meta)
TLC_PREFIX = "TLC"


def slug(text: str, fallback: str) -> str:
    value = _SLUG_BAD.sub("-", text.lower()).strip("-")
    return value if value and value[0].isalpha() else (f"{fallback}-{value}" if value else fallback)


@dataclass
class ExpressionMeta:
    path: str
    country: str = "xx"
    doctype: str = "act"
    subtype: str | None = None
    number: str = "imported"
    date: dt.date = dt.date(1970, 1, 1)
    work_uri: str = ""
    uri: str | None = None  # the work's FRBR URI as the document writes it (a year-only date stays /1977/)
    work_alias: str | None = None  # the work-level title (FRBRalias, name="title" first)
    language: Language = field(default_factory=lambda: Language("en", "eng", True))
    expression_date: dt.date = dt.date(1970, 1, 1)
    alias: str | None = None
    author: str = "author"
    names: dict[str, str] = field(default_factory=dict)  # agent id -> showAs in this language
    translator: str | None = None
    versions: list[Version] = field(default_factory=list)
    version: str | None = None
    publication: Publication | None = None
    own: dict[str, str] | None = None  # our writer's drafting:work: doctype, date, uri of the act
    own_versions: list[dict[str, str]] = field(default_factory=list)  # our writer's drafting:version entries
    own_authors: dict[str, str] = field(default_factory=dict)  # key -> name in this language
    stable: dict[str, str] = field(default_factory=dict)  # eId -> stable key (art_people-power)


class MetaReader:
    def __init__(self, path: str, diags: Diagnostics) -> None:
        self.path = path
        self.diags = diags
        self.known: list[dt.date] = []  # the full dates in the meta, for completing partial ones

    def date(self, element: etree._Element, attribute: str = "date") -> dt.date | None:
        return self.parse_date(element.get(attribute, ""), element.sourceline or 1,
                               f"<{local(element)} {attribute}=\"{element.get(attribute, '')}\">")

    def parse_date(self, value: str, line: int, shown: str) -> dt.date | None:
        match = _DATE.match(value)
        if not match:
            if value:
                self.diags.warning(self.path, line, "I702", f"{shown}: not a date; ignored")
            return None
        year, month, day = match.group(1), match.group(2), match.group(3)
        try:
            if day is None:
                full, how = self.complete(int(year), int(month) if month else None)
                self.diags.warning(self.path, line, "I702", f"{shown}: not a full date; using {full.isoformat()} ({how})")
                return full
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            self.diags.warning(self.path, line, "I702", f"{shown}: not a valid date; ignored")
            return None

    def complete(self, year: int, month: int | None) -> tuple[dt.date, str]:
        """A full date for a partial one: the earliest full date of that year (and month) in the meta, else the 1st."""
        candidates = [d for d in self.known if d.year == year and (month is None or d.month == month)]
        if candidates:
            return min(candidates), "the earliest full date of that period in the metadata"
        return dt.date(year, month or 1, 1), "the first day of the period"

    def read(self, document: etree._Element) -> ExpressionMeta:
        result = ExpressionMeta(self.path, doctype=local(document) if local(document) in ("act", "bill") else "act")
        meta = document.find(tag("meta"))
        if meta is None:
            self.diags.warning(self.path, document.sourceline or 1, "I701", "no <meta>: identity and dates guessed")
            return result
        for element in meta.iter():
            match = _DATE.match(element.get("date", "")) if isinstance(element.tag, str) else None
            if match and match.group(3):
                try:
                    self.known.append(dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
                except ValueError:
                    pass
        for child in elements(meta):
            if local(child) == "proprietary" and self.own(child, result):
                continue
            if local(child) == "analysis" and all(local(c) == "mappings" for c in elements(child)):
                continue  # wId <-> eId per version: the ids come from the stable ids and the numbers
            if local(child) not in META_MAPPED:
                self.diags.warning(self.path, child.sourceline or 1, "I701", f"metadata <{local(child)}> not imported")
        self.references(meta, result)
        ident = meta.find(tag("identification"))
        if ident is not None:
            self.work(ident.find(tag("FRBRWork")), result)
            self.expression(ident.find(tag("FRBRExpression")), result)
        self.lifecycle(meta, result)
        publication = meta.find(tag("publication"))
        if publication is not None:
            date = self.date(publication)
            if date is not None and publication.get("name"):
                result.publication = Publication(result.language.code, publication.get("name", ""), date,
                                                 publication.get("number"))
        return result

    def own(self, proprietary: etree._Element, result: ExpressionMeta) -> bool:
        """Read what our own writer recorded; False when the block holds anything else (reported)."""
        children = list(elements(proprietary))
        if not children or any(c.tag not in (f"{{{PROPRIETARY_NS}}}work", f"{{{PROPRIETARY_NS}}}units")
                               for c in children):
            return False
        for child in children:
            if local(child) == "work":
                result.own = {k: v for k, v in child.attrib.items() if isinstance(k, str)}
                for entry in elements(child):
                    attrs = {k: v for k, v in entry.attrib.items() if isinstance(k, str)}
                    if local(entry) == "version" and attrs.get("name") and attrs.get("date"):
                        result.own_versions.append(attrs)
                    elif local(entry) == "author" and attrs.get("key") and attrs.get("name"):
                        result.own_authors[attrs["key"]] = attrs["name"]
            else:
                for unit in elements(child):
                    ref, key = unit.get("ref", ""), unit.get("key", "")
                    if ref.startswith("#") and key:
                        result.stable[ref[1:]] = key
        return True

    def references(self, meta: etree._Element, result: ExpressionMeta) -> None:
        for refs in meta.iter(tag("references")):
            for entry in elements(refs):
                if local(entry).startswith(TLC_PREFIX) and entry.get("eId"):
                    result.names[entry.get("eId", "")] = entry.get("showAs", "")

    def _value(self, parent: etree._Element, name: str, attribute: str = "value") -> str | None:
        found = parent.find(tag(name))
        return found.get(attribute) if found is not None else None

    def agent(self, href: str | None, result: ExpressionMeta) -> str | None:
        if not href:
            return None
        key = href.rpartition("#")[2] or href.rstrip("/").rpartition("/")[2]
        agent = slug(key, "agent")
        if agent != key and key in result.names:
            result.names[agent] = result.names[key]
        return agent

    def work(self, work: etree._Element | None, result: ExpressionMeta) -> None:
        if work is None:
            return
        parsed = uri.parse(self._value(work, "FRBRthis") or "") or uri.parse(self._value(work, "FRBRuri") or "")
        if parsed is not None:
            result.work_uri = str(parsed.work_uri(work_component=False))
            result.uri = result.work_uri
            if parsed.doctype in ("act", "bill"):
                result.doctype = parsed.doctype
            for part, value in (("locality", parsed.locality), ("actor", parsed.actor)):
                if value:
                    self.diags.warning(self.path, work.sourceline or 1, "I701",
                                       f"the {part} '{value}' of the work URI is not kept (work.yaml has no {part})")
        country = (self._value(work, "FRBRcountry") or (parsed.country if parsed else "") or "").lower()
        if re.fullmatch(r"[a-z]{2}", country[:2] or ""):
            result.country = country[:2]
        subtype = self._value(work, "FRBRsubtype") or (parsed.subtype if parsed else None)
        result.subtype = slug(subtype, "type") if subtype else None
        number = self._value(work, "FRBRnumber") or self._value(work, "FRBRname") or \
            (parsed.number if parsed else None) or result.number
        result.number = _SLUG_BAD.sub("-", number.lower()).strip("-") or "imported"
        if result.number != number:
            self.diags.warning(self.path, work.sourceline or 1, "I706",
                               f"work number '{number}' written as '{result.number}' (lower case, digits, dashes)")
        frbr_date = work.find(tag("FRBRdate"))
        date = self.date(frbr_date) if frbr_date is not None else None
        if date is None and parsed is not None:
            date = self.parse_date(parsed.date, work.sourceline or 1, f"work URI date '{parsed.date}'")
        result.date = date or result.date
        aliases = work.findall(tag("FRBRalias"))
        titled = [a for a in aliases if (a.get("name") or "").lower() in ("title", "short title", "shorttitle")]
        chosen = (titled or aliases or [None])[0]
        if chosen is not None and (chosen.get("value") or "").strip():
            result.work_alias = " ".join((chosen.get("value") or "").split())
        author = work.find(tag("FRBRauthor"))
        result.author = self.agent(author.get("href") if author is not None else None, result) or "author"

    def expression(self, expr: etree._Element | None, result: ExpressionMeta) -> None:
        if expr is None:
            return
        akn = self._value(expr, "FRBRlanguage", "language") or "eng"
        three = _THREE_LETTER.get(akn.lower())
        if three is not None:
            language = expr.find(tag("FRBRlanguage"))
            self.diags.warning(self.path, (language if language is not None else expr).sourceline or 1, "I712",
                               f"two-letter language code '{akn}' (AKN uses ISO 639-2): read as '{three}'")
            akn = three
        code = LANGUAGE_CODES.get(akn, akn if re.fullmatch(r"[a-z]{2,3}", akn) else "xx")
        translation = expr.find(tag("FRBRtranslation"))
        flag = self._value(expr, "FRBRauthoritative")
        authoritative = flag == "true" if flag in ("true", "false") else translation is None
        source = translation.get("fromLanguage") if translation is not None else None
        translation_of = LANGUAGE_CODES.get(source, source) if source else None
        result.language = Language(code, akn, authoritative, translation_of)
        if translation is not None:
            result.translator = self.agent(translation.get("by"), result)
        frbr_date = expr.find(tag("FRBRdate"))
        date = self.date(frbr_date) if frbr_date is not None else None
        result.expression_date = date or result.date
        aliases = expr.findall(tag("FRBRalias"))
        for alias in [a for a in aliases if a.get("name") == "title"] or aliases:
            result.alias = result.alias or alias.get("value")
        result.version = self._value(expr, "FRBRversionNumber")

    def lifecycle(self, meta: etree._Element, result: ExpressionMeta) -> None:
        seen: set[str] = set()
        for index, event in enumerate(meta.iter(tag("eventRef")), start=1):
            date = self.date(event)
            if date is None:
                continue
            refers = (event.get("refersTo") or "").split()
            key = refers[0].lstrip("#") if refers else (event.get("eId") or "").removeprefix("e_")
            name = slug(key, "version") if key else f"version-{index}"
            while name in seen:
                name = f"{name}-{index}"
            seen.add(name)
            kind = event.get("type", "generation")
            show = result.names.get(key, "") if refers else ""
            title = {result.language.code: show} if show and show != key else {}
            result.versions.append(Version(name, date, kind if kind in ("generation", "amendment", "repeal")
                                           else "amendment", None, title))
        if result.version not in {v.name for v in result.versions}:
            result.version = next((v.name for v in result.versions if v.date == result.expression_date), None)
