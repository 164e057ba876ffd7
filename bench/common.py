"""Shared helpers for the benchmarks: deterministic text, timing, result rows."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

WORDS = (
    "the white helmets rescue workers volunteers syria aleppo airstrike civil "
    "defence group said according to officials more than people were killed injured "
    "buildings rubble neighbourhood regime opposition government forces evacuation "
    "members since war began estimates thousands hundreds families hospital city "
    "northern southern reported organisation training equipment donations countries "
    "documentary prize"
).split()


# The same news in Arabic: some words with their vowel marks, as Arabic news has a few.
ARABIC_WORDS = (
    "الخوذ البيضاء الدفاع المدني السوري متطوع متطوعون حلب غارة جوية قال مسؤولون أكثر من "
    "الأشخاص قتلى جرحى المباني الأنقاض الحي النظام المعارضة الحكومة القوات الإخلاء "
    "أعضاء منذ بداية الحرب تقديرات آلاف مئات العائلات مستشفى المدينة الشمالية الجنوبية "
    "المنظمة التدريب المعدات التبرعات الدول فيلم جائزة السَّلَامُ الإِنْقَاذ فِرَق"
).split()


def arabic_paragraph(rng: random.Random, sentences: int = 5) -> str:
    """A paragraph like :func:`paragraph`, in Arabic; one in five opens with a Latin
    name, as quoted names do ("White Helmets …")."""
    out = []
    for _ in range(sentences):
        words = [rng.choice(ARABIC_WORDS) for _ in range(rng.randint(8, 22))]
        if rng.random() < 0.4:
            words.insert(
                rng.randint(1, len(words) - 1), f"{rng.randint(2, 400)},{rng.randint(100, 999)}"
            )
        out.append(" ".join(words) + ".")
    lead = "White Helmets " if rng.random() < 0.2 else ""
    return lead + " ".join(out)


def arabic_text(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        p = arabic_paragraph(rng)
        parts.append(p)
        total += len(p) + 2
    return "\n\n".join(parts)


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
        words[0] = words[0].capitalize()
        if rng.random() < 0.4:
            words.insert(
                rng.randint(1, len(words) - 1), f"{rng.randint(2, 400)},{rng.randint(100, 999)}"
            )
        out.append(" ".join(words) + ".")
    return " ".join(out)


def article_text(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        p = paragraph(rng)
        parts.append(p)
        total += len(p) + 2
    return "\n\n".join(parts)


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def best_of(n: int, fn: Callable[[], Any]) -> float:
    return min(timed(fn) for _ in range(n))


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)


def row(
    name: str, value: float, floor: float, unit: str, target: str, met: bool, note: str = ""
) -> dict[str, Any]:
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "floor": floor,
        "ratio": value / floor if floor else float("inf"),
        "target": target,
        "met": met,
        "note": note,
    }


def main(run: Callable[[], list[dict[str, Any]]]) -> None:
    print(json.dumps(run(), indent=2))
