"""New revisions of an article's text: every claim re-anchored in one transaction, each
with its placement; confirming, re-attaching and listing what needs review."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.errors import InvalidInput, NotFound
from factcheck.store import ops, queries
from factcheck.store.ops import revisions as revisions_op

P1 = (
    "The council approved the budget on Monday. Spending on schools rises by 4 percent "
    "this year, the finance director said."
)
P2 = (
    "The mayor said the plan would create 300 new jobs in the harbour district. Critcs "
    "called the figure optimistic and asked for the study behind it."
)
P3 = "Construction starts in May and should finish within two years, weather permitting."
TEXT = "\n\n".join([P1, P2, P3])
QUOTES = [
    "Spending on schools rises by 4 percent",
    "the plan would create 300 new jobs",
    "Critcs called the figure optimistic",
    "Construction starts in May",
    "should finish within two years",
]


def _article(db: Database, text: str = TEXT) -> int:
    (res,), _ = ops.import_articles(db, [ArticleDraft("Budget", text, url="")], "ana")
    for quote in QUOTES:
        ops.mark_quote(db, res.article_id, quote, "ana")
    return res.article_id


def _by_quote(db: Database, article_id: int) -> dict[str, tuple[str, str]]:
    """original quote -> (placement, quote now), whatever order the claims are in."""
    out = {}
    for c in queries.claims_for_article(db, article_id):
        marked = c.original_quote or c.quote
        out[marked] = (c.placement, c.quote)
    return out


EXACT = "exact"
EDITS = {
    "insert in front of all claims": (
        "Breaking news from the town hall.\n\n" + TEXT,
        {q: EXACT for q in QUOTES},
    ),
    "insert between claims": (
        TEXT.replace(P2, P2 + " An extra sentence was added here."),
        {q: EXACT for q in QUOTES},
    ),
    "typo fixed inside a claim": (
        TEXT.replace("Critcs", "Critics"),
        {**{q: EXACT for q in QUOTES}, QUOTES[2]: "fuzzy"},
    ),
    "words deleted inside a claim": (
        TEXT.replace("within two years", "in two years"),
        {**{q: EXACT for q in QUOTES}, QUOTES[4]: "fuzzy"},
    ),
    "word inserted inside a claim": (
        TEXT.replace("create 300 new jobs", "create about 300 new jobs"),
        {**{q: EXACT for q in QUOTES}, QUOTES[1]: "fuzzy"},
    ),
    "edit across two claims": (
        TEXT.replace("300 new jobs in the harbour district. Critcs called",
                     "300 jobs. Critics called"),
        {**{q: EXACT for q in QUOTES}, QUOTES[1]: "fuzzy", QUOTES[2]: "fuzzy"},
    ),
    "paragraph moved": (
        "\n\n".join([P3, P1, P2]),
        {**{q: EXACT for q in QUOTES}, QUOTES[3]: "moved", QUOTES[4]: "moved"},
    ),
    "claim's sentence deleted": (
        TEXT.replace("Spending on schools rises by 4 percent this year, the finance director "
                     "said.", "Taxes stay the same."),
        {**{q: EXACT for q in QUOTES}, QUOTES[0]: "orphaned"},
    ),
    "paragraph rewritten": (
        TEXT.replace(P3, "Work begins in the spring; officials expect a long project."),
        {**{q: EXACT for q in QUOTES}, QUOTES[3]: "orphaned", QUOTES[4]: "orphaned"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(EDITS))
def test_each_claim_is_placed_as_expected(db: Database, case: str) -> None:
    new_text, expected = EDITS[case]
    article_id = _article(db)
    predicted = ops.predict_placements(db, article_id, new_text)
    result = ops.create_revision(db, article_id, new_text, "bo")
    placed = _by_quote(db, article_id)
    assert {q: kind for q, (kind, _now) in placed.items()} == expected
    for claim in queries.claims_for_article(db, article_id):
        if claim.placement == "orphaned":
            # the marker: one character inside the new text; the quote is the old one
            assert claim.end == claim.start + 1 <= len(new_text)
            assert claim.quote == claim.original_quote
            assert claim.placement_score == 0.0
        else:
            assert new_text[claim.start : claim.end] == claim.quote
            assert (claim.prefix, claim.suffix) == (
                new_text[max(0, claim.start - 32) : claim.start],
                new_text[claim.end : claim.end + 32],
            )
        if claim.placement == "fuzzy":
            assert claim.original_quote in QUOTES and claim.original_quote != claim.quote
            assert 0.0 < claim.placement_score < 1.0
        if claim.placement in ("exact", "moved"):
            assert claim.original_quote == "" and claim.quote in QUOTES
    kinds = list(expected.values())
    assert result.counts == predicted
    assert result.counts == {k: kinds.count(k) for k in ("exact", "moved", "fuzzy", "orphaned")}
    assert queries.get_article(db, article_id).text == new_text


def test_typo_fix_places_the_corrected_words(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, TEXT.replace("Critcs", "Critics"), "bo")
    (claim,) = queries.claims_needing_review(db, article_id)
    assert claim.quote == "Critics called the figure optimistic"
    assert claim.original_quote == "Critcs called the figure optimistic"
    assert claim.placement_score > 0.9


def test_revisions_are_kept_and_numbered(db: Database) -> None:
    article_id = _article(db)
    second = TEXT.replace("Monday", "Tuesday")
    ops.create_revision(db, article_id, second, "bo")
    ops.create_revision(db, article_id, second + "\n\nUpdate: corrected the day.", "cy",
                        source="update-import", source_path="/x/page.html")  # fmt: skip
    revs = queries.list_revisions(db, article_id)
    assert [(r.number, r.source, r.reviewer) for r in revs] == [
        (1, "import", "ana"), (2, "edit", "bo"), (3, "update-import", "cy")
    ]  # fmt: skip
    assert revs[0].text == TEXT and revs[1].text == second
    assert revs[2].source_path == "/x/page.html"
    assert queries.get_revision(db, revs[1].id) == revs[1]
    assert queries.get_revision_by_number(db, article_id, 1).text == TEXT
    assert revs[2].content_hash == queries.get_article(db, article_id).content_hash
    with pytest.raises(NotFound):
        queries.get_revision_by_number(db, article_id, 4)
    with pytest.raises(NotFound):
        queries.list_revisions(db, 999)


def test_unchanged_text_makes_no_revision(db: Database) -> None:
    article_id = _article(db)
    with pytest.raises(ops.UnchangedText, match="same as the current revision"):
        ops.create_revision(db, article_id, TEXT, "bo")
    assert len(queries.list_revisions(db, article_id)) == 1


@pytest.mark.parametrize("text", ["", "  \n\t "])
def test_empty_text_is_refused(db: Database, text: str) -> None:
    article_id = _article(db)
    with pytest.raises(InvalidInput, match="empty"):
        ops.create_revision(db, article_id, text, "bo")
    assert queries.get_article(db, article_id).text == TEXT


def test_audit_rows_for_revision_and_non_exact_claims(db: Database) -> None:
    article_id = _article(db)
    new = "Intro.\n\n" + TEXT.replace("Critcs", "Critics").replace(P3, "Gone.")
    ops.create_revision(db, article_id, new, "bo")
    rows = [h for h in queries.history(db) if h.action in ("re-anchor claim", "new revision")]
    assert [h.action for h in rows].count("new revision") == 1
    reanchored = {h.claim_id: json.loads(h.new) for h in rows if h.action == "re-anchor claim"}
    claims = {c.id: c for c in queries.claims_for_article(db, article_id)}
    # exact claims that only shifted are not audited; the fuzzy and orphaned ones are
    assert set(reanchored) == {c.id for c in claims.values() if c.placement != "exact"}
    assert sorted(v["placement"] for v in reanchored.values()) == [
        "fuzzy", "orphaned", "orphaned"
    ]  # fmt: skip
    for claim_id, new_values in reanchored.items():
        old = json.loads(next(h.old for h in rows if h.claim_id == claim_id))
        assert old["quote"] in QUOTES and old["placement"] == "exact"
        assert new_values["revision"] == 2


def test_revision_is_one_transaction(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _article(db)
    before = queries.claims_for_article(db, article_id)

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("re-anchoring failed half-way")

    monkeypatch.setattr(revisions_op, "reanchor", broken)
    with pytest.raises(RuntimeError):
        ops.create_revision(db, article_id, "Intro.\n\n" + TEXT, "bo")
    assert queries.get_article(db, article_id).text == TEXT
    assert len(queries.list_revisions(db, article_id)) == 1
    assert queries.claims_for_article(db, article_id) == before


def test_fuzzy_stays_fuzzy_until_confirmed(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, TEXT.replace("Critcs", "Critics"), "bo")
    (fuzzy,) = queries.claims_needing_review(db, article_id)
    ops.create_revision(db, article_id, "Intro.\n\n" + TEXT.replace("Critcs", "Critics"), "bo")
    again = queries.get_claim(db, fuzzy.id)
    assert again.placement == "fuzzy"
    assert again.original_quote == "Critcs called the figure optimistic"
    assert again.start == fuzzy.start + len("Intro.\n\n")


def test_orphan_found_again_is_moved(db: Database) -> None:
    article_id = _article(db)
    gone = TEXT.replace(P3, "Gone.")
    ops.create_revision(db, article_id, gone, "bo")
    orphans = queries.claims_needing_review(db, article_id)
    assert [c.placement for c in orphans] == ["orphaned", "orphaned"]
    ops.create_revision(db, article_id, TEXT, "bo")  # the paragraph comes back
    assert queries.claims_needing_review(db, article_id) == []
    for c in orphans:
        back = queries.get_claim(db, c.id)
        assert back.placement == "moved" and TEXT[back.start : back.end] == back.quote


def test_confirm_fuzzy_makes_it_exact_and_keeps_the_audit(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, TEXT.replace("Critcs", "Critics"), "bo")
    (fuzzy,) = queries.claims_needing_review(db, article_id)
    change = ops.confirm_placement(db, fuzzy.id, "cy")
    assert change.claim_ids == {fuzzy.id} and change.article_ids == {article_id}
    claim = queries.get_claim(db, fuzzy.id)
    assert (claim.placement, claim.placement_score, claim.original_quote) == ("exact", 1.0, "")
    assert claim.quote == "Critics called the figure optimistic"
    entry = queries.history_for_claim(db, fuzzy.id)[-1]
    assert (entry.action, entry.reviewer, entry.new) == ("confirm placement", "cy", "exact")
    old = json.loads(entry.old)
    assert old["placement"] == "fuzzy"
    assert old["original_quote"] == "Critcs called the figure optimistic"
    assert queries.claims_needing_review(db, article_id) == []


def test_confirm_an_orphan_is_refused(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, TEXT.replace(P3, "Gone."), "bo")
    orphan = queries.claims_needing_review(db, article_id)[0]
    with pytest.raises(InvalidInput, match="re-attach it"):
        ops.confirm_placement(db, orphan.id, "cy")
    assert queries.get_claim(db, orphan.id).placement == "orphaned"


def test_reattach_an_orphan_to_a_new_selection(db: Database) -> None:
    article_id = _article(db)
    new = TEXT.replace(P3, "Work begins in the spring; officials expect a long project.")
    ops.create_revision(db, article_id, new, "bo")
    orphan = next(c for c in queries.claims_needing_review(db, article_id)
                  if c.quote == "Construction starts in May")  # fmt: skip
    ops.set_status(db, orphan.id, "corroborated", "bo")
    start = new.index("Work begins in the spring")
    ops.reattach_claim(db, orphan.id, start, start + len("Work begins in the spring"), "cy")
    claim = queries.get_claim(db, orphan.id)
    assert (claim.quote, claim.placement, claim.original_quote) == (
        "Work begins in the spring", "exact", ""
    )  # fmt: skip
    assert claim.status.value == "corroborated"  # the verdict survives
    assert claim.suffix == new[claim.end : claim.end + 32]
    entry = queries.history_for_claim(db, orphan.id)[-1]
    assert entry.action == "reattach claim"
    assert json.loads(entry.old)["quote"] == "Construction starts in May"
    assert [c.quote for c in queries.claims_needing_review(db, article_id)] == [
        "should finish within two years"
    ]


@pytest.mark.parametrize(("start", "end", "message"), [
    (5, 5, "before the end"), (-1, 3, "outside"), (0, 10_000, "outside"),
])  # fmt: skip
def test_reattach_refuses_bad_spans(db: Database, start: int, end: int, message: str) -> None:
    article_id = _article(db)
    claim = queries.claims_for_article(db, article_id)[0]
    with pytest.raises(InvalidInput, match=message):
        ops.reattach_claim(db, claim.id, start, end, "cy")
    blank = TEXT.index("\n\n")
    with pytest.raises(InvalidInput, match="white space"):
        ops.reattach_claim(db, claim.id, blank, blank + 2, "cy")
    assert queries.get_claim(db, claim.id) == claim


def test_deleting_a_claim_that_needs_review(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, TEXT.replace(P3, "Gone."), "bo")
    orphan = queries.claims_needing_review(db, article_id)[0]
    snap = ops.snapshot_claim(db, orphan.id)
    ops.delete_claim(db, orphan.id, "cy")
    assert orphan.id not in {c.id for c in queries.claims_needing_review(db, article_id)}
    ops.restore_claim(db, snap, "cy")  # undo brings it back still orphaned
    assert queries.get_claim(db, orphan.id) == orphan


def test_claims_needing_review_across_articles(db: Database) -> None:
    a = _article(db)
    b = _article(db, TEXT + "\n\nA second copy with a tail.")
    ops.create_revision(db, a, TEXT.replace("Critcs", "Critics"), "bo")
    ops.create_revision(db, b, TEXT.replace(P3, "Gone."), "bo")
    assert [(c.article_id, c.placement) for c in queries.claims_needing_review(db)] == [
        (a, "fuzzy"), (b, "orphaned"), (b, "orphaned")
    ]  # fmt: skip
    assert queries.placement_counts(db, b) == {"exact": 3, "moved": 0, "fuzzy": 0,
                                               "orphaned": 2}  # fmt: skip


def test_import_writes_revision_one(db: Database) -> None:
    (res,), _ = ops.import_articles(db, [ArticleDraft("T", TEXT, source_path="/a.txt")], "ana")
    (rev,) = queries.list_revisions(db, res.article_id)
    assert (rev.number, rev.text, rev.source, rev.reviewer, rev.source_path) == (
        1, TEXT, "import", "ana", "/a.txt"
    )  # fmt: skip


def test_import_with_a_known_url_makes_a_revision(db: Database) -> None:
    url = "https://news.example/story"
    (first,), _ = ops.import_articles(db, [ArticleDraft("T", TEXT, url=url)], "ana")
    ops.mark_quote(db, first.article_id, QUOTES[2], "ana")
    fixed = TEXT.replace("Critcs", "Critics")
    (second,), change = ops.import_articles(
        db, [ArticleDraft("T", fixed, url=url, source_path="/b.html")], "bo"
    )
    assert second.article_id == first.article_id and not second.duplicate
    assert second.revision is not None and second.revision.number == 2
    assert second.revision.counts["fuzzy"] == 1
    assert change.article_ids == {first.article_id}
    assert queries.article_count(db) == 1
    # the older text again, or the same text again: a duplicate, no revision 3
    for text in (TEXT, fixed):
        (again,), _ = ops.import_articles(db, [ArticleDraft("T", text, url=url)], "bo")
        assert again.duplicate and again.article_id == first.article_id
    assert len(queries.list_revisions(db, first.article_id)) == 2


def test_same_url_twice_in_one_batch(db: Database) -> None:
    url = "https://news.example/story"
    results, _ = ops.import_articles(
        db, [ArticleDraft("T", TEXT, url=url), ArticleDraft("T", TEXT + " More.", url=url)],
        "ana",
    )
    assert results[0].article_id == results[1].article_id
    assert results[1].revision is not None and results[1].revision.number == 2
    assert queries.article_count(db) == 1


def test_search_index_follows_quotes_and_notes(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, "Intro.\n\n" + TEXT.replace("Critcs", "Critics"), "bo")
    (fuzzy,) = queries.claims_needing_review(db, article_id)
    claim_hits = {h.claim_id for h in queries.search(db, "critics") if h.kind == "claim"}
    assert claim_hits == {fuzzy.id}  # the new quote is indexed
    assert not [h for h in queries.search(db, "critcs") if h.kind == "claim"]
    shifted = queries.claims_for_article(db, article_id)[0]
    ops.set_note(db, shifted.id, "checked against the budget paper", "bo")
    assert [h.claim_id for h in queries.search(db, "paper")] == [shifted.id]
    assert [h.claim_id for h in queries.search(db, "Spending") if h.kind == "claim"] == [
        shifted.id
    ]


def test_confirm_and_reattach_can_be_undone(db: Database) -> None:
    article_id = _article(db)
    ops.create_revision(db, article_id, TEXT.replace("Critcs", "Critics").replace(P3, "Gone."),
                        "bo")  # fmt: skip
    fuzzy, orphan, _other = queries.claims_needing_review(db, article_id)
    assert (fuzzy.placement, orphan.placement) == ("fuzzy", "orphaned")
    edits = [(fuzzy, lambda: ops.confirm_placement(db, fuzzy.id, "cy")),
             (orphan, lambda: ops.reattach_claim(db, orphan.id, 0, 3, "cy"))]  # fmt: skip
    for claim, edit in edits:
        snap = ops.snapshot_placement(db, claim.id)
        edit()
        assert queries.get_claim(db, claim.id).placement == "exact"
        ops.restore_placement(db, snap, "cy")
        back = queries.get_claim(db, claim.id)
        assert (back.start, back.end, back.quote, back.placement, back.original_quote) == (
            claim.start, claim.end, claim.quote, claim.placement, claim.original_quote
        )  # fmt: skip
    assert queries.history_for_claim(db, orphan.id)[-1].action == "restore placement"
