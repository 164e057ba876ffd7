"""Undo and redo of every kind of edit restore the project exactly.

"Exactly" means every row of claims, tags, claim tags and evidence, ids included; only
``updated_at`` (when the claim last changed: an undo is a change) and the append-only
history may differ. Commands are driven through the session and its bare QUndoStack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.model import Relation, Status
from factcheck.ui.session.session import Session

Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(session: Session) -> Snapshot:
    db = session.db
    cols = [r[1] for r in db.execute("PRAGMA table_info(claims)").fetchall()
            if r[1] != "updated_at"]  # fmt: skip
    quoted = ", ".join(f'"{c}"' for c in cols)
    return {
        "claims": db.execute(f"SELECT {quoted} FROM claims ORDER BY id").fetchall(),
        "tags": db.execute("SELECT * FROM tags ORDER BY id").fetchall(),
        "claim_tags": db.execute("SELECT * FROM claim_tags ORDER BY 1, 2").fetchall(),
        "evidence": db.execute("SELECT * FROM evidence ORDER BY id").fetchall(),
    }


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.open(tmp_path / "p.db", "Tess", seed=True)
    yield s
    s.close()


def _claims(session: Session) -> tuple[int, int]:
    a = session.mark(1, 4, 17)
    b = session.mark(2, 0, 10)
    assert a is not None and b is not None
    session.undo_stack.clear()
    return a, b


EDITS: dict[str, Callable[[Session, int, int], None]] = {
    "mark": lambda s, a, b: s.mark(1, 30, 45) and None,
    "delete": lambda s, a, b: s.delete_claim(a),
    "status": lambda s, a, b: s.set_status(a, Status.CONTRADICTED),
    "note": lambda s, a, b: s.set_note(a, "checked the registry"),
    "new tag": lambda s, a, b: s.add_tag(a, "numbers"),
    "link": lambda s, a, b: s.link(a, b, Relation.CORROBORATES),
    "source": lambda s, a, b: s.add_source(a, "https://example.org/r", title="Registry",
                                           quote="3,000", accessed="2024-05-01"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_undo_and_redo_restore_the_database(session: Session, kind: str) -> None:
    a, b = _claims(session)
    before = snapshot(session)
    EDITS[kind](session, a, b)
    after = snapshot(session)
    assert after != before
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert snapshot(session) == before
    session.undo_stack.redo()
    assert snapshot(session) == after
    session.undo_stack.undo()
    assert snapshot(session) == before


def test_undo_restores_removed_tag_and_evidence_and_deleted_links(session: Session) -> None:
    a, b = _claims(session)
    session.add_tag(a, "numbers")
    session.link(a, b, Relation.CONTRADICTS)
    (ev,) = session.evidence(a)
    before = snapshot(session)
    session.remove_tag(a, "numbers")
    session.remove_evidence(ev.id, a)
    session.delete_claim(b)
    assert snapshot(session) != before
    for _ in range(3):
        session.undo_stack.undo()
    assert snapshot(session) == before
    # The link shows on both ends again.
    assert [e.id for e in session.evidence(b)] == [ev.id]


def test_existing_tag_is_kept_when_adding_it_is_undone(session: Session) -> None:
    a, b = _claims(session)
    session.add_tag(b, "numbers")
    before = snapshot(session)
    session.add_tag(a, "numbers")
    session.undo_stack.undo()
    assert snapshot(session) == before
    assert [t.name for t in session.tags()] == ["numbers"]


def test_consecutive_note_edits_are_one_undo_step(session: Session) -> None:
    a, _b = _claims(session)
    session.set_note(a, "first")
    session.set_note(a, "first draft")
    session.set_note(a, "first draft done")
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Edit note"
    session.undo_stack.undo()
    claim = session.claim(a)
    assert claim is not None and claim.note == ""


def test_refused_edit_pushes_nothing_and_says_why(session: Session) -> None:
    messages: list[str] = []
    session.failed.connect(messages.append)
    assert session.mark(1, 10, 10_000_000) is None
    assert session.undo_stack.count() == 0
    assert messages and "outside article 1" in messages[0]


def test_undo_of_an_edit_overtaken_elsewhere_reports_and_clears(session: Session,
                                                               qtbot: Any) -> None:  # fmt: skip
    from factcheck.store import ops

    a, _b = _claims(session)
    session.set_status(a, Status.CORROBORATED)
    ops.delete_claim(session.db, a, "someone else")  # e.g. from the command line
    messages: list[str] = []
    session.failed.connect(messages.append)
    session.undo_stack.undo()
    assert messages and "no claim" in messages[0]
    qtbot.waitUntil(lambda: session.undo_stack.count() == 0)


def test_redo_after_undo_keeps_ids_stable(session: Session) -> None:
    cid = session.mark(1, 30, 45)
    session.undo_stack.undo()
    assert session.claim(cid) is None  # type: ignore[arg-type]
    session.undo_stack.redo()
    restored = session.claim(cid)  # type: ignore[arg-type]
    assert restored is not None and restored.start == 30


def test_undoing_the_delete_of_a_linked_claim_brings_the_link_back(session: Session) -> None:
    """Deleting a claim takes its links with it; undo must put them back on both ends."""
    a, b = _claims(session)
    session.add_tag(b, "numbers")
    session.link(a, b, Relation.CONTRADICTS)
    (ev,) = session.evidence(a)
    before = snapshot(session)
    session.delete_claim(b)
    assert session.evidence(a) == []
    session.undo_stack.undo()
    assert snapshot(session) == before
    assert [e.id for e in session.evidence(a)] == [ev.id]
    assert [e.id for e in session.evidence(b)] == [ev.id]
