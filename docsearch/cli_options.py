"""The options several ``docsearch`` commands share (index, output, locking, filters,
paging), as decorators; each command's own options stay beside it in :mod:`docsearch.cli`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from docsearch.defaults import BATCH_SIZE, DEFAULT_INDEX, DEFAULT_LOCK_TIMEOUT

F = TypeVar("F", bound=Callable[..., Any])


def index_option(fn: F) -> F:
    return click.option(
        "--index", "index_path", default=DEFAULT_INDEX, show_default=True,
        envvar="DOCSEARCH_INDEX", metavar="PATH",
        help="Index folder (or set DOCSEARCH_INDEX).")(fn)


def json_option(fn: F) -> F:
    return click.option("--json", "as_json", is_flag=True,
                        help="Print JSON (the documented, stable format).")(fn)


def lock_timeout_option(fn: F) -> F:
    return click.option(
        "--lock-timeout", type=click.FloatRange(0), default=DEFAULT_LOCK_TIMEOUT,
        show_default=True, envvar="DOCSEARCH_LOCK_TIMEOUT", metavar="SECONDS",
        help="How long to wait for another writer to finish (or set "
             "DOCSEARCH_LOCK_TIMEOUT).")(fn)


def taxonomy_option(fn: F) -> F:
    return click.option(
        "--taxonomy", "taxonomy_file", type=click.Path(dir_okay=False), metavar="FILE",
        help="Topics from this taxonomy TOML file instead of the bundled IPTC one.")(fn)


def batch_option(fn: F) -> F:
    return click.option(
        "--batch-size", type=click.IntRange(1), default=BATCH_SIZE, show_default=True,
        metavar="N", help="Articles per commit (a stopped run keeps every commit).")(fn)


def allow_empty_option(fn: F) -> F:
    return click.option(
        "--allow-empty", is_flag=True,
        help="Let a folder that lists no file now (an unmounted disk?) remove the "
             "articles its files gave; without it, such a folder is reported and "
             "nothing is removed.")(fn)


def zero_means_all(ctx: click.Context, param: click.Parameter, value: int) -> int | None:
    """The value of a count option where 0 means all (``None`` to the library)."""
    return value or None


def filter_options(fn: F) -> F:
    """--person, --topic, --source, --since, --until (search and similar)."""
    for option in reversed([
        click.option("--person", "people", multiple=True, metavar="NAME",
                     help="Only articles mentioning this person (repeat: any of them)."),
        click.option("--topic", "topics", multiple=True, metavar="TOPIC",
                     help="Only articles on this topic (repeat: any of them)."),
        click.option("--source", "sources", multiple=True, metavar="SOURCE",
                     help="Only articles from this source (repeat: any of them)."),
        click.option("--since", metavar="DATE",
                     help="Published on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE",
                     help="Published on or before DATE (YYYY[-MM[-DD]])."),
    ]):
        fn = option(fn)
    return fn


def page_options(fn: F) -> F:
    """--limit and --page."""
    fn = click.option("--page", type=click.IntRange(1), default=1, show_default=True,
                      help="Page of hits to show.")(fn)
    return click.option("--limit", type=click.IntRange(1, 1000), default=10,
                        show_default=True, help="Hits per page.")(fn)


def recency_option(fn: F) -> F:
    return click.option(
        "--recency", type=click.FloatRange(min=0, min_open=True), metavar="DAYS",
        help="Favour recent articles: a score is worth up to twice as much, the bonus "
             "halving every DAYS days before the newest article.")(fn)
