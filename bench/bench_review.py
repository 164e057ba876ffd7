"""Review window speed, each against a bare floor measured in the same run:

- open a 1 MB article carrying 5,000 claims until it is laid out and painted (every
  part of the window the open changes: reader pane, claim pane, article list), vs a bare
  QTextEdit laying out and painting the same plain text, same font and size (<= 2x);
- mark one claim in that article, from the key press to the end of the frame it causes
  (commit included, then every repaint the window scheduled, whatever it covers;
  p95 < 16 ms), vs a bare sqlite3 INSERT + COMMIT with the project's pragmas (WAL,
  synchronous=FULL) plus a bare repaint of two lines of text (for information); and,
  for information, to the end of the frame after it too (the window leaves the article
  list's counts and the look for the same words elsewhere for right after the mark's
  frame);
- switch articles in a 10,000- and in a 50,000-article project (p95 < 50 ms; same
  painting as opening), vs a bare QTextEdit.setPlainText + paint of the same texts, and
  the 50,000 p95 against the 10,000 one (flat: <= 1.25x), jumps alternating;
- start to first painted window (<= 1.5x), vs a bare PySide6 QMainWindow start, both in
  fresh processes with compiled bytecode cached (as an installed package has it), median
  of several: through the real ``factcheck`` command, and through
  ``factcheck.ui.shell.app.run``; and, for information, start until the project is shown;
- memory: the window's peak with the 1 MB article open, vs a bare QTextEdit holding it.

``--rows=open,arabic,switch,start`` runs only those groups (open: the English open,
mark and memory rows; arabic needs open, which it runs too); all by default.

The window is measured as ``factcheck.ui.shell.app.run`` leaves it once the project is
shown (the long-lived objects frozen out of Python's garbage collector, see
:func:`factcheck.ui.shell.app.freeze_long_lived`).
"""

from __future__ import annotations

import gc
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

from common import arabic_text, article_text, main, p95, row

from factcheck.core.model import ArticleDraft, Status
from factcheck.store import ops

BIG_CHARS = 1_000_000
BIG_CLAIMS = 5_000
ARTICLES = 10_000
BIG_PROJECT = 50_000
OPENS = 7
MARKS = 60
SWITCHES = 60
SWITCH_ROUNDS = 4  # windows opened per project, taking turns
START_RUNS = 7


def _settings_to(folder: Path) -> None:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def _big_project(folder: Path, rng: random.Random, arabic: bool = False) -> tuple[Path, int]:
    from factcheck.store.project import connect

    path = folder / ("big-ar.db" if arabic else "big.db")
    db = connect(path)
    # News text is rarely pure ASCII: typographic quotes take the non-ASCII paths.
    text = arabic_text(rng, BIG_CHARS) if arabic else \
        article_text(rng, BIG_CHARS).replace(" said ", " \u201csaid\u201d ")  # fmt: skip
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


# The process's own peak: VmHWM, the high-water mark of this process's memory. Not
# getrusage's ru_maxrss, which a child inherits across fork and exec from the process
# that started it (the benchmark, holding a 10,000-article project by then), so both
# rows used to read the parent's peak.
_PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_MEM_WINDOW = """
import json, sys
{PEAK}from pathlib import Path
from PySide6.QtWidgets import QApplication
from factcheck.ui.shell.main_window import MainWindow
app = QApplication(sys.argv[:1])
w = MainWindow("bench")
w.resize(1500, 950)
w.load_project(Path(sys.argv[1]))
w.show()
app.processEvents()
w.open_article(int(sys.argv[2]))
w.reader.document().documentLayout().documentSize()  # all of the text laid out
w.repaint()
app.processEvents()
print(json.dumps(peak_mb()))
"""

_MEM_BARE = """
import json, sqlite3, sys
{PEAK}from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication(sys.argv[:1])
text = sqlite3.connect(sys.argv[1]).execute(
    "SELECT text FROM articles WHERE id = ?", (int(sys.argv[2]),)).fetchone()[0]
e = QTextEdit()
e.setReadOnly(True)
e.resize(1000, 900)
e.show()
e.setPlainText(text)
e.document().documentLayout().documentSize()
e.repaint()
app.processEvents()
print(json.dumps(peak_mb()))
"""


def _memory(path: Path, big: int) -> list[dict[str, Any]]:
    """Peak memory of the window showing the 1 MB article with its 5,000 claims, vs a
    bare QTextEdit holding the same text, each in a fresh process."""
    def peak(script: str) -> float:
        out = subprocess.run([sys.executable, "-c", script, str(path), str(big)],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
        return float(json.loads(out.strip().splitlines()[-1]))

    window = peak(_MEM_WINDOW.replace("{PEAK}", _PEAK))
    bare = peak(_MEM_BARE.replace("{PEAK}", _PEAK))
    return [row("memory: window with the 1 MB article and 5,000 claims (peak RSS)", window,
                bare, "MB", "informative", True,
                "floor: a bare QTextEdit with the same text, fresh process each")]  # fmt: skip


def _deferred_deletes() -> None:
    """Delete what ``deleteLater`` left (the previous article's document): a running
    event loop does it at once, ``processEvents`` never does, so without this every
    opened document would stay alive here, laying itself out in the background."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _paint_window(window: Any) -> None:
    """Lay out and paint the whole window now, once (what opening an article changes is
    most of it: text, title, legend, claim list, editor, the article list's selection;
    the toolbar and menus are painted too, which a real frame would skip). The previous
    document is deleted first, as the event loop would. Used where Qt's background
    layout of a long text would otherwise run inside ``processEvents``."""
    from PySide6.QtCore import QCoreApplication, QEvent

    _deferred_deletes()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.repaint()


def _frame(app: Any) -> None:
    """What the event loop does after a user action: posted events (layouts, the repaint
    of every region the action invalidated), due timers, deferred deletes."""
    app.processEvents()
    _deferred_deletes()


def _paint_watch(widget: Any) -> Any:
    """An event filter recording the paint events ``widget`` receives (and where)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QRegion

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.region = QRegion()

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.region = self.region.united(event.region())
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    return watch


def _open_and_mark(folder: Path, rng: random.Random, arabic: bool = False
                   ) -> tuple[list[dict[str, Any]], dict[str, float]]:  # fmt: skip
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QRegion, QTextCursor
    from PySide6.QtWidgets import QApplication, QTextEdit

    from factcheck.ui.reader.typography import reading_font
    from factcheck.ui.session.session import Session
    from factcheck.ui.shell.app import freeze_long_lived, thaw
    from factcheck.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path, big = _big_project(folder, rng, arabic)
    window = MainWindow("bench")
    window.resize(1500, 950)
    window.load_project(path)
    window.show()
    app.processEvents()
    freeze_long_lived()  # as factcheck.ui.shell.app.run does once the project is shown
    small = next(i for i in window.navigator.articles.ids() if i != big)
    text = Session.open(path, "b", seed=False).article(big).text

    def open_big() -> float:
        window.open_article(small)
        _deferred_deletes()
        app.processEvents()
        t0 = time.perf_counter()
        window.open_article(big)
        _paint_window(window)
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
        bare.repaint()
        return time.perf_counter() - t0

    for fn in (open_big, floor):
        fn()  # warm fonts and caches
    opens = [open_big() for _ in range(OPENS)]
    floors = [floor() for _ in range(OPENS)]
    value, base = statistics.median(opens), statistics.median(floors)
    rows = [row("open 1 MB article with 5,000 claims (laid out + painted)", value, base, "s",
                "<= 2x floor", value <= 2 * base,
                f"median of {OPENS}; the whole window laid out and painted once; floor: "
                "bare QTextEdit.setPlainText + paint, same text, font and size (both lay "
                "out the rest of the text later, in Qt's background steps)")]  # fmt: skip

    # Marking: select a span of words, press "mark"; time until the frame is drawn.
    window.open_article(big)
    for edit in (window.reader, bare):  # finish Qt's background layout (long done when a
        edit.document().documentLayout().documentSize()  # reviewer marks a claim), so
    app.processEvents()  # none of its steps lands inside a sample
    watch = _paint_watch(window.reader.viewport())
    marks: list[float] = []
    commands: list[float] = []  # key press until the command is done (no painting yet)
    writes: list[float] = []  # of which the write itself: ops.mark_claim, commit included
    settled: list[float] = []  # to the end of the next frame too (work left for after it)
    write = ops.mark_claim

    def timed_write(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return write(*args, **kwargs)
        finally:
            writes.append(time.perf_counter() - t)

    ops.mark_claim = timed_write  # the undo command calls ops.mark_claim by name
    unpainted = 0
    for _ in range(MARKS):
        start = rng.randrange(0, len(text) - 200)
        start = text.index(" ", start) + 1
        end = text.index(" ", start + 12)
        window.reader.select_cp(start, end)
        app.processEvents()
        cursor = QTextCursor(window.reader.document())
        cursor.setPosition(start + 1)
        where = window.reader.cursorRect(cursor).center()
        watch.region = QRegion()
        t0 = time.perf_counter()
        window.mark_selection()
        commands.append(time.perf_counter() - t0)
        _frame(app)  # commit done; now every repaint the mark scheduled
        marks.append(time.perf_counter() - t0)
        unpainted += not watch.region.contains(where)
        _frame(app)  # what the window left for right after that frame, and its repaint
        settled.append(time.perf_counter() - t0)
    ops.mark_claim = write
    conn = sqlite3.connect(folder / ("floor-ar.db" if arabic else "floor.db"), isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, s INT, e INT, q TEXT)")
    bare.verticalScrollBar().setValue(bare.verticalScrollBar().maximum() // 2)
    app.processEvents()
    strip = QRect(0, 200, bare.viewport().width(), 2 * bare.fontMetrics().lineSpacing())
    inserts: list[float] = []
    for i in range(MARKS):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (a, s, e, q) VALUES (?, ?, ?, ?)", (1, i, i + 20, "x" * 20))
        conn.execute("COMMIT")
        bare.viewport().repaint(strip)
        inserts.append(time.perf_counter() - t0)
    conn.close()
    mark_p95, floor_p95 = p95(marks) * 1000, p95(inserts) * 1000
    rows.append(row("mark one claim in that article (p95, commit + repaint)", mark_p95,
                    floor_p95, "ms", "p95 < 16 ms", mark_p95 < 16.0 and unpainted == 0,
                    f"{MARKS} marks, median {statistics.median(marks) * 1000:.1f} ms; key press "
                    "to end of frame: commit, then every repaint scheduled (reader, claim "
                    f"list, legend, editor); {unpainted} marks not repainted; "
                    "floor (information): bare sqlite3 INSERT + COMMIT, WAL + "
                    "synchronous=FULL, plus a bare repaint of two lines"))  # fmt: skip
    frames = [m - c for m, c in zip(marks, commands, strict=True)]
    write_p95, inserts_p95 = p95(writes) * 1000, p95(inserts) * 1000
    rows.append(row("  of which: the write (ops.mark_claim, WAL commit; p95)", write_p95,
                    inserts_p95, "ms", "informative", True,
                    f"median {statistics.median(writes) * 1000:.1f} ms; the rest of the "
                    f"command (models, list, editor): median "
                    f"{statistics.median(commands) * 1000 - statistics.median(writes) * 1000:.1f}"
                    f" ms; the frame (every repaint): median "
                    f"{statistics.median(frames) * 1000:.1f} ms, p95 {p95(frames) * 1000:.1f} "
                    "ms; to the end of the next frame too (the article list's counts and the "
                    "look for the same words elsewhere, left for right after the mark's "
                    f"frame): median {statistics.median(settled) * 1000:.1f} ms, p95 "
                    f"{p95(settled) * 1000:.1f} ms; floor: the bare INSERT + COMMIT + "
                    "two-line repaint above"))  # fmt: skip
    window.close()
    bare.close()
    thaw()
    memory = [] if arabic else _memory(path, big)
    return rows + memory, {"open": value, "open_floor": base, "mark": mark_p95}


def _arabic_rows(folder: Path, rng: random.Random,
                 english: dict[str, float]) -> list[dict[str, Any]]:  # fmt: skip
    """The open and mark rows again on a 1 MB Arabic article (right to left, so its
    highlights take the glyph-run path), each against the English row of this run."""
    own, arabic = _open_and_mark(folder, rng, arabic=True)
    bare_ar, bare_en = own[0]["floor"], english["open_floor"]
    note = ("1 MB of Arabic with some vowel marks, figures and Latin names, laid out right "
            "to left, 5,000 claims; floor: the same row on the English article, this run. "
            f"For information: a bare QTextEdit lays the Arabic text out in {bare_ar:.3f} s, "
            f"{bare_ar / bare_en:.1f}x the English ({bare_en:.3f} s); against that bare "
            f"floor the window opens Arabic at {arabic['open'] / bare_ar:.1f}x and English at "
            f"{english['open'] / bare_en:.1f}x")
    return [
        row("open 1 MB Arabic article with 5,000 claims (laid out + painted)", arabic["open"],
            english["open"], "s", "<= 1.5x English", arabic["open"] <= 1.5 * english["open"],
            note),
        row("mark one claim in the Arabic article (p95, commit + repaint)", arabic["mark"],
            english["mark"], "ms", "<= 1.5x English", arabic["mark"] <= 1.5 * english["mark"],
            note),
    ]  # fmt: skip


def _grow(db: Any, rng: random.Random, texts: list[str], upto: int) -> None:
    """Import articles until the project has ``upto`` (1,000 per import, as a reviewer's
    batches), a claim on every third article's first lines; ``texts`` gets their texts."""
    first = len(texts)
    for i in range(first, upto, 1000):
        batch = [article_text(rng, rng.randrange(2000, 9000)) for _ in range(1000)]
        texts += batch
        ops.import_articles(db, [ArticleDraft(f"Article {i + k}", t, outlet="Bench")
                                 for k, t in enumerate(batch)], "b")  # fmt: skip
    specs = [ops.ClaimSpec(aid, 10 * k, 10 * k + 8)
             for aid in range(first + 1, upto + 1, 3) for k in range(3)]  # fmt: skip
    ops.mark_claims(db, specs, "b")


def _switch(folder: Path, rng: random.Random) -> list[dict[str, Any]]:
    """Switching in a 10,000- and in a 50,000-article project (the second the first
    grown to 50,000), in rounds that take turns (a window on one project, then one on
    the other, and again) so both see the same load on a shared machine; the floors
    alternate the same way."""
    import shutil

    from PySide6.QtGui import QRegion
    from PySide6.QtWidgets import QApplication, QTextEdit

    from factcheck.store.project import connect
    from factcheck.ui.reader.typography import reading_font
    from factcheck.ui.shell.app import freeze_long_lived, thaw
    from factcheck.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    texts: list[str] = []
    paths = [folder / "many.db", folder / "many-50k.db"]
    db = connect(paths[0])
    _grow(db, rng, texts, ARTICLES)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    shutil.copy(paths[0], paths[1])
    db = connect(paths[1])
    _grow(db, rng, texts, BIG_PROJECT)
    db.close()
    sizes = (ARTICLES, BIG_PROJECT)
    orders = [[rng.randrange(1, n + 1) for _ in range(SWITCHES)] for n in sizes]
    switches: list[list[float]] = [[], []]
    unpainted = [0, 0]
    loads: list[list[float]] = [[], []]
    per_round = SWITCHES // SWITCH_ROUNDS
    size = None
    for step in range(0, SWITCHES, per_round):
        for k, path in enumerate(paths):
            # One window at a time, so each is measured with only its own project in
            # the process (the garbage collector walks everything the process holds).
            window = MainWindow("bench")
            window.resize(1500, 950)
            t0 = time.perf_counter()
            window.load_project(path)
            loads[k].append(time.perf_counter() - t0)
            window.show()
            app.processEvents()
            freeze_long_lived()  # as factcheck.ui.shell.app.run does once the project is shown
            watch = _paint_watch(window.reader.viewport())
            for aid in orders[k][step : step + per_round]:
                watch.region = QRegion()
                t0 = time.perf_counter()
                window.open_article(aid)
                _frame(app)
                switches[k].append(time.perf_counter() - t0)
                unpainted[k] += watch.region.isEmpty()
            size = window.reader.size()
            window.close()
            window.deleteLater()
            _deferred_deletes()
            thaw()
            gc.collect()
    bare = QTextEdit()
    bare.setReadOnly(True)
    bare.setFont(reading_font())
    bare.resize(size)
    bare.show()
    floors: list[list[float]] = [[], []]
    for step in range(SWITCHES):
        for k in (0, 1):
            t0 = time.perf_counter()
            bare.setPlainText(texts[orders[k][step] - 1])
            _frame(app)
            floors[k].append(time.perf_counter() - t0)
    bare.close()
    rows = []
    p95s = [p95(x) * 1000 for x in switches]
    for k, n in enumerate(sizes):
        value, base = p95s[k], p95(floors[k]) * 1000
        rows.append(row(f"switch articles in a {n:,}-article project (p95)", value, base, "ms",
                        "p95 < 50 ms", value < 50.0 and unpainted[k] == 0,
                        f"{SWITCHES} jumps to random articles, median "
                        f"{statistics.median(switches[k]) * 1000:.1f} ms, until the frame is "
                        f"drawn (the article list scrolls to the article); {unpainted[k]} not "
                        f"painted; list of {n:,} loaded with the project in "
                        f"{statistics.median(loads[k]) * 1000:.0f} ms (no article text "
                        "read); floor: bare "
                        "QTextEdit.setPlainText + frame, same font and size; in rounds "
                        f"of {per_round} jumps alternating with the other project's"))  # fmt: skip
    rows.append(row(f"switch p95 at {BIG_PROJECT:,} articles against {ARTICLES:,} (flat)",
                    p95s[1], p95s[0], "ms", "<= 1.25x", p95s[1] <= 1.25 * p95s[0],
                    "the two rows above: floor = the smaller project's p95, same run, "
                    "rounds alternating"))  # fmt: skip
    return rows


_BARE = """
import json, sys, time
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
f = F(); app.installEventFilter(f)
w.show()
app.exec()
"""

_APP = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from factcheck.ui.shell import app as ui_app
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

# The installed ``factcheck`` script, run as it is; an import hook (a plain object on
# sys.meta_path, loading nothing itself: importlib.abc alone costs ~35 ms) has the
# window report its first frame, at the bare window's size.
_ENTRY = """
import importlib.machinery, json, runpy, sys, time

def report():
    print(json.dumps({"paint": time.time()}), flush=True)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    QTimer.singleShot(0, QApplication.quit)

class Hook:
    def find_spec(self, name, path, target=None):
        if name != "factcheck.ui.shell.main_window":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run_module = spec.loader.exec_module
        def exec_module(module):
            run_module(module)
            init = module.MainWindow.__init__
            def __init__(window, *args, **kwargs):
                init(window, *args, **kwargs)
                window.resize(1400, 900)
                window.firstPainted.connect(report)
            module.MainWindow.__init__ = __init__
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Hook())
script = sys.argv[1]
sys.argv = [script, "--db", sys.argv[2]]
runpy.run_path(script, run_name="__main__")
"""


def _start_times(script: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args],
                         capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise RuntimeError(f"start-up run printed no timing: {out.stderr.strip()[-400:]}")
    return {k: v - t0 for k, v in json.loads(line).items()}


def _start(folder: Path) -> list[dict[str, Any]]:
    from factcheck.ui.session.session import Session

    project = folder / "start.db"
    Session.open(project, "b", seed=True).close()  # seeded, as a user's project would be
    entry = Path(sys.executable).with_name("factcheck")
    env = dict(os.environ, FACTCHECK_DATA_DIR=str(folder / "data"),
               FACTCHECK_CONFIG_DIR=str(folder / "config"), XDG_CONFIG_HOME=str(folder),
               PYTHONPYCACHEPREFIX=str(folder / "pycache"))  # fmt: skip
    # An installed package has its bytecode compiled; so does every run here after the
    # first (the same for the bare window, whose PySide6 is compiled already).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    (folder / "config").mkdir(exist_ok=True)
    (folder / "config" / "config.json").write_text('{"reviewer": "bench"}', encoding="utf-8")
    runs: dict[str, tuple[str, list[str]]] = {
        "bare": (_BARE, []), "entry": (_ENTRY, [str(entry), str(project)]),
        "app": (_APP, [str(project)]),
    }  # fmt: skip
    for script, args in runs.values():  # warm the OS file cache and the bytecode cache
        _start_times(script, args, env)
    times: dict[str, list[dict[str, float]]] = {k: [] for k in runs}
    for _ in range(START_RUNS):
        for key, (script, args) in runs.items():
            times[key].append(_start_times(script, args, env))

    def median(key: str, mark: str) -> float:
        return statistics.median(t[mark] for t in times[key])

    b, e, p, s = (median("bare", "paint"), median("entry", "paint"), median("app", "paint"),
                  median("app", "shown"))  # fmt: skip
    note = f"median of {START_RUNS} fresh processes each; floor: bare PySide6 QMainWindow"
    return [
        row("start to first painted window (factcheck command)", e, b, "s", "<= 1.5x floor",
            e <= 1.5 * b, f"{note}; the installed script, with no sub-command"),
        row("start to first painted window (factcheck.ui.shell.app.run)", p, b, "s",
            "<= 1.5x floor", p <= 1.5 * b,
            f"{note}; the project is opened right after this first frame"),
        row("start until the project's articles are shown (for information)", s, b, "s",
            "informative", True,
            "includes importing the store (sqlite-utils) and opening the project"),
    ]  # fmt: skip


GROUPS = ("open", "arabic", "switch", "start")


def _groups() -> set[str]:
    """The row groups asked for (``--rows=open,arabic``); every group by default."""
    asked = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--rows=")]
    if not asked:
        return set(GROUPS)
    wanted = {g.strip() for a in asked for g in a.split(",") if g.strip()}
    unknown = wanted - set(GROUPS)
    if unknown:
        raise SystemExit(f"bench_review.py: --rows: unknown group(s) {', '.join(sorted(unknown))}"
                         f" (known: {', '.join(GROUPS)})")
    return wanted


def run() -> list[dict[str, Any]]:
    groups = _groups()
    rng = random.Random(11)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _settings_to(folder / "qsettings")
        os.environ["FACTCHECK_DATA_DIR"] = str(folder / "data")
        os.environ["FACTCHECK_CONFIG_DIR"] = str(folder / "config")
        if groups & {"open", "arabic"}:
            english_rows, english = _open_and_mark(folder, rng)
            rows += english_rows
            if "arabic" in groups:
                rows += _arabic_rows(folder, rng, english)
        if "switch" in groups:
            rows += _switch(folder, rng)
        if "start" in groups:
            rows += _start(folder)
    return rows


if __name__ == "__main__":
    main(run)
