"""Sync through changeset files: identity across copies, each conflict kind queued with
both values, files applied once each, bad files refused without touching the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.store import importer, ops, queries
from factcheck.store.project import connect
from factcheck.store.sync import folder
from factcheck.store.sync.service import export_to
from tests.conftest import REPO
from tests.store.sync_desk import Reviewer, copies, mentions


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A project with the sample articles and two claims, exported to the shared folder
    (so every copy starts from the same synced state, as the README says) and closed."""
    path = tmp_path / "origin.factcheck"
    db = connect(path)
    importer.import_paths(db, [REPO / "seeds"], "alice")
    ops.mark_quote(db, 1, "White Helmets", "alice")
    ops.mark_quote(db, 2, "volunteer", "alice", status="corroborated", tags=["figures"])
    export_to(db, tmp_path / "shared", "alice")
    db.close()
    return path


@pytest.fixture
def desk(origin: Path, tmp_path: Path) -> list[Reviewer]:
    return copies(origin, ["alice", "bob", "carol"], tmp_path / "shared")


def test_claims_made_offline_with_the_same_local_id_both_arrive(desk: list[Reviewer]) -> None:
    alice, bob, _ = desk
    a = ops.mark_quote(alice.db, 3, "Syria", "alice", note="alice's").created_id
    b = ops.mark_quote(bob.db, 4, "Syria", "bob", note="bob's").created_id
    assert a == b == 3  # the same integer id, handed out independently
    for r in (alice, bob, alice, bob):
        r.sync()
    for r in (alice, bob):
        notes = {c.note for c in queries.all_claims(r.db)}
        assert {"alice's", "bob's"} <= notes
        assert len({c.gid for c in queries.all_claims(r.db)}) == 4
    # the claim keeps its global id everywhere; local ids may differ
    gid = alice.gid(a)
    assert bob.claim_row(gid)["note"] == "alice's"  # type: ignore[index]


def test_a_verdict_both_changed_is_queued_with_both_values(desk: list[Reviewer]) -> None:
    alice, bob, carol = desk
    gid = alice.gid(1)
    ops.set_status(alice.db, 1, "contradicted", "alice")
    ops.set_status(bob.db, 1, "corroborated", "bob")
    for r in (alice, bob, carol, alice, bob, carol):
        r.sync()
    for r in desk:
        (c,) = [c for c in r.conflicts(gid) if c["field"] == "status"]
        assert {c["local"], c["incoming"]} == {"contradicted", "corroborated"}
        verdicts = {v.reviewer: v.status.value for v in queries.reviewer_verdicts(r.db)[1]}
        assert verdicts == {"alice": "contradicted", "bob": "corroborated"}
    # adjudicating on one copy settles it on all of them
    ops.adjudicate(carol.db, carol.claim_id(gid), "contradicted", "carol", "the census")  # type: ignore[arg-type]
    for r in (carol, alice, bob, alice):
        r.sync()
    for r in desk:
        row = r.claim_row(gid)
        assert row is not None
        assert (row["status"], row["adjudicated_by"], row["adjudication_note"]) == (
            "contradicted", "carol", "the census")  # fmt: skip
        assert not [c for c in r.conflicts(gid) if c["status"] == "open"]


def test_agreeing_edits_are_no_conflict(desk: list[Reviewer]) -> None:
    alice, bob, _ = desk
    for r in (alice, bob):
        ops.set_note(r.db, 1, "same words", r.name)
        ops.add_tag(r.db, 1, "Figures", r.name)
    for r in (alice, bob, alice, bob):
        r.sync()
    for r in (alice, bob):
        assert r.conflicts() == []
        assert queries.get_claim(r.db, 1).tags == ("figures",)  # one tag, by name


def test_notes_edited_on_both_sides(desk: list[Reviewer]) -> None:
    alice, bob, _ = desk
    gid = alice.gid(2)
    ops.set_note(alice.db, 2, "alice says", "alice")
    ops.set_note(bob.db, 2, "bob says", "bob")
    ops.set_status(bob.db, 1, "inconclusive", "bob")  # an edit elsewhere merges
    for r in (bob, alice, bob, alice):
        r.sync()
    assert alice.claim_row(gid)["note"] == "alice says"  # type: ignore[index]
    assert bob.claim_row(gid)["note"] == "bob says"  # type: ignore[index]
    for r in (alice, bob):
        (c,) = r.conflicts(gid)
        assert c["field"] == "note" and {c["local"], c["incoming"]} == {"alice says", "bob says"}
        assert queries.get_claim(r.db, 1).status.value == "inconclusive"
    # keeping the other side writes it; once bob sees alice took his note, his copy of
    # the conflict is settled too
    (conflict,) = queries.conflicts(alice.db)
    ops.resolve_conflict(alice.db, conflict.id, "incoming", "alice")
    assert alice.claim_row(gid)["note"] == "bob says"  # type: ignore[index]
    assert queries.conflicts(alice.db) == []
    assert len(queries.conflicts(bob.db)) == 1
    alice.sync()
    bob.sync()
    assert queries.conflicts(bob.db) == []
    settled = queries.conflicts(bob.db, include_resolved=True)[0]
    assert settled.resolution == "both copies agree now"


def test_deleted_on_one_side_edited_on_the_other(desk: list[Reviewer]) -> None:
    alice, bob, carol = desk
    gid = alice.gid(2)
    ops.delete_claim(alice.db, 2, "alice")
    ops.set_note(bob.db, 2, "keep this", "bob")
    for r in (alice, bob, carol, alice, bob, carol):
        r.sync()
    # alice deleted it: bob's edit is queued there, not lost
    assert alice.claim_row(gid) is None
    assert any(c["kind"] == "deleted here" and mentions(c["incoming"], "keep this")
               for c in alice.conflicts(gid))  # fmt: skip
    # bob edited it: alice's delete does not silently remove his work
    assert bob.claim_row(gid)["note"] == "keep this"  # type: ignore[index]
    assert any(c["kind"] == "deleted there" for c in bob.conflicts(gid))


def test_a_span_is_one_unit(desk: list[Reviewer]) -> None:
    alice, bob, _ = desk
    gid = alice.gid(1)
    text = queries.get_article(alice.db, 1).text
    i = text.index("White Helmets")
    ops.reattach_claim(alice.db, 1, i, i + len("White"), "alice")
    ops.reattach_claim(bob.db, 1, i + len("White "), i + len("White Helmets"), "bob")
    for r in (alice, bob, alice, bob):
        r.sync()
    assert alice.claim_row(gid)["quote"] == "White"  # type: ignore[index]
    assert bob.claim_row(gid)["quote"] == "Helmets"  # type: ignore[index]
    for r in (alice, bob):
        (c,) = r.conflicts(gid)
        assert c["field"] == "span"
        assert {c["local"]["quote"], c["incoming"]["quote"]} == {"White", "Helmets"}


def test_a_new_copy_gets_everything_and_files_apply_once(
    desk: list[Reviewer], tmp_path: Path
) -> None:
    alice, bob, _ = desk
    newcomer = Reviewer("dora", tmp_path / "dora.factcheck", alice.shared)
    first = newcomer.pull()
    assert [f.reviewer for f in first.applied] == ["alice"]  # the origin's export
    assert {c.quote for c in queries.all_claims(newcomer.db)} == {"White Helmets", "volunteer"}
    by_quote = {c.quote: c for c in queries.all_claims(newcomer.db)}
    assert by_quote["volunteer"].tags == ("figures",)
    assert by_quote["volunteer"].status.value == "corroborated"
    again = newcomer.pull()
    assert again.applied == [] and again.changes == 0
    assert bob.export().path is None  # a copy starts with nothing of its own to send
    ops.set_note(bob.db, 1, "bob's", "bob")
    assert bob.export().path is not None
    assert newcomer.pull().conflicts == 0
    assert queries.get_claim(newcomer.db, by_quote["White Helmets"].id).note == "bob's"
    # a copy never pulls its own files back
    assert alice.pull().applied[0].reviewer == "bob"
    assert alice.pull().applied == []
    assert bob.pull().applied == []


def test_a_damaged_file_is_refused_and_nothing_changes(desk: list[Reviewer]) -> None:
    alice, bob, _ = desk
    ops.set_note(alice.db, 1, "x", "alice")
    path = alice.export().path
    assert path is not None
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 7])
    (alice.shared / "junk-20260101T000000000Z-abcdef.fcsync").write_bytes(b"hello")
    before = queries.get_claim(bob.db, 1)
    result = bob.pull()
    assert result.applied == [] and len(result.refused) == 2
    assert all(str(alice.shared) in line for line in result.refused)
    assert queries.get_claim(bob.db, 1) == before
    with pytest.raises(Exception, match="not a factcheck changeset"):
        folder.read(alice.shared / "junk-20260101T000000000Z-abcdef.fcsync")


def _forged(shared: Path, who: str, rows: list[tuple[object, ...]]) -> Path:
    """A changeset file made by hand: claims rows written straight into an image."""
    from factcheck.store.sync import engine
    from factcheck.store.sync.image import BY_NAME, empty_image

    image = empty_image()
    marks = ",".join("?" * len(BY_NAME["claims"].cols))
    for r in rows:
        image.execute(f"INSERT INTO claims VALUES ({marks})", r)
    changeset = engine.diff(image, None)
    return folder.write(shared, who, changeset, len(rows))


def test_a_file_with_values_of_the_wrong_kind_is_refused_and_later_ones_wait(
    desk: list[Reviewer],
) -> None:
    alice, bob, _ = desk
    article = queries.get_article(bob.db, 1).gid
    bad = ("g-1", article, "zero", 5, "x", "", "", "exact", 1.0, "", "unverified", "",
           "eve", "t", "", "", "", "", "", "")  # fmt: skip
    first = _forged(alice.shared, "eve", [bad])
    good = ("g-2", article, 0, 5, "White", "", "", "exact", 1.0, "", "unverified", "",
            "eve", "t", "", "", "", "", "", "")  # fmt: skip
    later = _forged(alice.shared, "eve", [good])
    before = len(queries.all_claims(bob.db))
    result = bob.pull()
    assert result.applied == []
    assert result.refused[0].startswith(f"{first}: claims.start: a value of the wrong kind")
    assert result.refused[1] == f"{later}: waits for an earlier file of the same reviewer"
    assert len(queries.all_claims(bob.db)) == before
    # once the bad file is gone, the later one goes through
    first.unlink()
    assert [f.name for f in bob.pull().applied] == [later.name]
    assert len(queries.all_claims(bob.db)) == before + 1


def test_a_new_article_text_arrives_as_a_revision(desk: list[Reviewer]) -> None:
    alice, bob, _ = desk
    text = queries.get_article(alice.db, 1).text
    edited = "Editor's note: corrected.\n\n" + text
    ops.create_revision(alice.db, 1, edited, "alice")
    mine = {c.gid: (c.start, c.end, c.quote) for c in queries.claims_for_article(alice.db, 1)}
    for r in (alice, bob, alice):
        r.sync()
    assert queries.get_article(bob.db, 1).text == edited
    assert [r.number for r in queries.list_revisions(bob.db, 1)] == [1, 2]
    theirs = {c.gid: (c.start, c.end, c.quote) for c in queries.claims_for_article(bob.db, 1)}
    assert theirs == mine
    assert bob.conflicts() == [] and alice.conflicts() == []
    assert alice.export().path is None and bob.export().path is None  # settled
