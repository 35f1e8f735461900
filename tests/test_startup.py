"""The command line starts fast (issue 19): ``docsearch --help``, ``--version`` and
``search`` import only what they need. Each case runs the CLI in a new Python
process and lists which of the heavy modules it left in ``sys.modules``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import docsearch
from docsearch import readers
from docsearch.engines.whoosh.buffers import BufferStream

#: Libraries that no command below needs: readers' parsers, spelling, the test-data
#: generator, the watcher and the web app.
NEVER = ("bs4", "markdown_it", "faker", "rapidfuzz", "spellchecker", "charset_normalizer",
         "frontmatter", "watchfiles", "starlette", "jinja2", "uvicorn")
#: What --help and --version do not need either: the engine, the arrays and the
#: models (attrs classes).
NOT_FOR_HELP = (*NEVER, "whoosh", "numpy", "attr", "attrs", "docsearch.models", "tomllib")

_RUN = """
import gc, json, sys
sys.argv = ["docsearch", *{args!r}]
from docsearch.cli import main
code = None
try:
    main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
print("\\nSTATE " + json.dumps({{
    "loaded": sorted(m for m in {watched!r} if m in sys.modules), "code": code,
    "gc": gc.isenabled(), "frozen": gc.get_freeze_count() > 0}}), file=sys.stderr)
"""


def run_main(*args: str, watched: tuple[str, ...] = NOT_FOR_HELP) -> tuple[str, dict[str, Any]]:
    """What ``docsearch ARGS``, run by the console script's ``main`` in a new process,
    printed, and then: which ``watched`` modules it imported, its exit status, whether
    the cyclic collector is on and whether the heap was frozen."""
    code = _RUN.format(args=list(args), watched=list(watched))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return done.stdout, json.loads(done.stderr.rsplit("STATE ", 1)[1])


def loaded(*args: str, watched: tuple[str, ...] = NOT_FOR_HELP) -> list[str]:
    """The ``watched`` top-level modules that ``docsearch ARGS`` imported."""
    return list(run_main(*args, watched=watched)[1]["loaded"])


def test_help_imports_no_engine_nor_parsers():
    assert loaded("--help") == []


def test_version_imports_no_engine_nor_parsers():
    assert loaded("--version") == []


def test_version_prints_the_package_version():
    done = subprocess.run([sys.executable, "-m", "docsearch", "--version"],
                          capture_output=True, text=True, check=True)
    assert done.stdout == f"docsearch, version {docsearch.__version__}\n"


def test_import_docsearch_loads_no_library():
    code = ("import sys, docsearch; print(sorted(m for m in sys.modules "
            "if m.startswith('docsearch')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "['docsearch', 'docsearch.errors']"


def test_search_imports_no_parser_nor_speller(sample_index):
    assert loaded("search", "harbour", "--index", str(sample_index.path),
                  watched=NEVER) == []


def test_search_with_a_person_imports_no_parser_nor_speller(sample_index):
    assert loaded("search", "ferry", "--person", "Ingrid Solberg-Vance", "--index",
                  str(sample_index.path), watched=NEVER) == []


#: What a search of an index whose people view is saved does not need: the extraction
#: rules (name folding included), the writing side, the SQLite manifest and, with no
#: config file, the TOML parser.
NOT_FOR_SEARCH = ("docsearch.extract", "docsearch.extract.people", "docsearch.extract.registry",
                  "docsearch.extract.topics", "docsearch.sync", "docsearch.check",
                  "docsearch.readers", "docsearch.batch", "docsearch.export", "sqlite3",
                  "tomllib")


def searched(*args: str) -> list[str]:
    """What ``docsearch search ARGS`` on the sample index imported of NOT_FOR_SEARCH, in
    a process after one that saved the index's people view."""
    loaded(*args)  # the first search of this index state saves its people
    return loaded(*args, watched=NOT_FOR_SEARCH)


def test_search_imports_no_extraction_nor_writing(sample_index):
    assert searched("search", "harbour", "--index", str(sample_index.path)) == []


def test_search_for_a_person_as_the_index_holds_the_name_imports_no_extraction(sample_index):
    assert searched("search", "ferry", "--person", "Ingrid Solberg-Vance", "--index",
                    str(sample_index.path)) == []


def test_json_search_imports_no_extraction_nor_writing(sample_index):
    assert searched("search", "harbour", "--json", "--index", str(sample_index.path)) == []


def test_a_surname_filter_loads_the_name_rules(sample_index):
    args = ("search", "ferry", "--person", "solberg-vance", "--index", str(sample_index.path))
    assert loaded(*args, watched=("docsearch.extract.people",)) == ["docsearch.extract.people"]


def test_a_misspelt_search_loads_the_speller(sample_index):
    assert loaded("search", "harbuor", "--index", str(sample_index.path),
                  watched=("rapidfuzz",)) == ["rapidfuzz"]


@pytest.mark.parametrize("name", sorted(docsearch.__all__))
def test_every_public_name_resolves(name):
    assert getattr(docsearch, name) is not None


def test_the_deferred_readers_claim_their_readers_suffixes():
    from docsearch.readers.html import HtmlReader
    from docsearch.readers.markdown import MarkdownReader

    for reader in (MarkdownReader(), HtmlReader()):
        for suffix in reader.suffixes:
            found = readers.reader_for(f"a{suffix}")
            assert (found.name, found.suffixes) == (reader.name, reader.suffixes)


def test_facet_names_are_the_facet_registry():
    from docsearch.search.facets import FACETS

    assert tuple(FACETS) == docsearch.FACET_NAMES


def test_a_buffer_stream_reads_as_bytesio_does():
    data = b"ab\ncd\n" + b"x" * 5000 + b"\nlast"
    for text in (data, b"", b"abc"):
        stream, copy = BufferStream(text), io.BytesIO(text)
        assert list(stream) == copy.readlines()
        stream.seek(2), copy.seek(2)
        assert (stream.read(3), stream.tell()) == (copy.read(3), copy.tell())
        stream.seek(-2, io.SEEK_END), copy.seek(-2, io.SEEK_END)
        assert stream.read() == copy.read()
        stream.seek(0), copy.seek(0)
        assert [stream.readline(1), stream.readline()] == [copy.readline(1), copy.readline()]


def test_whoosh_maps_segment_files_without_copying_them(sample_index):
    from whoosh.filedb.structfile import BufferFile

    file = BufferFile(memoryview(b"\x00\x00\x00\x07rest"), name="t")
    assert isinstance(file.file, BufferStream)
    assert (file.read_uint(), file.read(4)) == (7, b"rest")
    assert sample_index.search("harbour").total == 11


def test_the_cli_speed_benchmark_prints_its_table(sample_index, capsys):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import cli_speed

    assert cli_speed.main(["--sample", str(sample_index.path), "--no-reuters",
                           "--repeat", "1", "--markdown"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert [row.split(" | ")[0] for row in rows[2:]] == [
        '| `python -c "import docsearch"`', '| `python -c "import docsearch.cli"`',
        '| `python -c "import click, attrs, numpy, whoosh..." (a search\'s libraries)`',
        "| `docsearch --version`", "| `docsearch --help`",
        "| `docsearch search harbour (sample_docs)`"]


def test_the_cli_speed_benchmark_compares_checkouts_run_by_run(sample_index, tmp_path, capsys):
    """With --checkout twice, each measure runs under each checkout in turn (its own
    copy of the index) and the table has a p50/p95 pair per checkout."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import cli_speed

    root = str(Path(__file__).resolve().parent.parent)
    assert cli_speed.main(["--sample", str(tmp_path / "sample"), "--no-reuters", "--repeat", "1",
                           "--markdown", "--checkout", root, "--checkout", root]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "| measure | A p50 ms | A p95 ms | B p50 ms | B p95 ms |"
    assert [len(row.split(" | ")) for row in rows[2:]] == [5] * 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample-A", "sample-B"]
    assert cli_speed.checkout_names([root, "/tmp/x"]) == ["A", "B"]


@pytest.mark.parametrize("mode", ["compiled", "none"])
def test_the_cli_speed_benchmark_sets_the_checkouts_bytecode(sample_index, tmp_path, mode):
    """--bytecode compiled compiles a checkout's docsearch/ first (as installing it
    does); none removes its bytecode and runs without writing any."""
    import shutil

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import cli_speed

    root = Path(__file__).resolve().parent.parent
    checkout = tmp_path / "checkout"
    shutil.copytree(root / "docsearch", checkout / "docsearch",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (checkout / "docsearch" / "__pycache__").mkdir()
    (checkout / "docsearch" / "__pycache__" / "stale.pyc").write_bytes(b"")
    assert cli_speed.main(["--sample", str(tmp_path / "sample"), "--no-reuters", "--repeat", "1",
                           "--checkout", str(checkout), "--bytecode", mode]) == 0
    cached = sorted(p.name for p in (checkout / "docsearch").rglob("*.pyc"))
    if mode == "compiled":
        assert f"cli.{sys.implementation.cache_tag}.pyc" in cached
    else:
        assert cached == []


def test_the_cli_speed_benchmark_times_cpu_with_cpu(sample_index, capsys):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import cli_speed

    assert cli_speed.main(["--sample", str(sample_index.path), "--no-reuters", "--repeat", "1",
                           "--markdown", "--cpu"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "| measure | p50 CPU ms | p95 CPU ms |"
    assert all(float(row.split(" | ")[1]) > 0 for row in rows[2:])


def test_the_console_script_freezes_the_heap_before_the_exit():
    """A command's objects are moved out of the collector's sight (gc.freeze) when it
    ends, so the interpreter's last full collection walks none of them (~30 ms of a
    search); what the command printed and its exit status are the same."""
    printed, state = run_main("--version")
    assert printed == f"docsearch, version {docsearch.__version__}\n"
    assert (state["code"], state["frozen"]) == (0, True)


def test_a_failing_command_exits_as_before_with_the_heap_frozen(tmp_path):
    done = subprocess.run([sys.executable, "-m", "docsearch", "search", "x", "--index",
                           str(tmp_path / "missing")], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def gc_enabled_after(*args: str) -> bool:
    return bool(run_main(*args)[1]["gc"])


def test_a_search_from_the_console_script_runs_without_the_cyclic_collector(sample_index):
    assert not gc_enabled_after("search", "harbour", "--index", str(sample_index.path))
    assert not gc_enabled_after("stats", "--index", str(sample_index.path))


def test_other_commands_and_the_library_keep_the_collector(sample_index, tmp_path):
    import gc

    from click.testing import CliRunner

    from docsearch.cli import cli

    assert gc_enabled_after("--version")
    assert gc_enabled_after("index", str(tmp_path / "none"), "--index", str(tmp_path / "ix"))
    assert CliRunner().invoke(cli, ["search", "harbour", "--index",
                                    str(sample_index.path)]).exit_code == 0
    assert gc.isenabled()
