"""A small linear model over the candidate names the rules leave undecided.

The rules of :mod:`docsearch.extract.mentions` decide most candidates by evidence (a
title, a role word, a speech verb, an organisation word...). Two kinds they decide by the
first-name lists alone:

- ``rejected``: two or three name-like words with no cue and a first word outside the
  lists ("Geordan Voss told ..."): no person;
- ``listed``: the same with a listed first word ("Morgan Ashby has begun shipping"), or
  one of the world dictionary's weaker tier the rules take (``world_names``): a person.

For those, a logistic regression over the candidate's shape and context (word shapes,
lexicon memberships of its first and last words, whether each is one of Faker's family
names or the world tier's first names, how much its letters look like a name's
(:func:`name_likeness`), the words around it, a later he/she or it/its, its surname alone
elsewhere in the article, a possessive)
gives the probability of a person: a ``rejected`` candidate with ``p >= accept`` is a
person, a ``listed`` one with ``p <= drop`` is not. Inference is a sum of weights looked
up by feature name (no dependency); the weights, thresholds and a digest of the training
rows live in ``data/people_span_model.json``, written by
``benchmarks/train_people_model.py`` (see ``docs/extraction-history.md``, seventh round and
the span model's second round).

:func:`docsearch.extract.people.find_people` uses it when the weights file says
``"enabled": true`` (the training script's leave-one-set-out verdict), or inside a
:func:`using` block (any model, or None for the rules alone).
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources

import attrs

from docsearch.extract.evidence import _gazetteer_place
from docsearch.extract.lexicon import (
    _LATIN,
    _cached_words,
    _common_noun,
    _Lexicon,
    _person_providers,
    fold,
    word_key,
)
from docsearch.extract.mentions import _Extractor, _Mention
from docsearch.extract.tokens import _DOTTED, _INITIALS, _Token
from docsearch.extract.world_names import world_first_names

__all__ = ["SpanModel", "active_model", "shipped_model", "undecided", "using"]

MODEL_FILE = "people_span_model.json"
REJECTED, LISTED = "rejected", "listed"
_MALE_FEMALE = {"he", "she", "his", "her", "him", "hers", "himself", "herself"}
_THING = {"it", "its", "itself"}
_AFTER = 30  # tokens after a candidate searched for a pronoun


@attrs.frozen
class WordStats:
    """What the features know of words beyond the lexicon: how often each is written in
    lower case (a band: :func:`bands`) and the log-odds of each letter trigram in a
    person's name against an English word (:func:`letter_odds`)."""

    bands: Mapping[str, int] = attrs.field(factory=dict)
    letters: Mapping[str, float] = attrs.field(factory=dict)


@attrs.frozen
class SpanModel:
    """Weights by feature name, a bias and the two thresholds."""

    weights: Mapping[str, float]
    bias: float
    accept: float = 1.0
    drop: float = 0.0
    enabled: bool = True
    lower_words: Mapping[str, int] = attrs.field(factory=dict)  # word: frequency band
    letters: Mapping[str, float] = attrs.field(factory=dict)  # trigram: log-odds of a name

    @property
    def stats(self) -> WordStats:
        return WordStats(self.lower_words, self.letters)

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def shipped_model() -> SpanModel | None:
    """The model in ``data/people_span_model.json``; None when it is not there."""
    try:
        text = resources.files("docsearch.extract").joinpath(f"data/{MODEL_FILE}").read_text(
            "utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(text)
    bands = {word: int(band) for band, words in data["lower_words"].items()
             for word in words.split()}
    return SpanModel(data["weights"], data["bias"], data["accept"], data["drop"],
                     data["enabled"], bands, data.get("letters", {}))


# The model of the innermost :func:`using` block of this thread (or task), as a 1-tuple.
_override: contextvars.ContextVar[tuple[SpanModel | None] | None] = contextvars.ContextVar(
    "span_model_override", default=None)


def active_model() -> SpanModel | None:
    """The model find_people uses now: :func:`using`'s, else the shipped one if enabled."""
    override = _override.get()
    if override is not None:
        return override[0]
    model = shipped_model()
    return model if model is not None and model.enabled else None


@contextlib.contextmanager
def using(model: SpanModel | None) -> Iterator[None]:
    """find_people uses ``model`` (None: the rules alone) inside the block, in this thread
    only."""
    token = _override.set((model,))
    try:
        yield
    finally:
        _override.reset(token)


def undecided(m: _Mention, ex: _Extractor, lex: _Lexicon) -> str | None:
    """Which undecided kind a body mention is (:data:`REJECTED`, :data:`LISTED`), or None
    when the rules decided it by evidence."""
    if m.cue or m.from_heading or m.position < 0 or not 2 <= len(m.words) <= 3 or any(
            _INITIALS.match(w) or _DOTTED.match(w) for w in m.words):
        return None
    if ex.is_full_name(m):
        return LISTED  # taken by a first name of the lists or of the world tier
    keys = [word_key(w) for w in m.words]
    if keys[0] in lex.first_names or _gazetteer_place(keys):
        return None  # decided by other evidence ("Khon Kaen": a gazetteer's place)
    m.cue = True
    try:
        return REJECTED if ex.is_full_name(m) else None
    finally:
        m.cue = False


def letter_odds(names: Iterable[str], words: Iterable[str], min_count: int = 3) -> dict[str, float]:
    """The log-odds of each letter trigram (of a word between ``^`` and ``$``) in a name of
    ``names`` against a word of ``words``, each word counted once (add-one smoothing);
    trigrams seen fewer than ``min_count`` times in all are left out."""
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for side, group in enumerate((set(names), set(words))):
        for word in group:
            counts[side].update(_trigrams(word))
    total = [sum(c.values()) + len(counts[0] | counts[1]) for c in counts]
    return {g: round(math.log((counts[0][g] + 1) / total[0]) -
                     math.log((counts[1][g] + 1) / total[1]), 2)
            for g in sorted(counts[0] | counts[1])
            if counts[0][g] + counts[1][g] >= min_count}


def _trigrams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


def name_likeness(key: str, letters: Mapping[str, float]) -> int:
    """How much a folded word looks like a name by its letters: the mean log-odds of its
    trigrams (:func:`letter_odds`), rounded and kept within -2..2."""
    grams = _trigrams(key)
    score = sum(letters.get(g, 0.0) for g in grams) / len(grams)
    return max(-2, min(2, round(score)))


@functools.cache
def surnames() -> frozenset[str]:
    """Family names in Latin letters from Faker's person providers, folded (cached in a
    file per Faker version like the first names)."""
    return frozenset(_cached_words("last-names-1", _faker_surnames))


def _faker_surnames() -> set[str]:
    names: set[str] = set()
    for _, provider in _person_providers():
        values = provider.__dict__.get("last_names")
        if isinstance(values, (list, tuple, dict)):
            names |= {fold(n) for n in values if isinstance(n, str) and " " not in n
                      and n[:1].isupper() and _LATIN.fullmatch(n)}
    return names


def bands(counts: Mapping[str, int]) -> dict[str, int]:
    """How often each word is written in lower case, as a band: 1 (3-9 times), 2 (10-99),
    3 (100 or more); rarer words are left out (band 0)."""
    return {w: 1 if n < 10 else 2 if n < 100 else 3 for w, n in counts.items() if n >= 3}


class ArticleContext:
    """What the features need to know of the whole article, worked out once."""

    def __init__(self, mentions: Sequence[_Mention], tokens: Sequence[_Token], title: str,
                 lowercase: set[str], stats: WordStats) -> None:
        self.alone = Counter(fold(m.words[0]) for m in mentions if len(m.words) == 1)
        self.names = Counter(" ".join(fold(w) for w in m.words) for m in mentions)
        self.person_pronouns = [i for i, t in enumerate(tokens) if t.text in _MALE_FEMALE]
        self.thing_pronouns = [i for i, t in enumerate(tokens) if t.text in _THING]
        self.title = {fold(w) for w in title.split()}
        self.lowercase = lowercase
        self.stats = stats


def _near(positions: Sequence[int], end: int) -> bool:
    k = bisect.bisect_left(positions, end)
    return k < len(positions) and positions[k] < end + _AFTER


def _next_pronoun(tokens: Sequence[_Token], end: int) -> str:
    """The first pronoun within 15 tokens after a candidate, unless another name comes
    first: "he", "it", "they" or "none"."""
    for t in tokens[end:end + 15]:
        text = t.text.lower()
        if text in _MALE_FEMALE:
            return "he"
        if text in _THING:
            return "it"
        if text in ("they", "their", "them"):
            return "they"
        if t.text[:1].isupper() and not t.sentence_start:
            return "none"
    return "none"


def _shape(word: str) -> str:
    """"Xx", "XX", "Xx-Xx", "XxXx", "Xx'Xx": letters as X/x, runs collapsed."""
    out: list[str] = []
    for c in word:
        s = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:6]


def _word_features(tag: str, word: str, lex: _Lexicon, article: ArticleContext) -> list[str]:
    key = word_key(word)
    out = [f"{tag}shape={_shape(word)}", f"{tag}len={min(len(key), 9)}",
           f"{tag}band={article.stats.bands.get(key, 0)}",
           f"{tag}letters={name_likeness(key, article.stats.letters)}"]
    for name, member in (("first", key in lex.first_names), ("english", _common_noun(key, lex)),
                         ("place", key in lex.place_words), ("org", key in lex.org_words),
                         ("role", key in lex.role_nouns), ("demonym", key in lex.demonyms),
                         ("title", key in lex.titles), ("lower", key in article.lowercase),
                         ("surname", key in surnames()),
                         ("world", key in world_first_names().names)):
        if member:
            out.append(f"{tag}{name}")
    return out


def _context_word(tokens: Sequence[_Token], k: int) -> str:
    if not 0 <= k < len(tokens):
        return "<edge>"
    text = tokens[k].text
    return text.lower() if not text[:1].isupper() else "<cap>"


def features(m: _Mention, kind: str, tokens: Sequence[_Token], lex: _Lexicon,
             article: ArticleContext, context: bool = True) -> list[str]:
    """The named features of one candidate; ``context=False`` leaves out the words
    around it (for training rows whose label came from them)."""
    first, end = m.position, m.position + len(m.words)
    keys = [fold(w) for w in m.words]
    out = [f"kind={kind}", f"n={len(m.words)}", *_word_features("f:", m.words[0], lex, article),
           *_word_features("l:", m.words[-1], lex, article)]
    if context:
        out += _context_features(tokens, first, end)
    if tokens[end - 1].possessive:
        out.append("possessive")
    if tokens[first].sentence_start:
        out.append("sentence_start")
    out.append(f"next_pronoun={_next_pronoun(tokens, end)}")
    if _near(article.person_pronouns, end):
        out.append("he_she_after")
    if _near(article.thing_pronouns, end):
        out.append("it_after")
    alone = article.alone[keys[-1]]
    if alone:
        out.append("surname_alone" if alone == 1 else "surname_alone_2+")
    if article.alone[keys[0]]:
        out.append("first_alone")
    if article.names[" ".join(keys)] > 1:
        out.append("repeated")
    if keys[-1] in article.title:
        out.append("in_title")
    return out


def _context_features(tokens: Sequence[_Token], first: int, end: int) -> list[str]:
    """The words just before and after a candidate, and the first verb-like word after."""
    b1, b2 = _context_word(tokens, first - 1), _context_word(tokens, first - 2)
    a1, a2 = _context_word(tokens, end), _context_word(tokens, end + 1)
    verb = next((t.text for t in tokens[end:end + 4] if t.text.isalpha() and t.text.islower()
                 and t.text not in ("and", "the", "a", "of", "to", "in")), "")
    return [f"b1={b1}", f"b2={b2}", f"b2b1={b2}_{b1}", f"a1={a1}", f"a2={a2}",
            f"a1a2={a1}_{a2}", f"verb={verb}"]


def candidates(mentions: Sequence[_Mention], tokens: Sequence[_Token], ex: _Extractor,
               title: str, stats: WordStats) -> list[tuple[_Mention, str, list[str]]]:
    """Each undecided body mention, its kind and its features."""
    lex = ex.lex
    found = [(m, kind) for m in mentions if (kind := undecided(m, ex, lex)) is not None]
    if not found:
        return []
    article = ArticleContext(mentions, tokens, title, ex.lowercase_seen, stats)
    return [(m, kind, features(m, kind, tokens, lex, article)) for m, kind in found]


def weigh(model: SpanModel, mentions: Sequence[_Mention], tokens: Sequence[_Token],
          ex: _Extractor, title: str) -> None:
    """Decide the undecided mentions by the model: each name by its likeliest mention."""
    found = candidates(mentions, tokens, ex, title, model.stats)
    best: dict[str, float] = {}
    for m, _, feats in found:
        key = " ".join(fold(w) for w in m.words)
        best[key] = max(best.get(key, 0.0), model.probability(feats))
    for m, kind, _ in found:
        p = best[" ".join(fold(w) for w in m.words)]
        if kind == REJECTED and p >= model.accept:
            m.cue = True
        elif kind == LISTED and p <= model.drop:
            m.doubted = True
