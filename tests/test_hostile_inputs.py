"""Hostile inputs: a folder of broken, odd and good files, all written by these tests,
indexed together. Every bad file is reported with its path and reason, every good
article is searchable, nothing hangs or stops the run, and a second run changes
nothing. docs/hostile-inputs.md lists every input tried here and its outcome."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import errno
import json
import os
import signal
import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import docsearch
import docsearch.readers
from docsearch import ParseError
from docsearch.extract.dates import (
    EARLIEST_YEAR,
    YEARS_AHEAD,
    coerce_date,
    latest_date,
    parse_date,
    parse_reuters_date,
    plausible,
)
from docsearch.readers import FoundFile, iter_files, read_file, walk
from docsearch.readers.text import TextReader

pytestmark = pytest.mark.skipif(os.name != "posix",
                                reason="symlinks, named pipes and byte file names are POSIX")

MB = 1024 * 1024
LIMIT = 3 * MB  # MAX_FILE_BYTES while the corpus is indexed (the 2 MB line is under it)
HUGE = "huge.txt"  # 50 MB on disk: reported as too large without being opened
LONG_NAME = "long-" + "n" * 241 + ".md"  # 249 bytes, near the usual 255-byte limit
DEEP = "/".join(f"level{i:02d}" for i in range(40)) + "/deep.md"
BAD_NAME = os.fsdecode(b"caf\xe9.md")  # a Latin-1 byte in the name: not UTF-8

# Good files: relative path → text. Each holds one word (in UNIQUE_WORDS) no other has.
GOOD_TEXT = {
    "good.md": "---\ntitle: Harbour Tram Approved\ndate: 2023-06-04\n---\n"
               "# Harbour Tram Approved\n\nThe council approved the Vellmoor tram line.\n",
    "bom-utf8.md": "\ufeff# Ferry Fares Frozen\n\nFares on the Quenby ferry stay the same.\n",
    "accents.md": "# Mayor Meets Visitors\n\nMayor José Martínez met Zoë Šťastná at the "
                  "Tarrowgate quay. José Martínez said the visit went well.\n",
    "cyrillic.txt": "Talks in the Port\n\nОльга Смирнова met Ana Ruiz at the Brindlemere "
                    "office. Ольга Смирнова said the talks were useful.\n",
    "greek.md": "# Greek Visit\n\nΓιώργος Παπαδόπουλος met Μαρία Κωνσταντίνου at the "
                "Halvercombe port. Γιώργος Παπαδόπουλος said the talks went well.\n",
    "cjk.md": "# Tokyo Talks\n\n山田太郎 met 李明 in the Pellowick hall. 山田太郎 said it "
              "went well. Haruki Tanaka agreed.\n",
    "sub dir/Café Straße – notes.txt": "Café Opens\n\nA new café opened by the Ostwick "
                                       "pier on Friday.\n",
    " spaces  in  name .md": "# Spaced Name\n\nThe Hollinsclough path reopened.\n",
    "日本語 フォルダ/記事 ñandú 📰.md": "# Archive Note\n\nThe Tamsworth archive opened.\n",
    "new\nline.md": "# Odd Name\n\nThe Gorsebrook mill closed.\n",
    LONG_NAME: "# Long Name\n\nThe Ulverdale road opened.\n",
    DEEP: "# Deep Folder\n\nThe Brackenholm bridge reopened.\n",
    "notes.md/inner.md": "# Folder With A Suffix\n\nThe Wistmoor school opened.\n",
    "date-zero.md": "---\ntitle: Year Zero Story\ndate: 0000-01-01\n---\n"
                    "The Yarrowfield fair was held.\n",
    "date-far.md": "---\ntitle: Far Future Story\ndate: 9999-12-31\n---\n"
                   "The Wendlebury fair was held.\n",
    "date-far.html": '<html><head><meta property="article:published_time" '
                     'content="9999-12-31T23:59:59-12:00"><title>Clock Tower Stops</title>'
                     '</head><body><article><h1>Clock Tower Stops</h1><time datetime='
                     '"0000-01-01">Year zero</time><p>The Oxlade clock tower stopped on '
                     "Monday.</p></article></body></html>",
    "dateline.txt": "Dateline Story\n\nPublished: December 31, 2999\n\n"
                    "The Corrister market opened.\n",
    "fragment.html": "<p>The Dunmallow ferry sailed again on Tuesday.</p>\n",
    "unclosed-head.html": "<html><head><title>Unclosed Head</title><p>The Ravensworth gate "
                          "opened.</p></html>",
    "front-title-only.md": "---\ntitle: Crossmere Headline Only\n---\n",
    "nested-quotes.md": "# Nested Quotes\n\n" + ">" * 5000 + " The Quorvale quote.\n",
    "nested-lists.md": "# Nested Lists\n\n" + "".join("  " * i + f"- item {i}\n"
                                                    for i in range(40))
                       + "  " * 40 + "- The Sallowmere item.\n\nThe list ends.\n",
    "nested.html": "<html><body><h1>Nested Boxes</h1>" + "<div>" * 5000
                   + "<p>The Zarnwick text.</p>" + "</div>" * 5000 + "</body></html>",
    "long-line.txt": "Long Line\n\nThe Mistlebury line follows.\n\n" + "x" * 2_000_000
                     + "\n\nThat was the line.\n",
}
# Other encodings with a byte-order mark: read like UTF-8; legacy encodings without
# one: read in the encoding found (cp1252 for both here), with a note in the report.
GOOD_ENCODED = {
    "utf16-le.txt": ("\ufeffLighthouse Repainted\n\nThe Selbourne lighthouse is white.\n",
                     "utf-16-le"),
    "utf16-be.txt": ("\ufeffPier Reopens\n\nThe Marrowby pier reopened.\n", "utf-16-be"),
    "utf32-le.txt": ("\ufeffTower Lit\n\nThe Kirkbampton tower is lit.\n", "utf-32-le"),
    "latin1.txt": ("Café Notes\n\nThe Tollerby café serves tea at £2.\n", "latin-1"),
    "cp1252.txt": ("Smart “Quotes”\n\nThe “Wrenfield” sign was repainted.\n", "cp1252"),
}
LEGACY = ["cp1252.txt", "latin1.txt"]
# Read through a symlink inside the folder (its target is hidden, so not read itself).
LINKED = {"linked.md": (".hidden/target.md", "# Linked Story\n\nThe Thornacre weir.\n")}
WIRE = "".join(line + "\n" for line in [
    json.dumps({"title": "Wire One", "body": "Storm near Kestrelby.", "id": "wire-1"}),
    '{"title": "Wire Broken", "body": ',
    "",
    json.dumps({"title": "Wire Two", "body": "Snow in Dunholt."}),
    "[1, 2]",
    json.dumps({"author": "Ann Lee"}),
    json.dumps({"title": ["Wire", "List"], "body": "x"}),
    json.dumps({"title": "Wire Flag", "authors": True, "body": "x"}),
    json.dumps({"title": "Wire Dated", "body": "x", "date": {"year": 2020}}),
    json.dumps({"title": "Wire Zero", "body": "Rain over Fennimore.", "date": "0000-01-01"}),
    json.dumps({"title": "Wire Far", "body": "Fog over Quillhaven.",
                "date": "9999-12-31T23:59:59-12:00"}),
    '"just a string"',
])
ALL_BROKEN = "".join(line + "\n" for line in [
    "{", "null", json.dumps({"id": "x"}), json.dumps({"body": ""}), "[" * 100_000])
UNIQUE_WORDS = ["Vellmoor", "Quenby", "Tarrowgate", "Brindlemere", "Halvercombe", "Pellowick",
                "Ostwick", "Hollinsclough", "Tamsworth", "Gorsebrook", "Ulverdale",
                "Brackenholm", "Wistmoor", "Yarrowfield", "Wendlebury", "Oxlade", "Corrister",
                "Dunmallow", "Ravensworth", "Crossmere", "Quorvale", "Sallowmere", "Zarnwick",
                "Mistlebury", "Selbourne", "Marrowby", "Kirkbampton", "Thornacre", "Kestrelby",
                "Dunholt", "Fennimore", "Quillhaven", "Tollerby", "Wrenfield"]
GOOD = len(UNIQUE_WORDS)  # articles: one per good file, four in wire.jsonl
UNDATED = ["Year Zero Story", "Far Future Story", "Clock Tower Stops", "Dateline Story",
           "Wire Zero", "Wire Far"]

# Bad files written as they are: relative path → (content, the exact reason).
CONTROLS = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15])
BAD = {
    "empty.md": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n\r\n", "empty file"),
    "bom-only.md": (codecs.BOM_UTF8, "empty file"),
    "image.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
    "gzipped.html": (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48", "binary file, not text"),
    "nul.txt": (b"Title\n\nBody \x00 with a NUL byte.\n", "binary file, not text"),
    "controls.txt": (b"Title\n\n" + CONTROLS + b"\n", "binary file, not text"),
    "broken-utf8.txt": ("Title\n\nCafé and crêpes, bad ".encode() + b"\xc3\x28 byte",
                        "invalid UTF-8 text (byte 0xc3 at offset 30)"),
    "no-encoding.txt": (bytes(range(128, 256)) * 4,
                        "not UTF-8 text (byte 0x80 at offset 0), nor in any encoding recognised"),
    "utf16-nobom.txt": ("Title Here\n\nBody text.\n".encode("utf-16-le"),
                        "binary file, not text"),
    "utf16-odd.txt": (codecs.BOM_UTF16_LE + "Title\n".encode("utf-16-le") + b"x",
                      "invalid utf-16 text at byte 14"),
    "utf32-broken.txt": (codecs.BOM_UTF32_LE + "Title\n\nBody\n".encode("utf-32-le")[:-2],
                         "invalid utf-32 text at byte 48"),
    "front-list.md": (b"---\n- a\n- b\n---\nBody.\n",
                      "malformed front matter: not a mapping of keys to values"),
    "front-scalar.md": (b"---\njust a sentence\n---\nBody.\n",
                        "malformed front matter: not a mapping of keys to values"),
    "front-empty.md": (b"---\n---\n", "no title or text"),
    "front-no-title.md": (b"---\nauthor: Ann Lee\n---\n", "no title or text"),
    "front-date-list.md": (b"---\ntitle: T\ndate: [2020-01-01]\n---\nBody.\n",
                           "field 'date' must be a date"),
    "front-bool-author.md": (b"---\ntitle: T\nauthors: yes\n---\nBody.\n",
                             "field 'authors' must be text or a list of text"),
    "no-body.html": (b"<html><head><title>Nothing Here</title></head><body></body></html>",
                     "no article text in the HTML (only a title)"),
    "head-only.html": (b"<html><head><title>Only A Head</title></head></html>",
                       "no article text in the HTML (only a title)"),
    "scripts-only.html": (b"<html><head><script>var a = 1;</script></head><body><script>"
                          b"alert(1)</script><style>p {}</style></body></html>",
                          "no article text in the HTML"),
}
# Bad files whose reason goes on in the YAML or JSON parser's own words:
# relative path (":line" for a JSON line) → the start of the reason.
BAD_START = {
    "front-syntax.md": "malformed front matter: ",
    "front-tab.md": "malformed front matter: ",
    "all-broken.jsonl:5": "invalid JSON (",
}
BAD_START_FILES = {"front-syntax.md": b"---\ntitle: [unclosed\n---\nBody.\n",
                   "front-tab.md": b"---\ntitle: x\n\tdate: 2020\n---\nBody.\n"}
BAD_LINES = {
    "wire.jsonl:2": "invalid JSON (Expecting value at column 34)",
    "wire.jsonl:5": "not a JSON object",
    "wire.jsonl:6": "no title or body",
    "wire.jsonl:7": "field 'title' must be text",
    "wire.jsonl:8": "field 'authors' must be text or a list of text",
    "wire.jsonl:9": "field 'date' must be a date",
    "wire.jsonl:12": "not a JSON object",
    "all-broken.jsonl:1": "invalid JSON (Expecting property name enclosed in double quotes "
                          "at column 2)",
    "all-broken.jsonl:2": "not a JSON object",
    "all-broken.jsonl:3": "no title or body",
    "all-broken.jsonl:4": "no title or body",
}
# Bad files that are made, not written: reported when read.
READ_PROBLEMS = {
    HUGE: "file too large (50 MB; the limit is 3 MB)",
    "over-limit.md": "file too large (3.1 MB; the limit is 3 MB)",
    "locked.md": "cannot read: permission denied",
    "caf\\xe9.md": "path is not valid UTF-8",
}
# Entries walk() marks and that are never opened.
WALK_PROBLEMS = {
    "loop.md": "symlink loop",
    "ping.md": "symlink loop",
    "pong.md": "symlink loop",
    "dangling.txt": "dangling symlink: its target does not exist",
    "outside.md": "symlink to a file outside the folder, not followed",
    "dev-null.md": "symlink to a file outside the folder, not followed",
    "pipe.md": "not a regular file (named pipe)",
    "pipe-link.md": "not a regular file (named pipe)",
    "locked-folder": "cannot list folder: permission denied",
}
# Made when the system allows it (a socket path has a length limit; a device needs
# the right to make one): relative path → reason.
MAYBE = {"socket.md": "not a regular file (socket)",
         "device.md": "not a regular file (character device)"}
JSONL_WITH_BAD_LINES = ("wire.jsonl", "all-broken.jsonl")
#: Bad files and entries in the corpus, whatever the system (MAYBE ones come on top).
HOSTILE_FILES = (len(BAD) + len(BAD_START_FILES) + len(JSONL_WITH_BAD_LINES)
                 + len(READ_PROBLEMS) + len(WALK_PROBLEMS))
# Files never read and never reported: hidden, unknown suffix, behind a folder link.
SECRETS = ["Farrowdeep", "Sunderholt", "Glimmerbank"]


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def _write_files(folder: Path) -> None:
    files = {name: text.encode() for name, text in GOOD_TEXT.items()}
    files.update({name: text.encode(codec) for name, (text, codec) in GOOD_ENCODED.items()})
    files.update({target: text.encode() for target, text in LINKED.values()})
    files.update({"wire.jsonl": WIRE.encode(), "all-broken.jsonl": ALL_BROKEN.encode()})
    files.update({name: data for name, (data, _) in BAD.items()})
    files.update(BAD_START_FILES)
    files.update({".draft.md": b"", ".cache/old.md": b"\x00\x00", "notes.xyz": b"\x00",
                  "locked.md": b"# Locked\n\nText.\n",
                  "locked-folder/inside.md": b"# Inside\n\nThe Sunderholt hut.\n"})
    for name, data in files.items():
        _write(folder, name, data)
    (folder / BAD_NAME).write_bytes(b"# Cafe\n\nText.\n")


def _write_big(folder: Path) -> None:
    """50 MB of text, written a megabyte at a time; and a file one byte over LIMIT."""
    chunk = (b"word " * 199 + b"word\n") * (MB // 1000)
    with (folder / HUGE).open("wb") as out:
        for _ in range(51):
            out.write(chunk)
        out.truncate(50 * MB)
    _write(folder, "over-limit.md", (b"# Over\n\n" + b"x" * LIMIT)[:LIMIT + 1])


def _make_links(folder: Path, outside: Path) -> None:
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nThe Farrowdeep plan.\n", encoding="utf-8")
    (outside / "more.md").write_text("# More\n\nThe Glimmerbank plan.\n", encoding="utf-8")
    (folder / "outside.md").symlink_to(outside / "secret.md")
    (folder / "dev-null.md").symlink_to(os.devnull)
    (folder / "loop.md").symlink_to(folder / "loop.md")
    (folder / "ping.md").symlink_to(folder / "pong.md")
    (folder / "pong.md").symlink_to(folder / "ping.md")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "gone.xyz").symlink_to(folder / "nowhere.xyz")
    (folder / "sub dir" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    for link, (target, _) in LINKED.items():
        (folder / link).symlink_to(folder / target)


def _make_specials(folder: Path) -> dict[str, str]:
    """Named pipes, and the socket and device the system lets us make."""
    os.mkfifo(folder / "pipe.md")
    os.mkfifo(folder / "pipe.xyz")  # unknown suffix: never looked at
    (folder / "pipe-link.md").symlink_to(folder / "pipe.md")
    made = {}
    with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "socket.md"))
        made["socket.md"] = MAYBE["socket.md"]
    with contextlib.suppress(OSError):
        os.mknod(folder / "device.md", stat.S_IFCHR | 0o600, os.makedev(1, 3))
        made["device.md"] = MAYBE["device.md"]
    return made


def build_corpus(folder: Path, outside: Path) -> dict[str, str]:
    """Write the good and bad files and the ones to skip; returns the MAYBE ones made."""
    _write_files(folder)
    _write_big(folder)
    _make_links(folder, outside)
    return _make_specials(folder)


def failures(folder: Path, errors: tuple[ParseError, ...]) -> dict[str, str]:
    return {Path(e.path).relative_to(folder).as_posix(): e.reason for e in errors}


def split_expected(failed: dict[str, str]) -> dict[str, str]:
    """``failed`` less the BAD_START entries, which must start as they should."""
    rest = dict(failed)
    for name, start in BAD_START.items():
        assert rest.pop(name).startswith(start), name
    return rest


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: reading a named pipe would wait for a writer for ever."""
    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _named(path: Any, suffix: str) -> bool:
    return not isinstance(path, int) and os.fsdecode(path).endswith(os.sep + suffix)


@contextlib.contextmanager
def refusals(opened: list[str]) -> Iterator[None]:
    """The system refuses locked.md and the locked-folder (as chmod 000 would for a
    user other than root); every file opened is noted in ``opened``."""
    real_open, real_scandir = os.open, os.scandir

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fsdecode(path))
        if _named(path, "locked.md"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    def fake_scandir(path: Any = ".") -> Any:
        if _named(path, "locked-folder"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(docsearch.readers, "MAX_FILE_BYTES", LIMIT)
        mp.setattr(os, "open", fake_open)
        mp.setattr(os, "scandir", fake_scandir)
        yield


@attrs.frozen
class Run:
    """The corpus indexed twice, and what walk() listed."""

    folder: Path
    index: Any
    first: Any
    again: Any
    walked: tuple[FoundFile, ...]
    listed: tuple[tuple[Path, Path], ...]
    opened: tuple[str, ...]
    maybe: dict[str, str]
    huge_size: int


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "docs"
    maybe = build_corpus(folder, base / "outside")
    index = docsearch.open(base / "index", create=True)
    opened: list[str] = []
    with deadline(300), refusals(opened):
        first = index.index_paths([folder])
        walked = tuple(walk([folder]))
        listed = tuple(iter_files([folder]))
        again = index.index_paths([folder])
    yield Run(folder, index, first, again, walked, listed, tuple(opened), maybe,
              (folder / HUGE).stat().st_size)
    index.close()
    (folder / HUGE).unlink()


def test_the_corpus_has_at_least_30_distinct_bad_files(run):
    failed_files = {e.path.rpartition(":")[0] if ".jsonl:" in e.path else e.path
                    for e in run.first.failed}
    assert HOSTILE_FILES >= 30
    assert len(failed_files) == HOSTILE_FILES + len(run.maybe)
    assert run.huge_size == 50 * MB


def test_walk_marks_what_must_not_be_opened(run):
    problems = {found.path.relative_to(run.folder).as_posix(): found.problem
                for found in run.walked if found.problem is not None}
    assert {name: p.reason for name, p in problems.items()} == {**WALK_PROBLEMS, **run.maybe}
    assert all(p.path == str(run.folder / name) for name, p in problems.items())
    assert all(found.root == run.folder for found in run.walked)
    clean = [(f.path, f.root) for f in run.walked if f.problem is None]
    assert list(run.listed) == clean
    names = {path.relative_to(run.folder).as_posix() for path, _ in clean}
    assert names == ({*GOOD_TEXT, *GOOD_ENCODED, *LINKED, *BAD, *BAD_START_FILES,
                      *JSONL_WITH_BAD_LINES, *READ_PROBLEMS} - {"caf\\xe9.md"} | {BAD_NAME})
    # Sorted by path inside the folder.
    assert [f.path for f in run.walked] == sorted(
        (f.path for f in run.walked), key=lambda p: p.relative_to(run.folder).parts)


def test_every_bad_file_is_reported_with_its_reason(run):
    failed = split_expected(failures(run.folder, run.first.failed))
    read_failures = {**{name: reason for name, (_, reason) in BAD.items()}, **BAD_LINES,
                     **READ_PROBLEMS}
    # walk() problems are reported once index_paths reads through walk() (wired by the
    # sync work that went in alongside): they count as files looked at, like the others.
    assert failed == {**read_failures, **WALK_PROBLEMS, **run.maybe}
    assert run.first.files == len(run.walked)


def test_what_must_not_be_opened_never_is(run):
    opened = {Path(name) for name in run.opened}
    never = [HUGE, "over-limit.md", *WALK_PROBLEMS, *run.maybe, "pipe.xyz", "gone.xyz",
             ".draft.md", ".cache/old.md", "notes.xyz", "locked-folder/inside.md"]
    assert not opened & {run.folder / name for name in never}
    assert run.folder / "good.md" in opened


def test_every_good_article_is_indexed_and_searchable(run):
    assert (run.first.added, run.first.updated, run.first.unchanged) == (GOOD, 0, 0)
    assert run.index.search("").total == GOOD
    assert len(run.index) == GOOD
    for word in UNIQUE_WORDS:
        assert run.index.search(word).total == 1, word
    for word in SECRETS:  # outside the folder, behind a folder link, or refused
        assert run.index.search(word).total == 0, word
    assert [note for note in run.first.notes if " read as " in note] == [
        f"{run.folder / name}: read as cp1252 (not UTF-8)" for name in LEGACY]


def test_indexing_again_finds_everything_unchanged(run):
    assert (run.again.added, run.again.updated, run.again.unchanged) == (0, 0, GOOD)
    assert failures(run.folder, run.again.failed) == failures(run.folder, run.first.failed)
    assert run.again.files == run.first.files
    assert len(run.index) == GOOD


def test_the_index_stays_consistent_with_its_files(run):
    health = run.index.check()
    assert (health.ok, health.missing, health.stale, health.changed) == (True, (), (), ())
    assert health.documents == GOOD


def test_good_articles_keep_their_fields(run):
    by_title = {a.title: a for a in run.index}
    assert sorted(by_title) == [
        "", "Archive Note", "Café Notes", "Café Opens", "Clock Tower Stops",
        "Crossmere Headline Only", "Dateline Story", "Deep Folder", "Far Future Story",
        "Ferry Fares Frozen", "Folder With A Suffix", "Greek Visit", "Harbour Tram Approved",
        "Lighthouse Repainted", "Linked Story", "Long Line", "Long Name", "Mayor Meets Visitors",
        "Nested Boxes", "Nested Lists", "Nested Quotes", "Odd Name", "Pier Reopens",
        "Smart “Quotes”", "Spaced Name",
        "Talks in the Port", "Tokyo Talks", "Tower Lit", "Unclosed Head", "Wire Far",
        "Wire One", "Wire Two",
        "Wire Zero", "Year Zero Story"]  # "" is fragment.html, which has no title
    assert by_title[""].body == "The Dunmallow ferry sailed again on Tuesday."
    assert by_title["Café Opens"].path == "sub dir/Café Straße – notes.txt"
    assert by_title["Odd Name"].path == "new\nline.md"
    assert by_title["Long Name"].path == LONG_NAME
    assert by_title["Deep Folder"].path == DEEP
    assert by_title["Archive Note"].path == "日本語 フォルダ/記事 ñandú 📰.md"
    assert by_title["Spaced Name"].path == " spaces  in  name .md"
    assert by_title["Linked Story"].path == ".hidden/target.md"  # a link: its target's path
    assert by_title["Folder With A Suffix"].path == "notes.md/inner.md"
    assert by_title["Lighthouse Repainted"].body == "The Selbourne lighthouse is white."
    assert by_title["Pier Reopens"].body == "The Marrowby pier reopened."
    assert by_title["Tower Lit"].body == "The Kirkbampton tower is lit."
    assert by_title["Café Notes"].body == "The Tollerby café serves tea at £2."
    assert by_title["Smart “Quotes”"].body == "The “Wrenfield” sign was repainted."
    assert by_title["Ferry Fares Frozen"].body == "Fares on the Quenby ferry stay the same."
    assert by_title["Crossmere Headline Only"].body == ""
    assert by_title["Wire One"].id == "wire-1"
    assert by_title["Wire Two"].path == "wire.jsonl#4"
    assert by_title["Long Line"].body == ("The Mistlebury line follows.\n\n" + "x" * 2_000_000
                                          + "\n\nThat was the line.")


def test_absurd_dates_are_dropped_and_the_article_kept(run):
    by_title = {a.title: a for a in run.index}
    assert by_title["Harbour Tram Approved"].published == dt.date(2023, 6, 4)
    assert {title: by_title[title].published for title in UNDATED} == dict.fromkeys(UNDATED)


def test_deep_nesting_keeps_the_innermost_text(run):
    by_title = {a.title: a for a in run.index}
    assert by_title["Nested Quotes"].body == "The Quorvale quote."
    assert by_title["Nested Boxes"].body == "The Zarnwick text."
    lists = by_title["Nested Lists"].body
    assert "item 39" in lists and "Sallowmere" in lists and lists.endswith("The list ends.")


def test_names_in_other_scripts_are_people(run):
    ix = run.index
    by_title = {a.title: a for a in ix}
    assert by_title["Mayor Meets Visitors"].people == ("José Martínez", "Zoë Šťastná")
    assert by_title["Talks in the Port"].people == ("Ana Ruiz", "Ольга Смирнова")
    # Named twice, Greek names count; named once with no cue they do not (as in Latin
    # script). Names in Chinese characters have no word breaks: not found.
    assert by_title["Greek Visit"].people == ("Γιώργος Παπαδόπουλος",)
    assert by_title["Tokyo Talks"].people == ("Haruki Tanaka",)
    for name in ("José Martínez", "Zoë Šťastná", "Ольга Смирнова", "Γιώργος Παπαδόπουλος"):
        assert ix.search("", people=[name]).total == 1, name
    assert ix.search("Смирнова").total == 1
    assert ix.search("Παπαδόπουλος").total == 1


def test_names_that_differ_only_in_spaces_are_different_articles(tmp_index, tmp_path):
    names = ["a b.md", "a  b.md", "a\nb.md", "a\tb.md", " a b.md"]
    for number, name in enumerate(names):
        (tmp_path / name).write_text(f"# Story {number}\n\nText {number}.\n")
    report = tmp_index.index_paths([tmp_path])
    assert (report.added, report.updated, report.failed) == (len(names), 0, ())
    assert sorted(a.path for a in tmp_index) == sorted(names)


# ----------------------------------------------------------- read_file on its own

def test_named_pipe_given_by_name_is_reported_without_waiting(tmp_path):
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    with deadline(20):
        result = read_file(pipe, tmp_path)
    assert [(e.path, e.reason) for e in result.errors] == [
        (str(pipe), "not a regular file (named pipe)")]
    assert (result.articles, result.digest) == ((), None)


def test_socket_given_by_name_is_reported(tmp_path):
    path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as sock:
        try:
            sock.bind(str(path))
        except OSError as exc:
            pytest.skip(f"cannot make a socket here: {exc}")
    (error,) = read_file(path).errors
    assert error.reason == "not a regular file (socket)"


def test_device_given_by_name_is_reported(tmp_path):
    link = tmp_path / "null.md"
    link.symlink_to(os.devnull)
    with deadline(20):
        (error,) = read_file(link, tmp_path).errors
    assert error.reason == "not a regular file (character device)"


def test_folder_given_by_name_is_reported(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    (error,) = read_file(folder, tmp_path).errors
    assert (error.path, error.reason) == (str(folder), "not a regular file (folder)")


def test_file_gone_between_listing_and_reading(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    (found,) = walk([tmp_path])
    found.path.unlink()
    (error,) = read_file(found.path, found.root).errors
    assert error.reason == "cannot read: no such file or directory"


def test_named_pipe_put_in_place_after_the_check_is_not_read(tmp_path, monkeypatch):
    pipe, regular = tmp_path / "swapped.md", tmp_path / "regular.md"
    os.mkfifo(pipe)
    regular.write_text("# Regular\n\nText.\n")
    real_stat = os.stat

    def fake_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        # What os.stat saw before the file was swapped for a pipe.
        return real_stat(regular if path == pipe else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", fake_stat)
    with deadline(20):
        (error,) = read_file(pipe, tmp_path).errors
    assert error.reason == "not a regular file (named pipe)"


def test_file_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path, monkeypatch):
    monkeypatch.setattr(docsearch.readers, "MAX_FILE_BYTES", 4096)
    at, over = tmp_path / "at.md", tmp_path / "over.md"
    at.write_bytes((b"# At The Limit\n\n" + b"word " * 1000)[:4096])
    over.write_bytes((b"# Over\n\n" + b"word " * 1000)[:4097])
    assert [a.title for a in read_file(at, tmp_path).articles] == ["At The Limit"]
    (error,) = read_file(over, tmp_path).errors
    assert error.reason == "file too large (4.1 KB; the limit is 4 KB)"


def test_file_just_over_the_real_limit_is_not_opened(tmp_path, monkeypatch):
    file = tmp_path / "big.md"
    with file.open("wb") as out:
        out.truncate(16 * MB + 1)  # sparse: the size is real, the disk stays free
    opened: list[str] = []
    real_open = os.open

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fsdecode(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    (error,) = docsearch.read_file(file, tmp_path).errors
    assert error.reason == "file too large (16.1 MB; the limit is 16 MB)"
    assert str(file) not in opened


def test_file_that_grows_after_the_check_is_cut_off(tmp_path, monkeypatch):
    monkeypatch.setattr(docsearch.readers, "MAX_FILE_BYTES", 4096)
    file = tmp_path / "growing.md"
    file.write_bytes(b"# Growing\n\n" + b"word " * 1000)
    real_stat, real_fstat = os.stat, os.fstat

    def small(info: os.stat_result) -> os.stat_result:
        values = list(info)
        values[stat.ST_SIZE] = 100  # the size it had when it was looked at
        return os.stat_result(values)

    monkeypatch.setattr(os, "stat", lambda path, *a, **k: small(real_stat(path, *a, **k))
                        if path == file else real_stat(path, *a, **k))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    (error,) = read_file(file, tmp_path).errors
    assert error.reason == "file too large (4.1 KB; the limit is 4 KB)"


def test_name_that_is_not_utf8_is_reported(tmp_path):
    file = tmp_path / BAD_NAME
    file.write_bytes(b"# Cafe\n\nText.\n")
    result = read_file(file, tmp_path)
    assert [(e.path, e.reason) for e in result.errors] == [
        (f"{tmp_path}/caf\\xe9.md", "path is not valid UTF-8")]
    assert result.path == f"{tmp_path}/caf\\xe9.md"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file with mode 000")
def test_unreadable_file(tmp_index, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok.md").write_text("# Readable\n\nThe Vellmoor line.\n")
    locked = folder / "locked.md"
    locked.write_text("# Locked\n\nText.\n")
    locked.chmod(0o000)
    try:
        report = tmp_index.index_paths([folder])
    finally:
        locked.chmod(0o644)
    assert failures(folder, report.failed) == {"locked.md": "cannot read: permission denied"}
    assert tmp_index.search("Vellmoor").total == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list a folder with mode 000")
def test_unlistable_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.md").write_text("# A\n\nText.\n")
    locked.chmod(0o000)
    try:
        found = list(walk([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [(f.path, f.problem.reason if f.problem else None) for f in found] == [
        (locked, "cannot list folder: permission denied")]


def test_file_that_cannot_be_read(tmp_index, tmp_path):
    """The same as the chmod 000 case, for a run as root."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok.md").write_text("# Readable\n\nThe Vellmoor line.\n")
    (folder / "locked.md").write_text("# Locked\n\nText.\n")
    with refusals([]):
        report = tmp_index.index_paths([folder])
    assert failures(folder, report.failed) == {"locked.md": "cannot read: permission denied"}
    assert tmp_index.search("Vellmoor").total == 1


@pytest.mark.parametrize(("exc", "reason"), [
    (KeyError("boom"), "cannot parse: KeyError: 'boom'"),
    (AttributeError("no\n  attribute"), "cannot parse: AttributeError: no attribute"),
    (IndexError("list index out of range"), "cannot parse: IndexError: list index out of range"),
    (ZeroDivisionError(), "cannot parse: ZeroDivisionError: "),
])
def test_reader_crash_on_one_file_does_not_stop_the_run(tmp_index, tmp_path, monkeypatch,
                                                        exc, reason):
    real_read = TextReader.read

    def read(self: TextReader, text: str, path: str):
        if path.endswith("crash.txt"):
            raise exc
        return real_read(self, text, path)

    monkeypatch.setattr(TextReader, "read", read)
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, word in [("a.txt", "Vellmoor"), ("crash.txt", "Quenby"), ("z.txt", "Ostwick")]:
        (folder / name).write_text(f"Title {word}\n\nText about {word}.\n")
    report = tmp_index.index_paths([folder])
    assert failures(folder, report.failed) == {"crash.txt": reason}
    assert (report.files, report.added) == (3, 2)
    assert [tmp_index.search(w).total for w in ("Vellmoor", "Quenby", "Ostwick")] == [1, 0, 1]


# ----------------------------------------------------------------- the date policy

TODAY = dt.date(2024, 2, 29)


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(EARLIEST_YEAR - 1, 12, 31), False),
    (dt.date(EARLIEST_YEAR, 1, 1), True),
    (dt.date(1987, 2, 26), True),
    (TODAY, True),
    (dt.date(2025, 2, 28), True),  # one year after 29 February 2024
    (dt.date(2025, 3, 1), False),
    (dt.datetime(2025, 2, 28, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=14))), True),
    (dt.date(9999, 12, 31), False),
    (dt.date(1, 1, 1), False),
])
def test_plausible_publication_dates(value, expected):
    assert plausible(value, TODAY) is expected


def test_latest_date_is_years_ahead_of_today():
    assert YEARS_AHEAD == 1
    assert latest_date(dt.date(2023, 6, 4)) == dt.date(2024, 6, 4)
    assert latest_date(TODAY) == dt.date(2025, 2, 28)


@pytest.mark.parametrize("value", [
    "0000-01-01", "0001-01-01", "0999-12-31", "9999-12-31", "9999-12-31T23:59:59-12:00",
    dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59),
])
def test_absurd_metadata_dates_give_none(value):
    assert coerce_date(value) is None


def test_dates_around_the_bounds_from_today():
    today = dt.date.today()
    soon, late = today + dt.timedelta(days=200), today + dt.timedelta(days=400)
    assert coerce_date(soon.isoformat()) == soon
    assert coerce_date(late.isoformat()) is None
    assert coerce_date("1000-01-01") == dt.date(1000, 1, 1)
    assert parse_date(f"Published: {late:%B} {late.day}, {late.year}") is None
    assert parse_date("December 31, 2999") is None


def test_absurd_reuters_date_gives_none():
    assert parse_reuters_date("26-FEB-9999 15:01:01.79") is None
    assert parse_reuters_date("26-FEB-1987 15:01:01.79") == dt.datetime(1987, 2, 26, 15, 1, 1)
