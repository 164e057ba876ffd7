"""Undoable commands for suggested claims and claimants: reject a suggestion, set a
claim's claimant, and mark a claim's twins in other articles (linked same-as)."""

from __future__ import annotations

from factcheck.core.model import Relation
from factcheck.store import ops, queries
from factcheck.store.suggestions import Twin
from factcheck.ui.session.commands import OpCommand, Session


class RejectSuggestion(OpCommand):
    """Hide a suggested sentence for good; undo shows it again."""

    def __init__(self, session: Session, article_id: int, sentence: str) -> None:
        super().__init__(session, "Reject suggestion")
        self.article_id, self.sentence = article_id, sentence

    def _do(self) -> ops.Change:
        return ops.reject_suggestion(self.session.db, self.article_id, self.sentence,
                                     self.reviewer)  # fmt: skip

    def _undo(self) -> ops.Change:
        return ops.restore_suggestion(self.session.db, self.article_id, self.sentence,
                                      self.reviewer)  # fmt: skip


class SetClaimant(OpCommand):
    def __init__(self, session: Session, claim_id: int, old: str, new: str) -> None:
        super().__init__(session, "Set claimant")
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.old, self.new = old, new

    def _do(self) -> ops.Change:
        return ops.set_claimant(self.session.db, self.claim_id, self.new, self.reviewer,
                                expected=self.old)  # fmt: skip

    def _undo(self) -> ops.Change:
        return ops.set_claimant(self.session.db, self.claim_id, self.old, self.reviewer,
                                expected=self.new)  # fmt: skip


class MarkEverywhere(OpCommand):
    """Mark each twin of a claim (the same words or figure in another article) as a claim
    with the original's tags and claimant, linked same-as to it. Undo deletes the claims
    it made; redo puts the very same ones back."""

    def __init__(self, session: Session, claim_id: int, twins: list[Twin]) -> None:
        super().__init__(session, f"Mark in {len(twins)} other article"
                                  f"{'s' if len(twins) != 1 else ''}")  # fmt: skip
        self.claim_id = self.focus_after_undo = claim_id
        self.twins = twins
        self._made: list[int] = []
        self._snapshots: list[ops.ClaimSnapshot] = []

    def _do(self) -> ops.Change:
        db = self.session.db
        change = ops.Change("mark everywhere", article_list=True)
        with db.atomic():
            if self._snapshots:
                for snap in self._snapshots:
                    change = change.merged(ops.restore_claim(db, snap, self.reviewer))
                self._snapshots = []
                return change
            claim = queries.get_claim(db, self.claim_id)
            for twin in self.twins:
                made = ops.mark_claim(
                    db, twin.article_id, twin.start, twin.end, self.reviewer,
                    tags=claim.tags, claimant=claim.claimant,
                    note=f"Found again ({twin.how}) from claim {claim.id}.",
                )  # fmt: skip
                assert made.created_id is not None
                self._made.append(made.created_id)
                change = change.merged(made).merged(ops.link_claims(
                    db, made.created_id, claim.id, Relation.SAME_AS, self.reviewer))
        return change

    def _undo(self) -> ops.Change:
        db = self.session.db
        change = ops.Change("unmark everywhere", article_list=True)
        with db.atomic():
            self._snapshots = [ops.snapshot_claim(db, cid) for cid in self._made]
            for cid in self._made:
                change = change.merged(ops.delete_claim(db, cid, self.reviewer))
        return change
