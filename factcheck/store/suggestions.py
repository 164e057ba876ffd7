"""Suggested claims for an article, and a marked claim's twins in other articles.

Reads only: suggestions are computed from the text (:mod:`factcheck.core.suggest`) less
the sentences the reviewer rejected and those already marked; "found elsewhere" looks
for the same words, and for figures of the same fact, in the other articles.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from factcheck.core.suggest import Suggestion, suggest
from factcheck.errors import NotFound
from factcheck.store import queries
from factcheck.store.database import Database
from factcheck.store.queries._sql import pairs_in
from factcheck.store.queries.figures import figures_of_fact


def rejected_sentences(db: Database, article_id: int) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT sentence FROM suggestion_rejections WHERE article_id = ?", (article_id,))}


def suggestions_for(db: Database, article_id: int, *, limit: int | None = None,
                    ) -> list[Suggestion]:  # fmt: skip
    """The article's suggested sentences, best first: not rejected, not already marked
    (a sentence overlapping a claim is the reviewer's already)."""
    article = queries.get_article(db, article_id)
    language = str(getattr(article, "language", "") or "") or None
    found = suggest(article.text, lang=language, published=article.published)
    open_ = still_open(db, article_id, article.text, found)
    return open_ if limit is None else open_[:limit]


def still_open(db: Database, article_id: int, text: str, found: list[Suggestion],
               ) -> list[Suggestion]:  # fmt: skip
    """``found`` less the sentences the reviewer rejected or already marked (one rule
    for the command line and the window, which scores off the GUI thread)."""
    rejected = rejected_sentences(db, article_id)
    marked = sorted((c.start, c.end) for c in queries.claims_for_article(db, article_id)
                    if c.placement != "orphaned")  # fmt: skip
    return [s for s in found if text[s.start : s.end].strip() not in rejected
            and not any(a < s.end and s.start < b for a, b in marked)]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Twin:
    """Where a marked claim appears again: an article, a span, and how it matched
    ("the same words" or "the same fact: lives saved")."""

    article_id: int
    title: str
    start: int
    end: int
    quote: str
    how: str


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote's words in order, any white space between them, any case."""
    words = quote.split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)",
                      re.IGNORECASE)  # fmt: skip


def found_elsewhere(db: Database, claim_id: int) -> list[Twin]:
    """The claim's quote (whitespace and case aside) in the other articles, first
    occurrence each, and the figures of the same fact when the claim covers a figure;
    spans already marked as claims are left out.

    The window asks this after every mark, so it reads only what can match: the
    articles the full-text index names, the claim's own figures, the figures of its
    facts, and whether each span found is already a claim (one indexed look-up each),
    never the project's claims or figures as a whole."""
    claim = queries.get_claim(db, claim_id)
    found: list[tuple[int, int, int, str, str]] = []  # article, start, end, quote, how
    seen: set[tuple[int, int, int]] = set()
    if claim.quote.strip():
        pattern = _quote_pattern(claim.quote)
        candidates = _candidates(db, claim.quote)
        if candidates is None:
            candidates = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
        for article_id in candidates:
            if article_id == claim.article_id:
                continue
            text = queries.get_article(db, article_id).text
            m = pattern.search(text)
            if m is None or _is_marked(db, article_id, m.start(), m.end()):
                continue
            seen.add((article_id, m.start(), m.end()))
            found.append((article_id, m.start(), m.end(), m.group(0), "the same words"))
    fact_keys = [r[0] for r in db.execute(
        'SELECT DISTINCT fact_key FROM figures WHERE article_id = ? AND start < ? '
        'AND "end" > ? AND fact_key != \'\' ORDER BY fact_key',
        (claim.article_id, claim.end, claim.start))]  # fmt: skip
    for key in fact_keys:
        label = _fact_label(db, key)
        for f in figures_of_fact(db, key):
            if f.article_id == claim.article_id:
                continue
            span = (f.article_id, f.figure.start, f.figure.end)
            if span in seen or _is_marked(db, *span):
                continue
            seen.add(span)
            found.append((*span, f.figure.text, f"the same fact: {label}"))
    titles = _titles(db, {t[0] for t in found})
    return [Twin(a, titles.get(a, ""), s, e, q, how) for a, s, e, q, how in found]


def _is_marked(db: Database, article_id: int, start: int, end: int) -> bool:
    """Whether a claim of the article has exactly this span."""
    return db.execute('SELECT 1 FROM claims WHERE article_id = ? AND start = ? AND "end" = ?',
                      (article_id, start, end)).fetchone() is not None  # fmt: skip


def _titles(db: Database, article_ids: set[int]) -> dict[int, str]:
    return pairs_in(db, "SELECT id, title FROM articles WHERE id IN ({marks})",
                    sorted(article_ids))  # fmt: skip


def _candidates(db: Database, quote: str) -> list[int] | None:
    """Articles whose full-text index holds the quote's words as a phrase (a superset
    of those holding the quote), so a large project is not read whole; None when the
    index cannot answer (then every article is read)."""
    words = re.findall(r"\w+", quote)
    if not words:
        return None
    phrase = '"' + " ".join(words) + '"'
    try:
        rows = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                          (phrase,)).fetchall()  # fmt: skip
    except sqlite3.Error:
        return None
    return sorted({int(r[0]) for r in rows})


def _fact_label(db: Database, key: str) -> str:
    try:
        return queries.get_fact(db, key).label
    except NotFound:  # merged away meanwhile
        return key
