"""The web app (``docsearch serve``) through Starlette's TestClient: pages, JSON the
same as the CLI's ``--json``, escaping of hostile articles, 400/404 pages, the CSP
header, repeatable parameters, an index changed while serving."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from urllib.parse import quote

import pytest
from click.testing import CliRunner

import docsearch
from docsearch.cli import cli

pytest.importorskip("starlette", reason='the web extra is not installed (pip install -e ".[web]")')
pytest.importorskip("httpx2", reason='httpx2 (for the TestClient) is not installed')

from starlette.testclient import TestClient  # noqa: E402

from docsearch.web import create_app  # noqa: E402
from docsearch.web.app import CSP  # noqa: E402

ODUYA = "Marcus Oduya-Bell"
HADDAD = "Abdel Karim Haddad"


@pytest.fixture(scope="module")
def client(sample_index):
    return TestClient(create_app(sample_index))


def cli_json(*args, index):
    result = CliRunner().invoke(cli, [*args, "--json", "--index", str(index.path)])
    assert result.exit_code == 0, result.output
    return result.output


def facet_counts(html, name):
    """The (value, count) pairs of one facet of the sidebar."""
    section = html.split(f'data-facet="{name}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<span class="count" data-value="([^"]*)">(\d+)</span>', section)


# ------------------------------------------------------------------ JSON = CLI

@pytest.mark.parametrize(("url", "args"), [
    ("/search.json?q=harbour", ["search", "harbour"]),
    (f"/search.json?q=harbour&person={quote(ODUYA)}&person={quote(HADDAD)}&sort=date",
     ["search", "harbour", "--person", ODUYA, "--person", HADDAD, "--sort", "date"]),
    ("/search.json?topic=labour&since=2020&until=2023-06&limit=3&page=2&date_facet=month",
     ["search", "--topic", "labour", "--since", "2020", "--until", "2023-06", "--limit", "3",
      "--page", "2", "--date-facet", "month"]),
    ("/search.json?q=harbor", ["search", "harbor"]),
    ("/search.json?person=Puttin", ["search", "--person", "Puttin"]),
    ("/article/c3003557c80e3042.json", ["show", "c3003557c80e3042"]),
    ("/article/c300.json", ["show", "c300"]),
    (f"/person/{quote(ODUYA)}.json", ["person", ODUYA]),
    ("/person/Oduya-Bell.json?limit=2&latest=1", ["person", "Oduya-Bell", "--limit", "2",
                                                  "--latest", "1"]),
])
def test_json_is_what_the_cli_prints(client, sample_index, url, args):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == cli_json(*args, index=sample_index)


@pytest.mark.parametrize(("url", "status", "error"), [
    ("/search.json?page=0", 400, "Invalid value for '--page': 0 is not in the range x>=1."),
    ("/search.json?sort=newest", 400,
     "Invalid value for '--sort': 'newest' is not one of 'relevance', 'date'."),
    ("/search.json?since=spring", 400,
     "since 'spring' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ('/search.json?q=%22harbour', 400, 'unbalanced quote in query: "harbour'),
    ("/article/no-such-id.json", 404, "no article with id 'no-such-id'"),
    ("/person/Puttin.json", 404,
     "no person 'Puttin' in the index (did you mean: Vladimir Putin?)"),
])
def test_json_errors(client, url, status, error):
    response = client.get(url)
    assert response.status_code == status
    assert response.json() == {"error": error}


# ---------------------------------------------------------------------- pages

def test_search_page_shows_hits_facets_and_chips(client, sample_index):
    url = f"/?q=harbour&person={quote(ODUYA)}&person={quote(HADDAD)}"
    html = client.get(url).text
    results = sample_index.search("harbour", people=[ODUYA, HADDAD])
    assert f'data-total="{results.total}"' in html
    for hit in results.hits:
        assert f'href="/article/{quote(hit.id, safe="")}"' in html
    # facet counts as the library gives them, selected values first and ticked
    expected = [(v.value, str(v.count)) for v in results.facets["person"]]
    shown = facet_counts(html, "person")
    assert sorted(shown) == sorted(expected)
    assert shown[:2] == [(ODUYA, "5"), (HADDAD, "4")]
    assert html.count(" checked>") == 2
    # chips remove one value each and keep the rest
    assert (f'href="/?q=harbour&amp;person={quote_plus(HADDAD)}"') in html
    assert (f'href="/?q=harbour&amp;person={quote_plus(ODUYA)}"') in html


def quote_plus(text):
    from urllib.parse import quote_plus as qp
    return qp(text)


def test_search_page_repeated_topics_and_date_zoom(client, sample_index):
    html = client.get("/?topic=labour&topic=health&since=2020&until=2020&date_facet=month")\
        .text
    results = sample_index.search(topics=["labour", "health"], since="2020", until="2020",
                                  date_facet="month")
    assert f'data-total="{results.total}"' in html
    months = re.findall(r'class="bar" data-value="([^"]+)" data-count="(\d+)"', html)
    assert [(m, int(c)) for m, c in months if int(c)] == [
        (v.value, v.count) for v in results.facets["date"]]
    assert 'name="date_facet" value="month"' in html


def test_did_you_mean_links(client):
    html = client.get("/?q=harbor").text
    assert 'Did you mean <a href="/?q=harbour">harbour</a>?' in html
    html = client.get("/?person=Puttin").text
    assert 'href="/?person=Puttin&amp;person=Vladimir+Putin">Vladimir Putin</a>' in html


def test_article_page(client, sample_index):
    article = sample_index.get("c3003557c80e3042")
    html = client.get("/article/c3003557c80e3042").text
    assert "<h1>Union and Port Operator Strike Deal After Four-Day Stoppage</h1>" in html
    assert "<h2>Mayor steps in</h2>" in html  # a section heading of the body
    for name in article.people:
        assert f'href="/person/{quote(name, safe="")}"' in html
    assert 'href="/?topic=labour"' in html
    assert f'<a href="{article.url}" rel="noopener noreferrer nofollow">' in html
    for hit in sample_index.similar(article.id, per_page=5).hits:
        assert f'href="/article/{quote(hit.id, safe="")}"' in html


def test_person_page(client, sample_index):
    profile = sample_index.person(ODUYA)
    html = client.get("/person/Oduya-Bell").text
    assert f"<h1>{ODUYA}</h1>" in html
    assert f'data-count="{profile.articles}"' in html
    bars = re.findall(r'class="bar" data-value="([^"]+)" data-count="(\d+)"', html)
    assert [(m, int(c)) for m, c in bars if int(c)] == [(m.value, m.count)
                                                       for m in profile.months]
    assert len(bars) == 68  # 2019-03 to 2024-10, the empty months included
    for person in profile.people:
        assert f'href="/person/{quote(person.name, safe="")}"' in html


def test_person_page_ambiguous_and_unknown(client, tmp_index):
    tmp_index.add([docsearch.Article(id=f"q{i}", title="Quill story", body="News.",
                                     people=[name]) for i, name in
                   enumerate(["Orla Quill", "Orla Quill", "Ada Quill"])], extract=False)
    client = TestClient(create_app(tmp_index))
    response = client.get("/person/Quill")
    assert response.status_code == 400
    assert "person &#39;Quill&#39; is ambiguous" in response.text
    assert '<a href="/person/Orla%20Quill">Orla Quill</a>' in response.text
    assert '<a href="/person/Ada%20Quill">Ada Quill</a>' in response.text
    response = client.get("/person/Orla%20Quil")
    assert response.status_code == 404
    assert '<a href="/person/Orla%20Quill">Orla Quill</a>' in response.text


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/?page=0", 400, "Invalid value for &#39;--page&#39;: 0 is not in the range x&gt;=1."),
    ("/?page=two", 400, "Invalid value for &#39;--page&#39;: &#39;two&#39; is not a valid "
                        "integer range."),
    ("/?until=2020&since=2021", 400, "since (2021-01-01) is after until (2020-12-31)"),
    ("/?q=title:", 400, None),
    ("/article/no-such-id", 404, "no article with id &#39;no-such-id&#39;"),
    ("/nowhere", 404, "no such page"),
])
def test_error_pages(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert "Traceback" not in response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    if message:
        assert f'<p class="message" id="message">{message}</p>' in response.text


def test_bad_page_message_is_the_clis(client, sample_index):
    result = CliRunner().invoke(cli, ["search", "--page", "two", "--index",
                                      str(sample_index.path)])
    assert result.exit_code == 2
    html = client.get("/?page=two").text
    message = re.search(r'id="message">(.*?)</p>', html).group(1)
    assert "Error: " + message.replace("&#39;", "'") == result.output.strip()


def test_read_only_and_headers(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/").status_code == 405
    for url in ("/", "/article/c3003557c80e3042", "/person/Oduya-Bell", "/search.json",
                "/nowhere", "/static/style.css"):
        response = client.get(url)
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP


def test_no_inline_script_or_style(client):
    for url in ("/", "/article/c3003557c80e3042", "/person/Oduya-Bell", "/?page=0"):
        html = client.get(url).text
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"\son[a-z]+=", html)


# ------------------------------------------------------------ hostile articles

HOSTILE_TITLE = 'Mayor <script>alert("t")</script> resigns'
HOSTILE_BODY = ("Residents were told <script>alert('x')</script> on Monday.\n\n"
                "## <img src=x onerror=alert(1)>\n\n"
                "Bell \x07 and escape \x1b[31m red and C1 \x9b text, "
                "<a href=\"javascript:alert(2)\">click</a> here.")


@pytest.fixture
def hostile(tmp_index):
    tmp_index.add(docsearch.Article(
        id="evil-1", title=HOSTILE_TITLE, body=HOSTILE_BODY, url="javascript:alert(3)",
        source='Src"><script>alert(4)</script>', people=["Eve <b>Mallory</b>"],
        topics=["<i>topic</i>"], published="2024-01-02"), extract=False)
    tmp_index.add(docsearch.Article(id="evil-2", title="Resigns again", body="Mayor resigns.",
                                    url="data:text/html,<script>alert(5)</script>"),
                  extract=False)
    return TestClient(create_app(tmp_index))


def _no_markup_from_articles(html):
    assert "<script>" not in html
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert "\x07" not in html and "\x1b" not in html and "\x9b" not in html


def test_hostile_article_is_inert_everywhere(hostile):
    pages = ["/?q=resigns", "/?q=script", "/?q=residents", "/article/evil-1",
             "/article/evil-2", f"/person/{quote('Eve <b>Mallory</b>')}",
             "/?source=" + quote('Src"><script>alert(4)</script>')]
    for url in pages:
        response = hostile.get(url)
        assert response.status_code == 200, url
        _no_markup_from_articles(response.text)
    html = hostile.get("/article/evil-1").text
    assert "Mayor &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; resigns" in html
    assert "<h2>&lt;img src=x onerror=alert(1)&gt;</h2>" in html
    assert "Bell \\x07 and escape \\x1b[31m red and C1 \\x9b text" in html
    assert '<span class="inert">javascript:alert(3)</span>' in html


def test_hostile_snippet_keeps_only_marks(hostile):
    html = hostile.get("/?q=residents").text
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.DOTALL).group(1)
    assert re.findall(r"<[^>]+>", snippet) == ["<mark>", "</mark>"]
    assert "&lt;script&gt;" in snippet


def test_hostile_json_is_the_clis(hostile, tmp_index):
    response = hostile.get("/article/evil-1.json")
    assert response.text == cli_json("show", "evil-1", index=tmp_index)
    assert "\\u009b" in response.text and "\\u001b" in response.text


# ------------------------------------------------------------- a changing index

def test_changes_to_the_index_show_at_the_next_request(tmp_path, sample_copy):
    path = tmp_path / "index"
    ix = docsearch.open(path, create=True)
    ix.sync([sample_copy])
    client = TestClient(create_app(ix))
    assert client.get("/search.json").json()["total"] == 35
    writer = docsearch.open(path)
    writer.add(docsearch.Article(id="late-1", title="Late news", body="Ferry returns."))
    assert client.get("/search.json").json()["total"] == 36
    (sample_copy / "tidal-turbine-prototype.html").unlink()
    writer.rebuild()
    writer.close()
    assert client.get("/search.json").json()["total"] == 35  # late-1 is kept
    assert client.get("/article/c3003557c80e3042").status_code == 200
    assert client.get("/?q=ferry").status_code == 200
    ix.close()


# -------------------------------------------------------------------- the CLI

def test_serve_defaults_to_loopback_and_serves_the_index(monkeypatch, sample_index):
    calls = []
    import docsearch.web.server as server
    monkeypatch.setattr(server, "serve", lambda ix, **kw: calls.append((str(ix.path), kw)))
    result = CliRunner().invoke(cli, ["serve", "--index", str(sample_index.path)])
    assert result.exit_code == 0, result.output
    [(path, options)] = calls
    assert path == str(sample_index.path)
    assert (options["host"], options["port"], options["open_browser"], options["workers"]) == (
        "127.0.0.1", 8080, False, 1)


def test_serve_with_two_worker_processes(sample_index):
    import socket
    import time
    import urllib.request
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "docsearch", "serve", "--index",
                               str(sample_index.path), "--port", str(port), "--workers", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/search.json?q=tapestry",
                                            timeout=5) as response:
                    assert json.loads(response.read())["total"] == 1
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=15)
    assert b"2 processes" in err


def test_serve_without_the_web_extra_is_one_line(monkeypatch, sample_index):
    monkeypatch.setitem(sys.modules, "docsearch.web.server", None)
    result = CliRunner().invoke(cli, ["serve", "--index", str(sample_index.path)])
    assert result.exit_code == 2
    assert result.output == 'Error: the web app needs: pip install "docsearch[web]"\n'


def test_cli_help_does_not_import_the_web_stack():
    code = ("import sys; from click.testing import CliRunner; from docsearch.cli import cli; "
            "CliRunner().invoke(cli, ['--help']); "
            "print(sorted(m for m in ('starlette', 'jinja2', 'uvicorn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_running_server_answers_on_loopback(sample_index):
    import urllib.request

    from docsearch.web.server import running
    with running(sample_index) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "/search.json?q=tapestry", timeout=10) as response:
            assert json.loads(response.read())["total"] == 1
