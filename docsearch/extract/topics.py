"""Topics from a keyword taxonomy: by default the 17 top-level IPTC Media Topics.

A taxonomy is a TOML file of ``[[topic]]`` tables, each with a ``name`` and
``terms``: a lower-case word matches that word and its inflections (both are
Porter-stemmed), ``word*`` matches words that start with it, and several words
match that phrase. Words in the title count three
times. The best-scoring topic is always kept; up to two more are kept when they
score at least half as much as the best and have at least two hits.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from whoosh.lang.porter import stem as _porter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Taxonomy", "classify_topics", "default_taxonomy", "load_taxonomy"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _porter(word)
_TITLE_WEIGHT = 3.0
_MIN_PREFIX = 4


@attrs.frozen
class Taxonomy:
    """Topic names and the terms that point to them (see the module docs)."""

    names: tuple[str, ...]
    words: Mapping[str, tuple[int, ...]]
    prefixes: Mapping[str, tuple[int, ...]]
    phrases: Mapping[tuple[str, ...], tuple[int, ...]]
    longest_phrase: int

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "taxonomy") -> Taxonomy:
        topics = data.get("topic")
        if not isinstance(topics, list) or not topics:
            raise ValueError(f"{where}: no [[topic]] tables")
        names: list[str] = []
        words: dict[str, list[int]] = {}
        prefixes: dict[str, list[int]] = {}
        phrases: dict[tuple[str, ...], list[int]] = {}
        for i, topic in enumerate(topics):
            name = topic.get("name") if isinstance(topic, dict) else None
            terms = topic.get("terms", []) if isinstance(topic, dict) else None
            if not isinstance(name, str) or not isinstance(terms, list):
                raise ValueError(f"{where}: topic {i + 1} needs a name and a list of terms")
            names.append(name)
            for term in terms:
                term = str(term).strip().lower()
                parts = tuple(_WORD.findall(term))
                if not parts:
                    continue
                if not term.endswith("*"):
                    parts = tuple(_stem(p) for p in parts)
                if len(parts) > 1:
                    phrases.setdefault(parts, []).append(i)
                elif term.endswith("*") and len(parts[0]) >= _MIN_PREFIX:
                    prefixes.setdefault(parts[0], []).append(i)
                else:
                    words.setdefault(parts[0], []).append(i)
        return cls(
            names=tuple(names),
            words={k: tuple(v) for k, v in words.items()},
            prefixes={k: tuple(v) for k, v in prefixes.items()},
            phrases={k: tuple(v) for k, v in phrases.items()},
            longest_phrase=max((len(p) for p in phrases), default=1),
        )

    def scores(self, title: str, body: str) -> list[float]:
        """How strongly the text points to each topic (same order as ``names``)."""
        scores = [0.0] * len(self.names)
        for text, weight in ((title, _TITLE_WEIGHT), (body, 1.0)):
            words = _WORD.findall(text.lower())
            tokens = [_stem(w) for w in words]
            prefix_lengths = sorted({len(p) for p in self.prefixes}, reverse=True)
            for pos, token in enumerate(tokens):
                hit = self.words.get(token)
                if hit is None:
                    word = words[pos]
                    for length in prefix_lengths:
                        if length <= len(word):
                            hit = self.prefixes.get(word[:length])
                            if hit is not None:
                                break
                if hit is not None:
                    for i in hit:
                        scores[i] += weight
                for size in range(2, self.longest_phrase + 1):
                    phrase_hit = self.phrases.get(tuple(tokens[pos:pos + size]))
                    if phrase_hit is not None:
                        for i in phrase_hit:
                            scores[i] += weight * 1.5
        return scores

    def classify(self, title: str, body: str, limit: int = 3) -> list[str]:
        """One to ``limit`` topic names, best first; empty when no term matches."""
        scores = self.scores(title, body)
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        if not ranked or scores[ranked[0]] <= 0:
            return []
        best = scores[ranked[0]]
        chosen = [ranked[0]]
        for i in ranked[1:limit]:
            if scores[i] >= max(2.0, best * 0.5):
                chosen.append(i)
        return [self.names[i] for i in chosen]


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read a taxonomy TOML file."""
    with open(path, "rb") as handle:
        return Taxonomy.from_dict(tomllib.load(handle), str(path))


@functools.cache
def default_taxonomy() -> Taxonomy:
    """The bundled IPTC Media Topics taxonomy."""
    data = resources.files("docsearch.extract").joinpath("data/taxonomy.toml").read_bytes()
    return Taxonomy.from_dict(tomllib.loads(data.decode("utf-8")), "taxonomy.toml")


def classify_topics(title: str, body: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Topics of an article from the default (or given) taxonomy.

    >>> classify_topics("Strikers win pay deal", "The union said the strike ended.")
    ['labour']
    """
    return (taxonomy or default_taxonomy()).classify(title, body)
