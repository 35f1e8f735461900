"""Topics learnt from the collection itself: naive Bayes self-trained on keyword labels.

The keyword taxonomy (:mod:`docsearch.extract.topics`) is right when many of its terms
agree and weak elsewhere: hand-picked terms cannot know every word a publisher uses
for sport or technology. A :class:`TopicModel` learns those words from the collection:

1. every article the taxonomy labels *confidently* (:func:`~docsearch.extract.topics.
   confident_topic`: best score at least 3 and 3 times the runner-up's) is a training
   example of that topic;
2. topics with fewer than ``MIN_EXAMPLES`` such articles are left out (the model never
   puts them first; the keywords still list them);
3. a multinomial naive Bayes over the stemmed words of title and body (words in fewer
   than ``MIN_DF`` training articles left out, add-``ALPHA`` smoothing, a uniform prior
   so a topic with many confident examples does not swallow the rest) is fitted; the
   other articles are labelled by the model and it is refitted; then every article, the
   keyword-labelled ones too, is relabelled by the model and it is refitted, until no
   label changes (at most ``ROUNDS`` times): an article the keywords read by its company
   words but whose other words are the collection's technology news moves there.
   When self-training relabels an article, each word the model knows counts once however
   often it is said (:meth:`TopicModel.best_once`): word counts are burstier than naive
   Bayes assumes, and one word said again and again outweighed the rest of the article.
   The fitted model's final choice (:meth:`TopicModel.best_index`) counts every occurrence:
   on AG News's odd rows that did better than reading words once there too (eighth round,
   ``docs/extraction-history.md``, with the other forms of the model tried: log term counts, idf,
   length normalisation, complement naive Bayes, soft relabelling, a logistic refit).

An article's first topic is the model's, unless its keywords are sure of theirs (best
score at least ``topics.KEEP_SCORE`` and 3 times the runner-up's: a topic the collection
has few articles of keeps its place), or their best score is at least
``topics.UNNAMED_SCORE`` and no term of the model's topic occurs in the article (a small
topic, such as the arts in a collection of business and sport news, is not swallowed by a
large one; ninth topics round: these two bars were 5 and 5), or no term of the
model's topic occurs and the seed model (below) gives a topic some term names a probability
of at least ``SEED_SURE`` (then that topic is first: a review in an archive of sport and
business news, whose model has no arts to offer), or the topic the keywords and the seed
model point to together scores at least ``topics.OUTWEIGH_SCORE`` and ``OUTWEIGH_RATIO``
times the model topic's (a nurses' strike with one sport word is not sport news), or
(brief Z40) the supervised model (else the seed model) gives a topic some term names a
probability of at least ``SEED_SURE`` and the collection's model *lost* that topic: it was
kept (``MIN_EXAMPLES`` confident articles) but self-training left it fewer than
``MIN_EXAMPLES`` articles (:attr:`TopicModel.lost`; in AG News the arts, crime or health
articles are swallowed by its four classes, and the model's arts row is smoothing alone, so
it cannot judge a festival bill or a theatre review), or (brief Z44) the supervised model is
so sure of a topic that the collection's model gives at least ``1 - SEED_SURE`` where it
chose another (:meth:`TopicModel.torn`: the collection's model is torn between them; in an
archive whose politics is world politics, a council's vote on a budget or a tax reads as
business to it, yet not surely so); the
taxonomy's other topics follow (one to three in all). With fewer than ``MIN_TOPICS``
topics left (a small or one-sided collection) there is no model and topics come from the
keywords alone.
A model holds its taxonomy's topic names and is used only with a taxonomy of the same
names; a user taxonomy (``--taxonomy``) gets a model of its own topics. A model is small
and plain (topic names, vocabulary, one matrix, the articles each topic was trained on), saved
as ``.npz`` (:meth:`TopicModel.save`,
:meth:`TopicModel.load`). Classifying an article is a pure function of the article, the
taxonomy and the model. The settings were chosen on AG News (``benchmarks/topics_eval.py``;
the rounds on its odd rows, reported on its even rows) and checked on the other sets.

Every taxonomy also has a small *seed model* (:func:`seed_model`), built when the taxonomy
is read, with no collection: naive Bayes over the taxonomy's own terms (each term's words
counted with its weight) and, for topics of the bundled names, the short example texts of
``data/topic_seeds.txt`` (written for docsearch). Where the collection has no model of its
own (a small collection, or before ``docsearch rebuild``), or that model knows too few of an
article's words, the seed model's probabilities are added to the keyword scores, worth up to
``SEED_WEIGHT`` keyword points: it weighs the words together rather than counting the listed
ones, so "company" and "prices" stop outweighing "cloud storage" and "hard drives".

The *supervised model* (:func:`supervised_model`, issue 17, seventh round) is the seed model
with word counts of labelled texts added for the topic names they were counted for, each
word worth ``LABELLED_WEIGHT``: multinomial naive Bayes, a linear model over words. The
counts (:class:`LabelledCounts`, ``data/topic_counts.npz``) are made offline by
``benchmarks/train_topics.py`` from Reuters-21578 (TOPICS mapped to IPTC: economy, and
``jobs`` as labour) and the topic labels of the repository's read sets, never AG News, each
topic's word mass capped at ten times the median topic's (brief Z31); a test checks that the
shipped file is that script's output. A taxonomy that shares topic names
with the bundled one has one (``--taxonomy`` files of other names do not, and keep the seed
model); it takes the seed model's place where a collection has no model of its own. A
collection's model, its prior and the checks against it keep the seed model: tried as the
prior or to label the articles self-training starts from, the supervised model moved AG News
by a few articles either way and cost Reuters up to 650 (``docs/extraction-history.md``,
seventh topics round).
"""

from __future__ import annotations

import functools
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

import attrs
import numpy as np

from docsearch.extract.topics import (
    Targets,
    Taxonomy,
    confident_topic,
    default_taxonomy,
    stem,
    stems,
)
from docsearch.files import atomic_write

__all__ = ["MODEL_FILE", "LabelledCounts", "TopicModel", "bundled_counts", "collection_taxonomy",
           "fit_topic_model", "seed_model", "supervised_model"]

#: The model's file in an index folder.
MODEL_FILE = "topic_model.npz"

MIN_EXAMPLES = 20
MIN_TOPICS = 2
#: Words seen in fewer training articles than this are not in the vocabulary.
MIN_DF = 2
#: An article needs this many words the model knows before the model decides.
MIN_KNOWN = 3
ALPHA = 2.0
#: The most rounds of self-training: every article relabelled by the model (those the
#: keywords labelled too), the model refitted; it stops sooner when no label changes.
ROUNDS = 8
#: The seed model as a prior of a collection's model: its word probabilities, worth this
#: share of each topic's word count, are added to the topic's counts (a word the collection
#: cannot tell apart leans to the topic whose seed texts and terms name it).
SEED_PRIOR = 0.1
#: The seed model's smoothing (its counts are few: a small value lets one word count).
SEED_ALPHA = 0.05
#: What one word of a labelled text (:class:`LabelledCounts`) counts for in the supervised
#: model (:func:`supervised_model`); a term's word counts its weight, a seed text's word 1.
LABELLED_WEIGHT = 0.1
#: The most keyword points the seed model's probabilities add to a topic.
SEED_WEIGHT = 4.0
#: A seed-model probability this high for a topic some term names keeps it first where
#: no term of the collection model's topic occurs (:meth:`TopicModel.sure_of`).
SEED_SURE = 0.95


def _features(title: str, body: str) -> list[str]:
    return stems(title) + stems(body)


class TopicModel:
    """Log word probabilities per topic, for the topics of one taxonomy."""

    def __init__(self, names: Sequence[str], topics: Sequence[str], vocabulary: Sequence[str],
                 log_probs: np.ndarray, articles: Sequence[int] | None = None) -> None:
        self.names = tuple(names)            # the taxonomy's topics, in its order
        self.topics = tuple(topics)          # the topics the model can choose
        self.vocabulary = {word: i for i, word in enumerate(vocabulary)}
        self.log_probs = log_probs           # (topics, vocabulary)
        #: How many of the collection's articles each of :attr:`topics` was trained on
        #: (``None``: not known, as for a model saved before brief Z40 or a seed model).
        self.articles = None if articles is None else tuple(int(n) for n in articles)
        self._indexes = [self.names.index(t) for t in self.topics]
        #: The taxonomy indexes of the topics trained on fewer than ``MIN_EXAMPLES``
        #: articles: topics self-training swallowed, which the model cannot judge.
        self.lost = frozenset() if self.articles is None else frozenset(
            i for i, n in zip(self._indexes, self.articles, strict=True) if n < MIN_EXAMPLES)

    def fits(self, taxonomy: Taxonomy) -> bool:
        """True when the model was fitted for a taxonomy of these topic names."""
        return taxonomy.names == self.names

    def best(self, title: str, body: str) -> str | None:
        """The topic the words point to, or ``None`` with too few known words."""
        best = self.best_index(_features(title, body))
        return None if best is None else self.names[best]

    def best_index(self, words: Sequence[str]) -> int | None:
        """The taxonomy index of the topic ``words`` point to (``None``: too few known)."""
        return self.best_of(self._known(words))

    def best_once(self, words: Sequence[str]) -> int | None:
        """:meth:`best_index` with each known word counted once however often it occurs
        (self-training's reading, :func:`fit_topic_model`); its repeats still count
        towards ``MIN_KNOWN``."""
        known = self._known(words)
        return self.best_of_columns(np.unique(known), len(known))

    def best_of(self, known: Sequence[int] | np.ndarray) -> int | None:
        """:meth:`best_index` of words given by their columns (the words it knows)."""
        return self.best_of_columns(known, len(known))

    def best_of_columns(self, columns: Sequence[int] | np.ndarray, count: int) -> int | None:
        """The taxonomy index of the topic whose log probabilities over ``columns`` sum
        highest; ``None`` where ``count`` (the known words) is below ``MIN_KNOWN``."""
        if count < MIN_KNOWN:
            return None
        totals = self.log_probs[:, columns].sum(axis=1)
        return self._indexes[int(np.argmax(totals))]

    def _known(self, words: Sequence[str]) -> list[int]:
        """The columns of the ``words`` this model knows, in order, with repeats."""
        return [i for i in map(self.vocabulary.get, words) if i is not None]

    def blend(self, scores: Sequence[float], words: Sequence[str]) -> int | None:
        """The topic index that keyword ``scores`` plus ``SEED_WEIGHT`` times this model's
        probabilities for ``words`` point to, among the topics with a keyword score (at
        least one must have one); ``None`` with too few known words. The log
        likelihoods are divided by the square root of the number of known words, so a
        long article does not make the model sure of itself."""
        weights = self._probabilities(words)
        if weights is None:
            return None
        combined = np.asarray(scores, dtype=np.float64)
        matched = combined > 0
        combined[self._indexes] += SEED_WEIGHT * weights
        # Only among the topics some term points to: the model reorders them.
        return int(np.argmax(np.where(matched, combined, -np.inf)))

    def sure_of(self, scores: Sequence[float], words: Sequence[str]) -> int | None:
        """The taxonomy index of the topic this model gives a probability of at least
        ``SEED_SURE`` for ``words`` (as in :meth:`blend`), when some term points to it
        (keyword ``scores`` above 0); else ``None``."""
        weights = self._probabilities(words)
        if weights is None:
            return None
        best = int(np.argmax(weights))
        index = self._indexes[best]
        return index if weights[best] >= SEED_SURE and scores[index] > 0 else None

    def torn(self, words: Sequence[str], index: int) -> bool:
        """Whether this model gives the topic of taxonomy index ``index`` a probability of
        at least ``1 - SEED_SURE`` for ``words`` (as in :meth:`blend`): it is not sure
        against it. False for a topic it cannot choose or with too few known words."""
        if index not in self._indexes:
            return False
        weights = self._probabilities(words)
        return weights is not None and weights[self._indexes.index(index)] >= 1 - SEED_SURE

    def _probabilities(self, words: Sequence[str]) -> np.ndarray | None:
        """Each of :attr:`topics`' probability for ``words``, the log likelihoods divided
        by the square root of the number of known words (so a long article does not make
        the model sure of itself); ``None`` with fewer than ``MIN_KNOWN`` known words."""
        known = self._known(words)
        if len(known) < MIN_KNOWN:
            return None
        totals = self.log_probs[:, known].sum(axis=1, dtype=np.float64)
        weights = np.exp((totals - totals.max()) / np.sqrt(len(known)))
        return weights / weights.sum()

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (whole or not at all)."""
        words = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        with atomic_write(path, binary=True) as handle:
            articles = np.array(self.articles if self.articles is not None else [], dtype=np.int64)
            np.savez_compressed(handle, names=np.array(self.names), topics=np.array(self.topics),
                                vocabulary=np.array(words), log_probs=self.log_probs,
                                articles=articles)

    @classmethod
    def load(cls, path: str | Path) -> TopicModel:
        with np.load(path, allow_pickle=False) as data:
            # An empty or absent array: not known (a model saved before brief Z40).
            articles = data["articles"].tolist() if "articles" in data.files else []
            return cls([str(n) for n in data["names"]], [str(t) for t in data["topics"]],
                       [str(w) for w in data["vocabulary"]], data["log_probs"], articles or None)


@functools.cache
def seed_texts() -> tuple[tuple[str, str], ...]:
    """The bundled ``(topic name, text)`` examples of ``data/topic_seeds.txt``."""
    data = resources.files("docsearch.extract").joinpath("data/topic_seeds.txt")
    out: list[tuple[str, str]] = []
    topic = ""
    for line in data.read_text("utf-8").splitlines():
        line = line.strip()
        if line.startswith("= "):
            topic = line[2:].strip()
        elif line and not line.startswith("#") and topic:
            out.append((topic, line))
    return tuple(out)


@attrs.frozen(eq=False)
class LabelledCounts:
    """Word counts of labelled texts per topic (``benchmarks/train_topics.py`` counts them
    from Reuters-21578 and the repository's read sets, a topic's mass capped, so the counts
    may be fractions; shipped as ``data/topic_counts.npz``):
    topic names, vocabulary (stems), counts (topics × vocabulary), texts per topic, and the
    hashes of the inputs the counts were made from (all, and the repository's own)."""

    names: tuple[str, ...]
    vocabulary: tuple[str, ...]
    counts: np.ndarray
    texts: np.ndarray
    inputs: str = ""
    local: str = ""

    def __eq__(self, other: object) -> bool:
        """The same topics, vocabulary and counts (the hashes aside)."""
        return (isinstance(other, LabelledCounts) and self.names == other.names
                and self.vocabulary == other.vocabulary
                and np.array_equal(self.counts, other.counts)
                and np.array_equal(self.texts, other.texts))

    def save(self, path: str | Path) -> None:
        with atomic_write(path, binary=True) as handle:
            np.savez_compressed(handle, names=np.array(self.names),
                                vocabulary=np.array(self.vocabulary), counts=self.counts,
                                texts=self.texts, inputs=np.array(self.inputs),
                                local=np.array(self.local))

    @classmethod
    def load(cls, source: str | Path | bytes) -> LabelledCounts:
        """Read counts from a file, or from its bytes."""
        with np.load(io.BytesIO(source) if isinstance(source, bytes) else source,
                     allow_pickle=False) as data:
            return cls(tuple(data["names"].tolist()), tuple(data["vocabulary"].tolist()),
                       data["counts"], data["texts"], str(data["inputs"]), str(data["local"]))


@functools.cache
def bundled_counts() -> LabelledCounts:
    """The shipped :class:`LabelledCounts` (``data/topic_counts.npz``)."""
    return LabelledCounts.load(resources.files("docsearch.extract").joinpath(
        "data/topic_counts.npz").read_bytes())


def seed_model(names: Sequence[str], words: Mapping[str, Targets],
               prefixes: Mapping[str, Targets],
               phrases: Mapping[tuple[str, ...], Targets],
               labelled: LabelledCounts | None = None) -> TopicModel | None:
    """Naive Bayes from a taxonomy's terms (by stem, weighted), the seed texts of its topic
    names and the ``labelled`` counts of its topic names, if given; ``None`` for a taxonomy
    without terms."""
    counts: list[dict[str, float]] = [{} for _ in names]
    for table in (words, {stem(p): t for p, t in prefixes.items()}):
        for word, targets in table.items():
            for topic, weight in targets:
                counts[topic][word] = counts[topic].get(word, 0.0) + weight
    for phrase, targets in phrases.items():
        for topic, weight in targets:
            for word in phrase:
                counts[topic][word] = counts[topic].get(word, 0.0) + weight
    row = {name: i for i, name in enumerate(names)}
    for name, text in seed_texts():
        if name in row:
            for word in stems(text):
                counts[row[name]][word] = counts[row[name]].get(word, 0.0) + 1.0
    if not any(counts):
        return None
    shared = _shared_topics(names, labelled)
    vocabulary = sorted(set().union(*counts, labelled.vocabulary if labelled and shared else ()))
    index = {w: i for i, w in enumerate(vocabulary)}
    smoothed = np.full((len(names), len(vocabulary)), SEED_ALPHA, dtype=np.float64)
    for topic, column in enumerate(counts):
        for word, n in column.items():
            smoothed[topic, index[word]] += n
    if labelled is not None and shared:
        columns = np.array([index[w] for w in labelled.vocabulary], dtype=np.int64)
        for topic, i in shared:
            smoothed[topic, columns] += LABELLED_WEIGHT * labelled.counts[i]
    log_probs = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
    return TopicModel(names, names, vocabulary, log_probs.astype(np.float32))


def supervised_model(names: Sequence[str], words: Mapping[str, Targets],
                     prefixes: Mapping[str, Targets],
                     phrases: Mapping[tuple[str, ...], Targets],
                     labelled: LabelledCounts | None = None) -> TopicModel | None:
    """The :func:`seed_model` with the ``labelled`` counts (default: the shipped
    :func:`bundled_counts`) of the taxonomy's topic names; ``None`` where no topic name of
    the taxonomy has labelled texts (a user taxonomy of its own names) or it has no terms."""
    labelled = labelled if labelled is not None else bundled_counts()
    if not _shared_topics(names, labelled):
        return None
    return seed_model(names, words, prefixes, phrases, labelled)


def _shared_topics(names: Sequence[str], labelled: LabelledCounts | None
                   ) -> list[tuple[int, int]]:
    """(taxonomy index, ``labelled`` row) of each topic name with labelled texts."""
    if labelled is None:
        return []
    row = {name: i for i, name in enumerate(names)}
    return [(row[name], i) for i, name in enumerate(labelled.names)
            if name in row and labelled.texts[i] > 0]


def fit_topic_model(articles: Iterable[tuple[str, str]],
                    taxonomy: Taxonomy | None = None) -> TopicModel | None:
    """A model from ``(title, body)`` pairs labelled by ``taxonomy``'s confident keyword
    scores, or ``None`` when too few topics have enough confident articles."""
    taxonomy = taxonomy or default_taxonomy()
    features: list[list[str]] = []
    labels: list[int | None] = []
    for title, body in articles:
        features.append(_features(title, body))
        labels.append(confident_topic(taxonomy.scores(title, body)))
    counted = Counter(t for t in labels if t is not None)
    kept = sorted(t for t, n in counted.items() if n >= MIN_EXAMPLES)
    if len(kept) < MIN_TOPICS:
        return None
    collection = _Collection(features)
    model = _train(taxonomy.names, kept, collection, labels, taxonomy.seed)
    guessed = collection.relabelled(model)
    current = [t if t is not None else g for t, g in zip(labels, guessed, strict=True)]
    for _ in range(ROUNDS):
        model = _train(taxonomy.names, kept, collection, current, taxonomy.seed)
        relabelled = collection.relabelled(model)
        if relabelled == current:
            break
        current = relabelled
    return model


class _Collection:
    """The stems of every article as numbers (their places in the sorted list of all the
    collection's stems), so that counting and relabelling are array work."""

    def __init__(self, features: Sequence[Sequence[str]]) -> None:
        self.words = sorted({w for words in features for w in words})
        number = {w: i for i, w in enumerate(self.words)}
        self.docs = [np.array([number[w] for w in words], dtype=np.int64) for words in features]
        self.distinct: list[np.ndarray] = []
        self.repeats: list[np.ndarray] = []   # each distinct word's count
        for doc in self.docs:
            distinct, repeats = np.unique(doc, return_counts=True)
            self.distinct.append(distinct)
            self.repeats.append(repeats)
        self.number = number

    def relabelled(self, model: TopicModel) -> list[int | None]:
        """``model.best_once`` of every article (the same sums, the same order)."""
        columns = np.full(len(self.words), -1, dtype=np.int64)
        columns[[self.number[w] for w in model.vocabulary]] = list(model.vocabulary.values())
        out = []
        for distinct, repeats in zip(self.distinct, self.repeats, strict=True):
            known = columns[distinct]
            mask = known >= 0
            out.append(model.best_of_columns(np.sort(known[mask]), int(repeats[mask].sum())))
        return out

    def counts(self, rows: np.ndarray, topics: int) -> tuple[list[str], np.ndarray]:
        """The vocabulary (words in at least ``MIN_DF`` articles of a row ``>= 0``) and
        each row's count of each of its words; ``rows``: each article's row, or -1."""
        chosen = np.flatnonzero(rows >= 0)
        distinct = np.concatenate([self.distinct[i] for i in chosen])
        df = np.bincount(distinct, minlength=len(self.words))
        kept = np.flatnonzero(df >= MIN_DF)
        columns = np.full(len(self.words), -1, dtype=np.int64)
        columns[kept] = np.arange(len(kept))
        tokens = columns[np.concatenate([self.docs[i] for i in chosen])]
        token_rows = np.repeat(rows[chosen], [len(self.docs[i]) for i in chosen])
        known = tokens >= 0
        flat = np.bincount(token_rows[known] * len(kept) + tokens[known],
                           minlength=topics * len(kept))
        return [self.words[i] for i in kept], flat.reshape(topics, len(kept)).astype(np.float64)


def _train(names: Sequence[str], kept: Sequence[int], collection: _Collection,
           labels: Sequence[int | None], seed: TopicModel | None = None) -> TopicModel:
    """Naive Bayes over the articles whose label is one of the ``kept`` topics, with the
    ``seed`` model's word probabilities as a prior (``SEED_PRIOR``)."""
    row_of = {topic: row for row, topic in enumerate(kept)}
    rows = np.array([-1 if t is None else row_of.get(t, -1) for t in labels], dtype=np.int64)
    vocabulary, counts = collection.counts(rows, len(kept))
    smoothed = counts + ALPHA
    if seed is not None:
        smoothed += SEED_PRIOR * _seed_prior(seed, [names[t] for t in kept], vocabulary) * (
            counts.sum(axis=1, keepdims=True))
    log_probs = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
    articles = np.bincount(rows[rows >= 0], minlength=len(kept))
    return TopicModel(names, [names[t] for t in kept], vocabulary, log_probs.astype(np.float32),
                      articles.tolist())


def _seed_prior(seed: TopicModel, topics: Sequence[str], vocabulary: Sequence[str]) -> np.ndarray:
    """The seed model's word probabilities of ``topics`` over ``vocabulary`` (the words it
    knows), each row summing to 1 (0 where it knows none)."""
    prior = np.zeros((len(topics), len(vocabulary)), dtype=np.float64)
    pairs = [(j, i) for j, i in enumerate(map(seed.vocabulary.get, vocabulary)) if i is not None]
    if not pairs:
        return prior
    columns, known = zip(*pairs, strict=True)
    for row, topic in enumerate(topics):
        if topic in seed.topics:
            probs = np.exp(seed.log_probs[seed.topics.index(topic), list(known)].astype(np.float64))
            prior[row, list(columns)] = probs / probs.sum()
    return prior


def collection_taxonomy(folder: str | Path, taxonomy: Taxonomy | None = None,
                        articles: Iterable[tuple[str, str]] | None = None) -> Taxonomy:
    """The taxonomy an index in ``folder`` classifies with: ``taxonomy`` (default: the
    bundled one) with the model saved in ``folder`` when it was fitted for the same
    topics. Given ``articles`` (``(title, body)`` pairs: the collection), a model is
    fitted on them first and saved there (or the saved one removed when the collection
    is too small for one). The one entry point for the index.
    """
    taxonomy = taxonomy or default_taxonomy()
    path = Path(folder) / MODEL_FILE
    if articles is not None:
        model = fit_topic_model(articles, taxonomy)
        if model is None:
            path.unlink(missing_ok=True)
        else:
            model.save(path)
        return taxonomy.with_model(model)
    try:
        return taxonomy.with_model(TopicModel.load(path))
    except (OSError, ValueError, KeyError):
        return taxonomy.with_model(None)
