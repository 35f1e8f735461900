"""Files in the user's cache folder that spare a new process work on its first write
(issue 15): the people lexicon's word lists taken from Faker (see
:mod:`docsearch.extract.lexicon`), the world dictionary's first names (hashed, see
:mod:`docsearch.extract.world_names`), the gazetteers' places of two words or more
(:mod:`docsearch.extract.gazetteer`) and the bundled taxonomy parsed with its seed model.

The folder is ``$DOCSEARCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/docsearch``, else
``~/.cache/docsearch``. Every file is a pure function of what its name is keyed by; one
that is missing, damaged or unreadable is worked out again and rewritten, and without a
writable folder the work is done each time. Nothing here changes what is extracted.

The taxonomy's file, ``taxonomy-KEY.npz`` (plain arrays, no pickles), is keyed by a hash
of the bundled taxonomy, seed texts and labelled counts, the code that parses them and the
stemmer's version, so a change to any of them makes a new file. It holds the seed and the
supervised model.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docsearch.files import atomic_write

if TYPE_CHECKING:
    from docsearch.extract.topic_model import TopicModel
    from docsearch.extract.topics import Taxonomy

__all__ = ["cache_folder", "cache_key", "default_taxonomy", "installed_version"]

#: What the parsed bundled taxonomy depends on, relative to the ``docsearch`` package.
_SOURCES = ("extract/data/taxonomy.toml", "extract/data/topic_seeds.txt",
            "extract/data/topic_counts.npz", "extract/topics.py", "extract/topic_model.py",
            "extract/usercache.py", "analysis.py")
#: What a damaged file can raise while it is read back.
_DAMAGED = (OSError, ValueError, KeyError, IndexError, TypeError, EOFError,
            zipfile.BadZipFile)


def cache_folder() -> Path:
    """The folder of docsearch's cache files (it may not exist yet)."""
    own = os.environ.get("DOCSEARCH_CACHE_DIR")
    if own:
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "docsearch"


def installed_version(module: str, distribution: str) -> str | None:
    """The version of the installed ``distribution`` that holds the top-level ``module``,
    from its ``dist-info`` folder beside it (quicker than :mod:`importlib.metadata`,
    which reads every installed package's), or ``None``; ``module`` is not imported."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):  # pragma: no cover - not installed
        return None
    if spec is None or spec.origin is None:  # pragma: no cover
        return None
    site = Path(spec.origin).parent  # the folder of a module, or the package's own
    if spec.submodule_search_locations:
        site = site.parent
    prefix = distribution.lower().replace("-", "_") + "-"
    found = [d.name[len(prefix):-len(".dist-info")] for d in site.iterdir()
             if d.name.lower().startswith(prefix) and d.name.endswith(".dist-info")]
    return found[0] if len(found) == 1 else None


@functools.cache
def cache_key() -> str:
    """A hash of the files the parsed bundled taxonomy depends on and the stemmer's version."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(str(installed_version("Stemmer", "pystemmer")).encode())
    for source in _SOURCES:
        digest.update((package / source).read_bytes())
    return digest.hexdigest()[:16]


def default_taxonomy(parse: Callable[[], Taxonomy]) -> Taxonomy:
    """The bundled taxonomy: read from its cache file, else ``parse()`` d and saved."""
    try:
        path: Path | None = cache_folder() / f"taxonomy-{cache_key()}.npz"
    except OSError:  # pragma: no cover - a source file unreadable: no cache
        path = None
    if path is not None:
        try:
            return _load(path)
        except _DAMAGED:
            pass
    taxonomy = parse()
    if path is not None and taxonomy.seed is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _save(taxonomy, path)
        except OSError:
            pass
    return taxonomy


def _save(taxonomy: Taxonomy, path: Path) -> None:
    import numpy as np
    seed = taxonomy.seed
    assert seed is not None
    tables = {
        "names": list(taxonomy.names),
        "words": list(taxonomy.words.items()),
        "prefixes": list(taxonomy.prefixes.items()),
        "phrases": list(taxonomy.phrases.items()),
        "phrase_starts": list(taxonomy.phrase_starts.items()),
        "prefix_lengths": list(taxonomy.prefix_lengths),
    }
    with atomic_write(path, binary=True) as handle:
        np.savez(handle, tables=np.array(json.dumps(tables)), **_arrays("", seed),
                 **_arrays("supervised_", taxonomy.supervised))


def _load(path: Path) -> Taxonomy:
    import numpy as np

    from docsearch.extract.topics import Taxonomy
    with open(path, "rb") as handle, np.load(handle, allow_pickle=False) as data:
        tables = json.loads(str(data["tables"]))
        seed = _model(data, "")
        supervised = _model(data, "supervised_") if "supervised_names" in data.files else None
    return Taxonomy(
        names=tuple(tables["names"]),
        words={key: _targets(t) for key, t in tables["words"]},
        prefixes={key: _targets(t) for key, t in tables["prefixes"]},
        phrases={tuple(key): _targets(t) for key, t in tables["phrases"]},
        phrase_starts={key: tuple(sizes) for key, sizes in tables["phrase_starts"]},
        prefix_lengths=tuple(tables["prefix_lengths"]),
        seed=seed,
        supervised=supervised,
    )


def _arrays(prefix: str, model: TopicModel | None) -> dict[str, Any]:
    """The arrays of ``model`` under names that start with ``prefix`` (none for ``None``)."""
    import numpy as np
    if model is None:
        return {}
    words = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    return {f"{prefix}names": np.array(model.names), f"{prefix}topics": np.array(model.topics),
            f"{prefix}vocabulary": np.array(words), f"{prefix}log_probs": model.log_probs}


def _model(data: Any, prefix: str) -> TopicModel:
    """The model of :func:`_arrays` read back from the arrays of an opened ``.npz``."""
    from docsearch.extract.topic_model import TopicModel
    return TopicModel([str(n) for n in data[f"{prefix}names"]],
                      [str(t) for t in data[f"{prefix}topics"]],
                      data[f"{prefix}vocabulary"].tolist(), data[f"{prefix}log_probs"])


def _targets(pairs: list[Any]) -> tuple[tuple[int, float], ...]:
    return tuple((int(topic), float(weight)) for topic, weight in pairs)
