"""The web site in a real browser: Debian's headless Chromium, driven by Playwright.

One build of the constitution's site (four versions, three languages, search
index) served on localhost; each test opens it as a reader would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from drafting.writers.artifacts import build
from site_support import PHONE, axe_violations, chromium, playwright_session, screenshot, serve
from drafting_repo import commit, make_repo, run

REPO = Path(__file__).resolve().parent.parent
CONSTITUTION = REPO / "constitution"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("site-build") / "build"
    build(CONSTITUTION, out, ["akn", "site"])
    with serve(out) as base:
        yield base + "site/"


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with playwright_session() as playwright:
        yield playwright


@pytest.fixture(scope="module")
def browser(driver: Any) -> Iterator[Any]:
    with chromium(driver) as context:
        yield context


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert not errors, errors


def shown_languages(page: Any, selector: str) -> list[str]:
    return [str(c) for c in page.eval_on_selector_all(
        f"{selector} > .cell", "cells => cells.filter(c => c.offsetParent !== null).map(c => c.dataset.lang)")]


def test_languages_side_by_side_aligned_and_switched(site: str, page: Any) -> None:
    page.goto(site + "final-draft/ru.html")
    assert shown_languages(page, "#art_5__para_1") == ["ru"]  # one language until the reader asks for more
    page.check('.column-switch input[value="kk"]')
    assert shown_languages(page, "#art_5__para_1") == ["ru", "kk"]
    page.check('.column-switch input[value="en"]')
    assert shown_languages(page, "#art_5__para_1") == ["ru", "kk", "en"]
    # aligned: a paragraph's cells share one row (same top), the row is the paragraph's eId
    tops = page.eval_on_selector_all("#art_5__para_1 > .cell", "cells => cells.map(c => c.getBoundingClientRect().top)")
    assert len(set(tops)) == 1
    assert page.get_attribute('#art_5__para_1 > .cell[data-lang="kk"]', "lang") == "kk"
    page.evaluate("document.getElementById('art_5').scrollIntoView()")
    screenshot(page, "desktop-three-languages")
    page.uncheck('.column-switch input[value="en"]')
    page.reload()  # the choice is kept
    assert shown_languages(page, "#art_5__para_1") == ["ru", "kk"]


@pytest.fixture(scope="module")
def phone(driver: Any) -> Iterator[Any]:
    with chromium(driver, viewport=PHONE, is_mobile=True, has_touch=True) as context:
        yield context


def test_phone_one_language_with_a_switch_per_article(site: str, phone: Any) -> None:
    page = phone.new_page()
    page.goto(site + "final-draft/kk.html#art_3")
    assert shown_languages(page, "#art_3__para_1") == ["kk"]
    article = page.locator(".article-row").filter(has=page.locator("#art_3"))
    article.locator('.phone-switch button[data-lang="ru"]').click()
    assert shown_languages(page, "#art_3__para_1") == ["ru"]
    assert shown_languages(page, "#art_4__para_1") == ["kk"]  # only that article switched
    assert article.locator('.phone-switch button[data-lang="ru"]').get_attribute("aria-pressed") == "true"
    screenshot(page, "phone-article-switched")
    page.close()


def test_versions_switcher_keeps_the_place_and_shows_changes(site: str, page: Any) -> None:
    page.goto(site + "final-draft/ru.html#art_10")
    assert "12.02.2026" in page.inner_text(".as-of")
    page.click('.versions a[href$="first-draft/ru.html"]')
    page.wait_for_url("**/first-draft/ru.html#art_10")
    assert "31.01.2026" in page.inner_text(".as-of")
    page.goto(site + "final-draft/ru.html")
    assert page.locator(".marked").first.is_hidden()
    page.check('.changes-switch input[name="changes"]')
    marked = page.locator(".marked ins, .marked del")
    assert marked.count() > 0 and marked.first.is_visible()
    page.click("a.redline-link")
    assert page.url.endswith("final-draft/redline-ru.html")
    page.go_back()
    page.uncheck('.changes-switch input[name="changes"]')


@pytest.mark.parametrize("start,lang,word", [("kk", "kk", "Құрылтай"), ("ru", "ru", "Парламент"),
                                             ("ru", "kk", "Құрылтайдың"), ("kk", "ru", "Правительство")])
def test_search_a_word_and_follow_the_result(site: str, page: Any, start: str, lang: str, word: str) -> None:
    """A Kazakh and a Russian word, each from its own language's page and from the other one's."""
    page.goto(site + f"final-draft/{start}.html")
    page.fill("#search-input", word)
    page.click(".search-form button")
    first = page.locator(f'.search-results li[lang="{lang}"] a').first
    first.wait_for(timeout=15000)
    href = str(first.get_attribute("href"))
    assert f"final-draft/{lang}.html#" in href
    anchor = href.split("#")[1]
    first.click()
    page.wait_for_url(f"**/final-draft/{lang}.html#{anchor}")
    found = page.locator(f'[id="{anchor}"]')
    assert found.is_visible()
    text = found.evaluate("el => (el.closest('.article-row, .section') || el).innerText")
    assert word.lower()[:5] in text.lower()


def test_no_request_leaves_the_site(site: str, page: Any) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site + "final-draft/kk.html")
    page.check('.column-switch input[value="ru"]')
    page.fill("#search-input", "Президент")
    page.click(".search-form button")
    page.locator(".search-results li").first.wait_for(timeout=15000)
    page.goto(site + "link.html#ru/legal-assistance")
    page.wait_for_url("**/ru.html#*")
    origin = site.split("/site/")[0]
    outside = [url for url in requests if not (url.startswith(origin + "/") or url.startswith("data:"))]
    assert requests and not outside, outside


def serious(page: Any) -> list[tuple[str, str, list[Any]]]:
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]])
            for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", ["final-draft/ru.html", "first-draft/kk.html", "link.html", "index.html",
                                  "final-draft/redline-kk.html"])
def test_no_serious_accessibility_violation(site: str, browser: Any, path: str) -> None:
    page = browser.new_page()
    page.goto(site + path)
    if path.endswith("ru.html"):
        page.check('.column-switch input[value="kk"]')
        page.check('.changes-switch input[name="changes"]')
        page.fill("#search-input", "Конституция")
        page.click(".search-form button")
        page.locator(".search-results li").first.wait_for(timeout=15000)
    assert serious(page) == []
    if path == "final-draft/ru.html":
        screenshot(page, "desktop-search-and-changes")
    page.close()


def test_no_serious_accessibility_violation_on_a_phone(site: str, phone: Any) -> None:
    page = phone.new_page()
    page.goto(site + "final-draft/en.html")
    assert serious(page) == []
    screenshot(page, "phone-english")
    page.close()


def test_readable_without_javascript(site: str, driver: Any) -> None:
    with chromium(driver, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(site + "final-draft/ru.html#art_5")
        assert page.locator("#art_5").is_visible()
        assert shown_languages(page, "#art_5__para_1") == ["ru"]
        assert page.locator(".search-form").is_hidden()  # search needs the script; the page says so
        assert page.locator(".versions a").count() == 3  # the other versions are plain links


def test_permanent_link_survives_renumbering(tmp_path: Path, browser: Any) -> None:
    source = make_repo(tmp_path)
    out = tmp_path / "out"
    build(source, out, ["site"])
    old = (out / "site" / "final-draft" / "ru.html").read_text(encoding="utf-8")
    assert 'data-id="rights-1"' in old and 'id="art_3"' in old
    result = run("new", "article", source, "--section", "I", "--after", "2", "--id", "inserted-one")
    assert result.returncode == 0, result.stderr
    commit(source.parent, "an article inserted before rights-1")
    build(source, out, ["site"])
    with serve(out / "site") as base:
        page = browser.new_page()
        page.goto(base + "link.html#ru/rights-1")
        page.wait_for_url("**/final-draft/ru.html#art_4")
        assert page.locator(".article-row").filter(has=page.locator("#art_4")).get_attribute("data-id") == "rights-1"
        page.goto(base + "link.html#kk/rights-1/1")
        page.wait_for_url("**/final-draft/kk.html#art_4__para_1")
        page.goto(base + "link.html#ru/no-such-article")
        assert "no-such-article" in page.inner_text(".link-message")
        page.close()


def test_copy_link_copies_the_permanent_link(site: str, page: Any) -> None:
    page.goto(site + "final-draft/ru.html")
    article = page.locator(".article-row").filter(has=page.locator("#art_7"))
    article.locator(".copy-link").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("http://127.0.0.1:") and copied.endswith("/site/link.html#ru/" +
                                                                       str(article.get_attribute("data-id")))
