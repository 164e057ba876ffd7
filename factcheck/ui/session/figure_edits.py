"""The session's figures (a part of :class:`~factcheck.ui.session.session.Session`): the
figures cache brought up to date, the board's facts, and the reviewer's edits of facts
and figures, each an undoable command (:mod:`factcheck.ui.session.figure_commands`)."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.core.figures.board import BoardCells, BoardColumns, BoardFact, FactDetail, FactRow
from factcheck.core.figures.facts import FactFigure
from factcheck.errors import NotFound
from factcheck.store import ops, queries
from factcheck.ui.session import figure_commands
from factcheck.ui.session.session_part import SessionPart


class FigureEdits(SessionPart):
    def figures_pending(self) -> int:
        """Articles whose figures are not found yet (imported or changed since)."""
        from factcheck.store import figure_cache

        return figure_cache.pending(self.db)

    def figures_pending_size(self) -> int:
        """Characters of text whose figures are not found yet. Asked after every mark
        (may the offer of twins catch up first?): each queued text's length is kept by
        its content hash, so a long article waiting in the queue is not read again at
        every mark (a megabyte each time)."""
        from factcheck.store import figure_queue

        known: dict[tuple[int, str], int] = self.__dict__.setdefault("_queued_lengths", {})
        waiting = figure_queue.pending_texts(self.db)
        missing = [aid for aid, digest in waiting if (aid, digest) not in known]
        if len(missing) > 500:  # a big queue: one sum, nothing kept
            return figure_queue.pending_size(self.db)
        if missing:
            lengths = figure_queue.text_lengths(self.db, missing)
            if len(known) > 10_000:
                known.clear()
            known.update(((aid, digest), lengths.get(aid, 0)) for aid, digest in waiting
                         if aid in lengths)  # fmt: skip
        return sum(known.get(key, 0) for key in waiting)

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
    def board_articles(self, keys: list[str]) -> BoardColumns:
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

    # --- edits of facts and figures (undoable) -------------------------------------

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
