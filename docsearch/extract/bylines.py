"""A wire item's byline at the head of its body, read as the people rules read a byline.

The rules take "By X Y" on a line of its own as a writer's name (:func:`docsearch.extract.
cues._house_style`). Feeds flatten that line: the break becomes blanks or an HTML paragraph
("By MICHAEL LIEDTKE     SAN FRANCISCO (AP) -- ...", "<p></p><p> By Ana Ruiz</p><p> LIMA,
Peru (Reuters) - ...") and a wire writes the name in capitals. :func:`read_byline` gives
the body back with that line in the shape the rules read (same length, so offsets hold):
the tags before "By" blanked, the paragraph's end after the name a line break, and a name in
capitals in a name's case ("Michael Liedtke").

The evidence is the byline's shape, the same for any publisher: "By" opens the body (after
empty paragraphs), two or three name-shaped words follow, and the paragraph ends right after
them (two blanks or more, a closing tag, a line break; or, for a name in capitals, a comma:
"By ANA RUIZ, AP Writer"). A name in capitals also needs a dateline after the break ("LIMA,
Peru (Reuters) -", "BOSTON --") or a known first name, and no function word ("BY BANK OF
AMERICA" is none). "By Monday", "By contrast" and "By the end of the year" have no second
name word.
"""

from __future__ import annotations

import re

from docsearch.extract.lexicon import _Lexicon, fold

# Empty paragraphs, escaped line breaks and blanks before the byline.
_LEAD = r"(?:\s|\\|</?p>|<br\s*/?>)*"
_WORD = r"[A-Z][A-Za-z'’\-]*[a-zA-Z]"
# "By" and two or three name-shaped words, one blank between them ("O'MEARA", "Smith-Jones").
_BYLINE = re.compile(
    _LEAD + r"(?P<by>By|BY) (?P<name>" + _WORD + r"(?: " + _WORD + r"){1,2})"
    r"(?P<end>\s*(?:</p>|<br\s*/?>|\n)(?:\s|\\|</?p>)*|\s{2,}|(?=,)|\s*$)")
# A dateline: a place in capitals (perhaps ", Region"), perhaps an agency in brackets, a dash.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"
    r" (?:\([A-Za-z. ]+\) )?(?:-{1,2}|[–—]) ")
# Words in capitals that are no name's ("BY BANK OF AMERICA", "BY THE ASSOCIATED PRESS").
_FUNCTION = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "with",
                       "from", "our", "staff", "news", "press", "wire", "wires"})


def _name_case(word: str) -> str:
    """A word in capitals in a name's case, same length: "LIEDTKE" → "Liedtke", "O'MEARA" →
    "O'Meara", "SMITH-JONES" → "Smith-Jones", "MCWILLIAMS" → "McWilliams"."""
    out = []
    for part in re.split(r"(['’\-])", word):
        if len(part) > 2 and part.startswith("MC"):
            out.append("Mc" + part[2:].capitalize())
        elif part == "O" or len(part) > 1 or part.isalpha():
            out.append(part.capitalize())
        else:
            out.append(part)
    return "".join(out)


def read_byline(body: str, lex: _Lexicon) -> str:
    """``body`` with its opening byline in the shape the rules read (see the module's
    docstring); the body itself when it opens with none."""
    if "By " not in body[:40] and "BY " not in body[:40]:
        return body  # (the cheapest test first: most bodies open with no byline)
    match = _BYLINE.match(body)
    if match is None:
        return body
    name, end = match.group("name"), match.group("end")
    words = name.split(" ")
    if name.isupper():
        keys = [fold(w) for w in words]
        rest = body[match.end():]
        if any(k in _FUNCTION for k in keys) or end == "" and not rest.startswith(", ") or not (
                _DATELINE.match(rest) or keys[0] in lex.first_names):
            return body
        name = " ".join(_name_case(w) for w in words)
    elif end == "" or any(not (w[:1].isupper() and any(c.islower() for c in w)) for w in words):
        return body  # mixed case with a comma after it: the rules read it as it is
    by = match.start("by")
    head = " " * by + body[by:match.start("name")] + name
    if end:
        head += "\n" + " " * (len(end) - 1)
    return head + body[match.end():]
