"""The routes of ``docsearch serve``: the search page, article and person pages and
their JSON, over the public ``docsearch`` API only (every engine).

Read-only: every route answers GET (and HEAD) only. A bad parameter or query gives
a 400 page with the CLI's one-line message, an unknown article or person a 404;
never a traceback. The JSON routes return the bytes ``docsearch search/show/person
--json`` print. The one :class:`~docsearch.Index` is shared by the requests, which
the handlers (coroutines) serve one at a time; each search sees the latest commit
of the index, a rebuild's new generation included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from docsearch import (
    AmbiguousPersonError,
    ArticleNotFoundError,
    DocsearchError,
    Index,
    PersonNotFoundError,
)
from docsearch.models import format_published
from docsearch.output import render_json, safe
from docsearch.web import pages
from docsearch.web.params import SearchParams, article_url, convert, person_url

__all__ = ["CSP", "create_app"]

HERE = Path(__file__).parent

#: No inline script or style, nothing from elsewhere, no framing, forms to us only.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


def _finalize(value: Any) -> Any:
    """Every printed string with its control characters made visible."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return safe(value)
    return value


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      finalize=_finalize, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(snippet=pages.snippet_html, body=pages.body_html,
                       day=lambda d: (format_published(d) or "no date")[:10])
    env.globals.update(article_url=article_url, person_url=person_url,
                       link_url=pages.link_url)
    return env


class App:
    """The handlers, over one open index."""

    def __init__(self, ix: Index) -> None:
        self.ix = ix
        self.env = _environment()

    def page(self, template: str, code: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=code)

    def error(self, code: int, message: str, **context: Any) -> HTMLResponse:
        return self.page("error.html", code, status=code, message=message, **context)

    # ------------------------------------------------------------------ pages

    async def search(self, request: Request) -> Response:
        try:
            params = SearchParams.read(request.query_params)
            results = self.ix.search(params.q, **params.search_kwargs())
        except AmbiguousPersonError as exc:
            return self.error(400, str(exc), candidates=exc.candidates)
        except DocsearchError as exc:
            return self.error(400, str(exc))
        facets = {name: pages.facet_items(results.facets.get(name, ()),
                                          params.filters.get(name, ()))
                  for name in ("person", "topic", "source", "author")
                  if results.facets.get(name) or params.filters.get(name)}
        bars = pages.date_bars(results.facets.get("date", ()),
                               lambda label: _zoom(params, label))
        return self.page("search.html", params=params, results=results, facets=facets,
                         bars=bars, first=(results.page - 1) * results.per_page + 1)

    async def article(self, request: Request) -> Response:
        try:
            article = self.ix.get(request.path_params["id"])
            similar = self.ix.similar(article.id, per_page=5, snippets=False)
        except ArticleNotFoundError as exc:
            return self.error(404, str(exc))
        return self.page("article.html", article=article, similar=similar.hits)

    async def person(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            profile = self.ix.person(name, **_person_options(request))
        except AmbiguousPersonError as exc:
            return self.error(400, str(exc), candidates=exc.candidates)
        except PersonNotFoundError as exc:
            return self.error(404, str(exc), suggestions=exc.suggestions)
        except DocsearchError as exc:
            return self.error(400, str(exc))
        bars = pages.date_bars(profile.months, lambda month: SearchParams(
            filters={"person": (profile.name,)}, since=month, until=month).url(), width=600)
        return self.page("person.html", profile=profile, bars=bars)

    # ------------------------------------------------------------------- JSON

    async def search_json(self, request: Request) -> Response:
        def answer() -> Any:
            params = SearchParams.read(request.query_params)
            return self.ix.search(params.q, **params.search_kwargs()).to_dict()
        return _json(answer)

    async def article_json(self, request: Request) -> Response:
        return _json(lambda: self.ix.get(request.path_params["id"]).to_dict())

    async def person_json(self, request: Request) -> Response:
        return _json(lambda: self.ix.person(request.path_params["name"],
                                            **_person_options(request)).to_dict())

    async def http_error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = {404: "no such page", 405: "this server only reads (GET)"}.get(
            status, "the server could not answer")
        return self.error(status, message)


def _zoom(params: SearchParams, label: str) -> str:
    """A date bar's link: that year by month, that month by day, or that day."""
    finer = {4: "month", 7: "day"}.get(len(label), params.date_facet)
    return params.url(since=label, until=label, date_facet=finer)


def _person_options(request: Request) -> dict[str, int]:
    query = request.query_params
    return {"limit": convert(click.IntRange(1), "--limit", query.get("limit", "10")),
            "latest": convert(click.IntRange(0, 1000), "--latest", query.get("latest", "5"))}


def _json(answer: Any) -> Response:
    """The JSON ``answer()`` gives, as the CLI prints it; an error as
    ``{"error": message}`` (404 for an unknown article or person, else 400)."""
    try:
        data, status = answer(), 200
    except (ArticleNotFoundError, PersonNotFoundError) as exc:
        data, status = {"error": str(exc)}, 404
    except DocsearchError as exc:
        data, status = {"error": str(exc)}, 400
    return Response(render_json(data) + "\n", status_code=status,
                    media_type="application/json")


class SecurityHeaders:
    """ASGI middleware: the CSP and related headers on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)
        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


def create_app(ix: Index) -> Any:
    """The web app (an ASGI application) over the open index ``ix``."""
    app = App(ix)
    routes = [
        Route("/", app.search),
        Route("/search.json", app.search_json),
        Route("/article/{id:path}.json", app.article_json),
        Route("/article/{id:path}", app.article),
        Route("/person/{name:path}.json", app.person_json),
        Route("/person/{name:path}", app.person),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    starlette = Starlette(routes=routes, exception_handlers={
        404: app.http_error, 405: app.http_error, 500: app.http_error})
    return SecurityHeaders(starlette)
