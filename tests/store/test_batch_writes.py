"""Marking and importing many at once: written a table at a time in multi-row
statements, with the same rows (and audit rows) as one at a time."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft, Status
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries


def _text(n: int) -> str:
    return " ".join(f"Paragraph {n} says {k * 7 + n},{k:03d} people were counted."
                    for k in range(40))  # fmt: skip


def test_more_claims_than_one_statement_holds_each_with_its_audit_row(db: Database) -> None:
    limit = db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    many = limit // 15 + 50  # more rows than one statement of 15 values each can bind
    imported, _ = ops.import_articles(db, [ArticleDraft(title=f"A{i}", text=_text(i))
                                           for i in range(5)], "ann")  # fmt: skip
    ids = [i.article_id for i in imported]
    specs = [ops.ClaimSpec(ids[k % 5], 10 + k % 900, 25 + k % 900,
                           Status.CONTRADICTED if k % 3 == 0 else Status.UNVERIFIED,
                           ("numbers",) if k % 2 else (), "see the ministry" if k % 7 == 0 else "")
             for k in range(many)]  # fmt: skip
    change = ops.mark_claims(db, specs, "ann")
    assert len(change.claim_ids) == many
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == many
    marks = db.execute("SELECT claim_id, new FROM history WHERE action = 'mark claim' "
                       "ORDER BY id").fetchall()  # fmt: skip
    assert [m[0] for m in marks] == sorted(change.claim_ids)
    first = queries.get_claim(db, min(change.claim_ids))
    assert marks[0][1] == first.quote and first.status is Status.CONTRADICTED
    assert first.note == "see the ministry" and first.tags == ()
    tagged = queries.get_claim(db, min(change.claim_ids) + 1)
    assert tagged.tags == ("numbers",)
    verdicts = db.execute("SELECT count(*) FROM reviewer_verdicts").fetchone()[0]
    assert verdicts == sum(1 for s in specs if s.status is not Status.UNVERIFIED or s.note)
    # every claim reached both search indexes through their triggers
    assert db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'ministry'"
                      ).fetchone()[0] == sum(1 for s in specs if s.note)  # fmt: skip
    hits = [h for h in queries.search(db, "ministry", limit=5000) if h.kind == "claim"]
    assert len(hits) == sum(1 for s in specs if s.note)


def test_a_refused_claim_in_a_batch_writes_none_of_it(db: Database) -> None:
    (item,), _ = ops.import_articles(db, [ArticleDraft(title="A", text=_text(1))], "ann")
    good = ops.ClaimSpec(item.article_id, 0, 9)
    with pytest.raises(InvalidInput, match="outside article"):
        ops.mark_claims(db, [good, ops.ClaimSpec(item.article_id, 5, 10**6)], "ann")
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM history WHERE action = 'mark claim'"
                      ).fetchone()[0] == 0  # fmt: skip


def test_a_global_id_asked_for_twice_in_one_batch_is_given_once(db: Database) -> None:
    (item,), _ = ops.import_articles(db, [ArticleDraft(title="A", text=_text(1))], "ann")
    gid = "0f0e0d0c-0b0a-4908-8706-050403020100"
    twice = [ops.ClaimSpec(item.article_id, 0, 9, gid=gid),
             ops.ClaimSpec(item.article_id, 20, 30, gid=gid)]  # fmt: skip
    change = ops.mark_claims(db, twice, "ann")
    gids = [queries.get_claim(db, i).gid for i in sorted(change.claim_ids)]
    assert gids[0] == gid and gids[1] != gid


def test_one_import_batch_with_a_new_article_and_a_new_text_at_its_url(db: Database) -> None:
    url = "https://news.example/a"
    first = ArticleDraft(title="First", text=_text(1), url=url, source_path="/in/a1.txt")
    later = ArticleDraft(title="Later", text=_text(2), url=url, source_path="/in/a2.txt")
    other = ArticleDraft(title="Other", text=_text(3), source_path="/in/b.txt")
    results, change = ops.import_articles(db, [first, later, other], "ann")
    a, b, c = results
    assert (a.duplicate, a.revision) == (False, None)
    assert b.article_id == a.article_id and b.revision is not None and b.revision.number == 2
    assert c.article_id == a.article_id + 1
    assert queries.get_article(db, a.article_id).text == _text(2)
    assert [r.number for r in queries.list_revisions(db, a.article_id)] == [1, 2]
    imports = db.execute("SELECT article_id, new FROM history WHERE action = 'import article' "
                         "ORDER BY id").fetchall()  # fmt: skip
    assert imports == [(a.article_id, "First"), (c.article_id, "Other")]
    assert change.article_ids == {a.article_id, c.article_id}
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Paragraph'"
                      ).fetchone()[0] == 2  # fmt: skip
    queued = {r[0] for r in db.execute("SELECT article_id FROM figure_queue")}
    assert queued == {a.article_id, c.article_id}
