"""The item models, without views: the article list never reads article text; the
claim list filters by status and tag and updates one row at a time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from factcheck.core.model import ArticleSummary, SearchHit, Status
from factcheck.ui.articles.article_list import (
    COUNTS_ROLE,
    PROGRESS,
    ArticleListModel,
    ProgressDelegate,
    TextDelegate,
    progress_text,
)
from factcheck.ui.articles.navigator import SearchResultsModel, snippet_html
from factcheck.ui.claims.claim_model import COLUMNS, FILTERS, ClaimListModel
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.session.session import Session


def test_article_list_reads_no_article_text(tmp_path: Path) -> None:
    session = Session.open(tmp_path / "p.db", "t", seed=True)
    statements: list[str] = []
    session.db.conn.set_trace_callback(statements.append)
    model = ArticleListModel()
    model.set_articles(session.articles())
    model.update(session.article_summaries([2]))
    session.db.conn.set_trace_callback(None)
    assert model.rowCount() == 5
    assert statements and not any("text" in s.lower().split("from")[0] for s in statements)
    session.close()


def test_article_list_model(qtmodeltester: ModelTester) -> None:
    model = ArticleListModel()
    rows = [ArticleSummary(i, f"Title {i}", "Outlet", "2016-10-08", "",
                           {"unverified": i, "corroborated": 1}) for i in range(1, 4)]  # fmt: skip
    model.set_articles(rows)
    qtmodeltester.check(model)
    assert model.index(1, 3).data() == "1/3"
    assert model.index(1, 3).data(COUNTS_ROLE)["unverified"] == 2
    assert model.update([ArticleSummary(2, "Renamed", "", "", "", {})])
    assert model.index(1, 0).data() == "Renamed"
    assert not model.update([ArticleSummary(99, "x", "", "", "", {})])
    assert progress_text({}) == "–"


def test_article_list_paints_what_the_model_displays(qtbot: QtBot) -> None:
    """The list's cells are painted from the model's rows, not through data(): what a
    cell paints is what its DisplayRole says, in every column."""
    from PySide6.QtWidgets import QTableView

    model = ArticleListModel()
    model.set_articles([ArticleSummary(i, f"Title {i}", f"Outlet {i}", f"2016-10-0{i}T12:00",
                                       "", {"unverified": i}, language="ar" if i == 2 else "")
                        for i in range(1, 4)])  # fmt: skip
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = TextDelegate(model, view)
    painted = [[(delegate.cell(model.index(r, c)) or ("?", None))[0]
                for c in range(model.columnCount())] for r in range(model.rowCount())]
    shown = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]  # fmt: skip
    assert painted == shown and painted[1][:3] == ["Title 2", "Outlet 2", "2016-10-02"]
    assert delegate.cell(model.createIndex(5, 0)) is None  # a row past the end


def test_the_progress_cell_shows_counts_of_four_digits_whole(qtbot: QtBot) -> None:
    """"3750/5003" used to be drawn right-aligned in the width of "000/000", so its
    first digits were cut off ("50/5003"); the text now gets the width it needs."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    class Recording(QPainter):
        def __init__(self, image: QImage) -> None:
            super().__init__(image)
            self.texts: list[tuple[QRect, str]] = []

        def drawText(self, *args: object) -> None:  # type: ignore[override]
            rect, _flags, text = args
            assert isinstance(rect, QRect) and isinstance(text, str)
            self.texts.append((QRect(rect), text))

    model = ArticleListModel()
    model.set_articles([ArticleSummary(1, "Long", "", "", "",
                                       {"corroborated": 3750, "unverified": 1253}),
                        ArticleSummary(2, "Short", "", "", "", {"unverified": 3})])  # fmt: skip
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ProgressDelegate(view, model)
    image = QImage(400, 40, QImage.Format.Format_ARGB32)
    for row, expected in ((0, "3750/5003"), (1, "0/3")):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = QRect(0, 0, 300, 20)
        painter = Recording(image)
        delegate.paint(painter, option, model.index(row, PROGRESS))
        painter.end()
        ((rect, text),) = painter.texts
        assert text == expected
        assert rect.width() >= option.fontMetrics.horizontalAdvance(text)


def _rows() -> list[ClaimRow]:
    return [
        ClaimRow(3, 50, 60, "corroborated", ("numbers",), "3,000 volunteers"),
        ClaimRow(1, 0, 10, "unverified", (), "The White"),
        ClaimRow(2, 5, 30, "contradicted", ("Numbers", "quotes"), "Helmets comprise"),
    ]


def test_claim_list_order_filters_and_updates(qtmodeltester: ModelTester) -> None:
    model = ClaimListModel()
    model.set_rows(_rows())
    qtmodeltester.check(model)
    assert [model.row_at(i).id for i in range(3)] == [1, 2, 3]  # type: ignore[union-attr]
    assert [c.header for c in COLUMNS][:2] == ["Claim", "Verdict"]
    assert model.index(2, 2).data() == "numbers"
    model.set_filter("status", Status.CONTRADICTED.value)
    assert model.rowCount() == 1 and model.row_at(0).id == 2  # type: ignore[union-attr]
    model.set_filter("status", None)
    model.set_filter("tag", "numbers")  # case-insensitive
    assert [model.row_at(i).id for i in range(model.rowCount())] == [2, 3]  # type: ignore[union-attr]
    model.upsert(ClaimRow(4, 1, 2, "unverified", ("numbers",), "h"))
    assert model.row_of(4) == 0
    model.upsert(ClaimRow(2, 5, 30, "contradicted", (), "Helmets comprise"))  # tag removed
    assert model.row_of(2) is None and model.get(2) is not None
    model.remove(3)
    assert model.rowCount() == 1 and len(model.all_rows()) == 3
    assert model.counts() == {"unverified": 2, "corroborated": 0, "contradicted": 1,
                              "inconclusive": 0}  # fmt: skip
    assert {f.key for f in FILTERS} == {"status", "tag", "placement"}
    model.set_filter("tag", None)
    qtmodeltester.check(model)
    assert model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None


def test_search_results_model(qtmodeltester: ModelTester) -> None:
    model = SearchResultsModel()
    model.set_hits([SearchHit("article", 1, None, "A <b> title", "…the [White] Helmets…")])
    qtmodeltester.check(model)
    html = model.index(0, 0).data()
    assert "A &lt;b&gt; title" in html and "<b>White</b>" in html
    assert snippet_html("a [b] <c>") == "a <b>b</b> &lt;c&gt;"
