"""Run every benchmark (bench/bench_*.py), each in its own process, and print one table.

Each benchmark reports its measurement next to a floor measured in the same run (bare
SQLite, bare Qt, json.dumps...), so the ratio means something on a shared, noisy machine.
The table also goes to bench/results/latest.md (and .json) for the README and notes.

    python bench/run.py [--quick] [NAME...]

``--quick`` runs smaller workloads (for a check of the benchmarks themselves, not for
the README); NAME picks the benchmarks whose file name contains it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _rows(module: Path, flags: list[str]) -> tuple[list[dict[str, Any]], str]:
    proc = subprocess.run([sys.executable, str(module), *flags], capture_output=True,
                          text=True, cwd=HERE.parent)  # fmt: skip
    if proc.returncode != 0:
        return [], f"{module.name} failed (exit {proc.returncode}): {proc.stderr.strip()[-400:]}"
    out = proc.stdout.strip()
    start = min((i for i in (out.find("["), out.find("{")) if i >= 0), default=-1)
    try:
        data = json.loads(out[start:]) if start >= 0 else None
    except ValueError:
        data = None
    if data is None:
        return [], f"{module.name}: no JSON result in its output"
    return (data if isinstance(data, list) else [data]), ""


def _fmt(value: float, unit: str) -> str:
    return f"{value:.3f} {unit}" if unit == "s" else f"{value:.2f} {unit}"


def main() -> int:
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    selected = [a for a in sys.argv[1:] if not a.startswith("--")]
    modules = sorted(HERE.glob("bench_*.py"))
    if selected:
        modules = [m for m in modules if any(s in m.stem for s in selected)]
    lines = ["| benchmark | measured | floor | ratio | target | met | note |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    everything: list[dict[str, Any]] = []
    problems: list[str] = []
    for module in modules:
        t0 = time.perf_counter()
        rows, problem = _rows(module, flags)
        print(f"# {module.name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        if problem:
            problems.append(problem)
        for r in rows:
            unit = r.get("unit", "s")
            value = r.get("value", r.get("seconds", 0.0))
            floor = r.get("floor", r.get("floor_seconds", 0.0))
            ratio = r.get("ratio", value / floor if floor else float("inf"))
            lines.append(
                f"| {r['name']} | {_fmt(value, unit)} | {_fmt(floor, unit)} | {ratio:.2f}x | "
                f"{r.get('target', '')} | {'yes' if r.get('met') else 'NO'} | {r.get('note', '')} |"
            )
            everything.append(r)
    table = "\n".join(lines)
    print(table)
    for p in problems:
        print(f"\nproblem: {p}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(table + "\n", encoding="utf-8")
    (results / "latest.json").write_text(json.dumps(everything, indent=2), encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
