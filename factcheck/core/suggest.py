"""Check-worthy sentences: which sentences of an article a reviewer should look at first.

No model weights: each sentence is scored from signals in its own words, the way
ClaimBuster-style feature baselines do —

* figures and quantities (from :mod:`factcheck.core.figures`: counts, money, shares
  weigh most; a bare year or date less);
* attribution ("X said", "according to the UN", "the group says"), which also names the
  claimant;
* comparisons and superlatives ("the largest", "doubled", "more than");
* factual and causal verbs (killed, founded, rescued, caused, banned…);
* dates and time spans ("since 2013", "on Sunday");

and penalised for questions, opinion in quotation marks, and boilerplate (captions,
credits, "Read more", share buttons, very short lines).

Sentences come from syntok, a maintained rule-based splitter that keeps character
offsets. Offsets are Python string indices (code points), as for claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck.core.figures import ArticleFigures, Figure, read_article
from factcheck.core.figures.extract import find_attribution


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence worth checking: its span, score (higher first), the reasons in words
    ("a figure, attributed to the group") and who makes the claim ("" when the article
    states it itself)."""

    start: int
    end: int
    score: float
    reasons: tuple[str, ...]
    claimant: str = ""

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


# --- sentences ------------------------------------------------------------------------


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` of ``text``, from syntok (offsets kept)."""
    from syntok import segmenter  # imported on first use: the window starts without it

    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            last = tokens[-1]
            end = last.offset + len(last.value)
            if end > start:
                spans.append((start, end))
    return spans


# --- signals ----------------------------------------------------------------------------

_I = re.IGNORECASE
_COMPARISON = re.compile(
    r"(?<!\w)(?:largest|biggest|smallest|highest|lowest|deadliest|worst|best|most|least|"
    r"fewest|first|only|record|more than|less than|fewer than|twice|double[ds]?|doubling|"
    r"triple[ds]?|halved|tenfold|increase[ds]?|decrease[ds]?|rose|risen|fell|fallen|"
    r"surged?|soared?|plunged?|dropped|grew|shrank|compared (?:with|to)|than)(?!\w)", _I)
_FACTUAL = re.compile(
    r"(?<!\w)(?:killed|died|dead|injured|wounded|rescued|saved|evacuated|founded|formed|"
    r"established|created|destroyed|damaged|bombed|attacked|targeted|struck|shelled|"
    r"banned|approved|passed|signed|voted|elected|won|lost|caused|led to|resulted in|"
    r"because|due to|responsible for|funded|paid|cost|earned|raised|spent|owns?|"
    r"employs?|comprises?|numbers?|reported|confirmed|denied|admitted|accused|"
    r"arrested|charged|convicted|sentenced|displaced|fled)(?!\w)", _I)
_SAYING = re.compile(
    r"(?<!\w)(?:said|says|told|according to|claimed|claims|stated|states|announced|"
    r"estimated|estimates|reported|reports|insisted|argued|added|wrote|tweeted)(?!\w)", _I)
_TIME = re.compile(
    r"(?<!\w)(?:since|until|between|during|last (?:year|month|week)|this (?:year|month)|"
    r"(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:in|by) (?:1[89]|20)\d\d|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December))(?!\w)")
_OPINION = re.compile(
    r"(?<!\w)(?:I think|I believe|we believe|I feel|I hope|we hope|should|must|ought|"
    r"wonderful|terrible|shameful|beautiful|heroes?|proud|love|hate|amazing|sad)(?!\w)", _I)
_BOILERPLATE = re.compile(
    r"(?:^|\W)(?:read more|related:|photo:|image:|credit:|©|copyright|subscribe|sign up|"
    r"follow us|click here|share this|minute read|advertisement|getty images|reuters/|"
    r"ap photo|all rights reserved|newsletter|cookies?)(?:\W|$)", _I)
_QUOTED = re.compile(r"[“\"«][^”\"»]{12,}[”\"»]")
_WORD = re.compile(r"\w+")
# "(?<=\s)[A-Z]..." with the capital first, so the regex engine skips along to capitals
_NAME = re.compile(r"[A-Z](?<=\s[A-Z])[a-z]+(?:\s+[A-Z][a-z]+)*")

# The words a match of each signal above can start with (case folded): a sentence with
# none of them cannot match, so the pattern is not run (most sentences lack most signals,
# and scanning with the patterns costs more than a set lookup per word).
_COMPARISON_FIRST = frozenset(
    "largest biggest smallest highest lowest deadliest worst best most least fewest first "
    "only record more less fewer twice double doubled doubles doubling triple tripled "
    "triples halved tenfold increase increased increases decrease decreased decreases "
    "rose risen fell fallen surge surged soar soared plunge plunged dropped grew shrank "
    "compared than".split())  # fmt: skip
_FACTUAL_FIRST = frozenset(
    "killed died dead injured wounded rescued saved evacuated founded formed established "
    "created destroyed damaged bombed attacked targeted struck shelled banned approved "
    "passed signed voted elected won lost caused led resulted because due responsible "
    "funded paid cost earned raised spent own owns employ employs comprise comprises "
    "number numbers reported confirmed denied admitted accused arrested charged convicted "
    "sentenced displaced fled".split())  # fmt: skip
_SAYING_FIRST = frozenset(
    "said says told according claimed claims stated states announced estimated estimates "
    "reported reports insisted argued added wrote tweeted".split())  # fmt: skip
_TIME_FIRST = frozenset(
    "since until between during last this monday tuesday wednesday thursday friday "
    "saturday sunday on in by january february march april may june july august "
    "september october november december".split())  # fmt: skip
_BOILERPLATE_FIRST = frozenset(
    "read related photo image credit copyright subscribe sign follow click share minute "
    "advertisement getty reuters ap all newsletter cookie cookies".split())  # fmt: skip

# Weights: what each signal adds to a sentence's score.
W_FIGURE = 3.0  # a count, amount or share with a unit or predicate
W_FIGURE_BARE = 1.5  # a number without either
W_DATE = 0.6  # a year or date only
W_ATTRIBUTION = 1.5
W_COMPARISON = 1.0
W_FACTUAL = 1.0
W_TIME = 0.5
W_NAME = 0.3  # per proper name inside the sentence, at most three
P_QUESTION = 3.0
P_OPINION = 1.5
P_BOILERPLATE = 4.0
P_SHORT = 2.0  # fewer than six words

_QUANTITY_KINDS = frozenset({"count", "percent", "money"})

# What the window underlines: a sentence needs about a figure's worth of signal (a figure
# with its unit, or an attributed statement of fact); weaker ones stay in the ranked
# list (``factcheck suggest``) but would underline nearly every sentence.
SHOW_MIN_SCORE = 3.0


def _figure_signal(figures: Sequence[Figure]) -> tuple[float, str]:
    quantities = [f for f in figures if f.kind in _QUANTITY_KINDS]
    if quantities:
        strong = [f for f in quantities if f.unit or f.predicate]
        if strong:
            return W_FIGURE, "a figure" if len(strong) == 1 else f"{len(strong)} figures"
        return W_FIGURE_BARE, "a number"
    if figures:
        return W_DATE, "a date"
    return 0.0, ""


def score_sentence(text: str, start: int, end: int, figures: Sequence[Figure] = (),
                   attribution: str = "") -> tuple[float, list[str]]:  # fmt: skip
    """The check-worthiness score of ``text[start:end]`` and the reasons, in words."""
    sentence = text[start:end]
    words = _WORD.findall(sentence)
    folded = {w.casefold() for w in words}
    score, reasons = 0.0, []
    value, what = _figure_signal(figures)
    if value:
        score += value
        reasons.append(what)
    if attribution:
        score += W_ATTRIBUTION
        who = "the" + attribution[3:] if attribution.startswith("The ") else attribution
        pronoun = who.lower() in {"he", "she", "it", "they", "il", "elle", "ils"}
        reasons.append("attributed to someone named earlier" if pronoun
                       else f"attributed to {who}")  # fmt: skip
    elif not folded.isdisjoint(_SAYING_FIRST) and _SAYING.search(sentence):
        score += W_ATTRIBUTION / 2
        reasons.append("reported speech")
    if not folded.isdisjoint(_COMPARISON_FIRST) and _COMPARISON.search(sentence):
        score += W_COMPARISON
        reasons.append("a comparison")
    if not folded.isdisjoint(_FACTUAL_FIRST) and _FACTUAL.search(sentence):
        score += W_FACTUAL
        reasons.append("a statement of fact")
    if not folded.isdisjoint(_TIME_FIRST) and _TIME.search(sentence):
        score += W_TIME
    score += W_NAME * min(3, len(_NAME.findall(sentence)))
    stripped = sentence.rstrip()
    if stripped.endswith("?"):
        score -= P_QUESTION
        reasons.append("a question (less check-worthy)")
    quoted = _QUOTED.search(sentence)
    if quoted is not None and _OPINION.search(quoted.group(0)):
        score -= P_OPINION
        reasons.append("opinion in quotes (less check-worthy)")
    if ("©" in sentence or not folded.isdisjoint(_BOILERPLATE_FIRST)) and _BOILERPLATE.search(
        sentence
    ):
        score -= P_BOILERPLATE
        reasons.append("boilerplate")
    if len(words) < 6:
        score -= P_SHORT
    return score, reasons


_FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f")  # "İ", "ı", "ſ": they match i/s, case ignored


def _may_say(sentence: str) -> bool:
    """False only when ``_SAYING`` cannot match in ``sentence``: none of its words is one
    a match starts with (a set lookup per word costs less than scanning with the
    pattern); a sentence with a letter that only matches "i" or "s" when case is
    ignored is always scanned."""
    if any(c in sentence for c in _FOLD_SPECIAL):
        return True
    return not _SAYING_FIRST.isdisjoint(w.casefold() for w in _WORD.findall(sentence))


def _claimant(attribution: str, facts: ArticleFigures) -> str:
    """Who makes the claim: "the group" and other references to the article's subject
    resolve to its name ("the group says" -> White Helmets)."""
    who = attribution.strip()
    if not who:
        return ""
    if who.lower().startswith(("the group", "the organisation", "the organization", "it ",
                               "they")) and facts.main_subject_text:  # fmt: skip
        return facts.main_subject_text
    if who.lower() in {"he", "she", "it", "they", "il", "elle", "ils"}:
        return ""
    return who[0].upper() + who[1:] if who[:4].lower() == "the " else who


def suggest(text: str, *, lang: str | None = None, published: str = "") -> list[Suggestion]:
    """Every sentence of ``text`` with a positive score, best first (ties: text order)."""
    return _suggest_cached(text, lang, published)


@lru_cache(maxsize=64)
def _suggest_cached(text: str, lang: str | None, published: str) -> list[Suggestion]:
    facts = read_article(text, lang=lang, published=published)
    figures = sorted(facts.figures, key=lambda f: f.start)
    out: list[Suggestion] = []
    fi = 0
    for start, end in sentences(text):
        while fi < len(figures) and figures[fi].start < start:
            fi += 1
        inside: list[Figure] = []
        j = fi
        while j < len(figures) and figures[j].start < end:
            inside.append(figures[j])
            j += 1
        attribution = next((f.attribution for f in inside if f.attribution), "")
        if not attribution and _may_say(text[start:end]) and _SAYING.search(text, start, end):
            attribution = find_attribution(text, start, end, lang=facts.lang)
        score, reasons = score_sentence(text, start, end, inside, attribution)
        if score > 0:
            out.append(Suggestion(start, end, round(score, 3), tuple(reasons),
                                  _claimant(attribution, facts)))  # fmt: skip
    out.sort(key=lambda s: (-s.score, s.start))
    return out
