"""One QUndoCommand per user action, each over the operations layer.

A command never touches a widget: it calls :mod:`factcheck.store.ops` and hands the
returned :class:`Change` to the session, whose ``changed`` signal refreshes the views.
The first application happens in :meth:`OpCommand.apply` (so a refused edit raises
before anything is pushed); ``redo`` after an undo re-applies it with the same ids
(restoring snapshots), so later commands that name those ids stay valid.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from factcheck.core.model import Relation, Status
from factcheck.errors import FactcheckError
from factcheck.store import Database, ops, queries
from factcheck.store.ops.tags import drop_tag_if_unused
from factcheck.ui.session.claim_stamps import ClaimStamps


class Session(Protocol):
    """What a command needs of the session that runs it (the session implements it;
    commands do not import the session module, so the two never form a cycle)."""

    db: Database
    stamps: ClaimStamps

    @property
    def reviewer(self) -> str: ...

    def notify(self, change: ops.Change, focus: int | None = None) -> None: ...

    def command_failed(self, message: str) -> None: ...

NOTE_MERGE_ID = 1


class OpCommand(QUndoCommand):
    """Base: ``_do`` and ``_undo`` return the Change; the focus claims say what the
    window should select afterwards (None: leave the selection alone)."""

    focus_after_do: int | None = None
    focus_after_undo: int | None = None

    def __init__(self, session: Session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._pending_first_redo = True

    @property
    def reviewer(self) -> str:
        return self.session.reviewer

    def apply(self) -> ops.Change:
        """First application; raises FactcheckError (nothing pushed) when refused."""
        return self._stamped(self._do)

    def _stamped(self, step: Any) -> ops.Change:
        """Run ``step``, keeping the stamps of the claims this window follows."""
        self.session.stamps.before_edit()
        change: ops.Change = step()
        self.session.stamps.after_edit(change.claim_ids)
        return change

    def redo(self) -> None:
        if self._pending_first_redo:  # QUndoStack.push calls redo; apply() already ran
            self._pending_first_redo = False
            return
        self._guarded(self._do, self.focus_after_do)

    def undo(self) -> None:
        self._guarded(self._undo, self.focus_after_undo)

    def _guarded(self, step: Any, focus: int | None) -> None:
        try:
            change = self._stamped(step)
        except (FactcheckError, sqlite3.Error) as exc:
            # The project changed under this step (a new text, another window or the
            # command line): the op refused rather than overwrite or land on other
            # words. The step is dropped from the history (Qt removes an obsolete
            # command), the rest of the history stays, and the user is told.
            self.setObsolete(True)
            self.session.command_failed(f"{self.text()}: {exc}")
            return
        self.session.notify(change, focus)

    def _do(self) -> ops.Change:
        raise NotImplementedError

    def _undo(self) -> ops.Change:
        raise NotImplementedError


class MarkClaim(OpCommand):
    """Mark ``[start, end)`` of the text whose SHA-256 is ``text_hash`` (the text the
    selection was made in; a newer text refuses it). Undo deletes the claim unless it
    was changed elsewhere since (by another window, the command line or a sync: this
    window's own later edits, undone before it, do not count; see
    :mod:`~factcheck.ui.session.claim_stamps`); redo puts it back, re-placed if the
    text changed."""

    def __init__(self, session: Session, article_id: int, start: int, end: int,
                 text_hash: str | None = None, claimant: str = "", *,
                 text: str | None = None) -> None:  # fmt: skip
        super().__init__(session, "Mark claim")
        self.article_id, self.start, self.end = article_id, start, end
        self.text_hash, self.claimant = text_hash, claimant
        self._text = text  # the shown text (its hash is text_hash), for the first mark only
        self.claim_id: int | None = None
        self._snapshot: ops.ClaimSnapshot | None = None
        self._seen: str | None = None  # the claim's updated_at after this step

    def _do(self) -> ops.Change:
        if self._snapshot is not None:
            change = ops.restore_claim(self.session.db, self._snapshot, self.reviewer)
        else:
            text, self._text = self._text, None  # not kept alive by the undo history
            change = ops.mark_claim(self.session.db, self.article_id, self.start, self.end,
                                    self.reviewer, text_hash=self.text_hash,
                                    claimant=self.claimant, text=text)  # fmt: skip
            self.claim_id = self.focus_after_do = change.created_id
        assert self.claim_id is not None
        self._seen = queries.claim_updated_at(self.session.db, self.claim_id)
        if self._seen is not None:
            self.session.stamps.follow(self.claim_id, self._seen)
        return change

    def _undo(self) -> ops.Change:
        assert self.claim_id is not None
        self._snapshot = ops.snapshot_claim(self.session.db, self.claim_id)
        # As this window's own edits left it, else (someone else wrote meanwhile) as
        # the mark left it.
        expected = self.session.stamps.seen(self.claim_id) or self._seen
        return ops.delete_claim(self.session.db, self.claim_id, self.reviewer,
                                expected_updated_at=expected)  # fmt: skip


class DeleteClaim(OpCommand):
    def __init__(self, session: Session, claim_id: int) -> None:
        super().__init__(session, "Delete claim")
        self.claim_id = self.focus_after_undo = claim_id
        self._snapshot: ops.ClaimSnapshot | None = None

    def _do(self) -> ops.Change:
        self._snapshot = ops.snapshot_claim(self.session.db, self.claim_id)
        return ops.delete_claim(self.session.db, self.claim_id, self.reviewer)

    def _undo(self) -> ops.Change:
        assert self._snapshot is not None
        return ops.restore_claim(self.session.db, self._snapshot, self.reviewer)


class SetStatus(OpCommand):
    def __init__(self, session: Session, claim_id: int, old: Status, new: Status) -> None:
        super().__init__(session, f"Set verdict: {new.label}")
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.old, self.new = old, new

    def _do(self) -> ops.Change:
        return ops.set_status(self.session.db, self.claim_id, self.new, self.reviewer,
                              expected=self.old)  # fmt: skip

    def _undo(self) -> ops.Change:
        return ops.set_status(self.session.db, self.claim_id, self.old, self.reviewer,
                              expected=self.new)  # fmt: skip


class SetNote(OpCommand):
    """Consecutive note edits of one claim merge into one undo step."""

    def __init__(self, session: Session, claim_id: int, old: str, new: str) -> None:
        super().__init__(session, "Edit note")
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.old, self.new = old, new

    def id(self) -> int:
        return NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNote) or other.claim_id != self.claim_id:
            return False
        self.new = other.new
        return True

    def _do(self) -> ops.Change:
        return ops.set_note(self.session.db, self.claim_id, self.new, self.reviewer,
                            expected=self.old)  # fmt: skip

    def _undo(self) -> ops.Change:
        return ops.set_note(self.session.db, self.claim_id, self.old, self.reviewer,
                            expected=self.new)  # fmt: skip


class AddTag(OpCommand):
    def __init__(self, session: Session, claim_id: int, name: str, tag_is_new: bool) -> None:
        super().__init__(session, f"Add tag “{name}”")
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.name, self.tag_is_new = name, tag_is_new

    def _do(self) -> ops.Change:
        return ops.add_tag(self.session.db, self.claim_id, self.name, self.reviewer)

    def _undo(self) -> ops.Change:
        change = ops.remove_tag(self.session.db, self.claim_id, self.name, self.reviewer)
        if self.tag_is_new:
            drop_tag_if_unused(self.session.db, self.name, self.reviewer)
        return change


class RemoveTag(OpCommand):
    def __init__(self, session: Session, claim_id: int, name: str) -> None:
        super().__init__(session, f"Remove tag “{name}”")
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.name = name

    def _do(self) -> ops.Change:
        return ops.remove_tag(self.session.db, self.claim_id, self.name, self.reviewer)

    def _undo(self) -> ops.Change:
        return ops.add_tag(self.session.db, self.claim_id, self.name, self.reviewer)


class _AddEvidence(OpCommand):
    """Adding evidence: undo removes it, redo puts the same row (same id) back."""

    def __init__(self, session: Session, claim_id: int, text: str) -> None:
        super().__init__(session, text)
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.evidence_id: int | None = None
        self._snapshot: dict[str, Any] | None = None

    def _create(self) -> ops.Change:
        raise NotImplementedError

    def _do(self) -> ops.Change:
        if self._snapshot is not None:
            return ops.restore_evidence(self.session.db, self._snapshot, self.reviewer)
        change = self._create()
        self.evidence_id = change.created_id
        return change

    def _undo(self) -> ops.Change:
        assert self.evidence_id is not None
        self._snapshot = ops.snapshot_evidence(self.session.db, self.evidence_id)
        return ops.remove_evidence(self.session.db, self.evidence_id, self.reviewer)


class LinkClaims(_AddEvidence):
    def __init__(self, session: Session, claim_id: int, target_id: int,
                 relation: Relation) -> None:  # fmt: skip
        super().__init__(session, claim_id, f"Link claim ({relation.value})")
        self.target_id, self.relation = target_id, relation

    def _create(self) -> ops.Change:
        return ops.link_claims(self.session.db, self.claim_id, self.target_id, self.relation,
                               self.reviewer)  # fmt: skip


class AddSource(_AddEvidence):
    def __init__(self, session: Session, claim_id: int, url: str, *, title: str = "",
                 quote: str = "", accessed: str = "") -> None:  # fmt: skip
        super().__init__(session, claim_id, "Add source")
        self.url, self.title, self.quote, self.accessed = url, title, quote, accessed

    def _create(self) -> ops.Change:
        return ops.add_source(self.session.db, self.claim_id, self.url, self.reviewer,
                              title=self.title, quote=self.quote,
                              accessed=self.accessed)  # fmt: skip


class RemoveEvidence(OpCommand):
    def __init__(self, session: Session, evidence_id: int, claim_id: int) -> None:
        super().__init__(session, "Remove evidence")
        self.evidence_id = evidence_id
        self.focus_after_do = self.focus_after_undo = claim_id
        self._snapshot: dict[str, Any] | None = None

    def _do(self) -> ops.Change:
        self._snapshot = ops.snapshot_evidence(self.session.db, self.evidence_id)
        return ops.remove_evidence(self.session.db, self.evidence_id, self.reviewer)

    def _undo(self) -> ops.Change:
        assert self._snapshot is not None
        return ops.restore_evidence(self.session.db, self._snapshot, self.reviewer)


class _PlacementCommand(OpCommand):
    """A change to where a claim sits: undo puts back the span, quote and placement it
    had (:func:`ops.snapshot_placement` taken just before), redo applies the op again."""

    def __init__(self, session: Session, claim_id: int, text: str) -> None:
        super().__init__(session, text)
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self._snapshot: ops.PlacementSnapshot | None = None

    def _apply_op(self) -> ops.Change:
        raise NotImplementedError

    def _do(self) -> ops.Change:
        self._snapshot = ops.snapshot_placement(self.session.db, self.claim_id)
        return self._apply_op()

    def _undo(self) -> ops.Change:
        assert self._snapshot is not None
        return ops.restore_placement(self.session.db, self._snapshot, self.reviewer)


class ConfirmPlacement(_PlacementCommand):
    """The reviewer accepts where an approximately placed claim landed (it becomes
    exact). Refused, with a message, for a lost claim."""

    def __init__(self, session: Session, claim_id: int) -> None:
        super().__init__(session, claim_id, "Confirm placement")

    def _apply_op(self) -> ops.Change:
        return ops.confirm_placement(self.session.db, self.claim_id, self.reviewer)


class ReattachClaim(_PlacementCommand):
    """Give a (lost or badly placed) claim the span ``[start, end)`` of its article's
    current text, in code points; verdict, note, tags and evidence stay."""

    def __init__(self, session: Session, claim_id: int, start: int, end: int,
                 text_hash: str | None = None) -> None:  # fmt: skip
        super().__init__(session, claim_id, "Re-attach claim")
        self.start, self.end, self.text_hash = start, end, text_hash

    def _apply_op(self) -> ops.Change:
        return ops.reattach_claim(self.session.db, self.claim_id, self.start, self.end,
                                  self.reviewer, text_hash=self.text_hash)  # fmt: skip


class EditText(OpCommand):
    """A new text for an article (edit, paste-over): a new revision with its claims
    re-anchored. Undo makes one more revision with the earlier text and puts every claim
    back where it was; every revision stays in the project. Refused when the text the
    edit started from (``base_hash``) is no longer the article's."""

    def __init__(self, session: Session, article_id: int, new_text: str, base_hash: str,
                 *, source: str = "edit") -> None:  # fmt: skip
        super().__init__(session, "Edit article text")
        self.article_id, self.new_text, self.source = article_id, new_text, source
        self.base_hash = base_hash
        self._old_text: str | None = None
        self._before: list[ops.PlacementSnapshot] = []
        self._after: list[ops.PlacementSnapshot] = []
        self.result: ops.RevisionResult | None = None

    def _do(self) -> ops.Change:
        db = self.session.db
        if self._old_text is None:  # first time
            ops.check_text(db, self.article_id, self.base_hash)
            self._old_text = queries.get_article(db, self.article_id).text
            self._before = ops.placements_of(db, self.article_id)
            self.result = ops.create_revision(db, self.article_id, self.new_text, self.reviewer,
                                              source=self.source,
                                              expected_hash=self.base_hash)  # fmt: skip
        else:
            self.result = ops.revert_text(db, self.article_id, self.new_text, self._after,
                                          self.reviewer, expected_hash=self.base_hash)  # fmt: skip
        self._after = ops.placements_of(db, self.article_id)
        return self.result.change

    def _undo(self) -> ops.Change:
        assert self._old_text is not None
        result = ops.revert_text(self.session.db, self.article_id, self._old_text, self._before,
                                 self.reviewer, expected_hash=ops.content_hash(self.new_text))
        return result.change


class SetArticleLanguage(OpCommand):
    """The reviewer's correction of an article's detected language and direction."""

    def __init__(self, session: Session, article_id: int, old: tuple[str, str],
                 new: tuple[str, str]) -> None:  # fmt: skip
        super().__init__(session, "Set article language")
        self.article_id, self.old, self.new = article_id, old, new

    def _do(self) -> ops.Change:
        return ops.set_article_language(self.session.db, self.article_id, self.reviewer,
                                        language=self.new[0], direction=self.new[1])  # fmt: skip

    def _undo(self) -> ops.Change:
        return ops.set_article_language(self.session.db, self.article_id, self.reviewer,
                                        language=self.old[0], direction=self.old[1])  # fmt: skip


class Adjudicate(OpCommand):
    """Settle a claim's verdict between reviewers (undo puts the verdict, the
    adjudication fields and the conflicts it closed back)."""

    def __init__(self, session: Session, claim_id: int, status: Status, note: str) -> None:
        super().__init__(session, f"Adjudicate: {status.label}")
        self.claim_id = self.focus_after_do = self.focus_after_undo = claim_id
        self.status, self.note = status, note
        self.snapshot = ops.snapshot_adjudication(session.db, claim_id)

    def _do(self) -> ops.Change:
        return ops.adjudicate(self.session.db, self.claim_id, self.status, self.reviewer,
                              self.note)  # fmt: skip

    def _undo(self) -> ops.Change:
        return ops.restore_adjudication(self.session.db, self.snapshot, self.reviewer)


class ResolveConflict(OpCommand):
    """Close a sync conflict keeping one side (undo reopens it, putting back this copy's
    value when the other one was taken)."""

    def __init__(self, session: Session, conflict_id: int, keep: str,
                 claim_id: int | None) -> None:  # fmt: skip
        super().__init__(session, "Keep mine" if keep == "local" else "Take theirs")
        self.conflict_id, self.keep = conflict_id, keep
        self.focus_after_do = self.focus_after_undo = claim_id

    def _do(self) -> ops.Change:
        return ops.resolve_conflict(self.session.db, self.conflict_id, self.keep, self.reviewer)

    def _undo(self) -> ops.Change:
        return ops.reopen_conflict(self.session.db, self.conflict_id, self.reviewer)
