"""The figures reader and the suggestion scorer give exactly the output pinned in
tests/data/figures/pinned.json on the labelled corpora and the sample articles: every
figure with all its fields, the aliases, names and main subject, and every suggestion
with its score, reasons and claimant.

The quality tests allow some slack; this one allows none, so a change made for speed
that changes any result fails here and is seen. When a change of results is meant,
rewrite the file with ``FACTCHECK_PIN_UPDATE=1 pytest tests/figures/test_pinned_output.py``
and review its diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.figures import read_article
from factcheck.core.ingest import read_article_file
from factcheck.core.suggest import suggest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
PINNED = DATA / "figures" / "pinned.json"


def _articles() -> list[tuple[str, str, str]]:
    """(name, text, published) for every labelled article, as the importer reads it."""
    out = []
    for path in sorted([*(REPO / "seeds").glob("*.txt"), *(DATA / "figures").glob("*/*.txt")]):
        draft = read_article_file(path)
        out.append((path.relative_to(REPO).as_posix(), draft.text, draft.published or ""))
    for path in sorted((DATA / "suggest").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n\n".join(line.partition("\t")[2] for line in lines) + "\n"
        out.append((path.relative_to(REPO).as_posix(), text, ""))
    return out


def _reading(text: str, published: str) -> dict[str, Any]:
    art = read_article(text, published=published)
    suggestions = suggest(text, published=published)
    return {
        "lang": art.lang,
        "main_subject": art.main_subject,
        "main_subject_text": art.main_subject_text,
        "aliases": sorted(list(pair) for pair in art.aliases),
        "names": dict(sorted(art.names.items())),
        "name_scores": dict(sorted(art.name_scores.items())),
        "figures": [dataclasses.asdict(f) for f in art.figures],
        "suggestions": [dataclasses.asdict(s) for s in suggestions],
    }


def _current() -> dict[str, Any]:
    # through JSON both ways, so tuples and lists compare alike
    return json.loads(json.dumps({name: _reading(text, published)
                                  for name, text, published in _articles()}))  # fmt: skip


@pytest.fixture(scope="module")
def pinned() -> dict[str, Any]:
    if os.environ.get("FACTCHECK_PIN_UPDATE") == "1":
        PINNED.write_text(json.dumps(_current(), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")  # fmt: skip
    loaded: dict[str, Any] = json.loads(PINNED.read_text(encoding="utf-8"))
    return loaded


def test_the_pinned_corpora_cover_every_labelled_article(pinned: dict[str, Any]) -> None:
    assert sorted(pinned) == sorted(name for name, _t, _p in _articles())
    assert sum(len(r["figures"]) for r in pinned.values()) > 150
    assert sum(len(r["suggestions"]) for r in pinned.values()) > 100


@pytest.mark.parametrize("name", [name for name, _t, _p in _articles()])
def test_reading_matches_the_pinned_output(name: str, pinned: dict[str, Any]) -> None:
    want_all = pinned[name]
    text, published = next((t, p) for n, t, p in _articles() if n == name)
    now = json.loads(json.dumps(_reading(text, published)))
    for key in ("lang", "main_subject", "main_subject_text", "aliases", "names", "name_scores"):
        assert now[key] == want_all[key], key
    assert len(now["figures"]) == len(want_all["figures"])
    for got, want in zip(now["figures"], want_all["figures"], strict=True):
        assert got == want, f"figure “{want['text']}” at {want['start']}"
    assert now["suggestions"] == want_all["suggestions"]
