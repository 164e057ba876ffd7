"""Figures: finding them in 10,000 articles of ~5 KB against a floor of the bare number
regex over the same texts (target <= 3x), and opening the figures board on a project
holding those articles (target p95 < 100 ms): the real board widget (offscreen, the
size it opens at in a 1400 x 900 window) given the facts, its columns (one per article
giving a fact: all 10,000 here) and drawn, which reads the cells in view, the chosen
fact's timeline and the chosen figure's reasons — what the reviewer waits for.

The articles are made of real sentences (the sample corpus and the labelled corpora),
their numbers varied, so the density of figures is that of news text.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from common import main, p95, row  # noqa: E402

from factcheck.core.figures import read_article  # noqa: E402
from factcheck.core.figures.context import sentences  # noqa: E402
from factcheck.core.model import ArticleDraft  # noqa: E402
from factcheck.store import ops, queries  # noqa: E402
from factcheck.store.project import connect  # noqa: E402

N = int(os.environ.get("FACTCHECK_BENCH_FIGURES_N", "10000"))  # smaller for a quick look
SIZE = 5_000
CHUNK = 50  # articles per alternation of floor and reading
FLOOR = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")


def _sentences() -> list[str]:
    root = HERE.parent
    out: list[str] = []
    for path in sorted([*root.glob("seeds/*.txt"), *root.glob("tests/data/figures/*_en/*.txt")]):
        text = path.read_text(encoding="utf-8")
        out += [text[a:b] for a, b in sentences(text) if 40 < b - a < 400]
    return out


def _articles(rng: random.Random) -> list[str]:
    pool = _sentences()
    texts = []
    for i in range(N):
        parts: list[str] = [f"Article {i}", "date 2017-10-24"]
        size = 0
        while size < SIZE:
            s = rng.choice(pool)
            s = re.sub(r"\d{2,3}(?=,\d{3})", lambda m: str(rng.randint(10, 999)), s)
            parts.append(s)
            size += len(s) + 1
        texts.append("\n".join(parts))
    return texts


def _open_board(db: object, times: int = 40) -> list[float]:
    """Seconds to open the board, ``times`` over: read the facts and the columns, lay
    the grid out and draw it (the draw reads the cells in view; choosing the first
    cell reads its fact's timeline and the figure's reasons)."""
    from PySide6.QtWidgets import QApplication

    from factcheck.ui.figures.board import FiguresBoard

    app = QApplication.instance() or QApplication([])
    board = FiguresBoard()
    board.resize(1400, 400)
    board.show()
    app.processEvents()

    def cells(r: object, ids: list[int]) -> object:
        return queries.board_cells(db, r, ids)  # type: ignore[arg-type]

    samples = []
    for _ in range(times):
        board.set_grid([], [], None, None, None)  # closed: nothing kept from the last open
        app.processEvents()
        t0 = time.perf_counter()
        rows = queries.list_facts(db, min_articles=2, named=True)  # type: ignore[arg-type]
        columns = queries.board_articles(db, [r.key for r in rows])  # type: ignore[arg-type]
        board.set_grid(rows, columns, cells,
                       lambda r, f: queries.figure_reasons(db, r, f),  # type: ignore[arg-type]
                       lambda r: queries.board_fact(db, r),  # type: ignore[arg-type]
                       lambda ids: queries.board_titles(db, ids))  # type: ignore[arg-type]
        board.grid.viewport().repaint()
        board.grid.horizontalHeader().viewport().repaint()
        board.figures.viewport().repaint()
        samples.append(time.perf_counter() - t0)
    assert board.model.columnCount() == len(columns) and board.cell_detail.text()
    board.close()
    return samples


def run() -> list[dict[str, object]]:
    rng = random.Random(7)
    texts = _articles(rng)
    read_article(texts[0], lang="en")  # compile the patterns outside both timings
    # The two are timed in alternating chunks of the same articles, so a change of load
    # on the shared machine during the run weighs on the floor and the reading alike.
    floor = found = 0.0
    n = 0
    for lo in range(0, len(texts), CHUNK):
        chunk = texts[lo : lo + CHUNK]
        t0 = time.perf_counter()
        for t in chunk:
            FLOOR.findall(t)
        t1 = time.perf_counter()
        for t in chunk:
            n += len(read_article(t, lang="en").figures)
        t2 = time.perf_counter()
        floor += t1 - t0
        found += t2 - t1
    db = connect(":memory:")
    drafts = [ArticleDraft(title=f"Article {i}", text=t, published="2017-10-24")
              for i, t in enumerate(texts)]  # fmt: skip
    t0 = time.perf_counter()
    ops.import_articles(db, drafts, "bench")
    imported = time.perf_counter() - t0
    t0 = time.perf_counter()
    ops.update_figures(db)
    updated = time.perf_counter() - t0
    samples = _open_board(db)
    t0 = time.perf_counter()
    db.execute("SELECT count(*) FROM facts").fetchone()
    bare = time.perf_counter() - t0
    board = p95(samples)
    return [
        row(f"find figures in {N:,} articles of ~5 KB ({n:,} figures)", found, floor, "s",
            "<= 3x floor", found <= 3 * floor, "floor: the bare number regex"),
        row(f"store the figures and facts of {N:,} imported articles (ops layer)", updated,
            found, "s", "informative", True, "floor: finding the figures alone"),
        row(f"import {N:,} articles (queues their figures)", imported, floor, "s",
            "informative", True, "floor: the bare number regex"),
        row("open the figures board (grid, timeline, reasons; p95)", board * 1000,
            bare * 1000, "ms", "p95 < 100 ms", board < 0.1,
            "floor: count(*) of the facts table"),
    ]  # fmt: skip


if __name__ == "__main__":
    main(run)
