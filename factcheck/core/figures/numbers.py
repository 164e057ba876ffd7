"""Finding the numbers in a text: digits with any grouping, number words, vague
quantities, percentages, money, years, dates and times of day.

Digits: "99,000", "3.000" and "1 200" (a group separator followed by exactly three
digits groups thousands, whatever the separator), "2.5"/"1,5" (decimals), "1.234,5",
Arabic-Indic and other Unicode decimal digits ("٣٠٠٠", with "٬" grouping), scales
("2.5 million", "$4.2bn", "3,5 milliards"). Number words go through text2num (English,
French, Spanish, German and more: it finds runs like "nearly three thousand" and "vingt
et un" with their token positions); only the candidate runs are handed to it, found by
one regular expression, so the cost stays near a plain scan. What text2num does not
read, and is kept here: "a dozen", "half a million", "a hundred", and vague plurals
("hundreds of", "tens of thousands of", "des milliers de").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from text_to_num import find_numbers

from factcheck.core.figures.lexicon import Lexicon
from factcheck.core.figures.scanning import anchored, digit_run_starts, lowered, word_starts


@dataclass(frozen=True, slots=True)
class Number:
    """A number as found: its span, kind, value (or range for vague words) and, for
    dates and years, the ISO form."""

    start: int
    end: int  # the number with its scale, percent sign or currency
    kind: str
    value: float | None
    low: float | None = None  # set for vague quantities ("hundreds of")
    high: float | None = None
    date: str = ""
    vague: str = ""  # the vague words as written ("hundreds of thousands")
    unit: str = ""  # currency or percent as written


_CURRENCY_BEFORE = r"(?P<cur>(?:US|A|C|NZ|HK|R)?[$€£¥₹]|USD|EUR|GBP|CHF)"
_CURRENCY_AFTER = (r"(?P<cur2>dollars?|euros?|pounds?|francs?|d['’]euros|de dollars|"
                   r"de francs|Euro|US-Dollar|dólares)")  # fmt: skip
_DIGITS = (
    r"(?P<num>\d{1,3}(?:(?P<sep>[,.\u00a0\u202f\u2009 '’٬])\d{3}(?!\d))(?:(?P=sep)\d{3}(?!\d))*"
    r"(?:[.,٫]\d+)?|\d+(?:[.,٫]\d+)?)"
)
_TIME = re.compile(
    r"(?<![\w:])\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?(?![\w:])"
    r"|(?<![\w.,])\d{1,2}\s?(?:[ap]\.m\.|[AP]M|am|pm)(?!\w)"
)
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
_NUM_DATE = re.compile(r"(?<![\w/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\w/])")


def _digit_value(s: str) -> str:
    """ASCII digits for any Unicode decimal digits (Arabic-Indic, Persian...)."""
    if s.isascii():
        return s
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in s)


def parse_digits(raw: str) -> float:
    """The value of a digit string with grouping and decimal marks as written."""
    s = _digit_value(raw).replace("٫", ".").replace("٬", ",")
    for sep in ("\u00a0", "\u202f", "\u2009", " ", "'", "’"):
        s = s.replace(sep, "")
    if "," in s and "." in s:  # the last mark is the decimal one
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s or "." in s:
        mark = "," if "," in s else "."
        head, _, tail = s.rpartition(mark)
        if len(tail) == 3 and head and len(head.split(mark)[0]) <= 3:
            s = s.replace(mark, "")  # thousands: "3.000", "99,000", "1,200,000"
        else:
            s = s.replace(",", ".")
    return float(s)


@dataclass(frozen=True, slots=True)
class _Patterns:
    digits: re.Pattern[str]
    month_dates: tuple[re.Pattern[str], ...]
    words: re.Pattern[str]
    vague: re.Pattern[str]
    article_scale: re.Pattern[str]
    unit_after: re.Pattern[str]
    vocabulary: frozenset[str]  # the number words, lower case


_EN_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
             "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
             "fifty sixty seventy eighty ninety hundred thousand million billion")  # fmt: skip
_FR_WORDS = ("un une deux trois quatre cinq six sept huit neuf dix onze douze treize "
             "quatorze quinze seize vingt vingts trente quarante cinquante soixante cent "
             "cents mille million millions milliard milliards")  # fmt: skip
_ES_WORDS = ("uno una dos tres cuatro cinco seis siete ocho nueve diez once doce veinte "
             "treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento "
             "cientos mil millón millones")  # fmt: skip
_DE_WORDS = ("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig "
             "dreißig vierzig fünfzig hundert tausend million millionen")  # fmt: skip
_WORDS = {"en": _EN_WORDS, "fr": _FR_WORDS, "es": _ES_WORDS, "de": _DE_WORDS}
_JOINERS = {"en": r"and|-", "fr": r"et|-", "es": r"y", "de": r"und"}

# vague plurals: words -> (low, high)
_VAGUE = {
    "en": {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
           "thousands": (2e3, 9999), "tens of thousands": (2e4, 99999),
           "hundreds of thousands": (2e5, 999999), "millions": (2e6, 999e6)},
    "fr": {"des dizaines": (20, 99), "des centaines": (200, 999), "des milliers": (2e3, 9999),
           "des dizaines de milliers": (2e4, 99999), "des centaines de milliers": (2e5, 999999),
           "des millions": (2e6, 999e6), "une dizaine": (8, 12), "une vingtaine": (16, 24),
           "une trentaine": (25, 35), "une centaine": (80, 120), "un millier": (800, 1200)},
}  # fmt: skip
_ARTICLE_SCALE = {
    "en": (r"(?P<half>half )?(?:a|an|one) (?P<w>dozen|hundred|thousand|million|billion)",
           {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}),
    "fr": (r"(?P<half>un demi-|une demi-)?(?P<w>douzaine|demi-million)",
           {"douzaine": 12, "demi-million": 5e5}),
}


_CACHE: dict[str, _Patterns] = {}


def _patterns(lex: Lexicon) -> _Patterns:
    found = _CACHE.get(lex.lang)
    if found is None:
        found = _CACHE[lex.lang] = _build_patterns(lex)
    return found


def _build_patterns(lex: Lexicon) -> _Patterns:
    scales = "|".join(sorted((re.escape(s) for s in lex.scales), key=len, reverse=True))
    digits = re.compile(
        rf"(?:{_CURRENCY_BEFORE}\s?)?(?<![\w.,/])(?<![A-Za-z]-){_DIGITS}"
        rf"(?:\s?(?P<scale>{scales})(?![\w]))?"
        rf"(?:\s?(?P<pct>%|‰|{lex.percent_words})(?!\w))?"
        rf"(?:\s(?P<cur3>{_CURRENCY_AFTER}))?",
        re.IGNORECASE if lex.lang != "en" else 0,
    )
    months = "|".join(sorted((re.escape(m) for m in lex.months), key=len, reverse=True))
    flags = 0 if lex.lang == "en" else re.IGNORECASE
    mon = f"(?P<mon>{months.title() if lex.lang == 'en' else months})"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.(?=\s+[A-Za-zé]))?"
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    month_dates = (
        re.compile(rf"(?<!\w){mon}\.?\s+{day}(?:,?\s+{year})?(?!\w)", flags),
        re.compile(
            rf"(?<![\w.]){day}\s+(?:of\s+|de\s+)?{mon}\.?(?:,?\s+(?:de\s+)?{year})?(?!\w)", flags
        ),
        re.compile(rf"(?<!\w){mon}\.?\s+{year}(?!\w)", flags),
    )
    vocab = _WORDS.get(lex.lang, _EN_WORDS).split()
    word = "|".join(sorted(vocab, key=len, reverse=True))
    joiner = _JOINERS.get(lex.lang, "and")
    words = re.compile(
        rf"(?<![\w-])(?:{word})(?:(?:\s+(?:{joiner})\s+|-|\s+)(?:{word}))*(?!\w)", re.IGNORECASE
    )
    vague_words = _VAGUE.get(lex.lang, {})
    vague_alt = "|".join(sorted((re.escape(v) for v in vague_words), key=len, reverse=True))
    vague = re.compile(rf"(?<!\w)(?:{vague_alt})(?=\s+(?:of|de|d['’])\W)" if vague_alt
                       else r"(?!x)x", re.IGNORECASE)  # fmt: skip
    art, _values = _ARTICLE_SCALE.get(lex.lang, (r"(?!x)x", {}))
    unit_alt = "|".join(u for u, _c in lex.units) or r"(?!x)x"
    return _Patterns(
        digits=digits,
        month_dates=month_dates,
        words=words,
        vague=vague,
        article_scale=re.compile(rf"(?<!\w){art}(?!\w)", re.IGNORECASE),
        unit_after=re.compile(rf"\s*(?:{unit_alt})\b", re.IGNORECASE),
        vocabulary=frozenset(w.lower() for w in vocab),
    )


class _Occupied:
    """Spans already taken by an earlier, more specific pattern (they never overlap, so
    kept sorted and looked up by position)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return False
        return i == len(self.starts) or self.starts[i] >= end

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _iso(year: str | None, month: int, day: str | None) -> str:
    if not (1 <= month <= 12):
        return ""
    d = int(day) if day else 0
    if day and not (1 <= d <= 31):
        return ""
    if year:
        return f"{year}-{month:02d}" + (f"-{d:02d}" if day else "")
    return f"--{month:02d}" + (f"-{d:02d}" if day else "")


_CURRENCY_FIRST = frozenset("UACNHREG$€£¥₹uacnhreg")


class Scan:
    """Where the patterns can start (see :mod:`.scanning`), found once per text: digit
    runs, and the places any word of the language's months and number words (and
    ``extra`` words) begins."""

    __slots__ = ("_starts", "_words", "digit_starts", "low", "text")

    def __init__(self, text: str, lex: Lexicon, extra: Iterable[str] = ()) -> None:
        self.text = text
        self.digit_starts = digit_run_starts(text)
        self.low = lowered(text)
        self._words = frozenset(lex.months) | _patterns(lex).vocabulary | frozenset(extra)
        self._starts: list[int] | None = None

    def currency_or_digit_starts(self) -> list[int]:
        """Every digit run start, and the places up to four characters before it where
        a currency sign can begin ("NZ$ 5", "USD 5")."""
        text, out, last = self.text, [], -1
        for s in self.digit_starts:
            for p in range(max(last + 1, s - 4), s):
                if text[p] in _CURRENCY_FIRST:
                    out.append(p)
            out.append(s)
            last = s
        return out

    def word_starts(self, words: Iterable[str]) -> list[int] | None:
        """Where any of ``words`` (lower case) begins, case ignored, not after a word
        character (and where other words of the scan begin: one pass finds them all);
        None when the text cannot be read so."""
        if self.low is None:
            return None
        if not self._words.issuperset(words):
            return word_starts(self.text, self.low, words)
        if self._starts is None:
            self._starts = word_starts(self.text, self.low, sorted(self._words))
        return self._starts

    def contains_any(self, words: Iterable[str]) -> bool:
        """False only when no ``words`` (lower case) occurs in the text, case ignored."""
        low = self.low
        return low is None or any(w in low for w in words)


def _dates(
    text: str, lex: Lexicon, pats: _Patterns, taken: _Occupied, scan: Scan
) -> list[Number]:
    found: list[Number] = []
    digits = scan.digit_starts
    for m in anchored(_ISO_DATE, text, digits):
        found.append(Number(m.start(), m.end(), "date", None, date=m.group(0)))
        taken.take(m.start(), m.end())
    for m in anchored(_NUM_DATE, text, digits):
        if not taken.free(m.start(), m.end()):
            continue
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        year = y if len(y) == 4 else f"20{y}"
        day, month = (a, b) if (a > 12 or lex.lang != "en") and b <= 12 else (b, a)
        iso = _iso(year, month, str(day))
        if iso:
            found.append(Number(m.start(), m.end(), "date", None, date=iso))
            taken.take(m.start(), m.end())
    month_starts = scan.word_starts(lex.months)
    for i, pat in enumerate(pats.month_dates):
        # the second pattern opens on the day ("5 March"), the others on the month
        if i == 1:
            matches: Iterable[re.Match[str]] = anchored(pat, text, digits)
        elif month_starts is not None:
            matches = anchored(pat, text, month_starts)
        else:
            matches = pat.finditer(text)
        for m in matches:
            if not taken.free(m.start(), m.end()):
                continue
            month = lex.months.get(m.group("mon").lower().rstrip("."), 0)
            groups = m.groupdict()
            iso = _iso(groups.get("year"), month, groups.get("day"))
            if iso:
                found.append(Number(m.start(), m.end(), "date", None, date=iso))
                taken.take(m.start(), m.end())
    for m in anchored(_TIME, text, digits):
        if taken.free(m.start(), m.end()):
            found.append(Number(m.start(), m.end(), "time", None))
            taken.take(m.start(), m.end())
    return found


def _digit_numbers(
    text: str, lex: Lexicon, pats: _Patterns, taken: _Occupied, scan: Scan
) -> list[Number]:
    found: list[Number] = []
    for m in anchored(pats.digits, text, scan.currency_or_digit_starts()):
        start, end = m.start(), m.end()
        if not taken.free(start, end):
            continue
        nxt = text[end : end + 3]
        raw, scale, pct = m.group("num"), m.group("scale"), m.group("pct")
        cur = m.group("cur") or m.group("cur3") or ""
        if not scale and not pct and nxt[:1].isalpha():
            continue  # "21st", "3D", "G20s": not a figure
        if scale and len(scale) == 1 and not cur and scale.lower() in ("m", "b", "k"):
            # "5m" is metres or millions: only read as a scale next to a currency
            end = m.start("scale")
            while end > start and text[end - 1].isspace():
                end -= 1
            scale = None
            if text[end : end + 1].isalpha():
                continue
        try:
            value = parse_digits(raw)
        except ValueError:
            continue
        if scale:
            value *= lex.scales.get(scale.lower(), 1.0)
        if pct:
            kind, unit = "percent", "%" if pct in ("%", "‰") else pct
        elif cur:
            kind, unit = "money", cur
        else:
            kind, unit = "count", ""
        if (kind == "count" and not scale and raw.isdigit() and len(raw) == 4
                and 1800 <= value <= 2099 and not pats.unit_after.match(text, end)):  # fmt: skip
            found.append(Number(start, end, "year", value, date=_digit_value(raw)))
        else:
            found.append(Number(start, end, kind, value, unit=unit))
        taken.take(start, end)
    return found


class _Tok:
    __slots__ = ("_t",)

    def __init__(self, t: str) -> None:
        self._t = t

    def text(self) -> str:
        return self._t

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_TOKEN = re.compile(r"\w+|[^\w\s]")


_V = TypeVar("_V")


def _folded_get(table: dict[str, _V], words: str) -> _V | None:
    """``table``'s entry for ``words`` as matched case-insensitively: "THOUSANDS" and
    "thouſands" (a long s) are both "thousands"."""
    found = table.get(words.lower())
    return found if found is not None else table.get(words.casefold())


def _word_numbers(
    text: str, lex: Lexicon, pats: _Patterns, taken: _Occupied, scan: Scan
) -> list[Number]:
    found: list[Number] = []
    vague_values = _VAGUE.get(lex.lang, {})
    vague: Iterable[re.Match[str]] = ()
    if vague_values and scan.contains_any(vague_values):
        vague = pats.vague.finditer(text)
    for m in vague:
        if taken.free(m.start(), m.end()):
            bounds = _folded_get(vague_values, m.group(0))
            if bounds is None:
                continue
            low, high = bounds
            found.append(Number(m.start(), m.end(), "count", float(low), float(low),
                                float(high), vague=m.group(0)))  # fmt: skip
            taken.take(m.start(), m.end())
    _art, scale_values = _ARTICLE_SCALE.get(lex.lang, ("", {}))
    scaled: Iterable[re.Match[str]] = ()
    if scale_values and scan.contains_any(scale_values):
        scaled = pats.article_scale.finditer(text)
    for m in scaled:
        if taken.free(m.start(), m.end()):
            scale = _folded_get(scale_values, m.group("w"))
            if scale is None:
                continue
            value = float(scale) * (0.5 if m.group("half") else 1)
            found.append(Number(m.start(), m.end(), "count", value))
            taken.take(m.start(), m.end())
    word_starts = scan.word_starts(pats.vocabulary)
    words = (pats.words.finditer(text) if word_starts is None
             else anchored(pats.words, text, word_starts))  # fmt: skip
    for m in words:
        if not taken.free(m.start(), m.end()):
            continue
        tokens = list(_TOKEN.finditer(m.group(0)))
        if len(tokens) == 1:
            word = tokens[0].group(0).lower()
            if word in lex.ambiguous_one:
                continue  # "one of", "un", "une": an article or pronoun
        try:
            occurrences = find_numbers([_Tok(t.group(0)) for t in tokens], lex.lang, 0.0)
        except (ValueError, RuntimeError):  # an unsupported language: nothing to read
            continue
        for occ in occurrences:
            if occ.is_ordinal:
                continue
            s = m.start() + tokens[occ.start].start()
            e = m.start() + tokens[occ.end - 1].end()
            if occ.end - occ.start == 1 and tokens[occ.start].group(0).lower() in lex.ambiguous_one:
                continue
            found.append(Number(s, e, "count", float(occ.value)))
            taken.take(s, e)
    return found


def find_numbers_in(text: str, lex: Lexicon, scan: Scan | None = None) -> list[Number]:
    """Every number in ``text``, in text order, none overlapping another. ``scan``: the
    text's :class:`Scan` when one is already made."""
    pats = _patterns(lex)
    taken = _Occupied()
    scan = scan or Scan(text, lex)
    found = _dates(text, lex, pats, taken, scan)
    found += _digit_numbers(text, lex, pats, taken, scan)
    found += _word_numbers(text, lex, pats, taken, scan)
    found.sort(key=lambda n: n.start)
    return found
