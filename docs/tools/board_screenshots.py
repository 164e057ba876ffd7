"""Screenshots of the figures board, light and dark, a series, and with an Arabic
article among the columns (in the usual layout and mirrored right to left)
(docs/screenshots/figures-board-*.png).

Run under a real X server so fonts and shaping are those a desktop has, e.g.:

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/board_screenshots.py OUT

It works on a throw-away project and settings in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-board-"))
    os.environ["FACTCHECK_DATA_DIR"] = str(tmp / "data")
    os.environ["FACTCHECK_CONFIG_DIR"] = str(tmp / "config")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
    app = QApplication(sys.argv[:1])
    from factcheck import config
    from factcheck.core.model import ArticleDraft
    from factcheck.store import importer, ops, queries
    from factcheck.store.project import connect
    from factcheck.ui.shell.main_window import MainWindow

    config.save(config.Config(reviewer="Tess Tester"))

    def settle(ms: int = 200) -> None:
        end = time.time() + ms / 1000
        while time.time() < end:
            app.processEvents()

    def shoot(w: MainWindow, name: str) -> None:
        settle()
        w.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    for scheme in ("light", "dark"):
        w = MainWindow("Tess Tester")
        w.resize(1400, 880)
        w.load_project(tmp / f"{scheme}.db", seed=True)
        w.show()
        settle()
        w.apply_scheme(scheme)
        w.figures.show_board()
        settle()
        board = w.figures_board
        row = next(r for r in range(board.model.rowCount())
                   if "members" in (board.model.row_at(r).label))  # type: ignore[union-attr]
        board._go_to_row(row)
        col = next(c for c in range(board.model.columnCount())
                   if board.model.data(board.model.index(row, c), Qt.ItemDataRole.UserRole + 2))
        board.grid.setCurrentIndex(board.model.index(row, col))
        shoot(w, f"figures-board-{scheme}")
        series = next(r for r in range(board.model.rowCount())
                      if "lives saved" in board.model.row_at(r).label)  # type: ignore[union-attr]
        board._go_to_row(series)
        shoot(w, f"figures-board-series-{scheme}")
        w.close()
        settle()

    # An Arabic article among the samples: its figures join no fact by themselves (no
    # Arabic word lists), so the reviewer moves them into the facts (Move Figure To…);
    # the board then has an Arabic column. Shot in the usual layout, then mirrored.
    path = tmp / "ar.db"
    db = connect(path)
    importer.ensure_seeded(db, "Tess")
    text = (ROOT / "tests" / "data" / "languages" / "ar.txt").read_text(encoding="utf-8")
    (imp,), _ = ops.import_articles(db, [ArticleDraft(text.split("\n")[0], text,
                                                      outlet="عينة", published="2018-07-23")],
                                    "Tess")  # fmt: skip
    ops.update_figures(db)
    facts = {r.measure: r.key for r in queries.list_facts(db)}
    for s in queries.figures_for_article(db, imp.article_id):
        to = {"count": facts.get("size members"), "year": facts.get("founded")}.get(s.figure.kind)
        if to:
            ops.move_figure(db, s.id, to, "Tess")
    db.conn.close()
    for name, direction in (("figures-board-arabic", Qt.LayoutDirection.LeftToRight),
                            ("figures-board-rtl", Qt.LayoutDirection.RightToLeft)):
        app.setLayoutDirection(direction)
        w = MainWindow("Tess Tester")
        w.resize(1400, 880)
        w.load_project(path, seed=True)
        w.show()
        settle()
        w.apply_scheme("light")
        w.open_article(imp.article_id)
        w.figures.show_board()
        board = w.figures_board
        row = next(r for r in range(board.model.rowCount())
                   if "members" in board.model.row_at(r).label)  # type: ignore[union-attr]
        col = board.model.column_of(imp.article_id)
        if col is not None:
            board.grid.setCurrentIndex(board.model.index(row, col))
            board.grid.scrollTo(board.model.index(row, col))
        shoot(w, name)
        w.close()
        settle()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
