"""Each reviewer's verdict is kept; adjudication is separate, undoable, and what the
claim's verdict in effect follows; agreement is read from the project."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from factcheck.core.model import Status
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries
from factcheck.store.agreement_data import project_agreement


def _verdicts(db: Database, claim_id: int) -> dict[str, str]:
    return {v.reviewer: v.status.value
            for v in queries.reviewer_verdicts(db, [claim_id]).get(claim_id, [])}  # fmt: skip


def test_every_reviewers_verdict_is_kept(seeded_db: Database) -> None:
    claim = ops.mark_quote(seeded_db, 1, "White Helmets", "ana", status="corroborated",
                           note="ana's reading").created_id  # fmt: skip
    assert claim is not None
    ops.set_status(seeded_db, claim, "contradicted", "ben")
    ops.set_note(seeded_db, claim, "ben's reading", "ben")
    assert _verdicts(seeded_db, claim) == {"ana": "corroborated", "ben": "contradicted"}
    notes = {v.reviewer: v.note for v in queries.reviewer_verdicts(seeded_db)[claim]}
    assert notes == {"ana": "ana's reading", "ben": "ben's reading"}
    assert queries.get_claim(seeded_db, claim).status is Status.CONTRADICTED  # the latest
    row = seeded_db.execute("SELECT created_by FROM claims WHERE id = ?", (claim,)).fetchone()
    assert row[0] == "ana"
    # deleting and restoring the claim (undo) brings every verdict back
    snap = ops.snapshot_claim(seeded_db, claim)
    ops.delete_claim(seeded_db, claim, "ana")
    assert queries.reviewer_verdicts(seeded_db) == {}
    ops.restore_claim(seeded_db, snap, "ana")
    assert _verdicts(seeded_db, claim) == {"ana": "corroborated", "ben": "contradicted"}


def test_adjudication_is_separate_and_undoable(seeded_db: Database) -> None:
    claim = ops.mark_quote(seeded_db, 1, "White Helmets", "ana", status="corroborated").created_id
    assert claim is not None
    ops.set_status(seeded_db, claim, "contradicted", "ben")
    snap = ops.snapshot_adjudication(seeded_db, claim)
    ops.adjudicate(seeded_db, claim, ops.accepted_status(seeded_db, claim, "ana"), "cy", "why")
    got = queries.get_claim(seeded_db, claim)
    assert (got.status, got.adjudicated_by) == (Status.CORROBORATED, "cy")
    # a reviewer's later verdict is kept as theirs, but no longer moves the settled one
    ops.set_status(seeded_db, claim, "inconclusive", "ben")
    assert queries.get_claim(seeded_db, claim).status is Status.CORROBORATED
    assert _verdicts(seeded_db, claim)["ben"] == "inconclusive"
    assert queries.adjudications(seeded_db)[claim] == ("cy", got.updated_at, "why")
    ops.restore_adjudication(seeded_db, snap, "cy")
    got = queries.get_claim(seeded_db, claim)
    assert (got.status, got.adjudicated_by) == (Status.CONTRADICTED, "")
    with pytest.raises(InvalidInput, match="'dora' has given claim"):
        ops.accepted_status(seeded_db, claim, "dora")
    with pytest.raises(InvalidInput, match="unknown status"):
        ops.adjudicate(seeded_db, claim, "maybe", "cy")


def test_project_agreement(seeded_db: Database) -> None:
    a = ops.mark_quote(seeded_db, 1, "White Helmets", "ana", status="corroborated").created_id
    b = ops.mark_quote(seeded_db, 2, "volunteer", "ana", status="contradicted").created_id
    assert a is not None and b is not None
    ops.set_status(seeded_db, a, "corroborated", "ben")
    ops.set_status(seeded_db, b, "corroborated", "ben")
    ops.mark_quote(seeded_db, 1, "White Helmets", "ben")  # ben marks the same span
    result = project_agreement(seeded_db)
    assert result.reviewers == ("ana", "ben") and result.markers == ("ana", "ben")
    assert result.project.judged == 2 and result.project.percent == pytest.approx(0.5)
    first = result.articles[0].figures
    assert (first.percent, first.span_alpha) == (1.0, 1.0)
    second = result.articles[1].figures
    assert second.percent == 0.0 and second.span_alpha is not None and second.span_alpha < 0
    only = project_agreement(seeded_db, [1])
    assert [x.article_id for x in only.articles] == [1] and only.project.judged == 1
    assert json.dumps(result.project.as_dict())
