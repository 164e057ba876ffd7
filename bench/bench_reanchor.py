"""Re-anchoring speed: 5,000 claims on a ~1 MB article after a one-paragraph edit.

Builds a deterministic ~1 MB news-like article (seeded random), marks 5,000 claims
(sentences and clauses spread over the whole text, with 32 characters of context), then
makes a new revision: a paragraph inserted near the top and a paragraph near the middle
rewritten (a sentence deleted, words inserted and changed, so its claims go through the
moved/fuzzy/orphaned paths).  Times :func:`factcheck.core.anchoring.reanchor.reanchor`, diff
included, and prints one JSON line.

Floor: 5,000 plain ``str.find`` calls of the quotes on the new text, measured in the same
run; that is what the naive "just search for each quote" approach costs, before any
fuzzy matching.  Both times are the median of 3 runs.  Target: reanchor <= 1 s absolute.

``--myers`` also prints (to stderr) the one-wide-int versus 64-bit-blocked Myers
comparison behind the design choice in factcheck.core.approx_match.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:
    import factcheck  # noqa: F401
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.core.anchoring import Anchor, PositionMap, reanchor

NAME = "reanchor 5k claims / 1MB"
TARGET_SECONDS = 1.0
ARTICLE_CHARS = 1_000_000
CLAIMS = 5_000
CONTEXT = 32
RUNS = 3

SUBJECTS = (
    "The city council",
    "Mayor Elena Ruiz",
    "The state attorney general",
    "Local officials",
    "A spokesperson for the hospital",
    "The transit authority",
    "Residents of the east side",
    "The finance committee",
    "Police Chief Marcus Hale",
    "The school board",
    "Council member David Okafor",
    "An independent auditor",
    "The union representing nurses",
    "Environmental groups",
    "The county health department",
    "Federal investigators",
    "The governor's office",
    "Small business owners",
    "Emergency crews",
    "The water utility",
)
VERBS = (
    "approved",
    "rejected",
    "criticised",
    "defended",
    "postponed",
    "announced",
    "questioned",
    "proposed",
    "reviewed",
    "cancelled",
    "expanded",
    "funded",
    "investigated",
    "disputed",
    "welcomed",
    "delayed",
    "audited",
    "endorsed",
    "challenged",
    "published",
)
OBJECTS = (
    "a plan to rebuild the riverside bridge",
    "the proposed property tax increase",
    "a contract with the waste management company",
    "new rules for short-term rentals",
    "the budget for road repairs",
    "a pilot program for electric buses",
    "the closure of the Eastgate swimming pool",
    "a report on emergency response times",
    "funding for six new teachers",
    "the expansion of the public library",
    "changes to the zoning code",
    "a settlement with former employees",
    "the purchase of two fire engines",
    "plans for a homeless shelter downtown",
    "an audit of overtime payments",
    "the merger of two school districts",
    "a ban on gas-powered leaf blowers",
    "a study of flood risk along the river",
)
CLAUSES = (
    "after weeks of public debate",
    "despite objections from several residents",
    "citing rising costs",
    "according to documents obtained by the newspaper",
    "in a vote that split along party lines",
    "following a complaint filed last year",
    "without releasing a detailed estimate",
    "as part of a broader reform package",
    "after a four-hour meeting",
    "pending a review by state regulators",
)
TIMES = (
    "on Tuesday",
    "last week",
    "on Monday night",
    "earlier this month",
    "in March",
    "on Friday afternoon",
    "this spring",
    "late on Wednesday",
    "in a statement on Sunday",
)
QUOTES = (
    "We cannot keep kicking this down the road",
    "This is a fair compromise",
    "Nobody asked the people who live here",
    "The numbers simply do not add up",
    "We were promised a decision months ago",
    "Safety has to come first",
)
FIRST_NAMES = ("Maria", "Sam", "Olga", "James", "Aisha", "Tom", "Priya", "Lucas", "Hannah", "Omar")
LAST_NAMES = ("Chen", "Patel", "Ivanova", "Carter", "Bello", "Reyes", "Novak", "Okoro", "Berg")


def sentence(rng: random.Random) -> str:
    """One news-like sentence; numbers and combinations keep most sentences unique."""
    kind = rng.random()
    if kind < 0.15:
        return (
            f"\u201c{rng.choice(QUOTES)},\u201d said {rng.choice(FIRST_NAMES)} "
            f"{rng.choice(LAST_NAMES)}, "
            f"who has lived in the area for {rng.randint(2, 40)} years."
        )
    if kind < 0.35:
        return (
            f"The measure would cost about ${rng.randint(2, 900)}.{rng.randint(0, 9)} million "
            f"over {rng.randint(2, 12)} years, {rng.choice(CLAUSES)}."
        )
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TIMES)}"
    if rng.random() < 0.6:
        s += f", {rng.choice(CLAUSES)}"
    if rng.random() < 0.4:
        s += f", affecting roughly {rng.randint(100, 99_000):,} households"
    return s + "."


def build_article(rng: random.Random, size: int) -> list[str]:
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return paragraphs


def make_claims(rng: random.Random, text: str, count: int) -> list[Anchor]:
    """``count`` claims spread over the text: whole sentences or their first clause."""
    starts = []
    pos = 0
    while True:
        starts.append(pos)
        nxt = text.find(". ", pos)
        if nxt < 0:
            break
        pos = nxt + 2
        if text[pos : pos + 1] == "\n":
            pos = text.find("\n\n", pos) + 2 if "\n\n" in text[pos : pos + 3] else pos + 1
    picked = sorted(rng.sample(starts, count))
    anchors = []
    for start in picked:
        stops = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
        stop = min(stops) if stops else len(text) - 1  # the sentence's final period
        comma = text.find(", ", start, stop)
        if comma > 0 and rng.random() < 0.5:
            end = comma
        else:
            end = stop if text[stop] == "\n" else stop + 1
        quote = text[start:end]
        anchors.append(
            Anchor(
                start,
                end,
                quote,
                text[max(0, start - CONTEXT) : start],
                text[end : end + CONTEXT],
            )
        )
    return anchors


def edit(rng: random.Random, paragraphs: list[str], old_text: str, anchors: list[Anchor]) -> str:
    """Insert a paragraph near the top and rewrite one with claims near the middle."""
    new = list(paragraphs)
    # The rewritten paragraph: the first one past the middle holding at least 4 claims,
    # all of whose quotes occur only there (so the edit cannot be undone by str.find).
    offsets = []
    pos = 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + 2

    def claims_in(i: int) -> list[Anchor]:
        return [a for a in anchors if offsets[i] <= a.start < offsets[i] + len(paragraphs[i])]

    middle = next(
        i
        for i in range(len(paragraphs) // 2, len(paragraphs))
        if len(claims_in(i)) >= 4 and all(old_text.count(a.quote) == 1 for a in claims_in(i))
    )
    sentences = paragraphs[middle].split(". ")
    sentences[0] = sentences[0].replace(" ", " reportedly ", 1)  # a word inserted
    words = sentences[2].split(" ")
    w = max(range(len(words)), key=lambda j: len(words[j]))
    words[w] = words[w][:2] + words[w][3] + words[w][2] + words[w][4:]  # a typo
    sentences[2] = " ".join(words)
    sentences[-1] = sentences[-1].rsplit(" ", 2)[0] + " late last year"  # an ending rewritten
    del sentences[1]  # a sentence deleted
    new[middle] = ". ".join(sentences) + ". Officials declined to comment."
    new.insert(
        len(paragraphs) // 30,
        "Correction: An earlier version of this article misstated the date of the vote. "
        "It took place on Tuesday, not Monday.",
    )
    return "\n\n".join(new)


def _median_time(fn: Callable[[], Any], runs: int = RUNS) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run() -> dict[str, Any]:
    """Build the workload, time reanchor and the str.find floor, return the result row."""
    rng = random.Random(20240611)
    paragraphs = build_article(rng, ARTICLE_CHARS)
    old_text = "\n\n".join(paragraphs)
    anchors = make_claims(rng, old_text, CLAIMS)
    new_text = edit(rng, paragraphs, old_text, anchors)

    seconds, placements = _median_time(lambda: reanchor(old_text, new_text, anchors))
    find = new_text.find
    find_seconds, _ = _median_time(lambda: [find(a.quote) for a in anchors])
    # The floor: a true lower bound for any method that places every claim on the new
    # text: one diff of the two texts, and one slice compare per claim at its known new
    # position. (5,000 naive str.find calls are a slower algorithm, not a floor: stderr.)
    diff_seconds, _ = _median_time(lambda: PositionMap(old_text, new_text))
    startswith = new_text.startswith
    known = [(p.quote, p.start) for p in placements]
    compare_seconds, _ = _median_time(lambda: [startswith(q, s) for q, s in known])
    floor_seconds = diff_seconds + compare_seconds

    kinds = Counter(p.kind for p in placements)
    print(
        json.dumps(
            {
                "old_chars": len(old_text),
                "new_chars": len(new_text),
                "claims": len(anchors),
                "kinds": dict(kinds),
                "diff_seconds": round(diff_seconds, 4),
                "slice_compare_seconds": round(compare_seconds, 4),
                "naive_find_seconds": round(find_seconds, 4),
            }
        ),
        file=sys.stderr,
    )
    return {
        "name": NAME,
        "seconds": round(seconds, 4),
        "floor_seconds": round(floor_seconds, 4),
        "ratio": round(seconds / floor_seconds, 3) if floor_seconds else None,
        "target": "<= 1 s absolute",
        "met": seconds <= TARGET_SECONDS,
        "note": "floor: one diff + one slice compare per claim (the lower bound)",
    }


def compare_myers() -> None:
    """One wide int vs 64-bit blocks, per pattern length, on 20,000 characters.

    The pattern is a stretch of the text with every 10th character changed, searched
    with Hypothesis's error budget ``min(256, len // 2)``.
    """
    from functools import partial

    from factcheck.core.approx_match import _match_ends, _match_ends_blocked

    rng = random.Random(5)
    text = " ".join(sentence(rng) for _ in range(400))[:20_000]
    for length in (16, 64, 256, 1024):
        pattern = "".join(
            "#" if i % 10 == 9 else ch for i, ch in enumerate(text[5_000 : 5_000 + length])
        )
        k = min(256, length // 2)
        one, a = _median_time(partial(_match_ends, text, pattern, k))
        blocked, b = _median_time(partial(_match_ends_blocked, text, pattern, k))
        assert a == b
        row = {
            "pattern": length,
            "errors": a[1],
            "wide_int_s": round(one, 4),
            "blocked64_s": round(blocked, 4),
        }
        print(json.dumps(row), file=sys.stderr)


if __name__ == "__main__":
    if "--myers" in sys.argv[1:]:
        compare_myers()
    print(json.dumps(run()))
