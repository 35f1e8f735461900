"""People named in lists: team sheets, line-ups and scorecards.

Sport copy names most of its people in lines no sentence rule reads::

    Kilbarra: T Rourke; C Brennock, P Mulvey, S Kinsella (capt), D Hanlon.
    Westford: Pickering, Saliba, Kerrigan, Obi, Morales.
    Scores: KL Rahul c Buttler b Anderson 84, R Sharma lbw b Robinson 36.

A line is such a list when, after an optional short label ending in ``:`` (at the start of
the line or of a sentence), at least ``MIN_ITEMS`` (two when every one has initials) of
its items (split at commas, semicolons and "and"; a parenthesis such as "(capt)" and
trailing figures such as "3-41" or "1:44.10" dropped; a cricket item split at its
dismissal words ``c``, ``b``, ``lbw``, ``st``, ``not out``, ``run out``) are all names, and
at least ``MIN_SHARE`` of its items are. A name is initials and a surname ("T Rourke",
"JP Voss", "L W Mwangi", "W de Villiers", "J.R. Ellory") or, in a labelled line, a surname
alone ("Pickering"); after a rank ("2 Hiwot Alemu (Eth) 14:12.40") a first name and a
surname. Words the lexicon knows as places, demonyms, months, organisation words or common
English words are not surnames, so "Visitors: Paris, London, Berlin" is no team. What a
parenthesis holds is read as a list of its own ("Ashby 241/7 (D Pellow 88, K Rusk 41 not
out; T Ambler 3-37)"). A transcript's speaker label in capitals at the start of a line,
with a known first name, is a name too ("MARTIN OKAFOR: Welcome back").

Results and line-ups in other shapes: a label may carry a formation ("ROVERS (4-3-3):") or
a short note with a figure or before ranks ("SHARKS 1st innings (target 240):", "Final
standings (open): 1. ..."), never a time's colon ("2:08:41"); a rank may end in a dot ("1.
Sato Rina"); a rugby league summary's "tries" and "goals" end its items; a
crew is written "Kallio/Heino"; figures may carry a unit or a sign ("38pts", "1h 38m
12.4s", "+41.6s"); a substitute's item names who came on ("O Cleary for Lanigan"); up to
two particles open a surname ("A de la Rey"), also after a rank ("1 van den Berg"). In a
labelled list whose other items are names enough, a surname alone that is also an English
word ("Price") is a name too. A scoring summary's goals ("Lachance 7 (Pruitt, Okafor),
6:41") give their scorers and assists, and a line with at least ``MIN_ITEMS`` names with
initials each alone in a parenthesis ("Otaki (R Tamihana) 18 Levin (D Keown) 15") gives
them. A role's label before one name with initials gives it ("Referee: F Horgan.", also
with a club after it: "Referee: K Symes (Southampton).").

Lists are read by their shape, not by names: what comes before a line's first label is a
list too ("Results - Heavy events (men): 1 ..."); once one list of a line holds names with
initials, a class with a single such item counts ("V50: A Rigg (Coniston) 4:01:26"); words
for a time ("same time", "dnf") are figures; a match result "A Payne bt R Skeete" gives
both; particles may be written with a capital ("Le Cornu", "Da Silva"); a labelled team
sheet's substitutes come on in brackets with their minute ("Sarre (Le Page 60)", "(64 De
Garis)"); and initials before a place's name ("M Jordan") count only beside other names.

Leaderboards and standings (brief Z35): a score to par ("-9 R. Okonkwo") and a shared rank
("3–5 E. Orr") open an item as a rank does; a gap ("at 11sec") is a figure; initials and
surnames may open with a capital beyond A-Z ("Ó. Gunnarsson", "Þorsteinsson"); after a
rank a name may have two first names when the first is a known one ("Jean Bosco
Uwimana"); an item that is a first name and a surname without a rank ("Corbin Ashgrove")
counts towards a list's share of names but is not read from it (names with initials still
need two in a list); once one parenthesis of a line holds names with initials, another
with a single one counts ("2 Derwent (J. Orr, Hamish Coad)"); a results class ("Men",
"Ladies") is no surname.

A market report's lists name firms and currencies, never people, and are known by their
shape (``data/market_words.txt``): a market label ("Gainers:", "Most active:"), an exchange
in an item's brackets ("Texaco (NYSE) 31"), a price in pence or cents ("Quantel 212p") or a
currency word before an item's figure ("N.Z. Dlrs 0.5612, H.J. Heinz 41") make a list no
list of people. Decimals alone do not: a sprint's times have them too.

Results a line each (brief Z45): a short heading ending in ":" over at least two lines
that each hold one item (no comma or semicolon) is read as one labelled list ("Final
scores (54 holes):" over "210 B Oakes (Hilltop) 70 71 69" lines; "Result:" over
candidates and their votes "1,402", where one name with initials among three or more
full names is enough); a line with a match's result ("bt", "def", "drew with") is a list
even without commas; a score between two players splits them ("J Marwood 5-2 A
Ferris"); a bout's end ("rsf 3", "pts", "ko", "rtd", "dq") is a figure; "St" may open a
surname after initials ("P St Aubyn"); and a box score's batters, two or more in a line,
are names with initials before a fielding position and a figure ("T Rusk cf 3 1 2").

Results with brackets (brief Z50): a name with initials before its bracket may have a team
after it ("1 J Foulkes (GB) Harcourt 1hr 24min 11.4sec", "+1 lap" a figure); a score
between two players follows the first one's bracket ("A Mahfouz (Egy) 10 K Van Damme (Bel)
6"); "Ref:" is a role's label; letters of Latin Extended-A are a name's ("M Doležalová");
a given name after the family name may have a hyphen in lower case ("Chen Kuo-ming"). In a
line, or a heading's block of lines, with at least ``MIN_ITEMS`` names with initials each
alone in a bracket ("1 Captain Darcy (R Keane) 14-1"), what stands before each bracket
(two to four capitalised words, the first no first name) is what the person rides, steers
or skips, a horse, a boat or a team: the article's mentions of it are no people.

Particles and ranked lines (brief Z59): Gaelic and Welsh particles open a surname ("K Ó
hAodha", "A Ní Bhriain", "L ap Iorwerth"; "Ó" is no initial); three or more lines each with
a rank and one bracketed name with initials are such a result with no heading ("1. Miss
Ida (T J Roe) 9-1"), what a rank stands before a thing even with a first name, and the
words up to a possessive too; a heading's block goes on over ranked lines with commas;
a role's label may be a head noun after a word or two and before a remit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from docsearch.extract.lexicon import _MONTHS, _PARTICLES, _WEEKDAYS, _Lexicon, _word_set, fold
from docsearch.extract.name_shapes import _CAPITAL, _INITIALS, _LOWER, _PARTICLE, _SURNAME

__all__ = ["ListedName", "listed_names", "ridden"]

MIN_ITEMS = 3
MIN_SHARE = 0.75

# A label may carry a formation or a short note with a figure ("ROVERS (4-4-2): ...",
# "SHARKS 1st innings (target 240): ...") or before ranks ("Final standings (open): 1. ..."),
# but not "Menu (two courses): Soup, ...".
_LABEL = re.compile(r"(?:^|[.!?]\s+)\s*(?:[\w'’&-]+\s+){0,3}[\w'’&-]+"
                    r"(?:\s*\((?:(?=[^)]*\d)[\w .-]{1,24}\)|[\w .-]{1,24}\)(?=:\s*\d{1,3}\.?\s)))?"
                    r"\s*:(?!\d)\s*(?=\S)")  # not a time's "2:08"
# Items split at ";", "," (not "5,000m"), "and", "&" and a match's result: "A Payne bt R
# (the lookahead first: a split starts only at one of those characters, and Python's
# regex engine would otherwise try the whole pattern at every character)
# Skeete", "S Rahman drew with J Kealy", a score between the players "J Marwood 5-2 A Ferris"
# or after the first player's (blanked) bracket and before the other's initials
# ("A Mahfouz (Egy) 10 K Van Damme (Bel) 6")
_ITEM_SPLIT = re.compile(rf"(?=[\s;,&a])\s*(?:;|,(?!\d)|\band\b|&|\s(?:bt|def|drew with)\.?(?=\s)"
                         rf"|\s\d{{1,2}}[-–]\d{{1,2}}\s(?=[A-ZÀ-ÖØ-Þ])"
                         rf"|\s\s\d{{1,3}}\s(?=(?:[{_CAPITAL}](?:\.\s?|\s)){{1,3}}[{_CAPITAL}]))\s*")
# A line that gives a match's result ("bt", "def", "drew with") is read as a list.
_RESULT = re.compile(r"\s(?:bt|def|drew with)\.?\s")
# A short heading ending in ":" ("Result:", "Leading scores (36 holes):") over lines that
# each hold one item ("210 B Oakes (Hilltop) 70 71", "S.T. Borlase (Independent) 74").
_HEADING = re.compile(r"^\s*\S(?:[^:\n]*\S)?:\s*$")
_ONE_ITEM = re.compile(r"^(?!.*(?:;|,(?!\d)))\s*\S.*$")
_PAREN = re.compile(r"\([^)]*\)")
# "104", "3-41", "1:44.10", "287/6", "38pts", "1h 38m 12.4s", "+41.6s"
# and a bout's end in lower case or in capitals ("rsf 4", "pts", "KO 2", "rtd 7", "dq", a
# decision "UD 8", "SD", "MD"); votes "1,214"; a gap "+1 lap"
_FIGURES = re.compile(r"(?:(?:^|\s+)(?:(?:at\s+)?[+]?[\d*][\d*:.,/-]*(?:[a-z]{1,3}\b)?"
                      r"|same time|s\.?t\.?|dnf|laps?|pts|rsf|tko|ko|rtd|dq|ud|sd|md"
                      r"|PTS|RSF|TKO|KO|RTD|DQ|UD|SD|MD))+\s*$")
# "K. Orr lbw b Lamb 4. Extras 9. Total 55": the sentence ends after the last item's figures
_SENTENCE_AFTER = re.compile(r"(?<=\s\d)[\d:./-]*\.\s+[A-Z].*$")
# "M Heathcote tries", "C Lowther 4 goals": a rugby league scoring summary's last words
_SCORES = re.compile(r"\s+(?:tries|try|goals?|field goals?|conversions?|pens?|penalties)\s*$")
_REPLACED = re.compile(r"\s+for\s+[A-Z][^\s]*\s*$")  # "O Cleary for Lanigan": who came on
_CREW = re.compile(r"\s*/\s*(?=[A-Za-z])")  # "Kallio/Heino": a driver and co-driver
# "2 Hiwot Alemu", "=3 K Obiora", "1 van Dijk", "1. Sato Rina", a shared rank "3–5 E. Orr"
# and a score to par "-9 R. Okonkwo"
_RANK = re.compile(r"^(?:=?\d{1,3}(?:[–-]\d{1,3})?\.?|[-+−]\d{1,2})\s+(?=[^\W\d_])")
_SUB_LABEL = re.compile(r"^.*:\s+")  # "Men's 800m: 1 ..." inside an item
_DISMISSAL = re.compile(r"\s+(?:(?:c\s*&\s*b|c|b|lbw|st|not out|run out|retired hurt)\b\s*)+")
# after initials "St" may open a surname ("P St Aubyn")
_NAME = re.compile(rf"^(?:(?P<initials>{_INITIALS})\s*)?"
                   rf"(?P<surname>(?(initials)(?:St\.?\s+)?){_PARTICLE}{_SURNAME})$")
# "Hiwot Alemu", "Jean Bosco Uwimana", a given name after the family name "Chen Kuo-ming"
_FULL_NAME = re.compile(rf"^(?P<first>{_SURNAME}(?:\s+{_SURNAME})?)\s+"
                        rf"(?P<surname>{_PARTICLE}{_SURNAME}(?:-[{_LOWER}]+)?)$")
# "Lachance 7 (Pruitt, Okafor), 6:41": a scoring summary's goal, its assists and its time.
_GOAL = re.compile(rf"(?<![\w'’-])(?P<scorer>{_SURNAME}) \d{{1,3}} "
                   r"\((?P<assists>[^()]*)\),? \d{1,2}:\d\d\b")
# "(Dorey 78)", "(64 De Garis)", "(Bremner 65, 6)": a substitute, the minute he came on and
# his rating.
_SUBSTITUTE = re.compile(rf"\((?=[^()]*\d)(?:\d{{1,3}}\s+)?(?P<name>{_PARTICLE}{_SURNAME})"
                         r"(?:\s+\d{1,3}(?:,\s*\d{1,2}(?:\.\d)?)?)?\)")
# "Referee: F Horgan.", "Managing director, mortgages: G R Hall": a role and one name.
_ROLE_LABEL = re.compile(rf"(?:^|[.!?]\s+)(?P<role>[A-Z][a-z]+(?: [a-z]+){{0,2}}(?:, [a-z]+)?):"
                         rf"\s+(?P<name>{_INITIALS}\s*"
                         rf"{_PARTICLE}{_SURNAME})(?=(?:\s*\([^()]{{1,30}}\))?\s*(?:[.;,]|$))")
# "T Rusk cf 3 1 2": a box score's batter, his fielding position (baseball's closed set of
# abbreviations, "ph-lf" for a pinch-hitter who stayed in) and his first figure.
_POSITION = r"(?:p|c|1b|2b|3b|ss|lf|cf|rf|dh|ph|pr)"
_BATTER = re.compile(rf"(?<!\S)(?P<name>{_INITIALS} {_PARTICLE}{_SURNAME}) "
                     rf"{_POSITION}(?:-{_POSITION})* \d")
_POSITION_FIGURE = re.compile(rf" {_POSITION}(?:-{_POSITION})* \d")
# A market report's exchanges, labels and currency words ("Gainers: Texaco (NYSE) 31; ...").
_MARKET_WORDS = frozenset(fold(word) for word in _word_set("market_words.txt"))
# "212p", "12.5c": a price in pence or cents ending an item
_PENCE = re.compile(r"\d[pc](?=\s*(?:[;,.]|$))")
# "N.Z. Dlrs 0.5612": an item's last word before its figure
_BEFORE_FIGURE = re.compile(r"([^\W\d_]+)\s+\d[\d.,]*\s*$")
# "MARTIN OKAFOR: Welcome back": a transcript's speaker.
_SPEAKER = re.compile(r"^\s*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}):\s")


# A results class ("Results: Men, final: ..."), never a surname in a list.
_CLASSES = frozenset({"men", "women", "ladies", "boys", "girls", "juniors", "seniors",
                      "veterans", "masters", "mixed"})


@attrs.frozen
class ListedName:
    """A name read from a list: ``first`` (initials or a first name; "" for a surname
    alone) and ``surname``, at character ``offset`` of the text."""

    first: str
    surname: str
    offset: int

    @property
    def words(self) -> list[str]:
        return [*self.first.split(), *self.surname.split()]


def listed_names(text: str, lex: _Lexicon,
                 things: list[list[str]] | None = None) -> Iterator[ListedName]:
    """Every name in the list lines of ``text`` (see the module docs); ``things`` gets the
    (folded) words of what a bracketed name rides, skips or steers ("1 Captain Darcy (R
    Keane) 14-1": the horse), no person."""
    offset = 0
    lines = text.split("\n")
    blocked = 0  # lines up to this one belong to a heading's block, read with it
    for i, line in enumerate(lines):
        speaker = _speaker(line, offset, lex)
        if speaker is not None:
            yield speaker
        if i >= blocked and ":" in line and _HEADING.match(line) and len(line.split()) <= 8:
            block = _block(lines, i)
            if block > i + 2:
                joined = line + " " + ";".join(lines[i + 1:block])
                yield from _line_names(joined, offset, lex)
                yield from _parenthesised(joined, offset, lex)
                if joined.count("(") >= MIN_ITEMS:  # "1 Captain Darcy (R Keane) 14-1" a line each
                    yield from _bracketed_names(joined, offset, lex, things)
                blocked = block
        elif i >= blocked and line[:1].isdecimal() and "(" in line:
            block = _block(lines, i, ranked=True)
            if block >= i + MIN_ITEMS:  # "1. Miss Ida (T J Roe) 9-1" a line each, no heading
                yield from _bracketed_names(";".join(lines[i:block]), offset, lex, things, True)
                blocked = block
        if "," in line or ";" in line or _RESULT.search(line):
            if i >= blocked:
                yield from _line_names(line, offset, lex)
                yield from _parenthesised(line, offset, lex)
            if ":" in line and ("," in line or ";" in line):
                yield from _scorers(line, offset, lex)
        if ":" in line:
            yield from _role_labelled(line, offset, lex)
        if _POSITION_FIGURE.search(line):
            yield from _batters(line, offset, lex)
        if line.count("(") >= MIN_ITEMS and i >= blocked:
            yield from _bracketed_names(line, offset, lex, things)
        offset += len(line) + 1


def _block(lines: list[str], first: int, ranked: bool = False) -> int:
    """The end of a results table a line each after a heading at ``first``: lines of one
    item (no comma or semicolon, twelve words at most) or with a rank ("-9 M Rendall 70, P
    Okonjo 71"); ``ranked``: from ``first``, lines of one item with a rank and a bracket."""
    end = first + (not ranked)
    while end < len(lines) and (
            _ONE_ITEM.match(lines[end]) and len(lines[end].split()) <= 12
            and (not ranked or "(" in lines[end] and _RANK.match(lines[end]))
            or not ranked and _RANK.match(lines[end])):
        end += 1
    return end


def _line_names(line: str, offset: int, lex: _Lexicon) -> list[ListedName]:
    """The names of each list in a line: a label ("Bench:") after a sentence's end starts
    a list of its own ("Ravens: T Ollerton, ... D Sallis. Bench: K Tuck, ..."), and what
    comes before the first label is a list too. Once one list of the line holds names with
    initials, a class with a single such item is read as well ("... V50: A Rigg (Coniston)
    4:01:26."), and once one holds names, two surnames alone under another label ("...
    Subs not used: Hallam (gk), Kav.")."""
    labels = list(_LABEL.finditer(line))
    ends = [m.start() for m in labels[1:]] + [len(line)] if labels else []
    # (start, stop, labelled, label): a market's list is left out, but the market test
    # runs only where it could matter (a list with names, or one read beside them).
    segments = [(label.end(), end, True, label.group())
                for label, end in zip(labels, ends, strict=True)]
    if not labels or labels[0].start() > 0:
        segments.insert(0, (0, labels[0].start() if labels else len(line), False, ""))
    lists = [_list_names(line, start, stop, offset, lex, labelled)
             for start, stop, labelled, _ in segments]
    kept = [(names, segment) for names, segment in zip(lists, segments, strict=True)
            if not names or not _market(segment[3], line[segment[0]:segment[1]])]
    if not any(names for names, _ in kept):
        return []
    found: list[ListedName] = []
    for names, (start, stop, labelled, label) in kept:
        if not names and not _market(label, line[start:stop]):
            names = _list_names(line, start, stop, offset, lex, labelled, alone=True)
        found.extend(names)
    return found


def _parenthesised(line: str, offset: int, lex: _Lexicon) -> list[ListedName]:
    """The lists in a line's parentheses ("Ashby 241/7 (D Pellow 88, K Rusk 41 not out)"):
    once one holds names with initials, another with a single such item beside a full
    name counts too ("1 Tamar (O. Lund, F. Lund) 6:41.2; 2 Derwent (J. Orr, Hamish Coad)")."""
    groups = [(group.start() + 1, group.end() - 1) for group in _PAREN.finditer(line)]
    lists = [_list_names(line, start, stop, offset, lex, labelled=False)
             for start, stop in groups]
    if any(n.first for names in lists for n in names):
        lists = [names or _list_names(line, start, stop, offset, lex, labelled=False,
                                      alone=True)
                 for names, (start, stop) in zip(lists, groups, strict=True)]
    return [n for names in lists for n in names]


def _market(label: str, segment: str) -> bool:
    """Whether a list names firms or currencies by its shape: a market label ("Gainers:",
    "Most active:"), an exchange in an item's brackets ("Texaco (NYSE) 31"), a price in
    pence or cents ("Quantel 212p") or a currency word before an item's figure ("N.Z. Dlrs
    0.5612")."""
    words = fold(label.strip(" .!?:")).split()
    if any(" ".join(words[i:]) in _MARKET_WORDS for i in range(len(words))):
        return True
    brackets = (fold(group.group()[1:-1].strip()) for group in _PAREN.finditer(segment))
    if any(bracket in _MARKET_WORDS for bracket in brackets):
        return True
    for item in _ITEM_SPLIT.split(_PAREN.sub(" ", segment)):
        item = item.strip().rstrip(".")
        figure = _BEFORE_FIGURE.search(item)
        if _PENCE.search(item) or figure and fold(figure.group(1)) in _MARKET_WORDS:
            return True
    return False


def _list_names(line: str, start: int, stop: int, offset: int, lex: _Lexicon,
                labelled: bool, alone: bool = False) -> list[ListedName]:
    """The names of one list (``alone``: beside another list of the line, a single item
    with initials or two surnames alone are enough)."""
    items = _ITEM_SPLIT.split(_PAREN.sub(lambda m: " " * len(m.group()), line[start:stop]))
    found: list[ListedName] = []
    named = 0
    full = 0  # items that are a first name and a surname without a rank
    listed = 0
    position = start
    for k, item in enumerate(items):
        # Too few items are left for enough names, or for their share: no list.
        left = len(items) - k
        if named + left < 1 or 4 * (named + full) - 3 * listed + left < 0:
            return []
        if _opens_no_name(item):
            listed += 1  # (what the lines below would find: an item, and no name in it)
            continue
        item = _item_core(item)
        if not item:
            continue
        listed += 1
        names = [_name(_without_figures(piece), lex, labelled)
                 for part in _DISMISSAL.split(item) if part for piece in _CREW.split(part)]
        if "   " in item and not (names and all(n is not None for n in names)):
            item = _before_team(item, line, position)  # "1 J Foulkes (GB) Harcourt 1hr"
            names = [_name(item, lex, labelled)] if item else []
        if names and all(n is not None for n in names):
            where = line.find(item, position)
            position = max(position, where)
            found.extend(ListedName(n[0], n[1], offset + max(where, 0))
                         for n in names if n is not None)
            named += not any(n is not None and n[2] for n in names)
        elif _unranked_full_name(item, lex):
            full += 1
    bare = any(not n.first for n in found)
    enough = (2 if bare else 1) if alone else MIN_ITEMS if bare else 2
    # In a labelled list of full names, one with initials is enough ("Result: Amelia
    # Craddock (Green) 1,402; ... S.T. Borlase (Independent) 74").
    few = named < enough and not (labelled and not bare and named and named + full >= MIN_ITEMS)
    if few or named + full < MIN_SHARE * listed:
        return []
    if labelled:
        found += _substitutes(line, start, stop, offset, lex)
        found.sort(key=lambda n: n.offset)
    return found


def _substitutes(line: str, start: int, stop: int, offset: int,
                 lex: _Lexicon) -> list[ListedName]:
    """Who came on, in a team sheet's brackets with the minute ("Sarre (Le Page 60)",
    "(64 De Garis)")."""
    found = []
    for sub in _SUBSTITUTE.finditer(line, start, stop):
        name = _name(sub.group("name"), lex, labelled=True)
        if name is not None and not name[2]:
            found.append(ListedName(name[0], name[1], offset + sub.start("name")))
    return found


def _scorers(line: str, offset: int, lex: _Lexicon) -> list[ListedName]:
    """A scoring summary's scorers and assists ("Lachance 7 (Pruitt, Okafor), 6:41"): read as
    a labelled list's surnames (no common word), once the line has two such goals or one
    with assists."""
    found: list[ListedName] = []
    goals = 0
    for goal in _GOAL.finditer(line):
        assists = goal.group("assists")
        names = [_name(goal.group("scorer"), lex, labelled=True)]
        if not assists.islower():  # "(unassisted)"
            names += [_name(a, lex, labelled=True) for a in _ITEM_SPLIT.split(assists)]
        if all(n is not None and not n[2] for n in names):
            goals += 1
            found.extend(ListedName(n[0], n[1], offset + goal.start())
                         for n in names if n is not None)
    return found if goals >= 2 or len(found) > goals else []


# A role's label written short: "Ref: K Symes (Derby)", "Ump: T Grey".
_ROLE_ABBREVIATIONS = frozenset({"ref", "ump"})


def _role_labelled(line: str, offset: int, lex: _Lexicon) -> Iterator[ListedName]:
    """A name with initials after a role's label ("Referee: F Horgan.", "Umpire: J.T.
    Pryce")."""
    for match in _ROLE_LABEL.finditer(line):
        name = _name(match.group("name"), lex, labelled=False)
        role = fold(match.group("role").partition(",")[0].rsplit(None, 1)[-1])
        if name is not None and (role in lex.role_nouns or role in _ROLE_ABBREVIATIONS):
            yield ListedName(name[0], name[1], offset + match.start("name"))


def _batters(line: str, offset: int, lex: _Lexicon) -> list[ListedName]:
    """A box score's batters, at least two in a line ("T Rusk cf 3 1 2 0 .288 P Ilori 3b 3
    0 1 ...")."""
    found = []
    for batter in _BATTER.finditer(line):
        name = _name(batter.group("name"), lex, labelled=False)
        if name is not None:
            found.append(ListedName(name[0], name[1], offset + batter.start()))
    return found if len(found) >= 2 else []


def _bracketed_names(line: str, offset: int, lex: _Lexicon,
                     things: list[list[str]] | None, ranked: bool = False) -> list[ListedName]:
    """Names with initials each alone in a parenthesis beside a team and its score, at
    least ``MIN_ITEMS`` of them in a line ("Otaki (R Tamihana) 18 Levin (D Keown) 15", a
    racing result "1 Captain Darcy (R Keane) 14-1; 2 ..."). What comes before each such
    parenthesis is what the person skips, rides or steers: a team, a boat or a horse, added
    to ``things`` when it is two to four capitalised words, the first no first name."""
    found = []
    heads = []
    end = 0
    for group in _PAREN.finditer(line):
        name = _name(group.group()[1:-1], lex, labelled=False)
        if name is not None and name[0]:
            found.append(ListedName(name[0], name[1], offset + group.start() + 1))
            heads.append(_HEAD.search(line, end, group.start()))
        end = group.end()
    if len(found) < MIN_ITEMS:
        return []
    if things is not None:
        for head in heads:
            words = head.group(1).split() if head else []
            # a word alone ("Otaki") or a first name's ("Kerrigan", "Lee Aaronson") may be a
            # person (a scorer and who made the goal), unless ranked ("2. Dorothy Brook (J Roe)")
            if len(words) > 1 and (ranked or fold(words[0]) not in lex.first_names):
                things.append([fold(w) for w in words])
                owner = next((k for k, w in enumerate(words) if w.endswith(("'s", "’s"))), 0)
                if owner:
                    things.append([fold(w) for w in [*words[:owner], words[owner][:-2]]])
    return found


# The last capitalised words before a bracket, after a rank or a score ("; 2 Mister Pugh ").
_HEAD = re.compile(rf"(?:^|[\s;:,])(?:[\d=.+-]+\s+)?((?:[{_CAPITAL}][\w'’-]*\s+){{1,4}})$")


def ridden(words: list[str], things: list[list[str]]) -> bool:
    """Whether a mention's words are a thing's of ``things`` with some left out ("Darcy" of
    "Captain Darcy"), the last the same."""
    folded = [fold(w) for w in words]
    for thing in things:
        it = iter(thing)
        if folded[-1] == thing[-1] and all(any(w == t for t in it) for w in folded):
            return True
    return False


# What follows a name's bracket in a results line: a team or maker of up to three
# capitalised words ("Scuderia Veloce"), the figures already taken away.
_TEAM = re.compile(rf"^[{_CAPITAL}][\w'’&.-]*(?:\s+[{_CAPITAL}][\w'’&.-]*){{0,2}}$")


def _before_team(item: str, line: str, position: int) -> str:
    """A name with initials before its bracket (blanked in ``item``, found in ``line`` from
    ``position``) when a team follows the bracket ("1 J Foulkes (GB) Harcourt"), else ""."""
    head, _, tail = item.partition("   ")
    head = head.strip()
    rank = _RANK.match(head)
    match = _NAME.match(head[rank.end():] if rank else head)
    if not (match and match.group("initials") and _TEAM.match(tail.strip())):
        return ""
    where = line.find(head, position)
    return head if where >= 0 and line[where + len(head):].lstrip()[:1] == "(" else ""


def _opens_no_name(item: str) -> bool:
    """An item that is neither a name nor a part of one at its start: it opens with a word
    in lower case that no particle is (a name, a rank, initials and a list's label open with
    none of those), nor a figure that _FIGURES may take away, and has no label inside it.
    Prose cut at its commas is such items; this test is quicker than the patterns."""
    item = item.strip()
    if not item[:1].islower() or ":" in item:
        return False
    return item.split(None, 1)[0].rstrip(".") not in _OPENING_WORDS


# A particle of _PARTICLE, or a figure of _FIGURES, in lower case.
_OPENING_WORDS = frozenset({
    "de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ní", "ni",
    "nic", "mac", "ap", "ab", "bin", "al", "el", "at", "same", "st", "s.t", "dnf", "pts", "rsf",
    "tko", "ko", "rtd", "dq", "ud", "sd", "md"})


def _item_core(item: str) -> str:
    """An item without what ends it after the name (a sentence, who came on, the words of
    a scoring summary, figures) and a label inside it. (Each pattern matches only at the
    end, and a Python regex tries every start for it: a cheap test of the item's last
    word comes first.)"""
    item = item.strip()
    if "." in item:
        item = _SENTENCE_AFTER.sub("", item)
    item = item.rstrip(".").strip()
    if "for" in item:
        item = _REPLACED.sub("", item)
    if _last_word(item) in _SCORE_WORDS:
        item = _SCORES.sub("", item)
    item = _without_figures(item)
    return _SUB_LABEL.sub("", item) if ":" in item else item


# The last words _SCORES may take away.
_SCORE_WORDS = frozenset({"tries", "try", "goal", "goals", "conversion", "conversions", "pen",
                          "pens", "penalties"})
# The last words _FIGURES may take away that start with no digit, "+" or "*".
_FIGURE_WORDS = frozenset({"time", "st", "s.t", "st.", "s.t.", "dnf", "pts", "rsf", "tko", "ko",
                           "rtd", "dq", "ud", "sd", "md", "lap", "laps", "PTS", "RSF", "TKO",
                           "KO", "RTD", "DQ", "UD", "SD", "MD"})


def _last_word(text: str) -> str:
    words = text.rsplit(None, 1)
    return words[-1] if words else ""


def _without_figures(text: str) -> str:
    """``text`` without the figures that end it (see _FIGURES)."""
    last = _last_word(text)
    if last[:1].isdecimal() or last[:1] in ("+", "*") or last in _FIGURE_WORDS:
        return _FIGURES.sub("", text)
    return text


def _name(piece: str, lex: _Lexicon, labelled: bool) -> tuple[str, str, bool] | None:
    """Initials (or a first name after a rank) and a surname, and whether that surname is
    also an English word ("Price", "Marsh"): such an item counts only in a list whose other
    items are names enough without it."""
    piece = piece.strip()
    rank = _RANK.match(piece)
    if rank:
        piece = piece[rank.end():]
    match = _NAME.match(piece)
    if match is None:
        full = _FULL_NAME.match(piece) if rank else None
        if full is None or not _first_names(full.group("first"), lex):
            return None  # a first name and a surname only after a rank
        initials, surname = full.group("first"), full.group("surname")
    else:
        initials, surname = match.group("initials") or "", match.group("surname")
    key = fold(surname.split()[-1])
    # "M Jordan": initials before a place's name count only beside other names
    placed = bool(initials) and key in lex.places and _surname(key, lex, places=False)
    if not (placed or _surname(key, lex)):
        return None
    if not initials and not labelled:
        return None  # a surname alone only in a labelled list
    return initials, surname, placed or not initials and (key in lex.english or key in lex.common)


def _first_names(words: str, lex: _Lexicon) -> bool:
    """Whether a full name's first words ("Hiwot", "Jean Bosco") may be first names: no
    place or other word that is no surname, and no English word that is no first name; of
    two, the first is a known first name ("Jean Bosco", not the choir "Côr Meibion")."""
    first = words.split()
    if len(first) > 1 and fold(first[0]) not in lex.first_names:
        return False
    return all(_surname(word, lex) and (fold(word) not in lex.english
                                         or fold(word) in lex.first_names)
               for word in words.split())


def _unranked_full_name(piece: str, lex: _Lexicon) -> bool:
    """Whether an item without a rank is a first name and a surname ("Corbin Ashgrove"):
    it counts towards a list's share of names, but is not read from the list."""
    full = _FULL_NAME.match(piece.strip())
    return full is not None and _first_names(full.group("first"), lex) and _surname(
        full.group("surname").split()[-1], lex)


def _surname(word: str, lex: _Lexicon, places: bool = True) -> bool:
    """A listed word that may be a name: no place (unless ``places`` is false), demonym,
    month, organisation word or title."""
    key = fold(word)
    return not (places and key in lex.places or key in _CLASSES or key in lex.demonyms
                or key in lex.org_words or key in _MONTHS or key in _WEEKDAYS or key in lex.titles
                or key in _PARTICLES)


def _speaker(line: str, offset: int, lex: _Lexicon) -> ListedName | None:
    """A transcript's speaker label with a known first name ("PRIYA DASGUPTA: ...")."""
    match = _SPEAKER.match(line)
    if match is None:
        return None
    words = [w.capitalize() for w in match.group(1).split()]
    if fold(words[0]) not in lex.first_names or not all(
            _surname(w, lex) and fold(w) not in lex.english for w in words[1:]):
        return None
    return ListedName(words[0], " ".join(words[1:]), offset + match.start(1))
