"""The reviewed corpus the report and interchange tests share: the five sample articles
with claims of every verdict, tags, notes, outside sources and claim links (a
contradiction across articles among them), all made through the operations layer.

Other test modules import :func:`review_seed_corpus` and :func:`make_hostile`; the tests
here check the corpus really holds what those tests rely on.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.core.model import Relation, Status
from factcheck.store import ops, queries

HOSTILE_TITLE = '<script>alert("t")</script>"><img src=x onerror=alert(1)> [x](javascript:alert(3))'
HOSTILE_NOTE = (
    "<script>alert('note')</script>\n"
    '"><img src=x onerror=alert(2)>\n'
    "[click me](javascript:alert(4)) ![img](http://evil.example/p.png)\n"
    "# heading\n- list item\n1. numbered\n    indented code\n| a | b |\n"
    "=cmd|' /C calc'!A0"
)
HOSTILE_TAG = "<b>bold</b>*tag*"
HOSTILE_URL = "javascript:alert(5)"


@dataclass(frozen=True)
class Corpus:
    """Claim ids of the reviewed corpus, by role."""

    corroborated: int
    same_figure: int
    contradicting: int
    petition: int
    rescued: int
    trapped: int
    killed: int

    @property
    def all(self) -> list[int]:
        return [self.corroborated, self.same_figure, self.contradicting, self.petition,
                self.rescued, self.trapped, self.killed]  # fmt: skip


def _mark(db: Database, article_id: int, quote: str, **kw: object) -> int:
    change = ops.mark_quote(db, article_id, quote, "alice", **kw)  # type: ignore[arg-type]
    assert change.created_id is not None
    return change.created_id


def review_seed_corpus(db: Database) -> Corpus:
    """Mark, judge, tag, annotate and link claims on the seeded articles (ids 1-5)."""
    c = Corpus(
        corroborated=_mark(db, 1, "more than 3,000 volunteer rescue workers",
                           status=Status.CORROBORATED, tags=["numbers", "membership"],
                           note="Matches the group's own figures."),
        same_figure=_mark(db, 2, "There are nearly 3,000 members of the White Helmets",
                          status=Status.CORROBORATED, tags=["membership"]),
        contradicting=_mark(db, 5, "the group's 2,700-strong members",
                            status=Status.INCONCLUSIVE, tags=["numbers"]),
        petition=_mark(db, 2, "more than 325,000 signatures", tags=["petition"]),
        rescued=_mark(db, 4, "The group claims to have rescued some 60,000 people since 2013.",
                      status=Status.INCONCLUSIVE,
                      note="Only the group's own count.\nNo independent tally found."),
        trapped=_mark(db, 3, "there are 300 currently trapped", status=Status.CONTRADICTED,
                      tags=["numbers"], note="Later reports say 422 were evacuated."),
        killed=_mark(db, 5, "More than 400,000 people have been killed in Syria since 2011",
                     status=Status.CORROBORATED, tags=["casualties"]),
    )  # fmt: skip
    ops.add_source(db, c.corroborated, "https://www.whitehelmets.org/en/", "bob",
                   title="About the White Helmets", accessed="2024-03-01",
                   quote="more than 3,000 volunteers")  # fmt: skip
    ops.add_source(db, c.killed, "https://www.un.org/press/", "bob", accessed="2024-03-02")
    ops.link_claims(db, c.corroborated, c.same_figure, Relation.CORROBORATES, "bob")
    ops.link_claims(db, c.corroborated, c.contradicting, Relation.CONTRADICTS, "bob",
                    note="2,700 is not more than 3,000")  # fmt: skip
    ops.link_claims(db, c.trapped, c.corroborated, Relation.SAME_AS, "bob")
    return c


def make_hostile(db: Database, corpus: Corpus) -> None:
    """Put hostile text where a report shows project text: a title, a note, a tag, an
    outside source's URL and title."""
    ops.update_article_metadata(db, 1, "alice", title=HOSTILE_TITLE,
                                outlet='Outlet <i onmouseover="x()">')  # fmt: skip
    ops.set_note(db, corpus.corroborated, HOSTILE_NOTE, "alice")
    ops.add_tag(db, corpus.corroborated, HOSTILE_TAG, "alice")
    source = ops.add_source(db, corpus.corroborated, "https://example.org/", "alice",
                            title="<svg onload=alert(6)>").created_id  # fmt: skip
    # The operations refuse a javascript: URL now; a project written by an older version
    # may still hold one, so the exporters must keep neutralising it.
    with db.atomic():
        db.execute("UPDATE articles SET url = ? WHERE id = 1", (HOSTILE_URL,))
        db.execute("UPDATE evidence SET url = ? WHERE id = ?", (HOSTILE_URL, source))


def test_corpus_has_every_verdict_tags_notes_and_links(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    claims = queries.all_claims(seeded_db)
    assert {c.id for c in claims} == set(corpus.all)
    assert {c.status for c in claims} == set(Status)
    assert any(c.tags for c in claims) and any(c.note for c in claims)
    evidence = queries.all_evidence(seeded_db)
    assert {e.relation for e in evidence if e.kind == "claim"} == set(Relation)
    assert sum(e.kind == "source" for e in evidence) == 2


def test_hostile_corpus_stores_the_hostile_text(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    make_hostile(seeded_db, corpus)
    assert queries.get_article(seeded_db, 1).title == HOSTILE_TITLE
    assert queries.get_claim(seeded_db, corpus.corroborated).note == HOSTILE_NOTE
