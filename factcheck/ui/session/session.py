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
from sqlite_utils import Database

from factcheck.core.claims_table import ClaimTableRow
from factcheck.core.codebook import TagSummary
from factcheck.core.figures.board import BoardArticle, BoardCells, BoardFact, FactDetail, FactRow
from factcheck.core.figures.facts import FactFigure
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
from factcheck.errors import FactcheckError, InvalidInput, NotFound, ProjectError
from factcheck.store import importer, ops, queries
from factcheck.store.import_report import ImportReport
from factcheck.store.project import connect
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.session import commands, figure_commands

if TYPE_CHECKING:
    from factcheck.core.report.model import Report
    from factcheck.core.suggest import Suggestion
    from factcheck.store.suggestions import Twin
    from factcheck.store.sync.service import ExportResult, PullResult
    from factcheck.ui.session.suggestions import SuggestionScorer


class Session(QObject):
    """One open project file, its reviewer and its undo stack.

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

    # --- suggested claims ----------------------------------------------------------------

    @property
    def scorer(self) -> SuggestionScorer:
        """Scores articles in the background; ``suggestionsReady(article_id)`` follows."""
        if self._scorer is None:
            from factcheck.ui.session.suggestions import SuggestionScorer

            self._scorer = SuggestionScorer(self)
            self._scorer.ready.connect(lambda aid, _h, _s: self.suggestionsReady.emit(aid))
        return self._scorer

    def request_suggestions(self, article: Article) -> None:
        """Score the article in the background (``suggestionsReady`` when done)."""
        language = str(getattr(article, "language", "") or "") or None
        self.scorer.request(article.id, article.content_hash, article.text, language,
                            article.published)  # fmt: skip

    def suggestions(self, article: Article) -> list[Suggestion] | None:
        """The article's suggestions, best first, less rejected and marked sentences;
        None while its text is still being scored."""
        found = self.scorer.cached(article.content_hash)
        if found is None:
            return None
        from factcheck.store.suggestions import still_open

        return still_open(self.db, article.id, article.text, found)

    def accept_suggestion(self, article: Article, suggestion: Suggestion) -> int | None:
        """Mark a suggested sentence as a claim with its claimant (undoable)."""
        return self.mark(article.id, suggestion.start, suggestion.end, article.content_hash,
                         claimant=suggestion.claimant)  # fmt: skip

    def reject_suggestion(self, article: Article, suggestion: Suggestion) -> None:
        from factcheck.ui.session.suggestion_commands import RejectSuggestion

        sentence = article.text[suggestion.start : suggestion.end]
        self.run(RejectSuggestion(self, article.id, sentence))

    def set_claimant(self, claim_id: int, name: str) -> None:
        from factcheck.ui.session.suggestion_commands import SetClaimant

        claim = self.claim(claim_id)
        name = " ".join(name.split())
        if claim is not None and claim.claimant != name:
            self.run(SetClaimant(self, claim_id, claim.claimant, name))

    def found_elsewhere(self, claim_id: int, *, catch_up_limit: int | None = None,
                        ) -> list[Twin]:  # fmt: skip
        """The claim's twins in other articles. Figures of the same fact count among
        them, so queued articles have their figures found first; ``catch_up_limit``: only
        when at most that many are queued (an offer after each mark must stay cheap)."""
        from factcheck.store.suggestions import found_elsewhere

        if catch_up_limit is None or self.figures_pending() <= catch_up_limit:
            self.update_figures()
        return found_elsewhere(self.db, claim_id)

    def mark_everywhere(self, claim_id: int) -> int:
        """Mark the claim's twins in other articles, linked same-as (undoable); how many."""
        from factcheck.ui.session.suggestion_commands import MarkEverywhere

        twins = self.found_elsewhere(claim_id)
        if twins and self.run(MarkEverywhere(self, claim_id, twins)) is not None:
            return len(twins)
        return 0

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

    def article_summaries(self, ids: Iterable[int]) -> list[ArticleSummary]:
        return queries.article_summaries(self.db, ids)

    def article(self, article_id: int) -> Article:
        return queries.get_article(self.db, article_id)

    def claim_rows(self, article: Article) -> list[ClaimRow]:
        """The article's claims, lightly, in text order (see :class:`ClaimRow`)."""
        tags = queries.claim_tags_for_article(self.db, article.id)
        claimants = queries.claimants_for_article(self.db, article.id)
        text = article.text
        return [
            ClaimRow(cid, start, end, status, tags.get(cid, ()), text[start:end],
                     claimant=claimants.get(cid, ""))
            for cid, start, end, status in queries.claim_outline(self.db, article.id)
        ]

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

    def figures_pending(self) -> int:
        """Articles whose figures are not found yet (imported or changed since)."""
        from factcheck.store import figure_cache

        return figure_cache.pending(self.db)

    def update_figures(self, article_ids: list[int] | None = None,
                       progress: Callable[[int, int], None] | None = None) -> None:  # fmt: skip
        """Find the figures of queued articles (all, or those given); views refresh
        from the ``changed`` signal. Nothing for a read-only project."""
        if getattr(self.db, "read_only", False):
            return
        change = ops.update_figures(self.db, article_ids, progress)
        if change.figures:
            self.notify(change)

    def facts(self, *, conflicts_only: bool = False) -> list[FactRow]:
        """The figures board's rows: facts told by at least two articles, and those the
        reviewer named (a fact split off may hold one article's figures)."""
        return queries.list_facts(self.db, conflicts_only=conflicts_only, min_articles=2,
                                  named=True)  # fmt: skip

    def fact_detail(self, key: str) -> FactDetail | None:
        try:
            return queries.fact_detail(self.db, key)
        except NotFound:
            return None

    # The figures board's reads (each bounded by what is in view).
    def board_articles(self, keys: list[str]) -> list[BoardArticle]:
        return queries.board_articles(self.db, keys)

    def board_titles(self, article_ids: list[int]) -> dict[int, tuple[str, str]]:
        return queries.board_titles(self.db, article_ids)

    def board_cells(self, row: FactRow, article_ids: list[int]) -> BoardCells:
        return queries.board_cells(self.db, row, article_ids)

    def board_fact(self, row: FactRow) -> BoardFact:
        return queries.board_fact(self.db, row)

    def figure_reasons(self, row: FactRow, figure: FactFigure) -> list[str]:
        return queries.figure_reasons(self.db, row, figure)

    def fact_key(self, fact_id: int) -> str | None:
        try:
            return queries.resolve_fact(self.db, fact_id)
        except NotFound:
            return None

    def figure_spans(self, article_id: int) -> list[tuple[int, int]]:
        from factcheck.store import figure_cache

        if figure_cache.is_pending(self.db, article_id):
            self.update_figures([article_id])
        return [(s, e) for s, e, _key in queries.figure_spans(self.db, article_id)]

    # --- edits -----------------------------------------------------------------------

    def rename_fact(self, key: str, name: str) -> None:
        self.run(figure_commands.RenameFact(self, key, name))

    def dismiss_figure(self, figure_id: int) -> None:
        self.run(figure_commands.DismissFigure(self, figure_id))

    def merge_facts(self, key: str, into: str) -> None:
        self.run(figure_commands.MergeFacts(self, key, into))

    def move_figure(self, figure_id: int, to: str) -> None:
        self.run(figure_commands.MoveFigure(self, figure_id, to))

    def split_fact(self, key: str, figure_ids: list[int], name: str) -> ops.Change | None:
        return self.run(figure_commands.SplitFact(self, key, figure_ids, name))

    def mark_fact_claims(self, key: str) -> None:
        self.run(figure_commands.MarkFactClaims(self, key))

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
             claimant: str = "") -> int | None:  # fmt: skip
        """Mark ``[start, end)`` of the text whose hash is ``text_hash`` (the one shown)."""
        change = self.run(commands.MarkClaim(self, article_id, start, end, text_hash,
                                             claimant))  # fmt: skip
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
    # --- curation: article details, deleting articles, the tag list ------------------

    def edit_article_details(self, article_id: int, **values: str) -> bool:
        """Change title, outlet, author, published or URL (undoable)."""
        from factcheck.ui.session import curation_commands as cc

        command = cc.EditArticleDetails(self, article_id, values)
        return bool(command.new) and self.run(command) is not None

    def delete_article(self, article_id: int) -> bool:
        """Delete an article with its claims (undoable)."""
        from factcheck.ui.session import curation_commands as cc

        return self.run(cc.DeleteArticle(self, article_id)) is not None

    def tag_summaries(self) -> list[TagSummary]:
        from factcheck.store.queries.tags import tag_summaries

        return tag_summaries(self.db)

    def rename_tag(self, name: str, new_name: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        if name == new_name.strip():
            return False
        return self.run(cc.RenameTag(self, name, new_name)) is not None

    def set_tag_color(self, name: str, color: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        old = next((t.color for t in self.tags() if t.name == name), "")
        if old == color:
            return False
        return self.run(cc.SetTagColor(self, name, old, color)) is not None

    def set_tag_description(self, name: str, description: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        old = next((t.description for t in self.tag_summaries() if t.name == name), "")
        if old == description:
            return False
        return self.run(cc.SetTagDescription(self, name, old, description)) is not None

    def merge_tags(self, name: str, into: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        return self.run(cc.MergeTags(self, name, into)) is not None

    def delete_tag(self, name: str) -> bool:
        from factcheck.ui.session import curation_commands as cc

        return self.run(cc.DeleteTag(self, name)) is not None

    def import_codebook(self, path: Path) -> str | None:
        """Read a codebook CSV and apply it (undoable); a one-line summary, or None when
        refused (said through ``failed``)."""
        from factcheck.core.codebook import read_codebook
        from factcheck.ui.session import curation_commands as cc

        try:
            entries = read_codebook(_read_small_text(path), str(path))
        except FactcheckError as exc:
            self.failed.emit(str(exc))
            return None
        command = cc.ImportCodebook(self, entries)
        if self.run(command) is None or command.result is None:
            return None
        done = command.result
        same = len(entries) - len(done.created) - len(done.updated)
        return f"{len(done.created)} new tags, {len(done.updated)} changed, {same} unchanged"

    def export_codebook(self, path: Path) -> str | None:
        """Write the tags as a codebook CSV (not an edit of the project)."""
        from factcheck.core.codebook import save_codebook

        try:
            n = save_codebook(path, self.tag_summaries())
        except FactcheckError as exc:
            self.failed.emit(str(exc))
            return None
        return f"Wrote {n} tag{'s' if n != 1 else ''} to {path}"

    def claims_table(self, claim_ids: Iterable[int] | None = None) -> list[ClaimTableRow]:
        """Every claim of the project (or those of ``claim_ids`` still there) with its
        article's title, for the claims table."""
        from factcheck.store.queries import claims_table

        if claim_ids is None:
            return claims_table.claim_table_rows(self.db)
        return claims_table.claim_table_rows_for(self.db, claim_ids)


def _read_small_text(path: Path, limit: int = 5 * 1024 * 1024) -> str:
    try:
        if path.stat().st_size > limit:
            raise InvalidInput(f"{path}: larger than 5 MiB; not a codebook")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot be read ({exc.strerror})") from None
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{path}: a binary file, not a CSV codebook")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text; save the codebook as UTF-8 CSV") from None
