"""Export speed: a project of 100,000 claims (400 articles, with tags, notes, claim links
and outside sources) exported to every format, against a floor measured in the same run:
``json.dumps`` of the same claims as plain rows. Target: HTML within 10x of the floor.

The other formats are measured and reported without a target. The PDF is measured on
the first 5,000 claims (against ``json.dumps`` of those rows): Qt lays out and draws
about a millisecond per claim, so 100,000 claims (some 17,000 pages) would take the
whole time budget on its own. Gathering the report from the project is reported too,
against a bare ``SELECT`` of the claims and their history.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, best_of, main, row, timed

from factcheck.core.model import ArticleDraft, Relation, Status
from factcheck.core.report.formats import FORMATS, export_text
from factcheck.core.report.json_report import claim_dict
from factcheck.core.report.model import Report
from factcheck.store import ops
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report

ARTICLES = 400
CLAIMS = 100_000
PDF_CLAIMS = 5_000
LINKS = 1_000
HTML_TARGET = 10.0


def _project() -> Any:
    rng = random.Random(11)
    db = connect(":memory:")
    texts = [article_text(rng, 6000) for _ in range(ARTICLES)]
    ops.import_articles(db, [
        ArticleDraft(title=f"Article {i}: rescue workers and the numbers", text=t,
                     outlet="The Example Times", url=f"https://news.example/{i}",
                     author="A. Reporter", published="2024-01-02")
        for i, t in enumerate(texts)
    ], "bench")  # fmt: skip
    statuses = list(Status)
    specs = []
    for k in range(CLAIMS):
        aid = k % ARTICLES + 1
        text = texts[aid - 1]
        start = rng.randrange(0, len(text) - 100)
        while text[start].isspace():
            start += 1
        specs.append(ops.ClaimSpec(
            aid, start, start + rng.randint(15, 90), statuses[k % 4],
            ("numbers", "casualties")[: k % 3], "Checked against the ministry's figures."
            if k % 7 == 0 else "",
        ))  # fmt: skip
    ops.mark_claims(db, specs, "bench")
    for k in range(LINKS):
        a, b = 1 + k * 97 % CLAIMS, 1 + (k * 97 + 13) % CLAIMS
        ops.link_claims(db, a, b, (Relation.CONTRADICTS, Relation.CORROBORATES)[k % 2], "bench")
        ops.add_source(db, a, f"https://source.example/{k}", "bench", title=f"Source {k}",
                       accessed="2024-02-03")  # fmt: skip
    return db


def _first_claims(report: Report, n: int) -> Report:
    articles, count = [], 0
    for a in report.articles:
        if count >= n:
            break
        articles.append(a)
        count += len(a.claims)
    return replace(report, articles=tuple(articles))


def _floor(report: Report) -> float:
    rows = [claim_dict(c) for _, c in report.claims()]
    return best_of(2, lambda: json.dumps(rows, ensure_ascii=False))


def run() -> list[dict[str, Any]]:
    db = _project()
    rows: list[dict[str, Any]] = []
    reports: list[Report] = []
    gather = timed(lambda: reports.append(gather_report(db, reviewer="bench")))
    report = reports[0]
    bare = timed(lambda: (db.execute("SELECT * FROM claims").fetchall(),
                          db.execute("SELECT * FROM history").fetchall()))  # fmt: skip
    rows.append(row(f"gather report data ({CLAIMS:,} claims)", gather, bare, "s",
                    "informative", True, "floor: SELECT * of claims and history"))  # fmt: skip
    floor = _floor(report)
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt in FORMATS.items():
            if fmt.writer is None:
                continue
            path = Path(tmp) / f"report{fmt.extension}"
            value = timed(lambda p=path, n=name: export_text(report, n, p))  # type: ignore[misc]
            size = os.path.getsize(path) / 1e6
            if name == "html":
                rows.append(row(f"export html ({CLAIMS:,} claims)", value, floor, "s",
                                f"<= {HTML_TARGET:g}x floor", value <= HTML_TARGET * floor,
                                f"{size:.0f} MB; floor: json.dumps of the same rows"))  # fmt: skip
            else:
                rows.append(row(f"export {name} ({CLAIMS:,} claims)", value, floor, "s",
                                "informative", True, f"{size:.0f} MB"))  # fmt: skip
            path.unlink()
        rows.extend(_pdf_row(report, Path(tmp)))
    return rows


def _pdf_row(report: Report, folder: Path) -> list[dict[str, Any]]:
    try:
        from factcheck.render.pdf import ensure_gui_app, write_pdf
    except ImportError as exc:  # a headless install without Qt
        return [row("export pdf", 0.0, 1.0, "s", "informative", True, f"skipped: {exc}")]
    ensure_gui_app()
    part = _first_claims(report, PDF_CLAIMS)
    floor = _floor(part)
    path = folder / "report.pdf"
    value = timed(lambda: write_pdf(part, path))
    count = sum(len(a.claims) for a in part.articles)
    return [row(f"export pdf ({count:,} claims)", value, floor, "s", "informative",
                True, f"{os.path.getsize(path) / 1e6:.0f} MB; floor: json.dumps of those rows")]


if __name__ == "__main__":
    main(run)
