"""The operations layer refuses edits taken from an older text or an older row, never
reuses an id, and keeps an imported annotation's real placement."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from factcheck.core import quotes
from factcheck.core.anchoring import (
    FUZZY_MIN_QUOTE_SIMILARITY,
    FUZZY_MIN_SCORE,
    reanchor,
)
from factcheck.core.model import ArticleDraft, Status
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries
from factcheck.store.annotation_import import import_annotations
from factcheck.store.project import connect

TEXT = ("Rescue crews worked through the night. About 3,000 people were evacuated on Sunday "
        "after the river burst its banks.")  # fmt: skip


@pytest.fixture
def db() -> Database:
    return connect(":memory:")


def _article(db: Database, text: str = TEXT) -> int:
    (res,), _ = ops.import_articles(db, [ArticleDraft("Floods", text)], "t")
    return res.article_id


def test_a_span_from_an_older_text_is_refused(db: Database) -> None:
    article = _article(db)
    old_hash = queries.get_article(db, article).content_hash
    ops.create_revision(db, article, "Officials gave an update. " + TEXT, "t")
    start = TEXT.index("Sunday")
    with pytest.raises(ops.StaleEdit, match="changed since this selection"):
        ops.mark_claim(db, article, start, start + 6, "t", text_hash=old_hash)
    assert queries.claims_for_article(db, article) == []
    new_hash = queries.get_article(db, article).content_hash
    at = queries.get_article(db, article).text.index("Sunday")
    change = ops.mark_claim(db, article, at, at + 6, "t", text_hash=new_hash)
    assert queries.get_claim(db, change.created_id or 0).quote == "Sunday"


def test_a_new_text_is_named_in_the_change_of_every_path_that_makes_one(
    db: Database, tmp_path: object
) -> None:
    article = _article(db)
    result = ops.create_revision(db, article, TEXT + " More.", "t")
    assert result.change.texts == {article}
    # an import whose URL is the article's: a new revision, named too
    ops.update_article_metadata(db, article, "t", url="https://example.org/a")
    draft = ArticleDraft("Floods", TEXT + " Even more.", url="https://example.org/a")
    _, change = ops.import_articles(db, [draft], "t")
    assert change.texts == {article}


def test_ids_are_never_reused(db: Database) -> None:
    article = _article(db)
    first = ops.mark_claim(db, article, 0, 6, "t").created_id
    assert first is not None
    ops.delete_claim(db, first, "t")
    second = ops.mark_claim(db, article, 0, 6, "t").created_id
    assert second is not None and second != first
    # the new claim's history is its own: one "mark claim" row, nothing of the first
    assert [h.action for h in queries.history_for_claim(db, second)] == ["mark claim"]


def test_undo_never_overwrites_a_newer_verdict_or_note(db: Database) -> None:
    article = _article(db)
    claim = ops.mark_claim(db, article, 0, 6, "t").created_id or 0
    ops.set_status(db, claim, Status.CORROBORATED, "me", expected=Status.UNVERIFIED)
    ops.set_status(db, claim, Status.CONTRADICTED, "someone else")
    with pytest.raises(ops.StaleEdit, match="changed elsewhere"):
        ops.set_status(db, claim, Status.UNVERIFIED, "me", expected=Status.CORROBORATED)
    assert queries.get_claim(db, claim).status is Status.CONTRADICTED
    ops.set_note(db, claim, "mine", "me", expected="")
    ops.set_note(db, claim, "theirs", "someone else")
    with pytest.raises(ops.StaleEdit):
        ops.set_note(db, claim, "", "me", expected="mine")
    assert queries.get_claim(db, claim).note == "theirs"


def test_restoring_a_claim_re_places_it_or_refuses(db: Database) -> None:
    article = _article(db)
    start = TEXT.index("3,000 people")
    claim = ops.mark_claim(db, article, start, start + 12, "t").created_id or 0
    snap = ops.snapshot_claim(db, claim)
    ops.delete_claim(db, claim, "t")
    ops.create_revision(db, article, "Officials gave an update. " + TEXT, "t")
    ops.restore_claim(db, snap, "t")
    restored = queries.get_claim(db, claim)
    text = queries.get_article(db, article).text
    assert text[restored.start : restored.end] == restored.quote == "3,000 people"
    assert restored.placement == "moved"
    snap = ops.snapshot_claim(db, claim)
    ops.delete_claim(db, claim, "t")
    ops.create_revision(db, article, text.replace("About 3,000 people were", "Many were"), "t")
    with pytest.raises(ops.StaleEdit, match="no longer in article"):
        ops.restore_claim(db, snap, "t")
    assert queries.claims_for_article(db, article) == []


def test_an_approximately_placed_annotation_is_stored_for_review(db: Database) -> None:
    article = _article(db)
    quote = "About 3,000 people were evacuated"
    start = TEXT.index(quote)
    prefix, suffix = quotes.context(TEXT, start, start + len(quote))
    data = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": [{
                "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1",
                "type": "Annotation", "motivation": "assessing",
                "body": [{"type": "TextualBody", "value": "checked", "purpose": "commenting"}],
                "target": {"source": "urn:factcheck:article:"
                                     + queries.get_article(db, article).content_hash,
                           "selector": [{"type": "TextQuoteSelector",
                                         "exact": quote.replace("3,000", "3.000"),
                                         "prefix": prefix, "suffix": suffix}]}}]}}  # fmt: skip
    result = import_annotations(db, data, "t")
    (claim,) = queries.claims_for_article(db, article)
    assert claim.placement == "fuzzy" and 0 < claim.placement_score < 1
    assert claim.original_quote == quote.replace("3,000", "3.000")
    assert claim.id in result.created.values()
    assert [c.id for c in queries.claims_needing_review(db)] == [claim.id]


# --- the fuzzy thresholds, at their boundaries ------------------------------------------

PREFIX = "The committee met on Tuesday to read the report aloud "
SUFFIX = " before anyone voted on the budget for the coming year."
QUOTE = "abcdefghijklmnopqrst"  # 20 letters: one error is 5% of the quote


def _mutate(quote: str, count: int) -> str:
    """``count`` substitutions at every other letter, from the third on (no shorter
    alignment can do better, so the edit distance is exactly ``count``)."""
    chars = list(quote)
    for i in range(count):
        chars[2 + 2 * i] = chars[2 + 2 * i].upper()
    return "".join(chars)


def _placement(new_quote: str, suffix: str = SUFFIX) -> str:
    old = PREFIX + QUOTE + SUFFIX
    start = len(PREFIX)
    prefix, suf = quotes.context(old, start, start + len(QUOTE))
    (placed,) = reanchor(old, PREFIX + new_quote + suffix,
                         [(start, start + len(QUOTE), QUOTE, prefix, suf)])  # fmt: skip
    return placed.kind


def test_quote_similarity_threshold_boundary() -> None:
    assert FUZZY_MIN_QUOTE_SIMILARITY == 0.6
    # context intact, so only the quote's own similarity decides
    assert _placement(_mutate(QUOTE, 8)) == "fuzzy"  # 12/20 = 0.60: accepted
    assert _placement(_mutate(QUOTE, 9)) == "orphaned"  # 11/20 = 0.55: refused


def test_score_threshold_boundary() -> None:
    assert FUZZY_MIN_SCORE == 0.65
    # The text after the quote is replaced, so the suffix adds little: each error
    # costs ~0.027 of score. 5 errors (quote similarity 0.75) score 0.66 and 6 errors
    # (0.70, well above the similarity threshold) about 0.63: only the score decides.
    other = " 0987654321 ZYXWVUTSRQPONMLKJIHGFEDCB 1357924680 ====="
    assert _placement(_mutate(QUOTE, 5), other) == "fuzzy"
    assert _placement(_mutate(QUOTE, 6), other) == "orphaned"


def test_a_mark_from_the_text_the_caller_holds_stores_what_a_read_of_the_text_does(
    db: Database,
) -> None:
    """The window passes the text it shows with its hash: the quote and its context come
    from that text, the same as read from the project, at both ends of the text too;
    once the stored text changed, the held old text and its hash are refused."""
    article = _article(db)
    held = queries.get_article(db, article)
    spans = [(0, 6), (TEXT.index("Sunday"), TEXT.index("Sunday") + 6),
             (len(TEXT) - 7, len(TEXT))]  # fmt: skip
    for start, end in spans:
        from_text = ops.mark_claim(db, article, start, end, "t", text_hash=held.content_hash,
                                   text=held.text).created_id  # fmt: skip
        read = ops.mark_claim(db, article, start, end, "t",
                              text_hash=held.content_hash).created_id  # fmt: skip
        a, b = queries.get_claim(db, from_text or 0), queries.get_claim(db, read or 0)
        assert (a.quote, a.prefix, a.suffix, a.start, a.end) == \
            (b.quote, b.prefix, b.suffix, b.start, b.end)  # fmt: skip
        assert a.quote == TEXT[start:end]
    with pytest.raises(InvalidInput, match="outside article"):
        ops.mark_claim(db, article, 5, len(TEXT) + 1, "t", text_hash=held.content_hash,
                       text=held.text)  # fmt: skip
    count = len(queries.claims_for_article(db, article))
    ops.create_revision(db, article, "Officials gave an update. " + TEXT, "t")
    with pytest.raises(ops.StaleEdit, match="changed since this selection"):
        ops.mark_claim(db, article, 0, 6, "t", text_hash=held.content_hash, text=held.text)
    assert len(queries.claims_for_article(db, article)) == count
