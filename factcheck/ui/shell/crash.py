"""What happens when something goes wrong inside the window.

An exception escaping a slot reaches ``sys.excepthook``. Ours logs the traceback to the
log folder and shows a one-line message box; the application carries on. A
:class:`FactcheckError` is a message for the user as it stands; anything else is an
internal error whose details go to the log, never to the screen as a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from factcheck import errorlog
from factcheck.errors import FactcheckError
from factcheck.ui.common.messages import show_message


def log_exception(exc: BaseException) -> Path | None:
    """Append the traceback to ``factcheck.log`` in the log folder; its path, or None."""
    return errorlog.log_exception(exc, where="window")


def user_message(exc: BaseException, log: Path | None) -> str:
    if isinstance(exc, FactcheckError):
        return str(exc)
    where = f" Details were written to {log}." if log else ""
    return f"Something went wrong: {type(exc).__name__}: {exc}.{where} Your saved work is safe."


def excepthook(kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:  # fmt: skip
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    log = None if isinstance(exc, FactcheckError) else log_exception(exc)
    parent = QApplication.activeWindow()
    show_message(parent, "factcheck", user_message(exc, log), error=True)


def install() -> None:
    sys.excepthook = excepthook
