"""Precision and recall of figure extraction and of grouping into facts, on the labelled
corpora in tests/data/figures/ (written for this purpose, one in French) and on the
sample articles. Prints a Markdown table and every miss; `python bench/figures_quality.py`.

Extraction: a labelled number (as written, e.g. "2 000", "$4.2 billion") counts as found
when a figure's number contains it (or it contains the figure's number); each label and
each figure is used once. Grouping: over pairs of labelled figures, a pair in the same
labelled fact is a true positive when both landed in the same fact, a false negative
otherwise; two found figures in the same fact that no label puts together are a false
positive.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.store import importer, ops, queries  # noqa: E402
from factcheck.store.project import connect  # noqa: E402

DATA = ROOT / "tests" / "data" / "figures"


def _load(folder: Path) -> tuple[Any, dict[str, list[Any]]]:
    db = connect(":memory:")
    importer.import_paths(db, [folder], "quality")
    ops.update_figures(db)
    by_file: dict[str, list[Any]] = {}
    for a in queries.list_articles(db):
        path = queries.get_article(db, a.id).source_path
        by_file[Path(path).name] = queries.figures_for_article(db, a.id)
    return db, by_file


def _core(s: Any, text: str) -> str:
    return text[s.figure.num_start : s.figure.num_end]


def evaluate(name: str, folder: Path, labels: dict[str, Any]) -> dict[str, Any]:
    db, by_file = _load(folder)
    texts = {Path(queries.get_article(db, a.id).source_path).name: queries.get_article(db, a.id)
             .text for a in queries.list_articles(db)}  # fmt: skip
    tp = fp = fn = 0
    misses: list[str] = []
    matched: dict[tuple[str, str, int], Any] = {}
    for file, wanted in labels.get("figures", {}).items():
        figs = list(by_file.get(file, []))
        used: set[int] = set()
        seen: dict[str, int] = {}
        for label in wanted:
            n = seen.get(label, 0)
            seen[label] = n + 1
            hit = next((s for s in figs if s.id not in used and (
                label in _core(s, texts[file]) or _core(s, texts[file]) in label)), None)
            if hit is None:
                fn += 1
                misses.append(f"{name}/{file}: missed “{label}”")
            else:
                tp += 1
                used.add(hit.id)
                matched[(file, label, n)] = hit
        for s in figs:
            if s.id not in used:
                fp += 1
                misses.append(f"{name}/{file}: extra “{s.figure.text}” ({s.figure.kind})")
    # grouping
    label_of: dict[int, str] = {}
    members: list[tuple[str, Any]] = []
    for fact, items in labels.get("facts", {}).items():
        seen2: dict[tuple[str, str], int] = {}
        for file, label in items:
            n = seen2.get((file, label), 0)
            seen2[(file, label)] = n + 1
            hit = matched.get((file, label, n))
            if hit is None:
                hit = next((s for s in by_file.get(file, []) if label in s.figure.text
                            and s.id not in label_of), None)  # fmt: skip
            if hit is None:
                misses.append(f"{name}/{file}: “{label}” of fact {fact!r} not found")
                continue
            label_of[hit.id] = fact
            members.append((fact, hit))
    gtp = gfn = gfp = 0
    for (fa, a), (fb, b) in combinations(members, 2):
        if fa != fb:
            continue
        if a.fact_key and a.fact_key == b.fact_key:
            gtp += 1
        else:
            gfn += 1
            misses.append(f"{name}: {fact_text(a)} and {fact_text(b)} should share fact {fa!r}")
    everything = [s for figs in by_file.values() for s in figs if s.fact_key]
    for a, b in combinations(everything, 2):
        if a.fact_key == b.fact_key and not (
            a.id in label_of and label_of[a.id] == label_of.get(b.id)
        ):
            gfp += 1
            misses.append(f"{name}: {fact_text(a)} and {fact_text(b)} grouped ({a.fact_key}) "
                          "but not labelled together")  # fmt: skip
    return {"corpus": name, "tp": tp, "fp": fp, "fn": fn, "gtp": gtp, "gfp": gfp, "gfn": gfn,
            "misses": misses}  # fmt: skip


def fact_text(s: Any) -> str:
    return f"“{s.figure.text}” (article {s.article_id})"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def main() -> int:
    labels = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    results = []
    for name, lab in labels.items():
        folder = ROOT / "seeds" if name == "seeds" else DATA / name
        results.append(evaluate(name, folder, lab))
    print("| corpus | extraction precision | extraction recall | grouping precision | "
          "grouping recall |")
    print("|---|---|---|---|---|")
    for r in results:
        ext = ("–", "–") if r["tp"] + r["fn"] == 0 else (
            _ratio(r["tp"], r["tp"] + r["fp"]), _ratio(r["tp"], r["tp"] + r["fn"]))
        print(f"| {r['corpus']} | {ext[0]} | {ext[1]} | {_ratio(r['gtp'], r['gtp'] + r['gfp'])}"
              f" | {_ratio(r['gtp'], r['gtp'] + r['gfn'])} |")
    print()
    for r in results:
        for m in r["misses"]:
            print(f"- {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
