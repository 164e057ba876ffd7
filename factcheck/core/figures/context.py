"""What a sentence says of a number: sentences and clauses, names and their aliases, the
article's main subject, and for each number its unit, predicate, subject, time and
attribution. Plain regular expressions over the sentence; no parser, no model.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from factcheck.core.figures.lexicon import Lexicon
from factcheck.core.figures.scanning import anchored, word_starts

_ABBREV = frozenset("""mr mrs ms dr st sept jan feb mar apr jun jul aug sep oct nov dec no
    vs prof gen col lt sen rep gov u.s u.n u.k e.g i.e etc inc ltd corp co jr sr mt""".split())
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*\s+|\n\s*")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end); an abbreviation's full stop does not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group(0) and m.group(0)[0] == ".":
            before = text[max(start, m.start() - 5) : m.start()].split()
            word = before[-1].lower() if before else ""
            nxt = text[m.end() : m.end() + 1]
            if word in _ABBREV or len(word) == 1 or (nxt and not (nxt.isupper() or nxt in "\"“‘«")):
                continue
        if m.start() > start:
            spans.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_CLAUSE_BREAK = re.compile(r"[;:—―–()]|,\s|\s(?:but|while|whereas|though|although|mais)\s")


def clause_bounds(
    text: str, s_start: int, s_end: int, pos: int, breaks: list[re.Match[str]] | None = None
) -> tuple[int, int]:
    """The clause of the sentence holding ``pos``: between the nearest breaks
    (comma, semicolon, dash, "but"...) on either side. ``breaks``: the sentence's
    breaks when already found."""
    left, right = s_start, s_end
    found = breaks if breaks is not None else _CLAUSE_BREAK.finditer(text, s_start, s_end)
    for m in found:
        if m.end() <= pos:
            left = m.end()
        elif m.start() >= pos:
            right = m.start()
            break
    return left, right


# --- names ----------------------------------------------------------------------------

# The capital comes first and the lookbehind after it ("[A-Z](?<![\w’'][A-Z])" is
# "(?<![\w’'])[A-Z]"): a pattern opening on a character class is skipped along the text
# by the regex engine without being tried at every character.
_NAME = re.compile(
    r"[A-Z](?<![\w’'][A-Z])[\w’'.-]*[\w](?:\s+(?:(?:al|el|de|of|the|du|la|von|van|bin|ibn)\s+)?"
    r"[A-Z][\w’'.-]*[\w])*"
)
_LOWER_SUFFIX = re.compile(r"['’]s$")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """How names are compared: lower case, no leading "the", no possessive, British and
    American spellings and a final plural "s" folded ("the White Helmets" = "White
    Helmet", "Syria Civil Defence" = "Syria Civil Defense")."""
    s = _LOWER_SUFFIX.sub("", name.strip()).lower()
    s = re.sub(r"^(?:the|le|la|les|l['’])\s*", "", s)
    s = re.sub(r"\s+", " ", s)
    s = s.replace("defence", "defense").replace("isation", "ization").replace("centre", "center")
    if s.endswith("s") and len(s) > 3:
        s = s[:-1]
    return s


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    text: str
    key: str


def names(text: str, lex: Lexicon) -> list[Name]:
    """Capitalised word runs that are names: leading function words ("The", "In") are
    dropped, and so are month and weekday names."""
    found: list[Name] = []
    lower_word: dict[str, bool] = {}
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        start = m.start()
        while words and (words[0].lower().strip(".") in lex.stop_capitalised
                         or words[0].lower().rstrip(".") in lex.months):  # fmt: skip
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        while words and words[-1].lower() in ("of", "the", "al", "de", "la", "du"):
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        if len(words) == 1:
            low = name.lower()
            common = lower_word.get(low)
            if common is None:
                common = lower_word[low] = _is_word_of(text, low)
            if common:
                continue  # "Turnout", "Séisme": a common noun starting a sentence or title
        end = start + len(text[start:m.end()].rstrip()) if len(words) == len(
            m.group(0).split()) else text.index(words[-1], start) + len(words[-1])
        found.append(Name(start, end, text[start:end], name_key(name)))
    return found


def _is_word_of(text: str, word: str) -> bool:
    r"""Whether ``word``, starting in lower case, is one of the words of ``text`` (a
    whole run of ``[\w’'-]``)."""
    if not word[:1].islower():
        return False
    n = len(word)
    p = text.find(word)
    while p >= 0:
        if (p == 0 or not _is_word_char(text[p - 1])) and (
            p + n == len(text) or not _is_word_char(text[p + n])
        ):
            return True
        p = text.find(word, p + 1)
    return False


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_’'-"


def is_w(c: str) -> bool:
    """Whether ``c`` is a word character as ``\\w`` reads it."""
    return c.isalnum() or c == "_"


_ALIAS = re.compile(
    r"(?<!\w)(?:known(?: \w+){0,3} as|called|named|dubbed|nicknamed|aka|"
    r"(?:également |aussi )?(?:connue?s? (?:sous le nom de|comme)|appelée?s?|surnommée?s?|"
    r"dite?s?))\s+(?:the |la |le |les |l['’])?[“\"«]?\s*"
)
# the words an alias phrase can open on
ALIAS_FIRST = ("known", "called", "named", "dubbed", "nicknamed", "aka", "également",
                "aussi", "connu", "appel", "surnomm", "dit")  # fmt: skip
_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)")
_ANAPHORA_BEFORE: dict[str, re.Pattern[str]] = {}


def alias_pairs(
    text: str, lex: Lexicon, found: list[Name], topic: str, phrases: list[int] | None = None
) -> list[tuple[str, str]]:  # fmt: skip
    """Pairs of name keys the text says are one thing: "X, also known as Y", "X,
    officially called Y", "X, who are known inside Syria as the Civil Defense", and an
    acronym in brackets "Syria Civil Defence (SCD)". "The group, also known as Y" ties
    Y to the article's main subject ``topic``. ``phrases``: places that include every
    place where a word of :data:`ALIAS_FIRST` begins after a non-word character."""
    pairs: list[tuple[str, str]] = []
    by_start = {n.start: n for n in found}
    starts = sorted(by_start)
    anaphora = _ANAPHORA_BEFORE.get(lex.lang)
    if anaphora is None:
        anaphora = _ANAPHORA_BEFORE[lex.lang] = re.compile(rf"(?:{lex.anaphora})\s*$", re.I)
    if phrases is None:
        phrases = word_starts(text, text, ALIAS_FIRST)
    for m in anchored(_ALIAS, text, phrases):
        after = next((by_start[s] for s in range(m.end(), m.end() + 3) if s in by_start), None)
        if after is None:
            continue
        lo = bisect.bisect_left(starts, m.start() - 120)
        before = [by_start[s] for s in starts[lo:] if s < m.start()
                  and m.start() - 60 <= by_start[s].end <= m.start() + 1]  # fmt: skip
        if before:
            pairs.append((before[-1].key, after.key))
        elif topic and anaphora.search(text[max(0, m.start() - 30) : m.start()]):
            pairs.append((topic, after.key))
    for n in found:
        nxt = text[n.end : n.end + 12]
        a = _ACRONYM.match(nxt) if "(" in nxt else None
        if a:
            pairs.append((n.key, name_key(a.group(1))))
    # a short form used in the same article: "Norvale Foods" ... "Norvale" (one word more)
    keys = {n.key for n in found}
    for key in keys:
        head, _, rest = key.rpartition(" ")
        if head and " " not in rest and head in keys:
            pairs.append((head, key))
    return pairs


def name_scores(text: str, found: list[Name]) -> Counter[str]:
    """How much each name looks like what the article is about: a name written with
    "the" before it (an organisation, an event) counts 4, any other mention 1."""
    score: Counter[str] = Counter()
    for n in found:
        before = text[max(0, n.start - 4) : n.start].lower()
        if before.endswith(("the ", "he ")) or before.endswith(("les ", "la ", "le ", "l’", "l'")):
            score[n.key] += 4
        else:
            score[n.key] += 1
    return score


def main_subject(
    text: str, found: list[Name], weight: dict[str, float] | None = None,
    scores: Counter[str] | None = None,
) -> str:  # fmt: skip
    """The article's main subject (a name key): the best by :func:`name_scores` (or
    ``scores`` when already counted), each score multiplied by ``weight`` (e.g. how many
    articles of the project name it)."""
    score = name_scores(text, found) if scores is None else scores
    if not score:
        return ""
    w = weight or {}
    return max(score, key=lambda k: (score[k] * w.get(k, 1.0), score[k], k))


Scan = Callable[[int, int], list[re.Match[str]]]

# --- per number -----------------------------------------------------------------------

_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_UNIT_STOP = frozenset("""of in on at to from for by with and or but that which who was were
    is are be been has have had will would could said says since after before during than as
    de du des en au aux et ou qui que dans sur pour par avec a ont est sont été""".split())


@dataclass(frozen=True, slots=True)
class Unit:
    text: str
    cls: str
    end: int
    name: Name | None  # the unit is a name ("300 White Helmets")
    modifier: Name | None = None  # a name inside the unit ("141 White Helmets members")


_OF_AFTER = re.compile(r"-strong\b|-fort\b|\s*(?:of|de|d['’])\s+(?:the\s+)?")
_HYPHENATED = re.compile(r"-([a-z][\w-]*)")
_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")


def read_unit(
    text: str, end: int, lex: Lexicon, name_at: dict[int, Name],
    unit_res: list[tuple[re.Pattern[str], str]], known: frozenset[str],
    any_unit: re.Pattern[str] | None = None,
) -> Unit:  # fmt: skip
    """The counted noun after a number: the known unit nouns within five words, the
    longest run of them ("3,000 volunteer rescue workers", "141 White Helmets members"),
    a hyphenated one ("41-minute"), else the short noun phrase that follows, else
    nothing. A name right after the number is the unit ("300 White Helmets"): of the
    ``known`` names (the article's main subject and its aliases) it counts members,
    of any other (a nationality: "300,000 Syrians") people. ``any_unit``: the unit
    patterns in one (:func:`any_unit_pattern`), which reads the same, faster."""
    rest_end = min(len(text), end + 90)
    pos = end
    m = _OF_AFTER.match(text, pos, rest_end)
    if m:
        pos = m.end()
    hyphen = _HYPHENATED.match(text, pos, rest_end)
    if hyphen and pos == end:
        for pattern, cls in unit_res:
            if pattern.fullmatch(hyphen.group(1)):
                return Unit(hyphen.group(1), cls, hyphen.end(), None)
        return Unit(hyphen.group(1), "other", hyphen.end(), None)
    first: int | None = None
    found: Unit | None = None
    modifier: Name | None = None
    words = 0
    if any_unit is None:
        any_unit = any_unit_pattern(unit_res)
    while words < 6:
        w = _NEXT_WORD.match(text, pos, rest_end)
        if w is None:
            break
        start = w.start(1)
        name = name_at.get(start)
        if name is not None:
            if found is not None:
                break
            if name.text.endswith(("’s", "'s")):
                break
            if first is None:
                nxt = text[name.end : name.end + 40].lstrip()
                if any_unit.match(nxt) is None:
                    cls = "members" if name.key in known else "people"
                    return Unit(name.text, cls, name.end, name)
            modifier = modifier or name
            first = start if first is None else first
            pos, words = name.end, words + 1
            continue
        token = w.group(1)
        hit = any_unit.match(text, start)
        if hit is not None:
            first = start if first is None else first
            cls = unit_res[(hit.lastindex or 1) - 1][1]
            found = Unit(text[first : hit.end()], cls, hit.end(), None, modifier)
            pos, words = hit.end(), words + 1
            continue
        if (found is not None or token.lower() in _UNIT_STOP or token[0].isupper()
                or not token[0].isalpha() or token.lower().endswith("ly")):  # fmt: skip
            break
        first = start if first is None else first
        pos, words = w.end(), words + 1
        if words >= 3:
            break
    if found is not None:
        return found
    if first is not None and modifier is None:
        noun = text[first:pos].strip()
        return Unit(noun, "other", pos, None)
    if modifier is not None:
        return Unit(modifier.text, "members", modifier.end, modifier)
    return Unit("", "", end, None)


def unit_patterns(lex: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"(?:{p})\b", re.IGNORECASE), cls) for p, cls in lex.units]


def any_unit_pattern(unit_res: list[tuple[re.Pattern[str], str]]) -> re.Pattern[str]:
    """The unit patterns as one: where it matches, group *i* (from 1) is the first of
    ``unit_res`` that matches there, and ends where that one would."""
    for p, _c in unit_res:
        assert p.groups == 0, p.pattern  # group numbers tell which unit matched
    alt = "|".join(f"({p.pattern})" for p, _c in unit_res) or "(?!x)x"
    return re.compile(alt, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Predicate:
    text: str
    cls: str
    start: int


_WEAK = frozenset({"size"})
_AFTER_ONLY = frozenset({"left"})
_JOINED = re.compile(r"\b(?:and|et|y|und|or|ou|but|mais)\b|[,;]")
_ADJACENT = re.compile(r"\s*(?:[\w’'-]+\s+){0,2}$")


def read_predicate(text: str, lo: int, hi: int, c_lo: int, c_hi: int, num_start: int,
                   num_end: int, pattern: re.Pattern[str], classes: list[str],
                   others: list[tuple[int, int]],
                   scan: Scan | None = None) -> Predicate | None:  # fmt: skip
    """The verb or noun saying what the number is: searched first in the number's
    clause (before it, or just after its unit: "300 currently trapped"), then earlier in
    the sentence; the nearest wins, but a weak one ("has", "there are") only when no
    other is in reach. A predicate with another number between it and this one
    belongs to that number. ``scan(a, b)``: ``pattern.finditer(text, a, b)``, perhaps
    remembered from an earlier figure of the sentence."""
    for a, b, right in ((c_lo, c_hi, True), (lo, num_start, False)):
        best: tuple[int, Predicate] | None = None
        weak: tuple[int, Predicate] | None = None
        for m in scan(a, b) if scan is not None else pattern.finditer(text, a, b):
            if m.start() < num_end and m.end() > num_start:
                continue
            cls = classes[int(m.lastgroup[1:])] if m.lastgroup else ""
            if m.end() <= num_start:
                if text[m.start() : m.end()].lower() in _AFTER_ONLY:
                    continue
                if any(m.end() <= s and e <= num_start for s, e in others):
                    continue
                if any(e <= m.start() and _ADJACENT.match(text[e : m.start()])
                       and not _JOINED.search(text[e : m.start()])
                       for _s, e in others):  # fmt: skip
                    continue  # "212 sont mortes et plus de 800": "mortes" is 212's
                dist = num_start - m.end()
                if dist > 70:
                    continue
            else:
                if not right or not _ADJACENT.match(text[num_end : m.start()]):
                    continue
                dist = (m.start() - num_end) * 2
            cand = (dist, Predicate(text[m.start() : m.end()], cls, m.start()))
            if cls in _WEAK:
                weak = cand if weak is None or dist < weak[0] else weak
            elif best is None or dist < best[0]:
                best = cand
        if best is not None and (weak is None or best[0] <= 60 or best[0] < weak[0]):
            return best[1]
        if weak is not None:
            return weak[1]
    return None
def predicate_pattern(lex: Lexicon) -> tuple[re.Pattern[str], list[str]]:
    parts = [f"(?P<p{i}>{p})" for i, (p, _c) in enumerate(lex.predicates)]
    classes = [c for _p, c in lex.predicates]
    alt = "|".join(parts) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w])", re.IGNORECASE), classes
