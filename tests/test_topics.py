"""Topics: the bundled IPTC taxonomy, your own taxonomy file, and extending the bundled one."""

from __future__ import annotations

import re
from collections import Counter

import attrs
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

import docsearch
import docsearch.extract.topics
from docsearch import TaxonomyError, classify_topics, load_taxonomy
from docsearch.cli import cli
from docsearch.extract.topic_model import (
    MIN_DF,
    MODEL_FILE,
    _Collection,
    _features,
    collection_taxonomy,
    fit_topic_model,
)
from docsearch.extract.topics import confident_topic, stem

MINE = '''
[[topic]]
name = "shipping"
terms = ["ferry", "harbour master", "cargo:2"]

[[topic]]
name = "weather"
terms = ["storm", "gale"]
'''


@pytest.mark.parametrize("title, body, first", [
    ("Strikers win pay deal", "The union said the strike ended after talks.", "labour"),
    ("Rovers win the derby", "The striker scored twice in the second half of the match.",
     "sport"),
    ("Clinic opens", "Doctors said the hospital would treat more patients with the vaccine.",
     "health"),
])
def test_bundled_taxonomy(title, body, first):
    assert classify_topics(title, body)[0] == first


@pytest.mark.parametrize("title, body", [
    ("Lok Sabha adjourned over onion prices", "Opposition members raised an adjournment "
     "motion on the price of onions and vegetables, and the Lok Sabha was adjourned after "
     "the union minister replied that farmers and traders would get relief."),
    ("Sejm rejects pension bill at second reading", "The Sejm voted down the pension bill "
     "at its second reading, as pensioners and savers protested about rising costs and "
     "lower payments."),
    ("Dáil backs motion on childcare costs", "The Dáil passed an opposition motion on "
     "childcare fees by 70 votes to 65; the minister for children said the cost to families "
     "and the budget would be reviewed."),
])
def test_domestic_politics_against_economy_and_labour_words(title, body):
    # A legislature's name and its procedure (adjournment motion, second reading) outweigh
    # the prices, pensions and costs the debate is about.
    assert classify_topics(title, body)[0] == "politics"


def test_own_taxonomy_replaces_the_bundled_one(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(MINE, "utf-8")
    taxonomy = load_taxonomy(path)
    assert taxonomy.names == ("shipping", "weather")
    assert classify_topics("Storm and gale", "The ferry and its cargo stayed in port.",
                           taxonomy) == ["weather", "shipping"]
    assert classify_topics("Ferry cancelled", "A storm kept the cargo in port.",
                           taxonomy) == ["shipping"]


def test_extends_default_adds_topics_and_terms(tmp_path):
    path = tmp_path / "more.toml"
    path.write_text('extends = "default"\n' + MINE + '''
[[topic]]
name = "sport"
terms = ["quoits:3"]
''', "utf-8")
    taxonomy = load_taxonomy(path)
    # "weather" is an IPTC topic already: its terms are added; "shipping" is new.
    assert len(taxonomy.names) == 18 and taxonomy.names[-1] == "shipping"
    assert classify_topics("Quoits", "The final drew a crowd.", taxonomy)[0] == "sport"
    assert "sport" not in classify_topics("Quoits", "The final drew a crowd.")


@pytest.mark.parametrize("text, message", [
    ("[[topic]]\nname = 'x'\nterms = 3\n", "topic 1 needs a name and a list of terms"),
    ("title = 'no topics'\n", "no [[topic]] tables"),
    ("[[topic\n", "is not valid TOML"),
    ("extends = 'other'\n[[topic]]\nname = 'x'\nterms = []\n", "extends must be \"default\""),
])
def test_bad_taxonomy_files(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        load_taxonomy(path)


def test_index_with_a_taxonomy_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Ferry back\n\nThe ferry and its cargo sailed again.\n",
                                "utf-8")
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text(MINE, "utf-8")
    index = tmp_path / "ix"
    result = CliRunner().invoke(cli, ["index", str(docs), "--index", str(index),
                                      "--taxonomy", str(taxonomy)])
    assert result.exit_code == 0, result.output
    with docsearch.open(index) as ix:
        assert [a.topics for a in ix] == [("shipping",)]
    missing = CliRunner().invoke(cli, ["index", str(docs), "--index", str(index),
                                       "--taxonomy", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2
    assert missing.stderr == (f"Error: cannot read taxonomy {tmp_path / 'nope.toml'}: "
                              "no such file or directory\n")


# ------------------------------------------- the bundled seed model (no collection model)

@pytest.mark.parametrize("title, body, keywords, first", [
    # A technology firm's product: its company words must not make it economy news.
    ("Sapling unveils a cheaper smart doorbell",
     "The company's new doorbell records video when someone rings and sends it to an app on "
     "the owner's phone. It costs 60 pounds, and the firm said it would go on sale next week.",
     "economy, business and finance", "science and technology"),
    # Job cuts in a company's news: business first, not labour.
    ("Department store chain cuts 600 jobs",
     "The chain will close 20 stores after sales fell and losses widened, its chief "
     "executive said. Its shares rose 3 per cent.", "labour", "economy, business and finance"),
])
def test_seed_model_settles_the_keywords_confusions(title, body, keywords, first):
    bundled = docsearch.extract.topics.default_taxonomy()
    assert attrs.evolve(bundled, seed=None, supervised=None).classify(title, body)[0] == keywords
    assert classify_topics(title, body)[0] == first


@pytest.mark.parametrize("title, body", [
    ("Phone maker cuts price of its handheld organiser",
     "The company said the wireless handheld, which reads e-mail and browses the web, would "
     "cost less for business customers from Monday."),
    ("Search engine adds e-mail service",
     "The company said users of its web site would get free e-mail accounts with a spam "
     "filter, in a challenge to its rivals."),
])
def test_a_technology_firms_product_news_is_technology(title, body):
    # The words of computing, the web and telephones are technology terms: a firm's
    # product news is not economy news for its company words alone.
    bundled = docsearch.extract.topics.default_taxonomy()
    keywords = attrs.evolve(bundled, seed=None, supervised=None)
    assert keywords.classify(title, body)[0] == "science and technology"
    assert classify_topics(title, body)[0] == "science and technology"


@pytest.mark.parametrize("title, body", [
    ("Handset lasts four days on one charge",
     "The new model from the Korean maker has a larger cell and a dimmer screen, and its "
     "battery life beat every rival in our tests."),
    ("Undersea cable cut leaves islands offline",
     "A fibre-optic link on the seabed was broken by a trawler, and the operator said a "
     "repair ship would join the ends next week."),
    ("Drones to carry blood samples between clinics",
     "The unmanned aircraft will fly a fixed route over the bay, and each drone lands on a "
     "pad beside the laboratory."),
    ("Compiler update speeds up builds",
     "Version 3 of the programming language cuts the time its compiler takes by a third, "
     "its maintainers said."),
])
def test_devices_networks_code_and_drones_are_technology(title, body):
    # Brief Z28: battery life, cables on the seabed, drones and compilers are technology words.
    assert classify_topics(title, body)[0] == "science and technology"


def test_a_plain_term_of_one_topic_does_not_hide_anothers_prefix():
    # "chipmaker" is an economy word and starts with technology's "chipmaker*": listed as a
    # plain word under both, it counts for both (a plain term hides prefixes otherwise).
    keywords = attrs.evolve(docsearch.extract.topics.default_taxonomy(), seed=None,
                            supervised=None)
    names = keywords.names
    scores = keywords.scores("", "chipmaker")
    assert scores[names.index("science and technology")] == 1.0
    assert scores[names.index("economy, business and finance")] == 0.5
    assert keywords.scores("", "cyber-attack")[names.index("science and technology")] == 1.0


@pytest.mark.parametrize("text, topic, points", [
    ("the leader of the opposition asked", "politics", 1.5 + 0.5),
    ("during question period on Monday", "politics", 1.5),
    ("as the budget debate opened", "politics", 1.5 + 0.5),
    ("the public works minister resigns today", "politics", 0.7 + 1.5),
    ("the NDP said", "politics", 1.0),
    ("battery life of two days", "science and technology", 0.5 + 1.5),
    ("a subsea cable", "science and technology", 1.5),
    ("a drone flew", "science and technology", 0.7),
    ("a new compiler", "science and technology", 1.0),
])
def test_the_chamber_and_technology_words_score(text, topic, points):
    # Brief Z28: the words of the chamber and the opposition are politics terms, those of
    # devices, cables, drones and code technology terms (keywords alone, one body mention;
    # "opposition", "debate" and "minister" are terms of their own).
    keywords = attrs.evolve(docsearch.extract.topics.default_taxonomy(), seed=None,
                            supervised=None)
    assert keywords.scores("", text)[keywords.names.index(topic)] == pytest.approx(points)


@pytest.mark.parametrize("title, body", [
    ("Opposition presses minister on hospital waiting lists",
     "The leader of the opposition used question period to ask why three wards had closed, "
     "and the minister told the legislature that nurses were being hired."),
    ("Transport minister resigns after contracts row",
     "The opposition spokesperson said the premier should explain who approved the deal."),
])
def test_the_chamber_and_the_opposition_are_politics(title, body):
    # A minister's portfolio (health, transport) does not take a story of the chamber.
    assert classify_topics(title, body)[0] == "politics"


def test_seed_model_of_every_taxonomy(tmp_path):
    bundled = docsearch.extract.topics.default_taxonomy()
    assert bundled.seed is not None and bundled.seed.topics == bundled.names
    path = tmp_path / "mine.toml"
    path.write_text(MINE, "utf-8")
    mine = load_taxonomy(path)
    # A taxonomy of its own gets a seed model of its own terms, and of the bundled seed
    # texts for the topics it names as the bundled one does ("weather", not "sport").
    assert mine.seed is not None and mine.seed.topics == ("shipping", "weather")
    assert {"ferri", "harbour", "cargo", "gale", "forecast"} <= set(mine.seed.vocabulary)
    assert "striker" not in mine.seed.vocabulary
    # No term of the taxonomy in the text: no topic, seed model or not.
    assert classify_topics("A quiet day", "Nothing happened at all today, they said.") == []
    # The seed model reorders the topics some term points to, and adds none.
    assert classify_topics("Ferry service resumes", "Harbour master Nina Okafor said the "
                           "ferry would sail on Monday, now that the strike is over.") == [
        "labour"]


# --------------------------------------------------- the model learnt from a collection

def _collection(n: int = 25) -> list[tuple[str, str]]:
    """``n`` confident sport articles that also say "zorball", ``n`` confident economy
    articles that also say "quibbet": words the taxonomy does not know."""
    sport = [(f"Rovers win match {i}", "The striker scored a goal in the league match; "
              "the coach praised the team. Zorball fans cheered.") for i in range(n)]
    economy = [(f"Shares rise {i}", "The company said profits and revenue rose; investors "
                "bought shares on the stock market. Quibbet traders were busy.")
               for i in range(n)]
    return sport + economy


def test_model_learns_words_the_taxonomy_lacks():
    model = fit_topic_model(_collection())
    assert model is not None
    assert model.topics == ("economy, business and finance", "sport")
    assert classify_topics("Zorball night", "Zorball, zorball and more zorball.") == []
    taxonomy = docsearch.extract.topics.default_taxonomy().with_model(model)
    assert taxonomy.classify("Zorball night", "Zorball, zorball and more zorball.") == ["sport"]
    assert taxonomy.classify("Quibbet day", "Quibbet quibbet quibbet.") == [
        "economy, business and finance"]
    # Too few words the model knows: the keywords alone.
    assert taxonomy.classify("Union strike", "The strike ended.") == ["labour"]


def test_self_training_relabels_the_keywords_labels_too():
    # Three articles the keywords label economy (a merger), whose other words are the
    # sport articles' ("zorball fans cheered"): once the model has learnt the collection,
    # they are relabelled sport, so "plinth", a word only they use, is a sport word.
    odd = [(f"Takeover {i}", "Zorball fans cheered and praised the merger. Plinth zorball.")
           for i in range(3)]
    taxonomy = docsearch.extract.topics.default_taxonomy()
    assert {confident_topic(taxonomy.scores(*a)) for a in odd} == {
        taxonomy.names.index("economy, business and finance")}
    model = fit_topic_model(_collection() + odd)
    assert model is not None
    assert model.best("Plinth", "Plinth plinth plinth.") == "sport"
    assert model.best(*odd[0]) == "sport"


_WORDS = st.lists(st.sampled_from(["ann", "bob", "cat", "dog", "eel", "fox"]), max_size=8)


@given(st.lists(st.tuples(_WORDS, st.integers(-1, 2)), min_size=1, max_size=30))
def test_training_counts_as_counted_one_article_at_a_time(docs):
    # The array counts of self-training against Counters: the vocabulary (words in at
    # least MIN_DF training articles, sorted) and each topic row's count of each word.
    assume(any(row >= 0 for _, row in docs))
    vocabulary, counts = _Collection([words for words, _ in docs]).counts(
        np.array([row for _, row in docs]), 3)
    df = Counter(w for words, row in docs if row >= 0 for w in set(words))
    assert vocabulary == sorted(w for w, n in df.items() if n >= MIN_DF)
    expected = np.zeros((3, len(vocabulary)))
    for words, row in docs:
        for word in words:
            if row >= 0 and word in vocabulary:
                expected[row, vocabulary.index(word)] += 1
    assert np.array_equal(counts, expected)


def test_relabelling_is_best_once_of_every_article():
    model = fit_topic_model(_collection())
    assert model is not None
    texts = [*_collection(3), ("Union strike", "The strike ended."),
             ("Zorball quibbet", "Zorball quibbet zorball, the team and the market."), ("", "")]
    features = [_features(title, body) for title, body in texts]
    # Self-training reads each word once (tests/test_topic_model_presence.py).
    assert _Collection(features).relabelled(model) == [model.best_once(f) for f in features]


def test_model_leans_on_the_seed_model_where_the_collection_cannot_tell():
    # "midfield" (a word of the sport seed texts) and "glimmer" (of none) occur in every
    # article of both topics: the collection alone cannot tell their topic; the seed
    # model, a weak prior, leans "midfield" to sport.
    both = [(title, body + " Glimmer midfield.") for title, body in _collection()]
    model = fit_topic_model(both)
    assert model is not None
    sport, economy = model.topics.index("sport"), model.topics.index(
        "economy, business and finance")

    def lean(word: str) -> float:
        column = model.vocabulary[stem(word)]
        return float(model.log_probs[sport, column] - model.log_probs[economy, column])

    assert lean("glimmer") == pytest.approx(0.0, abs=1e-6)
    assert lean("midfield") > 0.05


def test_model_first_then_the_keywords_other_topics():
    taxonomy = docsearch.extract.topics.default_taxonomy().with_model(
        fit_topic_model(_collection()))
    title, body = "Strike ends", "Zorball zorball: the union said the strike ended."
    assert classify_topics(title, body) == ["labour"]
    assert taxonomy.classify(title, body) == ["sport", "labour"]
    # Keywords this sure (a best score above KEEP_SCORE, 5.5, 3 times the runner-up's)
    # keep their topic; at exactly 5 (ninth topics round) the model chooses.
    title = "Zorball pay deal"
    body = "Zorball zorball zorball zorball: the union met the employers."
    assert taxonomy.classify(title, body) == classify_topics(title, body) == ["labour"]
    title, body = "Zorball pay deal", "Zorball zorball zorball zorball: the union met."
    assert taxonomy.classify(title, body) == ["sport", "labour"]


def test_model_does_not_choose_a_topic_the_keywords_see_no_sign_of():
    taxonomy = docsearch.extract.topics.default_taxonomy().with_model(
        fit_topic_model(_collection()))
    # Keywords fairly sure (arts 7 = UNNAMED_SCORE, education 5), the model's topic (sport,
    # from "zorball") not named by any term: the keywords keep their order; with arts 6
    # (ninth topics round) the model chooses.
    title = "Gallery opens for pupils"
    body = "Zorball zorball zorball: the museum shows paintings by the artist to pupils."
    assert taxonomy.classify(title, body + " An exhibition of the school.") == [
        "arts, culture, entertainment and media", "education"]
    assert taxonomy.classify(title, body + " Of the school.")[0] == "sport"
    # Weaker keywords (no term reaches 5): the model chooses.
    assert taxonomy.classify("Pupils", "Zorball zorball zorball: a museum trip.")[0] == "sport"


def test_seed_model_sure_keeps_a_topic_the_collection_does_not_know():
    # The collection knows sport and economy only; its model reads "zorball" as sport.
    # No sport term occurs, and the seed model is sure (SEED_SURE) of the arts, which
    # the keywords name: the arts come first.
    taxonomy = docsearch.extract.topics.default_taxonomy().with_model(
        fit_topic_model(_collection()))
    arts = "arts, culture, entertainment and media"
    for title, body in [
        ("Zorball night", "Zorball zorball zorball. The singer and the band played songs "
         "from the new album."),
        ("Zorball review", "Zorball zorball zorball. The novel is a portrait of a family, "
         "and the author reads from it."),
    ]:
        assert taxonomy.model is not None and taxonomy.model.best(title, body) == "sport"
        assert taxonomy.classify(title, body)[0] == arts
    # A sport term in the article: the model keeps its topic.
    assert taxonomy.classify("Zorball festival", "Zorball zorball. The festival line-up "
                             "includes folk singers, poets and a string quartet.") == [
        "sport", arts, "human interest"]
    # The seed model not that sure (economy 0.81): the model keeps its topic.
    assert taxonomy.classify("Zorball shares", "Zorball zorball zorball. The singer said "
                             "the company sold shares.") == [
        "sport", "economy, business and finance"]


def test_keywords_far_ahead_of_the_model_topic_keep_theirs():
    # The model reads "zorball" as sport; the keywords and the seed model say labour with
    # at least OUTWEIGH_SCORE (8) and OUTWEIGH_RATIO (5) times the sport terms' score (a
    # coach: 0.7), though not sure enough on their own (health 5): labour first.
    taxonomy = docsearch.extract.topics.default_taxonomy().with_model(
        fit_topic_model(_collection()))
    strike = ("Zorball zorball zorball zorball zorball. Nurses went on strike over pay, and "
              "the union said the walkout would go on")
    assert taxonomy.classify("Nurses strike", strike + ", with pickets at the hospital; the "
                             "coach was told.") == ["labour", "health"]
    # Labour below 8 (no pickets), or sport terms above a fifth of it: the model's sport.
    assert taxonomy.classify("Nurses strike", strike + "; the hospital and the coach were "
                             "told.") == ["sport", "labour", "health"]
    assert taxonomy.classify("Nurses strike", strike + ", with pickets at the hospital; the "
                             "coach said the players and the match were off.")[0] == "sport"


def test_no_model_for_a_small_collection(tmp_path):
    assert fit_topic_model(_collection(19)) is None
    (tmp_path / MODEL_FILE).write_bytes(b"old")
    taxonomy = collection_taxonomy(tmp_path, articles=_collection(19))
    assert taxonomy.model is None and not (tmp_path / MODEL_FILE).exists()


def test_model_saved_beside_the_index_and_loaded(tmp_path):
    fitted = collection_taxonomy(tmp_path, articles=_collection())
    assert (tmp_path / MODEL_FILE).exists()
    loaded = collection_taxonomy(tmp_path)
    assert loaded.model is not None and loaded.model.topics == fitted.model.topics
    assert loaded.classify("Zorball night", "Zorball zorball zorball.") == ["sport"]
    assert collection_taxonomy(tmp_path / "nowhere").model is None


def test_model_of_another_taxonomy_is_not_used(tmp_path):
    collection_taxonomy(tmp_path, articles=_collection())
    path = tmp_path / "mine.toml"
    path.write_text(MINE, "utf-8")
    mine = collection_taxonomy(tmp_path, load_taxonomy(path))
    assert mine.model is None
    assert mine.classify("Ferry back", "Zorball zorball zorball ferry.") == ["shipping"]


def test_rebuild_learns_the_collection_topics(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, (title, body) in enumerate(_collection()):
        (docs / f"{i:02}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
    (docs / "zz.txt").write_text("Zorball night\n\nZorball, zorball and zorball.\n", "utf-8")
    with docsearch.open(tmp_path / "ix", create=True) as ix:
        ix.sync([docs])
        assert [a.topics for a in ix if a.title == "Zorball night"] == [()]
        ix.rebuild()
        assert (tmp_path / "ix" / MODEL_FILE).exists()
        assert [a.topics for a in ix if a.title == "Zorball night"] == [("sport",)]
    with docsearch.open(tmp_path / "ix") as ix:
        assert ix.taxonomy.model is not None
