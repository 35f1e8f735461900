"""The read-only web app of ``docsearch serve`` (needs ``pip install "docsearch[web]"``).

A search page with a facet sidebar (``/``), article pages (``/article/ID``) and
person pages (``/person/NAME``), with their JSON (``/search.json``,
``/article/ID.json``, ``/person/NAME.json``: what ``docsearch search/show/person
--json`` print). Built only on the public ``docsearch`` API, so it serves any
index whatever its engine: ``app.py`` the routes, ``params.py`` the URL
parameters, ``pages.py`` what the templates show, ``server.py`` uvicorn.
"""

from __future__ import annotations

from docsearch.web.app import create_app

__all__ = ["create_app"]
