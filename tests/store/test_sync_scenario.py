"""Three reviewers edit copies of one project at the same time through scripted sessions
(the operations layer, as the window and the CLI do), and sync through one folder in
every order. Afterwards, on every copy, every edit is either there or recorded as a
conflict in the adjudication queue (or was knowingly replaced by a later edit of
someone who had it): nothing is lost silently."""

from __future__ import annotations

import itertools
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.store import importer, ops, queries
from factcheck.store.project import connect
from factcheck.store.sync.service import export_to
from tests.conftest import REPO
from tests.store.sync_desk import Reviewer, copies, mentions

STATUSES = ("corroborated", "contradicted", "inconclusive")


@dataclass(frozen=True)
class Edit:
    kind: str  # mark, status, note, tag, source, delete
    reviewer: str
    claim: str  # the claim's global id
    value: str = ""
    before: str = ""  # the value the reviewer's copy had (to tell a replacement)


def _session(r: Reviewer, rng: random.Random, n: int, tag: str) -> list[Edit]:
    """``n`` random edits by reviewer ``r`` on its copy, as a person would make them."""
    edits: list[Edit] = []
    deleted = False
    for i in range(n):
        claims = queries.all_claims(r.db)
        kind = rng.choice(["mark", "status", "status", "note", "note", "tag", "source",
                           "delete"]) if claims else "mark"  # fmt: skip
        if kind == "delete" and (deleted or len(claims) < 3):
            kind = "status"
        claim = rng.choice(claims) if claims else None
        if kind == "mark":
            article = rng.randint(1, 5)
            text = queries.get_article(r.db, article).text
            start = rng.randrange(0, len(text) - 40)
            while not text[start].isalnum():
                start += 1
            change = ops.mark_claim(r.db, article, start, start + rng.randint(5, 30), r.name)
            edits.append(Edit("mark", r.name, r.gid(change.created_id or 0)))
        elif claim is None:
            continue
        elif kind == "status":
            value = rng.choice(STATUSES)
            ops.set_status(r.db, claim.id, value, r.name)
            edits.append(Edit("status", r.name, claim.gid, value, claim.status.value))
        elif kind == "note":
            value = f"{r.name} note {tag}.{i}"
            ops.set_note(r.db, claim.id, value, r.name)
            edits.append(Edit("note", r.name, claim.gid, value, claim.note))
        elif kind == "tag":
            value = rng.choice(["figures", "dates", f"{r.name}-only"])
            ops.add_tag(r.db, claim.id, value, r.name)
            edits.append(Edit("tag", r.name, claim.gid, value))
        elif kind == "source":
            change = ops.add_source(r.db, claim.id, f"https://example.org/{r.name}/{tag}/{i}",
                                    r.name)  # fmt: skip
            gid = r.db.execute("SELECT gid FROM evidence WHERE id = ?",
                               (change.created_id,)).fetchone()[0]  # fmt: skip
            edits.append(Edit("source", r.name, claim.gid, gid))
        else:  # what the reviewer saw when deleting: those edits are knowingly dropped
            seen = [f"note={claim.note}", *claim.tags, *(
                f"{v.reviewer}:{v.status.value}"
                for v in queries.reviewer_verdicts(r.db, [claim.id]).get(claim.id, []))]
            seen += [e.gid for e in queries.evidence_for_claim(r.db, claim.id)]
            ops.delete_claim(r.db, claim.id, r.name)
            edits.append(Edit("delete", r.name, claim.gid, before="\n".join(seen)))
            deleted = True
    return edits


def _seen_by_delete(e: Edit, edits: list[Edit]) -> bool:
    """Someone deleted the claim while their copy showed this edit."""
    token = {"status": f"{e.reviewer}:{e.value}", "note": f"note={e.value}", "mark": "",
             "tag": e.value, "source": e.value}[e.kind]  # fmt: skip
    return any(x.kind == "delete" and x.claim == e.claim
               and token in [*x.before.split("\n"), ""] for x in edits)  # fmt: skip


def _accounted(r: Reviewer, e: Edit, edits: list[Edit]) -> bool:
    row = r.claim_row(e.claim)
    conflicts = r.conflicts(e.claim)
    if e.kind == "delete":
        return row is None or bool(conflicts)
    if _seen_by_delete(e, edits) or (e.kind in ("status", "note") and _replaced(e, edits)):
        return True
    if row is None:  # deleted here by someone who had not seen it: must be queued
        return bool(conflicts)
    if e.kind == "mark":
        return True
    if e.kind == "tag":
        return e.value in {t.casefold() for t in queries.get_claim(r.db, row["id"]).tags}
    if e.kind == "source":
        return r.db.execute("SELECT 1 FROM evidence WHERE gid = ?", (e.value,)).fetchone() \
            is not None  # fmt: skip
    field = "status" if e.kind == "status" else "note"
    if e.kind == "status":
        mine = {v.reviewer: v.status.value for v in
                queries.reviewer_verdicts(r.db, [row["id"]]).get(row["id"], [])}  # fmt: skip
        last = [x for x in edits if x.kind == "status" and x.claim == e.claim
                and x.reviewer == e.reviewer][-1]  # fmt: skip
        if mine.get(e.reviewer) != last.value:  # each reviewer's own verdict always arrives
            return False
    if row[field] == e.value or _replaced(e, edits):
        return True
    return any(c["field"] == field and (mentions(c["local"], e.value)
               or mentions(c["incoming"], e.value)) for c in conflicts)  # fmt: skip


def _replaced(e: Edit, edits: list[Edit]) -> bool:
    """A later edit of the same field by someone whose copy already showed ``e``."""
    return any(x.kind == e.kind and x.claim == e.claim and x.before == e.value and x is not e
               for x in edits)  # fmt: skip


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("origin") / "origin.factcheck"
    db = connect(path)
    importer.import_paths(db, [REPO / "seeds"], "lead")
    for article, quote in ((1, "White Helmets"), (2, "volunteer"), (3, "Syria"), (4, "Syria")):
        ops.mark_quote(db, article, quote, "lead")
    export_to(db, path.parent / "shared", "lead")
    db.close()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("order", list(itertools.permutations(["ana", "ben", "cy"])))
def test_three_reviewers_sync_in_any_order(
    origin: Path, tmp_path: Path, order: tuple[str, ...]
) -> None:
    shared = tmp_path / "shared"
    shutil.copytree(origin.parent / "shared", shared)
    shutil.copy(origin, tmp_path / "origin.factcheck")
    desk = {r.name: r for r in copies(tmp_path / "origin.factcheck", sorted(order), shared)}
    rng = random.Random("".join(order))
    edits: list[Edit] = []
    for phase in range(2):  # edit concurrently, sync in this order; edit again, sync again
        for r in desk.values():
            edits += _session(r, rng, 8, f"{phase}")
        for name in order:
            desk[name].export()
            desk[name].pull()
    for _ in range(2):  # let everything reach everyone
        for name in order:
            desk[name].sync()
    assert {e.kind for e in edits} >= {"mark", "status", "note", "delete"}
    for r in desk.values():
        lost = [e for e in edits if not _accounted(r, e, edits)]
        assert lost == [], f"{r.name} lost {lost}"
    # every copy agrees on what nobody disputed: each reviewer's own verdicts on the
    # claims all copies hold, and the claims present where no delete is in dispute
    common = set.intersection(*({c.gid for c in queries.all_claims(r.db)}
                                for r in desk.values()))  # fmt: skip
    def verdicts(r: Reviewer) -> set[tuple[str, str, str]]:
        return {(r.gid(cid), v.reviewer, v.status.value)
                for cid, vs in queries.reviewer_verdicts(r.db).items() for v in vs
                if r.gid(cid) in common}  # fmt: skip
    first, *rest = desk.values()
    assert all(verdicts(r) == verdicts(first) for r in rest)
    disputed = {c["claim_gid"] for r in desk.values() for c in r.conflicts()
                if c["kind"] in ("deleted here", "deleted there", "rejected")}  # fmt: skip
    for r in rest:
        mine = {c.gid for c in queries.all_claims(r.db)} - disputed
        theirs = {c.gid for c in queries.all_claims(first.db)} - disputed
        assert mine == theirs
    # and a further round changes nothing: the copies have settled
    for r in desk.values():
        assert r.export().path is None
