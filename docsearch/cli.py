"""The ``docsearch`` command: each command parses its options, makes one library call
and prints the result as text or, with ``--json``, as the documented JSON.

Exit status: 0 on success; 1 when ``index`` skipped files it could not read;
1 when ``check`` found drift it did not repair; 2 for a bad option, a malformed
query, an unknown facet, a bad date, a missing or locked index or any other
error, with a one-line message on stderr.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NoReturn

import click

# Only light names at the top (defaults, errors, text output): each command imports
# what it uses, so that --help, --version and search start fast.
from docsearch import (
    DEBOUNCE_MS,
    DEFAULT_FACETS,
    DEFAULT_LOCK_TIMEOUT,
    EXPORT_FORMATS,
    FACET_NAMES,
    ConfigError,
    DocsearchError,
    output,
)
from docsearch.cli_options import (
    allow_empty_option,
    batch_option,
    filter_options,
    index_option,
    json_option,
    lock_timeout_option,
    page_options,
    recency_option,
    taxonomy_option,
    zero_means_all,
)
from docsearch.config import CONFIG_NAME, TOP, read_config

if TYPE_CHECKING:
    from docsearch import Index, IndexReport

class CliError(click.ClickException):
    """A library error shown as one line, exit status 2."""

    exit_code = 2


class DocsearchGroup(click.Group):
    """A group whose usage errors are one line (``Error: ...``) with exit status 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            _fail(f"Error: {exc.format_message()}", exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            _fail("Aborted.", 1)
        except KeyboardInterrupt:
            _fail("Interrupted.", 130)
        sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


@contextlib.contextmanager
def library_errors() -> Iterator[None]:
    """Turn the library's errors into one-line CLI errors (control characters escaped)."""
    try:
        yield
    except DocsearchError as exc:
        raise CliError(output.safe(str(exc))) from None


def _color() -> bool | None:
    return False if os.environ.get("NO_COLOR") else None


def echo(text: str = "", err: bool = False) -> None:
    click.echo(text, err=err, color=_color())


#: The context object :func:`main` gives the commands: they run in a process of their own.
_OWN_PROCESS = {"own_process": True}


def _answers_once() -> None:
    """For a command that answers once and ends (search, similar, show, person,
    stats), run by the console script: the cyclic garbage collector is switched off
    (its young collections while the engine's modules load cost ~13 ms of a search;
    the few cycles such a command leaves end with the process). In a caller's
    process (the library, click's test runner) it stays as it is."""
    if (click.get_current_context().obj or {}).get("own_process"):
        gc.disable()


def _open(path: str, create: bool = False, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
          taxonomy_file: str | None = None, engine: str | None = None,
          shards: int | None = None, replicas: int | None = None) -> Index:
    from docsearch import open as open_index

    with library_errors():
        taxonomy = None
        if taxonomy_file:  # the extraction package: only for a taxonomy file
            from docsearch import load_taxonomy

            taxonomy = load_taxonomy(taxonomy_file)
        return open_index(path, create=create, lock_timeout=lock_timeout, taxonomy=taxonomy,
                          engine=engine, shards=shards, replicas=replicas)


@contextlib.contextmanager
def _progress(verb: str, quiet: bool) -> Iterator[output.ProgressLine]:
    """A progress line on stderr while a long command runs (a terminal only)."""
    line = output.ProgressLine(verb, sys.stderr, enabled=not quiet)
    try:
        yield line
    finally:
        line.close()


def _print_report(report: IndexReport, as_json: bool, quiet: bool) -> int:
    if as_json:
        echo(output.render_json(report.to_dict()))
    else:
        summary = output.render_report(report, lambda line: echo(line, err=True))
        if not quiet or report.failed:
            echo(summary, err=bool(report.failed) and quiet)
    return 0 if report.ok else 1


@click.group(cls=DocsearchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="docsearch", prog_name="docsearch")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), metavar="FILE",
              help=f"Read default options from FILE (default: ./{CONFIG_NAME} if there).")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None) -> None:
    """Search news articles by words, people, dates and topics.

    \b
    Start with:  docsearch index sample_docs
    Then:        docsearch search "sanctions" --person "Vladimir Putin"

    Options can be given defaults in docsearch.toml (see docs/guide.md).
    """
    path = config_file or (CONFIG_NAME if os.path.isfile(CONFIG_NAME) else None)
    if path is not None:
        with library_errors():
            ctx.default_map = default_map(read_config(path), path)


def _settings(command: click.Command) -> dict[str, click.Option]:
    """A command's options by their config key (long name, ``_`` for ``-``)."""
    out: dict[str, click.Option] = {}
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            out[longest.lstrip("-").replace("-", "_")] = param
    return out


def default_map(config: dict[str, dict[str, Any]], path: str) -> dict[str, dict[str, Any]]:
    """Click's ``default_map`` from config settings, each key and value checked
    against the commands' options (a :class:`ConfigError` names the file)."""
    commands = {name: _settings(command) for name, command in cli.commands.items()}
    out: dict[str, dict[str, Any]] = {name: {} for name in commands}

    def put(section: str, name: str, key: str, value: Any) -> None:
        param = commands[name][key]
        try:
            if param.multiple and not isinstance(value, list):
                raise click.BadParameter("expected a list")
            values = value if param.multiple else [value]
            for item in values:
                param.type.convert(item, param, None)
        except click.BadParameter as exc:
            raise ConfigError(f"{path}: {section}{key}: {exc.format_message()}") from None
        out[name][param.name or key] = value

    for key, value in config.get(TOP, {}).items():
        having = [name for name, settings in commands.items() if key in settings]
        if not having:
            raise ConfigError(f"{path}: unknown setting '{key}' (no command has --"
                              f"{key.replace('_', '-')})")
        for name in having:
            put("", name, key, value)
    for section, settings in config.items():
        if section == TOP:
            continue
        if section not in commands:
            raise ConfigError(f"{path}: unknown command [{section}] "
                              f"(commands: {', '.join(sorted(commands))})")
        for key, value in settings.items():
            if key not in commands[section]:
                raise ConfigError(f"{path}: [{section}] unknown setting '{key}' (settings: "
                                  f"{', '.join(sorted(commands[section]))})")
            put(f"[{section}] ", section, key, value)
    return {name: values for name, values in out.items() if values}


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@index_option
@json_option
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@click.option("-n", "--dry-run", is_flag=True, help="Show what would change; write nothing.")
@allow_empty_option
@taxonomy_option
@lock_timeout_option
@batch_option
@click.option("--engine", metavar="NAME",
              help="Engine a new index is made with (default: whoosh; see docsearch "
                   "engines). An existing index keeps its own.")
@click.option("--shards", type=click.IntRange(min=1), metavar="N",
              help="Shards of a new Solr index (default 2).")
@click.option("--replicas", type=click.IntRange(min=1), metavar="N",
              help="Replicas of each shard of a new Solr index (default 2).")
def index_cmd(paths: tuple[str, ...], index_path: str, as_json: bool, quiet: bool,
              dry_run: bool, allow_empty: bool, taxonomy_file: str | None,
              lock_timeout: float, batch_size: int, engine: str | None,
              shards: int | None, replicas: int | None) -> int:
    """Bring the index in step with article files and folders (created if missing).

    Markdown (.md), plain text (.txt), HTML (.html) and JSON Lines (.jsonl) files
    are read; folders are searched recursively. New and changed files are read,
    deleted ones leave the index, unchanged ones are not read again. A file that
    cannot be read is reported and skipped (exit status 1).
    """
    with _open(index_path, not dry_run, lock_timeout,
               taxonomy_file, engine, shards, replicas) as ix, library_errors(), \
            _progress("indexing", quiet) as progress:
        report = ix.sync(paths, dry_run=dry_run, batch_size=batch_size, progress=progress,
                         allow_empty=allow_empty)
    return _print_report(report, as_json, quiet)


@cli.command("rebuild")
@click.argument("paths", nargs=-1, type=click.Path())
@index_option
@json_option
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@allow_empty_option
@taxonomy_option
@lock_timeout_option
@batch_option
def rebuild_cmd(paths: tuple[str, ...], index_path: str, as_json: bool, quiet: bool,
                allow_empty: bool, taxonomy_file: str | None, lock_timeout: float,
                batch_size: int) -> int:
    """Build the index again from scratch, beside the live one, and swap it in.

    PATHS default to the folders indexed before. Searches keep working during the
    rebuild; if it fails, the live index is left as it was.
    """
    with _open(index_path, False, lock_timeout, taxonomy_file) as ix, library_errors(), \
            _progress("rebuilding", quiet) as progress:
        report = ix.rebuild(paths or None, batch_size=batch_size, progress=progress,
                            allow_empty=allow_empty)
    return _print_report(report, as_json, quiet)


@cli.command("watch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@index_option
@click.option("--debounce", type=click.IntRange(50), default=DEBOUNCE_MS, show_default=True,
              metavar="MS", help="Gather changes this many milliseconds before a sync.")
@click.option("--polling", is_flag=True,
              help="Poll for changes (for network and container file systems).")
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help="Print each sync's report as one JSON line (the index --json fields "
                   "plus time).")
@taxonomy_option
@lock_timeout_option
def watch_cmd(paths: tuple[str, ...], index_path: str, debounce: int, polling: bool,
              as_jsonl: bool, taxonomy_file: str | None, lock_timeout: float) -> int:
    """Index PATHS, then keep the index in step as files appear, change or go.

    Prints a line per sync; Ctrl-C stops cleanly.
    """
    with _open(index_path, True, lock_timeout, taxonomy_file) as ix:
        echo(f"watching {', '.join(paths)} (Ctrl-C stops)", err=True)
        try:
            with library_errors():
                for report in ix.watch(paths, debounce_ms=debounce,
                                       force_polling=polling or None):
                    now = dt.datetime.now().astimezone()
                    if as_jsonl:
                        record = {"time": now.isoformat(timespec="seconds"),
                                  **report.to_dict()}
                        echo(output.render_json(record, indent=None))
                        continue
                    summary = output.render_report(report, lambda line: echo(line, err=True))
                    echo(f"{now.strftime('%H:%M:%S')} {summary}")
        except KeyboardInterrupt:
            echo("stopped", err=True)
    return 0


@cli.command("check")
@index_option
@json_option
@click.option("--repair", is_flag=True, help="Fix what the check finds.")
@click.option("--deep", is_flag=True,
              help="Compare every file's content (SHA-256), not only its size and time.")
@lock_timeout_option
def check_cmd(index_path: str, as_json: bool, repair: bool, deep: bool,
              lock_timeout: float) -> int:
    """Verify the index against the files it was built from.

    Reports articles missing from the index, files deleted or changed since they
    were indexed (by size and modification time, as git compares; --deep reads
    every file); --repair fixes them, and says why where it cannot. Exit status 1
    when drift is found and not repaired.
    """
    with _open(index_path, False, lock_timeout) as ix, library_errors():
        report = ix.check(repair=repair, deep=deep)
    echo(output.render_json(report.to_dict()) if as_json else output.render_check(report))
    return 0 if report.ok or report.repaired else 1


@cli.command("search")
@click.argument("query", nargs=-1)
@filter_options
@click.option("--author", "authors", multiple=True, metavar="NAME",
              help="Only articles by this author (repeat: any of them).")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance",
              show_default=True, help="Order of hits (date: newest first).")
@page_options
@click.option("--facet", "facets", multiple=True, type=click.Choice(FACET_NAMES),
              help="Facets to count (repeat; default: person, topic, source, date).")
@click.option("--date-facet", type=click.Choice(["year", "month", "day"]), default="year",
              show_default=True, help="Bucket size of the date facet.")
@click.option("--facet-limit", type=click.IntRange(0), default=10, show_default=True,
              callback=zero_means_all,
              help="Values shown per facet (0: all; the date facet shows all).")
@click.option("--match", type=click.Choice(["all", "any"]), default="all", show_default=True,
              help="Whether hits need all the words or any (more of them rank higher).")
@click.option("--plain", is_flag=True,
              help="Read QUERY as plain words: no operators, fields or wildcards.")
@recency_option
@index_option
@json_option
def search_cmd(query: tuple[str, ...], people: tuple[str, ...], topics: tuple[str, ...],
               sources: tuple[str, ...], authors: tuple[str, ...], since: str | None,
               until: str | None, sort: str, limit: int, page: int, facets: tuple[str, ...],
               date_facet: str, facet_limit: int | None, match: str, plain: bool,
               recency: float | None, index_path: str, as_json: bool) -> int:
    """Search the index; QUERY uses the Whoosh query language.

    \b
    Words must all match:    putin sanctions
    Either word:             putin OR biden
    Exact phrase:            "economic sanctions"
    In one field:            title:ukraine  person:"Joe Biden"  topic:sport
    Wildcard and fuzzy:      sanct*  putni~
    Dates:                   date:2021  date:[2020 to 2021]

    Without a QUERY, every article matches (newest first).
    """
    _answers_once()
    from docsearch import Ranking

    with _open(index_path) as ix, library_errors():
        results = ix.search(" ".join(query), people=people, topics=topics, sources=sources,
                            authors=authors, since=since, until=until, sort=sort,
                            page=page, per_page=limit, facets=facets or DEFAULT_FACETS,
                            date_facet=date_facet, facet_limit=facet_limit, match=match,
                            plain=plain, ranking=Ranking(recency_days=recency))
    if as_json:
        echo(output.render_json(results.to_dict()))
        return 0
    label = output.describe_search(results.query, {
        "person": people, "topic": topics, "source": sources, "author": authors,
        "since": (since,) if since else (), "until": (until,) if until else ()})
    echo(output.render_results(results, label=label))
    return 0


@cli.command("similar")
@click.argument("article_id", metavar="ID")
@filter_options
@page_options
@recency_option
@index_option
@json_option
def similar_cmd(article_id: str, people: tuple[str, ...], topics: tuple[str, ...],
                sources: tuple[str, ...], since: str | None, until: str | None, limit: int,
                page: int, recency: float | None, index_path: str, as_json: bool) -> int:
    """Articles most like the article ID (a unique prefix is enough), itself left out."""
    _answers_once()
    from docsearch import Ranking

    with _open(index_path) as ix, library_errors():
        results = ix.similar(article_id, people=people, topics=topics, sources=sources,
                             since=since, until=until, page=page, per_page=limit,
                             ranking=Ranking(recency_days=recency))
    label = output.describe_search("", {
        "person": people, "topic": topics, "source": sources,
        "since": (since,) if since else (), "until": (until,) if until else ()})
    echo(output.render_json(results.to_dict()) if as_json else output.render_results(
        results, label=label.replace("all articles", f"articles like {article_id}", 1)))
    return 0


@cli.command("show")
@click.argument("article_id", metavar="ID")
@index_option
@json_option
def show_cmd(article_id: str, index_path: str, as_json: bool) -> int:
    """Show one article (ID as printed by search; a unique prefix is enough)."""
    _answers_once()
    with _open(index_path) as ix, library_errors():
        article = ix.get(article_id)
    echo(output.render_json(article.to_dict()) if as_json else output.render_article(article))
    return 0


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl",
              show_default=True,
              help="One JSON object a line, one JSON array, or CSV (for spreadsheets).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--query", "query", default="", metavar="QUERY",
              help="Export only the articles matching QUERY (the search query language).")
@filter_options
@click.option("--author", "authors", multiple=True, metavar="NAME",
              help="Only articles by this author (repeat: any of them).")
@index_option
def export_cmd(fmt: str, output: str | None, query: str, people: tuple[str, ...],
               topics: tuple[str, ...], sources: tuple[str, ...], since: str | None,
               until: str | None, authors: tuple[str, ...], index_path: str) -> int:
    """Write every article (or those matching --query and the filters), in id order,
    with its extracted fields.

    `docsearch index EXPORT.jsonl` (into another index) reads a JSON Lines export
    back exactly: ids, people, topics, paths and every other field as they are.
    CSV is for spreadsheets and is not read back.
    """
    with _open(index_path) as ix, library_errors():
        count = ix.export(sys.stdout if output is None else output, fmt, query=query,
                          people=people, topics=topics, sources=sources, authors=authors,
                          since=since, until=until)
    if output is not None:
        echo(f"{count} article{'s' * (count != 1)} written to {output}", err=True)
    return 0


@cli.command("facets")
@click.argument("names", nargs=-1, type=click.Choice(FACET_NAMES), metavar="[FACET]...")
@click.option("--date-facet", type=click.Choice(["year", "month", "day"]), default="year",
              show_default=True, help="Bucket size of the date facet.")
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True,
              callback=zero_means_all,
              help="Values per facet (0: all; the date facet shows all).")
@click.option("--query", "query", default="", metavar="QUERY",
              help="Count only the articles matching QUERY (the search query language).")
@filter_options
@index_option
@json_option
def facets_cmd(names: tuple[str, ...], date_facet: str, limit: int | None, query: str,
               people: tuple[str, ...], topics: tuple[str, ...], sources: tuple[str, ...],
               since: str | None, until: str | None, index_path: str, as_json: bool) -> int:
    """Count the articles of the whole index by person, topic, source, author or date.

    FACET is one or more of: person, topic, source, author, date (default: person,
    topic, source, date). With filters, only the matching articles are counted:
    `docsearch facets date --person "Ada Lind" --date-facet month` shows when a
    person was in the news.
    """
    with _open(index_path) as ix, library_errors():
        facets = ix.facets(names or DEFAULT_FACETS, query=query, date_facet=date_facet,
                           limit=limit, people=people, topics=topics,
                           sources=sources, since=since, until=until)
    if as_json:
        echo(output.render_json({k: [v.to_dict() for v in vs] for k, vs in facets.items()}))
    else:
        echo(output.render_facets(facets))
    return 0


@cli.command("person")
@click.argument("name")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True,
              help="People, topics and sources listed.")
@click.option("--latest", type=click.IntRange(0, 1000), default=5, show_default=True,
              help="Newest articles listed.")
@index_option
@json_option
def person_cmd(name: str, limit: int, latest: int, index_path: str, as_json: bool) -> int:
    """When a person was in the news, with whom, on which topics.

    NAME is a full name or a surname (as --person takes it). Shows the articles per
    month, first and last mention, the people most often mentioned with them (with
    their lift: how many times more often than chance), their topics, sources and
    latest articles.
    """
    _answers_once()
    with _open(index_path) as ix, library_errors():
        profile = ix.person(name, limit=limit, latest=latest)
    echo(output.render_json(profile.to_dict()) if as_json else output.render_person(profile))
    return 0


WEB_EXTRA = 'the web app needs: pip install "docsearch[web]"'


@cli.command("serve")
@index_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default lets only this machine in).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the search page in a browser.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              metavar="N", help="Processes serving requests in parallel.")
def serve_cmd(index_path: str, host: str, port: int, open_browser: bool, workers: int) -> int:
    """Serve a read-only web app over the index: a search page with facets, article
    pages and person pages, and their JSON (/search.json, /article/ID.json,
    /person/NAME.json). Needs the web extra: pip install "docsearch[web]".
    """
    try:
        from docsearch.web.server import serve
    except ImportError:
        raise CliError(WEB_EXTRA) from None
    with _open(index_path) as ix, library_errors():
        serve(ix, host=host, port=port, open_browser=open_browser, workers=workers,
              announce=lambda line: echo(line, err=True))
    return 0


@cli.command("engines")
@json_option
def engines_cmd(as_json: bool) -> int:
    """List the engines an index can be made with: installed or not, the default,
    and how to install each (pip install "docsearch[NAME]")."""
    from docsearch import available_engines

    engines = available_engines()
    echo(output.render_json({"engines": [e.to_dict() for e in engines]}) if as_json
         else output.render_engines(engines))
    return 0


@cli.command("stats")
@index_option
@json_option
def stats_cmd(index_path: str, as_json: bool) -> int:
    """Show the size and contents of the index."""
    _answers_once()
    with _open(index_path) as ix, library_errors():
        stats = ix.stats()
    echo(output.render_json(stats.to_dict()) if as_json else output.render_stats(stats))
    return 0


def main() -> None:
    """Entry point of the ``docsearch`` console script. When the command ends, what it
    left on the heap is frozen (:func:`gc.freeze`): the interpreter's last full
    collection, at the exit, then walks none of it (~30 ms after a search has
    imported numpy and Whoosh). The exit status, the output, ``atexit`` handlers and
    the modules' teardown are as they were; only garbage in reference cycles is left
    to the end of the process (Python does not promise to finalize it at exit)."""
    try:
        cli(prog_name="docsearch", obj=_OWN_PROCESS)
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
