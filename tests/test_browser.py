"""The web app in a real browser: Debian's chromium driven by Playwright (see
benchmarks/browser.py), the server on a free loopback port. Skipped, with the
reason, where playwright, the web extra or /usr/bin/chromium is missing."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner
from conftest import REPO

import docsearch
from docsearch.cli import cli

sys.path.insert(0, str(REPO / "benchmarks"))
import browser  # noqa: E402

pytestmark = pytest.mark.skipif(browser.missing() is not None,
                                reason=str(browser.missing()))

ODUYA = "Marcus Oduya-Bell"
HADDAD = "Abdel Karim Haddad"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        context = browser.launch(pw, tmp_path_factory.mktemp("profile"),
                                 viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        context.close()


def serve(ix):
    from docsearch.web.server import running
    return running(ix)


@pytest.fixture(scope="module")
def site(sample_index):
    with serve(sample_index) as url:
        yield url


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    page.close()


def sidebar_counts(page, facet):
    return page.eval_on_selector_all(
        f'section[data-facet="{facet}"] span.count',
        "spans => spans.map(s => [s.dataset.value, Number(s.textContent)])")


def test_type_a_query_tick_two_people_and_a_topic(page, site, sample_index):
    page.goto(site + "/")
    page.wait_for_selector("form.live")  # our script ran under the CSP
    page.fill('.query-row input[name="q"]', "harbour")
    with page.expect_navigation():
        page.press('.query-row input[name="q"]', "Enter")
    for facet, value in (("person", ODUYA), ("person", HADDAD), ("topic", "labour")):
        with page.expect_navigation():
            page.check(f'section[data-facet="{facet}"] input[value="{value}"]')
    results = sample_index.search("harbour", people=[ODUYA, HADDAD], topics=["labour"])
    assert int(page.get_attribute("#total", "data-total")) == results.total == 4
    assert len(page.query_selector_all("li.hit")) == 4
    for facet in ("person", "topic", "source"):
        assert sorted(map(tuple, sidebar_counts(page, facet))) == sorted(
            (v.value, v.count) for v in results.facets[facet])
    ticked = page.eval_on_selector_all("input[type=checkbox]:checked",
                                       "xs => xs.map(x => x.value)")
    assert sorted(ticked) == sorted([ODUYA, HADDAD, "labour"])
    assert page.url == (site + "/?person=Marcus+Oduya-Bell&person=Abdel+Karim+Haddad"
                        "&topic=labour&q=harbour&sort=relevance")
    assert page.dialogs == []


def test_article_person_link_and_timeline(page, site, sample_index):
    page.goto(site + "/?q=strike+deal")
    with page.expect_navigation():
        page.click("li.hit h2 a >> nth=0")
    assert page.url.endswith("/article/c3003557c80e3042")
    with page.expect_navigation():
        page.click(f'dd.people a.person:text-is("{ODUYA}")')
    assert page.inner_text("h1") == ODUYA
    bars = page.eval_on_selector_all(
        ".timeline .bar", "bars => bars.map(b => [b.dataset.value, Number(b.dataset.count)])")
    result = CliRunner().invoke(cli, ["facets", "date", "--person", ODUYA, "--date-facet",
                                      "month", "--json", "--index", str(sample_index.path)])
    assert result.exit_code == 0, result.output
    expected = [(v["value"], v["count"]) for v in json.loads(result.output)["date"]]
    assert [(m, c) for m, c in bars if c] == expected
    assert len(bars) == 68  # every month from 2019-03 to 2024-10
    with page.expect_navigation():
        page.click(".timeline a.bar >> nth=0")
    assert int(page.get_attribute("#total", "data-total")) == 1


def test_hostile_article_renders_inert(page, tmp_path):
    ix = docsearch.open(tmp_path / "index", create=True)
    ix.add(docsearch.Article(
        id="evil-1", title='Mayor <script>alert("title")</script> resigns',
        body=("Residents <script>alert('body')</script> were told on Monday.\n\n"
              "## <img src=x onerror=alert('heading')>\n\n"
              "Bell \x07 escape \x1b[31m and C1 \x9b, "
              "<a href=\"javascript:alert('link')\">click</a>."),
        url="javascript:alert('url')", people=["Eve <b onmouseover=alert(1)>Mallory</b>"],
        source="<svg onload=alert('source')>"), extract=False)
    with serve(ix) as url:
        for path in ("/?q=residents", "/article/evil-1"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert page.eval_on_selector_all("script", "xs => xs.length") == 1
            assert page.eval_on_selector_all("img, svg:not(.chart), b", "xs => xs.length") == 0
            hrefs = page.eval_on_selector_all("a", "xs => xs.map(x => x.href)")
            assert not [h for h in hrefs if not h.startswith(url)], hrefs
        assert page.inner_text("h1") == "Mayor <script>alert(\"title\")</script> resigns"
        body = page.inner_text(".body")
        assert "Bell \\x07 escape \\x1b[31m and C1 \\x9b" in body
        assert "<img src=x onerror=alert('heading')>" in body
        page.hover("dd.people a.person")
        page.click(".url .inert")
    ix.close()
    assert page.dialogs == []
