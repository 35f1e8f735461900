"""A synthetic news corpus of any size, the same for the same seed.

    .venv/bin/python benchmarks/synthetic.py [N] [--seed S]    # prints a sample and counts

Articles are built from word lists written for this benchmark, with no network and
no data files:

- words: a ranked vocabulary (function words, then a few hundred everyday news words,
  then about 4,000 made-up words built from syllables) drawn with a Zipf distribution
  (rank ``r`` has weight ``1 / r ** 1.07``), in sentences of 6 to 24 words;
- topics: each article is about one or two of 17 subjects (Zipf-like popularity) whose
  words, taken from everyday English ("striker", "goalkeeper", "inflation"), are mixed
  in, so the bundled topic classifier assigns topics;
- people: 0 to 4 people per article from a fixed pool of 3,000 made-up people
  (first + last name, unique surnames, a Zipf-like popularity), introduced in
  sentences that docsearch's extractor recognises ("Minister Ilse Varnholt said",
  "according to Tomas Brandvik, the chief economist") and mentioned again by surname;
- sources: 40 made-up titles (Zipf-like); dates: uniform over the 20 years
  2005-01-01 .. 2024-12-31, with a time of day; one article in 200 is undated;
- bodies: 150 to 400 words in paragraphs of 2 to 5 sentences; titles of 5 to 10 words.

Each article comes from its own ``random.Random`` seeded by ``(seed, number)``, so
article ``k`` is the same whether 10 or 200,000 are generated, and new articles for an
incremental step are just the next numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from docsearch import Article  # noqa: E402

__all__ = ["Person", "Vocabulary", "generate", "people_pool", "sources", "vocabulary"]

ZIPF_S = 1.07
START = dt.date(2005, 1, 1)
DAYS = (dt.date(2024, 12, 31) - START).days + 1
UNDATED_ONE_IN = 200
POOL_SIZE = 3000

# -------------------------------------------------------------------------- word lists

def _split(text: str) -> list[str]:
    return text.split()


#: The most frequent words of English news text, roughly in order (most are stop words).
_FUNCTION = _split("""
the of to and a in that for is on said was with he it as at by from his be have has an
are but not they which this will were had their its who been would or more after also
one she year new about her up than we two over there into last could other can all some
when first out people only three time if no may so while since them before under between
what against most because during now both many where any being made just our week years
through should those such then very still even back well each much how these another
""")

#: Everyday news words, in a fixed order that becomes their frequency rank.
_NEWS = _split("""
government city state country percent million official police minister company market
report group plan officials president law court price public local month day world
national group economy support force issue today meeting billion program policy members
number money power team week family part days point home school center service decision
area news water health night election case control security leaders deal project system
office workers change level region party business rate plans children lead home line
interest series week months data end move early role staff major chief growth record
higher lower strong weak open close cut rise fall rose fell growing expected announced
reported told added called made began took gave kept held sent brought left remained
agreed denied warned urged claimed confirmed refused helped moved needed showed found
asked seen known given turned played failed launched signed passed raised opened closed
world region capital border coast river island valley north south east west central
northern southern eastern western coastal rural urban federal regional foreign domestic
former current recent future previous annual monthly weekly daily second third fourth
final early late long short large small big high low full half little major minor key
main top senior junior general special official private public political economic
social military financial legal medical technical national international industrial
agricultural commercial cultural environmental historic modern ancient traditional
building bridge road railway station airport port harbour street square park hall
tower district province county village town community neighbourhood suburb market
agency council committee board panel commission authority department ministry bureau
union association federation alliance coalition network institute foundation trust
plan proposal measure bill budget package scheme strategy framework agreement treaty
accord contract talks negotiations discussions review inquiry investigation study
survey analysis assessment estimate forecast figure figures statistics numbers results
increase decrease drop jump surge slump decline gain loss losses gains profit profits
revenue revenues sales output production demand supply shortage surplus deficit debt
cost costs spending investment funding payments tax taxes fees charges prices rates
statement comments remarks speech interview conference briefing announcement warning
response reaction criticism concern concerns fears hopes doubts questions answers
people residents citizens voters workers employees staff managers experts analysts
observers critics supporters opponents members leaders officials authorities groups
morning afternoon evening night weekend holiday season summer winter spring autumn
monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december decade century period moment
way ways thing things place places case cases point points fact facts side sides
problem problems question issue issues matter matters situation conditions position
effort efforts attempt attempts step steps action actions process progress delay delays
""")

#: Words of 17 subjects, each list read by the topic classifier as that subject.
_TOPICS: dict[str, list[str]] = {
    "arts": ["museum", "exhibition", "painting", "gallery", "novel", "film", "actor",
             "album", "concert", "orchestra", "theatre", "festival", "poet", "director",
             "audience", "artist", "sculpture", "premiere", "singer", "composer"],
    "crime": ["police", "court", "judge", "trial", "prosecutor", "murder", "arrest",
              "sentence", "jury", "lawyer", "verdict", "fraud", "theft", "prison", "suspect",
              "detective", "robbery", "charges", "appeal", "defendant"],
    "disaster": ["earthquake", "flood", "fire", "crash", "explosion", "rescue", "victims",
                 "collapse", "evacuation", "wreckage", "emergency", "landslide", "survivors",
                 "derailment", "casualties", "tsunami", "blaze", "firefighters"],
    "economy": ["inflation", "bank", "shares", "market", "investors", "profit", "revenue",
                "economy", "trade", "exports", "interest", "bonds", "stock", "currency",
                "merger", "earnings", "dividend", "tariffs", "quarter", "growth"],
    "education": ["school", "pupils", "teachers", "university", "students", "exam",
                  "curriculum", "classroom", "tuition", "graduates", "lecturer", "campus",
                  "scholarship", "kindergarten", "literacy", "headteacher"],
    "environment": ["climate", "emissions", "pollution", "wildlife", "forest", "carbon",
                    "conservation", "species", "recycling", "biodiversity", "habitat",
                    "deforestation", "renewable", "glacier", "endangered", "wetlands"],
    "health": ["hospital", "patients", "doctors", "vaccine", "disease", "virus", "nurses",
               "cancer", "treatment", "clinic", "surgery", "infection", "outbreak", "diabetes",
               "medicine", "pandemic", "symptoms", "diagnosis"],
    "human": ["birthday", "wedding", "centenarian", "anniversary", "reunion", "heartwarming",
              "pet", "puppy", "kindness", "neighbours", "celebration", "grandmother"],
    "labour": ["strike", "union", "wages", "unemployment", "workers", "employers", "jobs",
               "pension", "layoffs", "walkout", "pay", "workforce", "overtime", "picket",
               "redundancies", "bargaining"],
    "lifestyle": ["recipe", "restaurant", "fashion", "travel", "tourism", "hotel", "garden",
                  "holiday", "cuisine", "chef", "hiking", "vacation", "wellness", "cruise",
                  "boutique", "gardening"],
    "politics": ["election", "parliament", "vote", "minister", "senator", "party",
                 "campaign", "coalition", "opposition", "referendum", "legislation",
                 "lawmakers", "ballot", "voters", "cabinet", "constituency", "diplomat",
                 "sanctions", "summit", "candidate"],
    "religion": ["church", "bishop", "mosque", "pope", "temple", "clergy", "worship",
                 "pilgrims", "faith", "synagogue", "cathedral", "priest", "imam", "monastery",
                 "congregation", "theology"],
    "science": ["research", "scientists", "software", "satellite", "laboratory", "physics",
                "telescope", "algorithm", "genome", "robot", "semiconductor", "spacecraft",
                "chemistry", "researchers", "experiment", "astronomers", "internet", "chip"],
    "society": ["poverty", "housing", "welfare", "immigrants", "homeless", "charity",
                "discrimination", "equality", "volunteers", "refugees", "migrants",
                "pensioners", "inequality", "demographic", "homelessness", "benefits"],
    "sport": ["match", "goal", "striker", "goalkeeper", "championship", "tournament",
              "coach", "league", "season", "stadium", "olympic", "medal", "midfielder",
              "referee", "playoff", "cricket", "tennis", "football", "athlete", "marathon"],
    "war": ["troops", "soldiers", "army", "ceasefire", "missile", "airstrike", "militants",
            "rebels", "insurgents", "artillery", "invasion", "peacekeepers", "combat",
            "offensive", "shelling", "hostages", "militia", "drone"],
    "weather": ["storm", "rain", "snow", "temperatures", "forecast", "heatwave", "drought",
                "hurricane", "wind", "frost", "rainfall", "thunderstorms", "meteorologists",
                "blizzard", "humidity", "typhoon"],
}

#: Phrases that news text repeats (so phrase queries find many articles).
_PHRASES = [
    "interest rates", "central bank", "prime minister", "trade deal", "climate change",
    "world cup", "stock market", "health care", "human rights", "supreme court",
    "oil prices", "peace talks", "election campaign", "power plant", "public transport",
    "housing market", "police officers", "social media", "free trade", "budget deficit",
    "energy prices", "school year", "labour market", "national team", "state media",
    "border crossing", "press conference", "security forces", "armed forces", "data centre",
]

_ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
           "z", "br", "ch", "dr", "fl", "gr", "kl", "pr", "qu", "sk", "st", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "y"]
_CODAS = ["", "", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "rk", "st", "x", "ng"]
_SURNAME_ENDS = ["holt", "vik", "berg", "son", "ski", "ov", "ez", "ani", "ura", "eau", "ing",
                 "mann", "ley", "ford", "dottir", "escu", "elli", "ström", "oğlu", "ić"]
_FIRST_ENDS = ["a", "o", "en", "ia", "us", "el", "in", "an", "ie", "er", "is", "ar"]

#: Roles that come before a name; the speech verbs and ways of writing it come in
#: the sentence templates below.
_ROLES = ["Minister", "Finance Minister", "Foreign Minister", "Senator", "Governor",
          "President", "Mayor", "Judge", "General", "Professor", "Dr.", "Ambassador",
          "Chancellor", "Commissioner", "Prosecutor", "Coach", "Bishop"]
_ROLE_NOUNS = ["chief economist", "spokeswoman", "spokesman", "director", "chairman",
               "head", "deputy director", "chief executive", "lead researcher", "secretary"]
_ORGS = ["ministry", "central bank", "university", "city council", "trade union",
         "national committee", "regional authority", "research institute", "federation",
         "health agency", "chamber of commerce", "port authority"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_SOURCE_WORDS = (["Tribune", "Courier", "Herald", "Ledger", "Gazette", "Observer", "Post",
                  "Chronicle", "Dispatch", "Journal", "Times", "Record", "Monitor",
                  "Review", "Sentinel", "Examiner", "Bulletin", "Wire", "Express", "Star"],
                 ["Northern", "Harbour", "Lowland", "Valley", "Coastal", "Capital",
                  "Evening", "Morning", "Daily", "Weekly"])


@attrs.frozen
class Person:
    first: str
    last: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@attrs.frozen
class Vocabulary:
    """Ranked words with cumulative Zipf weights (for ``random.choices``)."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...]


def _zipf_cum(count: int, s: float = ZIPF_S) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1.0 / (rank ** s) for rank in range(1, count + 1)))


def _syllables(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(count))


@functools.cache
def vocabulary(made_up: int = 4000) -> Vocabulary:
    """Function words first, then news words, then ``made_up`` syllable words (a fixed
    seed: the vocabulary is the same for every corpus)."""
    rng = random.Random(20240611)
    words: list[str] = []
    seen: set[str] = set()
    for word in [*_FUNCTION, *_NEWS]:
        if word not in seen:
            seen.add(word)
            words.append(word)
    topic_words = {w for ws in _TOPICS.values() for w in ws}
    wanted = len(words) + made_up
    while len(words) < wanted:
        word = _syllables(rng, rng.choice((1, 2, 2, 2, 3, 3)))
        if len(word) >= 4 and word not in seen and word not in topic_words:
            seen.add(word)
            words.append(word)
    return Vocabulary(tuple(words), _zipf_cum(len(words)))


@functools.cache
def people_pool(size: int = POOL_SIZE) -> tuple[Person, ...]:
    """``size`` made-up people (unique surnames), most popular first."""
    rng = random.Random(19871020)
    firsts: list[str] = []
    while len(firsts) < 400:
        name = (_syllables(rng, rng.choice((1, 2))) + rng.choice(_FIRST_ENDS)).capitalize()
        if 4 <= len(name) <= 9 and name not in firsts:
            firsts.append(name)
    lasts: list[str] = []
    taken: set[str] = set()
    while len(lasts) < size:
        name = (_syllables(rng, rng.choice((1, 2, 2))) + rng.choice(_SURNAME_ENDS)).capitalize()
        if 5 <= len(name) <= 13 and name.lower() not in taken:
            taken.add(name.lower())
            lasts.append(name)
    return tuple(Person(rng.choice(firsts), last) for last in lasts)


@functools.cache
def sources() -> tuple[str, ...]:
    """40 made-up news sources, most popular first."""
    nouns, adjectives = _SOURCE_WORDS
    rng = random.Random(40)
    pairs = [f"The {a} {n}" for a in adjectives for n in nouns]
    rng.shuffle(pairs)
    return tuple(pairs[:40])


_TOPIC_NAMES = ("politics", "economy", "crime", "sport", "health", "war", "arts", "science",
                "disaster", "labour", "environment", "education", "society", "weather",
                "lifestyle", "religion", "human")
_TOPIC_CUM = _zipf_cum(len(_TOPIC_NAMES), 0.8)
_PEOPLE_COUNTS = (0, 1, 2, 3, 4)
_PEOPLE_WEIGHTS = (0.25, 0.35, 0.22, 0.12, 0.06)


class _Writer:
    """Writes one article from its own random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocab = vocabulary()
        self.topic_words: list[str] = []

    def words(self, count: int) -> list[str]:
        rng = self.rng
        out = rng.choices(self.vocab.words, cum_weights=self.vocab.cum_weights, k=count)
        previous = ""
        for i in range(count):
            roll = rng.random()
            if roll < 0.07:
                out[i] = rng.choice(self.topic_words)
            elif roll < 0.085:
                out[i] = rng.choice(_PHRASES)
            elif out[i] == previous:  # no "the the"
                out[i] = rng.choice(_NEWS)
            previous = out[i]
        return out

    def clause(self, low: int = 4, high: int = 12) -> str:
        return " ".join(self.words(self.rng.randint(low, high)))

    def sentence(self) -> str:
        text = self.clause(6, 24)
        return text[0].upper() + text[1:] + "."

    def introduce(self, person: Person) -> str:
        rng, name = self.rng, person.name
        form = rng.randrange(5)
        if form == 0:
            return (f"{rng.choice(_ROLES)} {name} said on {rng.choice(_WEEKDAYS)} that "
                    f"{self.clause()}.")
        if form == 1:
            text = self.clause()
            return (f"{text[0].upper()}{text[1:]}, according to {name}, the "
                    f"{rng.choice(_ROLE_NOUNS)} of the {rng.choice(_ORGS)}.")
        if form == 2:
            return (f"{name}, a {rng.choice(_ROLE_NOUNS)} at the {rng.choice(_ORGS)}, said "
                    f"{self.clause()}.")
        if form == 3:
            text = self.clause()
            return f"\"{text[0].upper()}{text[1:]},\" said {name}."
        text = self.clause()
        return f"{text[0].upper()}{text[1:]}, {rng.choice(_ROLES).lower()} {name} told reporters."

    def again(self, person: Person) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return f"{person.last} said {self.clause()}."
        return f"{rng.choice(('Mr.', 'Ms.'))} {person.last} added that {self.clause()}."

    def article(self, number: int, prefix: str) -> Article:
        rng = self.rng
        topics = [rng.choices(_TOPIC_NAMES, cum_weights=_TOPIC_CUM)[0]]
        if rng.random() < 0.35:
            topics.append(rng.choices(_TOPIC_NAMES, cum_weights=_TOPIC_CUM)[0])
        self.topic_words = [w for t in topics for w in _TOPICS[t]]
        pool = people_pool()
        count = rng.choices(_PEOPLE_COUNTS, weights=_PEOPLE_WEIGHTS)[0]
        people: list[Person] = []
        for person in rng.choices(pool, cum_weights=_people_cum(), k=count):
            if person not in people:
                people.append(person)
        target = rng.randint(150, 400)
        sentences: list[str] = []
        for person in people:
            sentences.append(self.introduce(person))
        words = sum(len(s.split()) for s in sentences)
        while words < target:
            sentence = self.sentence()
            sentences.append(sentence)
            words += len(sentence.split())
        # The people are introduced in the first half, in order, then mentioned again.
        body_sentences = sentences[len(people):]
        for k, intro in enumerate(sentences[:len(people)]):
            position = min(len(body_sentences), k * 2 + rng.randrange(2))
            body_sentences.insert(position, intro)
        for person in people:
            if rng.random() < 0.7:
                position = rng.randint(len(body_sentences) // 2, len(body_sentences))
                body_sentences.insert(position, self.again(person))
        paragraphs: list[str] = []
        start = 0
        while start < len(body_sentences):
            size = rng.randint(2, 5)
            paragraphs.append(" ".join(body_sentences[start:start + size]))
            start += size
        title_words = self.words(rng.randint(4, 8)) + [rng.choice(self.topic_words)]
        rng.shuffle(title_words)
        if people and rng.random() < 0.4:
            title_words.insert(0, people[0].last)
        title = " ".join(title_words)
        title = title[0].upper() + title[1:]
        published: dt.datetime | None = None
        if rng.randrange(UNDATED_ONE_IN):
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            published = dt.datetime(day.year, day.month, day.day, rng.randrange(24),
                                    rng.randrange(60))
        source = rng.choices(sources(), cum_weights=_source_cum())[0]
        author = rng.choice(_reporters())
        return Article(id=f"{prefix}{number:07d}", title=title, body="\n\n".join(paragraphs),
                       authors=[author], source=source, published=published)


@functools.cache
def _people_cum() -> tuple[float, ...]:
    return _zipf_cum(len(people_pool()), 0.9)


@functools.cache
def _source_cum() -> tuple[float, ...]:
    return _zipf_cum(len(sources()), 1.0)


@functools.cache
def _reporters() -> tuple[str, ...]:
    rng = random.Random(7)
    pool = people_pool()
    return tuple(rng.choice(pool[:400]).first + " " + rng.choice(pool[1000:]).last
                 for _ in range(300))


def article(number: int, seed: int = 0, prefix: str = "syn-") -> Article:
    """Article ``number`` of the corpus of ``seed``."""
    return _Writer(random.Random(seed * 1_000_003 + number)).article(number, prefix)


def generate(count: int, seed: int = 0, start: int = 0, prefix: str = "syn-"
             ) -> Iterator[Article]:
    """Articles ``start`` .. ``start + count - 1`` of the corpus of ``seed``."""
    for number in range(start, start + count):
        yield article(number, seed, prefix)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="print a sample of the synthetic corpus")
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    import docsearch
    found = inserted = words = 0
    for k, art in enumerate(generate(args.count, args.seed)):
        if k == 0:
            print(art.title, art.source, art.published, art.authors, sep="\n")
            print(art.body[:1200], "\n")
        words += len(art.title.split()) + len(art.body.split())
        found += len(docsearch.extract_people(art.title, art.body))
    print(f"{args.count} articles, {words / args.count:.0f} words each, "
          f"{found / args.count:.2f} people found each {inserted}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
