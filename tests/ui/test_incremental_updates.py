"""Edits refresh the one row they touch: the claim list keeps its index and counts by
claim id as rows come and go (same state as a rebuild), and the article list's count
cell for the open article comes from the claim list, not from a count query."""

from __future__ import annotations

import random
from collections.abc import Iterable

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from factcheck.core.model import ArticleSummary, Status
from factcheck.store import queries
from factcheck.ui.articles.article_list import ArticleListModel, progress_text
from factcheck.ui.claims.claim_model import ClaimListModel
from factcheck.ui.common.claim_rows import ClaimRow
from tests.ui.conftest import WindowFactory, after_the_frame, drag_select

STATUSES = [s.value for s in Status]


def _state(model: ClaimListModel) -> tuple[list[int], list[int], dict[str, int]]:
    shown = [model.row_at(i).id for i in range(model.rowCount())]  # type: ignore[union-attr]
    return shown, [r.id for r in model.all_rows()], model.counts()


def test_claim_list_edits_leave_the_same_state_as_a_rebuild(
    qtmodeltester: ModelTester,
) -> None:
    rng = random.Random(7)
    rows = {i: ClaimRow(i, rng.randrange(0, 500), 0, rng.choice(STATUSES)) for i in range(60)}
    rows = {i: r._replace(end=r.start + rng.randrange(1, 40)) for i, r in rows.items()}
    model = ClaimListModel()
    model.set_rows(list(rows.values()))
    qtmodeltester.check(model)  # watches every signal of the edits below
    for step in range(200):
        if step == 70:
            model.set_filter("status", "contradicted")
        if step == 140:
            model.set_filter("status", None)
        cid = rng.randrange(0, 80)
        if rng.random() < 0.3 and cid in rows:
            model.remove(cid)
            del rows[cid]
        else:
            start = rng.randrange(0, 500)
            row = ClaimRow(cid, start, start + rng.randrange(1, 40), rng.choice(STATUSES))
            model.upsert(row)
            rows[cid] = row
        rebuilt = ClaimListModel()
        for key, value in model.filters().items():
            rebuilt.set_filter(key, value)
        rebuilt.set_rows(list(rows.values()))
        assert _state(model) == _state(rebuilt)
        for i in (cid, rng.randrange(0, 80)):
            assert model.get(i) == rows.get(i)
            assert model.row_of(i) == rebuilt.row_of(i)
    assert model.counts() == {s: sum(r.status == s for r in rows.values()) for s in STATUSES}


def test_set_counts_repaints_only_that_article() -> None:
    model = ArticleListModel()
    model.set_articles([ArticleSummary(i, f"T{i}", "", "", "", {"unverified": 1})
                        for i in (1, 2, 3)])  # fmt: skip
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    counts = {"unverified": 1, "corroborated": 2, "contradicted": 0, "inconclusive": 0}
    model.set_counts(2, counts)
    assert changed == [(1, 1)]
    assert model.index(1, 3).data() == progress_text(counts) == "2/3"
    model.set_counts(2, dict(counts))  # the same counts: nothing to repaint
    model.set_counts(99, counts)  # not in the list
    assert changed == [(1, 1)]
    assert model.article_at(0).counts == {"unverified": 1}  # type: ignore[union-attr]


def test_marking_updates_the_list_count_without_a_count_query(
    make_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    session, article = window.session, window.article
    assert session is not None and article is not None
    asked: list[frozenset[int]] = []
    real = session.article_summaries

    def spy(ids: Iterable[int]) -> list[ArticleSummary]:
        asked.append(frozenset(ids))
        return real(ids)

    monkeypatch.setattr(session, "article_summaries", spy)
    text = article.text
    start = text.index("Abu Omar")
    drag_select(qtbot, window.reader, start, start + 8)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    after_the_frame(window)  # the list's counts are drawn right after the mark's frame
    assert all(article.id not in ids for ids in asked)
    stored = queries.article_summaries(session.db, [article.id])[0]
    row = window.navigator.articles.row_of(article.id)
    assert row is not None
    shown = window.navigator.articles.index(row, 3)
    assert shown.data() == progress_text(stored.counts)
    assert sum(stored.counts.values()) == len(window.reader.claim_ids()) >= 1
    qtbot.keyClick(window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    after_the_frame(window)
    stored = queries.article_summaries(session.db, [article.id])[0]
    assert shown.data() == progress_text(stored.counts) and stored.counts["contradicted"] >= 1
