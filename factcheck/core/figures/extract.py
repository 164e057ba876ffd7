"""Reading an article's figures: :func:`find_figures` is the entry point.

For each number (see :mod:`.numbers`) the sentence is read for its hedge (:mod:`.hedges`),
unit, predicate, subject, time and attribution (:mod:`.context`), and the figure gets a
*measure*, the thing a fact groups by ("saved people", "size members", "founded").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import factcheck.core.figures.context as ctx
from factcheck.core.figures.hedges import between_start, hedge_range, joins_range, read_hedge
from factcheck.core.figures.lexicon import PEOPLE, Lexicon, guess_language, lexicon
from factcheck.core.figures.model import Figure
from factcheck.core.figures.numbers import Number, Scan, find_numbers_in
from factcheck.core.figures.scanning import lower_pattern

# Predicates whose figures are running totals, levels, or one value for all time.
CUMULATIVE = frozenset({"saved", "killed", "injured", "missing", "displaced"})
_PEOPLE_LIKE = {"dead": PEOPLE, "injured": PEOPLE, "missing": PEOPLE, "displaced": PEOPLE,
                "": PEOPLE}  # fmt: skip
_PERIOD_MEASURES = frozenset({"revenue", "profit", "turnout"})
_YEAR = r"(1[89]\d\d|20\d\d)"


@dataclass(frozen=True, slots=True)
class ArticleFigures:
    """Everything read from one article: its figures, the aliases it states (pairs of
    name keys) and its main subject (a name key)."""

    figures: tuple[Figure, ...]
    aliases: tuple[tuple[str, str], ...] = ()
    main_subject: str = ""
    main_subject_text: str = ""
    lang: str = "en"
    name_scores: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # name key -> a spelling


@dataclass(frozen=True, slots=True)
class _Reader:
    lex: Lexicon
    units: list[tuple[re.Pattern[str], str]]
    any_unit: re.Pattern[str]
    predicate: re.Pattern[str]
    classes: list[str]
    since: re.Pattern[str]
    in_year: re.Pattern[str]
    relative_year: re.Pattern[str]
    to_date: re.Pattern[str]
    according: re.Pattern[str]
    saying_before: re.Pattern[str]
    saying_before_fast: re.Pattern[str]  # without its opening lookbehind (see _lifted)
    saying_after: re.Pattern[str]
    anaphora: re.Pattern[str]
    initial: re.Pattern[str]
    # the case-ignoring patterns above as case-sensitive ones over lower-cased text
    # (see scanning.lower_pattern), by name; their matches' text is read from the text
    lowered: dict[str, re.Pattern[str]] = field(default_factory=dict)


_READERS: dict[str, _Reader] = {}
_WHO = (r"(?P<who>(?:[Tt]he |[Ll]e |[Ll]a |[Ll]es |[Ll]['’])?(?:[A-Z][\w’'.-]*\s+){0,4}"
        r"[A-Z][\w’'.-]*|[Tt]he \w+|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ii]l|[Ee]lle|[Ii]ls)")  # fmt: skip


def _reader(lex: Lexicon) -> _Reader:
    found = _READERS.get(lex.lang)
    if found is not None:
        return found
    pattern, classes = ctx.predicate_pattern(lex)
    months = "|".join(lex.months)
    i = re.IGNORECASE
    units = ctx.unit_patterns(lex)
    found = _READERS[lex.lang] = _Reader(
        lex=lex,
        units=units,
        any_unit=ctx.any_unit_pattern(units),
        predicate=pattern,
        classes=classes,
        since=re.compile(rf"(?<!\w)(?:{lex.since})\s[^.;]{{0,60}}?(?<!\d){_YEAR}(?!\d)", i),
        in_year=re.compile(
            rf"(?<!\w)(?:{lex.in_year})\s+(?:(?:early|late|mid-?|the (?:end|start) of|"
            rf"fin|début|mi-)\s*)?(?:(?:{months})\.?\s+)?(?:\d{{1,2}}\s+)?{_YEAR}(?!\d)", i),
        relative_year=re.compile(r"(?<!\w)(?P<rel>last year|this year|next year|"
                                 r"l['’]an dernier|l['’]année dernière|cette année)(?!\w)", i),
        to_date=re.compile(rf"(?<!\w)(?:{lex.to_date})(?!\w)", i),
        according=re.compile(rf"(?<!\w)(?:{lex.according})\s+(?P<who>[^,.;:“”\"]{{2,70}})", i),
        saying_before=re.compile(rf"(?<!\w)(?:{lex.saying})(?!\w)"),
        saying_before_fast=re.compile(rf"(?:{lex.saying})(?!\w)"),
        saying_after=re.compile(
            rf"(?:{lex.saying})\s+(?P<who>(?:[A-Z][\w’'.-]+\s?){{1,4}})(?=[,.;]|\s*$)"),
        anaphora=re.compile(rf"(?<![\w-])(?:{lex.anaphora})(?![\w-])", i),
        initial=re.compile(
            r"(?<!\w)(?:grew|grown|growing|rose|risen|increased|expanded|swelled|went|jumped|"
            r"climbed|started(?: out)?|began|passée?s?|partie?s?)\s+(?:from|with|as|de)\s+"
            r"(?:an?\s+|une?\s+)?(?:[\w-]+\s+){0,3}(?:of\s+|de\s+)?$", i),
    )
    for name in ("predicate", "anaphora", "since", "to_date", "in_year", "relative_year",
                 "according"):
        low = lower_pattern(getattr(found, name))
        if low is not None:
            found.lowered[name] = low
    return found


def _written(text: str, m: re.Match[str], group: int | str = 0) -> str:
    """What ``m`` (perhaps a match over the lower-cased text) covers in ``text``."""
    return text[m.start(group) : m.end(group)]


def find_figures(text: str, *, lang: str | None = None, published: str = "") -> list[Figure]:
    """Every figure mention in ``text`` with its hedge, unit, predicate, subject, time and
    attribution, in text order. ``lang`` ("en", "fr"...) is guessed when not given;
    ``published`` (ISO date) resolves "last year"."""
    return list(read_article(text, lang=lang, published=published).figures)


def read_article(text: str, *, lang: str | None = None, published: str = "") -> ArticleFigures:
    """:func:`find_figures` plus what grouping across articles needs: the aliases the
    article states and its main subject."""
    lang = lang or guess_language(text)
    lex = lexicon(lang)
    rd = _reader(lex)
    scan = Scan(text, lex, ctx.ALIAS_FIRST)
    numbers = find_numbers_in(text, lex, scan)
    if not numbers:
        return ArticleFigures((), lang=lang)
    found_names = ctx.names(text, lex)
    scores = ctx.name_scores(text, found_names)
    topic = ctx.main_subject(text, found_names, scores=scores)
    spelled: dict[str, str] = {}
    for n in found_names:
        spelled.setdefault(n.key, n.text)
    aliases = tuple(ctx.alias_pairs(text, lex, found_names, topic,
                                    scan.word_starts(ctx.ALIAS_FIRST)))  # fmt: skip
    name_at = {n.start: n for n in found_names}
    known = frozenset({topic} | {k for pair in aliases for k in pair if topic in pair})
    spans_of_numbers = [(n.start, n.end, n.kind) for n in numbers]
    name_starts = [n.start for n in found_names]
    number_starts = [n.start for n in numbers]
    spans = ctx.sentences(text)
    figures: list[Figure] = []
    si = 0
    skip_next = False
    sent: _Sentence | None = None
    for idx, num in enumerate(numbers):
        if skip_next:
            skip_next = False
            continue
        while si < len(spans) - 1 and spans[si][1] <= num.start:
            si += 1
        s_lo, s_hi = spans[si] if spans else (0, len(text))
        if sent is None or sent.lo != s_lo or sent.hi != s_hi:
            sent = _Sentence(text, s_lo, s_hi, rd, scan.low)
        nxt = numbers[idx + 1] if idx + 1 < len(numbers) else None
        fig = _figure(text, num, nxt, sent, rd, name_at, found_names, topic, spelled,
                      published, known, spans_of_numbers, name_starts,
                      number_starts)  # fmt: skip
        if fig is None:
            continue
        if nxt is not None and fig.hedge_kind == "between" and fig.end >= nxt.end:
            skip_next = True
        figures.append(fig)
    return ArticleFigures(tuple(figures), aliases, topic, spelled.get(topic, ""), lang=lang,
                          names=spelled,
                          name_scores=dict(scores))  # fmt: skip


class _Sentence:
    """What is read once per sentence and shared by its figures: the clause breaks,
    the attributions, and each pattern's matches over each stretch asked for (the
    figures of one clause ask for the same)."""

    def __init__(
        self, text: str, lo: int, hi: int, rd: _Reader, low: str | None = None
    ) -> None:
        """``low``: ``text`` lower-cased by scanning.lowered, when it could be."""
        self.text, self.lo, self.hi, self.rd, self.low = text, lo, hi, rd, low
        self._found: dict[tuple[str, int, int], list[re.Match[str]]] = {}
        self._has_year: bool | None = None
        self._attributions: list[tuple[int, int, str]] | None = None
        self._quotes: list[int] | None = None
        self.name_roles: dict[int, str] = {}

    def find(self, name: str, a: int | None = None, b: int | None = None) -> list[re.Match[str]]:
        """``finditer(text, a, b)`` of the reader's pattern ``name`` (the whole sentence
        by default)."""
        a = self.lo if a is None else a
        b = self.hi if b is None else b
        key = (name, a, b)
        found = self._found.get(key)
        if found is None:
            text = self.text
            # patterns that need a year, or the word "year", where the text has none
            if name in ("since", "in_year"):
                cannot = not self.has_year()
            elif name == "relative_year":
                cannot = not any(w in text[a:b].lower() for w in _RELATIVE_YEAR_WORDS)
            else:
                cannot = False
            if cannot:
                found = []
            elif self.low is not None and name in self.rd.lowered:
                found = list(self.rd.lowered[name].finditer(self.low, a, b))
            else:
                pat = _CLAUSE_BREAK if name == "breaks" else getattr(self.rd, name)
                found = list(pat.finditer(text, a, b))
            self._found[key] = found
        return found

    def has_year(self) -> bool:
        if self._has_year is None:
            self._has_year = _YEARISH.search(self.text, self.lo, self.hi) is not None
        return self._has_year

    def attributions(self) -> list[tuple[int, int, str]]:
        """(where the source begins, where the saying ends, who) for every reading of
        the attribution patterns in the sentence, in the order they are weighed."""
        if self._attributions is None:
            self._attributions = _attribution_candidates(self.text, self.lo, self.hi, self.rd,
                                                         self.low)  # fmt: skip
        return self._attributions

    def quoted_between(self, a: int, b: int) -> bool:
        """Whether a quotation mark stands in ``text[a:b]``."""
        if a < self.lo or b > self.hi:
            return any(c in _QUOTE_MARKS for c in self.text[a:b])
        if self._quotes is None:
            text = self.text
            self._quotes = [i for i in range(self.lo, self.hi) if text[i] in _QUOTE_MARKS]
        i = bisect.bisect_left(self._quotes, a)
        return i < len(self._quotes) and self._quotes[i] < b


_CLAUSE_BREAK = ctx._CLAUSE_BREAK
_YEARISH = re.compile(r"(?:1[89]|20)\d\d(?!\d)")  # what _YEAR needs
_RELATIVE_YEAR_WORDS = ("year", "l'an", "l’an", "année")  # what relative_year needs
_QUOTE_MARKS = frozenset("“”\"")


def _figure(
    text: str, num: Number, nxt: Number | None, sent: _Sentence, rd: _Reader,
    name_at: dict[int, ctx.Name], found_names: list[ctx.Name], topic: str,
    spelled: dict[str, str], published: str, known: frozenset[str],
    numbers: list[tuple[int, int, str]], name_starts: list[int], number_starts: list[int],
) -> Figure | None:  # fmt: skip
    lex = rd.lex
    value = num.value
    s_lo, s_hi = sent.lo, sent.hi
    if num.kind in ("date", "time"):
        return Figure(num.start, num.end, text[num.start:num.end], num.start, num.end, num.kind,
                      None, None, None, date=num.date, sentence_start=s_lo,
                      sentence_end=s_hi)  # fmt: skip
    assert value is not None
    end = num.end
    # a range: "between 20 and 25", "20-25", "20 to 25"
    b = between_start(text, num.start, lex)
    if (nxt is not None and nxt.kind == num.kind and nxt.value is not None
            and joins_range(text, num.end, nxt.start, lex)
            and (b is not None or text[num.end:nxt.start].strip() in ("-", "–"))):  # fmt: skip
        start = b if b is not None else num.start
        hedge_words = text[start:num.start].strip() or text[num.end:nxt.start].strip()
        low: float | None = min(value, nxt.value)
        high: float | None = max(value, nxt.value)
        lo_open = hi_open = False
        hedge_kind, end = "between", nxt.end
        h_start = start
    elif num.low is not None:
        h = read_hedge(text, num.start, num.end, lex)
        low, high, lo_open, hi_open = num.low, num.high, False, False
        assert low is not None
        hedge_words = " ".join(x for x in (h.words, num.vague) if x)
        hedge_kind, h_start = "vague", h.start
        if h.kind == "above":
            lo_open = True
    else:
        h = read_hedge(text, num.start, num.end, lex)
        low, high, lo_open, hi_open = hedge_range(value, h.kind)
        hedge_words, hedge_kind, h_start, end = h.words, h.kind, h.start, h.end
    if num.kind == "year":
        unit = ctx.Unit("", "", end, None)
    else:
        unit = ctx.read_unit(text, end, lex, name_at, rd.units, known, rd.any_unit)
    strong = text.startswith("-strong", end) or text.startswith("-fort", end)
    c_lo, c_hi = ctx.clause_bounds(text, s_lo, s_hi, num.start, sent.find("breaks"))
    # numbers of another kind (a percentage before an amount: "revenue rose 8% to $4.2
    # billion") do not take the predicate away
    # numbers are in text order: only those starting inside the sentence are looked at
    first = bisect.bisect_left(number_starts, s_lo)
    last = bisect.bisect_left(number_starts, s_hi, first)
    others = [(a, b) for a, b, k in numbers[first:last] if (b <= h_start or a >= end)
              and (k == "percent") == (num.kind == "percent")]  # fmt: skip
    unit_end = unit.end if unit.cls not in ("other", "") else end
    pred = ctx.read_predicate(text, s_lo, s_hi, c_lo, c_hi, h_start, max(end, unit_end),
                              rd.predicate, rd.classes, others,
                              lambda a, b: sent.find("predicate", a, b))  # fmt: skip
    if pred is not None and unit.cls == "other" and end <= pred.start < unit.end:
        unit = ctx.Unit(text[end : pred.start].strip(), "other", pred.start, None)
    pred_text, pred_cls = (pred.text, pred.cls) if pred else ("", "")
    if (num.kind == "year" and pred is not None and pred_cls == "founded"
            and not _YEAR_AFTER.fullmatch(text[pred.start + len(pred.text) : h_start])):
        pred_text, pred_cls = "", ""  # "founded ... in 2014" only when the year follows
    if strong:
        pred_text, pred_cls = text[end : end + 7], "size"
    if rd.initial.search(text, max(s_lo, h_start - 40), h_start):
        pred_text, pred_cls = "from", "initial"
    unit_text, unit_cls = unit.text, unit.cls
    if unit_cls in ("dead", "injured", "missing"):  # "120 morts et 450 blessés": the noun says
        pred_text, pred_cls = unit.text, {"dead": "killed"}.get(unit_cls, unit_cls)
    if num.kind == "percent":
        unit_text, unit_cls = num.unit, "percent"
    elif num.kind == "money":
        unit_text, unit_cls = num.unit, "money"
    measure = _measure(num.kind, pred_cls, unit_cls)
    before = text[max(s_lo, h_start - 30) : h_start]
    if ("of" in before or "sur" in before) and _OF_THE_WHOLE.search(before):
        measure = ""  # "71 of the 150 seats": the 150 is the whole, not a fact of its own
    subject, subject_key = _subject(text, sent, c_lo, h_start, unit, rd, name_at, found_names,
                                    topic, pred, pred_cls, name_starts)  # fmt: skip
    time_text, as_of, since, to_date = _time(text, sent, c_lo, c_hi, num, rd, published)
    if pred_cls in CUMULATIVE and _HAS_BEFORE.search(
        text[max(s_lo, (pred.start if pred else 0) - 25) : pred.start if pred else 0]
    ):
        to_date = True
    if measure.split(" ")[0] in _PERIOD_MEASURES and as_of:
        measure = f"{measure} {as_of[:4]}"
    attribution = _attribution(text, s_lo, s_hi, h_start, rd, sent)
    return Figure(
        start=h_start, end=max(end, h_start), text=text[h_start:end], num_start=num.start,
        num_end=num.end, kind=num.kind, value=value, low=low, high=high, low_open=lo_open,
        high_open=hi_open, hedge=hedge_words, hedge_kind=hedge_kind, date=num.date,
        unit=unit_text, unit_class=unit_cls, predicate=pred_text, predicate_class=pred_cls,
        measure=measure, subject=subject,
        subject_name=spelled.get(subject_key, subject) if subject_key else "",
        subject_key=subject_key,
        subject_implicit=bool(subject_key)
        and (not subject or ctx.name_key(subject) != subject_key),
        time_text=time_text, as_of=as_of, since=since, to_date=to_date,
        attribution=attribution, sentence_start=s_lo, sentence_end=s_hi,
    )  # fmt: skip


_YEAR_AFTER = re.compile(
    r"\s+(?:(?:back|way)\s+)?(?:in|en|en l['’]an|during|au cours de)\s+(?:(?:early|late|"
    r"mid-?)\s*)?(?:[A-Za-zéû]+\.?\s+)?"
)
_OF_THE_WHOLE = re.compile(r"\d\s+(?:[\w-]+\s+)?(?:of|out of|sur)\s+(?:the\s+|les\s+)?$")
_HAS_BEFORE = re.compile(r"\b(?:ha(?:s|ve)|a|ont)\s+(?:\w+\s+)?$")


def _measure(kind: str, pred: str, unit: str) -> str:
    if kind == "year":
        return "founded" if pred == "founded" else ""
    if kind in ("date", "time", "ordinal") or unit == "duration":
        return ""
    if pred in CUMULATIVE or pred == "trapped":
        if unit in ("", "dead", "injured", "missing", "displaced", "people"):
            return f"{pred} {PEOPLE}"
        return f"{pred} {unit}" if unit in ("members", "sites", "vehicles") else ""
    if pred == "employs" and unit in ("people", "members", ""):
        return "size members"
    if pred in ("size", "initial"):
        return f"{pred} {unit}" if unit in ("members", "sites", "stores", "countries") else ""
    if pred in _PERIOD_MEASURES:
        if kind == "percent" and pred != "turnout":
            return f"{pred} change"
        return pred
    if unit == "electorate":
        return "registered voters"
    if pred == "voted" and unit in ("people", "", "votes"):
        return "voted people"
    if unit == "seats" and pred in ("won", "size", ""):
        return "seats won"
    if pred == "signatures" or unit == "signatures":
        return "signatures"
    if unit in ("dead", "injured", "missing"):
        return f"{ {'dead': 'killed'}.get(unit, unit)} {PEOPLE}"
    return ""


_OF_NAME = re.compile(r"\s+(?:of|de|des|du)\s+(?:the\s+|la\s+|le\s+|l['’])?")
_POSSESSIVE = re.compile(r"([\w’'-]+(?: [A-Z][\w-]+)*)['’]s\s+$")
_PREPOSITION = re.compile(r"\b(?:in|at|from|to|of|on|near|into|by|with|according to|"
                          r"à|dans|en|de|selon|par)\s+(?:the\s+|la\s+|le\s+)?$")  # fmt: skip
_PLACE_PREPOSITION = re.compile(r"\b(?:in|into|dans|en)\s+(?:the\s+)?$")
_SAID_AFTER = re.compile(r",?\s+(?:said|says|told|a déclaré|estime)")
_PASSIVE = re.compile(r"\b(?:been|were|was|été|sont|ont)\s+$|\b(?:which|that|qui)\s+"
                      r"(?:has|have|had|a|ont)\s+$")  # fmt: skip
_IN_PLACE = re.compile(r"\s+(?:in|dans|en|au)\s+(?:the\s+|la\s+|le\s+|l['’])?")


def _name_role(text: str, sent: _Sentence, n: ctx.Name) -> str:
    """What a name before a figure is to it: "place" (after "in"), "object" (after
    another preposition), "source" (followed by "said") or "" (a subject)."""
    role = sent.name_roles.get(n.start)
    if role is None:
        before = text[max(sent.lo, n.start - 12) : n.start].lower()
        if _PREPOSITION.search(before):
            role = "place" if _PLACE_PREPOSITION.search(before) else "object"
        elif _SAID_AFTER.match(text[n.end : n.end + 20]):
            role = "source"
        else:
            role = ""
        sent.name_roles[n.start] = role
    return role


def _subject(
    text: str, sent: _Sentence, c_lo: int, h_start: int, unit: ctx.Unit, rd: _Reader,
    name_at: dict[int, ctx.Name], found_names: list[ctx.Name], topic: str,
    pred: ctx.Predicate | None, pred_cls: str, name_starts: list[int],
) -> tuple[str, str]:  # fmt: skip
    """(subject as written, its name key). In order: the unit is a name ("300 White
    Helmets") or holds one ("141 White Helmets members"); "of <name>" after the unit; a
    possessive before the figure ("the group's 2,700-strong"); the nearest name or "the
    group"/"it" before the figure in its clause, then in its sentence (not one after a
    preposition, not the one quoted as the source); for deaths and the like told in the
    passive ("people have been killed in Syria"), the place; else the article's main
    subject."""
    s_lo = sent.lo
    if unit.name is not None:
        return unit.name.text, unit.name.key
    if unit.modifier is not None:
        return unit.modifier.text, unit.modifier.key
    after = text[unit.end : unit.end + 60]
    m = _OF_NAME.match(after)
    if m:
        n = name_at.get(unit.end + m.end())
        if n is not None:
            return n.text, n.key
    window = text[max(s_lo, h_start - 40) : h_start]
    stripped = window.rstrip()
    poss = (_POSSESSIVE.search(window) if len(stripped) < len(window)
            and stripped.endswith(("'s", "’s")) else None)  # fmt: skip
    if poss:
        pstart = h_start - (len(window) - poss.start())
        n = name_at.get(pstart)
        if n is not None:
            return n.text, n.key
        a = rd.anaphora.search(text, max(s_lo, pstart - 5), h_start)
        if a:
            return text[a.start() : pstart + len(poss.group(1)) + 2].strip(), topic
    left_edge = min(h_start, pred.start) if pred is not None and pred.start < h_start else h_start
    places: list[ctx.Name] = []
    first = bisect.bisect_left(name_starts, s_lo)
    last = bisect.bisect_left(name_starts, left_edge)
    in_sentence = found_names[first:last]
    passive = pred is not None and pred_cls in CUMULATIVE and bool(_PASSIVE.search(
        text[max(s_lo, pred.start - 20) : pred.start]))  # fmt: skip
    if passive and pred is not None:
        m = _IN_PLACE.match(text[pred.start + len(pred.text) : pred.start + len(pred.text) + 20])
        n = name_at.get(pred.start + len(pred.text) + m.end()) if m else None
        if n is not None:
            return n.text, n.key
    for lo in (c_lo, s_lo):
        best: tuple[int, str, str] | None = None
        for n in in_sentence:
            if lo <= n.start and n.end <= left_edge:
                role = _name_role(text, sent, n)
                if role == "place":
                    places.append(n)
                if role:
                    continue
                best = (n.start, n.text, n.key)
        for a in sent.find("anaphora", lo, left_edge):
            if best is None or a.start() > best[0]:
                best = (a.start(), text[a.start() : a.end()], topic)
        if passive and places:
            return places[-1].text, places[-1].key
        if best is not None and (lo == s_lo or best[0] >= lo) and (
            not passive or best[2] != topic
        ):
            return best[1], best[2]
    if places and pred_cls in CUMULATIVE:
        return places[-1].text, places[-1].key
    return "", topic


def _time(
    text: str, sent: _Sentence, c_lo: int, c_hi: int, num: Number, rd: _Reader,
    published: str,
) -> tuple[str, str, str, bool]:  # fmt: skip
    """(time phrase, as-of year, since year, running total?)."""
    if num.kind == "year":
        return "", "", "", False
    time_text, as_of, since, to_date = "", "", "", False
    for m in sent.find("since"):
        if m.start() >= num.end or m.end() <= num.start:
            time_text, since, to_date = _written(text, m), _written(text, m, 1), True
            if m.start() > num.start:
                break
    best = None
    for m in sent.find("in_year", c_lo, c_hi):
        if since and _written(text, m, 1) == since:
            continue
        dist = abs(m.start() - num.start)
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is not None:
        as_of = _written(text, best[1], 1)
        time_text = time_text or _written(text, best[1])
    elif published[:4].isdigit():
        found = sent.find("relative_year", c_lo, c_hi)
        if found:
            r = found[0]
            rel = _written(text, r, "rel").lower()
            delta = -1 if ("last" in rel or "dernière" in rel or "dernier" in rel) else (
                1 if "next" in rel else 0)
            as_of = str(int(published[:4]) + delta)
            time_text = time_text or _written(text, r)
    to_dates = sent.find("to_date")
    if to_dates:
        to_date = True
        time_text = time_text or _written(text, to_dates[0])
    return time_text, as_of, since, to_date


_WHO_BEFORE = re.compile(_WHO + r"\s+$")


def _attribution_candidates(
    text: str, s_lo: int, s_hi: int, rd: _Reader, low: str | None = None
) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for pat in (rd.according, rd.saying_before, rd.saying_after):
        if pat is rd.saying_before:
            matches = _lifted(rd.saying_before_fast, pat, text, s_lo, s_hi)
        elif pat is rd.according and low is not None and "according" in rd.lowered:
            matches = list(rd.lowered["according"].finditer(low, s_lo, s_hi))
        else:
            matches = list(pat.finditer(text, s_lo, s_hi))
        for m in matches:
            if pat is rd.saying_before:
                w = _WHO_BEFORE.search(text, max(s_lo, m.start() - 60), m.start())
                if w is None:
                    continue
                who, start = w.group("who").strip(), w.start()
            else:
                who, start = _written(text, m, "who").strip(), m.start()
            if who:
                found.append((start, m.end(), who))
    return found


def _lifted(
    fast: re.Pattern[str], slow: re.Pattern[str], text: str, lo: int, hi: int
) -> list[re.Match[str]]:
    r"""``slow.finditer(text, lo, hi)`` where ``slow`` is ``(?<!\w)`` + ``fast``: ``fast``
    opens on a letter, so the regex engine skips along the text, and its matches after
    a word character are dropped. Exact unless a dropped match covers the start of a
    word (where ``slow`` could have matched); then ``slow`` scans itself."""
    out = []
    for m in fast.finditer(text, lo, hi):
        s = m.start()
        if s > 0 and ctx.is_w(text[s - 1]):
            if not all(ctx.is_w(c) for c in text[s : m.end() - 1]):
                return list(slow.finditer(text, lo, hi))
            continue
        out.append(m)
    return out


def _attribution(
    text: str, s_lo: int, s_hi: int, pos: int, rd: _Reader, sent: _Sentence | None = None
) -> str:
    if sent is None:
        sent = _Sentence(text, s_lo, s_hi, rd)
    best: tuple[int, str] | None = None
    for start, end, who in sent.attributions():
        if sent.quoted_between(min(pos, start), max(pos, end)):
            continue
        dist = abs(start - pos)
        if best is None or dist < best[0]:
            best = (dist, who)
    return best[1] if best else ""


def find_attribution(text: str, start: int, end: int, *, lang: str | None = None) -> str:
    """Who the span ``[start, end)`` (a sentence) is attributed to ("the group", "Raed al
    Saleh", "the United Nations"), "" when the text states it itself. The same reading
    as a figure's ``attribution``, for any sentence."""
    lex = lexicon(lang or guess_language(text))
    return _attribution(text, start, end, (start + end) // 2, _reader(lex))
