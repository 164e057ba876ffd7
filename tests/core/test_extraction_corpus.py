"""Article extraction measured on the project's own set of news pages
(``tests/data/extraction``): text by bag-of-words F1, metadata exactly, bylines cleaned,
headline preferred over a promotional ``<title>``, and the fall-back between modes."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.formats.bylines import clean_byline
from factcheck.core.formats.html_reader import (
    FALLBACK_RATIO,
    choose_text,
    choose_title,
    read_html,
)
from tests.extraction_quality import expected_metadata, f1, mode_extractor, pages, table

PAGES = pages()
EXPECTED = expected_metadata()


def test_the_set_is_big_and_varied_enough() -> None:
    assert len(PAGES) >= 12
    assert set(EXPECTED) == {slug for slug, _, _ in PAGES}
    assert all(len(want.split("\n\n")) >= 5 for _, _, want in PAGES)  # multi-paragraph


@pytest.mark.parametrize(("slug", "data", "want"), PAGES, ids=[p[0] for p in PAGES])
def test_each_page_imports_its_article_and_metadata(slug: str, data: bytes, want: str) -> None:
    draft = read_html(Path(f"{slug}.html"), data)
    assert f1(draft.text, want) >= 0.85, slug
    for marker in ("Accept all", "Related stories", "Most read", "Reply", "Sign up"):
        assert marker not in draft.text, (slug, marker)
    expected = EXPECTED[slug]
    got = {k: getattr(draft, k) for k in expected}
    assert got == expected


@pytest.mark.slow
def test_the_importer_is_at_least_as_good_as_the_best_single_mode() -> None:
    rows = table()
    mean = rows["mean"]
    assert mean["importer"] >= max(mean["precision"], mean["default"], mean["recall"]) - 1e-9
    assert mean["importer"] >= 0.95
    for slug, row in rows.items():
        assert row["importer"] >= min(row["precision"], row["default"], row["recall"]), slug


def test_f1_is_a_real_measure() -> None:
    assert f1("a b c", "a b c") == 1.0
    assert f1("", "a b c") == 0.0
    assert f1("a b", "a b c d") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert f1("A, b.", "a b") == 1.0  # case and punctuation do not count


def test_a_mode_that_keeps_only_the_first_paragraph_is_overruled() -> None:
    _slug, data, want = next(p for p in PAGES if p[0] == "19-split-body")
    full = mode_extractor("precision")(data)
    first_paragraph = full.split("\n")[0]
    # precision kept one paragraph, the others the whole article: the longer one wins
    assert choose_text({"precision": first_paragraph, "default": full, "recall": full}) == (
        "default"
    )
    assert choose_text({"precision": first_paragraph, "recall": full}) == "recall"
    # a small difference is no reason to leave precision mode
    trimmed = full[: int(len(full) * (FALLBACK_RATIO + 0.2))]
    assert choose_text({"precision": trimmed, "default": full, "recall": full}) == "precision"
    assert choose_text({"precision": "", "recall": ""}) == "precision"
    assert f1(first_paragraph, want) < 0.5 < f1(full, want)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("By Joshua Sokol May 3, 2024", "Joshua Sokol"),
        ("Joshua Sokol May", "Joshua Sokol"),
        ("Ben Silverman Games Editor", "Ben Silverman"),
        ("Username", ""),
        ("作者", ""),
        ("Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("By Dr. Laura Chen, Health Correspondent", "Laura Chen"),
        ("By Tom Reilly and Aoife Byrne Updated 14:32", "Tom Reilly; Aoife Byrne"),
        ("Words by Sam Okoye | Photography by Lena Fischer", "Sam Okoye"),
        ("By Fiona MacLeod - Environment Editor - Aug 29 2022", "Fiona MacLeod"),
        ("by Amara Nwosu, Culture Reporter | Published 3 hours ago", "Amara Nwosu"),
        ("Posted by admin on 12/03/2021 at 10:15", ""),
        ("By R. Haddad, Industrial Correspondent", "R. Haddad"),
        ("Ludwig van Beethoven Music Critic", "Ludwig van Beethoven"),
        ("Maria de la Cruz", "Maria de la Cruz"),
        ("李明", "李明"),
        ("", ""),
    ],
)
def test_bylines_are_cleaned(raw: str, clean: str) -> None:
    assert clean_byline(raw) == clean


def test_a_staff_credit_naming_the_outlet_is_no_author() -> None:
    assert clean_byline("South Coast Today Staff", "South Coast Today") == ""
    assert clean_byline("Priya Raman", "South Coast Today") == "Priya Raman"


def test_the_headline_wins_over_a_promotional_title() -> None:
    page = {"og_title": "", "headline": "Council approves 400 new homes", "title": ""}
    assert choose_title("Subscribe now and get 3 months free", page, "x") == (
        "Council approves 400 new homes"
    )
    # a title that agrees with the headline (site name cut differently) is kept
    assert choose_title("Council approves 400 new homes on rail yard", page, "x") == (
        "Council approves 400 new homes on rail yard"
    )
    empty = {"og_title": "", "headline": "", "title": "Page title"}
    assert choose_title("", empty, "file-name") == "Page title"
    assert choose_title("", {**empty, "title": ""}, "file-name") == "file-name"


def test_a_standfirst_outside_the_body_is_kept_once() -> None:
    from factcheck.core.formats.html_reader import with_standfirst

    body = "First paragraph of the body.\n\nSecond paragraph of the body."
    lede = "A council has approved four hundred homes on the old rail yard after six years."
    assert with_standfirst(body, lede) == lede + "\n\n" + body
    assert with_standfirst(lede + "\n\n" + body, lede) == lede + "\n\n" + body  # not twice
    assert with_standfirst(body, "") == body
    slug, data, want = next(p for p in PAGES if p[0] == "02-games-review")
    lead = want.split("\n\n")[0]
    text = read_html(Path(f"{slug}.html"), data).text
    assert text.startswith(lead) and text.count(lead[:40]) == 1


def test_only_a_marked_standfirst_of_a_sentence_or_two_counts() -> None:
    from factcheck.core.formats.html_reader import _page_metadata

    lede = "The exposed bed of the upper reservoir last week, photographed from the dam wall"
    body = " ".join(["The reservoir held less water than at any time since records began."] * 9)

    def standfirst(cls: str, text: str = lede, where: str = "article") -> str:
        page = (f"<html><body><{where}><h1>Reservoir at a record low</h1>"
                f'<div class="{cls}"><p>{text}</p></div><p>{body}</p></{where}>'
                "</body></html>").encode()  # fmt: skip
        return _page_metadata(page)["standfirst"]

    assert standfirst("standfirst") == lede
    assert standfirst("article__lede") == lede
    assert standfirst("lead-image") == ""  # an image's caption box
    assert standfirst("standfirst", text="Too short to be one") == ""
    assert standfirst("standfirst", text=body) == ""  # the body, not a summary
    assert standfirst("standfirst", where="aside") == ""  # another story's teaser
