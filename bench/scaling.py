"""How the project's costs grow with its size: a project grown to 1,000, 10,000 and
50,000 articles (~5 KB each, 2 claims each) through the operations layer, measuring at
each size: the last import chunk of 1,000 articles (against the first chunk: a flat
import keeps this near 1x), a full-text search of a common word (ranked and limited to
50 hits), gathering the report data of one article, and the file size per article.

    python bench/scaling.py [--quick]     (--quick: 1,000 and 5,000 articles)

Prints a Markdown table (the README's scaling table).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text

from factcheck.core.language import detect
from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report

SIZES = (1_000, 5_000) if "--quick" in sys.argv else (1_000, 10_000, 50_000)
CHUNK = 1_000


def _chunk(rng: random.Random, first: int) -> list[ArticleDraft]:
    return [ArticleDraft(title=f"Article {first + i}", text=article_text(rng, 5000),
                         source_path=f"/in/{first + i}.txt") for i in range(CHUNK)]  # fmt: skip


def main() -> None:
    rng = random.Random(3)
    lines = ["| articles | import chunk of 1,000 (s) | vs first chunk | search (ms) | "
             "report of one article (ms) | file KB per article |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    detect(article_text(random.Random(0), 600))  # load the language model before timing:
    # in the first chunk it made every later chunk look faster than the first
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p" / "scale.db"
        path.parent.mkdir()
        db = connect(path)
        done, first_chunk = 0, 0.0
        for size in SIZES:
            last = 0.0
            while done < size:
                drafts = _chunk(rng, done)
                t0 = time.perf_counter()
                imported, _ = ops.import_articles(db, drafts, "bench")
                last = time.perf_counter() - t0
                first_chunk = first_chunk or last
                ids = [i.article_id for i in imported]
                ops.mark_claims(db, [ops.ClaimSpec(a, 10, 40) for a in ids]
                                + [ops.ClaimSpec(a, 100, 160) for a in ids], "bench")  # fmt: skip
                done += CHUNK
            t0 = time.perf_counter()
            queries.search(db, "aleppo", limit=50)
            search_ms = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            gather_report(db, [size // 2], reviewer="bench")
            report_ms = (time.perf_counter() - t0) * 1000
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            kb = path.stat().st_size / size / 1000
            lines.append(f"| {size:,} | {last:.2f} | {last / first_chunk:.2f}x | "
                         f"{search_ms:.0f} | {report_ms:.0f} | {kb:.1f} |")  # fmt: skip
            print(lines[-1], file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
