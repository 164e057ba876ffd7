"""Check-worthiness quality on the labelled corpus in tests/data/suggest/.

For each article (one labelled sentence a line): precision@10 (the share of the ten
best-scored sentences labelled check-worthy) and recall@20% (the share of check-worthy
sentences ranked within the top fifth of the article's sentences). Run:
``python bench/suggest_quality.py``.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "suggest"


@dataclass(frozen=True)
class Quality:
    name: str
    sentences: int
    checkworthy: int
    precision_at_10: float
    recall_at_20: float
    ceiling_20: float  # the best recall@20% possible: top-fifth slots / check-worthy
    r_precision: float  # precision within the top N, N = the check-worthy count
    misses: tuple[str, ...]  # check-worthy sentences outside the top fifth
    false_hits: tuple[str, ...]  # not check-worthy, yet in the top ten


def load(path: Path) -> tuple[str, list[tuple[str, bool]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        label, _, sentence = line.partition("\t")
        rows.append((sentence, label == "1"))
    return "\n\n".join(s for s, _ in rows) + "\n", rows  # a paragraph a sentence


def measure(path: Path) -> Quality:
    from factcheck.core.suggest import sentences, suggest

    text, rows = load(path)
    labels = {s: ok for s, ok in rows}
    ranked = [text[s.start : s.end] for s in suggest(text)]
    # sentences scored 0 or below rank after every suggestion, in text order
    rest = [text[a:b] for a, b in sentences(text) if text[a:b] not in ranked]
    order = ranked + rest
    top10 = order[:10]
    fifth = math.ceil(len(order) * 0.2)
    worthy = [s for s, ok in rows if ok]
    found = set(order[:fifth])
    return Quality(
        path.stem, len(order), len(worthy),
        sum(labels.get(s, False) for s in top10) / len(top10),
        sum(s in found for s in worthy) / len(worthy),
        min(1.0, fifth / len(worthy)),
        sum(labels.get(s, False) for s in order[: len(worthy)]) / len(worthy),
        tuple(s for s in worthy if s not in found),
        tuple(s for s in top10 if not labels.get(s, False)),
    )


def main() -> int:
    results = [measure(p) for p in sorted(CORPUS.glob("*.txt"))]
    print("| article | sentences | check-worthy | P@10 | R@20% | best possible R@20% "
          "| R-precision |\n|---|---|---|---|---|---|---|")
    for q in results:
        print(f"| {q.name} | {q.sentences} | {q.checkworthy} | {q.precision_at_10:.2f} "
              f"| {q.recall_at_20:.2f} | {q.ceiling_20:.2f} | {q.r_precision:.2f} |")
    n = len(results)
    print(f"| mean | | | {sum(q.precision_at_10 for q in results) / n:.2f} "
          f"| {sum(q.recall_at_20 for q in results) / n:.2f} "
          f"| {sum(q.ceiling_20 for q in results) / n:.2f} "
          f"| {sum(q.r_precision for q in results) / n:.2f} |")
    for q in results:
        for s in q.false_hits:
            print(f"- {q.name}: in the top ten but not check-worthy: {s}")
        ranked_low = [s for s in q.misses]
        for s in ranked_low:
            print(f"- {q.name}: check-worthy, below the top fifth: {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
