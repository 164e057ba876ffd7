"""Undoable commands for the figures board, over :mod:`factcheck.store.ops.figures`."""

from __future__ import annotations

from typing import Any

from factcheck.store import ops, queries
from factcheck.store.ops.evidence import restore_evidence, snapshot_evidence
from factcheck.ui.session.commands import OpCommand, Session


class RenameFact(OpCommand):
    def __init__(self, session: Session, key: str, name: str) -> None:
        super().__init__(session, f"Rename fact: {name}")
        self.key, self.name = key, name
        row = session.db.execute(
            "SELECT value FROM fact_edits WHERE kind = 'rename' AND fact_key = ?", (key,)
        ).fetchone()
        self.previous = str(row[0]) if row else ""

    def _do(self) -> ops.Change:
        return ops.rename_fact(self.session.db, self.key, self.name, self.reviewer)

    def _undo(self) -> ops.Change:
        return ops.unrename_fact(self.session.db, self.key, self.reviewer, self.previous)


class DismissFigure(OpCommand):
    def __init__(self, session: Session, figure_id: int) -> None:
        super().__init__(session, "Dismiss figure")
        self.figure_id = figure_id

    def _do(self) -> ops.Change:
        return ops.dismiss_figure(self.session.db, self.figure_id, self.reviewer)

    def _undo(self) -> ops.Change:
        return ops.reset_figure(self.session.db, self.figure_id, self.reviewer)


class MarkFactClaims(OpCommand):
    """Mark a fact's figures as claims and link them; undo deletes the claims and links
    it made (claims that were already there stay), redo puts the same ones back."""

    def __init__(self, session: Session, key: str) -> None:
        super().__init__(session, "Mark fact's figures as claims")
        self.key = key
        self._claims_before: set[int] = set()
        self._evidence_before = 0
        self._new_claims: list[int] = []
        self._snapshots: list[ops.ClaimSnapshot] = []
        self._links: list[dict[str, Any]] = []
        self._articles: frozenset[int] = frozenset()

    def _do(self) -> ops.Change:
        db = self.session.db
        if self._snapshots or self._links:  # redo: the very same claims and links
            for snap in self._snapshots:
                ops.restore_claim(db, snap, self.reviewer)
            present = {r[0] for r in db.execute("SELECT id FROM evidence")}
            for ev in self._links:
                if ev["id"] not in present:
                    restore_evidence(db, ev, self.reviewer)
            return self._change()
        detail = queries.fact_detail(db, self.key)
        self._claims_before = {f.claim_id for f in detail.figures if f.claim_id is not None}
        self._evidence_before = int(db.execute("SELECT coalesce(max(id), 0) FROM evidence")
                                    .fetchone()[0])  # fmt: skip
        change = ops.mark_fact_claims(db, self.key, self.reviewer)
        self._new_claims = sorted(set(change.claim_ids) - self._claims_before)
        self._articles = change.article_ids
        return change

    def _change(self) -> ops.Change:
        ids = frozenset(self._new_claims) | self._claims_before
        return ops.Change("mark fact claims", article_ids=self._articles, claim_ids=ids,
                          tags=True, article_list=True, facts=frozenset({self.key}))

    def _undo(self) -> ops.Change:
        db = self.session.db
        self._links = [snapshot_evidence(db, int(r[0])) for r in db.execute(
            "SELECT id FROM evidence WHERE id > ? ORDER BY id", (self._evidence_before,))]
        self._snapshots = [ops.snapshot_claim(db, c) for c in self._new_claims]
        for ev in self._links:
            if db.execute("SELECT 1 FROM evidence WHERE id = ?", (ev["id"],)).fetchone():
                ops.remove_evidence(db, int(ev["id"]), self.reviewer)
        for c in self._new_claims:
            ops.delete_claim(db, c, self.reviewer)
        return self._change()


class MergeFacts(OpCommand):
    def __init__(self, session: Session, key: str, into: str) -> None:
        super().__init__(session, "Merge facts")
        self.key, self.into = key, into

    def _do(self) -> ops.Change:
        return ops.merge_facts(self.session.db, self.key, self.into, self.reviewer)

    def _undo(self) -> ops.Change:
        return ops.unmerge_fact(self.session.db, self.key, self.reviewer)


def _put_back(session: Session, figure_id: int, edited: str, fact_key: str,
              reviewer: str) -> ops.Change:  # fmt: skip
    """A figure's earlier state: moved to ``fact_key`` (if it was), else automatic."""
    if edited == "move" and fact_key:
        return ops.move_figure(session.db, figure_id, fact_key, reviewer)
    return ops.reset_figure(session.db, figure_id, reviewer)


class MoveFigure(OpCommand):
    def __init__(self, session: Session, figure_id: int, to: str) -> None:
        super().__init__(session, "Move figure")
        self.figure_id, self.to = figure_id, to
        before = queries.get_figure(session.db, figure_id)
        self.before = (before.edited, before.fact_key)

    def _do(self) -> ops.Change:
        return ops.move_figure(self.session.db, self.figure_id, self.to, self.reviewer)

    def _undo(self) -> ops.Change:
        return _put_back(self.session, self.figure_id, *self.before, self.reviewer)


class SplitFact(OpCommand):
    def __init__(self, session: Session, key: str, figure_ids: list[int], name: str) -> None:
        super().__init__(session, f"Split off fact: {name}")
        self.key, self.figure_ids, self.name = key, list(figure_ids), name
        self.before = {fid: (f.edited, f.fact_key) for fid in figure_ids
                       for f in [queries.get_figure(session.db, fid)]}  # fmt: skip

    def _do(self) -> ops.Change:
        return ops.split_fact(self.session.db, self.key, self.figure_ids, self.name,
                              self.reviewer)  # fmt: skip

    def _undo(self) -> ops.Change:
        change = ops.Change("split fact")
        for fid, (edited, key) in self.before.items():
            change = change.merged(_put_back(self.session, fid, edited, key, self.reviewer))
        return change
