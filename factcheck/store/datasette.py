"""Configuration that makes a project file browse well in Datasette.

Datasette picks a table's *label column* (the text it shows instead of a bare id where
another table points at a row) by itself when the table has one unique text column or a
column called ``name`` or ``title``: ``tags.name`` and ``articles.title`` are found that
way. A claim has neither, so links from ``claim_tags`` and ``evidence`` would show bare
numbers; the configuration names ``quote`` as the claims' label, describes the tables
and the ``claims_view`` view, and offers the verdict and tags as facets. Datasette keys
its configuration by the database's name (the file name without its extension), so it
is made per file. The same JSON serves as ``datasette.yaml``/``-c`` (Datasette 1.x) and
as ``metadata.json``/``-m`` (0.x).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.store.database import Database

LABELS = {"claims": "quote", "articles": "title", "tags": "name", "article_revisions": "number"}
DESCRIPTIONS = {
    "articles": "News articles under review (the current text of each).",
    "claims": "Claims marked in articles: the span (code points), quote and verdict (status).",
    "claims_view": "One row per claim with its article's title, verdict and tags as text.",
    "tags": "Tags given to claims.",
    "claim_tags": "Which claim carries which tag.",
    "evidence": "Links between claims (corroborates, contradicts, same-as) and outside "
    "sources.",
    "article_revisions": "Every version of every article's text.",
    "history": "The audit trail: who changed what, when.",
    "settings": "Project settings (organisation named in exports...).",
}


def datasette_config(db: Database, path: str | Path) -> dict[str, Any]:
    """The Datasette configuration for the project at ``path`` (only for tables and
    views the file has)."""
    present = set(db.table_names()) | set(db.view_names())
    tables: dict[str, Any] = {}
    for name in sorted(present):
        entry: dict[str, Any] = {}
        if name in DESCRIPTIONS:
            entry["description"] = DESCRIPTIONS[name]
        if name in LABELS and LABELS[name] in db.table(name).columns_dict:
            entry["label_column"] = LABELS[name]
        if name == "claims_view":
            entry["facets"] = ["verdict", "tags"]
            entry["sort"] = "id"
        if entry:
            tables[name] = entry
    return {
        "title": "factcheck project",
        "databases": {Path(path).stem: {"tables": tables}},
    }
