"""Charts, ratings and shortlists: which slot of a listing line holds a work's title.

A chart or a listing gives each work on a line of its own, its maker and its title in
fixed slots (brief Z60)::

    5 (2) Edith Crowe - Parade                      rank, last week's rank, artist - title
    4 (3) Captain Rufus and the Pirate Gold (Mosaic)  rank, last rank, title (publisher)
    6 Mrs Bletchley Investigates (Network Two) 6.9     rank, title (channel) figure
    Dear Mr Ambrose by Hana Kobayashi-Reid (Halcyon)  title by author (publisher)

The title's slot names a work, a product or a character, no person, even when it holds a
title and a surname ("Dear Mr Hallam", "Sergeant Stone: Operation Black Sky"); the
maker's slot (the artist before " - ", the author after "by") stays a name. A shape
counts only when at least ``MIN_LINES`` lines of the body have it. A ranked line with a
bracket after its slot is also the shape of a results list or a ranking of people ("1 (2)
Ana Ruiz (Esp) 10.12"), so those lines count as titles only when at least half their
slots bear a mark of a title no person's name has: a function word ("the", "of",
"and"), a colon, a possessive, a figure or four words and more. A possessive name with a
known first name (no title) in a title's slot ("Kenny Tate's Christmas Cracker") is the
maker's, not the work's: it stays.

The same words written in the article's sentences ("Captain Rufus, the hero of the
number four game", "Dear Mr Ambrose is told in letters") are the work too, unless they
are a full name with a known first name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docsearch.extract.lexicon import _Lexicon, fold, word_key
from docsearch.extract.mentions import _Mention
from docsearch.extract.tokens import _Token

MIN_LINES = 3

# A rank and, optionally, last week's rank in brackets: "5 (2) ", "7 (new) ", "10. ".
_RANK = r"[ \t]*\d{1,3}\.?[ \t]+(?:\((?:new|New|NEW|re|RE|NE|\d{1,3})\)[ \t]+)?"
# "5 (2) Artist - Title": a maker with no bracket nor comma, then a dash and the title.
_ARTIST_TITLE = re.compile(_RANK + r"[^\s(),\d][^(),]*?[ \t]+[-–][ \t]+"
                           r"(?P<title>[^\s\d].*?)[ \t]*$")
# "Title (Publisher)" or "Title (Channel) 6.9" after a rank.
_TITLE_BRACKET = re.compile(_RANK + r"(?P<title>[^\s\d()][^()]*?)[ \t]+"
                            r"\([^()\d]+\)(?:[ \t]+\d[\d.,]*)?[ \t]*$")
# "Title by Author (Publisher)": a line with no rank.
_TITLE_BY = re.compile(r"[ \t]*(?P<title>[A-Z][^()]*?)[ \t]+by[ \t]+[A-Z][^()]*?"
                       r"[ \t]+\([A-Z][^()\d]*\)[ \t]*$")
# A line that opens with a figure: a rank, maybe.
_RANKED_LINE = re.compile(r"\n[ \t]*\d")

# Words a title has and a person's name has not.
_TITLE_WORDS = frozenset({"the", "of", "and", "for", "at", "in", "on", "a", "an", "to",
                          "with", "from", "over"})


def title_slots(body: str) -> list[tuple[int, int]]:
    """The offsets of the title slots of the body's chart and listing lines."""
    # The cheapest tests first: three lines that open with a figure or end in a bracket.
    ranked = len(_RANKED_LINE.findall(body)) >= MIN_LINES
    credited = body.count(")\n") + body.rstrip().endswith(")") >= MIN_LINES
    if not ranked and not credited:
        return []
    found: tuple[list[tuple[int, int]], ...] = ([], [], [])
    offset = 0
    for line in body.split("\n"):
        opening = line.lstrip()[:1]
        if ranked and opening.isdigit():
            for shape, spans in ((_ARTIST_TITLE, found[0]), (_TITLE_BRACKET, found[1])):
                if (match := shape.match(line)) is not None:
                    spans.append((offset + match.start("title"), offset + match.end("title")))
        elif credited and opening.isupper() and " by " in line and line.rstrip().endswith(
                ")") and (match := _TITLE_BY.match(line)) is not None:
            found[2].append((offset + match.start("title"), offset + match.end("title")))
        offset += len(line) + 1
    artists, bracketed, credits = found
    slots = [*(artists if len(artists) >= MIN_LINES else ()),
             *(credits if len(credits) >= MIN_LINES else ())]
    if len(bracketed) >= MIN_LINES and 2 * sum(
            _titled(body[s:e]) for s, e in bracketed) >= len(bracketed):
        slots.extend(bracketed)
    return slots


def _titled(slot: str) -> bool:
    """Whether a slot bears a mark of a work's title (see the module)."""
    words = slot.split()
    return len(words) >= 4 or ":" in slot or "'s " in slot or "’s " in slot or any(
        w.lower() in _TITLE_WORDS or w[0].isdigit() for w in words)


def without_titles(mentions: Sequence[_Mention], body: str, tokens: Sequence[_Token],
                   lex: _Lexicon) -> list[_Mention]:
    """The mentions less those in a chart's title slots and their repeats (see the module)."""
    slots = title_slots(body)
    if not slots:
        return list(mentions)
    kept: list[_Mention] = []
    titles: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.position < 0 or m.position >= len(tokens):
            kept.append(m)
            continue
        start = tokens[m.position].start
        if not any(s <= start < e for s, e in slots):
            kept.append(m)
            continue
        if _full_name(m, lex) and _possessive(m, tokens):
            kept.append(m)  # "Kenny Tate's Christmas Cracker": the maker's name
            continue
        titles.add(tuple(fold(w) for w in m.words))
    if not titles:
        return kept
    return [m for m in kept if tuple(fold(w) for w in m.words) not in titles or _full_name(m, lex)]


def _full_name(m: _Mention, lex: _Lexicon) -> bool:
    """An untitled name of two words and more whose first is a known first name and no
    title nor role ("Doctor Quill's Puzzle Palace" is a work's)."""
    first = word_key(m.words[0])
    return not m.titled and len(m.words) > 1 and first in lex.first_names and (
        first not in lex.titles and first not in lex.role_nouns)


def _possessive(m: _Mention, tokens: Sequence[_Token]) -> bool:
    """Whether the mention's last word carries a possessive."""
    last = m.words[-1]
    for token in tokens[m.position:m.position + len(m.words) + 2]:
        if token.text == last:
            return token.possessive
    return False
