"""The report shows the agreement between reviewers and, per claim, each reviewer's
verdict and the adjudication; a one-reviewer project's report does not change."""

from __future__ import annotations

import io
import json

from sqlite_utils import Database

from factcheck.core.report.html import render_html
from factcheck.core.report.json_report import report_dict
from factcheck.core.report.markdown import render_markdown
from factcheck.store import ops
from factcheck.store.report_data import gather_report


def test_two_reviewers_and_an_adjudication_in_every_format(seeded_db: Database) -> None:
    a = ops.mark_quote(seeded_db, 1, "White Helmets", "ana", status="corroborated").created_id
    b = ops.mark_quote(seeded_db, 2, "volunteer", "ana", status="contradicted").created_id
    assert a is not None and b is not None
    ops.set_status(seeded_db, a, "contradicted", "ben")
    ops.set_status(seeded_db, b, "contradicted", "ben")
    ops.adjudicate(seeded_db, a, "corroborated", "cy", "photos of the 2016 rescue")
    report = gather_report(seeded_db, reviewer="x")
    data = json.loads(json.dumps(report_dict(report)))
    assert data["agreement"]["reviewers"] == ["ana", "ben"]
    assert data["agreement"]["project"]["percent_agreement"] == 0.5
    claim = next(c for art in data["articles"] for c in art["claims"] if c["id"] == a)
    assert {v["reviewer"]: v["status"] for v in claim["verdicts"]} == {
        "ana": "corroborated", "ben": "contradicted"}  # fmt: skip
    assert claim["adjudication"] == {"by": "cy", "note": "photos of the 2016 rescue"}
    assert claim["status"] == "corroborated"
    html = io.StringIO()
    render_html(report, html)
    page = html.getvalue()
    assert "Agreement between reviewers" in page and "50.0%" in page
    assert "by cy" in page and "photos of the 2016 rescue" in page
    md = io.StringIO()
    render_markdown(report, md)
    text = md.getvalue()
    assert "### Agreement between reviewers" in text
    assert "**Reviewers:** ana Corroborated; ben Contradicted" in text
    assert "**Adjudicated** by cy: Corroborated" in text


def test_one_reviewer_report_has_no_agreement_section(seeded_db: Database) -> None:
    ops.mark_quote(seeded_db, 1, "White Helmets", "ana", status="corroborated")
    report = gather_report(seeded_db, reviewer="x")
    assert report.agreement is None
    html = io.StringIO()
    render_html(report, html)
    assert "Agreement between reviewers" not in html.getvalue()
    assert "Reviewers" not in html.getvalue()
