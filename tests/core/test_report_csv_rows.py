"""The CSV report's rows are written in one pass with a quick test for cells that need
no formula guard; the output must be exactly what guarding every text cell gives (the
writer as it was, kept here), on a corpus with hostile text, formulas in every kind of
cell, several reviewers, an adjudication and sources."""

from __future__ import annotations

import csv
import io

from sqlite_utils import Database

from factcheck.core.report.csv_report import COLUMNS, evidence_text, guard, write_csv
from factcheck.core.report.model import Report
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_claims_html import _rich_report


def _every_cell_guarded(report: Report) -> str:
    """The CSV as the writer made it before: every text cell through :func:`guard`."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for article in report.articles:
        a = article.info
        for c in article.claims:
            ch = c.last_change
            writer.writerow([
                a.id, guard(a.title), guard(a.outlet), guard(a.url), guard(a.published),
                c.id, c.start, c.end, guard(c.quote), guard(c.prefix), guard(c.suffix),
                c.status.value, guard("; ".join(c.tags)), guard(c.reviewer), guard(c.note),
                guard(c.claimant), guard(evidence_text(c.evidence)), c.created_at,
                c.updated_at, ch.at if ch else "", guard(ch.reviewer) if ch else "",
                ch.action if ch else "",
            ])  # fmt: skip
    return out.getvalue()


def test_the_csv_is_every_cell_guarded_byte_for_byte(seeded_db: Database) -> None:
    first = _rich_report(seeded_db).articles[0].claims[0].id
    ops.add_tag(seeded_db, first, "=SUM(A1)", "=cmd|' /C calc'!A0")
    ops.add_tag(seeded_db, first, "+tag", "alice")
    ops.set_claimant(seeded_db, first, "-2 people", "alice")
    ops.set_note(seeded_db, first, "\n＝1+1 full width", "\t@reviewer")
    report = gather_report(seeded_db, [1, 2, 4, 5], reviewer="x")
    done: list[tuple[int, int]] = []
    out = io.StringIO()
    write_csv(report, out, progress=lambda n, total: done.append((n, total)))
    assert out.getvalue() == _every_cell_guarded(report)
    assert done == [(n, len(report.articles)) for n in range(1, len(report.articles) + 1)]
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    row = next(r for r in rows if r["claim_id"] == str(first))
    assert row["tags"].startswith("'") and row["note"].startswith("'")
    assert row["claimant"] == "'-2 people" and row["last_change_by"] == "'\t@reviewer"
    assert any(r["evidence"] for r in rows) and len({r["reviewer"] for r in rows}) > 1
