"""How long indexing and re-syncing a folder of files takes: Reuters-21578 as 21,578 files.

    .venv/bin/python benchmarks/sync.py [--limit N] [--workdir DIR] [--keep]
                                        [--markdown FILE] [--reuters DIR]

Writes every Reuters-21578 document (read through ``benchmarks/reuters.py``) as one
Markdown file into a temporary folder (``--workdir``; a fresh temporary folder, removed
at the end unless ``--keep``), grouped in sub-folders of 1,000 by NEWID::

    # Title

    February 26, 1987

    Body paragraph one.

    Body paragraph two.

The 737 documents of TYPE="UNPROC" have no TITLE or BODY element (``read_reuters``
gives them an empty title and body); their raw TEXT is read here instead, its first
line as the title. Markdown punctuation in the text is backslash-escaped, so that
``<AAPL>`` or a leading ``-`` comes back as text and not as inline HTML or a list.

Then, through the Python API (``docsearch.open`` and ``Index.index_paths`` /
``Index.sync``), each step is timed with ``time.perf_counter`` (wall), with the
process CPU time and the peak RSS so far (``resource.getrusage``):

1. full index into a new index;
2. no-op sync (the same folder again);
3. sync after adding 10 new files (re-dated copies of 10 articles with a new first
   sentence);
4. sync after changing 10 files (a sentence appended);
5. sync after deleting 10 files;
6. ``Index.rebuild`` when the index has one (else "n/a").

``Index.sync`` is used when it exists, else ``Index.index_paths``. Report counts are
read with ``getattr`` (``removed`` may not exist yet) and checked against what they
should be; a wrong count prints a MISMATCH line instead of stopping the run. The index
is opened afresh for every step, as each ``docsearch index`` command would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import DEFAULT, read_reuters  # noqa: E402

import docsearch  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYTHON_CMD = ".venv/bin/python benchmarks/sync.py"
COUNTS = ("files", "added", "updated", "removed", "unchanged", "failed")
CHANGES = 10
APPENDED = "This sentence was appended by the docsearch sync benchmark."

# ------------------------------------------------------------------- the corpus as files

_UNPROC = re.compile(
    r'<REUTERS\b[^>]*NEWID="(\d+)"[^>]*>(?:(?!</REUTERS>).)*?<TEXT TYPE="UNPROC">(.*?)</TEXT>',
    re.DOTALL)
_CONTROL = re.compile(r"&#\d+;")
_INLINE = re.compile(r"([\\`*_\[\]<>#!|&~])")
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


@attrs.frozen
class Doc:
    """One document to be written as a file."""

    newid: int
    title: str
    published: dt.date | None
    body: str

    @property
    def relpath(self) -> str:
        return f"{self.newid // 1000:02d}/reuters-{self.newid:05d}.md"


def unproc_texts(folder: Path) -> dict[int, tuple[str, str]]:
    """Title and body of each TYPE="UNPROC" document (raw text, no TITLE or BODY)."""
    found: dict[int, tuple[str, str]] = {}
    for file in sorted(folder.glob("reut2-*.sgm.gz")):
        with gzip.open(file, "rb") as handle:
            data = handle.read().decode("latin-1")
        for match in _UNPROC.finditer(data):
            text = html.unescape(_CONTROL.sub("", match.group(2))).replace("\r", "")
            lines = [" ".join(line.split()) for line in text.split("\n")]
            lines = [line for line in lines if line]
            if lines and lines[-1].lower() == "reuter":
                lines.pop()
            if lines:
                found[int(match.group(1))] = (lines[0], "\n".join(lines[1:]))
    return found


def read_docs(folder: Path, limit: int | None) -> Iterator[Doc]:
    """The Reuters documents in NEWID order (the first ``limit`` of them)."""
    unproc = unproc_texts(folder)
    for count, (article, labels) in enumerate(read_reuters(folder)):
        if limit is not None and count >= limit:
            return
        title, body = article.title, article.body
        if not title and not body and labels.newid in unproc:
            title, body = unproc[labels.newid]
        yield Doc(labels.newid, title, article.published, body)


def escape(text: str) -> str:
    """``text`` as Markdown that reads back as the same words: punctuation that
    Markdown would take for markup backslash-escaped, leading spaces dropped."""
    lines = []
    for line in text.split("\n"):
        line = _INLINE.sub(r"\\\1", line.strip())
        lines.append(_LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit()
                                     else "\\" + m.group(1), line))
    return "\n".join(lines)


def date_line(value: dt.date | None) -> str:
    """``February 26, 1987`` (the form the clipping reader takes as a date line)."""
    if value is None:
        return ""
    return f"{value:%B} {value.day}, {value.year}"


def markdown(doc: Doc, extra_first: str = "", extra_last: str = "") -> str:
    parts = [f"# {escape(doc.title)}" if doc.title else "", date_line(doc.published)]
    paragraphs = [escape(p) for p in doc.body.split("\n\n") if p.strip()]
    if extra_first:
        paragraphs.insert(0, extra_first)
    if extra_last:
        paragraphs.append(extra_last)
    parts.extend(paragraphs)
    return "\n\n".join(p for p in parts if p) + "\n"


def write_docs(docs: Sequence[Doc], root: Path) -> int:
    """Write each document as one Markdown file under ``root``; returns the count."""
    written = 0
    for doc in docs:
        path = root / doc.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown(doc), encoding="utf-8")
        written += 1
    return written


def check_reading(docs: Sequence[Doc], root: Path, count: int = 3) -> list[str]:
    """Read a few written files back with ``docsearch.read_file``: title, date, body."""
    lines: list[str] = []
    picks = [d for d in docs if d.title and d.body][:: max(1, len(docs) // count)][:count]
    for doc in picks:
        result = docsearch.read_file(root / doc.relpath, root)
        if len(result.articles) != 1:
            lines.append(f"MISMATCH read_file {doc.relpath}: {len(result.articles)} articles, "
                         f"errors {[e.reason for e in result.errors]}")
            continue
        art = result.articles[0]
        problems = []
        if art.title != doc.title:
            problems.append(f"title {art.title!r} != {doc.title!r}")
        if _day(art.published) != _day(doc.published):
            problems.append(f"date {art.published!r} != {_day(doc.published)!r}")
        if art.body.split("\n\n")[0] != doc.body.split("\n\n")[0]:
            problems.append(f"first paragraph {art.body[:60]!r}... != {doc.body[:60]!r}...")
        state = "MISMATCH " + "; ".join(problems) if problems else "ok (title, date, body)"
        lines.append(f"read_file {doc.relpath}: {state}")
    return lines


def _day(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def check_index(index_dir: Path, docs: Sequence[Doc]) -> list[str]:
    """Compare every indexed article with the document its file was written from: title,
    date and body (the same text; the same words, paragraphs joined; the words up to some
    point, the rest dropped by the clipping rules' trailer rule; other differences)."""
    by_path = {d.relpath: d for d in docs}
    titles = dates = seen = 0
    bodies = {"same": 0, "same words": 0, "trailing words dropped": 0, "other": 0}
    examples: list[str] = []

    def example(line: str) -> None:
        if len(examples) < 8:
            examples.append("  " + line)

    with docsearch.open(index_dir) as ix:
        for art in ix:
            doc = by_path.get(art.path or "")
            if doc is None:
                continue
            seen += 1
            if art.title != doc.title:
                titles += 1
                example(f"title {doc.relpath}: {art.title!r} != {doc.title!r}")
            if _day(art.published) != _day(doc.published):
                dates += 1
                example(f"date {doc.relpath}: {art.published!r} != {_day(doc.published)!r}")
            got, want = art.body.split(), doc.body.split()
            if art.body == doc.body:
                bodies["same"] += 1
            elif got == want:
                bodies["same words"] += 1
            elif got == want[:len(got)]:
                bodies["trailing words dropped"] += 1
            else:
                bodies["other"] += 1
                kept = art.body.split("\n\n")
                lost = [p for p in doc.body.split("\n\n") if p not in kept and p not in art.body]
                example(f"body {doc.relpath}: paragraph(s) missing: {lost[:1]!r:.160}")
    missing = len(docs) - seen
    first = (f"index content check: {seen:,} of {len(docs):,} files in the index; "
             f"title differs {titles:,}, date differs {dates:,}")
    if missing or titles or dates:
        first = "MISMATCH " + first
    body = ", ".join(f"{k} {v:,}" for k, v in bodies.items())
    return [first, f"indexed body vs written body: {body}", *examples]


# ------------------------------------------------------------------------- measuring


@attrs.define
class Step:
    name: str
    seconds: float | None = None
    cpu: float | None = None
    rss_mb: float | None = None
    counts: dict[str, Any] = attrs.Factory(dict)
    documents: int | None = None
    checks: list[str] = attrs.Factory(list)
    note: str = ""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _counts(report: object) -> dict[str, Any]:
    counts: dict[str, Any] = {}
    for name in COUNTS:
        value = getattr(report, name, None)
        counts[name] = len(value) if isinstance(value, (tuple, list)) else value
    return counts


def measure(name: str, index_dir: Path, call: Callable[[docsearch.Index], object],
            expected: dict[str, int], documents: int, create: bool = False,
            engine: str | None = None) -> Step:
    """Open the index (a new one in ``engine`` when ``create``), time ``call`` on it,
    close it; then check counts and size."""
    step = Step(name)
    ix = docsearch.open(index_dir, create=create, engine=engine if create else None)
    try:
        cpu, start = _cpu(), time.perf_counter()
        report = call(ix)
        step.seconds = time.perf_counter() - start
        step.cpu = _cpu() - cpu
    finally:
        ix.close()
    step.rss_mb = _rss_mb()
    step.counts = _counts(report)
    failed = getattr(report, "failed", ()) or ()
    for error in list(failed)[:3]:
        step.checks.append(f"  failed: {getattr(error, 'path', '?')}: "
                           f"{getattr(error, 'reason', error)}")
    for key, want in expected.items():
        got = step.counts.get(key)
        if got is None:
            step.checks.append(f"n/a {name}: report has no '{key}' (expected {want})")
        elif got != want:
            step.checks.append(f"MISMATCH {name}: {key} = {got}, expected {want}")
    with docsearch.open(index_dir) as ix:
        step.documents = len(ix)
    if step.documents != documents:
        step.checks.append(f"MISMATCH {name}: index holds {step.documents} articles, "
                           f"expected {documents}")
    return step


def syncer(paths: list[str]) -> tuple[str, Callable[[docsearch.Index], object]]:
    """``Index.sync`` when the index has it, else ``Index.index_paths``."""
    if hasattr(docsearch.Index, "sync"):
        return "sync", lambda ix: ix.sync(paths)  # type: ignore[attr-defined]
    return "index_paths", lambda ix: ix.index_paths(paths)


def rebuild_step(index_dir: Path, paths: list[str], files: int) -> Step:
    if not hasattr(docsearch.Index, "rebuild"):
        return Step("rebuild", note="n/a (Index has no rebuild)")

    def call(ix: docsearch.Index) -> object:
        rebuild = ix.rebuild  # type: ignore[attr-defined]
        try:
            return rebuild(paths)
        except TypeError:
            return rebuild()

    try:
        return measure("rebuild", index_dir, call, {"added": files, "failed": 0}, files)
    except Exception as exc:  # an API still being written: report, don't stop
        return Step("rebuild", note=f"error: {exc.__class__.__name__}: {exc}")


# -------------------------------------------------------------------------- reporting


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                             check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip()


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown memory"


def machine_line() -> str:
    dirty = _git("status", "--porcelain", "--", "docsearch")
    commit = _git("rev-parse", "--short", "HEAD") + (" (docsearch/ has uncommitted changes)"
                                                     if dirty and dirty != "unknown" else "")
    return (f"{platform.platform()}; {os.cpu_count()} CPUs ({_cpu_model()}); {_memory_gib()}; "
            f"Python {platform.python_version()}; docsearch {docsearch.__version__} "
            f"commit {commit}; {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(steps: Sequence[Step]) -> list[list[str]]:
    header = ["step", "wall s", "cpu s", "files/s", "peak RSS MB", *COUNTS, "in index"]
    rows = [header]
    for step in steps:
        if step.seconds is None:
            rows.append([step.name, "n/a", *[""] * (len(header) - 2)])
            continue
        files = step.counts.get("files")
        rate = f"{files / step.seconds:,.0f}" if files and step.seconds > 0 else "n/a"
        rows.append([step.name, f"{step.seconds:.2f}", f"{step.cpu:.2f}", rate,
                     f"{step.rss_mb:,.0f}", *[_fmt(step.counts.get(c)) for c in COUNTS],
                     _fmt(step.documents)])
    return rows


def plain(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(rows[0]) + " |",
           "|" + "|".join("---" if i == 0 else "---:" for i in range(len(rows[0]))) + "|"]
    out += ["| " + " | ".join(c or " " for c in row) + " |" for row in rows[1:]]
    return "\n".join(out)


# ------------------------------------------------------------------------------- main


def pick(docs: Sequence[Doc], count: int, offset: int) -> list[Doc]:
    """``count`` documents with a body, spread over the collection."""
    with_body = [d for d in docs if d.body]
    stride = len(with_body) // count
    return [with_body[k * stride + offset * (stride // 3)] for k in range(count)]


def run(args: argparse.Namespace) -> int:
    given = args.workdir is not None
    workdir = Path(args.workdir) if given else Path(tempfile.mkdtemp(prefix="ds-sync-"))
    workdir.mkdir(parents=True, exist_ok=True)
    files_dir, index_dir = workdir / "reuters", workdir / "index"
    if files_dir.exists() or index_dir.exists():
        print(f"error: {workdir} already holds reuters/ or index/; give an empty --workdir")
        return 2
    out: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    try:
        machine = machine_line()
        say(f"machine: {machine}")
        start = time.perf_counter()
        docs = list(read_docs(Path(args.reuters), args.limit))
        if sum(1 for d in docs if d.body) < 9 * CHANGES:
            say("error: too few documents with a body for the steps (use --limit >= 100)")
            return 2
        written = write_docs(docs, files_dir)
        empty_body = sum(1 for d in docs if not d.body)
        say(f"wrote {written:,} files of {len(docs):,} documents into {files_dir} in "
            f"{time.perf_counter() - start:.1f} s ({empty_body:,} with a title only)")
        for line in check_reading(docs, files_dir):
            say(line)
        paths = [str(files_dir)]
        say(f"equivalent CLI: .venv/bin/docsearch index {files_dir} --index {index_dir} --json")

        n = written
        steps = [measure("full index", index_dir, lambda ix: ix.index_paths(paths),
                         {"files": n, "added": n, "updated": 0, "unchanged": 0, "failed": 0},
                         n, create=True, engine=args.engine)]
        for line in check_index(index_dir, docs):
            say(line)
        method, sync = syncer(paths)
        say(f"sync steps use Index.{method}")
        steps.append(measure("no-op sync", index_dir, sync,
                             {"files": n, "added": 0, "updated": 0, "removed": 0,
                              "unchanged": n, "failed": 0}, n))

        for doc in pick(docs, CHANGES, 0):
            copy = attrs.evolve(doc, newid=0)
            when = doc.published and doc.published.replace(year=doc.published.year + 1)
            text = markdown(attrs.evolve(copy, published=when),
                            extra_first=f"Benchmark copy of Reuters-21578 NEWID {doc.newid}, "
                                        f"dated a year later.")
            path = files_dir / "added" / f"copy-{doc.newid:05d}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        steps.append(measure(f"add {CHANGES}", index_dir, sync,
                             {"files": n + CHANGES, "added": CHANGES, "updated": 0, "removed": 0,
                              "unchanged": n, "failed": 0}, n + CHANGES))

        for doc in pick(docs, CHANGES, 1):
            path = files_dir / doc.relpath
            path.write_text(markdown(doc, extra_last=APPENDED), encoding="utf-8")
        steps.append(measure(f"change {CHANGES}", index_dir, sync,
                             {"files": n + CHANGES, "added": 0, "updated": CHANGES,
                              "removed": 0, "unchanged": n, "failed": 0}, n + CHANGES))

        for doc in pick(docs, CHANGES, 2):
            (files_dir / doc.relpath).unlink()
        steps.append(measure(f"delete {CHANGES}", index_dir, sync,
                             {"files": n, "added": 0, "updated": 0, "removed": CHANGES,
                              "unchanged": n, "failed": 0}, n))

        steps.append(rebuild_step(index_dir, paths, n))

        rows = table(steps)
        say()
        for line in plain(rows).splitlines():
            say(line)
        say()
        checks = [c for s in steps for c in s.checks]
        checks += [f"{s.name}: {s.note}" for s in steps if s.note]
        for line in checks or ["all counts as expected"]:
            say(line)
        if args.markdown:
            text = "\n".join([f"Machine: {machine}", "",
                              f"Command: `{PYTHON_CMD}" + (f" --limit {args.limit}`"
                                                           if args.limit else "`"),
                              f"Files written: {written:,}; sync steps use `Index.{method}`.",
                              "", markdown_table(rows), "",
                              *[f"- {c.strip()}" for c in checks]]) + "\n"
            Path(args.markdown).write_text(text, encoding="utf-8")
            print(f"table written to {args.markdown}")
    finally:
        if args.keep:
            print(f"kept {workdir}")
        elif given:  # only what this run made in a folder it was given
            shutil.rmtree(files_dir, ignore_errors=True)
            shutil.rmtree(index_dir, ignore_errors=True)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--reuters", default=str(DEFAULT), help="the Reuters-21578 folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--workdir", default=None,
                        help="folder for the files and the index (default: a temporary "
                             "one); what the run makes in it is removed unless --keep")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--engine", default=None,
                        help="the engine the index is made with (default: docsearch's)")
    parser.add_argument("--markdown", default=None, metavar="FILE",
                        help="also write the table as Markdown to FILE")
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
