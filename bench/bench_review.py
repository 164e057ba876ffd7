"""Review window speed, each against a bare floor measured in the same run:

- open a 1 MB article carrying 5,000 claims until the reader and claim list are laid out
  and painted, vs a bare QTextEdit laying out and painting the same text (<= 2x);
- mark one claim in that article, commit and repaint included (p95 < 16 ms), vs a bare
  sqlite3 INSERT + commit with the project's pragmas (WAL, synchronous=FULL);
- switch articles in a 10,000-article project (p95 < 50 ms), vs a bare
  QPlainTextEdit.setPlainText + paint of the same texts;
- start to first painted window (<= 1.5x), vs a bare PySide6 QMainWindow start, both in
  fresh processes (median of several); and, for information, start until the project's
  articles are on screen.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, main, p95, row

from factcheck.core.model import ArticleDraft, Status
from factcheck.store import ops

BIG_CHARS = 1_000_000
BIG_CLAIMS = 5_000
ARTICLES = 10_000
START_RUNS = 5


def _settings_to(folder: Path) -> None:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _big_project(folder: Path, rng: random.Random) -> tuple[Path, int]:
    from factcheck.store.project import connect

    path = folder / "big.db"
    db = connect(path)
    text = article_text(rng, BIG_CHARS)
    drafts = [ArticleDraft("Big article", text), ArticleDraft("Small article", text[:3000])]
    imported, _ = ops.import_articles(db, drafts, "b")
    big = imported[0].article_id
    step = len(text) // BIG_CLAIMS
    specs = []
    for i in range(BIG_CLAIMS):
        start = i * step + rng.randrange(0, step // 2)
        tags = ("numbers",) if i % 5 == 0 else ()
        specs.append(ops.ClaimSpec(big, start, start + rng.randrange(10, 120),
                                   list(Status)[i % 4], tags))
    ops.mark_claims(db, specs, "b")
    db.close()
    return path, big


def _paint(widget: Any) -> None:
    widget.viewport().repaint()


def _open_and_mark(folder: Path, rng: random.Random) -> list[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication, QTextEdit

    from factcheck.ui.main_window import MainWindow
    from factcheck.ui.reader import reading_font
    from factcheck.ui.session import Session

    app = QApplication.instance() or QApplication([])
    path, big = _big_project(folder, rng)
    window = MainWindow("bench")
    window.resize(1500, 950)
    window.load_project(path)
    window.show()
    app.processEvents()
    small = next(i for i in window.navigator.articles.ids() if i != big)
    text = Session.open(path, "b", seed=False).article(big).text

    def open_big() -> float:
        window.open_article(small)
        app.processEvents()
        t0 = time.perf_counter()
        window.open_article(big)
        _paint(window.reader)
        _paint(window.claim_pane.view)
        return time.perf_counter() - t0

    bare = QTextEdit()
    bare.setReadOnly(True)
    bare.setFont(reading_font())
    bare.resize(window.reader.size())
    bare.show()

    def floor() -> float:
        bare.setPlainText("")
        app.processEvents()
        t0 = time.perf_counter()
        bare.setPlainText(text)
        _paint(bare)
        return time.perf_counter() - t0

    for fn in (open_big, floor):
        fn()  # warm fonts and caches
    opens = [open_big() for _ in range(5)]
    floors = [floor() for _ in range(5)]
    value, base = statistics.median(opens), statistics.median(floors)
    rows = [row("open 1 MB article with 5,000 claims (laid out + painted)", value, base, "s",
                "<= 2x floor", value <= 2 * base,
                "reader + claim list; floor: bare QTextEdit.setPlainText + paint, same font "
                "and size; highlights are formatted per paragraph as painted")]  # fmt: skip

    # Marking: select a span away from existing claims' starts, press "mark".
    window.open_article(big)
    marks: list[float] = []
    for _ in range(40):
        start = rng.randrange(0, len(text) - 200)
        start = text.index(" ", start) + 1
        end = text.index(" ", start + 12)
        window.reader.select_cp(start, end)
        app.processEvents()
        t0 = time.perf_counter()
        window.mark_selection()
        _paint(window.reader)
        marks.append(time.perf_counter() - t0)
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, s INT, e INT, q TEXT)")
    inserts: list[float] = []
    for i in range(40):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (a, s, e, q) VALUES (?, ?, ?, ?)", (1, i, i + 20, "x" * 20))
        conn.execute("COMMIT")
        inserts.append(time.perf_counter() - t0)
    conn.close()
    mark_p95, floor_p95 = p95(marks) * 1000, p95(inserts) * 1000
    rows.append(row("mark one claim in that article (p95, commit + repaint)", mark_p95,
                    floor_p95, "ms", "p95 < 16 ms", mark_p95 < 16.0,
                    f"median {statistics.median(marks) * 1000:.1f} ms; floor: bare sqlite3 "
                    "INSERT + COMMIT, WAL + synchronous=FULL"))  # fmt: skip
    window.close()
    bare.close()
    return rows


def _switch(folder: Path, rng: random.Random) -> list[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from factcheck.store.project import connect
    from factcheck.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = folder / "many.db"
    db = connect(path)
    texts = [article_text(rng, rng.randrange(2000, 9000)) for _ in range(ARTICLES)]
    drafts = [ArticleDraft(f"Article {i}", t, outlet="Bench") for i, t in enumerate(texts)]
    for i in range(0, ARTICLES, 1000):
        ops.import_articles(db, drafts[i : i + 1000], "b")
    specs = [ops.ClaimSpec(aid, 10 * k, 10 * k + 8) for aid in range(1, ARTICLES + 1, 3)
             for k in range(3)]  # fmt: skip
    ops.mark_claims(db, specs, "b")
    db.close()
    window = MainWindow("bench")
    window.resize(1500, 950)
    t0 = time.perf_counter()
    window.load_project(path)
    load = time.perf_counter() - t0
    window.show()
    app.processEvents()
    order = [rng.randrange(1, ARTICLES + 1) for _ in range(60)]
    switches: list[float] = []
    for aid in order:
        t0 = time.perf_counter()
        window.open_article(aid)
        _paint(window.reader)
        switches.append(time.perf_counter() - t0)
    bare = QPlainTextEdit()
    bare.resize(window.reader.size())
    bare.show()
    floors: list[float] = []
    for aid in order:
        t0 = time.perf_counter()
        bare.setPlainText(texts[aid - 1])
        _paint(bare)
        floors.append(time.perf_counter() - t0)
    window.close()
    bare.close()
    value, base = p95(switches) * 1000, p95(floors) * 1000
    return [row("switch articles in a 10,000-article project (p95)", value, base, "ms",
                "p95 < 50 ms", value < 50.0,
                f"list of {ARTICLES:,} loaded with the project in {load * 1000:.0f} ms (no "
                "article text read); floor: bare QPlainTextEdit.setPlainText + paint")]  # fmt: skip


_BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1400, 900)
class F(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, lambda: (print(json.dumps({"paint": time.time()})), app.quit()))
        return False
import json
f = F(); app.installEventFilter(f)
w.show()
app.exec()
"""

_APP = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from factcheck.ui import app as ui_app
marks = {}
def hook(window):
    window.resize(1400, 900)
    window.firstPainted.connect(lambda: marks.setdefault("paint", time.time()))
    def shown():
        window.repaint()
        marks["shown"] = time.time()
        print(json.dumps(marks))
        QTimer.singleShot(0, QApplication.quit)
    window.projectShown.connect(shown)
ui_app.run(Path(sys.argv[1]), "bench", on_window=hook)
"""


def _start_times(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args],
                         capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("{"))
    return {k: v - t0 for k, v in json.loads(line).items()}


def _start(folder: Path) -> list[dict[str, Any]]:
    from factcheck.ui.session import Session

    project = folder / "start.db"
    Session.open(project, "b", seed=True).close()  # seeded, as a user's project would be
    env = dict(os.environ, FACTCHECK_DATA_DIR=str(folder / "data"),
               FACTCHECK_CONFIG_DIR=str(folder / "config"), XDG_CONFIG_HOME=str(folder))
    (folder / "config").mkdir(exist_ok=True)
    (folder / "config" / "config.json").write_text('{"reviewer": "bench"}', encoding="utf-8")
    _start_times(_BARE, [], env)  # warm the OS file cache
    _start_times(_APP, [str(project)], env)
    bare, paint, shown = [], [], []
    for _ in range(START_RUNS):
        bare.append(_start_times(_BARE, [], env)["paint"])
        app = _start_times(_APP, [str(project)], env)
        paint.append(app["paint"])
        shown.append(app["shown"])
    b, p, s = (statistics.median(x) for x in (bare, paint, shown))
    return [
        row("start to first painted window", p, b, "s", "<= 1.5x floor", p <= 1.5 * b,
            f"median of {START_RUNS} fresh processes each; floor: bare PySide6 QMainWindow; "
            "the project is opened right after this first frame"),
        row("start until the project's articles are shown (for information)", s, b, "s",
            "<= 1.5x floor", s <= 1.5 * b,
            "includes importing the store (sqlite-utils, ~0.1 s alone) and opening the "
            "project; the factcheck command also imports it before the window starts"),
    ]  # fmt: skip


def run() -> list[dict[str, Any]]:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _settings_to(folder / "qsettings")
        os.environ["FACTCHECK_DATA_DIR"] = str(folder / "data")
        os.environ["FACTCHECK_CONFIG_DIR"] = str(folder / "config")
        rows = _open_and_mark(folder, rng)
        rows += _switch(folder, rng)
        rows += _start(folder)
    return rows


if __name__ == "__main__":
    main(run)
