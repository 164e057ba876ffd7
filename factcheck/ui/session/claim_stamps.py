"""When each claim last changed, as this window's own edits left it.

Undoing a mark deletes the claim, so it must be refused when someone else (another
window, the command line, a sync) changed the claim since: deleting would lose their
work. Comparing with the claim's ``updated_at`` just after the mark refused too much:
a verdict given and then undone in this window also moves ``updated_at``, and the
mark could then never be undone.

What this window did to a claim is known: every edit is a command, and the undo
history is a line, so by the time a mark is undone every later command of this window
has been undone too. :class:`ClaimStamps` follows each claim this window marked from
its mark on: its ``updated_at`` after this window's latest command on it. It vouches for
them only while no other connection has written to the project (SQLite's
``data_version``, which counts other connections' commits): as soon as one has, it
forgets them all (a claim it no longer follows is not taken up again), and an undo
falls back to the strict check (the claim exactly as the mark left it).
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.store import Database

_CHUNK = 500  # claim ids read a statement at a time


class ClaimStamps:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._at: dict[int, str] = {}
        self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _current(self) -> bool:
        """Whether nobody else wrote since this window last looked (else forget all)."""
        version = self._data_version()
        if version != self._version:
            self._at.clear()
            self._version = version
            return False
        return True

    def before_edit(self) -> None:
        """Called just before one of this window's commands writes."""
        self._current()

    def follow(self, claim_id: int, stamp: str) -> None:
        """This window's command just made the claim (a mark), stamped ``stamp``."""
        if self._current():
            self._at[claim_id] = stamp

    def after_edit(self, claims: Iterable[int]) -> None:
        """Called just after that command: keep the ``updated_at`` it left on those of
        ``claims`` followed, unless another connection wrote meanwhile."""
        if not self._current():
            return
        ids = [claim_id for claim_id in claims if claim_id in self._at]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found = dict(self._db.execute(
                f"SELECT id, updated_at FROM claims WHERE id IN ({marks})", chunk
            ).fetchall())  # fmt: skip
            for claim_id in chunk:
                stamp = found.get(claim_id)
                if stamp is None:
                    self._at.pop(claim_id, None)
                else:
                    self._at[claim_id] = str(stamp)

    def seen(self, claim_id: int) -> str | None:
        """The claim's ``updated_at`` after this window's latest edit of it, if nobody
        else has written to the project since; None when that cannot be vouched for."""
        if not self._current():
            return None
        return self._at.get(claim_id)
