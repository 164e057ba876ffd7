"""CLI start-up: ``factcheck --help`` and the read commands ``articles`` and ``claims``
on a project of 200 articles and 2,000 claims, each as a fresh process (what a user or a
script pays), against a bare Python process that opens the same file with ``sqlite3``
and prints the same rows with ``print``. Median of several runs.

Targets: ``--help`` under 80 ms (absolute; a bare ``python -c pass`` is the floor shown),
``articles`` and ``claims`` within 4x of the bare process.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, main, row

from factcheck.core.model import ArticleDraft
from factcheck.store import ops
from factcheck.store.project import connect

QUICK = "--quick" in sys.argv
RUNS = 5 if QUICK else 11
HELP_TARGET_MS = 80.0
READ_TARGET = 4.0
FACTCHECK = str(Path(sys.executable).with_name("factcheck"))

_BARE_ARTICLES = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT a.id, a.title, a.outlet, a.published, "
    "sum(c.status = 'unverified'), sum(c.status = 'corroborated'), "
    "sum(c.status = 'contradicted'), sum(c.status = 'inconclusive') "
    "FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY a.id")
for r in rows:
    print(*r, sep="  ")
"""

_BARE_CLAIMS = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute('SELECT c.id, c.article_id, c.quote, c.start, c."end", c.status, '
    "(SELECT group_concat(t.name) FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
    "WHERE ct.claim_id = c.id), c.note FROM claims c ORDER BY c.article_id, c.start")
for r in rows:
    print(*r, sep="  ")
"""


def _median_ms(cmd: list[str], env: dict[str, str]) -> float:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)  # warm the caches
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run() -> list[dict[str, Any]]:
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p" / "project.db"
        path.parent.mkdir()
        db = connect(path)
        texts = [article_text(rng, 3000) for _ in range(200)]
        ops.import_articles(db, [ArticleDraft(title=f"Article {i}", text=t)
                                 for i, t in enumerate(texts)], "bench")  # fmt: skip
        ops.mark_claims(db, [ops.ClaimSpec(1 + k % 200, 10 * (k // 200), 10 * (k // 200) + 30,
                                           note="checked" if k % 5 == 0 else "")
                             for k in range(2_000)], "bench")  # fmt: skip
        db.close()
        # An installed package has its bytecode compiled (pip does it on install), as the
        # standard library the floors use has: every run after the warm-up reads factcheck
        # from its bytecode cache too, even where PYTHONDONTWRITEBYTECODE is set.
        env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        py = sys.executable
        bare_start = _median_ms([py, "-c", "pass"], env)
        help_ms = _median_ms([FACTCHECK, "--help"], env)
        rows = [row("CLI: factcheck --help", help_ms, bare_start, "ms",
                    f"< {HELP_TARGET_MS:g} ms", help_ms < HELP_TARGET_MS,
                    "floor: python -c pass (shown, not the target)")]  # fmt: skip
        for name, bare in (("articles", _BARE_ARTICLES), ("claims", _BARE_CLAIMS)):
            floor = _median_ms([py, "-c", bare, str(path)], env)
            value = _median_ms([FACTCHECK, "--db", str(path), name], env)
            rows.append(row(f"CLI: factcheck {name} (200 articles, 2,000 claims)", value,
                            floor, "ms", f"<= {READ_TARGET:g}x floor",
                            value <= READ_TARGET * floor,
                            "floor: bare python + sqlite3 printing the same rows"))  # fmt: skip
    return rows


if __name__ == "__main__":
    main(run)
