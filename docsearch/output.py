"""Text rendering for the terminal: search results, facet tables, an article,
index statistics and indexing reports. No library calls here, only formatting.

Text that comes from articles or files (titles, bodies, names, paths, ids, facet
values, reasons) goes through :func:`safe` before it is styled, so that it cannot
drive the terminal: each control character (C0, DEL and C1) is printed as a
visible ``\\xNN`` escape (ESC as the four characters ``\\x1b``); the styles of
our own stay.
"""

from __future__ import annotations

import textwrap
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # the command line imports only what a command needs (--help and
    # --version not even the models: they are imported where used)
    from docsearch.check import CheckReport
    from docsearch.engines import EngineInfo
    from docsearch.index import IndexStats
    from docsearch.models import Article, FacetValue, SearchResults
    from docsearch.person import PersonProfile
    from docsearch.sync import IndexReport

__all__ = ["render_article", "render_engines", "render_facets", "render_json",
           "render_person", "render_report", "render_results", "render_stats", "safe"]

_WIDTH = 88
_BAR = 30


def _escapes(keep: str) -> dict[int, str]:
    codes = [*range(0x20), *range(0x7f, 0xa0)]
    return {c: f"\\x{c:02x}" for c in codes if chr(c) not in keep}


_ESCAPES = _escapes("")
_ESCAPES_LAYOUT = _escapes("\n\t")


def safe(text: str, layout: bool = False) -> str:
    """``text`` with every control character (C0, DEL, C1) written as a visible
    ``\\xNN`` escape, so that article text cannot drive the terminal;
    ``layout`` keeps newlines and tabs (a body's paragraphs)."""
    return text.translate(_ESCAPES_LAYOUT if layout else _ESCAPES)


def render_json(data: Any, indent: int | None = 2) -> str:
    """Stable, readable JSON (one line with ``indent=None``), through
    :func:`docsearch.models.json_text`: control characters escaped."""
    from docsearch.models import json_text

    return json_text(data, indent=indent)


def _bold(text: str) -> str:
    return click.style(text, bold=True)


def _dim(text: str) -> str:
    return click.style(text, dim=True)


def _facet_label(value: str | None) -> str:
    return "(no date)" if value is None else value


#: At most this many buckets are drawn with the empty ones between them.
_MAX_FILLED = 120


def _next_bucket(label: str) -> str:
    if len(label) == 4:
        return f"{int(label) + 1:04d}"
    year, month = int(label[:4]), int(label[5:7])
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def with_empty_buckets(values: Sequence[FacetValue]) -> list[FacetValue]:
    """Date buckets by year or month with the empty ones between the first and the
    last put in (count 0), so that gaps show in the chart; days, and spans of more
    than :data:`_MAX_FILLED` buckets, are left as they are."""
    from docsearch.models import FacetValue

    dated = [v for v in values if v.value is not None]
    undated = [v for v in values if v.value is None]
    if not dated or len(dated[0].value or "") not in (4, 7):
        return list(values)
    known = {v.value: v for v in dated}
    out: list[FacetValue] = []
    label = dated[0].value or ""
    last = dated[-1].value or ""
    while label <= last:
        out.append(known.get(label) or FacetValue(value=label, count=0))
        if len(out) > _MAX_FILLED:
            return list(values)
        label = _next_bucket(label)
    return out + undated


#: Facet values are aligned to the longest up to this width; a longer value is
#: printed whole (so that it can be pasted into --topic), its count after it.
_LABEL_WIDTH = 60


def render_facet(name: str, values: Sequence[FacetValue]) -> list[str]:
    """One facet as an aligned table; the date facet gets a bar per bucket (years
    and months with the empty ones between, see :func:`with_empty_buckets`).
    Values are never cut (see :data:`_LABEL_WIDTH`)."""
    lines = [_bold(name)]
    if not values:
        return [*lines, _dim("  (none)")]
    if name == "date":
        values = with_empty_buckets(values)
    labels = [safe(_facet_label(v.value)) for v in values]
    width = min(max(len(label) for label in labels), _LABEL_WIDTH)
    top = max(v.count for v in values)
    count_width = len(str(top))
    for value, label in zip(values, labels, strict=True):
        mark = "*" if value.selected else " "
        line = f" {mark}{label:<{width}}  {value.count:>{count_width}}"
        if name == "date" and value.count:
            line += "  " + click.style("█" * max(1, round(_BAR * value.count / top)), fg="cyan")
        lines.append(line)
    return lines


def render_facets(facets: Mapping[str, Sequence[FacetValue]]) -> str:
    blocks = ["\n".join(render_facet(name, values)) for name, values in facets.items()]
    return "\n\n".join(blocks)


def _meta_line(published: Any, source: str | None, ident: str) -> str:
    from docsearch.models import format_published

    day = (format_published(published) or "no date")[:10]
    return " · ".join(safe(p) for p in (day, source, ident) if p)


_OPEN, _CLOSE = "\ue000", "\ue001"


def _wrapped_snippet(snippet: str, indent: str) -> list[str]:
    """Wrap a snippet for the terminal, matches in bold yellow. The plain text is
    wrapped (so every line is as wide as it looks) and the styles are put back by
    character position; a match cut by the wrap is styled on both lines."""
    from docsearch.search.snippets import terminal_snippet

    text = safe(terminal_snippet(snippet, lambda s: _OPEN + s + _CLOSE))
    marked: list[bool] = []
    plain: list[str] = []
    inside = False
    for char in text:
        if char in (_OPEN, _CLOSE):
            inside = char == _OPEN
            continue
        plain.append(char)
        marked.append(inside)
    flat = "".join(plain)
    # textwrap would change the spaces; wrap on a copy where every run of white
    # space is one space already (terminal_snippet's text has single spaces).
    lines = textwrap.wrap(flat, _WIDTH - len(indent), break_on_hyphens=False)
    style_on = click.style("", bold=True, fg="yellow", reset=False)
    style_off = click.style("", reset=True)
    out = []
    at = 0
    for line in lines:
        at = flat.index(line, at)
        parts, on = [], False
        for offset, char in enumerate(line):
            flag = marked[at + offset]
            if flag != on:
                parts.append(style_on if flag else style_off)
                on = flag
            parts.append(char)
        if on:
            parts.append(style_off)
        out.append(indent + "".join(parts))
        at += len(line)
    return out


def describe_search(query: str, filters: Mapping[str, Sequence[str]]) -> str:
    """What was searched, for the results' first line: the quoted query (or "all
    articles") and the filters, ``"harbour" · person: Ada Lind or Bo Berg · since 2020``."""
    parts = [f'"{query}"' if query.strip() else "all articles"]
    for name, values in filters.items():
        if not values:
            continue
        joined = " or ".join(values)
        parts.append(f"{name} {joined}" if name in ("since", "until") else f"{name}: {joined}")
    return " · ".join(parts)


def render_results(results: SearchResults, show_facets: bool = True,
                   label: str | None = None) -> str:
    """Hits as a compact list (title, date, source, people, snippet), then facets;
    ``label`` says what was searched (default: the query, quoted)."""
    lines: list[str] = []
    shown = safe(label or (f'"{results.query}"' if results.query else "all articles"))
    if results.total:
        first = (results.page - 1) * results.per_page + 1
        last = first + len(results.hits) - 1
        noun = "result" if results.total == 1 else "results"
        if not results.hits:
            span = f"No hits on page {results.page} of {results.total} {noun}"
        elif results.total == len(results.hits):
            span = f"{results.total} {noun}"
        else:
            span = f"{first}-{last} of {results.total} {noun}"
        lines.append(f"{span} for {shown} (page {results.page} of {results.pages})")
    else:
        lines.append(f"No results for {shown}.")
    if results.suggestion:
        lines.append(f"Did you mean: {_bold(safe(results.suggestion))}")
    for field, values in results.filter_suggestions.items():
        options = " or ".join(_bold(f'--{field} "{safe(value)}"') for value in values)
        lines.append(f"Did you mean {options}?")
    for n, hit in enumerate(results.hits, (results.page - 1) * results.per_page + 1):
        lines.append("")
        lines.append(f"{n:>3}. " + _bold(safe(hit.title) or "(untitled)"))
        lines.append("     " + _dim(_meta_line(hit.published, hit.source, hit.id)))
        if hit.people:
            lines.append("     people: " + safe(", ".join(hit.people)))
        if hit.topics:
            lines.append("     topics: " + safe("; ".join(hit.topics)))
        lines.extend(_wrapped_snippet(hit.snippet, "     "))
    if show_facets and results.facets and results.total:
        lines.append("")
        lines.append(render_facets(results.facets))
    return "\n".join(lines)


def render_article(article: Article) -> str:
    """An article with its metadata, then its body."""
    from docsearch.models import format_published

    fields: list[tuple[str, str]] = [
        ("id", article.id),
        ("published", format_published(article.published) or "no date"),
        ("source", article.source or ""),
        ("authors", ", ".join(article.authors)),
        ("url", article.url or ""),
        ("people", ", ".join(article.people)),
        ("topics", "; ".join(article.topics)),
        ("sections", "; ".join(article.sections)),
        ("path", article.path or ""),
    ]
    lines = [_bold(safe(article.title) or "(untitled)"), ""]
    lines += [f"{_dim(f'{k:>9}')}  {safe(v)}" for k, v in fields if v]
    lines.append("")
    for paragraph in article.body.split("\n\n"):
        lines.extend(textwrap.wrap(safe(paragraph, layout=True), _WIDTH) or [""])
        lines.append("")
    return "\n".join(lines).rstrip()


def render_person(profile: PersonProfile) -> str:
    """A person's profile: span, articles per month (a bar chart with the empty
    months), the people mentioned with them, their topics, sources and latest articles."""
    from docsearch.models import format_published

    span = " to ".join(format_published(d) or "" for d in
                       (profile.first_mention, profile.last_mention) if d)
    noun = "article" if profile.articles == 1 else "articles"
    lines = [_bold(safe(profile.name)) + f": {profile.articles} {noun}"
             + (f", {span}" if span else ""), ""]
    months = render_facet("date", profile.months)
    lines += [_bold("articles per month"), *months[1:], ""]
    lines.append(_bold("mentioned with") + _dim("  (articles together, lift)"))
    width = max((len(safe(p.name)) for p in profile.people), default=0)
    lines += [f"  {safe(p.name):<{width}}  {p.count:>3}  {p.lift:.2f}×" for p in profile.people]
    lines += [_dim("  (none)")] if not profile.people else []
    for name, values in (("topics", profile.topics), ("sources", profile.sources)):
        lines += ["", *render_facet(name, values)]
    lines += ["", _bold("latest articles")]
    lines += ["  " + _dim(_meta_line(h.published, h.source, h.id)) + "  " + safe(h.title)
              for h in profile.latest]
    return "\n".join(lines)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def render_engines(engines: Sequence[EngineInfo]) -> str:
    """One line an engine: its name, whether it is installed (and the default), how
    to install it (and its note)."""
    width = max(len(e.name) for e in engines)
    states = [e.status + (" (default)" if e.default else "") for e in engines]
    state_width = max(len(s) for s in states)
    return "\n".join(
        f"{e.name:<{width}}  {state:<{state_width}}  {e.install}"
        + (f"; index at {e.location}" if e.remote else "") + (f"; {e.note}" if e.note else "")
        for e, state in zip(engines, states, strict=True))


def render_stats(stats: IndexStats) -> str:
    rows = [
        ("index", stats.path),
        ("documents", str(stats.documents)),
        ("segments", str(stats.segments)),
        ("size on disk", _size(stats.size_bytes)),
        ("people", str(stats.people)),
        ("topics", str(stats.topics)),
        ("sources", str(stats.sources)),
        ("dates", f"{stats.earliest} to {stats.latest}" if stats.earliest else "none"),
        ("deleted", f"{stats.deleted} (merged away by later writes)" if stats.deleted else "0"),
        ("files", str(stats.files)),
        ("folders", ", ".join(stats.roots) or "none"),
        ("last write", stats.last_write or "never"),
        ("last sync", _last_sync(stats.last_sync)),
    ]
    if stats.cluster:
        c = stats.cluster
        rows.insert(3, ("cluster", f"{c.get('shards')} shards of {c.get('replicas')} replicas "
                                   f"({c.get('active_replicas')} active) on "
                                   f"{c.get('live_nodes')} live nodes; collection "
                                   f"{c.get('collection')}"))
    return "\n".join(f"{k:>12}  {safe(v)}" for k, v in rows)


def _last_sync(sync: dict[str, object] | None) -> str:
    if not sync:
        return "never"
    return (f"{sync.get('at')}: {sync.get('added', 0)} added, {sync.get('updated', 0)} updated, "
            f"{sync.get('removed', 0)} removed, {sync.get('unchanged', 0)} unchanged, "
            f"{sync.get('failed', 0)} failed")


def render_report(report: IndexReport, echo_error: Callable[[str], None]) -> str:
    """The summary line of an indexing run; each failure goes to ``echo_error``."""
    for error in report.failed:
        echo_error(safe(f"skipped {error.path}: {error.reason}"))
    for note in report.notes:
        echo_error(safe(f"note: {note}"))
    lines = [safe(f"would {c.action} {c.path} ({c.articles} article{'s' * (c.articles != 1)})")
             for c in report.changes]
    verb = "would be " if report.dry_run else ""
    files = f"{report.files} file{'s' * (report.files != 1)}"
    lines.append(f"{files}: {report.added} {verb}added, {report.updated} {verb}"
                 f"updated, {report.removed} {verb}removed, {report.unchanged} unchanged, "
                 f"{len(report.failed)} failed" + (" (dry run: nothing written)"
                                                   if report.dry_run else ""))
    return "\n".join(lines)


def render_check(report: CheckReport) -> str:
    """What ``docsearch check`` found, a line per problem and a summary."""
    lines = [f"missing from the index: article {safe(i)}" for i in report.missing]
    lines += [f"file gone since indexed: {safe(p)}" for p in report.stale]
    lines += [f"file changed since indexed: {safe(p)}" for p in report.changed]
    lines += [safe(f"could not repair {e.path}: {e.reason}") for e in report.failed]
    state = "ok" if report.ok else ("repaired" if report.repaired else "drift found")
    problems = len(report.missing) + len(report.stale) + len(report.changed)
    lines.append(f"{report.documents} documents, {report.files} files: {state}"
                 + (f" ({problems} problem{'s' * (problems != 1)})" if problems else "")
                 + (f"; {report.unlisted} articles added outside a sync" if report.unlisted
                    else ""))
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def render_progress(verb: str, done: int, total: int, elapsed: float, failed: int) -> str:
    """One progress line: ``indexing 1,234/21,578 files · 268 files/s · ETA 1:16 · 2 failed``."""
    parts = [f"{verb} {done:,}/{total:,} files"]
    if elapsed > 0 and done:
        rate = done / elapsed
        parts.append(f"{rate:,.0f} files/s")
        if done < total:
            parts.append(f"ETA {_clock((total - done) / rate)}")
    if failed:
        parts.append(f"{failed:,} failed")
    return " · ".join(parts)


class ProgressLine:
    """A progress line on a terminal, redrawn in place at most ten times a second,
    cleared by :meth:`close`. Does nothing when ``stream`` is not a terminal."""

    def __init__(self, verb: str, stream: Any, enabled: bool = True,
                 clock: Callable[[], float] = time.monotonic) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled = enabled and bool(isatty and isatty())
        self.verb, self.stream, self.clock = verb, stream, clock
        self.started = clock()
        self._last = -1.0
        self._shown = False

    def __call__(self, path: str, done: int, total: int, failed: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        line = render_progress(self.verb, done, total, now - self.started, failed)
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
