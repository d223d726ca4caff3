"""Model -> Akoma Ntoso 3.0: one ``act`` (a ``bill`` before adoption), one FRBR expression, per language.

One method per node type. Structure of a document::

    akomaNtoso/act[@name][@contains]
      meta                      (drafting.writers.akn.meta)
      preface/longTitle/p/docTitle, p/(docNumber, docDate), p/(docStage, docStatus)
      preamble[@eId=preamble]   p..., or tblock(heading, p...) when it has a heading; the
                                enacting words (profile label ``enacting_formula``) in ``formula``
      body/section[@eId=sec_I][@wId=sec_I]
        article[@eId=art_5][@wId=art_4]   (wId: its eId in the version where it first appeared)
          num ("Article 5" as the profile prints it), heading?
          paragraph[@eId=art_5__para_2]  num "2." (none when unnumbered: eId ..._para_1)
            content/p | intro/p, point[@eId=art_5__para_2__point_1]..., wrapUp/p

The body writer puts the article's stable id (the section folder's slug) in a
provisional ``wId``; ``drafting.writers.akn.lineage`` turns it into the wId the naming
convention means and records the stable ids in ``proprietary``. Cross-references become
``<ref href="#art_5">`` or ``#art_5__para_2``; an empty reference gets the
profile's label in the document's language.
"""

from __future__ import annotations

import datetime as dt
import os

from lxml import etree

from drafting import eids
from drafting.akn import NS, tag, uri
from drafting.writers.akn.lineage import Lineage
from drafting.writers.akn.meta import format_date, meta_element, past_versions
from drafting.akn.xmlout import to_bytes
from drafting.writers.artifacts import Artifact, BuildContext
from drafting.diagnostics import DraftingError
from drafting.model import (Article, Emphasis, InlineSeq, Paragraph, Point, Preamble, Ref, Section, Strong, Text, Work,
                            plain_text)

KIND = "akn"
_T = {name: tag(name) for name in (
    "akomaNtoso", "act", "bill", "preface", "longTitle", "p", "docTitle", "preamble", "tblock", "heading", "body",
    "section", "article", "num", "paragraph", "content", "intro", "wrapUp", "point", "ref", "i", "b",
    "docNumber", "docDate", "docStage", "docStatus", "formula",
)}
FORMULA_LABEL = "enacting_formula"  # profile label: the words that end the preamble's enacting formula
SECTION_WID, ARTICLE_WID = "sec_", "art_"


def manifestation_date(work: Work) -> dt.date:
    """SOURCE_DATE_EPOCH (reproducible builds) when set, else the expression date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError) as exc:
            raise DraftingError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds: {exc}") from None
    return work.meta.expression_date


class ActWriter:
    def __init__(self, work: Work, lang: str, date: dt.date | None = None) -> None:
        self.work = work
        self.lang = lang
        self.expression = work.expression(lang)
        self.date = date or manifestation_date(work)
        self.targets: dict[str, Article] = {}
        for expression in [self.expression, *work.expressions.values()]:
            for article in expression.articles():
                self.targets.setdefault(article.id, article)

    def document(self, lineage: Lineage | None = None) -> etree._Element:
        """The whole document; with a lineage (earlier versions seen), wIds and mappings across versions."""
        root = etree.Element(_T["akomaNtoso"], nsmap={None: NS})
        meta = self.work.meta
        stage = uri.stage(meta)
        act = etree.SubElement(root, _T[stage], name=meta.subtype or stage)
        act.set("contains", "originalVersion" if len(past_versions(meta)) <= 1 else "singleVersion")
        self.preface(act)
        if self.expression.preamble is not None:
            self.preamble(act, self.expression.preamble)
        body = etree.SubElement(act, _T["body"])
        for section in self.expression.sections:
            self.section(body, section)
        version = meta.current_version
        ids = (lineage or Lineage()).apply(version.name if version else "", act)
        act.insert(0, meta_element(self.work, self.lang, self.date, ids))
        return root

    def to_bytes(self, lineage: Lineage | None = None) -> bytes:
        return to_bytes(self.document(lineage))

    # -- front matter ----------------------------------------------------------------

    def preface(self, parent: etree._Element) -> None:
        """Title, number, date, stage and status of the document, as its cover would print them."""
        meta = self.work.meta
        preface = etree.SubElement(parent, _T["preface"])
        long_title = etree.SubElement(preface, _T["longTitle"])
        etree.SubElement(etree.SubElement(long_title, _T["p"]), _T["docTitle"]).text = self.expression.title
        line = etree.SubElement(preface, _T["p"])
        etree.SubElement(line, _T["docNumber"]).text = meta.number
        date = meta.expression_date
        etree.SubElement(line, _T["docDate"], date=date.isoformat()).text = format_date(date)
        line[0].tail = ", "
        version = meta.current_version
        if version is not None:
            line = etree.SubElement(preface, _T["p"])
            etree.SubElement(line, _T["docStage"]).text = version.title.get(self.lang) or version.name
            etree.SubElement(line, _T["docStatus"]).text = version.status.get(self.lang) or uri.stage(meta)
            line[0].tail = ": "

    def preamble(self, parent: etree._Element, preamble: Preamble) -> None:
        element = etree.SubElement(parent, _T["preamble"], eId=eids.PREAMBLE_EID)
        holder = element
        if preamble.heading:
            holder = etree.SubElement(element, _T["tblock"], eId=f"{eids.PREAMBLE_EID}__tblock_1")
            etree.SubElement(holder, _T["heading"]).text = preamble.heading
        formula = self.work.profile.labels.get(self.lang, {}).get(FORMULA_LABEL, "").strip()
        for index, seq in enumerate(preamble.paragraphs):
            last = index == len(preamble.paragraphs) - 1
            if last and formula and plain_text(seq).rstrip().endswith(formula):
                # the enacting words ("... adopt this Constitution."): AKN's formula
                block = etree.SubElement(holder, _T["formula"], eId=f"{eids.PREAMBLE_EID}__formula_1",
                                         name="enactingFormula")
                self.inlines(etree.SubElement(block, _T["p"]), seq)
            else:
                self.inlines(etree.SubElement(holder, _T["p"]), seq)

    # -- structure --------------------------------------------------------------------------

    def section(self, parent: etree._Element, section: Section) -> None:
        element = etree.SubElement(parent, _T["section"], eId=eids.section_eid(section), wId=SECTION_WID + section.id)
        etree.SubElement(element, _T["num"]).text = self.work.profile.label(self.lang, "section", n=section.num)
        if section.title:
            etree.SubElement(element, _T["heading"]).text = section.title
        for article in section.articles:
            self.article(element, article)

    def article(self, parent: etree._Element, article: Article) -> None:
        element = etree.SubElement(parent, _T["article"], eId=eids.article_eid(article), wId=ARTICLE_WID + article.id)
        etree.SubElement(element, _T["num"]).text = self.work.profile.label(self.lang, "article", n=article.num)
        if article.heading:
            etree.SubElement(element, _T["heading"]).text = article.heading
        for index, paragraph in enumerate(article.paragraphs, start=1):
            self.paragraph(element, article, paragraph, index)

    def paragraph(self, parent: etree._Element, article: Article, paragraph: Paragraph, index: int) -> None:
        eid = eids.paragraph_eid(article, paragraph, index)
        element = etree.SubElement(parent, _T["paragraph"], eId=eid)
        if paragraph.num is not None:
            etree.SubElement(element, _T["num"]).text = f"{paragraph.num}."
        if not paragraph.points:
            self.inlines(etree.SubElement(etree.SubElement(element, _T["content"]), _T["p"]), paragraph.text)
            return
        if paragraph.text:
            intro = etree.SubElement(element, _T["intro"], eId=f"{eid}__intro")
            self.inlines(etree.SubElement(intro, _T["p"]), paragraph.text)
        for point in paragraph.points:
            self.point(element, eid, point)
        if paragraph.wrapup:
            wrapup = etree.SubElement(element, _T["wrapUp"], eId=f"{eid}__wrapup")
            self.inlines(etree.SubElement(wrapup, _T["p"]), paragraph.wrapup)

    def point(self, parent: etree._Element, paragraph_eid: str, point: Point) -> None:
        element = etree.SubElement(parent, _T["point"], eId=eids.point_eid(paragraph_eid, point))
        etree.SubElement(element, _T["num"]).text = f"{point.num})"
        self.inlines(etree.SubElement(etree.SubElement(element, _T["content"]), _T["p"]), point.text)

    # -- inline: one method per node type -------------------------------------------------------

    def inlines(self, parent: etree._Element, seq: InlineSeq) -> None:
        for node in seq:
            getattr(self, f"inline_{type(node).__name__.lower()}")(parent, node)

    def inline_text(self, parent: etree._Element, node: Text) -> None:
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + node.value
        else:
            parent.text = (parent.text or "") + node.value

    def inline_emphasis(self, parent: etree._Element, node: Emphasis) -> None:
        self.inlines(etree.SubElement(parent, _T["i"]), node.children)

    def inline_strong(self, parent: etree._Element, node: Strong) -> None:
        self.inlines(etree.SubElement(parent, _T["b"]), node.children)

    def inline_ref(self, parent: etree._Element, node: Ref) -> None:
        target = self.targets.get(node.target)
        if target is None:  # load_valid refuses unknown targets (R501); keep the text, never crash
            self.inlines(parent, node.children or (Text(node.target),))
            return
        eid = eids.paragraph_eid(target, node.paragraph) if node.paragraph else eids.article_eid(target)
        element = etree.SubElement(parent, _T["ref"], href=f"#{eid}")
        if node.children:
            self.inlines(element, node.children)
        else:
            element.text = self.label(target, node.paragraph)

    def label(self, target: Article, paragraph: str | None) -> str:
        profile = self.work.profile
        if paragraph:
            return profile.label(self.lang, "paragraph_of_article", n=target.num, p=paragraph)
        return profile.label(self.lang, "article", n=target.num)


def document_bytes(work: Work, lang: str, date: dt.date | None = None, lineage: Lineage | None = None) -> bytes:
    return ActWriter(work, lang, date).to_bytes(lineage)


def artifact_path(lang: str) -> str:
    return f"{KIND}/{lang}.xml"


def write_artifacts(work: Work, ctx: BuildContext) -> list[Artifact]:
    """The build's AKN writer (``drafting.writers.akn.timeline``): every language, every version with --versions."""
    from drafting.writers.akn.timeline import write_artifacts as write_versions

    return write_versions(work, ctx)
