"""What one line of a clipped news page is: a byline, a date line, a photo credit,
page furniture ("Advertisement", "Share this article", "5 min read") or text.

The rules are about the shape of lines seen across many news sites, never about
one site. :mod:`.clipping` decides where in the page each rule applies.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from docsearch.extract.dates import parse_date

__all__ = ["MetaLine", "is_credit", "is_debris", "is_fragment", "parse_byline",
           "parse_meta_line"]

# News agencies, as they style themselves: a byline of only an agency names it.
AGENCIES = {a.lower(): a for a in (
    "AFP", "AP", "Associated Press", "Reuters", "dpa", "EFE", "Kyodo", "Xinhua", "TASS",
    "ANSA", "UPI", "PA", "PA Media", "AAP", "Bloomberg", "Yonhap", "Anadolu", "Interfax",
    "RIA Novosti", "Sputnik", "CNA", "PTI", "IANS", "Bernama", "Antara", "Jiji", "Jiji Press",
    "AFP-JIJI", "Agence France-Presse", "Europa Press", "Lusa", "APA", "Belga", "CTK", "PAP",
    "MTI", "BTA", "Ukrinform", "WAFA", "KUNA", "SPA", "WAM", "Prensa Latina", "Notimex",
    "Canadian Press", "The Canadian Press", "NTB", "TT", "Ritzau", "STT", "Kyodo News")}

_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|authors?\s*:|reporting\s+by)\s*:?\s+(.+)$",
                     re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*|[A-Z]\.|(?:de|da|di|du|del|della|der|den|"
                         r"van|von|la|le|bin|ibn|al|el|dos|das|y|i|ten|ter|ap|st\.?)|"
                         r"(?:al|el)-[\w'’-]+)$")
_ROLE_IN_BYLINE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|bureau|chief"
    r"|senior|special|associate|freelance|journalist|analyst|desk|team|news|updated|published"
    r"|producer|photographer|in\s+[A-Z])\b",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$")
# Parts of one header line: "Name · CBC News · Posted: Feb 29, 2024 | Last Updated: March 1".
_SEGMENT_SPLIT = re.compile(r"\s+[|·•—–]\s+|\s*[·•|]\s*|(?<=\S)(?=(?:Updated|Modified)\b)"
                            r"|(?<!Last)\s+(?=(?:Last\s+)?(?:Updated|Modified)\b)")
_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
# A stamp word and what may follow it on a stamp line: nothing, a colon or bar, "on",
# "at", a figure, a weekday or month, "today" and the like, or "... ago" ("Published
# reports said" is a sentence, not a stamp).
_STAMP = re.compile(
    r"^\W*(?:(?:(?:first|last)\s+)?(?:published|updated|posted|modified|issued)"
    r"(?=\s*$|\s*[:|]|\s+(?:on|at)\b|\s+\d|\s+(?:just\s+now|yesterday|today|recently)\b"
    r"|\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?(?:\s|,|$)"
    r"|\s+\w+(?:\s+\w+)?\s+ago\b)|date\s*[:|])", re.IGNORECASE)
_ORGANISATION = re.compile(r"\b(?:news|times|post|press|media|radio|tv|television|daily|herald"
                           r"|tribune|journal|gazette|service|network|online|magazine|sport)\b",
                           re.IGNORECASE)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Lines that belong to the web page around the article, not to the article.
_DEBRIS_START = re.compile(
    r"^(?:related\s+(?:articles?|stories|story|content|coverage|reading|video|links?|topics)"
    r"|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?"
    r"|more\s+from\b|you\s+(?:may|might)\s+(?:also\s+)?like|recommended(?:\s+(?:for\s+you|stories))?"
    r"|(?:skip\s+)?advertisement|sponsored(?:\s+content)?|story\s+continues\s+below"
    r"|share\s+(?:this|on|via|full)|sign\s+up\b|subscribe\b|follow\s+us\b|click\s+here"
    r"|listen\s+to\s+this\s+(?:article|story)|skip\s+to\s+(?:main\s+)?content"
    r"|download\s+the\s+app|copyright\b|©|all\s+rights\s+reserved|why\s+you\s+can\s+trust"
    r"|add\s+to\s+your\s+saved|read\s+\d+\s+comments|view\s+comments|heard\s+on\b"
    r"|enlarge\s+this\s+(?:image|photo)|toggle\s+caption|topics?\s*:|about\s+the\s+author"
    r"|with\s+files\s+from|(?:additional\s+)?reporting\s+by|editing\s+by|edited\s+by"
    r"|writing\s+by|compiled\s+by|reporting\s+from|copy/paste"
    r"|(?:get|sign\s+up|subscribe|receive|join|don't\s+miss)\b[^.]{0,80}\bnewsletters?\b"
    r"|[^.]{0,60}\bour\b[^.]{0,60}\bnewsletters?\b)",
    re.IGNORECASE,
)
_DEBRIS_WHOLE = re.compile(
    r"^(?:ad\s+feedback|loading\W*|sponsor(?:ed)?\s+message|social\s+sharing|comments?"
    r"|share|print|e-?mail|save|gift\s+this\s+article|learn\s+more|sign\s+in|log\s+in"
    r"|\d+\s*[- ]?\s*min(?:ute)?s?(?:\s+read)?|\d+\s+comments?"
    r"|(?:updated|posted|published)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?"
    r"|weeks?|months?)\s+ago|page\s+\d+(?:\s+of\s+\d+)?)$",
    re.IGNORECASE,
)
_DEBRIS_LABEL = re.compile(
    r"^\[?(?:related|more|photo(?:graph)?s?|images?|pictures?|credits?|caption|video|watch"
    r"|listen|gallery|file(?:\s+photo)?|top\s+image|header\s+image|illustration)\s*[:|]",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:\(\s*(?:photo|image|picture|file\s+photo)\b[^)]*\)\s*$"
    # "Photo by ..." and "Courtesy of ..." only where a credit starts: the line's
    # start, after a caption's full stop, a bar or a dash, or in brackets ("The
    # picture by the lighthouse shows ..." and "a courtesy call on" are sentences).
    r"|(?:^|[.!?|\u2014\u2013-]\s+|\(\s*)(?:photo|image|picture|illustration)\s+"
    r"(?:by|credit|courtesy)\b"
    r"|\b(?:photo|image|picture|credit)\s*:\s*\S|credit\.{2,}"
    r"|(?:^|[.!?|\u2014\u2013-]\s+|\(\s*)courtesy(?:\s+of)?\s+\S+(?:\s+\S+){0,3}$"
    r"|/\s*(?:getty(?:\s+images)?|afp|reuters|ap|epa|efe|anadolu|shutterstock|alamy|tass|dpa"
    r"|sputnik|xinhua|bloomberg|pool|handout|kyodo|ansa|aap|picture\s+alliance)\b[^.]*$"
    r"|\b(?:REUTERS|AFP|EPA|XINHUA|AP)/|\bgetty\s+images\b|\bap\s+photo\b|\bafp\s+photo\b"
    r"|\bpicture\s+alliance\b|©|\|\s*(?:photo\s+credit|kyodo|afp|reuters|ap|dpa)\b"
    r"|\([A-Z][\w .&'-]{1,30}:\s*[^()]{2,60}\)\s*$)",
)
_CREDIT_I = re.compile(_CREDIT.pattern, re.IGNORECASE)
_FOR_OUTLET = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+for\s+(?:The\s+)?"
                         r"[A-Z][\w&.' -]{1,40}$")
_DESK_TAG = re.compile(r"^[a-z]{2,5}(?:-[a-z]{2,5})?(?:/[a-z]{2,5}(?:-[a-z]{2,5})?)+$")
_END_OF_SENTENCE = re.compile(r"[.!?…:;\"'”’)\]]$")


@attrs.define
class MetaLine:
    """What a byline or dateline says: its authors and its publication date."""

    authors: list[str] = attrs.Factory(list)
    published: dt.date | None = None
    updated: dt.date | None = None


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 6 or tokens[0].lower() in _WEEKDAYS:
        return False
    return tokens[0][:1].isupper() and all(_NAME_TOKEN.match(t) for t in tokens)


def _fix_case(name: str) -> str:
    """ "JANE RUIZ-TAGLE" → "Jane Ruiz-Tagle"; known agencies in their own style."""
    agency = AGENCIES.get(name.lower())
    if agency:
        return agency
    if name.isupper() and (" " in name or len(name) > 5):
        return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())
    return name


_ROLE_WORDS = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
    "editor", "editors", "contributor", "contributing", "columnist", "bureau", "chief", "senior",
    "special", "associate", "freelance", "journalist", "analyst", "desk", "team", "producer",
    "photographer", "science", "political", "politics", "business", "sports", "sport",
    "foreign", "economics", "economy", "health", "international", "national", "local", "news",
    "and", "of", "the", "digital", "video", "data", "investigations", "investigative",
    "environment", "climate", "technology", "culture", "arts", "world", "metro", "city",
}


@functools.cache
def _outlets() -> dict[str, str]:
    from docsearch.extract.sources import outlet_names
    return {name.lower(): name for name in outlet_names()}


def _names(text: str) -> list[str] | None:
    """The people (else desks, else agencies and outlets) of a byline's name part, or
    ``None`` if it is not one. "Staff Writer" and other bare roles are left out."""
    people: list[str] = []
    desks: list[str] = []
    orgs: list[str] = []
    for item in _NAME_SPLIT.split(text.strip().rstrip(".")):
        item = item.strip().strip("*_ ")
        if not item:
            continue
        known = AGENCIES.get(item.lower()) or _outlets().get(item.lower())
        if known:
            orgs.append(known)
            continue
        # "political reporter Hamish Grey": role words before the name go.
        words = item.split()
        while len(words) > 1 and words[0][:1].islower() and words[0] not in ("de", "van", "von"):
            words = words[1:]
        item = _IN_PLACE.sub("", " ".join(words))
        if all(w.lower().strip(".") in _ROLE_WORDS for w in item.split()):
            continue
        if not _looks_like_name(item):
            return None
        if _ROLE_IN_BYLINE.search(item) or _ORGANISATION.search(item):
            desks.append(item)  # "Harbour Ledger Business Desk"
        else:
            people.append(_fix_case(item))
    return people or desks or orgs


def parse_meta_line(text: str) -> MetaLine | None:
    """A byline and/or dateline, or ``None`` when the line is something else.

    >>> parse_meta_line("By Jane Doe and Omar Haddad").authors
    ['Jane Doe', 'Omar Haddad']
    >>> line = parse_meta_line("Jane Doe · CBC News · Posted: Feb 29, 2024 | Updated: March 1")
    >>> line.authors, line.published
    (['Jane Doe'], datetime.date(2024, 2, 29))
    >>> parse_meta_line("By Friday, the council will vote") is None
    True
    """
    text = " ".join(text.split()).strip("*_ ")
    if not text or len(text) > 200:
        return None
    meta = MetaLine()
    recognised = agency_line = False
    loose_names: list[str] = []
    for segment in _SEGMENT_SPLIT.split(text):
        segment = segment.strip(" *_,;")
        if not segment:
            continue
        byline = _BYLINE.match(segment)
        date = parse_date(segment)
        if byline:
            names = _names(byline.group(1))
            if names is None:
                return None
            meta.authors.extend(names)
            recognised = True
        elif date is not None:
            if _UPDATED.match(segment):
                meta.updated = meta.updated or date
            else:
                meta.published = meta.published or date
            recognised = True
        elif _STAMP.match(segment):
            recognised = True  # "Updated 3 hours ago", "Last Updated: March 1"
        elif segment.lower() in AGENCIES:
            loose_names.insert(0, AGENCIES[segment.lower()])
            # "AFP" alone, or "Jane Doe | AFP": an agency credit line.
            recognised = recognised or len(text) == len(segment) or bool(loose_names[1:])
            agency_line = True
        elif _ORGANISATION.search(segment) and len(segment.split()) <= 5:
            continue  # "CBC News", "BBC Sport"
        elif _looks_like_name(segment):
            loose_names.append(_fix_case(segment))
            recognised = recognised or agency_line
        else:
            return None
    if not recognised:
        return None
    if not meta.authors and loose_names:
        people = [n for n in loose_names if n.lower() not in AGENCIES]
        meta.authors = people or loose_names
    return meta


def parse_byline(text: str) -> tuple[list[str], dt.date | None] | None:
    """Authors (and a date, if the line also has one) from a byline, or ``None``.

    >>> parse_byline("By Jane Doe and Omar Haddad")
    (['Jane Doe', 'Omar Haddad'], None)
    """
    meta = parse_meta_line(text)
    if meta is None or not meta.authors:
        return None
    return meta.authors, meta.published or meta.updated


def is_credit(text: str) -> bool:
    """A photo credit or caption credit ("Photo: X / AFP", "(AP Photo/X)")."""
    text = text.strip()
    if len(text) >= 250:
        return False
    return bool(_CREDIT.search(text) or _CREDIT_I.search(text) and len(text) < 200
                or _FOR_OUTLET.match(text) or _DESK_TAG.match(text))


def is_debris(text: str, *, link_only: bool = False, heading: bool = False) -> bool:
    """Page furniture: a line no article is made of."""
    text = text.strip().strip("*_ ").strip()
    if not text:
        return True
    if heading:
        return len(text) < 80 and bool(_DEBRIS_START.match(text) or _DEBRIS_WHOLE.match(text))
    if link_only and len(text) < 200:
        return True
    if _DEBRIS_WHOLE.match(text):
        return True
    if len(text) < 250 and (_DEBRIS_START.match(text) or _DEBRIS_LABEL.match(text)):
        return True
    if is_credit(text):
        return True
    return len(text) < 100 and parse_date(text) is not None


def is_fragment(text: str) -> bool:
    """A short line that is not a sentence ("Associated Press", "Reporting from Amman")."""
    words = text.split()
    return len(words) <= 8 and not _END_OF_SENTENCE.search(text.strip())


def ends_sentence(text: str) -> bool:
    return bool(_END_OF_SENTENCE.search(text.strip()))
