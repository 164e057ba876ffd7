"""What each part of the session (suggestion, figure and curation edits) uses of the
:class:`~factcheck.ui.session.session.Session` it is mixed into, declared once for the
type checker: the project, the reviewer, the failure signal and the command runner."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from factcheck.store.ops import Change
    from factcheck.ui.session.claim_stamps import ClaimStamps
    from factcheck.ui.session.commands import OpCommand


class SessionPart:
    if TYPE_CHECKING:  # the Session's
        db: Database
        reviewer: str
        stamps: ClaimStamps
        failed: SignalInstance

        def command_failed(self, message: str) -> None: ...
        def notify(self, change: Change, focus: int | None = None) -> None: ...
        def run(self, command: OpCommand) -> Change | None: ...
