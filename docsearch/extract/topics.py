"""Topics from a keyword taxonomy: by default the 17 top-level IPTC Media Topics.

A taxonomy is a TOML file of ``[[topic]]`` tables, each with a ``name`` and
``terms``. A lower-case word matches that word and its inflections (both are
Porter-stemmed), ``word*`` matches words that start with it, unstemmed (a prefix
shorter than four letters counts as the plain word), and several words match that
phrase. A term may end in ``:weight`` (``"tapestry:2"``, ``"university:0.5"``); the
default weight is 1, and phrases count 1.5 times their weight. Words start with a
letter, so a term such as ``"5g"`` never matches.

A topic's score adds up its terms: a term found in the title adds three times its
weight, and one found in the body adds its weight once, plus less and less for
each repeat (``1 + ln(count)`` in all), so one word said again and again cannot
outweigh the rest of the article. The best-scoring topic is kept whenever any
term matched (so an article gets one to three topics, and none only when no term
of the taxonomy occurs in it); up to two more are kept when they score at least
half as much as the best, and at least 2.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from docsearch.analysis import stem as _porter_stem

if TYPE_CHECKING:
    from docsearch.extract.topic_model import TopicModel

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Taxonomy", "classify_topics", "default_taxonomy", "load_taxonomy"]

#: A word starts with a letter and may hold digits ("co2", "covid-19"); numbers are not words.
_WORD = re.compile(r"(?<![^\W_])[^\W\d_][^\W_]*(?:['’-][^\W_]+)*")
_NOT_ALNUM = re.compile(r"[\W_]+")
_WEIGHT = re.compile(r"^(.*?)\s*:\s*(\d+(?:\.\d+)?)$")
_TITLE_WEIGHT = 3.0
_PHRASE_WEIGHT = 1.5
_MIN_PREFIX = 4
_MIN_BEST = 0.01  # any evidence at all
_MIN_OTHER = 2.0
#: Keyword scores that make a confident label: the best at least this high ...
CONFIDENT_SCORE = 3.0
#: ... and this many times the runner-up's.
CONFIDENT_RATIO = 3.0
#: With a model, keywords this sure keep their first topic (a topic the collection has
#: few articles of, or that the model does not know, stays first where its terms agree).
#: Above 5 (ninth topics round): exactly 5 is one title word, its mention in the body and
#: one more term, which in a short item (a headline and a sentence) is not agreement.
KEEP_SCORE = 5.5
#: With a model, keywords whose best score is this high keep their first topic where no
#: term of the model's topic occurs, without being sure (ninth topics round: 5 before; with
#: no 3 times margin over the runner-up, more terms must agree).
UNNAMED_SCORE = 7.0
#: With a model, the topic the keywords and the seed model point to together comes first
#: when its keyword score is at least this high ...
OUTWEIGH_SCORE = 8.0
#: ... and this many times the score of the model's topic (whose terms are few).
OUTWEIGH_RATIO = 5.0

#: Topic indexes with the weight a term gives each of them.
Targets = tuple[tuple[int, float], ...]
Key = TypeVar("Key", str, tuple[str, ...])
#: What a word is to a taxonomy (:meth:`Taxonomy._entry`): its term's key and targets
#: (``None`` for none) and the lengths of the phrases it starts.
Entry = tuple[object, Targets | None, tuple[int, ...]]
_NOTHING: Entry = (None, None, ())


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of one lower-case word (remembered)."""
    return _porter_stem(word)


_stem = stem


def stems(text: str) -> list[str]:
    """The Porter stems of the words of ``text``, lower-cased, in order."""
    return [_stem(w) for w in _WORD.findall(text.lower())]


def _damped(count: int) -> float:
    """What ``count`` body occurrences of one term are worth: 1, 1.69, 2.10, ..."""
    return 1.0 + math.log(count) if count > 1 else float(count)


@attrs.frozen
class Taxonomy:
    """Topic names and the weighted terms that point to them (see the module docs).

    >>> _ = (tmp / "boats.toml").write_text('[[topic]]\\nname = "boats"\\nterms = ["ferry:2"]\\n')
    >>> boats = docsearch.load_taxonomy(tmp / "boats.toml")
    >>> boats.names, docsearch.classify_topics("Ferry back", "The ferry sails.", boats)
    (('boats',), ['boats'])
    """

    names: tuple[str, ...]
    words: Mapping[str, Targets]
    prefixes: Mapping[str, Targets]
    phrases: Mapping[tuple[str, ...], Targets]
    #: The lengths of the phrases that start with a given stem, longest first.
    phrase_starts: Mapping[str, tuple[int, ...]]
    #: The lengths of the prefixes, longest first.
    prefix_lengths: tuple[int, ...]
    #: A model learnt from a collection (:mod:`docsearch.extract.topic_model`): when set,
    #: it chooses the first topic.
    model: TopicModel | None = attrs.field(default=None, eq=False, repr=False)
    #: The seed model of this taxonomy's terms and the bundled seed texts
    #: (:func:`docsearch.extract.topic_model.seed_model`): without ``model``, it is weighed
    #: with the keywords for the first topic.
    seed: TopicModel | None = attrs.field(default=None, eq=False, repr=False)
    #: The seed model with the shipped labelled texts of this taxonomy's topic names
    #: (:func:`docsearch.extract.topic_model.supervised_model`): where set, it takes the
    #: seed model's place without ``model``; ``None`` for a taxonomy of other names.
    supervised: TopicModel | None = attrs.field(default=None, eq=False, repr=False)
    #: What each word is (:meth:`_entry`), worked out once.
    _entries: dict[str, Entry] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "taxonomy") -> Taxonomy:
        topics = data.get("topic")
        if not isinstance(topics, list) or not topics:
            raise ValueError(f"{where}: no [[topic]] tables")
        names: list[str] = []
        words: dict[str, dict[int, float]] = {}
        prefixes: dict[str, dict[int, float]] = {}
        phrases: dict[tuple[str, ...], dict[int, float]] = {}
        for i, topic in enumerate(topics):
            name = topic.get("name") if isinstance(topic, dict) else None
            terms = topic.get("terms", []) if isinstance(topic, dict) else None
            if not isinstance(name, str) or not isinstance(terms, list):
                raise ValueError(f"{where}: topic {i + 1} needs a name and a list of terms")
            names.append(name)
            for term in terms:
                term, weight = _split_weight(str(term).strip().lower())
                parts = tuple(_WORD.findall(term))
                if not parts or weight <= 0 or not _tokenizable(term, parts):
                    continue
                if len(parts) > 1:
                    _add(phrases, tuple(_stem(p) for p in parts), i, weight * _PHRASE_WEIGHT)
                elif term.endswith("*") and len(parts[0]) >= _MIN_PREFIX:
                    _add(prefixes, parts[0], i, weight)
                else:
                    _add(words, _stem(parts[0]), i, weight)
        starts: dict[str, set[int]] = {}
        for phrase in phrases:
            starts.setdefault(phrase[0], set()).add(len(phrase))
        from docsearch.extract.topic_model import seed_model, supervised_model
        frozen_words, frozen_prefixes, frozen_phrases = (
            _frozen(words), _frozen(prefixes), _frozen(phrases))
        terms = (names, frozen_words, frozen_prefixes, frozen_phrases)
        return cls(
            names=tuple(names),
            words=frozen_words,
            prefixes=frozen_prefixes,
            phrases=frozen_phrases,
            phrase_starts={k: tuple(sorted(v, reverse=True)) for k, v in starts.items()},
            prefix_lengths=tuple(sorted({len(p) for p in prefixes}, reverse=True)),
            seed=seed_model(*terms),
            supervised=supervised_model(*terms),
        )

    def _prefix(self, word: str) -> tuple[str, Targets] | None:
        """The longest ``prefix*`` term ``word`` starts with (key and targets), or ``None``."""
        for length in self.prefix_lengths:
            if length <= len(word) and word[:length] in self.prefixes:
                return word[:length] + "*", self.prefixes[word[:length]]
        return None

    def _entry(self, word: str) -> Entry:
        """What a lower-case word is: its term (key and targets: by stem, else the longest
        ``prefix*`` it starts with) and the lengths of the phrases its stem starts
        (``_NOTHING`` when it is neither)."""
        token = _stem(word)
        targets = self.words.get(token)
        term = (token, targets) if targets is not None else self._prefix(word)
        sizes = self.phrase_starts.get(token, ())
        if term is None:
            return (None, None, sizes) if sizes else _NOTHING
        return (term[0], term[1], sizes)

    def _hits(self, text: str) -> tuple[dict[object, tuple[Targets, int]], list[str]]:
        """Each term found in ``text`` (by stem, ``prefix*`` or phrase): targets, count,
        in the order of first occurrence; and the stems of ``text``."""
        found: dict[object, tuple[Targets, int]] = {}
        words = _WORD.findall(text.lower())
        tokens = [_stem(w) for w in words]
        entries = self._entries
        for pos, word in enumerate(words):
            entry = entries.get(word)
            if entry is None:
                entry = entries[word] = self._entry(word)
            if entry is _NOTHING:
                continue
            key, targets, sizes = entry
            if targets is not None:
                hit = found.get(key)
                found[key] = (targets, hit[1] + 1 if hit is not None else 1)
            for size in sizes:
                phrase = tuple(tokens[pos:pos + size])
                matched = self.phrases.get(phrase)
                if matched is not None:
                    hit = found.get(phrase)
                    found[phrase] = (matched, hit[1] + 1 if hit is not None else 1)
        if len(entries) > 200_000:
            entries.clear()
        return found, tokens

    def scores(self, title: str, body: str) -> list[float]:
        """How strongly the text points to each topic (same order as ``names``)."""
        return self._scored(title, body)[0]

    def _scored(self, title: str, body: str) -> tuple[list[float], list[str]]:
        """:meth:`scores`, and the stems of title and body."""
        body_hits, body_stems = self._hits(body)
        title_hits, title_stems = self._hits(title)
        found = {key: (targets, _damped(n)) for key, (targets, n) in body_hits.items()}
        for key, (targets, _) in title_hits.items():
            found[key] = (targets, found[key][1] + _TITLE_WEIGHT if key in found
                          else _TITLE_WEIGHT)
        scores = [0.0] * len(self.names)
        for targets, strength in found.values():
            for i, weight in targets:
                scores[i] += weight * strength
        return scores, title_stems + body_stems

    def classify(self, title: str, body: str, limit: int = 3) -> list[str]:
        """One to ``limit`` topic names, best first.
        With a :attr:`model`, its topic comes first, then the keywords' others, unless
        the keywords are sure (:func:`confident_topic` with a best score of at least
        ``KEEP_SCORE``), or the :attr:`supervised` (else :attr:`seed`) model is sure of a
        topic (:meth:`TopicModel.sure_of`) that the model lost in self-training
        (:attr:`TopicModel.lost`) or that the model itself holds possible
        (:meth:`TopicModel.torn`): that topic comes first; or their best score is at
        least ``UNNAMED_SCORE`` and no term of the model's topic occurs (a topic the
        collection has few articles of is not swallowed by a large one); where no term of
        the model's topic occurs and the :attr:`seed` model is sure of a topic some term
        names (:meth:`TopicModel.sure_of`), that topic comes first, and so does the topic
        the keywords and the seed model point to together where its score is at least
        ``OUTWEIGH_SCORE`` and ``OUTWEIGH_RATIO`` times the model topic's. Without one,
        the first topic is the one the keyword scores and the :attr:`supervised` model
        (else the :attr:`seed` model) point to together; empty when no term matches."""
        scores, words = self._scored(title, body)
        ranked = self._ranked(scores, limit)
        alone = self.supervised if self.supervised is not None else self.seed
        if self.model is not None:
            best = self._with_model(scores, words, self.model)
        elif ranked and alone is not None:
            best = alone.blend(scores, words)
        else:
            best = None
        if best is None:
            return ranked
        first = self.names[best]
        return [first, *[t for t in ranked if t != first]][:limit]

    def _with_model(self, scores: Sequence[float], words: Sequence[str],
                    model: TopicModel) -> int | None:
        """The first topic's index where the collection has a model (see :meth:`classify`);
        ``None`` for the keywords' order."""
        if confident_topic(scores, KEEP_SCORE) is not None:
            return None
        alone = self.supervised if self.supervised is not None else self.seed
        sure = None if alone is None else alone.sure_of(scores, words)
        if sure is not None and sure in model.lost:
            return sure
        best = model.best_index(words)
        if best is None or (scores[best] == 0 and max(scores) >= UNNAMED_SCORE):
            return None
        if sure is not None and sure != best and model.torn(words, sure):
            return sure
        if self.seed is None:
            return best
        if scores[best] == 0:
            sure = self.seed.sure_of(scores, words) if max(scores) > 0 else None
            return best if sure is None else sure
        if max(scores) >= max(OUTWEIGH_SCORE, OUTWEIGH_RATIO * scores[best]):
            theirs = self.seed.blend(scores, words)
            if (theirs is not None and scores[theirs] >= OUTWEIGH_SCORE
                    and scores[theirs] >= OUTWEIGH_RATIO * scores[best]):
                return theirs
        return best

    def with_model(self, model: TopicModel | None) -> Taxonomy:
        """This taxonomy with ``model`` choosing first topics (``None``: keywords only);
        a model fitted for other topic names is not used."""
        return attrs.evolve(self, model=model if model is None or model.fits(self) else None)

    def _ranked(self, scores: Sequence[float], limit: int) -> list[str]:
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        if not ranked or scores[ranked[0]] < _MIN_BEST:
            return []
        best = scores[ranked[0]]
        chosen = [ranked[0]]
        for i in ranked[1:limit]:
            if scores[i] >= max(_MIN_OTHER, best * 0.5):
                chosen.append(i)
        return [self.names[i] for i in chosen]


def confident_topic(scores: Sequence[float], least: float = CONFIDENT_SCORE) -> int | None:
    """The index of the topic keyword ``scores`` point to confidently: a best score of at
    least ``least`` and ``CONFIDENT_RATIO`` times the runner-up's; else ``None``."""
    if not scores:
        return None
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    best = scores[ranked[0]]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    return ranked[0] if best >= least and best >= CONFIDENT_RATIO * second else None


def _tokenizable(term: str, parts: tuple[str, ...]) -> bool:
    """False for a term that no text can match, as "5g" or "formula 1" (numbers are no words)."""
    return _NOT_ALNUM.sub("", term) == "".join(_NOT_ALNUM.sub("", p) for p in parts)


def _add(table: dict[Key, dict[int, float]], key: Key, topic: int, weight: float) -> None:
    """Point ``key`` to ``topic``; a term listed twice under one topic keeps its larger weight."""
    targets = table.setdefault(key, {})
    targets[topic] = max(weight, targets.get(topic, 0.0))


def _split_weight(term: str) -> tuple[str, float]:
    match = _WEIGHT.match(term)
    return (match.group(1), float(match.group(2))) if match else (term, 1.0)


def _frozen(table: Mapping[Key, dict[int, float]]) -> dict[Key, Targets]:
    return {key: tuple(sorted(targets.items())) for key, targets in table.items()}


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read a taxonomy TOML file (see the module docs; ``extends = "default"`` at its
    top adds its topics and terms to the bundled taxonomy instead of replacing it).

    Raises :class:`~docsearch.errors.TaxonomyError` for a file that cannot be used.

    >>> _ = (tmp / "more.toml").write_text('extends = "default"\\n[[topic]]\\nname = "ferries"\\n'
    ...                                    'terms = ["ferry:3"]\\n')
    >>> more = docsearch.load_taxonomy(tmp / "more.toml")
    >>> len(more.names), "ferries" in more.names
    (18, True)
    """
    from docsearch.errors import TaxonomyError
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        extends = data.get("extends")
        if extends not in (None, "default"):
            raise ValueError(f"{path}: extends must be \"default\", not {extends!r}")
        if extends == "default":
            data = _merged(_default_data(), data)
        return Taxonomy.from_dict(data, str(path))
    except OSError as exc:
        raise TaxonomyError(f"cannot read taxonomy {path}: "
                            f"{(exc.strerror or str(exc)).lower()}") from None
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{path} is not valid TOML: {exc}") from None
    except ValueError as exc:
        raise TaxonomyError(str(exc)) from None


def _default_data() -> dict[str, Any]:
    data = resources.files("docsearch.extract").joinpath("data/taxonomy.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def _merged(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with the topics of ``extra``: terms of a topic of the same name are
    added to it, a new name is a new topic."""
    topics = [dict(t) for t in base.get("topic", [])]
    by_name = {t.get("name"): t for t in topics}
    extra_topics = extra.get("topic", [])
    if not isinstance(extra_topics, list):
        raise ValueError("topic must be a list of [[topic]] tables")
    for topic in extra_topics:
        if not isinstance(topic, dict):
            raise ValueError("each [[topic]] must be a table")
        known = by_name.get(topic.get("name"))
        if known is None:
            topics.append(dict(topic))
            by_name[topic.get("name")] = topics[-1]
        else:
            known["terms"] = [*known.get("terms", []), *topic.get("terms", [])]
    return {**base, "topic": topics}


@functools.cache
def default_taxonomy() -> Taxonomy:
    """The bundled IPTC Media Topics taxonomy (parsed once, then read from a cache file:
    :mod:`docsearch.extract.usercache`)."""
    from docsearch.extract import usercache
    return usercache.default_taxonomy(lambda: Taxonomy.from_dict(_default_data(), "taxonomy.toml"))


def classify_topics(title: str, body: str, taxonomy: Taxonomy | None = None) -> list[str]:
    """Topics of an article from the default (or given) taxonomy.

    >>> classify_topics("Strikers win pay deal", "The union said the strike ended.")
    ['labour']
    """
    return (taxonomy or default_taxonomy()).classify(title, body)
