"""Reading an article's metadata out of its own plain text.

News text pasted or saved as .txt/.md carries its metadata inline: a heading, a
dateline such as "08/10/2016 12:53 AM AEDT" or "date 2017-10-24", a line naming the
outlet. We read those and never rewrite the text itself: claims are anchored in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
# Time zones whose countries write dates day first (dd/mm/yyyy).
_DAY_FIRST_ZONES = {
    "AEDT", "AEST", "ACDT", "ACST", "AWST", "NZDT", "NZST", "BST", "GMT", "CET", "CEST",
    "EET", "EEST", "WET", "WEST", "IST", "SAST", "EAT", "MSK",
}  # fmt: skip
_MONTH_NAME = r"(?P<mon>[A-Za-z]{3,9})\.?"
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b")
_ZONE = re.compile(r"\b[A-Z]{3,5}\b")
_NAMED_MDY = re.compile(_MONTH_NAME + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")
_NAMED_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+(?P<y>\d{4})\b"
)
_DATE_KEY = re.compile(r"^\s*(?:date|dated|published|updated|posted)\b[:\s]*", re.IGNORECASE)
_OUTLET = re.compile(
    r"^\s*(?:source|outlet|publisher|publication|original source(?:\(s\))?)\s*:\s*(?P<v>.+?)\s*$",
    re.IGNORECASE,
)
_MORE_FROM = re.compile(r"^\s*More (?:Must-Reads|stories|from)\b.*?\bfrom\s+(?P<v>.+?)\s*$")
_AUTHOR = re.compile(r"^\s*(?:by|author\s*:)\s+(?P<v>[A-Z][^\n]{1,80}?)\s*$", re.IGNORECASE)
_URL = re.compile(r"^\s*(?:url|link|canonical)\s*:\s*(?P<v>https?://\S+)\s*$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<v>.+?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[•\-*·»›]\s")
_READ_TIME = re.compile(r"^\s*\d+\s+min(?:ute)?s?\s+read\s*$", re.IGNORECASE)
_HEAD_LINES = 12
_TITLE_MAX = 120


@dataclass(frozen=True, slots=True)
class TextMetadata:
    title: str
    published: str
    outlet: str
    author: str
    url: str


def _valid(y: int, m: int, d: int) -> str:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return ""


def parse_date(line: str) -> str:
    """The first date written in ``line`` as ISO ``YYYY-MM-DD``, or "".

    Slashed dates are read day-first when the first number exceeds 12 or the line
    names a time zone of a day-first country (the seed "08/10/2016 12:53 AM AEDT" is
    8 October), else month-first as US outlets write them.
    """
    if m := _ISO.search(line):
        return _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _SLASHED.search(line):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        # The zone named right after the date (before any "|" separator) decides.
        tail = line[m.end() :].split("|", 1)[0]
        zones = set(_ZONE.findall(tail))
        day_first = a > 12 or bool(zones & _DAY_FIRST_ZONES)
        return _valid(y, b, a) if day_first else _valid(y, a, b)
    for pattern in (_NAMED_MDY, _NAMED_DMY):
        if (m := pattern.search(line)) and (mon := _MONTHS.get(m["mon"].lower())):
            return _valid(int(m["y"]), mon, int(m["d"]))
    return ""


def _is_dateline(line: str) -> bool:
    """A short line that is mostly a date, or one that announces itself as one."""
    stripped = line.strip()
    if not stripped or (len(stripped) > 60 and not _DATE_KEY.match(stripped)):
        return False  # checked first: parse_date is costly on long paragraphs
    return bool(parse_date(stripped))


def _strip_date_prefix(line: str) -> str:
    """Drop a leading "date 2017-10-24" so the rest of the line can serve as a title."""
    m = _DATE_KEY.match(line)
    if not m:
        return line
    rest = line[m.end() :]
    d = _ISO.match(rest) or _SLASHED.match(rest) or _NAMED_MDY.match(rest)
    return rest[d.end() :].strip() if d else line


def _first_sentence(line: str) -> str:
    m = re.search(r"(?<=[.!?])\s", line)
    sentence = line[: m.start()] if m else line
    if len(sentence) <= _TITLE_MAX:
        return sentence.strip()
    cut = sentence.rfind(" ", 0, _TITLE_MAX - 1)
    return sentence[: cut if cut > 40 else _TITLE_MAX - 1].rstrip(" ,;:") + "…"


def _looks_like_heading(line: str) -> bool:
    s = line.strip()
    if not (12 <= len(s) <= 160) or s.endswith((".", ",", ";", ":", ")")):
        return False
    if _BULLET.match(line) or _READ_TIME.match(s) or _is_dateline(s):
        return False
    if re.search(r"[.!?]\s", s) or _OUTLET.match(s) or _AUTHOR.match(s) or _URL.match(s):
        return False
    words = s.split()
    return len(words) >= 3


def read_metadata(text: str, fallback_title: str) -> TextMetadata:
    """Metadata the text states about itself; ``fallback_title`` when it has no title."""
    lines = text.split("\n")
    head = [ln for ln in lines[: _HEAD_LINES * 3] if ln.strip()][:_HEAD_LINES]
    published = outlet = author = url = ""
    for ln in head:
        if not published and (_is_dateline(ln) or _DATE_KEY.match(ln)):
            published = parse_date(ln)
        if not author and (m := _AUTHOR.match(ln)):
            author = m["v"]
        if not url and (m := _URL.match(ln)):
            url = m["v"]
    for ln in lines:
        if m := _OUTLET.match(ln) or _MORE_FROM.match(ln):
            outlet = m["v"]
    title = ""
    for ln in head:
        if m := _MD_HEADING.match(ln):
            title = m["v"]
            break
    if not title:
        # A heading is a short line without a full stop standing before the body; the
        # first such line among the opening lines wins over the first sentence.
        for ln in head[:6]:
            if len(ln.strip()) > 200:
                break  # a paragraph: the body has begun, there is no heading
            if _looks_like_heading(ln):
                title = ln.strip()
                break
    if not title:
        for ln in head:
            candidate = _strip_date_prefix(ln.strip())
            if candidate and not _BULLET.match(ln) and not _READ_TIME.match(candidate):
                if _is_dateline(candidate):
                    continue
                title = _first_sentence(candidate)
                break
    return TextMetadata(
        title=title or fallback_title,
        published=published,
        outlet=outlet,
        author=author,
        url=url,
    )
