"""The HTML page in a real browser: headless Chromium driven by Playwright.

Skips (with the reason) when Debian's chromium or the playwright package is
absent; browsers are never downloaded.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from unres.readers.markdown.reader import read_source
from unres.writers.html import writer as html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source" / "A_HRC_RES_38_3.md"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "A_HRC_RES_38_3.html"
    path.write_bytes(html.render(read_source(str(SOURCE)), {}))
    return path


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, page_file):
    contexts = []

    def opener(width, height, fragment=""):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_file.as_uri() + fragment)
        page.wait_for_load_state("load")
        return page, requests

    yield opener
    for context in contexts:
        context.close()


def overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width,height", [(1280, 900), (375, 812)])
def test_loads_fits_and_screenshots(open_page, page_file, width, height):
    page, requests = open_page(width, height)
    # Only the file itself: the page is self-contained.
    assert requests == [page_file.as_uri()]
    assert page.title().startswith("A/HRC/RES/38/3")
    assert page.locator("section.operative > div.para").count() == 31
    assert page.locator("section.preamble > p.preambular").count() == 27
    assert overflow(page) <= 0
    # Nothing sticks out of the viewport on the right, even at phone width.
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body *')]"
        ".map(e => e.getBoundingClientRect().right))")
    assert widest <= width + 0.5
    shot = page.screenshot(full_page=True)
    assert shot.startswith(b"\x89PNG") and len(shot) > 10_000
    (page_file.parent / f"screen-{width}.png").write_bytes(shot)


def test_fragment_lands_on_paragraph_19(open_page):
    page, _ = open_page(375, 812, "#para_19")
    target = page.evaluate("document.querySelector(':target').id")
    assert target == "para_19"
    top = page.evaluate("document.getElementById('para_19').getBoundingClientRect().top")
    assert -1 <= top < 100   # scrolled to it (sub-pixel rounding aside)
    assert page.locator("#para_19 .num").inner_text() == "19."


def test_permalink_and_note_links_navigate(open_page):
    page, _ = open_page(1280, 900)
    page.locator("#para_19 a.permalink").click()
    assert page.url.endswith("#para_19")
    page.locator("#para_19 .note-call a").click()
    assert page.url.endswith("#para_19__authorialNote_1")
    assert "A/HRC/37/79." in page.locator(":target").inner_text()
    page.locator(":target a.backlink").click()
    assert page.url.endswith("#para_19__authorialNote_1-call")


def test_vote_lists_are_exposed_as_lists(open_page):
    page, _ = open_page(1280, 900)
    lists = page.get_by_role("list", name="In favour:")
    assert lists.get_by_role("listitem").count() == 28
    assert page.get_by_role("list", name="Abstaining:").get_by_role("listitem").count() == 3


@pytest.fixture(scope="module")
def arabic_page_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser_ar")
    source = folder / "A_HRC_RES_38_3.md"
    text = SOURCE.read_text(encoding="utf-8")
    source.write_text(text.replace("\nlanguage: English\n", "\nlanguage: Arabic\n", 1)
                      .replace("\nmeeting: 37th meeting\n", "\nmeeting: 37\n", 1), encoding="utf-8")
    path = folder / "A_HRC_RES_38_3.html"
    path.write_bytes(html.render(read_source(str(source)), {}))
    return path


# For each paragraph of the body: the gaps between its box and its lines, on the left and right.
GAPS = """() => [...document.querySelectorAll(
    'p.formula, p.preambular, div.para > p:first-child, .operative-heading')].map(p => {
  const range = document.createRange();
  range.selectNodeContents(p);
  const lines = [...range.getClientRects()];
  const box = p.getBoundingClientRect();
  return {indent: parseFloat(getComputedStyle(p).textIndent) || 0,
          left: Math.min(...lines.map(r => r.left)) - box.left,
          right: box.right - Math.max(...lines.map(r => r.right))};
})"""


def test_an_arabic_page_sets_its_lines_from_the_right(browser, arabic_page_file):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(arabic_page_file.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
        gaps = page.evaluate(GAPS)
    finally:
        context.close()
    assert len(gaps) == 1 + 27 + 31
    # Every line starts at the right edge (the first after its indent), as Arabic is set; the
    # formula, one short line, leaves its room on the left.
    assert all(gap["right"] <= gap["indent"] + 1 for gap in gaps), gaps
    assert gaps[0]["left"] > 200, gaps[0]
