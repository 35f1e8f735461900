"""The training rows of the people span model (``docsearch/extract/span_model.py``).

A row is one undecided candidate of the rules (``span_model.undecided``): its features, a
label (1 a person, 0 not) and where it came from. Three sources, no unseen set still
unseen (unseen22 and later were still unseen when it was last trained):

- ``gold``: the hand-read gold sets the rules were tuned on or that were measured and read
  (:data:`TRAINING_SETS`: the ten tuned sets and unseen8 to unseen21, unseen9, unseen10,
  unseen13, unseen15, unseen16, unseen18 and unseen20 being AG News items whose texts come
  from ``../shared``; no other AG News text is read):
  a candidate is a person when a gold person of its document has its first and last word;
- ``people``: Reuters PEOPLE labels: a candidate whose name matches a label of its story;
- ``self``: the rules' confident decisions on the other mentions of the same name across
  all Reuters stories (outside the 200 gold stories): a name the rules accept with a cue
  (a title, a role, a speech verb...) and never take for an organisation is a person; one
  they take for an organisation (by its evidence) and never accept with a cue is not. The
  evidence that labels a row is in another mention, not in the row's own features.

:func:`digest` is the sha256 of the rows as the weights file records them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_sets import GoldDoc, local_sets, shared_sets  # noqa: E402
from people_gold import load_gold  # noqa: E402
from reuters import DEFAULT, Labels, read_reuters, slug_matches  # noqa: E402

from docsearch import Article  # noqa: E402
from docsearch.extract import span_model  # noqa: E402
from docsearch.extract.lexicon import _Lexicon, _lexicon, fold  # noqa: E402
from docsearch.extract.mentions import _Extractor, _Mention  # noqa: E402
from docsearch.extract.people import body_mentions  # noqa: E402
from docsearch.extract.tokens import _Token  # noqa: E402

_LOWER = re.compile(r"\b[a-z][a-z'-]+\b")
#: The gold sets a model may learn from: every tuned or seen set (never a set still unseen).
TRAINING_SETS = ("reuters", "sample", "unseen1", "unseen2", "dev", "unseen3", "unseen4",
                 "unseen5", "unseen6", "unseen7", "unseen8", "unseen9", "unseen10", "unseen11",
                 "unseen12", "unseen13", "unseen14", "unseen15", "unseen16", "unseen17",
                 "unseen18", "unseen19", "unseen20", "unseen21")


@attrs.frozen
class Row:
    source: str           # "gold:SET", "people" or "self"
    doc: str
    name: str
    features: tuple[str, ...]
    label: int


def key_of(words: Sequence[str]) -> str:
    return " ".join(fold(w).rstrip(".") for w in words)


def lower_counts(stories: Sequence[tuple[Article, Labels]]) -> Counter[str]:
    """How often each word is written in lower case in the stories' bodies."""
    counts: Counter[str] = Counter()
    for article, _ in stories:
        counts.update(_LOWER.findall(article.body))
    return counts


def _undecided(title: str, body: str, stats: span_model.WordStats) -> tuple[
        _Extractor, list[_Token], list[_Mention], list[tuple[_Mention, str, list[str]]]]:
    with span_model.using(None):
        ex, tokens, mentions, _ = body_mentions(body, _lexicon())
        return ex, tokens, mentions, span_model.candidates(mentions, tokens, ex, title, stats)


def _name_words(words: Sequence[str], lex: _Lexicon) -> bool:
    """Two or three capitalised words, none an initial or a word of a list that decides a
    candidate (organisation, place, demonym, title, role, common word)."""
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w[1:2].islower() and (k := fold(w)) not in lex.org_words
        and k not in lex.place_words and k not in lex.demonyms and k not in lex.titles
        and k not in lex.role_nouns and k not in lex.common for w in words)


def decided_rows(doc: str, title: str, ex: _Extractor, tokens: Sequence[_Token],
                 mentions: Sequence[_Mention], stats: span_model.WordStats) -> list[Row]:
    """The rules' confident decisions, the words around each left out of its features
    (they made the decision): a full name with a cue is a person (1); a run of name
    words the rules took for an organisation by its evidence is not (0)."""
    lex = ex.lex
    article = span_model.ArticleContext(mentions, tokens, title, ex.lowercase_seen, stats)

    def row(m: _Mention, label: int) -> Row:
        kind = span_model.LISTED if fold(m.words[0]) in lex.first_names else span_model.REJECTED
        feats = span_model.features(m, kind, tokens, lex, article, context=False)
        return Row("decided", doc, " ".join(m.words), tuple(feats), label)
    out = [row(m, 1) for m in mentions if m.cue and not m.from_heading and m.position >= 0
           and _name_words(m.words, lex) and ex.is_full_name(m)]
    for s, e in ex.runs(tokens):
        words = [t.text for t in tokens[s:e]]
        if key_of(words) in ex.orgs and _name_words(words, lex):
            out.append(row(_Mention(words, False, False, s), 0))
    return out


def _is_gold(words: Sequence[str], gold: Iterable[str]) -> bool:
    a = key_of(words).replace(".", "").split()
    for name in gold:
        b = key_of(name.split()).replace(".", "").split()
        if a == b or len(b) > 1 and a[0] == b[0] and a[-1] == b[-1]:
            return True
    return False


def read_stories(folder: Path = DEFAULT) -> list[tuple[Article, Labels]]:
    """All Reuters stories, or none when the corpus is not there."""
    return list(read_reuters(folder)) if folder.exists() else []


def gold_sets(stories: Sequence[tuple[Article, Labels]]) -> dict[str, list[GoldDoc]]:
    """The training gold sets by name (Reuters' 200 when ``stories`` has them)."""
    local = {**local_sets(only=TRAINING_SETS),  # a set still unseen is not even read
             **shared_sets(only=TRAINING_SETS)[0]}  # AG News sets, where ../shared has it
    sets = {name: local[name] for name in TRAINING_SETS if name in local}
    if stories:
        gold = load_gold()
        by_id = {a.id: a for a, _ in stories if a.id in gold}
        sets = {"reuters": [GoldDoc(i, by_id[i].title, by_id[i].body, tuple(names))
                            for i, names in gold.items()], **sets}
    return sets


def gold_rows(sets: dict[str, list[GoldDoc]], stats: span_model.WordStats) -> list[Row]:
    rows = []
    for name, docs in sets.items():
        for doc in docs:
            for m, _, feats in _undecided(doc.title, doc.body, stats)[3]:
                rows.append(Row(f"gold:{name}", doc.id, " ".join(m.words), tuple(feats),
                                int(_is_gold(m.words, doc.people))))
    return rows


def reuters_rows(stories: Sequence[tuple[Article, Labels]], leave_out: set[str],
                 stats: span_model.WordStats) -> list[Row]:
    """``people`` and ``self`` rows of the Reuters stories not in ``leave_out``."""
    cued: Counter[str] = Counter()
    orgs: Counter[str] = Counter()
    found = []
    decided: list[Row] = []
    for article, labels in stories:
        if article.id in leave_out:
            continue
        ex, tokens, mentions, cands = _undecided(article.title, article.body, stats)
        decided += decided_rows(article.id, article.title, ex, tokens, mentions, stats)
        cued.update({key_of(m.words) for m in mentions
                     if m.cue and len(m.words) > 1 and ex.is_full_name(m)})
        orgs.update(ex.orgs)
        if cands:
            found.append((article.id, labels, cands))
    rows = []
    for doc, labels, cands in found:
        for m, _, feats in cands:
            name, key = " ".join(m.words), key_of(m.words)
            if any(slug_matches(name, slug) for slug in labels.people):
                rows.append(Row("people", doc, name, tuple(feats), 1))
            elif cued[key] and not orgs[key]:
                rows.append(Row("self", doc, name, tuple(feats), 1))
            elif orgs[key] and not cued[key]:
                rows.append(Row("self", doc, name, tuple(feats), 0))
    return rows + decided


def digest(rows: Iterable[Row]) -> str:
    """The sha256 of the rows, in order (what the weights file records)."""
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps([r.source, r.doc, r.name, r.features, r.label]).encode())
        h.update(b"\n")
    return h.hexdigest()
