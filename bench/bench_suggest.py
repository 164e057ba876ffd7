"""Suggestions: scoring every sentence of 10,000 articles of ~5 KB for check-worthiness,
against a floor of sentence splitting alone (syntok over the same texts, same run);
target <= 3x.

The articles are made up from seeded templates of news prose: figures with units and
predicates, attributions ("the ministry said", "according to"), quotes of opinion,
comparisons, dates, questions and boilerplate (captions, credits, "Read more"), with
names, numbers and places varied so no two articles are alike. Every text is distinct,
so the scorer's small cache of recent articles never answers (checked below).

``BENCH_SUGGEST_ARTICLES=1000 python bench/bench_suggest.py`` for a quicker run.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from common import main, row  # noqa: E402

from factcheck.core import suggest as suggest_module  # noqa: E402

N = int(os.environ.get("BENCH_SUGGEST_ARTICLES", "10000"))  # fewer for a quick look
SIZE = 5_000
CHUNK = 50  # articles per alternation of floor and scoring

PEOPLE = [
    "Maria Lopez",
    "Ahmed Karimi",
    "Jonas Berg",
    "Aiko Tanaka",
    "Grace Mensah",
    "Pierre Dubois",
    "Elena Petrova",
    "Samuel Okafor",
    "Lina Haddad",
    "Tom Reilly",
]
BODIES = ["the ministry", "the agency", "the group", "the council", "the union",
          "the company", "the World Health Organization", "the United Nations",
          "the regional government", "the charity"]  # fmt: skip
PLACES = ["Lisbon", "Nairobi", "Osaka", "Bergen", "Accra", "Lyon", "Kazan", "Lagos",
          "Beirut", "Cork", "Valparaiso", "Tbilisi"]  # fmt: skip
THINGS = ["schools", "clinics", "bridges", "homes", "farms", "buses", "wells",
          "shelters", "factories", "libraries"]  # fmt: skip
TOPICS = ["the flood", "the drought", "the strike", "the election", "the outbreak",
          "the reform", "the fire", "the merger", "the budget", "the trial"]  # fmt: skip
MONTHS = ["January", "March", "May", "July", "September", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TEMPLATES = [
    "More than {n:,} people were evacuated from {place} after {topic}, {body} said.",
    "According to {body}, {pct}% of the {things} in {place} were damaged.",
    "{person}, who heads {body}, said the repairs would cost ${m} million.",
    "The number of {things} rose from {a:,} in {year} to {b:,} last year.",
    "It was the largest {topic2} in the region since {year}.",
    "{body_cap} says it has {n:,} members in {k} countries.",
    '"{opinion}", {person} told reporters on {day}.',
    "Residents of {place} gathered on {day} to discuss {topic}.",
    "The report, published in {month} {year}, found that {pct}% of {things} lacked power.",
    "Officials confirmed that {k} {things} had been destroyed during {topic}.",
    "What happens next is unclear?",
    "Will {place} recover before winter?",
    "{person} was founded? No — {body} was founded in {year}, {person} said.",
    "Spending on {things} doubled to ${m} million between {year} and {year2}.",
    "The weather in {place} was mild and the streets were quiet.",
    "Many people in {place} remember {topic} well.",
    "{body_cap} estimated that {n:,} families had fled their homes.",
    "Police arrested {k} people in {place} on {day}, a spokesman said.",
    "Fewer than {k} {things} remain open, compared with {b:,} a decade ago.",
    "The town sits on a hill above the river.",
    "Photo: {person} / Getty Images",
    "Read more: how {topic} changed {place}",
    "Sign up for our newsletter to get the latest news.",
    "Copyright {year2} News Group. All rights reserved.",
    '"We believe this is a terrible mistake and we must act now," {person} said.',
    "In {place}, {n:,} {things} were built in {year}, the highest figure on record.",
    "{person} said {body} had paid {pct} percent of the bill.",
    "The vote passed by {a:,} to {k}.",
    "It is a beautiful city, and its people are proud of it.",
    "A {k}-year-old man died in hospital on {day}, {body} reported.",
]
OPINIONS = ["This is a shameful day for everyone", "I think we did the best we could",
            "We hope the help arrives in time", "I believe the town will rebuild"]  # fmt: skip


def _sentence(rng: random.Random) -> str:
    body = rng.choice(BODIES)
    year = rng.randint(1950, 2024)
    return rng.choice(TEMPLATES).format(
        n=rng.randint(100, 900_000), pct=rng.randint(2, 98), m=rng.randint(2, 900),
        a=rng.randint(100, 90_000), b=rng.randint(100, 90_000), k=rng.randint(2, 60),
        year=year, year2=year + rng.randint(1, 9), place=rng.choice(PLACES),
        person=rng.choice(PEOPLE), body=body, body_cap=body[0].upper() + body[1:],
        things=rng.choice(THINGS), topic=rng.choice(TOPICS), topic2=rng.choice(TOPICS)[4:],
        month=rng.choice(MONTHS), day=rng.choice(DAYS), opinion=rng.choice(OPINIONS),
    )  # fmt: skip


def articles(seed: int = 11, n: int = N, size: int = SIZE) -> list[str]:
    """``n`` distinct news-like articles of about ``size`` characters, from ``seed``."""
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        paragraphs = [f"{rng.choice(TOPICS)[4:].capitalize()} in {rng.choice(PLACES)}: "
                      f"report no. {i}"]  # fmt: skip
        total = len(paragraphs[0])
        while total < size:
            p = " ".join(_sentence(rng) for _ in range(rng.randint(1, 5)))
            paragraphs.append(p)
            total += len(p) + 2
        texts.append("\n\n".join(paragraphs))
    return texts


def run() -> list[dict[str, object]]:
    texts = articles()
    assert len(set(texts)) == len(texts), "the benchmark's articles must all differ"
    suggest_module.sentences(texts[0])  # load syntok outside both timings
    suggest_module._suggest_cached.cache_clear()
    # The two are timed in alternating chunks of the same articles, so a change of load
    # on the shared machine during the run weighs on the floor and the scoring alike.
    floor = scored = 0.0
    spans = found = 0
    for lo in range(0, len(texts), CHUNK):
        chunk = texts[lo : lo + CHUNK]
        t0 = time.perf_counter()
        for t in chunk:
            spans += len(suggest_module.sentences(t))
        t1 = time.perf_counter()
        for t in chunk:
            found += len(suggest_module.suggest(t))
        t2 = time.perf_counter()
        floor += t1 - t0
        scored += t2 - t1
    hits = suggest_module._suggest_cached.cache_info().hits
    assert hits == 0, f"the scorer's cache answered {hits} times: the timing would lie"
    mb = sum(len(t) for t in texts) / 1e6
    return [
        row(f"score sentences of {N:,} articles of ~5 KB ({mb:.0f} MB, {spans:,} sentences, "
            f"{found:,} suggested)", scored, floor, "s", "<= 3x floor", scored <= 3 * floor,
            "floor: syntok sentence splitting alone"),
    ]  # fmt: skip


if __name__ == "__main__":
    main(run)
