"""The claims of both HTML reports are written in Python (for speed) exactly as the
templates' own loops wrote them: each template loop is kept here and rendered beside
the Python on a corpus with hostile text, several reviewers, an adjudication, a
disagreement, sources with and without links, placements and languages."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from sqlite_utils import Database

from factcheck.core.colors import STATUS_GRAPHIC_COLORS
from factcheck.core.report.html import environment, template_dir
from factcheck.core.report.html_claims import claims_html, ctx, esc, qt_claims_html
from factcheck.core.report.model import Report
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import make_hostile, review_seed_corpus

# the templates' loops over claims as they were, before the claims were written in Python
LOOPS = Path(__file__).resolve().parents[1] / "data" / "report"

BADGE = {"corroborated": "#d8f0d9", "contradicted": "#fbd9da", "inconclusive": "#e6e0f3",
         "unverified": "#fcf0c8"}  # fmt: skip
FONTS = "'Noto Naskh Arabic', 'Noto Sans Arabic'"


def _env() -> Environment:
    return environment(str(template_dir()))  # the report's own filters and escaping


def _rich_report(db: Database) -> Report:
    corpus = review_seed_corpus(db)
    make_hostile(db, corpus)
    a = ops.mark_quote(db, 2, "volunteer", "ana", status="corroborated").created_id
    d = ops.mark_quote(db, 4, "rescue", "ana", status="corroborated").created_id
    assert a is not None and d is not None
    ops.set_status(db, a, "contradicted", "ben")
    ops.adjudicate(db, a, "corroborated", "cy", "photos <b>of</b> the 2016 rescue")
    ops.set_status(db, d, "inconclusive", "ben")  # a disagreement, not adjudicated
    ops.set_note(db, d, "ben's <note> & more", "ben")
    ops.set_claimant(db, corpus.killed, "The <UN> & 'friends'", "alice")
    ops.set_article_language(db, 4, "alice", language="ar", direction="rtl")
    source = ops.add_source(db, d, "https://example.org/2", "ana", title="spaced & <url>",
                            quote="q'q").created_id  # fmt: skip
    with db.atomic():
        db.execute("UPDATE reviewer_verdicts SET note = ? WHERE claim_id = ? AND reviewer = ?",
                   ("ana's \"view\" <x>", d, "ana"))  # fmt: skip
        db.execute("UPDATE evidence SET url = 'mailto:x@example.org' WHERE id = ?", (source,))
        db.execute("UPDATE claims SET placement = 'fuzzy', prefix = ? WHERE id = ?",
                   ("line one\n\n  line\u00a0 two\t", corpus.petition))  # fmt: skip
        db.execute("UPDATE claims SET placement = 'orphaned' WHERE id = ?", (corpus.trapped,))
    return gather_report(db, [1, 2, 4, 5], reviewer="x")  # article 3: links leave the report


def test_the_html_claims_are_the_template_loop_byte_for_byte(seeded_db: Database) -> None:
    report = _rich_report(seeded_db)
    loop = _env().from_string((LOOPS / "claims_loop.html.j2").read_text(encoding="utf-8"))
    shown = "".join(claims_html(a) for a in report.articles)
    assert shown == "".join(loop.render(a=a) for a in report.articles)
    for needle in ("not yet: the reviewers disagree", "by cy", 'href="mailto:x@example.org"',
                   "&lt;script&gt;", "Placement: ", 'lang="ar"', "<bdi>"):  # fmt: skip
        assert needle in shown, needle


def test_the_print_claims_are_the_template_loop_byte_for_byte(seeded_db: Database) -> None:
    report = _rich_report(seeded_db)
    loop = _env().from_string((LOOPS / "claims_loop_qt.html.j2").read_text(encoding="utf-8"))
    colors = {s.value: c for s, c in STATUS_GRAPHIC_COLORS.items()}
    for fonts in ("", FONTS):
        for a in report.articles:
            expected = loop.render(claims=a.claims, a=a, fonts=fonts, colors=colors, badge=BADGE)
            assert qt_claims_html(a.claims, a, fonts, colors, BADGE) == expected


def test_escaping_and_spacing_match_the_template_filters() -> None:
    from markupsafe import escape

    for text in ("plain", "<a href='x'>&\"</a>", "", "‘quoted’ &amp; already"):
        assert esc(text) == str(escape(text))
    assert ctx("a  b\nc\u00a0d\te") == "a b c d e"
    assert ctx("one two") == "one two"
