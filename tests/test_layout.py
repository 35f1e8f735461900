"""The shape of the code base: each concern written once, imports pointing one way
(issue 13's tidy-ups), checked by reading the source."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from docsearch.files import atomic_write

PACKAGE = Path(__file__).resolve().parent.parent / "docsearch"


def _imported(path: Path) -> set[str]:
    """Every module a source file imports, at any depth (TYPE_CHECKING blocks too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_atomic_rename_is_written_in_one_module():
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if re.search(r"\bos\.replace\(", p.read_text("utf-8")))
    assert users == ["files.py"]


def test_watch_does_not_import_the_index():
    imported = _imported(PACKAGE / "watch.py")
    assert not {name for name in imported if name.startswith("docsearch.index")}


def test_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "data.json"
    target.write_text("old")
    with atomic_write(target) as out:
        out.write("new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


def test_atomic_write_leaves_the_file_as_it_was_when_the_block_raises(tmp_path):
    target = tmp_path / "data.bin"
    target.write_bytes(b"old")
    with pytest.raises(ValueError), atomic_write(target, binary=True, fsync=True) as out:
        out.write(b"half")
        raise ValueError("stopped")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.bin"]


#: Modules of the presentation layer the CLI may use besides the public API: its
#: shared option decorators, its settings file and the web app it starts
#: (``docsearch serve``).
PRESENTATION = {"docsearch.output", "docsearch.cli_options", "docsearch.config",
                "docsearch.web.server"}


def test_the_cli_imports_only_the_public_api():
    import docsearch
    outside = []
    for node in ast.walk(ast.parse((PACKAGE / "cli.py").read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("docsearch"):
            if node.module == "docsearch":
                outside += [alias.name for alias in node.names
                            if alias.name not in {*docsearch.__all__, "output"}]
            elif node.module not in PRESENTATION:
                outside.append(node.module)
        elif isinstance(node, ast.Import):
            outside += [a.name for a in node.names if a.name.startswith("docsearch.")
                        and a.name not in PRESENTATION]
    assert outside == []


def test_a_segment_is_named_in_one_place():
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if "segment_id()" in p.read_text("utf-8"))
    assert users == ["engines/whoosh/state.py"]


def test_the_state_key_changes_with_the_index_state_only(tmp_path):
    import docsearch
    ix = docsearch.open(tmp_path / "ix", create=True)
    ix.add([docsearch.Article(id="a1", title="Ferry strike", body="The ferry stopped."),
            docsearch.Article(id="a2", title="Ferry back", body="The ferry sails again.")])
    engine = ix._engine
    first = engine.snapshot()
    key = first.key
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert engine.snapshot() is first  # nothing changed: the same snapshot
    ix.delete("a1")
    after_delete = engine.snapshot().key
    ix.add(docsearch.Article(id="a3", title="Tram", body="A tram line."))
    after_add = engine.snapshot().key
    assert len({key, after_delete, after_add}) == 3
    assert [hit.id for hit in ix.search("ferry").hits] == ["a2"]
    ix.close()


_WHOOSH_IMPORT = re.compile(r"^\s*(from|import) whoosh\b", re.MULTILINE)


def test_only_the_whoosh_engine_imports_whoosh():
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if _WHOOSH_IMPORT.search(p.read_text("utf-8")))
    assert users
    assert [u for u in users if not u.startswith("engines/whoosh/")] == []


#: The libraries an engine may be built on (base.py imports none of them).
ENGINE_LIBRARIES = ("whoosh", "tantivy", "httpx", "pysolr")


def test_the_engine_interface_imports_no_engine_library():
    imported = _imported(PACKAGE / "engines" / "base.py")
    assert {name for name in imported if name.split(".")[0] in ENGINE_LIBRARIES} == set()
    assert {name for name in imported if name.startswith("docsearch.engines.")} == set()


def test_the_search_layer_talks_to_a_snapshot_only():
    neutral = [p for p in PACKAGE.rglob("*.py") if "engines" not in p.parts]
    reaching = sorted(str(p.relative_to(PACKAGE)) for p in neutral
                      for name in _imported(p) if name.startswith("docsearch.engines.")
                      and name.split(".")[2] not in ("base", "DEFAULT_ENGINE", "choose_engine",
                                                     "open_backend", "create_backend",
                                                     "available_engines", "engine_info",
                                                     "EngineInfo", "open_store",
                                                     "remote_engine"))
    assert reaching == []
