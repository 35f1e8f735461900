"""The engines docsearch can store an index with, and how one is chosen.

An engine is the library that holds the index and answers a compiled query:
Whoosh (built in, the default), tantivy (an embedded engine written in Rust) or
Solr (a remote cluster, reached over HTTP). This module only *names* them: it
imports no engine library, so listing the engines (``docsearch engines``) works
whatever is installed. Whether an engine can be used is two questions, asked
without importing anything (``importlib.util.find_spec``):

* does this version of docsearch implement it (its module under
  ``docsearch/engines/``)?
* is its library installed (``pip install "docsearch[NAME]"`` installs it)?

The engine is recorded in the index's ``docsearch.json`` when the index is made,
so reopening never needs it; an index made before engines were recorded is a
Whoosh index. A location that is a URL (``solr://HOST:PORT/solr/COLLECTION``,
``http://...``) names a remote engine instead of a folder.

>>> from docsearch.engines import engine_info
>>> engine_info("whoosh").default, engine_info("whoosh").install
(True, 'built in')
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from docsearch.errors import EngineError

if TYPE_CHECKING:
    from docsearch.engines.base import Backend

__all__ = ["DEFAULT_ENGINE", "ENGINES", "EngineInfo", "available_engines", "choose_engine",
           "create_backend", "engine_info", "open_backend", "open_store", "remote_engine"]

DEFAULT_ENGINE = "whoosh"


def _found(module: str) -> bool:
    """Whether ``module`` can be imported, without importing it (nor, for a
    top-level name, anything at all)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


@attrs.frozen
class EngineInfo:
    """One engine: its name, where docsearch implements it and what it needs.

    ``implementation`` is the module of docsearch that drives the engine;
    ``library`` the module its extra installs (``None``: built in); ``extra`` the
    name in ``pip install "docsearch[EXTRA]"``; ``remote`` whether its index is
    a server named by a URL (``location`` shows its form) rather than a folder;
    ``note`` what ``docsearch engines`` adds about it.

    >>> whoosh = docsearch.available_engines()[0]
    >>> whoosh.name, whoosh.default, whoosh.status, whoosh.install
    ('whoosh', True, 'installed', 'built in')
    """

    name: str
    implementation: str
    library: str | None = None
    extra: str | None = None
    remote: bool = False
    location: str = "FOLDER"
    #: URL schemes whose locations this engine serves (remote engines).
    schemes: tuple[str, ...] = ()
    note: str = ""

    @property
    def default(self) -> bool:
        return self.name == DEFAULT_ENGINE

    @property
    def implemented(self) -> bool:
        """Whether this version of docsearch has the engine's implementation."""
        return _found(self.implementation)

    @property
    def installed(self) -> bool:
        """Whether the engine's library is installed (a built-in one always is)."""
        return self.library is None or _found(self.library)

    @property
    def install(self) -> str:
        """How to install it: ``built in`` or the ``pip install`` command."""
        return "built in" if self.extra is None else f'pip install "docsearch[{self.extra}]"'

    @property
    def status(self) -> str:
        """``installed``, ``not installed``, or that docsearch does not have it yet."""
        if not self.implemented:
            return "not available in this version of docsearch"
        return "installed" if self.installed else "not installed"

    def to_dict(self) -> dict[str, object]:
        """The engine as ``docsearch engines --json`` prints it."""
        return {"name": self.name, "default": self.default, "available": self.implemented,
                "installed": self.installed, "install": self.install, "remote": self.remote,
                "location": self.location}


#: Every engine docsearch knows, the default first (``memory`` only where its
#: module exists: it is a test engine).
ENGINES: tuple[EngineInfo, ...] = (
    EngineInfo("whoosh", "docsearch.engines.whoosh"),
    EngineInfo("memory", "docsearch.engines.memory", note="for tests, not for real archives"),
    EngineInfo("tantivy", "docsearch.engines.tantivy", library="tantivy", extra="tantivy"),
    EngineInfo("solr", "docsearch.engines.solr", library="httpx", extra="solr", remote=True,
               location="solr://HOST:PORT/solr/COLLECTION",
               schemes=("solr", "http", "https")),
)


def available_engines() -> tuple[EngineInfo, ...]:
    """The engines ``docsearch engines`` lists: every known one, the default first
    (the ``memory`` test engine only where it exists).

    >>> [engine.name for engine in available_engines()][0]
    'whoosh'
    """
    return tuple(e for e in ENGINES if e.name != "memory" or e.implemented)


def engine_info(name: str) -> EngineInfo:
    """The engine called ``name``; :class:`EngineError` if there is none."""
    for engine in available_engines():
        if engine.name == name:
            return engine
    names = ", ".join(e.name for e in available_engines())
    raise EngineError(f"unknown engine '{name}' (engines: {names})")


def remote_engine(location: str | Path) -> EngineInfo | None:
    """The remote engine a location names by its URL scheme (``None``: a folder).

    >>> remote_engine("solr://localhost:8983/solr/news").name
    'solr'
    >>> remote_engine("archive/index") is None
    True
    """
    text = str(location)
    scheme, sep, _ = text.partition("://")
    if not sep or not scheme.isalpha():
        return None
    for engine in available_engines():
        if scheme.lower() in engine.schemes:
            return engine
    raise EngineError(f"no engine serves {scheme}:// locations such as {text} "
                      f"(a location is a folder or {_urls()})")


def _urls() -> str:
    return " or ".join(e.location for e in available_engines() if e.remote)


def choose_engine(location: str | Path, requested: str | None,
                  recorded: str | None) -> EngineInfo:
    """The engine to open ``location`` with, checked to be usable.

    ``requested`` is the engine asked for (``None``: any); ``recorded`` the one an
    existing index was made with (``None``: a new index). An index is opened only
    with the engine it was made with; a URL location chooses its remote engine.
    Raises :class:`EngineError` (one line) for an unknown engine, one that does not
    match, one this version lacks, or one whose library is not installed.
    """
    engine = _pick(location, requested, recorded)
    if not engine.implemented:
        raise EngineError(f"the {engine.name} engine is not available in this version of "
                          f"docsearch (available: {_names(_usable())})")
    if not engine.installed:
        raise EngineError(f"the {engine.name} engine is not installed: "
                          f"{engine.install}")
    return engine


def _pick(location: str | Path, requested: str | None, recorded: str | None) -> EngineInfo:
    asked = engine_info(requested) if requested is not None else None
    remote = remote_engine(location)
    if remote is not None:
        if asked is not None and asked.name != remote.name:
            raise EngineError(f"{location} is a {remote.name} location; the {asked.name} "
                              f"engine keeps its index in a folder")
        return remote
    if asked is not None and asked.remote:
        raise EngineError(f"the {asked.name} engine needs a location such as "
                          f"{asked.location}, not a folder")
    if recorded is not None:
        made = recorded
        if asked is not None and asked.name != made:
            raise EngineError(f"the index at {location} was made with the {made} engine, "
                              f"not {asked.name} (open it without --engine, or make a new "
                              f"index)")
        return engine_info(made)
    return asked if asked is not None else engine_info(DEFAULT_ENGINE)


def _usable() -> Sequence[EngineInfo]:
    return [e for e in available_engines() if e.implemented and e.installed]


def _names(engines: Sequence[EngineInfo]) -> str:
    return ", ".join(e.name for e in engines)


def _module(name: str):  # type: ignore[no-untyped-def]
    """The module that implements the engine ``name`` (imported now)."""
    return importlib.import_module(engine_info(name).implementation)


def create_backend(name: str, folder: Path) -> Backend:
    """A new, empty index of the engine ``name`` in ``folder`` (see
    :mod:`docsearch.engines.base`)."""
    backend: Backend = _module(name).create(folder)
    return backend


def open_store(name: str, location: str, *, create: bool, timeout: float,
               **sizes: int) -> Any:
    """The store of a remote engine's index at ``location`` (its metadata, lock,
    manifest and generations live with the engine), made when ``create`` and
    missing; ``sizes`` (``shards``, ``replicas``) size a new one."""
    return _module(name).open_store(location, create=create, timeout=timeout, **sizes)


def open_backend(name: str, folder: Path | str) -> Backend:
    """The index of the engine ``name`` in ``folder`` (for a remote engine, the
    location of one generation)."""
    backend: Backend = _module(name).open(folder if engine_info(name).remote else Path(folder))
    return backend
