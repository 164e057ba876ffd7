"""Work that can wait one frame: run right after the window has drawn what a change
shows, not inside that frame.

A mark is seen where the reviewer looks: the highlight in the text, the new row of the
claim list, the editor. Other panes change too (the article list's counts) and a look
for the same words in other articles follows; done inside the frame, they delayed the
highlight by their cost. Deferred here, they run on the event loop's next turn after
the frame, and draw in a frame of their own a moment later.

How "after the frame": Qt posts a window's repaint at low priority; an event posted at
an even lower one is delivered after it (whatever was posted first), and starts a zero
timer there, so the work runs on a later turn than the frame's painting. Work deferred
again before it ran replaces the pending work of the same key (the latest counts win).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer

_AFTER_REPAINTS = int(Qt.EventPriority.LowEventPriority.value) - 1
_EVENT = QEvent.Type(QEvent.registerEventType())


class AfterFrame(QObject):
    """Runs deferred callables once the frame the current change causes is drawn."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._posted = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def defer(self, key: Hashable, work: Callable[[], object]) -> None:
        """Run ``work`` after the coming frame (replacing pending work of ``key``)."""
        self._pending.pop(key, None)  # the latest comes last, as it was asked
        self._pending[key] = work
        if not self._posted and not self._timer.isActive():
            self._posted = True
            QCoreApplication.postEvent(self, QEvent(_EVENT), _AFTER_REPAINTS)

    def pending(self) -> bool:
        return bool(self._pending)

    def event(self, event: QEvent) -> bool:
        if event.type() == _EVENT:
            self._posted = False
            if self._pending:
                self._timer.start()  # the frame is drawn: the work on the next turn
            return True
        return super().event(event)

    def flush(self) -> None:
        """Run every pending callable now, in the order they were deferred."""
        self._timer.stop()
        while self._pending:
            key = next(iter(self._pending))
            self._pending.pop(key)()
