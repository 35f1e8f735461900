"""Train the people span model, choose its thresholds by leave-one-set-out
cross-validation over the gold sets, print the figures and write the weights file.

    python benchmarks/train_people_model.py [--reuters DIR] [--check]

Rows: ``people_model_rows.py`` (the tuned and read gold sets, Reuters PEOPLE labels, the
rules' confident decisions on Reuters). The letter trigrams of names (the first-name lists
and Faker's family names) against words (Reuters' lower-case words, the lexicon's English
words) are counted here and shipped with the weights (``span_model.letter_odds``). The
model is scikit-learn's logistic regression (the ``bench`` extra; inference needs no
scikit-learn) over the rows' named features that occur at least :data:`MIN_COUNT` times.

Leave-one-set-out: for each gold set S, a model is trained without S's rows and S is
scored (people precision and recall, the set resolved as one collection as
``extraction.py`` does; Reuters' 200 among themselves) at each pair of thresholds of
:data:`ACCEPT` x :data:`DROP`. The thresholds reported for S are the best on the *other*
sets (the mean over sets of (P + R) / 2, no set's precision more than 0.01 under the rules
alone), so S's figure never comes from thresholds chosen on S. The shipped thresholds are
the best over all sets; the model is on by default only if the leave-one-set-out mean of P
and R improves on the rules and no set's precision falls by more than 0.01.

``--check`` trains and compares with the shipped file instead of writing it (exit 1 when
they differ).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attrs  # noqa: E402
import numpy as np  # noqa: E402
from gold_sets import AG_PEOPLE, GoldDoc, people_on  # noqa: E402
from people_model_rows import (  # noqa: E402
    DEFAULT,
    Row,
    digest,
    gold_rows,
    gold_sets,
    lower_counts,
    read_stories,
    reuters_rows,
)
from reuters import Labels  # noqa: E402

from docsearch import Article  # noqa: E402
from docsearch.extract import span_model  # noqa: E402
from docsearch.extract.lexicon import _lexicon  # noqa: E402

WEIGHTS = Path(span_model.__file__).resolve().parent / "data" / span_model.MODEL_FILE
MIN_COUNT = 2
C = 1.0
#: Each row's weight by its source (the hand-read rows count more than the rules' labels).
SOURCE_WEIGHT = {"gold": 5.0, "people": 1.0, "self": 1.0, "decided": 1.0}
ACCEPT = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 2.0)   # 2.0: no rejected candidate accepted
DROP = (-1.0, 0.05, 0.1, 0.2, 0.3, 0.4)         # -1.0: no listed candidate dropped
MAX_PRECISION_DROP = 0.01
#: Threshold pairs printed for illustration (the accept side alone, the drop side, both).
FIXED = ((0.7, -1.0), (2.0, 0.2), (0.7, 0.2))


def train(rows: Sequence[Row], stats: span_model.WordStats) -> span_model.SpanModel:
    """A logistic regression over the rows' features seen at least MIN_COUNT times."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for r in rows for f in set(r.features))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: i for i, f in enumerate(vocab)}
    indptr, indices = [0], []
    for r in rows:
        indices += sorted({column[f] for f in r.features if f in column})
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    y = np.array([r.label for r in rows])
    weight = np.array([SOURCE_WEIGHT[r.source.split(":")[0]] for r in rows])
    fit = LogisticRegression(C=C, max_iter=2000).fit(x, y, sample_weight=weight)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, fit.coef_[0], strict=True)
               if round(float(w), 4)}
    return span_model.SpanModel(weights, round(float(fit.intercept_[0]), 4),
                                lower_words=stats.bands, letters=stats.letters)


Scores = dict[tuple[float, float], tuple[float, float]]


def scores(model: span_model.SpanModel, docs: Sequence[GoldDoc]) -> Scores:
    """People (precision, recall) on ``docs`` at each pair of thresholds."""
    out: Scores = {}
    for accept in ACCEPT:
        for drop in DROP:
            with span_model.using(attrs.evolve(model, accept=accept, drop=drop)):
                s = people_on(docs)
            out[accept, drop] = (s.precision, s.recall)
    return out


def rules_alone(docs: Sequence[GoldDoc]) -> tuple[float, float]:
    with span_model.using(None):
        s = people_on(docs)
    return s.precision, s.recall


def best(table: Mapping[str, Scores], rules: Mapping[str, tuple[float, float]],
         sets: Sequence[str]) -> tuple[float, float]:
    """The thresholds with the best mean (P + R) / 2 over ``sets``, no set's precision
    more than MAX_PRECISION_DROP under the rules'; ties go to the cautious pair."""
    def value(pair: tuple[float, float]) -> tuple[float, float, float]:
        if any(table[s][pair][0] < rules[s][0] - MAX_PRECISION_DROP for s in sets):
            return (-1.0, 0.0, 0.0)
        mean = sum(sum(table[s][pair]) / 2 for s in sets) / len(sets)
        return (round(mean, 6), pair[0], -pair[1])
    return max(table[sets[0]], key=value)


@attrs.frozen
class Training:
    sets: dict[str, list[GoldDoc]]
    stats: span_model.WordStats
    gold: list[Row]
    other: list[Row]

    @property
    def rows(self) -> list[Row]:
        return self.gold + self.other


def training(stories: Sequence[tuple[Article, Labels]]) -> Training:
    """The gold sets, the lower-case bands of Reuters' words and the rows."""
    sets = gold_sets(stories)
    lower = lower_counts(stories)
    lex = _lexicon()
    letters = span_model.letter_odds(
        lex.first_names | span_model.surnames(),
        {w for w, n in lower.items() if n >= 3} | lex.english)
    stats = span_model.WordStats(span_model.bands(lower), letters)
    return Training(sets, stats, gold_rows(sets, stats),
                    reuters_rows(stories, {d.id for d in sets.get("reuters", [])}, stats))


def local_digest(gold: Sequence[Row]) -> str:
    """The digest of the rows of the gold sets whose texts live in the repository (not
    Reuters' 200 nor the AG News sets, read from ``../shared``)."""
    outside = {f"gold:{name}" for name in ("reuters", *AG_PEOPLE)}
    return digest([r for r in gold if r.source not in outside])


def weights_text(t: Training, final: span_model.SpanModel) -> str:
    """The weights file: the final model, its thresholds, the digests of its rows."""
    data = {"bias": final.bias, "accept": final.accept, "drop": final.drop,
            "enabled": final.enabled, "rows": len(t.rows), "rows_sha256": digest(t.rows),
            "local_rows_sha256": local_digest(t.gold),
            "settings": {"min_count": MIN_COUNT, "C": C, "sets": list(t.sets),
                         "source_weight": SOURCE_WEIGHT},
            "weights": dict(sorted(final.weights.items())),
            "lower_words": {str(band): " ".join(sorted(w for w, b in t.stats.bands.items()
                                                       if b == band)) for band in (1, 2, 3)},
            "letters": dict(t.stats.letters)}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def leave_one_set_out(t: Training) -> span_model.SpanModel:
    """Print the leave-one-set-out table; the final model with the chosen thresholds."""
    names = list(t.sets)
    table: dict[str, Scores] = {}
    rules: dict[str, tuple[float, float]] = {}
    for name in names:
        model = train([r for r in t.rows if r.source != f"gold:{name}"], t.stats)
        table[name], rules[name] = scores(model, t.sets[name]), rules_alone(t.sets[name])
    print("Leave-one-set-out: people precision / recall, rules alone and rules + model "
          "(thresholds chosen on the other sets)\n")
    print("| gold set | candidates | rules P / R | + model P / R | accept / drop |")
    print("|---|---|---|---|---|")
    mean_rules = mean_model = worst = 0.0
    for name in names:
        pair = best(table, rules, [n for n in names if n != name])
        p, r = table[name][pair]
        n_rows = sum(1 for row in t.gold if row.source == f"gold:{name}")
        print(f"| {name} | {n_rows} | {rules[name][0]:.3f} / {rules[name][1]:.3f} | "
              f"{p:.3f} / {r:.3f} | {pair[0]} / {pair[1]} |")
        mean_rules += sum(rules[name]) / 2 / len(names)
        mean_model += (p + r) / 2 / len(names)
        worst = max(worst, rules[name][0] - p)
    enabled = mean_model > mean_rules and worst <= MAX_PRECISION_DROP
    print("\nEach set at fixed thresholds (its own leave-one-set-out model), for illustration:\n")
    print("| gold set | " + " | ".join(f"accept {a} / drop {d}" for a, d in FIXED) + " |")
    print("|---|" + "---|" * len(FIXED))
    for name in names:
        print(f"| {name} | " + " | ".join("{:.3f} / {:.3f}".format(*table[name][pair])
                                          for pair in FIXED) + " |")
    accept, drop = best(table, rules, names)
    print(f"\nmean (P + R) / 2: rules {mean_rules:.4f}, rules + model {mean_model:.4f}; "
          f"largest precision fall {worst:.3f}; on by default: {enabled}")
    print(f"shipped thresholds (best over all sets): accept {accept}, drop {drop}")
    sources = Counter((r.source.split(":")[0], r.label) for r in t.rows)
    print("rows: " + ", ".join(f"{s} label {y}: {n}" for (s, y), n in sorted(sources.items())))
    return attrs.evolve(train(t.rows, t.stats), accept=accept, drop=drop, enabled=enabled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args()
    t = training(read_stories(args.reuters))
    text = weights_text(t, leave_one_set_out(t))
    if args.check:
        same = WEIGHTS.exists() and WEIGHTS.read_text("utf-8") == text
        print("weights file: " + ("as trained" if same else "DIFFERS from training"))
        sys.exit(0 if same else 1)
    WEIGHTS.write_text(text, "utf-8")
    print(f"wrote {WEIGHTS.name}: {len(json.loads(text)['weights'])} weights")


if __name__ == "__main__":
    main()
