"""The HTML edition and the web site read every node of the new model: nested containers, sub-points,
tables, notes, defined terms and annexes (the fixture acts of tests/fixtures/acts/)."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from drafting.source.load import load_valid
from drafting.writers.html.edition import EditionOptions, render_edition
from drafting.writers.html.parallel import parallel

ACTS = Path(__file__).parent / "fixtures" / "acts"


def page(name: str, lang: str, **options: object) -> lxml.html.HtmlElement:
    html = render_edition(load_valid(ACTS / name), lang, EditionOptions(**options))  # type: ignore[arg-type]
    return lxml.html.fromstring(html.encode("utf-8"))


def test_nested_containers_have_headings_in_order_and_the_akn_ids() -> None:
    root = page("kz-code", "ru")
    headings = [(h.tag, h.text_content().strip()) for h in root.xpath("//main//*[self::h2 or self::h3 or self::h4 or "
                                                                      "self::h5]")][:7]
    assert headings == [("h2", "Раздел 1 Общие положения"), ("h3", "Глава 1 Основные положения"),
                        ("h4", "Статья 1. Основные понятия"), ("h4", "Статья 2. Принципы"),
                        ("h3", "Глава 2 Водопользование"), ("h4", "Параграф 1 Общее водопользование"),
                        ("h5", "Статья 3. Общее водопользование")]
    assert root.get_element_by_id("chp_2__hcontainer_1").get("class") == "section level-paragraph-group depth-2"
    toc = [a.text_content() for a in root.xpath("//nav[@class='toc']//a")]
    assert toc[:3] == ["Раздел 1. Общие положения", "Глава 1. Основные положения", "Статья 1. Основные понятия"]
    assert toc[-1] == "Приложение 1. Тарифы за водопользование"


def test_sub_points_tables_notes_terms_and_annexes() -> None:
    root = page("kz-code", "kk")
    sub = root.get_element_by_id("art_2__para_1__point_2__point_б")
    assert sub.text_content().strip() == "б) суару үшін."
    table = root.get_element_by_id("art_4__para_2__table_1")
    assert [th.text_content() for th in table.xpath("./thead/tr/th")] == ["Өтініш", "Мерзім"]
    assert [[td.text_content() for td in tr] for tr in table.xpath("./tbody/tr")] == [["Жаңа", "15 күн"],
                                                                                    ["Ұзарту", "5 күн"]]
    assert table.xpath("./tbody/tr/td[2]/@class") == ["align-right", "align-right"]
    mark = root.get_element_by_id("note-mark-1")
    assert mark.xpath("./a/@href") == ["#note-1"]
    assert root.get_element_by_id("note-1").text_content() == "Жеке және заңды тұлғалар."
    assert root.get_element_by_id("note-1").xpath("ancestor::article/@id") == ["art_1"]
    assert root.get_element_by_id("term-water-body").tag == "dfn"
    assert root.xpath("//a[@class='term']/@href") == ["#term-water-body", "#term-water-user"]
    annex = root.get_element_by_id("att_1")
    assert annex.xpath("./h2")[0].text_content() == "1-қосымша Су пайдаланғаны үшін тарифтер"
    assert len(annex.xpath(".//table//tr")) == 3
    assert root.xpath("//a[@class='ref' and @href='#att_1']/text()") == ["1-қосымшада", "1-қосымшаға"]


def test_print_mode_keeps_notes_and_terms_as_text() -> None:
    root = page("kz-code", "ru", mode="print", links=False, language_pages=False)
    assert not root.xpath("//a[@class='term' or @class='ref']")
    assert root.xpath("//sup[@class='note-mark']/text()") == ["1"]


def test_westminster_markers_and_eids() -> None:
    root = page("westminster-act", "en")
    assert root.get_element_by_id("sec_1__subsec_2__para_b__subpara_ii").text_content().startswith("(ii) charges")
    assert root.get_element_by_id("part_1__chp_1").xpath("./h3")[0].text_content() == "Chapter 1 Membership"
    assert root.xpath("//div[@id='sec_1__subsec_1']/p/span[@class='num']/text()") == ["(1)"]


def test_the_parallel_view_walks_every_container() -> None:
    work = load_valid(ACTS / "eu-regulation")
    rows = parallel(work, ["en", "ru"])
    assert [(s.eid, s.level, s.depth, [a.eid for a in s.articles]) for s in rows.sections] == [
        ("chp_I", "chapter", 0, ["art_1"]), ("chp_II", "chapter", 0, []), ("chp_II__sec_1", "section", 1, ["art_2"]),
        ("chp_II__sec_2", "section", 1, ["art_3"])]
