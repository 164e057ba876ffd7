"""An open project as the window sees it: reads, and edits pushed as undoable commands.

What may write: only this module and :mod:`factcheck.ui.session.commands`, and only by
calling :mod:`factcheck.store.ops` (or the importer, which calls it). Every widget and
dialog edits through a method here; every edit is a ``QUndoCommand`` on
:attr:`Session.undo_stack` except imports (which only add); every write emits
``changed`` with the :class:`~factcheck.store.ops.Change` that names what it touched,
text changes included. An edit taken from an older text or row is refused by the op and
said through ``failed``. import-linter enforces that nothing else in the window imports
``store.ops``, the importer, ``sqlite3`` or ``sqlite_utils``.

This module and the commands are the only parts of the window that import the store,
and the window imports them only once it has painted, so the first frame does not wait
for the database library to load.

Threading rule: everything here runs on the GUI thread (SQLite connections stay on the
thread that opened them); a long import reports progress through a callback instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from factcheck.core.model import (
    Article,
    ArticleDraft,
    ArticleSummary,
    Claim,
    Evidence,
    HistoryEntry,
    Relation,
    ReviewerVerdict,
    SearchHit,
    Status,
    SyncConflict,
    Tag,
)
from factcheck.errors import FactcheckError, NotFound, ProjectError
from factcheck.store import Database, importer, ops, queries
from factcheck.store.import_report import ImportReport
from factcheck.store.project import connect
from factcheck.ui.common.claim_rows import ClaimRow, rows_in_text
from factcheck.ui.session import commands
from factcheck.ui.session.claim_stamps import ClaimStamps
from factcheck.ui.session.curation_edits import CurationEdits
from factcheck.ui.session.figure_edits import FigureEdits
from factcheck.ui.session.suggestion_edits import SuggestionEdits

if TYPE_CHECKING:
    from factcheck.core.report.model import Report
    from factcheck.store.sync.service import ExportResult, PullResult
    from factcheck.ui.session.suggestions import SuggestionScorer


class Session(SuggestionEdits, FigureEdits, CurationEdits, QObject):
    """One open project file, its reviewer and its undo stack.

    Its parts by subject live beside it: suggested claims
    (:mod:`~factcheck.ui.session.suggestion_edits`), figures and facts
    (:mod:`~factcheck.ui.session.figure_edits`), article details and tags
    (:mod:`~factcheck.ui.session.curation_edits`); each edit there is an undoable command
    too.

    ``changed(change, focus_claim_id)`` is emitted after every edit, undo and redo;
    ``failed(message)`` when an edit is refused (a one-line message for the user).
    """

    changed = Signal(object, object)
    failed = Signal(str)
    suggestionsReady = Signal(int)  # an article's sentences are scored

    def __init__(self, db: Database, path: Path | str, reviewer: str) -> None:
        super().__init__()
        self.db = db
        self.path = Path(path) if str(path) != ":memory:" else Path(":memory:")
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.stamps = ClaimStamps(db)  # what this window's own edits left on its claims
        self._scorer: SuggestionScorer | None = None

    # --- opening and closing ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, reviewer: str, *, seed: bool = True,
             read_only: bool = False) -> Session:  # fmt: skip
        """Open (creating if needed) a project; a new one receives the sample articles
        when ``seed`` is true. A project that cannot be written opens read-only (as does
        any with ``read_only``). Raises FactcheckError with a one-line reason."""
        db = connect(path, read_only=read_only)
        try:
            if seed and not db.read_only:
                importer.ensure_seeded(db, reviewer)
        except sqlite3.Error as exc:
            db.close()
            raise ProjectError(f"{path}: the project file could not be used ({exc})") from None
        return cls(db, path, reviewer)

    @classmethod
    def create(cls, path: Path | str, reviewer: str) -> Session:
        """A new, empty project (it will never receive the samples)."""
        target = Path(path)
        if target.exists():
            raise ProjectError(f"{target}: already exists; open it instead")
        db = connect(target)
        importer.mark_seeded(db)
        return cls(db, target, reviewer)

    def close(self) -> None:
        if self._scorer is not None:
            self._scorer.shutdown()
        self.undo_stack.clear()
        self.db.close()

    @property
    def read_only(self) -> bool:
        """True when no edit can be saved (see :mod:`factcheck.store.project`)."""
        return bool(getattr(self.db, "read_only", False))

    @property
    def read_only_reason(self) -> str:
        return str(getattr(self.db, "read_only_reason", ""))

    # --- reads -----------------------------------------------------------------------

    def articles(self) -> list[ArticleSummary]:
        return queries.list_articles(self.db)

    def article_count(self) -> int:
        """How many articles the project has (one count, no rows read)."""
        return queries.article_count(self.db)

    def existing_articles(self, ids: Iterable[int]) -> set[int]:
        """Which of ``ids`` are articles of the project (the others were deleted)."""
        from factcheck.store.queries.articles import existing_article_ids

        return existing_article_ids(self.db, ids)

    def article_ids(self) -> list[int]:
        """Every article's id in list order, without titles or claim counts."""
        from factcheck.store.queries.articles import article_ids

        return article_ids(self.db)

    def article_summaries(self, ids: Iterable[int]) -> list[ArticleSummary]:
        return queries.article_summaries(self.db, ids)

    def article(self, article_id: int) -> Article:
        return queries.get_article(self.db, article_id)

    def claim_rows(self, article: Article) -> list[ClaimRow]:
        """The article's claims, lightly, in text order (see :class:`ClaimRow`)."""
        outline = queries.claim_outline(self.db, article.id)
        tags = queries.claim_tags_for_article(self.db, article.id) if outline else {}
        return rows_in_text(outline, tags, article.text)

    def claim_row(self, claim: Claim, text: str) -> ClaimRow:
        return ClaimRow(claim.id, claim.start, claim.end, claim.status.value, claim.tags,
                        text[claim.start : claim.end], claimant=claim.claimant)  # fmt: skip

    def claim(self, claim_id: int) -> Claim | None:
        try:
            return queries.get_claim(self.db, claim_id)
        except NotFound:
            return None

    def all_claims(self) -> list[Claim]:
        return queries.all_claims(self.db)

    def article_titles(self) -> dict[int, str]:
        return {a.id: a.title for a in queries.list_articles(self.db)}

    def evidence(self, claim_id: int) -> list[Evidence]:
        return queries.evidence_for_claim(self.db, claim_id)

    def history(self, claim_id: int) -> list[HistoryEntry]:
        return queries.history_for_claim(self.db, claim_id)

    def tags(self) -> list[Tag]:
        return queries.list_tags(self.db)

    def search(self, query: str) -> list[SearchHit]:
        return queries.search(self.db, query)

    def next_unverified(self, after: tuple[int, int, int] | None, *,
                        backwards: bool = False) -> Claim | None:  # fmt: skip
        return queries.next_claim_with_status(self.db, Status.UNVERIFIED, after,
                                              backwards=backwards)  # fmt: skip

    # --- edits -----------------------------------------------------------------------

    def run(self, command: commands.OpCommand) -> ops.Change | None:
        """Apply a command and push it on the undo stack; on refusal say why (``failed``)
        and push nothing."""
        try:
            change = command.apply()
        except FactcheckError as exc:
            self.failed.emit(str(exc))
            return None
        except sqlite3.Error as exc:
            self.failed.emit(f"{self.path}: the edit could not be saved ({exc})")
            return None
        self.undo_stack.push(command)
        self.notify(change, command.focus_after_do)
        return change

    def notify(self, change: ops.Change, focus: int | None = None) -> None:
        self.changed.emit(change, focus)

    def command_failed(self, message: str) -> None:
        self.failed.emit(message + " — the undo history was cleared")
        QTimer.singleShot(0, self.undo_stack.clear)  # not from inside the stack's own call

    def mark(self, article_id: int, start: int, end: int, text_hash: str | None = None,
             claimant: str = "", *, text: str | None = None) -> int | None:  # fmt: skip
        """Mark ``[start, end)`` of the text whose hash is ``text_hash`` (the one shown;
        ``text``: that text, so the quote is taken from it instead of read again)."""
        change = self.run(commands.MarkClaim(self, article_id, start, end, text_hash,
                                             claimant, text=text))  # fmt: skip
        return change.created_id if change else None

    def reattach(self, claim_id: int, start: int, end: int, text_hash: str | None) -> bool:
        command = commands.ReattachClaim(self, claim_id, start, end, text_hash)
        return self.run(command) is not None

    def confirm_placement(self, claim_id: int) -> bool:
        return self.run(commands.ConfirmPlacement(self, claim_id)) is not None

    def edit_text(self, article_id: int, text: str, base_hash: str,
                  source: str = "edit") -> ops.RevisionResult | None:  # fmt: skip
        """A new revision of the article's text (undoable); None when refused (said)."""
        command = commands.EditText(self, article_id, text, base_hash, source=source)
        return command.result if self.run(command) is not None else None

    def current_revision_number(self, article_id: int) -> int:
        return queries.current_revision_number(self.db, article_id)

    def predict_placements(self, article_id: int, text: str) -> dict[str, int]:
        return ops.predict_placements(self.db, article_id, text)

    def import_drafts(self, drafts: Sequence[ArticleDraft]) -> ImportReport:
        """Import articles that came from no file (pasted text). Emits ``changed``."""
        report = importer.import_drafts(self.db, drafts, self.reviewer)
        self.notify(report.change)
        return report

    def gather_report(self, article_ids: Sequence[int] | None) -> Report:
        """The verification report's data (a read)."""
        from factcheck.store.report_data import gather_report  # only when exporting

        self.update_figures()  # its "Figures that disagree" section reads them
        return gather_report(self.db, article_ids)

    def article_texts(self, article_ids: Sequence[int]) -> dict[int, str]:
        """The current text of each article (a read; exports that embed the text)."""
        return {a.id: a.text for a in queries.get_articles(self.db, article_ids)}

    # --- several reviewers -----------------------------------------------------------

    def sync_export(self, folder: Path) -> ExportResult:
        """Write this copy's changes since the last sync into ``folder`` (a read of the
        project plus a file; raises FactcheckError with a one-line reason)."""
        from factcheck.store.sync.service import export_to

        try:
            return export_to(self.db, folder, self.reviewer)
        except sqlite3.Error as exc:
            raise ProjectError(f"{self.path}: the project could not be read ({exc})") from None

    def sync_pull(self, folder: Path, progress: Callable[[int, int, str], None] | None = None
                  ) -> PullResult:  # fmt: skip
        """Apply the other reviewers' files in ``folder``. Rows changed behind the undo
        stack, so its history is cleared when anything arrived; emits ``changed``."""
        from factcheck.store.sync.service import pull_from

        try:
            result = pull_from(self.db, folder, self.reviewer, progress)
        except sqlite3.Error as exc:
            raise ProjectError(f"{self.path}: nothing was applied ({exc})") from None
        if result.changes:
            self.undo_stack.clear()
        if result.applied:
            self.notify(result.change)
        return result

    def reviewer_verdicts(self, claim_id: int) -> list[ReviewerVerdict]:
        return queries.reviewer_verdicts(self.db, [claim_id]).get(claim_id, [])

    def disagreements(self) -> list[Claim]:
        """Claims to curate: reviewers gave different verdicts and nobody adjudicated,
        or a sync left a conflict open on them; in reading order."""
        found = queries.claims_by_ids(self.db, queries.disagreements(self.db))
        return sorted(found.values(), key=lambda c: (c.article_id, c.start, c.id))

    def open_conflicts(self, claim_id: int) -> list[SyncConflict]:
        return [c for c in queries.conflicts(self.db) if c.claim_id == claim_id]

    def resolve_conflict(self, conflict: SyncConflict, keep: str) -> bool:
        """Close a sync conflict keeping "local" or taking "incoming" (undoable)."""
        command = commands.ResolveConflict(self, conflict.id, keep, conflict.claim_id)
        return self.run(command) is not None

    def adjudicate(self, claim_id: int, status: Status, note: str = "") -> bool:
        """Settle the claim's verdict (undoable); False when refused (said)."""
        return self.run(commands.Adjudicate(self, claim_id, status, note)) is not None

    def data_version(self) -> int:
        """SQLite's count of commits by *other* connections to this file: when it moves,
        another window or the command line changed the project."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def set_status(self, claim_id: int, status: Status) -> None:
        claim = self.claim(claim_id)
        if claim is not None and claim.status != status:
            self.run(commands.SetStatus(self, claim_id, claim.status, status))

    def set_note(self, claim_id: int, note: str) -> None:
        claim = self.claim(claim_id)
        if claim is not None and claim.note != note:
            self.run(commands.SetNote(self, claim_id, claim.note, note))

    def add_tag(self, claim_id: int, name: str) -> None:
        name = name.strip()
        claim = self.claim(claim_id)
        if not name or claim is None:
            return
        if name.casefold() in {t.casefold() for t in claim.tags}:
            return
        known = {t.name.casefold() for t in self.tags()}
        self.run(commands.AddTag(self, claim_id, name, name.casefold() not in known))

    def remove_tag(self, claim_id: int, name: str) -> None:
        self.run(commands.RemoveTag(self, claim_id, name))

    def link(self, claim_id: int, target_id: int, relation: Relation) -> None:
        self.run(commands.LinkClaims(self, claim_id, target_id, relation))

    def add_source(self, claim_id: int, url: str, *, title: str = "", quote: str = "",
                   accessed: str = "") -> None:  # fmt: skip
        self.run(commands.AddSource(self, claim_id, url, title=title, quote=quote,
                                    accessed=accessed))  # fmt: skip

    def remove_evidence(self, evidence_id: int, claim_id: int) -> None:
        self.run(commands.RemoveEvidence(self, evidence_id, claim_id))

    def delete_claim(self, claim_id: int) -> None:
        self.run(commands.DeleteClaim(self, claim_id))

    def set_article_language(self, article_id: int, language: str, direction: str) -> None:
        old = queries.article_language(self.db, article_id)
        if old != (language, direction):
            self.run(commands.SetArticleLanguage(self, article_id, old, (language, direction)))

    def import_paths(self, paths: Sequence[Path],
                     progress: Callable[[int, int, str], None] | None = None,
                     ) -> ImportReport:  # fmt: skip
        """Import files (not undoable: imports only add). Emits ``changed``."""
        report = importer.import_paths(self.db, paths, self.reviewer, progress)
        self.notify(report.change)
        self._prefetch_suggestions(report.change)
        return report

    def _prefetch_suggestions(self, change: ops.Change) -> None:
        """Score new and changed articles in the background, so their suggestions are
        ready when opened (at most ``PREFETCH_LIMIT`` per import)."""
        from factcheck.ui.session.suggestions import PREFETCH_LIMIT

        for article_id in sorted(change.article_ids)[:PREFETCH_LIMIT]:
            try:
                self.request_suggestions(self.article(article_id))
            except FactcheckError:
                continue
