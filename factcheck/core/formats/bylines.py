"""Bylines as people's names: what a page's author field holds once the junk is gone.

Pages hand the extractor bylines such as "By Joshua Sokol May 3, 2024", "Ben Silverman
Games Editor", "Olivia Grant, Transport Reporter", "Username", "作者" ("author"),
"Posted by admin on 12/03/2021" or "Jeffrey Gettleman; JEFFREY GETTLEMAN".
:func:`clean_byline` keeps the names: it drops dates and times, "Updated"/"Published"
notes, job titles, credits that are not authorship (photography, illustration), words
of the page's interface (a comment form's "Username", a label "Author"), a staff credit
that only names the outlet, honorifics, and repeated names (case-insensitively, keeping
the better-cased spelling). Several authors are joined with "; ".
"""

from __future__ import annotations

import re

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_WORD = re.compile(rf"^(?:{_MONTHS})\.?$", re.IGNORECASE)
# Dates and times anywhere in a byline: "May 3, 2024", "3 May 2024", "2024-05-03",
# "12/03/2021", "10:15", "3 hours ago".
_DATE_PATTERNS = [
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b",
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?",
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b",
    r"\b\d{4}\b",
]
_DATES = re.compile("|".join(_DATE_PATTERNS), re.IGNORECASE)
# From these words on, the rest of the part is a time stamp, not a name.
_STAMP_TAIL = re.compile(
    r"\b(?:updated|published|posted|last\s+modified|modified|first\s+published)\b.*$",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:posted|written|words|reporting|story|text|report|article)\s+)?by\s*:?\s+|"
    r"^(?:author|authors|autor|auteur|written)\s*:\s*",
    re.IGNORECASE,
)
# Credits that are not authorship: the photographer, the illustrator, the editor.
_NOT_AUTHOR = re.compile(
    r"^(?:photo(?:graph)?s?|photography|pictures?|images?|illustrations?|graphics?|video|"
    r"edited|additional\s+reporting|design|data)\b",
    re.IGNORECASE,
)
_JOB_NOUNS = {
    "editor", "reporter", "correspondent", "writer", "columnist", "contributor",
    "producer", "journalist", "critic", "analyst", "staff", "intern", "photographer",
    "presenter", "desk", "team", "bureau", "chief", "editors", "reporters", "writers",
    "correspondents", "contributors", "staffers",
}  # fmt: skip
_HONORIFICS = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?\s+", re.IGNORECASE)
# Labels and controls of a page's interface that extractors mistake for a byline.
_UI_WORDS = {
    "username", "user name", "user", "author", "authors", "admin", "administrator",
    "anonymous", "guest", "unknown", "editor", "staff", "by", "share", "follow", "comments",
    "comment", "reply", "login", "log in", "sign in", "subscribe", "more", "menu", "home",
    "none", "null", "undefined", "n/a", "webmaster", "editorial", "newsroom",
    "作者", "作者:", "記者", "记者", "编辑", "編集", "글", "기자", "автор", "redaktion",
    "rédaction", "redacción", "redazione",
}  # fmt: skip
_SPLIT = re.compile(r"\s*(?:;|\||,|&|\band\b|\bund\b|\bet\b|\by\b|\s[-–—/]\s)\s*", re.IGNORECASE)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "bin", "al", "el"}
_INITIAL = re.compile(r"^[A-Z]\.$")


def _strip_job_title(part: str, first: bool) -> str:
    """A name without the job title glued to it ("Ben Silverman Games Editor" -> "Ben
    Silverman"); "" when the part is only a title ("Transport Reporter")."""
    words = part.split()
    if not words or words[-1].casefold().strip(".") not in _JOB_NOUNS:
        return part
    if not first or len(words) <= 2:
        return ""
    name: list[str] = []
    given = 0
    for w in words[:-1]:
        if given >= 2:
            break
        name.append(w)
        if not (_INITIAL.match(w) or w.casefold() in _PARTICLES):
            given += 1
    return " ".join(name) if given >= 2 else ""


def _clean_part(part: str, first: bool, outlet: str) -> str:
    part = _LEAD.sub("", part.strip())
    if _NOT_AUTHOR.match(part):
        return ""
    part = _STAMP_TAIL.sub("", part)
    part = _DATES.sub(" ", part)
    part = re.sub(r"\b(?:on|at)\s*$", "", part.strip(), flags=re.IGNORECASE)
    part = " ".join(part.split()).strip(" .,:;-–—|")
    part = _LEAD.sub("", part)
    words = part.split()
    while len(words) > 2 and _MONTH_WORD.match(words[-1]):  # "Joshua Sokol May"
        words.pop()
    part = _HONORIFICS.sub("", " ".join(words))
    without_staff = re.sub(r"\s+(?:staff|team|desk|newsroom)$", "", part, flags=re.IGNORECASE)
    if outlet and without_staff.casefold() == outlet.casefold():
        return ""
    part = _strip_job_title(part, first)
    if not part or part.casefold() in _UI_WORDS or not any(c.isalpha() for c in part):
        return ""
    if part.isupper() and len(part) > 3:
        part = part.title()
    return part


def clean_byline(raw: str, outlet: str = "") -> str:
    """The people named in a byline, "; "-separated; "" when it names nobody."""
    names: dict[str, str] = {}
    for n, part in enumerate(_SPLIT.split(raw or "")):
        name = _clean_part(part, n == 0 or not names, outlet)
        # a name written in a cased script is capitalised: all lower case is prose
        if not name or (any(c.islower() for c in name) and not any(c.isupper() for c in name)):
            continue
        key = name.casefold()
        names.setdefault(key, name)
    return "; ".join(names.values())
