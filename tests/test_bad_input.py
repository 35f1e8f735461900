"""A folder of broken, odd and good files indexed together: the bad ones are reported
one by one, the good ones are all searchable, and nothing stops the run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import docsearch.readers
from docsearch import ParseError
from docsearch.readers.text import TextReader

LIMIT = 4096  # MAX_FILE_BYTES while these tests run

# Good files: relative path → content. Each holds one word no other file has.
GOOD_TEXT = {
    "good.md": "---\ntitle: Harbour Tram Approved\ndate: 2023-06-04\n---\n"
               "# Harbour Tram Approved\n\nThe council approved the Vellmoor tram line.\n",
    "bom-utf8.md": "\ufeff# Ferry Fares Frozen\n\nFares on the Quenby ferry stay the same.\n",
    "accents.md": "# Mayor Meets Visitors\n\nMayor José Martínez met Zoë Šťastná at the "
                  "Tarrowgate quay. José Martínez said the visit went well.\n",
    "cyrillic.txt": "Talks in the Port\n\nОльга Смирнова met Ana Ruiz at the Brindlemere "
                    "office. Ольга Смирнова said the talks were useful.\n",
    "sub dir/Café Straße – notes.txt": "Café Opens\n\nA new café opened by the Ostwick "
                                       "pier on Friday.\n",
}
# UTF-16 with a byte-order mark, both byte orders: read like UTF-8.
GOOD_UTF16 = {
    "utf16-le.txt": ("\ufeffLighthouse Repainted\n\nThe Selbourne lighthouse is white.\n",
                     "utf-16-le"),
    "utf16-be.txt": ("\ufeffPier Reopens\n\nThe Marrowby pier reopened.\n", "utf-16-be"),
}
WIRE = "".join(line + "\n" for line in [
    json.dumps({"title": "Wire One", "body": "Storm near Kestrelby.", "id": "wire-1"}),
    '{"title": "Wire Broken", "body": ',
    "",
    json.dumps({"title": "Wire Two", "body": "Snow in Dunholt."}),
])
UNIQUE_WORDS = ["Vellmoor", "Quenby", "Tarrowgate", "Brindlemere", "Ostwick", "Selbourne",
                "Marrowby", "Kestrelby", "Dunholt"]
GOOD = len(UNIQUE_WORDS)  # articles: one per good file, two in wire.jsonl

# Bad files: relative path → (content, the reason read_file gives).
BAD = {
    "empty.md": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n\r\n", "empty file"),
    "image.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
    "broken-utf8.txt": (b"Title\n\nBad \xc3\x28 byte", "not UTF-8 text (byte 0xc3 at offset 11)"),
    "latin1.txt": ("Café Notes\n\nSome text.\n".encode("latin-1"),
                   "not UTF-8 text (byte 0xe9 at offset 3)"),
    "front-list.md": (b"---\n- a\n- b\n---\nBody.\n",
                      "malformed front matter: not a mapping of keys to values"),
    "no-body.html": (b"<html><head><title>Nothing Here</title></head><body></body></html>",
                     "no article text in the HTML (only a title)"),
    "too-large.md": (b"# Big\n\n" + b"word " * 1000, "file too large (4.9 KB; the limit is 4 KB)"),
}
BAD_LINES = {"wire.jsonl:2": "invalid JSON (Expecting value at column 34)"}
# Bad files whose reason goes on in the YAML parser's own words: (content, start of reason).
BAD_START = {"front-syntax.md": (b"---\ntitle: [unclosed\n---\nBody.\n",
                                 "malformed front matter: ")}


def build_corpus(folder: Path, outside: Path) -> None:
    """Write the good and bad files, plus files that must be skipped without a word."""
    files = {name: text.encode() for name, text in GOOD_TEXT.items()}
    files.update({name: text.encode(codec) for name, (text, codec) in GOOD_UTF16.items()})
    files["wire.jsonl"] = WIRE.encode()
    files.update({name: data for name, (data, _) in [*BAD.items(), *BAD_START.items()]})
    files[".draft.md"] = b""  # hidden: never read
    files[".cache/old.md"] = b"\x00\x00"
    files["notes.xyz"] = b"\x00"  # unknown suffix in a folder: ignored
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nThe Farrowdeep plan.\n", encoding="utf-8")
    (folder / "outside.md").symlink_to(outside / "secret.md")
    (folder / "loop.md").symlink_to(folder / "loop.md")
    (folder / "ping.md").symlink_to(folder / "pong.md")
    (folder / "pong.md").symlink_to(folder / "ping.md")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "sub dir" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)


def failures(folder: Path, errors: tuple[ParseError, ...]) -> dict[str, str]:
    return {Path(e.path).relative_to(folder).as_posix(): e.reason for e in errors}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(docsearch.readers, "MAX_FILE_BYTES", LIMIT)
    folder = tmp_path / "docs"
    build_corpus(folder, tmp_path / "outside")
    return folder


def test_bad_files_are_reported_and_good_ones_indexed(tmp_index, corpus):
    report = tmp_index.index_paths([corpus])
    failed = failures(corpus, report.failed)
    for name, (_, start) in BAD_START.items():
        assert failed.pop(name).startswith(start)
    assert failed == {**{name: reason for name, (_, reason) in BAD.items()}, **BAD_LINES}
    assert report.files == len(GOOD_TEXT) + len(GOOD_UTF16) + 1 + len(BAD) + len(BAD_START)
    assert (report.added, report.updated, report.unchanged) == (GOOD, 0, 0)
    assert tmp_index.search("").total == GOOD
    for word in UNIQUE_WORDS:
        assert tmp_index.search(word).total == 1, word
    assert tmp_index.search("Farrowdeep").total == 0  # behind the symlink to outside


def test_good_articles_keep_their_fields(tmp_index, corpus):
    tmp_index.index_paths([corpus])
    by_title = {a.title: a for a in tmp_index}
    assert sorted(by_title) == [
        "Café Opens", "Ferry Fares Frozen", "Harbour Tram Approved", "Lighthouse Repainted",
        "Mayor Meets Visitors", "Pier Reopens", "Talks in the Port", "Wire One", "Wire Two"]
    assert by_title["Café Opens"].path == "sub dir/Café Straße – notes.txt"
    assert by_title["Lighthouse Repainted"].body == "The Selbourne lighthouse is white."
    assert by_title["Pier Reopens"].body == "The Marrowby pier reopened."
    assert by_title["Ferry Fares Frozen"].body == "Fares on the Quenby ferry stay the same."
    assert by_title["Wire One"].id == "wire-1"
    assert by_title["Wire Two"].path == "wire.jsonl#4"


def test_names_in_other_scripts_are_people(tmp_index, corpus):
    tmp_index.index_paths([corpus])
    assert tmp_index.search("", people=["José Martínez"]).total == 1
    assert tmp_index.search("", people=["Zoë Šťastná"]).total == 1
    assert tmp_index.search("", people=["Ольга Смирнова"]).total == 1
    assert tmp_index.search("Смирнова").total == 1
    by_title = {a.title: a for a in tmp_index}
    assert by_title["Mayor Meets Visitors"].people == ("José Martínez", "Zoë Šťastná")
    assert by_title["Talks in the Port"].people == ("Ana Ruiz", "Ольга Смирнова")


def test_indexing_again_finds_everything_unchanged(tmp_index, corpus):
    first = tmp_index.index_paths([corpus])
    again = tmp_index.index_paths([corpus])
    assert (first.added, first.updated, first.unchanged) == (GOOD, 0, 0)
    assert (again.added, again.updated, again.unchanged) == (0, 0, GOOD)
    assert failures(corpus, again.failed) == failures(corpus, first.failed)
    assert len(tmp_index) == GOOD


def test_file_just_over_the_real_limit_says_so(tmp_path, monkeypatch):
    file = tmp_path / "big.md"
    file.write_text("# Big\n\nText.\n")
    real_stat = Path.stat

    def fake_stat(self: Path, **kwargs: object) -> os.stat_result:
        result = real_stat(self, **kwargs)
        if self == file:
            values = list(result)
            values[6] = 16 * 1024 * 1024 + 1  # st_size
            return os.stat_result(values)
        return result

    monkeypatch.setattr(Path, "stat", fake_stat)
    (error,) = docsearch.read_file(file, tmp_path).errors
    assert error.reason == "file too large (16.1 MB; the limit is 16 MB)"


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


def test_file_that_cannot_be_read(tmp_index, tmp_path, monkeypatch):
    """The same as the chmod 000 case, for a run as root."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ok.md").write_text("# Readable\n\nThe Vellmoor line.\n")
    (folder / "locked.md").write_text("# Locked\n\nText.\n")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
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
