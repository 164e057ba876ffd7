"""The ``claims_view`` view and the Datasette configuration: a project file that browses
well in Datasette and sqlite-utils without joins."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from factcheck.core.model import Status
from factcheck.store import ops
from factcheck.store.datasette import datasette_config
from factcheck.store.migrations import claims_view_sql, refresh_claims_view
from factcheck.store.project import connect


def _project(path: Path) -> tuple[Database, int]:
    db = connect(path)
    from factcheck.core.model import ArticleDraft

    text = "The bridge has 22 cables. Repairs cost 61 million pounds. It opens in 2027."
    (imported,), _ = ops.import_articles(
        db, [ArticleDraft(title="Bridge repairs", text=text, url="https://n.example/b")], "alice"
    )
    aid = imported.article_id
    first = ops.mark_claim(db, aid, 0, 25, "alice").created_id
    assert first is not None
    ops.set_status(db, first, Status.CONTRADICTED, "alice")
    for tag in ("numbers", "Bridge"):
        ops.add_tag(db, first, tag, "alice")
    ops.mark_claim(db, aid, 26, 57, "alice")
    return db, first


def test_claims_view_reads_without_joins(tmp_path: Path) -> None:
    db, first = _project(tmp_path / "p.db")
    assert "claims_view" in db.view_names()
    rows = list(db["claims_view"].rows)
    assert [r["id"] for r in rows] == [first, first + 1]
    row = rows[0]
    assert (row["article_title"], row["quote"], row["verdict"], row["tags"]) == (
        "Bridge repairs", "The bridge has 22 cables.", "contradicted", "Bridge, numbers"
    )  # fmt: skip
    assert rows[1]["tags"] == "" and rows[1]["verdict"] == "unverified"
    assert row["article_url"] == "https://n.example/b"
    # sqlite-utils on the command line reads it as any table
    out = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "rows", str(tmp_path / "p.db"), "claims_view"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert json.loads(out)[0]["tags"] == "Bridge, numbers"


def test_the_view_shows_claimant_and_language_once_the_columns_exist(tmp_path: Path) -> None:
    db, _ = _project(tmp_path / "p.db")
    # claims.claimant came with migration 0008, which refreshed the view
    assert "claimant" in db["claims_view"].columns_dict
    # what a later migration adding a column does: add it, refresh the view
    if "language" not in db["articles"].columns_dict:
        assert "language" not in db["claims_view"].columns_dict
        db.execute("ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE claims SET claimant = 'the council'")
    refresh_claims_view(db)
    columns = db["claims_view"].columns_dict
    assert {"claimant", "language"} <= set(columns)
    assert next(iter(db["claims_view"].rows))["claimant"] == "the council"
    assert "c.claimant" in claims_view_sql(db)


def test_datasette_config_names_label_columns_that_exist(tmp_path: Path) -> None:
    db, _ = _project(tmp_path / "my project.db")
    config = datasette_config(db, tmp_path / "my project.db")
    tables = config["databases"]["my project"]["tables"]
    assert tables["claims"]["label_column"] == "quote"
    assert tables["claims_view"]["facets"] == ["verdict", "tags"]
    for name, entry in tables.items():
        assert name in set(db.table_names()) | set(db.view_names())
        if "label_column" in entry:
            assert entry["label_column"] in db[name].columns_dict
