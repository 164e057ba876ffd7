"""Work left for after the frame: not run inside the call that leaves it, run once the
event loop has turned, each key once (the latest work of a key replaces the earlier),
in the order the keys were last asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcheck.ui.common.after_frame import AfterFrame


def _turn_until_done(later: AfterFrame) -> None:
    for _ in range(20):
        if not later.pending():
            return
        QApplication.processEvents()
    raise AssertionError("the deferred work never ran")


def test_deferred_work_runs_after_the_event_loop_turns_the_latest_of_each_key(
    qtbot: QtBot,
) -> None:
    later = AfterFrame()
    ran: list[str] = []
    later.defer("counts", lambda: ran.append("counts 1"))
    later.defer("offer", lambda: ran.append("offer"))
    later.defer("counts", lambda: ran.append("counts 2"))
    assert ran == [] and later.pending()
    _turn_until_done(later)
    assert ran == ["offer", "counts 2"]
    later.defer("counts", lambda: ran.append("counts 3"))  # and again, later on
    _turn_until_done(later)
    assert ran == ["offer", "counts 2", "counts 3"]


def test_flush_runs_what_is_pending_at_once(qtbot: QtBot) -> None:
    later = AfterFrame()
    ran: list[int] = []
    later.defer(1, lambda: ran.append(1))
    later.flush()
    assert ran == [1] and not later.pending()
    QApplication.processEvents()
    QApplication.processEvents()
    assert ran == [1]  # nothing runs twice
